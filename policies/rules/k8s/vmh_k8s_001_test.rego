package controlgate.rules.vmh_k8s_001_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.vmh_k8s_001 as rule

_hardened := {"shielded_instance_config": [{"enable_secure_boot": true}], "workload_metadata_config": [{"mode": "GKE_METADATA"}]}

test_gke_node_config_absent_fails if {
	inp := t.tf_input("google_container_node_pool", {"cluster": "c"})
	rule.deny == {{"resource": "r0", "path": ["node_config"]}} with input as inp
	rule.applies == {"r0"} with input as inp
}

test_gke_secure_boot_off_and_metadata_exposed_fail if {
	nc := {
		"shielded_instance_config": [{"enable_secure_boot": false}],
		"workload_metadata_config": [{"mode": "GCE_METADATA"}],
		"metadata": {"disable-legacy-endpoints": "false"},
	}
	inp := t.tf_input("google_container_cluster", {"enable_shielded_nodes": false, "node_config": [nc]})
	rule.deny == {
		{"resource": "r0", "path": ["enable_shielded_nodes"], "actual": false},
		{"resource": "r0", "path": ["node_config", 0, "shielded_instance_config", 0, "enable_secure_boot"], "actual": false},
		{"resource": "r0", "path": ["node_config", 0, "workload_metadata_config", 0, "mode"], "actual": "GCE_METADATA"},
		{"resource": "r0", "path": ["node_config", 0, "metadata", "disable-legacy-endpoints"], "actual": "false"},
	} with input as inp
}

test_gke_shielded_config_without_secure_boot_fails if {
	inp := t.tf_input("google_container_node_pool", {"node_config": [{"shielded_instance_config": [{"enable_integrity_monitoring": true}]}]})
	rule.deny == {{"resource": "r0", "path": ["node_config", 0, "shielded_instance_config", 0, "enable_secure_boot"]}} with input as inp
}

test_gke_hardened_passes if {
	inp := t.tf_inputs([
		["google_container_cluster", {"remove_default_node_pool": true}],
		["google_container_node_pool", {"node_config": [_hardened]}],
	])
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_gke_unknown_not_evaluated if {
	inp := t.tf_input("google_container_node_pool", {"node_config": [{"shielded_instance_config": [{"enable_secure_boot": t.unknown("var.sb")}]}]})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "r0", "path": ["node_config", 0, "shielded_instance_config", 0, "enable_secure_boot"], "reason": "var.sb"}} with input as inp
}

_ng := ["aws_eks_node_group", {"launch_template": [{"id": t.unknown("aws_launch_template.r1.id"), "version": "$Latest"}]}]

test_eks_launch_template_without_imdsv2_fails if {
	inp := t.tf_inputs([_ng, ["aws_launch_template", {"metadata_options": [{"http_tokens": "optional"}]}]])
	rule.deny == {{"resource": "r0", "path": ["launch_template", 0]}} with input as inp
	absent := t.tf_inputs([_ng, ["aws_launch_template", {"image_id": "ami-1"}]])
	rule.deny == {{"resource": "r0", "path": ["launch_template", 0]}} with input as absent
}

test_eks_launch_template_imdsv2_passes if {
	inp := t.tf_inputs([_ng, ["aws_launch_template", {"metadata_options": [{"http_tokens": "required", "http_put_response_hop_limit": 2}]}]])
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_eks_unresolved_template_not_evaluated if {
	inp := t.tf_input("aws_eks_node_group", {"launch_template": [{"id": t.unknown("var.lt_id")}]})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "r0", "path": ["launch_template", 0], "reason": "var.lt_id"}} with input as inp
}

test_aks_host_encryption_is_low if {
	inp := t.tf_inputs([
		["azurerm_kubernetes_cluster", {"default_node_pool": [{"name": "sys"}]}],
		["azurerm_kubernetes_cluster_node_pool", {"enable_host_encryption": false}],
		["azurerm_kubernetes_cluster_node_pool", {"host_encryption_enabled": true}],
	])
	rule.deny == {
		{"resource": "r0", "sub": "host-encryption", "path": ["default_node_pool", 0, "host_encryption_enabled"]},
		{"resource": "r1", "sub": "host-encryption", "path": ["enable_host_encryption"], "actual": false},
	} with input as inp
	unk := t.tf_input("azurerm_kubernetes_cluster_node_pool", {"host_encryption_enabled": t.unknown("var.he")})
	rule.unknown == {{"resource": "r0", "sub": "host-encryption", "path": ["host_encryption_enabled"], "reason": "var.he"}} with input as unk
}

# Autopilot nodes are Google's: shielded, secure boot, GKE metadata server.
test_gke_autopilot_passes if {
	inp := t.tf_input("google_container_cluster", {"name": "c", "enable_autopilot": true})
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

# node_metadata, the attribute before mode (google provider < 4).
test_gke_legacy_node_metadata_expose_fails if {
	nc := {"shielded_instance_config": [{"enable_secure_boot": true}], "workload_metadata_config": [{"node_metadata": "EXPOSE"}]}
	inp := t.tf_input("google_container_node_pool", {"node_config": [nc]})
	rule.deny == {{"resource": "r0", "path": ["node_config", 0, "workload_metadata_config", 0, "node_metadata"], "actual": "EXPOSE"}} with input as inp
	secure := t.tf_input("google_container_node_pool", {"node_config": [object.union(nc, {"workload_metadata_config": [{"node_metadata": "GKE_METADATA_SERVER"}]})]})
	count(rule.deny) == 0 with input as secure
}

# Two node_config blocks (not valid for GKE) used to give two values for one call, a conflict that
# aborted the whole evaluation: the first gap in block order is reported instead.
test_gke_several_node_configs_report_the_first_gap if {
	inp := t.tf_input("google_container_node_pool", {"node_config": [{"machine_type": "e2"}, {"machine_type": "e3"}]})
	{"resource": "r0", "path": ["node_config", 0, "shielded_instance_config"]} in rule.deny with input as inp
}

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

# Tri checks: a failure already decided leaves no not-evaluated result for the same condition (an
# unknown secure boot beside another block's secure boot off used to give both).
test_gke_unknown_beside_secure_boot_gap_not_reported if {
	blocks := [
		{"shielded_instance_config": [{"enable_secure_boot": t.unknown("var.sb")}]},
		{"shielded_instance_config": [{"enable_secure_boot": false}]},
	]
	inp := t.tf_input("google_container_node_pool", {"node_config": blocks})
	rule.deny == {{
		"resource": "r0", "path": ["node_config", 1, "shielded_instance_config", 0, "enable_secure_boot"],
		"actual": false,
	}} with input as inp
	count(rule.unknown) == 0 with input as inp
}

# Tri checks: unknown node_metadata, disable-legacy-endpoints, enable_shielded_nodes and dynamic
# workload_metadata_config blocks used to pass unseen; now not evaluated.
test_gke_unknown_metadata_settings_not_evaluated if {
	nc := {
		"shielded_instance_config": [{"enable_secure_boot": true}],
		"workload_metadata_config": [{"node_metadata": t.unknown("var.nm")}, t.unknown("var.w")],
		"metadata": {"disable-legacy-endpoints": t.unknown("var.dle")},
	}
	inp := t.tf_input("google_container_cluster", {"enable_shielded_nodes": t.unknown("var.sn"), "node_config": [nc]})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {
		{"resource": "r0", "path": ["enable_shielded_nodes"], "reason": "var.sn"},
		{"resource": "r0", "path": ["node_config", 0, "workload_metadata_config", 0, "node_metadata"], "reason": "var.nm"},
		{"resource": "r0", "path": ["node_config", 0, "workload_metadata_config", 1], "reason": "var.w"},
		{"resource": "r0", "path": ["node_config", 0, "metadata", "disable-legacy-endpoints"], "reason": "var.dle"},
	} with input as inp
}

# Tri checks: an unknown node_config or shielded_instance_config element used to be read as a block
# without secure boot (a failure); now not evaluated.
test_gke_unknown_blocks_not_evaluated if {
	inp := t.tf_inputs([
		["google_container_node_pool", {"node_config": [t.unknown("var.nc")]}],
		["google_container_node_pool", {"node_config": [{"shielded_instance_config": [t.unknown("var.sic")]}]}],
	])
	count(rule.deny) == 0 with input as inp
	rule.unknown == {
		{"resource": "r0", "path": ["node_config", 0], "reason": "var.nc"},
		{"resource": "r1", "path": ["node_config", 0, "shielded_instance_config", 0], "reason": "var.sic"},
	} with input as inp
}

# Tri checks: an unknown remove_default_node_pool or enable_autopilot used to be read as false (the
# default pool's gaps failed); now they leave its checks undecided.
test_gke_unknown_default_pool_not_evaluated if {
	inp := t.tf_inputs([
		["google_container_cluster", {"remove_default_node_pool": t.unknown("var.rm")}],
		["google_container_cluster", {"enable_autopilot": t.unknown("var.ap")}],
		["google_container_cluster", {"enable_autopilot": t.unknown("var.ap"), "remove_default_node_pool": true}],
	])
	count(rule.deny) == 0 with input as inp
	rule.unknown == {
		{"resource": "r0", "path": ["remove_default_node_pool"], "reason": "var.rm"},
		{"resource": "r1", "path": ["enable_autopilot"], "reason": "var.ap"},
	} with input as inp
}

# Tri checks: one template with optional tokens decides the failure (an unknown tokens setting of
# another template was reported beside it); an unknown tokens setting with the endpoint disabled
# decides nothing (it was reported).
test_eks_decided_templates_report_no_unknown if {
	ng := ["aws_eks_node_group", {"launch_template": [{
		"id": t.unknown("aws_launch_template.r1.id"),
		"name": t.unknown("aws_launch_template.r2.name"),
	}]}]
	inp := t.tf_inputs([
		ng,
		["aws_launch_template", {"metadata_options": [{"http_tokens": "optional"}]}],
		["aws_launch_template", {"metadata_options": [{"http_tokens": t.unknown("var.tok")}]}],
	])
	rule.deny == {{"resource": "r0", "path": ["launch_template", 0]}} with input as inp
	count(rule.unknown) == 0 with input as inp
	off := t.tf_inputs([_ng, ["aws_launch_template", {"metadata_options": [{
		"http_tokens": t.unknown("var.tok"),
		"http_endpoint": "disabled",
	}]}]])
	count(rule.deny) == 0 with input as off
	count(rule.unknown) == 0 with input as off
}

# Tri checks: an unknown metadata_options block or http_endpoint used to pass or fail as read; a
# dynamic launch_template block passed unseen. Now not evaluated.
test_eks_unknown_template_settings_not_evaluated if {
	inp := t.tf_inputs([_ng, ["aws_launch_template", {"metadata_options": t.unknown("var.mo")}]])
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "r0", "path": ["launch_template", 0], "reason": "var.mo"}} with input as inp
	ep := t.tf_inputs([_ng, ["aws_launch_template", {"metadata_options": [{"http_endpoint": t.unknown("var.ep")}]}]])
	count(rule.deny) == 0 with input as ep
	rule.unknown == {{"resource": "r0", "path": ["launch_template", 0], "reason": "var.ep"}} with input as ep
	dyn := t.tf_input("aws_eks_node_group", {"launch_template": t.unknown("var.lt")})
	rule.unknown == {{"resource": "r0", "path": ["launch_template"], "reason": "var.lt"}} with input as dyn
}

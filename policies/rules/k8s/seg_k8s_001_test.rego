package controlgate.rules.seg_k8s_001_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.seg_k8s_001 as rule

test_eks_ssh_key_without_sgs_fails if {
	inp := t.tf_input("aws_eks_node_group", {"remote_access": [{"ec2_ssh_key": "ops"}]})
	rule.deny == {{"resource": "r0", "path": ["remote_access", 0, "source_security_group_ids"]}} with input as inp
	rule.applies == {"r0"} with input as inp
}

test_eks_with_sgs_or_without_remote_access_passes if {
	sgs := t.tf_input("aws_eks_node_group", {"remote_access": [{"ec2_ssh_key": "ops", "source_security_group_ids": ["sg-1"]}]})
	count(rule.deny) == 0 with input as sgs
	none := t.tf_input("aws_eks_node_group", {"node_group_name": "ng"})
	count(rule.deny) == 0 with input as none
	count(rule.unknown) == 0 with input as none
}

test_eks_unknown_sgs_not_evaluated if {
	inp := t.tf_input("aws_eks_node_group", {"remote_access": [{"ec2_ssh_key": "ops", "source_security_group_ids": t.unknown("var.sgs")}]})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "r0", "path": ["remote_access", 0, "source_security_group_ids"], "reason": "var.sgs"}} with input as inp
}

test_aks_public_node_ips_fail if {
	inp := t.tf_inputs([
		["azurerm_kubernetes_cluster", {"default_node_pool": [{"name": "sys", "node_public_ip_enabled": true}]}],
		["azurerm_kubernetes_cluster_node_pool", {"enable_node_public_ip": true}],
	])
	rule.deny == {
		{"resource": "r0", "path": ["default_node_pool", 0, "node_public_ip_enabled"], "actual": true},
		{"resource": "r1", "path": ["enable_node_public_ip"], "actual": true},
	} with input as inp
}

test_aks_default_passes_and_unknown_not_evaluated if {
	ok := t.tf_input("azurerm_kubernetes_cluster", {"default_node_pool": [{"name": "sys"}], "private_cluster_enabled": true})
	count(rule.deny) == 0 with input as ok
	unk := t.tf_input("azurerm_kubernetes_cluster_node_pool", {"node_public_ip_enabled": t.unknown("var.pip")})
	rule.unknown == {{"resource": "r0", "path": ["node_public_ip_enabled"], "reason": "var.pip"}} with input as unk
}

test_gke_public_nodes_fail if {
	absent := t.tf_input("google_container_cluster", {"name": "gke"})
	rule.deny == {{"resource": "r0", "path": ["private_cluster_config"]}} with input as absent
	off := t.tf_input("google_container_cluster", {"private_cluster_config": [{"enable_private_nodes": false}]})
	rule.deny == {{"resource": "r0", "path": ["private_cluster_config", 0, "enable_private_nodes"], "actual": false}} with input as off
}

test_gke_private_cluster_and_pools_pass if {
	inp := t.tf_inputs([
		["google_container_cluster", {"private_cluster_config": [{"enable_private_nodes": true}]}],
		["google_container_node_pool", {"cluster": t.unknown("google_container_cluster.r0.id")}],
	])
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
	rule.applies == {"r0", "r1"} with input as inp
}

test_gke_pool_inherits_public_cluster_fails if {
	inp := t.tf_inputs([
		["google_container_cluster", {"remove_default_node_pool": true}],
		["google_container_node_pool", {"cluster": t.unknown("google_container_cluster.r0.name")}],
		["google_container_node_pool", {"cluster": t.unknown("google_container_cluster.r0.name"), "network_config": [{"enable_private_nodes": true}]}],
	])
	rule.deny == {{"resource": "r1", "path": ["network_config"]}} with input as inp
}

test_gke_pool_explicitly_public_fails if {
	inp := t.tf_input("google_container_node_pool", {"cluster": "c", "network_config": [{"enable_private_nodes": false}]})
	rule.deny == {{"resource": "r0", "path": ["network_config", 0, "enable_private_nodes"], "actual": false}} with input as inp
}

test_gke_unknowns_not_evaluated if {
	pool := t.tf_input("google_container_node_pool", {"cluster": t.unknown("var.cluster")})
	count(rule.deny) == 0 with input as pool
	rule.unknown == {{"resource": "r0", "path": ["cluster"], "reason": "var.cluster"}} with input as pool
	cluster := t.tf_input("google_container_cluster", {"private_cluster_config": [{"enable_private_nodes": t.unknown("var.p")}]})
	count(rule.deny) == 0 with input as cluster
	rule.unknown == {{"resource": "r0", "path": ["private_cluster_config", 0, "enable_private_nodes"], "reason": "var.p"}} with input as cluster
}

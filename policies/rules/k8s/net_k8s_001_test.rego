package controlgate.rules.net_k8s_001_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.net_k8s_001 as rule

test_eks_default_public_fails if {
	inp := t.tf_input("aws_eks_cluster", {"name": "c", "vpc_config": [{"subnet_ids": ["s-1"]}]})
	rule.deny == {{"resource": "r0", "path": ["vpc_config", 0, "public_access_cidrs"]}} with input as inp
	rule.applies == {"r0"} with input as inp
}

test_eks_world_cidr_fails if {
	inp := t.tf_input("aws_eks_cluster", {"vpc_config": [{"endpoint_public_access": true, "public_access_cidrs": ["0.0.0.0/0"]}]})
	rule.deny == {{"resource": "r0", "path": ["vpc_config", 0, "public_access_cidrs"], "actual": ["0.0.0.0/0"]}} with input as inp
}

test_eks_private_or_restricted_passes if {
	private := t.tf_input("aws_eks_cluster", {"vpc_config": [{"endpoint_public_access": false}]})
	count(rule.deny) == 0 with input as private
	restricted := t.tf_input("aws_eks_cluster", {"vpc_config": [{"public_access_cidrs": ["203.0.113.0/24"]}]})
	count(rule.deny) == 0 with input as restricted
	count(rule.unknown) == 0 with input as restricted
}

test_eks_unknown_cidrs_not_evaluated if {
	inp := t.tf_input("aws_eks_cluster", {"vpc_config": [{"public_access_cidrs": t.unknown("var.cidrs")}]})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "r0", "path": ["vpc_config", 0, "public_access_cidrs"], "reason": "var.cidrs"}} with input as inp
}

test_aks_public_without_ranges_fails if {
	inp := t.tf_input("azurerm_kubernetes_cluster", {"name": "aks"})
	rule.deny == {{"resource": "r0", "path": ["api_server_access_profile"]}} with input as inp
	legacy := t.tf_input("azurerm_kubernetes_cluster", {"api_server_authorized_ip_ranges": []})
	rule.deny == {{"resource": "r0", "path": ["api_server_authorized_ip_ranges"]}} with input as legacy
}

test_aks_private_or_ranges_pass if {
	private := t.tf_input("azurerm_kubernetes_cluster", {"private_cluster_enabled": true})
	count(rule.deny) == 0 with input as private
	ranges := t.tf_input("azurerm_kubernetes_cluster", {"api_server_access_profile": [{"authorized_ip_ranges": ["198.51.100.0/24"]}]})
	count(rule.deny) == 0 with input as ranges
}

test_aks_unknown_private_not_evaluated if {
	inp := t.tf_input("azurerm_kubernetes_cluster", {"private_cluster_enabled": t.unknown("var.private")})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "r0", "path": ["private_cluster_enabled"], "reason": "var.private"}} with input as inp
}

test_gke_no_authorized_networks_fails if {
	inp := t.tf_input("google_container_cluster", {"name": "gke"})
	rule.deny == {{"resource": "r0", "path": ["master_authorized_networks_config"]}} with input as inp
}

test_gke_world_cidr_and_gcp_public_fail if {
	man := {"gcp_public_cidrs_access_enabled": true, "cidr_blocks": [{"cidr_block": "0.0.0.0/0", "display_name": "all"}]}
	inp := t.tf_input("google_container_cluster", {"master_authorized_networks_config": [man]})
	rule.deny == {
		{"resource": "r0", "path": ["master_authorized_networks_config", 0, "cidr_blocks", 0, "cidr_block"], "actual": "0.0.0.0/0"},
		{"resource": "r0", "path": ["master_authorized_networks_config", 0, "gcp_public_cidrs_access_enabled"], "actual": true},
	} with input as inp
}

test_gke_private_endpoint_or_admin_cidr_passes if {
	private := t.tf_input("google_container_cluster", {"private_cluster_config": [{"enable_private_endpoint": true}]})
	count(rule.deny) == 0 with input as private
	admin := t.tf_input("google_container_cluster", {"master_authorized_networks_config": [{"cidr_blocks": [{"cidr_block": "10.0.0.0/8"}]}]})
	count(rule.deny) == 0 with input as admin
	count(rule.unknown) == 0 with input as admin
}

test_gke_unknown_cidr_not_evaluated if {
	inp := t.tf_input("google_container_cluster", {"master_authorized_networks_config": [{"cidr_blocks": [{"cidr_block": t.unknown("var.cidr")}]}]})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "r0", "path": ["master_authorized_networks_config", 0, "cidr_blocks", 0, "cidr_block"], "reason": "var.cidr"}} with input as inp
}

test_gke_dynamic_private_config_not_evaluated if {
	inp := t.tf_input("google_container_cluster", {"private_cluster_config": t.unknown(`dynamic "private_cluster_config"`)})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "r0", "path": ["private_cluster_config"], "reason": `dynamic "private_cluster_config"`}} with input as inp
}

package controlgate.rules.adm_k8s_001_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.adm_k8s_001 as rule

test_aks_local_accounts_default_fails if {
	inp := t.tf_input("azurerm_kubernetes_cluster", {"name": "aks"})
	rule.deny == {{"resource": "r0", "path": ["local_account_disabled"]}} with input as inp
	rule.applies == {"r0"} with input as inp
}

test_aks_rbac_off_is_high if {
	inp := t.tf_input("azurerm_kubernetes_cluster", {"local_account_disabled": false, "role_based_access_control_enabled": false})
	rule.deny == {
		{"resource": "r0", "path": ["local_account_disabled"], "actual": false},
		{"resource": "r0", "sub": "legacy-auth", "path": ["role_based_access_control_enabled"], "actual": false},
	} with input as inp
}

test_aks_entra_only_passes if {
	inp := t.tf_input("azurerm_kubernetes_cluster", {"local_account_disabled": true, "azure_active_directory_role_based_access_control": [{"azure_rbac_enabled": true}]})
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_aks_unknown_not_evaluated if {
	inp := t.tf_input("azurerm_kubernetes_cluster", {"local_account_disabled": t.unknown("var.lad")})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "r0", "path": ["local_account_disabled"], "reason": "var.lad"}} with input as inp
}

test_gke_abac_and_client_cert_fail if {
	inp := t.tf_input("google_container_cluster", {
		"enable_legacy_abac": true,
		"master_auth": [{"client_certificate_config": [{"issue_client_certificate": true}]}],
	})
	rule.deny == {
		{"resource": "r0", "sub": "legacy-auth", "path": ["enable_legacy_abac"], "actual": true},
		{"resource": "r0", "sub": "legacy-auth", "path": ["master_auth", 0, "client_certificate_config", 0, "issue_client_certificate"], "actual": true},
	} with input as inp
}

test_gke_defaults_pass if {
	inp := t.tf_input("google_container_cluster", {"name": "gke"})
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_gke_unknown_not_evaluated if {
	inp := t.tf_input("google_container_cluster", {"enable_legacy_abac": t.unknown("var.abac")})
	rule.unknown == {{"resource": "r0", "sub": "legacy-auth", "path": ["enable_legacy_abac"], "reason": "var.abac"}} with input as inp
}

test_eks_bootstrap_admin_is_low if {
	inp := t.tf_input("aws_eks_cluster", {"access_config": [{"authentication_mode": "API", "bootstrap_cluster_creator_admin_permissions": true}]})
	rule.deny == {{"resource": "r0", "sub": "bootstrap-admin", "path": ["access_config", 0, "bootstrap_cluster_creator_admin_permissions"], "actual": true}} with input as inp
	off := t.tf_input("aws_eks_cluster", {"access_config": [{"bootstrap_cluster_creator_admin_permissions": false}]})
	count(rule.deny) == 0 with input as off
	unk := t.tf_input("aws_eks_cluster", {"access_config": [{"bootstrap_cluster_creator_admin_permissions": t.unknown("var.b")}]})
	count(rule.unknown) == 1 with input as unk
}

test_unknown_rbac_and_client_cert_not_evaluated if {
	aks := t.tf_input("azurerm_kubernetes_cluster", {"local_account_disabled": true, "role_based_access_control_enabled": t.unknown("var.rbac")})
	rule.unknown == {{"resource": "r0", "sub": "legacy-auth", "path": ["role_based_access_control_enabled"], "reason": "var.rbac"}} with input as aks
	gke := t.tf_input("google_container_cluster", {"master_auth": [{"client_certificate_config": [{"issue_client_certificate": t.unknown("var.cc")}]}]})
	rule.unknown == {{"resource": "r0", "sub": "legacy-auth", "path": ["master_auth", 0, "client_certificate_config", 0, "issue_client_certificate"], "reason": "var.cc"}} with input as gke
}

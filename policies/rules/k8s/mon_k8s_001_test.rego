package controlgate.rules.mon_k8s_001_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.mon_k8s_001 as rule

test_eks_logs_absent_or_partial_fail if {
	absent := t.tf_input("aws_eks_cluster", {"name": "c"})
	rule.deny == {{"resource": "r0", "path": ["enabled_cluster_log_types"]}} with input as absent
	rule.applies == {"r0"} with input as absent
	partial := t.tf_input("aws_eks_cluster", {"enabled_cluster_log_types": ["api", "audit"]})
	rule.deny == {{"resource": "r0", "path": ["enabled_cluster_log_types"], "actual": ["api", "audit"]}} with input as partial
}

test_eks_all_logs_pass if {
	inp := t.tf_input("aws_eks_cluster", {"enabled_cluster_log_types": ["api", "audit", "authenticator", "controllerManager", "scheduler"]})
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_eks_unknown_not_evaluated if {
	inp := t.tf_input("aws_eks_cluster", {"enabled_cluster_log_types": t.unknown("var.logs")})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "r0", "path": ["enabled_cluster_log_types"], "reason": "var.logs"}} with input as inp
}

_diag(cat) := ["azurerm_monitor_diagnostic_setting", {"target_resource_id": t.unknown("azurerm_kubernetes_cluster.r0.id"), "enabled_log": [{"category": cat}]}]

test_aks_without_diagnostics_fails if {
	inp := t.tf_input("azurerm_kubernetes_cluster", {"name": "aks"})
	rule.deny == {{"resource": "r0", "path": []}} with input as inp
	oms := t.tf_input("azurerm_kubernetes_cluster", {"oms_agent": [{"log_analytics_workspace_id": "w"}]})
	rule.deny == {{"resource": "r0", "sub": "oms-only", "path": ["oms_agent"]}} with input as oms
}

test_aks_audit_diagnostics_pass if {
	inp := t.tf_inputs([["azurerm_kubernetes_cluster", {}], _diag("kube-audit-admin")])
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_aks_non_audit_category_fails if {
	inp := t.tf_inputs([["azurerm_kubernetes_cluster", {}], _diag("kube-scheduler")])
	rule.deny == {{"resource": "r0", "path": []}} with input as inp
}

test_aks_unresolved_setting_not_evaluated if {
	inp := t.tf_inputs([["azurerm_kubernetes_cluster", {}], ["azurerm_monitor_diagnostic_setting", {"target_resource_id": t.unknown("var.aks_id")}]])
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "r0", "path": [], "reason": "var.aks_id"}} with input as inp
}

test_gke_logging_off_fails if {
	none := t.tf_input("google_container_cluster", {"logging_service": "none"})
	rule.deny == {{"resource": "r0", "path": ["logging_service"], "actual": "none"}} with input as none
	comps := t.tf_input("google_container_cluster", {"logging_config": [{"enable_components": ["WORKLOADS"]}]})
	rule.deny == {{"resource": "r0", "path": ["logging_config", 0, "enable_components"], "actual": ["WORKLOADS"]}} with input as comps
}

test_gke_default_passes_and_unknown_not_evaluated if {
	ok := t.tf_input("google_container_cluster", {"name": "gke"})
	count(rule.deny) == 0 with input as ok
	count(rule.unknown) == 0 with input as ok
	unk := t.tf_input("google_container_cluster", {"logging_service": t.unknown("var.ls")})
	rule.unknown == {{"resource": "r0", "path": ["logging_service"], "reason": "var.ls"}} with input as unk
}

test_gke_legacy_stackdriver_logging_fails if {
	inp := t.tf_input("google_container_cluster", {"logging_service": "logging.googleapis.com"})
	rule.deny == {{"resource": "r0", "path": ["logging_service"], "actual": "logging.googleapis.com"}} with input as inp
	ok := t.tf_input("google_container_cluster", {"logging_service": "logging.googleapis.com/kubernetes"})
	count(rule.deny) == 0 with input as ok
}

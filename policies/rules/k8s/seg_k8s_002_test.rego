package controlgate.rules.seg_k8s_002_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.seg_k8s_002 as rule

test_aks_without_policy_fails if {
	absent := t.tf_input("azurerm_kubernetes_cluster", {"name": "aks"})
	rule.deny == {{"resource": "r0", "path": ["network_profile"]}} with input as absent
	rule.applies == {"r0"} with input as absent
	no_policy := t.tf_input("azurerm_kubernetes_cluster", {"network_profile": [{"network_plugin": "azure"}]})
	rule.deny == {{"resource": "r0", "path": ["network_profile", 0, "network_policy"]}} with input as no_policy
}

test_aks_with_policy_passes if {
	inp := t.tf_input("azurerm_kubernetes_cluster", {"network_profile": [{"network_plugin": "azure", "network_policy": "calico"}]})
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_aks_unknown_not_evaluated if {
	inp := t.tf_input("azurerm_kubernetes_cluster", {"network_profile": [{"network_policy": t.unknown("var.np")}]})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "r0", "path": ["network_profile", 0, "network_policy"], "reason": "var.np"}} with input as inp
}

test_gke_without_policy_fails if {
	absent := t.tf_input("google_container_cluster", {"name": "gke"})
	rule.deny == {{"resource": "r0", "path": ["network_policy"]}} with input as absent
	off := t.tf_input("google_container_cluster", {"network_policy": [{"enabled": false}]})
	rule.deny == {{"resource": "r0", "path": ["network_policy", 0, "enabled"], "actual": false}} with input as off
}

test_gke_dataplane_v2_or_calico_passes if {
	dpv2 := t.tf_input("google_container_cluster", {"datapath_provider": "ADVANCED_DATAPATH"})
	count(rule.deny) == 0 with input as dpv2
	calico := t.tf_input("google_container_cluster", {"network_policy": [{"enabled": true, "provider": "CALICO"}]})
	count(rule.deny) == 0 with input as calico
	count(rule.unknown) == 0 with input as calico
}

test_gke_unknown_not_evaluated if {
	inp := t.tf_input("google_container_cluster", {"datapath_provider": t.unknown("var.dp")})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "r0", "path": ["datapath_provider"], "reason": "var.dp"}} with input as inp
}

# Autopilot runs GKE Dataplane V2, which enforces network policies.
test_gke_autopilot_passes if {
	inp := t.tf_input("google_container_cluster", {"name": "c", "enable_autopilot": true})
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

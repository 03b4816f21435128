# METADATA
# title: Kubernetes clusters must enforce network policies between workloads
# description: |
#   Without a network policy engine the pod network is flat: NetworkPolicy objects are accepted but
#   ignored, and any compromised pod can reach every other pod and service in the cluster.
# custom:
#   id: SEG-K8S-002
#   severity: medium
#   message: Cluster does not enforce Kubernetes network policies
#   remediation: |
#     AKS: network_profile { network_plugin = "azure"  network_policy = "azure" | "calico" | "cilium" }.
#     GKE: datapath_provider = "ADVANCED_DATAPATH" (Dataplane V2) or network_policy { enabled = true }.
#   controls:
#     iso27017: [CLD.9.5.1]
#     iso27002: [A.8.22]
#     soc2: [CC6.1, CC6.6]
#     cis: [CIS AKS/GKE benchmarks]
#     nist: [AC-4, SC-7]
#   inputs: [terraform]
#   equivalents: [CKV_AZURE_7, CKV_GCP_12, AVD-AZU-0043, AVD-GCP-0056]
package controlgate.rules.seg_k8s_002

import data.controlgate.lib.terraform as tf
import data.controlgate.lib.tri
import data.controlgate.lib.values as v

applies contains r.id if some r in tf.resources({"azurerm_kubernetes_cluster", "google_container_cluster"})

deny contains tri.failure(c) if some c in _checks

unknown contains u if {
	some c in _checks
	some u in tri.unknown_records(c)
}

# AKS
_checks contains {"resource": r.id, "path": [k], "when": tri.of([k], x, v.unset(r.config, k))} if {
	some r in tf.resources({"azurerm_kubernetes_cluster"})
	k := "network_profile"
	x := object.get(r.config, k, null)
}

_checks contains {"resource": r.id, "path": p, "when": tri.of(p, x, v.unset(np, "network_policy"))} if {
	some r in tf.resources({"azurerm_kubernetes_cluster"})
	some i, np in v.blocks(r.config, "network_profile")
	x := _get(np, "network_policy")
	p := ["network_profile", i, "network_policy"]
}

# A block's attribute, null when it is left out (or the block is no object).
_get(obj, k) := object.get(obj, k, null) if is_object(obj)

else := null

# GKE: Dataplane V2 enforces policies itself; otherwise the Calico add-on must be enabled.
_checks contains object.union({"resource": r.id, "path": _gke_path(r), "when": t}, _gke_actual(r, t)) if {
	some r in tf.resources({"google_container_cluster"})
	t := _gke_unenforced(r)
}

_gke_unenforced(r) := false if r.config.datapath_provider == "ADVANCED_DATAPATH"

# Autopilot clusters run GKE Dataplane V2, which always enforces network policies.
else := false if v.is_true(r.config.enable_autopilot)

else := false if {
	some np in v.blocks(r.config, "network_policy")
	v.is_true(np.enabled)
} else := tri.of_each(_gke_values(r), true)

# The settings that decide, as [path, value] pairs: each unknown one is reported.
_gke_values(r) := array.concat(
	[[[k], object.get(r.config, k, null)] | some k in ["datapath_provider", "network_policy"]],
	[[["network_policy", i, "enabled"], x] | some i, np in v.blocks(r.config, "network_policy"); x := np.enabled],
)

_gke_path(r) := ["network_policy", 0, "enabled"] if v.has(r.config, "network_policy")

else := ["network_policy"]

# The actual of a failure (read only then: several blocks give several values).
_gke_actual(r, t) := {"actual": np.enabled} if {
	t == true
	some np in v.blocks(r.config, "network_policy")
	v.has(np, "enabled")
} else := {}

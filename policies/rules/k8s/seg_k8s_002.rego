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
import data.controlgate.lib.values as v

applies contains r.id if some r in tf.resources({"azurerm_kubernetes_cluster", "google_container_cluster"})

# AKS
deny contains {"resource": r.id, "path": ["network_profile"]} if {
	some r in tf.resources({"azurerm_kubernetes_cluster"})
	not v.has(r.config, "network_profile")
}

deny contains {"resource": r.id, "path": ["network_profile", i, "network_policy"]} if {
	some r in tf.resources({"azurerm_kubernetes_cluster"})
	some i, np in v.blocks(r.config, "network_profile")
	not v.has(np, "network_policy")
}

unknown contains {"resource": r.id, "path": ["network_profile"], "reason": r.config.network_profile.__unknown__} if {
	some r in tf.resources({"azurerm_kubernetes_cluster"})
	v.is_unknown(r.config.network_profile)
}

unknown contains {
	"resource": r.id,
	"path": ["network_profile", i, "network_policy"],
	"reason": np.network_policy.__unknown__,
} if {
	some r in tf.resources({"azurerm_kubernetes_cluster"})
	some i, np in v.blocks(r.config, "network_profile")
	v.is_unknown(np.network_policy)
}

# GKE: Dataplane V2 enforces policies itself; otherwise the Calico add-on must be enabled.
deny contains object.union({"resource": r.id, "path": _gke_path(r)}, _gke_actual(r)) if {
	some r in tf.resources({"google_container_cluster"})
	_gke_state(r) == "no"
}

unknown contains {"resource": r.id, "path": p, "reason": e} if {
	some r in tf.resources({"google_container_cluster"})
	_gke_state(r) == "unknown"
	some [p, e] in _gke_unknowns(r)
}

_gke_state(r) := "yes" if r.config.datapath_provider == "ADVANCED_DATAPATH"

# Autopilot clusters run GKE Dataplane V2, which always enforces network policies.
else := "yes" if v.is_true(r.config.enable_autopilot)

else := "yes" if {
	some np in v.blocks(r.config, "network_policy")
	v.is_true(np.enabled)
} else := "unknown" if {
	count(_gke_unknowns(r)) > 0
} else := "no"

_gke_unknowns(r) := ({[["datapath_provider"], r.config.datapath_provider.__unknown__] |
	v.is_unknown(r.config.datapath_provider)
} | {[["network_policy"], r.config.network_policy.__unknown__] |
	v.is_unknown(r.config.network_policy)
}) | {[["network_policy", i, "enabled"], np.enabled.__unknown__] |
	some i, np in v.blocks(r.config, "network_policy")
	v.is_unknown(np.enabled)
}

_gke_path(r) := ["network_policy", 0, "enabled"] if v.has(r.config, "network_policy")

else := ["network_policy"]

_gke_actual(r) := {"actual": np.enabled} if {
	some np in v.blocks(r.config, "network_policy")
	v.has(np, "enabled")
} else := {}

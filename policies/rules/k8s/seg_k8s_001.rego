# METADATA
# title: Kubernetes worker nodes must stay private, without public IPs or world-open SSH
# description: |
#   Nodes with public addresses, or with SSH open to any source, put the kubelet, node ports and the
#   host itself on the Internet, bypassing the cluster's ingress controls. Worker nodes should sit in
#   private subnets and be reached through the control plane or a bastion.
# custom:
#   id: SEG-K8S-001
#   severity: high
#   message: Kubernetes nodes are publicly reachable
#   remediation: |
#     EKS: drop remote_access (use SSM Session Manager) or set remote_access { source_security_group_ids = [...] }.
#     AKS: keep node_public_ip_enabled (enable_node_public_ip in 3.x) false. GKE: private_cluster_config
#     { enable_private_nodes = true } on the cluster, or network_config { enable_private_nodes = true } on each pool.
#   controls:
#     iso27017: [CLD.9.5.1, CLD.13.1.4]
#     iso27002: [A.8.22, A.8.20]
#     soc2: [CC6.6, CC6.1]
#     cis: [CIS EKS/AKS/GKE benchmarks]
#     nist: [SC-7, AC-4]
#   inputs: [terraform]
#   equivalents: [CKV_AWS_100, CKV_AZURE_143, CKV_GCP_25, AVD-GCP-0059]
package controlgate.rules.seg_k8s_001

import data.controlgate.lib.terraform as tf
import data.controlgate.lib.tri
import data.controlgate.lib.values as v

_types := {
	"aws_eks_node_group", "azurerm_kubernetes_cluster", "azurerm_kubernetes_cluster_node_pool",
	"google_container_cluster", "google_container_node_pool",
}

_aks_ip_keys := ["node_public_ip_enabled", "enable_node_public_ip"]

applies contains r.id if some r in tf.resources(_types)

deny contains tri.failure(c) if some c in _checks

unknown contains u if {
	some c in _checks
	some u in tri.unknown_records(c)
}

# EKS: an SSH key without source security groups opens port 22 to 0.0.0.0/0 (each unknown of
# the two reported).
_checks contains {
	"resource": r.id, "path": array.concat(base, ["source_security_group_ids"]),
	"when": tri.of_attrs(base, ra, ["ec2_ssh_key", "source_security_group_ids"], _ssh_from_anywhere(ra)),
} if {
	some r in tf.resources({"aws_eks_node_group"})
	some i, ra in v.blocks(r.config, "remote_access")
	v.has(ra, "ec2_ssh_key")
	base := ["remote_access", i]
}

default _ssh_from_anywhere(_) := false

_ssh_from_anywhere(ra) if count(v.as_list(object.get(ra, "source_security_group_ids", null))) == 0

# AKS: public IPs on the default pool or on an extra pool.
_checks contains tri.fails_if_in({"resource": r.id}, prefix, pool, k, null, v.truthy) if {
	some [r, prefix, pool] in _aks_pools
	some k in _aks_ip_keys
}

_aks_pools contains [r, ["default_node_pool", i], p] if {
	some r in tf.resources({"azurerm_kubernetes_cluster"})
	some i, p in v.blocks(r.config, "default_node_pool")
}

_aks_pools contains [r, [], r.config] if some r in tf.resources({"azurerm_kubernetes_cluster_node_pool"})

# GKE cluster without private nodes (its default pool, unless removed, is public). Unknown private
# settings are reported whatever remove_default_node_pool says.
_checks contains object.union(
	{"resource": r.id, "path": _gke_path(r), "when": tri.negate(tri.is_in(
		["remove_default_node_pool"], r.config,
		"remove_default_node_pool", false, v.truthy,
	))},
	_gke_actual(r),
) if {
	some r in tf.resources({"google_container_cluster"})
	_gke_private(r) == "no"
}

_checks contains {
	"resource": r.id, "path": ["private_cluster_config"],
	"when": {"unknowns": [{"path": p, "reason": e} | some [p, e] in _gke_unknowns(r)]},
} if {
	some r in tf.resources({"google_container_cluster"})
	_gke_private(r) == "unknown"
}

# GKE node pool: public when it says so, or when it inherits a public cluster setting.
_checks contains tri.fails_if_in({"resource": r.id}, base, nc, "enable_private_nodes", null, v.falsy) if {
	some r in tf.resources({"google_container_node_pool"})
	some i, nc in v.blocks(r.config, "network_config")
	base := ["network_config", i]
}

# A pool that leaves its nodes to the cluster: public when the cluster is, undecided when the
# cluster is not found.
_checks contains {
	"resource": r.id, "path": ["network_config"],
	"when": tri.of_reasons(["cluster"], reasons, public),
} if {
	some r in tf.resources({"google_container_node_pool"})
	not _pool_sets_private(r)
	clusters := tf.referenced(r, r.config.cluster)
	reasons := {_expr(r.config.cluster) | count(clusters) == 0}
	public := count([c | some c in clusters; _gke_private(c) == "no"]) > 0
}

_pool_sets_private(r) if {
	some nc in v.blocks(r.config, "network_config")
	v.has(nc, "enable_private_nodes")
}

_pool_sets_private(r) if v.is_unknown(r.config.network_config)

_expr(x) := x.__unknown__ if v.is_unknown(x)

else := json.marshal(x)

_gke_private(r) := "unknown" if v.is_unknown(r.config.private_cluster_config)

else := "unknown" if {
	some pc in v.blocks(r.config, "private_cluster_config")
	v.is_unknown(pc.enable_private_nodes)
} else := "yes" if {
	some pc in v.blocks(r.config, "private_cluster_config")
	v.is_true(pc.enable_private_nodes)
} else := "no"

_gke_unknowns(r) := {[["private_cluster_config"], r.config.private_cluster_config.__unknown__]} if {
	v.is_unknown(r.config.private_cluster_config)
}

else := {[["private_cluster_config", i, "enable_private_nodes"], pc.enable_private_nodes.__unknown__] |
	some i, pc in v.blocks(r.config, "private_cluster_config")
	v.is_unknown(pc.enable_private_nodes)
}

_gke_path(r) := ["private_cluster_config", 0, "enable_private_nodes"] if v.has(r.config, "private_cluster_config")

else := ["private_cluster_config"]

_gke_actual(r) := {"actual": pc.enable_private_nodes} if {
	some pc in v.blocks(r.config, "private_cluster_config")
	v.has(pc, "enable_private_nodes")
} else := {}

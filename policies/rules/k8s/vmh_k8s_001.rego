# METADATA
# title: Kubernetes worker nodes must be hardened (secure boot, protected metadata, IMDSv2)
# description: |
#   Nodes run every pod's code. Secure boot stops boot-level rootkits from persisting; hiding the
#   node's metadata server (or requiring IMDSv2 tokens on EKS) keeps pods from stealing the node's
#   cloud credentials and kubelet bootstrap secrets.
# custom:
#   id: VMH-K8S-001
#   severity: medium
#   message: Kubernetes worker nodes are not hardened
#   remediation: |
#     GKE: node_config { shielded_instance_config { enable_secure_boot = true }  workload_metadata_config
#     { mode = "GKE_METADATA" } } and keep enable_shielded_nodes = true. EKS: a launch_template whose
#     metadata_options sets http_tokens = "required" (hop limit 2 only where pods need IMDS). AKS:
#     host_encryption_enabled = true on node pools.
#   controls:
#     iso27017: [CLD.9.5.2, CLD.9.5.1]
#     iso27002: [A.8.9, A.8.22]
#     soc2: [CC6.1, CC6.8]
#     cis: [CIS GKE/EKS/AKS benchmarks]
#     nist: [SI-7(9), AC-3, AC-6]
#   subresults:
#     host-encryption:
#       severity: low
#       message: AKS node pool does not encrypt data at the host
#   inputs: [terraform]
#   equivalents: [AVD-GCP-0055, AVD-GCP-0057, AVD-GCP-0048]
package controlgate.rules.vmh_k8s_001

import data.controlgate.lib.terraform as tf
import data.controlgate.lib.tri
import data.controlgate.lib.values as v

_types := {
	"google_container_cluster", "google_container_node_pool", "aws_eks_node_group",
	"azurerm_kubernetes_cluster", "azurerm_kubernetes_cluster_node_pool",
}

applies contains r.id if some r in tf.resources(_types)

# GKE node configurations: the cluster's (default pool, unless removed) and each node pool's.
# An Autopilot cluster's nodes are Google's: shielded, with secure boot and the GKE metadata server.
_gke_nodes contains [r, []] if {
	some r in tf.resources({"google_container_cluster"})
	not v.is_true(object.get(r.config, "remove_default_node_pool", false))
	not v.is_true(object.get(r.config, "enable_autopilot", false))
}

_gke_nodes contains [r, []] if some r in tf.resources({"google_container_node_pool"})

deny contains {"resource": r.id, "path": ["enable_shielded_nodes"], "actual": false} if {
	some r in tf.resources({"google_container_cluster"})
	v.is_false(r.config.enable_shielded_nodes)
}

# Secure boot is off unless enabled.
deny contains object.union({"resource": r.id, "path": p}, a) if {
	some [r, _] in _gke_nodes
	[p, a] := _secure_boot_gap(r.config)
}

deny contains {
	"resource": r.id,
	"path": ["node_config", i, "workload_metadata_config", j, "mode"],
	"actual": w.mode,
} if {
	some [r, _] in _gke_nodes
	some i, nc in v.blocks(r.config, "node_config")
	some j, w in v.blocks(nc, "workload_metadata_config")
	w.mode in {"GCE_METADATA", "MODE_UNSPECIFIED"}
}

# node_metadata, the attribute before mode (google provider < 4): EXPOSE and UNSPECIFIED leave the
# node's metadata server (and its credentials) to the workloads.
deny contains {
	"resource": r.id,
	"path": ["node_config", i, "workload_metadata_config", j, "node_metadata"],
	"actual": w.node_metadata,
} if {
	some [r, _] in _gke_nodes
	some i, nc in v.blocks(r.config, "node_config")
	some j, w in v.blocks(nc, "workload_metadata_config")
	w.node_metadata in {"EXPOSE", "UNSPECIFIED"}
}

deny contains {"resource": r.id, "path": ["node_config", i, "metadata", "disable-legacy-endpoints"], "actual": m} if {
	some [r, _] in _gke_nodes
	some i, nc in v.blocks(r.config, "node_config")
	m := nc.metadata["disable-legacy-endpoints"]
	lower(sprintf("%v", [m])) == "false"
}

unknown contains {"resource": r.id, "path": p, "reason": e} if {
	some [r, _] in _gke_nodes
	some [p, e] in _gke_unknowns(r.config)
}

_secure_boot_gap(c) := [["node_config"], {}] if not v.has(c, "node_config")

# Several node_config blocks (hostile input: GKE takes one) must not give several values, which aborts
# the evaluation: the first gap in block order is reported.
else := gaps[0] if {
	gaps := [[["node_config", i, "shielded_instance_config"], {}] |
		some i, nc in v.blocks(c, "node_config")
		not v.has(nc, "shielded_instance_config")
	]
	count(gaps) > 0
} else := gaps[0] if {
	gaps := [[["node_config", i, "shielded_instance_config", j, "enable_secure_boot"], _actual(s, "enable_secure_boot")] |
		some i, nc in v.blocks(c, "node_config")
		some j, s in v.blocks(nc, "shielded_instance_config")
		v.known(object.get(s, "enable_secure_boot", null))
		not v.is_true(object.get(s, "enable_secure_boot", false))
	]
	count(gaps) > 0
}

_gke_unknowns(c) := {[["node_config"], c.node_config.__unknown__] | v.is_unknown(c.node_config)} | {[p, e] |
	some i, nc in v.blocks(c, "node_config")
	some [p, e] in _node_config_unknowns(nc, i)
}

_node_config_unknowns(nc, i) := ({[["node_config", i, k], nc[k].__unknown__] |
	some k in ["shielded_instance_config", "workload_metadata_config", "metadata"]
	v.is_unknown(nc[k])
} | {[["node_config", i, "shielded_instance_config", j, "enable_secure_boot"], s.enable_secure_boot.__unknown__] |
	some j, s in v.blocks(nc, "shielded_instance_config")
	v.is_unknown(s.enable_secure_boot)
}) | {[["node_config", i, "workload_metadata_config", j, "mode"], w.mode.__unknown__] |
	some j, w in v.blocks(nc, "workload_metadata_config")
	v.is_unknown(w.mode)
}

_actual(obj, key) := {"actual": obj[key]} if v.has(obj, key)

else := {}

# EKS: the node group's launch template must require IMDSv2 tokens.
deny contains {"resource": r.id, "path": ["launch_template", i]} if {
	some r in tf.resources({"aws_eks_node_group"})
	some i, spec in v.blocks(r.config, "launch_template")
	some t in _templates(r, spec)
	_imds_optional(t)
}

unknown contains {"resource": r.id, "path": ["launch_template", i], "reason": _lt_expr(spec)} if {
	some r in tf.resources({"aws_eks_node_group"})
	some i, spec in v.blocks(r.config, "launch_template")
	count(_templates(r, spec)) == 0
}

unknown contains {"resource": r.id, "path": ["launch_template", i], "reason": mo.http_tokens.__unknown__} if {
	some r in tf.resources({"aws_eks_node_group"})
	some i, spec in v.blocks(r.config, "launch_template")
	some t in _templates(r, spec)
	some mo in v.blocks(t.config, "metadata_options")
	v.is_unknown(mo.http_tokens)
}

_templates(r, spec) := [t |
	some key in ["id", "name"]
	some t in tf.referenced(r, spec[key])
	t.type == "aws_launch_template"
]

_lt_expr(spec) := spec.id.__unknown__ if v.is_unknown(spec.id)

else := spec.name.__unknown__ if v.is_unknown(spec.name)

else := "launch_template"

_imds_optional(t) if not v.has(t.config, "metadata_options")

_imds_optional(t) if {
	some mo in v.blocks(t.config, "metadata_options")
	v.known(object.get(mo, "http_tokens", null))
	object.get(mo, "http_tokens", "optional") != "required"
	object.get(mo, "http_endpoint", "enabled") != "disabled"
}

# AKS (advisory): encryption at host on node pools.
_aks_pools contains [r, ["default_node_pool", i], p] if {
	some r in tf.resources({"azurerm_kubernetes_cluster"})
	some i, p in v.blocks(r.config, "default_node_pool")
}

_aks_pools contains [r, [], r.config] if some r in tf.resources({"azurerm_kubernetes_cluster_node_pool"})

deny contains tri.failure(c) if some c in _checks

unknown contains tri.unknown(c) if some c in _checks

_checks contains tri.fails_unless_in({"resource": r.id, "sub": "host-encryption"}, prefix, pool, k, null, v.truthy) if {
	some [r, prefix, pool] in _aks_pools
	k := _host_key(pool)
}

# 3.x spelled it enable_host_encryption; 4.x host_encryption_enabled.
_host_key(pool) := "enable_host_encryption" if v.has(pool, "enable_host_encryption")

else := "host_encryption_enabled"

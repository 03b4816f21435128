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

deny contains tri.failure(c) if some c in _checks

unknown contains u if {
	some c in _checks
	some u in tri.unknown_records(c)
}

# GKE node configurations: the cluster's (default pool, unless removed) and each node pool's, with
# the truth of "these nodes exist" (unknown while remove_default_node_pool or enable_autopilot is).
# An Autopilot cluster's nodes are Google's: shielded, with secure boot and the GKE metadata server.
_gke_nodes contains [r, nodes] if {
	some r in tf.resources({"google_container_cluster"})
	nodes := tri.all_hold_each([tri.negate(tri.is_in([k], r.config, k, false, v.truthy)) |
		some k in ["remove_default_node_pool", "enable_autopilot"]
	])
	nodes != false
}

_gke_nodes contains [r, true] if some r in tf.resources({"google_container_node_pool"})

# A check on the nodes, failing only where they exist.
_on_nodes(nodes, c) := object.union(c, {"when": tri.all_hold_each([nodes, c.when])})

_checks contains {
	"resource": r.id, "path": [k], "actual": false,
	"when": tri.of([k], x, x in v.falsy),
} if {
	some r in tf.resources({"google_container_cluster"})
	k := "enable_shielded_nodes"
	x := object.get(r.config, k, null)
}

# Secure boot is off unless enabled.
_checks contains _on_nodes(nodes, object.union({"resource": r.id}, _secure_boot(r.config))) if {
	some [r, nodes] in _gke_nodes
}

# Several node_config blocks (hostile input: GKE takes one) must not give several values, which aborts
# the evaluation: the first gap in block order is reported (a block without shielded config before a
# shielded config without secure boot). Without a known gap, each unknown block or setting leaves it
# undecided.
_secure_boot(c) := {"path": ["node_config"], "when": true} if {
	not v.has(c, "node_config")
} else := {"path": gaps[0], "when": true} if {
	gaps := [["node_config", i, "shielded_instance_config"] |
		some i, nc in v.blocks(c, "node_config")
		v.known(nc)
		not v.has(nc, "shielded_instance_config")
	]
	count(gaps) > 0
} else := object.union({"path": gaps[0][0], "when": true}, gaps[0][1]) if {
	gaps := [[["node_config", i, "shielded_instance_config", j, "enable_secure_boot"], _actual(s, "enable_secure_boot")] |
		some i, nc in v.blocks(c, "node_config")
		some j, s in v.blocks(nc, "shielded_instance_config")
		is_object(s)
		v.known(s)
		x := object.get(s, "enable_secure_boot", null)
		v.known(x)
		not v.is_true(x)
	]
	count(gaps) > 0
} else := {"path": ["node_config"], "when": tri.of_each(_secure_boot_values(c), false)}

# The values the secure boot check reads, as [path, value] pairs.
_secure_boot_values(c) := array.concat(
	[[["node_config"], object.get(c, "node_config", null)]],
	[pair |
		some i, nc in v.blocks(c, "node_config")
		some pair in _shielded_values(["node_config", i], nc)
	],
)

_shielded_values(base, nc) := array.concat(
	[[base, nc], [array.concat(base, ["shielded_instance_config"]), object.get(nc, "shielded_instance_config", null)]],
	[pair |
		some j, s in v.blocks(nc, "shielded_instance_config")
		p := array.concat(base, ["shielded_instance_config", j])
		some pair in [[p, s], [array.concat(p, ["enable_secure_boot"]), object.get(s, "enable_secure_boot", null)]]
	],
) if {
	is_object(nc)
	v.known(nc)
} else := [[base, nc]]

_actual(obj, key) := {"actual": obj[key]} if v.has(obj, key)

else := {}

# GCE_METADATA / MODE_UNSPECIFIED, and node_metadata (the attribute before mode, google provider < 4)
# EXPOSE / UNSPECIFIED, leave the node's metadata server (and its credentials) to the workloads.
_exposed := {"mode": {"GCE_METADATA", "MODE_UNSPECIFIED"}, "node_metadata": {"EXPOSE", "UNSPECIFIED"}}

_checks contains _on_nodes(nodes, tri.fails_if_in({"resource": r.id}, base, w, k, null, set)) if {
	some [r, nodes] in _gke_nodes
	some i, nc in v.blocks(r.config, "node_config")
	some j, w in v.blocks(nc, "workload_metadata_config")
	base := ["node_config", i, "workload_metadata_config", j]
	some k, set in _exposed
}

_checks contains _on_nodes(nodes, {"resource": r.id, "path": p, "actual": m, "when": tri.of(p, m, _false_text(m))}) if {
	some [r, nodes] in _gke_nodes
	some i, nc in v.blocks(r.config, "node_config")
	m := nc.metadata["disable-legacy-endpoints"]
	p := ["node_config", i, "metadata", "disable-legacy-endpoints"]
}

default _false_text(_) := false

_false_text(m) if lower(sprintf("%v", [m])) == "false"

# What the checks above cannot see: an unknown node_config block, workload metadata block or metadata.
_checks contains _on_nodes(nodes, tri.known_check({"resource": r.id}, p, x)) if {
	some [r, nodes] in _gke_nodes
	some [p, x] in _gke_hidden(r.config)
}

_gke_hidden(c) := [pair |
	some i, nc in v.blocks(c, "node_config")
	some pair in _block_hidden(["node_config", i], nc)
]

_block_hidden(base, nc) := array.concat(
	[[array.concat(base, [k]), nc[k]] | some k in ["workload_metadata_config", "metadata"]],
	[[array.concat(base, ["workload_metadata_config", j]), w] | some j, w in v.blocks(nc, "workload_metadata_config")],
) if {
	is_object(nc)
	v.known(nc)
} else := [[base, nc]]

# EKS: the node group's launch template must require IMDSv2 tokens: failing when a template it
# names leaves them optional, undecided when none is found (reason: the reference) or a template's
# setting is unknown.
_checks contains {"resource": r.id, "path": p, "when": _imds_optional(p, _templates(r, spec), spec)} if {
	some r in tf.resources({"aws_eks_node_group"})
	some i, spec in v.blocks(r.config, "launch_template")
	p := ["launch_template", i]
}

_checks contains tri.known_check({"resource": r.id}, ["launch_template"], r.config.launch_template) if {
	some r in tf.resources({"aws_eks_node_group"})
}

_templates(r, spec) := [t |
	some key in ["id", "name"]
	some t in tf.referenced(r, spec[key])
	t.type == "aws_launch_template"
]

_lt_expr(spec) := spec.id.__unknown__ if v.is_unknown(spec.id)

else := spec.name.__unknown__ if v.is_unknown(spec.name)

else := "launch_template"

_imds_optional(p, ts, spec) := {"path": p, "reason": _lt_expr(spec)} if {
	count(ts) == 0
} else := _any_each([_template_optional(p, t.config) | some t in ts])

_template_optional(p, c) if {
	not v.has(c, "metadata_options")
} else := {"path": p, "reason": c.metadata_options.__unknown__} if {
	v.is_unknown(c.metadata_options)
} else := _any_each([_tokens_optional(p, mo) | some mo in v.blocks(c, "metadata_options")])

_tokens_optional(p, mo) := {"path": p, "reason": mo.__unknown__} if {
	v.is_unknown(mo)
} else := tri.all_hold_each([tri.of(p, x, x != "required"), tri.of(p, y, y != "disabled")]) if {
	is_object(mo)
	x := object.get(mo, "http_tokens", null)
	y := object.get(mo, "http_endpoint", "enabled")
} else := false

# Disjunction that names every unknown: true when a condition is true, else {"unknowns": [...]} of
# every unknown one (list order), else false.
_any_each(ts) if {
	true in ts
} else := {"unknowns": us} if {
	us := [u | some t in ts; some u in tri.unknowns(t)]
	count(us) > 0
} else := false

# AKS (advisory): encryption at host on node pools.
_aks_pools contains [r, ["default_node_pool", i], p] if {
	some r in tf.resources({"azurerm_kubernetes_cluster"})
	some i, p in v.blocks(r.config, "default_node_pool")
}

_aks_pools contains [r, [], r.config] if some r in tf.resources({"azurerm_kubernetes_cluster_node_pool"})

_checks contains tri.fails_unless_in({"resource": r.id, "sub": "host-encryption"}, prefix, pool, k, null, v.truthy) if {
	some [r, prefix, pool] in _aks_pools
	k := _host_key(pool)
}

# 3.x spelled it enable_host_encryption; 4.x host_encryption_enabled.
_host_key(pool) := "enable_host_encryption" if v.has(pool, "enable_host_encryption")

else := "host_encryption_enabled"

# METADATA
# title: Kubernetes API servers must not be reachable from the whole Internet
# description: |
#   The cluster API is the control point for every workload and secret in the cluster. Exposing it to
#   any address leaves only authentication between attackers and the cluster, and makes every API
#   server vulnerability remotely exploitable. Keep the endpoint private or limited to admin networks.
# custom:
#   id: NET-K8S-001
#   severity: high
#   message: Kubernetes API endpoint is open to the Internet
#   remediation: |
#     EKS: vpc_config { endpoint_private_access = true  endpoint_public_access = false } or
#     public_access_cidrs = [<admin CIDRs>]. AKS: private_cluster_enabled = true or
#     api_server_access_profile { authorized_ip_ranges = [<admin CIDRs>] }. GKE: private_cluster_config
#     { enable_private_endpoint = true } or master_authorized_networks_config with admin CIDRs only.
#   controls:
#     iso27017: [CLD.13.1.4, CLD.12.1.5]
#     iso27002: [A.8.20, A.8.22, A.8.2]
#     soc2: [CC6.6, CC6.1]
#     cis: [CIS EKS/AKS/GKE benchmarks]
#     nist: [AC-3, AC-17, SC-7]
#   inputs: [terraform]
#   equivalents: [CKV_AWS_38, CKV_AWS_39, CKV_AZURE_6, CKV_AZURE_115, CKV_GCP_18, CKV_GCP_20, AVD-AWS-0040,
#     AVD-AWS-0041, AVD-AZU-0041, AVD-AZU-0065, AVD-GCP-0053, AVD-GCP-0061]
package controlgate.rules.net_k8s_001

import data.controlgate.lib.terraform as tf
import data.controlgate.lib.tri
import data.controlgate.lib.values as v

_world := {"0.0.0.0/0", "::/0"}

applies contains r.id if {
	some r in tf.resources({"aws_eks_cluster", "azurerm_kubernetes_cluster", "google_container_cluster"})
}

# Each finding candidate: [resource id, truth (tri) of "endpoint is public", truth of "sources are open",
# path of the open sources, actual or null, unknown reasons as [path, expr]].
deny contains object.union({"resource": c.id, "path": c.path}, _actual(c)) if {
	some c in _cases
	tri.all_hold([c.public, c.open]) == true
}

unknown contains {"resource": c.id, "path": p, "reason": reason} if {
	some c in _cases
	is_object(tri.all_hold([c.public, c.open]))
	some [p, reason] in c.unknowns
}

# The unknown truth of a case's condition: what is unknown is in the case's unknowns, all reported.
_undecided := {"unknowns": []}

_actual(c) := {"actual": c.actual} if not is_null(c.actual)

else := {}

# EKS: the public endpoint is on by default and open to 0.0.0.0/0 unless CIDRs are given.
_cases contains {
	"id": r.id, "public": pub, "open": open, "path": ["vpc_config", i, "public_access_cidrs"],
	"actual": _world_actual(object.get(vc, "public_access_cidrs", [])),
	"unknowns": {[["vpc_config", i, k], vc[k].__unknown__] |
		some k in ["endpoint_public_access", "public_access_cidrs"]
		v.is_unknown(vc[k])
	},
} if {
	some r in tf.resources({"aws_eks_cluster"})
	some i, vc in v.blocks(r.config, "vpc_config")
	pub := _not_false(vc, "endpoint_public_access")
	open := _open_or_absent(vc, "public_access_cidrs")
}

# AKS: a public API server with no authorized ranges.
_cases contains {
	"id": r.id, "public": _not_true(r.config, "private_cluster_enabled"), "open": open, "path": path,
	"actual": null, "unknowns": (unknowns | pub_unknowns),
} if {
	some r in tf.resources({"azurerm_kubernetes_cluster"})
	[open, path, unknowns] := _aks_ranges(r)
	pub_unknowns := {[["private_cluster_enabled"], r.config.private_cluster_enabled.__unknown__] |
		v.is_unknown(r.config.private_cluster_enabled)
	}
}

# GKE: a public endpoint without authorized networks (or with 0.0.0.0/0, or all of Google Cloud).
_cases contains {
	"id": r.id, "public": pub, "open": open, "path": path,
	"actual": actual, "unknowns": (unknowns | pub_unknowns),
} if {
	some r in tf.resources({"google_container_cluster"})
	[pub, pub_unknowns] := _gke_public(r)
	some [open, path, actual, unknowns] in _gke_open(r)
}

_not_false(obj, key) := _undecided if v.is_unknown(obj[key])

else := false if v.is_false(obj[key])

else := true

_not_true(obj, key) := _undecided if v.is_unknown(obj[key])

else := false if v.is_true(obj[key])

else := true

_open_or_absent(obj, key) if count(v.as_list(object.get(obj, key, null))) == 0

else if {
	some x in obj[key]
	x in _world
} else := _undecided if v.any_unknown(obj[key])

else := false

_world_actual(x) := x if {
	some c in x
	c in _world
} else := null

_aks_ranges(r) := [
	_undecided, ["api_server_access_profile"],
	{[["api_server_access_profile"], r.config.api_server_access_profile.__unknown__]},
] if {
	v.is_unknown(r.config.api_server_access_profile)
} else := [s, ["api_server_access_profile", 0, "authorized_ip_ranges"], u] if {
	some p in v.blocks(r.config, "api_server_access_profile")
	v.has(p, "authorized_ip_ranges")
	s := _open_or_absent(p, "authorized_ip_ranges")
	u := {[["api_server_access_profile", 0, "authorized_ip_ranges"], p.authorized_ip_ranges.__unknown__] |
		v.is_unknown(p.authorized_ip_ranges)
	}
} else := [s, ["api_server_authorized_ip_ranges"], u] if {
	# Written, even as an empty list: the finding points at it.
	not is_null(object.get(r.config, "api_server_authorized_ip_ranges", null))
	s := _open_or_absent(r.config, "api_server_authorized_ip_ranges")
	u := {[["api_server_authorized_ip_ranges"], r.config.api_server_authorized_ip_ranges.__unknown__] |
		v.is_unknown(r.config.api_server_authorized_ip_ranges)
	}
} else := [true, ["api_server_access_profile"], set()]

_gke_public(r) := [_undecided, {[["private_cluster_config"], r.config.private_cluster_config.__unknown__]}] if {
	v.is_unknown(r.config.private_cluster_config)
} else := [
	_undecided,
	{[["private_cluster_config", 0, "enable_private_endpoint"], pc.enable_private_endpoint.__unknown__]},
] if {
	some pc in v.blocks(r.config, "private_cluster_config")
	v.is_unknown(pc.enable_private_endpoint)
} else := [false, set()] if {
	some pc in v.blocks(r.config, "private_cluster_config")
	v.is_true(pc.enable_private_endpoint)
} else := [true, set()]

_gke_open(r) := {[
	_undecided, ["master_authorized_networks_config"], null,
	{[["master_authorized_networks_config"], r.config.master_authorized_networks_config.__unknown__]},
]} if {
	v.is_unknown(r.config.master_authorized_networks_config)
} else := {[true, ["master_authorized_networks_config"], null, set()]} if {
	not v.has(r.config, "master_authorized_networks_config")
} else := {x |
	some i, m in v.blocks(r.config, "master_authorized_networks_config")
	some x in _gke_man(m, ["master_authorized_networks_config", i])
}

# Candidates from the authorized networks block m found at path base.
_gke_man(m, base) := ({[true, array.concat(base, ["cidr_blocks", j, "cidr_block"]), cb.cidr_block, set()] |
	some j, cb in v.blocks(m, "cidr_blocks")
	cb.cidr_block in _world
} | {[true, array.concat(base, ["gcp_public_cidrs_access_enabled"]), true, set()] |
	v.is_true(m.gcp_public_cidrs_access_enabled)
}) | {[_undecided, array.concat(base, ["cidr_blocks"]), null, {[p, e]}] |
	some [p, e] in _man_unknowns(m, base)
}

_man_unknowns(m, base) := ({[array.concat(base, ["cidr_blocks"]), m.cidr_blocks.__unknown__] |
	v.is_unknown(m.cidr_blocks)
} | {[array.concat(base, ["cidr_blocks", j, "cidr_block"]), cb.cidr_block.__unknown__] |
	some j, cb in v.blocks(m, "cidr_blocks")
	v.is_unknown(cb.cidr_block)
}) | {[array.concat(base, ["gcp_public_cidrs_access_enabled"]), m.gcp_public_cidrs_access_enabled.__unknown__] |
	v.is_unknown(m.gcp_public_cidrs_access_enabled)
}

# METADATA
# title: GCP subnetworks must record VPC flow logs
# description: |
#   Without flow logs a subnetwork keeps no record of the connections made to and from its VMs, so
#   scanning, lateral movement and exfiltration cannot be investigated afterwards. Sampling only
#   part of the flows or dropping their metadata weakens that record.
# custom:
#   id: MON-GCP-001
#   severity: medium
#   message: Subnetwork has no VPC flow logs
#   remediation: |
#     Add log_config { aggregation_interval = "INTERVAL_5_SEC"  flow_sampling = 1.0
#     metadata = "INCLUDE_ALL_METADATA" } to the google_compute_subnetwork.
#   controls:
#     iso27017: [CLD.12.4.5, CLD.13.1.4]
#     iso27002: [A.8.15, A.8.16]
#     soc2: [CC7.2]
#     cis: [CIS GCP v1.2.0 3.8]
#     nist: [AU-2, AU-12, SI-4]
#   subresults:
#     low-fidelity:
#       severity: low
#       message: Subnetwork flow logs sample part of the traffic or drop metadata
#   inputs: [terraform]
#   equivalents: [CKV_GCP_26, AVD-GCP-0029, AVD-GCP-0076, FG_R00409]
package controlgate.rules.mon_gcp_001

import data.controlgate.lib.terraform as tf
import data.controlgate.lib.tri
import data.controlgate.lib.values as v

# Proxy-only subnetworks do not support flow logs.
_proxy := {"REGIONAL_MANAGED_PROXY", "GLOBAL_MANAGED_PROXY", "INTERNAL_HTTPS_LOAD_BALANCER"}

_subnets contains s if {
	some s in tf.resources({"google_compute_subnetwork"})
	not _is_proxy(s)
}

_is_proxy(s) if upper(s.config.purpose) in _proxy

applies contains s.id if some s in _subnets

deny contains tri.failure(c) if some c in _checks

unknown contains tri.unknown(c) if some c in _checks

# No log_config block: flow logs are off (unless an unknown purpose makes it a proxy-only subnet).
_checks contains {"resource": s.id, "path": ["log_config"], "when": tri.all_hold([
	tri.of(["log_config"], lc, lc in {null, []}),
	tri.of(["purpose"], object.get(s.config, "purpose", null), true),
])} if {
	some s in _subnets
	lc := object.get(s.config, "log_config", null)
}

_checks contains {
	"resource": s.id, "sub": "low-fidelity", "path": p, "actual": x,
	"when": tri.of(p, x, _below_one(x)),
} if {
	some s in _subnets
	some i, lc in v.blocks(s.config, "log_config")
	x := lc.flow_sampling
	p := ["log_config", i, "flow_sampling"]
}

_checks contains tri.fails_if_in(rec, ["log_config", i], lc, "metadata", null, {"EXCLUDE_ALL_METADATA"}) if {
	some s in _subnets
	some i, lc in v.blocks(s.config, "log_config")
	rec := {"resource": s.id, "sub": "low-fidelity"}
}

default _below_one(_) := false

_below_one(x) if v.number(x) < 1

# METADATA
# title: Packer googlecompute build VMs have no external IP and avoid the default network
# description: |
#   The googlecompute builder gives the build VM an external IP unless omit_external_ip is set, and
#   launches it in the "default" network, whose stock firewall rules admit SSH and RDP from anywhere.
#   Together they leave the half-built image reachable from the Internet while it is provisioned.
# custom:
#   id: NET-PKR-004
#   severity: medium
#   message: Packer googlecompute build VM has an external IP address
#   remediation: |
#     Set omit_external_ip = true with use_internal_ip = true when the runner is inside the VPC, or
#     use_iap = true to tunnel through Identity-Aware Proxy; launch in a dedicated network / subnetwork whose
#     firewall rules admit the communicator port only from the runner or the IAP range (35.235.240.0/20).
#   controls:
#     iso27017: [CLD.13.1.4, CLD.9.5.1]
#     iso27002: [A.8.20, A.8.22]
#     soc2: [CC6.6]
#     cis: [CIS GCP v1.2.0 4.9, CIS GCP v1.2.0 3.1]
#     nist: [AC-4, SC-7]
#   subresults:
#     default-network:
#       severity: low
#       message: Packer googlecompute build VM is launched in the default network
#   inputs: [packer]
#   equivalents: []
package controlgate.rules.net_pkr_004

import data.controlgate.lib.packer as pkr
import data.controlgate.lib.tri
import data.controlgate.lib.values as v

_omit := "omit_external_ip"

applies contains s.id if some s in pkr.sources({"googlecompute"})

deny contains tri.failure(c) if some c in _checks

# Each check's unknown names every unknown value that could decide it, one record each.
unknown contains {"resource": c.resource, "path": [k], "reason": reason} if {
	some s in pkr.sources({"googlecompute"})
	c := _exposed(s)
	is_object(c.when)
	some k in [_omit, "use_iap"]
	v.is_unknown(s.config[k])
	reason := s.config[k].__unknown__
}

unknown contains {"resource": c.resource, "sub": c.sub, "path": [k], "reason": reason} if {
	some s in pkr.sources({"googlecompute"})
	c := _default_network(s)
	is_object(c.when)
	some k in ["network", "subnetwork"]
	v.is_unknown(s.config[k])
	reason := s.config[k].__unknown__
}

_checks contains _exposed(s) if some s in pkr.sources({"googlecompute"})

_checks contains _default_network(s) if some s in pkr.sources({"googlecompute"})

# External IP kept: neither omit_external_ip nor use_iap is true.
_exposed(s) := object.union(
	{"resource": s.id, "path": [_omit], "when": tri.negate(tri.any_holds([
		tri.is_in([_omit], s.config, _omit, false, v.truthy),
		tri.is_in(["use_iap"], s.config, "use_iap", false, v.truthy),
	]))},
	v.actual(s.config, _omit),
)

# The "default" network: no known subnetwork and network unset, empty or named default.
_default_network(s) := object.union(
	{"resource": s.id, "sub": "default-network", "path": ["network"], "when": tri.all_hold([
		tri.of(["subnetwork"], object.get(s.config, "subnetwork", null), _no_subnetwork(s.config)),
		tri.of(["network"], object.get(s.config, "network", null), _default_named(s.config)),
	])},
	v.actual(s.config, "network"),
)

_no_subnetwork(config) := false if v.set_known(config, "subnetwork")

else := true

_default_named(config) := false if {
	v.literal_string(config.network)
	not _is_default(config.network)
} else := true

_is_default("default")

_is_default(network) if endswith(network, "/networks/default")

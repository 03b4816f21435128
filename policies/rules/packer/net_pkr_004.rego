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
import data.controlgate.lib.values as v

_omit := "omit_external_ip"

applies contains s.id if some s in pkr.sources({"googlecompute"})

deny contains {"resource": s.id, "path": [_omit]} if {
	some s in _exposed
	not v.has(s.config, _omit)
}

deny contains {"resource": s.id, "path": [_omit], "actual": s.config[_omit]} if {
	some s in _exposed
	v.has(s.config, _omit)
}

deny contains {"resource": s.id, "sub": "default-network", "path": ["network"]} if {
	some s in _default_network
	not v.has(s.config, "network")
}

deny contains {"resource": s.id, "sub": "default-network", "path": ["network"], "actual": s.config.network} if {
	some s in _default_network
	v.has(s.config, "network")
}

unknown contains {"resource": s.id, "path": [k], "reason": reason} if {
	some s in pkr.sources({"googlecompute"})
	not _private(s.config)
	some k in [_omit, "use_iap"]
	v.is_unknown(s.config[k])
	reason := s.config[k].__unknown__
}

unknown contains {"resource": s.id, "sub": "default-network", "path": [k], "reason": reason} if {
	some s in pkr.sources({"googlecompute"})
	not v.set_known(s.config, "subnetwork")
	not _custom_network(s.config)
	some k in ["network", "subnetwork"]
	v.is_unknown(s.config[k])
	reason := s.config[k].__unknown__
}

# External IP kept (omit_external_ip and use_iap known and not true).
_exposed contains s if {
	some s in pkr.sources({"googlecompute"})
	not _private(s.config)
	not _unknown(s.config, _omit)
	not _unknown(s.config, "use_iap")
}

_private(config) if v.is_true(config[_omit])

_private(config) if v.is_true(config.use_iap)

# The "default" network: no known subnetwork and network unset, empty or named default.
_default_network contains s if {
	some s in pkr.sources({"googlecompute"})
	not v.set_known(s.config, "subnetwork")
	not _unknown(s.config, "subnetwork")
	not _custom_network(s.config)
	not _unknown(s.config, "network")
}

_custom_network(config) if {
	v.literal_string(config.network)
	not _is_default(config.network)
}

_is_default("default")

_is_default(network) if endswith(network, "/networks/default")

_unknown(config, k) if v.is_unknown(config[k])

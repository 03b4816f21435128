# METADATA
# title: GCP firewall rules must not open SSH or RDP to the whole Internet
# description: |
#   An ingress rule allowing TCP 22 or 3389 from 0.0.0.0/0 exposes every matching VM's remote login
#   to the Internet. An ingress rule that names no source at all is treated by Google Cloud as
#   0.0.0.0/0, so leaving the source out is just as open.
# custom:
#   id: NET-GCP-001
#   severity: high
#   message: Firewall rule allows SSH or RDP from the Internet
#   remediation: |
#     Set source_ranges to the networks that administer the VMs (35.235.240.0/20 for IAP TCP
#     forwarding), or use source_service_accounts / source_tags; never leave the source empty.
#   controls:
#     iso27017: [CLD.13.1.4, CLD.9.5.2]
#     iso27002: [A.8.20, A.8.21]
#     soc2: [CC6.6]
#     cis: [CIS GCP v1.2.0 3.6, CIS GCP v1.2.0 3.7]
#     nist: [AC-4, AC-17, CM-7, SC-7]
#   inputs: [terraform]
#   equivalents: [CKV_GCP_2, CKV_GCP_3, AVD-GCP-0070, AVD-GCP-0071, AVD-GCP-0027, FG_R00407, FG_R00408]
package controlgate.rules.net_gcp_001

import data.controlgate.lib.network
import data.controlgate.lib.terraform as tf
import data.controlgate.lib.tri
import data.controlgate.lib.values as v

_world := {"0.0.0.0/0", "::/0"}

_admin_ports := {22, 3389}

_protocols := {"tcp", "all", "6"}

_source_keys := ["source_ranges", "source_tags", "source_service_accounts"]

# Each condition's truth (tri): true, false, or unknown, written {"unknowns": []} (a literal: the
# functions below already refer to the rule's sets): its values are the ones _unknowns names.

applies contains r.id if some r in tf.resources({"google_compute_firewall"})

deny contains {"resource": r.id, "path": ["source_ranges"], "actual": r.config.source_ranges} if {
	some r in tf.resources({"google_compute_firewall"})
	tri.all_hold([s | some s in _states(r.config)]) == true
	some x in v.as_list(r.config.source_ranges)
	x in _world
}

# No source at all: the platform applies 0.0.0.0/0.
deny contains {"resource": r.id, "path": ["source_ranges"]} if {
	some r in tf.resources({"google_compute_firewall"})
	tri.all_hold([s | some s in _states(r.config)]) == true
	_no_source(r.config)
}

unknown contains {"resource": r.id, "path": p, "reason": reason} if {
	some r in tf.resources({"google_compute_firewall"})
	states := _states(r.config)
	is_object(tri.all_hold([s | some s in states]))
	some cond, s in states
	is_object(s)
	some [p, reason] in _unknowns(r.config, cond)
}

_states(c) := {
	"direction": _direction(c),
	"disabled": _enabled(c),
	"allow": _allow(c),
	"source": _source(c),
}

_direction(c) := {"unknowns": []} if v.is_unknown(c.direction)

else := false if {
	v.has(c, "direction")
	upper(c.direction) != "INGRESS"
} else := true

_enabled(c) := {"unknowns": []} if v.is_unknown(c.disabled)

else := false if v.is_true(c.disabled)

else := true

_allow(c) := {"unknowns": []} if v.is_unknown(c.allow)

else if {
	some a in v.blocks(c, "allow")
	_allow_block(a) == true
} else := {"unknowns": []} if {
	some a in v.blocks(c, "allow")
	_allow_block(a) == {"unknowns": []}
} else := false

_allow_block(a) := tri.all_hold([_protocol(a), _ports(a)])

_protocol(a) := {"unknowns": []} if v.is_unknown(a.protocol)

else if {
	lower(a.protocol) in _protocols
} else := false

# Absent or empty ports mean every port.
_ports(a) := {"unknowns": []} if v.is_unknown(a.ports)

else if {
	count(v.as_list(object.get(a, "ports", null))) == 0
} else if {
	some p in a.ports
	v.known(p)
	network.port_spec_covers(p, _admin_ports)
} else := {"unknowns": []} if {
	v.any_unknown(a.ports)
} else := false

_source(c) if {
	some x in v.as_list(c.source_ranges)
	x in _world
} else := {"unknowns": []} if {
	some key in _source_keys
	v.any_unknown(c[key])
} else if _no_source(c)

else := false

_no_source(c) if {
	every key in _source_keys {
		count(v.as_list(object.get(c, key, null))) == 0
	}
}

_unknowns(c, "direction") := {[["direction"], c.direction.__unknown__]}

_unknowns(c, "disabled") := {[["disabled"], c.disabled.__unknown__]}

_unknowns(c, "allow") := {[["allow"], c.allow.__unknown__]} if v.is_unknown(c.allow)

else := {[p, reason] |
	some i, a in v.blocks(c, "allow")
	_allow_block(a) == {"unknowns": []}
	some [q, reason] in v.attr_unknowns(a, ["protocol", "ports"])
	p := array.concat(["allow", i], q)
}

_unknowns(c, "source") := {[p, reason] | some [p, reason] in v.attr_unknowns(c, _source_keys)}

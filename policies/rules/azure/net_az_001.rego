# METADATA
# title: Azure NSG rules must not let the Internet reach SSH, RDP or WinRM
# description: |
#   An inbound allow rule whose source is any address or the Internet service tag exposes the
#   remote-administration ports of every VM behind the NSG to password spraying and exploit
#   scanning. Administration should come through Bastion, just-in-time access or known ranges.
# custom:
#   id: NET-AZ-001
#   severity: high
#   message: NSG rule allows SSH, RDP or WinRM from the Internet
#   remediation: |
#     Restrict source_address_prefix(es) of inbound Allow rules on ports 22, 3389, 5985 and 5986 to
#     management ranges or application security groups, or remove the rule and use Azure Bastion or
#     just-in-time VM access.
#   controls:
#     iso27017: [CLD.13.1.4, CLD.9.5.2]
#     iso27002: [A.8.20, A.8.21, A.5.23]
#     soc2: [CC6.6]
#     cis: [CIS Azure v1.3.0 6.1, CIS Azure v1.3.0 6.2, CIS Azure v3.0.0 7.1/7.2]
#     nist: [AC-4, AC-17, CM-7, SC-7]
#   inputs: [terraform]
#   equivalents: [CKV_AZURE_9, CKV_AZURE_10, AVD-AZU-0048, AVD-AZU-0050, FG_R00190, FG_R00191]
package controlgate.rules.net_az_001

import data.controlgate.lib.network
import data.controlgate.lib.terraform as tf
import data.controlgate.lib.tri
import data.controlgate.lib.values as v

_world := {"*", "0.0.0.0", "0.0.0.0/0", "/0", "internet", "any", "::/0"}

_tcp_ports := {22, 3389, 5985, 5986}

_protocols := {"tcp", "udp", "*"}

_keys := {
	"direction": ["direction"],
	"access": ["access"],
	"protocol": ["protocol"],
	"ports": ["destination_port_range", "destination_port_ranges"],
	"source": ["source_address_prefix", "source_address_prefixes"],
}

# Each condition's truth (tri): true, false, or this unknown, whose values the rule's unknowns name.
_undecided := {"unknowns": []}

applies contains r.id if some r in tf.resources({"azurerm_network_security_rule", "azurerm_network_security_group"})

# Each NSG rule as [resource id, path prefix, body]: standalone rules and inline security_rule blocks.
_rules contains [r.id, [], r.config] if some r in tf.resources({"azurerm_network_security_rule"})

_rules contains [r.id, ["security_rule", i], b] if {
	some r in tf.resources({"azurerm_network_security_group"})
	some i, b in v.blocks(r.config, "security_rule")
}

deny contains {"resource": id, "path": array.concat(prefix, [key]), "actual": actual} if {
	some [id, prefix, b] in _rules
	tri.all_hold([s | some s in _states(b)]) == true
	some key in _keys.source
	_state_of(b, key, _world_src) == true
	actual := b[key]
}

unknown contains {"resource": r.id, "path": ["security_rule"], "reason": r.config.security_rule.__unknown__} if {
	some r in tf.resources({"azurerm_network_security_group"})
	v.is_unknown(r.config.security_rule)
}

unknown contains {"resource": id, "path": array.concat(prefix, p), "reason": reason} if {
	some [id, prefix, b] in _rules
	states := _states(b)
	is_object(tri.all_hold([s | some s in states]))
	some cond, s in states
	is_object(s)
	some key in _keys[cond]
	some [p, reason] in _unknowns(b, key)
}

_states(b) := {
	"direction": _eq_state(b, "direction", "inbound"),
	"access": _eq_state(b, "access", "allow"),
	"protocol": _protocol_state(b),
	"ports": _any_state(b, _keys.ports, _port_match(b)),
	"source": _any_state(b, _keys.source, _world_src),
}

_eq_state(b, key, want) := _undecided if v.is_unknown(b[key])

else if lower(b[key]) == want

else := false

_protocol_state(b) := _undecided if v.is_unknown(b.protocol)

else if {
	lower(b.protocol) in _protocols
}

else := false

# The ports that matter for the rule's protocol (RDP also listens on UDP).
_port_match(b) := {3389} if lower(b.protocol) == "udp"

else := _tcp_ports

_world_src := "world"

# State of one list-or-string attribute against a matcher: true when a known element matches.
_state_of(b, key, matcher) if {
	some x in v.as_list(object.get(b, key, null))
	v.known(x)
	_matches(x, matcher)
} else := _undecided if {
	v.any_unknown(v.as_list(object.get(b, key, null)))
} else := false

_matches(x, "world") if lower(x) in _world

_matches(x, ports) if {
	is_set(ports)
	network.port_spec_covers(x, ports)
}

_any_state(b, keys, matcher) if {
	some key in keys
	_state_of(b, key, matcher) == true
} else := _undecided if {
	some key in keys
	_state_of(b, key, matcher) == _undecided
} else := false

# Paths (relative to the rule body) and expressions of the unknown values of one attribute.
_unknowns(b, key) := {[[key], b[key].__unknown__]} if v.is_unknown(b[key])

else := {[[key, i], x.__unknown__] |
	some i, x in v.as_list(object.get(b, key, null))
	v.is_unknown(x)
}

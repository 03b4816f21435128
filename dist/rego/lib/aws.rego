# METADATA
# description: |
#   Helpers for the AWS rules. Ingress entries (security-group rules, network-ACL entries) are
#   evaluated in three values: "yes", "no" and "unknown". An entry is described by an object
#   {"id", "base", "body", "gate", "cidrs", "proto"}: base is the path of the entry's body inside the
#   resource, gate a list of conditions {"key", "want", "absent_ok"} that make the entry an inbound
#   allow (e.g. type = "ingress"), cidrs the source attributes, proto the protocol attribute.
package controlgate.lib.aws

import data.controlgate.lib.network
import data.controlgate.lib.values as v

# METADATA
# description: Three-valued conjunction of "yes" / "no" / "unknown".
and3(a, b) := "no" if "no" in {a, b}

else := "yes" if {
	a == "yes"
	b == "yes"
} else := "unknown"

# METADATA
# description: Whether every gate condition of entry e holds.
gate(e) := "no" if {
	some c in e.gate
	_cond(e.body, c) == "no"
} else := "unknown" if {
	some c in e.gate
	_cond(e.body, c) == "unknown"
} else := "yes"

_cond(body, c) := "yes" if {
	not v.has(body, c.key)
	c.absent_ok
} else := "no" if {
	not v.has(body, c.key)
} else := "unknown" if {
	v.is_unknown(body[c.key])
} else := "yes" if {
	body[c.key] in c.want
} else := "no"

# METADATA
# description: Whether a source attribute of entry e holds a world CIDR (0.0.0.0/0, ::/0).
world_source(e) := "yes" if {
	some k in e.cidrs
	network.has_world_cidr(e.body[k])
} else := "unknown" if {
	some k in e.cidrs
	v.any_unknown(e.body[k])
} else := "no"

# METADATA
# scope: document
# description: The world CIDRs a source attribute value (string or list) holds.
world_cidrs_in(x) := {c | some c in x; c in network.world_cidrs} if is_array(x)

world_cidrs_in(x) := {x} if x in network.world_cidrs

# METADATA
# scope: document
# description: Protocol value as a lower-case string ("-1", "tcp", "6").
protocol(p) := lower(p) if is_string(p)

protocol(p) := json.marshal(p) if is_number(p)

_port_protocols := {"tcp", "udp", "6", "17"}

# METADATA
# description: Whether entry e admits traffic to one of ports (all protocols count as every port).
service(e, ports) := "no" if {
	not v.has(e.body, e.proto)
} else := "unknown" if {
	v.is_unknown(e.body[e.proto])
} else := "yes" if {
	network.all_protocols(protocol(e.body[e.proto]))
} else := "no" if {
	not protocol(e.body[e.proto]) in _port_protocols
} else := "unknown" if {
	some k in ["from_port", "to_port"]
	v.is_unknown(e.body[k])
} else := "yes" if {
	bounds := network.port_bounds(v.number(e.body.from_port), v.number(e.body.to_port))
	some port in ports
	bounds[0] <= port
	port <= bounds[1]
} else := "no"

# METADATA
# description: |
#   The outcome for entry e, "yes" (world-open to one of ports), "no" or "unknown".
outcome(e, ports) := and3(and3(gate(e), world_source(e)), service(e, ports))

# METADATA
# description: |
#   [key, expression] of the first unknown attribute that decides an "unknown" outcome of entry e.
unknown_attr(e, ports) := [k, reason(e.body[k])] if {
	keys := array.concat(
		array.concat(
			[c.key | gate(e) == "unknown"; some c in e.gate],
			[k | world_source(e) == "unknown"; some k in e.cidrs],
		),
		[k | service(e, ports) == "unknown"; some k in [e.proto, "from_port", "to_port"]],
	)
	k := [x | some x in keys; v.any_unknown(e.body[x])][0]
}

# METADATA
# scope: document
# description: The expression of an unknown value, or of the first unknown element of a list.
reason(x) := x.__unknown__ if v.is_unknown(x)

reason(x) := [e.__unknown__ | some e in x; v.is_unknown(e)][0] if is_array(x)

# METADATA
# scope: document
# description: |
#   An IAM policy document given as a literal JSON string (or already as an object). Undefined for
#   unknown values and for text that is not JSON.
policy_doc(x) := json.unmarshal(x) if {
	is_string(x)
	json.is_valid(x)
}

policy_doc(x) := x if {
	is_object(x)
	v.known(x)
}

# METADATA
# scope: document
# description: The statements of a policy document, as a list (a single statement object becomes a list).
statements(doc) := doc.Statement if is_array(doc.Statement)

statements(doc) := [doc.Statement] if is_object(doc.Statement)

# METADATA
# scope: document
# description: A policy element that may be one string or a list of strings, as a list.
as_list(x) := x if is_array(x)

as_list(x) := [x] if not is_array(x)

# METADATA
# description: |
#   Networks, CIDRs, ports and protocols, and the three-valued reading of ingress entries.
#
#   Ingress entries (AWS security-group rules, network-ACL entries) are evaluated in three values:
#   "yes", "no" and "unknown". An entry is described by an object {"id", "base", "body", "gate",
#   "cidrs", "proto"}: base is the path of the entry's body inside the resource, gate a list of
#   conditions {"key", "want", "absent_ok"} that make the entry an inbound allow (e.g. type =
#   "ingress"), cidrs the source attributes, proto the protocol attribute.
package controlgate.lib.network

import data.controlgate.lib.tri
import data.controlgate.lib.values as v

# METADATA
# description: CIDR blocks that mean the whole Internet.
world_cidrs := {"0.0.0.0/0", "::/0"}

# METADATA
# description: Remote-administration ports (SSH, Telnet, RDP, WinRM over HTTP and HTTPS).
admin_ports := {22, 23, 3389, 5985, 5986}

# METADATA
# description: True when the list (or single string) of CIDRs holds a world CIDR (false otherwise).
# scope: document
default has_world_cidr(_) := false

has_world_cidr(cidrs) if {
	is_array(cidrs)
	some c in cidrs
	c in world_cidrs
}

has_world_cidr(cidrs) if cidrs in world_cidrs

# METADATA
# description: True when protocol means every protocol (and so every port).
all_protocols(p) if p in {"-1", -1, "all"}

# METADATA
# description: True when the closed range [from, to] holds an administration port.
covers_admin_port(from, to) if {
	some port in admin_ports
	to_number(from) <= port
	port <= to_number(to)
}

# METADATA
# description: |
#   [from, to] of a port range as AWS reads it: -1 (on TCP and UDP as on "all") means every port,
#   so a negative lower bound is 0 and a negative upper bound 65535.
# scope: document
port_bounds(from, to) := [_low(from), _high(to)]

_low(x) := 0 if x < 0

else := x

_high(x) := 65535 if x < 0

else := x

# METADATA
# scope: document
# description: |
#   True when a port specification string covers a port in the set ports: "*", "22", "20-25"
#   (Azure destination_port_range, GCP allow.ports). Numbers are accepted too.
port_spec_covers("*", _)

port_spec_covers(spec, ports) if {
	some p in ports
	v.number(spec) == p
}

port_spec_covers(spec, ports) if {
	is_string(spec)
	m := regex.find_all_string_submatch_n(`^\s*([0-9]+)\s*-\s*([0-9]+)\s*$`, spec, 1)
	some p in ports
	to_number(m[0][1]) <= p
	p <= to_number(m[0][2])
}

# METADATA
# description: The number of dotted IPv4 address s (undefined when s is not one).
ipv4_number(s) := n if {
	is_string(s)
	regex.match(`^[0-9]{1,3}(\.[0-9]{1,3}){3}$`, s)
	p := [to_number(x) | some x in split(s, ".")]
	every x in p {
		x <= 255
	}
	n := (((p[0] * 16777216) + (p[1] * 65536)) + (p[2] * 256)) + p[3]
}

# METADATA
# description: |
#   True when the IPv4 range [start, end] covers at least half of the address space: a firewall
#   rule that wide admits the Internet, whatever its exact bounds.
internet_range(start, end) if ipv4_number(end) - ipv4_number(start) >= 2147483647

# METADATA
# scope: document
# description: |
#   True when CIDR c (a.b.c.d/n) covers at least half of the IPv4 space, or is ::/0 (any network).
internet_cidr("::/0")

internet_cidr(c) if {
	is_string(c)
	[addr, prefix_len] := split(c, "/")
	ipv4_number(addr)
	regex.match(`^[0-9]{1,2}$`, prefix_len)
	to_number(prefix_len) <= 1
}

# METADATA
# description: Whether every gate condition of entry e holds (a tri truth).
gate(e) := tri.all_hold([_cond(e, c) | some c in e.gate])

_cond(e, c) if {
	not v.has(e.body, c.key)
	c.absent_ok
} else := false if {
	not v.has(e.body, c.key)
} else := tri.of(array.concat(e.base, [c.key]), e.body[c.key], e.body[c.key] in c.want)

# METADATA
# description: |
#   Whether a source attribute of entry e holds a world CIDR (0.0.0.0/0, ::/0), as a tri truth:
#   unknown at the first source attribute that is or holds an unknown value.
world_source(e) if {
	some k in e.cidrs
	has_world_cidr(e.body[k])
} else := u if {
	u := [_unknown_at(e, k) | some k in e.cidrs; v.any_unknown(e.body[k])][0]
} else := false

_unknown_at(e, k) := {"path": array.concat(e.base, [k]), "reason": v.reason(e.body[k])}

# METADATA
# scope: document
# description: The world CIDRs a source attribute value (string or list) holds.
world_cidrs_in(x) := {c | some c in x; c in world_cidrs} if is_array(x)

world_cidrs_in(x) := {x} if x in world_cidrs

# METADATA
# scope: document
# description: Protocol value as a lower-case string ("-1", "tcp", "6").
protocol(p) := lower(p) if is_string(p)

protocol(p) := json.marshal(p) if is_number(p)

_port_protocols := {"tcp", "udp", "6", "17"}

# METADATA
# description: |
#   Whether entry e admits traffic to one of ports (all protocols count as every port), as a tri
#   truth.
service(e, ports) := false if {
	not v.has(e.body, e.proto)
} else := _unknown_at(e, e.proto) if {
	v.is_unknown(e.body[e.proto])
} else if {
	all_protocols(protocol(e.body[e.proto]))
} else := false if {
	not protocol(e.body[e.proto]) in _port_protocols
} else := u if {
	u := [_unknown_at(e, k) | some k in ["from_port", "to_port"]; v.is_unknown(e.body[k])][0]
} else if {
	bounds := port_bounds(v.number(e.body.from_port), v.number(e.body.to_port))
	some port in ports
	bounds[0] <= port
	port <= bounds[1]
} else := false

# METADATA
# description: |
#   Whether entry e is open to the world on one of ports (a tri truth: unknown with the path and
#   expression of the first undecided attribute, in the order gate, sources, protocol and ports).
outcome(e, ports) := tri.all_hold([gate(e), world_source(e), service(e, ports)])

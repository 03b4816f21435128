# METADATA
# title: No inbound rule opens every port, or a high-risk service port, to the whole Internet
# description: |
#   A security group, NSG or firewall rule that admits the entire Internet to every port or protocol
#   exposes whatever happens to listen on the host. Database, remote-administration, cache and search
#   ports reachable from anywhere are routinely scanned and attacked within minutes.
# custom:
#   id: NET-MULTI-001
#   severity: critical
#   message: Inbound rule allows all ports or protocols from the Internet
#   remediation: |
#     Open only the service ports the workload needs, from specific source ranges (cidr_blocks,
#     source_address_prefix(es), source_ranges); put public services behind a load balancer or WAF
#     and reach databases and administration ports over private networking, VPN or a bastion.
#   controls:
#     iso27017: [CLD.13.1.4]
#     iso27002: [A.8.20, A.8.22]
#     soc2: [CC6.6]
#     cis: [CIS AWS v3.0.0 5.2, CIS Azure v1.3.0 6.6]
#     nist: [AC-4, AC-4(21), CA-9(1), CM-2, CM-7, SC-7, SC-7(5)]
#   subresults:
#     high-risk-port:
#       severity: high
#       message: Inbound rule exposes a high-risk service port to the Internet
#     udp:
#       severity: high
#       message: NSG rule allows UDP from the Internet
#   inputs: [terraform]
#   equivalents: [FG_R00044, FG_R00045, FG_R00350, AVD-AZU-0047, AVD-AZU-0074, AVD-GCP-0027, AVD-GCP-0072, AVD-GCP-0074,
#     CKV_AZURE_77, AC_AWS_0275]
package controlgate.rules.net_multi_001

import data.controlgate.lib.network
import data.controlgate.lib.terraform as tf
import data.controlgate.lib.tri
import data.controlgate.lib.values as v

# Security Hub EC2.19's list, plus Redis, Memcached and MongoDB.
_high_risk_ports := {
	20, 21, 22, 23, 25, 110, 135, 143, 445, 1433, 1434, 3000, 3306, 3389, 4333, 5000, 5432,
	5500, 5601, 8080, 8088, 8888, 9200, 9300, 6379, 11211, 27017,
}

_azure_world := {"*", "0.0.0.0", "0.0.0.0/0", "internet", "any", "::/0"}

applies contains r.id if some r in tf.resources({
	"aws_security_group", "aws_default_security_group", "aws_security_group_rule", "aws_vpc_security_group_ingress_rule",
	"azurerm_network_security_rule", "azurerm_network_security_group", "google_compute_firewall",
})

# ---------------------------------------------------------------------------------------------
# Entries: one per inbound rule, whatever the provider. An entry holds
#   id, kind ("aws" | "azure" | "gcp"), srcs: [{path, value}], proto: {path, value},
#   ranges: [{path, from, to, raw}] (from/to numbers) or [{path, unknown}], gate: [{path, value}]
#   (Azure direction/access that must be known).

_aws_entry(r, base, b) := {
	"id": r.id, "kind": "aws",
	"srcs": [{"path": array.concat(base, [k]), "value": b[k]} |
		some k in ["cidr_blocks", "ipv6_cidr_blocks"]
		v.has(b, k)
	],
	"proto": {"path": array.concat(base, ["protocol"]), "value": object.get(b, "protocol", null)},
	"ranges": [_range_of(
		array.concat(base, ["from_port"]),
		object.get(b, "from_port", null),
		object.get(b, "to_port", null),
	)],
}

_entries contains _aws_entry(r, ["ingress", i], b) if {
	some r in tf.resources({"aws_security_group", "aws_default_security_group"})
	some i, b in v.blocks(r.config, "ingress")
}

_entries contains _aws_entry(r, [], r.config) if {
	some r in tf.resources({"aws_security_group_rule"})
	r.config.type == "ingress"
}

_entries contains {
	"id": r.id, "kind": "aws",
	"srcs": [{"path": [k], "value": r.config[k]} | some k in ["cidr_ipv4", "cidr_ipv6"]; v.has(r.config, k)],
	"proto": {"path": ["ip_protocol"], "value": object.get(r.config, "ip_protocol", null)},
	"ranges": [_range_of(["from_port"], object.get(r.config, "from_port", null), object.get(r.config, "to_port", null))],
} if {
	some r in tf.resources({"aws_vpc_security_group_ingress_rule"})
}

_azure_entry(r, base, b) := {
	"id": r.id, "kind": "azure",
	"srcs": [{"path": array.concat(base, [k]), "value": b[k]} |
		some k in ["source_address_prefix", "source_address_prefixes"]
		v.has(b, k)
	],
	"proto": {"path": array.concat(base, ["protocol"]), "value": object.get(b, "protocol", null)},
	"ranges": _azure_ranges(base, b),
	"gate": [{"path": array.concat(base, [k]), "value": object.get(b, k, null)} | some k in ["direction", "access"]],
}

_entries contains _azure_entry(r, [], r.config) if some r in tf.resources({"azurerm_network_security_rule"})

_entries contains _azure_entry(r, ["security_rule", i], b) if {
	some r in tf.resources({"azurerm_network_security_group"})
	some i, b in v.blocks(r.config, "security_rule")
}

_entries contains {
	"id": r.id, "kind": "gcp",
	"srcs": _gcp_srcs(r),
	"proto": {"path": ["allow", i, "protocol"], "value": object.get(a, "protocol", null)},
	"ranges": _gcp_ranges(["allow", i, "ports"], a),
} if {
	some r in tf.resources({"google_compute_firewall"})
	_gcp_ingress(r)
	not _disabled(r)
	some i, a in v.blocks(r.config, "allow")
}

# ---------------------------------------------------------------------------------------------
# Port ranges

_range_of(path, from, to) := {"path": path, "unknown": from.__unknown__} if v.is_unknown(from)

else := {"path": path, "unknown": to.__unknown__} if v.is_unknown(to)

else := {"path": path, "from": b[0], "to": b[1], "raw": from} if {
	b := network.port_bounds(v.number(from), v.number(to))
}

else := {"path": path, "from": 0, "to": 65535, "raw": from}

# A port expression: "*", "22", "1000-2000" (Azure and GCP ports), or an unknown value.
_port_expr(path, x) := {"path": path, "unknown": x.__unknown__} if v.is_unknown(x)

else := {"path": path, "from": 0, "to": 65535, "raw": x} if x == "*"

else := {"path": path, "from": v.number(x), "to": v.number(x), "raw": x} if v.number(x)

else := {"path": path, "from": to_number(parts[0]), "to": to_number(parts[1]), "raw": x} if {
	is_string(x)
	parts := split(trim_space(x), "-")
	count(parts) == 2
	regex.match(`^[0-9]+$`, parts[0])
	regex.match(`^[0-9]+$`, parts[1])
}

_azure_ranges(base, b) := array.concat(
	[_port_expr(array.concat(base, ["destination_port_range"]), b.destination_port_range) |
		v.has(b, "destination_port_range")
	],
	_list_ranges(array.concat(base, ["destination_port_ranges"]), object.get(b, "destination_port_ranges", null)),
)

_list_ranges(path, xs) := [{"path": path, "unknown": xs.__unknown__}] if v.is_unknown(xs)

else := [_port_expr(path, x) | some x in xs] if is_array(xs)

else := []

# GCP: no ports (or an empty list) means every port of the protocol.
_gcp_ranges(path, a) := [{"path": path, "from": 0, "to": 65535, "raw": null}] if not v.has(a, "ports")

else := [{"path": path, "from": 0, "to": 65535, "raw": a.ports}] if a.ports == []

else := _list_ranges(path, a.ports)

# ---------------------------------------------------------------------------------------------
# GCP sources: with no source_ranges, source_tags or source_service_accounts the rule applies to
# every source (0.0.0.0/0).

_disabled(r) if v.is_true(r.config.disabled)

_gcp_ingress(r) if not v.has(r.config, "direction")

_gcp_ingress(r) if upper(r.config.direction) == "INGRESS"

_gcp_srcs(r) := [{"path": ["source_ranges"], "value": r.config.source_ranges}] if v.has(r.config, "source_ranges")

else := [{"path": ["source_ranges"], "value": "0.0.0.0/0"}] if {
	not v.has(r.config, "source_tags")
	not v.has(r.config, "source_service_accounts")
}

else := []

# ---------------------------------------------------------------------------------------------
# Checks: each finding an entry can give, with the tri truth of its conditions. An unknown value
# leaves a check undecided only when the other conditions would not pass it anyway (a rule for
# 8443/tcp passes whatever its source).

deny contains tri.failure(c) if some c in _checks

unknown contains object.union({"resource": c.resource}, u) if {
	some c in _checks
	some u in tri.unknowns(c.when)
}

# Every protocol (AWS -1, GCP all): every port.
_checks contains {
	"resource": e.id, "path": e.proto.path, "actual": e.proto.value,
	"when": tri.all_hold([_world(e), tri.of(e.proto.path, e.proto.value, _all_protocols(e))]),
} if {
	some e in _entries
	e.kind != "azure"
}

# Every port of a port-bearing protocol.
_checks contains object.union(
	{"resource": e.id, "path": rg.path, "when": tri.all_hold([_ported_open(e), _range(rg, _all_ports(rg))])},
	_actual(rg),
) if {
	some e in _entries
	some rg in e.ranges
}

_checks contains object.union(
	{
		"resource": e.id, "path": rg.path, "sub": "high-risk-port",
		"when": tri.all_hold([_ported_open(e), _range(rg, _risky_range(rg))]),
	},
	object.union(_actual(rg), _covered(e, rg)),
) if {
	some e in _entries
	some rg in e.ranges
}

# Azure: UDP (or any protocol) from the Internet, where no rule opens every port already.
_checks contains {
	"resource": e.id, "path": e.proto.path, "sub": "udp", "actual": e.proto.value,
	"when": tri.all_hold([
		_world(e), _inbound_allowed(e),
		tri.of(e.proto.path, e.proto.value, _proto(e) in {"udp", "*"}),
		_any_all_ports(e) == false,
	]),
} if {
	some e in _entries
	e.kind == "azure"
}

# Once the source is the world, an unknown direction or access leaves the rule undecided.
_checks contains {"resource": e.id, "path": [], "when": tri.all_hold([_world(e) == true, gate_unknown])} if {
	some e in _entries
	e.kind == "azure"
	gate_unknown := tri.any_holds([tri.of(g.path, g.value, false) | some g in e.gate])
}

# Open to the world, inbound and allowed, on a protocol that has ports.
_ported_open(e) := tri.all_hold([
	_world(e), _inbound_allowed(e),
	tri.of(e.proto.path, e.proto.value, _proto(e) in _ported[e.kind]),
])

# The truth of a condition on port range rg: unknown when its ports are.
_range(rg, holds) := {"path": rg.path, "reason": rg.unknown} if {
	rg.unknown
} else := holds

# ---------------------------------------------------------------------------------------------
# Conditions

# Whether the entry admits the whole Internet: true when a source is a world range; unknown, with
# every unknown source, when none is and a source is unknown.
_world(e) if {
	some s in e.srcs
	_world_value(e.kind, s.value)
} else := {"unknowns": us} if {
	us := [{"path": s.path, "reason": v.reason(s.value)} | some s in e.srcs; v.any_unknown(s.value)]
	count(us) > 0
} else := false

_world_value(kind, x) if {
	kind != "azure"
	network.has_world_cidr(x)
}

_world_value("azure", x) if {
	is_string(x)
	lower(x) in _azure_world
}

_world_value("azure", x) if {
	is_array(x)
	some item in x
	is_string(item)
	lower(item) in _azure_world
}

# Inbound and allowed (Azure); other providers' entries are inbound allows by construction.
_inbound_allowed(e) if {
	not e.gate
} else := tri.all_hold([tri.of(g.path, g.value, _is(g.value, want)) |
	some i, want in ["inbound", "allow"]
	g := e.gate[i]
])

default _is(_, _) := false

_is(x, want) if lower(x) == want

_proto(e) := lower(format_int(e.proto.value, 10)) if is_number(e.proto.value)

else := lower(e.proto.value) if is_string(e.proto.value)

else := ""

default _all_protocols(_) := false

_all_protocols(e) if network.all_protocols(_proto(e))

_ported := {
	"aws": {"tcp", "udp", "6", "17"},
	"azure": {"tcp", "udp", "*"},
	"gcp": {"tcp", "udp", "sctp", "6", "17", "132"},
}

_risky_in(rg) := {p | some p in _high_risk_ports; rg.from <= p; p <= rg.to}

default _risky_range(_) := false

_risky_range(rg) if {
	not _all_ports(rg)
	count(_risky_in(rg)) > 0
}

# The remote-administration ports each provider's own rule judges (NET-AWS-001, NET-AZ-001,
# NET-GCP-001). A range whose only high-risk ports are these is that rule's finding: this one is
# recorded as covered by it (one problem, one finding), and reported only when that rule is silent.
_admin_rule := {
	"aws": {"rule": "NET-AWS-001", "ports": network.admin_ports},
	"azure": {"rule": "NET-AZ-001", "ports": {22, 3389, 5985, 5986}},
	"gcp": {"rule": "NET-GCP-001", "ports": {22, 3389}},
}

_covered(e, rg) := {"covered_by": _admin_rule[e.kind].rule} if {
	count(_risky_in(rg) - _admin_rule[e.kind].ports) == 0
} else := {}

default _all_ports(_) := false

_all_ports(rg) if {
	rg.from <= 0
	rg.to >= 65535
}

default _any_all_ports(_) := false

_any_all_ports(e) if {
	some rg in e.ranges
	_all_ports(rg)
}

_actual(rg) := {"actual": rg.raw} if rg.raw != null

else := {}

# ---------------------------------------------------------------------------------------------
# Not evaluated: blocks and attributes generated by expressions.

unknown contains {"resource": r.id, "path": [k], "reason": reason} if {
	some r in tf.resources({"aws_security_group", "azurerm_network_security_group", "google_compute_firewall"})
	some k in ["ingress", "security_rule", "allow", "direction", "source_ranges"]
	v.is_unknown(r.config[k])
	not _gcp_src_reported(r, k)
	reason := r.config[k].__unknown__
}

# source_ranges unknown is reported through the entries (once per allow block).
_gcp_src_reported(r, "source_ranges") if r.type == "google_compute_firewall"

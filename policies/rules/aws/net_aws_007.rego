# METADATA
# title: Security groups do not allow all traffic out to the whole Internet
# description: |
#   An egress rule for every protocol and port to 0.0.0.0/0 or ::/0 lets a compromised workload
#   send data anywhere and reach any command-and-control server; the network policy should name the
#   destinations a workload needs (proxies, VPC endpoints, prefix lists). Egress alone exposes
#   nothing to inbound attack and is AWS's own default for new groups, so the severity is low.
# custom:
#   id: NET-AWS-007
#   severity: low
#   message: Security group allows all outbound traffic to the Internet
#   remediation: |
#     Replace the all-protocols egress rule to 0.0.0.0/0 / ::/0 with rules for the ports and
#     destinations the workload needs (HTTPS to a proxy or VPC endpoints, a managed prefix list,
#     another security group), or send Internet-bound traffic through a filtering egress firewall.
#   controls:
#     iso27017: [CLD.13.1.4]
#     iso27002: [A.8.20, A.8.22, A.8.12]
#     soc2: [CC6.6, CC6.7]
#     cis: []
#     nist: [AC-4, SC-7, SC-7(5)]
#   inputs: [terraform]
#   equivalents: [CKV_AWS_382, AVD-AWS-0104]
package controlgate.rules.net_aws_007

import data.controlgate.lib.network
import data.controlgate.lib.terraform as tf
import data.controlgate.lib.tri
import data.controlgate.lib.values as v

_group_types := {"aws_security_group", "aws_default_security_group"}

_types := _group_types | {"aws_security_group_rule", "aws_vpc_security_group_egress_rule"}

applies contains r.id if some r in tf.resources(_types)

_entries contains {
	"id": r.id, "base": ["egress", i], "body": b, "gate": [],
	"cidrs": ["cidr_blocks", "ipv6_cidr_blocks"], "proto": "protocol",
} if {
	some r in tf.resources(_group_types)
	some i, b in v.blocks(r.config, "egress")
}

_entries contains {
	"id": r.id, "base": [], "body": r.config,
	"gate": [{"key": "type", "want": ["egress"], "absent_ok": false}],
	"cidrs": ["cidr_blocks", "ipv6_cidr_blocks"], "proto": "protocol",
} if {
	some r in tf.resources({"aws_security_group_rule"})
}

_entries contains {
	"id": r.id, "base": [], "body": r.config, "gate": [],
	"cidrs": ["cidr_ipv4", "cidr_ipv6"], "proto": "ip_protocol",
} if {
	some r in tf.resources({"aws_vpc_security_group_egress_rule"})
}

# All traffic: protocol "-1" (or "all"), which covers every protocol and port.
_all_traffic(e) := {"reason": e.body[e.proto].__unknown__} if {
	v.is_unknown(e.body[e.proto])
} else if {
	v.has(e.body, e.proto)
	network.protocol(e.body[e.proto]) in {"-1", "all"}
} else := false

_outcome(e) := tri.all_hold([network.gate(e), network.world_source(e), _all_traffic(e)])

deny contains {"resource": e.id, "path": array.concat(e.base, [k]), "actual": cidr} if {
	some e in _entries
	_outcome(e) == true
	some k in e.cidrs
	some cidr in network.world_cidrs_in(e.body[k])
}

unknown contains {"resource": e.id, "path": array.concat(e.base, [k]), "reason": reason} if {
	some e in _entries
	is_object(_outcome(e))
	some k in array.concat([c.key | some c in e.gate], array.concat(e.cidrs, [e.proto]))
	v.any_unknown(e.body[k])
	reason := v.reason(e.body[k])
}

unknown contains {"resource": r.id, "path": ["egress"], "reason": r.config.egress.__unknown__} if {
	some r in tf.resources(_group_types)
	v.is_unknown(r.config.egress)
}

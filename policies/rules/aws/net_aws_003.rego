# METADATA
# title: Network ACLs do not admit SSH, RDP or all traffic from the whole Internet
# description: |
#   Network ACLs are the subnet-level layer under security groups. An allow entry for 0.0.0.0/0 or
#   ::/0 to SSH, RDP or every protocol leaves a single misconfigured security group as the only
#   barrier in front of remote administration.
# custom:
#   id: NET-AWS-003
#   severity: medium
#   message: Network ACL allows Internet ingress to SSH, RDP or all ports
#   remediation: |
#     Narrow the inbound allow entries of aws_network_acl, aws_default_network_acl and
#     aws_network_acl_rule to known CIDRs for ports 22 and 3389 (or add lower-numbered deny entries
#     for them), and avoid protocol = "-1" allow entries from 0.0.0.0/0 or ::/0.
#   controls:
#     iso27017: [CLD.13.1.4]
#     iso27002: [A.8.20, A.8.22]
#     soc2: [CC6.6]
#     cis: [CIS AWS v1.4.0 5.1, CIS AWS v3.0.0 5.1]
#     nist: [AC-4(21), CA-9(1), CM-2, CM-7, SC-7, SC-7(5), SC-7(21)]
#   inputs: [terraform]
#   equivalents: [AVD-AWS-0105, AVD-AWS-0102, FG_R00357, FG_R00359]
package controlgate.rules.net_aws_003

import data.controlgate.lib.network
import data.controlgate.lib.terraform as tf
import data.controlgate.lib.values as v

_acl_types := {"aws_network_acl", "aws_default_network_acl"}

_ports := {22, 3389}

_cidrs := ["cidr_block", "ipv6_cidr_block"]

applies contains r.id if some r in tf.resources(_acl_types | {"aws_network_acl_rule"})

_entries contains {
	"id": r.id, "base": ["ingress", i], "body": b, "cidrs": _cidrs, "proto": "protocol",
	"gate": [{"key": "action", "want": ["allow"], "absent_ok": false}],
} if {
	some r in tf.resources(_acl_types)
	some i, b in v.blocks(r.config, "ingress")
}

_entries contains {
	"id": r.id, "base": [], "body": r.config, "cidrs": _cidrs, "proto": "protocol",
	"gate": [
		{"key": "rule_action", "want": ["allow"], "absent_ok": false},
		{"key": "egress", "want": [false, "false"], "absent_ok": true},
	],
} if {
	some r in tf.resources({"aws_network_acl_rule"})
}

deny contains {"resource": e.id, "path": array.concat(e.base, [k]), "actual": cidr} if {
	some e in _entries
	network.outcome(e, _ports) == true
	some k in e.cidrs
	some cidr in network.world_cidrs_in(e.body[k])
}

unknown contains object.union({"resource": e.id}, u) if {
	some e in _entries
	u := network.outcome(e, _ports)
	is_object(u)
}

unknown contains {"resource": r.id, "path": ["ingress"], "reason": r.config.ingress.__unknown__} if {
	some r in tf.resources(_acl_types)
	v.is_unknown(r.config.ingress)
}

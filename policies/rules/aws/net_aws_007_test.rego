package controlgate.rules.net_aws_007_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.net_aws_007 as rule

_all_out := {"from_port": 0, "to_port": 0, "protocol": "-1", "cidr_blocks": ["0.0.0.0/0"], "ipv6_cidr_blocks": ["::/0"]}

test_inline_all_egress_fails if {
	inp := t.tf_input("aws_security_group", {"egress": [_all_out]})
	rule.deny == {
		{"resource": "r0", "path": ["egress", 0, "cidr_blocks"], "actual": "0.0.0.0/0"},
		{"resource": "r0", "path": ["egress", 0, "ipv6_cidr_blocks"], "actual": "::/0"},
	} with input as inp
	rule.applies == {"r0"} with input as inp
}

test_separate_rules_fail if {
	inp := t.tf_inputs([
		["aws_security_group_rule", {"type": "egress", "from_port": 0, "to_port": 0, "protocol": -1, "cidr_blocks": ["0.0.0.0/0"]}],
		["aws_vpc_security_group_egress_rule", {"ip_protocol": "-1", "cidr_ipv4": "0.0.0.0/0"}],
		["aws_default_security_group", {"egress": {"protocol": "all", "from_port": 0, "to_port": 0, "cidr_blocks": ["0.0.0.0/0"]}}],
	])
	rule.deny == {
		{"resource": "r0", "path": ["cidr_blocks"], "actual": "0.0.0.0/0"},
		{"resource": "r1", "path": ["cidr_ipv4"], "actual": "0.0.0.0/0"},
		{"resource": "r2", "path": ["egress", 0, "cidr_blocks"], "actual": "0.0.0.0/0"},
	} with input as inp
}

test_restricted_egress_passes if {
	inp := t.tf_inputs([
		["aws_security_group", {"egress": [{"from_port": 443, "to_port": 443, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]}]}],
		["aws_security_group_rule", {"type": "ingress", "from_port": 0, "to_port": 0, "protocol": "-1", "cidr_blocks": ["0.0.0.0/0"]}],
		["aws_vpc_security_group_egress_rule", {"ip_protocol": "-1", "cidr_ipv4": "10.0.0.0/8"}],
		["aws_security_group", {"name": "no-egress"}],
	])
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
	rule.applies == {"r0", "r1", "r2", "r3"} with input as inp
}

test_unknown_values_not_evaluated if {
	inp := t.tf_inputs([
		["aws_security_group", {"egress": [{"protocol": "-1", "from_port": 0, "to_port": 0, "cidr_blocks": t.unknown("var.cidrs")}]}],
		["aws_vpc_security_group_egress_rule", {"ip_protocol": t.unknown("var.proto"), "cidr_ipv4": "0.0.0.0/0"}],
		["aws_security_group_rule", {"type": t.unknown("var.dir"), "protocol": "-1", "cidr_blocks": ["0.0.0.0/0"]}],
		["aws_security_group", {"egress": t.unknown(`dynamic "egress"`)}],
	])
	count(rule.deny) == 0 with input as inp
	rule.unknown == {
		{"resource": "r0", "path": ["egress", 0, "cidr_blocks"], "reason": "var.cidrs"},
		{"resource": "r1", "path": ["ip_protocol"], "reason": "var.proto"},
		{"resource": "r2", "path": ["type"], "reason": "var.dir"},
		{"resource": "r3", "path": ["egress"], "reason": `dynamic "egress"`},
	} with input as inp
}

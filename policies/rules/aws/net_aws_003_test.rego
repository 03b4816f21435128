package controlgate.rules.net_aws_003_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.net_aws_003 as rule

_entry(action, cidr, proto, from, to) := {
	"rule_no": 100, "action": action, "cidr_block": cidr,
	"protocol": proto, "from_port": from, "to_port": to,
}

test_acl_ssh_from_world_fails if {
	inp := t.tf_input("aws_network_acl", {"vpc_id": "vpc-1", "ingress": [_entry("allow", "0.0.0.0/0", "tcp", 22, 22)]})
	rule.deny == {{"resource": "r0", "path": ["ingress", 0, "cidr_block"], "actual": "0.0.0.0/0"}} with input as inp
	rule.applies == {"r0"} with input as inp
}

test_default_acl_all_traffic_fails if {
	inp := t.tf_input("aws_default_network_acl", {"ingress": [
		_entry("allow", "0.0.0.0/0", "-1", 0, 0),
		{"rule_no": 101, "action": "allow", "ipv6_cidr_block": "::/0", "protocol": -1, "from_port": 0, "to_port": 0},
	]})
	rule.deny == {
		{"resource": "r0", "path": ["ingress", 0, "cidr_block"], "actual": "0.0.0.0/0"},
		{"resource": "r0", "path": ["ingress", 1, "ipv6_cidr_block"], "actual": "::/0"},
	} with input as inp
}

test_acl_rule_rdp_range_fails if {
	inp := t.tf_input("aws_network_acl_rule", {
		"network_acl_id": "acl-1", "rule_number": 200, "rule_action": "allow",
		"protocol": "6", "from_port": 1024, "to_port": 65535, "cidr_block": "0.0.0.0/0",
	})
	rule.deny == {{"resource": "r0", "path": ["cidr_block"], "actual": "0.0.0.0/0"}} with input as inp
}

test_deny_entries_pass if {
	inp := t.tf_inputs([
		["aws_network_acl", {"ingress": [_entry("deny", "0.0.0.0/0", "tcp", 22, 22)]}],
		["aws_network_acl_rule", {"rule_action": "deny", "protocol": "-1", "cidr_block": "0.0.0.0/0"}],
	])
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_egress_acl_rule_passes if {
	inp := t.tf_input("aws_network_acl_rule", {"egress": true, "rule_action": "allow", "protocol": "-1", "cidr_block": "0.0.0.0/0"})
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_https_and_private_sources_pass if {
	inp := t.tf_input("aws_network_acl", {"ingress": [
		_entry("allow", "0.0.0.0/0", "tcp", 443, 443),
		_entry("allow", "10.0.0.0/8", "tcp", 22, 22),
	]})
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_acl_without_ingress_passes if {
	inp := t.tf_input("aws_default_network_acl", {"default_network_acl_id": "acl-1"})
	count(rule.deny) == 0 with input as inp
	rule.applies == {"r0"} with input as inp
}

test_unknown_cidr_not_evaluated if {
	inp := t.tf_input("aws_network_acl", {"ingress": [_entry("allow", t.unknown("var.cidr"), "tcp", 22, 22)]})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "r0", "path": ["ingress", 0, "cidr_block"], "reason": "var.cidr"}} with input as inp
}

test_unknown_egress_flag_not_evaluated if {
	inp := t.tf_input("aws_network_acl_rule", {"egress": t.unknown("var.egress"), "rule_action": "allow", "protocol": "-1", "cidr_block": "0.0.0.0/0"})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "r0", "path": ["egress"], "reason": "var.egress"}} with input as inp
}

test_dynamic_ingress_not_evaluated if {
	inp := t.tf_input("aws_network_acl", {"ingress": t.unknown(`dynamic "ingress"`)})
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 1 with input as inp
}

test_other_types_ignored if {
	inp := t.tf_input("aws_security_group", {"ingress": [_entry("allow", "0.0.0.0/0", "-1", 0, 0)]})
	count(rule.applies) == 0 with input as inp
	count(rule.deny) == 0 with input as inp
}

package controlgate.rules.net_aws_001_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.net_aws_001 as rule

_ssh_world := {"from_port": 22, "to_port": 22, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]}

test_sg_inline_ssh_from_world_fails if {
	inp := t.tf_input("aws_security_group", {"name": "web", "ingress": [_ssh_world]})
	rule.deny == {{"resource": "r0", "path": ["ingress", 0, "cidr_blocks"], "actual": "0.0.0.0/0"}} with input as inp
	rule.applies == {"r0"} with input as inp
}

test_sg_ipv6_rdp_fails if {
	ing := {"from_port": 3389, "to_port": 3389, "protocol": "tcp", "ipv6_cidr_blocks": ["::/0"]}
	inp := t.tf_input("aws_default_security_group", {"ingress": [{"from_port": 443, "to_port": 443, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]}, ing]})
	rule.deny == {{"resource": "r0", "path": ["ingress", 1, "ipv6_cidr_blocks"], "actual": "::/0"}} with input as inp
}

test_range_covering_admin_port_fails if {
	ing := {"from_port": 0, "to_port": 1024, "protocol": "6", "cidr_blocks": ["10.0.0.0/8", "0.0.0.0/0"]}
	inp := t.tf_input("aws_security_group", {"ingress": [ing]})
	rule.deny == {{"resource": "r0", "path": ["ingress", 0, "cidr_blocks"], "actual": "0.0.0.0/0"}} with input as inp
}

test_all_protocols_fails if {
	ing := {"from_port": 0, "to_port": 0, "protocol": "-1", "cidr_blocks": ["0.0.0.0/0"], "ipv6_cidr_blocks": ["::/0"]}
	inp := t.tf_input("aws_security_group", {"ingress": [ing]})
	rule.deny == {
		{"resource": "r0", "path": ["ingress", 0, "cidr_blocks"], "actual": "0.0.0.0/0"},
		{"resource": "r0", "path": ["ingress", 0, "ipv6_cidr_blocks"], "actual": "::/0"},
	} with input as inp
}

test_security_group_rule_fails if {
	inp := t.tf_input("aws_security_group_rule", {
		"type": "ingress", "from_port": "5985", "to_port": "5986", "protocol": "tcp",
		"cidr_blocks": ["0.0.0.0/0"], "security_group_id": "sg-1",
	})
	rule.deny == {{"resource": "r0", "path": ["cidr_blocks"], "actual": "0.0.0.0/0"}} with input as inp
}

test_egress_rule_passes if {
	inp := t.tf_input("aws_security_group_rule", {"type": "egress", "from_port": 0, "to_port": 0, "protocol": "-1", "cidr_blocks": ["0.0.0.0/0"]})
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_vpc_ingress_rule_fails if {
	inp := t.tf_inputs([
		["aws_vpc_security_group_ingress_rule", {"ip_protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_ipv4": "0.0.0.0/0"}],
		["aws_vpc_security_group_ingress_rule", {"ip_protocol": "-1", "cidr_ipv6": "::/0"}],
	])
	rule.deny == {
		{"resource": "r0", "path": ["cidr_ipv4"], "actual": "0.0.0.0/0"},
		{"resource": "r1", "path": ["cidr_ipv6"], "actual": "::/0"},
	} with input as inp
}

test_restricted_source_passes if {
	ing := {"from_port": 22, "to_port": 22, "protocol": "tcp", "cidr_blocks": ["203.0.113.0/24"]}
	inp := t.tf_input("aws_security_group", {"ingress": [ing]})
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_public_https_passes if {
	inp := t.tf_inputs([
		["aws_security_group", {"ingress": [{"from_port": 443, "to_port": 443, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]}]}],
		["aws_vpc_security_group_ingress_rule", {"ip_protocol": "icmp", "from_port": 8, "to_port": 0, "cidr_ipv4": "0.0.0.0/0"}],
	])
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
	rule.applies == {"r0", "r1"} with input as inp
}

test_no_ingress_passes if {
	inp := t.tf_input("aws_security_group", {"name": "empty"})
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
	rule.applies == {"r0"} with input as inp
}

test_unknown_source_with_admin_port_not_evaluated if {
	ing := {"from_port": 22, "to_port": 22, "protocol": "tcp", "cidr_blocks": [t.unknown("var.admin_cidr")]}
	inp := t.tf_input("aws_security_group", {"ingress": [ing]})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "r0", "path": ["ingress", 0, "cidr_blocks"], "reason": "var.admin_cidr"}} with input as inp
}

test_unknown_port_with_world_source_not_evaluated if {
	inp := t.tf_input("aws_security_group_rule", {
		"type": "ingress", "from_port": t.unknown("var.port"), "to_port": t.unknown("var.port"),
		"protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"],
	})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "r0", "path": ["from_port"], "reason": "var.port"}} with input as inp
}

test_unknown_type_not_evaluated if {
	inp := t.tf_input("aws_security_group_rule", {"type": t.unknown("var.dir"), "from_port": 22, "to_port": 22, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "r0", "path": ["type"], "reason": "var.dir"}} with input as inp
}

test_unknown_protocol_not_evaluated if {
	inp := t.tf_input("aws_vpc_security_group_ingress_rule", {"ip_protocol": t.unknown("var.proto"), "cidr_ipv4": "0.0.0.0/0"})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "r0", "path": ["ip_protocol"], "reason": "var.proto"}} with input as inp
}

test_unknown_source_irrelevant_when_port_safe if {
	ing := {"from_port": 443, "to_port": 443, "protocol": "tcp", "cidr_blocks": t.unknown("var.cidrs")}
	inp := t.tf_input("aws_security_group", {"ingress": [ing]})
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_dynamic_ingress_not_evaluated if {
	inp := t.tf_input("aws_security_group", {"ingress": t.unknown(`dynamic "ingress"`)})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "r0", "path": ["ingress"], "reason": `dynamic "ingress"`}} with input as inp
}

test_json_single_object_block if {
	inp := t.tf_input("aws_security_group", {"ingress": _ssh_world})
	rule.deny == {{"resource": "r0", "path": ["ingress", 0, "cidr_blocks"], "actual": "0.0.0.0/0"}} with input as inp
}

test_other_types_ignored if {
	inp := t.tf_input("aws_network_acl", {"ingress": [_ssh_world]})
	count(rule.applies) == 0 with input as inp
	count(rule.deny) == 0 with input as inp
}

# TCP with ports -1 / -1 is every port, SSH included.
test_tcp_minus_one_ports_fail if {
	inp := t.tf_inputs([
		["aws_security_group", {"ingress": [{"protocol": "tcp", "from_port": -1, "to_port": -1, "cidr_blocks": ["0.0.0.0/0"]}]}],
		["aws_security_group_rule", {"type": "ingress", "protocol": "tcp", "from_port": 0, "to_port": -1, "cidr_blocks": ["0.0.0.0/0"]}],
		["aws_security_group", {"ingress": [{"protocol": "tcp", "from_port": 443, "to_port": 443, "cidr_blocks": ["0.0.0.0/0"]}]}],
	])
	rule.deny == {
		{"resource": "r0", "path": ["ingress", 0, "cidr_blocks"], "actual": "0.0.0.0/0"},
		{"resource": "r1", "path": ["cidr_blocks"], "actual": "0.0.0.0/0"},
	} with input as inp
}

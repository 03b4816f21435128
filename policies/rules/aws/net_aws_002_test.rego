package controlgate.rules.net_aws_002_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.net_aws_002 as rule

test_default_sg_with_rules_fails if {
	inp := t.tf_input("aws_default_security_group", {
		"vpc_id": "vpc-1",
		"ingress": [{"protocol": "-1", "self": true, "from_port": 0, "to_port": 0}],
		"egress": [{"protocol": "-1", "from_port": 0, "to_port": 0, "cidr_blocks": ["0.0.0.0/0"]}],
	})
	rule.deny == {
		{"resource": "r0", "path": ["ingress", 0]},
		{"resource": "r0", "path": ["egress", 0]},
	} with input as inp
	rule.applies == {"r0"} with input as inp
}

test_default_sg_without_rules_passes if {
	inp := t.tf_input("aws_default_security_group", {"vpc_id": "vpc-1"})
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_default_sg_empty_rule_lists_pass if {
	inp := t.tf_input("aws_default_security_group", {"vpc_id": "vpc-1", "ingress": [], "egress": []})
	count(rule.deny) == 0 with input as inp
}

test_default_sg_dynamic_rules_not_evaluated if {
	inp := t.tf_input("aws_default_security_group", {"ingress": t.unknown(`dynamic "ingress"`)})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "r0", "path": ["ingress"], "reason": `dynamic "ingress"`}} with input as inp
}

test_instance_without_security_group_fails_low if {
	inp := t.tf_input("aws_instance", {"ami": "ami-1", "subnet_id": "subnet-1"})
	rule.deny == {{"resource": "r0", "sub": "no-security-group", "path": ["vpc_security_group_ids"]}} with input as inp
}

test_instance_with_empty_list_fails_low if {
	inp := t.tf_input("aws_instance", {"vpc_security_group_ids": []})
	rule.deny == {{"resource": "r0", "sub": "no-security-group", "path": ["vpc_security_group_ids"]}} with input as inp
}

test_instance_with_security_group_passes if {
	inp := t.tf_inputs([
		["aws_instance", {"vpc_security_group_ids": [t.unknown("aws_security_group.web.id")]}],
		["aws_launch_template", {"network_interfaces": [{"security_groups": ["sg-1"]}]}],
		["aws_launch_template", {"vpc_security_group_ids": ["sg-1"]}],
		["aws_instance", {"network_interface": [{"network_interface_id": "eni-1", "device_index": 0}]}],
	])
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
	rule.applies == {"r0", "r1", "r2", "r3"} with input as inp
}

test_launch_template_without_security_group_fails_low if {
	inp := t.tf_input("aws_launch_template", {"image_id": "ami-1", "network_interfaces": [{"associate_public_ip_address": false}]})
	rule.deny == {{"resource": "r0", "sub": "no-security-group", "path": ["vpc_security_group_ids"]}} with input as inp
}

test_unknown_security_group_list_not_evaluated if {
	inp := t.tf_input("aws_instance", {"vpc_security_group_ids": t.unknown("var.sg_ids")})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "r0", "sub": "no-security-group", "path": ["vpc_security_group_ids"], "reason": "var.sg_ids"}} with input as inp
}

test_dynamic_network_interfaces_not_evaluated if {
	inp := t.tf_input("aws_launch_template", {"network_interfaces": t.unknown(`dynamic "network_interfaces"`)})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "r0", "sub": "no-security-group", "path": ["network_interfaces"], "reason": `dynamic "network_interfaces"`}} with input as inp
}

test_other_types_ignored if {
	inp := t.tf_input("aws_security_group", {"ingress": [{"protocol": "-1"}]})
	count(rule.applies) == 0 with input as inp
	count(rule.deny) == 0 with input as inp
}

# A VPC is fine when an aws_default_security_group of its module takes over its default group.
test_vpc_default_group_adopted_or_not if {
	inp := t.tf_inputs([
		["aws_vpc", {"cidr_block": "10.0.0.0/16"}],
		["aws_vpc", {"cidr_block": "10.1.0.0/16"}],
		["aws_default_security_group", {"vpc_id": t.unknown("aws_vpc.r0.id")}],
	])
	rule.deny == {{"resource": "r1", "sub": "vpc-default-group", "path": []}} with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_vpc_default_group_undecided_is_unknown if {
	inp := t.tf_inputs([
		["aws_vpc", {"cidr_block": "10.0.0.0/16"}],
		["aws_default_security_group", {"vpc_id": t.unknown("var.vpc_id")}],
	])
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "r0", "sub": "vpc-default-group", "path": [], "reason": "var.vpc_id"}} with input as inp
}

# Rules attached to the default group by separate resources are rules of the default group.
test_rules_attached_to_default_group_fail if {
	inp := t.tf_inputs([
		["aws_default_security_group", {"vpc_id": "vpc-1"}],
		["aws_security_group_rule", {"type": "ingress", "security_group_id": t.unknown("aws_default_security_group.r0.id"), "protocol": "-1", "from_port": 0, "to_port": 0, "self": true}],
		["aws_vpc_security_group_ingress_rule", {"security_group_id": t.unknown("aws_default_security_group.r0.id"), "ip_protocol": "-1", "cidr_ipv4": "10.0.0.0/8"}],
		["aws_vpc_security_group_egress_rule", {"security_group_id": t.unknown("aws_default_security_group.r0.id"), "ip_protocol": "-1", "cidr_ipv4": "0.0.0.0/0"}],
		["aws_security_group", {"name": "app"}],
		["aws_vpc_security_group_ingress_rule", {"security_group_id": t.unknown("aws_security_group.r4.id"), "ip_protocol": "-1", "cidr_ipv4": "10.0.0.0/8"}],
	])
	rule.deny == {
		{"resource": "r1", "path": ["security_group_id"]},
		{"resource": "r2", "path": ["security_group_id"]},
		{"resource": "r3", "path": ["security_group_id"]},
	} with input as inp
}

# The default group named as its VPC's default_security_group_id (here, or across a module boundary
# once resolved: module.vpc.aws_vpc.this[0].default_security_group_id).
test_rules_attached_to_the_vpc_default_group_fail if {
	inp := {"terraform": {"resources": [
		{"id": "r0", "address": "aws_vpc.r0", "local_address": "aws_vpc.r0", "mode": "managed", "type": "aws_vpc", "name": "r0", "module_dir": ".", "file": "main.tf", "config": {"cidr_block": "10.0.0.0/16"}},
		{"id": "r1", "address": "aws_security_group_rule.r1", "local_address": "aws_security_group_rule.r1", "mode": "managed", "type": "aws_security_group_rule", "name": "r1", "module_dir": ".", "file": "main.tf", "config": {"type": "ingress", "security_group_id": t.unknown("aws_vpc.r0.default_security_group_id"), "protocol": "tcp", "from_port": 443, "to_port": 443, "cidr_blocks": ["10.0.0.0/8"]}},
		{"id": "r2", "address": "aws_security_group_rule.r2", "local_address": "aws_security_group_rule.r2", "mode": "managed", "type": "aws_security_group_rule", "name": "r2", "module_dir": ".", "file": "main.tf", "config": {"type": "ingress", "security_group_id": t.unknown("module.vpc.aws_vpc.this[0].default_security_group_id"), "protocol": "tcp", "from_port": 443, "to_port": 443, "cidr_blocks": ["10.0.0.0/8"]}},
		{"id": "r3#seen-from", "address": "module.vpc.aws_vpc.this[0]", "local_address": "module.vpc.aws_vpc.this", "instance_key": 0, "mode": "managed", "type": "aws_vpc", "name": "this", "module_dir": ".", "file": "vpc/main.tf", "config": {"cidr_block": "10.1.0.0/16"}},
		{"id": "r4", "address": "aws_security_group_rule.r4", "local_address": "aws_security_group_rule.r4", "mode": "managed", "type": "aws_security_group_rule", "name": "r4", "module_dir": ".", "file": "main.tf", "config": {"type": "ingress", "security_group_id": t.unknown("aws_vpc.r0.id"), "protocol": "tcp", "from_port": 443, "to_port": 443, "cidr_blocks": ["10.0.0.0/8"]}},
	]}}
	{d | some d in rule.deny; d.path == ["security_group_id"]} == {
		{"resource": "r1", "path": ["security_group_id"]},
		{"resource": "r2", "path": ["security_group_id"]},
	} with input as inp
}

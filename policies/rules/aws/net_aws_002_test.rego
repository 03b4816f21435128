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

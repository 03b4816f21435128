package controlgate.rules.seg_aws_001_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.seg_aws_001 as rule

test_public_ip_on_launch_fails if {
	inp := t.tf_input("aws_subnet", {"vpc_id": "vpc-1", "map_public_ip_on_launch": true})
	rule.deny == {{"resource": "r0", "path": ["map_public_ip_on_launch"], "actual": true}} with input as inp
	rule.applies == {"r0"} with input as inp
}

test_string_true_fails if {
	inp := t.tf_input("aws_subnet", {"map_public_ip_on_launch": "true"})
	rule.deny == {{"resource": "r0", "path": ["map_public_ip_on_launch"], "actual": "true"}} with input as inp
}

test_false_passes if {
	inp := t.tf_input("aws_subnet", {"map_public_ip_on_launch": false})
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
	rule.applies == {"r0"} with input as inp
}

test_absent_on_subnet_passes if {
	inp := t.tf_input("aws_subnet", {"vpc_id": "vpc-1", "cidr_block": "10.0.1.0/24"})
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_absent_on_default_subnet_fails if {
	inp := t.tf_input("aws_default_subnet", {"availability_zone": "eu-west-1a"})
	rule.deny == {{"resource": "r0", "path": ["map_public_ip_on_launch"]}} with input as inp
}

test_default_subnet_explicit_false_passes if {
	inp := t.tf_input("aws_default_subnet", {"availability_zone": "eu-west-1a", "map_public_ip_on_launch": false})
	count(rule.deny) == 0 with input as inp
}

test_default_subnet_true_fails_once if {
	inp := t.tf_input("aws_default_subnet", {"map_public_ip_on_launch": true})
	rule.deny == {{"resource": "r0", "path": ["map_public_ip_on_launch"], "actual": true}} with input as inp
}

test_unknown_not_evaluated if {
	inp := t.tf_inputs([
		["aws_subnet", {"map_public_ip_on_launch": t.unknown("var.public")}],
		["aws_default_subnet", {"map_public_ip_on_launch": t.unknown("var.public")}],
	])
	count(rule.deny) == 0 with input as inp
	rule.unknown == {
		{"resource": "r0", "path": ["map_public_ip_on_launch"], "reason": "var.public"},
		{"resource": "r1", "path": ["map_public_ip_on_launch"], "reason": "var.public"},
	} with input as inp
}

test_other_types_ignored if {
	inp := t.tf_input("aws_vpc", {"map_public_ip_on_launch": true})
	count(rule.applies) == 0 with input as inp
	count(rule.deny) == 0 with input as inp
}

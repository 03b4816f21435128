package controlgate.rules.net_pkr_002_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.net_pkr_002 as rule

test_public_ip_in_default_vpc_fails if {
	inp := t.pkr_input("amazon-ebs", {"region": "us-east-1", "associate_public_ip_address": true})
	rule.deny == {
		{"resource": "s0", "path": ["associate_public_ip_address"], "actual": true},
		{"resource": "s0", "sub": "default-vpc", "path": ["subnet_filter"]},
	} with input as inp
	rule.applies == {"s0"} with input as inp
}

test_public_ip_in_chosen_subnet_fails if {
	inp := t.pkr_input("amazon-ebs", {"subnet_id": "subnet-0abc", "associate_public_ip_address": "true"})
	rule.deny == {{"resource": "s0", "path": ["associate_public_ip_address"], "actual": "true"}} with input as inp
}

test_attributes_absent_is_default_vpc if {
	inp := t.pkr_input("amazon-ebs", {"region": "us-east-1"})
	rule.deny == {{"resource": "s0", "sub": "default-vpc", "path": ["subnet_filter"]}} with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_empty_network_values_are_default_vpc if {
	inp := t.pkr_input("amazon-ebs", {"subnet_id": "", "vpc_id": "", "associate_public_ip_address": false})
	rule.deny == {{"resource": "s0", "sub": "default-vpc", "path": ["subnet_filter"]}} with input as inp
}

test_private_subnet_passes if {
	every cfg in [
		{"subnet_id": "subnet-0abc", "associate_public_ip_address": false},
		{"subnet_filter": [{"filters": {"tag:Tier": "private"}}]},
		{"vpc_filter": {"filters": {"tag:Name": "build"}}},
		{"vpc_id": "vpc-0abc"},
	] {
		count(rule.deny) == 0 with input as t.pkr_input("amazon-ebs", cfg)
		count(rule.unknown) == 0 with input as t.pkr_input("amazon-ebs", cfg)
	}
}

test_unknown_public_ip_not_evaluated if {
	inp := t.pkr_input("amazon-ebs", {"subnet_id": "subnet-0abc", "associate_public_ip_address": t.unknown("var.public")})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "s0", "path": ["associate_public_ip_address"], "reason": "var.public"}} with input as inp
}

test_unknown_subnet_not_evaluated if {
	inp := t.pkr_input("amazon-ebs", {"subnet_id": t.unknown("var.subnet_id")})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "s0", "sub": "default-vpc", "path": ["subnet_id"], "reason": "var.subnet_id"}} with input as inp
}

test_unknown_subnet_irrelevant_when_vpc_known if {
	inp := t.pkr_input("amazon-ebs", {"subnet_id": t.unknown("var.subnet_id"), "vpc_id": "vpc-0abc"})
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_other_builders_ignored if {
	inp := t.pkr_input("googlecompute", {})
	count(rule.applies) == 0 with input as inp
	count(rule.deny) == 0 with input as inp
}

package controlgate.rules.seg_pkr_001_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.seg_pkr_001 as rule

test_public_ami_fails if {
	inp := t.pkr_input("amazon-ebs", {"ami_groups": ["all"]})
	rule.deny == {{"resource": "s0", "path": ["ami_groups"], "actual": ["all"]}} with input as inp
	rule.applies == {"s0"} with input as inp
}

test_public_snapshot_fails if {
	inp := t.pkr_input("amazon-ebssurrogate", {"snapshot_groups": ["all"], "ami_users": ["111122223333"]})
	rule.deny == {{"resource": "s0", "path": ["snapshot_groups"], "actual": ["all"]}} with input as inp
}

test_both_public_fail_twice if {
	inp := t.pkr_input("amazon-instance", {"snapshot_groups": ["all"], "ami_groups": ["all"]})
	rule.deny == {
		{"resource": "s0", "path": ["ami_groups"], "actual": ["all"]},
		{"resource": "s0", "path": ["snapshot_groups"], "actual": ["all"]},
	} with input as inp
}

test_private_default_passes if {
	inp := t.pkr_input("amazon-ebs", {"ami_name": "base"})
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
	rule.applies == {"s0"} with input as inp
}

test_org_sharing_passes if {
	inp := t.pkr_input("amazon-ebs", {"ami_org_arns": ["arn:aws:organizations::111122223333:organization/o-abc"], "ami_groups": []})
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_unknown_groups_not_evaluated if {
	inp := t.pkr_input("amazon-ebs", {"ami_groups": t.unknown("var.ami_groups")})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "s0", "path": ["ami_groups"], "reason": "var.ami_groups"}} with input as inp
}

test_unknown_group_element_not_evaluated if {
	inp := t.pkr_input("amazon-ebs", {"snapshot_groups": [t.unknown("var.group")]})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "s0", "path": ["snapshot_groups"], "reason": "var.group"}} with input as inp
}

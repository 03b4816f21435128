package controlgate.rules.org_tag_001_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.org_tag_001 as rule

test_untagged_fails if {
	inp := t.tf_input("aws_instance", {"ami": "ami-1"})
	rule.deny == {{"resource": "r0", "path": ["tags", "cost-center"]}} with input as inp
}

test_other_tags_only_fails if {
	inp := t.tf_input("aws_vpc", {"tags": {"owner": "net"}})
	count(rule.deny) == 1 with input as inp
}

test_tagged_passes if {
	inp := t.tf_input("aws_subnet", {"tags": {"cost-center": "cc-42"}})
	count(rule.deny) == 0 with input as inp
	rule.applies == {"r0"} with input as inp
}

test_unknown_tags_not_evaluated if {
	inp := t.tf_input("aws_instance", {"tags": t.unknown("local.tags")})
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 1 with input as inp
}

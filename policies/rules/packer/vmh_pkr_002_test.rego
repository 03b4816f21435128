package controlgate.rules.vmh_pkr_002_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.vmh_pkr_002 as rule

test_absent_fails if {
	inp := t.pkr_input("amazon-ebs", {"ami_name": "base"})
	rule.deny == {{"resource": "s0", "path": ["imds_support"]}} with input as inp
	rule.applies == {"s0"} with input as inp
}

test_empty_string_is_legacy_and_fails if {
	inp := t.pkr_input("amazon-ebssurrogate", {"imds_support": ""})
	rule.deny == {{"resource": "s0", "path": ["imds_support"], "actual": ""}} with input as inp
}

test_other_value_fails if {
	inp := t.pkr_input("amazon-instance", {"imds_support": "v1.0"})
	rule.deny == {{"resource": "s0", "path": ["imds_support"], "actual": "v1.0"}} with input as inp
}

test_v2_passes if {
	inp := t.pkr_input("amazon-ebs", {"imds_support": "v2.0"})
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_unknown_not_evaluated if {
	inp := t.pkr_input("amazon-ebs", {"imds_support": t.unknown("var.imds_support")})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "s0", "path": ["imds_support"], "reason": "var.imds_support"}} with input as inp
}

test_volume_builder_ignored if {
	inp := t.pkr_input("amazon-ebsvolume", {})
	count(rule.applies) == 0 with input as inp
	count(rule.deny) == 0 with input as inp
}

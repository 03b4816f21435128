package controlgate.rules.mon_aws_001_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.mon_aws_001 as rule

_good := {"name": "org", "s3_bucket_name": "trail-logs", "is_multi_region_trail": true}

_trail(extra) := t.tf_input("aws_cloudtrail", object.union(_good, extra))

test_multi_region_absent_fails if {
	inp := t.tf_input("aws_cloudtrail", {"name": "t", "s3_bucket_name": "b"})
	rule.deny == {{"resource": "r0", "path": ["is_multi_region_trail"]}} with input as inp
	rule.applies == {"r0"} with input as inp
}

test_single_region_fails if {
	inp := _trail({"is_multi_region_trail": false})
	rule.deny == {{"resource": "r0", "path": ["is_multi_region_trail"], "actual": false}} with input as inp
}

test_global_events_off_and_logging_paused_fail if {
	inp := _trail({"include_global_service_events": false, "enable_logging": "false"})
	rule.deny == {
		{"resource": "r0", "path": ["include_global_service_events"], "actual": false},
		{"resource": "r0", "path": ["enable_logging"], "actual": "false"},
	} with input as inp
}

test_compliant_trail_passes if {
	inp := _trail({"include_global_service_events": true, "enable_logging": true})
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_selector_excluding_management_fails if {
	inp := _trail({"event_selector": [{"include_management_events": false, "read_write_type": "WriteOnly"}]})
	rule.deny == {
		{"resource": "r0", "path": ["event_selector", 0, "include_management_events"], "actual": false},
		{"resource": "r0", "path": ["event_selector", 0, "read_write_type"], "actual": "WriteOnly"},
	} with input as inp
}

test_one_full_selector_is_enough if {
	inp := _trail({"event_selector": [
		{"include_management_events": false, "data_resource": [{"type": "AWS::S3::Object", "values": ["arn:aws:s3"]}]},
		{"read_write_type": "All"},
	]})
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_advanced_selectors_without_management_fail if {
	inp := _trail({"advanced_event_selector": [{"field_selector": [
		{"field": "eventCategory", "equals": ["Data"]},
		{"field": "resources.type", "equals": ["AWS::S3::Object"]},
	]}]})
	rule.deny == {{"resource": "r0", "path": ["advanced_event_selector", 0]}} with input as inp
}

test_advanced_management_read_only_fails if {
	inp := _trail({"advanced_event_selector": [{"field_selector": [
		{"field": "eventCategory", "equals": ["Management"]},
		{"field": "readOnly", "equals": ["false"]},
	]}]})
	rule.deny == {{"resource": "r0", "path": ["advanced_event_selector", 0]}} with input as inp
}

test_advanced_management_selector_passes if {
	inp := _trail({"advanced_event_selector": [
		{"name": "mgmt", "field_selector": [{"field": "eventCategory", "equals": ["Management"]}]},
		{"name": "s3", "field_selector": [{"field": "eventCategory", "equals": ["Data"]}]},
	]})
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_unknown_values_not_evaluated if {
	inp := _trail({
		"is_multi_region_trail": t.unknown("var.multi_region"),
		"event_selector": [{"read_write_type": t.unknown("var.rw")}],
	})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {
		{"resource": "r0", "path": ["is_multi_region_trail"], "reason": "var.multi_region"},
		{"resource": "r0", "path": ["event_selector", 0, "read_write_type"], "reason": "var.rw"},
	} with input as inp
}

test_unknown_advanced_selector_not_evaluated if {
	inp := _trail({"advanced_event_selector": [{"field_selector": [{"field": "eventCategory", "equals": t.unknown("var.categories")}]}]})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "r0", "path": ["advanced_event_selector", 0], "reason": "var.categories"}} with input as inp
}

test_dynamic_selectors_not_evaluated if {
	inp := _trail({
		"event_selector": t.unknown(`dynamic "event_selector"`),
		"advanced_event_selector": [{"field_selector": t.unknown(`dynamic "field_selector"`)}],
	})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {
		{"resource": "r0", "path": ["event_selector"], "reason": `dynamic "event_selector"`},
		{"resource": "r0", "path": ["advanced_event_selector", 0], "reason": `dynamic "field_selector"`},
	} with input as inp
}

test_other_types_ignored if {
	inp := t.tf_input("aws_cloudwatch_log_group", {"name": "x"})
	count(rule.applies) == 0 with input as inp
}

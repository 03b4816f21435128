package controlgate.rules.vmh_aws_001_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.vmh_aws_001 as rule

test_block_absent_fails if {
	inp := t.tf_input("aws_instance", {"ami": "ami-1"})
	rule.deny == {{"resource": "r0", "path": ["metadata_options"]}} with input as inp
	rule.applies == {"r0"} with input as inp
}

test_tokens_optional_fails if {
	inp := t.tf_input("aws_instance", {"metadata_options": [{"http_tokens": "optional"}]})
	rule.deny == {{"resource": "r0", "path": ["metadata_options", 0, "http_tokens"], "actual": "optional"}} with input as inp
}

test_tokens_absent_in_block_fails if {
	inp := t.tf_input("aws_launch_template", {"metadata_options": [{"http_endpoint": "enabled"}]})
	rule.deny == {{"resource": "r0", "path": ["metadata_options", 0, "http_tokens"]}} with input as inp
}

test_tokens_required_passes if {
	inp := t.tf_input("aws_launch_configuration", {"metadata_options": [{"http_tokens": "required"}]})
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
	rule.applies == {"r0"} with input as inp
}

test_endpoint_disabled_passes if {
	inp := t.tf_input("aws_instance", {"metadata_options": [{"http_endpoint": "disabled", "http_tokens": "optional"}]})
	count(rule.deny) == 0 with input as inp
}

test_hop_limit_above_one_is_a_separate_low_result if {
	inp := t.tf_input("aws_instance", {"metadata_options": [{"http_tokens": "required", "http_put_response_hop_limit": 3}]})
	rule.deny == {{
		"resource": "r0", "sub": "hop-limit",
		"path": ["metadata_options", 0, "http_put_response_hop_limit"], "actual": 3,
	}} with input as inp
}

test_hop_limit_one_passes if {
	inp := t.tf_input("aws_instance", {"metadata_options": [{"http_tokens": "required", "http_put_response_hop_limit": 1}]})
	count(rule.deny) == 0 with input as inp
}

test_unknown_tokens_not_evaluated if {
	inp := t.tf_input("aws_instance", {"metadata_options": [{"http_tokens": t.unknown("var.tokens")}]})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "r0", "path": ["metadata_options", 0, "http_tokens"], "reason": "var.tokens"}} with input as inp
}

test_unknown_endpoint_with_absent_tokens_not_evaluated if {
	inp := t.tf_input("aws_instance", {"metadata_options": [{"http_endpoint": t.unknown("var.e")}]})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "r0", "path": ["metadata_options", 0, "http_endpoint"], "reason": "var.e"}} with input as inp
}

test_dynamic_block_not_evaluated if {
	inp := t.tf_input("aws_instance", {"metadata_options": t.unknown(`dynamic "metadata_options"`)})
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 1 with input as inp
}

test_unknown_hop_limit_not_evaluated if {
	mo := {"http_tokens": "required", "http_put_response_hop_limit": t.unknown("var.hops")}
	inp := t.tf_input("aws_instance", {"metadata_options": [mo]})
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 1 with input as inp
}

test_json_syntax_single_object_block if {
	inp := t.tf_input("aws_instance", {"metadata_options": {"http_tokens": "optional"}})
	count(rule.deny) == 1 with input as inp
}

test_other_types_ignored if {
	inp := t.tf_input("aws_s3_bucket", {})
	count(rule.applies) == 0 with input as inp
}

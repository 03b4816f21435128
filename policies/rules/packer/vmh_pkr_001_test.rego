package controlgate.rules.vmh_pkr_001_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.vmh_pkr_001 as rule

test_block_absent_fails if {
	inp := t.pkr_input("amazon-ebs", {"region": "us-east-1"})
	rule.deny == {{"resource": "s0", "path": ["metadata_options"]}} with input as inp
	rule.applies == {"s0"} with input as inp
}

test_tokens_optional_fails if {
	inp := t.pkr_input("amazon-ebs", {"metadata_options": [{"http_tokens": "optional"}]})
	rule.deny == {{"resource": "s0", "path": ["metadata_options", 0, "http_tokens"], "actual": "optional"}} with input as inp
}

test_tokens_absent_in_block_fails if {
	inp := t.pkr_input("amazon-ebssurrogate", {"metadata_options": [{"http_endpoint": "enabled"}]})
	rule.deny == {{"resource": "s0", "path": ["metadata_options", 0, "http_tokens"]}} with input as inp
}

test_tokens_required_passes if {
	mo := {"http_endpoint": "enabled", "http_tokens": "required", "http_put_response_hop_limit": 1}
	inp := t.pkr_input("amazon-instance", {"metadata_options": [mo]})
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
	rule.applies == {"s0"} with input as inp
}

test_endpoint_disabled_passes if {
	inp := t.pkr_input("amazon-ebsvolume", {"metadata_options": [{"http_endpoint": "disabled", "http_put_response_hop_limit": 3}]})
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_hop_limit_above_one_is_a_low_sub_result if {
	inp := t.pkr_input("amazon-ebs", {"metadata_options": [{"http_tokens": "required", "http_put_response_hop_limit": "2"}]})
	rule.deny == {{
		"resource": "s0", "sub": "hop-limit",
		"path": ["metadata_options", 0, "http_put_response_hop_limit"], "actual": "2",
	}} with input as inp
}

test_unknown_tokens_not_evaluated if {
	inp := t.pkr_input("amazon-ebs", {"metadata_options": [{"http_tokens": t.unknown("var.imds_tokens")}]})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "s0", "path": ["metadata_options", 0, "http_tokens"], "reason": "var.imds_tokens"}} with input as inp
}

test_unknown_endpoint_not_evaluated if {
	inp := t.pkr_input("amazon-ebs", {"metadata_options": [{"http_endpoint": t.unknown("var.e"), "http_tokens": "optional"}]})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "s0", "path": ["metadata_options", 0, "http_endpoint"], "reason": "var.e"}} with input as inp
}

test_unknown_hop_limit_not_evaluated if {
	mo := {"http_tokens": "required", "http_put_response_hop_limit": t.unknown("var.hops")}
	inp := t.pkr_input("amazon-ebs", {"metadata_options": [mo]})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{
		"resource": "s0", "sub": "hop-limit",
		"path": ["metadata_options", 0, "http_put_response_hop_limit"], "reason": "var.hops",
	}} with input as inp
}

test_dynamic_block_not_evaluated if {
	inp := t.pkr_input("amazon-ebs", {"metadata_options": t.unknown(`dynamic "metadata_options"`)})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "s0", "path": ["metadata_options"], "reason": `dynamic "metadata_options"`}} with input as inp
}

test_json_template_single_object_block if {
	inp := t.pkr_input("amazon-ebs", {"metadata_options": {"http_tokens": "optional"}})
	rule.deny == {{"resource": "s0", "path": ["metadata_options", 0, "http_tokens"], "actual": "optional"}} with input as inp
}

test_other_builders_ignored if {
	inp := t.pkr_input("googlecompute", {})
	count(rule.applies) == 0 with input as inp
	count(rule.deny) == 0 with input as inp
}

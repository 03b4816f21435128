package controlgate.main_test

import data.controlgate.lib.testing as t
import data.controlgate.main

test_results_tag_each_outcome_with_its_rule_and_kind if {
	inp := t.tf_inputs([
		["aws_subnet", {"map_public_ip_on_launch": true}],
		["aws_subnet", {"map_public_ip_on_launch": t.unknown("var.public")}],
	])
	res := main.results with input as inp
	{"rule": "seg_aws_001", "kind": "deny", "result": {"resource": "r0", "path": ["map_public_ip_on_launch"], "actual": true}} in res
	{"rule": "seg_aws_001", "kind": "applies", "result": {"resource": "r1"}} in res
	some u in res
	u.rule == "seg_aws_001"
	u.kind == "unknown"
	u.result.resource == "r1"
}

package controlgate.rules.net_aws_004_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.net_aws_004 as rule

test_public_instances_fail if {
	inp := t.tf_inputs([
		["aws_db_instance", {"engine": "postgres", "publicly_accessible": true}],
		["aws_rds_cluster_instance", {"cluster_identifier": "c", "publicly_accessible": "true"}],
	])
	rule.deny == {
		{"resource": "r0", "path": ["publicly_accessible"], "actual": true},
		{"resource": "r1", "path": ["publicly_accessible"], "actual": "true"},
	} with input as inp
	rule.applies == {"r0", "r1"} with input as inp
}

test_private_and_default_pass if {
	inp := t.tf_inputs([
		["aws_db_instance", {"engine": "mysql", "publicly_accessible": false}],
		["aws_rds_cluster_instance", {"cluster_identifier": "c"}],
	])
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
	rule.applies == {"r0", "r1"} with input as inp
}

test_unknown_not_evaluated if {
	inp := t.tf_input("aws_db_instance", {"publicly_accessible": t.unknown("var.public")})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "r0", "path": ["publicly_accessible"], "reason": "var.public"}} with input as inp
}

test_other_types_ignored if {
	inp := t.tf_input("aws_rds_cluster", {"publicly_accessible": true})
	count(rule.applies) == 0 with input as inp
	count(rule.deny) == 0 with input as inp
}

package controlgate.rules.mon_aws_002_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.mon_aws_002 as rule

_good := {
	"name": "audit", "s3_bucket_name": "b", "enable_log_file_validation": true,
	"kms_key_id": t.unknown("aws_kms_key.trail.arn"),
	"cloud_watch_logs_group_arn": t.unknown("${aws_cloudwatch_log_group.trail.arn}:*"),
	"cloud_watch_logs_role_arn": t.unknown("aws_iam_role.trail.arn"),
}

test_all_absent_fails if {
	inp := t.tf_input("aws_cloudtrail", {"name": "audit", "s3_bucket_name": "b"})
	rule.deny == {
		{"resource": "r0", "path": ["enable_log_file_validation"]},
		{"resource": "r0", "path": ["kms_key_id"]},
		{"resource": "r0", "sub": "cloudwatch", "path": ["cloud_watch_logs_group_arn"]},
	} with input as inp
	rule.applies == {"r0"} with input as inp
}

test_validation_false_fails if {
	inp := t.tf_input("aws_cloudtrail", object.union(_good, {"enable_log_file_validation": false}))
	rule.deny == {{"resource": "r0", "path": ["enable_log_file_validation"], "actual": false}} with input as inp
}

test_empty_kms_key_fails if {
	inp := t.tf_input("aws_cloudtrail", object.union(_good, {"kms_key_id": ""}))
	rule.deny == {{"resource": "r0", "path": ["kms_key_id"]}} with input as inp
}

test_compliant_trail_passes if {
	inp := t.tf_input("aws_cloudtrail", object.union(_good, {"kms_key_id": "arn:aws:kms:eu-west-1:111122223333:key/abc"}))
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_references_count_as_set if {
	inp := t.tf_input("aws_cloudtrail", object.union(_good, {"cloud_watch_logs_group_arn": t.unknown("aws_cloudwatch_log_group.trail.arn")}))
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_unknown_values_not_evaluated if {
	inp := t.tf_input("aws_cloudtrail", object.union(_good, {
		"enable_log_file_validation": t.unknown("var.validate"),
		"kms_key_id": t.unknown("var.kms_key_arn"),
		"cloud_watch_logs_group_arn": t.unknown("local.log_group_arn"),
	}))
	count(rule.deny) == 0 with input as inp
	rule.unknown == {
		{"resource": "r0", "path": ["enable_log_file_validation"], "reason": "var.validate"},
		{"resource": "r0", "path": ["kms_key_id"], "reason": "var.kms_key_arn"},
		{"resource": "r0", "sub": "cloudwatch", "path": ["cloud_watch_logs_group_arn"], "reason": "local.log_group_arn"},
	} with input as inp
}

test_other_types_ignored if {
	inp := t.tf_input("aws_s3_bucket", {})
	count(rule.applies) == 0 with input as inp
}

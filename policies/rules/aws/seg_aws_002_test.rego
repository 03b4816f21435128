package controlgate.rules.seg_aws_002_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.seg_aws_002 as rule

_all_on := {"block_public_acls": true, "block_public_policy": true, "ignore_public_acls": true, "restrict_public_buckets": true}

test_bucket_without_block_fails if {
	inp := t.tf_input("aws_s3_bucket", {"bucket": "data"})
	rule.deny == {{"resource": "r0", "path": []}} with input as inp
	rule.applies == {"r0"} with input as inp
}

test_bucket_block_by_reference_passes if {
	inp := t.tf_inputs([
		["aws_s3_bucket", {"bucket": "data"}],
		["aws_s3_bucket_public_access_block", object.union(_all_on, {"bucket": t.unknown("aws_s3_bucket.r0.id")})],
	])
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
	rule.applies == {"r0", "r1"} with input as inp
}

test_bucket_block_by_name_passes if {
	inp := t.tf_inputs([
		["aws_s3_bucket", {"bucket": "data"}],
		["aws_s3_bucket_public_access_block", object.union(_all_on, {"bucket": "data"})],
	])
	count(rule.deny) == 0 with input as inp
}

test_weak_block_settings_fail if {
	inp := t.tf_inputs([
		["aws_s3_bucket", {"bucket": "data"}],
		["aws_s3_bucket_public_access_block", {"bucket": t.unknown("aws_s3_bucket.r0.id"), "block_public_acls": true, "block_public_policy": false, "ignore_public_acls": "true"}],
	])
	rule.deny == {
		{"resource": "r1", "path": ["block_public_policy"], "actual": false, "sub": "setting-off"},
		{"resource": "r1", "path": ["restrict_public_buckets"], "sub": "setting-off"},
	} with input as inp
}

test_account_block_covers_buckets if {
	inp := t.tf_inputs([
		["aws_s3_bucket", {"bucket": "data"}],
		["aws_s3_account_public_access_block", _all_on],
	])
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_weak_account_block_fails if {
	inp := t.tf_inputs([
		["aws_s3_bucket", {"bucket": "data"}],
		["aws_s3_account_public_access_block", {"block_public_acls": true}],
	])
	rule.deny == {
		{"resource": "r0", "path": []},
		{"resource": "r1", "path": ["block_public_policy"], "sub": "setting-off"},
		{"resource": "r1", "path": ["ignore_public_acls"], "sub": "setting-off"},
		{"resource": "r1", "path": ["restrict_public_buckets"], "sub": "setting-off"},
	} with input as inp
}

test_unknown_not_evaluated if {
	inp := t.tf_inputs([
		["aws_s3_bucket", {"bucket": "data"}],
		["aws_s3_account_public_access_block", object.union(_all_on, {"block_public_policy": t.unknown("var.block")})],
	])
	count(rule.deny) == 0 with input as inp
	rule.unknown == {
		{"resource": "r0", "path": [], "reason": "var.block"},
		{"resource": "r1", "path": ["block_public_policy"], "reason": "var.block"},
	} with input as inp
}

test_unmatched_block_not_evaluated if {
	inp := t.tf_inputs([
		["aws_s3_bucket", {"bucket": "data"}],
		["aws_s3_bucket_public_access_block", object.union(_all_on, {"bucket": t.unknown("var.bucket")})],
		["aws_s3_bucket", {"bucket": t.unknown("var.name")}],
		["aws_s3_bucket_public_access_block", object.union(_all_on, {"bucket": "other"})],
	])
	count(rule.deny) == 0 with input as inp
	rule.unknown == {
		{"resource": "r0", "path": [], "reason": "var.bucket"},
		{"resource": "r2", "path": [], "reason": "var.bucket"},
	} with input as inp
}

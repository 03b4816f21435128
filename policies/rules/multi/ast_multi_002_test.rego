package controlgate.rules.ast_multi_002_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.ast_multi_002 as rule

test_force_destroy_fails if {
	inp := t.tf_inputs([
		["aws_s3_bucket", {"bucket": "data", "force_destroy": true}],
		["google_storage_bucket", {"name": "data", "force_destroy": "true"}],
	])
	rule.deny == {
		{"resource": "r0", "path": ["force_destroy"], "actual": true},
		{"resource": "r1", "path": ["force_destroy"], "actual": "true"},
	} with input as inp
	rule.applies == {"r0", "r1"} with input as inp
}

test_log_buckets_are_high if {
	inp := t.tf_inputs([
		["aws_s3_bucket", {"force_destroy": true}],
		["aws_cloudtrail", {"s3_bucket_name": t.unknown("aws_s3_bucket.r0.id")}],
		["google_storage_bucket", {"force_destroy": true}],
		["google_logging_project_sink", {"destination": t.unknown("storage.googleapis.com/${google_storage_bucket.r2.name}")}],
		["aws_s3_bucket", {"force_destroy": true}],
		["aws_s3_bucket_logging", {"bucket": "x", "target_bucket": t.unknown("aws_s3_bucket.r4.id")}],
		["google_storage_bucket", {"force_destroy": true}],
		["google_storage_bucket", {"logging": [{"log_bucket": t.unknown("google_storage_bucket.r6.name")}]}],
	])
	rule.deny == {
		{"resource": "r0", "path": ["force_destroy"], "sub": "log-bucket", "actual": true},
		{"resource": "r2", "path": ["force_destroy"], "sub": "log-bucket", "actual": true},
		{"resource": "r4", "path": ["force_destroy"], "sub": "log-bucket", "actual": true},
		{"resource": "r6", "path": ["force_destroy"], "sub": "log-bucket", "actual": true},
	} with input as inp
}

test_default_and_false_pass if {
	inp := t.tf_inputs([
		["aws_s3_bucket", {"bucket": "data"}],
		["google_storage_bucket", {"force_destroy": false}],
	])
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_unknown_not_evaluated if {
	inp := t.tf_input("aws_s3_bucket", {"force_destroy": t.unknown("var.force")})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "r0", "path": ["force_destroy"], "reason": "var.force"}} with input as inp
}

# Inside a module, a resource's address carries the module prefix; references name it locally.
test_log_bucket_inside_a_module if {
	mod := {"module_dir": "logs", "module_path": ["logs"], "mode": "managed", "file": "logs/main.tf"}
	inp := {"terraform": {"resources": [
		object.union(mod, {
			"id": "r0", "address": "module.logs.aws_s3_bucket.this[0]", "local_address": "aws_s3_bucket.this",
			"instance_key": 0, "type": "aws_s3_bucket", "name": "this", "config": {"force_destroy": true},
		}),
		object.union(mod, {
			"id": "r1", "address": "module.logs.aws_cloudtrail.this", "local_address": "aws_cloudtrail.this",
			"type": "aws_cloudtrail", "name": "this", "config": {"s3_bucket_name": t.unknown("aws_s3_bucket.this[0].id")},
		}),
	]}}
	rule.deny == {{"resource": "r0", "path": ["force_destroy"], "sub": "log-bucket", "actual": true}} with input as inp
}

package controlgate.rules.seg_aws_004_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.seg_aws_004 as rule

_open := {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}

_doc(statements) := json.marshal({"Version": "2012-10-17", "Statement": statements})

test_bucket_policy_open_to_anyone_fails if {
	inp := t.tf_inputs([
		["aws_s3_bucket_policy", {"bucket": "b", "policy": _doc([_open])}],
		["aws_s3_bucket", {"bucket": "b", "policy": _doc(object.union(_open, {"Principal": {"AWS": "*"}}))}],
		["aws_sqs_queue_policy", {"policy": _doc([object.union(_open, {"Principal": {"AWS": ["*"]}})])}],
		["aws_glacier_vault", {"access_policy": _doc([_open])}],
	])
	rule.deny == {
		{"resource": "r0", "path": ["policy"]},
		{"resource": "r1", "path": ["policy"]},
		{"resource": "r2", "path": ["policy"]},
		{"resource": "r3", "path": ["access_policy"]},
	} with input as inp
}

test_non_limiting_condition_still_fails if {
	st := object.union(_open, {"Condition": {"Bool": {"aws:SecureTransport": "true"}}})
	inp := t.tf_input("aws_sns_topic_policy", {"policy": _doc([st])})
	rule.deny == {{"resource": "r0", "path": ["policy"]}} with input as inp
}

test_wildcard_condition_values_limit_nothing if {
	ip_any := object.union(_open, {"Condition": {"IpAddress": {"aws:SourceIp": "*"}}})
	world := object.union(_open, {"Condition": {"IpAddress": {"aws:SourceIp": ["10.0.0.0/8", "0.0.0.0/0"]}}})
	doc_stmt := {"principals": [{"type": "AWS", "identifiers": ["*"]}], "condition": [{"test": "StringLike", "variable": "aws:SourceArn", "values": ["*"]}]}
	inp := t.tf_blocks([
		["managed", "aws_s3_bucket_policy", {"policy": _doc([ip_any])}],
		["managed", "aws_sqs_queue_policy", {"policy": _doc([world])}],
		["data", "aws_iam_policy_document", {"statement": [doc_stmt]}],
		["managed", "aws_sns_topic_policy", {"policy": t.unknown("data.aws_iam_policy_document.r2.json")}],
	])
	rule.deny == {
		{"resource": "r0", "path": ["policy"]},
		{"resource": "r1", "path": ["policy"]},
		{"resource": "r3", "path": ["policy"]},
	} with input as inp
}

test_limited_or_named_principals_pass if {
	org := object.union(_open, {"Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc"}}})
	named := object.union(_open, {"Principal": {"AWS": "arn:aws:iam::123456789012:root"}})
	deny_all := object.union(_open, {"Effect": "Deny"})
	service := object.union(_open, {"Principal": {"Service": "cloudtrail.amazonaws.com"}})
	inp := t.tf_inputs([
		["aws_s3_bucket_policy", {"policy": _doc([org, named, deny_all, service])}],
		["aws_kms_key", {"description": "k"}],
		["aws_s3_bucket", {"bucket": "plain"}],
	])
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
	rule.applies == {"r0", "r1", "r2"} with input as inp
}

test_policy_document_data_source if {
	open_stmt := {"effect": "Allow", "actions": ["sqs:SendMessage"], "principals": [{"type": "*", "identifiers": ["*"]}]}
	limited := object.union(open_stmt, {"condition": [{"test": "ArnEquals", "variable": "aws:SourceArn", "values": ["arn:aws:sns:::t"]}]})
	inp := t.tf_blocks([
		["data", "aws_iam_policy_document", {"statement": [open_stmt]}],
		["data", "aws_iam_policy_document", {"statement": [limited]}],
		["managed", "aws_sqs_queue_policy", {"policy": t.unknown("data.aws_iam_policy_document.r0.json")}],
		["managed", "aws_sqs_queue_policy", {"policy": t.unknown("data.aws_iam_policy_document.r1.json")}],
	])
	rule.deny == {{"resource": "r2", "path": ["policy"]}} with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_unknown_policy_not_evaluated if {
	inp := t.tf_blocks([
		["data", "aws_iam_policy_document", {"statement": [{"principals": [{"type": "AWS", "identifiers": t.unknown("var.principals")}]}]}],
		["managed", "aws_s3_bucket_policy", {"policy": t.unknown("file(\"policy.json\")")}],
		["managed", "aws_s3_bucket_policy", {"policy": t.unknown("data.aws_iam_policy_document.r0.json")}],
		["managed", "aws_s3_bucket_policy", {"policy": _doc([object.union(_open, {"Condition": {"StringEquals": {"aws:PrincipalOrgID": t.unknown("var.org")}}})])}],
	])
	count(rule.deny) == 0 with input as inp
	rule.unknown == {
		{"resource": "r1", "path": ["policy"], "reason": "file(\"policy.json\")"},
		{"resource": "r2", "path": ["policy"], "reason": "var.principals"},
	} with input as inp
}

test_lambda_permission if {
	inp := t.tf_inputs([
		["aws_lambda_permission", {"action": "lambda:InvokeFunction", "principal": "*", "function_name": "f"}],
		["aws_lambda_permission", {"principal": "*", "source_arn": t.unknown("aws_s3_bucket.b.arn")}],
		["aws_lambda_permission", {"principal": "*", "source_account": t.unknown("var.account")}],
		["aws_lambda_permission", {"principal": "s3.amazonaws.com"}],
		["aws_lambda_permission", {"principal": t.unknown("var.principal")}],
	])
	rule.deny == {{"resource": "r0", "path": ["principal"], "actual": "*"}} with input as inp
	rule.unknown == {
		{"resource": "r2", "path": ["source_account"], "reason": "var.account"},
		{"resource": "r4", "path": ["principal"], "reason": "var.principal"},
	} with input as inp
}

package controlgate.rules.adm_aws_001_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.adm_aws_001 as rule

_admin_json := `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}`

_scoped_json := `{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": ["arn:aws:s3:::b/*"]}}`

test_policy_json_admin_fails if {
	inp := t.tf_input("aws_iam_policy", {"name": "admin", "policy": _admin_json})
	rule.deny == {{"resource": "r0", "path": ["policy"]}} with input as inp
	rule.applies == {"r0"} with input as inp
}

test_inline_policies_fail if {
	doc := `{"Statement": [{"Effect": "Allow", "Action": ["ec2:*", "*:*"], "Resource": ["*"]}]}`
	inp := t.tf_inputs([
		["aws_iam_role_policy", {"role": "r", "policy": doc}],
		["aws_iam_user_policy", {"user": "u", "policy": _admin_json}],
		["aws_iam_group_policy", {"group": "g", "policy": _admin_json}],
		["aws_iam_role", {"inline_policy": [{"name": "x", "policy": _admin_json}]}],
	])
	rule.deny == {
		{"resource": "r0", "path": ["policy"]},
		{"resource": "r1", "path": ["policy"]},
		{"resource": "r2", "path": ["policy"]},
		{"resource": "r3", "path": ["inline_policy", 0, "policy"]},
	} with input as inp
}

test_scoped_and_deny_statements_pass if {
	deny_all := `{"Statement": [{"Effect": "Deny", "Action": "*", "Resource": "*"}]}`
	inp := t.tf_inputs([
		["aws_iam_policy", {"policy": _scoped_json}],
		["aws_iam_policy", {"policy": deny_all}],
		["aws_iam_policy", {"policy": `{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "arn:aws:s3:::b"}]}`}],
	])
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_policy_document_admin_fails if {
	inp := t.tf_blocks([["data", "aws_iam_policy_document", {"statement": [
		{"actions": ["s3:GetObject"], "resources": ["*"]},
		{"actions": ["*"], "resources": ["*"]},
	]}]])
	rule.deny == {{"resource": "r0", "path": ["statement", 1, "actions"]}} with input as inp
	rule.applies == {"r0"} with input as inp
}

test_policy_document_deny_effect_passes if {
	inp := t.tf_blocks([["data", "aws_iam_policy_document", {"statement": [{"effect": "Deny", "actions": ["*"], "resources": ["*"]}]}]])
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_policy_document_unknown_resources_not_evaluated if {
	inp := t.tf_blocks([["data", "aws_iam_policy_document", {"statement": [{"actions": ["*"], "resources": [t.unknown("var.arn")]}]}]])
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "r0", "path": ["statement", 0, "resources"], "reason": "var.arn"}} with input as inp
}

test_policy_document_dynamic_statement_not_evaluated if {
	inp := t.tf_blocks([["data", "aws_iam_policy_document", {"statement": t.unknown(`dynamic "statement"`)}]])
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 1 with input as inp
}

test_jsonencode_policy_not_evaluated if {
	inp := t.tf_input("aws_iam_policy", {"policy": t.unknown(`jsonencode({Statement = [{Action = "*"}]})`)})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "r0", "path": ["policy"], "reason": `jsonencode({Statement = [{Action = "*"}]})`}} with input as inp
}

test_reference_to_document_evaluated_there if {
	inp := t.tf_blocks([
		["data", "aws_iam_policy_document", {"statement": [{"actions": ["s3:*"], "resources": ["*"]}]}],
		["managed", "aws_iam_policy", {"policy": t.unknown("data.aws_iam_policy_document.r0.json")}],
	])
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
	rule.applies == {"r0", "r1"} with input as inp
}

test_admin_access_attached_fails_medium if {
	inp := t.tf_inputs([
		["aws_iam_role_policy_attachment", {"role": "ops", "policy_arn": "arn:aws:iam::aws:policy/AdministratorAccess"}],
		["aws_iam_role", {"managed_policy_arns": ["arn:aws-us-gov:iam::aws:policy/AdministratorAccess"]}],
	])
	rule.deny == {
		{"resource": "r0", "sub": "admin-attached", "path": ["policy_arn"], "actual": "arn:aws:iam::aws:policy/AdministratorAccess"},
		{"resource": "r1", "sub": "admin-attached", "path": ["managed_policy_arns"], "actual": "arn:aws-us-gov:iam::aws:policy/AdministratorAccess"},
	} with input as inp
}

test_other_attachments_pass if {
	inp := t.tf_inputs([
		["aws_iam_policy", {"policy": _scoped_json}],
		["aws_iam_user_policy_attachment", {"user": "u", "policy_arn": "arn:aws:iam::aws:policy/ReadOnlyAccess"}],
		["aws_iam_group_policy_attachment", {"group": "g", "policy_arn": t.unknown("aws_iam_policy.r0.arn")}],
		["aws_iam_role", {"managed_policy_arns": [t.unknown("aws_iam_policy.r0.arn")]}],
	])
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_unknown_policy_arn_not_evaluated if {
	inp := t.tf_inputs([
		["aws_iam_policy_attachment", {"policy_arn": t.unknown("var.policy_arn")}],
		["aws_iam_role", {"managed_policy_arns": t.unknown("var.managed")}],
	])
	count(rule.deny) == 0 with input as inp
	rule.unknown == {
		{"resource": "r0", "sub": "admin-attached", "path": ["policy_arn"], "reason": "var.policy_arn"},
		{"resource": "r1", "sub": "admin-attached", "path": ["managed_policy_arns"], "reason": "var.managed"},
	} with input as inp
}

test_other_types_ignored if {
	inp := t.tf_input("aws_s3_bucket_policy", {"policy": _admin_json})
	count(rule.applies) == 0 with input as inp
	count(rule.deny) == 0 with input as inp
}

package controlgate.rules.adm_aws_002_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.adm_aws_002 as rule

_trust(principal, condition) := json.marshal({"Version": "2012-10-17", "Statement": [object.union(
	{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": principal},
	condition,
)]})

test_account_root_without_mfa_fails if {
	inp := t.tf_input("aws_iam_role", {"assume_role_policy": _trust({"AWS": "arn:aws:iam::111122223333:root"}, {})})
	rule.deny == {{"resource": "r0", "path": ["assume_role_policy"]}} with input as inp
	rule.applies == {"r0"} with input as inp
}

test_user_and_account_id_principals_fail if {
	inp := t.tf_inputs([
		["aws_iam_role", {"assume_role_policy": _trust({"AWS": ["arn:aws:iam::111122223333:user/alice"]}, {})}],
		["aws_iam_role", {"assume_role_policy": _trust({"AWS": "111122223333"}, {})}],
		["aws_iam_role", {"assume_role_policy": _trust("*", {})}],
	])
	rule.deny == {
		{"resource": "r0", "path": ["assume_role_policy"]},
		{"resource": "r1", "path": ["assume_role_policy"]},
		{"resource": "r2", "path": ["assume_role_policy"]},
	} with input as inp
}

test_mfa_condition_passes if {
	inp := t.tf_inputs([
		["aws_iam_role", {"assume_role_policy": _trust({"AWS": "arn:aws:iam::111122223333:root"}, {"Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}})}],
		["aws_iam_role", {"assume_role_policy": _trust({"AWS": "arn:aws:iam::444455556666:root"}, {"Condition": {"StringEquals": {"sts:ExternalId": "partner-1"}}})}],
	])
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_bool_if_exists_is_not_enough if {
	cond := {"Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "true"}}}
	inp := t.tf_input("aws_iam_role", {"assume_role_policy": _trust({"AWS": "arn:aws:iam::111122223333:root"}, cond)})
	rule.deny == {{"resource": "r0", "path": ["assume_role_policy"]}} with input as inp
}

test_service_and_role_principals_pass if {
	inp := t.tf_inputs([
		["aws_iam_role", {"assume_role_policy": _trust({"Service": "ec2.amazonaws.com"}, {})}],
		["aws_iam_role", {"assume_role_policy": _trust({"AWS": "arn:aws:iam::111122223333:role/ci"}, {})}],
	])
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_admin_role_fails_high if {
	inp := t.tf_inputs([
		["aws_iam_role", {"assume_role_policy": _trust({"AWS": "arn:aws:iam::111122223333:root"}, {})}],
		["aws_iam_role_policy_attachment", {"role": t.unknown("aws_iam_role.r0.name"), "policy_arn": "arn:aws:iam::aws:policy/AdministratorAccess"}],
		["aws_iam_role", {
			"assume_role_policy": _trust({"AWS": "arn:aws:iam::111122223333:user/bob"}, {}),
			"managed_policy_arns": ["arn:aws:iam::aws:policy/AdministratorAccess"],
		}],
	])
	rule.deny == {
		{"resource": "r0", "sub": "admin-role", "path": ["assume_role_policy"]},
		{"resource": "r2", "sub": "admin-role", "path": ["assume_role_policy"]},
	} with input as inp
}

test_policy_document_without_mfa_fails if {
	inp := t.tf_blocks([
		["data", "aws_iam_policy_document", {"statement": [{
			"actions": ["sts:AssumeRole"],
			"principals": [{"type": "AWS", "identifiers": ["arn:aws:iam::111122223333:root"]}],
		}]}],
		["managed", "aws_iam_role", {"assume_role_policy": t.unknown("data.aws_iam_policy_document.r0.json")}],
	])
	rule.deny == {{"resource": "r1", "path": ["assume_role_policy"]}} with input as inp
}

test_policy_document_with_mfa_passes if {
	inp := t.tf_blocks([
		["data", "aws_iam_policy_document", {"statement": [{
			"actions": ["sts:AssumeRole"],
			"principals": [{"type": "AWS", "identifiers": ["arn:aws:iam::111122223333:root"]}],
			"condition": [{"test": "Bool", "variable": "aws:MultiFactorAuthPresent", "values": ["true"]}],
		}]}],
		["managed", "aws_iam_role", {"assume_role_policy": t.unknown("data.aws_iam_policy_document.r0.json")}],
	])
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_policy_document_unknown_principal_not_evaluated if {
	inp := t.tf_blocks([
		["data", "aws_iam_policy_document", {"statement": [{"principals": [{"type": "AWS", "identifiers": [t.unknown("var.trusted_arn")]}]}]}],
		["managed", "aws_iam_role", {"assume_role_policy": t.unknown("data.aws_iam_policy_document.r0.json")}],
	])
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "r1", "path": ["assume_role_policy"], "reason": "var.trusted_arn"}} with input as inp
}

test_policy_document_unknown_condition_not_evaluated if {
	inp := t.tf_blocks([
		["data", "aws_iam_policy_document", {"statement": [{
			"principals": [{"type": "AWS", "identifiers": ["arn:aws:iam::111122223333:root"]}],
			"condition": [{"test": "Bool", "variable": "aws:MultiFactorAuthPresent", "values": [t.unknown("var.mfa")]}],
		}]}],
		["managed", "aws_iam_role", {"assume_role_policy": t.unknown("data.aws_iam_policy_document.r0.json")}],
	])
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "r1", "path": ["assume_role_policy"], "reason": "var.mfa"}} with input as inp
}

test_dynamic_document_parts_not_evaluated if {
	inp := t.tf_blocks([
		["data", "aws_iam_policy_document", {"statement": t.unknown(`dynamic "statement"`)}],
		["managed", "aws_iam_role", {"assume_role_policy": t.unknown("data.aws_iam_policy_document.r0.json")}],
		["data", "aws_iam_policy_document", {"statement": [{
			"principals": t.unknown(`dynamic "principals"`),
			"condition": t.unknown(`dynamic "condition"`),
		}]}],
		["managed", "aws_iam_role", {"assume_role_policy": t.unknown("data.aws_iam_policy_document.r2.json")}],
	])
	count(rule.deny) == 0 with input as inp
	rule.unknown == {
		{"resource": "r1", "path": ["assume_role_policy"], "reason": `dynamic "statement"`},
		{"resource": "r3", "path": ["assume_role_policy"], "reason": `dynamic "principals"`},
	} with input as inp
}

test_jsonencode_trust_not_evaluated if {
	inp := t.tf_input("aws_iam_role", {"assume_role_policy": t.unknown("jsonencode({...})")})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "r0", "path": ["assume_role_policy"], "reason": "jsonencode({...})"}} with input as inp
}

test_other_types_ignored if {
	inp := t.tf_input("aws_iam_user", {"name": "alice"})
	count(rule.applies) == 0 with input as inp
}

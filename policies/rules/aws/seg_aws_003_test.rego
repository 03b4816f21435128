package controlgate.rules.seg_aws_003_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.seg_aws_003 as rule

_all_users := "http://acs.amazonaws.com/groups/global/AllUsers"

test_canned_public_acls_fail if {
	inp := t.tf_inputs([
		["aws_s3_bucket", {"bucket": "a", "acl": "public-read"}],
		["aws_s3_bucket_acl", {"bucket": "b", "acl": "public-read-write"}],
		["aws_s3_object", {"key": "k", "acl": "authenticated-read"}],
		["aws_s3_bucket_object", {"key": "k", "acl": "public-read"}],
	])
	rule.deny == {
		{"resource": "r0", "path": ["acl"], "actual": "public-read"},
		{"resource": "r1", "path": ["acl"], "actual": "public-read-write", "sub": "write"},
		{"resource": "r2", "path": ["acl"], "actual": "authenticated-read"},
		{"resource": "r3", "path": ["acl"], "actual": "public-read"},
	} with input as inp
	rule.applies == {"r0", "r1", "r2", "r3"} with input as inp
}

test_grants_to_public_groups_fail if {
	acp := {
		"grant": [
			{"grantee": [{"type": "Group", "uri": _all_users}], "permission": "READ"},
			{"grantee": {"type": "CanonicalUser", "id": "abc"}, "permission": "FULL_CONTROL"},
		],
		"owner": {"id": "abc"},
	}
	inp := t.tf_inputs([
		["aws_s3_bucket", {"grant": [{"type": "Group", "uri": _all_users, "permissions": ["READ", "WRITE"]}]}],
		["aws_s3_bucket_acl", {"access_control_policy": acp}],
	])
	rule.deny == {
		{"resource": "r0", "path": ["grant", 0], "actual": _all_users, "sub": "write"},
		{"resource": "r1", "path": ["access_control_policy", 0, "grant", 0], "actual": _all_users},
	} with input as inp
}

test_private_acls_pass if {
	inp := t.tf_inputs([
		["aws_s3_bucket", {"bucket": "a", "acl": "private"}],
		["aws_s3_bucket_acl", {"acl": "log-delivery-write"}],
		["aws_s3_bucket", {"grant": [{"type": "CanonicalUser", "id": "abc", "permissions": ["FULL_CONTROL"]}]}],
		["aws_s3_object", {"key": "k"}],
	])
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_unknown_not_evaluated if {
	inp := t.tf_inputs([
		["aws_s3_bucket_acl", {"acl": t.unknown("var.acl")}],
		["aws_s3_bucket", {"grant": t.unknown(`dynamic "grant"`)}],
		["aws_s3_bucket", {"grant": [{"type": "Group", "uri": t.unknown("var.uri"), "permissions": ["READ"]}]}],
		["aws_s3_bucket", {"grant": [{"type": "Group", "uri": _all_users, "permissions": [t.unknown("var.perm")]}]}],
	])
	count(rule.deny) == 0 with input as inp
	rule.unknown == {
		{"resource": "r0", "path": ["acl"], "reason": "var.acl"},
		{"resource": "r1", "path": ["grant"], "reason": `dynamic "grant"`},
		{"resource": "r2", "path": ["grant", 0], "reason": "var.uri"},
		{"resource": "r3", "path": ["grant", 0], "reason": "var.perm"},
	} with input as inp
}

# A public ACL S3 ignores: the account's public access block, or the bucket's, ignores public ACLs;
# or the bucket's ownership is BucketOwnerEnforced (ACLs disabled).
test_ignored_public_acls_pass if {
	account := t.tf_inputs([
		["aws_s3_bucket", {"bucket": "a", "acl": "public-read"}],
		["aws_s3_account_public_access_block", {"ignore_public_acls": true}],
	])
	count(rule.deny) == 0 with input as account
	per_bucket := t.tf_inputs([
		["aws_s3_bucket", {"bucket": "a"}],
		["aws_s3_bucket_acl", {"bucket": t.unknown("aws_s3_bucket.r0.id"), "acl": "public-read"}],
		["aws_s3_bucket_public_access_block", {"bucket": t.unknown("aws_s3_bucket.r0.id"), "ignore_public_acls": true}],
		["aws_s3_bucket", {"bucket": "b", "acl": "public-read-write"}],
		["aws_s3_bucket_ownership_controls", {"bucket": t.unknown("aws_s3_bucket.r3.id"), "rule": [{"object_ownership": "BucketOwnerEnforced"}]}],
	])
	count(rule.deny) == 0 with input as per_bucket
}

test_public_acls_not_ignored_fail if {
	inp := t.tf_inputs([
		["aws_s3_bucket", {"bucket": "a", "acl": "public-read"}],
		["aws_s3_account_public_access_block", {"ignore_public_acls": false, "block_public_acls": true}],
		["aws_s3_bucket_public_access_block", {"bucket": t.unknown("aws_s3_bucket.other.id"), "ignore_public_acls": true}],
		["aws_s3_bucket_ownership_controls", {"bucket": t.unknown("aws_s3_bucket.r0.id"), "rule": [{"object_ownership": "ObjectWriter"}]}],
	])
	rule.deny == {{"resource": "r0", "path": ["acl"], "actual": "public-read"}} with input as inp
}

# METADATA
# title: S3 buckets and objects are not given public ACLs
# description: |
#   The canned ACLs public-read, public-read-write and authenticated-read, and grants to the
#   AllUsers or AuthenticatedUsers groups, let anyone on the Internet (or any AWS account holder)
#   list and read the data: a tenant's data leaves its boundary. Reading is high severity; write
#   access (public-read-write, WRITE or FULL_CONTROL grants) also lets anyone plant or overwrite
#   content and run up the bill, so it is critical. S3 ignores such an ACL when the account's or
#   the bucket's public access block sets ignore_public_acls, or the bucket's ownership is
#   BucketOwnerEnforced: then it grants nothing and is not reported.
# custom:
#   id: SEG-AWS-003
#   severity: high
#   message: S3 ACL grants read access to everyone
#   remediation: |
#     Use acl = "private" (or drop the ACL and set object_ownership = "BucketOwnerEnforced" in
#     aws_s3_bucket_ownership_controls), remove grants to the AllUsers and AuthenticatedUsers groups,
#     serve public content through CloudFront with origin access control, and keep Block Public
#     Access on.
#   controls:
#     iso27017: [CLD.9.5.1]
#     iso27002: [A.8.3, A.5.15, A.8.12, A.5.23]
#     soc2: [CC6.1, CC6.6]
#     cis: []
#     nist: [AC-3, AC-4, AC-6, AC-21, SC-7]
#   subresults:
#     write:
#       severity: critical
#       message: S3 ACL grants write access to everyone
#   inputs: [terraform]
#   equivalents: [CKV_AWS_20, CKV_AWS_57, AVD-AWS-0092]
package controlgate.rules.seg_aws_003

import data.controlgate.lib.terraform as tf
import data.controlgate.lib.tri
import data.controlgate.lib.values as v

_acl_types := {"aws_s3_bucket", "aws_s3_bucket_acl", "aws_s3_object", "aws_s3_bucket_object"}

_read_acls := {"public-read", "authenticated-read"}

_public_groups := {
	"http://acs.amazonaws.com/groups/global/AllUsers",
	"http://acs.amazonaws.com/groups/global/AuthenticatedUsers",
}

_write_permissions := {"WRITE", "WRITE_ACP", "FULL_CONTROL"}

applies contains r.id if some r in tf.resources(_acl_types)

deny contains tri.failure(c) if some c in _checks

unknown contains u if {
	some c in _checks
	some u in tri.unknown_records(c)
}

# A public canned ACL (public-read-write: write); an unknown ACL is not evaluated, ignored or not.
_checks contains object.union(
	{"resource": r.id, "path": ["acl"], "on_failure": _acl_sub(acl), "when": tri.of(["acl"], acl, _public_acl(r, acl))},
	v.actual(r.config, "acl"),
) if {
	some r in tf.resources(_acl_types)
	acl := object.get(r.config, "acl", null)
}

_acl_sub(acl) := {"sub": "write"} if acl == "public-read-write"

else := {}

default _public_acl(_, _) := false

_public_acl(r, acl) if {
	acl in (_read_acls | {"public-read-write"})
	not _acls_ignored(r)
}

# S3 ignores a public ACL when the account's public access block, or the bucket's, sets
# ignore_public_acls, and no ACL grants anything once the bucket's ownership is BucketOwnerEnforced.
_acls_ignored(r) if {
	some a in tf.in_module(r, "aws_s3_account_public_access_block")
	v.is_true(a.config.ignore_public_acls)
}

_acls_ignored(r) if {
	some b in _buckets_of(r)
	some p in tf.resources({"aws_s3_bucket_public_access_block"})
	some x in tf.referenced(p, p.config.bucket)
	x.id == b.id
	v.is_true(p.config.ignore_public_acls)
}

_acls_ignored(r) if {
	some b in _buckets_of(r)
	some o in tf.resources({"aws_s3_bucket_ownership_controls"})
	some x in tf.referenced(o, o.config.bucket)
	x.id == b.id
	some rule in v.blocks(o.config, "rule")
	rule.object_ownership == "BucketOwnerEnforced"
}

_buckets_of(r) := {r} if r.type == "aws_s3_bucket"

else := {x | some x in tf.referenced(r, r.config.bucket); x.type == "aws_s3_bucket"}

# Grants as {r, path, uri, permissions}: aws_s3_bucket grant blocks (provider v3 and earlier) and
# aws_s3_bucket_acl access_control_policy grants.
_grants contains {"r": r, "path": ["grant", i], "uri": g.uri, "permissions": _list(g.permissions)} if {
	some r in tf.resources({"aws_s3_bucket"})
	some i, g in v.blocks(r.config, "grant")
	v.has(g, "uri")
}

_grants contains {
	"r": r, "path": ["access_control_policy", i, "grant", j],
	"uri": e.uri, "permissions": _list(g.permission),
} if {
	some r in tf.resources({"aws_s3_bucket_acl"})
	some i, p in v.blocks(r.config, "access_control_policy")
	some j, g in v.blocks(p, "grant")
	some e in v.blocks(g, "grantee")
	v.has(e, "uri")
}

_list(x) := x if is_array(x)

else := [x]

# A public grant that reads (an unknown grantee is not evaluated, ignored or not).
_checks contains {"resource": g.r.id, "path": g.path, "actual": g.uri, "when": tri.of(g.path, g.uri, _reads(g))} if {
	some g in _grants
}

# A public grant that writes; while it does not, each unknown permission may (ignored or not).
_checks contains {
	"resource": g.r.id, "path": g.path, "actual": g.uri,
	"on_failure": {"sub": "write"}, "when": _writes_publicly(g),
} if {
	some g in _grants
}

default _reads(_) := false

_reads(g) if {
	g.uri in _public_groups
	not _acls_ignored(g.r)
	not _writes(g)
	some p in g.permissions
	p in {"READ", "READ_ACP"}
}

_writes_publicly(g) := false if {
	not g.uri in _public_groups
} else if {
	_writes(g)
	not _acls_ignored(g.r)
} else := false if {
	_writes(g)
} else := tri.of_elements(g.path, g.permissions, false)

_writes(g) if {
	some p in g.permissions
	p in _write_permissions
}

_checks contains tri.known_check({"resource": r.id}, ["grant"], r.config.grant) if {
	some r in tf.resources({"aws_s3_bucket"})
}

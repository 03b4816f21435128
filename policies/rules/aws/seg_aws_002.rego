# METADATA
# title: S3 buckets are covered by a public access block with all four settings on
# description: |
#   S3 Block Public Access is the guardrail that keeps one mistaken ACL or bucket policy from
#   publishing a tenant's data: with block_public_acls, block_public_policy, ignore_public_acls and
#   restrict_public_buckets all true (for the bucket or the whole account), public grants are
#   refused or ignored. Each setting defaults to false in aws_s3_bucket_public_access_block and
#   aws_s3_account_public_access_block. A missing guardrail is not an exposure by itself (that is
#   SEG-AWS-003 and SEG-AWS-004), so the severity is medium.
# custom:
#   id: SEG-AWS-002
#   severity: medium
#   message: S3 bucket is not covered by a public access block with all four settings on
#   remediation: |
#     Add aws_s3_bucket_public_access_block { bucket = aws_s3_bucket.x.id  block_public_acls = true
#     block_public_policy = true  ignore_public_acls = true  restrict_public_buckets = true } for the
#     bucket, or manage aws_s3_account_public_access_block with the same four settings in the
#     account baseline.
#   controls:
#     iso27017: [CLD.9.5.1]
#     iso27002: [A.8.3, A.5.15, A.8.12, A.5.23]
#     soc2: [CC6.1, CC6.6]
#     cis: [CIS AWS v3.0.0 2.1.4, CIS AWS v1.4.0 2.1.5]
#     nist: [AC-3, AC-3(7), AC-4, AC-4(21), AC-6, AC-21, SC-7, SC-7(3)]
#   subresults:
#     setting-off:
#       severity: medium
#       message: S3 public access block leaves one of its four settings off
#   inputs: [terraform]
#   equivalents: [CKV2_AWS_6, CKV_AWS_53, CKV_AWS_54, CKV_AWS_55, CKV_AWS_56, AVD-AWS-0086, AVD-AWS-0087,
#     AVD-AWS-0091, AVD-AWS-0093, AVD-AWS-0094]
package controlgate.rules.seg_aws_002

import data.controlgate.lib.terraform as tf
import data.controlgate.lib.tri
import data.controlgate.lib.values as v

_settings := ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"]

_block_types := {"aws_s3_bucket_public_access_block", "aws_s3_account_public_access_block"}

applies contains r.id if some r in tf.resources({"aws_s3_bucket"} | _block_types)

# Every block resource: each setting left false (absent means false).
deny contains object.union(tri.failure(c), {"sub": "setting-off"}) if some c in _settings_off

unknown contains tri.unknown(c) if some c in _settings_off

_settings_off contains tri.fails_if_in({"resource": r.id}, [], r.config, k, false, v.falsy) if {
	some r in tf.resources(_block_types)
	some k in _settings
}

# The account-level block anywhere in the configuration: true when one sets all four (absent
# means false), unknown when one may.
default _account := false

_account if {
	some a in tf.resources({"aws_s3_account_public_access_block"})
	_account_block(a) == true
} else := u if {
	u := [t | some a in tf.resources({"aws_s3_account_public_access_block"}); t := _account_block(a); is_object(t)][0]
}

_account_block(a) := tri.all_hold([tri.is_in([k], a.config, k, false, v.truthy) | some k in _settings])

# Bucket-level blocks that name bucket b, by reference or by its literal name.
_has_block(b) if {
	some p in tf.in_module(b, "aws_s3_bucket_public_access_block")
	some x in tf.referenced(p, p.config.bucket)
	x.id == b.id
}

_has_block(b) if {
	some p in tf.in_module(b, "aws_s3_bucket_public_access_block")
	is_string(p.config.bucket)
	p.config.bucket == b.config.bucket
}

# A block whose bucket cannot be matched to b may be b's: the expression that leaves it open.
_maybe_block(b) := v.reason(p.config.bucket) if {
	some p in tf.in_module(b, "aws_s3_bucket_public_access_block")
	v.is_unknown(p.config.bucket)
	count(tf.referenced(p, p.config.bucket)) == 0
} else := v.reason(b.config.bucket) if {
	v.is_unknown(b.config.bucket)
	some p in tf.in_module(b, "aws_s3_bucket_public_access_block")
	is_string(p.config.bucket)
}

_unguarded contains b if {
	_account != true
	some b in tf.resources({"aws_s3_bucket"})
	not _has_block(b)
}

deny contains {"resource": b.id, "path": []} if {
	_account == false
	some b in _unguarded
	not _maybe_block(b)
}

unknown contains {"resource": b.id, "path": [], "reason": _maybe_block(b)} if {
	_account == false
	some b in _unguarded
}

unknown contains {"resource": b.id, "path": [], "reason": reason} if {
	is_object(_account)
	some b in _unguarded
	some a in tf.resources({"aws_s3_account_public_access_block"})
	some k in _settings
	v.is_unknown(a.config[k])
	reason := a.config[k].__unknown__
}

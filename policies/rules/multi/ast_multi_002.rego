# METADATA
# title: Buckets holding data or logs cannot be force-destroyed with their contents
# description: |
#   With force_destroy, a terraform destroy or a renamed resource deletes the bucket and every object
#   in it without any further check. For data and especially for audit logs, deletion should be a
#   deliberate, documented step, not a side effect of a plan.
# custom:
#   id: AST-MULTI-002
#   severity: medium
#   message: Bucket can be destroyed together with its contents (force_destroy)
#   remediation: |
#     Remove force_destroy (it defaults to false) from aws_s3_bucket and google_storage_bucket; empty and
#     delete buckets through a documented decommissioning procedure, and protect log buckets with
#     object lock or a retention policy.
#   controls:
#     iso27017: [CLD.8.1.5, CLD.12.1.5]
#     iso27002: [A.8.10, A.8.15, A.5.33]
#     soc2: [CC6.5, C1.2, CC7.3]
#     cis: []
#     nist: [SI-12, AU-9, AU-11]
#   subresults:
#     log-bucket:
#       severity: high
#       message: Log bucket can be destroyed together with its contents (force_destroy)
#   inputs: [terraform]
#   equivalents: []
package controlgate.rules.ast_multi_002

import data.controlgate.lib.terraform as tf
import data.controlgate.lib.tri
import data.controlgate.lib.values as v

_buckets := {"aws_s3_bucket", "google_storage_bucket"}

# Attributes that name a log destination bucket.
_log_refs := {
	"aws_cloudtrail": "s3_bucket_name",
	"aws_flow_log": "log_destination",
	"aws_s3_bucket_logging": "target_bucket",
	"google_logging_project_sink": "destination",
	"google_logging_folder_sink": "destination",
	"google_logging_organization_sink": "destination",
	"google_storage_bucket": "logging",
}

applies contains r.id if some r in tf.resources(_buckets)

deny contains tri.failure(c) if some c in _checks

unknown contains tri.unknown(c) if some c in _checks

_checks contains tri.fails_if_in(
	{"resource": r.id, "on_failure": _log_sub(r)}, [], r.config,
	"force_destroy", null, v.truthy,
) if {
	some r in tf.resources(_buckets)
}

_log_sub(r) := {"sub": "log-bucket"} if _log_bucket(r)

else := {}

# A log resource in the same module whose destination expression mentions the bucket's address
# (aws_s3_bucket.logs.id, "storage.googleapis.com/${google_storage_bucket.logs.name}").
_log_bucket(r) if {
	some x in input.terraform.resources
	x.module_dir == r.module_dir
	attr := _log_refs[x.type]
	some expr in _exprs(x.config[attr])
	_names(expr, r)
}

# The expression names r as r's module does: aws_s3_bucket.logs.id, aws_s3_bucket.logs[0].arn.
_names(expr, r) if contains(expr, concat("", [r.address, "."]))

_names(expr, r) if {
	some sep in [".", "["]
	contains(expr, concat("", [r.local_address, sep]))
}

# google_storage_bucket logging { log_bucket = ... }
_exprs(val) := {e.log_bucket.__unknown__ |
	some e in val
	v.is_unknown(e.log_bucket)
} if {
	is_array(val)
}

else := {val.__unknown__} if v.is_unknown(val)

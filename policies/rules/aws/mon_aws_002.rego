# METADATA
# title: CloudTrail logs are integrity-validated, encrypted with a KMS key and sent to CloudWatch Logs
# description: |
#   Without digest validation a tampered or deleted log file goes unnoticed; without a KMS key the
#   logs are readable by anyone with S3 read access to the bucket; without CloudWatch Logs delivery
#   no metric filter or alarm can react to events as they happen.
# custom:
#   id: MON-AWS-002
#   severity: medium
#   message: CloudTrail log files are not integrity-validated or not encrypted with a KMS key
#   remediation: |
#     Set enable_log_file_validation = true and kms_key_id = aws_kms_key.<trail key>.arn, and deliver to
#     CloudWatch Logs with cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.<name>.arn}:*" and
#     cloud_watch_logs_role_arn.
#   controls:
#     iso27017: [CLD.12.4.5]
#     iso27002: [A.8.15, A.8.24]
#     soc2: [CC7.2, CC7.3]
#     cis: [CIS AWS v1.4.0 3.2, CIS AWS v3.0.0 3.5, CIS AWS v1.4.0 3.7, CIS AWS v1.4.0 3.4]
#     nist: [AU-9, SI-4, SI-7(1), SI-7(3), SI-7(7), SC-13, SC-28, AU-6(1)]
#   subresults:
#     cloudwatch:
#       severity: low
#       message: CloudTrail trail does not deliver events to CloudWatch Logs for near-real-time alerting
#   inputs: [terraform]
#   equivalents: [CKV_AWS_36, CKV_AWS_35, AVD-AWS-0016, AVD-AWS-0015, AVD-AWS-0162, FG_R00027, FG_R00035, FG_R00029]
package controlgate.rules.mon_aws_002

import data.controlgate.lib.terraform as tf
import data.controlgate.lib.tri
import data.controlgate.lib.values as v

_trails := tf.resources({"aws_cloudtrail"})

applies contains r.id if some r in _trails

deny contains tri.failure(c) if some c in _checks

unknown contains tri.unknown(c) if some c in _checks

# enable_log_file_validation defaults to false.
_checks contains tri.fails_if_in({"resource": r.id}, [], r.config, "enable_log_file_validation", false, v.falsy) if {
	some r in _trails
}

deny contains _result({"resource": r.id, "path": [key]}, sub) if {
	some r in _trails
	some key, sub in _required
	_unset(r.config, key)
}

# A reference to a resource attribute (aws_kms_key.trail.arn) or a string template is set;
# variables, locals and function calls may be null or empty.
unknown contains _result({"resource": r.id, "path": [key], "reason": value.__unknown__}, sub) if {
	some r in _trails
	some key, sub in _required
	value := r.config[key]
	v.is_unknown(value)
	not _surely_set(value)
}

# Settings that only need to be present: key -> sub-result ("" for the main result).
_required := {"kms_key_id": "", "cloud_watch_logs_group_arn": "cloudwatch"}

_surely_set(x) if tf.ref_address(x)

_surely_set(x) if contains(x.__unknown__, "${")

_unset(c, key) if not v.has(c, key)

_unset(c, key) if c[key] == ""

_result(x, "") := x

_result(x, sub) := object.union(x, {"sub": sub}) if sub != ""

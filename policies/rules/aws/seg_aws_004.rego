# METADATA
# title: Resource policies do not grant access to anyone ("*") without a condition
# description: |
#   A bucket, queue, topic, key, secret, registry, file-system, vault or backup-vault policy that
#   allows the principal "*" (or AWS "*") with no condition on the caller's account, organisation,
#   source or network opens the resource to every AWS account and, for S3, to anonymous Internet
#   users: the tenant boundary the account was meant to be is gone. Data and keys leak directly,
#   so the severity is high. Conditions such as aws:SecureTransport do not limit who calls.
# custom:
#   id: SEG-AWS-004
#   severity: high
#   message: Resource policy allows anyone ("*") without a condition on the caller
#   remediation: |
#     Name the principals (account ids, role ARNs, service principals) instead of "*", or keep "*"
#     only with a condition that limits the caller: aws:PrincipalOrgID, aws:SourceAccount,
#     aws:SourceArn, aws:SourceVpce, aws:SourceIp. For lambda permissions set source_arn,
#     source_account or principal_org_id. Keep S3 Block Public Access on (block_public_policy).
#   controls:
#     iso27017: [CLD.9.5.1]
#     iso27002: [A.8.3, A.5.15, A.8.22, A.5.23]
#     soc2: [CC6.1, CC6.3, CC6.6]
#     cis: []
#     nist: [AC-3, AC-4, AC-6, AC-21, SC-7]
#   inputs: [terraform]
#   equivalents: [CKV_AWS_70]
package controlgate.rules.seg_aws_004

import data.controlgate.lib.iam
import data.controlgate.lib.terraform as tf
import data.controlgate.lib.tri
import data.controlgate.lib.values as v

# Resource type -> the attribute holding its resource policy.
_policy_attr := {
	"aws_s3_bucket": "policy",
	"aws_s3_bucket_policy": "policy",
	"aws_sqs_queue": "policy",
	"aws_sqs_queue_policy": "policy",
	"aws_sns_topic": "policy",
	"aws_sns_topic_policy": "policy",
	"aws_kms_key": "policy",
	"aws_ecr_repository_policy": "policy",
	"aws_secretsmanager_secret": "policy",
	"aws_secretsmanager_secret_policy": "policy",
	"aws_glacier_vault": "access_policy",
	"aws_efs_file_system_policy": "policy",
	"aws_backup_vault_policy": "policy",
	"aws_lambda_layer_version_permission": "policy",
}

_lambda_limits := ["source_arn", "source_account", "principal_org_id"]

_types := {t | some t, _ in _policy_attr} | {"aws_lambda_permission"}

applies contains r.id if some r in tf.resources(_types)

_policies contains [r, [attr], value] if {
	some type, attr in _policy_attr
	some r in tf.resources({type})
	v.has(r.config, attr)
	value := r.config[attr]
}

deny contains tri.failure(c) if some c in _checks

unknown contains u if {
	some c in _checks
	some u in tri.unknown_records(c)
}

# A statement open to anyone; with none, each statement that may be is reported.
_checks contains {"resource": r.id, "path": path, "when": iam.any_open_to_anyone(path, iam.statements(r, x))} if {
	some [r, path, x] in _policies
}

# A policy the scanner cannot read is not evaluated.
_checks contains {"resource": r.id, "path": path, "when": {"path": path, "reason": iam.unreadable(r, x)}} if {
	some [r, path, x] in _policies
}

# aws_lambda_permission: principal "*" with nothing naming the caller; each unresolved limit is
# reported.
_checks contains {"resource": r.id, "path": ["principal"], "actual": "*", "when": _lambda_open(r)} if {
	some r in tf.resources({"aws_lambda_permission"})
}

_lambda_open(r) := {"path": ["principal"], "reason": r.config.principal.__unknown__} if {
	v.is_unknown(r.config.principal)
} else := false if {
	object.get(r.config, "principal", null) != "*"
} else := false if {
	_lambda_limited(r)
} else := {"unknowns": us} if {
	us := [{"path": [k], "reason": r.config[k].__unknown__} |
		some k in _lambda_limits
		tf.unresolved(r.config[k])
	]
	count(us) > 0
} else := true

_lambda_limited(r) if {
	some k in _lambda_limits
	tf.set_value(r.config[k])
}

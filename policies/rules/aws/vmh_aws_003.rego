# METADATA
# title: EBS snapshots and snapshot copies are encrypted
# description: |
#   A snapshot holds a full copy of a volume's data and can be copied, shared with other accounts
#   or restored anywhere; an unencrypted snapshot carries the data in clear and can be shared
#   without any key permission. aws_ebs_snapshot is encrypted exactly when its volume is, and
#   aws_ebs_snapshot_copy (and aws_ami_copy, which copies an image's snapshots) when encrypted = true
#   or its source is encrypted. Data at rest in clear
#   is high severity, as for volumes (VMH-AWS-002); a copy whose source cannot be read from the
#   configuration may already be encrypted, so it is reported at medium.
# custom:
#   id: VMH-AWS-003
#   severity: high
#   message: EBS snapshot is not encrypted
#   remediation: |
#     Encrypt the source volume (aws_ebs_volume encrypted = true, kms_key_id = a customer-managed
#     key), set encrypted = true and kms_key_id on aws_ebs_snapshot_copy and aws_ami_copy, and manage
#     aws_ebs_encryption_by_default { enabled = true } in the account baseline.
#   controls:
#     iso27017: [CLD.9.5.2]
#     iso27002: [A.8.24, A.5.23]
#     soc2: [CC6.1, PI1.5]
#     cis: []
#     nist: [SC-28, SC-28(1), SC-13]
#   subresults:
#     unverified-source:
#       severity: medium
#       message: EBS snapshot or AMI copy does not set encrypted = true and its source is not in the configuration
#   inputs: [terraform]
#   equivalents: [CKV_AWS_183]
package controlgate.rules.vmh_aws_003

import data.controlgate.lib.encryption
import data.controlgate.lib.terraform as tf
import data.controlgate.lib.tri
import data.controlgate.lib.values as v

_copy_types := {"aws_ebs_snapshot_copy", "aws_ami_copy"}

applies contains r.id if some r in tf.resources({"aws_ebs_snapshot"} | _copy_types)

# The encryption of snapshot s, with the expression that leaves it unknown: [state, reason].
_snapshot(s) := [encryption.ebs_volume_encrypted(vol), _volume_reason(vol)] if {
	vols := [x | some x in tf.referenced(s, s.config.volume_id); x.type == "aws_ebs_volume"]
	count(vols) > 0
	vol := _least_encrypted(vols)
} else := ["unknown", _expr(s.config.volume_id)]

_least_encrypted(vols) := x if {
	some x in vols
	encryption.ebs_volume_encrypted(x) == "no"
} else := x if {
	some x in vols
	encryption.ebs_volume_encrypted(x) == "unknown"
} else := vols[0]

_volume_reason(vol) := vol.config.encrypted.__unknown__ if {
	v.is_unknown(vol.config.encrypted)
} else := d.config.enabled.__unknown__ if {
	some d in tf.in_module(vol, "aws_ebs_encryption_by_default")
	v.is_unknown(d.config.enabled)
} else := ""

_expr(x) := x.__unknown__ if v.is_unknown(x)

else := "volume_id"

deny contains tri.failure(c) if some c in _checks

unknown contains u if {
	some c in _checks
	some u in tri.unknown_records(c)
}

_checks contains {"resource": s.id, "path": p, "when": tri.of_reasons(p, reasons, st == "no")} if {
	some s in tf.resources({"aws_ebs_snapshot"})
	[st, reason] := _snapshot(s)
	reasons := {reason | st == "unknown"}
	p := ["volume_id"]
}

# Snapshot copies: [state, reason] of the source, when it is a snapshot of this configuration.
_source(c) := _snapshot(s) if {
	c.type == "aws_ebs_snapshot_copy"
	some s in tf.referenced(c, c.config.source_snapshot_id)
	s.type == "aws_ebs_snapshot"
}

# An AMI copied from a copy made encrypted is encrypted (its snapshots are).
_source(c) := ["yes", ""] if {
	c.type == "aws_ami_copy"
	some s in tf.referenced(c, c.config.source_ami_id)
	s.type == "aws_ami_copy"
	v.is_true(s.config.encrypted)
}

_copies := [c |
	some c in tf.resources(_copy_types)
	not v.is_true(object.get(c.config, "encrypted", false))
	not v.is_unknown(object.get(c.config, "encrypted", false))
	encryption.ebs_default_encryption(c) != "yes"
]

# A copy left unencrypted (known not encrypted, default encryption not known on): it fails when its
# source is known unencrypted, or unverified (not a snapshot of this configuration), and default
# encryption is off. An unknown source and every unknown default-encryption switch of the module
# are reported, whatever the source.
_checks contains {
	"resource": c.id, "path": p, "on_failure": _unverified(c),
	"when": tri.of_reasons(p, reasons, _fails(c)),
} if {
	some c in _copies
	p := ["encrypted"]
	reasons := _source_reasons(c) | {d.config.enabled.__unknown__ |
		encryption.ebs_default_encryption(c) == "unknown"
		some d in tf.in_module(c, "aws_ebs_encryption_by_default")
		v.is_unknown(d.config.enabled)
	}
}

_checks contains tri.known_check({"resource": c.id}, ["encrypted"], c.config.encrypted) if {
	some c in tf.resources(_copy_types)
}

# Copies whose source is not a snapshot of this configuration.
_unverified(c) := {"sub": "unverified-source"} if not _source(c)

else := {}

_source_reasons(c) := {r | [st, r] := _source(c); st == "unknown"}

default _fails(_) := false

_fails(c) if {
	encryption.ebs_default_encryption(c) == "no"
	_source(c)[0] == "no"
}

_fails(c) if {
	encryption.ebs_default_encryption(c) == "no"
	not _source(c)
}

# METADATA
# description: |
#   Encryption at rest: whether storage is encrypted, explicitly or by an account default.
package controlgate.lib.encryption

import data.controlgate.lib.terraform as tf
import data.controlgate.lib.values as v

# METADATA
# description: |
#   Whether the module of resource r turns on EBS encryption by default for the account region:
#   "yes", "unknown" (enabled is unknown) or "no". enabled defaults to true.
ebs_default_encryption(r) := "yes" if {
	some d in tf.in_module(r, "aws_ebs_encryption_by_default")
	_enabled(d.config)
} else := "unknown" if {
	some d in tf.in_module(r, "aws_ebs_encryption_by_default")
	v.is_unknown(d.config.enabled)
} else := "no"

_enabled(c) if not v.has(c, "enabled")

_enabled(c) if v.is_true(c.enabled)

# METADATA
# description: |
#   Whether EBS volume resource vol is encrypted: "yes" (encrypted = true, or the account default
#   is on), "no", or "unknown".
ebs_volume_encrypted(vol) := "yes" if {
	v.is_true(vol.config.encrypted)
} else := "unknown" if {
	v.is_unknown(vol.config.encrypted)
} else := ebs_default_encryption(vol)

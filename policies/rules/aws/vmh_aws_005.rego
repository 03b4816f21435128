# METADATA
# title: EBS volumes holding restricted data are encrypted with a customer-managed KMS key
# description: |
#   With the AWS-managed key (aws/ebs) anyone with EBS permissions in the account can use the
#   key, and its policy cannot be changed, shared or revoked; restricted data calls for a
#   customer-managed key whose policy the data owner controls. This applies to volumes, instances
#   and launch templates tagged with a restricted data classification (the tag keys and values
#   VMH-MULTI-004 uses for Azure and GCP disks, set in .controlgate.yml with classification-tag-keys
#   and restricted-classifications). Medium, as for those disks: the data is still encrypted, the
#   gap is in who controls the key.
# custom:
#   id: VMH-AWS-005
#   severity: medium
#   message: Restricted EBS volume is not encrypted with a customer-managed KMS key
#   remediation: |
#     Set kms_key_id = aws_kms_key.x.arn (with encrypted = true) on the aws_ebs_volume, on
#     root_block_device and every ebs_block_device of the aws_instance, and on every
#     block_device_mappings ebs block of the aws_launch_template; use a key whose policy limits use
#     to the workload's roles.
#   controls:
#     iso27017: [CLD.9.5.2]
#     iso27002: [A.8.24, A.5.12]
#     soc2: [CC6.1]
#     cis: []
#     nist: [SC-12, SC-13, SC-28, SC-28(1)]
#   inputs: [terraform]
#   equivalents: [CKV_AWS_189]
package controlgate.rules.vmh_aws_005

import data.controlgate.lib.tags
import data.controlgate.lib.terraform as tf
import data.controlgate.lib.tri
import data.controlgate.lib.values as v

_types := {"aws_instance", "aws_launch_template", "aws_ebs_volume"}

applies contains r.id if {
	some r in tf.resources(_types)
	tags.restricted(r)
}

# Every volume body of a restricted resource, as [resource, base path, body].
_volumes contains [r, [], r.config] if {
	some r in tf.resources({"aws_ebs_volume"})
	tags.restricted(r)
}

_volumes contains [r, [key, i], dev] if {
	some r in tf.resources({"aws_instance"})
	tags.restricted(r)
	some key in ["root_block_device", "ebs_block_device"]
	some i, dev in v.blocks(r.config, key)
}

_volumes contains [r, ["block_device_mappings", i, "ebs", j], ebs] if {
	some r in tf.resources({"aws_launch_template"})
	tags.restricted(r)
	some i, m in v.blocks(r.config, "block_device_mappings")
	some j, ebs in v.blocks(m, "ebs")
}

deny contains {"resource": r.id, "path": array.concat(base, ["kms_key_id"])} if {
	some [r, base, body] in _volumes
	not tf.set_value(object.get(body, "kms_key_id", null))
	not tf.unresolved(object.get(body, "kms_key_id", null))
}

# An instance without root_block_device gets the AMI's root volume with the default key.
deny contains {"resource": r.id, "path": ["root_block_device"]} if {
	some r in tf.resources({"aws_instance"})
	tags.restricted(r)
	not v.has(r.config, "root_block_device")
}

unknown contains {
	"resource": r.id,
	"path": array.concat(base, ["kms_key_id"]),
	"reason": body.kms_key_id.__unknown__,
} if {
	some [r, base, body] in _volumes
	tf.unresolved(body.kms_key_id)
}

unknown contains tri.not_evaluated({"resource": r.id}, [key], x) if {
	some r in tf.resources({"aws_instance", "aws_launch_template"})
	tags.restricted(r)
	some key in ["root_block_device", "ebs_block_device", "block_device_mappings"]
	x := r.config[key]
}

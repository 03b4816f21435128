# METADATA
# title: Packer amazon-ebs AMIs are encrypted, with customer-managed keys when shared or copied
# description: |
#   Packer keeps the source AMI's encryption state unless encrypt_boot says otherwise, so an
#   unencrypted base image yields an unencrypted golden image and snapshots. Images shared with
#   other accounts need a customer-managed KMS key (the AWS-managed EBS key cannot be shared), and
#   copies to other regions fall back to that region's default key unless a key is named for it.
# custom:
#   id: VMH-PKR-003
#   severity: high
#   message: Packer AMI is not encrypted
#   remediation: |
#     Set encrypt_boot = true and kms_key_id = "alias/golden-ami" (a customer-managed key), and give
#     region_kms_key_ids an entry with a customer-managed key for every region in ami_regions. Grant the
#     consumer accounts kms:Decrypt and kms:CreateGrant on the keys.
#   controls:
#     iso27017: [CLD.9.5.2, CLD.9.5.1]
#     iso27002: [A.8.24, A.5.23]
#     soc2: [CC6.1, CC6.7]
#     cis: [CIS AWS v3.0.0 2.2.1]
#     nist: [SC-12, SC-13, SC-28, SC-28(1)]
#   subresults:
#     shared-default-key:
#       severity: medium
#       message: Shared Packer AMI is encrypted with the AWS-managed key, not a customer-managed key
#     region-default-key:
#       severity: low
#       message: Packer AMI copies to other regions use the region's default EBS key
#   inputs: [packer]
#   equivalents: []
package controlgate.rules.vmh_pkr_003

import data.controlgate.lib.packer as pkr
import data.controlgate.lib.tri
import data.controlgate.lib.values as v

_types := {"amazon-ebs"}

# Device names AMIs commonly use for the root volume.
_root_devices := {"/dev/xvda", "/dev/sda1", "/dev/sda", "/dev/xvda1", "/dev/nvme0n1"}

_share_keys := ["ami_users", "ami_org_arns", "ami_ou_arns", "snapshot_users"]

applies contains s.id if some s in pkr.sources(_types)

deny contains tri.failure(c) if some c in _checks

unknown contains u if {
	some c in _checks
	some u in tri.unknown_records(c)
}

# Neither encrypt_boot nor an encrypted root mapping; each unknown of the two is reported.
_checks contains object.union(
	{"resource": s.id, "path": ["encrypt_boot"], "when": tri.all_hold_each([
		tri.negate(tri.is_in(["encrypt_boot"], s.config, "encrypt_boot", null, v.truthy)),
		tri.negate(_root_encryption(s.config)),
	])},
	v.actual(s.config, "encrypt_boot"),
) if {
	some s in pkr.sources(_types)
}

# Shared with the AWS-managed key, once the image is encrypted without a known customer-managed
# key: an unknown key (kms_key_id, region_kms_key_ids, a root mapping's) keeps it from failing,
# the unknown attributes reported; an unknown share attribute is reported whether it fails or not.
_checks contains {"resource": s.id, "sub": "shared-default-key", "path": ["kms_key_id"], "when": tri.of_each(
	[[[k], object.get(s.config, k, null)] | some k in ["kms_key_id", "region_kms_key_ids"]],
	_shared_without_key(s.config),
)} if {
	some s in pkr.sources(_types)
	_encrypted_default_key(s.config)
}

_checks contains tri.known_check({"resource": s.id, "sub": "shared-default-key"}, [k], x) if {
	some s in pkr.sources(_types)
	_encrypted_default_key(s.config)
	some k in _share_keys
	x := s.config[k]
}

# Copies to other regions, once the image is known to be encrypted: copied without any region key
# (none, or an empty map: Packer then copies with each region's default key), or to a region whose
# key is written empty.
_checks contains {
	"resource": s.id, "sub": "region-default-key", "path": ["region_kms_key_ids"],
	"when": tri.all_hold_each([_copied(s.config), _no_region_keys(s.config)]),
} if {
	some s in pkr.sources(_types)
	_encrypted(s.config)
}

_checks contains {
	"resource": s.id, "sub": "region-default-key", "path": ["region_kms_key_ids", r], "actual": "",
	"when": tri.all_hold_each([
		tri.of(["region"], s.config.region, r != s.config.region),
		tri.of(["region_kms_key_ids", r], x, x == ""),
	]),
} if {
	some s in pkr.sources(_types)
	_encrypted(s.config)
	some r in s.config.ami_regions
	v.known(r)
	x := s.config.region_kms_key_ids[r]
}

_no_region_keys(config) := tri.of(
	["region_kms_key_ids"],
	object.get(config, "region_kms_key_ids", null),
	v.unset_known(config, "region_kms_key_ids"),
)

# The truth of "the root mapping is encrypted": unknown (first unknown of the mappings) when a
# mapping list made by dynamic, a mapping's device name or a root mapping's encryption is.
_root_encryption(config) if {
	_root_mapping_encrypted(config)
} else := {"path": ["launch_block_device_mappings"], "reason": _mapping_reason(config)} if {
	_root_mapping_unknown(config)
} else := false

_encrypted_default_key(config) if {
	_encrypted(config)
	not _customer_key(config)
}

default _shared_without_key(_) := false

_shared_without_key(config) if {
	_shared(config)
	not _root_key_unknown(config)
}

_encrypted(config) if _boot_true(config)

_boot_true(config) if v.is_true(config.encrypt_boot)

_encrypted(config) if _root_mapping_encrypted(config)

_root_mappings(config) := [m |
	some m in v.blocks(config, "launch_block_device_mappings")
	m.device_name in _root_devices
]

_root_mapping_encrypted(config) if {
	some m in _root_mappings(config)
	v.is_true(m.encrypted)
}

# A launch mapping generated by dynamic, or a root mapping whose encryption is unknown.
_root_mapping_unknown(config) if v.is_unknown(config.launch_block_device_mappings)

_root_mapping_unknown(config) if {
	some m in v.blocks(config, "launch_block_device_mappings")
	v.is_unknown(m.device_name)
}

_root_mapping_unknown(config) if {
	some m in _root_mappings(config)
	v.is_unknown(m.encrypted)
}

_mapping_reason(config) := config.launch_block_device_mappings.__unknown__ if {
	v.is_unknown(config.launch_block_device_mappings)
}

_mapping_reason(config) := r if {
	not v.is_unknown(config.launch_block_device_mappings)
	r := [x |
		some m in v.blocks(config, "launch_block_device_mappings")
		some k in ["device_name", "encrypted"]
		v.is_unknown(m[k])
		x := m[k].__unknown__
	][0]
}

_shared(config) if {
	some k in _share_keys
	v.set_known(config, k)
}

_customer_key(config) if v.literal_string(config.kms_key_id)

_customer_key(config) if v.set_known(config, "region_kms_key_ids")

_customer_key(config) if {
	some m in _root_mappings(config)
	v.literal_string(m.kms_key_id)
}

_root_key_unknown(config) if {
	some m in _root_mappings(config)
	v.is_unknown(m.kms_key_id)
}

# The truth of "the image is copied to a region other than the build region" (Packer skips the
# build region in ami_regions); false without a region, as Packer refuses the template.
_copied(config) := tri.of(["ami_regions"], config.ami_regions, false) if {
	v.is_unknown(config.ami_regions)
} else if {
	some r in config.ami_regions
	v.known(r)
	v.known(config.region)
	r != config.region
} else if {
	v.is_unknown(config.region)
	count({r | some r in config.ami_regions; v.known(r)}) > 1
} else := u if {
	_ = config.region
	u := [tri.of(["ami_regions", i], r, false) | some i, r in config.ami_regions; v.is_unknown(r)][0]
} else := tri.of(["region"], config.region, false) if {
	some r in config.ami_regions
	v.is_unknown(config.region)
} else := false

# METADATA
# title: Packer Azure and GCP builds encrypt disks and images with customer-managed keys
# description: |
#   Azure and Google Cloud encrypt build disks and images with provider-managed keys unless told
#   otherwise, which leaves key rotation, revocation and access auditing out of the owner's hands.
#   On Google Cloud a customer-supplied raw key written into the template is worse than no key at
#   all: whoever can read the repository can decrypt every disk made from the image.
# custom:
#   id: VMH-PKR-007
#   severity: medium
#   message: Packer image is not encrypted with a customer-managed key
#   remediation: |
#     azure-arm: disk_encryption_set_id =
#     "/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.Compute/diskEncryptionSets/des-golden"
#     (or encryption_at_host = true when the subscription has the feature), and a disk_encryption_set_id in every
#     shared_image_gallery_destination target_region block. googlecompute: image_encryption_key { kmsKeyName =
#     "projects/<p>/locations/<l>/keyRings/<r>/cryptoKeys/<k>" }; never write rawKey as a literal, use Cloud KMS keys.
#   controls:
#     iso27017: [CLD.9.5.2]
#     iso27002: [A.8.24]
#     soc2: [CC6.1]
#     cis: [CIS Azure v1.1.0 7.2, CIS GCP v1.2.0 4.7]
#     nist: [SC-12, SC-13, SC-28]
#   subresults:
#     raw-key:
#       severity: critical
#       message: Packer googlecompute template contains a literal raw encryption key
#     replica-region:
#       severity: medium
#       message: Packer Shared Image Gallery replica region has no disk encryption set
#   inputs: [packer]
#   secret: true
#   equivalents: []
package controlgate.rules.vmh_pkr_007

import data.controlgate.lib.packer as pkr
import data.controlgate.lib.tri
import data.controlgate.lib.values as v

_sigd := "shared_image_gallery_destination"

_desid := "disk_encryption_set_id"

_at_host := "encryption_at_host"

applies contains s.id if some s in pkr.sources({"azure-arm", "googlecompute"})

deny contains tri.failure(c) if some c in _checks

unknown contains u if {
	some c in _checks
	some u in tri.unknown_records(c)
}

# ---- googlecompute: literal raw (customer-supplied) keys ----

_checks contains {"resource": s.id, "sub": "raw-key", "path": p, "when": true} if {
	some s in pkr.sources({"googlecompute"})
	some p in _raw_key_paths(s.config)
}

# ---- googlecompute: image not encrypted with a KMS key ----

_checks contains {"resource": s.id, "path": [k], "when": tri.of([k], x, v.unset(s.config, k))} if {
	some s in pkr.sources({"googlecompute"})
	k := "image_encryption_key"
	x := object.get(s.config, k, null)
}

# A key block that names no key (KMS or customer-supplied; JSON templates match case-insensitively):
# each unknown key is reported.
_checks contains {
	"resource": s.id, "path": ["image_encryption_key", i, "kmsKeyName"],
	"when": tri.all_hold_each([tri.of(["image_encryption_key", i, name], val, _not_literal(val)) |
		some name, val in k
		lower(name) in {"kmskeyname", "rawkey"}
	]),
} if {
	some s in pkr.sources({"googlecompute"})
	some i, k in v.blocks(s.config, "image_encryption_key")
}

# ---- azure-arm: neither a disk encryption set nor encryption at host ----

_checks contains object.union(
	{"resource": s.id, "path": _azure_path(s.config), "when": tri.all_hold_each([
		tri.negate(tri.of([_desid], des, v.is_literal_string(des))),
		tri.negate(tri.is_in([_at_host], s.config, _at_host, null, v.truthy)),
	])},
	v.actual(s.config, _at_host),
) if {
	some s in pkr.sources({"azure-arm"})
	des := object.get(s.config, _desid, null)
}

# ---- azure-arm: gallery replica regions without their own disk encryption set ----

_checks contains tri.fails_if_in(
	{"resource": s.id, "sub": "replica-region"},
	[_sigd, i, "target_region", j], r, _desid, null, {null, ""},
) if {
	some s in pkr.sources({"azure-arm"})
	some i, d in v.blocks(s.config, _sigd)
	some j, r in v.blocks(d, "target_region")
}

_checks contains tri.known_check(
	{"resource": s.id, "sub": "replica-region"},
	[_sigd, i, "target_region"], d.target_region,
) if {
	some s in pkr.sources({"azure-arm"})
	some i, d in v.blocks(s.config, _sigd)
}

# ---- helpers ----

# Paths of literal raw keys in the boot disk key, the image key and extra disk attachments' keys.
_raw_key_paths(config) := {p |
	some blk in ["disk_encryption_key", "image_encryption_key"]
	some i, k in v.blocks(config, blk)
	some name, val in k
	lower(name) == "rawkey"
	v.literal_string(val)
	p := [blk, i, name]
} | {p |
	some j, a in v.blocks(config, "disk_attachment")
	some i, k in v.blocks(a, "disk_encryption_key")
	some name, val in k
	lower(name) == "rawkey"
	v.literal_string(val)
	p := ["disk_attachment", j, "disk_encryption_key", i, name]
}

# The deny names encryption_at_host when it is set (to a value other than true), else the missing set.
_azure_path(config) := ["encryption_at_host"] if {
	v.has(config, "encryption_at_host")
} else := ["disk_encryption_set_id"]

default _not_literal(_) := true

_not_literal(x) := false if v.literal_string(x)

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
import data.controlgate.lib.values as v

_sigd := "shared_image_gallery_destination"

applies contains s.id if some s in pkr.sources({"azure-arm", "googlecompute"})

# ---- googlecompute: literal raw (customer-supplied) keys ----

deny contains {"resource": s.id, "sub": "raw-key", "path": p} if {
	some s in pkr.sources({"googlecompute"})
	some p in _raw_key_paths(s.config)
}

# ---- googlecompute: image not encrypted with a KMS key ----

deny contains {"resource": s.id, "path": ["image_encryption_key"]} if {
	some s in pkr.sources({"googlecompute"})
	not v.has(s.config, "image_encryption_key")
}

deny contains {"resource": s.id, "path": ["image_encryption_key", i, "kmsKeyName"]} if {
	some s in pkr.sources({"googlecompute"})
	some i, k in v.blocks(s.config, "image_encryption_key")
	not _key_given(k)
}

unknown contains {
	"resource": s.id,
	"path": ["image_encryption_key"],
	"reason": s.config.image_encryption_key.__unknown__,
} if {
	some s in pkr.sources({"googlecompute"})
	v.is_unknown(s.config.image_encryption_key)
}

unknown contains {"resource": s.id, "path": ["image_encryption_key", i, name], "reason": reason} if {
	some s in pkr.sources({"googlecompute"})
	some i, k in v.blocks(s.config, "image_encryption_key")
	not _key_known(k)
	some name, _ in k
	lower(name) in {"kmskeyname", "rawkey"}
	v.is_unknown(k[name])
	reason := k[name].__unknown__
}

# ---- azure-arm: neither a disk encryption set nor encryption at host ----

deny contains {"resource": s.id, "path": ["disk_encryption_set_id"]} if {
	some s in pkr.sources({"azure-arm"})
	not _azure_cmk(s.config)
	not _azure_unknown(s.config)
	not v.has(s.config, "encryption_at_host")
}

deny contains {"resource": s.id, "path": ["encryption_at_host"], "actual": s.config.encryption_at_host} if {
	some s in pkr.sources({"azure-arm"})
	not _azure_cmk(s.config)
	not _azure_unknown(s.config)
	v.has(s.config, "encryption_at_host")
}

unknown contains {"resource": s.id, "path": [k], "reason": reason} if {
	some s in pkr.sources({"azure-arm"})
	not _azure_cmk(s.config)
	some k in ["disk_encryption_set_id", "encryption_at_host"]
	v.is_unknown(s.config[k])
	reason := s.config[k].__unknown__
}

# ---- azure-arm: gallery replica regions without their own disk encryption set ----

deny contains {
	"resource": s.id,
	"sub": "replica-region",
	"path": [_sigd, i, "target_region", j, "disk_encryption_set_id"],
} if {
	some s in pkr.sources({"azure-arm"})
	some i, d in v.blocks(s.config, _sigd)
	some j, r in v.blocks(d, "target_region")
	not v.has(r, "disk_encryption_set_id")
}

deny contains {
	"resource": s.id, "sub": "replica-region",
	"path": [_sigd, i, "target_region", j, "disk_encryption_set_id"], "actual": "",
} if {
	some s in pkr.sources({"azure-arm"})
	some i, d in v.blocks(s.config, _sigd)
	some j, r in v.blocks(d, "target_region")
	r.disk_encryption_set_id == ""
}

unknown contains {
	"resource": s.id,
	"sub": "replica-region",
	"path": [_sigd, i, "target_region"],
	"reason": d.target_region.__unknown__,
} if {
	some s in pkr.sources({"azure-arm"})
	some i, d in v.blocks(s.config, _sigd)
	v.is_unknown(d.target_region)
}

unknown contains {
	"resource": s.id, "sub": "replica-region",
	"path": [_sigd, i, "target_region", j, "disk_encryption_set_id"], "reason": r.disk_encryption_set_id.__unknown__,
} if {
	some s in pkr.sources({"azure-arm"})
	some i, d in v.blocks(s.config, _sigd)
	some j, r in v.blocks(d, "target_region")
	v.is_unknown(r.disk_encryption_set_id)
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

# A key block names a key (KMS or customer-supplied), known or not. JSON templates match case-insensitively.
_key_given(k) if {
	some name, val in k
	lower(name) in {"kmskeyname", "rawkey"}
	_given(val)
}

_key_known(k) if {
	some name, val in k
	lower(name) in {"kmskeyname", "rawkey"}
	v.literal_string(val)
}

_given(val) if v.literal_string(val)

_given(val) if v.is_unknown(val)

_azure_cmk(config) if v.literal_string(config.disk_encryption_set_id)

_azure_cmk(config) if v.is_true(config.encryption_at_host)

_azure_unknown(config) if {
	some k in ["disk_encryption_set_id", "encryption_at_host"]
	v.is_unknown(config[k])
}

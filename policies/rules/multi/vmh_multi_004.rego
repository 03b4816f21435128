# METADATA
# title: VM disks holding restricted data use customer-managed keys, and disk keys are never written in code
# description: |
#   Provider-managed disk encryption protects against lost media, not against the provider's own
#   operators or a compromised provider account; restricted data calls for keys the customer controls
#   and can revoke. A raw customer-supplied key written in a configuration file is a plain secret
#   in the repository and in Terraform state.
# custom:
#   id: VMH-MULTI-004
#   severity: medium
#   message: Restricted VM disk is not encrypted with a customer-managed key
#   remediation: |
#     Azure: set encryption_at_host_enabled = true and os_disk { disk_encryption_set_id =
#     azurerm_disk_encryption_set.x.id } (azurerm_managed_disk: disk_encryption_set_id). GCP: set
#     kms_key_self_link = google_kms_crypto_key.x.id on boot_disk / attached_disk /
#     disk_encryption_key. Never put raw or RSA-wrapped keys in code: use Cloud KMS keys.
#   secret: true
#   controls:
#     iso27017: [CLD.9.5.2]
#     iso27002: [A.8.24]
#     soc2: [CC6.1]
#     cis: [CIS Azure v1.1.0 7.2, CIS GCP v1.2.0 4.7]
#     nist: [SC-12, SC-13, SC-28, SC-28(1)]
#   subresults:
#     raw-key:
#       severity: critical
#       message: Disk encryption key is written in the configuration
#   inputs: [terraform]
#   equivalents: [CKV_AZURE_151, CKV_AZURE_97, CKV_AZURE_93, CKV2_AZURE_14, CKV_GCP_37, CKV_GCP_38,
#     AVD-GCP-0033, AVD-GCP-0034, AVD-GCP-0037, FG_R00196, FG_R00197, FG_R00417]
package controlgate.rules.vmh_multi_004

import data.controlgate.lib.tags
import data.controlgate.lib.terraform as tf
import data.controlgate.lib.tri
import data.controlgate.lib.values as v

_azure_vms := {
	"azurerm_linux_virtual_machine", "azurerm_windows_virtual_machine",
	"azurerm_linux_virtual_machine_scale_set", "azurerm_windows_virtual_machine_scale_set",
}

_types := (_azure_vms | {"azurerm_managed_disk"}) | {"google_compute_instance", "google_compute_disk"}

applies contains r.id if some r in tf.resources(_types)

deny contains tri.failure(c) if some c in _checks

unknown contains u if {
	some c in _checks
	some u in tri.unknown_records(c)
}

# ---------------------------------------------------------------------------------------------
# Raw keys in code (any resource, any classification). The key is never reported.

_checks contains {"resource": r.id, "path": [b, i, k], "sub": "raw-key", "when": _literal_key(d, k)} if {
	some r in tf.resources({"google_compute_instance"})
	some b in ["boot_disk", "attached_disk"]
	some i, d in v.blocks(r.config, b)
	some k in ["disk_encryption_key_raw", "disk_encryption_key_rsa"]
}

_checks contains {
	"resource": r.id, "path": ["disk_encryption_key", i, k], "sub": "raw-key",
	"when": _literal_key(d, k),
} if {
	some r in tf.resources({"google_compute_disk"})
	some i, d in v.blocks(r.config, "disk_encryption_key")
	some k in ["raw_key", "rsa_encrypted_key"]
}

default _literal_key(_, _) := false

_literal_key(d, k) if v.literal_string(d[k])

# ---------------------------------------------------------------------------------------------
# Customer-managed keys for restricted resources.

_restricted(types) := [r |
	some r in tf.resources(types)
	tags.restricted(r)
]

# A required key left out; not evaluated when its value is unknown and may be null (not a
# resource reference, tf.unresolved).
_missing(path, obj, key) := {"path": path, "reason": obj[key].__unknown__} if {
	tf.unresolved(obj[key])
} else := v.unset(obj, key)

_os_disk_des(r) := d.disk_encryption_set_id if {
	some d in v.blocks(r.config, "os_disk")
	v.has(d, "disk_encryption_set_id")
}

_azure_cmk(r) if v.is_true(r.config.encryption_at_host_enabled)

_azure_cmk(r) if tf.set_value(_os_disk_des(r))

_azure_unresolved(r) := r.config.encryption_at_host_enabled.__unknown__ if {
	v.is_unknown(r.config.encryption_at_host_enabled)
}

else := _os_disk_des(r).__unknown__ if tf.unresolved(_os_disk_des(r))

# Neither encryption at host nor a disk encryption set; an unknown setting of either is not
# evaluated (the first, under encryption_at_host_enabled).
_checks contains {"resource": r.id, "path": p, "when": tri.of_reasons(p, [x | x := _azure_unresolved(r)], true)} if {
	some r in _restricted(_azure_vms)
	not _azure_cmk(r)
	p := ["encryption_at_host_enabled"]
}

_checks contains {"resource": r.id, "path": p, "when": _missing(p, r.config, "disk_encryption_set_id")} if {
	some r in _restricted({"azurerm_managed_disk"})
	p := ["disk_encryption_set_id"]
}

# GCP: every disk of a restricted instance, and restricted disks, need kms_key_self_link.
_checks contains {"resource": r.id, "path": p, "when": _missing(p, d, "kms_key_self_link")} if {
	some r in _restricted({"google_compute_instance"})
	some b in ["boot_disk", "attached_disk"]
	some i, d in v.blocks(r.config, b)
	p := [b, i, "kms_key_self_link"]
}

_checks contains {"resource": r.id, "path": [k], "when": v.unset(r.config, k)} if {
	some r in _restricted({"google_compute_disk"})
	k := "disk_encryption_key"
}

_checks contains {"resource": r.id, "path": p, "when": _missing(p, d, "kms_key_self_link")} if {
	some r in _restricted({"google_compute_disk"})
	some i, d in v.blocks(r.config, "disk_encryption_key")
	p := ["disk_encryption_key", i, "kms_key_self_link"]
}

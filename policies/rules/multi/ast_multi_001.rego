# METADATA
# title: Encryption keys and key vaults keep a full recovery window before they can be destroyed
# description: |
#   Destroying a key destroys every piece of data encrypted with it. A waiting period before the
#   key material is gone, and vaults that cannot be purged early, turn an accidental or malicious
#   deletion into a recoverable event instead of permanent data loss.
# custom:
#   id: AST-MULTI-001
#   severity: medium
#   message: Key or key vault can be destroyed without a 30-day recovery window
#   remediation: |
#     AWS: leave deletion_window_in_days at 30. GCP: keep destroy_scheduled_duration = "2592000s" (the
#     current default). Azure: set purge_protection_enabled = true and soft_delete_retention_days = 90
#     on azurerm_key_vault, and do not set features { key_vault { purge_soft_delete_on_destroy = true } }
#     in production. Add lifecycle { prevent_destroy = true } to keys.
#   controls:
#     iso27017: [CLD.8.1.5, CLD.12.1.5]
#     iso27002: [A.8.24, A.8.10, A.5.23]
#     soc2: [CC6.1, CC6.5, C1.2]
#     cis: [CIS Azure v1.x 8.4]
#     nist: [SC-12, SC-12(2)]
#   subresults:
#     retention:
#       severity: low
#       message: Key vault keeps deleted items for less than 90 days
#     provider-purge:
#       severity: low
#       message: azurerm provider purges soft-deleted key vaults on destroy
#   inputs: [terraform]
#   equivalents: [CKV_AZURE_42, CKV_AZURE_110, AVD-AZU-0016, FG_R00227]
package controlgate.rules.ast_multi_001

import data.controlgate.lib.terraform as tf
import data.controlgate.lib.values as v

_window_days := 30

_window_seconds := 2592000

applies contains r.id if some r in tf.resources({"aws_kms_key", "google_kms_crypto_key", "azurerm_key_vault"})

applies contains p.id if some p in _azurerm_providers

deny contains {"resource": r.id, "path": ["deletion_window_in_days"], "actual": r.config.deletion_window_in_days} if {
	some r in tf.resources({"aws_kms_key"})
	v.number(r.config.deletion_window_in_days) < _window_days
}

deny contains {
	"resource": r.id,
	"path": ["destroy_scheduled_duration"],
	"actual": r.config.destroy_scheduled_duration,
} if {
	some r in tf.resources({"google_kms_crypto_key"})
	_seconds(r.config.destroy_scheduled_duration) < _window_seconds
}

# "86400s", "86400.5s"
_seconds(d) := to_number(trim_suffix(d, "s")) if {
	is_string(d)
	regex.match(`^[0-9]+(\.[0-9]+)?s$`, d)
}

deny contains {"resource": r.id, "path": ["purge_protection_enabled"]} if {
	some r in tf.resources({"azurerm_key_vault"})
	not v.has(r.config, "purge_protection_enabled")
}

deny contains {"resource": r.id, "path": ["purge_protection_enabled"], "actual": r.config.purge_protection_enabled} if {
	some r in tf.resources({"azurerm_key_vault"})
	v.is_false(r.config.purge_protection_enabled)
}

deny contains {
	"resource": r.id,
	"path": ["soft_delete_retention_days"],
	"sub": "retention",
	"actual": r.config.soft_delete_retention_days,
} if {
	some r in tf.resources({"azurerm_key_vault"})
	v.number(r.config.soft_delete_retention_days) < 90
}

_azurerm_providers contains p if {
	some p in input.terraform.providers
	p.name == "azurerm"
}

deny contains {
	"resource": p.id,
	"path": ["features", i, "key_vault", j, "purge_soft_delete_on_destroy"],
	"sub": "provider-purge",
	"actual": kv.purge_soft_delete_on_destroy,
} if {
	some p in _azurerm_providers
	some i, f in v.blocks(p.config, "features")
	some j, kv in v.blocks(f, "key_vault")
	v.is_true(kv.purge_soft_delete_on_destroy)
}

unknown contains {"resource": r.id, "path": [k], "reason": reason} if {
	some r in tf.resources({"aws_kms_key", "google_kms_crypto_key", "azurerm_key_vault"})
	some k in ["deletion_window_in_days", "destroy_scheduled_duration", "purge_protection_enabled"]
	v.is_unknown(r.config[k])
	reason := r.config[k].__unknown__
}

unknown contains {
	"resource": r.id,
	"path": ["soft_delete_retention_days"],
	"sub": "retention",
	"reason": r.config.soft_delete_retention_days.__unknown__,
} if {
	some r in tf.resources({"azurerm_key_vault"})
	v.is_unknown(r.config.soft_delete_retention_days)
}

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
import data.controlgate.lib.tri
import data.controlgate.lib.values as v

_window_days := 30

_window_seconds := 2592000

_types := {"aws_kms_key", "google_kms_crypto_key", "azurerm_key_vault"}

applies contains r.id if some r in tf.resources(_types)

applies contains p.id if some p in _azurerm_providers

deny contains tri.failure(c) if some c in _checks

unknown contains u if {
	some c in _checks
	some u in tri.unknown_records(c)
}

# A short deletion window (aws_kms_key, google_kms_crypto_key) or a key vault without purge
# protection. An unknown value of any of the three settings is not evaluated on each of the types.
_checks contains object.union(
	{"resource": r.id, "path": [k], "when": tri.of([k], x, _short(r.type, k, r.config))},
	v.actual(r.config, k),
) if {
	some r in tf.resources(_types)
	some k in ["deletion_window_in_days", "destroy_scheduled_duration", "purge_protection_enabled"]
	x := object.get(r.config, k, null)
}

default _short(_, _, _) := false

_short("aws_kms_key", "deletion_window_in_days", c) if v.number(c.deletion_window_in_days) < _window_days

_short("google_kms_crypto_key", "destroy_scheduled_duration", c) if {
	_seconds(c.destroy_scheduled_duration) < _window_seconds
}

_short("azurerm_key_vault", "purge_protection_enabled", c) if not v.has(c, "purge_protection_enabled")

_short("azurerm_key_vault", "purge_protection_enabled", c) if v.is_false(c.purge_protection_enabled)

# "86400s", "86400.5s"
_seconds(d) := to_number(trim_suffix(d, "s")) if {
	is_string(d)
	regex.match(`^[0-9]+(\.[0-9]+)?s$`, d)
}

_checks contains object.union(
	{"resource": r.id, "path": [k], "sub": "retention", "when": tri.of([k], x, _below(x, 90))},
	v.actual(r.config, k),
) if {
	some r in tf.resources({"azurerm_key_vault"})
	k := "soft_delete_retention_days"
	x := object.get(r.config, k, null)
}

default _below(_, _) := false

_below(x, n) if v.number(x) < n

_azurerm_providers contains p if {
	some p in input.terraform.providers
	p.name == "azurerm"
}

_checks contains {
	"resource": p.id,
	"path": ["features", i, "key_vault", j, "purge_soft_delete_on_destroy"],
	"sub": "provider-purge",
	"actual": kv.purge_soft_delete_on_destroy,
	"when": kv.purge_soft_delete_on_destroy in v.truthy,
} if {
	some p in _azurerm_providers
	some i, f in v.blocks(p.config, "features")
	some j, kv in v.blocks(f, "key_vault")
}

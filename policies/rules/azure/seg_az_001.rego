# METADATA
# title: Azure storage does not let anyone read blobs anonymously
# description: |
#   A container with container_access_type "blob" or "container" serves its blobs (and, for
#   "container", its listing) to anyone on the Internet without credentials: the tenant's data is
#   public, high severity. The account switch allow_nested_items_to_be_public (azurerm 3 and 4;
#   allow_blob_public_access in azurerm 2) is the guardrail that stops a container from being made
#   public; azurerm 3 and 4 default it to true, so an account that leaves it out allows anonymous
#   containers. A missing guardrail alone is medium.
# custom:
#   id: SEG-AZ-001
#   severity: high
#   message: Storage container allows anonymous public read access
#   remediation: |
#     Set container_access_type = "private" (the default) on azurerm_storage_container, and
#     allow_nested_items_to_be_public = false on azurerm_storage_account (allow_blob_public_access =
#     false with azurerm 2); share data with SAS tokens or Entra ID roles instead.
#   controls:
#     iso27017: [CLD.9.5.1]
#     iso27002: [A.8.3, A.5.15, A.8.12, A.5.23]
#     soc2: [CC6.1, CC6.6]
#     cis: [CIS Azure v1.3.0 3.5]
#     nist: [AC-3, AC-4, AC-6, AC-21, SC-7]
#   subresults:
#     account-allows:
#       severity: medium
#       message: Storage account lets containers be made public (allow_nested_items_to_be_public)
#   inputs: [terraform]
#   equivalents: [CKV_AZURE_34, CKV_AZURE_190, AVD-AZU-0007]
package controlgate.rules.seg_az_001

import data.controlgate.lib.terraform as tf
import data.controlgate.lib.tri
import data.controlgate.lib.values as v

applies contains r.id if some r in tf.resources({"azurerm_storage_account", "azurerm_storage_container"})

deny contains tri.failure(c) if some c in _checks

unknown contains tri.unknown(c) if some c in _checks

_checks contains tri.fails_if_in(
	{"resource": r.id}, [], r.config,
	"container_access_type", null, {"blob", "container"},
) if {
	some r in tf.resources({"azurerm_storage_container"})
}

# The account switch under either name (the first set, else the azurerm 4 name); absent in both,
# azurerm 3 and 4 allow. The sub names the failure only.
_checks contains tri.fails_if_in(
	{"resource": r.id, "on_failure": {"sub": "account-allows"}}, [], r.config,
	_switch_key(r.config), null, {true, "true", null},
) if {
	some r in tf.resources({"azurerm_storage_account"})
}

# Both names set is not valid azurerm, but must not give two keys (a conflict aborts the evaluation):
# the first name in this order wins.
_switch_key(c) := ks[0] if {
	ks := [k | some k in ["allow_nested_items_to_be_public", "allow_blob_public_access"]; v.has(c, k)]
	count(ks) > 0
} else := "allow_nested_items_to_be_public"

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
import data.controlgate.lib.values as v

applies contains r.id if some r in tf.resources({"azurerm_storage_account", "azurerm_storage_container"})

deny contains {"resource": r.id, "path": ["container_access_type"], "actual": r.config.container_access_type} if {
	some r in tf.resources({"azurerm_storage_container"})
	r.config.container_access_type in {"blob", "container"}
}

unknown contains {
	"resource": r.id,
	"path": ["container_access_type"],
	"reason": r.config.container_access_type.__unknown__,
} if {
	some r in tf.resources({"azurerm_storage_container"})
	v.is_unknown(r.config.container_access_type)
}

# The account switch under either name: [attribute, state] with state "yes" (public allowed),
# "no" or "unknown". Absent in both: azurerm 3 and 4 allow.
_switch(c) := [k, _state(c[k])] if {
	some k in ["allow_nested_items_to_be_public", "allow_blob_public_access"]
	v.has(c, k)
} else := ["allow_nested_items_to_be_public", "absent"]

_state(x) := "unknown" if v.is_unknown(x)

else := "yes" if v.is_true(x)

else := "no"

deny contains object.union({"resource": r.id, "path": [k], "sub": "account-allows"}, _actual(r.config, k)) if {
	some r in tf.resources({"azurerm_storage_account"})
	[k, state] := _switch(r.config)
	state in {"yes", "absent"}
}

_actual(c, k) := {"actual": c[k]} if v.has(c, k)

else := {}

unknown contains {"resource": r.id, "path": [k], "reason": reason} if {
	some r in tf.resources({"azurerm_storage_account"})
	[k, state] := _switch(r.config)
	state == "unknown"
	reason := r.config[k].__unknown__
}

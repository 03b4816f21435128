# METADATA
# title: A security contact is registered with the cloud provider
# description: |
#   Providers send abuse reports, compromised-credential notices and security advisories to the
#   contacts registered on the account, subscription or organization. Without a security contact
#   these go to billing or owner addresses that may not be watched by anyone able to respond.
# custom:
#   id: SHR-MULTI-001
#   severity: low
#   message: No security contact is registered with the provider
#   remediation: |
#     AWS: declare aws_account_alternate_contact with alternate_contact_type = "SECURITY". Azure: set
#     email and alert_notifications = true on azurerm_security_center_contact. GCP: subscribe a
#     google_essential_contacts_contact to "SECURITY" (or "ALL"). Use a monitored distribution list.
#   controls:
#     iso27017: [CLD.6.3.1, CLD.12.4.5]
#     iso27002: [A.5.2, A.5.5, A.5.24, A.5.23]
#     soc2: [CC2.3, CC9.2]
#     cis: [CIS AWS v3.0.0 1.2, CIS Azure v1.3.0 2.13/2.14, CIS GCP 1.16]
#     nist: [IR-6, IR-7, SA-9]
#   inputs: [terraform]
#   equivalents: [AVD-AZU-0044, AVD-AZU-0062, AVD-AZU-0063, AVD-AZU-0064, CKV_AZURE_131, CKV_AZURE_21,
#     CKV_AZURE_22, FG_R00468]
package controlgate.rules.shr_multi_001

import data.controlgate.lib.terraform as tf
import data.controlgate.lib.tri
import data.controlgate.lib.values as v

_types := {
	"aws_account_alternate_contact", "azurerm_security_center_contact",
	"google_essential_contacts_contact",
}

applies contains r.id if some r in tf.resources(_types)

deny contains tri.failure(c) if some c in _checks

unknown contains u if {
	some c in _checks
	some u in tri.unknown_records(c)
}

# AWS: a module that manages alternate contacts but none of type SECURITY. An unknown type is not
# evaluated; while one is, the module's known contacts are not reported.
_checks contains {"resource": r.id, "path": p, "actual": x, "when": tri.all_hold([
	tri.negate(_aws_security_contact(r)),
	tri.of(p, x, _aws_decided(r)),
])} if {
	some r in tf.resources({"aws_account_alternate_contact"})
	p := ["alternate_contact_type"]
	x := r.config.alternate_contact_type
}

default _aws_security_contact(_) := false

_aws_security_contact(r) if {
	some x in tf.in_module(r, "aws_account_alternate_contact")
	x.config.alternate_contact_type == "SECURITY"
}

# No contact type in the module is unknown.
default _aws_decided(_) := true

_aws_decided(r) := false if {
	some x in tf.in_module(r, "aws_account_alternate_contact")
	v.is_unknown(x.config.alternate_contact_type)
}

# Azure: the Defender contact needs an email and alert notifications.
_checks contains {"resource": r.id, "path": [k], "when": tri.negate(tri.of([k], x, _non_empty(r.config, k)))} if {
	some r in tf.resources({"azurerm_security_center_contact"})
	k := "email"
	x := object.get(r.config, k, null)
}

_checks contains object.union(
	{"resource": r.id, "path": [k], "when": tri.negate(tri.of([k], x, x in v.truthy))},
	_actual(r.config, k),
) if {
	some r in tf.resources({"azurerm_security_center_contact"})
	k := "alert_notifications"
	x := object.get(r.config, k, false)
}

default _non_empty(_, _) := false

_non_empty(c, k) if {
	is_string(c[k])
	c[k] != ""
}

_actual(c, k) := {"actual": c[k]} if v.has(c, k)

else := {}

# GCP: a module that manages essential contacts but none subscribed to SECURITY or ALL. Unknown
# subscriptions (the list or its elements) are not evaluated; while some are, the module's known
# contacts are not reported.
_checks contains {"resource": r.id, "path": p, "actual": subs, "when": tri.all_hold([
	tri.negate(_gcp_security_contact(r)),
	tri.of_reasons(p, [u.__unknown__ | some u in _unknown_items(subs)], _gcp_decided(r, subs)),
])} if {
	some r in tf.resources({"google_essential_contacts_contact"})
	p := ["notification_category_subscriptions"]
	subs := r.config.notification_category_subscriptions
}

default _gcp_security_contact(_) := false

_gcp_security_contact(r) if {
	some x in tf.in_module(r, "google_essential_contacts_contact")
	some c in x.config.notification_category_subscriptions
	c in {"SECURITY", "ALL"}
}

# Known subscriptions, and none unknown in the module.
default _gcp_decided(_, _) := false

_gcp_decided(r, subs) if {
	is_array(subs)
	not _gcp_unknown_contact(r)
}

_gcp_unknown_contact(r) if {
	some x in tf.in_module(r, "google_essential_contacts_contact")
	v.any_unknown(x.config.notification_category_subscriptions)
}

_unknown_items(x) := [x] if v.is_unknown(x)

else := [y | some y in x; v.is_unknown(y)]

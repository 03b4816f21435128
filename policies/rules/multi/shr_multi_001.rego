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
import data.controlgate.lib.values as v

_types := {
	"aws_account_alternate_contact", "azurerm_security_center_contact",
	"google_essential_contacts_contact",
}

applies contains r.id if some r in tf.resources(_types)

# AWS: a module that manages alternate contacts but none of type SECURITY.
deny contains {"resource": r.id, "path": ["alternate_contact_type"], "actual": r.config.alternate_contact_type} if {
	some r in tf.resources({"aws_account_alternate_contact"})
	v.known(r.config.alternate_contact_type)
	not _aws_security_contact(r)
	not _aws_unknown_contact(r)
}

_aws_security_contact(r) if {
	some x in tf.in_module(r, "aws_account_alternate_contact")
	x.config.alternate_contact_type == "SECURITY"
}

_aws_unknown_contact(r) if {
	some x in tf.in_module(r, "aws_account_alternate_contact")
	v.is_unknown(x.config.alternate_contact_type)
}

unknown contains {
	"resource": r.id,
	"path": ["alternate_contact_type"],
	"reason": r.config.alternate_contact_type.__unknown__,
} if {
	some r in tf.resources({"aws_account_alternate_contact"})
	v.is_unknown(r.config.alternate_contact_type)
	not _aws_security_contact(r)
}

# Azure: the Defender contact needs an email and alert notifications.
deny contains {"resource": r.id, "path": ["email"]} if {
	some r in tf.resources({"azurerm_security_center_contact"})
	not _non_empty(r.config, "email")
	not v.is_unknown(object.get(r.config, "email", null))
}

deny contains object.union(
	{"resource": r.id, "path": ["alert_notifications"]},
	_actual(r.config, "alert_notifications"),
) if {
	some r in tf.resources({"azurerm_security_center_contact"})
	not v.is_true(object.get(r.config, "alert_notifications", false))
	not v.is_unknown(object.get(r.config, "alert_notifications", false))
}

_non_empty(c, k) if {
	is_string(c[k])
	c[k] != ""
}

_actual(c, k) := {"actual": c[k]} if v.has(c, k)

else := {}

# GCP: a module that manages essential contacts but none subscribed to SECURITY or ALL.
deny contains {
	"resource": r.id,
	"path": ["notification_category_subscriptions"],
	"actual": r.config.notification_category_subscriptions,
} if {
	some r in tf.resources({"google_essential_contacts_contact"})
	is_array(r.config.notification_category_subscriptions)
	not _gcp_security_contact(r)
	not _gcp_unknown_contact(r)
}

_gcp_security_contact(r) if {
	some x in tf.in_module(r, "google_essential_contacts_contact")
	some c in x.config.notification_category_subscriptions
	c in {"SECURITY", "ALL"}
}

_gcp_unknown_contact(r) if {
	some x in tf.in_module(r, "google_essential_contacts_contact")
	v.any_unknown(x.config.notification_category_subscriptions)
}

unknown contains {"resource": r.id, "path": ["notification_category_subscriptions"], "reason": u.__unknown__} if {
	some r in tf.resources({"google_essential_contacts_contact"})
	not _gcp_security_contact(r)
	subs := r.config.notification_category_subscriptions
	some u in _unknown_items(subs)
}

_unknown_items(x) := [x] if v.is_unknown(x)

else := [y | some y in x; v.is_unknown(y)]

unknown contains {"resource": r.id, "path": [k], "reason": reason} if {
	some r in tf.resources({"azurerm_security_center_contact"})
	some k in ["email", "alert_notifications"]
	v.is_unknown(r.config[k])
	reason := r.config[k].__unknown__
}

package controlgate.rules.shr_multi_001_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.shr_multi_001 as rule

test_aws_contacts_without_security_fail if {
	inp := t.tf_inputs([
		["aws_account_alternate_contact", {"alternate_contact_type": "BILLING", "email_address": "billing@example.com"}],
		["aws_account_alternate_contact", {"alternate_contact_type": "OPERATIONS", "email_address": "ops@example.com"}],
	])
	rule.deny == {
		{"resource": "r0", "path": ["alternate_contact_type"], "actual": "BILLING"},
		{"resource": "r1", "path": ["alternate_contact_type"], "actual": "OPERATIONS"},
	} with input as inp
	rule.applies == {"r0", "r1"} with input as inp
}

test_aws_security_contact_passes if {
	inp := t.tf_inputs([
		["aws_account_alternate_contact", {"alternate_contact_type": "BILLING"}],
		["aws_account_alternate_contact", {"alternate_contact_type": "SECURITY"}],
	])
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_azure_contact_incomplete_fails if {
	inp := t.tf_inputs([
		["azurerm_security_center_contact", {"alert_notifications": false, "alerts_to_admins": true}],
		["azurerm_security_center_contact", {"email": "sec@example.com"}],
	])
	rule.deny == {
		{"resource": "r0", "path": ["email"]},
		{"resource": "r0", "path": ["alert_notifications"], "actual": false},
		{"resource": "r1", "path": ["alert_notifications"]},
	} with input as inp
}

test_azure_contact_complete_passes if {
	inp := t.tf_input("azurerm_security_center_contact", {"email": "sec@example.com", "alert_notifications": true, "alerts_to_admins": true})
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_gcp_contacts if {
	bad := t.tf_input("google_essential_contacts_contact", {"email": "a@example.com", "notification_category_subscriptions": ["BILLING"]})
	rule.deny == {{"resource": "r0", "path": ["notification_category_subscriptions"], "actual": ["BILLING"]}} with input as bad
	good := t.tf_inputs([
		["google_essential_contacts_contact", {"notification_category_subscriptions": ["BILLING"]}],
		["google_essential_contacts_contact", {"notification_category_subscriptions": ["SECURITY", "TECHNICAL"]}],
	])
	count(rule.deny) == 0 with input as good
}

test_unknown_not_evaluated if {
	inp := t.tf_inputs([
		["aws_account_alternate_contact", {"alternate_contact_type": t.unknown("each.key")}],
		["azurerm_security_center_contact", {"email": t.unknown("var.email"), "alert_notifications": true}],
		["google_essential_contacts_contact", {"notification_category_subscriptions": [t.unknown("var.cat")]}],
	])
	count(rule.deny) == 0 with input as inp
	rule.unknown == {
		{"resource": "r0", "path": ["alternate_contact_type"], "reason": "each.key"},
		{"resource": "r1", "path": ["email"], "reason": "var.email"},
		{"resource": "r2", "path": ["notification_category_subscriptions"], "reason": "var.cat"},
	} with input as inp
}

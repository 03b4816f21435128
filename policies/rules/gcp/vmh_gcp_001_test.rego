package controlgate.rules.vmh_gcp_001_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.vmh_gcp_001 as rule

test_email_absent_fails if {
	inp := t.tf_input("google_compute_instance", {"name": "vm", "service_account": [{"scopes": ["logging-write"]}]})
	rule.deny == {{"resource": "r0", "path": ["service_account", 0, "email"]}} with input as inp
	rule.applies == {"r0"} with input as inp
}

test_default_email_fails if {
	sa := {"email": "123456789012-compute@developer.gserviceaccount.com", "scopes": ["storage-ro"]}
	inp := t.tf_input("google_compute_instance_template", {"service_account": [sa]})
	rule.deny == {{"resource": "r0", "path": ["service_account", 0, "email"], "actual": sa.email}} with input as inp
}

test_empty_email_fails if {
	inp := t.tf_input("google_compute_instance", {"service_account": [{"email": "", "scopes": []}]})
	rule.deny == {{"resource": "r0", "path": ["service_account", 0, "email"], "actual": ""}} with input as inp
}

test_default_with_cloud_platform_is_critical if {
	inp := t.tf_input("google_compute_instance", {"service_account": [{"scopes": ["https://www.googleapis.com/auth/cloud-platform"]}]})
	rule.deny == {{
		"resource": "r0", "sub": "full-scope", "path": ["service_account", 0, "scopes"],
		"actual": ["https://www.googleapis.com/auth/cloud-platform"],
	}} with input as inp
}

test_dedicated_sa_passes if {
	sa := {"email": "app@proj.iam.gserviceaccount.com", "scopes": ["cloud-platform"]}
	inp := t.tf_input("google_compute_instance", {"service_account": [sa]})
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
	rule.applies == {"r0"} with input as inp
}

test_block_absent_passes if {
	inp := t.tf_input("google_compute_instance", {"name": "vm"})
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_unknown_email_not_evaluated if {
	inp := t.tf_input("google_compute_instance", {"service_account": [{"email": t.unknown("var.sa_email"), "scopes": ["cloud-platform"]}]})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "r0", "path": ["service_account", 0, "email"], "reason": "var.sa_email"}} with input as inp
}

# A service account the configuration creates is never the default one; the default account's data
# source is.
test_email_of_a_created_account_passes_and_the_default_data_source_fails if {
	inp := t.tf_inputs([
		["google_compute_instance", {"service_account": [{"email": t.unknown("google_service_account.app.email"), "scopes": ["cloud-platform"]}]}],
		["google_compute_instance", {"service_account": [{"email": t.unknown("data.google_compute_default_service_account.default.email"), "scopes": ["userinfo-email"]}]}],
	])
	rule.deny == {{"resource": "r1", "path": ["service_account", 0, "email"], "actual": t.unknown("data.google_compute_default_service_account.default.email")}} with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_unknown_scopes_leave_escalation_open if {
	inp := t.tf_input("google_compute_instance", {"service_account": [{"scopes": t.unknown("var.scopes")}]})
	rule.deny == {{"resource": "r0", "path": ["service_account", 0, "email"]}} with input as inp
	rule.unknown == {{"resource": "r0", "sub": "full-scope", "path": ["service_account", 0, "scopes"], "reason": "var.scopes"}} with input as inp
}

test_dynamic_block_not_evaluated if {
	inp := t.tf_input("google_compute_instance", {"service_account": t.unknown(`dynamic "service_account"`)})
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 1 with input as inp
}

package controlgate.rules.adm_multi_001_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.adm_multi_001 as rule

test_keys_fail if {
	inp := t.tf_inputs([
		["aws_iam_access_key", {"user": t.unknown("aws_iam_user.ci.name")}],
		["google_service_account_key", {"service_account_id": t.unknown("google_service_account.ci.name")}],
		["azuread_application_password", {"application_id": t.unknown("azuread_application.app.id")}],
	])
	rule.deny == {
		{"resource": "r0", "path": []},
		{"resource": "r1", "path": []},
		{"resource": "r2", "path": [], "sub": "entra-secret"},
	} with input as inp
	count(rule.applies) == 3 with input as inp
}

test_federation_passes if {
	inp := t.tf_inputs([
		["aws_iam_role", {"name": "ci"}],
		["azuread_application_federated_identity_credential", {"issuer": "https://token.actions.githubusercontent.com"}],
	])
	count(rule.deny) == 0 with input as inp
	count(rule.applies) == 0 with input as inp
}

test_unknown_attributes_do_not_matter if {
	inp := t.tf_input("aws_iam_access_key", {"user": t.unknown("var.user"), "pgp_key": t.unknown("var.pgp")})
	rule.deny == {{"resource": "r0", "path": []}} with input as inp
}

package controlgate.rules.vmh_pkr_008_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.vmh_pkr_008 as rule

_sa := "packer-build@my-images.iam.gserviceaccount.com"

_cp := "https://www.googleapis.com/auth/cloud-platform"

test_default_account_fails if {
	inp := t.pkr_input("googlecompute", {"project_id": "p", "zone": "europe-west1-b"})
	rule.deny == {{"resource": "s0", "path": ["service_account_email"]}} with input as inp
	rule.applies == {"s0"} with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_default_account_not_disabled_fails if {
	inp := t.pkr_input("googlecompute", {"disable_default_service_account": false, "service_account_email": ""})
	rule.deny == {{"resource": "s0", "path": ["disable_default_service_account"], "actual": false}} with input as inp
}

test_default_account_named_explicitly_fails if {
	inp := t.pkr_input("googlecompute", {"service_account_email": "123456789012-compute@developer.gserviceaccount.com"})
	rule.deny == {{
		"resource": "s0", "path": ["service_account_email"],
		"actual": "123456789012-compute@developer.gserviceaccount.com",
	}} with input as inp
}

test_default_account_with_cloud_platform_scope_fails_twice if {
	inp := t.pkr_input("googlecompute", {"scopes": [_cp]})
	rule.deny == {
		{"resource": "s0", "path": ["service_account_email"]},
		{"resource": "s0", "sub": "broad-scopes", "path": ["scopes"], "actual": [_cp]},
	} with input as inp
}

test_dedicated_account_with_cloud_platform_scope_is_low if {
	inp := t.pkr_input("googlecompute", {"service_account_email": _sa, "scopes": ["cloud-platform"]})
	rule.deny == {{"resource": "s0", "sub": "broad-scopes", "path": ["scopes"], "actual": ["cloud-platform"]}} with input as inp
}

test_dedicated_account_narrow_scopes_passes if {
	cfg := {"service_account_email": _sa, "scopes": ["https://www.googleapis.com/auth/devstorage.read_only"]}
	inp := t.pkr_input("googlecompute", cfg)
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_no_account_passes_whatever_the_scopes if {
	inp := t.pkr_input("googlecompute", {"disable_default_service_account": "true", "scopes": [_cp, t.unknown("var.s")]})
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_unknown_account_not_evaluated if {
	inp := t.pkr_input("googlecompute", {"service_account_email": t.unknown("var.build_sa")})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "s0", "path": ["service_account_email"], "reason": "var.build_sa"}} with input as inp
}

test_unknown_disable_flag_not_evaluated if {
	inp := t.pkr_input("googlecompute", {"disable_default_service_account": t.unknown("var.no_sa")})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "s0", "path": ["disable_default_service_account"], "reason": "var.no_sa"}} with input as inp
}

test_unknown_scopes_not_evaluated if {
	every scopes in [t.unknown("var.scopes"), ["https://www.googleapis.com/auth/logging.write", t.unknown("var.scopes")]] {
		rule.unknown == {{"resource": "s0", "sub": "broad-scopes", "path": ["scopes"], "reason": "var.scopes"}} with input as t.pkr_input("googlecompute", {"service_account_email": _sa, "scopes": scopes})
		count(rule.deny) == 0 with input as t.pkr_input("googlecompute", {"service_account_email": _sa, "scopes": scopes})
	}
}

test_other_builders_ignored if {
	inp := t.pkr_input("azure-arm", {})
	count(rule.applies) == 0 with input as inp
	count(rule.deny) == 0 with input as inp
}

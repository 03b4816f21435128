package controlgate.rules.adm_gcp_001_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.adm_gcp_001 as rule

_sa := "serviceAccount:app@proj.iam.gserviceaccount.com"

test_editor_to_sa_fails if {
	inp := t.tf_input("google_project_iam_member", {"project": "p", "role": "roles/editor", "member": _sa})
	rule.deny == {{"resource": "r0", "path": ["member"], "actual": _sa}} with input as inp
	rule.applies == {"r0"} with input as inp
}

test_admin_role_binding_to_sa_reference_fails if {
	m := t.unknown("serviceAccount:${google_service_account.app.email}")
	inp := t.tf_input("google_folder_iam_binding", {"role": "roles/compute.admin", "members": ["user:a@example.com", m]})
	rule.deny == {{"resource": "r0", "path": ["members"], "actual": m}} with input as inp
}

test_token_creator_to_user_fails if {
	inp := t.tf_input("google_organization_iam_member", {"role": "roles/iam.serviceAccountTokenCreator", "member": "group:devs@example.com"})
	rule.deny == {{"resource": "r0", "path": ["member"], "actual": "group:devs@example.com"}} with input as inp
}

test_default_sa_grant_is_medium if {
	m := "serviceAccount:123456789012-compute@developer.gserviceaccount.com"
	inp := t.tf_input("google_project_iam_member", {"role": "roles/logging.logWriter", "member": m})
	rule.deny == {{"resource": "r0", "sub": "default-sa", "path": ["member"], "actual": m}} with input as inp
}

test_policy_through_data_source_fails if {
	base := t.tf_inputs([["google_project_iam_policy", {"project": "p", "policy_data": t.unknown("data.google_iam_policy.admins.policy_data")}]])
	ds := {
		"id": "d0", "address": "data.google_iam_policy.admins", "mode": "data", "type": "google_iam_policy",
		"name": "admins", "module_dir": ".", "file": "main.tf",
		"config": {"binding": [{"role": "roles/owner", "members": [_sa]}]},
	}
	inp := {"terraform": {"resources": array.concat(base.terraform.resources, [ds])}}
	rule.deny == {{"resource": "r0", "path": ["policy_data"], "actual": _sa}} with input as inp
}

test_granular_roles_pass if {
	inp := t.tf_inputs([
		["google_project_iam_member", {"role": "roles/storage.objectViewer", "member": _sa}],
		["google_project_iam_member", {"role": "roles/owner", "member": "user:cto@example.com"}],
		["google_project_iam_member", {"role": "roles/iam.serviceAccountUser", "member": _sa}],
		["google_project_iam_member", {"role": "roles/container.serviceAgent", "member": "serviceAccount:service-1@container-engine-robot.iam.gserviceaccount.com"}],
	])
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_unknown_member_with_admin_role_not_evaluated if {
	inp := t.tf_input("google_project_iam_member", {"role": "roles/owner", "member": t.unknown("var.member")})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "r0", "path": ["member"], "reason": "var.member"}} with input as inp
}

test_unknown_role_not_evaluated if {
	inp := t.tf_input("google_project_iam_member", {"role": t.unknown("var.role"), "member": _sa})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "r0", "path": ["member"], "reason": "var.role"}} with input as inp
}

test_unresolved_policy_not_evaluated if {
	inp := t.tf_input("google_project_iam_policy", {"policy_data": t.unknown("var.policy")})
	rule.unknown == {{"resource": "r0", "path": ["policy_data"], "reason": "var.policy"}} with input as inp
}

# The default compute account named through its data source, or by its bare email.
test_default_sa_however_named if {
	member := t.unknown("serviceAccount:${data.google_compute_default_service_account.default.email}")
	inp := t.tf_inputs([
		["google_project_iam_member", {"role": "roles/storage.objectViewer", "member": member}],
		["google_folder_iam_member", {"role": "roles/storage.objectViewer", "member": "123-compute@developer.gserviceaccount.com"}],
		["google_organization_iam_member", {"role": "roles/viewer", "member": t.unknown("data.google_compute_default_service_account.default.id")}],
	])
	rule.deny == {
		{"resource": "r0", "sub": "default-sa", "path": ["member"], "actual": member},
		{"resource": "r1", "sub": "default-sa", "path": ["member"], "actual": "123-compute@developer.gserviceaccount.com"},
		{"resource": "r2", "sub": "default-sa", "path": ["member"], "actual": t.unknown("data.google_compute_default_service_account.default.id")},
	} with input as inp
}

# The nine IAM resource types, written out in the rule: each one is judged.
test_every_iam_level_and_kind_applies if {
	every level in ["project", "folder", "organization"] {
		every kind in ["member", "binding", "policy"] {
			rule.applies == {"r0"} with input as t.tf_input(concat("", ["google_", level, "_iam_", kind]), {"role": "roles/viewer"})
		}
	}
}

test_other_iam_types_not_judged if {
	count(rule.applies) == 0 with input as t.tf_input("google_billing_account_iam_member", {"role": "roles/owner", "member": _sa})
}

test_member_and_role_absent_nothing_judged if {
	inp := t.tf_input("google_project_iam_member", {"project": "p"})
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
	rule.applies == {"r0"} with input as inp
}

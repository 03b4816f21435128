package controlgate.rules.mon_gcp_002_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.mon_gcp_002 as rule

_provider := {"id": "p0", "name": "google", "module_dir": ".", "file": "main.tf", "config": {"project": "p"}}

_with_provider(pairs) := object.union(t.tf_inputs(pairs), {"terraform": {"providers": [_provider]}})

_cfg(types) := ["google_project_iam_audit_config", {"project": "p", "service": "allServices", "audit_log_config": [{"log_type": x} | some x in types]}]

test_no_audit_config_fails_on_provider if {
	inp := _with_provider([])
	rule.deny == {{"resource": "p0", "path": []}} with input as inp
	rule.applies == {"p0"} with input as inp
}

test_complete_config_passes if {
	inp := _with_provider([_cfg(["ADMIN_READ", "DATA_READ", "DATA_WRITE"])])
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
	rule.applies == {"p0", "r0"} with input as inp
}

test_missing_data_write_fails if {
	inp := _with_provider([_cfg(["DATA_READ"])])
	rule.deny == {{"resource": "r0", "path": ["audit_log_config"]}} with input as inp
}

test_single_service_does_not_cover if {
	inp := _with_provider([["google_project_iam_audit_config", {"service": "storage.googleapis.com", "audit_log_config": [{"log_type": "DATA_READ"}, {"log_type": "DATA_WRITE"}]}]])
	rule.deny == {{"resource": "p0", "path": []}} with input as inp
}

test_exempted_members_fail if {
	c := _cfg(["DATA_READ", "DATA_WRITE"])
	body := object.union(c[1], {"audit_log_config": [{"log_type": "DATA_READ", "exempted_members": ["user:ops@example.com"]}, {"log_type": "DATA_WRITE"}]})
	inp := t.tf_inputs([[c[0], body]])
	rule.deny == {{"resource": "r0", "path": ["audit_log_config", 0, "exempted_members"], "actual": ["user:ops@example.com"]}} with input as inp
}

test_unknown_service_not_evaluated if {
	inp := _with_provider([["google_folder_iam_audit_config", {"service": t.unknown("var.service"), "audit_log_config": [{"log_type": "DATA_READ"}]}]])
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "p0", "path": [], "reason": "var.service"}} with input as inp
}

test_dynamic_blocks_not_evaluated if {
	inp := _with_provider([["google_organization_iam_audit_config", {"service": "allServices", "audit_log_config": t.unknown(`dynamic "audit_log_config"`)}]])
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "r0", "path": ["audit_log_config"], "reason": `dynamic "audit_log_config"`}} with input as inp
}

test_unknown_log_type_not_evaluated if {
	inp := _with_provider([["google_project_iam_audit_config", {"service": "allServices", "audit_log_config": [{"log_type": t.unknown("var.t")}]}]])
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "r0", "path": ["audit_log_config", 0, "log_type"], "reason": "var.t"}} with input as inp
}

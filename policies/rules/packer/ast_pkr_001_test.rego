package controlgate.rules.ast_pkr_001_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.ast_pkr_001 as rule

_eol := "2027-01-01T00:00:00Z"

test_ebs_defaults_have_no_end_of_life if {
	inp := t.pkr_input("amazon-ebs", {"region": "us-east-1"})
	rule.deny == {{"resource": "s0", "sub": "no-end-of-life", "path": ["deprecate_at"]}} with input as inp
	rule.applies == {"s0"} with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_ebs_leftover_volumes_fail if {
	maps := [
		{"device_name": "/dev/xvda", "volume_size": 20, "delete_on_termination": true},
		{"device_name": "/dev/xvdb", "volume_size": 100},
		{"device_name": "/dev/xvdc", "volume_size": 50, "delete_on_termination": "false"},
		{"device_name": "/dev/xvdd", "no_device": true},
		{"device_name": "/dev/xvde", "virtual_name": "ephemeral0"},
	]
	inp := t.pkr_input("amazon-ebs", {"deprecate_at": _eol, "launch_block_device_mappings": maps})
	rule.deny == {
		{"resource": "s0", "path": ["launch_block_device_mappings", 1, "delete_on_termination"]},
		{"resource": "s0", "path": ["launch_block_device_mappings", 2, "delete_on_termination"], "actual": "false"},
	} with input as inp
}

test_ebs_force_deregister_without_snapshot_delete_is_low if {
	inp := t.pkr_input("amazon-ebs", {"deprecate_at": _eol, "force_deregister": true})
	rule.deny == {{"resource": "s0", "sub": "orphan-snapshots", "path": ["force_delete_snapshot"]}} with input as inp
}

test_ebs_force_deregister_with_snapshot_kept_is_low if {
	inp := t.pkr_input("amazon-ebs", {"deprecate_at": _eol, "force_deregister": "true", "force_delete_snapshot": false})
	rule.deny == {{"resource": "s0", "sub": "orphan-snapshots", "path": ["force_delete_snapshot"], "actual": false}} with input as inp
}

test_ebs_compliant_passes if {
	cfg := {
		"deprecate_at": _eol, "force_deregister": true, "force_delete_snapshot": true,
		"launch_block_device_mappings": {"device_name": "/dev/xvdb", "volume_size": 100, "delete_on_termination": true},
	}
	inp := t.pkr_input("amazon-ebs", cfg)
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_ebs_unknowns_not_evaluated if {
	cfg := {
		"deprecate_at": t.unknown("local.deprecate_at"),
		"force_deregister": t.unknown("var.force"),
		"launch_block_device_mappings": [{"device_name": "/dev/xvdb", "delete_on_termination": t.unknown("var.dot")}],
	}
	inp := t.pkr_input("amazon-ebs", cfg)
	count(rule.deny) == 0 with input as inp
	rule.unknown == {
		{"resource": "s0", "sub": "no-end-of-life", "path": ["deprecate_at"], "reason": "local.deprecate_at"},
		{"resource": "s0", "sub": "orphan-snapshots", "path": ["force_deregister"], "reason": "var.force"},
		{"resource": "s0", "path": ["launch_block_device_mappings", 0, "delete_on_termination"], "reason": "var.dot"},
	} with input as inp
}

test_ebs_dynamic_mappings_not_evaluated if {
	inp := t.pkr_input("amazon-ebs", {"deprecate_at": _eol, "launch_block_device_mappings": t.unknown(`dynamic "launch_block_device_mappings"`)})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "s0", "path": ["launch_block_device_mappings"], "reason": `dynamic "launch_block_device_mappings"`}} with input as inp
}

test_azure_leftovers_fail if {
	cfg := {"keep_os_disk": true, "async_resourcegroup_delete": "true", _sigd: [{"gallery_name": "g"}]}
	inp := t.pkr_input("azure-arm", cfg)
	rule.deny == {
		{"resource": "s0", "path": ["keep_os_disk"], "actual": true},
		{"resource": "s0", "sub": "async-delete", "path": ["async_resourcegroup_delete"], "actual": "true"},
		{"resource": "s0", "sub": "no-end-of-life", "path": ["shared_gallery_image_version_end_of_life_date"]},
	} with input as inp
}

_sigd := "shared_image_gallery_destination"

test_azure_managed_image_defaults_pass if {
	inp := t.pkr_input("azure-arm", {"managed_image_name": "img", "keep_os_disk": false})
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_azure_gallery_with_end_of_life_passes if {
	inp := t.pkr_input("azure-arm", {_sigd: {"gallery_name": "g"}, "shared_gallery_image_version_end_of_life_date": _eol})
	count(rule.deny) == 0 with input as inp
}

test_azure_unknowns_not_evaluated if {
	cfg := {"keep_os_disk": t.unknown("var.keep"), "async_resourcegroup_delete": t.unknown("var.async")}
	inp := t.pkr_input("azure-arm", cfg)
	count(rule.deny) == 0 with input as inp
	rule.unknown == {
		{"resource": "s0", "path": ["keep_os_disk"], "reason": "var.keep"},
		{"resource": "s0", "sub": "async-delete", "path": ["async_resourcegroup_delete"], "reason": "var.async"},
	} with input as inp
}

test_gce_without_family_is_low if {
	inp := t.pkr_input("googlecompute", {"image_name": "web"})
	rule.deny == {{"resource": "s0", "sub": "no-end-of-life", "path": ["image_family"]}} with input as inp
}

test_gce_family_or_deprecation_passes if {
	every cfg in [{"image_family": "web"}, {"deprecate_at": _eol}] {
		count(rule.deny) == 0 with input as t.pkr_input("googlecompute", cfg)
		count(rule.unknown) == 0 with input as t.pkr_input("googlecompute", cfg)
	}
}

test_gce_unknown_family_not_evaluated if {
	inp := t.pkr_input("googlecompute", {"image_family": t.unknown("var.family")})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "s0", "sub": "no-end-of-life", "path": ["image_family"], "reason": "var.family"}} with input as inp
}

test_other_builders_ignored if {
	inp := t.pkr_input("docker", {})
	count(rule.applies) == 0 with input as inp
	count(rule.deny) == 0 with input as inp
}

# Changed: a mapping that a dynamic block makes among static ones (an unknown list element) was read
# as a block without attributes and failed; it is not evaluated now.
test_ebs_dynamic_mapping_among_static_not_evaluated if {
	dyn := t.unknown(`dynamic "launch_block_device_mappings"`)
	inp := t.pkr_input("amazon-ebs", {"deprecate_at": _eol, "launch_block_device_mappings": [{"delete_on_termination": true}, dyn]})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "s0", "path": ["launch_block_device_mappings", 1], "reason": `dynamic "launch_block_device_mappings"`}} with input as inp
}

# Changed: an unknown virtual_name was read as set (an instance-store volume, a pass); it decides
# whether the mapping creates a volume, so it is not evaluated now.
test_ebs_unknown_virtual_name_not_evaluated if {
	inp := t.pkr_input("amazon-ebs", {"deprecate_at": _eol, "launch_block_device_mappings": [{"virtual_name": t.unknown("var.vn")}]})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "s0", "path": ["launch_block_device_mappings", 0, "virtual_name"], "reason": "var.vn"}} with input as inp
}

# Changed: an unknown no_device on a mapping without delete_on_termination was read as set (a pass,
# the old not-evaluated rule needed delete_on_termination written); it is not evaluated now.
test_ebs_unknown_no_device_without_delete_setting_not_evaluated if {
	inp := t.pkr_input("amazon-ebs", {"deprecate_at": _eol, "launch_block_device_mappings": [{"no_device": t.unknown("var.nd")}]})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "s0", "path": ["launch_block_device_mappings", 0, "no_device"], "reason": "var.nd"}} with input as inp
}

# Changed: an unknown delete_on_termination / no_device was reported even when a known value already
# passes the mapping (no_device true, virtual_name set, delete_on_termination neither true nor false).
test_ebs_unknown_mapping_setting_of_a_passing_mapping_not_reported if {
	maps := [
		{"no_device": true, "delete_on_termination": t.unknown("var.a")},
		{"virtual_name": "ephemeral0", "delete_on_termination": t.unknown("var.b")},
		{"delete_on_termination": "yes", "no_device": t.unknown("var.c")},
	]
	inp := t.pkr_input("amazon-ebs", {"deprecate_at": _eol, "launch_block_device_mappings": maps})
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

# Changed: an unknown force_delete_snapshot / force_deregister was reported even when the other is
# known to pass (force_deregister null or "yes", force_delete_snapshot "yes").
test_ebs_unknown_snapshot_setting_of_a_passing_build_not_reported if {
	every cfg in [
		{"force_deregister": null, "force_delete_snapshot": t.unknown("var.s")},
		{"force_deregister": "yes", "force_delete_snapshot": t.unknown("var.s")},
		{"force_deregister": t.unknown("var.f"), "force_delete_snapshot": "yes"},
	] {
		count(rule.deny) == 0 with input as t.pkr_input("amazon-ebs", object.union(cfg, {"deprecate_at": _eol}))
		count(rule.unknown) == 0 with input as t.pkr_input("amazon-ebs", object.union(cfg, {"deprecate_at": _eol}))
	}
}

test_ebs_unknown_snapshot_settings_not_evaluated if {
	inp := t.pkr_input("amazon-ebs", {"deprecate_at": _eol, "force_deregister": t.unknown("var.f"), "force_delete_snapshot": t.unknown("var.s")})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {
		{"resource": "s0", "sub": "orphan-snapshots", "path": ["force_deregister"], "reason": "var.f"},
		{"resource": "s0", "sub": "orphan-snapshots", "path": ["force_delete_snapshot"], "reason": "var.s"},
	} with input as inp
}

package controlgate.rules.vmh_multi_003_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.vmh_multi_003 as rule

_shielded := {"enable_secure_boot": true, "enable_vtpm": true, "enable_integrity_monitoring": true}

test_gcp_block_absent_fails if {
	inp := t.tf_input("google_compute_instance", {"name": "a"})
	rule.deny == {{"resource": "r0", "path": ["shielded_instance_config"]}} with input as inp
	rule.applies == {"r0"} with input as inp
}

test_gcp_secure_boot_absent_fails if {
	inp := t.tf_input("google_compute_instance_template", {"shielded_instance_config": [{"enable_vtpm": true}]})
	rule.deny == {{"resource": "r0", "path": ["shielded_instance_config", 0, "enable_secure_boot"]}} with input as inp
}

test_gcp_settings_false_fail if {
	c := {"enable_secure_boot": false, "enable_vtpm": false, "enable_integrity_monitoring": false}
	inp := t.tf_input("google_compute_instance", {"shielded_instance_config": [c]})
	rule.deny == {
		{"resource": "r0", "path": ["shielded_instance_config", 0, "enable_secure_boot"], "actual": false},
		{"resource": "r0", "path": ["shielded_instance_config", 0, "enable_vtpm"], "actual": false},
		{"resource": "r0", "path": ["shielded_instance_config", 0, "enable_integrity_monitoring"], "actual": false},
	} with input as inp
}

test_gcp_secure_boot_only_passes if {
	inp := t.tf_inputs([
		["google_compute_instance", {"shielded_instance_config": [{"enable_secure_boot": true}]}],
		["google_compute_instance", {"shielded_instance_config": [_shielded]}],
	])
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_gcp_unknown_not_evaluated if {
	inp := t.tf_inputs([
		["google_compute_instance", {"shielded_instance_config": [{"enable_secure_boot": t.unknown("var.sb")}]}],
		["google_compute_instance", {"shielded_instance_config": t.unknown(`dynamic "shielded_instance_config"`)}],
	])
	count(rule.deny) == 0 with input as inp
	rule.unknown == {
		{"resource": "r0", "path": ["shielded_instance_config", 0, "enable_secure_boot"], "reason": "var.sb"},
		{"resource": "r1", "path": ["shielded_instance_config"], "reason": `dynamic "shielded_instance_config"`},
	} with input as inp
}

test_azure_absent_and_false_fail if {
	inp := t.tf_inputs([
		["azurerm_linux_virtual_machine", {"size": "Standard_B2s"}],
		["azurerm_windows_virtual_machine_scale_set", {"secure_boot_enabled": true, "vtpm_enabled": false}],
	])
	rule.deny == {
		{"resource": "r0", "path": ["secure_boot_enabled"]},
		{"resource": "r0", "path": ["vtpm_enabled"]},
		{"resource": "r1", "path": ["vtpm_enabled"], "actual": false},
	} with input as inp
}

test_azure_trusted_launch_passes if {
	inp := t.tf_input("azurerm_windows_virtual_machine", {"secure_boot_enabled": true, "vtpm_enabled": "true"})
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_azure_unknown_not_evaluated if {
	inp := t.tf_input("azurerm_linux_virtual_machine_scale_set", {"secure_boot_enabled": t.unknown("var.tl"), "vtpm_enabled": true})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "r0", "path": ["secure_boot_enabled"], "reason": "var.tl"}} with input as inp
}

package controlgate.rules.vmh_az_002_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.vmh_az_002 as rule

test_without_host_encryption_fails if {
	inp := t.tf_inputs([
		["azurerm_linux_virtual_machine", {"name": "a"}],
		["azurerm_windows_virtual_machine_scale_set", {"name": "b", "encryption_at_host_enabled": false}],
		["azurerm_orchestrated_virtual_machine_scale_set", {"name": "c", "encryption_at_host_enabled": "false"}],
	])
	rule.deny == {
		{"resource": "r0", "path": ["encryption_at_host_enabled"]},
		{"resource": "r1", "path": ["encryption_at_host_enabled"], "actual": false},
		{"resource": "r2", "path": ["encryption_at_host_enabled"], "actual": "false"},
	} with input as inp
}

test_host_encryption_passes_and_restricted_left_to_vmh_multi_004 if {
	inp := t.tf_inputs([
		["azurerm_windows_virtual_machine", {"encryption_at_host_enabled": true}],
		["azurerm_linux_virtual_machine_scale_set", {"encryption_at_host_enabled": "true"}],
		["azurerm_linux_virtual_machine", {"tags": {"data_classification": "restricted"}}],
	])
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
	rule.applies == {"r0", "r1"} with input as inp
}

test_unknown_not_evaluated if {
	inp := t.tf_input("azurerm_linux_virtual_machine", {"encryption_at_host_enabled": t.unknown("var.eah")})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "r0", "path": ["encryption_at_host_enabled"], "reason": "var.eah"}} with input as inp
}

package controlgate.rules.vmh_az_001_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.vmh_az_001 as rule

test_vms_without_extensions_fail if {
	inp := t.tf_inputs([
		["azurerm_linux_virtual_machine", {"name": "a"}],
		["azurerm_windows_virtual_machine", {"name": "b", "allow_extension_operations": true}],
		["azurerm_linux_virtual_machine_scale_set", {"name": "c"}],
		["azurerm_orchestrated_virtual_machine_scale_set", {"name": "d", "extension_operations_enabled": "true"}],
	])
	rule.deny == {
		{"resource": "r0", "path": ["allow_extension_operations"]},
		{"resource": "r1", "path": ["allow_extension_operations"], "actual": true},
		{"resource": "r2", "path": ["extension_operations_enabled"]},
		{"resource": "r3", "path": ["extension_operations_enabled"], "actual": "true"},
	} with input as inp
	rule.applies == {"r0", "r1", "r2", "r3"} with input as inp
}

test_disabled_or_used_passes if {
	inp := t.tf_inputs([
		["azurerm_linux_virtual_machine", {"allow_extension_operations": false}],
		["azurerm_windows_virtual_machine", {"name": "w"}],
		["azurerm_virtual_machine_extension", {"name": "ama", "virtual_machine_id": t.unknown("azurerm_windows_virtual_machine.r1.id")}],
		["azurerm_windows_virtual_machine_scale_set", {"extension": [{"name": "health", "publisher": "Microsoft.ManagedServices"}]}],
		["azurerm_linux_virtual_machine_scale_set", {"name": "l"}],
		["azurerm_virtual_machine_scale_set_extension", {"virtual_machine_scale_set_id": t.unknown("azurerm_linux_virtual_machine_scale_set.r4.id")}],
		["azurerm_linux_virtual_machine_scale_set", {"extension": t.unknown(`dynamic "extension"`)}],
	])
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_unknown_not_evaluated if {
	inp := t.tf_inputs([
		["azurerm_linux_virtual_machine", {"allow_extension_operations": t.unknown("var.ext")}],
		["azurerm_windows_virtual_machine", {"name": "w"}],
		["azurerm_virtual_machine_extension", {"virtual_machine_id": t.unknown("var.vm_id")}],
	])
	count(rule.deny) == 0 with input as inp
	rule.unknown == {
		{"resource": "r0", "path": ["allow_extension_operations"], "reason": "var.ext"},
		{"resource": "r1", "path": ["allow_extension_operations"], "reason": "var.vm_id"},
	} with input as inp
}

package controlgate.rules.mon_multi_001_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.mon_multi_001 as rule

test_disabled_detection_fails if {
	inp := t.tf_inputs([
		["aws_guardduty_detector", {"enable": false}],
		["azurerm_security_center_subscription_pricing", {"tier": "Free", "resource_type": "VirtualMachines"}],
		["azurerm_security_center_subscription_pricing", {"tier": "Free"}],
	])
	rule.deny == {
		{"resource": "r0", "path": ["enable"], "actual": false},
		{"resource": "r1", "path": ["tier"], "actual": "Free"},
		{"resource": "r2", "path": ["tier"], "actual": "Free"},
	} with input as inp
	rule.applies == {"r0", "r1", "r2"} with input as inp
}

test_enabled_detection_passes if {
	inp := t.tf_inputs([
		["aws_guardduty_detector", {}],
		["aws_guardduty_detector", {"enable": true}],
		["azurerm_security_center_subscription_pricing", {"tier": "Standard", "resource_type": "VirtualMachines"}],
		["azurerm_security_center_subscription_pricing", {"tier": "Free", "resource_type": "StorageAccounts"}],
	])
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
	count(rule.applies) == 3 with input as inp
}

test_unknown_not_evaluated if {
	inp := t.tf_inputs([
		["aws_guardduty_detector", {"enable": t.unknown("var.gd")}],
		["azurerm_security_center_subscription_pricing", {"tier": t.unknown("var.tier")}],
	])
	count(rule.deny) == 0 with input as inp
	rule.unknown == {
		{"resource": "r0", "path": ["enable"], "reason": "var.gd"},
		{"resource": "r1", "path": ["tier"], "reason": "var.tier"},
	} with input as inp
}

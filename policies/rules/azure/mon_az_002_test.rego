package controlgate.rules.mon_az_002_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.mon_az_002 as rule

_provider := {"id": "p0", "name": "azurerm", "module_dir": ".", "file": "main.tf", "config": {"features": [{}]}}

_with_provider(pairs) := object.union(t.tf_inputs(pairs), {"terraform": {"providers": [_provider]}})

_logs(cats) := [{"category": c} | some c in cats]

_sub_setting(logs) := ["azurerm_monitor_diagnostic_setting", {
	"name": "activity", "target_resource_id": t.unknown("data.azurerm_subscription.current.id"),
	"log_analytics_workspace_id": "w", "enabled_log": logs,
}]

_sub := ["azurerm_subscription", {}]

test_no_setting_fails_on_provider if {
	inp := _with_provider([])
	rule.deny == {{"resource": "p0", "path": []}} with input as inp
	rule.applies == {"p0"} with input as inp
}

test_complete_setting_passes if {
	inp := object.union(_with_provider([_sub_setting(_logs(["Administrative", "Security", "Policy", "Alert"]))]), {"terraform": {"resources": [
		{"id": "r0", "address": "azurerm_monitor_diagnostic_setting.r0", "mode": "managed", "type": "azurerm_monitor_diagnostic_setting", "name": "r0", "module_dir": ".", "file": "main.tf", "config": _sub_setting(_logs(["Administrative", "Security", "Policy", "Alert"]))[1]},
		{"id": "d0", "address": "data.azurerm_subscription.current", "mode": "data", "type": "azurerm_subscription", "name": "current", "module_dir": ".", "file": "main.tf", "config": {}},
	]}})
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
	rule.applies == {"p0", "r0"} with input as inp
}

test_literal_subscription_with_all_logs_passes if {
	inp := _with_provider([["azurerm_monitor_diagnostic_setting", {
		"target_resource_id": "/subscriptions/00000000-0000-0000-0000-000000000000",
		"enabled_log": [{"category_group": "allLogs"}],
	}]])
	count(rule.deny) == 0 with input as inp
}

test_missing_categories_fail_on_setting if {
	inp := _with_provider([["azurerm_monitor_diagnostic_setting", {
		"target_resource_id": t.unknown("/subscriptions/${data.azurerm_client_config.current.subscription_id}"),
		"log": [{"category": "Administrative", "enabled": true}, {"category": "Security", "enabled": false}],
	}]])
	rule.deny == {{"resource": "r0", "path": ["enabled_log"]}} with input as inp
}

test_setting_on_other_resource_does_not_count if {
	inp := _with_provider([["azurerm_monitor_diagnostic_setting", {"target_resource_id": "/subscriptions/x/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv"}]])
	rule.deny == {{"resource": "p0", "path": []}} with input as inp
}

test_unknown_target_not_evaluated if {
	inp := _with_provider([["azurerm_monitor_diagnostic_setting", {"target_resource_id": t.unknown("var.scope_id")}]])
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "p0", "path": [], "reason": "var.scope_id"}} with input as inp
}

test_dynamic_logs_not_evaluated if {
	inp := _with_provider([["azurerm_monitor_diagnostic_setting", {"target_resource_id": "/subscriptions/abc", "enabled_log": t.unknown(`dynamic "enabled_log"`)}]])
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "r0", "path": ["enabled_log"], "reason": `dynamic "enabled_log"`}} with input as inp
}

test_log_profile_incomplete_fails if {
	inp := t.tf_inputs([["azurerm_monitor_log_profile", {
		"categories": ["Write", "Delete"], "locations": ["westeurope"],
		"retention_policy": [{"enabled": true, "days": 90}],
	}]])
	rule.deny == {
		{"resource": "r0", "path": ["categories"], "actual": ["Write", "Delete"]},
		{"resource": "r0", "path": ["locations"], "actual": ["westeurope"]},
		{"resource": "r0", "path": ["retention_policy", 0, "days"], "actual": 90},
	} with input as inp
}

test_log_profile_complete_passes if {
	inp := t.tf_inputs([["azurerm_monitor_log_profile", {
		"categories": ["Action", "Delete", "Write"], "locations": ["global", "westeurope"],
		"retention_policy": [{"enabled": true, "days": 365}],
	}]])
	count(rule.deny) == 0 with input as inp
	rule.applies == {"r0"} with input as inp
}

test_log_profile_unknown_not_evaluated if {
	inp := t.tf_inputs([["azurerm_monitor_log_profile", {
		"categories": ["Action", "Delete", "Write"], "locations": t.unknown("var.locations"),
		"retention_policy": [{"enabled": true, "days": t.unknown("var.days")}],
	}]])
	count(rule.deny) == 0 with input as inp
	rule.unknown == {
		{"resource": "r0", "path": ["locations"], "reason": "var.locations"},
		{"resource": "r0", "path": ["retention_policy", 0, "days"], "reason": "var.days"},
	} with input as inp
}

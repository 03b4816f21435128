package controlgate.rules.mon_az_001_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.mon_az_001 as rule

_good := {
	"enabled": true, "target_resource_id": t.unknown("azurerm_virtual_network.r1.id"),
	"retention_policy": [{"enabled": true, "days": 90}],
	"traffic_analytics": [{"enabled": true, "workspace_id": "w"}],
}

_vnet := ["azurerm_virtual_network", {"name": "vnet"}]

_fl(extra) := t.tf_inputs([["azurerm_network_watcher_flow_log", object.union(_good, extra)], _vnet])

test_compliant_flow_log_passes if {
	count(rule.deny) == 0 with input as _fl({})
	count(rule.unknown) == 0 with input as _fl({})
	rule.applies == {"r0", "r1"} with input as _fl({})
}

test_disabled_fails if {
	rule.deny == {{"resource": "r0", "path": ["enabled"], "actual": false}} with input as _fl({"enabled": false})
}

test_short_retention_fails if {
	inp := _fl({"retention_policy": [{"enabled": true, "days": 30}]})
	rule.deny == {{"resource": "r0", "path": ["retention_policy", 0, "days"], "actual": 30}} with input as inp
}

test_zero_days_means_forever if {
	count(rule.deny) == 0 with input as _fl({"retention_policy": [{"enabled": true, "days": 0}]})
}

test_retention_disabled_fails if {
	inp := _fl({"retention_policy": [{"enabled": false, "days": 7}]})
	rule.deny == {{"resource": "r0", "path": ["retention_policy", 0, "enabled"], "actual": false}} with input as inp
}

test_retention_absent_fails if {
	inp := _fl({"retention_policy": null})
	rule.deny == {{"resource": "r0", "path": ["retention_policy"]}} with input as inp
}

test_legacy_nsg_flow_log_and_no_analytics if {
	inp := t.tf_inputs([
		["azurerm_network_watcher_flow_log", object.union(_good, {
			"target_resource_id": null, "network_security_group_id": t.unknown("azurerm_network_security_group.x.id"),
			"traffic_analytics": null,
		})],
		_vnet,
	])
	rule.deny == {
		{"resource": "r0", "sub": "legacy", "path": ["network_security_group_id"]},
		{"resource": "r0", "sub": "no-traffic-analytics", "path": ["traffic_analytics"]},
		{"resource": "r1", "sub": "no-flow-log", "path": []},
	} with input as inp
}

test_target_is_nsg_is_legacy if {
	inp := t.tf_inputs([
		["azurerm_network_watcher_flow_log", object.union(_good, {"target_resource_id": t.unknown("azurerm_network_security_group.r1.id")})],
		["azurerm_network_security_group", {"name": "nsg"}],
	])
	rule.deny == {{"resource": "r0", "sub": "legacy", "path": ["target_resource_id"]}} with input as inp
}

test_analytics_disabled_is_low if {
	inp := _fl({"traffic_analytics": [{"enabled": false}]})
	rule.deny == {{"resource": "r0", "sub": "no-traffic-analytics", "path": ["traffic_analytics", 0, "enabled"], "actual": false}} with input as inp
}

test_vnet_without_flow_log_warns if {
	inp := t.tf_inputs([_vnet])
	rule.deny == {{"resource": "r0", "sub": "no-flow-log", "path": []}} with input as inp
}

test_unresolved_target_not_evaluated if {
	inp := t.tf_inputs([["azurerm_network_watcher_flow_log", object.union(_good, {"target_resource_id": t.unknown("var.vnet_id")})], _vnet])
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "r1", "sub": "no-flow-log", "path": [], "reason": "var.vnet_id"}} with input as inp
}

test_unknown_values_not_evaluated if {
	inp := _fl({"enabled": t.unknown("var.on"), "retention_policy": [{"enabled": true, "days": t.unknown("var.days")}]})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {
		{"resource": "r0", "path": ["enabled"], "reason": "var.on"},
		{"resource": "r0", "path": ["retention_policy", 0, "days"], "reason": "var.days"},
	} with input as inp
}

test_dynamic_analytics_not_evaluated if {
	inp := _fl({"traffic_analytics": t.unknown(`dynamic "traffic_analytics"`)})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "r0", "sub": "no-traffic-analytics", "path": ["traffic_analytics"], "reason": `dynamic "traffic_analytics"`}} with input as inp
}

test_short_retention_with_enabled_absent_fails if {
	inp := _fl({"retention_policy": [{"days": 7}]})
	rule.deny == {
		{"resource": "r0", "path": ["retention_policy", 0, "enabled"]},
		{"resource": "r0", "path": ["retention_policy", 0, "days"], "actual": 7},
	} with input as inp
}

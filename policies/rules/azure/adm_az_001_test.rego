package controlgate.rules.adm_az_001_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.adm_az_001 as rule

_role(scope, actions, assignable) := {
	"name": "ops", "scope": scope,
	"permissions": [{"actions": actions, "not_actions": []}],
	"assignable_scopes": assignable,
}

test_wildcard_at_subscription_fails if {
	inp := t.tf_input("azurerm_role_definition", _role("/subscriptions/0000", ["*"], ["/subscriptions/0000"]))
	rule.deny == {{"resource": "r0", "path": ["permissions", 0, "actions"], "actual": ["*"]}} with input as inp
	rule.applies == {"r0"} with input as inp
}

test_wildcard_at_management_group_reference_fails if {
	inp := t.tf_inputs([
		["azurerm_role_definition", _role(t.unknown("azurerm_management_group.r1.id"), ["*"], [])],
		["azurerm_management_group", {"display_name": "corp"}],
	])
	count(rule.deny) == 1 with input as inp
}

test_wildcard_subscription_template_fails if {
	inp := t.tf_input("azurerm_role_definition", _role(t.unknown("/subscriptions/${var.sub}"), ["*"], null))
	count(rule.deny) == 1 with input as inp
}

test_wildcard_at_resource_group_passes if {
	rg := "/subscriptions/0000/resourceGroups/rg-app"
	inp := t.tf_input("azurerm_role_definition", _role(rg, ["*"], [rg]))
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_explicit_actions_pass if {
	inp := t.tf_input("azurerm_role_definition", _role("/subscriptions/0000", ["Microsoft.Compute/*/read"], ["/subscriptions/0000"]))
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_unknown_scope_not_evaluated if {
	inp := t.tf_input("azurerm_role_definition", _role(t.unknown("var.scope"), ["*"], [t.unknown("var.scope")]))
	count(rule.deny) == 0 with input as inp
	rule.unknown == {
		{"resource": "r0", "path": ["scope"], "reason": "var.scope"},
		{"resource": "r0", "path": ["assignable_scopes", 0], "reason": "var.scope"},
	} with input as inp
}

test_unknown_actions_not_evaluated if {
	inp := t.tf_input("azurerm_role_definition", _role("/subscriptions/0000", t.unknown("var.actions"), []))
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "r0", "path": ["permissions", 0, "actions"], "reason": "var.actions"}} with input as inp
}

test_dynamic_permissions_not_evaluated if {
	inp := t.tf_input("azurerm_role_definition", {"scope": "/subscriptions/0", "permissions": t.unknown(`dynamic "permissions"`)})
	rule.unknown == {{"resource": "r0", "path": ["permissions"], "reason": `dynamic "permissions"`}} with input as inp
}

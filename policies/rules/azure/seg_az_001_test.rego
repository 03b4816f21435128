package controlgate.rules.seg_az_001_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.seg_az_001 as rule

test_public_containers_fail if {
	inp := t.tf_inputs([
		["azurerm_storage_container", {"name": "assets", "container_access_type": "blob"}],
		["azurerm_storage_container", {"name": "dump", "container_access_type": "container"}],
	])
	rule.deny == {
		{"resource": "r0", "path": ["container_access_type"], "actual": "blob"},
		{"resource": "r1", "path": ["container_access_type"], "actual": "container"},
	} with input as inp
	rule.applies == {"r0", "r1"} with input as inp
}

test_accounts_allowing_public_containers_fail if {
	inp := t.tf_inputs([
		["azurerm_storage_account", {"name": "a"}],
		["azurerm_storage_account", {"name": "b", "allow_nested_items_to_be_public": true}],
		["azurerm_storage_account", {"name": "c", "allow_blob_public_access": "true"}],
	])
	rule.deny == {
		{"resource": "r0", "path": ["allow_nested_items_to_be_public"], "sub": "account-allows"},
		{"resource": "r1", "path": ["allow_nested_items_to_be_public"], "sub": "account-allows", "actual": true},
		{"resource": "r2", "path": ["allow_blob_public_access"], "sub": "account-allows", "actual": "true"},
	} with input as inp
}

test_private_storage_passes if {
	inp := t.tf_inputs([
		["azurerm_storage_account", {"allow_nested_items_to_be_public": false}],
		["azurerm_storage_account", {"allow_blob_public_access": false}],
		["azurerm_storage_container", {"name": "data"}],
		["azurerm_storage_container", {"name": "data", "container_access_type": "private"}],
	])
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_unknown_not_evaluated if {
	inp := t.tf_inputs([
		["azurerm_storage_account", {"allow_nested_items_to_be_public": t.unknown("var.public")}],
		["azurerm_storage_container", {"container_access_type": t.unknown("var.access")}],
	])
	count(rule.deny) == 0 with input as inp
	rule.unknown == {
		{"resource": "r0", "path": ["allow_nested_items_to_be_public"], "reason": "var.public"},
		{"resource": "r1", "path": ["container_access_type"], "reason": "var.access"},
	} with input as inp
}

# Both names of the switch set (not valid azurerm) used to give two keys, a conflict that aborted the
# whole evaluation: the first name is read.
test_both_switch_names_read_the_first if {
	inp := t.tf_input("azurerm_storage_account", {"name": "a", "allow_nested_items_to_be_public": true, "allow_blob_public_access": false})
	rule.deny == {{"resource": "r0", "path": ["allow_nested_items_to_be_public"], "actual": true, "sub": "account-allows"}} with input as inp
}

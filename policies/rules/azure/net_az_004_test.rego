package controlgate.rules.net_az_004_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.net_az_004 as rule

_pna := ["public_network_access_enabled"]

test_public_by_default_fails if {
	inp := t.tf_inputs([
		["azurerm_mssql_server", {"name": "sql", "version": "12.0"}],
		["azurerm_postgresql_flexible_server", {"name": "pg"}],
		["azurerm_mysql_flexible_server", {"name": "my", "public_network_access_enabled": true}],
		["azurerm_storage_account", {"name": "st", "network_rules": [{"default_action": "Allow"}]}],
		["azurerm_cosmosdb_account", {"name": "cos", "ip_range_filter": ""}],
		["azurerm_key_vault", {"name": "kv"}],
		["azurerm_mariadb_server", {"name": "maria", "public_network_access_enabled": "true"}],
		["azurerm_sql_server", {"name": "legacy"}],
	])
	rule.deny == {
		{"resource": "r0", "path": _pna},
		{"resource": "r1", "path": _pna},
		{"resource": "r2", "path": _pna, "actual": true},
		{"resource": "r3", "path": _pna},
		{"resource": "r4", "path": _pna},
		{"resource": "r5", "path": _pna},
		{"resource": "r6", "path": _pna, "actual": "true"},
		{"resource": "r7", "path": _pna},
	} with input as inp
}

test_private_or_firewalled_pass if {
	inp := t.tf_inputs([
		["azurerm_mssql_server", {"public_network_access_enabled": false}],
		["azurerm_postgresql_flexible_server", {"delegated_subnet_id": t.unknown("azurerm_subnet.db.id")}],
		["azurerm_storage_account", {"network_rules": {"default_action": "Deny", "ip_rules": ["203.0.113.0/24"]}}],
		["azurerm_cosmosdb_account", {"ip_range_filter": ["203.0.113.0/24"]}],
		["azurerm_cosmosdb_account", {"ip_range_filter": "203.0.113.7,198.51.100.0/24"}],
		["azurerm_cosmosdb_account", {"is_virtual_network_filter_enabled": true}],
		["azurerm_key_vault", {"network_acls": [{"default_action": "Deny", "bypass": "AzureServices"}]}],
		["azurerm_storage_account", {"name": "st2"}],
		["azurerm_storage_account_network_rules", {"storage_account_id": t.unknown("azurerm_storage_account.r7.id"), "default_action": "Deny"}],
	])
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_open_ip_rules_fail if {
	inp := t.tf_inputs([
		["azurerm_storage_account", {"network_rules": {"default_action": "Deny", "ip_rules": ["0.0.0.0/0"]}}],
		["azurerm_key_vault", {"network_acls": {"default_action": "Deny", "ip_rules": ["0.0.0.0/1"]}}],
		["azurerm_cosmosdb_account", {"ip_range_filter": "10.0.0.0/8,0.0.0.0/0"}],
		["azurerm_storage_account_network_rules", {"default_action": "Deny", "ip_rules": ["0.0.0.0/0"]}],
	])
	rule.deny == {
		{"resource": "r0", "path": ["network_rules", 0, "ip_rules"], "actual": "0.0.0.0/0", "sub": "open-firewall"},
		{"resource": "r1", "path": ["network_acls", 0, "ip_rules"], "actual": "0.0.0.0/1", "sub": "open-firewall"},
		{"resource": "r2", "path": ["ip_range_filter"], "actual": "0.0.0.0/0", "sub": "open-firewall"},
		{"resource": "r3", "path": ["ip_rules"], "actual": "0.0.0.0/0", "sub": "open-firewall"},
	} with input as inp
}

test_unknown_not_evaluated if {
	inp := t.tf_inputs([
		["azurerm_mssql_server", {"public_network_access_enabled": t.unknown("var.public")}],
		["azurerm_mysql_flexible_server", {"delegated_subnet_id": t.unknown("var.subnet_id")}],
		["azurerm_storage_account", {"network_rules": t.unknown(`dynamic "network_rules"`)}],
		["azurerm_key_vault", {"network_acls": {"default_action": t.unknown("var.action")}}],
		["azurerm_cosmosdb_account", {"ip_range_filter": t.unknown("var.ranges")}],
		["azurerm_cosmosdb_account", {"is_virtual_network_filter_enabled": t.unknown("var.vnet_filter")}],
	])
	count(rule.deny) == 0 with input as inp
	rule.unknown == {
		{"resource": "r0", "path": _pna, "reason": "var.public"},
		{"resource": "r1", "path": _pna, "reason": "var.subnet_id"},
		{"resource": "r2", "path": _pna, "reason": `dynamic "network_rules"`},
		{"resource": "r3", "path": _pna, "reason": "var.action"},
		{"resource": "r4", "path": _pna, "reason": "var.ranges"},
		{"resource": "r5", "path": _pna, "reason": "var.vnet_filter"},
	} with input as inp
}

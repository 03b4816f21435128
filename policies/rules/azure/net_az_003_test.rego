package controlgate.rules.net_az_003_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.net_az_003 as rule

test_internet_ranges_fail if {
	inp := t.tf_inputs([
		["azurerm_mssql_firewall_rule", {"server_id": "s", "start_ip_address": "0.0.0.0", "end_ip_address": "255.255.255.255"}],
		["azurerm_postgresql_flexible_server_firewall_rule", {"start_ip_address": "1.0.0.0", "end_ip_address": "223.255.255.255"}],
		["azurerm_redis_firewall_rule", {"start_ip": "0.0.0.0", "end_ip": "255.255.255.255"}],
	])
	rule.deny == {
		{"resource": "r0", "path": ["end_ip_address"], "actual": "255.255.255.255"},
		{"resource": "r1", "path": ["end_ip_address"], "actual": "223.255.255.255"},
		{"resource": "r2", "path": ["end_ip"], "actual": "255.255.255.255"},
	} with input as inp
	rule.applies == {"r0", "r1", "r2"} with input as inp
}

test_allow_azure_services_reported if {
	inp := t.tf_input("azurerm_mysql_flexible_server_firewall_rule", {"start_ip_address": "0.0.0.0", "end_ip_address": "0.0.0.0"})
	rule.deny == {{"resource": "r0", "path": ["start_ip_address"], "actual": "0.0.0.0", "sub": "azure-services"}} with input as inp
}

test_narrow_ranges_pass if {
	inp := t.tf_inputs([
		["azurerm_sql_firewall_rule", {"start_ip_address": "203.0.113.10", "end_ip_address": "203.0.113.20"}],
		["azurerm_mariadb_firewall_rule", {"start_ip_address": "10.0.0.0", "end_ip_address": "10.255.255.255"}],
		["azurerm_synapse_firewall_rule", {"start_ip_address": "not-an-ip", "end_ip_address": "255.255.255.255"}],
	])
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_unknown_not_evaluated if {
	inp := t.tf_input("azurerm_mssql_firewall_rule", {"start_ip_address": t.unknown("var.start"), "end_ip_address": "255.255.255.255"})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "r0", "path": ["start_ip_address"], "reason": "var.start"}} with input as inp
}

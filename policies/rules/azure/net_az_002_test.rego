package controlgate.rules.net_az_002_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.net_az_002 as rule

_subnet := ["azurerm_subnet", {"name": "snet-app", "address_prefixes": ["10.0.1.0/24"]}]

_nic := ["azurerm_network_interface", {"name": "nic", "ip_configuration": [{"name": "ip", "subnet_id": t.unknown("azurerm_subnet.r0.id")}]}]

test_subnet_without_association_fails if {
	inp := t.tf_inputs([_subnet])
	rule.deny == {{"resource": "r0", "path": []}} with input as inp
	rule.applies == {"r0"} with input as inp
}

test_subnet_association_passes if {
	inp := t.tf_inputs([
		_subnet,
		["azurerm_subnet_network_security_group_association", {
			"subnet_id": t.unknown("azurerm_subnet.r0.id"),
			"network_security_group_id": t.unknown("azurerm_network_security_group.x.id"),
		}],
	])
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
	rule.applies == {"r0"} with input as inp
}

test_association_to_other_subnet_fails if {
	inp := t.tf_inputs([
		_subnet,
		["azurerm_subnet", {"name": "snet-db"}],
		["azurerm_subnet_network_security_group_association", {"subnet_id": t.unknown("azurerm_subnet.r1.id")}],
	])
	rule.deny == {{"resource": "r0", "path": []}} with input as inp
}

test_all_nics_with_nsg_pass if {
	inp := t.tf_inputs([
		_subnet, _nic,
		["azurerm_network_interface_security_group_association", {"network_interface_id": t.unknown("azurerm_network_interface.r1.id")}],
	])
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_nic_without_nsg_fails if {
	inp := t.tf_inputs([_subnet, _nic])
	rule.deny == {{"resource": "r0", "path": []}} with input as inp
}

test_platform_subnets_exempt if {
	inp := t.tf_inputs([["azurerm_subnet", {"name": "AzureBastionSubnet"}], ["azurerm_subnet", {"name": "GatewaySubnet"}]])
	count(rule.deny) == 0 with input as inp
	count(rule.applies) == 0 with input as inp
}

test_unresolved_association_not_evaluated if {
	inp := t.tf_inputs([_subnet, ["azurerm_subnet_network_security_group_association", {"subnet_id": t.unknown("var.subnet_id")}]])
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "r0", "path": [], "reason": "var.subnet_id"}} with input as inp
}

test_unresolved_nic_association_not_evaluated if {
	inp := t.tf_inputs([
		_subnet, _nic,
		["azurerm_network_interface_security_group_association", {"network_interface_id": t.unknown("module.vm.nic_id")}],
	])
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "r0", "path": [], "reason": "module.vm.nic_id"}} with input as inp
}

test_unknown_name_not_evaluated if {
	inp := t.tf_inputs([["azurerm_subnet", {"name": t.unknown("var.name")}]])
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "r0", "path": ["name"], "reason": "var.name"}} with input as inp
	rule.applies == {"r0"} with input as inp
}

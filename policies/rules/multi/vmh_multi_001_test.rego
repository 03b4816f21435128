package controlgate.rules.vmh_multi_001_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.vmh_multi_001 as rule

test_aws_instance_public_ip_fails if {
	inp := t.tf_input("aws_instance", {"ami": "ami-1", "associate_public_ip_address": true})
	rule.deny == {{"resource": "r0", "path": ["associate_public_ip_address"], "actual": true}} with input as inp
	rule.applies == {"r0"} with input as inp
}

test_aws_launch_configuration_public_ip_fails if {
	inp := t.tf_input("aws_launch_configuration", {"associate_public_ip_address": "true"})
	rule.deny == {{"resource": "r0", "path": ["associate_public_ip_address"], "actual": "true"}} with input as inp
}

test_aws_launch_template_public_ip_fails if {
	inp := t.tf_input("aws_launch_template", {"network_interfaces": [{"associate_public_ip_address": "true"}]})
	rule.deny == {{"resource": "r0", "path": ["network_interfaces", 0, "associate_public_ip_address"], "actual": "true"}} with input as inp
}

test_aws_absent_or_false_passes if {
	inp := t.tf_inputs([
		["aws_instance", {"ami": "ami-1"}],
		["aws_instance", {"associate_public_ip_address": false}],
		["aws_launch_template", {"network_interfaces": [{"associate_public_ip_address": "false"}]}],
		["aws_launch_template", {}],
	])
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
	rule.applies == {"r0", "r1", "r2", "r3"} with input as inp
}

test_aws_unknown_not_evaluated if {
	inp := t.tf_inputs([
		["aws_instance", {"associate_public_ip_address": t.unknown("var.public")}],
		["aws_launch_template", {"network_interfaces": [{"associate_public_ip_address": t.unknown("var.p")}]}],
		["aws_launch_template", {"network_interfaces": t.unknown(`dynamic "network_interfaces"`)}],
	])
	count(rule.deny) == 0 with input as inp
	rule.unknown == {
		{"resource": "r0", "path": ["associate_public_ip_address"], "reason": "var.public"},
		{"resource": "r1", "path": ["network_interfaces", 0, "associate_public_ip_address"], "reason": "var.p"},
		{"resource": "r2", "path": ["network_interfaces"], "reason": `dynamic "network_interfaces"`},
	} with input as inp
}

test_bastion_tag_exempt if {
	inp := t.tf_input("aws_instance", {"associate_public_ip_address": true, "tags": {"role": "Bastion"}})
	count(rule.deny) == 0 with input as inp
	count(rule.applies) == 0 with input as inp
}

test_gcp_access_config_fails if {
	inp := t.tf_inputs([
		["google_compute_instance", {"network_interface": [{"network": "default", "access_config": [{}]}]}],
		["google_compute_instance_template", {"network_interface": [{"subnetwork": "s", "access_config": [{"nat_ip": "1.2.3.4"}]}]}],
	])
	rule.deny == {
		{"resource": "r0", "path": ["network_interface", 0, "access_config", 0]},
		{"resource": "r1", "path": ["network_interface", 0, "access_config", 0]},
	} with input as inp
}

test_gcp_no_access_config_passes if {
	inp := t.tf_input("google_compute_instance", {"network_interface": [{"subnetwork": "s"}]})
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_gcp_network_tag_bastion_exempt if {
	inp := t.tf_input("google_compute_instance", {"tags": ["bastion"], "network_interface": [{"access_config": [{}]}]})
	count(rule.deny) == 0 with input as inp
}

test_gcp_dynamic_not_evaluated if {
	inp := t.tf_inputs([
		["google_compute_instance", {"network_interface": [{"access_config": t.unknown(`dynamic "access_config"`)}]}],
		["google_compute_instance", {"network_interface": t.unknown(`dynamic "network_interface"`)}],
	])
	count(rule.deny) == 0 with input as inp
	rule.unknown == {
		{"resource": "r0", "path": ["network_interface", 0, "access_config"], "reason": `dynamic "access_config"`},
		{"resource": "r1", "path": ["network_interface"], "reason": `dynamic "network_interface"`},
	} with input as inp
}

_nic(pip) := {"ip_configuration": [{"name": "internal", "subnet_id": t.unknown("azurerm_subnet.s.id"), "public_ip_address_id": pip}]}

test_azure_nic_with_public_ip_on_vm_fails if {
	inp := t.tf_inputs([
		["azurerm_network_interface", _nic(t.unknown("azurerm_public_ip.r9.id"))],
		["azurerm_linux_virtual_machine", {"network_interface_ids": [t.unknown("azurerm_network_interface.r0.id")]}],
	])
	rule.deny == {{"resource": "r0", "path": ["ip_configuration", 0, "public_ip_address_id"]}} with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_azure_nic_without_public_ip_passes if {
	inp := t.tf_inputs([
		["azurerm_network_interface", {"ip_configuration": [{"name": "internal"}]}],
		["azurerm_windows_virtual_machine", {"network_interface_ids": [t.unknown("azurerm_network_interface.r0.id")]}],
	])
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_azure_nic_not_attached_here_not_evaluated if {
	inp := t.tf_input("azurerm_network_interface", _nic("/subscriptions/x/publicIPAddresses/pip"))
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 1 with input as inp
}

test_azure_nic_on_bastion_vm_passes if {
	inp := t.tf_inputs([
		["azurerm_network_interface", _nic(t.unknown("azurerm_public_ip.r9.id"))],
		["azurerm_linux_virtual_machine", {"tags": {"role": "bastion"}, "network_interface_ids": [t.unknown("azurerm_network_interface.r0.id")]}],
	])
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_azure_unknown_public_ip_not_evaluated if {
	inp := t.tf_inputs([
		["azurerm_network_interface", _nic(t.unknown("var.pip_id"))],
		["azurerm_linux_virtual_machine", {"network_interface_ids": [t.unknown("azurerm_network_interface.r0.id")]}],
		["azurerm_network_interface", {"ip_configuration": t.unknown(`dynamic "ip_configuration"`)}],
	])
	count(rule.deny) == 0 with input as inp
	rule.unknown == {
		{"resource": "r0", "path": ["ip_configuration", 0, "public_ip_address_id"], "reason": "var.pip_id"},
		{"resource": "r2", "path": ["ip_configuration"], "reason": `dynamic "ip_configuration"`},
	} with input as inp
}

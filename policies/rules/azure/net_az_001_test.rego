package controlgate.rules.net_az_001_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.net_az_001 as rule

_ssh := {
	"direction": "Inbound", "access": "Allow", "protocol": "Tcp", "priority": 100,
	"source_port_range": "*", "destination_port_range": "22", "source_address_prefix": "*",
	"destination_address_prefix": "*",
}

test_standalone_ssh_from_any_fails if {
	inp := t.tf_input("azurerm_network_security_rule", _ssh)
	rule.deny == {{"resource": "r0", "path": ["source_address_prefix"], "actual": "*"}} with input as inp
	rule.applies == {"r0"} with input as inp
}

test_inline_rdp_from_internet_tag_fails if {
	sr := object.union(_ssh, {"destination_port_range": "3389", "source_address_prefix": "Internet"})
	inp := t.tf_input("azurerm_network_security_group", {"security_rule": [{"direction": "Outbound"}, sr]})
	rule.deny == {{"resource": "r0", "path": ["security_rule", 1, "source_address_prefix"], "actual": "Internet"}} with input as inp
}

test_winrm_in_port_range_and_prefix_list_fails if {
	sr := object.union(_ssh, {
		"destination_port_range": null, "destination_port_ranges": ["443", "5980-5990"],
		"source_address_prefix": null, "source_address_prefixes": ["10.0.0.0/8", "0.0.0.0/0"],
	})
	inp := t.tf_input("azurerm_network_security_rule", sr)
	rule.deny == {{"resource": "r0", "path": ["source_address_prefixes"], "actual": ["10.0.0.0/8", "0.0.0.0/0"]}} with input as inp
}

test_any_port_any_protocol_fails if {
	inp := t.tf_input("azurerm_network_security_rule", object.union(_ssh, {"protocol": "*", "destination_port_range": "*"}))
	count(rule.deny) == 1 with input as inp
}

test_udp_rdp_fails_udp_ssh_passes if {
	rdp := t.tf_input("azurerm_network_security_rule", object.union(_ssh, {"protocol": "Udp", "destination_port_range": "3389"}))
	count(rule.deny) == 1 with input as rdp
	ssh := t.tf_input("azurerm_network_security_rule", object.union(_ssh, {"protocol": "Udp"}))
	count(rule.deny) == 0 with input as ssh
}

test_restricted_source_passes if {
	inp := t.tf_input("azurerm_network_security_rule", object.union(_ssh, {"source_address_prefix": "10.20.0.0/24"}))
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
	rule.applies == {"r0"} with input as inp
}

test_deny_access_outbound_and_other_ports_pass if {
	deny_rule := t.tf_input("azurerm_network_security_rule", object.union(_ssh, {"access": "Deny"}))
	count(rule.deny) == 0 with input as deny_rule
	outbound := t.tf_input("azurerm_network_security_rule", object.union(_ssh, {"direction": "Outbound"}))
	count(rule.deny) == 0 with input as outbound
	https := t.tf_input("azurerm_network_security_rule", object.union(_ssh, {"destination_port_range": "443"}))
	count(rule.deny) == 0 with input as https
}

test_nsg_without_inline_rules_passes if {
	inp := t.tf_input("azurerm_network_security_group", {"name": "nsg"})
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
	rule.applies == {"r0"} with input as inp
}

test_unknown_source_not_evaluated if {
	inp := t.tf_input("azurerm_network_security_rule", object.union(_ssh, {"source_address_prefix": t.unknown("var.src")}))
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "r0", "path": ["source_address_prefix"], "reason": "var.src"}} with input as inp
}

test_unknown_list_element_not_evaluated if {
	sr := object.union(_ssh, {"source_address_prefix": null, "source_address_prefixes": ["10.0.0.0/8", t.unknown("var.x")]})
	inp := t.tf_input("azurerm_network_security_rule", sr)
	rule.unknown == {{"resource": "r0", "path": ["source_address_prefixes", 1], "reason": "var.x"}} with input as inp
}

test_unknown_irrelevant_when_other_condition_fails if {
	sr := object.union(_ssh, {"source_address_prefix": t.unknown("var.src"), "access": "Deny"})
	inp := t.tf_input("azurerm_network_security_rule", sr)
	count(rule.unknown) == 0 with input as inp
}

test_dynamic_security_rule_not_evaluated if {
	inp := t.tf_input("azurerm_network_security_group", {"security_rule": t.unknown(`dynamic "security_rule"`)})
	rule.unknown == {{"resource": "r0", "path": ["security_rule"], "reason": `dynamic "security_rule"`}} with input as inp
}

package controlgate.rules.net_pkr_003_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.net_pkr_003 as rule

test_default_temporary_network_fails if {
	inp := t.pkr_input("azure-arm", {"location": "westeurope", "os_type": "Linux"})
	rule.deny == {{"resource": "s0", "path": ["allowed_inbound_ip_addresses"]}} with input as inp
	rule.applies == {"s0"} with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_empty_allowed_list_fails if {
	inp := t.pkr_input("azure-arm", {"allowed_inbound_ip_addresses": [], "virtual_network_name": ""})
	rule.deny == {{"resource": "s0", "path": ["allowed_inbound_ip_addresses"]}} with input as inp
}

test_world_sources_fail if {
	every list in [["*"], ["203.0.113.10/32", "0.0.0.0/0"], ["Internet"]] {
		rule.deny == {{"resource": "s0", "path": ["allowed_inbound_ip_addresses"], "actual": list}} with input as t.pkr_input("azure-arm", {"allowed_inbound_ip_addresses": list})
	}
}

test_narrow_allowed_list_passes if {
	inp := t.pkr_input("azure-arm", {"allowed_inbound_ip_addresses": ["203.0.113.10/32"]})
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_existing_vnet_passes if {
	cfg := {"virtual_network_name": "vnet-build", "virtual_network_subnet_name": "snet-packer", "private_virtual_network_with_public_ip": false}
	inp := t.pkr_input("azure-arm", cfg)
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_existing_vnet_with_public_ip_is_low if {
	cfg := {"virtual_network_name": "vnet-build", "private_virtual_network_with_public_ip": true}
	inp := t.pkr_input("azure-arm", cfg)
	rule.deny == {{
		"resource": "s0", "sub": "vnet-public-ip",
		"path": ["private_virtual_network_with_public_ip"], "actual": true,
	}} with input as inp
}

test_unknown_vnet_not_evaluated if {
	inp := t.pkr_input("azure-arm", {"virtual_network_name": t.unknown("var.vnet")})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "s0", "path": ["virtual_network_name"], "reason": "var.vnet"}} with input as inp
}

test_unknown_allowed_not_evaluated if {
	every list in [t.unknown("var.allowed"), ["203.0.113.10/32", t.unknown("var.allowed")]] {
		count(rule.deny) == 0 with input as t.pkr_input("azure-arm", {"allowed_inbound_ip_addresses": list})
		rule.unknown == {{"resource": "s0", "path": ["allowed_inbound_ip_addresses"], "reason": "var.allowed"}} with input as t.pkr_input("azure-arm", {"allowed_inbound_ip_addresses": list})
	}
}

test_unknown_public_ip_flag_not_evaluated if {
	cfg := {"virtual_network_name": "vnet-build", "private_virtual_network_with_public_ip": t.unknown("var.pip")}
	inp := t.pkr_input("azure-arm", cfg)
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{
		"resource": "s0", "sub": "vnet-public-ip",
		"path": ["private_virtual_network_with_public_ip"], "reason": "var.pip",
	}} with input as inp
}

test_other_builders_ignored if {
	inp := t.pkr_input("amazon-ebs", {})
	count(rule.applies) == 0 with input as inp
	count(rule.deny) == 0 with input as inp
}

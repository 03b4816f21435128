package controlgate.rules.seg_multi_002_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.seg_multi_002 as rule

test_tgw_auto_accept_fails if {
	inp := t.tf_input("aws_ec2_transit_gateway", {"auto_accept_shared_attachments": "enable"})
	rule.deny == {{"resource": "r0", "path": ["auto_accept_shared_attachments"], "actual": "enable"}} with input as inp
	rule.applies == {"r0"} with input as inp
}

test_default_route_over_peering_fails if {
	inp := t.tf_inputs([
		["aws_route", {"destination_cidr_block": "0.0.0.0/0", "vpc_peering_connection_id": t.unknown("aws_vpc_peering_connection.p.id")}],
		["aws_route_table", {"route": [
			{"cidr_block": "10.1.0.0/16", "vpc_peering_connection_id": "pcx-1"},
			{"ipv6_cidr_block": "::/0", "vpc_peering_connection_id": "pcx-1"},
		]}],
	])
	rule.deny == {
		{"resource": "r0", "path": ["destination_cidr_block"], "sub": "peering-default-route", "actual": "0.0.0.0/0"},
		{"resource": "r1", "path": ["route", 1, "ipv6_cidr_block"], "sub": "peering-default-route", "actual": "::/0"},
	} with input as inp
}

test_azure_and_gcp_transit_flags if {
	inp := t.tf_inputs([
		["azurerm_virtual_network_peering", {"allow_forwarded_traffic": true, "allow_virtual_network_access": true}],
		["google_compute_network_peering", {"export_custom_routes": true, "import_custom_routes": false}],
	])
	rule.deny == {
		{"resource": "r0", "path": ["allow_forwarded_traffic"], "sub": "azure-transit", "actual": true},
		{"resource": "r1", "path": ["export_custom_routes"], "sub": "gcp-routes", "actual": true},
	} with input as inp
}

test_secure_defaults_pass if {
	inp := t.tf_inputs([
		["aws_ec2_transit_gateway", {}],
		["aws_ec2_transit_gateway", {"auto_accept_shared_attachments": "disable"}],
		["aws_route", {"destination_cidr_block": "0.0.0.0/0", "nat_gateway_id": "nat-1"}],
		["aws_route", {"destination_cidr_block": "10.2.0.0/16", "vpc_peering_connection_id": "pcx-1"}],
		["azurerm_virtual_network_peering", {"allow_virtual_network_access": true}],
		["google_compute_network_peering", {"network": "a", "peer_network": "b"}],
	])
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_unknown_not_evaluated if {
	inp := t.tf_inputs([
		["aws_ec2_transit_gateway", {"auto_accept_shared_attachments": t.unknown("var.auto")}],
		["aws_route", {"destination_cidr_block": t.unknown("var.cidr"), "vpc_peering_connection_id": "pcx-1"}],
		["azurerm_virtual_network_peering", {"use_remote_gateways": t.unknown("var.gw")}],
		["google_compute_network_peering", {"import_custom_routes": t.unknown("var.imp")}],
	])
	count(rule.deny) == 0 with input as inp
	rule.unknown == {
		{"resource": "r0", "path": ["auto_accept_shared_attachments"], "reason": "var.auto"},
		{"resource": "r1", "path": ["destination_cidr_block"], "sub": "peering-default-route", "reason": "var.cidr"},
		{"resource": "r2", "path": ["use_remote_gateways"], "sub": "azure-transit", "reason": "var.gw"},
		{"resource": "r3", "path": ["import_custom_routes"], "sub": "gcp-routes", "reason": "var.imp"},
	} with input as inp
}

package controlgate.rules.net_multi_002_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.net_multi_002 as rule

test_forwarding_fails if {
	inp := t.tf_inputs([
		["google_compute_instance", {"can_ip_forward": true}],
		["google_compute_instance_template", {"can_ip_forward": "true"}],
		["azurerm_network_interface", {"ip_forwarding_enabled": true}],
		["azurerm_network_interface", {"enable_ip_forwarding": true}],
		["aws_instance", {"source_dest_check": false}],
		["aws_network_interface", {"source_dest_check": "false"}],
	])
	rule.deny == {
		{"resource": "r0", "path": ["can_ip_forward"], "actual": true},
		{"resource": "r1", "path": ["can_ip_forward"], "actual": "true"},
		{"resource": "r2", "path": ["ip_forwarding_enabled"], "actual": true},
		{"resource": "r3", "path": ["enable_ip_forwarding"], "actual": true},
		{"resource": "r4", "path": ["source_dest_check"], "actual": false},
		{"resource": "r5", "path": ["source_dest_check"], "actual": "false"},
	} with input as inp
	count(rule.applies) == 6 with input as inp
}

test_defaults_and_secure_values_pass if {
	inp := t.tf_inputs([
		["google_compute_instance", {}],
		["google_compute_instance", {"can_ip_forward": false}],
		["azurerm_network_interface", {}],
		["aws_instance", {"source_dest_check": true}],
		["aws_network_interface", {}],
	])
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_appliance_role_exempt if {
	inp := t.tf_inputs([
		["aws_instance", {"source_dest_check": false, "tags": {"Role": "NAT"}}],
		["google_compute_instance", {"can_ip_forward": true, "labels": {"role": "firewall"}}],
	])
	count(rule.deny) == 0 with input as inp
	count(rule.applies) == 0 with input as inp
}

test_unknown_not_evaluated if {
	inp := t.tf_input("google_compute_instance", {"can_ip_forward": t.unknown("var.fwd")})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "r0", "path": ["can_ip_forward"], "reason": "var.fwd"}} with input as inp
}

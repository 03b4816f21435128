package controlgate.rules.net_gcp_001_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.net_gcp_001 as rule

_fw(extra) := object.union({"name": "fw", "network": "default", "allow": [{"protocol": "tcp", "ports": ["22"]}]}, extra)

test_ssh_from_world_fails if {
	inp := t.tf_input("google_compute_firewall", _fw({"source_ranges": ["0.0.0.0/0"]}))
	rule.deny == {{"resource": "r0", "path": ["source_ranges"], "actual": ["0.0.0.0/0"]}} with input as inp
	rule.applies == {"r0"} with input as inp
}

test_implicit_source_fails if {
	inp := t.tf_input("google_compute_firewall", _fw({}))
	rule.deny == {{"resource": "r0", "path": ["source_ranges"]}} with input as inp
}

test_rdp_in_range_from_ipv6_world_fails if {
	inp := t.tf_input("google_compute_firewall", _fw({
		"allow": [{"protocol": "udp"}, {"protocol": "tcp", "ports": ["80", "3000-4000"]}],
		"source_ranges": ["::/0"],
	}))
	rule.deny == {{"resource": "r0", "path": ["source_ranges"], "actual": ["::/0"]}} with input as inp
}

test_all_protocols_without_ports_fails if {
	inp := t.tf_input("google_compute_firewall", _fw({"allow": [{"protocol": "all"}], "source_ranges": ["0.0.0.0/0"]}))
	count(rule.deny) == 1 with input as inp
}

test_restricted_source_passes if {
	inp := t.tf_input("google_compute_firewall", _fw({"source_ranges": ["35.235.240.0/20"]}))
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
	rule.applies == {"r0"} with input as inp
}

test_source_tags_only_passes if {
	inp := t.tf_input("google_compute_firewall", _fw({"source_tags": ["bastion"]}))
	count(rule.deny) == 0 with input as inp
}

test_other_port_egress_disabled_pass if {
	https := t.tf_input("google_compute_firewall", _fw({"allow": [{"protocol": "tcp", "ports": ["443"]}]}))
	count(rule.deny) == 0 with input as https
	egress := t.tf_input("google_compute_firewall", _fw({"direction": "EGRESS"}))
	count(rule.deny) == 0 with input as egress
	disabled := t.tf_input("google_compute_firewall", _fw({"disabled": true}))
	count(rule.deny) == 0 with input as disabled
	deny_only := t.tf_input("google_compute_firewall", {"name": "fw", "deny": [{"protocol": "tcp"}]})
	count(rule.deny) == 0 with input as deny_only
}

test_unknown_source_not_evaluated if {
	inp := t.tf_input("google_compute_firewall", _fw({"source_ranges": t.unknown("var.ranges")}))
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "r0", "path": ["source_ranges"], "reason": "var.ranges"}} with input as inp
}

test_unknown_ports_not_evaluated if {
	inp := t.tf_input("google_compute_firewall", _fw({"allow": [{"protocol": "tcp", "ports": [t.unknown("var.port")]}]}))
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "r0", "path": ["allow", 0, "ports", 0], "reason": "var.port"}} with input as inp
}

test_dynamic_allow_and_unknown_direction_not_evaluated if {
	inp := t.tf_input("google_compute_firewall", _fw({"allow": t.unknown(`dynamic "allow"`), "direction": t.unknown("var.d")}))
	rule.unknown == {
		{"resource": "r0", "path": ["allow"], "reason": `dynamic "allow"`},
		{"resource": "r0", "path": ["direction"], "reason": "var.d"},
	} with input as inp
}

test_unknown_disabled_not_evaluated if {
	inp := t.tf_input("google_compute_firewall", _fw({"disabled": t.unknown("var.off"), "source_ranges": ["0.0.0.0/0"]}))
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "r0", "path": ["disabled"], "reason": "var.off"}} with input as inp
}

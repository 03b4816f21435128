package controlgate.rules.net_multi_001_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.net_multi_001 as rule

_ing(proto, from, to, cidrs) := {"protocol": proto, "from_port": from, "to_port": to, "cidr_blocks": cidrs}

test_aws_sg_all_protocols_from_world_fails if {
	inp := t.tf_input("aws_security_group", {"ingress": [_ing("-1", 0, 0, ["0.0.0.0/0"])]})
	rule.deny == {{"resource": "r0", "path": ["ingress", 0, "protocol"], "actual": "-1"}} with input as inp
	rule.applies == {"r0"} with input as inp
}

test_aws_sg_all_tcp_ports_from_world_fails if {
	inp := t.tf_input("aws_security_group", {"ingress": [_ing("tcp", 0, 65535, ["10.0.0.0/8", "0.0.0.0/0"])]})
	rule.deny == {{"resource": "r0", "path": ["ingress", 0, "from_port"], "actual": 0}} with input as inp
}

test_aws_sg_high_risk_port_is_high_sub if {
	inp := t.tf_input("aws_security_group", {"ingress": [_ing("tcp", 3306, 3306, ["0.0.0.0/0"]), _ing("tcp", 443, 443, ["0.0.0.0/0"])]})
	rule.deny == {{"resource": "r0", "path": ["ingress", 0, "from_port"], "sub": "high-risk-port", "actual": 3306}} with input as inp
}

test_aws_sg_ipv6_world_fails if {
	b := {"protocol": "tcp", "from_port": 6379, "to_port": 6379, "ipv6_cidr_blocks": ["::/0"]}
	inp := t.tf_input("aws_security_group", {"ingress": [b]})
	rule.deny == {{"resource": "r0", "path": ["ingress", 0, "from_port"], "sub": "high-risk-port", "actual": 6379}} with input as inp
}

test_aws_sg_rule_and_vpc_ingress_rule if {
	inp := t.tf_inputs([
		["aws_security_group_rule", object.union(_ing("all", 0, 0, ["0.0.0.0/0"]), {"type": "ingress"})],
		["aws_security_group_rule", object.union(_ing("-1", 0, 0, ["0.0.0.0/0"]), {"type": "egress"})],
		["aws_vpc_security_group_ingress_rule", {"ip_protocol": "-1", "cidr_ipv4": "0.0.0.0/0"}],
		["aws_vpc_security_group_ingress_rule", {"ip_protocol": "tcp", "from_port": 5432, "to_port": 5432, "cidr_ipv6": "::/0"}],
	])
	rule.deny == {
		{"resource": "r0", "path": ["protocol"], "actual": "all"},
		{"resource": "r2", "path": ["ip_protocol"], "actual": "-1"},
		{"resource": "r3", "path": ["from_port"], "sub": "high-risk-port", "actual": 5432},
	} with input as inp
}

test_aws_restricted_sources_and_icmp_pass if {
	inp := t.tf_inputs([
		["aws_security_group", {"ingress": [_ing("-1", 0, 0, ["10.0.0.0/8"]), _ing("icmp", -1, -1, ["0.0.0.0/0"])]}],
		["aws_security_group", {"ingress": [{"protocol": "tcp", "from_port": 22, "to_port": 22, "security_groups": ["sg-1"]}]}],
		["aws_security_group", {"ingress": [_ing("tcp", 443, 443, ["0.0.0.0/0"])]}],
		["aws_security_group", {}],
	])
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_aws_unknown_values_not_evaluated if {
	inp := t.tf_inputs([
		["aws_security_group", {"ingress": [_ing("tcp", 22, 22, t.unknown("var.cidrs"))]}],
		["aws_security_group", {"ingress": [_ing("tcp", 22, 22, [t.unknown("var.cidr")])]}],
		["aws_security_group", {"ingress": [_ing(t.unknown("var.proto"), 22, 22, ["0.0.0.0/0"])]}],
		["aws_security_group", {"ingress": [_ing("tcp", t.unknown("var.port"), t.unknown("var.port"), ["0.0.0.0/0"])]}],
		["aws_security_group", {"ingress": t.unknown(`dynamic "ingress"`)}],
	])
	count(rule.deny) == 0 with input as inp
	rule.unknown == {
		{"resource": "r0", "path": ["ingress", 0, "cidr_blocks"], "reason": "var.cidrs"},
		{"resource": "r1", "path": ["ingress", 0, "cidr_blocks"], "reason": "var.cidr"},
		{"resource": "r2", "path": ["ingress", 0, "protocol"], "reason": "var.proto"},
		{"resource": "r3", "path": ["ingress", 0, "from_port"], "reason": "var.port"},
		{"resource": "r4", "path": ["ingress"], "reason": `dynamic "ingress"`},
	} with input as inp
}

_nsr(proto, src, port) := {
	"direction": "Inbound", "access": "Allow", "protocol": proto,
	"source_address_prefix": src, "destination_port_range": port,
}

test_azure_rule_any_port_from_internet_fails if {
	inp := t.tf_input("azurerm_network_security_rule", _nsr("Tcp", "Internet", "*"))
	rule.deny == {{"resource": "r0", "path": ["destination_port_range"], "actual": "*"}} with input as inp
}

test_azure_nsg_inline_high_risk_port if {
	sr := _nsr("Tcp", "*", "3380-3390")
	inp := t.tf_input("azurerm_network_security_group", {"security_rule": [sr]})
	rule.deny == {{
		"resource": "r0", "path": ["security_rule", 0, "destination_port_range"], "sub": "high-risk-port",
		"actual": "3380-3390", "covered_by": "NET-AZ-001",
	}} with input as inp
}

test_azure_port_ranges_list_and_prefixes if {
	sr := {
		"direction": "Inbound", "access": "Allow", "protocol": "Tcp",
		"source_address_prefixes": ["0.0.0.0/0"], "destination_port_ranges": ["443", "1433"],
	}
	inp := t.tf_input("azurerm_network_security_rule", sr)
	rule.deny == {{"resource": "r0", "path": ["destination_port_ranges"], "sub": "high-risk-port", "actual": "1433"}} with input as inp
}

test_azure_udp_from_internet_is_sub if {
	inp := t.tf_input("azurerm_network_security_rule", _nsr("Udp", "Internet", "500"))
	rule.deny == {{"resource": "r0", "path": ["protocol"], "sub": "udp", "actual": "Udp"}} with input as inp
}

test_azure_restricted_or_deny_or_outbound_passes if {
	inp := t.tf_inputs([
		["azurerm_network_security_rule", _nsr("Tcp", "10.0.0.0/8", "*")],
		["azurerm_network_security_rule", object.union(_nsr("*", "*", "*"), {"access": "Deny"})],
		["azurerm_network_security_rule", object.union(_nsr("*", "*", "*"), {"direction": "Outbound"})],
		["azurerm_network_security_rule", _nsr("Tcp", "Internet", "443")],
	])
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_azure_unknown_not_evaluated if {
	inp := t.tf_inputs([
		["azurerm_network_security_rule", _nsr("Tcp", "*", t.unknown("var.port"))],
		["azurerm_network_security_rule", object.union(_nsr("Tcp", "*", "*"), {"access": t.unknown("var.access")})],
		["azurerm_network_security_rule", _nsr("Tcp", t.unknown("var.src"), "*")],
	])
	count(rule.deny) == 0 with input as inp
	rule.unknown == {
		{"resource": "r0", "path": ["destination_port_range"], "reason": "var.port"},
		{"resource": "r1", "path": ["access"], "reason": "var.access"},
		{"resource": "r2", "path": ["source_address_prefix"], "reason": "var.src"},
	} with input as inp
}

test_gcp_allow_all_fails if {
	inp := t.tf_input("google_compute_firewall", {"network": "n", "source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "all"}]})
	rule.deny == {{"resource": "r0", "path": ["allow", 0, "protocol"], "actual": "all"}} with input as inp
}

test_gcp_tcp_without_ports_implicit_source_fails if {
	inp := t.tf_input("google_compute_firewall", {"network": "n", "allow": [{"protocol": "tcp"}]})
	rule.deny == {{"resource": "r0", "path": ["allow", 0, "ports"]}} with input as inp
}

test_gcp_high_risk_port_and_full_range if {
	inp := t.tf_inputs([
		["google_compute_firewall", {"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "tcp", "ports": ["80", "9200-9300"]}]}],
		["google_compute_firewall", {"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "udp", "ports": ["0-65535"]}]}],
	])
	rule.deny == {
		{"resource": "r0", "path": ["allow", 0, "ports"], "sub": "high-risk-port", "actual": "9200-9300"},
		{"resource": "r1", "path": ["allow", 0, "ports"], "actual": "0-65535"},
	} with input as inp
}

test_gcp_passing_rules if {
	inp := t.tf_inputs([
		["google_compute_firewall", {"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "tcp", "ports": ["443"]}]}],
		["google_compute_firewall", {"source_tags": ["web"], "allow": [{"protocol": "all"}]}],
		["google_compute_firewall", {"direction": "EGRESS", "allow": [{"protocol": "all"}]}],
		["google_compute_firewall", {"disabled": true, "allow": [{"protocol": "all"}]}],
		["google_compute_firewall", {"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "icmp"}]}],
	])
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_gcp_unknown_not_evaluated if {
	inp := t.tf_inputs([
		["google_compute_firewall", {"source_ranges": t.unknown("var.ranges"), "allow": [{"protocol": "all"}]}],
		["google_compute_firewall", {"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "tcp", "ports": t.unknown("var.ports")}]}],
		["google_compute_firewall", {"allow": t.unknown(`dynamic "allow"`)}],
	])
	count(rule.deny) == 0 with input as inp
	rule.unknown == {
		{"resource": "r0", "path": ["source_ranges"], "reason": "var.ranges"},
		{"resource": "r1", "path": ["allow", 0, "ports"], "reason": "var.ports"},
		{"resource": "r2", "path": ["allow"], "reason": `dynamic "allow"`},
	} with input as inp
}

# A source not known statically decides nothing when the ports would pass even from the world.
test_unknown_source_of_a_harmless_port_passes if {
	inp := t.tf_inputs([
		["google_compute_firewall", {"source_ranges": [t.unknown("google_container_cluster.c.private_cluster_config[0].master_ipv4_cidr_block")], "allow": [{"protocol": "tcp", "ports": ["8443"]}]}],
		["aws_security_group", {"ingress": [_ing("tcp", 443, 443, t.unknown("var.cidrs"))]}],
		["azurerm_network_security_rule", _nsr("Tcp", t.unknown("var.src"), "443")],
		["azurerm_network_security_rule", object.union(_nsr("Tcp", t.unknown("var.src"), "*"), {"direction": "Outbound"})],
		["google_compute_firewall", {"source_ranges": [t.unknown("var.src")], "allow": [{"protocol": "tcp", "ports": ["8000-9000"]}]}],
	])
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "r4", "path": ["source_ranges"], "reason": "var.src"}} with input as inp
}

# TCP (or UDP) with ports -1 / -1 means every port, as on protocol "-1".
test_aws_tcp_minus_one_is_every_port if {
	inp := t.tf_inputs([
		["aws_security_group", {"ingress": [_ing("tcp", -1, -1, ["0.0.0.0/0"])]}],
		["aws_default_security_group", {"ingress": [_ing("6", 0, 65535, ["::/0"])]}],
		["aws_vpc_security_group_ingress_rule", {"ip_protocol": "udp", "from_port": -1, "to_port": -1, "cidr_ipv4": "0.0.0.0/0"}],
	])
	rule.deny == {
		{"resource": "r0", "path": ["ingress", 0, "from_port"], "actual": -1},
		{"resource": "r1", "path": ["ingress", 0, "from_port"], "actual": 0},
		{"resource": "r2", "path": ["from_port"], "actual": -1},
	} with input as inp
}

# SSH alone is NET-AWS-001's finding: recorded as covered by it; a range holding MySQL too is not.
test_admin_only_high_risk_port_is_covered if {
	inp := t.tf_inputs([
		["aws_security_group", {"ingress": [_ing("tcp", 22, 22, ["0.0.0.0/0"])]}],
		["aws_security_group", {"ingress": [_ing("tcp", 22, 3306, ["0.0.0.0/0"])]}],
	])
	rule.deny == {
		{"resource": "r0", "path": ["ingress", 0, "from_port"], "sub": "high-risk-port", "actual": 22, "covered_by": "NET-AWS-001"},
		{"resource": "r1", "path": ["ingress", 0, "from_port"], "sub": "high-risk-port", "actual": 22},
	} with input as inp
}

package controlgate.rules.net_pkr_001_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.net_pkr_001 as rule

test_default_temporary_group_fails if {
	inp := t.pkr_input("amazon-ebs", {"region": "us-east-1", "ssh_username": "ubuntu"})
	rule.deny == {{"resource": "s0", "path": ["temporary_security_group_source_cidrs"]}} with input as inp
	rule.applies == {"s0"} with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_explicit_world_cidr_fails if {
	inp := t.pkr_input("amazon-ebs", {"temporary_security_group_source_cidrs": ["10.0.0.0/8", "0.0.0.0/0"]})
	rule.deny == {{
		"resource": "s0", "path": ["temporary_security_group_source_cidrs"],
		"actual": ["10.0.0.0/8", "0.0.0.0/0"],
	}} with input as inp
}

test_explicit_world_cidr_wins_over_public_ip if {
	cfg := {"temporary_security_group_source_cidrs": ["::/0"], "temporary_security_group_source_public_ip": true}
	inp := t.pkr_input("amazon-instance", cfg)
	rule.deny == {{"resource": "s0", "path": ["temporary_security_group_source_cidrs"], "actual": ["::/0"]}} with input as inp
}

test_empty_cidr_list_fails if {
	inp := t.pkr_input("amazon-ebs", {"temporary_security_group_source_cidrs": []})
	rule.deny == {{"resource": "s0", "path": ["temporary_security_group_source_cidrs"]}} with input as inp
}

test_session_manager_without_public_ip_is_low if {
	cfg := {"ssh_interface": "session_manager", "associate_public_ip_address": false}
	inp := t.pkr_input("amazon-ebs", cfg)
	rule.deny == {{"resource": "s0", "path": ["temporary_security_group_source_cidrs"], "sub": "session-manager"}} with input as inp
}

test_session_manager_with_public_ip_stays_high if {
	cfg := {"ssh_interface": "session_manager", "associate_public_ip_address": true}
	inp := t.pkr_input("amazon-ebs", cfg)
	rule.deny == {{"resource": "s0", "path": ["temporary_security_group_source_cidrs"]}} with input as inp
}

test_narrow_cidrs_pass if {
	inp := t.pkr_input("amazon-ebs", {"temporary_security_group_source_cidrs": ["203.0.113.10/32"]})
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_public_ip_passes if {
	inp := t.pkr_input("amazon-ebs", {"temporary_security_group_source_public_ip": "true"})
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_own_security_group_passes if {
	every cfg in [
		{"security_group_id": "sg-0123456789abcdef0"},
		{"security_group_ids": ["sg-0123456789abcdef0"]},
		{"security_group_filter": [{"filters": {"tag:Class": "packer"}}]},
		{"security_group_filter": {"filters": {"tag:Class": "packer"}}},
	] {
		count(rule.deny) == 0 with input as t.pkr_input("amazon-ebs", cfg)
		count(rule.unknown) == 0 with input as t.pkr_input("amazon-ebs", cfg)
	}
}

test_unknown_security_group_not_evaluated if {
	inp := t.pkr_input("amazon-ebs", {"security_group_id": t.unknown("var.sg_id")})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "s0", "path": ["security_group_id"], "reason": "var.sg_id"}} with input as inp
}

test_unknown_security_group_irrelevant_when_cidrs_narrow if {
	cfg := {"security_group_ids": t.unknown("var.sgs"), "temporary_security_group_source_cidrs": ["10.1.0.0/16"]}
	inp := t.pkr_input("amazon-ebs", cfg)
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_unknown_cidrs_not_evaluated if {
	inp := t.pkr_input("amazon-ebs", {"temporary_security_group_source_cidrs": t.unknown("var.cidrs")})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "s0", "path": ["temporary_security_group_source_cidrs"], "reason": "var.cidrs"}} with input as inp
}

test_unknown_cidr_element_not_evaluated if {
	inp := t.pkr_input("amazon-ebs", {"temporary_security_group_source_cidrs": [t.unknown("var.runner_cidr")]})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "s0", "path": ["temporary_security_group_source_cidrs"], "reason": "var.runner_cidr"}} with input as inp
}

test_unknown_public_ip_not_evaluated if {
	inp := t.pkr_input("amazon-ebs", {"temporary_security_group_source_public_ip": t.unknown("var.use_my_ip")})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "s0", "path": ["temporary_security_group_source_public_ip"], "reason": "var.use_my_ip"}} with input as inp
}

test_other_builders_ignored if {
	inp := t.pkr_input("azure-arm", {})
	count(rule.applies) == 0 with input as inp
	count(rule.deny) == 0 with input as inp
}

test_empty_security_group_list_still_creates_temporary_group if {
	inp := t.pkr_input("amazon-ebs", {"security_group_ids": [], "security_group_id": ""})
	rule.deny == {{"resource": "s0", "path": ["temporary_security_group_source_cidrs"]}} with input as inp
}

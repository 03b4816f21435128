package controlgate.rules.net_pkr_004_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.net_pkr_004 as rule

test_defaults_fail if {
	inp := t.pkr_input("googlecompute", {"project_id": "p", "zone": "europe-west1-b"})
	rule.deny == {
		{"resource": "s0", "path": ["omit_external_ip"]},
		{"resource": "s0", "sub": "default-network", "path": ["network"]},
	} with input as inp
	rule.applies == {"s0"} with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_external_ip_kept_fails if {
	inp := t.pkr_input("googlecompute", {"omit_external_ip": false, "use_iap": false, "subnetwork": "build-subnet"})
	rule.deny == {{"resource": "s0", "path": ["omit_external_ip"], "actual": false}} with input as inp
}

test_default_network_named_is_low if {
	every network in ["default", "projects/p/global/networks/default"] {
		rule.deny == {{"resource": "s0", "sub": "default-network", "path": ["network"], "actual": network}} with input as t.pkr_input("googlecompute", {"omit_external_ip": true, "use_internal_ip": true, "network": network})
	}
}

test_private_build_passes if {
	every cfg in [
		{"omit_external_ip": true, "use_internal_ip": true, "subnetwork": "build-subnet"},
		{"use_iap": "true", "network": "build-vpc"},
		{"omit_external_ip": true, "network": "default", "subnetwork": "projects/p/regions/r/subnetworks/build"},
	] {
		count(rule.deny) == 0 with input as t.pkr_input("googlecompute", cfg)
		count(rule.unknown) == 0 with input as t.pkr_input("googlecompute", cfg)
	}
}

test_unknown_omit_external_ip_not_evaluated if {
	inp := t.pkr_input("googlecompute", {"omit_external_ip": t.unknown("var.private"), "network": "build-vpc"})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "s0", "path": ["omit_external_ip"], "reason": "var.private"}} with input as inp
}

test_unknown_use_iap_not_evaluated if {
	inp := t.pkr_input("googlecompute", {"use_iap": t.unknown("var.iap"), "network": "build-vpc"})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "s0", "path": ["use_iap"], "reason": "var.iap"}} with input as inp
}

test_unknown_network_not_evaluated if {
	inp := t.pkr_input("googlecompute", {"omit_external_ip": true, "network": t.unknown("var.network")})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "s0", "sub": "default-network", "path": ["network"], "reason": "var.network"}} with input as inp
}

test_unknown_subnetwork_not_evaluated if {
	inp := t.pkr_input("googlecompute", {"omit_external_ip": true, "subnetwork": t.unknown("var.subnet")})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "s0", "sub": "default-network", "path": ["subnetwork"], "reason": "var.subnet"}} with input as inp
}

test_other_builders_ignored if {
	inp := t.pkr_input("amazon-ebs", {})
	count(rule.applies) == 0 with input as inp
	count(rule.deny) == 0 with input as inp
}

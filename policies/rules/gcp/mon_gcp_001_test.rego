package controlgate.rules.mon_gcp_001_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.mon_gcp_001 as rule

_full := {"aggregation_interval": "INTERVAL_5_SEC", "flow_sampling": 1, "metadata": "INCLUDE_ALL_METADATA"}

test_log_config_absent_fails if {
	inp := t.tf_input("google_compute_subnetwork", {"name": "s", "ip_cidr_range": "10.0.0.0/24"})
	rule.deny == {{"resource": "r0", "path": ["log_config"]}} with input as inp
	rule.applies == {"r0"} with input as inp
}

test_full_log_config_passes if {
	inp := t.tf_input("google_compute_subnetwork", {"log_config": [_full]})
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_empty_log_config_block_passes if {
	inp := t.tf_input("google_compute_subnetwork", {"log_config": [{}]})
	count(rule.deny) == 0 with input as inp
}

test_low_fidelity_is_low if {
	inp := t.tf_input("google_compute_subnetwork", {"log_config": [{"flow_sampling": 0.5, "metadata": "EXCLUDE_ALL_METADATA"}]})
	rule.deny == {
		{"resource": "r0", "sub": "low-fidelity", "path": ["log_config", 0, "flow_sampling"], "actual": 0.5},
		{"resource": "r0", "sub": "low-fidelity", "path": ["log_config", 0, "metadata"], "actual": "EXCLUDE_ALL_METADATA"},
	} with input as inp
}

test_proxy_only_subnet_exempt if {
	inp := t.tf_input("google_compute_subnetwork", {"purpose": "REGIONAL_MANAGED_PROXY", "role": "ACTIVE"})
	count(rule.deny) == 0 with input as inp
	count(rule.applies) == 0 with input as inp
}

test_unknown_purpose_not_evaluated if {
	inp := t.tf_input("google_compute_subnetwork", {"purpose": t.unknown("var.purpose")})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "r0", "path": ["purpose"], "reason": "var.purpose"}} with input as inp
}

test_dynamic_log_config_not_evaluated if {
	inp := t.tf_input("google_compute_subnetwork", {"log_config": t.unknown(`dynamic "log_config"`)})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "r0", "path": ["log_config"], "reason": `dynamic "log_config"`}} with input as inp
}

test_unknown_sampling_not_evaluated if {
	inp := t.tf_input("google_compute_subnetwork", {"log_config": [{"flow_sampling": t.unknown("var.rate")}]})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "r0", "sub": "low-fidelity", "path": ["log_config", 0, "flow_sampling"], "reason": "var.rate"}} with input as inp
}

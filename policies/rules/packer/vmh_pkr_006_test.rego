package controlgate.rules.vmh_pkr_006_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.vmh_pkr_006 as rule

test_azure_defaults_fail if {
	inp := t.pkr_input("azure-arm", {"os_type": "Linux"})
	rule.deny == {
		{"resource": "s0", "path": ["security_type"]},
		{"resource": "s0", "path": ["secure_boot_enabled"]},
		{"resource": "s0", "path": ["vtpm_enabled"]},
	} with input as inp
	rule.applies == {"s0"} with input as inp
}

test_azure_standard_type_and_false_flags_fail if {
	inp := t.pkr_input("azure-arm", {"security_type": "Standard", "secure_boot_enabled": false, "vtpm_enabled": true})
	rule.deny == {
		{"resource": "s0", "path": ["security_type"], "actual": "Standard"},
		{"resource": "s0", "path": ["secure_boot_enabled"], "actual": false},
	} with input as inp
}

test_azure_trusted_launch_passes if {
	inp := t.pkr_input("azure-arm", {"security_type": "TrustedLaunch", "secure_boot_enabled": true, "vtpm_enabled": "true"})
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_gcp_defaults_fail if {
	inp := t.pkr_input("googlecompute", {})
	rule.deny == {
		{"resource": "s0", "path": ["enable_secure_boot"]},
		{"resource": "s0", "path": ["enable_vtpm"]},
		{"resource": "s0", "path": ["enable_integrity_monitoring"]},
	} with input as inp
}

test_gcp_shielded_passes if {
	inp := t.pkr_input("googlecompute", {"enable_secure_boot": true, "enable_vtpm": true, "enable_integrity_monitoring": true})
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_unknown_not_evaluated if {
	inp := t.pkr_input("googlecompute", {"enable_secure_boot": t.unknown("var.sb"), "enable_vtpm": true, "enable_integrity_monitoring": true})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "s0", "path": ["enable_secure_boot"], "reason": "var.sb"}} with input as inp
}

test_unknown_security_type_not_evaluated if {
	inp := t.pkr_input("azure-arm", {"security_type": t.unknown("var.st"), "secure_boot_enabled": true, "vtpm_enabled": true})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "s0", "path": ["security_type"], "reason": "var.st"}} with input as inp
}

package controlgate.rules.vmh_multi_004_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.vmh_multi_004 as rule

_restricted := {"data_classification": "Restricted"}

test_raw_keys_fail_whatever_the_classification if {
	inp := t.tf_inputs([
		["google_compute_instance", {"boot_disk": [{"disk_encryption_key_raw": "SGVsbG8gZnJvbSBHb29nbGUgQ2xvdWQgUGxhdGZvcm0="}]}],
		["google_compute_disk", {"disk_encryption_key": [{"raw_key": "SGVsbG8gZnJvbSBHb29nbGUgQ2xvdWQgUGxhdGZvcm0="}]}],
		["google_compute_instance", {"attached_disk": [{"source": "d", "disk_encryption_key_rsa": "ieCx/NcW06PcT7Ep1X6LUTc/hLvUDYyzSZPPVCVPTVEohpeHASqC8uw5TzyO9U+Fka9JFHz0mBibXUInrC/jEk014kCK/NPjYgEMOyssZ4ZINPKxlUh2zn1bV+MCaTICrdmuSBTWlUUiFoDD6PYznLwh8ZNdaheCeZ8ewEXgFQ8V+sDroLaN3Xs3MDTXQEMMoNUXMCZEIpg9Vtp9x2oeQ5lAbtt7bYAAHf5l+gJWw3sUfs0/Glw5fpdjT8Uggrr+RMZezGrltJEF293rvTIjWOEB3z5OHyHwQkvdrPDFcTqsLfh+8Hr8g+mf+7zVPEC8nEbqpdl3GPv3A7AwpFp7MA=="}]}],
	])
	rule.deny == {
		{"resource": "r0", "path": ["boot_disk", 0, "disk_encryption_key_raw"], "sub": "raw-key"},
		{"resource": "r1", "path": ["disk_encryption_key", 0, "raw_key"], "sub": "raw-key"},
		{"resource": "r2", "path": ["attached_disk", 0, "disk_encryption_key_rsa"], "sub": "raw-key"},
	} with input as inp
}

test_raw_key_from_variable_is_not_in_code if {
	inp := t.tf_input("google_compute_disk", {"disk_encryption_key": [{"raw_key": t.unknown("var.csek")}]})
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_unclassified_resources_need_no_cmk if {
	inp := t.tf_inputs([
		["azurerm_linux_virtual_machine", {"os_disk": [{"caching": "ReadWrite"}]}],
		["azurerm_managed_disk", {}],
		["google_compute_instance", {"boot_disk": [{}]}],
		["google_compute_disk", {}],
	])
	count(rule.deny) == 0 with input as inp
	count(rule.applies) == 4 with input as inp
}

test_restricted_without_cmk_fails if {
	inp := t.tf_inputs([
		["azurerm_linux_virtual_machine", {"tags": _restricted, "os_disk": [{"caching": "ReadWrite"}]}],
		["azurerm_managed_disk", {"tags": _restricted}],
		["google_compute_instance", {"labels": {"data-classification": "confidential"}, "boot_disk": [{}], "attached_disk": [{"source": "d"}]}],
		["google_compute_disk", {"labels": {"classification": "restricted"}}],
		["google_compute_disk", {"labels": {"classification": "restricted"}, "disk_encryption_key": [{"kms_key_service_account": "sa"}]}],
	])
	rule.deny == {
		{"resource": "r0", "path": ["encryption_at_host_enabled"]},
		{"resource": "r1", "path": ["disk_encryption_set_id"]},
		{"resource": "r2", "path": ["boot_disk", 0, "kms_key_self_link"]},
		{"resource": "r2", "path": ["attached_disk", 0, "kms_key_self_link"]},
		{"resource": "r3", "path": ["disk_encryption_key"]},
		{"resource": "r4", "path": ["disk_encryption_key", 0, "kms_key_self_link"]},
	} with input as inp
}

test_restricted_with_cmk_passes if {
	inp := t.tf_inputs([
		["azurerm_windows_virtual_machine", {"tags": _restricted, "encryption_at_host_enabled": true}],
		["azurerm_linux_virtual_machine_scale_set", {"tags": _restricted, "os_disk": [{"disk_encryption_set_id": t.unknown("azurerm_disk_encryption_set.des.id")}]}],
		["azurerm_managed_disk", {"tags": _restricted, "disk_encryption_set_id": t.unknown("azurerm_disk_encryption_set.des.id")}],
		["google_compute_instance", {"labels": _restricted, "boot_disk": [{"kms_key_self_link": t.unknown("google_kms_crypto_key.k.id")}]}],
		["google_compute_disk", {"labels": _restricted, "disk_encryption_key": [{"kms_key_self_link": "projects/p/locations/l/keyRings/r/cryptoKeys/k"}]}],
	])
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_restricted_unknown_not_evaluated if {
	inp := t.tf_inputs([
		["azurerm_linux_virtual_machine", {"tags": _restricted, "encryption_at_host_enabled": t.unknown("var.eah")}],
		["azurerm_linux_virtual_machine", {"tags": _restricted, "os_disk": [{"disk_encryption_set_id": t.unknown("var.des")}]}],
		["azurerm_managed_disk", {"tags": _restricted, "disk_encryption_set_id": t.unknown("var.des")}],
		["google_compute_instance", {"labels": _restricted, "boot_disk": [{"kms_key_self_link": t.unknown("var.key")}]}],
		["google_compute_disk", {"labels": _restricted, "disk_encryption_key": [{"kms_key_self_link": t.unknown("var.key")}]}],
	])
	count(rule.deny) == 0 with input as inp
	rule.unknown == {
		{"resource": "r0", "path": ["encryption_at_host_enabled"], "reason": "var.eah"},
		{"resource": "r1", "path": ["encryption_at_host_enabled"], "reason": "var.des"},
		{"resource": "r2", "path": ["disk_encryption_set_id"], "reason": "var.des"},
		{"resource": "r3", "path": ["boot_disk", 0, "kms_key_self_link"], "reason": "var.key"},
		{"resource": "r4", "path": ["disk_encryption_key", 0, "kms_key_self_link"], "reason": "var.key"},
	} with input as inp
}

package controlgate.rules.vmh_pkr_007_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.vmh_pkr_007 as rule

_kms := "projects/p/locations/europe-west1/keyRings/r/cryptoKeys/k"

_des := "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Compute/diskEncryptionSets/des-golden"

# ---- googlecompute ----

test_gce_no_image_key_fails if {
	inp := t.pkr_input("googlecompute", {"project_id": "p", "zone": "europe-west1-b"})
	rule.deny == {{"resource": "s0", "path": ["image_encryption_key"]}} with input as inp
	rule.applies == {"s0"} with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_gce_key_block_without_name_fails if {
	inp := t.pkr_input("googlecompute", {"image_encryption_key": [{"kmsKeyName": ""}]})
	rule.deny == {{"resource": "s0", "path": ["image_encryption_key", 0, "kmsKeyName"]}} with input as inp
}

test_gce_kms_key_passes if {
	cfg := {"image_encryption_key": [{"kmsKeyName": _kms}], "disk_encryption_key": [{"kmsKeyName": _kms}]}
	inp := t.pkr_input("googlecompute", cfg)
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_gce_json_single_object_block_passes if {
	inp := t.pkr_input("googlecompute", {"image_encryption_key": {"kmsKeyName": _kms}})
	count(rule.deny) == 0 with input as inp
}

test_gce_literal_raw_keys_are_critical if {
	raw := "SGVsbG8gZnJvbSBHb29nbGUgQ2xvdWQgUGxhdGZvcm0="
	cfg := {
		"image_encryption_key": [{"rawKey": raw}],
		"disk_encryption_key": {"RawKey": raw},
		"disk_attachment": [{"volume_type": "pd-ssd", "volume_size": 10, "disk_encryption_key": [{"rawKey": raw}]}],
	}
	inp := t.pkr_input("googlecompute", cfg)
	rule.deny == {
		{"resource": "s0", "sub": "raw-key", "path": ["image_encryption_key", 0, "rawKey"]},
		{"resource": "s0", "sub": "raw-key", "path": ["disk_encryption_key", 0, "RawKey"]},
		{"resource": "s0", "sub": "raw-key", "path": ["disk_attachment", 0, "disk_encryption_key", 0, "rawKey"]},
	} with input as inp
}

test_gce_raw_key_from_variable_is_not_literal if {
	inp := t.pkr_input("googlecompute", {"image_encryption_key": [{"rawKey": t.unknown("var.csek")}]})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "s0", "path": ["image_encryption_key", 0, "rawKey"], "reason": "var.csek"}} with input as inp
}

test_gce_unknown_kms_key_not_evaluated if {
	inp := t.pkr_input("googlecompute", {"image_encryption_key": [{"kmsKeyName": t.unknown("var.kms_key")}]})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "s0", "path": ["image_encryption_key", 0, "kmsKeyName"], "reason": "var.kms_key"}} with input as inp
}

test_gce_dynamic_key_block_not_evaluated if {
	inp := t.pkr_input("googlecompute", {"image_encryption_key": t.unknown(`dynamic "image_encryption_key"`)})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "s0", "path": ["image_encryption_key"], "reason": `dynamic "image_encryption_key"`}} with input as inp
}

# ---- azure-arm ----

test_azure_no_cmk_fails if {
	inp := t.pkr_input("azure-arm", {"location": "westeurope", "os_type": "Linux"})
	rule.deny == {{"resource": "s0", "path": ["disk_encryption_set_id"]}} with input as inp
	rule.applies == {"s0"} with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_azure_host_encryption_off_fails if {
	inp := t.pkr_input("azure-arm", {"encryption_at_host": false})
	rule.deny == {{"resource": "s0", "path": ["encryption_at_host"], "actual": false}} with input as inp
}

test_azure_des_passes if {
	inp := t.pkr_input("azure-arm", {"disk_encryption_set_id": _des})
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_azure_host_encryption_passes if {
	inp := t.pkr_input("azure-arm", {"encryption_at_host": "true"})
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_azure_unknown_des_not_evaluated if {
	inp := t.pkr_input("azure-arm", {"disk_encryption_set_id": t.unknown("var.des_id"), "encryption_at_host": false})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "s0", "path": ["disk_encryption_set_id"], "reason": "var.des_id"}} with input as inp
}

test_azure_replica_region_without_des_fails if {
	sigd := {"gallery_name": "g", "target_region": [
		{"name": "westeurope", "disk_encryption_set_id": _des},
		{"name": "northeurope"},
		{"name": "uksouth", "disk_encryption_set_id": ""},
	]}
	inp := t.pkr_input("azure-arm", {"disk_encryption_set_id": _des, "shared_image_gallery_destination": [sigd]})
	rule.deny == {
		{
			"resource": "s0", "sub": "replica-region",
			"path": ["shared_image_gallery_destination", 0, "target_region", 1, "disk_encryption_set_id"],
		},
		{
			"resource": "s0", "sub": "replica-region", "actual": "",
			"path": ["shared_image_gallery_destination", 0, "target_region", 2, "disk_encryption_set_id"],
		},
	} with input as inp
}

test_azure_replica_regions_with_des_pass if {
	sigd := {"target_region": [{"name": "westeurope", "disk_encryption_set_id": _des}]}
	inp := t.pkr_input("azure-arm", {"disk_encryption_set_id": _des, "shared_image_gallery_destination": sigd})
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_azure_unknown_replica_regions_not_evaluated if {
	sigd := {"target_region": t.unknown(`dynamic "target_region"`)}
	inp := t.pkr_input("azure-arm", {"encryption_at_host": true, "shared_image_gallery_destination": [sigd]})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{
		"resource": "s0", "sub": "replica-region",
		"path": ["shared_image_gallery_destination", 0, "target_region"], "reason": `dynamic "target_region"`,
	}} with input as inp
}

test_azure_unknown_replica_des_not_evaluated if {
	sigd := {"target_region": [{"name": "westeurope", "disk_encryption_set_id": t.unknown("var.des")}]}
	inp := t.pkr_input("azure-arm", {"encryption_at_host": true, "shared_image_gallery_destination": [sigd]})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{
		"resource": "s0", "sub": "replica-region",
		"path": ["shared_image_gallery_destination", 0, "target_region", 0, "disk_encryption_set_id"], "reason": "var.des",
	}} with input as inp
}

test_other_builders_ignored if {
	inp := t.pkr_input("amazon-ebs", {})
	count(rule.applies) == 0 with input as inp
	count(rule.deny) == 0 with input as inp
}

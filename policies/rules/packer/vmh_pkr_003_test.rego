package controlgate.rules.vmh_pkr_003_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.vmh_pkr_003 as rule

test_encrypt_boot_absent_fails if {
	inp := t.pkr_input("amazon-ebs", {"ami_name": "base"})
	rule.deny == {{"resource": "s0", "path": ["encrypt_boot"]}} with input as inp
	rule.applies == {"s0"} with input as inp
}

test_encrypt_boot_false_fails if {
	inp := t.pkr_input("amazon-ebs", {"encrypt_boot": false})
	rule.deny == {{"resource": "s0", "path": ["encrypt_boot"], "actual": false}} with input as inp
}

test_encrypted_root_mapping_passes if {
	lbdm := [{"device_name": "/dev/xvda", "encrypted": true, "kms_key_id": "alias/golden", "volume_size": 20}]
	inp := t.pkr_input("amazon-ebs", {"launch_block_device_mappings": lbdm})
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_encrypted_data_volume_only_fails if {
	lbdm := [{"device_name": "/dev/xvdf", "encrypted": true}]
	inp := t.pkr_input("amazon-ebs", {"launch_block_device_mappings": lbdm})
	rule.deny == {{"resource": "s0", "path": ["encrypt_boot"]}} with input as inp
}

test_encrypted_with_cmk_passes if {
	inp := t.pkr_input("amazon-ebs", {"encrypt_boot": true, "kms_key_id": "alias/golden", "ami_users": ["111122223333"]})
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_shared_with_default_key_fails_medium if {
	lbdm := [{"device_name": "/dev/sda1", "encrypted": "true"}]
	inp := t.pkr_input("amazon-ebs", {"launch_block_device_mappings": lbdm, "ami_org_arns": ["arn:aws:organizations::111122223333:organization/o-abc"]})
	rule.deny == {{"resource": "s0", "sub": "shared-default-key", "path": ["kms_key_id"]}} with input as inp
}

test_copy_without_region_keys_fails_low if {
	cfg := {"region": "us-east-1", "encrypt_boot": true, "kms_key_id": "alias/golden", "ami_regions": ["us-east-1", "eu-west-1"]}
	inp := t.pkr_input("amazon-ebs", cfg)
	rule.deny == {{"resource": "s0", "sub": "region-default-key", "path": ["region_kms_key_ids"]}} with input as inp
}

test_copy_with_default_region_key_fails_low if {
	cfg := {
		"region": "us-east-1", "encrypt_boot": true, "ami_regions": ["eu-west-1", "ap-south-1"],
		"region_kms_key_ids": {"eu-west-1": "alias/golden", "ap-south-1": ""},
	}
	inp := t.pkr_input("amazon-ebs", cfg)
	rule.deny == {{"resource": "s0", "sub": "region-default-key", "path": ["region_kms_key_ids", "ap-south-1"], "actual": ""}} with input as inp
}

test_copy_with_region_keys_passes if {
	cfg := {
		"region": "us-east-1", "encrypt_boot": true, "kms_key_id": "alias/golden",
		"ami_regions": ["eu-west-1"], "region_kms_key_ids": {"eu-west-1": "alias/golden"},
	}
	inp := t.pkr_input("amazon-ebs", cfg)
	count(rule.deny) == 0 with input as inp
}

test_unknown_encrypt_boot_not_evaluated if {
	inp := t.pkr_input("amazon-ebs", {"encrypt_boot": t.unknown("var.encrypt")})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "s0", "path": ["encrypt_boot"], "reason": "var.encrypt"}} with input as inp
}

test_dynamic_mappings_not_evaluated if {
	inp := t.pkr_input("amazon-ebs", {"launch_block_device_mappings": t.unknown(`dynamic "launch_block_device_mappings"`)})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "s0", "path": ["launch_block_device_mappings"], "reason": `dynamic "launch_block_device_mappings"`}} with input as inp
}

test_unknown_root_encryption_not_evaluated if {
	lbdm := [{"device_name": "/dev/xvda", "encrypted": t.unknown("var.encrypted")}]
	inp := t.pkr_input("amazon-ebs", {"launch_block_device_mappings": lbdm})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "s0", "path": ["launch_block_device_mappings"], "reason": "var.encrypted"}} with input as inp
}

test_unknown_key_when_shared_not_evaluated if {
	inp := t.pkr_input("amazon-ebs", {"encrypt_boot": true, "kms_key_id": t.unknown("var.kms"), "ami_users": ["111122223333"]})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "s0", "sub": "shared-default-key", "path": ["kms_key_id"], "reason": "var.kms"}} with input as inp
}

test_unknown_regions_not_evaluated if {
	inp := t.pkr_input("amazon-ebs", {"encrypt_boot": true, "kms_key_id": "alias/k", "ami_regions": t.unknown("var.regions")})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "s0", "sub": "region-default-key", "path": ["ami_regions"], "reason": "var.regions"}} with input as inp
}

# An unknown ami_regions beside a known build region is not evaluated only: it used to read as a
# copy too (its expression is not the region), a failure decided by a value the scanner cannot know.
test_unknown_regions_beside_region_not_evaluated_only if {
	cfg := {"region": "us-east-1", "encrypt_boot": true, "kms_key_id": "alias/k", "ami_regions": t.unknown("var.regions")}
	inp := t.pkr_input("amazon-ebs", cfg)
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "s0", "sub": "region-default-key", "path": ["ami_regions"], "reason": "var.regions"}} with input as inp
}

# An unknown build region decides nothing while one region is copied to; two distinct regions are
# a copy whatever it is.
test_unknown_build_region if {
	one := {"region": t.unknown("var.region"), "encrypt_boot": true, "kms_key_id": "alias/k", "ami_regions": ["eu-west-1"]}
	count(rule.deny) == 0 with input as t.pkr_input("amazon-ebs", one)
	rule.unknown == {{"resource": "s0", "sub": "region-default-key", "path": ["region"], "reason": "var.region"}} with input as t.pkr_input("amazon-ebs", one)
	two := object.union(one, {"ami_regions": ["eu-west-1", "ap-south-1"]})
	rule.deny == {{"resource": "s0", "sub": "region-default-key", "path": ["region_kms_key_ids"]}} with input as t.pkr_input("amazon-ebs", two)
	count(rule.unknown) == 0 with input as t.pkr_input("amazon-ebs", two)
}

# An empty region_kms_key_ids names no key: Packer copies with each region's default key.
test_copy_with_empty_region_keys_fails_low if {
	cfg := {"region": "us-east-1", "encrypt_boot": true, "kms_key_id": "alias/k", "ami_regions": ["eu-west-1"], "region_kms_key_ids": {}}
	rule.deny == {{"resource": "s0", "sub": "region-default-key", "path": ["region_kms_key_ids"]}} with input as t.pkr_input("amazon-ebs", cfg)
}

# A copied region's unknown key may be empty: not evaluated (it used to pass).
test_unknown_region_key_not_evaluated if {
	cfg := {
		"region": "us-east-1", "encrypt_boot": true, "kms_key_id": "alias/k", "ami_regions": ["eu-west-1"],
		"region_kms_key_ids": {"eu-west-1": t.unknown("var.k")},
	}
	inp := t.pkr_input("amazon-ebs", cfg)
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "s0", "sub": "region-default-key", "path": ["region_kms_key_ids", "eu-west-1"], "reason": "var.k"}} with input as inp
}

# An unknown key map decides nothing when the image is not copied.
test_unknown_region_keys_without_copy_silent if {
	cfg := {"region": "us-east-1", "encrypt_boot": true, "kms_key_id": "alias/k", "region_kms_key_ids": t.unknown("var.keys")}
	count(rule.unknown) == 0 with input as t.pkr_input("amazon-ebs", cfg)
}

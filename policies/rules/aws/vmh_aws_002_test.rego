package controlgate.rules.vmh_aws_002_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.vmh_aws_002 as rule

test_instance_without_root_block_fails if {
	inp := t.tf_input("aws_instance", {"ami": "ami-1"})
	rule.deny == {{"resource": "r0", "path": ["root_block_device"]}} with input as inp
	rule.applies == {"r0"} with input as inp
}

test_instance_root_encrypted_absent_fails if {
	inp := t.tf_input("aws_instance", {"root_block_device": [{"volume_size": 20}]})
	rule.deny == {{"resource": "r0", "path": ["root_block_device", 0, "encrypted"]}} with input as inp
}

test_instance_ebs_device_false_fails if {
	inp := t.tf_input("aws_instance", {
		"root_block_device": [{"encrypted": true}],
		"ebs_block_device": [{"device_name": "/dev/sdb", "encrypted": true}, {"device_name": "/dev/sdc", "encrypted": false}],
	})
	rule.deny == {{"resource": "r0", "path": ["ebs_block_device", 1, "encrypted"], "actual": false}} with input as inp
}

test_launch_configuration_fails if {
	inp := t.tf_input("aws_launch_configuration", {"root_block_device": [{"encrypted": false}]})
	rule.deny == {{"resource": "r0", "path": ["root_block_device", 0, "encrypted"], "actual": false}} with input as inp
}

test_launch_template_string_false_fails if {
	inp := t.tf_input("aws_launch_template", {"block_device_mappings": [
		{"device_name": "/dev/xvda", "ebs": [{"volume_size": 20, "encrypted": "false"}]},
		{"device_name": "/dev/xvdb", "ebs": [{"volume_size": 50}]},
	]})
	rule.deny == {
		{"resource": "r0", "path": ["block_device_mappings", 0, "ebs", 0, "encrypted"], "actual": "false"},
		{"resource": "r0", "path": ["block_device_mappings", 1, "ebs", 0, "encrypted"]},
	} with input as inp
}

test_launch_template_without_mappings_passes if {
	inp := t.tf_input("aws_launch_template", {"image_id": "ami-1"})
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
	rule.applies == {"r0"} with input as inp
}

test_ebs_volume_absent_fails if {
	inp := t.tf_input("aws_ebs_volume", {"availability_zone": "eu-west-1a", "size": 40})
	rule.deny == {{"resource": "r0", "path": ["encrypted"]}} with input as inp
}

test_all_encrypted_passes if {
	inp := t.tf_inputs([
		["aws_instance", {"root_block_device": [{"encrypted": true}], "ebs_block_device": [{"encrypted": "true"}]}],
		["aws_launch_template", {"block_device_mappings": [{"ebs": [{"encrypted": "true"}]}, {"virtual_name": "ephemeral0"}]}],
		["aws_ebs_volume", {"encrypted": true, "kms_key_id": "arn:aws:kms:eu-west-1:111122223333:key/1"}],
	])
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
	rule.applies == {"r0", "r1", "r2"} with input as inp
}

test_account_default_downgrades_to_info if {
	inp := t.tf_inputs([
		["aws_ebs_volume", {"size": 40}],
		["aws_ebs_encryption_by_default", {}],
	])
	rule.deny == {{"resource": "r0", "path": ["encrypted"], "sub": "account-default"}} with input as inp
}

test_account_default_disabled_does_not_downgrade if {
	inp := t.tf_inputs([
		["aws_ebs_volume", {"size": 40, "encrypted": false}],
		["aws_ebs_encryption_by_default", {"enabled": false}],
	])
	rule.deny == {{"resource": "r0", "path": ["encrypted"], "actual": false}} with input as inp
}

test_account_default_unknown_not_evaluated if {
	inp := t.tf_inputs([
		["aws_ebs_volume", {"size": 40}],
		["aws_ebs_encryption_by_default", {"enabled": t.unknown("var.ebs_default")}],
	])
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "r0", "path": ["encrypted"], "reason": "var.ebs_default"}} with input as inp
}

test_unknown_encrypted_not_evaluated if {
	inp := t.tf_inputs([
		["aws_instance", {"root_block_device": [{"encrypted": t.unknown("var.enc")}]}],
		["aws_launch_template", {"block_device_mappings": [{"ebs": [{"encrypted": t.unknown("var.enc")}]}]}],
		["aws_ebs_volume", {"encrypted": t.unknown("var.enc")}],
	])
	count(rule.deny) == 0 with input as inp
	rule.unknown == {
		{"resource": "r0", "path": ["root_block_device", 0, "encrypted"], "reason": "var.enc"},
		{"resource": "r1", "path": ["block_device_mappings", 0, "ebs", 0, "encrypted"], "reason": "var.enc"},
		{"resource": "r2", "path": ["encrypted"], "reason": "var.enc"},
	} with input as inp
}

test_dynamic_blocks_not_evaluated if {
	inp := t.tf_inputs([
		["aws_instance", {"root_block_device": [{"encrypted": true}], "ebs_block_device": t.unknown(`dynamic "ebs_block_device"`)}],
		["aws_launch_template", {"block_device_mappings": [{"ebs": t.unknown(`dynamic "ebs"`)}]}],
	])
	count(rule.deny) == 0 with input as inp
	rule.unknown == {
		{"resource": "r0", "path": ["ebs_block_device"], "reason": `dynamic "ebs_block_device"`},
		{"resource": "r1", "path": ["block_device_mappings", 0, "ebs"], "reason": `dynamic "ebs"`},
	} with input as inp
}

test_dynamic_root_block_not_denied if {
	inp := t.tf_input("aws_instance", {"root_block_device": t.unknown(`dynamic "root_block_device"`)})
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 1 with input as inp
}

test_json_single_object_block if {
	inp := t.tf_input("aws_instance", {"root_block_device": {"encrypted": false}})
	rule.deny == {{"resource": "r0", "path": ["root_block_device", 0, "encrypted"], "actual": false}} with input as inp
}

test_other_types_ignored if {
	inp := t.tf_input("aws_rds_cluster", {"storage_encrypted": false})
	count(rule.applies) == 0 with input as inp
}

# A block list that resolves to [] (root_block_device = var.none) is no block: the absent case.
test_empty_root_block_device_list_fails if {
	inp := t.tf_input("aws_instance", {"ami": "ami-1", "root_block_device": []})
	rule.deny == {{"resource": "r0", "path": ["root_block_device"]}} with input as inp
}

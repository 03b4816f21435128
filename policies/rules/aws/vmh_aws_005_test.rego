package controlgate.rules.vmh_aws_005_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.vmh_aws_005 as rule

_restricted := {"DataClassification": "Restricted"}

test_restricted_volumes_without_cmk_fail if {
	inp := t.tf_inputs([
		["aws_ebs_volume", {"encrypted": true, "tags": _restricted}],
		["aws_instance", {"tags": {"data_classification": "confidential"}, "ebs_block_device": [{"device_name": "/dev/sdf", "kms_key_id": t.unknown("aws_kms_key.k.arn")}]}],
		["aws_launch_template", {"tags": _restricted, "block_device_mappings": [{"ebs": {"encrypted": true}}]}],
		["aws_instance", {"tags": _restricted, "root_block_device": {"kms_key_id": ""}}],
	])
	rule.deny == {
		{"resource": "r0", "path": ["kms_key_id"]},
		{"resource": "r1", "path": ["root_block_device"]},
		{"resource": "r2", "path": ["block_device_mappings", 0, "ebs", 0, "kms_key_id"]},
		{"resource": "r3", "path": ["root_block_device", 0, "kms_key_id"]},
	} with input as inp
	rule.applies == {"r0", "r1", "r2", "r3"} with input as inp
}

test_cmk_and_unclassified_pass if {
	inp := t.tf_inputs([
		["aws_ebs_volume", {"encrypted": true, "kms_key_id": "arn:aws:kms:eu-west-1:123456789012:key/1", "tags": _restricted}],
		["aws_instance", {"tags": _restricted, "root_block_device": [{"kms_key_id": t.unknown("aws_kms_key.k.arn")}]}],
		["aws_ebs_volume", {"encrypted": true, "tags": {"DataClassification": "internal"}}],
		["aws_instance", {}],
	])
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
	rule.applies == {"r0", "r1"} with input as inp
}

test_unknown_not_evaluated if {
	inp := t.tf_inputs([
		["aws_ebs_volume", {"kms_key_id": t.unknown("var.kms_key_id"), "tags": _restricted}],
		["aws_launch_template", {"tags": _restricted, "block_device_mappings": t.unknown(`dynamic "block_device_mappings"`)}],
	])
	count(rule.deny) == 0 with input as inp
	rule.unknown == {
		{"resource": "r0", "path": ["kms_key_id"], "reason": "var.kms_key_id"},
		{"resource": "r1", "path": ["block_device_mappings"], "reason": `dynamic "block_device_mappings"`},
	} with input as inp
}

test_classification_keys_and_values_from_settings if {
	inp := object.union(
		t.tf_inputs([
			["aws_ebs_volume", {"encrypted": true, "tags": {"Sensitivity": "PII"}}],
			["aws_ebs_volume", {"encrypted": true, "tags": _restricted}],
		]),
		{"settings": {"classification_tag_keys": ["Sensitivity"], "restricted_classifications": ["pii"]}},
	)
	rule.deny == {{"resource": "r0", "path": ["kms_key_id"]}} with input as inp
	rule.applies == {"r0"} with input as inp
}

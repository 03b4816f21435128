package controlgate.rules.ast_multi_003_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.ast_multi_003 as rule

test_kept_disks_fail if {
	inp := t.tf_inputs([
		["aws_instance", {"root_block_device": [{"delete_on_termination": false}], "ebs_block_device": [{"device_name": "/dev/sdf", "delete_on_termination": "false"}]}],
		["aws_launch_template", {"block_device_mappings": [{"device_name": "/dev/xvda", "ebs": [{"delete_on_termination": "false"}]}]}],
		["google_compute_instance", {"boot_disk": [{"auto_delete": false}]}],
		["azurerm_virtual_machine", {"storage_data_disk": [{"name": "data"}], "delete_os_disk_on_termination": false}],
	])
	rule.deny == {
		{"resource": "r0", "path": ["root_block_device", 0, "delete_on_termination"], "actual": false},
		{"resource": "r0", "path": ["ebs_block_device", 0, "delete_on_termination"], "actual": "false"},
		{"resource": "r1", "path": ["block_device_mappings", 0, "ebs", 0, "delete_on_termination"], "actual": "false"},
		{"resource": "r2", "path": ["boot_disk", 0, "auto_delete"], "actual": false},
		{"resource": "r3", "path": ["delete_os_disk_on_termination"], "actual": false},
		{"resource": "r3", "path": ["delete_data_disks_on_termination"]},
	} with input as inp
	count(rule.applies) == 4 with input as inp
}

test_defaults_pass_except_legacy_azure if {
	inp := t.tf_inputs([
		["aws_instance", {"root_block_device": [{"volume_size": 20}]}],
		["google_compute_instance", {"boot_disk": [{}]}],
		["azurerm_virtual_machine", {"delete_os_disk_on_termination": true}],
	])
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
	inp2 := t.tf_input("azurerm_virtual_machine", {"name": "vm"})
	rule.deny == {{"resource": "r0", "path": ["delete_os_disk_on_termination"]}} with input as inp2
}

test_retention_tag_exempts if {
	inp := t.tf_inputs([
		["aws_instance", {"root_block_device": [{"delete_on_termination": false}], "tags": {"Retention": "2027-01-01 owner=dba"}}],
		["google_compute_instance", {"boot_disk": [{"auto_delete": false}], "labels": {"retain_until": "2027-01-01"}}],
	])
	count(rule.deny) == 0 with input as inp
	count(rule.applies) == 0 with input as inp
}

test_provider_feature_keeps_os_disks if {
	p := {"id": "p0", "name": "azurerm", "module_dir": ".", "file": "providers.tf", "config": {"features": [{"virtual_machine": [{"delete_os_disk_on_deletion": false}]}]}}
	inp := {"terraform": {"resources": [], "providers": [p]}}
	rule.deny == {{"resource": "p0", "path": ["features", 0, "virtual_machine", 0, "delete_os_disk_on_deletion"], "actual": false}} with input as inp
}

test_unknown_not_evaluated if {
	inp := t.tf_inputs([
		["aws_instance", {"root_block_device": [{"delete_on_termination": t.unknown("var.keep")}]}],
		["google_compute_instance", {"boot_disk": [{"auto_delete": t.unknown("var.auto")}]}],
	])
	count(rule.deny) == 0 with input as inp
	rule.unknown == {
		{"resource": "r0", "path": ["root_block_device", 0, "delete_on_termination"], "reason": "var.keep"},
		{"resource": "r1", "path": ["boot_disk", 0, "auto_delete"], "reason": "var.auto"},
	} with input as inp
}

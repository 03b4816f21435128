package controlgate.rules.seg_multi_003_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.seg_multi_003 as rule

_r := {"data_classification": "restricted"}

test_unclassified_not_checked if {
	inp := t.tf_inputs([["aws_instance", {}], ["google_compute_instance", {"labels": {"data_classification": "internal"}}]])
	count(rule.applies) == 0 with input as inp
	count(rule.deny) == 0 with input as inp
}

test_restricted_on_shared_hardware_fails if {
	inp := t.tf_inputs([
		["aws_instance", {"tags": _r, "tenancy": "default"}],
		["aws_launch_template", {"tags": _r}],
		["azurerm_linux_virtual_machine", {"tags": _r, "os_disk": [{"caching": "ReadWrite"}]}],
		["google_compute_instance", {"labels": _r, "confidential_instance_config": [{"enable_confidential_compute": false}]}],
	])
	rule.deny == {
		{"resource": "r0", "path": ["tenancy"]},
		{"resource": "r1", "path": ["placement", 0, "tenancy"]},
		{"resource": "r2", "path": ["dedicated_host_id"]},
		{"resource": "r3", "path": ["confidential_instance_config"]},
	} with input as inp
	count(rule.applies) == 4 with input as inp
}

test_isolated_restricted_passes if {
	inp := t.tf_inputs([
		["aws_instance", {"tags": _r, "tenancy": "dedicated"}],
		["aws_instance", {"tags": _r, "host_id": "h-0123456789abcdef0"}],
		["aws_launch_template", {"tags": _r, "placement": [{"tenancy": "host"}]}],
		["azurerm_windows_virtual_machine", {"tags": _r, "dedicated_host_group_id": t.unknown("azurerm_dedicated_host_group.g.id")}],
		["azurerm_linux_virtual_machine", {"tags": _r, "os_disk": [{"security_encryption_type": "DiskWithVMGuestState"}]}],
		["google_compute_instance", {"labels": _r, "confidential_instance_config": [{"enable_confidential_compute": true}]}],
		["google_compute_instance", {"labels": _r, "scheduling": [{"node_affinities": [{"key": "compute.googleapis.com/node-group-name", "operator": "IN", "values": ["sole"]}]}]}],
	])
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_dedicated_vpc_in_module_passes if {
	inp := t.tf_inputs([["aws_instance", {"tags": _r}], ["aws_vpc", {"instance_tenancy": "dedicated"}]])
	count(rule.deny) == 0 with input as inp
}

test_unknown_not_evaluated if {
	inp := t.tf_inputs([
		["aws_instance", {"tags": _r, "tenancy": t.unknown("var.tenancy")}],
		["azurerm_linux_virtual_machine", {"tags": _r, "dedicated_host_id": t.unknown("var.host")}],
	])
	count(rule.deny) == 0 with input as inp
	rule.unknown == {
		{"resource": "r0", "path": ["tenancy"], "reason": "var.tenancy"},
		{"resource": "r1", "path": ["dedicated_host_id"], "reason": "var.host"},
	} with input as inp
}

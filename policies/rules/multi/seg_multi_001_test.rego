package controlgate.rules.seg_multi_001_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.seg_multi_001 as rule

test_aws_instance_without_subnet_fails if {
	inp := t.tf_input("aws_instance", {"ami": "ami-1"})
	rule.deny == {{"resource": "r0", "path": ["subnet_id"]}} with input as inp
	rule.applies == {"r0"} with input as inp
}

test_aws_instance_in_default_subnet_is_low if {
	inp := t.tf_inputs([
		["aws_instance", {"subnet_id": t.unknown("aws_default_subnet.r1.id")}],
		["aws_default_subnet", {"availability_zone": "eu-west-1a"}],
	])
	rule.deny == {{"resource": "r0", "path": ["subnet_id"], "sub": "default-subnet"}} with input as inp
}

test_aws_instance_with_subnet_or_eni_passes if {
	inp := t.tf_inputs([
		["aws_instance", {"subnet_id": t.unknown("aws_subnet.private.id")}],
		["aws_instance", {"network_interface": [{"network_interface_id": t.unknown("aws_network_interface.n.id"), "device_index": 0}]}],
	])
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_gcp_project_and_network_defaults_fail if {
	inp := t.tf_inputs([
		["google_project", {"name": "p", "project_id": "p"}],
		["google_project", {"auto_create_network": true}],
		["google_compute_network", {"name": "n"}],
		["google_compute_network", {"auto_create_subnetworks": true}],
	])
	rule.deny == {
		{"resource": "r0", "path": ["auto_create_network"]},
		{"resource": "r1", "path": ["auto_create_network"], "actual": true},
		{"resource": "r2", "path": ["auto_create_subnetworks"], "sub": "auto-subnets"},
		{"resource": "r3", "path": ["auto_create_subnetworks"], "sub": "auto-subnets", "actual": true},
	} with input as inp
}

test_gcp_instance_on_default_network_fails if {
	inp := t.tf_inputs([
		["google_compute_instance", {"network_interface": [{"network": "default"}]}],
		["google_compute_instance_template", {"network_interface": [{"network": "projects/p/global/networks/default"}]}],
	])
	rule.deny == {
		{"resource": "r0", "path": ["network_interface", 0, "network"], "actual": "default"},
		{"resource": "r1", "path": ["network_interface", 0, "network"], "actual": "projects/p/global/networks/default"},
	} with input as inp
}

test_gcp_custom_networks_pass if {
	inp := t.tf_inputs([
		["google_project", {"auto_create_network": false}],
		["google_compute_network", {"auto_create_subnetworks": false}],
		["google_compute_instance", {"network_interface": [{"subnetwork": t.unknown("google_compute_subnetwork.app.id")}]}],
		["google_compute_instance", {"network_interface": [{"network": t.unknown("google_compute_network.r1.id")}]}],
	])
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_unknown_not_evaluated if {
	inp := t.tf_inputs([
		["google_project", {"auto_create_network": t.unknown("var.auto")}],
		["google_compute_network", {"auto_create_subnetworks": t.unknown("var.auto")}],
		["google_compute_instance", {"network_interface": [{"network": t.unknown("var.network")}]}],
		["aws_instance", {"network_interface": t.unknown(`dynamic "network_interface"`)}],
		["google_compute_instance_template", {"network_interface": t.unknown(`dynamic "network_interface"`)}],
	])
	count(rule.deny) == 0 with input as inp
	rule.unknown == {
		{"resource": "r0", "path": ["auto_create_network"], "reason": "var.auto"},
		{"resource": "r1", "path": ["auto_create_subnetworks"], "sub": "auto-subnets", "reason": "var.auto"},
		{"resource": "r2", "path": ["network_interface", 0, "network"], "reason": "var.network"},
		{"resource": "r3", "path": ["network_interface"], "reason": `dynamic "network_interface"`},
		{"resource": "r4", "path": ["network_interface"], "reason": `dynamic "network_interface"`},
	} with input as inp
}

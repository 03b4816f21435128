package controlgate.rules.vmh_multi_005_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.vmh_multi_005 as rule

test_azure_password_auth_fails if {
	inp := t.tf_inputs([
		["azurerm_linux_virtual_machine", {"disable_password_authentication": false, "admin_password": "P@ssw0rd1234!"}],
		["azurerm_linux_virtual_machine_scale_set", {"admin_password": "P@ssw0rd1234!"}],
		["azurerm_virtual_machine", {"os_profile_linux_config": [{"disable_password_authentication": false}]}],
	])
	rule.deny == {
		{"resource": "r0", "path": ["disable_password_authentication"], "actual": false},
		{"resource": "r1", "path": ["admin_password"]},
		{"resource": "r2", "path": ["os_profile_linux_config", 0, "disable_password_authentication"], "actual": false},
	} with input as inp
	count(rule.applies) == 3 with input as inp
}

test_azure_keys_only_passes if {
	inp := t.tf_inputs([
		["azurerm_linux_virtual_machine", {"admin_ssh_key": [{"username": "u", "public_key": "ssh-ed25519 AAAA"}]}],
		["azurerm_linux_virtual_machine", {"disable_password_authentication": true}],
		["azurerm_virtual_machine", {"os_profile_linux_config": [{"disable_password_authentication": true}]}],
	])
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_azure_unknown_not_evaluated if {
	inp := t.tf_inputs([
		["azurerm_linux_virtual_machine", {"disable_password_authentication": t.unknown("var.pw_auth")}],
		["azurerm_virtual_machine", {"os_profile_linux_config": [{"disable_password_authentication": t.unknown("var.x")}]}],
	])
	count(rule.deny) == 0 with input as inp
	rule.unknown == {
		{"resource": "r0", "path": ["disable_password_authentication"], "reason": "var.pw_auth"},
		{"resource": "r1", "path": ["os_profile_linux_config", 0, "disable_password_authentication"], "reason": "var.x"},
	} with input as inp
}

test_gcp_instance_defaults_accept_project_keys if {
	inp := t.tf_inputs([
		["google_compute_instance", {"name": "a"}],
		["google_compute_instance_template", {"metadata": {"foo": "bar"}}],
	])
	rule.deny == {
		{"resource": "r0", "path": ["metadata", "block-project-ssh-keys"], "sub": "project-ssh-keys"},
		{"resource": "r1", "path": ["metadata", "block-project-ssh-keys"], "sub": "project-ssh-keys"},
	} with input as inp
}

test_gcp_oslogin_off_and_serial_port_fail if {
	md := {"enable-oslogin": "FALSE", "block-project-ssh-keys": true, "serial-port-enable": "TRUE"}
	inp := t.tf_input("google_compute_instance", {"metadata": md})
	rule.deny == {
		{"resource": "r0", "path": ["metadata", "enable-oslogin"], "sub": "oslogin-disabled", "actual": "FALSE"},
		{"resource": "r0", "path": ["metadata", "serial-port-enable"], "sub": "serial-port", "actual": "TRUE"},
	} with input as inp
}

test_gcp_project_level_serial_port_fails if {
	inp := t.tf_inputs([
		["google_compute_project_metadata", {"metadata": {"serial-port-enable": "1"}}],
		["google_compute_project_metadata_item", {"key": "serial-port-enable", "value": "true"}],
	])
	rule.deny == {
		{"resource": "r0", "path": ["metadata", "serial-port-enable"], "sub": "serial-port", "actual": "1"},
		{"resource": "r1", "path": ["value"], "sub": "serial-port", "actual": "true"},
	} with input as inp
}

test_gcp_instance_oslogin_or_block_passes if {
	inp := t.tf_inputs([
		["google_compute_instance", {"metadata": {"enable-oslogin": "TRUE"}}],
		["google_compute_instance", {"metadata": {"block-project-ssh-keys": "true", "serial-port-enable": "false"}}],
	])
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_gcp_project_oslogin_in_module_passes if {
	inp := t.tf_inputs([
		["google_compute_instance", {}],
		["google_compute_project_metadata", {"metadata": {"enable-oslogin": "TRUE"}}],
		["google_compute_instance_template", {}],
	])
	count(rule.deny) == 0 with input as inp
	inp2 := t.tf_inputs([
		["google_compute_instance", {}],
		["google_compute_project_metadata_item", {"key": "enable-oslogin", "value": "TRUE"}],
	])
	count(rule.deny) == 0 with input as inp2
	count(rule.unknown) == 0 with input as inp2
}

test_gcp_unknown_not_evaluated if {
	inp := t.tf_inputs([
		["google_compute_instance", {"metadata": t.unknown("var.metadata")}],
		["google_compute_instance", {"metadata": {"block-project-ssh-keys": t.unknown("var.block"), "serial-port-enable": t.unknown("var.serial")}}],
	])
	count(rule.deny) == 0 with input as inp
	rule.unknown == {
		{"resource": "r0", "path": ["metadata"], "sub": "project-ssh-keys", "reason": "var.metadata"},
		{"resource": "r1", "path": ["metadata", "block-project-ssh-keys"], "sub": "project-ssh-keys", "reason": "var.block"},
		{"resource": "r1", "path": ["metadata", "serial-port-enable"], "sub": "serial-port", "reason": "var.serial"},
	} with input as inp
}

test_gcp_unknown_project_oslogin_not_evaluated if {
	inp := t.tf_inputs([
		["google_compute_instance", {}],
		["google_compute_project_metadata_item", {"key": "enable-oslogin", "value": t.unknown("var.oslogin")}],
	])
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "r0", "path": ["metadata", "block-project-ssh-keys"], "sub": "project-ssh-keys", "reason": "var.oslogin"}} with input as inp
}

# OS Login switched off for the whole project.
test_project_oslogin_off_fails if {
	inp := t.tf_inputs([
		["google_compute_project_metadata", {"metadata": {"enable-oslogin": false}}],
		["google_compute_project_metadata_item", {"key": "enable-oslogin", "value": "FALSE"}],
	])
	rule.deny == {
		{"resource": "r0", "path": ["metadata", "enable-oslogin"], "sub": "oslogin-disabled", "actual": false},
		{"resource": "r1", "path": ["value"], "sub": "oslogin-disabled", "actual": "FALSE"},
	} with input as inp
}

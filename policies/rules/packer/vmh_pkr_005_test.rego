package controlgate.rules.vmh_pkr_005_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.vmh_pkr_005 as rule

test_no_provisioners_is_high if {
	inp := t.pkr_build_input([["amazon-ebs", {}]], [])
	rule.deny == {{"resource": "b0", "sub": "no-provisioners", "path": ["provisioner"]}} with input as inp
	rule.applies == {"b0"} with input as inp
}

test_no_hardening_fails if {
	inp := t.pkr_build_input([["googlecompute", {}]], [["shell", {"inline": ["apt-get update", "apt-get install -y nginx"]}]])
	rule.deny == {{"resource": "b0", "path": []}} with input as inp
}

test_ansible_cis_playbook_passes if {
	inp := t.pkr_build_input([["amazon-ebs", {}]], [
		["shell", {"inline": ["sudo apt-get update"]}],
		["ansible", {"playbook_file": "./ansible/cis-level1.yml"}],
	])
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_hardening_script_passes if {
	inp := t.pkr_build_input([["amazon-ebs", {}]], [["shell", {"scripts": ["scripts/update.sh", "scripts/harden.sh"]}]])
	count(rule.deny) == 0 with input as inp
}

test_azure_without_generalize_is_low if {
	inp := t.pkr_build_input([["azure-arm", {}]], [
		["shell", {"script": "scripts/stig.sh"}],
		["shell", {"inline": ["echo done"]}],
	])
	rule.deny == {{"resource": "b0", "sub": "no-generalize", "path": ["provisioner", "shell", 1]}} with input as inp
}

test_azure_with_deprovision_last_passes if {
	inp := t.pkr_build_input([["azure-arm", {}]], [
		["ansible", {"playbook_file": "harden.yml"}],
		["shell", {"execute_command": "chmod +x {{ .Path }}; {{ .Vars }} sudo -E sh '{{ .Path }}'", "inline": ["/usr/sbin/waagent -force -deprovision+user && export HISTSIZE=0 && sync"]}],
	])
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_azure_windows_sysprep_passes if {
	inp := t.pkr_build_input([["azure-arm", {}]], [
		["powershell", {"script": "scripts/baseline.ps1"}],
		["powershell", {"inline": ["& $env:SystemRoot\\System32\\Sysprep\\Sysprep.exe /oobe /generalize /quiet /quit /mode:vm"]}],
	])
	count(rule.deny) == 0 with input as inp
}

test_azure_no_provisioners_reports_both if {
	inp := t.pkr_build_input([["azure-arm", {}]], [])
	rule.deny == {
		{"resource": "b0", "sub": "no-provisioners", "path": ["provisioner"]},
		{"resource": "b0", "sub": "no-generalize", "path": ["provisioner"]},
	} with input as inp
}

test_json_template_paths if {
	inp := t.pkr_json_build_input([["azure-arm", {}]], [["shell", {"inline": ["yum -y update"]}]])
	rule.deny == {
		{"resource": "b0", "path": ["provisioners"]},
		{"resource": "b0", "sub": "no-generalize", "path": ["provisioners", 0]},
	} with input as inp
}

test_unknown_script_not_evaluated if {
	inp := t.pkr_build_input([["amazon-ebs", {}]], [["ansible", {"playbook_file": t.unknown("var.playbook")}]])
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "b0", "path": [], "reason": "var.playbook"}} with input as inp
}

test_unknown_last_step_not_evaluated if {
	inp := t.pkr_build_input([["azure-arm", {}]], [["shell", {"script": "harden.sh"}], ["shell", {"script": t.unknown("var.final")}]])
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "b0", "sub": "no-generalize", "path": ["provisioner", "shell", 1], "reason": "var.final"}} with input as inp
}

test_non_image_builds_ignored if {
	inp := t.pkr_build_input([["docker", {}]], [])
	count(rule.applies) == 0 with input as inp
	count(rule.deny) == 0 with input as inp
}

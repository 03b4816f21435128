package controlgate.rules.vmh_multi_002_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.vmh_multi_002 as rule

_script(line) := concat("\n", ["#!/bin/bash", "set -euo pipefail", line, "systemctl start app"])

test_aws_access_key_in_user_data_fails if {
	inp := t.tf_input("aws_instance", {"user_data": _script("export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE")})
	rule.deny == {{"resource": "r0", "path": ["user_data"]}} with input as inp
	rule.applies == {"r0"} with input as inp
}

test_secret_access_key_and_password_fail if {
	inp := t.tf_inputs([
		["aws_launch_configuration", {"user_data": _script("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")}],
		["aws_instance", {"user_data": _script(`DB_PASSWORD="S3cr3tPassw0rd"`)}],
		["google_compute_instance", {"metadata": {"startup-script": _script("echo 'token: ghp_abcdefghijklmnop' > /etc/app")}}],
	])
	rule.deny == {
		{"resource": "r0", "path": ["user_data"]},
		{"resource": "r1", "path": ["user_data"]},
		{"resource": "r2", "path": ["metadata", "startup-script"]},
	} with input as inp
}

test_private_key_and_azure_account_key_fail if {
	inp := t.tf_inputs([
		["google_compute_instance_template", {"metadata_startup_script": _script("cat > /root/.ssh/id_rsa <<K\n-----BEGIN RSA PRIVATE KEY-----\nMIIE\nK")}],
		["azurerm_virtual_machine", {"os_profile": [{"custom_data": _script("CONN='DefaultEndpointsProtocol=https;AccountName=x;AccountKey=abcd1234=='")}]}],
	])
	rule.deny == {
		{"resource": "r0", "path": ["metadata_startup_script"]},
		{"resource": "r1", "path": ["os_profile", 0, "custom_data"]},
	} with input as inp
}

test_base64_encoded_secret_fails if {
	inp := t.tf_inputs([
		["aws_launch_template", {"user_data": base64.encode(_script("export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE"))}],
		["azurerm_linux_virtual_machine", {"custom_data": base64.encode(_script("{\"private_key_id\": \"0123456789abcdef\"}"))}],
	])
	rule.deny == {
		{"resource": "r0", "path": ["user_data"]},
		{"resource": "r1", "path": ["custom_data"]},
	} with input as inp
}

test_literal_secret_inside_template_fails if {
	tpl := "#!/bin/bash\necho ${var.env}\nexport ADMIN_PASSWORD=hunter2hunter2\n"
	inp := t.tf_input("aws_instance", {"user_data": t.unknown(tpl)})
	rule.deny == {{"resource": "r0", "path": ["user_data"]}} with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_clean_scripts_pass if {
	inp := t.tf_inputs([
		["aws_instance", {"user_data": _script(`DB_PASSWORD="$(aws secretsmanager get-secret-value --secret-id db --query SecretString --output text)"`)}],
		["google_compute_instance", {"metadata": {"enable-oslogin": "TRUE", "startup-script": _script("apt-get update")}}],
		["azurerm_windows_virtual_machine", {"custom_data": base64.encode("Write-Output hello")}],
		["aws_instance", {"ami": "ami-1"}],
	])
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
	count(rule.applies) == 4 with input as inp
}

test_file_call_not_evaluated if {
	inp := t.tf_inputs([
		["aws_instance", {"user_data": t.unknown(`file("${path.module}/init.sh")`)}],
		["google_compute_instance", {"metadata": t.unknown("var.metadata")}],
		["azurerm_virtual_machine", {"os_profile": t.unknown(`dynamic "os_profile"`)}],
	])
	count(rule.deny) == 0 with input as inp
	rule.unknown == {
		{"resource": "r0", "path": ["user_data"], "reason": `file("${path.module}/init.sh")`},
		{"resource": "r1", "path": ["metadata"], "reason": "var.metadata"},
		{"resource": "r2", "path": ["os_profile"], "reason": `dynamic "os_profile"`},
	} with input as inp
}

test_long_template_reason_is_clipped if {
	tpl := concat("", ["#!/bin/bash ", concat("", [x | some _ in numbers.range(1, 20); x := "echo ${var.a}; "]), "\nmore"])
	inp := t.tf_input("aws_instance", {"user_data": t.unknown(tpl)})
	some u in rule.unknown with input as inp
	count(u.reason) == 80
	endswith(u.reason, "...")
}

test_sensitive_variable_interpolated_is_sub if {
	inp := object.union(t.tf_input("aws_instance", {"user_data": t.unknown("#!/bin/bash\nexport PW=${var.db_password}\n")}), {"terraform": {"variables": [
		{"id": "v0", "name": "db_password", "dir": ".", "file": "v.tf", "has_default": false, "sensitive": true},
		{"id": "v1", "name": "env", "dir": ".", "file": "v.tf", "has_default": false, "sensitive": false},
	]}})
	rule.deny == {{"resource": "r0", "path": ["user_data"], "sub": "sensitive-var"}} with input as inp
	count(rule.unknown) == 1 with input as inp
}

# Heredocs keep backslashes: PASSWORD=\"...\" is a quoted literal, as are JSON-escaped and HTML quotes.
test_escaped_quotes_around_secret_fail if {
	inp := t.tf_inputs([
		["aws_instance", {"user_data": _script(`echo "export DB_PASSWORD=\"Sup3rS3cret\"" >> /etc/profile`)}],
		["azurerm_linux_virtual_machine", {"custom_data": t.unknown(`base64encode("ADMIN_PASSWORD=\\\"Adm1nPassw0rd\\\"")`)}],
		["aws_launch_template", {"user_data": _script(`{\"api_token\": \"tok_9f8e7d6c5b4a\"}`)}],
		["google_compute_instance", {"metadata_startup_script": _script("cfg='password=&quot;Hunter22x&quot;'")}],
	])
	rule.deny == {
		{"resource": "r0", "path": ["user_data"]},
		{"resource": "r1", "path": ["custom_data"]},
		{"resource": "r2", "path": ["user_data"]},
		{"resource": "r3", "path": ["metadata_startup_script"]},
	} with input as inp
}

test_escaped_quotes_around_expansion_pass if {
	inp := t.tf_input("aws_instance", {"user_data": _script(`echo "DB_PASSWORD=\"$DB_PASSWORD\"" && echo "token=\"${TOKEN}\""`)})
	count(rule.deny) == 0 with input as inp
}

package controlgate.rules.adm_pkr_001_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.adm_pkr_001 as rule

_var(name, props) := object.union({"id": name, "name": name, "dir": ".", "file": "variables.pkr.hcl", "sensitive": false}, props)

_with_vars(inp, vars) := object.union(inp, {"packer": {"variables": vars}})

test_literal_aws_keys_fail if {
	inp := t.pkr_input("amazon-ebs", {"access_key": "AKIAIOSFODNN7EXAMPLE", "secret_key": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"})
	rule.deny == {
		{"resource": "s0", "path": ["access_key"]},
		{"resource": "s0", "path": ["secret_key"]},
	} with input as inp
	rule.applies == {"s0"} with input as inp
}

test_literal_azure_secret_fails if {
	inp := t.pkr_input("azure-arm", {"client_id": "00000000-0000-0000-0000-000000000000", "client_secret": "s3cr3t~value"})
	rule.deny == {{"resource": "s0", "path": ["client_secret"]}} with input as inp
}

test_literal_gcp_json_fails if {
	inp := t.pkr_input("googlecompute", {"credentials_json": "{\"type\": \"service_account\"}", "account_file": " {\"private_key\": \"x\"}"})
	rule.deny == {
		{"resource": "s0", "path": ["credentials_json"]},
		{"resource": "s0", "path": ["account_file"]},
	} with input as inp
}

test_literal_password_any_builder_fails if {
	inp := t.pkr_input("qemu", {"ssh_username": "packer", "ssh_password": "packer"})
	rule.deny == {{"resource": "s0", "path": ["ssh_password"]}} with input as inp
}

test_key_file_in_repo_is_low if {
	inp := t.pkr_input("amazon-ebs", {"ssh_private_key_file": "keys/build_rsa"})
	rule.deny == {{"resource": "s0", "sub": "key-file", "path": ["ssh_private_key_file"]}} with input as inp
}

test_key_file_under_path_root_is_low if {
	inp := t.pkr_input("googlecompute", {"credentials_file": t.unknown("${path.root}/sa.json")})
	rule.deny == {{"resource": "s0", "sub": "key-file", "path": ["credentials_file"]}} with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_key_file_outside_repo_passes if {
	inp := t.pkr_input("amazon-ebs", {"ssh_private_key_file": "/home/runner/.ssh/build_rsa"})
	count(rule.deny) == 0 with input as inp
}

test_absent_credentials_pass if {
	inp := t.pkr_input("amazon-ebs", {"region": "us-east-1", "access_key": ""})
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_env_and_vault_pass if {
	inp := t.pkr_input("amazon-ebs", {"access_key": t.unknown(`env("AWS_ACCESS_KEY_ID")`), "secret_key": t.unknown(`vault("secret/aws", "secret_key")`)})
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_variable_without_default_passes if {
	inp := _with_vars(t.pkr_input("azure-arm", {"client_secret": t.unknown("var.client_secret")}), [_var("client_secret", {"has_default": false})])
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_variable_with_literal_default_fails_on_source if {
	vars := [_var("client_secret", {"has_default": true, "default": "hunter2-literal"})]
	inp := _with_vars(t.pkr_input("azure-arm", {"client_secret": t.unknown("var.client_secret")}), vars)
	rule.deny == {{"resource": "s0", "path": ["client_secret"]}} with input as inp
}

test_sensitive_variable_with_literal_default_fails_on_variable if {
	vars := [_var("client_secret", {"has_default": true, "default": "hunter2-literal", "sensitive": true})]
	inp := _with_vars(t.pkr_input("azure-arm", {"client_secret": t.unknown("var.client_secret")}), vars)
	rule.deny == {{"resource": "client_secret", "path": ["default"]}} with input as inp
	rule.applies == {"s0", "client_secret"} with input as inp
}

test_sensitive_variable_from_env_passes if {
	vars := [_var("token", {"has_default": true, "default": t.unknown(`env("AWS_SESSION_TOKEN")`), "sensitive": true})]
	inp := _with_vars(t.pkr_input("amazon-ebs", {"token": t.unknown("var.token")}), vars)
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_json_user_variable_with_literal_default_fails if {
	inp := t.pkr_json_build_input([["amazon-ebs", {"secret_key": "{{user `aws_secret_key`}}"}]], [])
	vars := [_var("aws_secret_key", {"has_default": true, "default": "wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY"})]
	rule.deny == {{"resource": "s0", "path": ["secret_key"]}} with input as _with_vars(inp, vars)
}

test_json_env_template_passes if {
	inp := t.pkr_json_build_input([["amazon-ebs", {"secret_key": "{{env `AWS_SECRET_ACCESS_KEY`}}"}]], [])
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_json_variable_default_from_env_passes if {
	inp := t.pkr_json_build_input([["amazon-ebs", {"secret_key": "{{user `aws_secret_key`}}"}]], [])
	vars := [_var("aws_secret_key", {"has_default": true, "default": "{{env `AWS_SECRET_ACCESS_KEY`}}"})]
	count(rule.deny) == 0 with input as _with_vars(inp, vars)
	count(rule.unknown) == 0 with input as _with_vars(inp, vars)
}

test_local_value_not_evaluated if {
	inp := t.pkr_input("amazon-ebs", {"secret_key": t.unknown("local.aws_secret")})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "s0", "path": ["secret_key"], "reason": "local.aws_secret"}} with input as inp
}

test_undeclared_variable_not_evaluated if {
	inp := t.pkr_input("amazon-ebs", {"secret_key": t.unknown("var.missing")})
	rule.unknown == {{"resource": "s0", "path": ["secret_key"], "reason": "var.missing"}} with input as inp
}

test_variable_with_unresolved_default_not_evaluated if {
	vars := [_var("pw", {"has_default": true, "default": t.unknown("local.pw")})]
	inp := _with_vars(t.pkr_input("amazon-ebs", {"winrm_password": t.unknown("var.pw")}), vars)
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "s0", "path": ["winrm_password"], "reason": "var.pw"}} with input as inp
}

test_other_family_keys_ignored if {
	inp := t.pkr_input("googlecompute", {"access_key": "AKIAIOSFODNN7EXAMPLE"})
	count(rule.deny) == 0 with input as inp
}

test_placeholder_is_not_a_credential if {
	inp := t.pkr_input("azure-arm", {"client_secret": "<REPLACE_WITH_YOUR_CLIENT_SECRET>"})
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

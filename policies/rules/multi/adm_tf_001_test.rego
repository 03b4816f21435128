package controlgate.rules.adm_tf_001_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.adm_tf_001 as rule

_provider(name, config) := {"id": sprintf("p.%s", [name]), "name": name, "module_dir": ".", "file": "providers.tf", "config": config}

_variable(name, value, sensitive) := {
	"id": sprintf("var.%s", [name]), "name": name, "dir": ".", "file": "variables.tf",
	"has_default": true, "default": value, "sensitive": sensitive,
}

_tf(provider_list, vars) := {"terraform": {"resources": [], "providers": provider_list, "variables": vars}}

test_aws_provider_keys_fail if {
	inp := _tf([_provider("aws", {"region": "eu-west-1", "access_key": "AKIAIOSFODNN7EXAMPLE", "secret_key": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"})], [])
	rule.deny == {
		{"resource": "p.aws", "path": ["access_key"]},
		{"resource": "p.aws", "path": ["secret_key"]},
	} with input as inp
	rule.applies == {"p.aws"} with input as inp
}

test_azure_and_google_literals_fail if {
	inp := _tf(
		[
			_provider("azurerm", {"features": [{}], "client_secret": "s3cr3t-value"}),
			_provider("google", {"project": "p", "credentials": `{"type": "service_account", "private_key_id": "x"}`}),
			_provider("google-beta", {"access_token": "ya29.a0Af"}),
		],
		[],
	)
	rule.deny == {
		{"resource": "p.azurerm", "path": ["client_secret"]},
		{"resource": "p.google", "path": ["credentials"]},
		{"resource": "p.google-beta", "path": ["access_token"]},
	} with input as inp
}

test_references_and_paths_pass if {
	inp := _tf(
		[
			_provider("aws", {"region": "eu-west-1", "access_key": t.unknown("var.access_key"), "secret_key": t.unknown("var.secret_key")}),
			_provider("google", {"credentials": "keys/ci.json"}),
			_provider("azurerm", {"client_secret": ""}),
		],
		[],
	)
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
	rule.applies == {"p.aws", "p.google", "p.azurerm"} with input as inp
}

test_secret_variable_defaults_fail if {
	inp := _tf([], [
		_variable("db_password", "hunter2", false),
		_variable("api_token", "tok-123", false),
		_variable("license", "Lic-2024-XYZ", true),
		_variable("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", false),
		_variable("webhook_token", "ghp_0123456789abcdefghijABCDEFGHIJ012345", false),
	])
	rule.deny == {
		{"resource": "var.db_password", "path": ["default"]},
		{"resource": "var.api_token", "path": ["default"]},
		{"resource": "var.license", "path": ["default"]},
		{"resource": "var.AWS_SECRET_ACCESS_KEY", "path": ["default"]},
		{"resource": "var.webhook_token", "path": ["default"]},
	} with input as inp
}

# A secret is recognised by its value: secret-sounding names holding paths, words and settings pass.
test_secret_names_with_ordinary_values_pass if {
	inp := _tf(
		[_provider("aws", {"region": "eu-west-1", "access_key": "mock_access_key", "secret_key": "test"})],
		[
			_variable("ssh_key", "~/.ssh/id_rsa.pub", false),
			_variable("current_landingzone_key", "local", false),
			_variable("http_tokens", "required", false),
			_variable("secret_name", "prod/db-credentials", false),
			_variable("token_file", "secrets/token.txt", false),
			_variable("api_key_arn", "arn:aws:secretsmanager:eu-west-1:111122223333:secret:k", false),
			_variable("license", "abc", true),
			_variable("password_policy", "MINIMUM LENGTH 12", false),
			_variable("vault_token", "<YOUR_TOKEN_HERE>", false),
		],
	)
	count(rule.deny) == 0 with input as inp
}

test_harmless_variables_pass if {
	inp := _tf([], [
		_variable("key_name", "deployer", false),
		_variable("kms_key_id", "alias/main", false),
		_variable("public_key", "ssh-ed25519 AAAA", false),
		_variable("db_password", "", true),
		_variable("region", "eu-west-1", false),
		{"id": "var.admin_password", "name": "admin_password", "dir": ".", "file": "v.tf", "has_default": false, "sensitive": true},
	])
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_unknown_default_not_evaluated if {
	inp := _tf([], [_variable("client_secret", t.unknown("file(\"secret.txt\")"), false)])
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "var.client_secret", "path": ["default"], "reason": "file(\"secret.txt\")"}} with input as inp
}

test_key_material_in_resources_fails if {
	inp := t.tf_inputs([
		["aws_instance", {"user_data": "export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n"}],
		["tls_locally_signed_cert", {"ca_private_key_pem": "-----BEGIN RSA PRIVATE KEY-----\nMIIE...\n-----END RSA PRIVATE KEY-----\n"}],
		["aws_ssm_parameter", {"value": t.unknown("ASIAIOSFODNN7EXAMPLE-${var.suffix}")}],
		["aws_instance", {"tags": {"Name": "web"}}],
	])
	rule.deny == {
		{"resource": "r0", "path": ["user_data"]},
		{"resource": "r1", "path": ["ca_private_key_pem"]},
		{"resource": "r2", "path": ["value"]},
	} with input as inp
	rule.applies == {"r0", "r1", "r2"} with input as inp
}

test_key_material_in_variable_default_and_other_provider_fails if {
	inp := _tf([_provider("vault", {"token_name": "AKIAIOSFODNN7EXAMPLE"})], [_variable("settings", {"id": "AKIAIOSFODNN7EXAMPLE"}, false)])
	rule.deny == {
		{"resource": "p.vault", "path": ["token_name"]},
		{"resource": "var.settings", "path": ["default"]},
	} with input as inp
}

# Every token shape is found inside a longer string of a resource, after the substring test that
# guards the regular expressions; its fixed part alone is not enough.
test_every_token_shape_in_resources_fails if {
	tokens := {
		"a": "Authorization: token gho_0123456789abcdefghijABCDEFGHIJ012345",
		"b": "ghu_0123456789abcdefghijABCDEFGHIJ012345",
		"c": "x ghs_0123456789abcdefghijABCDEFGHIJ012345",
		"d": "ghr_0123456789abcdefghijABCDEFGHIJ012345",
		"e": "hook=xoxb-1234567890-abcdefghij",
		"f": "AIzaSyA0123456789abcdefghijklmnopqrstuv",
		"g": "sk_live_0123456789abcdefghijABCD",
		"h": "ASIAIOSFODNN7EXAMPLE",
	}
	inp := {"terraform": {"providers": [], "variables": [], "resources": [{"id": "r", "config": {"env": tokens}}]}}
	rule.deny == {{"resource": "r", "path": ["env", k]} | some k, _ in tokens} with input as inp
}

test_fixed_parts_alone_pass if {
	near := ["ghp_short", "xox", "AIza", "sk_live_x", "AKIA", "BEGIN PRIVATE KEY", "ASIA-pacific"]
	inp := {"terraform": {"providers": [], "variables": [], "resources": [{"id": "r", "config": {"tags": near}}]}}
	count(rule.deny) == 0 with input as inp
}

# The names that say a variable holds a secret, and the ones that say it holds something public.
test_secret_like_names if {
	secret := {
		"client_secret", "DB_Password", "admin_passwd", "github_token", "credentials_json", "private_key",
		"tls_privatekey", "aws_access_key", "accesskey", "api_key", "apikey", "key", "signing_key",
	}
	not_secret := {
		"public_key", "public_api_token", "kms_key", "ssh_key_name", "keyname", "key_pair", "ec2_keypair",
		"key_id", "signing_keyid", "region", "monkey", "keys", "keyvault",
	}
	every n in secret {
		rule._secret_like({"name": n})
	}
	every n in not_secret {
		not rule._secret_like({"name": n})
	}
}

# Deep inside a configuration, in a list in a block, and JSON-looking text with escapes around the key.
test_key_material_deep_in_a_configuration_fails if {
	inp := t.tf_inputs([
		["aws_instance", {"ebs_block_device": [{"tags": {"k": ["x", "\"AKIAIOSFODNN7EXAMPLE\"\n"]}}]}],
		["aws_instance", {"ebs_block_device": [{"tags": {"k": ["x", "\"AKIA-not-a-key\"\n"]}}]}],
	])
	rule.deny == {{"resource": "r0", "path": ["ebs_block_device", 0, "tags", "k", 1]}} with input as inp
}

# What _credential_value meant with one regular expression per test, for the table below.
_reference_plain_word(s) if regex.match(`^[a-z]+([_.-][a-z]+)*$`, s)

_reference_plain_word(s) if regex.match(`^[A-Z]+([_.-][A-Z]+)*$`, s)

_reference_path(s) if regex.match(`^(~|\.{1,2})?/|^[A-Za-z]:\\|^arn:|^<[^<>]*>$|\$\{|\{\{`, s)

_reference_path(s) if regex.match(`^(https?|s3|gs|file)://[^@]*$`, s)

_reference_path(s) if regex.match(`^[a-z0-9_.-]+(/[a-z0-9_.-]+)+$`, s)

_reference_path(s) if regex.match(`^[\w.-]+(/[\w.-]+)*\.(pub|pem|json|key|crt|cer|txt|p12|pfx|ppk)$`, s)

_reference_varied(s) if count([c | some c in [`[a-z]`, `[A-Z]`, `[0-9]`, `[^A-Za-z0-9]`]; regex.match(c, s)]) >= 2

_reference_varied(s) if {
	count(s) >= 16
	count({c | some c in split(s, "")}) >= 10
}

_reference(x) if {
	is_string(x)
	s := trim_space(x)
	count(s) >= 6
	not regex.match(`\s`, s)
	not _reference_plain_word(s)
	not _reference_path(s)
	_reference_varied(s)
}

_credential_samples := [
	"required", "deployer", "my_key-name", "MY_KEY", "MIXED_case", "abcdef", "ABCDEF", "123456", "------",
	"~/.ssh/id_rsa.pub", "../keys/a", "/etc/secret", `C:\keys\a.pem`, "arn:aws:iam::123456789012:role/x",
	"<your-token>", "${var.x}", "{{ vault }}", "https://example.com/x", "https://user:pw@example.com",
	"s3://bucket/key", "team/service/key", "certs/server.crt", "Key.PEM", "hunter2", "Hunter2!",
	"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "abcdefghijklmnopq", "abcdefghijklmnop", "aaaaaaaaaaaaaaaaaaaa",
	"pässwörd1", "ÄÖÜäöü", "日本語のパスワード", "x\ny", "  padded123  ", "abc", 42, null,
]

test_credential_value_is_the_one_regex_per_test_reading if {
	every x in _credential_samples {
		_same_credential(x)
	}
	count([x | some x in _credential_samples; _reference(x)]) >= 6
	count([x | some x in _credential_samples; not _reference(x)]) >= 15
}

_same_credential(x) if {
	rule._credential_value(x)
	_reference(x)
}

_same_credential(x) if {
	not rule._credential_value(x)
	not _reference(x)
}

# METADATA
# title: Terraform code carries no cloud credentials in provider blocks, variable defaults or values
# description: |
#   A key, password or token written into Terraform files is copied into every clone, fork, CI log
#   and state file, and stays in the history after it is deleted. Credentials belong in the CI
#   identity (OIDC) or in a secret store, never in the code.
# custom:
#   id: ADM-TF-001
#   severity: critical
#   secret: true
#   message: Hard-coded credential in Terraform configuration
#   remediation: |
#     Remove the literal (access_key, secret_key, token, client_secret, client_certificate_password,
#     inline credentials JSON, access_token, secret-like variable defaults), rotate the exposed
#     credential, and authenticate from CI with OIDC (aws-actions/configure-aws-credentials,
#     azure/login, google-github-actions/auth) or pass secrets through environment variables.
#   controls:
#     iso27017: [CLD.12.1.5]
#     iso27002: [A.5.17, A.8.12]
#     soc2: [CC6.1]
#     cis: []
#     nist: [IA-5(7), SC-28]
#   inputs: [terraform]
#   equivalents: [CKV_AWS_41]
package controlgate.rules.adm_tf_001

import data.controlgate.lib.tri

# Provider arguments that hold a credential.
_provider_args := {
	"aws": {"access_key", "secret_key", "token"},
	"azurerm": {"client_secret", "client_certificate_password"},
	"azuread": {"client_secret", "client_certificate_password"},
	"google": {"credentials", "access_token"},
	"google-beta": {"credentials", "access_token"},
}

_providers := [p |
	some p in object.get(input, ["terraform", "providers"], [])
	_provider_args[p.name]
]

_variables := object.get(input, ["terraform", "variables"], [])

applies contains p.id if some p in _providers

applies contains x.id if some x in _variables

applies contains id if some [id, _] in _resource_leaks

deny contains tri.failure(c) if some c in _checks

unknown contains tri.unknown(c) if some c in _checks

_checks contains {"resource": p.id, "path": [key], "when": true} if {
	some p in _providers
	some key in _provider_args[p.name]
	_literal_credential(key, p.config[key])
}

# Variables named like a secret, or marked sensitive, whose literal default looks like a credential
# (a name alone proves nothing: ssh_key = "~/.ssh/id_rsa.pub", http_tokens = "required"); an
# unknown default is not evaluated.
_checks contains {"resource": x.id, "path": ["default"], "when": tri.of(["default"], d, _is_credential(d))} if {
	some x in _variables
	_secret_like(x)
	d := x.default
}

# AWS access key ids and private keys written anywhere: resources, providers, variable defaults.
_checks contains {"resource": id, "path": path, "when": true} if some [id, path] in _resource_leaks

# Each resource's leaks, found once for applies and deny. Walking a configuration builds every path
# in it; its JSON text holds every string it holds (the hints have no character JSON escapes), so only
# a configuration whose text holds a hint is walked: hardly any.
_resource_leaks contains [r.id, path] if {
	some r in input.terraform.resources
	_hinted(json.marshal(r.config))
	some path in _leaked(r.config)
}

_checks contains {"resource": p.id, "path": path, "when": true} if {
	some p in object.get(input, ["terraform", "providers"], [])
	some path in _leaked(p.config)
}

_checks contains {"resource": x.id, "path": ["default"], "when": true} if {
	some x in _variables
	count(_leaked(x.default)) > 0
}

# google's credentials may be a file path: only inline JSON key material counts.
_literal_credential("credentials", x) if {
	is_string(x)
	startswith(trim_space(x), "{")
}

_literal_credential(key, x) if {
	key != "credentials"
	_credential_value(x)
}

# A literal string that can be a credential: long enough, not a word, a path, a URL, an ARN or a
# placeholder, and mixing kinds of characters (or long and varied, as a random token is). Each test is
# one regular expression (an alternation), as the wasm runtime compiles each again for every document.
_credential_value(x) if {
	is_string(x)
	s := trim_space(x)
	count(s) >= 6
	not regex.match(`\s`, s)
	not _plain_word(s)
	not _path_or_reference(s)
	_varied(s)
}

# Identifiers and setting values: "required", "local", "deployer", "my_key-name", "MY_KEY".
_plain_word(s) if regex.match(`^(?:[a-z]+(?:[_.-][a-z]+)*|[A-Z]+(?:[_.-][A-Z]+)*)$`, s)

# Paths, Windows paths, ARNs, <placeholders>, interpolations, URLs without credentials, slash-separated
# names, key and certificate file names.
_path_or_reference(s) if regex.match(_path_or_reference_pattern, s)

_path_or_reference_pattern := concat("|", [
	`^(~|\.{1,2})?/|^[A-Za-z]:\\|^arn:|^<[^<>]*>$|\$\{|\{\{`,
	`^(https?|s3|gs|file)://[^@]*$`,
	`^[a-z0-9_.-]+(/[a-z0-9_.-]+)+$`,
	`^[\w.-]+(/[\w.-]+)*\.(pub|pem|json|key|crt|cer|txt|p12|pfx|ppk)$`,
])

# Characters of at least two of the kinds lower case, upper case, digit and other: not all of one kind
# (every character is of exactly one kind, and s is not empty).
_varied(s) if not regex.match(`^(?:[a-z]+|[A-Z]+|[0-9]+|[^A-Za-z0-9]+)$`, s)

_varied(s) if {
	count(s) >= 16
	count({c | some c in split(s, "")}) >= 10
}

default _is_credential(_) := false

_is_credential(x) if _credential_value(x)

_secret_like(x) if x.sensitive == true

# A name that says it holds a secret and does not say it holds something public: string tests rather
# than regular expressions, which the wasm runtime compiles again for every folder's document.
_secret_like(x) if {
	n := lower(x.name)
	_secret_name(n)
	not _public_name(n)
}

_secret_name(n) if {
	some word in _secret_words
	contains(n, word)
}

_secret_words := [
	"secret", "password", "passwd", "token", "credential",
	"private_key", "privatekey", "access_key", "accesskey", "api_key", "apikey",
]

_secret_name("key")

_secret_name(n) if endswith(n, "_key")

_public_name(n) if {
	some word in ["public", "kms"]
	contains(n, word)
}

_public_name(n) if {
	some suffix in ["keyname", "key_name", "keypair", "key_pair", "keyid", "key_id"]
	endswith(n, suffix)
}

_leaked(config) := {_attribute_path(path) |
	walk(config, [path, value])
	is_string(value)
	_key_material(value)
}

# Text inside an unknown value (a template) is reported on the attribute holding it.
_attribute_path(path) := array.slice(path, 0, count(path) - 1) if {
	count(path) > 0
	path[count(path) - 1] == "__unknown__"
} else := path

# Every string of every configuration passes here: only strings long enough to hold the shortest
# shape (xox?- and 10 characters) and holding one of the shapes' fixed parts reach the regular
# expression, and it is one alternation, compiled again for every folder's document.
_key_material(s) if {
	count(s) >= 15
	_hinted(s)
	regex.match(_key_material_pattern, s)
}

_hinted(s) if {
	some hint in _hints
	contains(s, hint)
}

_hints := [
	"AKIA", "ASIA", "PRIVATE KEY-----",
	"ghp_", "gho_", "ghu_", "ghs_", "ghr_",
	"xox", "AIza", "sk_live_",
]

_key_material_pattern := concat("|", [
	`(^|[^A-Z0-9])(AKIA|ASIA)[A-Z0-9]{16}([^A-Z0-9]|$)`,
	`-----BEGIN ([A-Z]+ )?PRIVATE KEY-----`,
	# Tokens with a known, unmistakable format: GitHub, Slack, Google API keys, Stripe live keys.
	concat("", [`(^|[^A-Za-z0-9_])(`, concat("|", _token_shapes), `)`]),
])

_token_shapes := [
	`gh[pousr]_[A-Za-z0-9]{36,}`,
	`xox[abprs]-[A-Za-z0-9-]{10,}`,
	`AIza[0-9A-Za-z_-]{35}`,
	`sk_live_[0-9A-Za-z]{24,}`,
]

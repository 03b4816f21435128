package controlgate.lib.secrets_test

import data.controlgate.lib.secrets

# What in_text meant before its patterns needed their words first: every pattern on every text.
_reference(text) if regex.match(`(AKIA|ASIA)[A-Z0-9]{16}`, text)

_reference(text) if regex.match(`-----BEGIN [A-Z ]*PRIVATE KEY-----`, text)

_reference(text) if regex.match(`"private_key_id"\s*:\s*"[^"]{8,}"`, text)

_reference(text) if {
	some a in secrets._secret_assignments
	some m in regex.find_all_string_submatch_n(a.pattern, text, -1)
	secrets._literal(m[1])
}

_texts := [
	"#!/bin/bash\necho hello\n",
	"export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n",
	"key ASIAIOSFODNN7EXAMPL is too short",
	"-----BEGIN RSA PRIVATE KEY-----\nMIIE\n",
	"-----BEGIN PRIVATE KEY-----",
	`{"type": "service_account", "private_key_id": "0123456789abcdef"}`,
	`{"private_key_id": "short"}`,
	"AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG",
	"Aws_Secret_Access_Key = \"wJalrXUtnFEMI\"",
	"DefaultEndpointsProtocol=https;AccountName=x;AccountKey=c2VjcmV0a2V5;",
	"accountkey=lowercase-is-not-the-azure-shape",
	"PASSWORD=hunter2hunter2",
	"db_passwd: s3cr3tvalue",
	"password=${DB_PASSWORD}",
	"password: null-ish",
	"PASSWORD=\\\"quoted-value\\\"",
	"github_token=ghp_abcdefghijklmnop",
	"CLIENT_SECRET = 'abcdef123456'",
	"x-token: abcdefgh",
	"secret=<placeholder>",
	# RE2's case folding: the long s and the Kelvin sign match s and k in a case-insensitive pattern.
	"pa\u017fsword=hunter2hunter2",
	"to\u212aen=abcdefgh123",
	"aws_\u017fecret_access_\u212aey=wJalrXUtnFEMI",
]

test_in_text_is_every_pattern_on_every_text if {
	every text in _texts {
		_same(text)
	}
}

_same(text) if {
	secrets.in_text(text)
	_reference(text)
}

_same(text) if {
	not secrets.in_text(text)
	not _reference(text)
}

# The table has texts of both kinds, the folded ones among those that hold a secret.
test_table_has_both_outcomes if {
	count([x | some x in _texts; _reference(x)]) >= 12
	count([x | some x in _texts; not _reference(x)]) >= 5
	_reference("pa\u017fsword=hunter2hunter2")
	_reference("to\u212aen=abcdefgh123")
}

test_texts_decodes_base64 if {
	secrets.texts("QUtJQUlPU0ZPRE5ON0VYQU1QTEU=") == {"QUtJQUlPU0ZPRE5ON0VYQU1QTEU=", "AKIAIOSFODNN7EXAMPLE"}
	secrets.texts("short") == {"short"}
}

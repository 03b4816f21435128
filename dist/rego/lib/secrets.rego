# METADATA
# description: |
#   Credentials written as literals in text (scripts, templates, user data).
package controlgate.lib.secrets

# METADATA
# scope: document
# description: |
#   True when text holds a well-known credential shape with a literal value: AWS access key ids,
#   aws_secret_access_key, PEM private keys, Azure storage AccountKey, GCP service-account key JSON,
#   password/passwd/secret/token assignments. Values that are shell or template expansions
#   ($VAR, ${...}, %{...}, {{...}}, <...>) are not literals.
in_text(text) if regex.match(`(AKIA|ASIA)[A-Z0-9]{16}`, text)

in_text(text) if regex.match(`-----BEGIN [A-Z ]*PRIVATE KEY-----`, text)

in_text(text) if regex.match(`"private_key_id"\s*:\s*"[^"]{8,}"`, text)

in_text(text) if {
	some pattern in _secret_assignments
	some m in regex.find_all_string_submatch_n(pattern, text, -1)
	_literal(m[1])
}

# A quote as scripts write it inside other text: plain, backslash-escaped (PASSWORD=\"x\" in a heredoc,
# once or more), JSON's \u0022 or HTML's &quot;. The value's class stops at quotes and backslashes.
_q := `(?:\\*["']|\\u0022|&quot;)?`

_v := `([^\s"'\\]{6,})`

_secret_assignments := [
	concat("", [`(?i)aws_secret_access_key`, _q, `\s*[=:]\s*`, _q, `([^\s"'\\]+)`]),
	`AccountKey=([^;\s"'\\]+)`,
	concat("", [`(?i)(?:password|passwd)`, _q, `\s*[:=]\s*`, _q, _v]),
	concat("", [`(?i)(?:^|[^-a-z])(?:[a-z0-9]*_)?(?:secret|token)`, _q, `\s*[:=]\s*`, _q, _v]),
]

_literal(s) if {
	not regex.match(`^[$%{<(]`, s)
	not regex.match(`(?i)^(null|none|true|false)$`, s)
}

# METADATA
# description: The texts to scan for a literal string (itself and, when it is valid base64, its decoding).
texts(s) := {s, base64.decode(s)} if {
	regex.match(`^[A-Za-z0-9+/\r\n]+={0,2}\s*$`, s)
	count(s) >= 16
	base64.is_valid(trim_space(s))
}

else := {s}

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
in_text(text) if {
	_any_in(text, ["AKIA", "ASIA"])
	regex.match(`(AKIA|ASIA)[A-Z0-9]{16}`, text)
}

in_text(text) if {
	contains(text, "PRIVATE KEY-----")
	regex.match(`-----BEGIN [A-Z ]*PRIVATE KEY-----`, text)
}

in_text(text) if {
	contains(text, `"private_key_id"`)
	regex.match(`"private_key_id"\s*:\s*"[^"]{8,}"`, text)
}

in_text(text) if {
	some a in _secret_assignments
	_hinted(text, a)
	some m in regex.find_all_string_submatch_n(a.pattern, text, -1)
	_literal(m[1])
}

# The wasm runtime compiles a regular expression again for every document it evaluates, so each
# pattern first needs the words it cannot match without: most bootstrap scripts hold none of them.
# A pattern marked case-insensitive matches any casing of its words; RE2 also folds the long s (U+017F)
# into s and the Kelvin sign (U+212A) into k, which lower() keeps, so text holding either always runs it.
_hinted(text, a) if {
	not a.fold
	_any_in(text, a.words)
}

_hinted(text, a) if {
	a.fold
	_any_in(lower(text), a.words)
}

_hinted(text, a) if {
	a.fold
	_any_in(text, ["\u017f", "\u212a"])
}

_any_in(text, words) if {
	some w in words
	contains(text, w)
}

# A quote as scripts write it inside other text: plain, backslash-escaped (PASSWORD=\"x\" in a heredoc,
# once or more), JSON's \u0022 or HTML's &quot;. The value's class stops at quotes and backslashes.
_q := `(?:\\*["']|\\u0022|&quot;)?`

_v := `([^\s"'\\]{6,})`

_secret_assignments := [
	{
		"pattern": concat("", [`(?i)aws_secret_access_key`, _q, `\s*[=:]\s*`, _q, `([^\s"'\\]+)`]),
		"words": ["aws_secret_access_key"], "fold": true,
	},
	{"pattern": `AccountKey=([^;\s"'\\]+)`, "words": ["AccountKey="], "fold": false},
	{
		"pattern": concat("", [`(?i)(?:password|passwd)`, _q, `\s*[:=]\s*`, _q, _v]),
		"words": ["password", "passwd"], "fold": true,
	},
	{
		"pattern": concat("", [`(?i)(?:^|[^-a-z])(?:[a-z0-9]*_)?(?:secret|token)`, _q, `\s*[:=]\s*`, _q, _v]),
		"words": ["secret", "token"], "fold": true,
	},
]

_literal(s) if {
	not regex.match(`^[$%{<(]`, s)
	not regex.match(`(?i)^(null|none|true|false)$`, s)
}

# METADATA
# description: The texts to scan for a literal string (itself and, when it is valid base64, its decoding).
texts(s) := {s, base64.decode(s)} if {
	count(s) >= 16
	regex.match(`^[A-Za-z0-9+/\r\n]+={0,2}\s*$`, s)
	base64.is_valid(trim_space(s))
}

else := {s}

# METADATA
# description: Helpers shared by the cross-provider (multi) rules.
package controlgate.lib.multi

import data.controlgate.lib.terraform as tf
import data.controlgate.lib.values as v

# METADATA
# description: |
#   The roles a resource carries, lower case: the "role"/"Role" tag (AWS, Azure), the "role" label
#   (GCP) and GCP network tags. Used for designated exceptions such as bastion hosts or NAT appliances.
roles(r) := ({lower(x) |
	some k in ["role", "Role"]
	x := r.config.tags[k]
	is_string(x)
} | {lower(x) |
	x := r.config.labels.role
	is_string(x)
}) | {lower(t) |
	is_array(r.config.tags)
	some t in r.config.tags
	is_string(t)
}

# METADATA
# description: True when resource r carries one of the given roles (lower case).
has_role(r, wanted) if {
	some role in wanted
	role in roles(r)
}

# METADATA
# scope: document
# description: The tag map of a resource (AWS/Azure tags, GCP labels); empty when absent.
tag_map(r) := r.config.tags if {
	is_object(r.config.tags)
	v.known(r.config.tags)
}

tag_map(r) := r.config.labels if {
	not _has_object(r.config, "tags")
	is_object(r.config.labels)
	v.known(r.config.labels)
}

_has_object(c, k) if is_object(c[k])

# METADATA
# description: |
#   The resources of the given types in r's module whose attribute key (a list of references, or one
#   reference) refers to r.
referrers(r, types, key) := [x |
	some x in input.terraform.resources
	x.mode == "managed"
	x.type in types
	x.module_dir == r.module_dir
	_refers(x.config[key], r.address)
]

_refers(val, addr) if {
	is_array(val)
	some e in val
	tf.ref_address(e) == addr
}

_refers(val, addr) if tf.ref_address(val) == addr

# METADATA
# scope: document
# description: |
#   True when text holds a well-known credential shape with a literal value: AWS access key ids,
#   aws_secret_access_key, PEM private keys, Azure storage AccountKey, GCP service-account key JSON,
#   password/passwd/secret/token assignments. Values that are shell or template expansions
#   ($VAR, ${...}, %{...}, {{...}}, <...>) are not literals.
secret_in_text(text) if regex.match(`(AKIA|ASIA)[A-Z0-9]{16}`, text)

secret_in_text(text) if regex.match(`-----BEGIN [A-Z ]*PRIVATE KEY-----`, text)

secret_in_text(text) if regex.match(`"private_key_id"\s*:\s*"[^"]{8,}"`, text)

secret_in_text(text) if {
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

# METADATA
# description: |
#   A short, single-line form of an unevaluated expression for `reason` (first line, at most 80
#   characters), so that long templates are not copied into the report.
short_reason(expr) := r if {
	line := split(expr, "\n")[0]
	r := _clip(line)
}

_clip(s) := concat("", [substring(s, 0, 77), "..."]) if count(s) > 80

else := s

# METADATA
# description: Names of the Terraform variables marked sensitive in module directory dir.
sensitive_vars(dir) := {x.name |
	some x in input.terraform.variables
	x.dir == dir
	x.sensitive == true
}

# METADATA
# scope: document
# description: |
#   Tag (AWS, Azure) or label (GCP) keys and values that mark a resource as holding restricted data;
#   rules whose requirement applies only to that tier use restricted(r).
#   Replaced by classification-tag-keys in .controlgate.yml (input.settings.classification_tag_keys).
default classification_keys := {"data_classification", "data-classification", "classification", "dataclassification"}

classification_keys := {lower(k) | some k in input.settings.classification_tag_keys} if {
	is_array(input.settings.classification_tag_keys)
	count(input.settings.classification_tag_keys) > 0
}

# METADATA
# scope: document
# description: |
#   The classification values that count as restricted; replaced by restricted-classifications in
#   .controlgate.yml (input.settings.restricted_classifications).
default restricted_values := {"restricted", "confidential", "secret", "highly-confidential", "highly_confidential"}

restricted_values := {lower(x) | some x in input.settings.restricted_classifications} if {
	is_array(input.settings.restricted_classifications)
	count(input.settings.restricted_classifications) > 0
}

# METADATA
# description: True when resource r is tagged or labelled with a restricted data classification.
restricted(r) if {
	m := tag_map(r)
	some k, x in m
	lower(k) in classification_keys
	is_string(x)
	lower(x) in restricted_values
}

# METADATA
# scope: document
# description: |
#   True when value x is set: a non-empty literal, or a reference to a resource or data source
#   attribute (which Terraform always resolves to a value).
set_value(x) if {
	v.known(x)
	x != null
	x != ""
}

set_value(x) if tf.ref_address(x)

# METADATA
# description: True when x is unknown and not a plain resource reference (so it may be null).
unresolved(x) if {
	v.is_unknown(x)
	not tf.ref_address(x)
}

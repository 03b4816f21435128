# METADATA
# description: |
#   Helpers for values in the policy input. A value the scanner could not know statically is an
#   object {"__unknown__": "<expression>"}; rules must report it as not evaluated, never pass or fail.
package controlgate.lib.values

# A pitfall to know: OPA evaluates a function's arguments outside a `not`, so when obj.key is
# absent, `not is_unknown(obj.key)` is false (the argument is undefined), not true. Test presence
# with has(obj, key) first, or write the negation as a helper rule over (obj, key).

# METADATA
# description: True when v is a value the scanner could not evaluate.
is_unknown(v) if is_string(v.__unknown__)

# METADATA
# description: True when v is a literal (known) value.
known(v) if not is_unknown(v)

# METADATA
# description: |
#   True when obj sets key to a value other than null (null means unset in HCL) or an empty list
#   (a block list that resolves to [], root_block_device = var.none or a dynamic block over an empty
#   collection, is no block at all: the rule's "absent" case, never silence).
has(obj, key) if {
	is_object(obj)
	not is_null(obj[key])
	obj[key] != []
}

# METADATA
# description: True when any element of a list (or the list itself) is unknown.
# scope: document
any_unknown(v) if is_unknown(v)

any_unknown(v) if {
	is_array(v)
	some x in v
	is_unknown(x)
}

# METADATA
# description: |
#   The blocks named key inside obj, as a list of bodies. hcl2json gives a list; JSON syntax may
#   give a single object. Undefined when the key is absent or unknown.
# scope: document
blocks(obj, key) := obj[key] if is_array(obj[key])

blocks(obj, key) := [obj[key]] if {
	is_object(obj[key])
	known(obj[key])
}

# METADATA
# description: The values Terraform and Packer read as true (is_true), as a set.
truthy := {true, "true"}

# METADATA
# description: The values Terraform and Packer read as false (is_false), as a set.
falsy := {false, "false"}

# METADATA
# description: Truthiness as Terraform and Packer see it (true, "true").
# scope: document
is_true(true)

is_true("true")

# METADATA
# description: False as Terraform and Packer see it (false, "false").
# scope: document
is_false(false)

is_false("false")

# METADATA
# description: The number a literal stands for (numbers, and strings holding a decimal number).
# scope: document
number(x) := x if is_number(x)

number(x) := to_number(x) if {
	is_string(x)
	regex.match(`^-?[0-9]+(\.[0-9]+)?$`, x)
}

# METADATA
# scope: document
# description: The expression of an unknown value, or of the first unknown element of a list.
reason(x) := x.__unknown__ if is_unknown(x)

reason(x) := [e.__unknown__ | some e in x; is_unknown(e)][0] if is_array(x)

# METADATA
# description: The value as a list (a list stays, a single value becomes a one-element list, null is empty).
as_list(x) := x if is_array(x)

else := [] if is_null(x)

else := [x]

# METADATA
# description: True when a boolean attribute is set to true (literally).
is_set_true(obj, key) if is_true(obj[key])

# METADATA
# description: |
#   [path, expression] pairs of the unknown values among obj's attributes keys: an unknown attribute
#   ([key]) or an unknown element of a list attribute ([key, i]).
attr_unknowns(obj, keys) := {[[key], obj[key].__unknown__] |
	some key in keys
	is_unknown(obj[key])
} | {[[key, i], x.__unknown__] |
	some key in keys
	is_array(obj[key])
	some i, x in obj[key]
	is_unknown(x)
}

# METADATA
# description: True when x is a known, non-empty string.
literal_string(x) if {
	is_string(x)
	x != ""
}

# METADATA
# description: True when obj sets key to a known value that is not empty ("", [], {}).
set_known(obj, key) if {
	has(obj, key)
	known(obj[key])
	not _empty(obj[key])
}

_empty("")

_empty([])

_empty({})

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
# description: |
#   {"actual": obj[key]} when obj sets key to a known value, else {}: the "actual" of a record that
#   shows the value (omitted when the attribute is absent).
actual(obj, key) := {"actual": obj[key]} if {
	has(obj, key)
	known(obj[key])
} else := {}

# METADATA
# scope: document
# description: |
#   Whether obj leaves key unset (not has), as a boolean: false rather than undefined when obj sets
#   it, for a tri condition (tri.of's holds must be defined for every value).
default unset(_, _) := false

unset(obj, key) if not has(obj, key)

# METADATA
# scope: document
# description: |
#   Whether obj leaves key without a known, non-empty value (not set_known), as a boolean, for a tri
#   condition.
default unset_known(_, _) := false

unset_known(obj, key) if not set_known(obj, key)

# METADATA
# scope: document
# description: literal_string(x) as a boolean (false rather than undefined), for a tri condition.
default is_literal_string(_) := false

is_literal_string(x) if literal_string(x)

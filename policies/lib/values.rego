# METADATA
# description: |
#   Helpers for values in the policy input. A value the scanner could not know statically is an
#   object {"__unknown__": "<expression>"}; rules must report it as not evaluated, never pass or fail.
package controlgate.lib.values

# METADATA
# description: True when v is a value the scanner could not evaluate.
is_unknown(v) if is_string(v.__unknown__)

# METADATA
# description: True when v is a literal (known) value.
known(v) if not is_unknown(v)

# METADATA
# description: True when obj sets key to a value other than null (null means unset in HCL).
has(obj, key) if {
	is_object(obj)
	not is_null(obj[key])
}

# METADATA
# description: True when any element of a list (or the list itself) is unknown.
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
blocks(obj, key) := obj[key] if is_array(obj[key])

blocks(obj, key) := [obj[key]] if {
	is_object(obj[key])
	known(obj[key])
}

# METADATA
# description: Truthiness as Terraform and Packer see it (true, "true").
is_true(v) if v == true

is_true(v) if v == "true"

# METADATA
# description: False as Terraform and Packer see it (false, "false").
is_false(v) if v == false

is_false(v) if v == "false"

# METADATA
# description: The number a literal stands for (numbers, and strings holding a decimal number).
number(x) := x if is_number(x)

number(x) := to_number(x) if {
	is_string(x)
	regex.match(`^-?[0-9]+(\.[0-9]+)?$`, x)
}

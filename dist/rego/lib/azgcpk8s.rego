# METADATA
# description: Helpers shared by the Azure, GCP and Kubernetes rules.
package controlgate.lib.azgcpk8s

import data.controlgate.lib.values as v

# METADATA
# scope: document
# description: |
#   True when a port specification string covers a port in the set ports: "*", "22", "20-25"
#   (Azure destination_port_range, GCP allow.ports). Numbers are accepted too.
port_spec_covers("*", _)

port_spec_covers(spec, ports) if {
	some p in ports
	v.number(spec) == p
}

port_spec_covers(spec, ports) if {
	is_string(spec)
	m := regex.find_all_string_submatch_n(`^\s*([0-9]+)\s*-\s*([0-9]+)\s*$`, spec, 1)
	some p in ports
	to_number(m[0][1]) <= p
	p <= to_number(m[0][2])
}

# METADATA
# description: |
#   Combine tri-state outcomes ("yes", "no", "unknown") of conditions that must all hold:
#   "no" when one is "no", else "unknown" when one is unknown, else "yes".
all_of(states) := "no" if {
	"no" in states
} else := "unknown" if {
	"unknown" in states
} else := "yes"

# METADATA
# description: The value as a list (a list stays, a single value becomes a one-element list, null is empty).
as_list(x) := x if is_array(x)

else := [] if is_null(x)

else := [x]

# METADATA
# description: True when a boolean attribute is set to true (literally).
is_set_true(obj, key) if v.is_true(obj[key])

# METADATA
# description: |
#   [path, expression] pairs of the unknown values among obj's attributes keys: an unknown attribute
#   ([key]) or an unknown element of a list attribute ([key, i]).
attr_unknowns(obj, keys) := {[[key], obj[key].__unknown__] |
	some key in keys
	v.is_unknown(obj[key])
} | {[[key, i], x.__unknown__] |
	some key in keys
	is_array(obj[key])
	some i, x in obj[key]
	v.is_unknown(x)
}

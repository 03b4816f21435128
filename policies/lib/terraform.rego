# METADATA
# description: Selection helpers over input.terraform.
package controlgate.lib.terraform

# METADATA
# description: |
#   Managed resources grouped by type, built once per evaluation: the selection helpers below look
#   types up here instead of walking every resource on every call (rules call them many times).
managed_by_type[t] := [r |
	some r in input.terraform.resources
	r.mode == "managed"
	r.type == t
] if {
	some x in input.terraform.resources
	t := x.type
}

# METADATA
# description: Managed resources whose type is in the set types.
resources(types) := [r |
	some t in types
	some r in managed_by_type[t]
]

# METADATA
# description: Managed resources of one type in the same module folder as resource r.
in_module(r, type) := [x |
	some x in managed_by_type[type]
	x.module_dir == r.module_dir
]

# METADATA
# description: |
#   The address a reference points at, when value is an unevaluated reference to a resource
#   attribute such as aws_vpc.main.id (or a data source, data.aws_vpc.x.id). Undefined otherwise.
ref_address(value) := addr if {
	expr := value.__unknown__
	is_string(expr)
	m := regex.find_all_string_submatch_n(_reference_pattern, expr, 1)
	addr := m[0][1]
}

# [data.]type.name, an optional [index], then .attribute
_reference_pattern := `^((?:data\.)?[a-z][a-z0-9_]*\.[A-Za-z_][A-Za-z0-9_-]*)(?:\[([^\]]*)\])?\.[a-z_][a-z0-9_]*$`

# The instance key a reference names: aws_vpc.main["a"].id -> "a", aws_subnet.s[0].id -> 0.
_ref_key(value) := key if {
	m := regex.find_all_string_submatch_n(_reference_pattern, value.__unknown__, 1)
	raw := m[0][2]
	raw != ""
	key := _key_value(raw)
}

_key_value(raw) := trim(raw, `"`) if startswith(raw, `"`)

_key_value(raw) := to_number(raw) if regex.match(`^[0-9]+$`, raw)

# A reference without an index names the resource (all its instances); with one, that instance.
_instance_matches(_, value) if not _ref_key(value)

_instance_matches(x, value) if _ref_key(value) == x.instance_key

# METADATA
# description: |
#   The resources in r's module instance that value refers to (by address, and instance key when
#   the reference has one). Empty when value is not a reference or refers to something not declared
#   there: callers treat that as unknown.
referenced(r, value) := [x |
	addr := ref_address(value)
	some x in input.terraform.resources
	x.module_dir == r.module_dir
	object.get(x, "module_path", []) == object.get(r, "module_path", [])
	object.get(x, "local_address", x.address) == addr
	_instance_matches(x, value)
]

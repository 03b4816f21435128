# METADATA
# description: Selection helpers over input.terraform.
package controlgate.lib.terraform

# METADATA
# description: Managed resources whose type is in the set types.
resources(types) := [r |
	some r in input.terraform.resources
	r.mode == "managed"
	r.type in types
]

# METADATA
# description: Managed resources of one type in the same module folder as resource r.
in_module(r, type) := [x |
	some x in input.terraform.resources
	x.mode == "managed"
	x.type == type
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
_reference_pattern := `^((?:data\.)?[a-z][a-z0-9_]*\.[A-Za-z_][A-Za-z0-9_-]*)(?:\[[^\]]*\])?\.[a-z_][a-z0-9_]*$`

# METADATA
# description: |
#   The resources in r's module that value refers to (by address). Empty when value is not a
#   reference or refers to something not declared in the module: callers treat that as unknown.
referenced(r, value) := [x |
	addr := ref_address(value)
	some x in input.terraform.resources
	x.module_dir == r.module_dir
	x.address == addr
]

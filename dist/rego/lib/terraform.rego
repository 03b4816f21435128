# METADATA
# description: |
#   Terraform addressing over input.terraform: resources by type and module, references followed to
#   the resources they name, referrers, sensitive variables and plan-computed values.
package controlgate.lib.terraform

import data.controlgate.lib.values as v

# METADATA
# description: |
#   Managed resources grouped by type, built once per evaluation: the selection helpers below look
#   types up here instead of walking every resource on every call (rules call them many times).
managed_by_type[t] := [r |
	some r in input.terraform.resources
	r.mode == "managed"
	r.type == t
] if {
	some t in _types
}

# Each type once: a key per resource would build every type's list once per resource of it.
_types contains x.type if some x in input.terraform.resources

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

# [module.name[key].]...[data.]type.name, an optional [index], then .attribute. The module prefix is
# what a reference across a module boundary reads as once resolved through the module's output
# (module.vpc.aws_vpc.this[0].id, src/normalize/cross-module.ts); it names no resource of the module
# itself, only the copy of the target placed there for the rules that judge the referring resource.
_reference_pattern := concat("", [
	`^((?:module\.[A-Za-z_][A-Za-z0-9_-]*(?:\[[^\]]*\])?\.)*`,
	`(?:data\.)?[a-z][a-z0-9_]*\.[A-Za-z_][A-Za-z0-9_-]*)`,
	`(?:\[([^\]]*)\])?\.[a-z_][a-z0-9_]*$`,
])

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

# METADATA
# description: |
#   The resources of the given types in r's module whose attribute key (a list of references, or one
#   reference) refers to r.
referrers(r, types, key) := [x |
	some x in resources(types)
	x.module_dir == r.module_dir
	_refers(x.config[key], r.address)
]

_refers(val, addr) if {
	is_array(val)
	some e in val
	ref_address(e) == addr
}

_refers(val, addr) if ref_address(val) == addr

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
#   True when value x is set: a non-empty literal, or a reference to a resource or data source
#   attribute (which Terraform always resolves to a value).
set_value(x) if {
	v.known(x)
	x != null
	x != ""
}

set_value(x) if ref_address(x)

# METADATA
# description: True when x is unknown and not a plain resource reference (so it may be null).
unresolved(x) if {
	v.is_unknown(x)
	not ref_address(x)
}

# METADATA
# description: |
#   True when x is the value a Terraform plan gives an attribute of resource r that the
#   configuration does not write and the provider computes ("<address>.<path> (known after apply)").
#   Rules treat it as the attribute left out, as the HCL scan sees it.
computed_default(r, x) if {
	v.is_unknown(x)
	endswith(x.__unknown__, " (known after apply)")
	startswith(x.__unknown__, concat("", [r.address, "."]))
}

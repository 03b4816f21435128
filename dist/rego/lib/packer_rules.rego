# METADATA
# description: Helpers shared by the Packer rules (builds, provisioners, literal values).
package controlgate.lib.packer_rules

import data.controlgate.lib.values as v

# METADATA
# description: True when the build comes from a legacy JSON template (its provisioners are a list).
json_build(b) if endswith(lower(b.file), ".json")

# METADATA
# scope: document
# description: |
#   The path of provisioner p inside build b's body: ["provisioners", index] in a JSON template;
#   in HCL2, hcl2json groups provisioners by type, so ["provisioner", type, n] with n counted
#   among the build's provisioners of the same type.
provisioner_path(b, p) := ["provisioners", p.index] if json_build(b)

provisioner_path(b, p) := ["provisioner", p.type, n] if {
	not json_build(b)
	n := count([q |
		some q in b.provisioners
		q.type == p.type
		q.index < p.index
	])
}

# METADATA
# description: The sources (from input.packer.sources) that build b uses, matched by address in its folder.
build_sources(b) := [s |
	some s in input.packer.sources
	s.template_dir == b.template_dir
	s.address in b.sources
]

# METADATA
# description: The set of builder types of the sources build b uses.
build_types(b) := {s.type | some s in build_sources(b)}

# METADATA
# description: True when x is a known, non-empty string.
literal_string(x) if {
	is_string(x)
	x != ""
}

# METADATA
# description: True when obj sets key to a known value that is not empty ("", [], {}).
set_known(obj, key) if {
	v.has(obj, key)
	v.known(obj[key])
	not _empty(obj[key])
}

_empty("")

_empty([])

_empty({})

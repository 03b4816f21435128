# METADATA
# description: |
#   Packer over input.packer: sources by builder type, the sources and builder types of a build,
#   and the template syntax of a build.
package controlgate.lib.packer

# METADATA
# description: The builder types that share the amazon-ebs RunConfig (metadata, security group, IMDS settings).
amazon_ebs_family := {"amazon-ebs", "amazon-ebssurrogate", "amazon-ebsvolume", "amazon-instance"}

# METADATA
# description: Sources whose builder type is in the set types.
sources(types) := [s |
	some s in input.packer.sources
	s.type in types
]

# METADATA
# description: True when the build comes from a legacy JSON template (its provisioners are a list).
json_build(b) if endswith(lower(b.file), ".json")

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

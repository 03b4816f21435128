# METADATA
# description: Selection helpers over input.packer.
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

# METADATA
# description: Builders of Packer policy inputs for the Packer rules' unit tests.
package controlgate.lib.testing_packer

# METADATA
# description: Packer sources given as [type, config] pairs, ids s0, s1, ... (HCL syntax).
sources(pairs) := [s |
	some i, pair in pairs
	name := sprintf("s%d", [i])
	s := {
		"id": name, "address": sprintf("source.%s.%s", [pair[0], name]), "type": pair[0], "name": name,
		"template_dir": ".", "file": "t.pkr.hcl", "syntax": "hcl", "config": pair[1],
	}
]

# METADATA
# description: A build with id b0 in file that uses every given source and runs provisioners ([type, config] pairs).
build(file, srcs, provisioners) := {
	"id": "b0", "name": "b0", "template_dir": ".", "file": file,
	"sources": [s.address | some s in srcs],
	"provisioners": [p |
		some i, pair in provisioners
		p := {"type": pair[0], "index": i, "config": pair[1]}
	],
	"post_processors": [],
}

# METADATA
# description: An input with the given sources ([type, config] pairs) and one HCL2 build (id b0) using them all.
build_input(pairs, provisioners) := {"packer": {"sources": srcs, "builds": [build("t.pkr.hcl", srcs, provisioners)], "variables": []}} if {
	srcs := sources(pairs)
}

# METADATA
# description: As build_input, for a legacy JSON template (t.pkr.json).
json_build_input(pairs, provisioners) := {"packer": {"sources": srcs, "builds": [build("t.pkr.json", srcs, provisioners)], "variables": []}} if {
	srcs := [object.union(s, {"file": "t.pkr.json", "syntax": "json"}) | some s in sources(pairs)]
}

# METADATA
# description: An input with Packer variables only (for rules on variable blocks).
variables_input(vars) := {"packer": {"sources": [], "builds": [], "variables": vars}}

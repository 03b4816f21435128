# METADATA
# description: Builders of policy input documents for the rules' unit tests.
package controlgate.lib.testing

# METADATA
# description: An input holding one managed Terraform resource with the given type and body.
tf_input(type, config) := tf_inputs([[type, config]])

# METADATA
# description: An input holding managed Terraform resources given as [type, config] pairs, ids r0, r1, ...
tf_inputs(pairs) := {"terraform": {"resources": [r |
	some i, pair in pairs
	r := {
		"id": sprintf("r%d", [i]), "address": sprintf("%s.r%d", [pair[0], i]),
		"mode": "managed", "type": pair[0], "name": sprintf("r%d", [i]),
		"module_dir": ".", "file": "main.tf", "config": pair[1],
	}
]}}

# METADATA
# description: An input holding one Packer source with the given builder type and body, id s0.
pkr_input(type, config) := {"packer": {"sources": [{
	"id": "s0", "address": sprintf("source.%s.s0", [type]), "type": type, "name": "s0",
	"template_dir": ".", "file": "t.pkr.hcl", "syntax": "hcl", "config": config,
}]}}

# METADATA
# description: An unknown value, as the normalizer writes it.
unknown(expr) := {"__unknown__": expr}

# METADATA
# description: |
#   An input holding Terraform blocks given as [mode, type, config] triples (mode "managed" or
#   "data"), ids r0, r1, ... and addresses <type>.r<i> (data.<type>.r<i> for data sources).
tf_blocks(triples) := {"terraform": {"resources": [r |
	some i, triple in triples
	[mode, type, config] := triple
	r := {
		"id": sprintf("r%d", [i]), "address": _address(mode, type, i),
		"mode": mode, "type": type, "name": sprintf("r%d", [i]),
		"module_dir": ".", "file": "main.tf", "config": config,
	}
]}}

_address("data", type, i) := sprintf("data.%s.r%d", [type, i])

_address("managed", type, i) := sprintf("%s.r%d", [type, i])

# METADATA
# description: Packer sources given as [type, config] pairs, ids s0, s1, ... (HCL syntax).
pkr_sources(pairs) := [s |
	some i, pair in pairs
	name := sprintf("s%d", [i])
	s := {
		"id": name, "address": sprintf("source.%s.%s", [pair[0], name]), "type": pair[0], "name": name,
		"template_dir": ".", "file": "t.pkr.hcl", "syntax": "hcl", "config": pair[1],
	}
]

# METADATA
# description: |
#   A build with id b0 in file that uses every given source and runs provisioners ([type, config]
#   pairs), each with its path as the normalizer gives it (["provisioner", type, n] in HCL2, n
#   counted among that type; ["provisioners", i] in a .json template).
pkr_build(file, srcs, provisioners) := {
	"id": "b0", "name": "b0", "template_dir": ".", "file": file,
	"sources": [s.address | some s in srcs],
	"provisioners": [p |
		some i, pair in provisioners
		p := {"type": pair[0], "index": i, "path": _provisioner_path(file, provisioners, i), "config": pair[1]}
	],
	"post_processors": [],
}

_provisioner_path(file, _, i) := ["provisioners", i] if endswith(file, ".json")

_provisioner_path(file, provisioners, i) := ["provisioner", provisioners[i][0], n] if {
	not endswith(file, ".json")
	n := count([j | some j, q in provisioners; j < i; q[0] == provisioners[i][0]])
}

# METADATA
# description: An input with the given sources ([type, config] pairs) and one HCL2 build (id b0) using them all.
pkr_build_input(pairs, provisioners) := {"packer": {"sources": srcs, "builds": [pkr_build("t.pkr.hcl", srcs, provisioners)], "variables": []}} if {
	srcs := pkr_sources(pairs)
}

# METADATA
# description: As build_input, for a legacy JSON template (t.pkr.json).
pkr_json_build_input(pairs, provisioners) := {"packer": {"sources": srcs, "builds": [pkr_build("t.pkr.json", srcs, provisioners)], "variables": []}} if {
	srcs := [object.union(s, {"file": "t.pkr.json", "syntax": "json"}) | some s in pkr_sources(pairs)]
}

# METADATA
# description: An input with Packer variables only (for rules on variable blocks).
pkr_variables_input(vars) := {"packer": {"sources": [], "builds": [], "variables": vars}}

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

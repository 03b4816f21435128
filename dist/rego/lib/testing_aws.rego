# METADATA
# description: Test-input builders for the AWS rules.
package controlgate.lib.testing_aws

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

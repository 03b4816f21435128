# METADATA
# description: |
#   The single entry point. Every rule lives in a package under controlgate.rules and may define
#   applies (ids of the entities it evaluated), deny (failures) and unknown (not evaluated). This
#   package gathers them with the rule's package name; wording, lines and controls are added in
#   TypeScript from the catalog built out of each rule's METADATA.
package controlgate.main

# Iterating data.controlgate.rules[name].deny by package name keeps evaluation to the three rule
# sets; `some name, pkg in data.controlgate.rules` would build every package's whole document.

# METADATA
# entrypoint: true
# description: All rule outcomes, each tagged with its rule package name and kind.
results contains {"rule": name, "kind": "deny", "result": r} if {
	some name

	# regal ignore:mixed-iteration
	some r in data.controlgate.rules[name].deny
}

results contains {"rule": name, "kind": "unknown", "result": r} if {
	some name

	# regal ignore:mixed-iteration
	some r in data.controlgate.rules[name].unknown
}

results contains {"rule": name, "kind": "applies", "result": {"resource": id}} if {
	some name

	# regal ignore:mixed-iteration
	some id in data.controlgate.rules[name].applies
}

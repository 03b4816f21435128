# METADATA
# title: Compute and network resources carry a cost-center tag
# description: >-
#   Our finance and incident processes find a resource's owner through its cost-center tag. An
#   example of an organisation's own rule, written to the same contract as the built-in ones.
# custom:
#   id: ORG-TAG-001
#   severity: low
#   message: Resource has no cost-center tag
#   remediation: Add tags = { cost-center = "<your cost center>" } (or set it in the provider's default_tags).
#   controls:
#     iso27017: [CLD.6.3.1]
#     iso27002: [A.5.9]
#     soc2: [CC3.2]
#     cis: []
#     nist: [CM-8]
#   inputs: [terraform]
package controlgate.rules.org_tag_001

import data.controlgate.lib.terraform as tf
import data.controlgate.lib.values as v

_types := {"aws_instance", "aws_launch_template", "aws_security_group", "aws_vpc", "aws_subnet"}

applies contains r.id if some r in tf.resources(_types)

deny contains {"resource": r.id, "path": ["tags", "cost-center"]} if {
	some r in tf.resources(_types)
	v.known(object.get(r.config, "tags", {}))
	not _tagged(r)
}

unknown contains {"resource": r.id, "path": ["tags"], "reason": r.config.tags.__unknown__} if {
	some r in tf.resources(_types)
	v.is_unknown(r.config.tags)
}

_tagged(r) if {
	value := r.config.tags["cost-center"]
	is_string(value)
	value != ""
}

_tagged(r) if v.is_unknown(r.config.tags["cost-center"])

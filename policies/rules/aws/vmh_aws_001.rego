# METADATA
# title: EC2 instances and launch templates require IMDSv2 session tokens
# description: |
#   The instance metadata service hands out the instance role's credentials. With IMDSv1 allowed,
#   any server-side request forgery in a workload can read them; IMDSv2 needs a session token that
#   such requests cannot obtain. A hop limit above 1 lets containers on the host reach it too.
# custom:
#   id: VMH-AWS-001
#   severity: high
#   message: EC2 instance allows IMDSv1
#   remediation: |
#     Add metadata_options { http_tokens = "required"  http_put_response_hop_limit = 1 } (a hop limit of 2
#     only on container hosts), or disable the endpoint with http_endpoint = "disabled".
#   controls:
#     iso27017: [CLD.9.5.2, CLD.13.1.4]
#     iso27002: [A.8.9, A.8.20, A.5.23]
#     soc2: [CC6.1, CC7.2]
#     cis: [CIS AWS v3.0.0 5.6]
#     nist: [AC-3, AC-3(7), AC-3(15), AC-6]
#   subresults:
#     hop-limit:
#       severity: low
#       message: EC2 instance metadata is reachable from containers (hop limit above 1)
#   inputs: [terraform]
#   equivalents: [CKV_AWS_79, AVD-AWS-0028, AVD-AWS-0130]
package controlgate.rules.vmh_aws_001

import data.controlgate.lib.terraform as tf
import data.controlgate.lib.tri
import data.controlgate.lib.values as v

_types := {"aws_instance", "aws_launch_template", "aws_launch_configuration"}

applies contains r.id if some r in tf.resources(_types)

deny contains tri.failure(c) if some c in _checks

unknown contains tri.unknown(c) if some c in _checks

# The metadata_options block is absent: http_tokens takes its default, "optional".
_checks contains {"resource": r.id, "path": p, "when": tri.of(p, mo, mo == false)} if {
	some r in tf.resources(_types)
	p := ["metadata_options"]
	mo := object.get(r.config, "metadata_options", false)
}

_checks contains object.union(
	{
		"resource": r.id, "path": array.concat(base, ["http_tokens"]),
		"when": tri.all_hold([_endpoint_on(base, mo), _tokens_optional(base, mo)]),
	},
	v.actual(mo, "http_tokens"),
) if {
	some r in tf.resources(_types)
	some i, mo in v.blocks(r.config, "metadata_options")
	base := ["metadata_options", i]
}

# The hop limit: not evaluated when it is unknown, whatever the endpoint; an unknown endpoint does
# not make it fail (the tokens check reports that endpoint).
_checks contains {
	"resource": r.id, "sub": "hop-limit", "path": p, "actual": hops,
	"when": tri.of(p, hops, _hops_fail(mo, hops)),
} if {
	some r in tf.resources(_types)
	some i, mo in v.blocks(r.config, "metadata_options")
	p := ["metadata_options", i, "http_put_response_hop_limit"]
	hops := object.get(mo, "http_put_response_hop_limit", 1)
}

default _hops_fail(_, _) := false

_hops_fail(mo, hops) if {
	v.number(hops) > 1
	_endpoint_on(["metadata_options"], mo) == true
}

_tokens_optional(base, mo) := tri.of(array.concat(base, ["http_tokens"]), x, x != "required") if {
	x := object.get(mo, "http_tokens", "optional")
}

_endpoint_on(base, mo) := tri.of(array.concat(base, ["http_endpoint"]), x, x != "disabled") if {
	x := object.get(mo, "http_endpoint", "enabled")
}

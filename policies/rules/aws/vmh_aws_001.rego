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
import data.controlgate.lib.values as v

_types := {"aws_instance", "aws_launch_template", "aws_launch_configuration"}

applies contains r.id if some r in tf.resources(_types)

# The metadata_options block is absent: http_tokens takes its default, "optional".
deny contains {"resource": r.id, "path": ["metadata_options"]} if {
	some r in tf.resources(_types)
	not r.config.metadata_options
}

deny contains {"resource": r.id, "path": ["metadata_options", i, "http_tokens"]} if {
	some r in tf.resources(_types)
	some i, mo in v.blocks(r.config, "metadata_options")
	not v.has(mo, "http_tokens")
	_endpoint_not_disabled(mo)
}

deny contains {"resource": r.id, "path": ["metadata_options", i, "http_tokens"], "actual": mo.http_tokens} if {
	some r in tf.resources(_types)
	some i, mo in v.blocks(r.config, "metadata_options")
	v.known(mo.http_tokens)
	mo.http_tokens != "required"
	_endpoint_not_disabled(mo)
}

deny contains {
	"resource": r.id, "sub": "hop-limit",
	"path": ["metadata_options", i, "http_put_response_hop_limit"],
	"actual": mo.http_put_response_hop_limit,
} if {
	some r in tf.resources(_types)
	some i, mo in v.blocks(r.config, "metadata_options")
	v.number(mo.http_put_response_hop_limit) > 1
	_endpoint_not_disabled(mo)
}

unknown contains {"resource": r.id, "path": ["metadata_options"], "reason": r.config.metadata_options.__unknown__} if {
	some r in tf.resources(_types)
	v.is_unknown(r.config.metadata_options)
}

unknown contains {
	"resource": r.id,
	"path": ["metadata_options", i, "http_tokens"],
	"reason": mo.http_tokens.__unknown__,
} if {
	some r in tf.resources(_types)
	some i, mo in v.blocks(r.config, "metadata_options")
	v.is_unknown(mo.http_tokens)
	_endpoint_not_disabled(mo)
}

unknown contains {
	"resource": r.id,
	"path": ["metadata_options", i, "http_endpoint"],
	"reason": mo.http_endpoint.__unknown__,
} if {
	some r in tf.resources(_types)
	some i, mo in v.blocks(r.config, "metadata_options")
	v.is_unknown(mo.http_endpoint)
	not _tokens_required(mo)
}

unknown contains {
	"resource": r.id, "sub": "hop-limit",
	"path": ["metadata_options", i, "http_put_response_hop_limit"],
	"reason": mo.http_put_response_hop_limit.__unknown__,
} if {
	some r in tf.resources(_types)
	some i, mo in v.blocks(r.config, "metadata_options")
	v.is_unknown(mo.http_put_response_hop_limit)
}

_tokens_required(mo) if mo.http_tokens == "required"

# An unknown endpoint setting counts as "not disabled" only together with a known token setting;
# the unknown rule above reports the case where both decide the outcome.
_endpoint_not_disabled(mo) if not v.has(mo, "http_endpoint")

_endpoint_not_disabled(mo) if {
	v.known(mo.http_endpoint)
	mo.http_endpoint != "disabled"
}

# METADATA
# title: OpenSearch and Elasticsearch domains run inside a VPC and their access policy does not admit anyone
# description: |
#   A domain without vpc_options gets a public endpoint: its only protection is the access policy,
#   and a policy allowing the principal "*" without a condition on the caller's address, account or
#   endpoint lets anyone on the Internet read, write and delete the indexes. Search clusters commonly
#   hold logs and customer records, so a public domain is high severity. Inside a VPC an open policy
#   still lets any workload in the network use the domain without IAM authentication: medium.
# custom:
#   id: NET-AWS-005
#   severity: high
#   message: Search domain has a public endpoint (no vpc_options)
#   remediation: |
#     Add vpc_options { subnet_ids = [<private subnets>] security_group_ids = [...] } to
#     aws_opensearch_domain / aws_elasticsearch_domain (this replaces the domain), and in
#     access_policies (or aws_opensearch_domain_policy / aws_elasticsearch_domain_policy) name IAM
#     principals instead of "*", or limit "*" with an aws:SourceIp / aws:SourceVpce condition.
#   controls:
#     iso27017: [CLD.13.1.4, CLD.9.5.1]
#     iso27002: [A.8.20, A.8.22, A.8.3, A.5.15, A.5.23]
#     soc2: [CC6.6, CC6.1]
#     cis: []
#     nist: [AC-3, AC-4, AC-21, SC-7, SC-7(3)]
#   subresults:
#     open-policy:
#       severity: high
#       message: Search domain access policy allows anyone ("*") without a condition on the caller
#   inputs: [terraform]
#   equivalents: [CKV_AWS_137]
package controlgate.rules.net_aws_005

import data.controlgate.lib.iam
import data.controlgate.lib.terraform as tf
import data.controlgate.lib.tri
import data.controlgate.lib.values as v

_domain_types := {"aws_elasticsearch_domain", "aws_opensearch_domain"}

_policy_types := {"aws_elasticsearch_domain_policy", "aws_opensearch_domain_policy"}

applies contains r.id if some r in tf.resources(_domain_types | _policy_types)

deny contains tri.failure(c) if some c in _checks

unknown contains u if {
	some c in _checks
	some u in tri.unknown_records(c)
}

_checks contains {"resource": r.id, "path": [k], "when": tri.of([k], x, v.unset(r.config, k))} if {
	some r in tf.resources(_domain_types)
	k := "vpc_options"
	x := object.get(r.config, k, null)
}

# An empty subnet list leaves the domain public as well.
_checks contains {"resource": r.id, "path": p, "actual": [], "when": tri.of(p, o.subnet_ids, o.subnet_ids == [])} if {
	some r in tf.resources(_domain_types)
	some i, o in v.blocks(r.config, "vpc_options")
	p := ["vpc_options", i, "subnet_ids"]
}

_policies contains [r, r.config.access_policies] if {
	some r in tf.resources(_domain_types | _policy_types)
	v.has(r.config, "access_policies")
}

# A statement open to anyone; with none, each statement that may be is reported.
_checks contains {
	"resource": r.id, "path": ["access_policies"], "on_failure": {"sub": "open-policy"},
	"when": iam.any_open_to_anyone(["access_policies"], iam.statements(r, x)),
} if {
	some [r, x] in _policies
}

# A policy the scanner cannot read is not evaluated.
_checks contains {"resource": r.id, "path": p, "when": {"path": p, "reason": iam.unreadable(r, x)}} if {
	some [r, x] in _policies
	p := ["access_policies"]
}

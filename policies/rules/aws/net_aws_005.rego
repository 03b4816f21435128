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
import data.controlgate.lib.values as v

_domain_types := {"aws_elasticsearch_domain", "aws_opensearch_domain"}

_policy_types := {"aws_elasticsearch_domain_policy", "aws_opensearch_domain_policy"}

applies contains r.id if some r in tf.resources(_domain_types | _policy_types)

deny contains {"resource": r.id, "path": ["vpc_options"]} if {
	some r in tf.resources(_domain_types)
	not v.has(r.config, "vpc_options")
}

# An empty subnet list leaves the domain public as well.
deny contains {"resource": r.id, "path": ["vpc_options", i, "subnet_ids"], "actual": []} if {
	some r in tf.resources(_domain_types)
	some i, o in v.blocks(r.config, "vpc_options")
	o.subnet_ids == []
}

unknown contains {"resource": r.id, "path": ["vpc_options"], "reason": r.config.vpc_options.__unknown__} if {
	some r in tf.resources(_domain_types)
	v.is_unknown(r.config.vpc_options)
}

unknown contains {"resource": r.id, "path": ["vpc_options", i, "subnet_ids"], "reason": o.subnet_ids.__unknown__} if {
	some r in tf.resources(_domain_types)
	some i, o in v.blocks(r.config, "vpc_options")
	v.is_unknown(o.subnet_ids)
}

_policies contains [r, r.config.access_policies] if {
	some r in tf.resources(_domain_types | _policy_types)
	v.has(r.config, "access_policies")
}

deny contains {"resource": r.id, "path": ["access_policies"], "sub": "open-policy"} if {
	some [r, x] in _policies
	some st in iam.statements(r, x)
	iam.open_to_anyone(st) == true
}

unknown contains {"resource": r.id, "path": ["access_policies"], "reason": iam.unreadable(r, x)} if {
	some [r, x] in _policies
}

unknown contains {"resource": r.id, "path": ["access_policies"], "reason": iam.unknown_part(st)} if {
	some [r, x] in _policies
	sts := iam.statements(r, x)
	not _any_open(sts)
	some st in sts
	is_object(iam.open_to_anyone(st))
}

_any_open(sts) if {
	some st in sts
	iam.open_to_anyone(st) == true
}

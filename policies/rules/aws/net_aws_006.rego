# METADATA
# title: Redshift clusters are not publicly accessible
# description: |
#   A publicly accessible Redshift cluster gets a public endpoint for a data warehouse, usually the
#   largest collection of tenant data an account holds, leaving only a security group and a password
#   between it and the Internet: high severity. AWS provider versions before 6.0 make a cluster
#   publicly accessible when publicly_accessible is not set, so leaving it out is reported too, at
#   medium severity, since newer providers default to private.
# custom:
#   id: NET-AWS-006
#   severity: high
#   message: Redshift cluster is publicly accessible
#   remediation: |
#     Set publicly_accessible = false explicitly on aws_redshift_cluster, use a cluster subnet group
#     of private subnets, and reach the cluster from inside the VPC or through a Redshift-managed VPC
#     endpoint.
#   controls:
#     iso27017: [CLD.13.1.4, CLD.9.5.1]
#     iso27002: [A.8.20, A.8.22, A.8.3, A.5.23]
#     soc2: [CC6.6, CC6.1]
#     cis: []
#     nist: [AC-3, AC-4, AC-6, AC-21, SC-7, SC-7(3)]
#   subresults:
#     provider-default:
#       severity: medium
#       message: Redshift cluster does not set publicly_accessible (AWS provider before 6.0 makes it public)
#   inputs: [terraform]
#   equivalents: [CKV_AWS_87]
package controlgate.rules.net_aws_006

import data.controlgate.lib.terraform as tf
import data.controlgate.lib.tri
import data.controlgate.lib.values as v

applies contains r.id if some r in tf.resources({"aws_redshift_cluster"})

deny contains tri.failure(c) if some c in _checks

unknown contains tri.unknown(c) if some c in _checks

_checks contains tri.fails_if_in({"resource": r.id}, [], r.config, "publicly_accessible", null, v.truthy) if {
	some r in tf.resources({"aws_redshift_cluster"})
}

deny contains {"resource": r.id, "path": ["publicly_accessible"], "sub": "provider-default"} if {
	some r in tf.resources({"aws_redshift_cluster"})
	not v.has(r.config, "publicly_accessible")
}

# METADATA
# title: RDS database instances are not publicly accessible
# description: |
#   A publicly accessible DB instance gets a DNS name that resolves to a public address, so the
#   database listener is one security-group rule away from the whole Internet and is found by
#   scanners within hours. Databases hold the tenant's data itself, so the severity is high: keep
#   them on private subnets and reach them through the application tier, a bastion or a VPN.
# custom:
#   id: NET-AWS-004
#   severity: high
#   message: RDS instance is publicly accessible
#   remediation: |
#     Set publicly_accessible = false (the provider default) on aws_db_instance and
#     aws_rds_cluster_instance, place the instance in a DB subnet group of private subnets, and
#     reach it from inside the VPC (application tier, SSM port forwarding, Client VPN).
#   controls:
#     iso27017: [CLD.13.1.4, CLD.9.5.1]
#     iso27002: [A.8.20, A.8.22, A.8.3, A.5.23]
#     soc2: [CC6.6, CC6.1]
#     cis: [CIS AWS v3.0.0 2.3.3]
#     nist: [AC-4, AC-4(21), SC-7, SC-7(4), SC-7(5), SC-7(11), SC-7(16), SC-7(21)]
#   inputs: [terraform]
#   equivalents: [CKV_AWS_17, AVD-AWS-0180]
package controlgate.rules.net_aws_004

import data.controlgate.lib.terraform as tf
import data.controlgate.lib.tri
import data.controlgate.lib.values as v

_types := {"aws_db_instance", "aws_rds_cluster_instance"}

applies contains r.id if some r in tf.resources(_types)

deny contains tri.failure(c) if some c in _checks

unknown contains tri.unknown(c) if some c in _checks

_checks contains tri.fails_if_in({"resource": r.id}, [], r.config, "publicly_accessible", null, v.truthy) if {
	some r in tf.resources(_types)
}

# METADATA
# title: Subnets do not hand out public IPv4 addresses automatically
# description: |
#   A subnet that maps a public IPv4 address on launch makes every instance placed in it reachable
#   from the Internet unless a security group says otherwise, bypassing the intended network tiers.
#   Default-VPC subnets do this unless told not to.
# custom:
#   id: SEG-AWS-001
#   severity: medium
#   message: Subnet assigns public IPv4 addresses to instances at launch
#   remediation: |
#     Set map_public_ip_on_launch = false on aws_subnet and aws_default_subnet (the default subnet
#     needs it written explicitly), and publish services through a load balancer or NAT gateway.
#   controls:
#     iso27017: [CLD.9.5.1, CLD.13.1.4]
#     iso27002: [A.8.22, A.8.20]
#     soc2: [CC6.6, CC6.1]
#     cis: []
#     nist: [AC-3, AC-4, AC-4(21), AC-21, SC-7]
#   inputs: [terraform]
#   equivalents: [AVD-AWS-0164]
package controlgate.rules.seg_aws_001

import data.controlgate.lib.terraform as tf
import data.controlgate.lib.tri
import data.controlgate.lib.values as v

_types := {"aws_subnet", "aws_default_subnet"}

applies contains r.id if some r in tf.resources(_types)

deny contains tri.failure(c) if some c in _checks

unknown contains tri.unknown(c) if some c in _checks

# A default subnet keeps its platform setting (true) when the attribute is not written.
_default := {"aws_subnet": false, "aws_default_subnet": true}

_checks contains tri.fails_if_in({"resource": r.id}, [], r.config, _key, _default[r.type], v.truthy) if {
	some r in tf.resources(_types)
}

_key := "map_public_ip_on_launch"

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
import data.controlgate.lib.values as v

_types := {"aws_subnet", "aws_default_subnet"}

applies contains r.id if some r in tf.resources(_types)

deny contains {"resource": r.id, "path": ["map_public_ip_on_launch"], "actual": r.config.map_public_ip_on_launch} if {
	some r in tf.resources(_types)
	v.is_true(r.config.map_public_ip_on_launch)
}

# A default subnet keeps its platform setting (true) when the attribute is not written.
deny contains {"resource": r.id, "path": ["map_public_ip_on_launch"]} if {
	some r in tf.resources({"aws_default_subnet"})
	not v.has(r.config, "map_public_ip_on_launch")
}

unknown contains {
	"resource": r.id,
	"path": ["map_public_ip_on_launch"],
	"reason": r.config.map_public_ip_on_launch.__unknown__,
} if {
	some r in tf.resources(_types)
	v.is_unknown(r.config.map_public_ip_on_launch)
}

# METADATA
# title: Packer Amazon build instances get no public IP and are not built in the default VPC
# description: |
#   A build instance with a public address can be reached from the Internet for as long as the build
#   runs, usually with a freshly provisioned default user. Without a subnet or VPC of its own, Packer
#   launches into the default VPC, whose subnets hand out public IPv4 addresses automatically.
# custom:
#   id: NET-PKR-002
#   severity: medium
#   message: Packer build instance is given a public IP address
#   remediation: |
#     Set associate_public_ip_address = false and build in a private subnet chosen with
#     subnet_filter { filters = { "tag:Tier" = "private" } } (or subnet_id / vpc_id); reach the instance with
#     ssh_interface = "session_manager" and an iam_instance_profile that allows SSM.
#   controls:
#     iso27017: [CLD.13.1.4, CLD.9.5.1]
#     iso27002: [A.8.20, A.8.22]
#     soc2: [CC6.6]
#     cis: []
#     nist: [AC-4, SC-7]
#   subresults:
#     default-vpc:
#       severity: low
#       message: Packer build instance is launched in the default VPC (no subnet or VPC chosen)
#   inputs: [packer]
#   equivalents: []
package controlgate.rules.net_pkr_002

import data.controlgate.lib.packer as pkr
import data.controlgate.lib.tri
import data.controlgate.lib.values as v

_public_ip := "associate_public_ip_address"

_network_keys := ["subnet_id", "subnet_filter", "vpc_id", "vpc_filter"]

applies contains s.id if some s in pkr.sources(pkr.amazon_ebs_family)

deny contains tri.failure(c) if some c in _checks

unknown contains tri.unknown(c) if some c in _checks

_checks contains tri.fails_if_in({"resource": s.id}, [], s.config, _public_ip, null, v.truthy) if {
	some s in pkr.sources(pkr.amazon_ebs_family)
}

deny contains {"resource": s.id, "sub": "default-vpc", "path": ["subnet_filter"]} if {
	some s in pkr.sources(pkr.amazon_ebs_family)
	every k in _network_keys {
		not v.set_known(s.config, k)
		not v.is_unknown(object.get(s.config, k, null))
	}
}

unknown contains {"resource": s.id, "sub": "default-vpc", "path": [k], "reason": reason} if {
	some s in pkr.sources(pkr.amazon_ebs_family)
	not _network_known(s.config)
	some k in _network_keys
	v.is_unknown(s.config[k])
	reason := s.config[k].__unknown__
}

_network_known(config) if {
	some k in _network_keys
	v.set_known(config, k)
}

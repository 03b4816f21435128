# METADATA
# title: Packer Amazon builders do not open the temporary security group to the whole Internet
# description: |
#   Without a security group of its own, Packer creates a temporary one that admits the
#   communicator port (SSH or WinRM) from 0.0.0.0/0 unless source CIDRs or the runner's public IP
#   are given. A build instance reachable from anywhere, often with a default user and key, is an
#   easy foothold while the image is being made.
# custom:
#   id: NET-PKR-001
#   severity: high
#   message: Packer temporary security group admits the communicator port from anywhere
#   remediation: |
#     Set temporary_security_group_source_public_ip = true (the runner's egress IP), or
#     temporary_security_group_source_cidrs = ["<runner-cidr>/32"], or pass a pre-created group with
#     security_group_ids / security_group_filter. Better still, build in a private subnet with
#     ssh_interface = "session_manager" and associate_public_ip_address = false.
#   controls:
#     iso27017: [CLD.13.1.4, CLD.9.5.2]
#     iso27002: [A.8.20, A.8.9]
#     soc2: [CC6.6]
#     cis: [CIS AWS v3.0.0 5.2/5.3]
#     nist: [AC-4, AC-17, CM-7, SC-7]
#   subresults:
#     session-manager:
#       severity: low
#       message: >-
#         Packer temporary security group is open to anywhere (build reached through Session Manager,
#         no public IP)
#   inputs: [packer]
#   equivalents: []
package controlgate.rules.net_pkr_001

import data.controlgate.lib.network
import data.controlgate.lib.packer as pkr
import data.controlgate.lib.tri
import data.controlgate.lib.values as v

_sg_keys := ["security_group_id", "security_group_ids", "security_group_filter"]

_cidrs := "temporary_security_group_source_cidrs"

_public_ip := "temporary_security_group_source_public_ip"

applies contains s.id if some s in pkr.sources(pkr.amazon_ebs_family)

deny contains tri.failure(c) if some c in _checks

unknown contains u if {
	some c in _checks
	some u in tri.unknown_records(c)
}

# Neither CIDRs (absent, or an empty list) nor the runner's public IP: Packer authorizes 0.0.0.0/0.
_checks contains {"resource": s.id, "path": [_cidrs], "on_failure": _ssm(s.config), "when": tri.all_hold([
	_temporary_sg(s.config),
	v.unset(s.config, _cidrs),
	tri.negate(tri.is_in([_public_ip], s.config, _public_ip, null, v.truthy)),
])} if {
	some s in pkr.sources(pkr.amazon_ebs_family)
}

# Explicit world CIDRs (they take precedence over the public-IP option). An unknown CIDR is
# undecided only once the group is known to be the temporary one.
_checks contains {
	"resource": s.id, "path": [_cidrs], "actual": cidrs, "on_failure": _ssm(s.config),
	"when": tri.any_holds([
		tri.all_hold([_temporary_sg(s.config), network.has_world_cidr(cidrs)]),
		tri.all_hold([_temporary_sg(s.config) == true, tri.some_of([_cidrs], cidrs, false)]),
	]),
} if {
	some s in pkr.sources(pkr.amazon_ebs_family)
	cidrs := object.get(s.config, _cidrs, null)
}

# Packer creates the temporary group when no security group is given: false when one is set,
# else every unknown security group attribute, else true.
_temporary_sg(config) := tri.all_hold_each([tri.of([k], x, v.unset_known(config, k)) |
	some k in ["security_group_id", "security_group_ids", "security_group_filter"]
	x := object.get(config, k, null)
])

# Reached only through Session Manager and kept off public IPs: the open group matters less.
_ssm(config) := {"sub": "session-manager"} if {
	config.ssh_interface == "session_manager"
	v.is_false(config.associate_public_ip_address)
} else := {}

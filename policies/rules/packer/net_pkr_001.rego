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
import data.controlgate.lib.values as v

_sg_keys := ["security_group_id", "security_group_ids", "security_group_filter"]

_cidrs := "temporary_security_group_source_cidrs"

_public_ip := "temporary_security_group_source_public_ip"

applies contains s.id if some s in pkr.sources(pkr.amazon_ebs_family)

# Neither CIDRs (absent, or an empty list) nor the runner's public IP: Packer authorizes 0.0.0.0/0.
deny contains _result(s, {"path": [_cidrs]}) if {
	some s in _temporary_sg_sources
	not v.has(s.config, _cidrs)
	not _public_ip_on(s.config)
	not _public_ip_unknown(s.config)
}

# Explicit world CIDRs (they take precedence over the public-IP option).
deny contains _result(s, {"path": [_cidrs], "actual": s.config[_cidrs]}) if {
	some s in _temporary_sg_sources
	network.has_world_cidr(s.config[_cidrs])
}

unknown contains {"resource": s.id, "path": [k], "reason": reason} if {
	some s in pkr.sources(pkr.amazon_ebs_family)
	not _has_known_sg(s.config)
	some k in _sg_keys
	v.is_unknown(s.config[k])
	_would_be_open(s.config)
	reason := s.config[k].__unknown__
}

unknown contains {"resource": s.id, "path": [_cidrs], "reason": _reason(s.config[_cidrs])} if {
	some s in _temporary_sg_sources
	v.any_unknown(s.config[_cidrs])
	not network.has_world_cidr(s.config[_cidrs])
}

unknown contains {"resource": s.id, "path": [_public_ip], "reason": s.config[_public_ip].__unknown__} if {
	some s in _temporary_sg_sources
	v.is_unknown(s.config[_public_ip])
	_no_cidrs(s.config)
}

# Sources for which Packer creates the temporary group: no security group given (known absent).
_temporary_sg_sources contains s if {
	some s in pkr.sources(pkr.amazon_ebs_family)
	every k in _sg_keys {
		not _given(s.config, k)
	}
}

# Given: set to something other than an empty value (an unknown counts as given).
_given(config, k) if v.set_known(config, k)

_given(config, k) if v.is_unknown(config[k])

_has_known_sg(config) if {
	some k in _sg_keys
	v.set_known(config, k)
}

# Whether the temporary group would be open if no security group were given.
_would_be_open(config) if {
	_no_cidrs(config)
	not _public_ip_on(config)
}

_would_be_open(config) if network.has_world_cidr(config[_cidrs])

_no_cidrs(config) if not v.has(config, _cidrs)

_public_ip_on(config) if v.is_true(config[_public_ip])

_public_ip_unknown(config) if v.is_unknown(config[_public_ip])

_reason(x) := x.__unknown__ if v.is_unknown(x)

_reason(x) := r if {
	not v.is_unknown(x)
	r := [e.__unknown__ | some e in x; v.is_unknown(e)][0]
}

# Reached only through Session Manager and kept off public IPs: the open group matters less.
_result(s, r) := object.union(r, {"resource": s.id, "sub": "session-manager"}) if _private_ssm(s.config)

_result(s, r) := object.union(r, {"resource": s.id}) if not _private_ssm(s.config)

_private_ssm(config) if {
	config.ssh_interface == "session_manager"
	v.is_false(config.associate_public_ip_address)
}

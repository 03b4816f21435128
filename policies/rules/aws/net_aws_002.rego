# METADATA
# title: The VPC default security group carries no rules and workloads use their own groups
# description: |
#   Every VPC has a default security group that lets its members talk to each other on all ports
#   and reach anything outbound. Resources that land in it by omission share that open segment, so
#   the group should be emptied and every instance given purpose-built groups.
# custom:
#   id: NET-AWS-002
#   severity: medium
#   message: Default security group has ingress or egress rules
#   remediation: |
#     Declare aws_default_security_group { vpc_id = aws_vpc.main.id } with no ingress or egress
#     blocks (Terraform then removes all its rules), and set vpc_security_group_ids on instances
#     (security_groups or network_interfaces.security_groups on launch templates).
#   controls:
#     iso27017: [CLD.13.1.4, CLD.9.5.1]
#     iso27002: [A.8.20, A.8.22]
#     soc2: [CC6.6, CC6.1]
#     cis: [CIS AWS v3.0.0 5.4, CIS AWS v1.4.0 5.3]
#     nist: [AC-4, AC-4(21), SC-7, SC-7(5)]
#   subresults:
#     vpc-default-group:
#       severity: medium
#       message: VPC never takes over its default security group with an empty aws_default_security_group
#     no-security-group:
#       severity: low
#       message: Instance or launch template names no security group and falls back to the VPC default group
#   inputs: [terraform]
#   equivalents: [AVD-AWS-0173, FG_R00089]
package controlgate.rules.net_aws_002

import data.controlgate.lib.terraform as tf
import data.controlgate.lib.tri
import data.controlgate.lib.values as v

_compute_types := {"aws_instance", "aws_launch_template"}

applies contains r.id if some r in tf.resources({"aws_default_security_group", "aws_vpc"} | _compute_types)

applies contains r.id if some r in _attached_rules

_rule_types := {"aws_security_group_rule", "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule"}

# Rules added to a default group by separate resources: the group then carries rules all the same.
# The group is named by its aws_default_security_group, or as its VPC's default_security_group_id.
_attached_rules contains r if {
	some r in tf.resources(_rule_types)
	some x in tf.referenced(r, r.config.security_group_id)
	x.type == "aws_default_security_group"
}

_attached_rules contains r if {
	some r in tf.resources(_rule_types)
	endswith(r.config.security_group_id.__unknown__, ".default_security_group_id")
	some x in tf.referenced(r, r.config.security_group_id)
	x.type == "aws_vpc"
}

deny contains tri.failure(c) if some c in _checks

unknown contains u if {
	some c in _checks
	some u in tri.unknown_records(c)
}

_checks contains {"resource": r.id, "path": ["security_group_id"], "when": true} if some r in _attached_rules

# A VPC whose default group no aws_default_security_group in the module takes over (and so empties);
# each default group whose vpc_id the scanner cannot resolve may be the one.
_checks contains {"resource": r.id, "sub": "vpc-default-group", "path": [], "when": _not_adopted(r)} if {
	some r in tf.resources({"aws_vpc"})
}

_not_adopted(vpc) := false if {
	count(_adopting(vpc)) > 0
} else := tri.of_reasons([], {d.config.vpc_id.__unknown__ | some d in _undecided_groups(vpc)}, true)

_adopting(vpc) := [d |
	some d in tf.in_module(vpc, "aws_default_security_group")
	some x in tf.referenced(d, d.config.vpc_id)
	x.id == vpc.id
]

# A default group whose vpc_id is not known and names no resource of the module: it may be this VPC's.
_undecided_groups(vpc) := [d |
	some d in tf.in_module(vpc, "aws_default_security_group")
	v.is_unknown(d.config.vpc_id)
	count(tf.referenced(d, d.config.vpc_id)) == 0
]

_checks contains {"resource": r.id, "path": [key, i], "when": true} if {
	some r in tf.resources({"aws_default_security_group"})
	some key in ["ingress", "egress"]
	some i, _ in v.blocks(r.config, key)
}

_checks contains tri.known_check({"resource": r.id}, [key], x) if {
	some r in tf.resources({"aws_default_security_group"})
	some key in ["ingress", "egress"]
	x := r.config[key]
}

_checks contains {
	"resource": r.id, "sub": "no-security-group", "path": ["vpc_security_group_ids"],
	"when": _no_security_group(r),
} if {
	some r in tf.resources(_compute_types)
}

# No group named: each unknown group setting is reported, and unknown network_interfaces (which may
# name groups) even when the instance is attached to pre-built interfaces.
_no_security_group(r) := false if {
	_names_sg(r)
} else := tri.of_each(_ni_pair(r), false) if {
	_uses_enis(r)
} else := tri.of_each(array.concat(_sg_settings(r), _ni_pair(r)), true)

_ni_pair(r) := [[["network_interfaces"], object.get(r.config, "network_interfaces", null)]]

# Security-group settings of an instance or launch template, as [path, value] pairs.
_sg_settings(r) := array.concat(
	[[[key], r.config[key]] | some key in ["vpc_security_group_ids", "security_groups"]; v.has(r.config, key)],
	[[["network_interfaces", i, "security_groups"], ni.security_groups] |
		some i, ni in v.blocks(r.config, "network_interfaces")
		v.has(ni, "security_groups")
	],
)

# An instance attached to pre-built network interfaces takes their security groups.
_uses_enis(r) if v.has(r.config, "network_interface")

_uses_enis(r) if {
	some ni in v.blocks(r.config, "network_interfaces")
	v.has(ni, "network_interface_id")
}

_names_sg(r) if {
	some [_, value] in _sg_settings(r)
	is_array(value)
	count(value) > 0
}

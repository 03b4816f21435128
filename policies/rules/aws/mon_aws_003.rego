# METADATA
# title: Every VPC records its traffic with flow logs
# description: |
#   Without flow logs there is no record of which addresses talked to which instances, so scans,
#   exfiltration and lateral movement inside a VPC leave no network trace for detection or forensics.
# custom:
#   id: MON-AWS-003
#   severity: medium
#   message: VPC has no flow log capturing all or rejected traffic
#   remediation: |
#     Add an aws_flow_log in the same module with vpc_id = aws_vpc.<name>.id, traffic_type = "ALL"
#     (or "REJECT") and a destination (log_destination_type = "cloud-watch-logs" or "s3" with
#     log_destination, plus iam_role_arn for CloudWatch Logs).
#   controls:
#     iso27017: [CLD.12.4.5, CLD.13.1.4]
#     iso27002: [A.8.15, A.8.16, A.8.20]
#     soc2: [CC7.2, CC7.3]
#     cis: [CIS AWS v3.0.0 3.7, CIS AWS v1.4.0 3.9]
#     nist: [AC-4(26), AU-2, AU-3, AU-12, AU-6(3), AU-6(4), CA-7, SI-7(8)]
#   inputs: [terraform]
#   equivalents: [AVD-AWS-0178, FG_R00054]
package controlgate.rules.mon_aws_003

import data.controlgate.lib.terraform as tf
import data.controlgate.lib.tri
import data.controlgate.lib.values as v

applies contains r.id if some r in tf.resources({"aws_vpc"})

# Flow logs in r's module whose `key` attribute refers to resource x.
_logs_on(x, key) := [fl |
	some fl in tf.in_module(x, "aws_flow_log")
	some target in tf.referenced(fl, fl.config[key])
	target.address == x.address
]

# Whether a flow log captures accepted-and-rejected or rejected traffic to a destination.
_capture(fl) := "unknown" if {
	v.is_unknown(fl.config.traffic_type)
} else := "yes" if {
	fl.config.traffic_type in {"ALL", "REJECT"}
	_has_destination(fl.config)
} else := "no"

_has_destination(c) if v.has(c, "log_destination")

_has_destination(c) if v.has(c, "log_group_name")

_covered(x, key) if {
	some fl in _logs_on(x, key)
	_capture(fl) == "yes"
}

_subnets(r) := [s |
	some s in tf.in_module(r, "aws_subnet")
	some target in tf.referenced(s, s.config.vpc_id)
	target.address == r.address
]

# The truth of "VPC r has no flow log capturing its traffic": false when a flow log on it, or one
# on each of its subnets, captures it; else unknown (the first reason, sorted) when one may; else true.
_uncovered(r) := false if {
	_covered(r, "vpc_id")
} else := false if {
	subnets := _subnets(r)
	count(subnets) > 0
	every s in subnets {
		_covered(s, "subnet_id")
	}
} else := {"path": [], "reason": sort(_reasons(r))[0]} if {
	count(_reasons(r)) > 0
} else := true

# Why the outcome for VPC r cannot be decided: flow logs on it with an unknown traffic type, and
# flow logs in its module whose VPC or subnet cannot be resolved.
_reasons(r) := {fl.config.traffic_type.__unknown__ |
	some fl in _logs_on(r, "vpc_id")
	_capture(fl) == "unknown"
} | {fl.config[key].__unknown__ |
	some fl in tf.in_module(r, "aws_flow_log")
	some key in ["vpc_id", "subnet_id"]
	v.is_unknown(fl.config[key])
	count(tf.referenced(fl, fl.config[key])) == 0
	not _in_other_module(fl.config[key])
}

# A module-qualified resource (module.vpc.aws_vpc.this[0].id): never a resource of this module.
_in_other_module(x) if regex.match(concat("", [_module_prefix, _resource_attr]), x.__unknown__)

_module_prefix := `^(module\.[A-Za-z0-9_-]+(\[[^\]]*\])?\.)+`

_resource_attr := `[a-z][a-z0-9_]*\.[A-Za-z_][A-Za-z0-9_-]*(\[[^\]]*\])?\.[a-z_]+$`

deny contains tri.failure(c) if some c in _checks

unknown contains tri.unknown(c) if some c in _checks

_checks contains {"resource": r.id, "path": [], "when": _uncovered(r)} if some r in tf.resources({"aws_vpc"})

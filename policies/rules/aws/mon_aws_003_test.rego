package controlgate.rules.mon_aws_003_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.mon_aws_003 as rule

_vpc := ["aws_vpc", {"cidr_block": "10.0.0.0/16"}]

_log(attrs) := ["aws_flow_log", object.union({"log_destination": "arn:aws:s3:::flow-logs", "log_destination_type": "s3"}, attrs)]

test_vpc_without_flow_log_fails if {
	inp := t.tf_inputs([_vpc])
	rule.deny == {{"resource": "r0", "path": []}} with input as inp
	rule.applies == {"r0"} with input as inp
}

test_vpc_with_flow_log_passes if {
	inp := t.tf_inputs([_vpc, _log({"vpc_id": t.unknown("aws_vpc.r0.id"), "traffic_type": "ALL"})])
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
	rule.applies == {"r0"} with input as inp
}

test_reject_only_passes if {
	inp := t.tf_inputs([_vpc, _log({"vpc_id": t.unknown("aws_vpc.r0.id"), "traffic_type": "REJECT"})])
	count(rule.deny) == 0 with input as inp
}

test_accept_only_fails if {
	inp := t.tf_inputs([_vpc, _log({"vpc_id": t.unknown("aws_vpc.r0.id"), "traffic_type": "ACCEPT"})])
	rule.deny == {{"resource": "r0", "path": []}} with input as inp
}

test_no_destination_fails if {
	inp := t.tf_inputs([_vpc, ["aws_flow_log", {"vpc_id": t.unknown("aws_vpc.r0.id"), "traffic_type": "ALL"}]])
	rule.deny == {{"resource": "r0", "path": []}} with input as inp
}

test_flow_log_on_other_vpc_fails if {
	inp := t.tf_inputs([_vpc, _vpc, _log({"vpc_id": t.unknown("aws_vpc.r1.id"), "traffic_type": "ALL"})])
	rule.deny == {{"resource": "r0", "path": []}} with input as inp
}

test_flow_logs_on_every_subnet_pass if {
	inp := t.tf_inputs([
		_vpc,
		["aws_subnet", {"vpc_id": t.unknown("aws_vpc.r0.id")}],
		["aws_subnet", {"vpc_id": t.unknown("aws_vpc.r0.id")}],
		_log({"subnet_id": t.unknown("aws_subnet.r1.id"), "traffic_type": "ALL"}),
		_log({"subnet_id": t.unknown("aws_subnet.r2.id"), "log_group_name": "flows", "traffic_type": "ALL"}),
	])
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_flow_log_on_some_subnets_fails if {
	inp := t.tf_inputs([
		_vpc,
		["aws_subnet", {"vpc_id": t.unknown("aws_vpc.r0.id")}],
		["aws_subnet", {"vpc_id": t.unknown("aws_vpc.r0.id")}],
		_log({"subnet_id": t.unknown("aws_subnet.r1.id"), "traffic_type": "ALL"}),
	])
	rule.deny == {{"resource": "r0", "path": []}} with input as inp
}

test_unknown_traffic_type_not_evaluated if {
	inp := t.tf_inputs([_vpc, _log({"vpc_id": t.unknown("aws_vpc.r0.id"), "traffic_type": t.unknown("var.traffic")})])
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "r0", "path": [], "reason": "var.traffic"}} with input as inp
}

test_unresolvable_flow_log_target_not_evaluated if {
	inp := t.tf_inputs([_vpc, _log({"vpc_id": t.unknown("var.vpc_id"), "traffic_type": "ALL"})])
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "r0", "path": [], "reason": "var.vpc_id"}} with input as inp
}

test_flow_log_in_other_module_does_not_count if {
	vpc := {
		"id": "a", "address": "aws_vpc.main", "mode": "managed", "type": "aws_vpc", "name": "main",
		"module_dir": "net", "file": "net/main.tf", "config": {},
	}
	fl := {
		"id": "b", "address": "aws_flow_log.main", "mode": "managed", "type": "aws_flow_log", "name": "main",
		"module_dir": "other", "file": "other/main.tf",
		"config": {"vpc_id": t.unknown("aws_vpc.main.id"), "traffic_type": "ALL", "log_destination": "arn:aws:s3:::x"},
	}
	rule.deny == {{"resource": "a", "path": []}} with input as {"terraform": {"resources": [vpc, fl]}}
}

test_other_types_ignored if {
	inp := t.tf_inputs([["aws_default_vpc", {}]])
	count(rule.applies) == 0 with input as inp
	count(rule.deny) == 0 with input as inp
}

# A flow log naming a VPC of another module (module.vpc.aws_vpc.this[0].id) leaves this one's undecided by nothing.
test_flow_log_of_other_module_vpc_does_not_hold_back if {
	inp := t.tf_inputs([
		["aws_vpc", {"cidr_block": "10.0.0.0/16"}],
		["aws_flow_log", {"vpc_id": t.unknown("module.vpc.aws_vpc.this[0].id"), "traffic_type": "ALL", "log_destination": "arn:aws:s3:::b"}],
	])
	rule.deny == {{"resource": "r0", "path": []}} with input as inp
	count(rule.unknown) == 0 with input as inp
}

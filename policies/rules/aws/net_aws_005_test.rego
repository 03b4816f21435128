package controlgate.rules.net_aws_005_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.net_aws_005 as rule

_open_policy := json.marshal({"Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "es:*", "Resource": "*"}]})

_ip_policy := json.marshal({"Statement": [{
	"Effect": "Allow", "Principal": "*", "Action": "es:*",
	"Condition": {"IpAddress": {"aws:SourceIp": ["203.0.113.0/24"]}},
}]})

_vpc := {"subnet_ids": ["subnet-1"], "security_group_ids": ["sg-1"]}

test_public_domain_fails if {
	inp := t.tf_inputs([
		["aws_opensearch_domain", {"domain_name": "logs"}],
		["aws_elasticsearch_domain", {"domain_name": "old", "vpc_options": [{"subnet_ids": []}]}],
	])
	rule.deny == {
		{"resource": "r0", "path": ["vpc_options"]},
		{"resource": "r1", "path": ["vpc_options", 0, "subnet_ids"], "actual": []},
	} with input as inp
	rule.applies == {"r0", "r1"} with input as inp
}

test_open_access_policy_fails if {
	inp := t.tf_inputs([
		["aws_opensearch_domain", {"vpc_options": [_vpc], "access_policies": _open_policy}],
		["aws_elasticsearch_domain_policy", {"domain_name": "d", "access_policies": _open_policy}],
		["aws_opensearch_domain_policy", {"domain_name": "d", "access_policies": _ip_policy}],
	])
	rule.deny == {
		{"resource": "r0", "path": ["access_policies"], "sub": "open-policy"},
		{"resource": "r1", "path": ["access_policies"], "sub": "open-policy"},
	} with input as inp
}

test_vpc_domain_with_limited_policy_passes if {
	inp := t.tf_input("aws_opensearch_domain", {"vpc_options": _vpc, "access_policies": _ip_policy})
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_unknown_not_evaluated if {
	inp := t.tf_inputs([
		["aws_opensearch_domain", {"vpc_options": t.unknown(`dynamic "vpc_options"`)}],
		["aws_opensearch_domain", {"vpc_options": [{"subnet_ids": t.unknown("var.subnets")}], "access_policies": t.unknown("var.policy")}],
	])
	count(rule.deny) == 0 with input as inp
	rule.unknown == {
		{"resource": "r0", "path": ["vpc_options"], "reason": `dynamic "vpc_options"`},
		{"resource": "r1", "path": ["vpc_options", 0, "subnet_ids"], "reason": "var.subnets"},
		{"resource": "r1", "path": ["access_policies"], "reason": "var.policy"},
	} with input as inp
}

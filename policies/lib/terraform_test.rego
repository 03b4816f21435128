package controlgate.lib.terraform_test

import data.controlgate.lib.terraform as tf

_res(addr, local, path, key) := object.union(
	{"id": addr, "address": addr, "local_address": local, "mode": "managed", "module_dir": "m", "module_path": path},
	_key(key),
)

_key(null) := {}

_key(key) := {"instance_key": key} if key != null

_input := {"terraform": {"resources": [
	_res(`aws_vpc.main["a"]`, "aws_vpc.main", [], "a"),
	_res(`aws_vpc.main["b"]`, "aws_vpc.main", [], "b"),
	_res("aws_subnet.s[0]", "aws_subnet.s", [], 0),
	_res("module.app.aws_vpc.main", "aws_vpc.main", ["app"], null),
	_res("aws_instance.i", "aws_instance.i", [], null),
]}}

_ids(xs) := {x.id | some x in xs}

test_ref_address_forms if {
	tf.ref_address({"__unknown__": "aws_vpc.main.id"}) == "aws_vpc.main"
	tf.ref_address({"__unknown__": `aws_vpc.main["a"].id`}) == "aws_vpc.main"
	tf.ref_address({"__unknown__": "data.aws_vpc.x.id"}) == "data.aws_vpc.x"
	tf.ref_address({"__unknown__": `module.net["a"].module.vpc.aws_vpc.this[0].id`}) == `module.net["a"].module.vpc.aws_vpc.this`
	tf.ref_address({"__unknown__": "module.vpc.vpc_id"}) == "module.vpc"
	not tf.ref_address({"__unknown__": "var.vpc_id"})
	not tf.ref_address("vpc-123")
}

test_referenced_follows_instances_within_the_same_module_instance if {
	r := _input.terraform.resources[4]
	_ids(tf.referenced(r, {"__unknown__": "aws_vpc.main.id"})) == {`aws_vpc.main["a"]`, `aws_vpc.main["b"]`} with input as _input
	_ids(tf.referenced(r, {"__unknown__": `aws_vpc.main["b"].id`})) == {`aws_vpc.main["b"]`} with input as _input
	_ids(tf.referenced(r, {"__unknown__": "aws_subnet.s[0].id"})) == {"aws_subnet.s[0]"} with input as _input
	tf.referenced(r, {"__unknown__": "aws_subnet.s[1].id"}) == [] with input as _input
	tf.referenced(r, "vpc-123") == [] with input as _input
}

test_referenced_does_not_cross_into_a_module if {
	inner := _input.terraform.resources[3]
	_ids(tf.referenced(inner, {"__unknown__": "aws_vpc.main.id"})) == {"module.app.aws_vpc.main"} with input as _input
}

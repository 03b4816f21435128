package controlgate.rules.vmh_aws_004_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.vmh_aws_004 as rule

test_instance_without_profile_fails if {
	inp := t.tf_inputs([
		["aws_instance", {"ami": "ami-1", "instance_type": "t3.micro"}],
		["aws_launch_configuration", {"image_id": "ami-1", "iam_instance_profile": ""}],
		["aws_launch_template", {"image_id": "ami-1"}],
		["aws_launch_template", {"image_id": "ami-1", "iam_instance_profile": [{}]}],
	])
	rule.deny == {
		{"resource": "r0", "path": []},
		{"resource": "r1", "path": ["iam_instance_profile"]},
		{"resource": "r2", "path": ["iam_instance_profile"]},
		{"resource": "r3", "path": ["iam_instance_profile", 0]},
	} with input as inp
	rule.applies == {"r0", "r1", "r2", "r3"} with input as inp
}

test_profiles_pass if {
	inp := t.tf_inputs([
		["aws_instance", {"iam_instance_profile": t.unknown("aws_iam_instance_profile.p.name")}],
		["aws_launch_configuration", {"iam_instance_profile": "app-profile"}],
		["aws_launch_template", {"iam_instance_profile": {"arn": t.unknown("aws_iam_instance_profile.p.arn")}}],
		["aws_launch_template", {"iam_instance_profile": [{"name": "app-profile"}]}],
	])
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_eks_managed_node_group_template_skipped if {
	inp := t.tf_inputs([
		["aws_launch_template", {"image_id": "ami-1"}],
		["aws_eks_node_group", {"launch_template": {"id": t.unknown("aws_launch_template.r0.id"), "version": "$Latest"}}],
	])
	count(rule.deny) == 0 with input as inp
}

test_unknown_not_evaluated if {
	inp := t.tf_inputs([
		["aws_instance", {"iam_instance_profile": t.unknown("var.profile")}],
		["aws_launch_template", {"iam_instance_profile": t.unknown(`dynamic "iam_instance_profile"`)}],
		["aws_launch_template", {"iam_instance_profile": [{"name": t.unknown("var.profile_name")}]}],
	])
	count(rule.deny) == 0 with input as inp
	rule.unknown == {
		{"resource": "r0", "path": ["iam_instance_profile"], "reason": "var.profile"},
		{"resource": "r1", "path": ["iam_instance_profile"], "reason": `dynamic "iam_instance_profile"`},
		{"resource": "r2", "path": ["iam_instance_profile", 0, "name"], "reason": "var.profile_name"},
	} with input as inp
}

test_eks_template_named_in_expression_skipped if {
	inp := t.tf_inputs([
		["aws_launch_template", {"image_id": "ami-1"}],
		["aws_eks_node_group", {"launch_template": [{"id": t.unknown("var.create ? try(aws_launch_template.r0[0].id, null) : var.id")}]}],
	])
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_dynamic_node_group_template_not_evaluated if {
	inp := t.tf_inputs([
		["aws_launch_template", {"image_id": "ami-1"}],
		["aws_eks_node_group", {"launch_template": t.unknown(`dynamic "launch_template"`)}],
	])
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "r0", "path": ["iam_instance_profile"], "reason": `dynamic "launch_template"`}} with input as inp
}

test_plan_computed_profile_is_left_out if {
	inp := t.tf_inputs([
		["aws_instance", {"iam_instance_profile": t.unknown("aws_instance.r0.iam_instance_profile (known after apply)")}],
		["aws_instance", {"iam_instance_profile": t.unknown("aws_instance.other.iam_instance_profile (known after apply)")}],
	])
	rule.deny == {{"resource": "r0", "path": []}} with input as inp
	rule.unknown == {{
		"resource": "r1", "path": ["iam_instance_profile"],
		"reason": "aws_instance.other.iam_instance_profile (known after apply)",
	}} with input as inp
}

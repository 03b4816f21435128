package controlgate.rules.seg_img_001_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.seg_img_001 as rule

test_public_sharing_fails if {
	inp := t.tf_inputs([
		["aws_ami_launch_permission", {"image_id": "ami-1", "group": "all"}],
		["google_compute_image_iam_binding", {"image": "i", "role": "roles/compute.imageUser", "members": ["user:a@example.com", "allAuthenticatedUsers"]}],
		["google_compute_image_iam_member", {"image": "i", "role": "roles/compute.imageUser", "member": "allUsers"}],
		["google_compute_image_iam_policy", {"image": "i", "policy_data": `{"bindings":[{"role":"roles/compute.imageUser","members":["allUsers"]}]}`}],
	])
	rule.deny == {
		{"resource": "r0", "path": ["group"], "actual": "all"},
		{"resource": "r1", "path": ["members"], "actual": "allAuthenticatedUsers"},
		{"resource": "r2", "path": ["member"], "actual": "allUsers"},
		{"resource": "r3", "path": ["policy_data"], "actual": "allUsers"},
	} with input as inp
	count(rule.applies) == 4 with input as inp
}

test_policy_from_data_source if {
	pol := {
		"id": "d0", "address": "data.google_iam_policy.img", "mode": "data", "type": "google_iam_policy", "name": "img",
		"module_dir": ".", "file": "main.tf", "config": {"binding": [{"role": "roles/compute.imageUser", "members": ["allUsers"]}]},
	}
	base := t.tf_input("google_compute_image_iam_policy", {"image": "i", "policy_data": t.unknown("data.google_iam_policy.img.policy_data")})
	inp := {"terraform": {"resources": array.concat(base.terraform.resources, [pol])}}
	rule.deny == {{"resource": "r0", "path": ["policy_data"], "actual": "allUsers"}} with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_community_gallery_and_account_blocks if {
	inp := t.tf_inputs([
		["azurerm_shared_image_gallery", {"sharing": [{"permission": "Community"}]}],
		["aws_ec2_image_block_public_access", {"state": "unblocked"}],
		["aws_ebs_snapshot_block_public_access", {"state": "unblocked"}],
	])
	rule.deny == {
		{"resource": "r0", "path": ["sharing", 0, "permission"], "sub": "community", "actual": "Community"},
		{"resource": "r1", "path": ["state"], "sub": "account-block", "actual": "unblocked"},
		{"resource": "r2", "path": ["state"], "sub": "account-block", "actual": "unblocked"},
	} with input as inp
}

test_private_sharing_passes if {
	inp := t.tf_inputs([
		["aws_ami_launch_permission", {"image_id": "ami-1", "account_id": "123456789012"}],
		["google_compute_image_iam_member", {"member": "group:builders@example.com"}],
		["azurerm_shared_image_gallery", {"sharing": [{"permission": "Groups"}]}],
		["azurerm_shared_image_gallery", {}],
		["aws_ec2_image_block_public_access", {"state": "block-new-sharing"}],
		["aws_ebs_snapshot_block_public_access", {"state": "block-all-sharing"}],
	])
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_unknown_not_evaluated if {
	inp := t.tf_inputs([
		["aws_ami_launch_permission", {"group": t.unknown("var.group")}],
		["google_compute_image_iam_binding", {"members": [t.unknown("var.member")]}],
		["google_compute_image_iam_policy", {"policy_data": t.unknown("var.policy")}],
		["aws_ec2_image_block_public_access", {"state": t.unknown("var.state")}],
		["azurerm_shared_image_gallery", {"sharing": [{"permission": t.unknown("var.p")}]}],
	])
	count(rule.deny) == 0 with input as inp
	rule.unknown == {
		{"resource": "r0", "path": ["group"], "reason": "var.group"},
		{"resource": "r1", "path": ["members"], "reason": "var.member"},
		{"resource": "r2", "path": ["policy_data"], "reason": "var.policy"},
		{"resource": "r3", "path": ["state"], "sub": "account-block", "reason": "var.state"},
		{"resource": "r4", "path": ["sharing", 0, "permission"], "sub": "community", "reason": "var.p"},
	} with input as inp
}

package controlgate.rules.vmh_aws_003_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.vmh_aws_003 as rule

test_snapshot_of_unencrypted_volume_fails if {
	inp := t.tf_inputs([
		["aws_ebs_volume", {"size": 10}],
		["aws_ebs_snapshot", {"volume_id": t.unknown("aws_ebs_volume.r0.id")}],
		["aws_ebs_volume", {"size": 10, "encrypted": true}],
		["aws_ebs_snapshot", {"volume_id": t.unknown("aws_ebs_volume.r2.id")}],
	])
	rule.deny == {{"resource": "r1", "path": ["volume_id"]}} with input as inp
	rule.applies == {"r1", "r3"} with input as inp
}

test_account_default_encrypts_snapshots if {
	inp := t.tf_inputs([
		["aws_ebs_volume", {"size": 10}],
		["aws_ebs_snapshot", {"volume_id": t.unknown("aws_ebs_volume.r0.id")}],
		["aws_ebs_encryption_by_default", {}],
		["aws_ebs_snapshot_copy", {"source_snapshot_id": "snap-0123456789abcdef0"}],
	])
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_snapshot_copy if {
	inp := t.tf_inputs([
		["aws_ebs_volume", {"size": 10, "encrypted": false}],
		["aws_ebs_snapshot", {"volume_id": t.unknown("aws_ebs_volume.r0.id")}],
		["aws_ebs_snapshot_copy", {"source_snapshot_id": t.unknown("aws_ebs_snapshot.r1.id")}],
		["aws_ebs_snapshot_copy", {"source_snapshot_id": "snap-0123456789abcdef0", "encrypted": false}],
		["aws_ebs_snapshot_copy", {"source_snapshot_id": t.unknown("aws_ebs_snapshot.r1.id"), "encrypted": true}],
	])
	rule.deny == {
		{"resource": "r1", "path": ["volume_id"]},
		{"resource": "r2", "path": ["encrypted"]},
		{"resource": "r3", "path": ["encrypted"], "sub": "unverified-source"},
	} with input as inp
}

test_copy_of_encrypted_snapshot_passes if {
	inp := t.tf_inputs([
		["aws_ebs_volume", {"encrypted": "true"}],
		["aws_ebs_snapshot", {"volume_id": t.unknown("aws_ebs_volume.r0.id")}],
		["aws_ebs_snapshot_copy", {"source_snapshot_id": t.unknown("aws_ebs_snapshot.r1.id")}],
	])
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_unknown_not_evaluated if {
	inp := t.tf_inputs([
		["aws_ebs_snapshot", {"volume_id": t.unknown("var.volume_id")}],
		["aws_ebs_volume", {"encrypted": t.unknown("var.encrypted")}],
		["aws_ebs_snapshot", {"volume_id": t.unknown("aws_ebs_volume.r1.id")}],
		["aws_ebs_snapshot_copy", {"source_snapshot_id": t.unknown("aws_ebs_snapshot.r2.id")}],
		["aws_ebs_snapshot_copy", {"source_snapshot_id": "snap-1", "encrypted": t.unknown("var.enc")}],
	])
	count(rule.deny) == 0 with input as inp
	rule.unknown == {
		{"resource": "r0", "path": ["volume_id"], "reason": "var.volume_id"},
		{"resource": "r2", "path": ["volume_id"], "reason": "var.encrypted"},
		{"resource": "r3", "path": ["encrypted"], "reason": "var.encrypted"},
		{"resource": "r4", "path": ["encrypted"], "reason": "var.enc"},
	} with input as inp
}

test_unknown_account_default_not_evaluated if {
	inp := t.tf_inputs([
		["aws_ebs_encryption_by_default", {"enabled": t.unknown("var.default")}],
		["aws_ebs_snapshot_copy", {"source_snapshot_id": "snap-1"}],
	])
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "r1", "path": ["encrypted"], "reason": "var.default"}} with input as inp
}

# aws_ami_copy copies an image's snapshots: encrypted = true, or an encrypted copy as its source.
test_ami_copy if {
	inp := t.tf_inputs([
		["aws_ami_copy", {"name": "a", "source_ami_id": "ami-123", "source_ami_region": "eu-west-1"}],
		["aws_ami_copy", {"name": "b", "source_ami_id": "ami-123", "source_ami_region": "eu-west-1", "encrypted": true}],
		["aws_ami_copy", {"name": "c", "source_ami_id": t.unknown("aws_ami_copy.r1.id"), "source_ami_region": "eu-west-1"}],
		["aws_ami_copy", {"name": "d", "source_ami_id": "ami-123", "source_ami_region": "eu-west-1", "encrypted": t.unknown("var.enc")}],
	])
	rule.deny == {{"resource": "r0", "path": ["encrypted"], "sub": "unverified-source"}} with input as inp
	rule.unknown == {{"resource": "r3", "path": ["encrypted"], "reason": "var.enc"}} with input as inp
	rule.applies == {"r0", "r1", "r2", "r3"} with input as inp
}

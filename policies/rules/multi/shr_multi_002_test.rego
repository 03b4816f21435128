package controlgate.rules.shr_multi_002_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.shr_multi_002 as rule

test_missing_owner_fails if {
	inp := t.tf_inputs([
		["aws_instance", {"ami": "ami-1"}],
		["azurerm_key_vault", {"tags": {"environment": "prod"}}],
		["google_compute_disk", {"labels": {"cost_center": "data"}}],
	])
	rule.deny == {
		{"resource": "r0", "path": ["tags", "owner"]},
		{"resource": "r1", "path": ["tags", "owner"]},
		{"resource": "r2", "path": ["labels", "owner"]},
	} with input as inp
	rule.applies == {"r0", "r1", "r2"} with input as inp
}

test_owner_present_passes if {
	inp := t.tf_inputs([
		["aws_vpc", {"tags": {"Owner": "network-team"}}],
		["google_kms_crypto_key", {"labels": {"owner": "security"}}],
		["azurerm_virtual_network", {"tags": {"owner": "network-team"}}],
	])
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

_aws_provider(tags) := {"id": "p0", "name": "aws", "module_dir": ".", "file": "providers.tf", "config": {"default_tags": [{"tags": tags}]}}

test_provider_default_tags_merge if {
	base := t.tf_input("aws_security_group", {"name": "sg"})
	inp := object.union(base, {"terraform": {"providers": [_aws_provider({"owner": "platform"})]}})
	count(rule.deny) == 0 with input as inp
	inp2 := object.union(base, {"terraform": {"providers": [_aws_provider(t.unknown("local.tags"))]}})
	count(rule.deny) == 0 with input as inp2
	rule.unknown == {{"resource": "r0", "path": ["tags"], "reason": "local.tags"}} with input as inp2
}

test_unknown_tags_not_evaluated if {
	inp := t.tf_input("google_compute_instance", {"labels": t.unknown("var.labels")})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "r0", "path": ["labels"], "reason": "var.labels"}} with input as inp
}

test_packer_images if {
	inp := t.pkr_input("amazon-ebs", {"ami_name": "x", "tags": {"Name": "x"}})
	rule.deny == {{"resource": "s0", "path": ["tags", "owner"]}} with input as inp
	inp2 := t.pkr_input("googlecompute", {"image_labels": {"owner": "platform"}})
	count(rule.deny) == 0 with input as inp2
	inp3 := t.pkr_input("azure-arm", {"azure_tags": t.unknown("local.tags")})
	count(rule.deny) == 0 with input as inp3
	rule.unknown == {{"resource": "s0", "path": ["azure_tags"], "reason": "local.tags"}} with input as inp3
	inp4 := t.pkr_input("docker", {})
	count(rule.applies) == 0 with input as inp4
}

# The default set accepts the usual ways of naming an owner, in any case and namespaced.
test_default_owner_keys_pass if {
	inp := t.tf_inputs([
		["aws_instance", {"tags": {"Team": "payments"}}],
		["aws_vpc", {"tags": {"app:Owner": "network"}}],
		["google_compute_disk", {"labels": {"maintainer": "data"}}],
	])
	count(rule.deny) == 0 with input as inp
}

# owner-tag-keys in the configuration replaces the default set.
test_configured_owner_keys if {
	inp := object.union(
		t.tf_inputs([
			["aws_instance", {"tags": {"Owner": "payments"}}],
			["aws_vpc", {"tags": {"CostOwner": "network"}}],
		]),
		{"settings": {"owner_tag_keys": ["CostOwner"]}},
	)
	rule.deny == {{"resource": "r0", "path": ["tags", "costowner"]}} with input as inp
}

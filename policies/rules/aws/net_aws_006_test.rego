package controlgate.rules.net_aws_006_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.net_aws_006 as rule

test_public_cluster_fails if {
	inp := t.tf_input("aws_redshift_cluster", {"cluster_identifier": "dw", "publicly_accessible": true})
	rule.deny == {{"resource": "r0", "path": ["publicly_accessible"], "actual": true}} with input as inp
	rule.applies == {"r0"} with input as inp
}

test_unset_reported_as_provider_default if {
	inp := t.tf_input("aws_redshift_cluster", {"cluster_identifier": "dw"})
	rule.deny == {{"resource": "r0", "path": ["publicly_accessible"], "sub": "provider-default"}} with input as inp
}

test_private_passes if {
	inp := t.tf_input("aws_redshift_cluster", {"cluster_identifier": "dw", "publicly_accessible": "false"})
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
	rule.applies == {"r0"} with input as inp
}

test_unknown_not_evaluated if {
	inp := t.tf_input("aws_redshift_cluster", {"publicly_accessible": t.unknown("var.public")})
	count(rule.deny) == 0 with input as inp
	rule.unknown == {{"resource": "r0", "path": ["publicly_accessible"], "reason": "var.public"}} with input as inp
}

# METADATA
# title: VM images and snapshots are not shared with the public
# description: |
#   Images and disk snapshots carry whatever was on the disk when they were taken: application code,
#   configuration, cached credentials, data. Sharing them with every account on the platform hands
#   all of it to anyone who looks; account-level blocks stop such sharing from happening by mistake.
# custom:
#   id: SEG-IMG-001
#   severity: critical
#   message: VM image is shared publicly
#   remediation: |
#     Share AMIs with specific account_id / organization_arn / organizational_unit_arn values instead of
#     group = "all"; grant image IAM roles to named principals, never allUsers or
#     allAuthenticatedUsers; keep Azure galleries private or direct-shared; declare
#     aws_ec2_image_block_public_access { state = "block-new-sharing" } and
#     aws_ebs_snapshot_block_public_access { state = "block-all-sharing" }.
#   controls:
#     iso27017: [CLD.9.5.1, CLD.8.1.5]
#     iso27002: [A.8.3, A.8.12, A.5.23]
#     soc2: [CC6.6, CC6.7]
#     cis: []
#     nist: [AC-3, AC-3(7), AC-4, AC-21, SC-7]
#   subresults:
#     community:
#       severity: high
#       message: Azure compute gallery is shared with the community
#     account-block:
#       severity: medium
#       message: Account-level block on public image or snapshot sharing is not enabled
#   inputs: [terraform]
#   equivalents: []
package controlgate.rules.seg_img_001

import data.controlgate.lib.terraform as tf
import data.controlgate.lib.tri
import data.controlgate.lib.values as v

_public_members := {"allUsers", "allAuthenticatedUsers"}

_types := {
	"aws_ami_launch_permission", "aws_ec2_image_block_public_access", "aws_ebs_snapshot_block_public_access",
	"google_compute_image_iam_binding", "google_compute_image_iam_member", "google_compute_image_iam_policy",
	"azurerm_shared_image_gallery",
}

applies contains r.id if some r in tf.resources(_types)

deny contains tri.failure(c) if some c in _checks

unknown contains tri.unknown(c) if some c in _checks

_checks contains tri.fails_if_in({"resource": r.id}, [], r.config, "group", null, {"all"}) if {
	some r in tf.resources({"aws_ami_launch_permission"})
}

_checks contains {
	"resource": r.id, "path": ["members"], "actual": m,
	"when": tri.of(["members"], m, m in _public_members),
} if {
	some r in tf.resources({"google_compute_image_iam_binding"})
	some m in r.config.members
}

_checks contains tri.fails_if_in({"resource": r.id}, [], r.config, "member", null, _public_members) if {
	some r in tf.resources({"google_compute_image_iam_member"})
}

_grant_types := {"aws_ami_launch_permission", "google_compute_image_iam_binding", "google_compute_image_iam_member"}

# A grant whose members the scanner could not read at all (any of the grant attributes).
_checks contains tri.known_check({"resource": r.id}, [k], x) if {
	some r in tf.resources(_grant_types)
	some k in ["group", "members", "member"]
	x := r.config[k]
}

# policy_data: a literal JSON document or a google_iam_policy data source in the same module.
_checks contains {"resource": r.id, "path": ["policy_data"], "actual": m, "when": true} if {
	some r in tf.resources({"google_compute_image_iam_policy"})
	some m in _policy_members(r)
	m in _public_members
}

_checks contains tri.known_check({"resource": r.id}, ["policy_data"], x) if {
	some r in tf.resources({"google_compute_image_iam_policy"})
	x := r.config.policy_data
	tf.referenced(r, x) == []
}

_policy_members(r) := {m |
	json.is_valid(r.config.policy_data)
	doc := json.unmarshal(r.config.policy_data)
	some b in doc.bindings
	some m in b.members
} if {
	is_string(r.config.policy_data)
}

else := {m |
	some p in tf.referenced(r, r.config.policy_data)
	some b in v.blocks(p.config, "binding")
	some m in b.members
}

_checks contains tri.fails_if_in(
	{"resource": r.id, "sub": "community"}, ["sharing", i], s,
	"permission", null, {"Community"},
) if {
	some r in tf.resources({"azurerm_shared_image_gallery"})
	some i, s in v.blocks(r.config, "sharing")
}

_checks contains {
	"resource": r.id, "path": ["state"], "sub": "account-block", "actual": st,
	"when": tri.of(["state"], st, st != "block-new-sharing"),
} if {
	some r in tf.resources({"aws_ec2_image_block_public_access"})
	st := r.config.state
}

_checks contains tri.fails_if_in(
	{"resource": r.id, "sub": "account-block"}, [], r.config,
	"state", null, {"unblocked"},
) if {
	some r in tf.resources({"aws_ebs_snapshot_block_public_access"})
}

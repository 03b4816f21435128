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
import data.controlgate.lib.values as v

_public_members := {"allUsers", "allAuthenticatedUsers"}

_types := {
	"aws_ami_launch_permission", "aws_ec2_image_block_public_access", "aws_ebs_snapshot_block_public_access",
	"google_compute_image_iam_binding", "google_compute_image_iam_member", "google_compute_image_iam_policy",
	"azurerm_shared_image_gallery",
}

applies contains r.id if some r in tf.resources(_types)

deny contains {"resource": r.id, "path": ["group"], "actual": "all"} if {
	some r in tf.resources({"aws_ami_launch_permission"})
	r.config.group == "all"
}

deny contains {"resource": r.id, "path": ["members"], "actual": m} if {
	some r in tf.resources({"google_compute_image_iam_binding"})
	some m in r.config.members
	m in _public_members
}

deny contains {"resource": r.id, "path": ["member"], "actual": r.config.member} if {
	some r in tf.resources({"google_compute_image_iam_member"})
	r.config.member in _public_members
}

# policy_data: a literal JSON document or a google_iam_policy data source in the same module.
deny contains {"resource": r.id, "path": ["policy_data"], "actual": m} if {
	some r in tf.resources({"google_compute_image_iam_policy"})
	some m in _policy_members(r)
	m in _public_members
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

unknown contains {"resource": r.id, "path": ["policy_data"], "reason": r.config.policy_data.__unknown__} if {
	some r in tf.resources({"google_compute_image_iam_policy"})
	v.is_unknown(r.config.policy_data)
	tf.referenced(r, r.config.policy_data) == []
}

deny contains {"resource": r.id, "path": ["sharing", i, "permission"], "sub": "community", "actual": s.permission} if {
	some r in tf.resources({"azurerm_shared_image_gallery"})
	some i, s in v.blocks(r.config, "sharing")
	s.permission == "Community"
}

deny contains {"resource": r.id, "path": ["state"], "sub": "account-block", "actual": r.config.state} if {
	some r in tf.resources({"aws_ec2_image_block_public_access"})
	v.known(r.config.state)
	r.config.state != "block-new-sharing"
}

deny contains {"resource": r.id, "path": ["state"], "sub": "account-block", "actual": "unblocked"} if {
	some r in tf.resources({"aws_ebs_snapshot_block_public_access"})
	r.config.state == "unblocked"
}

_grant_types := {"aws_ami_launch_permission", "google_compute_image_iam_binding", "google_compute_image_iam_member"}

unknown contains {"resource": r.id, "path": [k], "reason": reason} if {
	some r in tf.resources(_grant_types)
	some k in ["group", "members", "member"]
	v.is_unknown(r.config[k])
	reason := r.config[k].__unknown__
}

unknown contains {"resource": r.id, "path": ["members"], "reason": m.__unknown__} if {
	some r in tf.resources({"google_compute_image_iam_binding"})
	some m in r.config.members
	v.is_unknown(m)
}

unknown contains {
	"resource": r.id,
	"path": ["sharing", i, "permission"],
	"sub": "community",
	"reason": s.permission.__unknown__,
} if {
	some r in tf.resources({"azurerm_shared_image_gallery"})
	some i, s in v.blocks(r.config, "sharing")
	v.is_unknown(s.permission)
}

unknown contains {
	"resource": r.id,
	"path": ["state"],
	"sub": "account-block",
	"reason": r.config.state.__unknown__,
} if {
	some r in tf.resources({"aws_ec2_image_block_public_access", "aws_ebs_snapshot_block_public_access"})
	v.is_unknown(r.config.state)
}

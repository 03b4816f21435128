# METADATA
# title: IAM policies do not grant every action on every resource
# description: |
#   A statement allowing "*" on "*" makes its holder a full administrator of the account: one
#   leaked credential or compromised workload then controls everything. Administrative rights
#   belong on a small, audited break-glass role only.
# custom:
#   id: ADM-AWS-001
#   severity: high
#   message: IAM policy allows all actions on all resources
#   remediation: |
#     Replace Action "*" / Resource "*" with the actions and resource ARNs the principal needs, and
#     keep AdministratorAccess only on a break-glass role whose trust policy requires MFA.
#   controls:
#     iso27017: [CLD.12.1.5]
#     iso27002: [A.8.2, A.5.15, A.5.18]
#     soc2: [CC6.3, CC1.3]
#     cis: [CIS AWS v1.4.0 1.16, CIS AWS v3.0.0 1.16]
#     nist: [AC-2, AC-2(1), AC-3, AC-3(7), AC-3(15), AC-5, AC-6, AC-6(2), AC-6(3), AC-6(10)]
#   subresults:
#     admin-attached:
#       severity: medium
#       message: The AWS-managed AdministratorAccess policy is attached
#   inputs: [terraform]
#   equivalents: [CKV_AWS_1, CKV_AWS_62, AVD-AWS-0057, FG_R00092]
package controlgate.rules.adm_aws_001

import data.controlgate.lib.iam
import data.controlgate.lib.terraform as tf
import data.controlgate.lib.tri
import data.controlgate.lib.values as v

_policy_types := {"aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy"}

_attachment_types := {
	"aws_iam_role_policy_attachment", "aws_iam_user_policy_attachment",
	"aws_iam_group_policy_attachment", "aws_iam_policy_attachment",
}

_documents := [r |
	some r in input.terraform.resources
	r.mode == "data"
	r.type == "aws_iam_policy_document"
]

applies contains r.id if some r in tf.resources(((_policy_types | _attachment_types) | {"aws_iam_role"}))

applies contains r.id if some r in _documents

# Policy JSON attributes, as [resource, path, value].
_policies contains [r, ["policy"], r.config.policy] if some r in tf.resources(_policy_types)

_policies contains [r, ["inline_policy", i, "policy"], p.policy] if {
	some r in tf.resources({"aws_iam_role"})
	some i, p in v.blocks(r.config, "inline_policy")
}

deny contains {"resource": r.id, "path": path} if {
	some [r, path, value] in _policies
	some s in iam.document_statements(iam.policy_doc(value))
	s.Effect == "Allow"
	_wildcard(iam.as_list(s.Action))
	_wildcard(iam.as_list(s.Resource))
}

deny contains {"resource": d.id, "path": ["statement", i, "actions"]} if {
	some d in _documents
	some i, s in v.blocks(d.config, "statement")
	_statement(s) == true
}

deny contains {"resource": r.id, "sub": "admin-attached", "path": ["policy_arn"], "actual": r.config.policy_arn} if {
	some r in tf.resources(_attachment_types)
	_admin_arn(r.config.policy_arn)
}

deny contains {"resource": r.id, "sub": "admin-attached", "path": ["managed_policy_arns"], "actual": arn} if {
	some r in tf.resources({"aws_iam_role"})
	some arn in r.config.managed_policy_arns
	_admin_arn(arn)
}

_wildcard(list) if {
	some x in list
	x in {"*", "*:*"}
}

# Unknown policy text (jsonencode(...), templates, variables) is not evaluated, except a reference to
# an aws_iam_policy_document of the same module, which is evaluated on its own.
unknown contains {"resource": r.id, "path": path, "reason": value.__unknown__} if {
	some [r, path, value] in _policies
	v.is_unknown(value)
	not _document_ref(r, value)
}

unknown contains {"resource": d.id, "path": ["statement", i, key], "reason": v.reason(value)} if {
	some d in _documents
	some i, s in v.blocks(d.config, "statement")
	is_object(_statement(s))
	key := [k | some k in ["effect", "actions", "resources"]; v.any_unknown(s[k])][0]
	value := s[key]
}

unknown contains {"resource": d.id, "path": ["statement"], "reason": d.config.statement.__unknown__} if {
	some d in _documents
	v.is_unknown(d.config.statement)
}

# Policy ARNs that are not references to a policy declared in the module (variables, data sources).
unknown contains {
	"resource": r.id,
	"sub": "admin-attached",
	"path": ["policy_arn"],
	"reason": r.config.policy_arn.__unknown__,
} if {
	some r in tf.resources(_attachment_types)
	v.is_unknown(r.config.policy_arn)
	not _own_policy_ref(r, r.config.policy_arn)
}

unknown contains {
	"resource": r.id,
	"sub": "admin-attached",
	"path": ["managed_policy_arns"],
	"reason": x.__unknown__,
} if {
	some r in tf.resources({"aws_iam_role"})
	v.any_unknown(r.config.managed_policy_arns)
	some x in _as_unknowns(r.config.managed_policy_arns)
	not _own_policy_ref(r, x)
}

_document_ref(r, value) if {
	some d in tf.referenced(r, value)
	d.type == "aws_iam_policy_document"
}

# aws_iam_policy_document statements: effect defaults to Allow. Each part's truth (tri) is true,
# false or unknown, written {"unknowns": []}: the unknown rule above names the statement's value.
_effect(s) if {
	not v.has(s, "effect")
} else := {"unknowns": []} if {
	v.is_unknown(s.effect)
} else if {
	s.effect == "Allow"
} else := false

_has_star(s, key) if {
	some x in iam.as_list(s[key])
	x in {"*", "*:*"}
} else := {"unknowns": []} if {
	v.any_unknown(s[key])
} else := false

_statement(s) := tri.all_hold([_effect(s), _has_star(s, "actions"), _has_star(s, "resources")])

# AWS-managed AdministratorAccess attached to a principal.
_admin_arn(x) if {
	is_string(x)
	regex.match(`^arn:aws[a-z-]*:iam::aws:policy/AdministratorAccess$`, x)
}

_own_policy_ref(r, value) if {
	some p in tf.referenced(r, value)
	p.type == "aws_iam_policy"
}

_as_unknowns(x) := [x] if v.is_unknown(x)

_as_unknowns(x) := [e | some e in x; v.is_unknown(e)] if is_array(x)

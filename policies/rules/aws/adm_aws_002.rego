# METADATA
# title: Roles that people or whole accounts can assume require MFA
# description: |
#   A trust policy that lets an account root or an IAM user assume a role lets anyone holding that
#   user's password or long-lived access key take on the role's permissions. Requiring
#   multi-factor authentication (or an external id for a third party) makes a stolen key alone
#   insufficient.
# custom:
#   id: ADM-AWS-002
#   severity: medium
#   message: Role can be assumed by an account or IAM user without MFA
#   remediation: |
#     Add a condition Bool aws:MultiFactorAuthPresent = "true" to each trust statement whose AWS
#     principal is an account (root or account id) or an IAM user, or StringEquals sts:ExternalId for
#     a third-party account; better, grant human access through IAM Identity Center with MFA.
#   controls:
#     iso27017: [CLD.12.1.5]
#     iso27002: [A.8.5, A.5.17, A.8.2]
#     soc2: [CC6.1, CC6.6]
#     cis: [CIS AWS v1.4.0 1.10]
#     nist: [IA-2(1), IA-2(2), IA-2(6), IA-2(8), AC-2(1)]
#   subresults:
#     admin-role:
#       severity: high
#       message: Administrator role can be assumed by an account or IAM user without MFA
#   inputs: [terraform]
#   equivalents: [FG_R00255]
package controlgate.rules.adm_aws_002

import data.controlgate.lib.iam
import data.controlgate.lib.terraform as tf
import data.controlgate.lib.tri
import data.controlgate.lib.values as v

_roles := tf.resources({"aws_iam_role"})

applies contains r.id if some r in _roles

# The trust statements of role r in one shape: {"effect", "principals", "conditions"}.
_statements(r) := [_json_statement(s) |
	some s in iam.document_statements(iam.policy_doc(r.config.assume_role_policy))
] if {
	not v.is_unknown(object.get(r.config, "assume_role_policy", null))
}

_statements(r) := [_doc_statement(s) |
	some d in tf.referenced(r, r.config.assume_role_policy)
	d.type == "aws_iam_policy_document"
	some s in v.blocks(d.config, "statement")
] if {
	v.is_unknown(r.config.assume_role_policy)
}

_json_statement(s) := {
	"effect": object.get(s, "Effect", "Deny"),
	"principals": _json_principals(object.get(s, "Principal", {})),
	"conditions": [{"test": op, "variable": key, "values": iam.as_list(values)} |
		some op, m in object.get(s, "Condition", {})
		some key, values in m
	],
}

_json_principals("*") := ["*"]

_json_principals(p) := iam.as_list(p.AWS) if is_object(p)

_json_principals(p) := [] if {
	is_object(p)
	not p.AWS
}

_doc_statement(s) := {
	"effect": object.get(s, "effect", "Allow"),
	"principals": _doc_principals(s),
	"conditions": _doc_conditions(s),
}

_doc_principals(s) := [s.principals] if v.is_unknown(s.principals)

_doc_principals(s) := [id |
	some p in v.blocks(s, "principals")
	some id in _doc_ids(p)
] if {
	not v.is_unknown(object.get(s, "principals", null))
}

_doc_ids(p) := iam.as_list(p.identifiers) if p.type == "AWS"

# An unknown principal type may be AWS: its identifiers then count as unknown.
_doc_ids(p) := [p.type] if v.is_unknown(p.type)

_doc_conditions(s) := [s.condition] if v.is_unknown(s.condition)

_doc_conditions(s) := [{"test": c.test, "variable": c.variable, "values": c.values} |
	some c in v.blocks(s, "condition")
] if {
	not v.is_unknown(object.get(s, "condition", null))
}

# Three-valued parts of a statement's outcome (tri truths; an unknown is written {"unknowns": []}:
# _first_reason names the value).
_allow(st) := {"unknowns": []} if {
	v.is_unknown(st.effect)
} else if {
	st.effect == "Allow"
} else := false

_human(st) if {
	some p in st.principals
	is_string(p)
	_human_principal(p)
} else := {"unknowns": []} if {
	v.any_unknown(st.principals)
} else := false

_human_principal("*")

_human_principal(p) if regex.match(`^(arn:aws[a-z-]*:iam::)?[0-9]{12}(:root)?$`, p)

_human_principal(p) if regex.match(`^arn:aws[a-z-]*:iam::[0-9]{12}:user/.+$`, p)

_unprotected(st) := false if {
	some c in st.conditions
	_protects(c)
} else := {"unknowns": []} if {
	some c in st.conditions
	_condition_unknown(c)
} else := true

_protects(c) if {
	c.test == "Bool"
	lower(c.variable) == "aws:multifactorauthpresent"
	some x in iam.as_list(c.values)
	x in {"true", true}
}

_protects(c) if {
	c.test in {"NumericLessThan", "NumericLessThanEquals"}
	lower(c.variable) == "aws:multifactorauthage"
}

_protects(c) if {
	startswith(c.test, "String")
	lower(c.variable) == "sts:externalid"
}

_condition_unknown(c) if v.is_unknown(c)

_condition_unknown(c) if {
	some k in ["test", "variable", "values"]
	v.any_unknown(c[k])
}

_outcome(st) := tri.all_hold([_allow(st), _human(st), _unprotected(st)])

_failing(r) if {
	some st in _statements(r)
	_outcome(st) == true
}

_undecided(r) if {
	some st in _statements(r)
	is_object(_outcome(st))
}

# Roles with the AWS-managed AdministratorAccess policy (listed or attached in the module).
_admin_arn(x) if {
	is_string(x)
	regex.match(`^arn:aws[a-z-]*:iam::aws:policy/AdministratorAccess$`, x)
}

_admin(r) if {
	some arn in r.config.managed_policy_arns
	_admin_arn(arn)
}

_admin(r) if {
	some a in tf.in_module(r, "aws_iam_role_policy_attachment")
	_admin_arn(a.config.policy_arn)
	some target in tf.referenced(a, a.config.role)
	target.address == r.address
}

deny contains {"resource": r.id, "path": ["assume_role_policy"]} if {
	some r in _roles
	_failing(r)
	not _admin(r)
}

deny contains {"resource": r.id, "sub": "admin-role", "path": ["assume_role_policy"]} if {
	some r in _roles
	_failing(r)
	_admin(r)
}

unknown contains {"resource": r.id, "path": ["assume_role_policy"], "reason": _first_reason(r)} if {
	some r in _roles
	not _failing(r)
	_undecided(r)
}

# Trust policies written with jsonencode(...), templates or variables.
unknown contains {
	"resource": r.id,
	"path": ["assume_role_policy"],
	"reason": r.config.assume_role_policy.__unknown__,
} if {
	some r in _roles
	v.is_unknown(r.config.assume_role_policy)
	not _document_ref(r)
}

# Trust documents whose statements come from a dynamic block.
unknown contains {"resource": r.id, "path": ["assume_role_policy"], "reason": d.config.statement.__unknown__} if {
	some r in _roles
	some d in tf.referenced(r, r.config.assume_role_policy)
	d.type == "aws_iam_policy_document"
	v.is_unknown(d.config.statement)
}

_first_reason(r) := [x.__unknown__ |
	some st in _statements(r)
	is_object(_outcome(st))
	some x in array.concat(array.concat([st.effect], st.principals), _condition_values(st))
	v.is_unknown(x)
][0]

_condition_values(st) := [x |
	some c in st.conditions
	some x in _unknown_parts(c)
]

_unknown_parts(c) := [c] if v.is_unknown(c)

_unknown_parts(c) := [x |
	some k in ["test", "variable", "values"]
	some x in _parts(c[k])
] if {
	not v.is_unknown(c)
}

_parts(x) := x if is_array(x)

_parts(x) := [x] if not is_array(x)

_document_ref(r) if {
	some d in tf.referenced(r, r.config.assume_role_policy)
	d.type == "aws_iam_policy_document"
}

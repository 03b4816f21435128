# METADATA
# description: |
#   AWS IAM policy documents: reading statements from literal JSON or from an
#   aws_iam_policy_document data source, and whether a statement admits anyone.
package controlgate.lib.iam

import data.controlgate.lib.terraform as tf
import data.controlgate.lib.tri
import data.controlgate.lib.values as v

# METADATA
# scope: document
# description: |
#   An IAM policy document given as a literal JSON string (or already as an object). Undefined for
#   unknown values and for text that is not JSON.
policy_doc(x) := json.unmarshal(x) if {
	is_string(x)
	json.is_valid(x)
}

policy_doc(x) := x if {
	is_object(x)
	v.known(x)
}

# METADATA
# scope: document
# description: The statements of a policy document, as a list (a single statement object becomes a list).
document_statements(doc) := doc.Statement if is_array(doc.Statement)

document_statements(doc) := [doc.Statement] if is_object(doc.Statement)

# METADATA
# scope: document
# description: A policy element that may be one string or a list of strings, as a list.
as_list(x) := x if is_array(x)

as_list(x) := [x] if not is_array(x)

# METADATA
# description: |
#   Condition keys that tie a statement to known callers or networks (an account, organisation,
#   source resource, VPC, endpoint or address range), compared in lower case. A statement limited by
#   one of them is not open to anyone; aws:SecureTransport and similar keys do not limit who calls.
limiting_condition_keys := {
	"aws:sourcearn", "aws:sourceaccount", "aws:sourceowner", "aws:sourcevpc", "aws:sourcevpce",
	"aws:sourceip", "aws:vpcsourceip", "aws:sourceorgid", "aws:sourceorgpaths", "aws:principalorgid",
	"aws:principalorgpaths", "aws:principalaccount", "aws:principalarn", "aws:userid", "aws:username",
	"aws:principalservicename", "aws:calledvia", "kms:calleraccount", "kms:viaservice",
	"s3:dataaccesspointaccount", "s3:dataaccesspointarn", "lambda:functionarn", "sns:endpoint",
}

# METADATA
# scope: document
# description: |
#   The statements of the policy that attribute value x of resource r holds, each as
#   {"effect", "principals", "conditions"}: from a literal JSON document (a string, jsonencode()
#   output or heredoc) or from the aws_iam_policy_document data source that x refers to. Undefined
#   when x is unknown in another way (the caller reports that as not evaluated).
statements(_, x) := [_json_statement(s) | some s in document_statements(policy_doc(x))] if {
	not v.is_unknown(x)
}

statements(r, x) := [_doc_statement(s) |
	some d in docs
	some s in v.blocks(d.config, "statement")
] if {
	v.is_unknown(x)
	docs := [d | some d in tf.referenced(r, x); d.type == "aws_iam_policy_document"]
	count(docs) > 0
}

_json_statement(s) := {
	"effect": object.get(s, "Effect", "Deny"),
	"principals": _json_principals(s),
	"conditions": [{"variable": key, "values": values} |
		some m in object.get(s, "Condition", {})
		some key, values in m
	],
}

_json_principals(s) := [] if not s.Principal

_json_principals(s) := ["*"] if s.Principal == "*"

_json_principals(s) := [p |
	some kind, ids in s.Principal
	kind in {"AWS", "CanonicalUser", "*"}
	some p in as_list(ids)
] if {
	is_object(s.Principal)
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

_doc_ids(p) := as_list(p.identifiers) if p.type in {"AWS", "*"}

_doc_ids(p) := [p.type] if v.is_unknown(p.type)

_doc_conditions(s) := [{"variable": s.condition, "values": []}] if v.is_unknown(s.condition)

_doc_conditions(s) := [{"variable": c.variable, "values": object.get(c, "values", [])} |
	some c in v.blocks(s, "condition")
] if {
	not v.is_unknown(object.get(s, "condition", null))
}

# METADATA
# description: |
#   The truth (tri) of "statement st (from statements) allows anyone": true when it is an Allow
#   for the principal "*" with no condition limiting the caller, unknown ({"unknowns": []}: the
#   caller names the value with unknown_part) when an unknown effect, principal or condition
#   decides, false otherwise.
open_to_anyone(st) := tri.all_hold([_allow(st), _anyone(st), _unlimited(st)])

_allow(st) := {"unknowns": []} if {
	v.is_unknown(st.effect)
} else if {
	st.effect == "Allow"
} else := false

_anyone(st) if {
	"*" in st.principals
} else := {"unknowns": []} if {
	v.any_unknown(st.principals)
} else := false

_unlimited(st) := false if {
	some c in st.conditions
	is_string(c.variable)
	lower(c.variable) in limiting_condition_keys
	not _matches_anything(c.values)
} else := {"unknowns": []} if {
	some c in st.conditions
	v.is_unknown(c.variable)
} else := true

# A condition on a limiting key whose values match any caller ("*", 0.0.0.0/0) limits nothing.
_matches_anything(values) if {
	some x in as_list(values)
	x in {"*", "0.0.0.0/0", "::/0"}
}

# METADATA
# description: |
#   The truth (tri) of "some statement of sts allows anyone" for a policy at path: true when one
#   does (open_to_anyone), else one unknown at path per statement left undecided (its
#   unknown_part), else false.
any_open_to_anyone(path, sts) if {
	some st in sts
	open_to_anyone(st) == true
} else := tri.of_reasons(
	path, {unknown_part(st) |
		some st in sts
		is_object(open_to_anyone(st))
	},
	false,
)

# METADATA
# description: |
#   The expression to report when the statements of attribute value x of resource r cannot be
#   read: x's own expression, or the first unknown part of a statement that decides.
unreadable(r, x) := x.__unknown__ if {
	v.is_unknown(x)
	not statements(r, x)
}

# METADATA
# description: The expression of the first unknown part of statement st that leaves it undecided.
unknown_part(st) := [x.__unknown__ |
	some x in array.concat(array.concat([st.effect], st.principals), [c.variable | some c in st.conditions])
	v.is_unknown(x)
][0]

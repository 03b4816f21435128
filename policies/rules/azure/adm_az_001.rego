# METADATA
# title: Custom Azure roles must not grant every action at subscription or management-group scope
# description: |
#   A custom role whose actions include "*" is an Owner in disguise: anyone assigned it at a
#   subscription or management group can change anything there, including access itself, while
#   not appearing as an Owner in reviews.
# custom:
#   id: ADM-AZ-001
#   severity: high
#   message: Custom role allows all actions at subscription or management-group scope
#   remediation: |
#     List the explicit actions the role needs in permissions { actions = [...] }, or use a built-in
#     least-privilege role; hand out Owner through Privileged Identity Management instead.
#   controls:
#     iso27017: [CLD.12.1.5]
#     iso27002: [A.8.2, A.5.18]
#     soc2: [CC6.3]
#     cis: [CIS Azure v1.3.0 1.21]
#     nist: [AC-2, AC-6, AC-6(10)]
#   inputs: [terraform]
#   equivalents: [CKV_AZURE_39, AVD-AZU-0030, AVD-AZU-0052, FG_R00288]
package controlgate.rules.adm_az_001

import data.controlgate.lib.terraform as tf
import data.controlgate.lib.tri
import data.controlgate.lib.values as v

applies contains r.id if some r in tf.resources({"azurerm_role_definition"})

deny contains tri.failure(c) if some c in _checks

unknown contains u if {
	some c in _checks
	some u in tri.unknown_records(c)
}

# All actions at a broad scope; with no broad scope, each unknown scope is reported.
_checks contains {
	"resource": r.id, "path": ["permissions", i, "actions"], "actual": p.actions,
	"when": tri.all_hold([_wildcard(p), _broad_scope(r)]),
} if {
	some r in tf.resources({"azurerm_role_definition"})
	some i, p in v.blocks(r.config, "permissions")
}

# Each unknown action is reported while a scope may be broad, whatever the other actions.
_checks contains {
	"resource": r.id, "path": path,
	"when": tri.all_hold([_any_broad_or_unknown(r), tri.of_elements(path, p.actions, false)]),
} if {
	some r in tf.resources({"azurerm_role_definition"})
	some i, p in v.blocks(r.config, "permissions")
	path := ["permissions", i, "actions"]
}

_checks contains tri.known_check({"resource": r.id}, ["permissions"], r.config.permissions) if {
	some r in tf.resources({"azurerm_role_definition"})
}

default _wildcard(_) := false

_wildcard(p) if "*" in p.actions

# The truth of "a scope is broad": unknown, naming each scope of unknown state, when none is known broad.
_broad_scope(r) if {
	_broad(r)
} else := {"unknowns": us} if {
	us := [{"path": path, "reason": s.__unknown__} |
		some [path, s] in _scope_entries(r)
		_scope_state(r, s) == "unknown"
	]
	count(us) > 0
} else := false

_scope_entries(r) := {[["scope"], r.config.scope] | v.has(r.config, "scope")} | {e |
	some e in _assignable_entries(r)
}

_assignable_entries(r) := {[["assignable_scopes"], r.config.assignable_scopes]} if {
	v.is_unknown(r.config.assignable_scopes)
}

else := {[["assignable_scopes", i], s] | some i, s in r.config.assignable_scopes}

_scopes(r) := {s | some [_, s] in _scope_entries(r)}

_broad(r) if {
	some s in _scopes(r)
	_scope_state(r, s) == "broad"
}

default _any_broad_or_unknown(_) := false

_any_broad_or_unknown(r) if {
	some s in _scopes(r)
	_scope_state(r, s) != "narrow"
}

_scope_state(r, s) := "broad" if {
	is_string(s)
	regex.match(`^(/|/subscriptions/[^/]+/?|/providers/[Mm]icrosoft\.[Mm]anagement/[Mm]anagement[Gg]roups/[^/]+/?)$`, s)
} else := "broad" if {
	regex.match(`^/subscriptions/\$\{[^}]*\}/?$`, s.__unknown__)
} else := "broad" if {
	some x in tf.referenced(r, s)
	x.type in {"azurerm_subscription", "azurerm_management_group"}
} else := "narrow" if {
	is_string(s)
} else := "narrow" if {
	count(tf.referenced(r, s)) > 0
} else := "unknown"

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
import data.controlgate.lib.values as v

applies contains r.id if some r in tf.resources({"azurerm_role_definition"})

deny contains {"resource": r.id, "path": ["permissions", i, "actions"], "actual": p.actions} if {
	some r in tf.resources({"azurerm_role_definition"})
	some i, p in v.blocks(r.config, "permissions")
	"*" in p.actions
	some s in _scopes(r)
	_scope_state(r, s) == "broad"
}

unknown contains {"resource": r.id, "path": ["permissions", i, "actions"], "reason": x.__unknown__} if {
	some r in tf.resources({"azurerm_role_definition"})
	some i, p in v.blocks(r.config, "permissions")
	some x in _unknowns_in(p.actions)
	_any_broad_or_unknown(r)
}

unknown contains {"resource": r.id, "path": ["permissions"], "reason": r.config.permissions.__unknown__} if {
	some r in tf.resources({"azurerm_role_definition"})
	v.is_unknown(r.config.permissions)
}

unknown contains {"resource": r.id, "path": path, "reason": _expr(s)} if {
	some r in tf.resources({"azurerm_role_definition"})
	some p in v.blocks(r.config, "permissions")
	"*" in p.actions
	not _broad(r)
	some [path, s] in _scope_entries(r)
	_scope_state(r, s) == "unknown"
}

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

_expr(x) := x.__unknown__

_unknowns_in(x) := [x] if v.is_unknown(x)

else := [e | some e in x; v.is_unknown(e)]

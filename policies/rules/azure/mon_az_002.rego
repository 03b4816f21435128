# METADATA
# title: The Azure subscription Activity Log must be exported with its security categories
# description: |
#   The Activity Log records who changed what in the subscription, policy decisions and security
#   alerts. The platform keeps it for 90 days only and outside the audit trail: a subscription
#   diagnostic setting sends it to a workspace or storage account that the organisation retains.
#   Legacy log profiles must at least capture every write, delete and action, in every region.
# custom:
#   id: MON-AZ-002
#   severity: medium
#   message: Subscription Activity Log is not exported with the security categories
#   remediation: |
#     Add azurerm_monitor_diagnostic_setting { target_resource_id = data.azurerm_subscription.current.id
#     log_analytics_workspace_id = ... } with enabled_log blocks for Administrative, Security, Policy
#     and Alert (or one enabled_log { category_group = "allLogs" }); retire azurerm_monitor_log_profile,
#     or give it categories Action, Delete and Write, locations including "global" and 365 days retention.
#   controls:
#     iso27017: [CLD.12.4.5, CLD.12.1.5]
#     iso27002: [A.8.15, A.8.16]
#     soc2: [CC7.2]
#     cis: [CIS Azure v1.1.0 5.1.2/5.1.3/5.1.4, CIS Azure v1.3.0 5.1.x]
#     nist: [AU-2, AU-6, AU-11, AU-12]
#   inputs: [terraform]
#   equivalents: [CKV_AZURE_37, CKV_AZURE_38, AVD-AZU-0031, AVD-AZU-0032, AVD-AZU-0033, FG_R00340, FG_R00341, FG_R00342]
package controlgate.rules.mon_az_002

import data.controlgate.lib.terraform as tf
import data.controlgate.lib.tri
import data.controlgate.lib.values as v

_required := {"administrative", "security", "policy", "alert"}

_profile_categories := {"action", "delete", "write"}

# The module's azurerm provider blocks stand for the subscription it deploys to.
_providers contains p if {
	some p in input.terraform.providers
	p.name == "azurerm"
}

_settings(p) := [s |
	some s in input.terraform.resources
	s.mode == "managed"
	s.type == "azurerm_monitor_diagnostic_setting"
	s.module_dir == p.module_dir
]

applies contains p.id if some p in _providers

applies contains s.id if {
	some s in tf.resources({"azurerm_monitor_diagnostic_setting"})
	_targets_subscription(s)
}

applies contains r.id if some r in tf.resources({"azurerm_monitor_log_profile"})

deny contains tri.failure(c) if some c in _checks

unknown contains u if {
	some c in _checks
	some u in tri.unknown_records(c)
}

# No diagnostic setting of the module targets the subscription; each setting whose target is
# unresolved may be one.
_checks contains {"resource": p.id, "path": [], "when": _no_setting(p)} if some p in _providers

# A subscription setting that leaves out some of the security categories (an unknown log list
# reported, an unknown attribute of a log block only keeping it from failing).
_checks contains {"resource": s.id, "path": ["enabled_log"], "when": tri.of_each(
	[[[key], object.get(s.config, key, null)] | some key in ["enabled_log", "log"]],
	_misses_categories(s),
)} if {
	some s in tf.resources({"azurerm_monitor_diagnostic_setting"})
	_targets_subscription(s)
}

_checks contains object.union(
	{"resource": r.id, "path": p, "when": tri.of_each(
		[[array.concat(p0, [k]), object.get(rp, k, null)] | some k in ["enabled", "days"]],
		_short_retention(rp),
	)},
	v.actual(rp, "days"),
) if {
	some r in tf.resources({"azurerm_monitor_log_profile"})
	some i, rp in v.blocks(r.config, "retention_policy")
	p0 := ["retention_policy", i]
	p := array.concat(p0, ["days"])
}

_checks contains {
	"resource": r.id, "path": ["categories"], "actual": xs,
	"when": tri.of_elements(["categories"], xs, _missing_categories(xs)),
} if {
	some r in tf.resources({"azurerm_monitor_log_profile"})
	xs := r.config.categories
}

_checks contains {
	"resource": r.id, "path": ["locations"], "actual": xs,
	"when": tri.of_elements(["locations"], xs, _not_global(xs)),
} if {
	some r in tf.resources({"azurerm_monitor_log_profile"})
	xs := r.config.locations
}

_no_setting(p) := false if _has_subscription_setting(p)

else := tri.of_reasons([], _unresolved_targets(p), true)

default _misses_categories(_) := false

_misses_categories(s) if {
	not _logs_unknown(s)
	not _covers(s)
}

default _short_retention(_) := false

_short_retention(rp) if {
	v.is_true(rp.enabled)
	d := v.number(rp.days)
	d > 0
	d < 365
}

default _missing_categories(_) := false

_missing_categories(xs) if {
	have := {lower(c) | some c in xs}
	count(_profile_categories - have) > 0
}

default _not_global(_) := false

_not_global(xs) if not "global" in {lower(l) | some l in xs}

_targets_subscription(s) if regex.match(`^/subscriptions/[^/]+/?$`, s.config.target_resource_id)

_targets_subscription(s) if {
	some x in tf.referenced(s, s.config.target_resource_id)
	x.type == "azurerm_subscription"
}

# "/subscriptions/${data.azurerm_client_config.current.subscription_id}"
_targets_subscription(s) if regex.match(`^/subscriptions/\$\{[^}]*\}/?$`, s.config.target_resource_id.__unknown__)

_has_subscription_setting(p) if {
	some s in _settings(p)
	_targets_subscription(s)
}

# Settings whose target the scanner cannot tell (a variable, a module output).
_unresolved_targets(p) := {s.config.target_resource_id.__unknown__ |
	some s in _settings(p)
	v.is_unknown(s.config.target_resource_id)
	not _targets_subscription(s)
	count(tf.referenced(s, s.config.target_resource_id)) == 0
}

_logs_unknown(s) if v.is_unknown(s.config.enabled_log)

_logs_unknown(s) if v.is_unknown(s.config.log)

_logs_unknown(s) if {
	some key in ["enabled_log", "log"]
	some b in v.blocks(s.config, key)
	some attr in ["category", "category_group", "enabled"]
	v.is_unknown(b[attr])
}

_covers(s) if {
	some key in ["enabled_log", "log"]
	some b in v.blocks(s.config, key)
	not v.is_false(object.get(b, "enabled", null))
	lower(b.category_group) == "alllogs"
}

_covers(s) if {
	have := {lower(b.category) |
		some key in ["enabled_log", "log"]
		some b in v.blocks(s.config, key)
		not v.is_false(object.get(b, "enabled", null))
	}
	count(_required - have) == 0
}

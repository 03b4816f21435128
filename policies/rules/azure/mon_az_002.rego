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

# No diagnostic setting of the module targets the subscription.
deny contains {"resource": p.id, "path": []} if {
	some p in _providers
	not _has_subscription_setting(p)
	count(_unresolved_targets(p)) == 0
}

unknown contains {"resource": p.id, "path": [], "reason": reason} if {
	some p in _providers
	not _has_subscription_setting(p)
	some reason in _unresolved_targets(p)
}

# A subscription setting that leaves out some of the security categories.
deny contains {"resource": s.id, "path": ["enabled_log"]} if {
	some s in tf.resources({"azurerm_monitor_diagnostic_setting"})
	_targets_subscription(s)
	not _logs_unknown(s)
	not _covers(s)
}

unknown contains {"resource": s.id, "path": [key], "reason": reason} if {
	some s in tf.resources({"azurerm_monitor_diagnostic_setting"})
	_targets_subscription(s)
	some key in ["enabled_log", "log"]
	v.is_unknown(s.config[key])
	reason := s.config[key].__unknown__
}

deny contains {"resource": r.id, "path": ["retention_policy", i, "days"], "actual": rp.days} if {
	some r in tf.resources({"azurerm_monitor_log_profile"})
	some i, rp in v.blocks(r.config, "retention_policy")
	v.is_true(rp.enabled)
	d := v.number(rp.days)
	d > 0
	d < 365
}

deny contains {"resource": r.id, "path": ["categories"], "actual": r.config.categories} if {
	some r in tf.resources({"azurerm_monitor_log_profile"})
	not v.any_unknown(r.config.categories)
	have := {lower(c) | some c in r.config.categories}
	count(_profile_categories - have) > 0
}

deny contains {"resource": r.id, "path": ["locations"], "actual": r.config.locations} if {
	some r in tf.resources({"azurerm_monitor_log_profile"})
	not v.any_unknown(r.config.locations)
	not "global" in {lower(l) | some l in r.config.locations}
}

unknown contains {"resource": r.id, "path": [key], "reason": x.__unknown__} if {
	some r in tf.resources({"azurerm_monitor_log_profile"})
	some key in ["categories", "locations"]
	some x in _unknowns_in(r.config[key])
}

unknown contains {"resource": r.id, "path": ["retention_policy", i, key], "reason": reason} if {
	some r in tf.resources({"azurerm_monitor_log_profile"})
	some i, rp in v.blocks(r.config, "retention_policy")
	some key in ["enabled", "days"]
	v.is_unknown(rp[key])
	reason := rp[key].__unknown__
}

_unknowns_in(x) := [x] if v.is_unknown(x)

else := [e | some e in x; v.is_unknown(e)]

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

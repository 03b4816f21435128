# METADATA
# title: Azure network flow logs must be on and kept for at least 90 days
# description: |
#   Flow logs are the record of who talked to what inside a virtual network; without them, or with a
#   retention shorter than an investigation takes, lateral movement and exfiltration leave no trace.
#   NSG flow logs are being retired in favour of virtual network flow logs.
# custom:
#   id: MON-AZ-001
#   severity: medium
#   message: Network flow log is disabled or kept for less than 90 days
#   remediation: |
#     Declare azurerm_network_watcher_flow_log { target_resource_id = azurerm_virtual_network.<name>.id
#     enabled = true  retention_policy { enabled = true  days = 90 }  traffic_analytics { enabled = true ... } }
#     for every virtual network, and move NSG flow logs to virtual network flow logs.
#   controls:
#     iso27017: [CLD.12.4.5, CLD.13.1.4]
#     iso27002: [A.8.15, A.8.16]
#     soc2: [CC7.2]
#     cis: [CIS Azure v1.3.0 6.4]
#     nist: [AU-2, AU-3, AU-11, AU-12, SI-4]
#   subresults:
#     no-flow-log:
#       severity: low
#       message: Virtual network has no flow log
#     legacy:
#       severity: low
#       message: Flow log targets an NSG (retiring); use a virtual network flow log
#     no-traffic-analytics:
#       severity: low
#       message: Flow log has no traffic analytics
#   inputs: [terraform]
#   equivalents: [CKV_AZURE_12, AVD-AZU-0049, AVD-AZU-0073, FG_R00286]
package controlgate.rules.mon_az_001

import data.controlgate.lib.terraform as tf
import data.controlgate.lib.tri
import data.controlgate.lib.values as v

_fl := "azurerm_network_watcher_flow_log"

applies contains r.id if some r in tf.resources({_fl, "azurerm_virtual_network"})

deny contains tri.failure(c) if some c in _checks

unknown contains u if {
	some c in _checks
	some u in tri.unknown_records(c)
}

_checks contains tri.fails_if_in({"resource": r.id}, [], r.config, "enabled", null, v.falsy) if {
	some r in tf.resources({_fl})
}

_checks contains {"resource": r.id, "path": [k], "when": tri.of([k], x, v.unset(r.config, k))} if {
	some r in tf.resources({_fl})
	k := "retention_policy"
	x := object.get(r.config, k, null)
}

_checks contains tri.fails_unless_in({"resource": r.id}, ["retention_policy", i], rp, "enabled", null, v.truthy) if {
	some r in tf.resources({_fl})
	some i, rp in v.blocks(r.config, "retention_policy")
}

# 0 days means "keep forever"; an unknown number of days is not evaluated, enabled or not.
_checks contains {"resource": r.id, "path": p, "actual": days, "when": tri.of(p, days, _short_retention(rp))} if {
	some r in tf.resources({_fl})
	some i, rp in v.blocks(r.config, "retention_policy")
	days := rp.days
	p := ["retention_policy", i, "days"]
}

_checks contains {"resource": r.id, "sub": "legacy", "path": ["network_security_group_id"], "when": true} if {
	some r in tf.resources({_fl})
	v.has(r.config, "network_security_group_id")
}

_checks contains {"resource": r.id, "sub": "legacy", "path": ["target_resource_id"], "when": true} if {
	some r in tf.resources({_fl})
	some x in tf.referenced(r, r.config.target_resource_id)
	x.type == "azurerm_network_security_group"
}

_checks contains {
	"resource": r.id, "sub": "no-traffic-analytics", "path": [k],
	"when": tri.of([k], x, v.unset(r.config, k)),
} if {
	some r in tf.resources({_fl})
	k := "traffic_analytics"
	x := object.get(r.config, k, null)
}

_checks contains {
	"resource": r.id, "sub": "no-traffic-analytics",
	"path": ["traffic_analytics", i, "enabled"], "actual": ta.enabled, "when": true,
} if {
	some r in tf.resources({_fl})
	some i, ta in v.blocks(r.config, "traffic_analytics")
	v.is_false(ta.enabled)
}

# A network no flow log targets; each flow log whose target the scanner cannot resolve may be it.
_checks contains {"resource": n.id, "sub": "no-flow-log", "path": [], "when": _no_flow_log(n)} if {
	some n in tf.resources({"azurerm_virtual_network"})
}

_no_flow_log(n) := false if _vnet_covered(n)

else := tri.of_reasons([], _unresolved_targets(n), true)

default _short_retention(_) := false

_short_retention(rp) if {
	not v.is_false(object.get(rp, "enabled", null))
	d := v.number(rp.days)
	d > 0
	d < 90
}

_vnet_covered(n) if {
	some r in tf.in_module(n, _fl)
	some x in tf.referenced(r, r.config.target_resource_id)
	x.id == n.id
}

# Flow logs in the module whose target the scanner cannot resolve: it may be this network.
_unresolved_targets(n) := {reason |
	some r in tf.in_module(n, _fl)
	v.has(r.config, "target_resource_id")
	t := r.config.target_resource_id
	count(tf.referenced(r, t)) == 0
	reason := _expr(t)
}

_expr(x) := x.__unknown__ if v.is_unknown(x)

else := x

# METADATA
# title: Kubernetes control-plane audit logs must be collected
# description: |
#   The API server audit log is the only record of who read secrets, exec'd into pods or changed
#   RBAC. EKS and AKS do not ship control-plane logs anywhere unless told to; GKE sends them to Cloud
#   Logging unless logging is switched off.
# custom:
#   id: MON-K8S-001
#   severity: medium
#   message: Kubernetes control-plane audit logging is not enabled
#   remediation: |
#     EKS: enabled_cluster_log_types = ["api", "audit", "authenticator", "controllerManager", "scheduler"].
#     AKS: an azurerm_monitor_diagnostic_setting on the cluster with enabled_log { category = "kube-audit-admin" }
#     (or "kube-audit"). GKE: keep logging_service = "logging.googleapis.com/kubernetes" and
#     SYSTEM_COMPONENTS (and APISERVER) in logging_config.enable_components.
#   controls:
#     iso27017: [CLD.12.4.5, CLD.12.1.5]
#     iso27002: [A.8.15, A.8.16]
#     soc2: [CC7.2]
#     cis: [CIS EKS/AKS/GKE benchmarks]
#     nist: [AU-2, AU-12]
#   subresults:
#     oms-only:
#       severity: low
#       message: AKS sends container insights only; API server audit logs are not exported
#   inputs: [terraform]
#   equivalents: [CKV_AWS_37, CKV_AZURE_4, CKV_GCP_1, AVD-AWS-0038, AVD-AZU-0040, AVD-GCP-0060]
package controlgate.rules.mon_k8s_001

import data.controlgate.lib.terraform as tf
import data.controlgate.lib.tri
import data.controlgate.lib.values as v

_eks_required := {"api", "audit", "authenticator"}

_aks_audit := {"kube-audit", "kube-audit-admin"}

applies contains r.id if {
	some r in tf.resources({"aws_eks_cluster", "azurerm_kubernetes_cluster", "google_container_cluster"})
}

deny contains tri.failure(c) if some c in _checks

unknown contains u if {
	some c in _checks
	some u in tri.unknown_records(c)
}

# EKS
_checks contains {"resource": r.id, "path": [k], "when": v.unset(r.config, k)} if {
	some r in tf.resources({"aws_eks_cluster"})
	k := "enabled_cluster_log_types"
}

_checks contains {
	"resource": r.id, "path": [k], "actual": types,
	"when": tri.of_elements([k], types, _eks_incomplete(types)),
} if {
	some r in tf.resources({"aws_eks_cluster"})
	k := "enabled_cluster_log_types"
	types := r.config[k]
}

default _eks_incomplete(_) := false

_eks_incomplete(types) if {
	is_array(types)
	count(_eks_required - {t | some t in types}) > 0
}

# AKS: a diagnostic setting on the cluster must export the audit categories; each setting whose
# target or logs cannot be read may do it. With the OMS agent only, the finding is oms-only.
_checks contains {"resource": r.id, "path": [], "on_failure": _oms_only(r), "when": _aks_unaudited(r)} if {
	some r in tf.resources({"azurerm_kubernetes_cluster"})
}

_aks_unaudited(r) := false if _aks_audited(r)

else := tri.of_reasons([], _aks_unresolved(r), true)

_oms_only(r) := {"sub": "oms-only", "path": ["oms_agent"]} if v.has(r.config, "oms_agent")

else := {}

_aks_settings(r) := [s |
	some s in tf.in_module(r, "azurerm_monitor_diagnostic_setting")
	some x in tf.referenced(s, s.config.target_resource_id)
	x.id == r.id
]

_aks_audited(r) if {
	some s in _aks_settings(r)
	some key in ["enabled_log", "log"]
	some b in v.blocks(s.config, key)
	not v.is_false(object.get(b, "enabled", null))
	_audit_block(b)
}

_audit_block(b) if b.category in _aks_audit

_audit_block(b) if lower(b.category_group) in {"audit", "alllogs"}

# Diagnostic settings whose target or logs cannot be read.
_aks_unresolved(r) := {s.config.target_resource_id.__unknown__ |
	some s in tf.in_module(r, "azurerm_monitor_diagnostic_setting")
	v.is_unknown(s.config.target_resource_id)
	count(tf.referenced(s, s.config.target_resource_id)) == 0
} | {e |
	some s in _aks_settings(r)
	some key in ["enabled_log", "log"]
	v.is_unknown(s.config[key])
	e := s.config[key].__unknown__
}

# GKE
# "none", or the legacy Stackdriver service "logging.googleapis.com" (gone from GKE): only
# "logging.googleapis.com/kubernetes" (Cloud Logging for GKE, the default) collects the cluster's logs.
_checks contains {
	"resource": r.id, "path": ["logging_service"], "actual": x,
	"when": tri.of(["logging_service"], x, _legacy_logging(x)),
} if {
	some r in tf.resources({"google_container_cluster"})
	x := r.config.logging_service
}

_checks contains {
	"resource": r.id, "path": p, "actual": lc.enable_components,
	"when": tri.of_elements(p, lc.enable_components, _no_system_components(lc.enable_components)),
} if {
	some r in tf.resources({"google_container_cluster"})
	some i, lc in v.blocks(r.config, "logging_config")
	p := ["logging_config", i, "enable_components"]
}

default _legacy_logging(_) := false

_legacy_logging(x) if {
	is_string(x)
	x != "logging.googleapis.com/kubernetes"
}

default _no_system_components(_) := false

_no_system_components(xs) if {
	is_array(xs)
	not "SYSTEM_COMPONENTS" in xs
}

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
import data.controlgate.lib.values as v

_eks_required := {"api", "audit", "authenticator"}

_aks_audit := {"kube-audit", "kube-audit-admin"}

applies contains r.id if {
	some r in tf.resources({"aws_eks_cluster", "azurerm_kubernetes_cluster", "google_container_cluster"})
}

# EKS
deny contains {"resource": r.id, "path": ["enabled_cluster_log_types"]} if {
	some r in tf.resources({"aws_eks_cluster"})
	not v.has(r.config, "enabled_cluster_log_types")
}

deny contains {
	"resource": r.id,
	"path": ["enabled_cluster_log_types"],
	"actual": r.config.enabled_cluster_log_types,
} if {
	some r in tf.resources({"aws_eks_cluster"})
	types := r.config.enabled_cluster_log_types
	is_array(types)
	not v.any_unknown(types)
	count(_eks_required - {t | some t in types}) > 0
}

unknown contains {"resource": r.id, "path": ["enabled_cluster_log_types"], "reason": x.__unknown__} if {
	some r in tf.resources({"aws_eks_cluster"})
	some x in _unknowns_in(r.config.enabled_cluster_log_types)
}

# AKS: a diagnostic setting on the cluster must export the audit categories.
deny contains {"resource": r.id, "path": []} if {
	some r in tf.resources({"azurerm_kubernetes_cluster"})
	not _aks_audited(r)
	count(_aks_unresolved(r)) == 0
	not v.has(r.config, "oms_agent")
}

deny contains {"resource": r.id, "sub": "oms-only", "path": ["oms_agent"]} if {
	some r in tf.resources({"azurerm_kubernetes_cluster"})
	not _aks_audited(r)
	count(_aks_unresolved(r)) == 0
	v.has(r.config, "oms_agent")
}

unknown contains {"resource": r.id, "path": [], "reason": e} if {
	some r in tf.resources({"azurerm_kubernetes_cluster"})
	not _aks_audited(r)
	some e in _aks_unresolved(r)
}

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
deny contains {"resource": r.id, "path": ["logging_service"], "actual": r.config.logging_service} if {
	some r in tf.resources({"google_container_cluster"})
	is_string(r.config.logging_service)
	r.config.logging_service != "logging.googleapis.com/kubernetes"
}

deny contains {
	"resource": r.id,
	"path": ["logging_config", i, "enable_components"],
	"actual": lc.enable_components,
} if {
	some r in tf.resources({"google_container_cluster"})
	some i, lc in v.blocks(r.config, "logging_config")
	is_array(lc.enable_components)
	not v.any_unknown(lc.enable_components)
	not "SYSTEM_COMPONENTS" in lc.enable_components
}

unknown contains {"resource": r.id, "path": ["logging_service"], "reason": r.config.logging_service.__unknown__} if {
	some r in tf.resources({"google_container_cluster"})
	v.is_unknown(r.config.logging_service)
}

unknown contains {"resource": r.id, "path": ["logging_config", i, "enable_components"], "reason": x.__unknown__} if {
	some r in tf.resources({"google_container_cluster"})
	some i, lc in v.blocks(r.config, "logging_config")
	some x in _unknowns_in(lc.enable_components)
}

_unknowns_in(x) := [x] if v.is_unknown(x)

else := [e | some e in x; v.is_unknown(e)]

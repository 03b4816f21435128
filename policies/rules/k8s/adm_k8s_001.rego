# METADATA
# title: Kubernetes administration must go through central identity, not local or legacy credentials
# description: |
#   Local cluster accounts and client certificates are long-lived credentials that bypass the
#   organisation's identity provider, MFA and leaver process; with RBAC off or legacy ABAC, every
#   authenticated identity is effectively an administrator.
# custom:
#   id: ADM-K8S-001
#   severity: medium
#   message: Cluster keeps local admin accounts enabled
#   remediation: |
#     AKS: local_account_disabled = true with azure_active_directory_role_based_access_control {
#     azure_rbac_enabled = true ... }
#     and role_based_access_control_enabled left true. GKE: keep enable_legacy_abac = false and
#     master_auth { client_certificate_config { issue_client_certificate = false } }. EKS: set
#     access_config { bootstrap_cluster_creator_admin_permissions = false } and grant access entries.
#   controls:
#     iso27017: [CLD.12.1.5]
#     iso27002: [A.8.2, A.8.5]
#     soc2: [CC6.1, CC6.3]
#     cis: [CIS Azure v1.3.0 8.5]
#     nist: [AC-2, AC-3, IA-2]
#   subresults:
#     legacy-auth:
#       severity: high
#       message: Cluster has RBAC disabled, legacy ABAC or client certificates
#     bootstrap-admin:
#       severity: low
#       message: EKS cluster creator gets permanent cluster-admin access
#   inputs: [terraform]
#   equivalents: [CKV_AZURE_5, CKV_AZURE_141, CKV_GCP_7, CKV_GCP_13, AVD-AZU-0042, AVD-GCP-0062, AVD-GCP-0064,
#     FG_R00329]
package controlgate.rules.adm_k8s_001

import data.controlgate.lib.terraform as tf
import data.controlgate.lib.tri
import data.controlgate.lib.values as v

applies contains r.id if {
	some r in tf.resources({"azurerm_kubernetes_cluster", "google_container_cluster", "aws_eks_cluster"})
}

deny contains tri.failure(c) if some c in _checks

unknown contains tri.unknown(c) if some c in _checks

_legacy(r) := {"resource": r.id, "sub": "legacy-auth"}

# AKS: local accounts are enabled unless disabled explicitly.
_checks contains tri.fails_if_in({"resource": r.id}, [], r.config, "local_account_disabled", false, v.falsy) if {
	some r in tf.resources({"azurerm_kubernetes_cluster"})
}

_checks contains tri.fails_if_in(_legacy(r), [], r.config, "role_based_access_control_enabled", null, v.falsy) if {
	some r in tf.resources({"azurerm_kubernetes_cluster"})
}

# GKE
_checks contains tri.fails_if_in(_legacy(r), [], r.config, "enable_legacy_abac", null, v.truthy) if {
	some r in tf.resources({"google_container_cluster"})
}

_checks contains tri.fails_if_in(_legacy(r), base, c, "issue_client_certificate", null, v.truthy) if {
	some r in tf.resources({"google_container_cluster"})
	some i, ma in v.blocks(r.config, "master_auth")
	some j, c in v.blocks(ma, "client_certificate_config")
	base := ["master_auth", i, "client_certificate_config", j]
}

# EKS (advisory): the creator's implicit, invisible cluster-admin entry.
_checks contains tri.fails_if_in(rec, ["access_config", i], ac, key, null, v.truthy) if {
	some r in tf.resources({"aws_eks_cluster"})
	some i, ac in v.blocks(r.config, "access_config")
	rec := {"resource": r.id, "sub": "bootstrap-admin"}
	key := "bootstrap_cluster_creator_admin_permissions"
}

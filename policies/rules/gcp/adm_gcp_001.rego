# METADATA
# title: GCP service accounts must not hold owner, editor or admin roles; no resource-wide impersonation grants
# description: |
#   A service account key or a compromised workload holding Owner, Editor or an admin role controls
#   the whole project, folder or organization. Granting Service Account User or Token Creator at that
#   level lets people impersonate every service account in it, whatever each one can do.
# custom:
#   id: ADM-GCP-001
#   severity: high
#   message: IAM grants a service account an admin role, or lets people impersonate every service account
#   remediation: |
#     Grant service accounts granular predefined or custom roles instead of roles/owner, roles/editor
#     or *Admin roles; grant roles/iam.serviceAccountUser and roles/iam.serviceAccountTokenCreator on
#     the individual google_service_account (google_service_account_iam_member), not on the project.
#   controls:
#     iso27017: [CLD.12.1.5]
#     iso27002: [A.8.2, A.5.15]
#     soc2: [CC6.3]
#     cis: [CIS GCP v1.2.0 1.5, CIS GCP v1.2.0 1.6]
#     nist: [AC-2, AC-6, AC-6(10)]
#   subresults:
#     default-sa:
#       severity: medium
#       message: IAM grants a role to the default Compute Engine or App Engine service account
#   inputs: [terraform]
#   equivalents: [CKV_GCP_41, CKV_GCP_42, CKV_GCP_44, CKV_GCP_45, CKV_GCP_46, CKV_GCP_49, AVD-GCP-0007, AVD-GCP-0011,
#     AVD-GCP-0005, AVD-GCP-0009, AVD-GCP-0006, AVD-GCP-0004, AVD-GCP-0008, FG_R00384, FG_R00385]
package controlgate.rules.adm_gcp_001

import data.controlgate.lib.terraform as tf
import data.controlgate.lib.tri
import data.controlgate.lib.values as v

# Written out: these sets are built for every folder's document, and sprintf is not native in the
# wasm (each call goes out to JavaScript): 40 ms of the corpus's evaluation.
_member_types := {"google_project_iam_member", "google_folder_iam_member", "google_organization_iam_member"}

_binding_types := {"google_project_iam_binding", "google_folder_iam_binding", "google_organization_iam_binding"}

_policy_types := {"google_project_iam_policy", "google_folder_iam_policy", "google_organization_iam_policy"}

_impersonation := {"roles/iam.serviceAccountUser", "roles/iam.serviceAccountTokenCreator"}

applies contains r.id if some r in tf.resources(((_member_types | _binding_types) | _policy_types))

# Every grant as {id, path, role, member}; role and member may be unknown.
_grants contains {"id": r.id, "path": ["member"], "role": r.config.role, "member": r.config.member} if {
	some r in tf.resources(_member_types)
}

_grants contains {"id": r.id, "path": ["members"], "role": r.config.role, "member": m} if {
	some r in tf.resources(_binding_types)
	some m in _list(r.config.members)
}

_grants contains {"id": r.id, "path": ["policy_data"], "role": b.role, "member": m} if {
	some r in tf.resources(_policy_types)
	some d in tf.referenced(r, r.config.policy_data)
	d.type == "google_iam_policy"
	some b in v.blocks(d.config, "binding")
	some m in _list(b.members)
}

_list(x) := x if is_array(x)

else := [x]

deny contains tri.failure(c) if some c in _checks

unknown contains tri.unknown(c) if some c in _checks

_checks contains {"resource": g.id, "path": g.path, "actual": g.member, "when": _main(g)} if some g in _grants

_checks contains {"resource": g.id, "sub": "default-sa", "path": g.path, "actual": g.member, "when": true} if {
	some g in _grants
	v.known(g.role)
	_default_sa(g.member)
}

# A policy whose google_iam_policy document the scanner cannot find is not evaluated.
_checks contains {"resource": r.id, "path": p, "when": {"path": p, "reason": _expr(r.config.policy_data)}} if {
	some r in tf.resources(_policy_types)
	count(tf.referenced(r, r.config.policy_data)) == 0
	p := ["policy_data"]
}

# The truth of the grant's main violation: unknown on an unknown role, or an unknown member given
# a sensitive role.
_main(g) if {
	_main_violation(g.role, g.member)
} else := {"path": g.path, "reason": r} if {
	r := [x | some x in _main_unknown(g.role, g.member)][0]
} else := false

_expr(x) := x.__unknown__ if v.is_unknown(x)

else := "policy_data"

_main_violation(role, member) if {
	_admin_role(role)
	_kind(member) == "sa"
	not _service_agent(member)
}

_main_violation(role, member) if {
	role in _impersonation
	_kind(member) == "principal"
}

_main_unknown(role, member) := {role.__unknown__} if {
	v.is_unknown(role)
	_kind(member) in {"sa", "principal", "unknown"}
} else := {_member_expr(member)} if {
	_kind(member) == "unknown"
	_sensitive_role(role)
}

_member_expr(m) := m.__unknown__

_sensitive_role(role) if _admin_role(role)

_sensitive_role(role) if role in _impersonation

_admin_role(role) if role in {"roles/owner", "roles/editor"}

_admin_role(role) if regex.match(`(?i)admin`, role)

# sa: a service account; principal: a user, group or domain; unknown: not readable.
_kind(m) := "sa" if startswith(m, "serviceAccount:")

else := "principal" if {
	regex.match(`^(user|group|domain):`, m)
} else := "other" if is_string(m)

else := "sa" if {
	startswith(m.__unknown__, "serviceAccount:")
} else := "sa" if {
	startswith(tf.ref_address(m), "google_service_account.")
} else := "unknown"

# Google-managed service agents legitimately hold service-agent roles.
_service_agent_pattern := `@(gcp-sa-[a-z0-9-]+\.iam\.gserviceaccount\.com|cloudservices\.gserviceaccount\.com)$`

_service_agent(m) if regex.match(_service_agent_pattern, m)

# The default compute or App Engine account, however the member names it: by email (with its
# serviceAccount: prefix, or without, which IAM refuses), or through the
# google_compute_default_service_account data source.
_default_sa_email := `^(serviceAccount:)?([0-9]+-compute@developer|[a-z0-9-]+@appspot)\.gserviceaccount\.com$`

_default_sa(m) if regex.match(_default_sa_email, m)

_default_sa(m) if regex.match(`^(serviceAccount:\$\{\s*)?data\.google_compute_default_service_account\.`, m.__unknown__)

# METADATA
# title: GCP Data Access audit logs must be on for all services, with no exempted members
# description: |
#   Admin Activity logs are always written, but reads and writes of data are logged only when Data
#   Access audit logging is enabled. Without it, who read or changed which data cannot be shown;
#   exempting members makes exactly those principals invisible.
# custom:
#   id: MON-GCP-002
#   severity: medium
#   message: Data Access audit logging is not enabled for all services
#   remediation: |
#     Declare google_project_iam_audit_config (or the folder / organization variant) with
#     service = "allServices" and audit_log_config blocks for DATA_READ, DATA_WRITE and ADMIN_READ,
#     without exempted_members.
#   controls:
#     iso27017: [CLD.12.4.5, CLD.12.1.5]
#     iso27002: [A.8.15]
#     soc2: [CC7.2]
#     cis: [CIS GCP v1.2.0 2.1]
#     nist: [AU-2, AU-12]
#   inputs: [terraform]
#   equivalents: [AVD-GCP-0079, FG_R00389, FG_R00391]
package controlgate.rules.mon_gcp_002

import data.controlgate.lib.terraform as tf
import data.controlgate.lib.values as v

_types := {"google_project_iam_audit_config", "google_folder_iam_audit_config", "google_organization_iam_audit_config"}

_required := {"DATA_READ", "DATA_WRITE"}

# The module's google provider blocks stand for the project it deploys to.
_providers contains p if {
	some p in input.terraform.providers
	p.name in {"google", "google-beta"}
}

applies contains p.id if some p in _providers

applies contains r.id if some r in tf.resources(_types)

# No allServices audit config in the module.
deny contains {"resource": p.id, "path": []} if {
	some p in _providers
	not _module_covered(p)
	count(_module_unknowns(p)) == 0
}

unknown contains {"resource": p.id, "path": [], "reason": reason} if {
	some p in _providers
	not _module_covered(p)
	some reason in _module_unknowns(p)
}

# An allServices config that leaves out DATA_READ or DATA_WRITE.
deny contains {"resource": r.id, "path": ["audit_log_config"]} if {
	some r in tf.resources(_types)
	r.config.service == "allServices"
	v.known(object.get(r.config, "audit_log_config", null))
	not _log_types_unknown(r)
	count(_required - _log_types(r)) > 0
}

deny contains {"resource": r.id, "path": ["audit_log_config", i, "exempted_members"], "actual": c.exempted_members} if {
	some r in tf.resources(_types)
	some i, c in v.blocks(r.config, "audit_log_config")
	is_array(c.exempted_members)
	count(c.exempted_members) > 0
}

unknown contains {
	"resource": r.id,
	"path": ["audit_log_config", i, "exempted_members"],
	"reason": c.exempted_members.__unknown__,
} if {
	some r in tf.resources(_types)
	some i, c in v.blocks(r.config, "audit_log_config")
	v.is_unknown(c.exempted_members)
}

unknown contains {"resource": r.id, "path": ["audit_log_config", i, "log_type"], "reason": c.log_type.__unknown__} if {
	some r in tf.resources(_types)
	r.config.service == "allServices"
	some i, c in v.blocks(r.config, "audit_log_config")
	v.is_unknown(c.log_type)
}

unknown contains {"resource": r.id, "path": ["audit_log_config"], "reason": r.config.audit_log_config.__unknown__} if {
	some r in tf.resources(_types)
	v.is_unknown(r.config.audit_log_config)
}

_log_types(r) := {c.log_type | some c in v.blocks(r.config, "audit_log_config")}

_log_types_unknown(r) if {
	some c in v.blocks(r.config, "audit_log_config")
	v.is_unknown(c.log_type)
}

_configs(p) := [r |
	some r in tf.resources(_types)
	r.module_dir == p.module_dir
]

# An allServices config exists (its completeness is judged on the config itself).
_module_covered(p) if {
	some r in _configs(p)
	r.config.service == "allServices"
}

# Configs whose service cannot be read: they may be the allServices one.
_module_unknowns(p) := {r.config.service.__unknown__ |
	some r in _configs(p)
	v.is_unknown(r.config.service)
}

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
import data.controlgate.lib.tri
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

deny contains tri.failure(c) if some c in _checks

unknown contains u if {
	some c in _checks
	some u in tri.unknown_records(c)
}

# No allServices audit config in the module; each config whose service cannot be read may be it.
_checks contains {"resource": p.id, "path": [], "when": _uncovered(p)} if some p in _providers

_uncovered(p) := false if _module_covered(p)

else := tri.of_reasons([], _module_unknowns(p), true)

# An allServices config that leaves out DATA_READ or DATA_WRITE (undecided on each unknown log_type).
_checks contains {
	"resource": r.id, "path": ["audit_log_config"],
	"when": tri.of_each(
		[[["audit_log_config", i, "log_type"], c.log_type] | some i, c in v.blocks(r.config, "audit_log_config")],
		count(_required - _log_types(r)) > 0,
	),
} if {
	some r in tf.resources(_types)
	r.config.service == "allServices"
	v.known(object.get(r.config, "audit_log_config", null))
}

_checks contains tri.known_check({"resource": r.id}, ["audit_log_config"], r.config.audit_log_config) if {
	some r in tf.resources(_types)
}

_checks contains {"resource": r.id, "path": p, "actual": x, "when": tri.of(p, x, _members(x))} if {
	some r in tf.resources(_types)
	some i, c in v.blocks(r.config, "audit_log_config")
	x := c.exempted_members
	p := ["audit_log_config", i, "exempted_members"]
}

default _members(_) := false

_members(x) if {
	is_array(x)
	count(x) > 0
}

_log_types(r) := {c.log_type | some c in v.blocks(r.config, "audit_log_config")}

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

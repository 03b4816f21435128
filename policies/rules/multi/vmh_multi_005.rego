# METADATA
# title: Interactive VM login uses keys or cloud identity, never passwords, project-wide keys or serial consoles
# description: |
#   Password logins on Linux VMs invite brute-force and credential reuse. On GCP, keys added to
#   project metadata open every instance in the project unless OS Login is used or the instance
#   blocks them, and an interactive serial console bypasses network controls entirely.
# custom:
#   id: VMH-MULTI-005
#   severity: high
#   message: Linux VM allows password authentication
#   remediation: |
#     Azure: keep disable_password_authentication = true, remove admin_password and use admin_ssh_key
#     (or Entra ID login). GCP: set project metadata enable-oslogin = "TRUE" (or instance metadata
#     block-project-ssh-keys = "true"), never set enable-oslogin = "FALSE" on an instance, and leave
#     serial-port-enable unset or "false".
#   controls:
#     iso27017: [CLD.9.5.2, CLD.12.1.5]
#     iso27002: [A.8.5, A.5.17, A.8.9]
#     soc2: [CC6.1]
#     cis: [CIS GCP v1.2.0 4.3, CIS GCP v1.2.0 4.4, CIS GCP v1.2.0 4.5]
#     nist: [IA-2, IA-5, AC-17, AC-6]
#   subresults:
#     oslogin-disabled:
#       severity: medium
#       message: GCP instance turns OS Login off
#     project-ssh-keys:
#       severity: medium
#       message: GCP instance accepts project-wide SSH keys
#     serial-port:
#       severity: medium
#       message: GCP serial port access is enabled
#   inputs: [terraform]
#   equivalents: [CKV_AZURE_1, CKV_AZURE_149, CKV_AZURE_178, CKV_GCP_32, CKV_GCP_33, CKV_GCP_34, CKV_GCP_35,
#     AVD-AZU-0039, AVD-GCP-0030, AVD-GCP-0036, AVD-GCP-0042, AVD-GCP-0032, FG_R00413, FG_R00415]
package controlgate.rules.vmh_multi_005

import data.controlgate.lib.terraform as tf
import data.controlgate.lib.tri
import data.controlgate.lib.values as v

_az_linux := {"azurerm_linux_virtual_machine", "azurerm_linux_virtual_machine_scale_set"}

_gcp := {"google_compute_instance", "google_compute_instance_template", "google_compute_instance_from_template"}

_projects := {"google_compute_project_metadata", "google_compute_project_metadata_item"}

_dpa := "disable_password_authentication"

applies contains r.id if some r in tf.resources(((_az_linux | _gcp) | (_projects | {"azurerm_virtual_machine"})))

deny contains tri.failure(c) if some c in _checks

unknown contains u if {
	some c in _checks
	some u in tri.unknown_records(c)
}

# ---------------------------------------------------------------------------------------------
# Azure

# Password authentication written on; an unknown setting is not evaluated unless a password is
# given (the password is reported then).
_checks contains object.union(
	{"resource": r.id, "path": [_dpa], "when": _password_auth(r.config)},
	v.actual(r.config, _dpa),
) if {
	some r in tf.resources(_az_linux)
}

_password_auth(c) := false if {
	v.has(c, "admin_password")
	v.is_unknown(c[_dpa])
} else := tri.of([_dpa], x, x in v.falsy) if {
	x := object.get(c, _dpa, null)
}

# A password, unless password authentication is written off (reported above). The password itself
# is never reported.
_checks contains {"resource": r.id, "path": ["admin_password"], "when": _password_given(r.config)} if {
	some r in tf.resources(_az_linux)
}

default _password_given(_) := false

_password_given(c) if {
	v.has(c, "admin_password")
	not _key_false(c, _dpa)
}

_key_false(m, k) if v.is_false(m[k])

_checks contains tri.fails_if_in({"resource": r.id}, ["os_profile_linux_config", i], c, _dpa, null, v.falsy) if {
	some r in tf.resources({"azurerm_virtual_machine"})
	some i, c in v.blocks(r.config, "os_profile_linux_config")
}

# ---------------------------------------------------------------------------------------------
# GCP

_str(x) := lower(x) if is_string(x)

else := "true" if x == true

else := "false" if x == false

else := format_int(x, 10) if is_number(x)

default _on(_) := false

_on(x) if _str(x) in {"true", "1"}

default _off(_) := false

_off(x) if _str(x) in {"false", "0"}

_md(r) := r.config.metadata if {
	is_object(r.config.metadata)
	v.known(r.config.metadata)
}

else := {} if not v.has(r.config, "metadata")

# Project-level settings declared in the same module: {key: value}.
_project_settings(r) := {k: x |
	some p in tf.in_module(r, "google_compute_project_metadata")
	some k, x in _md(p)
}

_project_items(r) := [p |
	some p in tf.in_module(r, "google_compute_project_metadata_item")
	p.config.key == "enable-oslogin"
]

_project_oslogin(r) if _on(_project_settings(r)["enable-oslogin"])

_project_oslogin(r) if {
	some p in _project_items(r)
	_on(p.config.value)
}

# The project values that may turn OS Login on: each metadata, each enable-oslogin item's value.
_project_values(r) := array.concat(
	[p.config.metadata | some p in tf.in_module(r, "google_compute_project_metadata")],
	[p.config.value | some p in _project_items(r)],
)

# OS Login switched off on an instance, or for the whole project (CIS GCP 4.4 wants it on at
# project level).
_checks contains {
	"resource": r.id, "path": ["metadata", "enable-oslogin"], "sub": "oslogin-disabled",
	"actual": x, "when": _off(x),
} if {
	some r in tf.resources(_gcp | {"google_compute_project_metadata"})
	x := _md(r)["enable-oslogin"]
}

_checks contains {"resource": r.id, "path": ["value"], "sub": "oslogin-disabled", "actual": x, "when": _off(x)} if {
	some r in tf.resources({"google_compute_project_metadata_item"})
	r.config.key == "enable-oslogin"
	x := r.config.value
}

# Project-wide keys accepted: the instance neither blocks them nor sets enable-oslogin (off is
# reported on its own), and the project does not turn OS Login on. An unknown block-project-ssh-keys
# or enable-oslogin is not evaluated whatever the rest; an unknown project value only while the
# instance accepts the keys.
_checks contains {
	"resource": r.id, "path": ["metadata", "block-project-ssh-keys"], "sub": "project-ssh-keys",
	"when": tri.of_each(_ssh_key_values(r, m), _accepts_project_keys(r, m)),
} if {
	some r in tf.resources(_gcp)
	m := _md(r)
}

_ssh_key_values(r, m) := array.concat(
	[[["metadata", k], object.get(m, k, null)] | some k in ["block-project-ssh-keys", "enable-oslogin"]],
	[[["metadata", "block-project-ssh-keys"], x] | _accepts_project_keys(r, m); some x in _project_values(r)],
)

_key_on(m, k) if _on(m[k])

default _accepts_project_keys(_, _) := false

_accepts_project_keys(r, m) if {
	not _key_on(m, "block-project-ssh-keys")
	not v.has(m, "enable-oslogin")
	not _project_oslogin(r)
}

_checks contains tri.known_check({"resource": r.id, "sub": "project-ssh-keys"}, ["metadata"], r.config.metadata) if {
	some r in tf.resources(_gcp)
}

_checks contains object.union(
	{"resource": r.id, "path": p, "sub": "serial-port", "when": tri.of(p, x, _on(x))},
	v.actual(m, k),
) if {
	some r in tf.resources(_gcp | {"google_compute_project_metadata"})
	m := _md(r)
	k := "serial-port-enable"
	p := ["metadata", k]
	x := object.get(m, k, null)
}

_checks contains {"resource": r.id, "path": ["value"], "sub": "serial-port", "actual": x, "when": _on(x)} if {
	some r in tf.resources({"google_compute_project_metadata_item"})
	r.config.key == "serial-port-enable"
	x := r.config.value
}

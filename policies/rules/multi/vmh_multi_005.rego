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
import data.controlgate.lib.values as v

_az_linux := {"azurerm_linux_virtual_machine", "azurerm_linux_virtual_machine_scale_set"}

_gcp := {"google_compute_instance", "google_compute_instance_template", "google_compute_instance_from_template"}

_projects := {"google_compute_project_metadata", "google_compute_project_metadata_item"}

applies contains r.id if some r in tf.resources(((_az_linux | _gcp) | (_projects | {"azurerm_virtual_machine"})))

# ---------------------------------------------------------------------------------------------
# Azure

deny contains {
	"resource": r.id,
	"path": ["disable_password_authentication"],
	"actual": r.config.disable_password_authentication,
} if {
	some r in tf.resources(_az_linux)
	v.is_false(r.config.disable_password_authentication)
}

# The password itself is never reported.
deny contains {"resource": r.id, "path": ["admin_password"]} if {
	some r in tf.resources(_az_linux)
	v.has(r.config, "admin_password")
	not _key_false(r.config, "disable_password_authentication")
}

deny contains {
	"resource": r.id,
	"path": ["os_profile_linux_config", i, "disable_password_authentication"],
	"actual": c.disable_password_authentication,
} if {
	some r in tf.resources({"azurerm_virtual_machine"})
	some i, c in v.blocks(r.config, "os_profile_linux_config")
	v.is_false(c.disable_password_authentication)
}

unknown contains {
	"resource": r.id,
	"path": ["disable_password_authentication"],
	"reason": r.config.disable_password_authentication.__unknown__,
} if {
	some r in tf.resources(_az_linux)
	v.is_unknown(r.config.disable_password_authentication)
	not v.has(r.config, "admin_password")
}

unknown contains {
	"resource": r.id,
	"path": ["os_profile_linux_config", i, "disable_password_authentication"],
	"reason": c.disable_password_authentication.__unknown__,
} if {
	some r in tf.resources({"azurerm_virtual_machine"})
	some i, c in v.blocks(r.config, "os_profile_linux_config")
	v.is_unknown(c.disable_password_authentication)
}

# ---------------------------------------------------------------------------------------------
# GCP

_str(x) := lower(x) if is_string(x)

else := "true" if x == true

else := "false" if x == false

else := format_int(x, 10) if is_number(x)

_on(x) if _str(x) in {"true", "1"}

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
]

_project_oslogin(r) if _on(_project_settings(r)["enable-oslogin"])

_project_oslogin(r) if {
	some p in _project_items(r)
	p.config.key == "enable-oslogin"
	_on(p.config.value)
}

_project_unknowns(r) := {p.config.metadata.__unknown__ |
	some p in tf.in_module(r, "google_compute_project_metadata")
	v.is_unknown(p.config.metadata)
} | {p.config.value.__unknown__ |
	some p in _project_items(r)
	p.config.key == "enable-oslogin"
	v.is_unknown(p.config.value)
}

_key_on(m, k) if _on(m[k])

_key_false(m, k) if v.is_false(m[k])

_key_unknown(m, k) if v.is_unknown(m[k])

# enable-oslogin given any value: on (OS Login used), off (reported on its own) or unknown.
_key_set(m, k) if v.has(m, k)

deny contains {
	"resource": r.id,
	"path": ["metadata", "enable-oslogin"],
	"sub": "oslogin-disabled",
	"actual": m["enable-oslogin"],
} if {
	some r in tf.resources(_gcp)
	m := _md(r)
	_off(m["enable-oslogin"])
}

# OS Login switched off for the whole project (CIS GCP 4.4 wants it on at project level).
deny contains {
	"resource": r.id,
	"path": ["metadata", "enable-oslogin"],
	"sub": "oslogin-disabled",
	"actual": r.config.metadata["enable-oslogin"],
} if {
	some r in tf.resources({"google_compute_project_metadata"})
	_off(r.config.metadata["enable-oslogin"])
}

deny contains {"resource": r.id, "path": ["value"], "sub": "oslogin-disabled", "actual": r.config.value} if {
	some r in tf.resources({"google_compute_project_metadata_item"})
	r.config.key == "enable-oslogin"
	_off(r.config.value)
}

deny contains {"resource": r.id, "path": ["metadata", "block-project-ssh-keys"], "sub": "project-ssh-keys"} if {
	some r in tf.resources(_gcp)
	m := _md(r)
	not _key_on(m, "block-project-ssh-keys")
	not _key_unknown(m, "block-project-ssh-keys")
	not _key_set(m, "enable-oslogin")
	not _project_oslogin(r)
	count(_project_unknowns(r)) == 0
}

deny contains {
	"resource": r.id,
	"path": ["metadata", "serial-port-enable"],
	"sub": "serial-port",
	"actual": m["serial-port-enable"],
} if {
	some r in tf.resources(_gcp | {"google_compute_project_metadata"})
	m := _md(r)
	_on(m["serial-port-enable"])
}

deny contains {"resource": r.id, "path": ["value"], "sub": "serial-port", "actual": r.config.value} if {
	some r in tf.resources({"google_compute_project_metadata_item"})
	r.config.key == "serial-port-enable"
	_on(r.config.value)
}

unknown contains {
	"resource": r.id,
	"path": ["metadata"],
	"sub": "project-ssh-keys",
	"reason": r.config.metadata.__unknown__,
} if {
	some r in tf.resources(_gcp)
	v.is_unknown(r.config.metadata)
}

unknown contains {"resource": r.id, "path": ["metadata", k], "sub": "project-ssh-keys", "reason": reason} if {
	some r in tf.resources(_gcp)
	m := _md(r)
	some k in ["block-project-ssh-keys", "enable-oslogin"]
	v.is_unknown(m[k])
	reason := m[k].__unknown__
}

unknown contains {
	"resource": r.id,
	"path": ["metadata", "block-project-ssh-keys"],
	"sub": "project-ssh-keys",
	"reason": reason,
} if {
	some r in tf.resources(_gcp)
	m := _md(r)
	not _key_on(m, "block-project-ssh-keys")
	not _key_set(m, "enable-oslogin")
	not _project_oslogin(r)
	some reason in _project_unknowns(r)
}

unknown contains {
	"resource": r.id,
	"path": ["metadata", "serial-port-enable"],
	"sub": "serial-port",
	"reason": m["serial-port-enable"].__unknown__,
} if {
	some r in tf.resources(_gcp | {"google_compute_project_metadata"})
	m := _md(r)
	v.is_unknown(m["serial-port-enable"])
}

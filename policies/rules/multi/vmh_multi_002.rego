# METADATA
# title: VM bootstrap data carries no credentials
# description: |
#   User data, custom data and startup scripts are stored in instance metadata, launch templates and
#   Terraform state, and are readable by anyone who can describe the VM or reach its metadata
#   service. A password, access key or private key written there is effectively published.
# custom:
#   id: VMH-MULTI-002
#   severity: critical
#   message: VM bootstrap data contains a hard-coded secret
#   remediation: |
#     Remove the credential from user_data / custom_data / startup-script and rotate it. Have the
#     bootstrap script fetch it at boot from AWS Secrets Manager or SSM Parameter Store (instance
#     role), Azure Key Vault (managed identity) or GCP Secret Manager (service account).
#   secret: true
#   controls:
#     iso27017: [CLD.9.5.2, CLD.12.1.5]
#     iso27002: [A.5.17, A.8.9, A.5.23]
#     soc2: [CC6.1]
#     cis: []
#     nist: [IA-5(7), SC-28]
#   subresults:
#     sensitive-var:
#       severity: medium
#       message: A sensitive variable is written into VM bootstrap data
#   inputs: [terraform]
#   equivalents: [CKV_AWS_46, CKV_AZURE_45, AVD-AWS-0029, AVD-AWS-0129, AVD-AZU-0037]
package controlgate.rules.vmh_multi_002

import data.controlgate.lib.secrets
import data.controlgate.lib.terraform as tf
import data.controlgate.lib.tri
import data.controlgate.lib.values as v

_top_fields := {
	"aws_instance": ["user_data", "user_data_base64"],
	"aws_launch_configuration": ["user_data", "user_data_base64"],
	"aws_launch_template": ["user_data"],
	"azurerm_linux_virtual_machine": ["custom_data", "user_data"],
	"azurerm_windows_virtual_machine": ["custom_data", "user_data"],
	"azurerm_linux_virtual_machine_scale_set": ["custom_data", "user_data"],
	"azurerm_windows_virtual_machine_scale_set": ["custom_data", "user_data"],
	"google_compute_instance": ["metadata_startup_script"],
	"google_compute_instance_from_template": ["metadata_startup_script"],
	"google_compute_instance_template": ["metadata_startup_script"],
}

_gcp := {"google_compute_instance", "google_compute_instance_template", "google_compute_instance_from_template"}

_metadata_keys := {"startup-script", "user-data", "windows-startup-script-ps1", "windows-startup-script-cmd"}

_types := {k | some k, _ in _top_fields} | {"azurerm_virtual_machine"}

applies contains r.id if some r in tf.resources(_types)

# Every bootstrap field present on a resource, as {r, path, value}.
_fields contains {"r": r, "path": [f], "value": value} if {
	some r in tf.resources(_types)
	some f in _top_fields[r.type]
	v.has(r.config, f)
	value := r.config[f]
}

_fields contains {"r": r, "path": ["metadata", k], "value": value} if {
	some r in tf.resources(_gcp)
	is_object(r.config.metadata)
	some k in _metadata_keys
	v.has(r.config.metadata, k)
	value := r.config.metadata[k]
}

_fields contains {"r": r, "path": ["os_profile", i, "custom_data"], "value": p.custom_data} if {
	some r in tf.resources({"azurerm_virtual_machine"})
	some i, p in v.blocks(r.config, "os_profile")
	v.has(p, "custom_data")
}

# The text a field holds: the literal (and its base64 decoding), or the source text of an
# unevaluated expression (a literal secret inside a template or function call is still in the code).
_texts(x) := secrets.texts(x) if is_string(x)

else := {x.__unknown__} if v.is_unknown(x)

_has_secret(f) if {
	some text in _texts(f.value)
	secrets.in_text(text)
}

deny contains {"resource": f.r.id, "path": f.path} if {
	some f in _fields
	_has_secret(f)
}

# A sensitive variable interpolated into bootstrap data ends up in instance metadata.
deny contains {"resource": f.r.id, "path": f.path, "sub": "sensitive-var"} if {
	some f in _fields
	v.is_unknown(f.value)
	some name in tf.sensitive_vars(f.r.module_dir)
	regex.match(sprintf(`\bvar\.%s\b`, [name]), f.value.__unknown__)
}

unknown contains {"resource": f.r.id, "path": f.path, "reason": v.short_reason(f.value.__unknown__)} if {
	some f in _fields
	v.is_unknown(f.value)
	not _has_secret(f)
}

unknown contains {
	"resource": r.id,
	"path": ["metadata"],
	"reason": v.short_reason(r.config.metadata.__unknown__),
} if {
	some r in tf.resources(_gcp)
	v.is_unknown(r.config.metadata)
}

unknown contains tri.not_evaluated({"resource": r.id}, ["os_profile"], r.config.os_profile) if {
	some r in tf.resources({"azurerm_virtual_machine"})
}

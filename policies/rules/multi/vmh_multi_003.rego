# METADATA
# title: VMs boot with Secure Boot and a virtual TPM (GCP Shielded VM, Azure Trusted Launch)
# description: |
#   Secure Boot refuses unsigned boot loaders and kernels, and a virtual TPM measures the boot chain
#   so that rootkits and bootkits can be detected. Without them a compromised image or a tampered
#   boot disk runs unnoticed below the operating system's own defences.
# custom:
#   id: VMH-MULTI-003
#   severity: medium
#   message: VM boots without Secure Boot or a virtual TPM
#   remediation: |
#     GCP: add shielded_instance_config { enable_secure_boot = true  enable_vtpm = true
#     enable_integrity_monitoring = true } with a Shielded-VM image. Azure: set
#     secure_boot_enabled = true and vtpm_enabled = true with a Trusted Launch (Gen2) image.
#   controls:
#     iso27017: [CLD.9.5.2]
#     iso27002: [A.8.9, A.8.7]
#     soc2: [CC6.8, CC7.1]
#     cis: [CIS GCP v1.2.0 4.8]
#     nist: [SI-7, SI-7(9)]
#   inputs: [terraform]
#   equivalents: [CKV_GCP_39, AVD-GCP-0067, AVD-GCP-0041, AVD-GCP-0045, FG_R00418]
package controlgate.rules.vmh_multi_003

import data.controlgate.lib.terraform as tf
import data.controlgate.lib.tri
import data.controlgate.lib.values as v

_gcp := {"google_compute_instance", "google_compute_instance_template", "google_compute_instance_from_template"}

_azure := {
	"azurerm_linux_virtual_machine", "azurerm_windows_virtual_machine",
	"azurerm_linux_virtual_machine_scale_set", "azurerm_windows_virtual_machine_scale_set",
}

applies contains r.id if some r in tf.resources(_gcp | _azure)

deny contains tri.failure(c) if some c in _checks

unknown contains tri.unknown(c) if some c in _checks

# Off unless enabled: unset or false.
_off := {null, false, "false"}

# GCP: Secure Boot is off unless enabled; vTPM and integrity monitoring are on unless disabled.
_checks contains {"resource": r.id, "path": [k], "when": tri.of([k], x, v.unset(r.config, k))} if {
	some r in tf.resources(_gcp)
	k := "shielded_instance_config"
	x := object.get(r.config, k, null)
}

_checks contains tri.fails_if_in({"resource": r.id}, ["shielded_instance_config", i], c, k, null, values) if {
	some r in tf.resources(_gcp)
	some i, c in v.blocks(r.config, "shielded_instance_config")
	some [k, values] in [
		["enable_secure_boot", _off],
		["enable_vtpm", v.falsy],
		["enable_integrity_monitoring", v.falsy],
	]
}

# Azure: both settings are off unless enabled.
_checks contains tri.fails_if_in({"resource": r.id}, [], r.config, k, null, _off) if {
	some r in tf.resources(_azure)
	some k in ["secure_boot_enabled", "vtpm_enabled"]
}

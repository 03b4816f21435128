# METADATA
# title: Azure VMs and scale sets encrypt disks at the host
# description: |
#   Server-side encryption of managed disks leaves the temporary disk and the disk caches on the
#   host unencrypted; encryption at host encrypts them too, end to end from the VM host to storage,
#   so a VM's data is never at rest in clear on shared provider hardware. It defaults to off.
#   Medium: the persistent disks are still encrypted by the platform. VMs tagged restricted are
#   reported by VMH-MULTI-004, which also wants customer-managed keys.
# custom:
#   id: VMH-AZ-002
#   severity: medium
#   message: VM does not encrypt its disks at the host
#   remediation: |
#     Set encryption_at_host_enabled = true on azurerm_linux_virtual_machine,
#     azurerm_windows_virtual_machine and their scale sets (register the EncryptionAtHost feature of
#     Microsoft.Compute in the subscription once).
#   controls:
#     iso27017: [CLD.9.5.2, CLD.9.5.1]
#     iso27002: [A.8.24, A.5.23]
#     soc2: [CC6.1]
#     cis: []
#     nist: [SC-28, SC-28(1), SC-13]
#   inputs: [terraform]
#   equivalents: [CKV_AZURE_151, CKV_AZURE_97]
package controlgate.rules.vmh_az_002

import data.controlgate.lib.tags
import data.controlgate.lib.terraform as tf
import data.controlgate.lib.tri
import data.controlgate.lib.values as v

_types := {
	"azurerm_linux_virtual_machine", "azurerm_windows_virtual_machine",
	"azurerm_linux_virtual_machine_scale_set", "azurerm_windows_virtual_machine_scale_set",
	"azurerm_orchestrated_virtual_machine_scale_set",
}

_vms := [r |
	some r in tf.resources(_types)
	not tags.restricted(r)
]

applies contains r.id if some r in _vms

deny contains tri.failure(c) if some c in _checks

unknown contains tri.unknown(c) if some c in _checks

# Off, or absent (the provider's default is off).
_checks contains tri.fails_if_in({"resource": r.id}, [], r.config, "encryption_at_host_enabled", false, v.falsy) if {
	some r in _vms
}

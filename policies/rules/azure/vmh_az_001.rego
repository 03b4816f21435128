# METADATA
# title: Azure VMs do not allow extension operations unless they use extensions
# description: |
#   VM extensions run arbitrary scripts and agents as root or SYSTEM inside the guest; anyone with
#   Microsoft.Compute/virtualMachines/extensions/write on the VM (a broad Contributor right) can use
#   them to take over the guest or read its data, bypassing the guest's own access control. A VM
#   or scale set that declares no extension does not need the channel open. The allowance is
#   exploitable only with an Azure-side permission, so the severity is low.
# custom:
#   id: VMH-AZ-001
#   severity: low
#   message: VM allows extension operations but declares no extension
#   remediation: |
#     Set allow_extension_operations = false on azurerm_linux_virtual_machine /
#     azurerm_windows_virtual_machine (extension_operations_enabled = false on scale sets) when the VM
#     uses no extensions; otherwise declare the extensions it needs (azurerm_virtual_machine_extension,
#     extension blocks) so the need is visible.
#   controls:
#     iso27017: [CLD.9.5.2]
#     iso27002: [A.8.9, A.8.19, A.8.2]
#     soc2: [CC6.1, CC6.8]
#     cis: [CIS Azure v1.3.0 7.4]
#     nist: [CM-7, CM-6, AC-6]
#   inputs: [terraform]
#   equivalents: [CKV_AZURE_50]
package controlgate.rules.vmh_az_001

import data.controlgate.lib.terraform as tf
import data.controlgate.lib.tri
import data.controlgate.lib.values as v

_vms := {"azurerm_linux_virtual_machine", "azurerm_windows_virtual_machine"}

_scale_sets := {
	"azurerm_linux_virtual_machine_scale_set", "azurerm_windows_virtual_machine_scale_set",
	"azurerm_orchestrated_virtual_machine_scale_set",
}

# The attribute naming the switch: allow_extension_operations on VMs (azurerm 3 and 4),
# extension_operations_enabled on scale sets and newer VMs. Defaults to true.
_key(r) := "extension_operations_enabled" if {
	v.has(r.config, "extension_operations_enabled")
} else := "extension_operations_enabled" if {
	r.type in _scale_sets
} else := "allow_extension_operations"

applies contains r.id if some r in tf.resources(_vms | _scale_sets)

# Extensions declared for r: inline extension blocks (scale sets), or extension resources of the
# module whose target refers to r.
_uses_extensions(r) if {
	some _ in v.blocks(r.config, "extension")
}

_uses_extensions(r) if v.is_unknown(r.config.extension)

_uses_extensions(r) if {
	some [type, key] in [
		["azurerm_virtual_machine_extension", "virtual_machine_id"],
		["azurerm_virtual_machine_scale_set_extension", "virtual_machine_scale_set_id"],
	]
	some x in tf.in_module(r, type)
	some target in tf.referenced(x, x.config[key])
	target.id == r.id
}

# Extension resources whose target cannot be resolved may be r's.
_maybe_extensions(r) := reason if {
	some [type, key] in [
		["azurerm_virtual_machine_extension", "virtual_machine_id"],
		["azurerm_virtual_machine_scale_set_extension", "virtual_machine_scale_set_id"],
	]
	some x in tf.in_module(r, type)
	v.is_unknown(x.config[key])
	count(tf.referenced(x, x.config[key])) == 0
	reason := x.config[key].__unknown__
}

_candidates := [r |
	some r in tf.resources(_vms | _scale_sets)
	not _uses_extensions(r)
]

deny contains tri.failure(c) if some c in _checks

unknown contains tri.unknown(c) if some c in _checks

# Extension operations on (the default) while no extension is declared, unless an extension
# resource of the module may target r.
_checks contains object.union(
	{"resource": r.id, "path": [k], "when": tri.all_hold([
		tri.is_in([k], r.config, k, true, v.truthy),
		_no_maybe_extensions(r, [k]),
	])},
	v.actual(r.config, k),
) if {
	some r in _candidates
	k := _key(r)
}

_no_maybe_extensions(r, path) := {"path": path, "reason": _maybe_extensions(r)} if {
	_maybe_extensions(r)
} else := true

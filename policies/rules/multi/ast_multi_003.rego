# METADATA
# title: VM disks are deleted with the VM unless their retention is explicit
# description: |
#   Disks left behind when a VM is deleted keep their data outside any inventory: nobody owns them,
#   nobody deletes them, and they are easy to attach to another machine. Keeping a disk should be a
#   visible decision with an owner and an end date.
# custom:
#   id: AST-MULTI-003
#   severity: low
#   message: VM disk outlives the VM without a retention tag
#   remediation: |
#     Leave delete_on_termination (AWS) and auto_delete (GCP) at true; on azurerm_virtual_machine set
#     delete_os_disk_on_termination = true and delete_data_disks_on_termination = true; keep the azurerm
#     provider feature virtual_machine { delete_os_disk_on_deletion = true }. Disks that must be kept:
#     tag the resource with a "retention" tag (owner and end date) and track them in the inventory.
#   controls:
#     iso27017: [CLD.8.1.5]
#     iso27002: [A.8.10, A.5.9, A.5.11]
#     soc2: [CC6.5, C1.2]
#     cis: []
#     nist: [CM-8(1), SI-12]
#   inputs: [terraform]
#   equivalents: []
package controlgate.rules.ast_multi_003

import data.controlgate.lib.tags
import data.controlgate.lib.terraform as tf
import data.controlgate.lib.tri
import data.controlgate.lib.values as v

_retention_keys := {"retention", "retain", "retain_until", "retention_end"}

_types := {"aws_instance", "aws_launch_template", "google_compute_instance", "azurerm_virtual_machine"}

_candidates := [r |
	some r in tf.resources(_types)
	not _retained(r)
]

_retained(r) if {
	some k, _ in tags.tag_map(r)
	lower(k) in _retention_keys
}

applies contains r.id if some r in _candidates

applies contains p.id if some p in _azurerm_providers

# Every disk setting that keeps the disk when false: {r, path, value}.
_flags contains {"r": r, "path": [b, i, "delete_on_termination"], "value": d.delete_on_termination} if {
	some r in _candidates
	r.type == "aws_instance"
	some b in ["root_block_device", "ebs_block_device"]
	some i, d in v.blocks(r.config, b)
	v.has(d, "delete_on_termination")
}

_flags contains {
	"r": r,
	"path": ["block_device_mappings", i, "ebs", j, "delete_on_termination"],
	"value": e.delete_on_termination,
} if {
	some r in _candidates
	r.type == "aws_launch_template"
	some i, m in v.blocks(r.config, "block_device_mappings")
	some j, e in v.blocks(m, "ebs")
	v.has(e, "delete_on_termination")
}

_flags contains {"r": r, "path": ["boot_disk", i, "auto_delete"], "value": d.auto_delete} if {
	some r in _candidates
	r.type == "google_compute_instance"
	some i, d in v.blocks(r.config, "boot_disk")
	v.has(d, "auto_delete")
}

# Legacy Azure VMs keep their disks unless told otherwise.
_flags contains {
	"r": r,
	"path": ["delete_os_disk_on_termination"],
	"value": object.get(r.config, "delete_os_disk_on_termination", false),
} if {
	some r in _candidates
	r.type == "azurerm_virtual_machine"
}

_flags contains {
	"r": r,
	"path": ["delete_data_disks_on_termination"],
	"value": object.get(r.config, "delete_data_disks_on_termination", false),
} if {
	some r in _candidates
	r.type == "azurerm_virtual_machine"
	v.has(r.config, "storage_data_disk")
}

deny contains tri.failure(c) if some c in _checks

unknown contains tri.unknown(c) if some c in _checks

# A setting written false keeps the disk; an unknown one is not evaluated.
_checks contains object.union(
	{"resource": f.r.id, "path": f.path, "when": tri.of(f.path, f.value, f.value in v.falsy)},
	_actual(f),
) if {
	some f in _flags
}

_actual(f) := {} if not v.has(f.r.config, f.path[0])

else := {"actual": f.value}

_azurerm_providers contains p if {
	some p in input.terraform.providers
	p.name == "azurerm"
}

_checks contains {
	"resource": p.id,
	"path": ["features", i, "virtual_machine", j, "delete_os_disk_on_deletion"],
	"actual": x.delete_os_disk_on_deletion,
	"when": x.delete_os_disk_on_deletion in v.falsy,
} if {
	some p in _azurerm_providers
	some i, f in v.blocks(p.config, "features")
	some j, x in v.blocks(f, "virtual_machine")
}

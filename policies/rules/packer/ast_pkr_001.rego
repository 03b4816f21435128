# METADATA
# title: Packer builds leave no orphaned disks or snapshots, and images get an end of life
# description: |
#   Extra build volumes that are not deleted with the instance, OS disks kept after the build and
#   snapshots left behind by re-registered images pile up unnoticed after every run, holding copies
#   of whatever the build touched. Images without a deprecation or end-of-life date stay launchable
#   long after they stop receiving patches.
# custom:
#   id: AST-PKR-001
#   severity: medium
#   message: Packer build leaves disks or volumes behind after every run
#   remediation: |
#     amazon-ebs: delete_on_termination = true in every launch_block_device_mappings block, force_delete_snapshot = true
#     alongside force_deregister = true, and deprecate_at = "<RFC3339 date>". azure-arm: leave keep_os_disk and
#     async_resourcegroup_delete unset (false) and set shared_gallery_image_version_end_of_life_date when publishing
#     to a gallery. googlecompute: publish into an image_family (or set deprecate_at) so old images can be deprecated.
#   controls:
#     iso27017: [CLD.8.1.5, CLD.12.1.5]
#     iso27002: [A.8.10, A.5.9, A.8.8]
#     soc2: [CC6.5, C1.2, CC8.1]
#     cis: []
#     nist: [CM-8(1), SI-12, SA-22]
#   subresults:
#     orphan-snapshots:
#       severity: low
#       message: Packer deregisters the previous AMI but keeps its snapshots
#     async-delete:
#       severity: low
#       message: Packer azure-arm deletes the build resource group asynchronously (failed deletes go unreported)
#     no-end-of-life:
#       severity: low
#       message: Packer image has no deprecation or end-of-life date
#   inputs: [packer]
#   equivalents: []
package controlgate.rules.ast_pkr_001

import data.controlgate.lib.packer as pkr
import data.controlgate.lib.tri
import data.controlgate.lib.values as v

_lbdm := "launch_block_device_mappings"

_ebs_launch := {"amazon-ebs", "amazon-ebssurrogate"}

_ami_builders := {"amazon-ebs", "amazon-ebssurrogate", "amazon-instance"}

_eol := "shared_gallery_image_version_end_of_life_date"

_sigd := "shared_image_gallery_destination"

applies contains s.id if some s in pkr.sources(_ami_builders | {"azure-arm", "googlecompute"})

deny contains tri.failure(c) if some c in _checks

unknown contains u if {
	some c in _checks
	some u in tri.unknown_records(c)
}

# ---- leftovers (medium) ----

# A mapping's deny and unknown stay apart: an unknown delete_on_termination or no_device is
# reported unless delete_on_termination is true, even for a mapping known not to create a volume
# (virtual_name set, no_device true), which one tri check cannot say.

deny contains {"resource": s.id, "path": [_lbdm, i, "delete_on_termination"]} if {
	some s in pkr.sources(_ebs_launch)
	some i, m in v.blocks(s.config, _lbdm)
	_creates_volume(m)
	not v.has(m, "delete_on_termination")
}

deny contains {"resource": s.id, "path": [_lbdm, i, "delete_on_termination"], "actual": m.delete_on_termination} if {
	some s in pkr.sources(_ebs_launch)
	some i, m in v.blocks(s.config, _lbdm)
	_creates_volume(m)
	v.is_false(m.delete_on_termination)
}

_checks contains tri.fails_if_in({"resource": s.id}, [], s.config, "keep_os_disk", null, v.truthy) if {
	some s in pkr.sources({"azure-arm"})
}

_checks contains tri.known_check({"resource": s.id}, [_lbdm], s.config[_lbdm]) if some s in pkr.sources(_ebs_launch)

unknown contains {"resource": s.id, "path": [_lbdm, i, k], "reason": reason} if {
	some s in pkr.sources(_ebs_launch)
	some i, m in v.blocks(s.config, _lbdm)
	not v.is_true(m.delete_on_termination)
	some k in ["delete_on_termination", "no_device"]
	v.is_unknown(m[k])
	reason := m[k].__unknown__
}

# ---- orphaned snapshots of deregistered AMIs (low) ----

# Deny and unknown stay apart: an unknown force_deregister or force_delete_snapshot is reported
# unless the other is known false / true, while the failure needs force_deregister true; values
# neither true nor false (null, "yes") fall between, which one tri check cannot say.

deny contains {"resource": s.id, "sub": "orphan-snapshots", "path": ["force_delete_snapshot"]} if {
	some s in pkr.sources(_ami_builders)
	v.is_true(s.config.force_deregister)
	not v.has(s.config, "force_delete_snapshot")
}

deny contains {
	"resource": s.id,
	"sub": "orphan-snapshots",
	"path": ["force_delete_snapshot"],
	"actual": s.config.force_delete_snapshot,
} if {
	some s in pkr.sources(_ami_builders)
	v.is_true(s.config.force_deregister)
	v.is_false(s.config.force_delete_snapshot)
}

unknown contains {"resource": s.id, "sub": "orphan-snapshots", "path": [k], "reason": reason} if {
	some s in pkr.sources(_ami_builders)
	not v.is_false(object.get(s.config, "force_deregister", false))
	not v.is_true(object.get(s.config, "force_delete_snapshot", false))
	some k in ["force_deregister", "force_delete_snapshot"]
	v.is_unknown(s.config[k])
	reason := s.config[k].__unknown__
}

# ---- asynchronous resource group deletion (low) ----

_checks contains tri.fails_if_in(
	{"resource": s.id, "sub": "async-delete"}, [], s.config,
	"async_resourcegroup_delete", null, v.truthy,
) if {
	some s in pkr.sources({"azure-arm"})
}

# ---- no end of life (low) ----

_checks contains {
	"resource": s.id, "sub": "no-end-of-life", "path": ["deprecate_at"],
	"when": _unset(s.config, "deprecate_at"),
} if {
	some s in pkr.sources(_ami_builders)
}

# Gallery image versions carry an end-of-life date; managed images have none to set (an unknown
# date is not evaluated either way).
_checks contains {
	"resource": s.id, "sub": "no-end-of-life", "path": [_eol],
	"when": tri.of([_eol], x, _gallery_without_eol(s.config)),
} if {
	some s in pkr.sources({"azure-arm"})
	x := object.get(s.config, _eol, null)
}

_checks contains {"resource": s.id, "sub": "no-end-of-life", "path": ["image_family"], "when": tri.all_hold_each([
	_unset(s.config, "image_family"),
	_unset(s.config, "deprecate_at"),
])} if {
	some s in pkr.sources({"googlecompute"})
}

# The truth of "key has no known, non-empty value": unknown when its value is.
_unset(config, key) := tri.of([key], object.get(config, key, null), v.unset_known(config, key))

default _gallery_without_eol(_) := false

_gallery_without_eol(config) if {
	v.has(config, "shared_image_gallery_destination")
	not v.set_known(config, "shared_gallery_image_version_end_of_life_date")
}

# A mapping that creates an EBS volume: not suppressed with no_device, not an instance-store volume.
_creates_volume(m) if {
	not v.has(m, "no_device")
	not v.has(m, "virtual_name")
}

_creates_volume(m) if {
	v.is_false(m.no_device)
	not v.has(m, "virtual_name")
}

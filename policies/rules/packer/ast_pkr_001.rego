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

_dot := "delete_on_termination"

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

_checks contains tri.fails_if_in({"resource": s.id}, [], s.config, "keep_os_disk", null, v.truthy) if {
	some s in pkr.sources({"azure-arm"})
}

_checks contains tri.known_check({"resource": s.id}, [_lbdm], s.config[_lbdm]) if some s in pkr.sources(_ebs_launch)

# One check per mapping: it creates a volume that is not deleted on termination (delete_on_termination
# left out or false, the actual when set); each unknown setting that decides is not evaluated.
_checks contains object.union(
	{"resource": s.id, "path": array.concat(base, [_dot]), "when": _leftover(base, m)},
	v.actual(m, _dot),
) if {
	some s in pkr.sources(_ebs_launch)
	some i, m in v.blocks(s.config, _lbdm)
	base := [_lbdm, i]
}

# A mapping that a dynamic block among static ones makes (unknown) is not evaluated.
_leftover(base, m) := tri.of(base, m, false) if {
	v.is_unknown(m)
} else := tri.all_hold_each([
	_creates_volume(base, m),
	tri.is_in(array.concat(base, [_dot]), m, _dot, false, v.falsy),
])

# A mapping that creates an EBS volume: no_device left out or false, no (instance-store) virtual_name
# (virtual_name, null when left out, is null).
_creates_volume(base, m) := tri.all_hold_each([
	tri.is_in(array.concat(base, ["no_device"]), m, "no_device", false, v.falsy),
	tri.is_in(array.concat(base, ["virtual_name"]), m, "virtual_name", null, {null}),
])

# ---- orphaned snapshots of deregistered AMIs (low) ----

# force_deregister written true, force_delete_snapshot left out or false; the actual when set.
_checks contains object.union(
	{"resource": s.id, "sub": "orphan-snapshots", "path": ["force_delete_snapshot"], "when": tri.all_hold_each([
		tri.is_in(["force_deregister"], s.config, "force_deregister", false, v.truthy),
		tri.is_in(["force_delete_snapshot"], s.config, "force_delete_snapshot", false, v.falsy),
	])},
	v.actual(s.config, "force_delete_snapshot"),
) if {
	some s in pkr.sources(_ami_builders)
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

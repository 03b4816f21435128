# METADATA
# title: Packer image builds run a hardening step, and Azure builds generalize the VM last
# description: |
#   A golden image is only as hardened as the steps that built it: Packer runs nothing unless
#   provisioners are declared, so a build without a CIS/STIG/baseline step ships the vendor's
#   defaults. Azure images must also be deprovisioned (waagent or Sysprep) as the final step, or
#   every VM from them inherits the build VM's identity and leftovers.
# custom:
#   id: VMH-PKR-005
#   severity: medium
#   message: Packer image build has no hardening provisioner
#   remediation: |
#     Add a hardening provisioner whose playbook or script name says so (e.g. provisioner "ansible"
#     { playbook_file = "./cis-hardening.yml" } or a shell script harden.sh / stig.sh / baseline.sh),
#     a patch step, and for azure-arm finish with a deprovision step
#     ("/usr/sbin/waagent -force -deprovision+user && export HISTSIZE=0 && sync", or Sysprep /generalize /oobe
#     on Windows).
#   controls:
#     iso27017: [CLD.9.5.2, CLD.12.1.5]
#     iso27002: [A.8.9, A.8.8, A.8.19]
#     soc2: [CC7.1, CC8.1]
#     cis: []
#     nist: [CM-2, CM-6, CM-7, SI-2]
#   subresults:
#     no-provisioners:
#       severity: high
#       message: Packer image build runs no provisioners at all
#     no-generalize:
#       severity: low
#       message: Packer azure-arm build does not deprovision (generalize) the VM as its last step
#   inputs: [packer]
#   equivalents: []
package controlgate.rules.vmh_pkr_005

import data.controlgate.lib.packer as pkr
import data.controlgate.lib.tri
import data.controlgate.lib.values as v

_image_types := {"amazon-ebs", "amazon-ebssurrogate", "amazon-instance", "azure-arm", "googlecompute"}

_hardening := `(?i)(^|[^a-z])(cis|stig)([^a-z]|$)|harden|baseline|benchmark`

_generalize := `(?i)waagent.*deprovision|sysprep.*generali[sz]e|generali[sz]e.*sysprep`

_image_builds contains b if {
	some b in input.packer.builds
	some t in pkr.build_types(b)
	t in _image_types
}

applies contains b.id if some b in _image_builds

deny contains tri.failure(c) if some c in _checks

unknown contains tri.unknown(c) if some c in _checks

_checks contains {"resource": b.id, "sub": "no-provisioners", "path": [_provisioner_key(b)], "when": true} if {
	some b in _image_builds
	count(b.provisioners) == 0
}

# No step hardens the image; an unknown value in any step (the first one reported) leaves it undecided.
_checks contains {"resource": b.id, "path": _build_path(b), "when": tri.negate(tri.some_of(
	_build_path(b),
	[x | some p in b.provisioners; some x in _unknowns(p)],
	_hardened(b),
))} if {
	some b in _image_builds
	count(b.provisioners) > 0
}

# azure-arm: the last step does not generalize the image (undecided on an unknown value in it).
_checks contains {
	"resource": b.id, "sub": "no-generalize", "path": last.path,
	"when": tri.negate(tri.some_of(last.path, _unknowns(last), _matches(last, _generalize))),
} if {
	some b in _image_builds
	"azure-arm" in pkr.build_types(b)
	last := _last(b)
}

_checks contains {"resource": b.id, "sub": "no-generalize", "path": [_provisioner_key(b)], "when": true} if {
	some b in _image_builds
	"azure-arm" in pkr.build_types(b)
	count(b.provisioners) == 0
}

# The build as a whole: its block in HCL2; in JSON templates (whose build is the file) the provisioners list.
_build_path(b) := ["provisioners"] if pkr.json_build(b)

_build_path(b) := [] if not pkr.json_build(b)

_provisioner_key(b) := "provisioners" if pkr.json_build(b)

_provisioner_key(b) := "provisioner" if not pkr.json_build(b)

default _hardened(_) := false

_hardened(b) if {
	some p in b.provisioners
	_matches(p, _hardening)
}

default _matches(_, _) := false

_matches(p, pattern) if {
	some s in _strings(p.config)
	regex.match(pattern, s)
}

_strings(config) := [s |
	walk(config, [_, s])
	is_string(s)
]

# The unknown values in a step's configuration, in walk order.
_unknowns(p) := [x |
	walk(p.config, [_, x])
	v.is_unknown(x)
]

_last(b) := p if {
	some p in b.provisioners
	p.index == count(b.provisioners) - 1
}

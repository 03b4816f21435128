# METADATA
# title: Packer Azure and GCP images are built for secure and measured boot
# description: |
#   Trusted Launch on Azure and Shielded VM on Google Cloud verify the boot chain and record it in
#   a virtual TPM, so rootkits and tampered bootloaders are caught. An image built as a standard
#   (non-shielded) image cannot be launched with these protections, and Packer builds that way
#   unless told otherwise.
# custom:
#   id: VMH-PKR-006
#   severity: medium
#   message: Packer image is not built for secure boot with a virtual TPM
#   remediation: |
#     azure-arm: security_type = "TrustedLaunch", secure_boot_enabled = true, vtpm_enabled = true (publish to a
#     Shared Image Gallery definition with the TrustedLaunch security type). googlecompute: enable_secure_boot = true,
#     enable_vtpm = true, enable_integrity_monitoring = true.
#   controls:
#     iso27017: [CLD.9.5.2]
#     iso27002: [A.8.9, A.8.7]
#     soc2: [CC6.8, CC7.1]
#     cis: [CIS GCP v1.2.0 4.8]
#     nist: [SI-7, SI-7(9)]
#   inputs: [packer]
#   equivalents: []
package controlgate.rules.vmh_pkr_006

import data.controlgate.lib.packer as pkr
import data.controlgate.lib.values as v

_flags := {
	"azure-arm": ["secure_boot_enabled", "vtpm_enabled"],
	"googlecompute": ["enable_secure_boot", "enable_vtpm", "enable_integrity_monitoring"],
}

_security_types := {"TrustedLaunch", "ConfidentialVM"}

applies contains s.id if some s in pkr.sources({"azure-arm", "googlecompute"})

deny contains {"resource": s.id, "path": [k]} if {
	some s in pkr.sources({"azure-arm", "googlecompute"})
	some k in _flags[s.type]
	not v.has(s.config, k)
}

deny contains {"resource": s.id, "path": [k], "actual": actual} if {
	some s in pkr.sources({"azure-arm", "googlecompute"})
	some k in _flags[s.type]
	v.has(s.config, k)
	v.known(s.config[k])
	not v.is_true(s.config[k])
	actual := s.config[k]
}

deny contains {"resource": s.id, "path": ["security_type"]} if {
	some s in pkr.sources({"azure-arm"})
	not v.has(s.config, "security_type")
}

deny contains {"resource": s.id, "path": ["security_type"], "actual": s.config.security_type} if {
	some s in pkr.sources({"azure-arm"})
	v.has(s.config, "security_type")
	v.known(s.config.security_type)
	not s.config.security_type in _security_types
}

unknown contains {"resource": s.id, "path": [k], "reason": reason} if {
	some s in pkr.sources({"azure-arm", "googlecompute"})
	some k in array.concat(object.get(_flags, s.type, []), ["security_type"])
	v.is_unknown(s.config[k])
	reason := s.config[k].__unknown__
}

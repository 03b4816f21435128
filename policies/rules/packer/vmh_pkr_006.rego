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
import data.controlgate.lib.tri
import data.controlgate.lib.values as v

_flags := {
	"azure-arm": ["secure_boot_enabled", "vtpm_enabled"],
	"googlecompute": ["enable_secure_boot", "enable_vtpm", "enable_integrity_monitoring"],
}

_security_types := {"TrustedLaunch", "ConfidentialVM"}

applies contains s.id if some s in pkr.sources({"azure-arm", "googlecompute"})

deny contains tri.failure(c) if some c in _checks

unknown contains tri.unknown(c) if some c in _checks

_checks contains tri.fails_unless_in({"resource": s.id}, [], s.config, k, null, v.truthy) if {
	some s in pkr.sources({"azure-arm", "googlecompute"})
	some k in _flags[s.type]
}

_checks contains tri.fails_unless_in({"resource": s.id}, [], s.config, "security_type", null, _security_types) if {
	some s in pkr.sources({"azure-arm"})
}

# googlecompute has no security_type, yet one given by an unknown value is not evaluated.
_checks contains tri.known_check({"resource": s.id}, ["security_type"], s.config.security_type) if {
	some s in pkr.sources({"googlecompute"})
}

# METADATA
# title: Packer AMIs are registered to require IMDSv2 (imds_support = "v2.0")
# description: |
#   An AMI registered with imds_support = "v2.0" makes every instance launched from it require
#   IMDSv2 session tokens by default, whatever the launching tool forgets to set. Packer registers
#   images as "legacy" unless told otherwise, so instances from the golden image accept IMDSv1.
# custom:
#   id: VMH-PKR-002
#   severity: high
#   message: Packer AMI does not enforce IMDSv2 on instances launched from it
#   remediation: |
#     Set imds_support = "v2.0" in the amazon-ebs (or ebssurrogate / instance) source, after checking
#     that the workloads use IMDSv2-capable SDKs and agents.
#   controls:
#     iso27017: [CLD.9.5.2]
#     iso27002: [A.8.9, A.5.23]
#     soc2: [CC6.1, CC8.1]
#     cis: [CIS AWS v3.0.0 5.6]
#     nist: [AC-3, AC-3(15), AC-6, CM-2]
#   inputs: [packer]
#   equivalents: []
package controlgate.rules.vmh_pkr_002

import data.controlgate.lib.packer as pkr
import data.controlgate.lib.tri

# Builders that register an AMI (amazon-ebsvolume produces volumes, not an image).
_types := {"amazon-ebs", "amazon-ebssurrogate", "amazon-instance"}

applies contains s.id if some s in pkr.sources(_types)

deny contains tri.failure(c) if some c in _checks

unknown contains tri.unknown(c) if some c in _checks

_checks contains tri.fails_unless_in({"resource": s.id}, [], s.config, "imds_support", null, {"v2.0"}) if {
	some s in pkr.sources(_types)
}

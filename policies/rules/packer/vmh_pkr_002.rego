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
import data.controlgate.lib.values as v

# Builders that register an AMI (amazon-ebsvolume produces volumes, not an image).
_types := {"amazon-ebs", "amazon-ebssurrogate", "amazon-instance"}

applies contains s.id if some s in pkr.sources(_types)

deny contains {"resource": s.id, "path": ["imds_support"]} if {
	some s in pkr.sources(_types)
	not v.has(s.config, "imds_support")
}

deny contains {"resource": s.id, "path": ["imds_support"], "actual": s.config.imds_support} if {
	some s in pkr.sources(_types)
	v.has(s.config, "imds_support")
	v.known(s.config.imds_support)
	s.config.imds_support != "v2.0"
}

unknown contains {"resource": s.id, "path": ["imds_support"], "reason": s.config.imds_support.__unknown__} if {
	some s in pkr.sources(_types)
	v.is_unknown(s.config.imds_support)
}

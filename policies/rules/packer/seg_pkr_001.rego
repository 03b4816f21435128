# METADATA
# title: Packer AMIs and their snapshots are not made public
# description: |
#   Adding the group "all" to ami_groups or snapshot_groups publishes the golden image or its
#   backing snapshots to every AWS account. Images often contain internal packages, agent
#   configuration and leftovers from provisioning that should never leave the organisation.
# custom:
#   id: SEG-PKR-001
#   severity: critical
#   message: Packer AMI or snapshot is shared publicly
#   remediation: |
#     Remove "all" from ami_groups and snapshot_groups. Share with the organisation through
#     ami_org_arns / ami_ou_arns, or with named accounts through ami_users, using a shareable
#     customer-managed KMS key (see VMH-PKR-003).
#   controls:
#     iso27017: [CLD.9.5.1, CLD.8.1.5]
#     iso27002: [A.8.3, A.8.12, A.5.23]
#     soc2: [CC6.6, CC6.7]
#     cis: []
#     nist: [AC-3, AC-21, AC-4, SC-7]
#   inputs: [packer]
#   equivalents: []
package controlgate.rules.seg_pkr_001

import data.controlgate.lib.packer as pkr
import data.controlgate.lib.values as v

_types := {"amazon-ebs", "amazon-ebssurrogate", "amazon-instance"}

_keys := ["ami_groups", "snapshot_groups"]

applies contains s.id if some s in pkr.sources(_types)

deny contains {"resource": s.id, "path": [k], "actual": actual} if {
	some s in pkr.sources(_types)
	some k in _keys
	_public(s.config[k])
	actual := s.config[k]
}

unknown contains {"resource": s.id, "path": [k], "reason": reason} if {
	some s in pkr.sources(_types)
	some k in _keys
	v.any_unknown(s.config[k])
	not _public(s.config[k])
	reason := _reason(s.config[k])
}

_public(groups) if {
	is_array(groups)
	"all" in groups
}

_public("all")

_reason(x) := x.__unknown__ if v.is_unknown(x)

_reason(x) := [e.__unknown__ | some e in x; v.is_unknown(e)][0] if is_array(x)

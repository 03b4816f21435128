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
import data.controlgate.lib.tri
import data.controlgate.lib.values as v

_types := {"amazon-ebs", "amazon-ebssurrogate", "amazon-instance"}

_keys := ["ami_groups", "snapshot_groups"]

applies contains s.id if some s in pkr.sources(_types)

deny contains tri.failure(c) if some c in _checks

unknown contains tri.unknown(c) if some c in _checks

# Shared with the group "all": in a list of groups, or the group itself.
_checks contains object.union(
	{"resource": s.id, "path": [k], "when": tri.some_of([k], groups, _public(groups))},
	v.actual(s.config, k),
) if {
	some s in pkr.sources(_types)
	some k in _keys
	groups := s.config[k]
}

_public(groups) if {
	is_array(groups)
	"all" in groups
} else := groups == "all"

# METADATA
# title: VMs do not forward or route traffic unless they are designated network appliances
# description: |
#   A VM allowed to forward packets (or with the source/destination check disabled) can route traffic
#   between networks and around the firewalls and route tables that define the segmentation. Only
#   purpose-built NAT, firewall or router appliances should do that.
# custom:
#   id: NET-MULTI-002
#   severity: medium
#   message: VM is allowed to forward traffic
#   remediation: |
#     Remove can_ip_forward = true (GCP), ip_forwarding_enabled / enable_ip_forwarding = true (Azure NIC)
#     and source_dest_check = false (AWS); use managed NAT gateways and firewalls. Designated appliances
#     may be tagged (or labelled) role = "nat", "firewall", "router" or "appliance".
#   controls:
#     iso27017: [CLD.13.1.4, CLD.9.5.1]
#     iso27002: [A.8.20, A.8.22]
#     soc2: [CC6.6]
#     cis: [CIS GCP v1.2.0 4.6]
#     nist: [AC-4, SC-7]
#   inputs: [terraform]
#   equivalents: [CKV_GCP_36, CKV_AZURE_118, AVD-GCP-0043, AVD-AZU-0075, FG_R00416]
package controlgate.rules.net_multi_002

import data.controlgate.lib.tags
import data.controlgate.lib.terraform as tf
import data.controlgate.lib.tri
import data.controlgate.lib.values as v

_appliance_roles := {"nat", "firewall", "router", "appliance"}

# [attribute, value that means forwarding] per type
_forwarding := {
	"google_compute_instance": [["can_ip_forward", true]],
	"google_compute_instance_template": [["can_ip_forward", true]],
	"google_compute_instance_from_template": [["can_ip_forward", true]],
	"azurerm_network_interface": [["ip_forwarding_enabled", true], ["enable_ip_forwarding", true]],
	"aws_instance": [["source_dest_check", false]],
	"aws_network_interface": [["source_dest_check", false]],
}

_candidates := [r |
	some r in tf.resources({t | some t, _ in _forwarding})
	not tags.has_role(r, _appliance_roles)
]

applies contains r.id if some r in _candidates

deny contains tri.failure(c) if some c in _checks

unknown contains tri.unknown(c) if some c in _checks

_checks contains tri.fails_if_in({"resource": r.id}, [], r.config, key, null, values) if {
	some r in _candidates
	some [key, forwards] in _forwarding[r.type]
	values := _meaning[forwards]
}

_meaning := {true: v.truthy, false: v.falsy}

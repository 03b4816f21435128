# METADATA
# title: Connections between networks (transit gateways, peerings) are approved explicitly and route only what is needed
# description: |
#   A transit gateway that accepts every shared attachment, or a peering that carries a default route
#   or transitive traffic, joins networks that were meant to stay apart. Each connection between
#   networks should be a deliberate decision that carries only the routes it needs.
# custom:
#   id: SEG-MULTI-002
#   severity: high
#   message: Transit gateway accepts shared attachments automatically
#   remediation: |
#     Keep auto_accept_shared_attachments = "disable" on aws_ec2_transit_gateway; route only the
#     required CIDRs over VPC peering (never 0.0.0.0/0 or ::/0); on Azure peerings enable
#     allow_forwarded_traffic / allow_gateway_transit / use_remote_gateways only in an approved hub and
#     spoke design; on GCP peerings export or import custom routes only where approved.
#   controls:
#     iso27017: [CLD.9.5.1, CLD.13.1.4]
#     iso27002: [A.8.22, A.8.21]
#     soc2: [CC6.6, CC6.7]
#     cis: [CIS AWS v3.0.0 5.5]
#     nist: [AC-4(21), CA-9(1), CM-2, SC-7]
#   subresults:
#     peering-default-route:
#       severity: medium
#       message: Default route is sent over a VPC peering connection
#     azure-transit:
#       severity: low
#       message: Azure VNet peering allows forwarded or gateway transit traffic
#     gcp-routes:
#       severity: low
#       message: GCP network peering exchanges custom or public-IP subnet routes
#   inputs: [terraform]
#   equivalents: []
package controlgate.rules.seg_multi_002

import data.controlgate.lib.network
import data.controlgate.lib.terraform as tf
import data.controlgate.lib.tri
import data.controlgate.lib.values as v

_azure_flags := ["allow_forwarded_traffic", "allow_gateway_transit", "use_remote_gateways"]

_gcp_flags := ["export_custom_routes", "import_custom_routes", "export_subnet_routes_with_public_ip"]

applies contains r.id if some r in tf.resources({
	"aws_ec2_transit_gateway", "aws_route", "aws_route_table",
	"azurerm_virtual_network_peering", "google_compute_network_peering",
})

deny contains tri.failure(c) if some c in _checks

unknown contains tri.unknown(c) if some c in _checks

_checks contains tri.fails_if_in({"resource": r.id}, [], r.config, key, null, {"enable"}) if {
	some r in tf.resources({"aws_ec2_transit_gateway"})
	key := "auto_accept_shared_attachments"
}

# Routes over VPC peering: aws_route, and route blocks of aws_route_table.
_routes contains {
	"r": r,
	"base": [],
	"route": r.config,
	"keys": ["destination_cidr_block", "destination_ipv6_cidr_block"],
} if {
	some r in tf.resources({"aws_route"})
}

_routes contains {"r": r, "base": ["route", i], "route": rt, "keys": ["cidr_block", "ipv6_cidr_block"]} if {
	some r in tf.resources({"aws_route_table"})
	some i, rt in v.blocks(r.config, "route")
}

_checks contains {
	"resource": x.r.id, "sub": "peering-default-route", "path": p, "actual": cidr,
	"when": tri.of(p, cidr, network.has_world_cidr(cidr)),
} if {
	some x in _routes
	v.has(x.route, "vpc_peering_connection_id")
	some k in x.keys
	cidr := x.route[k]
	p := array.concat(x.base, [k])
}

_checks contains tri.fails_if_in({"resource": r.id, "sub": sub}, [], r.config, k, null, v.truthy) if {
	some [type, flags, sub] in [
		["azurerm_virtual_network_peering", _azure_flags, "azure-transit"],
		["google_compute_network_peering", _gcp_flags, "gcp-routes"],
	]
	some r in tf.resources({type})
	some k in flags
}

# METADATA
# title: Packer azure-arm build VMs are not reachable from the whole Internet
# description: |
#   Outside an existing virtual network, the azure-arm builder gives the build VM a public IP and, with
#   the default Standard SKU and no allowed_inbound_ip_addresses, a security group rule that admits
#   the communicator port (SSH or WinRM) from any source. The VM is then exposed to the Internet for
#   the whole build, usually with a freshly created administrator account.
# custom:
#   id: NET-PKR-003
#   severity: high
#   message: Packer azure-arm build VM admits the communicator port from anywhere
#   remediation: |
#     Build inside an existing network with virtual_network_name, virtual_network_subnet_name and
#     virtual_network_resource_group_name from a runner that can reach it, or set
#     allowed_inbound_ip_addresses = ["<runner-egress-ip>/32"]. Never list "*" or 0.0.0.0/0.
#   controls:
#     iso27017: [CLD.13.1.4, CLD.9.5.2]
#     iso27002: [A.8.20, A.8.9]
#     soc2: [CC6.6]
#     cis: [CIS Azure v1.3.0 6.1, CIS Azure v1.3.0 6.2]
#     nist: [AC-4, AC-17, CM-7, SC-7]
#   subresults:
#     vnet-public-ip:
#       severity: low
#       message: Packer azure-arm build VM in an existing virtual network is also given a public IP
#   inputs: [packer]
#   equivalents: []
package controlgate.rules.net_pkr_003

import data.controlgate.lib.packer as pkr
import data.controlgate.lib.tri
import data.controlgate.lib.values as v

_allowed := "allowed_inbound_ip_addresses"

_vnet := "virtual_network_name"

_public_ip := "private_virtual_network_with_public_ip"

# Sources an Azure security rule reads as "every address".
_world := {"*", "0.0.0.0/0", "::/0", "0.0.0.0", "internet", "any"}

applies contains s.id if some s in pkr.sources({"azure-arm"})

deny contains tri.failure(c) if some c in _checks

unknown contains tri.unknown(c) if some c in _checks

# Temporary network, no allowed addresses: the generated rule admits any source.
_checks contains {"resource": s.id, "path": [_allowed], "when": tri.all_hold([
	_temporary_network(s.config),
	v.unset(s.config, _allowed),
])} if {
	some s in pkr.sources({"azure-arm"})
}

# Allowed addresses that include the world. An unknown address leaves it undecided only while the
# network may be the temporary one (virtual_network_name not known to be set).
_checks contains {"resource": s.id, "path": [_allowed], "actual": allowed, "when": tri.any_holds([
	_has_world(allowed),
	tri.all_hold([v.unset_known(s.config, _vnet), tri.some_of([_allowed], allowed, false)]),
])} if {
	some s in pkr.sources({"azure-arm"})
	allowed := object.get(s.config, _allowed, null)
}

_checks contains object.union(
	{"resource": s.id, "sub": "vnet-public-ip", "path": [_public_ip], "when": tri.all_hold([
		v.is_literal_string(object.get(s.config, _vnet, null)),
		tri.is_in([_public_ip], s.config, _public_ip, null, v.truthy),
	])},
	v.actual(s.config, _public_ip),
) if {
	some s in pkr.sources({"azure-arm"})
}

# A network Packer creates: virtual_network_name unset or empty (unknown when it is).
_temporary_network(config) := tri.of(["virtual_network_name"], x, _unset_or_empty(config)) if {
	x := object.get(config, "virtual_network_name", null)
}

default _unset_or_empty(_) := false

_unset_or_empty(config) if not v.has(config, "virtual_network_name")

_unset_or_empty(config) if config.virtual_network_name == ""

default _has_world(_) := false

_has_world(list) if {
	is_array(list)
	some a in list
	is_string(a)
	lower(a) in _world
}

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
import data.controlgate.lib.values as v

_allowed := "allowed_inbound_ip_addresses"

_vnet := "virtual_network_name"

# Sources an Azure security rule reads as "every address".
_world := {"*", "0.0.0.0/0", "::/0", "0.0.0.0", "internet", "any"}

applies contains s.id if some s in pkr.sources({"azure-arm"})

# Temporary network, no allowed addresses: the generated rule admits any source.
deny contains {"resource": s.id, "path": [_allowed]} if {
	some s in _temporary_network
	not v.has(s.config, _allowed)
}

deny contains {"resource": s.id, "path": [_allowed], "actual": s.config[_allowed]} if {
	some s in pkr.sources({"azure-arm"})
	_has_world(s.config[_allowed])
}

deny contains {
	"resource": s.id,
	"sub": "vnet-public-ip",
	"path": ["private_virtual_network_with_public_ip"],
	"actual": s.config.private_virtual_network_with_public_ip,
} if {
	some s in pkr.sources({"azure-arm"})
	v.literal_string(s.config[_vnet])
	v.is_true(s.config.private_virtual_network_with_public_ip)
}

unknown contains {"resource": s.id, "path": [_vnet], "reason": s.config[_vnet].__unknown__} if {
	some s in pkr.sources({"azure-arm"})
	v.is_unknown(s.config[_vnet])
	_no_allowed(s.config)
}

unknown contains {"resource": s.id, "path": [_allowed], "reason": _reason(s.config[_allowed])} if {
	some s in pkr.sources({"azure-arm"})
	not v.set_known(s.config, _vnet)
	v.any_unknown(s.config[_allowed])
	not _has_world(s.config[_allowed])
}

unknown contains {
	"resource": s.id, "sub": "vnet-public-ip",
	"path": ["private_virtual_network_with_public_ip"],
	"reason": s.config.private_virtual_network_with_public_ip.__unknown__,
} if {
	some s in pkr.sources({"azure-arm"})
	v.literal_string(s.config[_vnet])
	v.is_unknown(s.config.private_virtual_network_with_public_ip)
}

# Sources built in a network Packer creates: virtual_network_name known to be unset or empty.
_temporary_network contains s if {
	some s in pkr.sources({"azure-arm"})
	not v.has(s.config, _vnet)
}

_temporary_network contains s if {
	some s in pkr.sources({"azure-arm"})
	s.config[_vnet] == ""
}

_no_allowed(config) if not v.has(config, _allowed)

_has_world(list) if {
	is_array(list)
	some a in list
	is_string(a)
	lower(a) in _world
}

_reason(x) := x.__unknown__ if v.is_unknown(x)

_reason(x) := r if {
	not v.is_unknown(x)
	r := [e.__unknown__ | some e in x; v.is_unknown(e)][0]
}

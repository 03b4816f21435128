# METADATA
# title: Azure subnets must be protected by a network security group
# description: |
#   A subnet with no NSG, and whose network interfaces carry none either, filters nothing: every
#   port of every VM in it is reachable from wherever routing allows. Associating an NSG per tier is
#   the baseline for segmenting Azure networks.
# custom:
#   id: NET-AZ-002
#   severity: medium
#   message: Subnet has no network security group association
#   remediation: |
#     Create an azurerm_network_security_group for the tier and an
#     azurerm_subnet_network_security_group_association { subnet_id = azurerm_subnet.<name>.id
#     network_security_group_id = azurerm_network_security_group.<name>.id } (or associate an NSG
#     with every network interface in the subnet).
#   controls:
#     iso27017: [CLD.13.1.4, CLD.9.5.1]
#     iso27002: [A.8.20, A.8.22]
#     soc2: [CC6.6, CC6.1]
#     cis: []
#     nist: [AC-4, SC-7]
#   inputs: [terraform]
#   equivalents: [CKV2_AZURE_31]
package controlgate.rules.net_az_002

import data.controlgate.lib.terraform as tf
import data.controlgate.lib.tri
import data.controlgate.lib.values as v

# Platform subnets that do not take (or must not have) a customer NSG.
_exempt := {
	"gatewaysubnet", "azurefirewallsubnet", "azurefirewallmanagementsubnet",
	"azurebastionsubnet", "routeserversubnet",
}

_subnets contains s if {
	some s in tf.resources({"azurerm_subnet"})
	not _is_exempt(s)
}

_is_exempt(s) if _known_exempt(s)

_is_exempt(s) if v.is_unknown(s.config.name)

applies contains s.id if {
	some s in tf.resources({"azurerm_subnet"})
	not _known_exempt(s)
}

_known_exempt(s) if lower(s.config.name) in _exempt

deny contains tri.failure(c) if some c in _checks

unknown contains u if {
	some c in _checks
	some u in tri.unknown_records(c)
}

_checks contains tri.known_check({"resource": s.id}, ["name"], s.config.name) if {
	some s in tf.resources({"azurerm_subnet"})
}

_checks contains {"resource": s.id, "path": [], "when": _unprotected(s)} if some s in _subnets

# No NSG on the subnet, nor on each of its interfaces. An association in the module that points at a
# subnet (or interface) the scanner cannot resolve may be the missing one.
_unprotected(s) := false if {
	_subnet_associated(s)
} else := tri.of_reasons([], refs, true) if {
	refs := _unresolved_subnet_refs(s)
	count(refs) > 0
} else := false if {
	_nics_all_covered(s)
} else := tri.of_reasons([], _unresolved_nic_refs(s), true)

_subnet_associated(s) if {
	some a in tf.in_module(s, "azurerm_subnet_network_security_group_association")
	some x in tf.referenced(a, a.config.subnet_id)
	x.id == s.id
}

_unresolved_subnet_refs(s) := {_expr(a.config.subnet_id) |
	some a in tf.in_module(s, "azurerm_subnet_network_security_group_association")
	count(tf.referenced(a, a.config.subnet_id)) == 0
}

_expr(x) := x.__unknown__ if v.is_unknown(x)

else := json.marshal(x)

# Network interfaces whose ip_configuration sits in subnet s.
_nics(s) := [n |
	some n in tf.in_module(s, "azurerm_network_interface")
	some ipc in v.blocks(n.config, "ip_configuration")
	some x in tf.referenced(n, ipc.subnet_id)
	x.id == s.id
]

_nic_associated(n) if {
	some a in tf.in_module(n, "azurerm_network_interface_security_group_association")
	some x in tf.referenced(a, a.config.network_interface_id)
	x.id == n.id
}

# Every interface of the subnet has its own NSG (and there is at least one).
_nics_all_covered(s) if {
	nics := _nics(s)
	count(nics) > 0
	every n in nics {
		_nic_associated(n)
	}
}

_unresolved_nic_refs(s) := {_expr(a.config.network_interface_id) |
	count(_nics(s)) > 0
	some a in tf.in_module(s, "azurerm_network_interface_security_group_association")
	count(tf.referenced(a, a.config.network_interface_id)) == 0
}

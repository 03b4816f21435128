# METADATA
# title: Virtual machines get no public IP address of their own
# description: |
#   A public address on the VM itself makes every listening service reachable from the Internet and
#   bypasses the load balancers, bastions and firewalls meant to stand in front of workloads. VMs
#   belong in private subnets, reached through a managed access path.
# custom:
#   id: VMH-MULTI-001
#   severity: high
#   message: Virtual machine is given a public IP address
#   remediation: |
#     AWS: set associate_public_ip_address = false (launch templates: "false" in network_interfaces) and
#     use private subnets with SSM Session Manager. Azure: remove public_ip_address_id from the NIC's
#     ip_configuration and use Azure Bastion or a load balancer. GCP: remove the access_config block
#     from network_interface and use IAP TCP forwarding or Cloud NAT. Designated bastion or ingress
#     hosts may be tagged (or labelled) role = "bastion" / "ingress".
#   controls:
#     iso27017: [CLD.9.5.2, CLD.13.1.4]
#     iso27002: [A.8.20, A.8.22, A.5.23]
#     soc2: [CC6.6, CC6.1]
#     cis: [CIS GCP v1.2.0 4.9]
#     nist: [AC-3, AC-4, AC-4(21), AC-21, SC-7, SC-7(3), SC-7(4)]
#   inputs: [terraform]
#   equivalents: [CKV_AWS_88, CKV_AZURE_119, CKV2_AZURE_39, CKV_GCP_40, AVD-AWS-0009, AVD-AZU-0076, AVD-GCP-0031,
#     FG_R00271, FG_R00419]
package controlgate.rules.vmh_multi_001

import data.controlgate.lib.tags
import data.controlgate.lib.terraform as tf
import data.controlgate.lib.tri
import data.controlgate.lib.values as v

_exempt_roles := {"bastion", "ingress"}

_aws_flat := {"aws_instance", "aws_launch_configuration"}

_gcp := {"google_compute_instance", "google_compute_instance_template", "google_compute_instance_from_template"}

_vms := {"azurerm_linux_virtual_machine", "azurerm_windows_virtual_machine", "azurerm_virtual_machine"}

_types := (_aws_flat | _gcp) | {"aws_launch_template", "azurerm_network_interface"}

_candidates := [r |
	some r in tf.resources(_types)
	not tags.has_role(r, _exempt_roles)
]

applies contains r.id if some r in _candidates

deny contains tri.failure(c) if some c in _checks

unknown contains tri.unknown(c) if some c in _checks

# AWS instances and launch configurations
_checks contains tri.fails_if_in({"resource": r.id}, [], r.config, "associate_public_ip_address", null, v.truthy) if {
	some r in _candidates
	r.type in _aws_flat
}

# AWS launch templates
_checks contains tri.fails_if_in({"resource": r.id}, base, ni, "associate_public_ip_address", null, v.truthy) if {
	some r in _candidates
	r.type == "aws_launch_template"
	some i, ni in v.blocks(r.config, "network_interfaces")
	base := ["network_interfaces", i]
}

_checks contains tri.known_check({"resource": r.id}, ["network_interfaces"], r.config.network_interfaces) if {
	some r in _candidates
	r.type == "aws_launch_template"
}

# GCP instances and templates: any access_config block (even empty) gives an external address.
deny contains {"resource": r.id, "path": ["network_interface", i, "access_config", j]} if {
	some r in _candidates
	r.type in _gcp
	some i, ni in v.blocks(r.config, "network_interface")
	some j, _ in v.blocks(ni, "access_config")
}

_checks contains tri.known_check({"resource": r.id}, ["network_interface"], r.config.network_interface) if {
	some r in _candidates
	r.type in _gcp
}

_checks contains tri.known_check({"resource": r.id}, ["network_interface", i, "access_config"], ni.access_config) if {
	some r in _candidates
	r.type in _gcp
	some i, ni in v.blocks(r.config, "network_interface")
}

# Azure network interfaces with a public IP, attached to a VM declared in the same module.
deny contains {"resource": r.id, "path": ["ip_configuration", i, "public_ip_address_id"]} if {
	some r in _candidates
	r.type == "azurerm_network_interface"
	some i, ipc in v.blocks(r.config, "ip_configuration")
	_public_ip_set(ipc.public_ip_address_id)
	_attached_vms(r) != []
}

# A public IP on a NIC that no VM of this module uses: the VM it serves is not visible here.
unknown contains {
	"resource": r.id,
	"path": ["ip_configuration", i, "public_ip_address_id"],
	"reason": "network interface not attached to a VM declared in this module",
} if {
	some r in _candidates
	r.type == "azurerm_network_interface"
	some i, ipc in v.blocks(r.config, "ip_configuration")
	_public_ip_set(ipc.public_ip_address_id)
	tf.referrers(r, _vms, "network_interface_ids") == []
}

unknown contains {
	"resource": r.id,
	"path": ["ip_configuration", i, "public_ip_address_id"],
	"reason": ipc.public_ip_address_id.__unknown__,
} if {
	some r in _candidates
	r.type == "azurerm_network_interface"
	some i, ipc in v.blocks(r.config, "ip_configuration")
	v.is_unknown(ipc.public_ip_address_id)
	not tf.ref_address(ipc.public_ip_address_id)
}

_checks contains tri.known_check({"resource": r.id}, ["ip_configuration"], r.config.ip_configuration) if {
	some r in _candidates
	r.type == "azurerm_network_interface"
}

_public_ip_set(x) if {
	is_string(x)
	x != ""
}

# A reference to a resource or data source attribute (azurerm_public_ip.x.id) is always set.
_public_ip_set(x) if tf.ref_address(x)

_attached_vms(nic) := [vm |
	some vm in tf.referrers(nic, _vms, "network_interface_ids")
	not tags.has_role(vm, _exempt_roles)
]

# METADATA
# title: Workloads run in purpose-built networks, not the provider's default network
# description: |
#   Default networks are created for convenience: AWS default VPC subnets give every instance a
#   public address and GCP's default network comes with broad firewall rules and a subnet in every
#   region. Workloads placed there skip the segmentation a designed network provides.
# custom:
#   id: SEG-MULTI-001
#   severity: medium
#   message: Workload is deployed into a provider default network
#   remediation: |
#     AWS: give every aws_instance a subnet_id (or network_interface) in a purpose-built VPC rather than
#     an aws_default_subnet. GCP: set auto_create_network = false on google_project, use custom-mode
#     networks (auto_create_subnetworks = false) and attach instances to their subnetworks, not "default".
#   controls:
#     iso27017: [CLD.9.5.1, CLD.13.1.4]
#     iso27002: [A.8.22, A.8.20, A.5.23]
#     soc2: [CC6.1, CC6.6]
#     cis: [CIS GCP v1.2.0 3.1]
#     nist: [SC-7, AC-4, CM-7]
#   subresults:
#     default-subnet:
#       severity: low
#       message: Instance is placed in an adopted AWS default subnet
#     auto-subnets:
#       severity: low
#       message: GCP network creates subnets automatically (auto mode)
#   inputs: [terraform]
#   equivalents: [CKV_GCP_27, AVD-AWS-0101, AVD-GCP-0010]
package controlgate.rules.seg_multi_001

import data.controlgate.lib.terraform as tf
import data.controlgate.lib.tri
import data.controlgate.lib.values as v

_gcp_vms := {"google_compute_instance", "google_compute_instance_template", "google_compute_instance_from_template"}

applies contains r.id if {
	some r in tf.resources(_gcp_vms | {"aws_instance", "google_project", "google_compute_network"})
}

# AWS: no subnet and no network interface: the instance lands in the default VPC.
deny contains {"resource": r.id, "path": ["subnet_id"]} if {
	some r in tf.resources({"aws_instance"})
	not v.has(r.config, "subnet_id")
	not v.has(r.config, "network_interface")
}

deny contains {"resource": r.id, "path": ["subnet_id"], "sub": "default-subnet"} if {
	some r in tf.resources({"aws_instance"})
	some x in tf.referenced(r, r.config.subnet_id)
	x.type == "aws_default_subnet"
}

unknown contains {
	"resource": r.id,
	"path": ["network_interface"],
	"reason": r.config.network_interface.__unknown__,
} if {
	some r in tf.resources({"aws_instance"})
	not v.has(r.config, "subnet_id")
	v.is_unknown(r.config.network_interface)
}

deny contains tri.failure(c) if some c in _checks

unknown contains tri.unknown(c) if some c in _checks

# GCP projects get an auto-mode "default" network unless told otherwise.
_checks contains tri.fails_if_in({"resource": r.id}, [], r.config, "auto_create_network", true, v.truthy) if {
	some r in tf.resources({"google_project"})
}

_checks contains tri.fails_if_in(rec, [], r.config, "auto_create_subnetworks", true, v.truthy) if {
	some r in tf.resources({"google_compute_network"})
	rec := {"resource": r.id, "sub": "auto-subnets"}
}

deny contains {"resource": r.id, "path": ["network_interface", i, "network"], "actual": ni.network} if {
	some r in tf.resources(_gcp_vms)
	some i, ni in v.blocks(r.config, "network_interface")
	_default_network(ni.network)
}

_default_network("default")

_default_network(n) if {
	is_string(n)
	endswith(n, "/global/networks/default")
}

# A network given by a variable may be "default"; a reference to a declared network is not.
unknown contains {"resource": r.id, "path": ["network_interface", i, "network"], "reason": ni.network.__unknown__} if {
	some r in tf.resources(_gcp_vms)
	some i, ni in v.blocks(r.config, "network_interface")
	v.is_unknown(ni.network)
	not tf.ref_address(ni.network)
	not v.has(ni, "subnetwork")
}

_checks contains tri.known_check({"resource": r.id}, ["network_interface"], r.config.network_interface) if {
	some r in tf.resources(_gcp_vms)
}

# A small cloud-baseline policy set for conftest (--parser hcl2), so that conftest does work comparable
# to the other scanners in the benchmark: the same kinds of checks Controlgate's rules make (IMDSv2,
# volume encryption, open ingress, flow logs, VM hardening, firewall sources, bucket exposure).
# Input shape (conftest's hcl2 parser): input.resource.<type>.<name> is a list of block bodies, and
# nested blocks are lists too. Benchmark input only: not part of the product.
package main

import rego.v1

resources(t) := [[name, body] |
	some name, bodies in object.get(input, ["resource", t], {})
	some body in as_list(bodies)
]

as_list(x) := x if is_array(x)

as_list(x) := [x] if not is_array(x)

blocks(body, key) := as_list(object.get(body, key, []))

open_cidr(c) if c in {"0.0.0.0/0", "::/0", "*", "Internet"}

# IMDSv2 required on instances and launch templates.
deny contains msg if {
	some t in {"aws_instance", "aws_launch_template"}
	some [name, body] in resources(t)
	not imds_required(body)
	msg := sprintf("%s.%s: IMDSv2 not required", [t, name])
}

imds_required(body) if {
	some mo in blocks(body, "metadata_options")
	mo.http_tokens == "required"
}

# Hop limit above 1.
deny contains msg if {
	some t in {"aws_instance", "aws_launch_template"}
	some [name, body] in resources(t)
	some mo in blocks(body, "metadata_options")
	is_number(mo.http_put_response_hop_limit)
	mo.http_put_response_hop_limit > 1
	msg := sprintf("%s.%s: metadata hop limit above 1", [t, name])
}

# Unencrypted root, block device and EBS volumes.
deny contains msg if {
	some [name, body] in resources("aws_instance")
	some rbd in blocks(body, "root_block_device")
	object.get(rbd, "encrypted", false) == false
	msg := sprintf("aws_instance.%s: root volume not encrypted", [name])
}

deny contains msg if {
	some [name, body] in resources("aws_launch_template")
	some bdm in blocks(body, "block_device_mappings")
	some ebs in blocks(bdm, "ebs")
	object.get(ebs, "encrypted", false) == false
	msg := sprintf("aws_launch_template.%s: EBS not encrypted", [name])
}

deny contains msg if {
	some [name, body] in resources("aws_ebs_volume")
	object.get(body, "encrypted", false) == false
	msg := sprintf("aws_ebs_volume.%s: not encrypted", [name])
}

# Public IPs.
deny contains msg if {
	some [name, body] in resources("aws_instance")
	body.associate_public_ip_address == true
	msg := sprintf("aws_instance.%s: public IP", [name])
}

deny contains msg if {
	some [name, body] in resources("aws_subnet")
	body.map_public_ip_on_launch == true
	msg := sprintf("aws_subnet.%s: maps public IPs on launch", [name])
}

# Security groups open to the world.
deny contains msg if {
	some [name, body] in resources("aws_security_group")
	some ing in blocks(body, "ingress")
	some c in as_list(object.get(ing, "cidr_blocks", []))
	open_cidr(c)
	msg := sprintf("aws_security_group.%s: ingress from %s", [name, c])
}

deny contains msg if {
	some [name, body] in resources("aws_security_group_rule")
	body.type == "ingress"
	some c in as_list(object.get(body, "cidr_blocks", []))
	open_cidr(c)
	msg := sprintf("aws_security_group_rule.%s: ingress from %s", [name, c])
}

deny contains msg if {
	some [name, body] in resources("aws_vpc_security_group_ingress_rule")
	open_cidr(object.get(body, "cidr_ipv4", ""))
	msg := sprintf("aws_vpc_security_group_ingress_rule.%s: ingress from anywhere", [name])
}

# VPC without a flow log in the same file.
deny contains msg if {
	some [name, _] in resources("aws_vpc")
	count(resources("aws_flow_log")) == 0
	msg := sprintf("aws_vpc.%s: no flow log", [name])
}

deny contains msg if {
	some [name, body] in resources("aws_flow_log")
	object.get(body, "traffic_type", "ALL") != "ALL"
	msg := sprintf("aws_flow_log.%s: not all traffic", [name])
}

# S3 public access block.
deny contains msg if {
	some [name, body] in resources("aws_s3_bucket_public_access_block")
	some a in ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"]
	object.get(body, a, false) == false
	msg := sprintf("aws_s3_bucket_public_access_block.%s: %s is false", [name, a])
}

# Azure.
deny contains msg if {
	some [name, body] in resources("azurerm_linux_virtual_machine")
	object.get(body, "disable_password_authentication", true) == false
	msg := sprintf("azurerm_linux_virtual_machine.%s: password authentication", [name])
}

deny contains msg if {
	some t in {"azurerm_linux_virtual_machine", "azurerm_windows_virtual_machine"}
	some [name, body] in resources(t)
	object.get(body, "encryption_at_host_enabled", false) == false
	msg := sprintf("%s.%s: no encryption at host", [t, name])
}

deny contains msg if {
	some [name, body] in resources("azurerm_network_security_rule")
	body.direction == "Inbound"
	body.access == "Allow"
	open_cidr(object.get(body, "source_address_prefix", ""))
	msg := sprintf("azurerm_network_security_rule.%s: inbound from anywhere", [name])
}

deny contains msg if {
	some [name, body] in resources("azurerm_network_watcher_flow_log")
	some rp in blocks(body, "retention_policy")
	rp.days < 90
	msg := sprintf("azurerm_network_watcher_flow_log.%s: retention below 90 days", [name])
}

deny contains msg if {
	some [name, body] in resources("azurerm_key_vault")
	object.get(body, "purge_protection_enabled", false) == false
	msg := sprintf("azurerm_key_vault.%s: no purge protection", [name])
}

# Google.
deny contains msg if {
	some [name, body] in resources("google_compute_instance")
	not secure_boot(body)
	msg := sprintf("google_compute_instance.%s: secure boot off", [name])
}

secure_boot(body) if {
	some s in blocks(body, "shielded_instance_config")
	s.enable_secure_boot == true
}

deny contains msg if {
	some [name, body] in resources("google_compute_instance")
	m := object.get(body, "metadata", {})
	is_object(m)
	object.get(m, "enable-oslogin", "FALSE") != "TRUE"
	msg := sprintf("google_compute_instance.%s: OS Login off", [name])
}

deny contains msg if {
	some [name, body] in resources("google_compute_instance")
	some ni in blocks(body, "network_interface")
	count(blocks(ni, "access_config")) > 0
	msg := sprintf("google_compute_instance.%s: public IP", [name])
}

deny contains msg if {
	some [name, body] in resources("google_compute_firewall")
	some c in as_list(object.get(body, "source_ranges", []))
	open_cidr(c)
	msg := sprintf("google_compute_firewall.%s: source %s", [name, c])
}

deny contains msg if {
	some [name, body] in resources("google_compute_subnetwork")
	count(blocks(body, "log_config")) == 0
	msg := sprintf("google_compute_subnetwork.%s: no flow logs", [name])
}

deny contains msg if {
	some [name, body] in resources("google_storage_bucket")
	object.get(body, "uniform_bucket_level_access", false) == false
	msg := sprintf("google_storage_bucket.%s: no uniform access", [name])
}

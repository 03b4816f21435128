# METADATA
# title: Compute, network, key and image resources carry an owner tag or label
# description: |
#   Knowing who owns a VM, network, key or image is what makes shared-responsibility work in practice:
#   who patches it, who answers an incident, who decides when it is deleted. Resources without an
#   owner drift out of every inventory.
# custom:
#   id: SHR-MULTI-002
#   severity: low
#   message: Resource has no owner tag or label
#   remediation: |
#     Add an owner tag (AWS tags, or provider "aws" default_tags { tags = { owner = ... } }; Azure
#     tags) or label (GCP labels), and on Packer images tags / azure_tags / image_labels with owner
#     plus provenance such as source_ami = "{{ .SourceAMI }}" and the build id.
#   controls:
#     iso27017: [CLD.6.3.1, CLD.8.1.5]
#     iso27002: [A.5.9, A.5.2, A.5.12, A.5.23]
#     soc2: [CC3.2, CC1.3, CC6.1]
#     cis: []
#     nist: [CM-8, CM-8(4)]
#   inputs: [terraform, packer]
#   equivalents: []
package controlgate.rules.shr_multi_002

import data.controlgate.lib.packer as pkr
import data.controlgate.lib.terraform as tf
import data.controlgate.lib.tri
import data.controlgate.lib.values as v

# Keys that name an owner (lower case): `owner-tag-keys` in .controlgate.yml replaces this set
# (README, docs/schemas/config.schema.json list it); keys are compared case-insensitively, and a
# namespaced key (app:owner, example.com/team) counts by its last segment.
_default_owner_keys := {
	"owner", "owners", "owned_by", "owned-by", "ownedby", "owner_team", "owner-team", "owner_email",
	"owner-email", "team", "squad", "contact", "maintainer", "technical_owner", "technical-owner",
	"business_owner", "business-owner",
}

_owner_keys := {lower(k) | some k in input.settings.owner_tag_keys} if {
	is_array(input.settings.owner_tag_keys)
	count(input.settings.owner_tag_keys) > 0
} else := _default_owner_keys

_owner_key(k) if k in _owner_keys

_owner_key(k) if {
	some m in regex.find_all_string_submatch_n(`[:/.]([^:/.]+)$`, k, 1)
	m[1] in _owner_keys
}

default _names_owner(_) := false

_names_owner(keys) if {
	some k in keys
	_owner_key(k)
}

# The key a finding names as missing: owner when accepted, else the first accepted key.
_shown_key := "owner" if "owner" in _owner_keys

else := sort(_owner_keys)[0]

_aws := {"aws_instance", "aws_launch_template", "aws_vpc", "aws_subnet", "aws_security_group", "aws_kms_key", "aws_ami"}

_azure := {
	"azurerm_linux_virtual_machine", "azurerm_windows_virtual_machine", "azurerm_virtual_network",
	"azurerm_network_security_group", "azurerm_key_vault",
}

_gcp := {"google_compute_instance", "google_compute_disk", "google_compute_image", "google_kms_crypto_key"}

_attr(type) := "labels" if type in _gcp

else := "tags"

applies contains r.id if some r in tf.resources(((_aws | _azure) | _gcp))

applies contains s.id if some s in _pkr_sources

# Keys given by the aws providers' default_tags in the module (lower case); unknown ones separately.
_default_tags(r) := {lower(k) |
	some p in input.terraform.providers
	p.name == "aws"
	p.module_dir == r.module_dir
	some d in v.blocks(p.config, "default_tags")
	is_object(d.tags)
	v.known(d.tags)
	some k, _ in d.tags
}

_default_tags_unknown(r) := {d.tags.__unknown__ |
	some p in input.terraform.providers
	p.name == "aws"
	p.module_dir == r.module_dir
	some d in v.blocks(p.config, "default_tags")
	v.is_unknown(d.tags)
}

_own_keys(m) := {lower(k) | some k, _ in m} if {
	is_object(m)
	v.known(m)
}

else := set()

_keys(r) := _own_keys(object.get(r.config, _attr(r.type), {})) | _default_tags(r) if r.type in _aws

else := _own_keys(object.get(r.config, _attr(r.type), {}))

_tags_unknown(r) := {r.config[_attr(r.type)].__unknown__} | _aws_defaults_unknown(r) if {
	v.is_unknown(r.config[_attr(r.type)])
}

else := _aws_defaults_unknown(r)

_aws_defaults_unknown(r) := _default_tags_unknown(r) if r.type in _aws

else := set()

deny contains tri.failure(c) if some c in _checks

unknown contains u if {
	some c in _checks
	some u in tri.unknown_records(c)
}

# No owner key; while none is known, each unknown tag map (the resource's, the providers'
# default_tags) is not evaluated.
_checks contains {"resource": r.id, "path": [a, _shown_key], "when": tri.of_reasons([a], _tags_unknown(r), true)} if {
	some r in tf.resources(((_aws | _azure) | _gcp))
	not _names_owner(_keys(r))
	a := _attr(r.type)
}

# Packer images
_pkr_attrs := {"amazon": ["tags"], "azure-arm": ["azure_tags"], "googlecompute": ["image_labels"]}

_pkr_family(s) := "amazon" if s.type in pkr.amazon_ebs_family

else := s.type

_pkr_sources contains s if {
	some s in input.packer.sources
	_pkr_attrs[_pkr_family(s)]
}

_checks contains {
	"resource": s.id, "path": [a, _shown_key],
	"when": tri.negate(tri.of([a], x, _names_owner(_own_keys(x)))),
} if {
	some s in _pkr_sources
	some a in _pkr_attrs[_pkr_family(s)]
	x := object.get(s.config, a, {})
}

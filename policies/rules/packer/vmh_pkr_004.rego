# METADATA
# title: Packer golden images start from a trusted, current base image
# description: |
#   Everything in a golden image inherits the base it was built from. A Marketplace AMI chosen by
#   name alone, or an Azure VHD fetched from an arbitrary URL, can come from anyone; a base pinned
#   to one image id stops receiving the publisher's security fixes.
# custom:
#   id: VMH-PKR-004
#   severity: high
#   message: Packer base image comes from an unverified publisher
#   remediation: |
#     Select the base by trusted owner and name with the newest match, e.g. source_ami_filter {
#     owners = ["099720109477"] most_recent = true
#     filters = { name = "ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-*" } };
#     for Marketplace owners also filter on product-code. On Azure use image_publisher / image_offer / image_sku
#     or a Shared Image Gallery instead of image_url; on GCP use source_image_family with source_image_project_id.
#   controls:
#     iso27017: [CLD.9.5.2, CLD.6.3.1]
#     iso27002: [A.8.8, A.8.9, A.5.21, A.5.23]
#     soc2: [CC6.8, CC7.1, CC8.1]
#     cis: []
#     nist: [CM-2, SI-2, SR-3, SR-11]
#   subresults:
#     pinned:
#       severity: low
#       message: Packer base image is pinned or not selected as the newest match
#   inputs: [packer]
#   equivalents: []
package controlgate.rules.vmh_pkr_004

import data.controlgate.lib.packer as pkr
import data.controlgate.lib.values as v

_aws := {"amazon-ebs", "amazon-ebssurrogate", "amazon-ebsvolume", "amazon-instance"}

applies contains s.id if some s in pkr.sources(_aws | {"azure-arm", "googlecompute"})

# amazon: a Marketplace owner with no product-code filter admits any seller's AMI with a matching name.
deny contains {"resource": s.id, "path": ["source_ami_filter", i, "owners"], "actual": f.owners} if {
	some s in pkr.sources(_aws)
	some i, f in v.blocks(s.config, "source_ami_filter")
	"aws-marketplace" in f.owners
	not _product_code_filter(f)
}

# azure-arm: an arbitrary VHD as the base.
deny contains {"resource": s.id, "path": ["image_url"], "actual": s.config.image_url} if {
	some s in pkr.sources({"azure-arm"})
	_literal(s.config.image_url)
}

# amazon: a fixed AMI id without a filter.
deny contains {"resource": s.id, "sub": "pinned", "path": ["source_ami"], "actual": s.config.source_ami} if {
	some s in pkr.sources(_aws)
	_literal(s.config.source_ami)
	not v.has(s.config, "source_ami_filter")
}

# amazon: a filter that does not take the newest match, or does not filter by name.
deny contains {"resource": s.id, "sub": "pinned", "path": ["source_ami_filter", i, "most_recent"]} if {
	some s in pkr.sources(_aws)
	some i, f in v.blocks(s.config, "source_ami_filter")
	not v.has(f, "most_recent")
}

deny contains {
	"resource": s.id,
	"sub": "pinned",
	"path": ["source_ami_filter", i, "most_recent"],
	"actual": f.most_recent,
} if {
	some s in pkr.sources(_aws)
	some i, f in v.blocks(s.config, "source_ami_filter")
	v.is_false(f.most_recent)
}

deny contains {"resource": s.id, "sub": "pinned", "path": ["source_ami_filter", i, "filters"]} if {
	some s in pkr.sources(_aws)
	some i, f in v.blocks(s.config, "source_ami_filter")
	v.known(f.filters)
	not _name_filter(f.filters)
}

# googlecompute: a named image instead of an image family.
deny contains {"resource": s.id, "sub": "pinned", "path": ["source_image"], "actual": s.config.source_image} if {
	some s in pkr.sources({"googlecompute"})
	_literal(s.config.source_image)
	not v.has(s.config, "source_image_family")
}

unknown contains {"resource": s.id, "path": ["source_ami_filter", i, "owners"], "reason": _reason(f.owners)} if {
	some s in pkr.sources(_aws)
	some i, f in v.blocks(s.config, "source_ami_filter")
	v.any_unknown(f.owners)
	not _product_code_filter(f)
}

unknown contains {
	"resource": s.id,
	"path": ["source_ami_filter"],
	"reason": s.config.source_ami_filter.__unknown__,
} if {
	some s in pkr.sources(_aws)
	v.is_unknown(s.config.source_ami_filter)
}

unknown contains {"resource": s.id, "path": ["image_url"], "reason": s.config.image_url.__unknown__} if {
	some s in pkr.sources({"azure-arm"})
	v.is_unknown(s.config.image_url)
}

unknown contains {
	"resource": s.id,
	"sub": "pinned",
	"path": ["source_ami_filter", i, "most_recent"],
	"reason": f.most_recent.__unknown__,
} if {
	some s in pkr.sources(_aws)
	some i, f in v.blocks(s.config, "source_ami_filter")
	v.is_unknown(f.most_recent)
}

_literal(x) if {
	v.literal_string(x)
	not contains(x, "{{")
}

_product_code_filter(f) if {
	some k, _ in f.filters
	startswith(k, "product-code")
}

_name_filter(filters) if {
	some k, _ in filters
	k in {"name", "image-id"}
}

_reason(x) := x.__unknown__ if v.is_unknown(x)

_reason(x) := [e.__unknown__ | some e in x; v.is_unknown(e)][0] if is_array(x)

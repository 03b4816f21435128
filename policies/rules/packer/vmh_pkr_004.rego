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
import data.controlgate.lib.tri
import data.controlgate.lib.values as v

_aws := {"amazon-ebs", "amazon-ebssurrogate", "amazon-ebsvolume", "amazon-instance"}

applies contains s.id if some s in pkr.sources(_aws | {"azure-arm", "googlecompute"})

deny contains tri.failure(c) if some c in _checks

unknown contains tri.unknown(c) if some c in _checks

# amazon: a Marketplace owner with no product-code filter admits any seller's AMI with a matching name.
# One check: it fails when "aws-marketplace" is among the owners, and is undecided only while no known
# owner is (an unknown owner beside a known "aws-marketplace" is a failure, not also "not evaluated").
_checks contains {
	"resource": s.id, "path": p, "actual": owners,
	"when": tri.some_of(p, owners, _marketplace(owners)),
} if {
	some s in pkr.sources(_aws)
	some i, f in v.blocks(s.config, "source_ami_filter")
	owners := f.owners
	not _product_code_filter(f)
	p := ["source_ami_filter", i, "owners"]
}

_marketplace(owners) if {
	"aws-marketplace" in owners
} else := false

_checks contains tri.known_check({"resource": s.id}, ["source_ami_filter"], s.config.source_ami_filter) if {
	some s in pkr.sources(_aws)
}

# azure-arm: an arbitrary VHD as the base.
_checks contains {
	"resource": s.id, "path": ["image_url"], "actual": x,
	"when": tri.of(["image_url"], x, _literal(x)),
} if {
	some s in pkr.sources({"azure-arm"})
	x := s.config.image_url
}

# amazon: a fixed AMI id without a filter.
_checks contains {
	"resource": s.id, "sub": "pinned", "path": ["source_ami"], "actual": s.config.source_ami,
	"when": true,
} if {
	some s in pkr.sources(_aws)
	_literal(s.config.source_ami)
	not v.has(s.config, "source_ami_filter")
}

# amazon: a filter that does not take the newest match, or does not filter by name.
_checks contains tri.fails_if_in(
	{"resource": s.id, "sub": "pinned"}, ["source_ami_filter", i], f,
	"most_recent", null, {null, false, "false"},
) if {
	some s in pkr.sources(_aws)
	some i, f in v.blocks(s.config, "source_ami_filter")
}

_checks contains {
	"resource": s.id, "sub": "pinned", "path": ["source_ami_filter", i, "filters"],
	"when": true,
} if {
	some s in pkr.sources(_aws)
	some i, f in v.blocks(s.config, "source_ami_filter")
	v.known(f.filters)
	not _name_filter(f.filters)
}

# googlecompute: a named image instead of an image family.
_checks contains {
	"resource": s.id, "sub": "pinned", "path": ["source_image"], "actual": s.config.source_image,
	"when": true,
} if {
	some s in pkr.sources({"googlecompute"})
	_literal(s.config.source_image)
	not v.has(s.config, "source_image_family")
}

default _literal(_) := false

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

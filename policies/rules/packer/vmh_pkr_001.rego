# METADATA
# title: Packer Amazon builders launch the build instance with IMDSv2 required
# description: |
#   While a golden image is being built, the temporary instance carries an IAM role and runs
#   provisioner scripts fetched from many places. If the metadata service still answers IMDSv1
#   requests, any request forgery in that tooling can read the role's credentials. Packer leaves
#   http_tokens at "optional" unless metadata_options says otherwise.
# custom:
#   id: VMH-PKR-001
#   severity: high
#   message: Packer build instance allows IMDSv1
#   remediation: |
#     Add metadata_options { http_endpoint = "enabled"  http_tokens = "required"  http_put_response_hop_limit = 1 }
#     to the amazon-ebs (or ebssurrogate / ebsvolume / instance) source, or set http_endpoint = "disabled"
#     when the build needs no metadata at all.
#   controls:
#     iso27017: [CLD.9.5.2]
#     iso27002: [A.8.9, A.5.23]
#     soc2: [CC6.1, CC8.1]
#     cis: [CIS AWS v3.0.0 5.6]
#     nist: [AC-3, AC-3(15), AC-6]
#   subresults:
#     hop-limit:
#       severity: low
#       message: Packer build instance metadata is reachable from containers (hop limit above 1)
#   inputs: [packer]
#   equivalents: []
package controlgate.rules.vmh_pkr_001

import data.controlgate.lib.packer as pkr
import data.controlgate.lib.values as v

applies contains s.id if some s in pkr.sources(pkr.amazon_ebs_family)

# No metadata_options block: http_tokens takes Packer's default, "optional".
deny contains {"resource": s.id, "path": ["metadata_options"]} if {
	some s in pkr.sources(pkr.amazon_ebs_family)
	not v.has(s.config, "metadata_options")
}

deny contains {"resource": s.id, "path": ["metadata_options", i, "http_tokens"]} if {
	some s in pkr.sources(pkr.amazon_ebs_family)
	some i, mo in v.blocks(s.config, "metadata_options")
	not v.has(mo, "http_tokens")
	_endpoint_not_disabled(mo)
}

deny contains {"resource": s.id, "path": ["metadata_options", i, "http_tokens"], "actual": mo.http_tokens} if {
	some s in pkr.sources(pkr.amazon_ebs_family)
	some i, mo in v.blocks(s.config, "metadata_options")
	v.has(mo, "http_tokens")
	v.known(mo.http_tokens)
	mo.http_tokens != "required"
	_endpoint_not_disabled(mo)
}

deny contains {
	"resource": s.id, "sub": "hop-limit",
	"path": ["metadata_options", i, "http_put_response_hop_limit"],
	"actual": mo.http_put_response_hop_limit,
} if {
	some s in pkr.sources(pkr.amazon_ebs_family)
	some i, mo in v.blocks(s.config, "metadata_options")
	v.number(mo.http_put_response_hop_limit) > 1
	_endpoint_not_disabled(mo)
}

unknown contains {"resource": s.id, "path": ["metadata_options"], "reason": s.config.metadata_options.__unknown__} if {
	some s in pkr.sources(pkr.amazon_ebs_family)
	v.is_unknown(s.config.metadata_options)
}

unknown contains {
	"resource": s.id,
	"path": ["metadata_options", i, "http_tokens"],
	"reason": mo.http_tokens.__unknown__,
} if {
	some s in pkr.sources(pkr.amazon_ebs_family)
	some i, mo in v.blocks(s.config, "metadata_options")
	v.is_unknown(mo.http_tokens)
	_endpoint_not_disabled(mo)
}

unknown contains {
	"resource": s.id,
	"path": ["metadata_options", i, "http_endpoint"],
	"reason": mo.http_endpoint.__unknown__,
} if {
	some s in pkr.sources(pkr.amazon_ebs_family)
	some i, mo in v.blocks(s.config, "metadata_options")
	v.is_unknown(mo.http_endpoint)
	not _tokens_required(mo)
}

unknown contains {
	"resource": s.id, "sub": "hop-limit",
	"path": ["metadata_options", i, "http_put_response_hop_limit"],
	"reason": mo.http_put_response_hop_limit.__unknown__,
} if {
	some s in pkr.sources(pkr.amazon_ebs_family)
	some i, mo in v.blocks(s.config, "metadata_options")
	v.is_unknown(mo.http_put_response_hop_limit)
	_endpoint_not_disabled(mo)
}

_tokens_required(mo) if mo.http_tokens == "required"

# An unknown http_endpoint is "not disabled" for none of the rules above; the unknown rule on
# http_endpoint reports the cases where it decides the outcome.
_endpoint_not_disabled(mo) if not v.has(mo, "http_endpoint")

_endpoint_not_disabled(mo) if {
	v.known(mo.http_endpoint)
	mo.http_endpoint != "disabled"
}

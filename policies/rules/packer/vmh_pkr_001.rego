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
import data.controlgate.lib.tri
import data.controlgate.lib.values as v

applies contains s.id if some s in pkr.sources(pkr.amazon_ebs_family)

deny contains tri.failure(c) if some c in _checks

unknown contains tri.unknown(c) if some c in _checks

# No metadata_options block: http_tokens takes Packer's default, "optional".
_checks contains {"resource": s.id, "path": p, "when": tri.of(p, mo, mo in {null, []})} if {
	some s in pkr.sources(pkr.amazon_ebs_family)
	p := ["metadata_options"]
	mo := object.get(s.config, "metadata_options", null)
}

_checks contains object.union(
	{
		"resource": s.id, "path": array.concat(base, ["http_tokens"]),
		"when": tri.all_hold([_endpoint_on(base, mo), _tokens_optional(base, mo)]),
	},
	v.actual(mo, "http_tokens"),
) if {
	some s in pkr.sources(pkr.amazon_ebs_family)
	some i, mo in v.blocks(s.config, "metadata_options")
	base := ["metadata_options", i]
}

# The hop limit is judged (and reported unknown) only where the endpoint is known to be on.
_checks contains {
	"resource": s.id, "sub": "hop-limit", "path": p, "actual": hops,
	"when": tri.all_hold([_endpoint_on(base, mo) == true, tri.of(p, hops, _above_one(hops))]),
} if {
	some s in pkr.sources(pkr.amazon_ebs_family)
	some i, mo in v.blocks(s.config, "metadata_options")
	base := ["metadata_options", i]
	p := array.concat(base, ["http_put_response_hop_limit"])
	hops := object.get(mo, "http_put_response_hop_limit", 1)
}

default _above_one(_) := false

_above_one(x) if v.number(x) > 1

_tokens_optional(base, mo) := tri.of(array.concat(base, ["http_tokens"]), x, x != "required") if {
	x := object.get(mo, "http_tokens", "optional")
}

_endpoint_on(base, mo) := tri.of(array.concat(base, ["http_endpoint"]), x, x != "disabled") if {
	x := object.get(mo, "http_endpoint", "enabled")
}

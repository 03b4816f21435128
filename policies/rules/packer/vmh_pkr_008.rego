# METADATA
# title: Packer googlecompute build VMs run as a dedicated service account with narrow scopes
# description: |
#   Unless told otherwise, the googlecompute builder attaches the project's default Compute Engine
#   service account, which commonly holds the project-wide Editor role, with read-write access to
#   Cloud Storage and Compute. Any provisioner script or package installed during the build can then
#   use those credentials against the whole project.
# custom:
#   id: VMH-PKR-008
#   severity: medium
#   message: Packer googlecompute build VM runs as the project's default service account
#   remediation: |
#     Set service_account_email = "packer-build@<project>.iam.gserviceaccount.com" (a dedicated account with only
#     the roles the build needs), or disable_default_service_account = true when the build calls no Google API.
#     Replace the cloud-platform scope with the narrow scopes needed, e.g.
#     scopes = ["https://www.googleapis.com/auth/devstorage.read_only",
#     "https://www.googleapis.com/auth/logging.write"].
#   controls:
#     iso27017: [CLD.9.5.2, CLD.12.1.5]
#     iso27002: [A.8.2, A.5.15]
#     soc2: [CC6.3]
#     cis: [CIS GCP v1.2.0 4.1, CIS GCP v1.2.0 4.2]
#     nist: [AC-6, AC-2]
#   subresults:
#     broad-scopes:
#       severity: low
#       message: Packer googlecompute build VM is granted the cloud-platform (all APIs) scope
#   inputs: [packer]
#   equivalents: []
package controlgate.rules.vmh_pkr_008

import data.controlgate.lib.packer as pkr
import data.controlgate.lib.tri
import data.controlgate.lib.values as v

_sa := "service_account_email"

_disable := "disable_default_service_account"

_cloud_platform := {"https://www.googleapis.com/auth/cloud-platform", "cloud-platform"}

applies contains s.id if some s in pkr.sources({"googlecompute"})

deny contains tri.failure(c) if some c in _checks

unknown contains u if {
	some c in _checks
	some u in tri.unknown_records(c)
}

# The build VM gets the project's default account: no service account named and the default one
# not disabled (each unknown value reported).
_checks contains object.union(
	{"resource": s.id, "path": _default_path(s.config), "when": tri.all_hold_each([
		tri.negate(tri.of([_sa], sa, v.is_literal_string(sa))),
		tri.negate(tri.is_in([_disable], s.config, _disable, null, v.truthy)),
	])},
	v.actual(s.config, _disable),
) if {
	some s in pkr.sources({"googlecompute"})
	sa := object.get(s.config, _sa, null)
}

# The default Compute Engine account named explicitly.
_checks contains object.union(
	{"resource": s.id, "path": [_sa], "when": _default_sa_email(object.get(s.config, _sa, null))},
	v.actual(s.config, _sa),
) if {
	some s in pkr.sources({"googlecompute"})
}

_checks contains {
	"resource": s.id, "sub": "broad-scopes", "path": ["scopes"], "actual": scopes,
	"when": tri.some_of(["scopes"], scopes, _has_cloud_platform(scopes)),
} if {
	some s in pkr.sources({"googlecompute"})
	not _no_account(s.config)
	scopes := object.get(s.config, "scopes", [])
}

# The deny names the flag when it is set (to a value other than true), else the missing account.
_default_path(config) := ["disable_default_service_account"] if {
	v.has(config, "disable_default_service_account")
} else := ["service_account_email"]

# The VM runs with no service account at all: scopes then grant nothing. An unknown account counts
# as one, an unknown flag as not disabled.
_no_account(config) if {
	sa := object.get(config, _sa, null)
	not v.literal_string(sa)
	not v.is_unknown(sa)
	v.is_true(config[_disable])
}

default _default_sa_email(_) := false

_default_sa_email(x) if {
	is_string(x)
	endswith(lower(x), "-compute@developer.gserviceaccount.com")
}

default _has_cloud_platform(_) := false

_has_cloud_platform(scopes) if {
	some scope in scopes
	scope in _cloud_platform
}

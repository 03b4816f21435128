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
import data.controlgate.lib.values as v

_sa := "service_account_email"

_disable := "disable_default_service_account"

_cloud_platform := {"https://www.googleapis.com/auth/cloud-platform", "cloud-platform"}

applies contains s.id if some s in pkr.sources({"googlecompute"})

# No service account named and the default one not disabled.
deny contains {"resource": s.id, "path": [_sa]} if {
	some s in pkr.sources({"googlecompute"})
	_default_sa(s.config)
	not v.has(s.config, _disable)
}

deny contains {"resource": s.id, "path": [_disable], "actual": s.config[_disable]} if {
	some s in pkr.sources({"googlecompute"})
	_default_sa(s.config)
	v.has(s.config, _disable)
}

# The default Compute Engine account named explicitly.
deny contains {"resource": s.id, "path": [_sa], "actual": s.config[_sa]} if {
	some s in pkr.sources({"googlecompute"})
	_default_sa_email(s.config[_sa])
}

deny contains {"resource": s.id, "sub": "broad-scopes", "path": ["scopes"], "actual": s.config.scopes} if {
	some s in pkr.sources({"googlecompute"})
	not _no_account(s.config)
	some scope in s.config.scopes
	scope in _cloud_platform
}

unknown contains {"resource": s.id, "path": [k], "reason": reason} if {
	some s in pkr.sources({"googlecompute"})
	not _sa_literal(s.config)
	not _disabled(s.config)
	some k in [_sa, _disable]
	v.is_unknown(s.config[k])
	reason := s.config[k].__unknown__
}

unknown contains {"resource": s.id, "sub": "broad-scopes", "path": ["scopes"], "reason": _reason(s.config.scopes)} if {
	some s in pkr.sources({"googlecompute"})
	not _no_account(s.config)
	v.any_unknown(s.config.scopes)
	not _has_cloud_platform(s.config.scopes)
}

# The build VM gets the project's default account: none named (nor unknown) and not disabled (nor unknown).
_default_sa(config) if {
	not _sa_given(config)
	not _disabled(config)
	not v.is_unknown(object.get(config, _disable, null))
}

_sa_given(config) if _sa_literal(config)

_sa_literal(config) if v.literal_string(config[_sa])

_sa_given(config) if v.is_unknown(config[_sa])

_disabled(config) if v.is_true(config[_disable])

# The VM runs with no service account at all: scopes then grant nothing.
_no_account(config) if {
	not _sa_given(config)
	_disabled(config)
}

_default_sa_email(x) if {
	is_string(x)
	endswith(lower(x), "-compute@developer.gserviceaccount.com")
}

_has_cloud_platform(scopes) if {
	some scope in scopes
	scope in _cloud_platform
}

_reason(x) := x.__unknown__ if v.is_unknown(x)

_reason(x) := r if {
	not v.is_unknown(x)
	r := [e.__unknown__ | some e in x; v.is_unknown(e)][0]
}

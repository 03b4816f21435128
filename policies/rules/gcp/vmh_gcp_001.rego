# METADATA
# title: GCE instances must run as a dedicated service account, not the default compute one
# description: |
#   The Compute Engine default service account is shared by every VM of the project and is often
#   granted Editor. A VM running as it, above all with the cloud-platform scope, lets any code on
#   the VM act on most of the project through the metadata server's tokens.
# custom:
#   id: VMH-GCP-001
#   severity: high
#   message: VM runs as the default Compute Engine service account
#   remediation: |
#     Create a google_service_account for the workload, grant it only the roles it needs, and set
#     service_account { email = google_service_account.<name>.email  scopes = ["cloud-platform"] }.
#   controls:
#     iso27017: [CLD.9.5.2, CLD.12.1.5]
#     iso27002: [A.8.2, A.5.15]
#     soc2: [CC6.3]
#     cis: [CIS GCP v1.2.0 4.1, CIS GCP v1.2.0 4.2]
#     nist: [AC-6, AC-2]
#   subresults:
#     full-scope:
#       severity: critical
#       message: VM runs as the default service account with full cloud-platform access
#   inputs: [terraform]
#   equivalents: [CKV_GCP_30, CKV_GCP_31, AVD-GCP-0044, FG_R00411, FG_R00412]
package controlgate.rules.vmh_gcp_001

import data.controlgate.lib.terraform as tf
import data.controlgate.lib.tri
import data.controlgate.lib.values as v

_types := {"google_compute_instance", "google_compute_instance_template", "google_compute_instance_from_template"}

_full_scopes := {"cloud-platform", "https://www.googleapis.com/auth/cloud-platform"}

applies contains r.id if some r in tf.resources(_types)

deny contains tri.failure(c) if some c in _checks

unknown contains u if {
	some c in _checks
	some u in tri.unknown_records(c)
}

# The default service account, without the full scope (with it: full-scope). An unknown email is
# not evaluated unless it refers to a service account the configuration creates (dedicated) or to
# the default one.
_checks contains object.union(
	{"resource": r.id, "path": array.concat(base, ["email"]), "when": _default_narrow(sa, base)},
	_actual(sa),
) if {
	some r in tf.resources(_types)
	some i, sa in v.blocks(r.config, "service_account")
	base := ["service_account", i]
}

# The full scope on the default account; unknown scopes are reported when no known one is full.
_checks contains {
	"resource": r.id, "sub": "full-scope", "path": array.concat(base, ["scopes"]), "actual": sa.scopes,
	"when": tri.any_holds([_full_scope(sa), tri.of_attrs(base, sa, ["scopes"], false)]),
} if {
	some r in tf.resources(_types)
	some i, sa in v.blocks(r.config, "service_account")
	_default_sa(sa)
	base := ["service_account", i]
}

_checks contains tri.known_check({"resource": r.id}, ["service_account"], r.config.service_account) if {
	some r in tf.resources(_types)
}

_default_narrow(sa, base) := {"path": array.concat(base, ["email"]), "reason": sa.email.__unknown__} if {
	v.is_unknown(sa.email)
	not _dedicated_ref(sa.email)
	not _default_ref(sa.email)
} else if {
	_default_sa(sa)
	not _full_scope(sa)
} else := false

# The email of a service account the configuration creates is a dedicated account; the
# google_compute_default_service_account data source is the default one.
_dedicated_ref(x) if startswith(tf.ref_address(x), "google_service_account.")

_default_ref(x) if startswith(tf.ref_address(x), "data.google_compute_default_service_account.")

_default_sa(sa) if not v.has(sa, "email")

_default_sa(sa) if sa.email == ""

_default_sa(sa) if regex.match(`^[0-9]+-compute@developer\.gserviceaccount\.com$`, sa.email)

_default_sa(sa) if _default_ref(sa.email)

default _full_scope(_) := false

_full_scope(sa) if {
	some s in sa.scopes
	s in _full_scopes
}

_actual(sa) := {"actual": sa.email} if v.has(sa, "email")

else := {}

# METADATA
# title: GCP resources are not granted to allUsers or allAuthenticatedUsers
# description: |
#   An IAM binding or member, an IAM policy, a bucket or object ACL or a BigQuery dataset access
#   entry naming allUsers hands the resource to anyone on the Internet without credentials;
#   allAuthenticatedUsers hands it to every Google account holder, which is no boundary at all.
#   Buckets, datasets, topics, secrets, keys and images then leave the tenant: high severity.
#   Granting roles/run.invoker or roles/cloudfunctions.invoker on a service or function to allUsers
#   is how a public endpoint is published; it exposes the code path, not stored data, and is
#   reported at low severity so it stays a visible, deliberate choice.
# custom:
#   id: SEG-GCP-001
#   severity: high
#   message: GCP resource is granted to allUsers or allAuthenticatedUsers
#   remediation: |
#     Replace allUsers / allAuthenticatedUsers with the groups, service accounts or domains that
#     need access (google_*_iam_member, _iam_binding, data.google_iam_policy bindings, bucket and
#     object ACLs, google_bigquery_dataset access blocks); serve public web content through a load
#     balancer or signed URLs, and enforce uniform bucket-level access with public access prevention.
#   controls:
#     iso27017: [CLD.9.5.1]
#     iso27002: [A.8.3, A.5.15, A.5.18, A.5.23]
#     soc2: [CC6.1, CC6.3, CC6.6]
#     cis: [CIS GCP v1.2.0 5.1, CIS GCP v1.2.0 7.1]
#     nist: [AC-3, AC-6, AC-21, SC-7]
#   subresults:
#     public-invoker:
#       severity: low
#       message: Service or function can be invoked by anyone (public invoker role)
#   inputs: [terraform]
#   equivalents: [CKV_GCP_28, CKV_GCP_15, AVD-GCP-0046, AVD-GCP-0001]
package controlgate.rules.seg_gcp_001

import data.controlgate.lib.terraform as tf
import data.controlgate.lib.tri
import data.controlgate.lib.values as v

_public := {"allUsers", "allAuthenticatedUsers"}

_invoker_roles := {"roles/run.invoker", "roles/cloudfunctions.invoker"}

_acl_types := {
	"google_storage_bucket_acl", "google_storage_object_acl", "google_storage_default_object_acl",
	"google_storage_bucket_access_control", "google_storage_object_access_control",
	"google_storage_default_object_access_control", "google_bigquery_dataset", "google_bigquery_dataset_access",
}

# Every IAM resource type of the google provider (google_<resource>_iam_binding/_member/_policy).
_iam_resources contains r if {
	some type, rs in tf.managed_by_type
	regex.match(`^google(-beta)?_[a-z0-9_]+_iam_(binding|member|policy)$`, type)
	some r in rs
}

applies contains r.id if some r in _iam_resources

applies contains r.id if some r in tf.resources(_acl_types)

# Every grant as {r, path, role, member}; role and member may be unknown.
_grants contains {"r": r, "path": ["member"], "role": r.config.role, "member": r.config.member} if {
	some r in _iam_resources
	endswith(r.type, "_iam_member")
}

_grants contains {"r": r, "path": ["members"], "role": r.config.role, "member": m} if {
	some r in _iam_resources
	endswith(r.type, "_iam_binding")
	some m in _list(r.config.members)
}

_grants contains {"r": r, "path": ["policy_data"], "role": b.role, "member": m} if {
	some r in _iam_resources
	endswith(r.type, "_iam_policy")
	some d in tf.referenced(r, r.config.policy_data)
	d.type == "google_iam_policy"
	some b in v.blocks(d.config, "binding")
	some m in _list(b.members)
}

_grants contains {"r": r, "path": ["policy_data"], "role": b.role, "member": m} if {
	some r in _iam_resources
	endswith(r.type, "_iam_policy")
	is_string(r.config.policy_data)
	json.is_valid(r.config.policy_data)
	some b in object.get(json.unmarshal(r.config.policy_data), "bindings", [])
	some m in _list(b.members)
}

# ACL entries: "ROLE:entity" strings, entity attributes, BigQuery access entries.
_grants contains {"r": r, "path": ["role_entity"], "role": e, "member": _entity(e)} if {
	some r in tf.resources({"google_storage_bucket_acl", "google_storage_object_acl", "google_storage_default_object_acl"})
	some e in _list(r.config.role_entity)
}

_grants contains {"r": r, "path": ["entity"], "role": r.config.role, "member": r.config.entity} if {
	some r in tf.resources({
		"google_storage_bucket_access_control", "google_storage_object_access_control",
		"google_storage_default_object_access_control",
	})
}

_grants contains {"r": r, "path": ["access", i, k], "role": a.role, "member": member} if {
	some r in tf.resources({"google_bigquery_dataset"})
	some i, a in v.blocks(r.config, "access")
	some k in ["special_group", "iam_member"]
	v.has(a, k)
	member := a[k]
}

_grants contains {"r": r, "path": [k], "role": r.config.role, "member": member} if {
	some r in tf.resources({"google_bigquery_dataset_access"})
	some k in ["special_group", "iam_member"]
	v.has(r.config, k)
	member := r.config[k]
}

_list(x) := x if is_array(x)

else := [x]

_entity(e) := substring(e, indexof(e, ":") + 1, -1) if {
	is_string(e)
	contains(e, ":")
} else := e

_invoker_resource(r) if regex.match(`^google(-beta)?_(cloud_run|cloud_run_v2|cloudfunctions|cloudfunctions2)_`, r.type)

deny contains tri.failure(c) if some c in _checks

unknown contains tri.unknown(c) if some c in _checks

# A public member, on a resource other than a Cloud Run service or function.
_checks contains {"resource": g.r.id, "path": g.path, "actual": g.member, "when": _public_member(g)} if {
	some g in _grants
	not _invoker_resource(g.r)
}

# Cloud Run and functions: public invocation is its own finding; any other role granted to the
# public fails, undecided when the role is unknown.
_checks contains {
	"resource": g.r.id, "path": g.path, "actual": g.member,
	"when": tri.all_hold([_public_member(g), tri.negate(tri.of(g.path, g.role, _invoker_role(g)))]),
} if {
	some g in _grants
	_invoker_resource(g.r)
}

_checks contains {
	"resource": g.r.id, "path": g.path, "actual": g.member, "sub": "public-invoker",
	"when": tri.all_hold([_public_member(g), _invoker_role(g)]),
} if {
	some g in _grants
	_invoker_resource(g.r)
}

# An unknown member that may be allUsers is not evaluated, whatever the role.
_checks contains {"resource": g.r.id, "path": g.path, "when": {"path": g.path, "reason": g.member.__unknown__}} if {
	some g in _grants
	_may_be_public(g.member)
}

_public_member(g) := g.member in _public

_invoker_role(g) := g.role in _invoker_roles

# An unknown member may be allUsers unless it is written as a principal of a kind
# ("serviceAccount:${...}", "group:${...}") or refers to a resource attribute (a service
# account's member or email, a sink's writer_identity), which is always a named identity.
_may_be_public(m) if {
	v.is_unknown(m)
	not regex.match(`^(serviceAccount|user|group|domain|principal|principalSet|deleted:[a-z]+):`, m.__unknown__)
	not tf.ref_address(m)
}

# Predefined ACLs that publish a bucket or object.
_checks contains tri.fails_if_in(
	{"resource": r.id}, [], r.config, "predefined_acl", null,
	{"publicRead", "publicReadWrite", "authenticatedRead"},
) if {
	some r in tf.resources({"google_storage_bucket_acl", "google_storage_object_acl"})
}

# Whole values the scanner could not read: a members list, a policy, an ACL list, access blocks.
_checks contains tri.known_check({"resource": r.id}, [k], x) if {
	some r in _iam_resources
	some k in ["members", "policy_data"]
	x := r.config[k]
	count([d | some d in tf.referenced(r, x); d.type == "google_iam_policy"]) == 0
}

_checks contains tri.known_check({"resource": r.id}, [k], x) if {
	some r in tf.resources(_acl_types)
	some k in ["role_entity", "access", "predefined_acl"]
	x := r.config[k]
}

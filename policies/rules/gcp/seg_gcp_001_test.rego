package controlgate.rules.seg_gcp_001_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.seg_gcp_001 as rule

test_public_iam_grants_fail if {
	inp := t.tf_inputs([
		["google_storage_bucket_iam_member", {"bucket": "b", "role": "roles/storage.objectViewer", "member": "allUsers"}],
		["google_storage_bucket_iam_binding", {"bucket": "b", "role": "roles/storage.objectViewer", "members": ["group:a@example.com", "allAuthenticatedUsers"]}],
		["google_bigquery_dataset_iam_member", {"dataset_id": "d", "role": "roles/bigquery.dataViewer", "member": "allUsers"}],
		["google_pubsub_topic_iam_binding", {"topic": "t", "role": "roles/pubsub.publisher", "members": ["allUsers"]}],
		["google_bigquery_table_iam_member", {"table_id": "x", "role": "roles/bigquery.dataViewer", "member": "allAuthenticatedUsers"}],
	])
	rule.deny == {
		{"resource": "r0", "path": ["member"], "actual": "allUsers"},
		{"resource": "r1", "path": ["members"], "actual": "allAuthenticatedUsers"},
		{"resource": "r2", "path": ["member"], "actual": "allUsers"},
		{"resource": "r3", "path": ["members"], "actual": "allUsers"},
		{"resource": "r4", "path": ["member"], "actual": "allAuthenticatedUsers"},
	} with input as inp
	rule.applies == {"r0", "r1", "r2", "r3", "r4"} with input as inp
}

test_iam_policy_documents if {
	inp := t.tf_blocks([
		["data", "google_iam_policy", {"binding": [{"role": "roles/storage.objectViewer", "members": ["allUsers"]}]}],
		["managed", "google_storage_bucket_iam_policy", {"bucket": "b", "policy_data": t.unknown("data.google_iam_policy.r0.policy_data")}],
		["managed", "google_bigquery_dataset_iam_policy", {"dataset_id": "d", "policy_data": json.marshal({"bindings": [{"role": "roles/bigquery.dataViewer", "members": ["allAuthenticatedUsers"]}]})}],
	])
	rule.deny == {
		{"resource": "r1", "path": ["policy_data"], "actual": "allUsers"},
		{"resource": "r2", "path": ["policy_data"], "actual": "allAuthenticatedUsers"},
	} with input as inp
}

test_acls_and_dataset_access if {
	inp := t.tf_inputs([
		["google_storage_bucket_acl", {"bucket": "b", "role_entity": ["OWNER:project-owners-1", "READER:allUsers"]}],
		["google_storage_object_acl", {"bucket": "b", "object": "o", "predefined_acl": "publicRead"}],
		["google_storage_bucket_access_control", {"bucket": "b", "role": "READER", "entity": "allAuthenticatedUsers"}],
		["google_storage_default_object_access_control", {"bucket": "b", "role": "READER", "entity": "allUsers"}],
		["google_bigquery_dataset", {"dataset_id": "d", "access": [{"role": "OWNER", "user_by_email": "a@example.com"}, {"role": "READER", "special_group": "allAuthenticatedUsers"}]}],
		["google_bigquery_dataset_access", {"dataset_id": "d", "role": "READER", "iam_member": "allUsers"}],
	])
	rule.deny == {
		{"resource": "r0", "path": ["role_entity"], "actual": "allUsers"},
		{"resource": "r1", "path": ["predefined_acl"], "actual": "publicRead"},
		{"resource": "r2", "path": ["entity"], "actual": "allAuthenticatedUsers"},
		{"resource": "r3", "path": ["entity"], "actual": "allUsers"},
		{"resource": "r4", "path": ["access", 1, "special_group"], "actual": "allAuthenticatedUsers"},
		{"resource": "r5", "path": ["iam_member"], "actual": "allUsers"},
	} with input as inp
}

test_public_invoker_is_low if {
	inp := t.tf_inputs([
		["google_cloud_run_v2_service_iam_member", {"name": "svc", "role": "roles/run.invoker", "member": "allUsers"}],
		["google_cloudfunctions2_function_iam_member", {"cloud_function": "f", "role": "roles/cloudfunctions.admin", "member": "allUsers"}],
	])
	rule.deny == {
		{"resource": "r0", "path": ["member"], "actual": "allUsers", "sub": "public-invoker"},
		{"resource": "r1", "path": ["member"], "actual": "allUsers"},
	} with input as inp
}

test_private_grants_pass if {
	inp := t.tf_inputs([
		["google_storage_bucket_iam_member", {"bucket": "b", "role": "roles/storage.objectViewer", "member": "group:readers@example.com"}],
		["google_project_iam_binding", {"project": "p", "role": "roles/viewer", "members": ["domain:example.com"]}],
		["google_storage_bucket_acl", {"bucket": "b", "predefined_acl": "private"}],
		["google_bigquery_dataset", {"dataset_id": "d", "access": [{"role": "READER", "special_group": "projectReaders"}]}],
	])
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
	rule.applies == {"r0", "r1", "r2", "r3"} with input as inp
}

test_unknown_not_evaluated if {
	inp := t.tf_inputs([
		["google_storage_bucket_iam_member", {"role": "roles/storage.objectViewer", "member": t.unknown("var.member")}],
		["google_storage_bucket_iam_binding", {"role": "roles/storage.objectViewer", "members": t.unknown("var.members")}],
		["google_storage_bucket_iam_policy", {"policy_data": t.unknown("file(\"policy.json\")")}],
		["google_cloud_run_service_iam_member", {"role": t.unknown("var.role"), "member": "allUsers"}],
		["google_bigquery_dataset", {"access": t.unknown(`dynamic "access"`)}],
		["google_project_iam_member", {"role": "roles/logging.bucketWriter", "member": t.unknown("google_logging_project_sink.sink[each.key].writer_identity")}],
		["google_project_iam_member", {"role": "roles/viewer", "member": t.unknown("serviceAccount:${google_service_account.sa.email}")}],
	])
	count(rule.deny) == 0 with input as inp
	rule.unknown == {
		{"resource": "r0", "path": ["member"], "reason": "var.member"},
		{"resource": "r1", "path": ["members"], "reason": "var.members"},
		{"resource": "r2", "path": ["policy_data"], "reason": "file(\"policy.json\")"},
		{"resource": "r3", "path": ["member"], "reason": "var.role"},
		{"resource": "r4", "path": ["access"], "reason": `dynamic "access"`},
	} with input as inp
}

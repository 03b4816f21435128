package controlgate.rules.net_gcp_002_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.net_gcp_002 as rule

_ip(c) := {"database_version": "POSTGRES_16", "settings": [{"tier": "db-f1-micro", "ip_configuration": [c]}]}

_base := ["settings", 0, "ip_configuration", 0]

test_world_authorized_network_fails if {
	inp := t.tf_input("google_sql_database_instance", _ip({
		"ipv4_enabled": true,
		"ssl_mode": "ENCRYPTED_ONLY",
		"authorized_networks": [{"name": "office", "value": "203.0.113.0/24"}, {"name": "all", "value": "0.0.0.0/0"}],
	}))
	rule.deny == {{"resource": "r0", "path": array.concat(_base, ["authorized_networks", 1, "value"]), "actual": "0.0.0.0/0"}} with input as inp
	rule.applies == {"r0"} with input as inp
}

test_public_ip_without_ssl_fails if {
	inp := t.tf_inputs([
		["google_sql_database_instance", _ip({"authorized_networks": {"value": "203.0.113.0/24"}})],
		["google_sql_database_instance", _ip({"authorized_networks": [{"value": "203.0.113.0/24"}], "require_ssl": false})],
		["google_sql_database_instance", _ip({"authorized_networks": [{"value": "203.0.113.0/24"}], "ssl_mode": "ALLOW_UNENCRYPTED_AND_ENCRYPTED"})],
	])
	rule.deny == {
		{"resource": "r0", "path": array.concat(_base, ["ssl_mode"]), "sub": "no-ssl"},
		{"resource": "r1", "path": array.concat(_base, ["require_ssl"]), "sub": "no-ssl"},
		{"resource": "r2", "path": array.concat(_base, ["ssl_mode"]), "sub": "no-ssl"},
	} with input as inp
}

test_private_or_encrypted_passes if {
	inp := t.tf_inputs([
		["google_sql_database_instance", _ip({"ipv4_enabled": false, "private_network": "projects/p/global/networks/vpc"})],
		["google_sql_database_instance", _ip({"authorized_networks": [{"value": "203.0.113.0/24"}], "require_ssl": true})],
		["google_sql_database_instance", _ip({"ssl_mode": "TRUSTED_CLIENT_CERTIFICATE_REQUIRED", "authorized_networks": [{"value": "203.0.113.0/24"}]})],
		["google_sql_database_instance", _ip({"ipv4_enabled": true})],
		["google_sql_database_instance", {"database_version": "MYSQL_8_0", "settings": [{"tier": "db-f1-micro"}]}],
	])
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

test_unknown_not_evaluated if {
	inp := t.tf_inputs([
		["google_sql_database_instance", _ip({"ssl_mode": "ENCRYPTED_ONLY", "authorized_networks": [{"value": t.unknown("var.cidr")}]})],
		["google_sql_database_instance", _ip({"authorized_networks": t.unknown(`dynamic "authorized_networks"`)})],
		["google_sql_database_instance", _ip({"authorized_networks": [{"value": "203.0.113.0/24"}], "ssl_mode": t.unknown("var.ssl_mode")})],
		["google_sql_database_instance", _ip({"authorized_networks": [{"value": "203.0.113.0/24"}], "ssl_mode": "ENCRYPTED_ONLY", "ipv4_enabled": t.unknown("var.public")})],
		["google_sql_database_instance", {"settings": t.unknown("var.settings")}],
		["google_sql_database_instance", _ip({"authorized_networks": [{"value": "203.0.113.0/24"}], "ipv4_enabled": t.unknown("var.public")})],
	])
	count(rule.deny) == 0 with input as inp
	rule.unknown == {
		{"resource": "r0", "path": array.concat(_base, ["authorized_networks", 0, "value"]), "reason": "var.cidr"},
		{"resource": "r1", "path": array.concat(_base, ["authorized_networks"]), "reason": `dynamic "authorized_networks"`},
		{"resource": "r2", "path": array.concat(_base, ["ssl_mode"]), "reason": "var.ssl_mode"},
		{"resource": "r4", "path": ["settings"], "reason": "var.settings"},
		{"resource": "r5", "path": array.concat(_base, ["ipv4_enabled"]), "reason": "var.public"},
	} with input as inp
}

package controlgate.rules.ast_multi_001_test

import data.controlgate.lib.testing as t
import data.controlgate.rules.ast_multi_001 as rule

test_short_windows_fail if {
	inp := t.tf_inputs([
		["aws_kms_key", {"deletion_window_in_days": 7}],
		["google_kms_crypto_key", {"destroy_scheduled_duration": "86400s"}],
		["azurerm_key_vault", {"purge_protection_enabled": false, "soft_delete_retention_days": 7}],
		["azurerm_key_vault", {"sku_name": "standard"}],
	])
	rule.deny == {
		{"resource": "r0", "path": ["deletion_window_in_days"], "actual": 7},
		{"resource": "r1", "path": ["destroy_scheduled_duration"], "actual": "86400s"},
		{"resource": "r2", "path": ["purge_protection_enabled"], "actual": false},
		{"resource": "r2", "path": ["soft_delete_retention_days"], "sub": "retention", "actual": 7},
		{"resource": "r3", "path": ["purge_protection_enabled"]},
	} with input as inp
	count(rule.applies) == 4 with input as inp
}

test_full_windows_and_defaults_pass if {
	inp := t.tf_inputs([
		["aws_kms_key", {}],
		["aws_kms_key", {"deletion_window_in_days": "30"}],
		["google_kms_crypto_key", {}],
		["google_kms_crypto_key", {"destroy_scheduled_duration": "2592000s"}],
		["azurerm_key_vault", {"purge_protection_enabled": true}],
		["azurerm_key_vault", {"purge_protection_enabled": true, "soft_delete_retention_days": 90}],
	])
	count(rule.deny) == 0 with input as inp
	count(rule.unknown) == 0 with input as inp
}

_provider(kv) := {"id": "p0", "name": "azurerm", "module_dir": ".", "file": "providers.tf", "config": {"features": [{"key_vault": [kv]}]}}

test_provider_purge_on_destroy_is_sub if {
	inp := {"terraform": {"resources": [], "providers": [_provider({"purge_soft_delete_on_destroy": true})]}}
	rule.deny == {{"resource": "p0", "path": ["features", 0, "key_vault", 0, "purge_soft_delete_on_destroy"], "sub": "provider-purge", "actual": true}} with input as inp
	rule.applies == {"p0"} with input as inp
	inp2 := {"terraform": {"resources": [], "providers": [_provider({"purge_soft_delete_on_destroy": false})]}}
	count(rule.deny) == 0 with input as inp2
}

test_unknown_not_evaluated if {
	inp := t.tf_inputs([
		["aws_kms_key", {"deletion_window_in_days": t.unknown("var.days")}],
		["azurerm_key_vault", {"purge_protection_enabled": t.unknown("var.pp"), "soft_delete_retention_days": t.unknown("var.sd")}],
	])
	count(rule.deny) == 0 with input as inp
	rule.unknown == {
		{"resource": "r0", "path": ["deletion_window_in_days"], "reason": "var.days"},
		{"resource": "r1", "path": ["purge_protection_enabled"], "reason": "var.pp"},
		{"resource": "r1", "path": ["soft_delete_retention_days"], "sub": "retention", "reason": "var.sd"},
	} with input as inp
}

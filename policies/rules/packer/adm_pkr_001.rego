# METADATA
# title: Packer templates carry no hard-coded cloud credentials or passwords
# description: |
#   Access keys, client secrets, service-account keys and communicator passwords written into a
#   template end up in version control, CI logs and every clone of the repository. Packer reads all
#   of them from the environment, variables fed by the CI secret store, vault() or a secrets data
#   source, so a literal is never needed.
# custom:
#   id: ADM-PKR-001
#   severity: critical
#   message: Packer template contains a hard-coded credential
#   remediation: |
#     Delete the literal and rotate the credential. Authenticate from CI with short-lived identities
#     (AWS role via OIDC, Azure use_azure_cli_auth or OIDC, GCP workload identity federation with
#     impersonate_service_account); feed anything else from a variable without a default, env(),
#     vault() or a secrets data source; let Packer create temporary SSH keys instead of passwords.
#   controls:
#     iso27017: [CLD.12.1.5, CLD.9.5.2]
#     iso27002: [A.5.17, A.8.9, A.8.12]
#     soc2: [CC6.1]
#     cis: []
#     nist: [IA-5(7), SC-28]
#   subresults:
#     key-file:
#       severity: low
#       message: Packer template reads a private key or service-account key file from inside the repository
#   inputs: [packer]
#   secret: true
#   equivalents: []
package controlgate.rules.adm_pkr_001

import data.controlgate.lib.tri
import data.controlgate.lib.values as v

# Arguments that hold a secret, by builder family; "*" applies to every builder.
_secret_keys := {
	"amazon": {"access_key", "secret_key", "token"},
	"azure": {"client_secret", "client_cert_password", "client_jwt", "oidc_request_token"},
	"gcp": {"credentials_json", "access_token"},
	"*": {"ssh_password", "winrm_password"},
}

# Arguments that name a key file (a path; a literal JSON key in account_file is a secret itself).
_file_keys := {
	"gcp": {"account_file", "credentials_file"},
	"*": {"ssh_private_key_file"},
}

applies contains s.id if some s in input.packer.sources

applies contains x.id if {
	some x in input.packer.variables
	x.sensitive
}

deny contains tri.failure(c) if some c in _checks

unknown contains tri.unknown(c) if some c in _checks

# A literal secret in a source, or one fed from a variable whose default is a literal (sensitive
# variables are reported on their own); a value the scanner cannot trace is not evaluated.
_checks contains {"resource": s.id, "path": [k], "when": _literal_secret(x, s.template_dir, [k])} if {
	some s in input.packer.sources
	some k in _keys(_secret_keys, s.type)
	x := s.config[k]
}

_literal_secret(x, dir, path) if {
	_classify(x, dir) == "literal"
} else if {
	y := _variable_ref(x, dir)
	_literal(y.default)
	not y.sensitive
} else := {"path": path, "reason": _reason(x)} if {
	_classify(x, dir) == "unknown"
} else := false

# A service-account key pasted into account_file / credentials_file instead of a path.
_checks contains {"resource": s.id, "path": [k], "when": true} if {
	some s in input.packer.sources
	some k in _keys(_file_keys, s.type)
	_literal(s.config[k])
	startswith(trim_space(s.config[k]), "{")
}

# A key file kept inside the template's folder (relative path or path.root).
_checks contains {"resource": s.id, "sub": "key-file", "path": [k], "when": true} if {
	some s in input.packer.sources
	some k in _keys(_file_keys, s.type)
	_in_repo_path(s.config[k])
}

# A variable marked sensitive with a literal default.
_checks contains {"resource": x.id, "path": ["default"], "when": true} if {
	some x in input.packer.variables
	x.sensitive
	x.has_default
	_literal(x.default)
}

_keys(table, type) := object.get(table, _family(type), set()) | table["*"]

_family(type) := "amazon" if startswith(type, "amazon-")

_family(type) := "azure" if startswith(type, "azure-")

_family("googlecompute") := "gcp"

_family(type) := "other" if {
	not startswith(type, "amazon-")
	not startswith(type, "azure-")
	type != "googlecompute"
}

# A non-empty literal string that is not a legacy JSON template expression ({{ ... }}) nor a
# placeholder such as "<REPLACE_WITH_YOUR_CLIENT_SECRET>".
_literal(x) if {
	v.literal_string(x)
	not contains(x, "{{")
	not regex.match(`^<[^<>]*>$`, x)
}

# How a credential value is supplied: "literal", "ok" (environment, secret store, variable
# without a literal default) or "unknown". Undefined when absent or empty.
_classify(x, _) := "literal" if _literal(x)

_classify(x, _) := "ok" if _from_secret_store(_expression(x))

_classify(x, dir) := "ok" if {
	y := _variable_ref(x, dir)
	not _literal(y.default)
	not _unresolved_default(y)
}

_classify(x, dir) := "unknown" if {
	expr := _expression(x)
	not _from_secret_store(expr)
	not _variable_ref(x, dir)
}

_classify(x, dir) := "unknown" if _unresolved_default(_variable_ref(x, dir))

# The expression behind a value the scanner could not evaluate: HCL2 unknowns and JSON {{ }} templates.
_expression(x) := x.__unknown__ if v.is_unknown(x)

_expression(x) := x if {
	is_string(x)
	contains(x, "{{")
}

_from_secret_store(expr) if regex.match(`^\s*(env|vault|aws_secretsmanager|aws_secretsmanager_raw|consul_key)\(`, expr)

_from_secret_store(expr) if regex.match(`^\s*data\.`, expr)

_from_secret_store(expr) if regex.match(`^\s*\{\{\s*(env|vault|aws_secretsmanager|consul_key)\s`, expr)

# The Packer variable a value refers to as a whole (var.x in HCL2, {{user `x`}} in JSON).
_variable_ref(x, dir) := ys[0] if {
	name := _variable_name(_expression(x))
	ys := [y |
		some y in input.packer.variables
		y.dir == dir
		y.name == name
	]
	count(ys) > 0
}

_variable_name(expr) := m[0][1] if {
	m := regex.find_all_string_submatch_n(`^\s*var\.([A-Za-z_][A-Za-z0-9_-]*)\s*$`, expr, 1)
	count(m) == 1
}

# {{ user `name` }} in a legacy JSON template; \x60 is the backtick, which a raw string cannot hold.
_user_var_pattern := `^\s*\{\{\s*user\s+\x60([^\x60]+)\x60\s*\}\}\s*$`

_variable_name(expr) := m[0][1] if {
	m := regex.find_all_string_submatch_n(_user_var_pattern, expr, 1)
	count(m) == 1
}

# A variable default the scanner cannot see through (other than the environment or a secret store).
_unresolved_default(y) if {
	expr := _expression(y.default)
	not _from_secret_store(expr)
}

_reason(x) := x.__unknown__ if v.is_unknown(x)

_reason(x) := x if is_string(x)

_in_repo_path(x) if {
	_literal(x)
	not startswith(trim_space(x), "{")
	not regex.match(`^(/|~|[A-Za-z]:[\\/]|\\\\)`, x)
}

_in_repo_path(x) if regex.match(`^\$?\{?\s*path\.root`, x.__unknown__)

# METADATA
# title: Azure data services do not accept connections from every public network
# description: |
#   SQL servers (azurerm_mssql_server and the older azurerm_sql_server), MySQL, PostgreSQL and
#   MariaDB servers (single and flexible), storage accounts, Cosmos DB accounts and key vaults
#   accept connections on a public endpoint unless public_network_access_enabled = false, and the
#   azurerm provider defaults it to true. Storage,
#   Cosmos DB and Key Vault then admit every network unless a firewall (default_action = "Deny", an
#   IP range filter, virtual network rules) limits them; database servers rely on their firewall
#   rules alone. The data plane of a tenant's store is then one credential or key away from the
#   Internet: medium severity (a firewall rule or key still stands in the way), high when an IP rule
#   admits 0.0.0.0/0.
# custom:
#   id: NET-AZ-004
#   severity: medium
#   message: Azure data service accepts connections from public networks
#   remediation: |
#     Set public_network_access_enabled = false and reach the service through a private endpoint
#     (flexible servers: delegated_subnet_id). Where a public endpoint is needed, set
#     network_rules / network_acls { default_action = "Deny" } with the client ranges and subnets
#     (Cosmos DB: ip_range_filter, is_virtual_network_filter_enabled = true).
#   controls:
#     iso27017: [CLD.13.1.4, CLD.9.5.1]
#     iso27002: [A.8.20, A.8.22, A.5.23]
#     soc2: [CC6.6, CC6.1]
#     cis: []
#     nist: [AC-4, SC-7, SC-7(3), SC-7(5)]
#   subresults:
#     open-firewall:
#       severity: high
#       message: Azure data service firewall admits the whole Internet (0.0.0.0/0)
#   inputs: [terraform]
#   equivalents: [CKV_AZURE_113, CKV_AZURE_59, CKV_AZURE_101, CKV_AZURE_189, AVD-AZU-0022]
package controlgate.rules.net_az_004

import data.controlgate.lib.network
import data.controlgate.lib.terraform as tf
import data.controlgate.lib.tri
import data.controlgate.lib.values as v

# Resource type -> kind of service, which decides what else can close the public endpoint.
_kinds := {
	"azurerm_mssql_server": "server",
	"azurerm_sql_server": "server",
	"azurerm_mysql_server": "server",
	"azurerm_postgresql_server": "server",
	"azurerm_mariadb_server": "server",
	"azurerm_mysql_flexible_server": "flexible",
	"azurerm_postgresql_flexible_server": "flexible",
	"azurerm_storage_account": "storage",
	"azurerm_key_vault": "vault",
	"azurerm_cosmosdb_account": "cosmos",
}

_services contains [r, kind] if {
	some type, kind in _kinds
	some r in tf.resources({type})
}

applies contains r.id if some [r, _] in _services

applies contains r.id if some r in tf.resources({"azurerm_storage_account_network_rules"})

# The truth (tri) of "the public endpoint is on": it is unless the switch is off.
_public(r) := tri.negate(tri.is_in([_switch], r.config, _switch, true, v.falsy))

_switch := "public_network_access_enabled"

# Whether something other than the public-access switch keeps the public endpoint closed:
# [state, reason] with state "yes", "no" or "unknown".
_limited(_, "server") := ["no", ""]

_limited(r, "flexible") := ["unknown", r.config.delegated_subnet_id.__unknown__] if {
	tf.unresolved(r.config.delegated_subnet_id)
} else := ["yes", ""] if {
	tf.set_value(r.config.delegated_subnet_id)
} else := ["no", ""]

_limited(r, "storage") := _acl_default(r, _storage_rules(r))

_limited(r, "vault") := _acl_default(r, [b | some b in v.blocks(r.config, "network_acls")])

_limited(r, "cosmos") := _cosmos(r)

# The network rule blocks of a storage account: its own, and azurerm_storage_account_network_rules
# resources of the module that refer to it.
_storage_rules(r) := array.concat([b | some b in v.blocks(r.config, "network_rules")], [x.config |
	some x in tf.in_module(r, "azurerm_storage_account_network_rules")
	some target in tf.referenced(x, x.config.storage_account_id)
	target.id == r.id
])

_acl_default(r, acls) := ["unknown", r.config[k].__unknown__] if {
	some k in ["network_rules", "network_acls"]
	v.is_unknown(r.config[k])
} else := ["unknown", a.default_action.__unknown__] if {
	some a in acls
	v.is_unknown(a.default_action)
} else := ["yes", ""] if {
	some a in acls
	a.default_action == "Deny"
} else := ["no", ""]

_cosmos(r) := ["unknown", r.config.ip_range_filter.__unknown__] if {
	v.is_unknown(r.config.ip_range_filter)
} else := ["yes", ""] if {
	count(_cosmos_ranges(r.config.ip_range_filter)) > 0
} else := ["unknown", r.config.is_virtual_network_filter_enabled.__unknown__] if {
	v.is_unknown(r.config.is_virtual_network_filter_enabled)
} else := ["yes", ""] if {
	v.is_true(r.config.is_virtual_network_filter_enabled)
} else := ["no", ""]

# ip_range_filter: a comma-separated string (azurerm 3) or a set of strings (azurerm 4).
_cosmos_ranges(x) := [trim_space(s) | some s in split(x, ","); trim_space(s) != ""] if is_string(x)

_cosmos_ranges(x) := [s | some s in x; s != ""] if is_array(x)

_cosmos_ranges(x) := [] if is_null(x)

_outcome(r, kind) := "no" if {
	_public(r) == false
} else := "no" if {
	_limited(r, kind)[0] == "yes"
} else := "unknown" if {
	is_object(_public(r))
} else := "unknown" if {
	_limited(r, kind)[0] == "unknown"
} else := "yes"

deny contains object.union({"resource": r.id, "path": ["public_network_access_enabled"]}, _actual(r)) if {
	some [r, kind] in _services
	_outcome(r, kind) == "yes"
}

_actual(r) := {"actual": r.config.public_network_access_enabled} if {
	v.has(r.config, "public_network_access_enabled")
} else := {}

unknown contains {"resource": r.id, "path": ["public_network_access_enabled"], "reason": reason} if {
	some [r, kind] in _services
	_outcome(r, kind) == "unknown"
	reason := _reason(r, kind)
}

_reason(r, _) := _public(r).reason

_reason(r, kind) := _limited(r, kind)[1] if _public(r) == true

# IP rules admitting the whole Internet, whatever the public-access switch says about the rest.
_ip_rules contains [r, ["network_rules", i, "ip_rules"], b.ip_rules] if {
	some r in tf.resources({"azurerm_storage_account"})
	some i, b in v.blocks(r.config, "network_rules")
}

_ip_rules contains [r, ["network_acls", i, "ip_rules"], b.ip_rules] if {
	some r in tf.resources({"azurerm_key_vault"})
	some i, b in v.blocks(r.config, "network_acls")
}

_ip_rules contains [r, ["ip_rules"], r.config.ip_rules] if {
	some r in tf.resources({"azurerm_storage_account_network_rules"})
}

_ip_rules contains [r, ["ip_range_filter"], _cosmos_ranges(r.config.ip_range_filter)] if {
	some r in tf.resources({"azurerm_cosmosdb_account"})
}

deny contains {"resource": r.id, "path": path, "actual": c, "sub": "open-firewall"} if {
	some [r, path, rules] in _ip_rules
	_public(r) != false
	is_array(rules)
	some c in rules
	network.internet_cidr(c)
}

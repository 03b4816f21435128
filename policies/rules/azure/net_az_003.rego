# METADATA
# title: Azure database and cache firewall rules do not admit the whole Internet or every Azure tenant
# description: |
#   A server-level firewall rule from 0.0.0.0 to 255.255.255.255 (or any range covering half the
#   address space) puts the database listener of SQL, MySQL, PostgreSQL, MariaDB, Synapse or Redis
#   on the Internet, leaving only a password between attackers and the data: high severity. The
#   rule 0.0.0.0 - 0.0.0.0 ("Allow Azure services") admits every resource of every Azure
#   customer, not just the tenant's own: the tenant boundary is gone, so it is reported as well, at
#   medium severity.
# custom:
#   id: NET-AZ-003
#   severity: high
#   message: Database firewall rule admits the whole Internet
#   remediation: |
#     Replace the rule with the client ranges that need access, or remove it and reach the server
#     through a private endpoint or VNet integration (public_network_access_enabled = false). Instead
#     of 0.0.0.0 - 0.0.0.0, give the Azure services that need access a private endpoint or a virtual
#     network rule.
#   controls:
#     iso27017: [CLD.13.1.4, CLD.9.5.1]
#     iso27002: [A.8.20, A.8.22, A.8.3, A.5.23]
#     soc2: [CC6.6, CC6.1]
#     cis: [CIS Azure v1.3.0 6.3]
#     nist: [AC-4, SC-7, SC-7(5)]
#   subresults:
#     azure-services:
#       severity: medium
#       message: Database firewall rule admits all Azure services, of every tenant (0.0.0.0 - 0.0.0.0)
#   inputs: [terraform]
#   equivalents: [CKV_AZURE_11, AVD-AZU-0029]
package controlgate.rules.net_az_003

import data.controlgate.lib.network
import data.controlgate.lib.terraform as tf
import data.controlgate.lib.tri
import data.controlgate.lib.values as v

# Firewall rule type -> [start attribute, end attribute].
_rule_types := {
	"azurerm_mssql_firewall_rule": ["start_ip_address", "end_ip_address"],
	"azurerm_sql_firewall_rule": ["start_ip_address", "end_ip_address"],
	"azurerm_mysql_firewall_rule": ["start_ip_address", "end_ip_address"],
	"azurerm_postgresql_firewall_rule": ["start_ip_address", "end_ip_address"],
	"azurerm_mariadb_firewall_rule": ["start_ip_address", "end_ip_address"],
	"azurerm_mysql_flexible_server_firewall_rule": ["start_ip_address", "end_ip_address"],
	"azurerm_postgresql_flexible_server_firewall_rule": ["start_ip_address", "end_ip_address"],
	"azurerm_cosmosdb_postgresql_firewall_rule": ["start_ip_address", "end_ip_address"],
	"azurerm_synapse_firewall_rule": ["start_ip_address", "end_ip_address"],
	"azurerm_redis_firewall_rule": ["start_ip", "end_ip"],
}

_rules contains [r, start, end] if {
	some type, attrs in _rule_types
	some r in tf.resources({type})
	[start, end] := attrs
}

applies contains r.id if some [r, _, _] in _rules

deny contains tri.failure(c) if some c in _checks

unknown contains u if {
	some c in _checks
	some u in tri.unknown_records(c)
}

# A range that wide admits the Internet; each unknown bound is reported.
_checks contains object.union(
	{"resource": r.id, "path": [end], "when": tri.of_each(
		[[[k], object.get(r.config, k, null)] | some k in [start, end]],
		_internet_range(lo, hi),
	)},
	v.actual(r.config, end),
) if {
	some [r, start, end] in _rules
	lo := object.get(r.config, start, null)
	hi := object.get(r.config, end, null)
}

_checks contains {"resource": r.id, "path": [start], "actual": "0.0.0.0", "sub": "azure-services", "when": true} if {
	some [r, start, end] in _rules
	r.config[start] == "0.0.0.0"
	r.config[end] == "0.0.0.0"
}

default _internet_range(_, _) := false

_internet_range(start, end) if network.internet_range(start, end)

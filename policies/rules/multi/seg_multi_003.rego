# METADATA
# title: Restricted workloads run on isolated hardware (dedicated, sole-tenant or confidential VMs)
# description: |
#   Shared hardware is acceptable for most workloads, but data classified as restricted may call for
#   single-tenant hosts or memory encryption so that co-located tenants and side channels are ruled
#   out. Only resources tagged with a restricted data classification are checked.
# custom:
#   id: SEG-MULTI-003
#   severity: low
#   message: Restricted workload runs on shared hardware
#   remediation: |
#     For resources tagged data_classification = "restricted": AWS tenancy = "dedicated" or "host" (or a
#     dedicated VPC); Azure dedicated_host_id / dedicated_host_group_id or a Confidential VM
#     (os_disk { security_encryption_type = ... }); GCP sole-tenant scheduling { node_affinities { ... } }
#     or confidential_instance_config { enable_confidential_compute = true }.
#   controls:
#     iso27017: [CLD.9.5.1]
#     iso27002: [A.8.22, A.5.23]
#     soc2: [CC6.1]
#     cis: []
#     nist: [SC-32, SC-49, SC-7(21)]
#   inputs: [terraform]
#   equivalents: []
package controlgate.rules.seg_multi_003

import data.controlgate.lib.tags
import data.controlgate.lib.terraform as tf
import data.controlgate.lib.tri
import data.controlgate.lib.values as v

_azure := {"azurerm_linux_virtual_machine", "azurerm_windows_virtual_machine"}

_types := _azure | {"aws_instance", "aws_launch_template", "google_compute_instance"}

_restricted := [r |
	some r in tf.resources(_types)
	tags.restricted(r)
]

applies contains r.id if some r in _restricted

_isolated_tenancy := {"dedicated", "host"}

# The path reported when no isolation is found, per type.
_path := {
	"aws_instance": ["tenancy"],
	"aws_launch_template": ["placement", 0, "tenancy"],
	"azurerm_linux_virtual_machine": ["dedicated_host_id"],
	"azurerm_windows_virtual_machine": ["dedicated_host_id"],
	"google_compute_instance": ["confidential_instance_config"],
}

_isolated(r) if {
	r.type == "aws_instance"
	r.config.tenancy in _isolated_tenancy
}

_isolated(r) if {
	r.type == "aws_instance"
	tf.set_value(r.config.host_id)
}

# A VPC of dedicated tenancy in the same module forces dedicated instances.
_isolated(r) if {
	r.type in {"aws_instance", "aws_launch_template"}
	some vpc in tf.in_module(r, "aws_vpc")
	vpc.config.instance_tenancy == "dedicated"
}

_isolated(r) if {
	r.type == "aws_launch_template"
	some p in v.blocks(r.config, "placement")
	p.tenancy in _isolated_tenancy
}

_isolated(r) if {
	r.type in _azure
	some k in ["dedicated_host_id", "dedicated_host_group_id"]
	tf.set_value(r.config[k])
}

_isolated(r) if {
	r.type in _azure
	some d in v.blocks(r.config, "os_disk")
	tf.set_value(d.security_encryption_type)
}

_isolated(r) if {
	r.type == "google_compute_instance"
	some c in v.blocks(r.config, "confidential_instance_config")
	_confidential(c)
}

_isolated(r) if {
	r.type == "google_compute_instance"
	some s in v.blocks(r.config, "scheduling")
	v.has(s, "node_affinities")
}

_confidential(c) if v.is_true(c.enable_confidential_compute)

_confidential(c) if tf.set_value(c.confidential_instance_type)

# The unknown values that could decide the outcome (not resource references, which are set).
_unresolved(r) := [[p, x] |
	some [p, x] in _candidates(r)
	tf.unresolved(x)
]

_candidates(r) := [
	[["tenancy"], object.get(r.config, "tenancy", null)],
	[["host_id"], object.get(r.config, "host_id", null)],
] if {
	r.type == "aws_instance"
} else := [[["placement", i, "tenancy"], object.get(p, "tenancy", null)] |
	some i, p in v.blocks(r.config, "placement")
] if {
	r.type == "aws_launch_template"
}

else := array.concat(
	[[[k], object.get(r.config, k, null)] | some k in ["dedicated_host_id", "dedicated_host_group_id"]],
	[[["os_disk", i, "security_encryption_type"], object.get(d, "security_encryption_type", null)] |
		some i, d in v.blocks(r.config, "os_disk")
	],
) if {
	r.type in _azure
}

else := array.concat(
	[[["confidential_instance_config", i, "enable_confidential_compute"], _compute_flag(c)] |
		some i, c in v.blocks(r.config, "confidential_instance_config")
	],
	[[["scheduling", i, "node_affinities"], object.get(s, "node_affinities", null)] |
		some i, s in v.blocks(r.config, "scheduling")
	],
)

_compute_flag(c) := object.get(c, "enable_confidential_compute", null)

deny contains tri.failure(c) if some c in _checks

unknown contains u if {
	some c in _checks
	some u in tri.unknown_records(c)
}

# No isolation found; each unknown value that could provide it is not evaluated.
_checks contains {"resource": r.id, "path": _path[r.type], "when": tri.of_each(_unresolved(r), true)} if {
	some r in _restricted
	not _isolated(r)
}

# METADATA
# title: EC2 instances and launch templates run with an instance profile
# description: |
#   An instance without an instance profile has no role credentials from the metadata service, so
#   software on it that calls AWS ends up with long-lived access keys in files, environment
#   variables or user data, which leak with images and snapshots and are never rotated. Many
#   instances need no AWS API access at all, so the absence is only a weak signal: low severity.
#   Launch templates of EKS managed node groups are skipped (EKS attaches the node role itself and
#   refuses a profile in the template).
# custom:
#   id: VMH-AWS-004
#   severity: low
#   message: EC2 instance has no instance profile (IAM role)
#   remediation: |
#     Attach a role through aws_iam_instance_profile: iam_instance_profile = aws_iam_instance_profile.x.name
#     on aws_instance / aws_launch_configuration, iam_instance_profile { arn = ... } on
#     aws_launch_template, with only the permissions the workload needs (an empty role is fine for
#     SSM-managed hosts: AmazonSSMManagedInstanceCore).
#   controls:
#     iso27017: [CLD.9.5.2]
#     iso27002: [A.5.17, A.8.2, A.8.9]
#     soc2: [CC6.1, CC6.3]
#     cis: [CIS AWS v3.0.0 1.18]
#     nist: [AC-6, IA-5(7), IA-2]
#   inputs: [terraform]
#   equivalents: [CKV2_AWS_41]
package controlgate.rules.vmh_aws_004

import data.controlgate.lib.terraform as tf
import data.controlgate.lib.tri
import data.controlgate.lib.values as v

_attr_types := {"aws_instance", "aws_launch_configuration"}

applies contains r.id if some r in tf.resources(_attr_types | {"aws_launch_template"})

deny contains tri.failure(c) if some c in _checks

unknown contains u if {
	some c in _checks
	some u in tri.unknown_records(c)
}

# Left out (or, in a plan, holding the provider's placeholder for a value the configuration does
# not write): the resource block, so that HCL and plan scans report the same finding; written but
# empty: the attribute.
_checks contains {"resource": r.id, "path": _path(r), "when": _no_profile(r)} if {
	some r in tf.resources(_attr_types)
}

_path(r) := [] if _left_out(r)

else := ["iam_instance_profile"]

_left_out(r) if not v.has(r.config, "iam_instance_profile")

_left_out(r) if tf.computed_default(r, r.config.iam_instance_profile)

# Whether r sets no instance profile; a plan's provider-computed value means the configuration
# leaves it out.
_no_profile(r) if {
	tf.computed_default(r, r.config.iam_instance_profile)
} else := {"path": ["iam_instance_profile"], "reason": r.config.iam_instance_profile.__unknown__} if {
	tf.unresolved(r.config.iam_instance_profile)
} else := false if {
	tf.set_value(r.config.iam_instance_profile)
} else := true

_templates := [r |
	some r in tf.resources({"aws_launch_template"})
	not _eks_managed(r)
	not _eks_unknown(r)
]

# A template without a profile; while a node group's launch_template is dynamic, it may be EKS's.
_checks contains {
	"resource": r.id, "path": ["iam_instance_profile"],
	"when": tri.of_reasons(["iam_instance_profile"], {e | e := _eks_unknown(r)}, true),
} if {
	some r in tf.resources({"aws_launch_template"})
	not _eks_managed(r)
	not v.has(r.config, "iam_instance_profile")
}

# Launch templates that an EKS managed node group in the module uses: by reference, or by an
# expression that names the template (try(aws_launch_template.this[0].id, null), a conditional).
_eks_managed(template) if {
	some spec in _node_group_templates(template)
	some k in ["id", "name"]
	some x in tf.referenced(spec.ng, spec.body[k])
	x.id == template.id
}

_eks_managed(template) if {
	some spec in _node_group_templates(template)
	some k in ["id", "name"]
	_names(spec.body[k].__unknown__, template)
}

_node_group_templates(template) := [{"ng": ng, "body": body} |
	some ng in tf.in_module(template, "aws_eks_node_group")
	some body in v.blocks(ng.config, "launch_template")
]

_names(expr, template) if {
	is_string(expr)
	local := object.get(template, "local_address", template.address)
	contains(expr, local)
}

# A node group whose launch_template block is generated (dynamic) may use any template of its module.
_eks_unknown(template) := ng.config.launch_template.__unknown__ if {
	some ng in tf.in_module(template, "aws_eks_node_group")
	v.is_unknown(ng.config.launch_template)
}

_profile_set(p) if {
	some k in ["arn", "name"]
	tf.set_value(p[k])
}

# A profile block naming neither an arn nor a name; each unresolved one may.
_checks contains {"resource": r.id, "path": base, "when": _unset_profile(base, p)} if {
	some r in _templates
	some i, p in v.blocks(r.config, "iam_instance_profile")
	base := ["iam_instance_profile", i]
}

_unset_profile(base, p) := false if {
	_profile_set(p)
} else := tri.of_each([[array.concat(base, [k]), x] | some k in ["arn", "name"]; x := p[k]], true)

_checks contains tri.known_check({"resource": r.id}, ["iam_instance_profile"], r.config.iam_instance_profile) if {
	some r in _templates
}

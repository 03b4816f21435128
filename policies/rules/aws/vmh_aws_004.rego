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
import data.controlgate.lib.values as v

_attr_types := {"aws_instance", "aws_launch_configuration"}

applies contains r.id if some r in tf.resources(_attr_types | {"aws_launch_template"})

# Left out (or, in a plan, holding the provider's placeholder for a value the configuration does
# not write): the resource block, so that HCL and plan scans report the same finding.
deny contains {"resource": r.id, "path": []} if {
	some r in tf.resources(_attr_types)
	_profile(r) == "no"
	_left_out(r)
}

# Written but empty.
deny contains {"resource": r.id, "path": ["iam_instance_profile"]} if {
	some r in tf.resources(_attr_types)
	_profile(r) == "no"
	not _left_out(r)
}

_left_out(r) if not v.has(r.config, "iam_instance_profile")

_left_out(r) if tf.computed_default(r, r.config.iam_instance_profile)

unknown contains {
	"resource": r.id,
	"path": ["iam_instance_profile"],
	"reason": r.config.iam_instance_profile.__unknown__,
} if {
	some r in tf.resources(_attr_types)
	_profile(r) == "unknown"
}

# Whether r sets an instance profile; a plan's provider-computed value means the configuration
# leaves it out.
_profile(r) := "no" if {
	tf.computed_default(r, r.config.iam_instance_profile)
} else := "unknown" if {
	tf.unresolved(r.config.iam_instance_profile)
} else := "yes" if {
	tf.set_value(r.config.iam_instance_profile)
} else := "no"

_templates := [r |
	some r in tf.resources({"aws_launch_template"})
	not _eks_managed(r)
	not _eks_unknown(r)
]

unknown contains {"resource": r.id, "path": ["iam_instance_profile"], "reason": _eks_unknown(r)} if {
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

deny contains {"resource": r.id, "path": ["iam_instance_profile"]} if {
	some r in _templates
	not v.has(r.config, "iam_instance_profile")
}

deny contains {"resource": r.id, "path": ["iam_instance_profile", i]} if {
	some r in _templates
	some i, p in v.blocks(r.config, "iam_instance_profile")
	not _profile_set(p)
	not _profile_unknown(p)
}

_profile_unknown(p) if {
	some k in ["arn", "name"]
	tf.unresolved(p[k])
}

unknown contains {
	"resource": r.id,
	"path": ["iam_instance_profile"],
	"reason": r.config.iam_instance_profile.__unknown__,
} if {
	some r in _templates
	v.is_unknown(r.config.iam_instance_profile)
}

unknown contains {"resource": r.id, "path": ["iam_instance_profile", i, k], "reason": reason} if {
	some r in _templates
	some i, p in v.blocks(r.config, "iam_instance_profile")
	not _profile_set(p)
	some k in ["arn", "name"]
	tf.unresolved(p[k])
	reason := p[k].__unknown__
}

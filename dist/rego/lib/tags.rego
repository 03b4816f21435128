# METADATA
# description: |
#   Tags and labels: roles that designate exceptions, and the data classification of a resource.
package controlgate.lib.tags

import data.controlgate.lib.values as v

# METADATA
# description: |
#   The roles a resource carries, lower case: the "role"/"Role" tag (AWS, Azure), the "role" label
#   (GCP) and GCP network tags. Used for designated exceptions such as bastion hosts or NAT appliances.
roles(r) := ({lower(x) |
	some k in ["role", "Role"]
	x := r.config.tags[k]
	is_string(x)
} | {lower(x) |
	x := r.config.labels.role
	is_string(x)
}) | {lower(t) |
	is_array(r.config.tags)
	some t in r.config.tags
	is_string(t)
}

# METADATA
# description: True when resource r carries one of the given roles (lower case).
has_role(r, wanted) if {
	some role in wanted
	role in roles(r)
}

# METADATA
# scope: document
# description: The tag map of a resource (AWS/Azure tags, GCP labels); empty when absent.
tag_map(r) := r.config.tags if {
	is_object(r.config.tags)
	v.known(r.config.tags)
}

tag_map(r) := r.config.labels if {
	not _has_object(r.config, "tags")
	is_object(r.config.labels)
	v.known(r.config.labels)
}

_has_object(c, k) if is_object(c[k])

# METADATA
# scope: document
# description: |
#   Tag (AWS, Azure) or label (GCP) keys and values that mark a resource as holding restricted data;
#   rules whose requirement applies only to that tier use restricted(r).
#   Replaced by classification-tag-keys in .controlgate.yml (input.settings.classification_tag_keys).
default classification_keys := {"data_classification", "data-classification", "classification", "dataclassification"}

classification_keys := {lower(k) | some k in input.settings.classification_tag_keys} if {
	is_array(input.settings.classification_tag_keys)
	count(input.settings.classification_tag_keys) > 0
}

# METADATA
# scope: document
# description: |
#   The classification values that count as restricted; replaced by restricted-classifications in
#   .controlgate.yml (input.settings.restricted_classifications).
default restricted_values := {"restricted", "confidential", "secret", "highly-confidential", "highly_confidential"}

restricted_values := {lower(x) | some x in input.settings.restricted_classifications} if {
	is_array(input.settings.restricted_classifications)
	count(input.settings.restricted_classifications) > 0
}

# METADATA
# description: True when resource r is tagged or labelled with a restricted data classification.
restricted(r) if {
	m := tag_map(r)
	some k, x in m
	lower(k) in classification_keys
	is_string(x)
	lower(x) in restricted_values
}

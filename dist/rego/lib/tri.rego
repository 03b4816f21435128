# METADATA
# description: |
#   Three-valued logic for conditions over values the scanner may not know, so that a rule states
#   each condition once and never passes or fails on an unknown value. A truth value is true,
#   false, or unknown: an object {"path", "reason"} naming the attribute whose unknown value decides
#   and its expression.
#
#   A rule lists its checks: the record it reports when the check fails ("resource", "path", and
#   optionally "sub", "actual", ...) with, under "when", the truth of the failing condition. Then
#     deny contains tri.failure(c) if some c in _checks
#     unknown contains tri.unknown(c) if some c in _checks
#   report a failure when "when" is true, a not-evaluated result (the check's resource and sub,
#   the unknown's path and reason) when it is unknown, and nothing when it is false.
package controlgate.lib.tri

import data.controlgate.lib.values as v

# METADATA
# description: |
#   The truth of a condition on value x found at path: unknown when x is unknown, else holds.
#   holds is a boolean computed by the caller and must be defined for every x, unknown ones
#   included (==, !=, in, object.get with the provider default, or a helper with a default).
of(path, x, holds) := {"path": path, "reason": x.__unknown__} if v.is_unknown(x)

else := holds

# METADATA
# scope: document
# description: |
#   The truth of "some element of list xs matches" given hit (whether a known element matches):
#   true when hit, else unknown when xs or one of its elements is unknown (reason: the first
#   unknown element), else false.
some_of(_, _, true) := true

some_of(path, xs, false) := {"path": path, "reason": v.reason(xs)} if v.any_unknown(xs)

else := false

# METADATA
# description: |
#   Conjunction in list order: false when a condition is false, else the first unknown, else true.
all_hold(ts) := false if {
	false in ts
} else := u if {
	u := [x | some x in ts; is_object(x)][0]
} else := true

# METADATA
# description: |
#   Disjunction in list order: true when a condition is true, else the first unknown, else false.
any_holds(ts) if {
	true in ts
} else := u if {
	u := [x | some x in ts; is_object(x)][0]
} else := false

# METADATA
# description: The negation (an unknown stays unknown).
negate(t) := false if {
	t == true
} else if {
	t == false
} else := t

# METADATA
# description: |
#   The truth of "attribute key of obj, or dflt when obj does not set it (v.has), is one of the
#   values in set", the attribute found at path: unknown when the value is unknown.
is_in(path, obj, key, dflt, set) := of(path, x, x in set) if x := _value(obj, key, dflt)

# METADATA
# description: |
#   The check that fails when attribute key of obj, or dflt when obj does not set it (v.has), is
#   one of the values in set: record rec ({"resource": id}, optionally "sub") at path base + [key],
#   with the actual value when set; not evaluated when the value is unknown.
fails_if_in(rec, base, obj, key, dflt, set) := object.union(
	object.union(rec, {"path": p, "when": of(p, x, x in set)}),
	v.actual(obj, key),
) if {
	p := array.concat(base, [key])
	x := _value(obj, key, dflt)
}

# METADATA
# description: As fails_if_in, failing when the value is not one of the values in set.
fails_unless_in(rec, base, obj, key, dflt, set) := object.union(
	object.union(rec, {"path": p, "when": of(p, x, count({x} & set) == 0)}),
	v.actual(obj, key),
) if {
	p := array.concat(base, [key])
	x := _value(obj, key, dflt)
}

_value(obj, key, dflt) := obj[key] if {
	v.has(obj, key)
} else := dflt

# METADATA
# description: |
#   A check (record rec) that never fails and is not evaluated when x (at path, e.g. a dynamic
#   block) is unknown: for what the other checks cannot see.
known_check(rec, path, x) := object.union(rec, {"path": path, "when": of(path, x, false)})

# METADATA
# description: The unknown record (rec, path, reason) for value x at path when x is unknown.
not_evaluated(rec, path, x) := unknown(known_check(rec, path, x))

# METADATA
# description: |
#   The unknowns of truth t, as a list of {"path", "reason"}: [t] for an unknown, the list of an
#   unknown that names several ({"unknowns": [...]}, e.g. every unknown source of a rule), [] for
#   true and false.
unknowns(t) := t.unknowns if {
	is_array(t.unknowns)
} else := [t] if {
	is_object(t)
} else := []

# METADATA
# description: |
#   tri.of over several values: the truth of a condition on the values of pairs ([path, x] each),
#   unknown when any of them is unknown ({"unknowns": [...]} naming each unknown value, in list
#   order), else holds (a boolean defined for every value, as for of). For a rule that reports every
#   unknown value a condition reads, whatever the others.
of_each(pairs, holds) := {"unknowns": us} if {
	us := [{"path": p, "reason": x.__unknown__} | some [p, x] in pairs; v.is_unknown(x)]
	count(us) > 0
} else := holds

# METADATA
# description: |
#   The truth of a condition on attributes keys of obj (a block at base) that is undecided while any
#   of them is unknown: one unknown per unknown attribute or unknown element of a list attribute
#   (v.attr_unknowns, at base + its path), else holds.
of_attrs(base, obj, keys, holds) := {"unknowns": us} if {
	us := [{"path": array.concat(base, p), "reason": e} | some [p, e] in v.attr_unknowns(obj, keys)]
	count(us) > 0
} else := holds

# METADATA
# description: |
#   Conjunction that names every unknown, for a rule that reports each unknown value on its own
#   (several unknown attributes at once): false when a condition is false, else {"unknowns": [...]}
#   holding the unknowns of every unknown condition in list order (tri.unknowns), else true. Read
#   its unknowns with unknown_records; all_hold, any_holds and negate take it as one unknown.
all_hold_each(ts) := false if {
	false in ts
} else := {"unknowns": us} if {
	us := [u | some t in ts; some u in unknowns(t)]
	count(us) > 0
} else := true

# METADATA
# description: |
#   The truth of a condition the scanner cannot decide for each reason in reasons (a list or set of
#   expressions, e.g. every unresolved reference that may be the one): {"unknowns": [...]}, one
#   unknown at path per reason, when there is one, else holds.
of_reasons(path, reasons, holds) := {"unknowns": [{"path": path, "reason": r} | some r in reasons]} if {
	count(reasons) > 0
} else := holds

# METADATA
# description: |
#   The truth of a condition on list xs at path that is undecided while any of it is unknown:
#   of_reasons over the list itself when unknown, else over each unknown element's expression (in
#   list order), else holds.
of_elements(path, xs, holds) := of_reasons(path, _element_reasons(xs), holds)

_element_reasons(xs) := [xs.__unknown__] if {
	v.is_unknown(xs)
} else := [x.__unknown__ | some x in xs; v.is_unknown(x)] if {
	is_array(xs)
} else := []

# METADATA
# description: |
#   The unknown records of check c, one per unknown of its condition (tri.unknowns: one for a
#   single unknown, each of {"unknowns": [...]}), each with the check's resource and sub. For
#   rules whose checks may name several unknowns:
#     unknown contains u if {
#       some c in _checks
#       some u in tri.unknown_records(c)
#     }
unknown_records(c) := {object.union(object.filter(c, {"resource", "sub"}), u) | some u in unknowns(c.when)}

# METADATA
# description: t when it is unknown, else false (for a condition that can only leave a check undecided).
undecided(t) := t if is_object(t)

else := false

# METADATA
# description: |
#   The deny record of check c when its condition holds: c without "when", with the attributes of
#   its optional "on_failure" object merged in (e.g. a sub the failure names but the check's
#   not-evaluated results do not carry).
failure(c) := object.union(object.remove(c, {"when", "on_failure"}), object.get(c, "on_failure", {})) if {
	c.when == true
}

# METADATA
# description: |
#   The unknown record of check c when its condition is a single unknown: its resource and sub,
#   the unknown's path and reason (a condition naming several: unknown_records).
unknown(c) := object.union(object.filter(c, {"resource", "sub"}), c.when) if {
	is_object(c.when)
	not _several(c.when)
}

_several(t) if is_array(t.unknowns)

package controlgate.lib.tri_test

import data.controlgate.lib.tri

_u(expr) := {"__unknown__": expr}

test_all_hold_each_false_wins if {
	tri.all_hold_each([true, {"path": ["a"], "reason": "var.a"}, false]) == false
}

test_all_hold_each_true if {
	tri.all_hold_each([true, true]) == true
	tri.all_hold_each([]) == true
}

test_all_hold_each_names_every_unknown if {
	a := {"path": ["a"], "reason": "var.a"}
	b := {"path": ["b"], "reason": "var.b"}
	c := {"path": ["c"], "reason": "var.c"}
	tri.all_hold_each([a, true, {"unknowns": [b, c]}]) == {"unknowns": [a, b, c]}
}

test_of_elements_names_every_unknown_element if {
	tri.of_elements(["xs"], ["x", _u("var.a"), _u("var.b")], true) == {"unknowns": [
		{"path": ["xs"], "reason": "var.a"},
		{"path": ["xs"], "reason": "var.b"},
	]}
}

test_of_elements_unknown_list if {
	tri.of_elements(["xs"], _u("var.xs"), false) == {"unknowns": [{"path": ["xs"], "reason": "var.xs"}]}
}

test_of_elements_known_list if {
	tri.of_elements(["xs"], ["x"], false) == false
	tri.of_elements(["xs"], ["x"], true) == true
	tri.of_elements(["xs"], null, true) == true
}

test_of_reasons if {
	tri.of_reasons([], {"var.a", "var.b"}, true) == {"unknowns": [
		{"path": [], "reason": "var.a"},
		{"path": [], "reason": "var.b"},
	]}
	tri.of_reasons([], set(), false) == false
	tri.of_reasons([], [], true) == true
}

test_unknown_records_one_per_unknown if {
	c := {"resource": "r0", "sub": "s", "path": ["p"], "actual": 1, "when": {"unknowns": [
		{"path": ["a"], "reason": "var.a"},
		{"path": ["b"], "reason": "var.b"},
	]}}
	tri.unknown_records(c) == {
		{"resource": "r0", "sub": "s", "path": ["a"], "reason": "var.a"},
		{"resource": "r0", "sub": "s", "path": ["b"], "reason": "var.b"},
	}
	not tri.unknown(c)
	not tri.failure(c)
}

test_unknown_records_single_unknown if {
	c := {"resource": "r0", "path": ["p"], "when": {"path": ["a"], "reason": "var.a"}}
	tri.unknown_records(c) == {tri.unknown(c)}
	tri.unknown(c) == {"resource": "r0", "path": ["a"], "reason": "var.a"}
}

test_unknown_records_decided if {
	tri.unknown_records({"resource": "r0", "path": ["p"], "when": true}) == set()
	tri.unknown_records({"resource": "r0", "path": ["p"], "when": false}) == set()
}

test_several_unknowns_stay_unknown if {
	s := {"unknowns": [{"path": ["a"], "reason": "var.a"}]}
	tri.all_hold([true, s]) == s
	tri.any_holds([false, s]) == s
	tri.negate(s) == s
}

test_of_each_names_every_unknown_value if {
	pairs := [[["a"], _u("var.a")], [["b"], 1], [["c"], _u("var.c")]]
	tri.of_each(pairs, true) == {"unknowns": [{"path": ["a"], "reason": "var.a"}, {"path": ["c"], "reason": "var.c"}]}
	tri.of_each(pairs, false) == tri.of_each(pairs, true)
}

test_of_each_known_values if {
	tri.of_each([[["a"], 1], [["b"], null]], true) == true
	tri.of_each([[["a"], 1]], false) == false
	tri.of_each([], true) == true
}

test_failure_on_failure if {
	c := {"resource": "r0", "path": ["p"], "when": true, "on_failure": {"sub": "s", "path": ["q"]}}
	tri.failure(c) == {"resource": "r0", "sub": "s", "path": ["q"]}
	u := {"resource": "r0", "path": ["p"], "when": {"path": ["a"], "reason": "var.a"}, "on_failure": {"sub": "s"}}
	tri.unknown(u) == {"resource": "r0", "path": ["a"], "reason": "var.a"}
	tri.failure({"resource": "r0", "path": ["p"], "when": true}) == {"resource": "r0", "path": ["p"]}
}

test_of_attrs_names_every_unknown_attribute_and_element if {
	obj := {"a": _u("var.a"), "b": ["x", _u("var.b")], "c": _u("var.c")}
	u := tri.of_attrs(["blk", 0], obj, ["a", "b"], true)
	{x | some x in u.unknowns} == {
		{"path": ["blk", 0, "a"], "reason": "var.a"},
		{"path": ["blk", 0, "b", 1], "reason": "var.b"},
	}
	tri.of_attrs([], {"a": 1}, ["a", "b"], false) == false
	tri.of_attrs([], {"a": 1}, ["a"], true) == true
}

# METADATA
# description: |
#   Three-valued logic over the policy input: a condition on values that may be unknown is
#   "yes", "no" or "unknown" (never pass or fail on a value the scanner could not evaluate).
package controlgate.lib.tri

import data.controlgate.lib.values as v

# METADATA
# description: Three-valued conjunction of "yes" / "no" / "unknown".
and3(a, b) := "no" if "no" in {a, b}

else := "yes" if {
	a == "yes"
	b == "yes"
} else := "unknown"

# METADATA
# description: |
#   Combine tri-state outcomes ("yes", "no", "unknown") of conditions that must all hold:
#   "no" when one is "no", else "unknown" when one is unknown, else "yes".
all_of(states) := "no" if {
	"no" in states
} else := "unknown" if {
	"unknown" in states
} else := "yes"

# METADATA
# description: |
#   The state of boolean attribute key of obj: "yes" (true), "no" (false), "unknown", or dflt when
#   it is absent (the provider default).
flag(obj, key, dflt) := "unknown" if {
	v.is_unknown(obj[key])
} else := "yes" if {
	v.is_true(obj[key])
} else := "no" if {
	v.is_false(obj[key])
} else := dflt if {
	not v.has(obj, key)
}

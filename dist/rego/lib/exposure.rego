# METADATA
# description: |
#   Helpers for the rules on exposure of managed services and tenant data (all providers):
#   three-valued reading of switches with a provider default, and IPv4 ranges.
package controlgate.lib.exposure

import data.controlgate.lib.values as v

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

# METADATA
# description: The number of dotted IPv4 address s (undefined when s is not one).
ipv4_number(s) := n if {
	is_string(s)
	regex.match(`^[0-9]{1,3}(\.[0-9]{1,3}){3}$`, s)
	p := [to_number(x) | some x in split(s, ".")]
	every x in p {
		x <= 255
	}
	n := (((p[0] * 16777216) + (p[1] * 65536)) + (p[2] * 256)) + p[3]
}

# METADATA
# description: |
#   True when the IPv4 range [start, end] covers at least half of the address space: a firewall
#   rule that wide admits the Internet, whatever its exact bounds.
internet_range(start, end) if ipv4_number(end) - ipv4_number(start) >= 2147483647

# METADATA
# scope: document
# description: |
#   True when CIDR c (a.b.c.d/n) covers at least half of the IPv4 space, or is ::/0 (any network).
world_cidr("::/0")

world_cidr(c) if {
	is_string(c)
	[addr, prefix_len] := split(c, "/")
	ipv4_number(addr)
	regex.match(`^[0-9]{1,2}$`, prefix_len)
	to_number(prefix_len) <= 1
}

# METADATA
# description: |
#   True when x is the value a Terraform plan gives an attribute of resource r that the
#   configuration does not write and the provider computes ("<address>.<path> (known after apply)").
#   Rules treat it as the attribute left out, as the HCL scan sees it.
computed_default(r, x) if {
	v.is_unknown(x)
	endswith(x.__unknown__, " (known after apply)")
	startswith(x.__unknown__, concat("", [r.address, "."]))
}

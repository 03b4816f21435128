# METADATA
# description: Network helpers shared by the ingress rules.
package controlgate.lib.network

# METADATA
# description: CIDR blocks that mean the whole Internet.
world_cidrs := {"0.0.0.0/0", "::/0"}

# METADATA
# description: Remote-administration ports (SSH, Telnet, RDP, WinRM over HTTP and HTTPS).
admin_ports := {22, 23, 3389, 5985, 5986}

# METADATA
# description: True when the list (or single string) of CIDRs holds a world CIDR.
# scope: document
has_world_cidr(cidrs) if {
	is_array(cidrs)
	some c in cidrs
	c in world_cidrs
}

has_world_cidr(cidrs) if cidrs in world_cidrs

# METADATA
# description: True when protocol means every protocol (and so every port).
all_protocols(p) if p in {"-1", -1, "all"}

# METADATA
# description: True when the closed range [from, to] holds an administration port.
covers_admin_port(from, to) if {
	some port in admin_ports
	to_number(from) <= port
	port <= to_number(to)
}

# METADATA
# description: |
#   [from, to] of a port range as AWS reads it: -1 (on TCP and UDP as on "all") means every port,
#   so a negative lower bound is 0 and a negative upper bound 65535.
# scope: document
port_bounds(from, to) := [_low(from), _high(to)]

_low(x) := 0 if x < 0

else := x

_high(x) := 65535 if x < 0

else := x

# METADATA
# title: Provider threat detection for compute is switched on where it is declared
# description: |
#   Threat detection services (GuardDuty, Defender for Servers) watch for crypto-mining, credential
#   exfiltration and malware on VMs using signals only the provider sees. They are the customer's to
#   enable; a detector declared but disabled, or a free tier, leaves those signals unused.
# custom:
#   id: MON-MULTI-001
#   severity: low
#   message: Threat detection for compute is disabled
#   remediation: |
#     Set enable = true on aws_guardduty_detector (with EC2 runtime and malware protection features) and
#     tier = "Standard" on azurerm_security_center_subscription_pricing for resource_type
#     "VirtualMachines", in every account and subscription.
#   controls:
#     iso27017: [CLD.12.4.5, CLD.6.3.1]
#     iso27002: [A.8.16, A.8.7, A.5.23]
#     soc2: [CC7.2, CC6.8, CC7.1]
#     cis: [CIS Azure v1.3.0 2.1]
#     nist: [SI-4, SI-3, RA-5]
#   inputs: [terraform]
#   equivalents: [AVD-AZU-0045]
package controlgate.rules.mon_multi_001

import data.controlgate.lib.terraform as tf
import data.controlgate.lib.tri
import data.controlgate.lib.values as v

applies contains r.id if some r in tf.resources({"aws_guardduty_detector"})

applies contains r.id if some r in _vm_pricing

deny contains tri.failure(c) if some c in _checks

unknown contains u if {
	some c in _checks
	some u in tri.unknown_records(c)
}

# A detector is enabled unless enable is written false.
_checks contains tri.fails_if_in({"resource": r.id}, [], r.config, "enable", true, v.falsy) if {
	some r in tf.resources({"aws_guardduty_detector"})
}

# resource_type defaults to "VirtualMachines".
_vm_pricing contains r if {
	some r in tf.resources({"azurerm_security_center_subscription_pricing"})
	object.get(r.config, "resource_type", "VirtualMachines") == "VirtualMachines"
}

# A VM pricing tier other than Standard; an unknown tier or resource type is not evaluated.
_checks contains object.union(
	{"resource": r.id, "path": ["tier"], "when": tri.of_each(
		[[[k], object.get(r.config, k, null)] | some k in ["tier", "resource_type"]],
		_free_tier(r),
	)},
	_tier(r.config),
) if {
	some r in tf.resources({"azurerm_security_center_subscription_pricing"})
}

default _free_tier(_) := false

_free_tier(r) if {
	r in _vm_pricing
	r.config.tier != "Standard"
}

_tier(c) := {"actual": t} if t := c.tier

else := {}

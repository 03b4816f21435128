// How the peers' checks line up with our rules, beyond the METADATA `equivalents` lists. Every
// entry says why; nothing here is a way to hide a disagreement we could fix.

/**
 * A peer check that judges one part of a broader rule: only our findings about that part count, on
 * its good and bad examples alike. `ids` matches our result id (VMH-AWS-001/hop-limit); `paths` are
 * attribute paths without block indices, and a finding counts when its path is one of them, lies
 * under one, or holds one (a finding on a missing block is about every attribute in it).
 */
export const ASPECTS = {
  'AVD-AWS-0016': { paths: ['enable_log_file_validation'] },
  'AVD-AWS-0015': { paths: ['kms_key_id'] },
  'AVD-AWS-0162': { ids: /^MON-AWS-002\/cloudwatch$/ },
  'AVD-AWS-0028': { ids: /^VMH-AWS-001$/ },
  'AVD-AWS-0130': { ids: /^VMH-AWS-001$/ },
  'AVD-AWS-0086': { paths: ['block_public_acls'] },
  'AVD-AWS-0087': { paths: ['block_public_policy'] },
  'AVD-AWS-0091': { paths: ['ignore_public_acls'] },
  'AVD-AWS-0093': { paths: ['restrict_public_buckets'] },
  'AVD-AWS-0094': { ids: /^SEG-AWS-002$/ },
  'AVD-AZU-0016': { paths: ['purge_protection_enabled'] },
  'AVD-AZU-0029': { ids: /^NET-AZ-003$/ },
  'AVD-AZU-0031': { paths: ['retention_policy'] },
  'AVD-AZU-0032': { paths: ['locations'] },
  'AVD-AZU-0033': { paths: ['categories'] },
  'AVD-AZU-0039': { paths: ['admin_password', 'disable_password_authentication', 'os_profile_linux_config.disable_password_authentication'] },
  'AVD-AZU-0042': { paths: ['role_based_access_control_enabled', 'role_based_access_control', 'azure_active_directory_role_based_access_control'] },
  'AVD-AZU-0049': { ids: /^MON-AZ-001$/, paths: ['retention_policy', 'enabled'] },
  'AVD-GCP-0015': { ids: /^NET-GCP-002\/no-ssl$/ },
  'AVD-GCP-0017': { ids: /^NET-GCP-002$/ },
  'AVD-GCP-0029': { ids: /^MON-GCP-001$/ },
  'AVD-GCP-0030': { paths: ['metadata.block-project-ssh-keys'] },
  'AVD-GCP-0032': { paths: ['metadata.serial-port-enable'] },
  'AVD-GCP-0036': { paths: ['metadata.enable-oslogin'] },
  'AVD-GCP-0042': { paths: ['metadata.enable-oslogin'] },
  'AVD-GCP-0041': { paths: ['shielded_instance_config.enable_vtpm'] },
  'AVD-GCP-0045': { paths: ['shielded_instance_config.enable_integrity_monitoring'] },
  'AVD-GCP-0067': { paths: ['shielded_instance_config.enable_secure_boot'] },
  'AVD-GCP-0044': { ids: /^VMH-GCP-001(\/full-scope)?$/ },
  'AVD-GCP-0048': { paths: ['node_config.metadata.disable-legacy-endpoints'] },
  'AVD-GCP-0055': { paths: ['enable_shielded_nodes'] },
  'AVD-GCP-0057': { paths: ['node_config.workload_metadata_config'] },
  'AVD-GCP-0062': { paths: ['enable_legacy_abac'] },
  'AVD-GCP-0064': { ids: /^ADM-K8S-001\/legacy-auth$/ },
};

/** "<peer check> <our rule>" pairs listed as equivalents (for honouring the peer's suppressions)
 * whose failing conditions differ: not measured. The ones found so far were taken out of the rules'
 * METADATA instead, so that a peer's suppression no longer waives a rule it is not about:
 * AVD-AWS-0123 / AVD-AWS-0145 (an MFA policy on IAM groups / users) from ADM-AWS-002 (MFA in the
 * trust policy of roles people assume); AVD-AZU-0038 and CKV_AZURE_2 (Azure Disk Encryption) from
 * VMH-MULTI-004 (customer-managed keys; managed disks are always encrypted at rest); AVD-AZU-0046 (a
 * phone number on the security contact) from SHR-MULTI-001. */
export const NOT_EQUIVALENT = {};

/** The peer's failing condition is broader than our rule's on purpose: the example fails the peer
 * check for a reason our rule does not claim to judge. Not counted. */
export const OUTSIDE_OUR_CONDITION = {
  'trivy-checks AVD-AWS-0057 bad-0': 's3:* on * is a service-wide wildcard; ADM-AWS-001 (CIS AWS 1.16) judges full administrative privileges, "*" on "*"',
  'trivy-checks AVD-GCP-0027 bad-0': 'ICMP from the Internet opens no port; our rules judge administration ports, all ports and high-risk service ports',
  'trivy-checks AVD-GCP-0033 bad-0': 'customer-managed disk keys are required where the data is classified restricted (VMH-MULTI-004, configurable); the example carries no classification',
  'trivy-checks AVD-GCP-0034 bad-0': 'customer-managed disk keys are required where the data is classified restricted (VMH-MULTI-004, configurable); the example carries no classification',
  'trivy-checks AVD-GCP-0015 bad-0': 'the instance has no public IP (ipv4_enabled = false): its connections come through the VPC or the Cloud SQL Auth Proxy, and NET-GCP-002 asks for SSL where the public IP admits clients directly',
  'trivy-checks AVD-GCP-0015 bad-1': 'the instance has no public IP (ipv4_enabled = false): its connections come through the VPC or the Cloud SQL Auth Proxy, and NET-GCP-002 asks for SSL where the public IP admits clients directly',
  'defsec AVD-GCP-0033 bad-0': 'customer-managed disk keys are required where the data is classified restricted (VMH-MULTI-004, configurable); the example carries no classification',
  'defsec AVD-GCP-0034 bad-0': 'customer-managed disk keys are required where the data is classified restricted (VMH-MULTI-004, configurable); the example carries no classification',
};

/** "<peer> <check> <label>-<index>": labels that are wrong about the provider or Terraform, with why. */
export const SET_ASIDE = {
  'trivy-checks AVD-AWS-0101 bad-0': 'aws_default_vpc adopts the region\'s existing default VPC into state (usually to manage or lock it down): it creates nothing and places no workload in it',
  'trivy-checks AVD-AWS-0102 good-0': 'the example opens SSH (22/tcp) to 0.0.0.0/0 through a network ACL: CIS AWS 5.1 fails it, and the peer\'s own AVD-AWS-0105 labels the same rule bad',
  'trivy-checks AVD-AWS-0104 bad-0': 'an egress block without protocol, from_port and to_port is rejected by the AWS provider (all three are required)',
  'trivy-checks AVD-AZU-0030 good-0': 'actions ["*"] assignable at subscription scope is a custom subscription owner role, which CIS Azure 1.21 fails',
  'trivy-checks AVD-AZU-0039 good-0': 'the Linux VM sets admin_password, which azurerm accepts only with disable_password_authentication = false: a VM with a password is one that allows password login',
  'trivy-checks AVD-AZU-0040 good-0': 'the OMS agent (Container insights) collects container logs and metrics; the API server\'s audit log is exported only by a diagnostic setting (kube-audit)',
  'trivy-checks AVD-AZU-0040 good-1': 'the OMS agent (Container insights) collects container logs and metrics; the API server\'s audit log is exported only by a diagnostic setting (kube-audit)',
  'trivy-checks AVD-AZU-0047 bad-0': 'azurerm_network_security_rule requires protocol and a destination port: the provider rejects the example',
  'trivy-checks AVD-GCP-0005 bad-0': 'google_folder_iam_binding requires members: the example grants nothing',
  'trivy-checks AVD-GCP-0005 bad-1': 'google_folder_iam_binding requires members: the example grants nothing',
  'trivy-checks AVD-GCP-0009 bad-0': 'google_organization_iam_binding requires members: the example grants nothing',
  'trivy-checks AVD-GCP-0009 bad-1': 'google_organization_iam_binding requires members: the example grants nothing',
  'trivy-checks AVD-GCP-0011 bad-0': 'google_project_iam_binding requires members: the example grants nothing',
  'trivy-checks AVD-GCP-0011 bad-1': 'google_project_iam_binding requires members: the example grants nothing',
  'defsec AVD-AWS-0107 bad-0': 'an ingress rule without protocol, from_port and to_port is rejected by the AWS provider (the older check judged any public ingress; trivy-checks\' example has the ports)',
  'defsec AVD-GCP-0059 good-0': 'the node pool belongs to google_container_cluster.primary, which the example does not declare (trivy-checks\' version of the example is fixed)',
  'defsec AVD-GCP-0059 bad-0': 'the node pool belongs to google_container_cluster.primary, which the example does not declare (trivy-checks\' version of the example is fixed)',
};

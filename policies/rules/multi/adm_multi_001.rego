# METADATA
# title: Infrastructure code creates no long-lived access keys for users or service accounts
# description: |
#   Access keys created by Terraform live in its state, never expire on their own and tend to be
#   copied into CI systems and laptops. Workload identity federation, instance roles and managed
#   identities give short-lived credentials instead.
# custom:
#   id: ADM-MULTI-001
#   severity: medium
#   message: Long-lived access key is created in code
#   remediation: |
#     Remove aws_iam_access_key and google_service_account_key; use IAM roles (instance profiles,
#     GitHub OIDC federation), GCP Workload Identity Federation or attached service accounts, and Entra
#     workload identity federation (azuread_application_federated_identity_credential) instead of
#     client secrets.
#   controls:
#     iso27017: [CLD.12.1.5]
#     iso27002: [A.5.17, A.8.5]
#     soc2: [CC6.1, CC6.2]
#     cis: [CIS GCP v1.2.0 1.4, CIS AWS v1.4.0 1.14]
#     nist: [AC-2(1), AC-2(3), AC-3(15), IA-5]
#   subresults:
#     entra-secret:
#       severity: low
#       message: Entra ID client secret is created in code
#   inputs: [terraform]
#   equivalents: [FG_R00383, AVD-AWS-0146]
package controlgate.rules.adm_multi_001

import data.controlgate.lib.terraform as tf

_keys := {"aws_iam_access_key", "google_service_account_key"}

_entra := {"azuread_application_password", "azuread_service_principal_password"}

applies contains r.id if some r in tf.resources(_keys | _entra)

deny contains {"resource": r.id, "path": []} if some r in tf.resources(_keys)

deny contains {"resource": r.id, "path": [], "sub": "entra-secret"} if some r in tf.resources(_entra)

// Input and output names, mirroring action.yml (a test keeps the two in step).
export const Inputs = {
  Paths: 'paths',
  FailOn: 'fail-on',
  WorkingDirectory: 'working-directory',
  MaxFileBytes: 'max-file-bytes',
  ParseTimeout: 'parse-timeout',
  VarFiles: 'var-files',
  Plan: 'plan',
  Scope: 'scope',
  PrComments: 'pr-comments',
  GithubToken: 'github-token',
  SarifFile: 'sarif-file',
  EvidenceFile: 'evidence-file',
  ResultFile: 'result-file',
  Config: 'config',
  TrustedConfig: 'trusted-config',
  Frameworks: 'frameworks',
  PolicyBundles: 'policy-bundles',
  Shard: 'shard',
  Baseline: 'baseline',
  AllowEmpty: 'allow-empty',
} as const;

export const Outputs = {
  Findings: 'findings',
  Failed: 'failed',
  FilesScanned: 'files-scanned',
  FileErrors: 'file-errors',
  SarifFile: 'sarif-file',
  EvidenceFile: 'evidence-file',
} as const;

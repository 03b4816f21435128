// Input and output names, mirroring action.yml (a test keeps the two in step).
export const Inputs = {
  Paths: 'paths',
  FailOn: 'fail-on',
  WorkingDirectory: 'working-directory',
  MaxFileBytes: 'max-file-bytes',
} as const;

export const Outputs = {
  Findings: 'findings',
  Failed: 'failed',
  FilesScanned: 'files-scanned',
  FileErrors: 'file-errors',
} as const;

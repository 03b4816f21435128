// The policy input document: what every Rego rule sees. Mirrored by policies/schemas/input.schema.json
// (tests/input-schema.test.ts validates the input of every fixture and corpus folder against it). Keep the two in step.

/**
 * A value the scanner could not know statically (a reference to a variable, resource, data source,
 * function call, template...). Rules must report "not evaluated" for it, never pass or fail.
 */
export interface UnknownValue {
  __unknown__: string;
}

export type Value = null | boolean | number | string | UnknownValue | Value[] | { [k: string]: Value };

export interface TerraformResource {
  /** Unique within the input: "<file>#<address>". Results refer to resources by this. */
  id: string;
  /** Terraform address, e.g. "aws_instance.web" or "data.aws_ami.ubuntu". */
  address: string;
  mode: 'managed' | 'data';
  type: string;
  name: string;
  /** The folder holding the module's files (POSIX, relative to the workspace). */
  module_dir: string;
  file: string;
  /** The block's body in hcl2json's shape: attributes as values, nested blocks as lists of objects. */
  config: { [k: string]: Value };
  /** Module calls leading to this resource, outermost first (["app", "db[0]"]); absent in a root module. */
  module_path?: string[];
  /** Where the innermost module call is written (absent in a root module). */
  call_site?: { file: string; line: number };
  /** Address inside its module, without module prefix or instance key: what references name. */
  local_address?: string;
  /** count index or for_each key of an expanded instance. */
  instance_key?: string | number;
}

export interface TerraformProvider {
  id: string;
  name: string;
  alias?: string;
  module_dir: string;
  file: string;
  config: { [k: string]: Value };
}

export interface Variable {
  id: string;
  name: string;
  /** module_dir for Terraform, template_dir for Packer. */
  dir: string;
  file: string;
  has_default: boolean;
  default?: Value;
  sensitive: boolean;
}

export interface PackerSource {
  id: string;
  /** "source.<type>.<name>" */
  address: string;
  type: string;
  name: string;
  template_dir: string;
  file: string;
  syntax: 'hcl' | 'json';
  config: { [k: string]: Value };
  /** For a source declared inside a build that overrides fields: the source it starts from. */
  base?: string;
  /** ... and the build that declares it. */
  build?: string;
}

export interface PackerProvisioner {
  type: string;
  /** Position among the build's provisioners in source order (0-based). */
  index: number;
  /** Where it is written, inside the build's body: what a finding about it reports as its path.
   * ["provisioner", "shell", 0] in HCL (the body groups blocks by type; 0 counts among that type),
   * ["provisioners", 2] in a legacy JSON template; "post-processor(s)" likewise. */
  path: Array<string | number>;
  config: { [k: string]: Value };
}

export interface PackerBuild {
  id: string;
  name: string;
  template_dir: string;
  file: string;
  /** Addresses of the sources the build uses ("source.amazon-ebs.ubuntu"). */
  sources: string[];
  provisioners: PackerProvisioner[];
  post_processors: PackerProvisioner[];
}

export interface PolicyInput {
  schema_version: 1;
  terraform: {
    resources: TerraformResource[];
    providers: TerraformProvider[];
    variables: Variable[];
  };
  packer: {
    sources: PackerSource[];
    builds: PackerBuild[];
    variables: Variable[];
  };
  /** Settings from the configuration that rules read (absent: each rule's default). */
  settings?: { owner_tag_keys?: string[]; classification_tag_keys?: string[]; restricted_classifications?: string[] };
}

export function emptyInput(): PolicyInput {
  return {
    schema_version: 1,
    terraform: { resources: [], providers: [], variables: [] },
    packer: { sources: [], builds: [], variables: [] },
  };
}

#!/usr/bin/env node
// Deterministic generator of a realistic Terraform monorepo, for the benchmark (npm run bench).
//
//   node scripts/bench/generate-monorepo.mjs <outDir> <nFiles> [--seed n]
//
// Layout: services/<team>/<service>/{main,variables,outputs,network,...}.tf, plus shared modules
// under modules/<name>/ and environment roots under envs/<env>/<region>/. Each folder is one cloud
// (AWS, Azure or GCP) with the resource kinds a cloud security baseline checks (instances, launch
// templates, security groups and rules, subnets, VPCs, flow logs, volumes, VMs, NSG rules, firewalls,
// IAM, buckets, clusters), variables, locals, count/for_each, dynamic blocks, comments and heredocs,
// and a mix of compliant, non-compliant and unknown (variable-driven) settings. Files are 30-200
// lines. The same seed and count give a byte-identical tree (no clock, no environment, sorted order).
//
// Also exported as a module: generateMonorepo(outDir, nFiles, seed) and generateFiles(nFiles, seed).
import { mkdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const GENERATOR_VERSION = 2;

// ---------------------------------------------------------------------------------------------
// PRNG: mulberry32 seeded through splitmix32, so small seeds give unrelated streams.
function makeRng(seed) {
  let s = (seed >>> 0) ^ 0x9e3779b9;
  s = Math.imul(s ^ (s >>> 16), 0x85ebca6b);
  s = Math.imul(s ^ (s >>> 13), 0xc2b2ae35);
  s = (s ^ (s >>> 16)) >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const rng = {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (arr) => arr[Math.floor(next() * arr.length)],
    chance: (p) => next() < p,
    /** Weighted choice: [[weight, value], ...] */
    weighted: (pairs) => {
      const total = pairs.reduce((a, [w]) => a + w, 0);
      let r = next() * total;
      for (const [w, v] of pairs) {
        if ((r -= w) < 0) return v;
      }
      return pairs[pairs.length - 1][1];
    },
  };
  return rng;
}

// ---------------------------------------------------------------------------------------------
// Vocabulary
const TEAMS = [
  'payments', 'identity', 'search', 'checkout', 'catalog', 'platform', 'data', 'ml', 'growth', 'billing',
  'fraud', 'logistics', 'messaging', 'media', 'ads', 'analytics', 'core', 'edge', 'security', 'infra',
  'mobile', 'partners', 'support', 'risk', 'ledger', 'notifications', 'pricing', 'inventory', 'orders', 'reporting',
];
const SVC_A = ['api', 'worker', 'gateway', 'indexer', 'scheduler', 'ingest', 'export', 'sync', 'proxy', 'cache', 'batch', 'stream', 'router', 'auth', 'web'];
const SVC_B = ['core', 'v2', 'internal', 'public', 'east', 'jobs', 'events', 'backend', 'admin', 'hub'];
const ENVS = ['dev', 'staging', 'prod', 'sandbox', 'perf'];
const AWS_REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-2'];
const AZ_REGIONS = ['westeurope', 'northeurope', 'eastus2', 'uksouth'];
const GCP_REGIONS = ['europe-west1', 'us-central1', 'asia-northeast1', 'europe-west4'];
const INSTANCE_TYPES = ['t3.micro', 't3.medium', 'm5.large', 'm6i.xlarge', 'c6g.large', 'r5.2xlarge'];
const AZ_SIZES = ['Standard_B2s', 'Standard_D2s_v5', 'Standard_D4s_v5', 'Standard_E4s_v5'];
const GCP_TYPES = ['e2-medium', 'n2-standard-2', 'n2-standard-4', 'c3-standard-8'];
const PORTS = [22, 80, 443, 3389, 5432, 3306, 6379, 8080, 8443, 9090, 27017];
const CIDRS_OPEN = ['0.0.0.0/0', '::/0'];
const CIDRS_PRIVATE = ['10.0.0.0/8', '10.20.0.0/16', '172.16.0.0/12', '192.168.10.0/24', '10.40.12.0/22'];

const ident = (s) => s.replace(/[^a-z0-9_]/g, '_');

// ---------------------------------------------------------------------------------------------
// Block emitters. Each returns an array of lines. `ctx` carries the folder's names and the rng.

function comment(ctx, what) {
  const r = ctx.rng;
  return r.weighted([
    [5, [`# ${what}`]],
    [2, [`// ${what}`]],
    [1, ['/*', ` * ${what}.`, ` * Owner: team-${ctx.team}. Review with the platform team before changing.`, ' */']],
    [2, []],
  ]);
}

function tags(ctx, indent = '  ', attr = 'tags') {
  const r = ctx.rng;
  if (r.chance(0.3)) return [`${indent}${attr} = local.common_tags`];
  if (r.chance(0.3)) return [`${indent}${attr} = merge(local.common_tags, {`, `${indent}  Name = "${ctx.svc}-${r.int(1, 99)}"`, `${indent}})`];
  return [`${indent}${attr} = {`, `${indent}  Team        = "${ctx.team}"`, `${indent}  Service     = "${ctx.svc}"`, `${indent}  Environment = var.environment`, `${indent}  ManagedBy   = "terraform"`, `${indent}}`];
}

/** One of: compliant literal, non-compliant literal, variable reference (unknown statically). */
function tri(r, good, bad, varRef, pGood = 0.55, pBad = 0.3) {
  const x = r.next();
  if (x < pGood) return good;
  if (x < pGood + pBad) return bad;
  return varRef;
}

const aws = {
  instance(ctx, n) {
    const r = ctx.rng;
    const name = `${ident(ctx.svc)}_${n}`;
    const out = [...comment(ctx, `Application hosts for ${ctx.svc}`), `resource "aws_instance" "${name}" {`];
    if (r.chance(0.25)) out.push(`  count = var.instance_count`);
    out.push(`  ami           = data.aws_ami.base.id`, `  instance_type = "${r.pick(INSTANCE_TYPES)}"`, `  subnet_id     = aws_subnet.private[0].id`);
    out.push(`  vpc_security_group_ids = [aws_security_group.${ident(ctx.svc)}.id]`);
    if (r.chance(0.4)) out.push(`  associate_public_ip_address = ${tri(r, 'false', 'true', 'var.public_ip')}`);
    out.push(`  iam_instance_profile = aws_iam_instance_profile.${ident(ctx.svc)}.name`);
    out.push(`  monitoring           = ${tri(r, 'true', 'false', 'var.detailed_monitoring')}`);
    if (r.chance(0.8)) {
      out.push('', '  metadata_options {');
      out.push(`    http_endpoint               = "enabled"`);
      out.push(`    http_tokens                 = ${tri(r, '"required"', '"optional"', 'var.http_tokens')}`);
      out.push(`    http_put_response_hop_limit = ${tri(r, '1', String(r.int(2, 3)), 'var.hop_limit')}`);
      if (r.chance(0.3)) out.push(`    instance_metadata_tags      = "enabled"`);
      out.push('  }');
    }
    out.push('', '  root_block_device {', `    volume_size = ${r.pick([20, 30, 50, 100])}`, `    volume_type = "gp3"`);
    out.push(`    encrypted   = ${tri(r, 'true', 'false', 'var.encrypt_volumes')}`);
    if (r.chance(0.4)) out.push(`    kms_key_id  = aws_kms_key.${ident(ctx.svc)}.arn`);
    out.push('  }');
    if (r.chance(0.35)) {
      out.push('', `  user_data = <<-EOT`, `    #!/bin/bash`, `    set -euo pipefail`, `    echo "starting ${ctx.svc}" > /var/log/bootstrap.log`);
      out.push(`    yum install -y amazon-cloudwatch-agent`, `    systemctl enable --now ${ctx.svc}`, `  EOT`);
    }
    out.push('', ...tags(ctx), '}');
    return out;
  },
  launchTemplate(ctx, n) {
    const r = ctx.rng;
    const out = [...comment(ctx, 'Launch template used by the autoscaling group'), `resource "aws_launch_template" "${ident(ctx.svc)}_${n}" {`];
    out.push(`  name_prefix   = "${ctx.svc}-"`, `  image_id      = var.ami_id`, `  instance_type = "${r.pick(INSTANCE_TYPES)}"`);
    out.push(`  update_default_version = true`);
    if (r.chance(0.85)) {
      out.push('', '  metadata_options {', `    http_endpoint               = "enabled"`);
      out.push(`    http_tokens                 = ${tri(r, '"required"', '"optional"', 'var.http_tokens')}`);
      out.push(`    http_put_response_hop_limit = ${tri(r, '1', '2', 'var.hop_limit', 0.5, 0.4)}`, '  }');
    }
    out.push('', '  block_device_mappings {', `    device_name = "/dev/xvda"`, '', '    ebs {', `      volume_size           = ${r.pick([30, 50, 80])}`);
    out.push(`      encrypted             = ${tri(r, 'true', 'false', 'var.encrypt_volumes')}`, `      delete_on_termination = true`, '    }', '  }');
    out.push('', '  network_interfaces {', `    associate_public_ip_address = ${tri(r, 'false', 'true', 'var.public_ip', 0.7, 0.2)}`);
    out.push(`    security_groups             = [aws_security_group.${ident(ctx.svc)}.id]`, '  }');
    if (r.chance(0.5)) {
      out.push('', '  dynamic "tag_specifications" {', '    for_each = toset(["instance", "volume"])', '    content {');
      out.push('      resource_type = tag_specifications.value', '      tags          = local.common_tags', '    }', '  }');
    }
    out.push('', `  user_data = base64encode(templatefile("\${path.module}/templates/userdata.sh.tpl", {`, `    cluster = var.cluster_name`, '  }))', '}');
    return out;
  },
  ebsVolume(ctx, n) {
    const r = ctx.rng;
    return [`resource "aws_ebs_volume" "${ident(ctx.svc)}_data_${n}" {`, `  availability_zone = "${r.pick(AWS_REGIONS)}a"`, `  size              = ${r.pick([100, 200, 500])}`,
      `  type              = "gp3"`, `  encrypted         = ${tri(r, 'true', 'false', 'var.encrypt_volumes')}`, ...tags(ctx), '}'];
  },
  iamRole(ctx, n) {
    const r = ctx.rng;
    const name = `${ident(ctx.svc)}_${n}`;
    const action = tri(r, '"s3:GetObject"', '"*"', '"s3:*"', 0.6, 0.25);
    return [...comment(ctx, 'Instance role'), `resource "aws_iam_role" "${name}" {`, `  name = "${ctx.svc}-${n}"`, '', `  assume_role_policy = <<EOF`, '{',
      '  "Version": "2012-10-17",', '  "Statement": [', '    {', '      "Effect": "Allow",', '      "Principal": { "Service": "ec2.amazonaws.com" },',
      '      "Action": "sts:AssumeRole"', '    }', '  ]', '}', 'EOF', '}', '',
      `resource "aws_iam_role_policy" "${name}" {`, `  role   = aws_iam_role.${name}.id`, '  policy = jsonencode({', '    Version = "2012-10-17"', '    Statement = [{',
      '      Effect   = "Allow"', `      Action   = [${action}]`, `      Resource = "${r.chance(0.3) ? '*' : `arn:aws:s3:::${ctx.team}-${ctx.svc}/*`}"`, '    }]', '  })', '}'];
  },
  s3(ctx, n) {
    const r = ctx.rng;
    const name = `${ident(ctx.svc)}_${n}`;
    const out = [`resource "aws_s3_bucket" "${name}" {`, `  bucket = "${ctx.team}-${ctx.svc}-${r.pick(['artifacts', 'logs', 'exports', 'backups'])}-${n}"`, ...tags(ctx), '}', ''];
    out.push(`resource "aws_s3_bucket_public_access_block" "${name}" {`, `  bucket                  = aws_s3_bucket.${name}.id`);
    const v = tri(r, 'true', 'false', 'var.block_public');
    out.push(`  block_public_acls       = ${v}`, `  block_public_policy     = ${v}`, `  ignore_public_acls      = true`, `  restrict_public_buckets = true`, '}');
    return out;
  },
  vpc(ctx) {
    const r = ctx.rng;
    const cidr = r.pick(['10.0.0.0/16', '10.10.0.0/16', '10.20.0.0/16', '172.20.0.0/16']);
    return [...comment(ctx, 'Network for the service'), `resource "aws_vpc" "this" {`, `  cidr_block           = "${cidr}"`, `  enable_dns_support   = true`,
      `  enable_dns_hostnames = true`, ...tags(ctx), '}'];
  },
  subnets(ctx) {
    const r = ctx.rng;
    const out = [`resource "aws_subnet" "private" {`, `  count             = length(var.azs)`, `  vpc_id            = aws_vpc.this.id`,
      `  cidr_block        = cidrsubnet(aws_vpc.this.cidr_block, 4, count.index)`, `  availability_zone = var.azs[count.index]`, ...tags(ctx), '}', ''];
    out.push(`resource "aws_subnet" "public" {`, `  count                   = ${r.chance(0.5) ? 'length(var.azs)' : '2'}`, `  vpc_id                  = aws_vpc.this.id`,
      `  cidr_block              = cidrsubnet(aws_vpc.this.cidr_block, 4, count.index + 8)`, `  map_public_ip_on_launch = ${tri(r, 'false', 'true', 'var.map_public_ip')}`, ...tags(ctx), '}');
    return out;
  },
  flowLog(ctx) {
    const r = ctx.rng;
    if (r.chance(0.3)) return ['# TODO(network): flow logs are not enabled for this VPC yet'];
    return [`resource "aws_flow_log" "this" {`, `  vpc_id               = aws_vpc.this.id`, `  traffic_type         = ${tri(r, '"ALL"', '"REJECT"', 'var.flow_log_traffic_type')}`,
      `  log_destination_type = "cloud-watch-logs"`, `  log_destination      = aws_cloudwatch_log_group.flow.arn`, `  iam_role_arn         = aws_iam_role.flow.arn`, '}', '',
      `resource "aws_cloudwatch_log_group" "flow" {`, `  name              = "/vpc/${ctx.svc}/flow"`, `  retention_in_days = ${r.pick([7, 30, 90, 365])}`, '}'];
  },
  securityGroup(ctx) {
    const r = ctx.rng;
    const sg = ident(ctx.svc);
    const out = [...comment(ctx, 'Ingress for the service'), `resource "aws_security_group" "${sg}" {`, `  name_prefix = "${ctx.svc}-"`, `  description = "Security group for ${ctx.svc}"`, `  vpc_id      = aws_vpc.this.id`];
    const nIn = r.int(1, 3);
    for (let i = 0; i < nIn; i++) {
      const port = r.pick(PORTS);
      out.push('', '  ingress {', `    description = "port ${port}"`, `    from_port   = ${port}`, `    to_port     = ${port}`, `    protocol    = "tcp"`);
      out.push(`    cidr_blocks = [${tri(r, `"${r.pick(CIDRS_PRIVATE)}"`, `"${CIDRS_OPEN[0]}"`, 'var.allowed_cidr', 0.6, 0.25)}]`, '  }');
    }
    out.push('', '  egress {', '    from_port   = 0', '    to_port     = 0', '    protocol    = "-1"', '    cidr_blocks = ["0.0.0.0/0"]', '  }', '', '  lifecycle {', '    create_before_destroy = true', '  }', '}');
    return out;
  },
  sgRule(ctx, n) {
    const r = ctx.rng;
    const port = r.pick(PORTS);
    if (r.chance(0.5)) {
      return [`resource "aws_security_group_rule" "${ident(ctx.svc)}_in_${n}" {`, `  type              = "ingress"`, `  security_group_id = aws_security_group.${ident(ctx.svc)}.id`,
        `  from_port         = ${port}`, `  to_port           = ${port}`, `  protocol          = "tcp"`, `  cidr_blocks       = [${tri(r, `"${r.pick(CIDRS_PRIVATE)}"`, '"0.0.0.0/0"', 'var.allowed_cidr')}]`, '}'];
    }
    return [`resource "aws_vpc_security_group_ingress_rule" "${ident(ctx.svc)}_in_${n}" {`, `  security_group_id = aws_security_group.${ident(ctx.svc)}.id`,
      `  from_port         = ${port}`, `  to_port           = ${port}`, `  ip_protocol       = "tcp"`, `  cidr_ipv4         = ${tri(r, `"${r.pick(CIDRS_PRIVATE)}"`, '"0.0.0.0/0"', 'var.allowed_cidr')}`, '}'];
  },
};

const azure = {
  vm(ctx, n) {
    const r = ctx.rng;
    const name = `${ident(ctx.svc)}_${n}`;
    const out = [...comment(ctx, 'Virtual machines'), `resource "azurerm_linux_virtual_machine" "${name}" {`, `  name                = "vm-${ctx.svc}-${n}"`,
      `  resource_group_name = azurerm_resource_group.this.name`, `  location            = azurerm_resource_group.this.location`, `  size                = "${r.pick(AZ_SIZES)}"`,
      `  admin_username      = "azureuser"`, `  network_interface_ids = [azurerm_network_interface.${name}.id]`];
    out.push(`  disable_password_authentication = ${tri(r, 'true', 'false', 'var.disable_password_auth')}`);
    if (r.chance(0.5)) out.push(`  encryption_at_host_enabled      = ${tri(r, 'true', 'false', 'var.encryption_at_host')}`);
    if (r.chance(0.4)) out.push(`  secure_boot_enabled             = ${tri(r, 'true', 'false', 'var.secure_boot')}`, `  vtpm_enabled                    = true`);
    out.push('', '  admin_ssh_key {', '    username   = "azureuser"', '    public_key = file(var.ssh_public_key_path)', '  }');
    out.push('', '  os_disk {', '    caching              = "ReadWrite"', `    storage_account_type = "Premium_LRS"`, '  }');
    out.push('', '  source_image_reference {', '    publisher = "Canonical"', '    offer     = "0001-com-ubuntu-server-jammy"', '    sku       = "22_04-lts-gen2"', '    version   = "latest"', '  }');
    if (r.chance(0.3)) out.push('', `  custom_data = base64encode(<<-EOT`, '    #cloud-config', '    package_update: true', '    packages:', '      - nginx', '  EOT', '  )');
    out.push('', ...tags(ctx), '}', '', `resource "azurerm_network_interface" "${name}" {`, `  name                = "nic-${ctx.svc}-${n}"`,
      `  location            = azurerm_resource_group.this.location`, `  resource_group_name = azurerm_resource_group.this.name`, '', '  ip_configuration {', '    name                          = "internal"',
      '    subnet_id                     = azurerm_subnet.app.id', '    private_ip_address_allocation = "Dynamic"');
    if (r.chance(0.25)) out.push(`    public_ip_address_id          = azurerm_public_ip.${name}.id`);
    out.push('  }', '}');
    return out;
  },
  nsgRule(ctx, n) {
    const r = ctx.rng;
    const port = r.pick(PORTS);
    return [`resource "azurerm_network_security_rule" "${ident(ctx.svc)}_${n}" {`, `  name                        = "allow-${port}-${n}"`, `  priority                    = ${100 + n * 10}`,
      `  direction                   = "Inbound"`, `  access                      = "Allow"`, `  protocol                    = "Tcp"`, `  source_port_range           = "*"`,
      `  destination_port_range      = "${port}"`, `  source_address_prefix       = ${tri(r, `"${r.pick(CIDRS_PRIVATE)}"`, r.pick(['"*"', '"Internet"', '"0.0.0.0/0"']), 'var.source_prefix')}`,
      `  destination_address_prefix  = "*"`, `  resource_group_name         = azurerm_resource_group.this.name`, `  network_security_group_name = azurerm_network_security_group.this.name`, '}'];
  },
  network(ctx) {
    const r = ctx.rng;
    return [`resource "azurerm_resource_group" "this" {`, `  name     = "rg-${ctx.team}-${ctx.svc}"`, `  location = "${r.pick(AZ_REGIONS)}"`, ...tags(ctx), '}', '',
      `resource "azurerm_virtual_network" "this" {`, `  name                = "vnet-${ctx.svc}"`, `  address_space       = ["${r.pick(['10.1.0.0/16', '10.2.0.0/16', '10.50.0.0/16'])}"]`,
      `  location            = azurerm_resource_group.this.location`, `  resource_group_name = azurerm_resource_group.this.name`, '}', '',
      `resource "azurerm_subnet" "app" {`, `  name                 = "snet-app"`, `  resource_group_name  = azurerm_resource_group.this.name`,
      `  virtual_network_name = azurerm_virtual_network.this.name`, `  address_prefixes     = [cidrsubnet(azurerm_virtual_network.this.address_space[0], 8, 1)]`, '}', '',
      `resource "azurerm_network_security_group" "this" {`, `  name                = "nsg-${ctx.svc}"`, `  location            = azurerm_resource_group.this.location`,
      `  resource_group_name = azurerm_resource_group.this.name`, '}', '',
      `resource "azurerm_subnet_network_security_group_association" "app" {`, `  subnet_id                 = azurerm_subnet.app.id`, `  network_security_group_id = azurerm_network_security_group.this.id`, '}'];
  },
  flowLog(ctx) {
    const r = ctx.rng;
    return [`resource "azurerm_network_watcher_flow_log" "this" {`, `  network_watcher_name = "NetworkWatcher_${r.pick(AZ_REGIONS)}"`, `  resource_group_name  = "NetworkWatcherRG"`,
      `  name                 = "fl-${ctx.svc}"`, `  network_security_group_id = azurerm_network_security_group.this.id`, `  storage_account_id   = var.flow_log_storage_account_id`,
      `  enabled              = ${tri(r, 'true', 'false', 'var.flow_logs_enabled')}`, '', '  retention_policy {', `    enabled = true`, `    days    = ${r.pick([7, 30, 90])}`, '  }', '}'];
  },
  keyVault(ctx, n) {
    const r = ctx.rng;
    return [`resource "azurerm_key_vault" "${ident(ctx.svc)}_${n}" {`, `  name                       = "kv-${ctx.svc.slice(0, 10)}-${n}"`, `  location                   = azurerm_resource_group.this.location`,
      `  resource_group_name        = azurerm_resource_group.this.name`, `  tenant_id                  = data.azurerm_client_config.current.tenant_id`, `  sku_name                   = "standard"`,
      `  purge_protection_enabled   = ${tri(r, 'true', 'false', 'var.purge_protection')}`, `  soft_delete_retention_days = 90`, ...tags(ctx), '}'];
  },
};

const gcp = {
  instance(ctx, n) {
    const r = ctx.rng;
    const name = `${ident(ctx.svc)}_${n}`;
    const out = [...comment(ctx, 'Compute instances'), `resource "google_compute_instance" "${name}" {`, `  name         = "${ctx.svc}-${n}"`, `  machine_type = "${r.pick(GCP_TYPES)}"`,
      `  zone         = "${r.pick(GCP_REGIONS)}-b"`, `  project      = var.project_id`, '', '  boot_disk {', '    initialize_params {', '      image = "debian-cloud/debian-12"', `      size  = ${r.pick([20, 50, 100])}`, '    }'];
    if (r.chance(0.3)) out.push('    kms_key_self_link = google_kms_crypto_key.disk.id');
    out.push('  }', '', '  network_interface {', '    subnetwork = google_compute_subnetwork.this.id');
    if (r.chance(0.3)) out.push('', '    access_config {', '      // ephemeral public IP', '    }');
    out.push('  }');
    if (r.chance(0.75)) {
      out.push('', '  shielded_instance_config {', `    enable_secure_boot          = ${tri(r, 'true', 'false', 'var.secure_boot')}`, '    enable_vtpm                 = true', `    enable_integrity_monitoring = true`, '  }');
    }
    out.push('', '  metadata = {', `    enable-oslogin         = ${tri(r, '"TRUE"', '"FALSE"', 'var.enable_oslogin')}`, `    block-project-ssh-keys = ${tri(r, 'true', 'false', 'var.block_project_ssh_keys')}`);
    if (r.chance(0.2)) out.push(`    serial-port-enable     = "true"`);
    out.push('  }');
    if (r.chance(0.3)) out.push('', `  metadata_startup_script = <<-EOT`, '    #!/bin/bash', `    apt-get update && apt-get install -y ${r.pick(['nginx', 'envoy', 'redis-server'])}`, '  EOT');
    out.push('', '  service_account {', `    email  = ${tri(r, `google_service_account.${ident(ctx.svc)}.email`, '"default"', 'var.service_account_email', 0.6, 0.2)}`,
      `    scopes = [${r.chance(0.3) ? '"cloud-platform"' : '"logging-write", "monitoring-write"'}]`, '  }', '', `  labels = local.common_labels`, '}');
    return out;
  },
  network(ctx) {
    const r = ctx.rng;
    return [`resource "google_compute_network" "this" {`, `  name                    = "vpc-${ctx.svc}"`, `  project                 = var.project_id`, `  auto_create_subnetworks = ${tri(r, 'false', 'true', 'var.auto_subnets', 0.8, 0.15)}`, '}', '',
      `resource "google_compute_subnetwork" "this" {`, `  name          = "snet-${ctx.svc}"`, `  ip_cidr_range = "${r.pick(['10.10.0.0/20', '10.20.0.0/20', '10.128.0.0/20'])}"`, `  region        = "${r.pick(GCP_REGIONS)}"`,
      `  network       = google_compute_network.this.id`, `  private_ip_google_access = ${tri(r, 'true', 'false', 'var.private_google_access')}`,
      ...(r.chance(0.6) ? ['', '  log_config {', '    aggregation_interval = "INTERVAL_5_SEC"', `    flow_sampling        = ${r.pick(['0.5', '1.0', '0.1'])}`, '    metadata             = "INCLUDE_ALL_METADATA"', '  }'] : []), '}'];
  },
  firewall(ctx, n) {
    const r = ctx.rng;
    const port = r.pick(PORTS);
    return [`resource "google_compute_firewall" "${ident(ctx.svc)}_${n}" {`, `  name    = "allow-${ctx.svc}-${port}-${n}"`, `  network = google_compute_network.this.name`, `  project = var.project_id`, '',
      '  allow {', '    protocol = "tcp"', `    ports    = ["${port}"]`, '  }', '', `  source_ranges = [${tri(r, `"${r.pick(CIDRS_PRIVATE)}"`, '"0.0.0.0/0"', 'var.source_ranges')}]`,
      `  target_tags   = ["${ctx.svc}"]`, ...(r.chance(0.5) ? ['', '  log_config {', '    metadata = "INCLUDE_ALL_METADATA"', '  }'] : []), '}'];
  },
  bucket(ctx, n) {
    const r = ctx.rng;
    return [`resource "google_storage_bucket" "${ident(ctx.svc)}_${n}" {`, `  name                        = "${ctx.team}-${ctx.svc}-${n}"`, `  location                    = "EU"`,
      `  uniform_bucket_level_access = ${tri(r, 'true', 'false', 'var.uniform_access')}`, `  public_access_prevention    = ${tri(r, '"enforced"', '"inherited"', 'var.public_access_prevention')}`,
      '', '  versioning {', '    enabled = true', '  }', `  labels = local.common_labels`, '}'];
  },
};

// ---------------------------------------------------------------------------------------------
// Variables, outputs, locals, terraform blocks

const VARS = {
  aws: [['environment', 'string', '"dev"'], ['instance_count', 'number', '2'], ['public_ip', 'bool', 'false'], ['detailed_monitoring', 'bool', 'true'], ['http_tokens', 'string', '"required"'],
    ['hop_limit', 'number', '1'], ['encrypt_volumes', 'bool', 'true'], ['ami_id', 'string', null], ['cluster_name', 'string', null], ['azs', 'list(string)', '["us-east-1a", "us-east-1b"]'],
    ['map_public_ip', 'bool', 'false'], ['flow_log_traffic_type', 'string', '"ALL"'], ['allowed_cidr', 'string', '"10.0.0.0/8"'], ['block_public', 'bool', 'true']],
  azure: [['environment', 'string', '"dev"'], ['disable_password_auth', 'bool', 'true'], ['encryption_at_host', 'bool', 'true'], ['secure_boot', 'bool', 'true'], ['ssh_public_key_path', 'string', '"~/.ssh/id_rsa.pub"'],
    ['source_prefix', 'string', '"10.0.0.0/8"'], ['flow_log_storage_account_id', 'string', null], ['flow_logs_enabled', 'bool', 'true'], ['purge_protection', 'bool', 'true']],
  gcp: [['environment', 'string', '"dev"'], ['project_id', 'string', null], ['secure_boot', 'bool', 'true'], ['enable_oslogin', 'string', '"TRUE"'], ['block_project_ssh_keys', 'bool', 'true'],
    ['service_account_email', 'string', null], ['auto_subnets', 'bool', 'false'], ['private_google_access', 'bool', 'true'], ['source_ranges', 'list(string)', '["10.0.0.0/8"]'],
    ['uniform_access', 'bool', 'true'], ['public_access_prevention', 'string', '"enforced"']],
};

function variable(ctx, [name, type, def], suffix) {
  const r = ctx.rng;
  const vname = suffix ? `${name}_${suffix}` : name;
  const out = [`variable "${vname}" {`, `  description = "${name.replace(/_/g, ' ')} for ${ctx.svc}${r.chance(0.2) ? ' (see the runbook)' : ''}"`, `  type        = ${type}`];
  if (def !== null) out.push(`  default     = ${def}`);
  if (type === 'string' && r.chance(0.15)) out.push('', '  validation {', `    condition     = length(var.${vname}) > 0`, `    error_message = "${vname} must not be empty."`, '  }');
  if (r.chance(0.1)) out.push(`  nullable    = false`);
  out.push('}');
  return out;
}

function output(ctx, n) {
  const r = ctx.rng;
  const what = r.pick(['id', 'arn', 'name', 'self_link', 'private_ip']);
  const out = [`output "${ident(ctx.svc)}_${what}_${n}" {`, `  description = "The ${what} of the ${ctx.svc} resource ${n}"`];
  out.push(`  value       = ${r.pick([`local.outputs["${what}"]`, `try(module.${ident(ctx.svc)}[0].${what}, null)`, `{ for k, v in local.instances : k => v.${what} }`, `var.environment == "prod" ? local.primary_${what} : null`])}`);
  if (r.chance(0.15)) out.push('  sensitive   = true');
  out.push('}');
  return out;
}

function locals(ctx) {
  const r = ctx.rng;
  const labels = ctx.cloud === 'gcp' ? 'common_labels' : 'common_tags';
  const out = ['locals {', `  name_prefix = "\${var.environment}-${ctx.svc}"`, `  ${labels} = {`, `    team        = "${ctx.team}"`, `    service     = "${ctx.svc}"`, '    environment = var.environment', '  }'];
  if (r.chance(0.5)) out.push('', '  instances = {', ...Array.from({ length: r.int(2, 4) }, (_, i) => `    ${['blue', 'green', 'canary', 'batch'][i]} = { size = "${r.pick(INSTANCE_TYPES)}", zone = "${r.pick(AWS_REGIONS)}" }`), '  }');
  out.push('}');
  return out;
}

function terraformBlock(ctx) {
  const r = ctx.rng;
  const prov = { aws: ['aws', 'hashicorp/aws', '~> 5.0'], azure: ['azurerm', 'hashicorp/azurerm', '~> 3.100'], gcp: ['google', 'hashicorp/google', '>= 5.0, < 7.0'] }[ctx.cloud];
  const out = ['terraform {', `  required_version = ">= 1.${r.int(3, 7)}"`, '', '  required_providers {', `    ${prov[0]} = {`, `      source  = "${prov[1]}"`, `      version = "${prov[2]}"`, '    }', '  }'];
  if (r.chance(0.4)) out.push('', '  backend "s3" {', `    bucket = "tfstate-${ctx.team}"`, `    key    = "${ctx.svc}/terraform.tfstate"`, `    region = "us-east-1"`, '  }');
  out.push('}', '');
  if (ctx.cloud === 'aws') out.push('provider "aws" {', `  region = "${r.pick(AWS_REGIONS)}"`, '', '  default_tags {', '    tags = local.common_tags', '  }', '}');
  else if (ctx.cloud === 'azure') out.push('provider "azurerm" {', '  features {}', '}');
  else out.push('provider "google" {', '  project = var.project_id', `  region  = "${r.pick(GCP_REGIONS)}"`, '}');
  return out;
}

function moduleCall(ctx, n) {
  const r = ctx.rng;
  return [`module "${ident(ctx.svc)}_${n}" {`, `  source = "${r.pick(['../../modules/vm', '../../modules/network', 'terraform-aws-modules/vpc/aws', '../../../modules/firewall'])}"`,
    ...(r.chance(0.5) ? ['  version = "~> 5.1"'] : []), `  name   = "${ctx.svc}-${n}"`, '  tags   = local.common_tags', ...(r.chance(0.3) ? ['  count  = var.environment == "prod" ? 1 : 0'] : []), '}'];
}

// ---------------------------------------------------------------------------------------------
// Files

/** Append blocks from `makers` (cycled randomly) until the file reaches its target length. */
function fill(ctx, head, makers, target) {
  const lines = [...head];
  let n = 1;
  let guard = 0;
  while ((lines.length < target || n === 1) && guard++ < 200) {
    const block = ctx.rng.pick(makers)(ctx, n++);
    if (block.length === 0) continue;
    if (lines.length) lines.push('');
    lines.push(...block);
  }
  return lines;
}

const FILE_KINDS = {
  main(ctx, target) {
    const c = ctx.cloud;
    const head = [...(ctx.rng.chance(0.4) ? terraformBlock(ctx) : []), ...(ctx.rng.chance(0.6) ? ['', ...locals(ctx)] : [])].filter((l, i, a) => !(i === 0 && l === ''));
    const makers = c === 'aws' ? [aws.instance, aws.launchTemplate, aws.ebsVolume, aws.iamRole, aws.s3, moduleCall]
      : c === 'azure' ? [azure.vm, azure.vm, azure.keyVault, moduleCall] : [gcp.instance, gcp.instance, gcp.bucket, moduleCall];
    return fill(ctx, head, makers, target);
  },
  network(ctx, target) {
    const c = ctx.cloud;
    const head = c === 'aws' ? [...aws.vpc(ctx), '', ...aws.subnets(ctx), '', ...aws.flowLog(ctx), '', ...aws.securityGroup(ctx)]
      : c === 'azure' ? [...azure.network(ctx), '', ...azure.flowLog(ctx)] : gcp.network(ctx);
    const makers = c === 'aws' ? [aws.sgRule] : c === 'azure' ? [azure.nsgRule] : [gcp.firewall];
    return fill(ctx, head, makers, target);
  },
  variables(ctx, target) {
    const vars = VARS[ctx.cloud];
    let i = 0;
    let round = 0;
    return fill(ctx, [], [(c) => {
      const v = vars[i++ % vars.length];
      if (i % vars.length === 0) round++;
      return variable(c, v, round ? String(round) : '');
    }], target);
  },
  outputs(ctx, target) {
    return fill(ctx, [], [output], target);
  },
  versions(ctx) {
    return terraformBlock(ctx);
  },
  iam(ctx, target) {
    return ctx.cloud === 'aws' ? fill(ctx, [], [aws.iamRole], target) : ctx.cloud === 'azure' ? fill(ctx, [], [azure.keyVault], target) : fill(ctx, [], [gcp.bucket], target);
  },
};

/** Generate the tree in memory: returns [relativePath, content][] in a fixed order. */
export function generateFiles(nFiles, seed = 1) {
  const r = makeRng(seed);
  const files = [];
  const used = new Set();
  let folderNo = 0;
  while (files.length < nFiles) {
    folderNo++;
    const cloud = r.weighted([[55, 'aws'], [25, 'azure'], [20, 'gcp']]);
    const team = r.pick(TEAMS);
    let svc = `${r.pick(SVC_A)}-${r.pick(SVC_B)}`;
    const shape = r.weighted([[80, 'service'], [10, 'module'], [10, 'env']]);
    let dir;
    if (shape === 'service') dir = `services/${team}/${svc}`;
    else if (shape === 'module') dir = `modules/${cloud}-${svc}`;
    else dir = `envs/${r.pick(ENVS)}/${cloud === 'aws' ? r.pick(AWS_REGIONS) : cloud === 'azure' ? r.pick(AZ_REGIONS) : r.pick(GCP_REGIONS)}/${team}-${svc}`;
    if (used.has(dir)) {
      dir = `${dir}-${folderNo}`;
      svc = `${svc}-${folderNo}`;
    }
    used.add(dir);
    const ctx = { rng: r, cloud, team, svc };
    const kinds = ['main', 'variables', 'outputs', 'network'];
    if (r.chance(0.3)) kinds.push('versions');
    if (r.chance(0.2)) kinds.push('iam');
    for (const kind of kinds) {
      if (files.length >= nFiles) break;
      // Real files: most 30-120 lines, a tail up to 200.
      const target = r.weighted([[6, r.int(30, 80)], [3, r.int(80, 140)], [1, r.int(140, 200)]]);
      let lines = FILE_KINDS[kind](ctx, target);
      if (lines.length > 200) lines = trimToBlocks(lines, 200);
      const header = r.chance(0.25) ? [`# ${dir}/${kind}.tf — managed by team ${team}. Generated benchmark input; not real infrastructure.`, ''] : [];
      files.push([`${dir}/${kind}.tf`, [...header, ...lines].join('\n') + '\n']);
    }
  }
  return files;
}

/** Cut after the last top-level block that ends at or before `max` lines (never inside a heredoc). */
function trimToBlocks(lines, max) {
  let cut = -1;
  let heredoc = null;
  for (let i = 0; i < Math.min(lines.length, max); i++) {
    const line = lines[i];
    if (heredoc) {
      if (line.trim() === heredoc) heredoc = null;
      continue;
    }
    const m = /<<-?([A-Za-z_]+)\s*$/.exec(line);
    if (m) heredoc = m[1];
    else if (line === '}') cut = i;
  }
  return cut > 0 ? lines.slice(0, cut + 1) : lines;
}

export function generateMonorepo(outDir, nFiles, seed = 1) {
  const files = generateFiles(nFiles, seed);
  if (existsSync(outDir)) rmSync(outDir, { recursive: true, force: true });
  const made = new Set();
  let bytes = 0;
  let lines = 0;
  for (const [rel, content] of files) {
    const abs = path.join(outDir, rel);
    const d = path.dirname(abs);
    if (!made.has(d)) {
      mkdirSync(d, { recursive: true });
      made.add(d);
    }
    writeFileSync(abs, content);
    bytes += Buffer.byteLength(content);
    lines += content.split('\n').length - 1;
  }
  return { files: files.length, folders: made.size, bytes, lines };
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const args = process.argv.slice(2);
  let seed = 1;
  const pos = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--seed') seed = Number(args[++i]);
    else if (args[i].startsWith('--seed=')) seed = Number(args[i].slice(7));
    else pos.push(args[i]);
  }
  const [outDir, n] = pos;
  const nFiles = Number(n);
  if (!outDir || !Number.isInteger(nFiles) || nFiles < 1 || !Number.isInteger(seed)) {
    console.error('usage: generate-monorepo.mjs <outDir> <nFiles> [--seed n]');
    process.exit(2);
  }
  const s = generateMonorepo(path.resolve(outDir), nFiles, seed);
  console.log(`generated ${s.files} files in ${s.folders} folders (${s.lines} lines, ${s.bytes} bytes) in ${outDir} (seed ${seed})`);
}

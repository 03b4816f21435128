import { describe, expect, it } from 'vitest';
import { HclSyntaxError } from '../../src/parse/errors.js';
import { parseHclFile } from '../../src/parse/fast-hcl.js';

/** The locations of a file, from its one parse. */
const locateHcl = (src: string) => parseHclFile(src).locations;

const line = (src: string, p: Array<string | number>): number | undefined => locateHcl(src).get(p)?.startLine;

describe('HCL locator', () => {
  it('locates blocks, nested blocks and attributes with hcl2json paths', () => {
    const src = [
      'resource "aws_instance" "web" {', // 1
      '  ami = "x"', // 2
      '  metadata_options {', // 3
      '    http_tokens = "optional"', // 4
      '  }', // 5
      '  ebs_block_device {', // 6
      '    encrypted = false', // 7
      '  }', // 8
      '  ebs_block_device {', // 9
      '    encrypted = true', // 10
      '  }', // 11
      '}', // 12
    ].join('\n');
    const idx = locateHcl(src);
    expect(idx.get(['resource', 'aws_instance', 'web', 0])).toEqual({ startLine: 1, endLine: 12 });
    expect(idx.get(['resource', 'aws_instance', 'web', 0, 'metadata_options', 0, 'http_tokens'])?.startLine).toBe(4);
    expect(idx.get(['resource', 'aws_instance', 'web', 0, 'ebs_block_device', 1, 'encrypted'])?.startLine).toBe(10);
    expect(idx.get(['resource', 'aws_instance', 'web', 0, 'ebs_block_device', 1])).toEqual({ startLine: 9, endLine: 11 });
  });

  it('is not fooled by braces, hashes and block-like text in strings, comments and heredocs', () => {
    const src = [
      '# resource "fake" "a" {', // 1
      '/* resource "fake" "b" {', // 2
      '   } */', // 3
      'resource "x" "y" {', // 4
      '  a = "}{ # not a comment ${jsonencode({ k = "}" })}"', // 5
      '  b = <<-EOT', // 6
      '    resource "fake" "c" {', // 7
      '    }', // 8
      '  EOT', // 9
      '  c = { d = [1, 2', // 10
      '    , 3] }', // 11
      '  // e = 1', // 12
      '  f = 2', // 13
      '}', // 14
    ].join('\n');
    const idx = locateHcl(src);
    expect(idx.get(['resource', 'fake'])).toBeUndefined();
    expect(line(src, ['resource', 'x', 'y', 0, 'a'])).toBe(5);
    expect(idx.get(['resource', 'x', 'y', 0, 'b'])).toEqual({ startLine: 6, endLine: 9 });
    expect(idx.get(['resource', 'x', 'y', 0, 'c'])).toEqual({ startLine: 10, endLine: 11 });
    expect(idx.get(['resource', 'x', 'y', 0, 'e'])).toBeUndefined();
    expect(line(src, ['resource', 'x', 'y', 0, 'f'])).toBe(13);
  });

  it('handles one-line blocks, dynamic blocks, Packer builds and CRLF', () => {
    const src = [
      'build {',
      '  sources = ["source.amazon-ebs.a"]',
      '  provisioner "shell" { inline = ["a"] }',
      '  provisioner "file" {',
      '    source = "x"',
      '  }',
      '  provisioner "shell" { inline = ["b"] }',
      '}',
      'resource "r" "n" {',
      '  dynamic "ingress" {',
      '    for_each = var.x',
      '    content { from_port = 22 }',
      '  }',
      '}',
    ].join('\r\n');
    expect(line(src, ['build', 0, 'provisioner', 'shell', 1])).toBe(7);
    expect(line(src, ['build', 0, 'provisioner', 'shell', 0, 'inline'])).toBe(3);
    expect(line(src, ['build', 0, 'provisioner', 'file', 0, 'source'])).toBe(5);
    expect(line(src, ['resource', 'r', 'n', 0, 'dynamic', 'ingress', 0, 'content', 0, 'from_port'])).toBe(12);
  });

  it('resolves a missing attribute to its closest existing block', () => {
    const src = 'resource "a" "b" {\n  x {\n    y = 1\n  }\n}\n';
    const idx = locateHcl(src);
    expect(idx.resolve(['resource', 'a', 'b', 0, 'x', 0, 'z'])).toEqual({ range: { startLine: 2, endLine: 4 }, exact: false });
    expect(idx.resolve(['resource', 'a', 'b', 0, 'w'])?.range.startLine).toBe(1);
    expect(idx.resolve(['resource', 'a', 'b', 0, 'x', 0, 'y'])?.exact).toBe(true);
  });

  it('reports malformed text as a located syntax error, never another exception', () => {
    for (const src of ['resource "a" {', '}}}', '"unterminated', 'a = <<EOT\nno end', '${', 'x = [[[', '\u0000\u0001']) {
      expect(() => locateHcl(src)).toThrow(HclSyntaxError);
    }
  });

  it('records comments: text, line, trailing code, and the next line holding code', () => {
    const src = [
      '# one', // 1
      'resource "a" "b" { // two', // 2
      '  /* three */ x = 1', // 3
      '  y = "#not" # four', // 4
      '  z = <<EOT', // 5
      '  # not a comment', // 6
      'EOT', // 7
      '}', // 8
      '# five', // 9
    ].join('\r\n');
    expect(locateHcl(src).comments(src)).toEqual([
      { text: ' one', line: 1, trailing: false, nextCodeLine: 2 },
      { text: ' two', line: 2, trailing: true, nextCodeLine: 3 },
      { text: ' three ', line: 3, trailing: false, nextCodeLine: 4 },
      { text: ' four', line: 4, trailing: true, nextCodeLine: 5 },
      { text: ' five', line: 9, trailing: false },
    ]);
  });
});

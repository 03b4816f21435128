// scope: which waivers a pull request added or changed, so the evidence can flag exceptions granted
// by the very change they exempt. An inline waiver is the pull request's when its comment line is a
// changed line of the head; a central (configuration-file) waiver when any line of its list item is.
import { CONTROL_FILE_BYTES, readWorkspaceFile } from '../util/workspace-read.js';
import path from 'node:path';
import type { WaiverRecord } from '../model/waivers.js';
import { yamlLineOf } from '../util/yaml-lines.js';
import type { ChangeSet } from './diff.js';
import { mapLine, type LineMapping } from './lines.js';

/** True when checkout line `line` of `file` is a line the pull request added or changed. */
function changedLine(file: string, line: number, changes: ChangeSet, lines: LineMapping): boolean {
  const changed = changes.files.get(file);
  if (!changed) return false;
  if (changed.wholeFile) return true;
  const m = lines.file(file);
  if (m.kind === 'unknown') return true; // cannot tell: say it may be the pull request's
  const head = mapLine(m, line);
  return head !== undefined && changed.added.includes(head);
}

/** Lines [first, last] of item `index` of the top-level `waivers` list of a configuration file. */
function waiverItemLines(text: string, index: number): [number, number] | undefined {
  const first = yamlLineOf(text, ['waivers', index]);
  if (!first) return undefined;
  const next = yamlLineOf(text, ['waivers', index + 1]);
  const total = text.split(/\r?\n/).length;
  return [first, next && next > first ? next - 1 : total];
}

/**
 * Ids of the waivers whose lines the pull request added or changed. `configFiles` are the
 * configuration files read (absolute), `workspace` the repository root the change set is relative to.
 */
export function waiversInChange(waivers: WaiverRecord[], changes: ChangeSet, lines: LineMapping, configFiles: string[], workspace: string): Set<string> {
  const out = new Set<string>();
  for (const w of waivers) {
    if (w.source === 'inline' && w.file && w.line && changedLine(w.file, w.line, changes, lines)) out.add(w.id);
    if (w.source !== 'config') continue;
    // config:<file name>#<1-based index> (src/config/config.ts)
    const m = /^config:(.*)#(\d+)$/.exec(w.id);
    const file = m && configFiles.find((f) => path.basename(f) === m[1]);
    if (!m || !file) continue;
    const rel = path.relative(workspace, file).split(path.sep).join('/');
    let text: string;
    try {
      text = readWorkspaceFile(workspace, file, CONTROL_FILE_BYTES, 'the configuration').bytes.toString('utf8');
    } catch {
      continue;
    }
    const span = waiverItemLines(text, Number(m[2]) - 1);
    if (!span) continue;
    for (let l = span[0]; l <= span[1]; l++) {
      if (changedLine(rel, l, changes, lines)) {
        out.add(w.id);
        break;
      }
    }
  }
  return out;
}

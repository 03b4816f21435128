import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Every "# expect: ID[/sub]" marker under dir, as "relpath:line id" strings, sorted. */
export function expectMarkers(dir: string, onlyRule?: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const abs = path.join(d, name);
      if (statSync(abs).isDirectory()) walk(abs);
      else {
        readFileSync(abs, 'utf8')
          .split('\n')
          .forEach((text, i) => {
            for (const m of text.matchAll(/(?:#|\/\/)\s*expect:\s*([A-Z0-9-]+(?:\/[a-z0-9-]+)?)/g)) {
              const id = m[1]!;
              if (!onlyRule || id === onlyRule || id.startsWith(`${onlyRule}/`)) {
                out.push(`${path.relative(dir, abs).split(path.sep).join('/')}:${i + 1} ${id}`);
              }
            }
          });
      }
    }
  };
  walk(dir);
  return out.sort();
}

// Path globs and rule-id patterns, shared by the configuration (include/exclude, rules on/off),
// central waivers and imported suppressions.

// Glob: "*" matches within a path segment, "**" across segments (a/**/b also matches a/b), "?" one character.
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      if (glob[i + 2] === '/') {
        re += '(?:.*/)?';
        i += 2;
      } else {
        re += '.*';
        i += 1;
      }
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** A rule pattern (VMH-AWS-001, VMH-AWS-001/hop-limit, VMH-*, *-PKR-*) matches a finding or rule id. */
export function ruleMatches(pattern: string, id: string): boolean {
  if (!/[*?]/.test(pattern)) return pattern === id || (!pattern.includes('/') && id.startsWith(`${pattern}/`));
  return globToRegExp(pattern.replace(/\//g, '\u0001')).test(id.replace(/\//g, '\u0001'));
}

// A pattern with no letter or digit outside its wildcards (such as *, ** or *-*) matches every rule: never a waiver.
export function matchesEveryRule(pattern: string): boolean {
  return !/[A-Za-z0-9]/.test(pattern.replace(/[*?]/g, ''));
}

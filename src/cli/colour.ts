// Colour for the text report: on a terminal, unless NO_COLOR says no; FORCE_COLOR forces it on (or,
// as 0/false, off) even when the output is a file or a pipe. The same precedence as Node's own
// util.inspect and most CLIs (https://no-color.org, https://force-color.org).

/** Whether to colour text written to `stream`, given the environment. */
export function useColour(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return !/^(?:0|false)$/i.test(force.trim());
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}

export type Paint = (style: Style, text: string) => string;
export type Style = 'critical' | 'high' | 'medium' | 'low' | 'info' | 'error' | 'dim' | 'bold';

const SGR: Record<Style, string> = {
  critical: '1;35',
  high: '1;31',
  medium: '33',
  low: '36',
  info: '2',
  error: '1;31',
  dim: '2',
  bold: '1',
};

/** A painter: wraps text in ANSI colours when `on`, returns it unchanged when not. Text is painted
 * after it was made safe (safeText), so a scanned file's bytes never carry an escape of their own. */
export function painter(on: boolean): Paint {
  return on ? (style, text) => `\x1b[${SGR[style]}m${text}\x1b[0m` : (_style, text) => text;
}

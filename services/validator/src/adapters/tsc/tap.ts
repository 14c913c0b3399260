/** One top-level test result read from TAP. */
export interface TapResult {
  readonly name: string;
  readonly passed: boolean;
  readonly detail: string;
}

const unescape = (name: string): string => name.replace(/\\#/g, '#').replace(/\\\\/g, '\\');

/** The top-level results of node:test's TAP output, each failure with the first lines of its YAML block. */
export function parseTap(output: string): TapResult[] {
  const lines = output.split('\n');
  const results: TapResult[] = [];
  lines.forEach((line, i) => {
    const match = /^(not ok|ok) \d+ - (.*?)(?: # (?:SKIP|TODO).*)?$/.exec(line);
    if (match === null) return;
    const passed = match[1] === 'ok';
    const detail = passed ? '' : failureDetail(lines, i + 1);
    results.push({ name: unescape(match[2]!), passed, detail });
  });
  return results;
}

function failureDetail(lines: readonly string[], from: number): string {
  const block: string[] = [];
  for (let i = from; i < lines.length && /^\s/.test(lines[i]!); i++) block.push(lines[i]!.trim());
  const error = block.findIndex((l) => l.startsWith('error:'));
  if (error < 0) return block.slice(0, 3).join(' ');
  const first = block[error]!.replace(/^error:\s*(\|-)?\s*/, '');
  return [first, ...block.slice(error + 1, error + 4)]
    .filter((l) => l !== '' && !/^\w+:/.test(l))
    .join(' ')
    .slice(0, 400);
}

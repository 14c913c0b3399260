/** One top-level test result read from TAP. */
export interface TapResult {
  readonly name: string;
  readonly passed: boolean;
  /** The error and the first lines after it, for people. */
  readonly detail: string;
  /** The whole YAML block of a failure (stack included), for finding where it was thrown. */
  readonly block: string;
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
    const block = passed ? [] : yamlBlock(lines, i + 1);
    results.push({ name: unescape(match[2]!), passed, detail: failureDetail(block), block: block.join(' ') });
  });
  return results;
}

function yamlBlock(lines: readonly string[], from: number): string[] {
  const block: string[] = [];
  for (let i = from; i < lines.length && /^\s/.test(lines[i]!); i++) block.push(lines[i]!.trim());
  return block;
}

function failureDetail(block: readonly string[]): string {
  if (block.length === 0) return '';
  const error = block.findIndex((l) => l.startsWith('error:'));
  if (error < 0) return block.slice(0, 3).join(' ');
  const first = block[error]!.replace(/^error:\s*(\|-)?\s*/, '');
  return [first, ...block.slice(error + 1, error + 4)]
    .filter((l) => l !== '' && !/^\w+:/.test(l))
    .join(' ')
    .slice(0, 400);
}

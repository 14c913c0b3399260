import type { Category, DiscoveryEval, WorstCase } from '@mge/provider-offline';
import { CATEGORIES } from '@mge/provider-offline';

const fixed = (n: number): string => n.toFixed(3);

function row(result: DiscoveryEval, c: Category): string {
  const m = result.metrics[c];
  const target = result.targets[c];
  const verdict = target === undefined ? '' : `${fixed(target)}  ${m.f1 >= target ? 'met' : 'BELOW'}`;
  const counts = `${m.tp}/${m.fp}/${m.fn}`;
  return `  ${c.padEnd(10)} ${fixed(m.precision).padStart(9)} ${fixed(m.recall).padStart(7)} ${fixed(m.f1).padStart(6)}  ${counts.padEnd(13)} ${verdict}`;
}

function excerpt(request: string): string {
  const flat = request.replace(/\s+/g, ' ').trim();
  return flat.length > 110 ? `${flat.slice(0, 107)}...` : flat;
}

function worstLines(w: WorstCase): string[] {
  const lines = [`  ${w.id}`, `    "${excerpt(w.request)}"`];
  if (w.error !== undefined) lines.push(`    not read: ${w.error}`);
  for (const c of CATEGORIES.filter((x) => x !== 'types' && x !== 'required')) {
    if (w.missing[c].length > 0) lines.push(`    missing ${c}: ${w.missing[c].join(', ')}`);
    if (w.extra[c].length > 0) lines.push(`    extra ${c}: ${w.extra[c].join(', ')}`);
  }
  return lines;
}

/** The eval as a table of precision, recall and F1 against the targets, then the worst readings. */
export function formatDiscoveryEval(result: DiscoveryEval): string {
  const head = `Offline discovery on ${result.entries} labelled requests (${result.domains} domains)`;
  const lines = [
    head,
    `  ${'category'.padEnd(10)} ${'precision'.padStart(9)} ${'recall'.padStart(7)} ${'F1'.padStart(6)}  ${'tp/fp/fn'.padEnd(13)} target`,
    ...CATEGORIES.map((c) => row(result, c)),
    result.unread > 0 ? `  ${result.unread} requests could not be read at all` : '',
    result.missed.length === 0 ? 'Every target is met.' : `Below target: ${result.missed.join(', ')}.`,
  ].filter((l) => l !== '');
  if (result.worst.length > 0)
    lines.push('', `The ${result.worst.length} worst readings:`, ...result.worst.flatMap(worstLines));
  return `${lines.map((l) => l.trimEnd()).join('\n')}\n`;
}

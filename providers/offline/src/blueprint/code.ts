import type { AtomKind } from '@mge/contracts';
import type { AtomTemplate } from './model.js';

const trimCode = (code: string): string => code.replace(/^\n+/, '').replace(/\s+$/, '');

/** A declaration atom; `code` may start with a newline (templates read better that way). */
export function atom(kind: AtomKind, symbol: string, description: string, code: string): AtomTemplate {
  return { kind, symbol, description, code: trimCode(code) };
}

/** A test atom: one `await test(name, async () => { body })` statement (no floating promise). */
export function testAtom(name: string, slug: string, body: string): AtomTemplate {
  const run = /\bawait\b/.test(body) ? 'async () =>' : '() =>';
  const code = `await test(${str(name)}, ${run} {\n${indent(trimCode(body), 1)}\n});`;
  return { kind: 'test', symbol: name, description: `test: ${name}`, code, slug };
}

/** A whole non-TypeScript file. */
export function documentAtom(symbol: string, description: string, text: string): AtomTemplate {
  return { kind: 'document', symbol, description, code: text.endsWith('\n') ? text : `${text}\n` };
}

/** A single-quoted TypeScript string literal. */
export function str(value: string): string {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r');
  return `'${escaped}'`;
}

/** Indents every non-empty line by `levels` steps of two spaces. */
export function indent(code: string, levels: number): string {
  const pad = '  '.repeat(levels);
  return code
    .split('\n')
    .map((line) => (line === '' ? line : `${pad}${line}`))
    .join('\n');
}

/** Text that is safe inside a one-line comment: no line breaks, no comment terminator. */
export function commentText(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\*\//g, '* /').trim();
}

/** A key as written in an object literal: bare when it is an identifier, quoted otherwise. */
export const propertyKey = (key: string): string => (/^[A-Za-z_$][\w$]*$/.test(key) ? key : str(key));

/**
 * An object literal from already-written values: on one line when it fits in `width`
 * characters, otherwise one property per line, indented from `level`.
 */
export function objectLiteral(
  entries: readonly (readonly [string, string])[],
  level: number,
  width = 90,
): string {
  const parts = entries.map(([key, value]) =>
    key.startsWith('...') || key === value ? key : `${propertyKey(key)}: ${value}`,
  );
  const inline = parts.length === 0 ? '{}' : `{ ${parts.join(', ')} }`;
  if (inline.length + level * 2 <= width) return inline;
  const inner = '  '.repeat(level + 1);
  return `{\n${parts.map((part) => `${inner}${part},`).join('\n')}\n${'  '.repeat(level)}}`;
}

/** An array literal of already-written values, on one line. */
export const arrayLiteral = (values: readonly string[]): string => `[${values.join(', ')}]`;

import { describe, expect, it } from '@jest/globals';
import type { AtomSpec } from '@mge/contracts';
import { atomSpec } from '@mge/kit/testing';
import { checkAtom } from './l1-atom.js';

const spec = (over: Partial<AtomSpec> = {}): AtomSpec =>
  atomSpec('t:add', { symbol: 'add', file: 'src/math.ts', estimatedLines: 3, ...over });
const codes = (s: AtomSpec, code: string) => checkAtom(s, code).map((e) => e.code);

describe('L1: one atom', () => {
  it('passes a documented exported declaration of the promised symbol', () => {
    expect(
      checkAtom(
        spec(),
        '/** Adds. */\nexport function add(a: number, b: number): number {\n  return a + b;\n}',
      ),
    ).toEqual([]);
    expect(checkAtom(spec({ kind: 'const', symbol: 'LIMIT' }), 'export const LIMIT = 3;')).toEqual([]);
    expect(
      checkAtom(spec({ kind: 'interface', symbol: 'User' }), 'export interface User {\n  name: string;\n}'),
    ).toEqual([]);
  });

  it('reports a syntax error with its line', () => {
    const [error] = checkAtom(spec(), 'export function add(a: number {\n  return a;\n}');
    expect(error).toMatchObject({ level: 1, code: 'syntax', atomId: 't:add', file: 'src/math.ts', line: 1 });
  });

  it('rejects the wrong symbol, the wrong kind and two statements', () => {
    expect(checkAtom(spec(), 'export function sum(): number {\n  return 1;\n}')[0]?.message).toBe(
      'must declare exactly add, declares sum',
    );
    expect(codes(spec(), 'export const add = 1;')).toEqual(['symbol']);
    expect(codes(spec(), 'export function add(): void {}\nexport function more(): void {}')).toEqual([
      'symbol',
    ]);
  });

  it.each([
    ["import { x } from './x.js';\nexport function add(): void {}", 'symbol'],
    ['export function add(): unknown {\n  return eval("1");\n}', 'forbidden'],
    ['export function add(): unknown {\n  return new Function("return 1");\n}', 'forbidden'],
    ["export function add(): unknown {\n  return require('node:fs');\n}", 'forbidden'],
    [
      "export async function add(): Promise<unknown> {\n  return import('node:child_process');\n}",
      'forbidden',
    ],
    ['export function add(): string | undefined {\n  return process.env.HOME;\n}', 'forbidden'],
  ])('rejects forbidden constructs: %s', (code, expected) => {
    expect(codes(spec(), code)).toContain(expected);
  });

  it('allows process.env in src/config.ts and import.meta anywhere', () => {
    expect(
      checkAtom(
        spec({ file: 'src/config.ts', symbol: 'port' }),
        'export function port(): string | undefined {\n  return process.env.PORT;\n}',
      ),
    ).toEqual([]);
    expect(
      checkAtom(
        spec({ kind: 'const', symbol: 'HERE' }),
        'export const HERE = new URL(".", import.meta.url);',
      ),
    ).toEqual([]);
  });

  it('checks a test atom is one test() call with the promised name', () => {
    const test = spec({ kind: 'test', symbol: 'adds two numbers' });
    expect(checkAtom(test, "test('adds two numbers', () => {\n  equal(add(1, 2), 3);\n});")).toEqual([]);
    expect(checkAtom(test, "test('adds', () => {});")[0]?.message).toBe(
      'the test is named "adds", promised "adds two numbers"',
    );
    expect(codes(test, "describe('adds two numbers', () => {});")).toEqual(['symbol']);
  });

  it('accepts an awaited or voided test() call, so a test file has no floating promise', () => {
    const test = spec({ kind: 'test', symbol: 'adds two numbers' });
    expect(checkAtom(test, "await test('adds two numbers', () => {\n  equal(add(1, 2), 3);\n});")).toEqual(
      [],
    );
    expect(checkAtom(test, "void test('adds two numbers', () => {});")).toEqual([]);
    expect(codes(test, "await describe('adds two numbers', () => {});")).toEqual(['symbol']);
  });

  it('checks documents: JSON parses, markdown is not empty', () => {
    const json = spec({ kind: 'document', file: 'package.json', symbol: 'package.json' });
    expect(checkAtom(json, '{ "name": "x" }')).toEqual([]);
    expect(codes(json, '{ "name": ')).toEqual(['json']);
    expect(codes(spec({ kind: 'document', file: 'README.md', symbol: 'README.md' }), '  \n')).toEqual([
      'empty',
    ]);
  });
});

import { describe, expect, it } from '@jest/globals';
import { referencedNames, stripLiterals } from './scan.js';

describe('reading the names code refers to', () => {
  it('ignores strings and comments but keeps template expressions', () => {
    const code =
      '// uses Ghost\nconst a = `x ${inTemplate} ${`${nested}`}` + \'Quoted\' + "Double"; /* Block */';
    expect([...referencedNames(code)]).toEqual(['const', 'a', 'inTemplate', 'nested']);
    expect(stripLiterals("'a' + b")).toBe(' 0  + b');
  });

  it('skips property accesses, keys, parameter names and members, but not spreads or values', () => {
    const code = 'function f(param: Kind, other?: Rule) { return { key: value, ...spread, obj: a.prop }; }';
    expect([...referencedNames(code)].sort()).toEqual([
      'Kind',
      'Rule',
      'a',
      'f',
      'function',
      'return',
      'spread',
      'value',
    ]);
  });

  it('keeps names in the middle of a conditional expression', () => {
    expect(referencedNames('const save = file ? writer : ignoreChange;').has('writer')).toBe(true);
  });

  it('skips interface members after readonly', () => {
    expect([...referencedNames('interface A { readonly host: Host; port: number }')]).toEqual([
      'interface',
      'A',
      'readonly',
      'Host',
      'number',
    ]);
  });
});

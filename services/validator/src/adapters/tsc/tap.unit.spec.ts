import { describe, expect, it } from '@jest/globals';
import { parseTap } from './tap.js';

describe('TAP from node:test', () => {
  it('reads top-level results, unescapes names and keeps the failure message', () => {
    const output = [
      'TAP version 13',
      '# Subtest: adds \\# one',
      'ok 1 - adds \\# one',
      '  ---',
      '  duration_ms: 2.2',
      '  ...',
      '# Subtest: fails',
      'not ok 2 - fails',
      '  ---',
      "  location: '/x/a.test.js:5:1'",
      '  error: |-',
      '    Expected values to be strictly equal:',
      '    2 !== 3',
      "  code: 'ERR_ASSERTION'",
      '  ...',
      '1..2',
    ].join('\n');
    expect(parseTap(output)).toEqual([
      { name: 'adds # one', passed: true, detail: '', block: '' },
      {
        name: 'fails',
        passed: false,
        detail: 'Expected values to be strictly equal: 2 !== 3',
        block: expect.stringContaining("location: '/x/a.test.js:5:1'") as unknown as string,
      },
    ]);
  });
});

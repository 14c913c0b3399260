import { describe, expect, it } from '@jest/globals';
import { culpritOf } from './build-and-test.js';
import { local } from './local.js';

const project = {
  homes: new Map([
    [
      'validUserBody',
      { file: 'src/users/users.test.ts', kind: 'function' as const, atomId: 'user-tests:valid-user-body' },
    ],
    [
      'sendJson',
      { file: 'src/http/json.ts', kind: 'function' as const, atomId: 'infra-http-json:send-json' },
    ],
  ]),
};

describe('culpritOf', () => {
  it('names the atom of the innermost project function in the stack', () => {
    const detail =
      "'validUserBody took the wrong branch' validUserBody (file:///w/r/l3/dist/users/users.test.js:19:15) TestContext.<anonymous> (file:///w/r/l3/dist/users/users.test.js:40:5)";
    expect(culpritOf(detail, project)).toBe('user-tests:valid-user-body');
  });

  it('names nobody when the test itself threw (an assertion) or the frames are not project functions', () => {
    expect(culpritOf('Expected values to be strictly equal: 201 !== 200', project)).toBeUndefined();
    expect(culpritOf('boom TestContext.<anonymous> (file:///w/dist/a.test.js:3:1)', project)).toBeUndefined();
    expect(culpritOf('sendJson (node:internal/x.js:1:1)', project)).toBeUndefined();
  });
});

describe('local', () => {
  it('writes the build folder as `.`, so the feedback of two runs reads the same', () => {
    const detail =
      'at file:///tmp/mge-work/r-1/l3-m-1-2/dist/a.test.js:3:1 (/tmp/mge-work/r-1/l3-m-1-2/dist/a.js)';
    expect(local(detail, '/tmp/mge-work/r-1/l3-m-1-2')).toBe('at file://./dist/a.test.js:3:1 (./dist/a.js)');
    expect(local('/tmp/w/l3-m-1-20/dist/a.js', '/tmp/w/l3-m-1-2')).toBe('/tmp/w/l3-m-1-20/dist/a.js');
    expect(local('/a/b', '/')).toBe('/a/b');
  });
});

import { describe, expect, it } from '@jest/globals';
import type { AtomDraft } from '@mge/contracts';
import { AtomGraphError, buildAtomGraph } from './graph.js';

const draft = (
  id: string,
  symbol: string,
  needs: string[] = [],
  kind: AtomDraft['kind'] = 'function',
): AtomDraft => ({
  id,
  taskId: 't',
  milestoneId: 'm',
  file: 'src/x.ts',
  symbol,
  kind,
  description: '',
  needs,
  uses: [],
  order: 0,
  estimatedLines: 5,
});

describe('atom graph', () => {
  it('derives dependencies from needs and provides, and waves as topological levels', () => {
    const graph = buildAtomGraph([
      draft('t:user', 'User', [], 'interface'),
      draft('t:rules', 'userRules', ['User']),
      draft('t:create', 'createUser', ['User', 'userRules']),
      draft('t:test', 'creates a user', ['createUser'], 'test'),
    ]);
    const byId = new Map(graph.atoms.map((a) => [a.id, a]));
    expect(byId.get('t:create')).toMatchObject({ dependsOn: ['t:rules', 't:user'], wave: 2 });
    expect(byId.get('t:test')).toMatchObject({ dependsOn: ['t:create'], wave: 3 });
    expect(graph).toMatchObject({ waves: 4, edges: 4 });
  });

  it('rejects a cycle and names its atoms', () => {
    const attempt = () =>
      buildAtomGraph([
        draft('t:a', 'a', ['c']),
        draft('t:b', 'b', ['a']),
        draft('t:c', 'c', ['b']),
        draft('t:d', 'd'),
      ]);
    expect(attempt).toThrow(AtomGraphError);
    expect(attempt).toThrow('atoms depend on each other in a cycle: t:a → t:c → t:b → t:a');
  });

  it('rejects a need that no atom provides', () => {
    expect(() => buildAtomGraph([draft('t:a', 'a', ['missing'])])).toThrow(
      expect.objectContaining({ code: 'unresolved', details: ['t:a needs missing'] }),
    );
  });

  it('rejects a symbol provided twice', () => {
    expect(() => buildAtomGraph([draft('t:a', 'a'), draft('t:b', 'a')])).toThrow(
      expect.objectContaining({ code: 'duplicate' }),
    );
  });
});

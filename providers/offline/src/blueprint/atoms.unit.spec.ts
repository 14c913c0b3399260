import { describe, expect, it } from '@jest/globals';
import type { AtomDraft, DiscoveryDocument } from '@mge/contracts';
import { AtomDraft as AtomDraftSchema, planTasks } from '@mge/contracts';
import ts from 'typescript';
import { atomizeTask, generateAtom, planProject } from './index.js';
import { clashingNames, library, taskTracker, userManagement } from './spec-support/documents.js';

const documents: [string, DiscoveryDocument][] = [
  ['user management', userManagement],
  ['task tracker', taskTracker],
  ['library', library],
  ['clashing names', clashingNames],
];

const options = { attempt: 1, temperature: 0.7, feedback: [] };
const MAX_LINES = 25;

/** The one statement an atom's code parses to (the test fails when there are more). */
function onlyStatement(code: string): ts.Statement {
  const source = ts.createSourceFile('atom.ts', code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  expect(source.statements).toHaveLength(1);
  return source.statements[0]!;
}

const DECLARATION_KINDS: Record<string, (s: ts.Statement) => boolean> = {
  type: ts.isTypeAliasDeclaration,
  interface: ts.isInterfaceDeclaration,
  function: ts.isFunctionDeclaration,
  class: ts.isClassDeclaration,
  const: (s) => ts.isVariableStatement(s) && (s.declarationList.flags & ts.NodeFlags.Const) !== 0,
};

function declaredName(statement: ts.Statement): string | undefined {
  if (ts.isVariableStatement(statement)) {
    const [declaration] = statement.declarationList.declarations;
    return declaration !== undefined && ts.isIdentifier(declaration.name) ? declaration.name.text : undefined;
  }
  const named = statement as ts.Statement & { name?: ts.Identifier };
  return named.name?.text;
}

const isExported = (statement: ts.Statement): boolean =>
  ts.canHaveModifiers(statement) &&
  (ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

describe.each(documents)('the atoms for %s', (_name, doc) => {
  const plan = planProject(doc);
  const tasks = planTasks(plan);
  const atoms = tasks.flatMap((t) => atomizeTask(doc, plan, t.id));
  const codeOf = (atom: AtomDraft): string => generateAtom(doc, atom, options).code;
  const declarations = atoms.filter((a) => a.kind !== 'test' && a.kind !== 'document');

  it('are valid drafts with unique, well-formed ids copied from their task', () => {
    expect(new Set(atoms.map((a) => a.id)).size).toBe(atoms.length);
    for (const task of tasks) {
      const own = atoms.filter((a) => a.taskId === task.id);
      expect(own.length).toBeGreaterThan(0);
      expect(own.map((a) => a.order)).toEqual(own.map((_a, i) => i));
      for (const atom of own) {
        expect(AtomDraftSchema.safeParse(atom).success).toBe(true);
        expect(atom.id.startsWith(`${task.id}:`)).toBe(true);
        expect([atom.milestoneId, atom.file]).toEqual([task.milestoneId, task.file]);
      }
      if (task.kind === 'asset') expect(own.map((a) => a.kind)).toEqual(['document']);
      expect(own.filter((a) => a.kind !== 'test' && a.kind !== 'document').map((a) => a.symbol)).toEqual(
        task.exports,
      );
    }
  });

  it('declare each symbol once in the whole project, and name each test once', () => {
    expect(new Set(declarations.map((a) => a.symbol)).size).toBe(declarations.length);
    const tests = atoms.filter((a) => a.kind === 'test').map((a) => a.symbol);
    expect(new Set(tests).size).toBe(tests.length);
  });

  it('need only symbols other atoms provide, without a cycle', () => {
    const provider = new Map(declarations.map((a) => [a.symbol, a]));
    for (const atom of atoms) for (const need of atom.needs) expect(provider.has(need)).toBe(true);
    const state = new Map<string, 'open' | 'done'>();
    const visit = (atom: AtomDraft): boolean => {
      if (state.get(atom.id) === 'done') return false;
      if (state.get(atom.id) === 'open') return true;
      state.set(atom.id, 'open');
      const cyclic = atom.needs.some((need) => visit(provider.get(need)!));
      state.set(atom.id, 'done');
      return cyclic;
    };
    expect(atoms.some(visit)).toBe(false);
  });

  it('make task dependencies exactly the other tasks their atoms need', () => {
    const provider = new Map(declarations.map((a) => [a.symbol, a.taskId]));
    for (const task of tasks) {
      const needed = new Set(
        atoms.filter((a) => a.taskId === task.id).flatMap((a) => a.needs.map((n) => provider.get(n)!)),
      );
      needed.delete(task.id);
      expect([...needed].sort()).toEqual(task.dependsOn);
    }
  });

  it('are each one exported top-level declaration of the promised symbol and kind, at most 25 lines', () => {
    for (const atom of declarations) {
      const code = codeOf(atom);
      const statement = onlyStatement(code);
      expect({ atom: atom.id, name: declaredName(statement), exported: isExported(statement) }).toEqual({
        atom: atom.id,
        name: atom.symbol,
        exported: true,
      });
      expect({ atom: atom.id, kind: DECLARATION_KINDS[atom.kind]!(statement) }).toEqual({
        atom: atom.id,
        kind: true,
      });
      expect({ atom: atom.id, lines: Math.min(code.split('\n').length, MAX_LINES) }).toEqual({
        atom: atom.id,
        lines: code.split('\n').length,
      });
    }
  });

  it('write each test as one awaited test() call named by its symbol, taking test from node:test', () => {
    for (const atom of atoms.filter((a) => a.kind === 'test')) {
      const statement = onlyStatement(codeOf(atom));
      const awaited = ts.isExpressionStatement(statement) && ts.isAwaitExpression(statement.expression);
      expect(awaited && ts.isCallExpression(statement.expression.expression)).toBe(true);
      const call = ((statement as ts.ExpressionStatement).expression as ts.AwaitExpression)
        .expression as ts.CallExpression;
      expect(call.expression.getText()).toBe('test');
      const [name, body] = call.arguments;
      expect(name !== undefined && ts.isStringLiteral(name) && name.text).toBe(atom.symbol);
      expect(body !== undefined && ts.isArrowFunction(body)).toBe(true);
      expect(atom.uses).toContainEqual({ module: 'node:test', name: 'test', typeOnly: false });
      expect(codeOf(atom).split('\n').length).toBeLessThanOrEqual(MAX_LINES);
    }
  });

  it('contain no imports and no forbidden constructs; only src/config.ts reads process.env', () => {
    for (const atom of atoms.filter((a) => a.kind !== 'document')) {
      const code = codeOf(atom);
      expect(code).not.toMatch(/^\s*(import|export\s+(\*|\{[^}]*\})\s+from)\b/m);
      expect(code).not.toMatch(/\beval\s*\(|new\s+Function\b|\brequire\s*\(|\bimport\s*\(|child_process/);
      if (atom.file !== 'src/config.ts') expect(code).not.toMatch(/process\.env/);
      for (const use of atom.uses) expect(use.module).toMatch(/^node:/);
    }
  });

  it('are a pure function of the document and the atom', () => {
    const atom = atoms.find((a) => a.symbol === 'createRouter')!;
    const later = generateAtom(structuredClone(doc), atom, { attempt: 3, temperature: 0.3, feedback: ['x'] });
    expect(later.code).toBe(codeOf(atom));
  });
});

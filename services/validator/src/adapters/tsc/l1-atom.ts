import type { AtomSpec, ValidationError } from '@mge/contracts';
import ts from 'typescript';
import type { AtomPlace } from '../../ports.js';
import { networkUses } from './l1-network.js';

type Issue = Omit<ValidationError, 'level' | 'atomId' | 'file'>;

const DECLARATION_KIND: Readonly<Record<string, (s: ts.Statement) => boolean>> = {
  type: ts.isTypeAliasDeclaration,
  interface: ts.isInterfaceDeclaration,
  function: ts.isFunctionDeclaration,
  class: ts.isClassDeclaration,
  const: ts.isVariableStatement,
};

const lineOf = (source: ts.SourceFile, pos: number): number =>
  source.getLineAndCharacterOfPosition(pos).line + 1;

/** The names a top-level statement declares. */
function declaredNames(statement: ts.Statement): string[] {
  if (ts.isVariableStatement(statement)) {
    return statement.declarationList.declarations.map((d) =>
      ts.isIdentifier(d.name) ? d.name.text : d.name.getText(),
    );
  }
  const name = (statement as ts.DeclarationStatement).name;
  return name !== undefined && ts.isIdentifier(name) ? [name.text] : [];
}

function checkDeclaration(spec: AtomSpec, source: ts.SourceFile, statement: ts.Statement): Issue[] {
  const isKind = DECLARATION_KIND[spec.kind];
  if (isKind !== undefined && !isKind(statement)) {
    return [
      {
        code: 'symbol',
        message: `expected a ${spec.kind} declaration of ${spec.symbol}`,
        line: lineOf(source, statement.getStart(source)),
      },
    ];
  }
  const names = declaredNames(statement);
  if (names.length !== 1 || names[0] !== spec.symbol) {
    return [
      {
        code: 'symbol',
        message: `must declare exactly ${spec.symbol}, declares ${names.join(', ') || 'nothing'}`,
        line: lineOf(source, statement.getStart(source)),
      },
    ];
  }
  return [];
}

// `test(…)`, `await test(…)` or `void test(…)`: the call inside.
function testCallOf(statement: ts.Statement): ts.CallExpression | undefined {
  if (!ts.isExpressionStatement(statement)) return undefined;
  const { expression } = statement;
  const inner =
    ts.isAwaitExpression(expression) || ts.isVoidExpression(expression) ? expression.expression : expression;
  return ts.isCallExpression(inner) ? inner : undefined;
}

function checkTest(spec: AtomSpec, source: ts.SourceFile, statement: ts.Statement): Issue[] {
  const line = lineOf(source, statement.getStart(source));
  const call = testCallOf(statement);
  if (call === undefined) {
    return [{ code: 'symbol', message: 'a test atom is one test(...) call', line }];
  }
  const [name] = call.arguments;
  if (
    !ts.isIdentifier(call.expression) ||
    call.expression.text !== 'test' ||
    name === undefined ||
    !ts.isStringLiteralLike(name)
  ) {
    return [{ code: 'symbol', message: "a test atom is one test('<name>', ...) call", line }];
  }
  return name.text === spec.symbol
    ? []
    : [
        {
          code: 'symbol',
          message: `the test is named ${JSON.stringify(name.text)}, promised ${JSON.stringify(spec.symbol)}`,
          line,
        },
      ];
}

function forbidden(spec: AtomSpec, source: ts.SourceFile): Issue[] {
  const issues: Issue[] = [];
  const flag = (node: ts.Node, message: string) =>
    issues.push({ code: 'forbidden', message, line: lineOf(source, node.getStart(source)) });
  const visit = (node: ts.Node): void => {
    if (
      ts.isImportDeclaration(node) ||
      ts.isImportEqualsDeclaration(node) ||
      (ts.isExportDeclaration(node) && node.moduleSpecifier !== undefined)
    ) {
      flag(node, 'imports are derived from needs and uses; an atom must not write them');
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      flag(node, 'dynamic import() is forbidden');
    } else if (
      ts.isIdentifier(node) &&
      ['eval', 'require', 'Function'].includes(node.text) &&
      isCalled(node)
    ) {
      flag(node, `${node.text}(...) is forbidden`);
    } else if (ts.isStringLiteralLike(node) && /child_process/.test(node.text)) {
      flag(node, 'child processes are forbidden');
    } else if (
      ts.isPropertyAccessExpression(node) &&
      node.getText(source) === 'process.env' &&
      spec.file !== 'src/config.ts'
    ) {
      flag(node, 'process.env is read only in src/config.ts');
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return issues;
}

const isCalled = (node: ts.Identifier): boolean =>
  (ts.isCallExpression(node.parent) || ts.isNewExpression(node.parent)) && node.parent.expression === node;

function checkDocument(spec: AtomSpec, code: string): Issue[] {
  if (spec.file.endsWith('.json')) {
    try {
      JSON.parse(code);
      return [];
    } catch (error) {
      return [{ code: 'json', message: `not JSON: ${(error as Error).message}` }];
    }
  }
  return code.trim() === '' ? [{ code: 'empty', message: 'the document is empty' }] : [];
}

/**
 * L1: the atom parses, declares exactly the symbol it promised (or is that one test), and uses nothing
 * forbidden, the network included (`place` is where the plan puts the atom's task).
 */
export function checkAtom(
  spec: AtomSpec,
  code: string,
  place: AtomPlace = { planFile: undefined },
): ValidationError[] {
  const issues = spec.kind === 'document' ? checkDocument(spec, code) : checkSource(spec, code, place);
  return issues.map((issue) => ({ level: 1, ...issue, file: spec.file, atomId: spec.id }));
}

function checkSource(spec: AtomSpec, code: string, place: AtomPlace): Issue[] {
  const source = ts.createSourceFile(`${spec.id}.ts`, code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const syntax = (source as unknown as { parseDiagnostics: readonly ts.Diagnostic[] }).parseDiagnostics;
  if (syntax.length > 0) {
    return syntax.slice(0, 5).map((d) => ({
      code: 'syntax',
      message: ts.flattenDiagnosticMessageText(d.messageText, ' '),
      line: lineOf(source, d.start ?? 0),
    }));
  }
  if (source.statements.length !== 1) {
    return [
      { code: 'symbol', message: `an atom is one top-level statement; found ${source.statements.length}` },
    ];
  }
  const statement = source.statements[0]!;
  const shape =
    spec.kind === 'test' ? checkTest(spec, source, statement) : checkDeclaration(spec, source, statement);
  const network = networkUses(spec, source, place).map(({ node, message }): Issue => ({
    code: 'network',
    message,
    ...(node === undefined ? {} : { line: lineOf(source, node.getStart(source)) }),
  }));
  const unique = new Map(network.map((i) => [`${i.line ?? 0} ${i.message}`, i]));
  return [...shape, ...forbidden(spec, source), ...unique.values()];
}

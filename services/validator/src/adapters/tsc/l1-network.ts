import type { AtomSpec } from '@mge/contracts';
import ts from 'typescript';
import type { AtomPlace } from '../../ports.js';

/** Node modules that reach the network (with or without `node:`, subpaths included). */
const NETWORK_MODULES: readonly string[] = ['net', 'dgram', 'http', 'https', 'http2', 'tls', 'dns', 'undici'];
/** Globals that reach the network. */
const NETWORK_GLOBALS: readonly string[] = ['fetch', 'WebSocket', 'EventSource', 'XMLHttpRequest'];
/** Names of the global object, through which a network global may also be reached. */
const GLOBAL_OBJECTS: readonly string[] = ['globalThis', 'global', 'self', 'window'];

/**
 * The generated project's HTTP server file (the blueprint's `infra-http-server` task): the one file
 * whose atoms may import a network module, `node:http`, to serve the API.
 */
export const SERVER_FILE = 'src/http/server.ts';
/** The generated tests' API client: the one file whose atoms may call `fetch` (to the project's own server). */
export const API_CLIENT_FILE = 'src/testing/api-client.ts';

/** The network module a specifier names (`node:dns/promises` → `dns`), or undefined. */
export function networkModuleOf(specifier: string): string | undefined {
  const base = specifier.replace(/^node:/, '').split('/')[0]!;
  return NETWORK_MODULES.includes(base) ? base : undefined;
}

const isPropertyName = (node: ts.Identifier): boolean => {
  const parent = node.parent;
  return (
    (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
    (ts.isPropertyAssignment(parent) && parent.name === node) ||
    (ts.isPropertyDeclaration(parent) && parent.name === node) ||
    (ts.isMethodDeclaration(parent) && parent.name === node) ||
    (ts.isPropertySignature(parent) && parent.name === node) ||
    (ts.isMethodSignature(parent) && parent.name === node)
  );
};

/** The network global a node reaches: `fetch`, `globalThis.fetch`, `globalThis['fetch']`. */
function networkGlobalAt(node: ts.Node): string | undefined {
  if (ts.isIdentifier(node) && NETWORK_GLOBALS.includes(node.text) && !isPropertyName(node)) return node.text;
  if (
    ts.isPropertyAccessExpression(node) &&
    ts.isIdentifier(node.expression) &&
    GLOBAL_OBJECTS.includes(node.expression.text) &&
    NETWORK_GLOBALS.includes(node.name.text)
  )
    return node.name.text;
  if (
    ts.isElementAccessExpression(node) &&
    ts.isStringLiteralLike(node.argumentExpression) &&
    NETWORK_GLOBALS.includes(node.argumentExpression.text)
  )
    return node.argumentExpression.text;
  return undefined;
}

/** A module named by `require('x')`, `import('x')` or a `node:` string anywhere in the code. */
function networkModuleAt(node: ts.Node): string | undefined {
  if (ts.isCallExpression(node)) {
    const callee = node.expression;
    const isLoader =
      callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require');
    const [first] = node.arguments;
    if (isLoader && first !== undefined && ts.isStringLiteralLike(first)) return networkModuleOf(first.text);
  }
  if (ts.isStringLiteralLike(node) && node.text.startsWith('node:')) return networkModuleOf(node.text);
  return undefined;
}

/** `process.binding(...)` or `process._linkedBinding(...)`: Node's internals, sockets included. */
const isBindingAccess = (node: ts.Node): boolean =>
  ts.isPropertyAccessExpression(node) &&
  ts.isIdentifier(node.expression) &&
  node.expression.text === 'process' &&
  (node.name.text === 'binding' || node.name.text === '_linkedBinding');

export interface NetworkUse {
  readonly node: ts.Node | undefined;
  readonly message: string;
}

/**
 * L1's network rule: generated code may not reach the network. Only the server file (by the plan)
 * imports `node:http` at run time, and only the tests' API client (by the plan) calls `fetch`;
 * type-only imports are erased when compiled and are allowed anywhere.
 */
export function networkUses(spec: AtomSpec, source: ts.SourceFile, place: AtomPlace): NetworkUse[] {
  const inFile = (file: string) => place.planFile === file && spec.file === file;
  const uses: NetworkUse[] = [];
  for (const use of spec.uses) {
    const module = networkModuleOf(use.module);
    if (module === undefined || use.typeOnly) continue;
    if (module === 'http' && inFile(SERVER_FILE)) continue;
    uses.push({
      node: undefined,
      message: `uses ${use.module} (${use.name}): network modules are refused outside ${SERVER_FILE}`,
    });
  }
  const visit = (node: ts.Node): void => {
    const module = networkModuleAt(node);
    const global = networkGlobalAt(node);
    if (module !== undefined)
      uses.push({
        node,
        message: `names the network module ${module}: generated code may not reach the network`,
      });
    else if (global !== undefined && !(global === 'fetch' && inFile(API_CLIENT_FILE)))
      uses.push({ node, message: `uses ${global}: generated code may not reach the network` });
    else if (isBindingAccess(node))
      uses.push({ node, message: "uses process.binding: Node's internals are refused" });
    ts.forEachChild(node, visit);
  };
  visit(source);
  return uses;
}

/** Code with comments and string contents blanked (template expressions kept), so names can be read. */
export function stripLiterals(code: string): string {
  let out = '';
  let i = 0;
  // One entry per open template expression: the depth of braces opened inside it.
  const templates: number[] = [];
  const skipTemplateText = (from: number): number => {
    let j = from;
    while (j < code.length && code[j] !== '`' && !(code[j] === '$' && code[j + 1] === '{'))
      j += code[j] === '\\' ? 2 : 1;
    if (code[j] === '`') return j + 1;
    templates.push(0);
    return j + 2;
  };
  while (i < code.length) {
    const c = code[i]!;
    const next = code[i + 1];
    if (c === '/' && next === '/') {
      while (i < code.length && code[i] !== '\n') i += 1;
    } else if (c === '/' && next === '*') {
      const end = code.indexOf('*/', i + 2);
      i = end < 0 ? code.length : end + 2;
    } else if (c === "'" || c === '"') {
      i += 1;
      while (i < code.length && code[i] !== c && code[i] !== '\n') i += code[i] === '\\' ? 2 : 1;
      i += 1;
      out += ' 0 ';
    } else if (c === '`') {
      i = skipTemplateText(i + 1);
      out += ' 0 ';
    } else if (c === '}' && templates.length > 0 && templates[templates.length - 1] === 0) {
      templates.pop();
      i = skipTemplateText(i + 1);
      out += ' 0 ';
    } else {
      if (templates.length > 0 && (c === '{' || c === '}'))
        templates[templates.length - 1]! += c === '{' ? 1 : -1;
      out += c;
      i += 1;
    }
  }
  return out;
}

const KEY_CONTEXT = new Set(['{', ',', '(', ';']);

/**
 * The names a piece of code refers to: identifiers that are not property accesses (`a.name`), object keys,
 * parameter names or interface members (`name:` after `{ , ( ;` or `readonly`). Spread (`...name`) counts.
 */
export function referencedNames(code: string): Set<string> {
  const text = stripLiterals(code);
  const names = new Set<string>();
  for (const match of text.matchAll(/[A-Za-z_$][\w$]*/g)) {
    const start = match.index;
    const name = match[0];
    if (start > 0 && /[\w$]/.test(text[start - 1]!)) continue;
    const before = text.slice(0, start);
    if (before.endsWith('.') && !before.endsWith('...')) continue;
    const after = text.slice(start + name.length);
    if (/^\s*\??:/.test(after)) {
      const previous = before.trimEnd();
      if (previous === '' || KEY_CONTEXT.has(previous.slice(-1)) || /\breadonly$/.test(previous)) continue;
    }
    names.add(name);
  }
  return names;
}

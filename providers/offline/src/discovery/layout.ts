// The layout of a request written as headings, bullet lists and markdown tables, flattened into
// plain sentences the sentence readers understand: `Books:` + `- title (text)` → `Books: title (text)`.

const BULLET = /^[ \t]*(?:[-*\u2022+]|\d+[.)])[ \t]+(.*)$/;
const HEADING =
  /^[ \t]*(?:#{1,6}[ \t]+)?(?:\*\*|__)?([A-Za-z][A-Za-z0-9 '&/-]{0,40}?)(?:\*\*|__)?[ \t]*(:)?(?:\*\*|__)?[ \t]*$/;
// Headings that name a part of the request rather than a kind of record.
const GENERIC =
  /^(?:the\s+)?(?:entities|entity|models?|tables?|resources?|requirements?|features?|data(?:\s+model)?|fields?|collections?|notes?|relations(?:hips)?|rules?|details?|schema|objects?|things?\s+to\s+store|overview|context|background|api|endpoints?|constraints?|extra|also|misc|other)$/i;
const APP =
  /(?:^|\s)(?:app|application|system|platform|service|site|website|portal|tool|dashboard|api|backend|back-end|tracker|manager|software|program|register|database|crm|organi[sz]er|planner)$/i;
const TABLE_ROW = /^[ \t]*\|(.*)\|[ \t]*$/;
const TABLE_RULE = /^[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)*\|?[ \t]*$/;

interface Heading {
  readonly text: string | undefined;
}

const cellsOf = (row: string): string[] =>
  (TABLE_ROW.exec(row)?.[1] ?? '').split('|').map((c) => c.replace(/[`*_]/g, '').trim());

const clean = (text: string): string => text.replace(/[`*_]{1,2}([^`*_]+)[`*_]{1,2}/g, '$1');

type Column = 'entity' | 'name' | 'type' | 'required' | 'notes';

function roleOf(header: string): Column | undefined {
  const h = header.toLowerCase();
  if (/^(?:entity|table|model|resource|collection|record)s?$/.test(h)) return 'entity';
  if (/^(?:field|name|column|attribute|property|field\s+name|key)s?$/.test(h)) return 'name';
  if (/^(?:type|data\s*type|kind|format)$/.test(h)) return 'type';
  if (/^(?:required|mandatory|optional|req\.?|nullable)\??$/.test(h)) return 'required';
  if (/^(?:notes?|description|constraints?|comments?|rules?|details?|values?|remarks?)$/.test(h))
    return 'notes';
  return undefined;
}

const YES = /^(?:yes|y|true|required|mandatory|x|✓|✔)$/i;
const NO = /^(?:no|n|false|optional|-|)$/i;

// One table row as an item: `optional unique name (type, notes)`, or `name: a, b or c` for an enum.
function rowItem(
  cells: Readonly<Partial<Record<Column, string>>>,
  header: string | undefined,
): string | undefined {
  const name = cells.name;
  if (name === undefined || name === '') return undefined;
  const notes = cells.notes ?? '';
  const required = cells.required ?? '';
  const nullable = header !== undefined && /optional|nullable/i.test(header);
  const optional =
    /\boptional\b|\bnullable\b|\bnot\s+required\b|\bmay\s+be\s+(?:empty|blank|missing)\b/i.test(notes) ||
    (nullable ? YES.test(required) : NO.test(required) && required !== '');
  const unique = /\bunique\b/i.test(notes) || /\bunique\b/i.test(cells.type ?? '');
  const type = (cells.type ?? '').replace(/\bunique\b|\boptional\b|\brequired\b|,/gi, ' ').trim();
  const values = enumCell(type) ?? enumCell(notes);
  const prefix = `${optional ? 'optional ' : ''}${unique ? 'unique ' : ''}`;
  if (values !== undefined) return `${prefix}${name}: ${values}`;
  return type === '' ? `${prefix}${name}` : `${prefix}${name} (${type})`;
}

// `enum: a, b, c`, `one of a / b / c`, `a | b | c`: the values as a list ending in `or`.
function enumCell(text: string): string | undefined {
  const listed = /^(?:(?:an?\s+)?enum|one\s+of|either|values?)\s*[:(]?\s*([^)]*)\)?$/i.exec(text.trim())?.[1];
  const source = listed ?? (/\s\/\s|\bor\b/.test(text) && !/[.;]/.test(text) ? text : undefined);
  if (source === undefined) return undefined;
  const values = source
    .split(/\s*(?:,|\/|\bor\b)\s*/i)
    .map((v) => v.replace(/["']/g, '').trim())
    .filter((v) => v.length > 0);
  if (values.length < 2) return undefined;
  return `${values.slice(0, -1).join(', ')} or ${values[values.length - 1] ?? ''}`;
}

// A markdown table as one sentence per row, under the heading before it (or its entity column).
function tableSentences(rows: readonly string[], heading: Heading): string[] {
  const [head, ...body] = rows.filter((r) => !TABLE_RULE.test(r));
  if (head === undefined) return [];
  const roles = cellsOf(head).map(roleOf);
  const headerText = cellsOf(head).join(' ');
  if (!roles.includes('name')) return rows.map(clean);
  let section = heading.text;
  return body.flatMap((row) => {
    // `| **Booking** | | |`: a row naming the entity the rows below belong to.
    const raw = cellsOf(row);
    if (raw.length > 1 && raw[0] !== '' && raw.slice(1).every((c) => c === '') && /\*\*|__/.test(row)) {
      section = raw[0];
      return [];
    }
    const cells: Partial<Record<Column, string>> = {};
    cellsOf(row).forEach((cell, i) => {
      const role = roles[i];
      if (role !== undefined) cells[role] = cells[role] === undefined ? cell : `${cells[role]}, ${cell}`;
    });
    const owner = cells.entity ?? section;
    const item = rowItem(cells, headerText);
    if (item === undefined || owner === undefined) return [];
    return [`${owner}: ${item}`];
  });
}

const REGISTER =
  /^(?:(?:the|our|an?)\s+)?(?:[a-z]+\s+)?([a-z]+)\s+(?:register|registry|tracker|log|catalog(?:ue)?|inventory|database)[.:]?$/i;

// The record a table without a heading lists, from the line over it: `… Purchase requisitions:` or
// `IT asset register.` (the table lists assets).
function recordOf(out: readonly string[]): string | undefined {
  const last = [...out]
    .reverse()
    .find((l) => l.trim() !== '')
    ?.trim();
  if (last === undefined) return undefined;
  const named = /(?:^|[.!?]\s+)([A-Za-z][a-z]*(?:\s[a-z]+){0,3}):$/.exec(last)?.[1];
  return named ?? REGISTER.exec(last)?.[1];
}

const isProse = (line: string): boolean => !TABLE_ROW.test(line) && !BULLET.test(line) && line.trim() !== '';

// Flattens headings, bullets and tables into sentences, one per line.
export function flattenLayout(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let heading: Heading = { text: undefined };
  // A line of prose wrapped mid-sentence continues on the next one.
  let open = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (!isProse(line)) open = false;
    if (TABLE_ROW.test(line)) {
      const rows: string[] = [];
      while (i < lines.length && TABLE_ROW.test(lines[i] ?? '')) rows.push(lines[i++] ?? '');
      i -= 1;
      out.push(...tableSentences(rows, heading.text === undefined ? { text: recordOf(out) } : heading));
      continue;
    }
    const bullet = BULLET.exec(line);
    if (bullet !== null) {
      const item = clean(bullet[1] ?? '').trim();
      // A bullet naming its own owner (`shows: title, …`) stands alone.
      const owned = heading.text !== undefined && !/^[a-z][a-z ]{0,30}:/i.test(item);
      out.push(owned ? `${heading.text ?? ''}: ${item}` : item);
      continue;
    }
    const title = HEADING.exec(line.replace(/\s*\([^()]*\)\s*(?=:?\s*$)/, ''));
    // A short capitalised line right over a table names the table's entity.
    const nextLine = lines.slice(i + 1).find((l) => l.trim() !== '') ?? '';
    const beforeTable = TABLE_ROW.test(nextLine) && /^[ \t]*[A-Z]/.test(line);
    const marked = title !== null && (title[2] === ':' || beforeTable || /^[ \t]*(?:#|\*\*|__)/.test(line));
    if (title !== null && marked && (title[1] ?? '').split(/\s+/).length <= 4) {
      const name = (title[1] ?? '').trim();
      // `Podcast hosting backend:` names the application: a sentence of its own, owning no bullets.
      const app = APP.test(name);
      heading = { text: GENERIC.test(name) || app ? undefined : name };
      if (app) out.push(name);
      continue;
    }
    if (line.trim() === '') {
      open = false;
      out.push('');
      continue;
    }
    heading = { text: undefined };
    const text = clean(line).trim();
    if (open && out.length > 0 && /^[a-z]/.test(text))
      out[out.length - 1] = `${out[out.length - 1] ?? ''} ${text}`;
    else out.push(text);
    open = !/[.!?:;]["')]?$/.test(text);
  }
  return out.join('\n');
}

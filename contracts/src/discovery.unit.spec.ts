import { describe, expect, it } from '@jest/globals';
import { DiscoveryDocument } from './discovery.js';
import { formatIssues } from './envelope.js';

const withField = (field: Record<string, unknown>) => ({
  domain: 'shop',
  entities: [{ name: 'Order', fields: [{ name: 'total', type: 'number' }, field] }],
});

const issuesOf = (input: unknown): string[] => {
  const parsed = DiscoveryDocument.safeParse(input);
  return parsed.success ? [] : formatIssues(parsed.error);
};

describe('DiscoveryDocument fields', () => {
  it('keeps enum values, uniqueness and the words a field was read from', () => {
    const doc = DiscoveryDocument.parse(
      withField({ name: 'status', type: 'string', values: ['open', 'paid'], source: 'status: open or paid' }),
    );
    expect(doc.entities[0]!.fields[1]).toMatchObject({
      values: ['open', 'paid'],
      source: 'status: open or paid',
    });
    expect(
      DiscoveryDocument.parse(withField({ name: 'code', type: 'string', unique: true })).entities[0]!
        .fields[1]!.unique,
    ).toBe(true);
  });

  it('names the field of an enum that is not a string, repeats a value or is also unique', () => {
    expect(issuesOf(withField({ name: 'size', type: 'integer', values: ['1', '2'] }))).toEqual([
      'entities.0.fields.1.values: only a string field has enum `values`',
    ]);
    expect(issuesOf(withField({ name: 'state', type: 'string', values: ['a', 'a'] }))).toEqual([
      'entities.0.fields.1.values: an enum value is listed twice',
    ]);
    expect(issuesOf(withField({ name: 'state', type: 'string', values: ['a', 'b'], unique: true }))).toEqual([
      'entities.0.fields.1.unique: a boolean or enum field cannot be unique',
    ]);
    expect(issuesOf(withField({ name: 'state', type: 'string', values: ['a'] }))).toEqual([
      'entities.0.fields.1.values: an enum has at least two values',
    ]);
  });
});

import { describe, expect, it } from '@jest/globals';
import { atomSpec, testDocument, testPlan, testTask } from '@mge/kit/testing';
import { buildRequest, requestHash } from './request.js';
import { atomCall, atomizeCall, discoveryCall, fileCall, planCall } from './steps.js';

const document = testDocument();
const calls = [
  discoveryCall('a todo list'),
  planCall(document),
  atomizeCall(document, testPlan([testTask('t-1')]), 't-1'),
  atomCall(document, atomSpec('a-1'), { attempt: 1, feedback: [] }),
  fileCall(document, testTask('t-1')),
];

/** Every key of a JSON value, at any depth. */
const keysOf = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.flatMap(keysOf)
    : value !== null && typeof value === 'object'
      ? Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)])
      : [];

describe('the request of a step', () => {
  it.each(calls.map((c) => [c.step.tool, c] as const))(
    '%s offers a tool schema the Messages API accepts: an object, inlined, no composition at the root',
    (_tool, call) => {
      const [tool] = buildRequest(call, { model: 'claude-sonnet-4-6', maxTokens: 1024 }).request.tools ?? [];
      const schema = (tool as { input_schema: Record<string, unknown> }).input_schema;
      expect(schema['type']).toBe('object');
      const keys = keysOf(schema);
      for (const banned of ['$ref', '$defs', '$schema', 'oneOf', 'allOf']) expect(keys).not.toContain(banned);
      expect(Object.keys(schema)).not.toContain('anyOf');
      for (const name of Object.keys(schema['properties'] as object))
        expect(name).toMatch(/^[A-Za-z0-9_.-]{1,64}$/);
    },
  );

  it('hashes equal requests equally whatever their key order, and different requests differently', () => {
    const { request } = buildRequest(calls[3]!, {
      model: 'claude-sonnet-4-6',
      maxTokens: 1024,
      temperature: 0.7,
    });
    const reordered = Object.fromEntries(Object.entries(request).reverse()) as typeof request;
    expect(requestHash(reordered)).toBe(requestHash(request));
    const hotter = buildRequest(calls[3]!, { model: 'claude-sonnet-4-6', maxTokens: 1024, temperature: 0.5 });
    expect(requestHash(hotter.request)).not.toBe(requestHash(request));
  });
});

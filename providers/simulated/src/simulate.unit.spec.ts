import { describe, expect, it } from '@jest/globals';
import type { AtomSpec } from '@mge/contracts';
import { planTasks } from '@mge/contracts';
import { atomizeTask, discover, planProject } from '@mge/provider-offline';
import { faultProbability, simulateAtom } from './simulate.js';

const doc = discover('Create a REST API for user management');
const plan = planProject(doc);
const atoms: AtomSpec[] = planTasks(plan)
  .flatMap((t) => atomizeTask(doc, plan, t.id))
  .map((a) => ({ ...a, dependsOn: [], wave: 0 }));
const settings = { seed: 7, faultRate: 0.3, latencyMs: 20, failing: [] };
const first = { attempt: 1, temperature: 0.7, feedback: [] };

describe('fault probability', () => {
  it('is the fault rate for a 10-line first attempt, and grows with lines and temperature', () => {
    expect(faultProbability(0.3, 10, 0.7, false)).toBeCloseTo(0.3);
    expect(faultProbability(0.3, 200, 0.7, false)).toBeGreaterThan(0.99);
    expect(faultProbability(0.3, 10, 0.3, false)).toBeLessThan(faultProbability(0.3, 10, 0.7, false));
  });
  it('halves when errors are fed back', () => {
    expect(faultProbability(0.3, 10, 0.5, true)).toBeCloseTo(faultProbability(0.3, 10, 0.5, false) / 2);
  });
});

describe('simulateAtom', () => {
  it('answers the same for the same seed, atom and attempt, whatever was asked before', () => {
    const forward = atoms.map((a) => simulateAtom(doc, a, first, settings));
    const backward = [...atoms].reverse().map((a) => simulateAtom(doc, a, first, settings));
    expect(backward.reverse()).toEqual(forward);
  });

  it('makes about the fault rate of first attempts faulty, and other seeds differ', () => {
    const faulty = (seed: number) =>
      atoms.filter((a) => simulateAtom(doc, a, first, { ...settings, seed }).fault !== undefined);
    const share = faulty(7).length / atoms.length;
    expect(share).toBeGreaterThan(0.15);
    expect(share).toBeLessThan(0.5);
    expect(faulty(8).map((a) => a.id)).not.toEqual(faulty(7).map((a) => a.id));
  });

  it('never faults at rate 0, always faults an atom listed as failing', () => {
    const clean = { ...settings, faultRate: 0 };
    expect(atoms.every((a) => simulateAtom(doc, a, first, clean).fault === undefined)).toBe(true);
    const target = atoms.find((a) => a.kind === 'function')!;
    const failing = { ...clean, failing: [target.id] };
    for (const attempt of [1, 2, 3, 4])
      expect(simulateAtom(doc, target, { ...first, attempt }, failing).fault).toBeDefined();
  });

  it('puts logic faults only in functions a test of the same milestone calls', () => {
    const kinds = new Set<string>();
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      for (const atom of atoms) {
        const answer = simulateAtom(doc, atom, first, { ...settings, seed, faultRate: 0.9 });
        if (answer.fault !== undefined) kinds.add(answer.fault);
        if (answer.fault === 'logic') expect(atom.kind).toBe('function');
        if (atom.kind === 'document') expect(answer.fault).toBeUndefined();
      }
    }
    expect([...kinds].sort()).toEqual(['import', 'logic', 'syntax', 'type']);
  });

  it('reports synthetic tokens priced by the table, and latency around the mean per 10 lines', () => {
    const answers = atoms.map((a) => simulateAtom(doc, a, first, settings));
    for (const answer of answers) {
      expect(answer.tokens.input).toBeGreaterThan(0);
      expect(answer.costUsd).toBeCloseTo((answer.tokens.input * 3 + answer.tokens.output * 15) / 1e6, 6);
    }
    const perTenLines =
      answers.reduce((sum, a, i) => sum + (a.latencyMs * 10) / answers[i]!.code.split('\n').length, 0) /
      answers.length;
    expect(perTenLines).toBeGreaterThan(10);
    expect(perTenLines).toBeLessThan(30);
  });
});

import type { DiscoveryDocument, SimulationSettings, TokenUsage } from '@mge/contracts';
import { costOf } from '@mge/contracts';
import { generateFile } from '@mge/provider-offline';
import { draws } from './draw.js';
import type { FaultKind } from './faults.js';
import { faultKindsFor, injectFault, pickKind } from './faults.js';
import { faultProbability, REFERENCE_LINES, testedInMilestone, tokensOf } from './simulate.js';

/** One whole-file call, as the simulated model would answer it. */
export interface SimulatedFile {
  readonly file: string;
  readonly code: string;
  /** The fault put in, and the declaration carrying it, if this call is faulty. */
  readonly fault: { readonly kind: FaultKind; readonly atomId: string } | undefined;
  readonly latencyMs: number;
  readonly tokens: TokenUsage;
  readonly costUsd: number;
}

/**
 * V1's whole-file call: the offline model's file, faulty with the chance the per-line model gives for
 * its line count (no feedback: V1 makes one attempt), the fault put in one declaration that can carry
 * one; drawn from (seed, task, temperature) only.
 */
export function simulateFile(
  doc: DiscoveryDocument,
  taskId: string,
  temperature: number,
  settings: SimulationSettings,
): SimulatedFile {
  const codes = new Map<string, string>();
  const clean = generateFile(doc, taskId, (atom, text) => {
    codes.set(atom.id, text);
    return text;
  });
  const lines = clean.code.split('\n').length;
  const [faultDraw, kindDraw, atomDraw, latencyDraw] = draws(settings.seed, ['file', taskId, temperature]);
  const chance = settings.failing.includes(taskId)
    ? 1
    : faultProbability(settings.faultRate, lines, temperature, false);
  const carriers = clean.atoms
    .map((atom) => ({ atom, kinds: faultKindsFor(atom, codes.get(atom.id)!, testedInMilestone(doc, atom)) }))
    .filter((c) => c.kinds.length > 0);
  let fault: SimulatedFile['fault'];
  let code = clean.code;
  if (carriers.length > 0 && faultDraw! < chance) {
    const carrier = carriers[Math.floor(atomDraw! * carriers.length)]!;
    const kind = pickKind(carrier.kinds, kindDraw!);
    fault = { kind, atomId: carrier.atom.id };
    code = generateFile(doc, taskId, (atom, text) =>
      atom.id === carrier.atom.id ? injectFault(kind, atom, text) : text,
    ).code;
  }
  const tokens = { input: tokensOf(JSON.stringify(doc)) + 200, output: tokensOf(code) };
  return {
    file: clean.file,
    code,
    fault,
    latencyMs: settings.latencyMs * (lines / REFERENCE_LINES) * (0.5 + latencyDraw!),
    tokens,
    costUsd: costOf('simulated', tokens),
  };
}

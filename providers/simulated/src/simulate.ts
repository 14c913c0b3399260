import type {
  AtomDraft,
  AtomSpec,
  DiscoveryDocument,
  FailureClass,
  SimulationSettings,
  TokenUsage,
} from '@mge/contracts';
import {
  costOf,
  MAX_ATOM_INPUT_TOKENS,
  MAX_ATOM_OUTPUT_TOKENS,
  planTasks,
  repairInstructions,
} from '@mge/contracts';
import { atomizeTask, generateAtom, planProject } from '@mge/provider-offline';
import { draws } from './draw.js';
import type { FaultKind } from './faults.js';
import { faultKindsFor, injectFault, pickKind } from './faults.js';

/** One attempt of one atom, as the simulated model would answer it. */
export interface SimulatedAnswer {
  readonly code: string;
  /** The fault put in, if this attempt is faulty. */
  readonly fault: FaultKind | undefined;
  /** How long the call takes. */
  readonly latencyMs: number;
  readonly tokens: TokenUsage;
  readonly costUsd: number;
}

export interface AttemptRequest {
  readonly attempt: number;
  readonly temperature: number;
  readonly feedback: readonly string[];
  readonly repair?: FailureClass | undefined;
}

/** The temperature of a first attempt: the fault rate is defined there. */
const REFERENCE_TEMPERATURE = 0.7;
/** How much error feedback lowers the chance of a fault. */
const FEEDBACK_FACTOR = 0.5;
/** The atom size the fault rate and latency are given for. */
export const REFERENCE_LINES = 10;

/**
 * The chance that one call writing `lines` lines is faulty: each line is faulty independently with
 * the rate that makes a 10-line call fault with `faultRate`; scaled by temperature against 0.7 and
 * halved when the call gets the previous errors. A whole file in one call faults with the chance
 * its line count gives.
 */
export function faultProbability(
  faultRate: number,
  lines: number,
  temperature: number,
  withFeedback: boolean,
): number {
  const base = 1 - (1 - faultRate) ** (lines / REFERENCE_LINES);
  const scaled = base * (temperature / REFERENCE_TEMPERATURE) * (withFeedback ? FEEDBACK_FACTOR : 1);
  return Math.min(1, Math.max(0, scaled));
}

/** Function symbols that a test atom of the same milestone names among its needs. */
const testedCache = new WeakMap<DiscoveryDocument, Set<string>>();
export function testedInMilestone(doc: DiscoveryDocument, atom: AtomDraft): boolean {
  let tested = testedCache.get(doc);
  if (tested === undefined) {
    const plan = planProject(doc);
    const atoms = planTasks(plan).flatMap((t) => atomizeTask(doc, plan, t.id));
    tested = new Set(
      atoms.filter((a) => a.kind === 'test').flatMap((t) => t.needs.map((n) => `${t.milestoneId}/${n}`)),
    );
    testedCache.set(doc, tested);
  }
  return tested.has(`${atom.milestoneId}/${atom.symbol}`);
}

export const tokensOf = (text: string): number => Math.ceil(text.length / 4);

/**
 * The simulated model: the offline model's code, with a fault drawn from (seed, atom, attempt,
 * temperature, whether feedback was given) only, so a seed gives the same outcome at any
 * concurrency. Latency and synthetic token counts are drawn the same way.
 */
export function simulateAtom(
  doc: DiscoveryDocument,
  atom: AtomSpec,
  request: AttemptRequest,
  settings: SimulationSettings,
): SimulatedAnswer {
  const clean = generateAtom(doc, atom, request).code;
  const lines = clean.split('\n').length;
  const withFeedback = request.feedback.length > 0;
  const [faultDraw, kindDraw, latencyDraw] = draws(settings.seed, [
    atom.id,
    request.attempt,
    request.temperature,
    withFeedback,
  ]);
  const kinds = faultKindsFor(atom, clean, testedInMilestone(doc, atom));
  const chance = settings.failing.includes(atom.id)
    ? 1
    : faultProbability(settings.faultRate, lines, request.temperature, withFeedback);
  const fault = kinds.length > 0 && faultDraw! < chance ? pickKind(kinds, kindDraw!) : undefined;
  const code = fault === undefined ? clean : injectFault(fault, atom, clean);
  const prompt =
    JSON.stringify(doc).length +
    JSON.stringify(atom).length +
    request.feedback.join('\n').length +
    (request.repair === undefined ? 0 : repairInstructions[request.repair].length);
  const tokens = {
    input: Math.min(MAX_ATOM_INPUT_TOKENS, Math.ceil(prompt / 4)),
    output: Math.min(MAX_ATOM_OUTPUT_TOKENS, tokensOf(code)),
  };
  return {
    code,
    fault,
    latencyMs: settings.latencyMs * (lines / REFERENCE_LINES) * (0.5 + latencyDraw!),
    tokens,
    costUsd: costOf('simulated', tokens),
  };
}

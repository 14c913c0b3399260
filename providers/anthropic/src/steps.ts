import type {
  AtomSpec,
  DiscoveryDocument,
  FailureClass,
  MasterPlan,
  ModelPurpose,
  Task,
} from '@mge/contracts';
import {
  AtomDraft,
  DiscoveryDocument as DiscoveryDocumentSchema,
  MasterPlan as MasterPlanSchema,
} from '@mge/contracts';
import { z } from 'zod';

/** One pipeline step as Claude is asked it: a system prompt and the one tool whose input is the answer. */
export interface Step<T> {
  readonly purpose: ModelPurpose;
  readonly tool: string;
  readonly description: string;
  readonly schema: z.ZodType<T>;
  readonly system: string;
  /** Stages and V1 files stream their (long) answers; atoms are asked with one JSON response. */
  readonly stream: boolean;
}

/** Context given to the model as a tagged JSON block; shared blocks come first so they can be cached. */
export interface ContextBlock {
  readonly tag: string;
  readonly value: unknown;
}

/** A step asked about one subject: the context (cached up to the last shared block) and the instruction. */
export interface StepCall<T> {
  readonly step: Step<T>;
  /** Context the same for many calls of a run (the document, the plan): marked for prompt caching. */
  readonly shared: readonly ContextBlock[];
  /** Context of this call only (the task, the atom, feedback). */
  readonly own: readonly ContextBlock[];
  readonly instruction: string;
}

const PROJECT_RULES = [
  'The generated project is a TypeScript (ES2022, strict, NodeNext modules) backend with no runtime dependencies:',
  'it uses Node.js standard modules (imported as `node:…`) only, and its tests use `node:test` and `node:assert/strict`.',
  'Every file compiles with `tsc --strict`; every test passes.',
].join(' ');

const CodeAnswer = z.object({ code: z.string().min(1, 'the code is empty') }).strict();
const AtomsAnswer = z.object({ atoms: z.array(AtomDraft).min(1, 'a task needs at least one atom') }).strict();

export const discoveryStep: Step<DiscoveryDocument> = {
  purpose: 'discovery',
  tool: 'record_discovery',
  description:
    'Record the DiscoveryDocument of the request: its entities, fields, relations and requirements.',
  schema: DiscoveryDocumentSchema,
  system: `You are the discovery stage of MGE, an engine that turns a plain-language request into a working, tested backend. Read the request and record what it asks for as a DiscoveryDocument with the record_discovery tool. Name entities in PascalCase and fields in camelCase; keep only what the request states or clearly implies. ${PROJECT_RULES}`,
  stream: true,
};

export const planStep: Step<MasterPlan> = {
  purpose: 'plan',
  tool: 'record_plan',
  description:
    'Record the MasterPlan: exactly three phases (setup, core, polish), their milestones and tasks.',
  schema: MasterPlanSchema,
  system: `You are the planning stage of MGE. From the DiscoveryDocument, plan the project as three phases (setup, core, polish) of milestones whose tasks each produce one file; a task depends only on tasks that exist. Record the plan with the record_plan tool. ${PROJECT_RULES}`,
  stream: true,
};

export const atomizeStep: Step<z.infer<typeof AtomsAnswer>> = {
  purpose: 'atomize',
  tool: 'record_atoms',
  description:
    "Record the task's atoms: one top-level declaration each, about ten lines, with what it needs.",
  schema: AtomsAnswer,
  system: `You are the atomizer of MGE. Split one task of the plan into atoms: each atom is one top-level declaration of about ten lines in the task's file, lists the symbols of other atoms it needs, and the node: imports it uses. Record them with the record_atoms tool. ${PROJECT_RULES}`,
  stream: true,
};

export const atomStep: Step<z.infer<typeof CodeAnswer>> = {
  purpose: 'atom',
  tool: 'write_atom',
  description: 'Write the code of the atom: exactly its one top-level declaration, without imports.',
  schema: CodeAnswer,
  system: `You are the code writer of MGE. Write exactly one atom: the single top-level declaration it describes, exported, about ten lines, without import statements (they are generated from its needs and uses). Write it with the write_atom tool. ${PROJECT_RULES}`,
  stream: false,
};

export const fileStep: Step<z.infer<typeof CodeAnswer>> = {
  purpose: 'file',
  tool: 'write_file',
  description: 'Write the whole file of the task, imports included.',
  schema: CodeAnswer,
  system: `You are the code writer of MGE's single-pass pipeline. Write the whole file of one task, imports included, with the write_file tool. ${PROJECT_RULES}`,
  stream: true,
};

export const discoveryCall = (request: string): StepCall<DiscoveryDocument> => ({
  step: discoveryStep,
  shared: [],
  own: [{ tag: 'request', value: request }],
  instruction: 'Record the DiscoveryDocument of this request.',
});

export const planCall = (document: DiscoveryDocument): StepCall<MasterPlan> => ({
  step: planStep,
  shared: [{ tag: 'discovery_document', value: document }],
  own: [],
  instruction: 'Record the MasterPlan of this project.',
});

export const atomizeCall = (document: DiscoveryDocument, plan: MasterPlan, taskId: string) => ({
  step: atomizeStep,
  shared: [
    { tag: 'discovery_document', value: document },
    { tag: 'master_plan', value: plan },
  ],
  own: [{ tag: 'task_id', value: taskId }],
  instruction: `Record the atoms of task ${taskId}.`,
});

/** What an atom attempt is told besides the atom: which attempt, what failed before and how to repair it. */
export interface AtomAttempt {
  readonly attempt: number;
  readonly feedback: readonly string[];
  readonly repair?: FailureClass | undefined;
}

/** The errors an attempt is told about: the last few, each cut short, so the prompt stays within an attempt's tokens. */
const FEEDBACK_ITEMS = 8;
const FEEDBACK_CHARS = 1_500;

export const atomCall = (document: DiscoveryDocument, atom: AtomSpec, at: AtomAttempt) => ({
  step: atomStep,
  shared: [{ tag: 'discovery_document', value: document }],
  own: [
    { tag: 'atom', value: atom },
    ...(at.feedback.length === 0
      ? []
      : [
          {
            tag: 'previous_errors',
            value: at.feedback.slice(-FEEDBACK_ITEMS).map((f) => f.slice(0, FEEDBACK_CHARS)),
          },
        ]),
  ],
  instruction:
    at.attempt === 1
      ? `Write atom ${atom.id} (${atom.symbol}).`
      : `Write atom ${atom.id} (${atom.symbol}) again: attempt ${at.attempt}; the previous attempt failed${at.repair === undefined ? '' : ` (${at.repair})`} with the errors above. Fix their cause.`,
});

export const fileCall = (document: DiscoveryDocument, task: Task) => ({
  step: fileStep,
  shared: [{ tag: 'discovery_document', value: document }],
  own: [{ tag: 'task', value: task }],
  instruction: `Write ${task.file}, the file of task ${task.id}.`,
});

/** The JSON of a tagged block, as the model reads it (and as a test server parses it back). */
export const renderBlock = ({ tag, value }: ContextBlock): string =>
  `<${tag}>\n${JSON.stringify(value)}\n</${tag}>`;

import type {
  AtomSpec,
  DiscoveryDocument,
  FailureClass,
  ProviderName,
  RunRequested,
  SimulationSettings,
  Task,
  TokenUsage,
} from '@mge/contracts';
import type { Bus, Clock } from '@mge/kit';

/** What a model needs to write one atom attempt. */
export interface AtomRequest {
  readonly run: RunRequested;
  readonly document: DiscoveryDocument;
  readonly atom: AtomSpec;
  readonly attempt: number;
  readonly temperature: number;
  readonly feedback: readonly string[];
  /** The class of the previous failure: picks the repair instruction. */
  readonly repair?: FailureClass | undefined;
  /** The run's fault and latency model, for the simulated provider. */
  readonly simulation?: SimulationSettings | undefined;
}

/** One atom attempt's code and what it cost. */
export interface AtomAnswer {
  readonly code: string;
  readonly tokens: TokenUsage;
  readonly costUsd: number;
}

/** What a model needs to write one task's whole file in one call (V1). */
export interface FileRequest {
  readonly run: RunRequested;
  readonly document: DiscoveryDocument;
  readonly task: Task;
  readonly temperature: number;
  readonly simulation?: SimulationSettings | undefined;
}

/** The model that writes code: atoms (V2) and whole files (V1). Throws an UpstreamError for provider trouble (retryable or not). */
export interface AtomModel {
  readonly name: ProviderName;
  generate(request: AtomRequest): Promise<AtomAnswer>;
  generateFile(request: FileRequest): Promise<AtomAnswer>;
}

/** The models this executor can use, by the provider a run asked for. */
export type AtomModels = Partial<Record<ProviderName, AtomModel>>;

/** What the work handlers (GenerateAtom, GenerateFile) need. */
export interface GenerateAtomDeps {
  readonly bus: Bus;
  readonly models: AtomModels;
  readonly clock: Clock;
}

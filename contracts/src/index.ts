export { RunId, ItemId } from './ids.js';
export {
  collectionName,
  pluralCamel,
  pluralizeWord,
  singularizeWord,
  toCamelCase,
  toKebabCase,
  toPascalCase,
  words,
} from './naming.js';
export type { DiscoveryDocumentInput } from './discovery.js';
export { CamelName, DiscoveryDocument, Entity, EntityField, FieldType, PascalName } from './discovery.js';
export { MasterPlan, Milestone, Phase, PhaseId, planMilestones, planTasks, Task, TaskKind } from './plan.js';
export { AtomDraft, AtomKind, AtomSpec, ExternalImport } from './atoms.js';
export { ValidationLevel, ValidationError, TokenUsage, TestCounts, SandboxLayer } from './events/common.js';
export {
  Assignment,
  MessageRejected,
  Pairing,
  Pipeline,
  ProviderName,
  RunCompleted,
  RunMode,
  RunRequested,
  RunResumed,
  SimulationSettings,
  StageFailed,
} from './events/run.js';
export { AtomGraphBuilt, DiscoveryCompleted, MasterPlanCreated } from './events/pipeline.js';
export {
  AtomDispatched,
  AtomFailed,
  AtomGenerated,
  AtomGenerationFailed,
  AtomValidated,
} from './events/atom.js';
export { MasterPlanValidated, MilestoneValidated, TaskValidated } from './events/validation.js';
export { ArtifactStored } from './events/artifact.js';
export type { RunSubmissionInput } from './submission.js';
export {
  ApiError,
  ApiErrorCode,
  FieldIssue,
  RunSubmission,
  SUBMISSION_TYPE,
  SubmissionCloudEvent,
  SubmissionAccepted,
  SubmissionReply,
} from './submission.js';
export { RunPhase, RunProgress } from './progress.js';
export type { StructuredEvent } from './cloud-event.js';
export { parseStructuredEvent, toStructuredEvent } from './cloud-event.js';
export { FileGenerated, FileGenerationFailed, ProjectValidated, TaskListCreated } from './events/v1.js';
export {
  defaultFlags,
  describeEvidence,
  FlagChanged,
  FlagName,
  Flags,
  flagValues,
  RolloutEvidence,
  RolloutRolledBack,
} from './events/flags.js';
export {
  AtomApproved,
  AtomEdited,
  AtomRegenerationRequested,
  AtomRejected,
  Confidence,
  ReviewItem,
  ReviewQueued,
} from './events/review.js';
export {
  AnswerSource,
  ModelCallParams,
  ModelCallRecorded,
  ModelPurpose,
  ModelReply,
} from './events/model.js';
export type { ClaudeModel, ModelPrice } from './models.js';
export { claudeModelOf, claudeModels, DEFAULT_CLAUDE_MODEL } from './models.js';
export { hash32 } from './hash.js';
export { FailedAtom, FailedFile, FailureTally, LevelCounts, ParallelSummary, RunSummary } from './summary.js';
export {
  GenerateAtom,
  GenerateFile,
  ValidateMilestone,
  ValidatePlan,
  ValidateProject,
  ValidateTask,
} from './work.js';
export type { WorkLane } from './subjects.js';
export {
  Aggregate,
  parseEventSubject,
  ServiceName,
  serviceNames,
  buckets,
  streams,
  subjects,
  SYSTEM_SCOPE,
} from './subjects.js';
export type { FieldProblem } from './envelope.js';
export type {
  EventData,
  EventType,
  MessageData,
  MessageType,
  WorkData,
  WorkDef,
  WorkType,
} from './catalog.js';
export { eventCatalog, eventTypes, messageDef, workCatalog, workDef } from './catalog.js';
export type {
  Envelope,
  Message,
  MessageMeta,
  MgeEvent,
  ParseResult,
  StoredEvent,
  WorkItem,
} from './envelope.js';
export {
  ceHeader,
  createMessage,
  fieldIssuesOf,
  formatIssues,
  isEvent,
  messageId,
  natsSubject,
  parseMessage,
  scopeOf,
  toHeaders,
} from './envelope.js';
export type { AssembledFile, AtomSource, SymbolHome } from './assemble.js';
export { assembleFile, atomsAtLine, indexSymbols, relativeSpecifier } from './assemble.js';
export { classifyFailure, classOfError, FailureClass, repairInstructions } from './failure.js';
export type { BillableTokens } from './pricing.js';
export {
  atomReservationUsd,
  costBasisOf,
  costOf,
  MAX_ATOM_INPUT_TOKENS,
  MAX_ATOM_OUTPUT_TOKENS,
  priceOf,
  roundUsd,
} from './pricing.js';
export { generatedSchemaFiles } from './schemas/index.js';
export type { HttpRoute } from './http/routes.js';
export { fastifyPath, httpRoutes } from './http/routes.js';
export {
  ArtifactFacts,
  ErrorBody,
  FlagParams,
  FlagState,
  FlagUpdate,
  Readiness,
  ReviewAction,
  ReviewEntryBody,
  ReviewList,
  ReviewListQuery,
  ReviewParams,
  ReviewQuery,
  ReviewRecorded,
  RunAccepted,
  RunLinks,
  RunList,
  RunListQuery,
  RunParams,
  RunState,
} from './http/schemas.js';
export { openApiDocument } from './schemas/openapi.js';

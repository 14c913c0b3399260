import { z } from 'zod';
import { ItemId } from '../ids.js';
import { Task } from '../plan.js';
import { generatedCode, runScoped, SandboxLayer, TestCounts, ValidationError } from './common.js';

/** The V1 planner wrote a flat task list, in the order V1 generates the files (dependencies first). */
export const TaskListCreated = z.object({ ...runScoped, tasks: z.array(Task).min(1) }).strict();
/** Data of TaskListCreated. */
export type TaskListCreated = z.infer<typeof TaskListCreated>;

/** V1 wrote one task's whole file in one model call. */
export const FileGenerated = z
  .object({
    ...runScoped,
    taskId: ItemId,
    file: z.string(),
    ...generatedCode,
  })
  .strict();
/** Data of FileGenerated. */
export type FileGenerated = z.infer<typeof FileGenerated>;

/** A provider could not write a V1 file (V1 makes one attempt, so the file stays missing). */
export const FileGenerationFailed = z.object({ ...runScoped, taskId: ItemId, reason: z.string() }).strict();
/** Data of FileGenerationFailed. */
export type FileGenerationFailed = z.infer<typeof FileGenerationFailed>;

/**
 * V1's only validation, at the end: the whole project compiled into `outDir/dist`, its tests ran in
 * the sandbox and the server answered; `failedTasks` are the files the diagnostics and failing
 * tests point at.
 */
export const ProjectValidated = z
  .object({
    ...runScoped,
    passed: z.boolean(),
    errors: z.array(ValidationError),
    failedTasks: z.array(ItemId),
    tests: TestCounts,
    smoke: z.object({ passed: z.boolean(), detail: z.string() }).strict(),
    outDir: z.string(),
    files: z.number().int().nonnegative(),
    durationMs: z.number().nonnegative(),
    sandbox: SandboxLayer.optional(),
  })
  .strict();
/** Data of ProjectValidated. */
export type ProjectValidated = z.infer<typeof ProjectValidated>;

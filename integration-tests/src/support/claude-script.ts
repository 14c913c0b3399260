import type { AtomSpec, DiscoveryDocument, MasterPlan, Task } from '@mge/contracts';
import type { ReceivedRequest, ScriptedAnswer } from '@mge/kit/testing';
import { atomizeTask, discover, generateAtom, generateFile, planProject } from '@mge/provider-offline';

/** The tagged JSON blocks of a request's user message, by tag (`<atom>{…}</atom>` → atom). */
export function blocksOf(request: ReceivedRequest): Record<string, unknown> {
  const blocks: Record<string, unknown> = {};
  for (const message of request.body.messages)
    for (const part of message.content) {
      const match = /^<(\w+)>\n([\s\S]*)\n<\/\1>$/.exec(part.text ?? '');
      if (match !== null) blocks[match[1]!] = JSON.parse(match[2]!);
    }
  return blocks;
}

/** Which tool a request asks for. */
export const toolOf = (request: ReceivedRequest): string => request.body.tools?.[0]?.name ?? '';

/** The attempt an atom request is for, from its instruction (`… again: attempt 2`); 1 when it names none. */
export const attemptOf = (request: ReceivedRequest): number =>
  Number(/again: attempt (\d+)/.exec(JSON.stringify(request.body.messages))?.[1] ?? 1);

/**
 * Answers every step as Claude would if it wrote what the offline provider writes: the request read
 * into a document, the template plan, its atoms and their code, read back from the request's context.
 */
export function offlineAnswer(request: ReceivedRequest): ScriptedAnswer {
  const blocks = blocksOf(request);
  const document = blocks['discovery_document'] as DiscoveryDocument;
  switch (toolOf(request)) {
    case 'record_discovery':
      return { kind: 'tool', input: discover(blocks['request'] as string) };
    case 'record_plan':
      return { kind: 'tool', input: planProject(document) };
    case 'record_atoms':
      return {
        kind: 'tool',
        input: {
          atoms: atomizeTask(document, blocks['master_plan'] as MasterPlan, blocks['task_id'] as string),
        },
      };
    case 'write_atom': {
      const options = {
        attempt: attemptOf(request),
        temperature: request.body.temperature ?? 1,
        feedback: [],
      };
      return {
        kind: 'tool',
        input: { code: generateAtom(document, blocks['atom'] as AtomSpec, options).code },
      };
    }
    case 'write_file':
      return { kind: 'tool', input: { code: generateFile(document, (blocks['task'] as Task).id).code } };
    default:
      return {
        kind: 'error',
        status: 400,
        type: 'invalid_request_error',
        message: `unknown tool ${toolOf(request)}`,
      };
  }
}

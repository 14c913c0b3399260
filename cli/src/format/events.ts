import type { StoredEvent } from '@mge/contracts';
import { toStructuredEvent } from '@mge/contracts';

/** One event as a CloudEvent in structured JSON, with `data` inline. */
export const toCloudEventJson = (event: StoredEvent): string => JSON.stringify(toStructuredEvent(event));

/** A short human description of what an event says. */
function detail(event: StoredEvent): string {
  switch (event.type) {
    case 'RunRequested':
      return `${event.data.mode} ${event.data.provider} "${event.data.request.slice(0, 60)}"`;
    case 'DiscoveryCompleted':
      return `${event.data.document.entities.map((e) => e.name).join(', ')} (from ${event.data.source})`;
    case 'AtomGraphBuilt':
      return `${event.data.atoms.length} atoms, ${event.data.edges} edges, ${event.data.waves} waves`;
    case 'AtomDispatched':
      return `attempt ${event.data.attempt} at ${event.data.temperature}, wave ${event.data.wave}`;
    case 'AtomGenerated':
      return `attempt ${event.data.attempt}, ${event.data.lines} lines, ${event.data.codeHash.slice(0, 12)}`;
    case 'AtomValidated':
    case 'TaskValidated':
    case 'MilestoneValidated':
    case 'MasterPlanValidated':
      return `L${event.data.level} ${event.data.passed ? 'passed' : `failed: ${event.data.errors[0]?.message ?? ''}`}`;
    case 'AtomFailed':
      return `${event.data.reason}; blocked ${event.data.blocked.length}`;
    case 'StageFailed':
      return `${event.data.stage}: ${event.data.message}`;
    case 'MessageRejected':
      return `${event.data.service}: ${event.data.reason}`;
    case 'ModelCallRecorded': {
      const { purpose, attempt, source, reply, costUsd, latencyMs, issues } = event.data;
      const { input, output, cacheRead = 0 } = reply.usage;
      const outcome = issues === undefined ? '' : `; not valid: ${issues[0] ?? ''}`;
      return `${purpose} #${attempt} from ${source}, ${input}+${cacheRead} cached in / ${output} out, $${costUsd.toFixed(4)}, ${Math.round(latencyMs)} ms${outcome}`;
    }
    case 'RunCompleted':
      return `${event.data.summary.status}, precision ${event.data.summary.precision}`;
    default:
      return '';
  }
}

/** One line per event for people: sequence, time, type, subject, what it says. */
export function formatEventLine(event: StoredEvent): string {
  return `${String(event.seq).padStart(6)}  ${event.time.slice(11, 23)}  ${event.type.padEnd(20)} ${event.subject.padEnd(28)} ${detail(event)}`;
}

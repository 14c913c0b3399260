import cliProgress from 'cli-progress';
import type { Progress } from '@mge/run';
import { progressLine } from './line.js';

/** Live progress on stderr: a bar on a terminal, plain lines (on change, at most once a second) otherwise. */
export interface ProgressDisplay {
  show(progress: Progress): void;
  /** A line that must be seen (a warning), printed above the bar. */
  note(line: string): void;
  stop(): void;
}

export function createProgressDisplay(stream: NodeJS.WriteStream, startedAt: number): ProgressDisplay {
  return stream.isTTY ? barDisplay(stream, startedAt) : lineDisplay(stream, startedAt);
}

const BAR_FORMAT = {
  atoms:
    '{label}{phase} |{bar}| {value}/{total} atoms · wave {wave}/{waves} · {inFlight} in flight · {failed} failed · {retries} retries · L2 {tasks} · L3 {milestones} · {elapsed}s',
  files: '{label}{phase} |{bar}| {value}/{total} files written · {failed} failed · {elapsed}s',
} as const;

/** One bar per pipeline (two when V1 and V2 run side by side). */
function barDisplay(stream: NodeJS.WriteStream, startedAt: number): ProgressDisplay {
  const bars = new cliProgress.MultiBar(
    { stream, hideCursor: true, clearOnComplete: false, fps: 10 },
    cliProgress.Presets.shades_classic,
  );
  const byLabel = new Map<string, cliProgress.SingleBar>();
  return {
    show: (p) => {
      const key = p.label ?? '';
      let bar = byLabel.get(key);
      if (bar === undefined) {
        bar = bars.create(1, 0, p, { format: BAR_FORMAT[p.unit] });
        byLabel.set(key, bar);
      }
      bar.setTotal(Math.max(p.atoms, 1));
      bar.update(p.passed, {
        ...p,
        label: p.label === undefined ? '' : `${p.label} `,
        elapsed: ((Date.now() - startedAt) / 1000).toFixed(1),
      });
    },
    note: (line) => {
      bars.log(`${line}\n`);
    },
    stop: () => bars.stop(),
  };
}

/** Plain lines, per pipeline: on a change of phase, else at most once a second. */
function lineDisplay(stream: NodeJS.WriteStream, startedAt: number): ProgressDisplay {
  const last = new Map<string, { phase: string; line: string; at: number }>();
  return {
    show: (p) => {
      const line = progressLine(p, Date.now() - startedAt);
      const body = line.slice(line.indexOf(']') + 1);
      const key = p.label ?? '';
      const before = last.get(key);
      const due =
        before === undefined ||
        p.phase !== before.phase ||
        (body !== before.line && Date.now() - before.at >= 1_000);
      if (!due) return;
      stream.write(`${line}\n`);
      last.set(key, { phase: p.phase, line: body, at: Date.now() });
    },
    note: (line) => {
      stream.write(`${line}\n`);
    },
    stop: () => undefined,
  };
}

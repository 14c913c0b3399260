import cliProgress from 'cli-progress';
import type { Progress } from './model.js';
import { progressLine } from './model.js';

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

function barDisplay(stream: NodeJS.WriteStream, startedAt: number): ProgressDisplay {
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format:
        '{phase} |{bar}| {value}/{total} atoms · wave {wave}/{waves} · {inFlight} in flight · {failed} failed · {retries} retries · L2 {tasks} · L3 {milestones} · {elapsed}s',
      hideCursor: true,
      clearOnComplete: false,
      fps: 10,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(1, 0, {
    phase: 'discovery',
    wave: 0,
    waves: 0,
    inFlight: 0,
    failed: 0,
    retries: 0,
    tasks: '0/0',
    milestones: '0/0',
    elapsed: '0.0',
  });
  return {
    show: (p) => {
      bar.setTotal(Math.max(p.atoms, 1));
      bar.update(p.passed, { ...p, elapsed: ((Date.now() - startedAt) / 1000).toFixed(1) });
    },
    note: (line) => {
      stream.write(`\n${line}\n`);
    },
    stop: () => bar.stop(),
  };
}

function lineDisplay(stream: NodeJS.WriteStream, startedAt: number): ProgressDisplay {
  let lastPhase = '';
  let lastLine = '';
  let lastAt = 0;
  return {
    show: (p) => {
      const line = progressLine(p, Date.now() - startedAt);
      const body = line.slice(line.indexOf(']') + 1);
      const due = p.phase !== lastPhase || (body !== lastLine && Date.now() - lastAt >= 1_000);
      if (!due) return;
      stream.write(`${line}\n`);
      lastPhase = p.phase;
      lastLine = body;
      lastAt = Date.now();
    },
    note: (line) => {
      stream.write(`${line}\n`);
    },
    stop: () => undefined,
  };
}

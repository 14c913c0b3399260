import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import type { RunProgress } from '@mge/contracts';
import { RunProgress as ProgressSchema, streams, subjects } from '@mge/contracts';

const ATTEMPTS = 5;

/** The kept snapshot of a run: its stream sequence, and the run's event sequence it was folded to. */
async function kept(
  jsm: JetStreamManager,
  subject: string,
): Promise<{ streamSeq: number; seq: number } | undefined> {
  const msg = await jsm.streams.getMessage(streams.progress, { last_by_subj: subject }).catch(() => null);
  if (msg === null || msg === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(msg.string());
  } catch {
    json = undefined; // not a snapshot: any snapshot replaces it
  }
  const parsed = ProgressSchema.safeParse(json);
  return { streamSeq: msg.seq, seq: parsed.success ? parsed.data.seq : -1 };
}

/**
 * Publishes a snapshot unless a newer one is kept already, and only over the snapshot it read (the
 * stream checks the subject's last sequence): replicas racing on one run never leave an older
 * snapshot as the last one. Returns whether it was published.
 */
export async function publishNewer(
  js: JetStreamClient,
  jsm: JetStreamManager,
  snapshot: RunProgress,
): Promise<boolean> {
  const subject = subjects.progress(snapshot.runId);
  for (let attempt = 1; ; attempt++) {
    const last = await kept(jsm, subject);
    if (last !== undefined && last.seq >= snapshot.seq) return false;
    try {
      await js.publish(subject, JSON.stringify(snapshot), {
        expect: { lastSubjectSequence: last?.streamSeq ?? 0 },
      });
      return true;
    } catch (error) {
      if (attempt >= ATTEMPTS) throw error; // another replica published meanwhile: read again
    }
  }
}

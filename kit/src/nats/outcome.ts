/** What a handler decided about its message; the consume loop carries it out. */
export type Outcome =
  | { readonly kind: 'ack' }
  | { readonly kind: 'retry'; readonly delayMs: number; readonly reason: string }
  | { readonly kind: 'reject'; readonly reason: string };

/** Done (or already done): remove the message. */
export const ack = (): Outcome => ({ kind: 'ack' });
/** Try again later: redeliver after `delayMs`. */
export const retry = (delayMs: number, reason = 'retry requested'): Outcome => ({
  kind: 'retry',
  delayMs,
  reason,
});
/** Never process: copy to the DLQ with the reason, then terminate. */
export const reject = (reason: string): Outcome => ({ kind: 'reject', reason });

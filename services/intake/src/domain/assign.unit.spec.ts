import { describe, expect, it } from '@jest/globals';
import type { Flags } from '@mge/contracts';
import { defaultFlags } from '@mge/contracts';
import { assignPipeline, rolloutBucket } from './assign.js';

const at = (rollout: number, enabled = true): Flags => ({ 'v2.enabled': enabled, 'v2.rollout': rollout });
const keys = Array.from({ length: 10_000 }, (_, i) => `tenant-${i}`);

describe('rollout assignment', () => {
  it('sends 25% of 10 000 keys to V2, within 2 points', () => {
    const v2 = keys.filter(
      (key) => assignPipeline({ flags: at(25), v2EnabledEnv: true, key }).serving === 'v2',
    );
    expect(Math.abs(v2.length / keys.length - 0.25)).toBeLessThanOrEqual(0.02);
  });

  it('always sends the same key to the same side, and raising the rollout only moves keys to V2', () => {
    for (const key of keys.slice(0, 500)) {
      const first = assignPipeline({ flags: at(25), v2EnabledEnv: true, key }).serving;
      expect(assignPipeline({ flags: at(25), v2EnabledEnv: true, key }).serving).toBe(first);
      if (first === 'v2')
        expect(assignPipeline({ flags: at(50), v2EnabledEnv: true, key }).serving).toBe('v2');
    }
    expect(rolloutBucket('user-42')).toBe(rolloutBucket('user-42'));
  });

  it('serves everything with V2 at 100% and nothing at 0%', () => {
    const serving = (rollout: number) =>
      new Set(
        keys
          .slice(0, 1000)
          .map((key) => assignPipeline({ flags: at(rollout), v2EnabledEnv: true, key }).serving),
      );
    expect(serving(100)).toEqual(new Set(['v2']));
    expect(serving(0)).toEqual(new Set(['v1']));
  });

  it('lets a request override the rollout, and parallel mode adds the other pipeline as a shadow', () => {
    expect(assignPipeline({ flags: at(0), v2EnabledEnv: true, key: 'k', requested: 'v2' })).toMatchObject({
      serving: 'v2',
      shadow: undefined,
      assignment: { reason: 'override', key: 'k', rolloutPercent: 0 },
    });
    expect(
      assignPipeline({ flags: at(100), v2EnabledEnv: true, key: 'k', requested: 'parallel' }),
    ).toMatchObject({
      serving: 'v2',
      shadow: 'v1',
      assignment: { reason: 'rollout' },
    });
    expect(
      assignPipeline({ flags: at(0), v2EnabledEnv: true, key: 'k', requested: 'parallel' }),
    ).toMatchObject({
      serving: 'v1',
      shadow: 'v2',
    });
  });

  it('MGE_V2_ENABLED=false (or the v2.enabled flag off) wins over the rollout and every override', () => {
    for (const requested of [undefined, 'v2', 'parallel', 'v1'] as const) {
      for (const [flags, env] of [
        [defaultFlags, false],
        [at(100, false), true],
      ] as const) {
        expect(assignPipeline({ flags, v2EnabledEnv: env, key: 'k', requested })).toMatchObject({
          serving: 'v1',
          shadow: undefined,
          assignment: { reason: 'v2-disabled' },
        });
      }
    }
  });
});

// The bench's daily trigger runtime against the 90-minute consumer quota (#17; Apps Script
// quotas page: "Triggers total runtime 90 min / day" consumer, 6 h Workspace).
import {
  CONSUMER_DAILY_TRIGGER_MS,
  dailyBudget,
  formatDaily,
  quietHourMs,
} from '../../local/bench/daily';
import { defaultModel } from '../../local/bench/latency';
import type { ScenarioResult } from '../../local/bench/scenarios';

const result = (id: ScenarioResult['id'], modelledMs: number, size: Record<string, number> = {}) =>
  ({ id, label: `${id} scenario`, size, product: { modelledMs } }) as unknown as ScenarioResult;

describe('daily trigger runtime', () => {
  test('the quota is 90 minutes a day for a consumer account', () => {
    expect(CONSUMER_DAILY_TRIGGER_MS).toBe(5_400_000);
  });

  test('a busy day adds each trigger execution times its runs (24 hourly sweeps and 24 outbox runs, the full pass being a menu action that no trigger runs) and compares the sum with 90 minutes', () => {
    const b = dailyBudget(
      [
        result('registration', 3_000),
        result('application', 10_000),
        result('sweep', 375_000),
        result('monthly', 13_000),
      ],
      { sweep: 100, outbox: 50 },
      { registrations: 15, applications: 150 },
    );
    // 15×3 s + 150×10 s + 24×0.1 s + 24×0.05 s + 13 s = 1,561.6 s (the full pass not counted)
    expect(b.totalMs).toBe(1_561_600);
    expect(b.pass).toBe(true);
    expect(b.consumerShare).toBeCloseTo(1_561_600 / 5_400_000);
    expect(b.parts.map((p) => p.what)).not.toContain('daily full sweep');
    expect(formatDaily(b)).toContain(
      'PASS  daily trigger runtime ≤ 90 min (consumer quota): 26.0 min',
    );
  });

  test('with the hourly scenario measured, its figure stands for the 24 hourly sweeps of a busy day (responses no sweep confirmed yet in every window), not the quiet hour nor the sweep after a confirmed one', () => {
    const b = dailyBudget(
      [
        result('application', 2_000),
        result('sweepHourly', 1_500),
        result('sweepHourly', 600, { responses: 50_000, confirmed: 1 }),
      ],
      { sweep: 100, outbox: 50 },
      { registrations: 0, applications: 150 },
    );
    // 150×2 s + 24×1.5 s + 24×0.05 s = 337.2 s
    expect(b.totalMs).toBe(337_200);
    const hourly = b.parts.filter((p) => p.what.startsWith('hourly sweep'));
    expect(hourly).toHaveLength(1);
    expect(hourly[0].eachMs).toBe(1_500);
    expect(hourly[0].runs).toBe(24);
  });

  test('over 90 minutes fails', () => {
    const b = dailyBudget(
      [result('application', 40_000)],
      { sweep: 0, outbox: 0 },
      {
        registrations: 0,
        applications: 150,
      },
    );
    expect(b.totalMs).toBe(6_000_000);
    expect(b.pass).toBe(false);
  });

  test('a quiet hourly sweep and an idle outbox run are measured on the runtime and cost well under a second', () => {
    const q = quietHourMs(defaultModel());
    expect(q.sweep).toBeGreaterThan(0);
    expect(q.sweep).toBeLessThan(1_000);
    expect(q.outbox).toBeGreaterThan(0);
    expect(q.outbox).toBeLessThan(1_000);
  });
});

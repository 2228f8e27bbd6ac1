// Daily trigger runtime against the quota (#17). Triggers may run 90 minutes a day in total on a
// consumer (gmail.com) account, 6 hours on Google Workspace (Apps Script quotas page, "Triggers
// total runtime"); every installable trigger counts against its owner's quota. A day's runtime is
// the modelled time of each trigger execution times how often it runs on a busy day at the
// bench's largest size, with the monthly run on the same day. What runs is what set-up installs
// (src/usecases/setup.ts, src/adapters/triggers.ts CLOCK_HANDLERS): a trigger per form, the sweep
// every `sweepEveryHours` (1: 24 a day), `sendQueuedEmails` every `outboxEveryHours` (1: 24 a
// day), the monthly run, and `runSessionsDaily` only with a sign-up form (the bench's office has
// none). The full pass over every response ("Process missed responses") is a menu action only:
// no trigger runs it, so it is not part of a day's trigger runtime.
import { createOfficeWorld } from '../world';
import { type LatencyModel, modelledMs } from './latency';
import type { ScenarioResult } from './scenarios';

export const CONSUMER_DAILY_TRIGGER_MS = 90 * 60_000;
export const WORKSPACE_DAILY_TRIGGER_MS = 6 * 3_600_000;

/**
 * A busy day (an assumption, not a measurement): the program's 5,000 members and 50,000
 * applications over its 32 months average about 52 applications and 5 registrations a day;
 * a busy day is taken as three times that.
 */
export const BUSY_DAY = { registrations: 15, applications: 150 } as const;

/** The sweep's trigger at the default `sweepEveryHours` of 1 (Settings). */
export const SWEEPS_A_DAY = 24;

export interface DailyPart {
  what: string;
  runs: number;
  eachMs: number;
  totalMs: number;
  /** Where eachMs comes from. */
  basis: string;
}

export interface DailyBudget {
  parts: DailyPart[];
  totalMs: number;
  consumerQuotaMs: number;
  workspaceQuotaMs: number;
  /** Share of the consumer quota (1 = all of it). */
  consumerShare: number;
  pass: boolean;
}

/**
 * One hourly sweep and one outbox run in a quiet hour, measured on the local runtime: nothing
 * new to process, nothing queued (their cost does not depend on the size of the tables).
 */
export function quietHourMs(
  model: LatencyModel,
  bundle?: string,
): { sweep: number; outbox: number } {
  const world = createOfficeWorld({ ...(bundle ? { bundle } : {}) });
  world.rt.run('setup');
  world.rt.run('sweep'); // the first sweep reads everything once; later ones only what is new
  world.rt.advanceBy(3_600_000);
  const measure = (fn: string) => {
    world.rt.resetCounts();
    world.rt.run(fn);
    return modelledMs(world.rt.resetCounts(), model);
  };
  return { sweep: measure('sweep'), outbox: measure('sendQueuedEmails') };
}

export function dailyBudget(
  results: readonly ScenarioResult[],
  quiet: { sweep: number; outbox: number },
  load: { registrations: number; applications: number } = BUSY_DAY,
): DailyBudget {
  const last = (id: ScenarioResult['id']) => results.filter((r) => r.id === id).at(-1);
  const parts: DailyPart[] = [];
  const add = (what: string, runs: number, eachMs: number, basis: string) =>
    parts.push({ what, runs, eachMs, totalMs: runs * eachMs, basis });
  const reg = last('registration');
  if (reg) add('registration trigger', load.registrations, reg.product.modelledMs, reg.label);
  const app = last('application');
  if (app) add('application trigger', load.applications, app.product.modelledMs, app.label);
  // A busy day brings responses every hour, handled by their triggers since the last sweep: no
  // sweep has confirmed them yet, so every hourly sweep searches for them (the sweep after a
  // confirmed one, which searches for nothing, is a quiet hour's). The hourly scenario measures
  // that sweep (marks where the last sweep left them, its window not confirmed) when it ran,
  // else the quiet hour's figure on the runtime.
  const hourly = results.find((r) => r.id === 'sweepHourly' && !r.size?.confirmed);
  if (hourly) add('hourly sweep', SWEEPS_A_DAY, hourly.product.modelledMs, hourly.label);
  else add('hourly sweep, quiet hour', SWEEPS_A_DAY, quiet.sweep, 'measured on the local runtime');
  add('outbox, nothing queued', 24, quiet.outbox, 'measured on the local runtime');
  const monthly = last('monthly');
  if (monthly) add('monthly payment run', 1, monthly.product.modelledMs, monthly.label);
  const totalMs = parts.reduce((s, p) => s + p.totalMs, 0);
  return {
    parts,
    totalMs,
    consumerQuotaMs: CONSUMER_DAILY_TRIGGER_MS,
    workspaceQuotaMs: WORKSPACE_DAILY_TRIGGER_MS,
    consumerShare: totalMs / CONSUMER_DAILY_TRIGGER_MS,
    pass: totalMs <= CONSUMER_DAILY_TRIGGER_MS,
  };
}

export function formatDaily(b: DailyBudget, load = BUSY_DAY): string {
  const min = (ms: number) => `${(ms / 60_000).toFixed(1)} min`;
  const lines = [
    `Daily trigger runtime on a busy day (${load.applications} applications, ${load.registrations} registrations, the monthly run; the full pass is menu-only):`,
  ];
  for (const p of b.parts)
    lines.push(
      `  ${p.what.padEnd(28)} ${String(p.runs).padStart(4)} × ${(p.eachMs / 1000).toFixed(2).padStart(7)} s = ${min(p.totalMs).padStart(9)}   (${p.basis})`,
    );
  lines.push(
    `${b.pass ? 'PASS' : 'FAIL'}  daily trigger runtime ≤ 90 min (consumer quota): ${min(b.totalMs)}, ${(b.consumerShare * 100).toFixed(0)}% of 90 min (Workspace: 6 h)`,
  );
  return lines.join('\n');
}

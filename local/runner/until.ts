// Where a replay ends when --until is not given: the monthly run that settles the month of the
// last event (response, edit, document or course date). It pays that month and every hold whose
// documents arrived by then; a hold still waiting has no date in the input that would end it, so
// a later end would only add months with nothing in them.
import type { RunEvent } from './engine';
import { tokyoDay, tokyoMs } from './inputs';
import { fieldTitle } from './replay';

export interface DefaultUntil {
  /** End of the run day (23:59:59 Tokyo), the clock at the end of the replay. */
  ms: number;
  /** The run day, yyyy-MM-dd. */
  day: string;
  /** The month that run settles (the month of the last event). */
  month: string;
}

/** The monthly run day in force (settings file, else the Settings default). */
function runDay(settings: Record<string, string>): number {
  const day = Number(fieldTitle(settings, 'monthlyRunDay'));
  return Number.isInteger(day) && day >= 1 && day <= 28 ? day : 1;
}

export function defaultUntil(
  events: readonly RunEvent[],
  settings: Record<string, string>,
): DefaultUntil | null {
  if (events.length === 0) return null;
  const last = Math.max(...events.map((e) => e.at));
  const month = tokyoDay(last).slice(0, 7);
  let [year, m] = month.split('-').map(Number);
  m++;
  if (m > 12) {
    m = 1;
    year++;
  }
  const day = runDay(settings);
  const ms = tokyoMs({ year, month: m, day, hour: 23, minute: 59, second: 59 });
  return { ms, day: tokyoDay(ms), month };
}

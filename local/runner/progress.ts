// Progress of a long run: responses done, rate, and an estimate of the time left. A replay reads
// whole tables for every event, so each response costs a little more than the one before; the
// estimate fits elapsed time ≈ a·n + b·n² through the last two reports (b ≥ 0), which follows
// that growth instead of assuming a constant rate.
import type { RunEvent } from './engine';

export interface ProgressPoint {
  done: number;
  seconds: number;
}

/** Seconds left for `total` responses, from two progress points (null until there are two). */
export function secondsLeft(
  previous: ProgressPoint | null,
  current: ProgressPoint,
  total: number,
): number | null {
  if (!previous || current.done <= previous.done || current.done === 0) return null;
  const { done: n1, seconds: t1 } = previous;
  const { done: n2, seconds: t2 } = current;
  // Solve t = a·n + b·n² through (n1, t1), (n2, t2); with n1 = 0 it is the straight line.
  let b = n1 > 0 ? (t2 / n2 - t1 / n1) / (n2 - n1) : 0;
  if (!(b > 0)) b = 0;
  const a = t2 / n2 - b * n2;
  const at = (n: number) => a * n + b * n * n;
  return Math.max(0, at(total) - at(n2));
}

export function formatDuration(seconds: number): string {
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

/**
 * When `--batch` would help: many responses sharing an hour (the hourly sweep then takes them
 * all in one execution instead of one trigger each). Null when it would not matter.
 */
export function batchHint(events: readonly RunEvent[]): string | null {
  const responses = events.filter((e) => e.kind === 'submit' || e.kind === 'edit');
  if (responses.length < 1000) return null;
  const hours = new Set(responses.map((e) => Math.floor(e.at / 3_600_000))).size;
  const perHour = responses.length / hours;
  if (perHour < 2) return null;
  return `hint: ${responses.length.toLocaleString('en-US')} responses fall in ${hours.toLocaleString('en-US')} hours (${perHour.toFixed(1)} per hour): --batch lets the hourly sweep take each hour's responses in one execution (same result, RULES R26), about ${perHour.toFixed(0)}× fewer executions`;
}

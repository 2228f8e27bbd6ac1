// Progress on long runs: the rate and an estimate of the time left that follows the replay's
// growing cost per response; and a hint to use --batch when many responses share an hour.
import type { RunEvent } from '../../../local/runner/engine';
import { batchHint, formatDuration, secondsLeft } from '../../../local/runner/progress';

const HOUR = 3_600_000;
const submits = (n: number, hourOf: (i: number) => number): RunEvent[] =>
  Array.from({ length: n }, (_, i) => ({
    kind: 'submit' as const,
    form: 'application' as const,
    at: hourOf(i) * HOUR,
    row: i + 1,
    email: 'a@x',
    answers: {},
  }));

describe('time left', () => {
  test('a constant rate: 100 responses per 10 s, 800 to go → 80 s', () => {
    expect(secondsLeft({ done: 100, seconds: 10 }, { done: 200, seconds: 20 }, 1000)).toBeCloseTo(
      80,
    );
  });

  test('a cost growing with each response (t = 0.05·n + 0.0005·n²): 200 done in 30 s, 400 in all → 70 s more', () => {
    // t(100) = 5 + 5 = 10 s; t(200) = 10 + 20 = 30 s; t(400) = 20 + 80 = 100 s.
    expect(secondsLeft({ done: 100, seconds: 10 }, { done: 200, seconds: 30 }, 400)).toBeCloseTo(
      70,
    );
  });

  test('no estimate from the first report alone', () => {
    expect(secondsLeft(null, { done: 250, seconds: 5 }, 1000)).toBeNull();
  });

  test('durations read as a person would say them', () => {
    expect(formatDuration(42)).toBe('42 s');
    expect(formatDuration(600)).toBe('10 min');
    expect(formatDuration(3 * 3600)).toBe('3.0 h');
  });
});

describe('the --batch hint', () => {
  test('1,000 responses in 100 hours: --batch is suggested', () => {
    expect(batchHint(submits(1000, (i) => Math.floor(i / 10)))).toContain(
      '1,000 responses fall in 100 hours (10.0 per hour): --batch',
    );
  });

  test('one response per hour, or a short run: no hint', () => {
    expect(batchHint(submits(1000, (i) => i))).toBeNull();
    expect(batchHint(submits(999, () => 0))).toBeNull();
  });
});

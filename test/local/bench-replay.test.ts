// The bench's replay time (issue #15 item 5): the demo generator replayed in a process of its
// own, and how the two sizes' times are reported. No timing is asserted (the machine is shared):
// the figures are the bench's to print.
import {
  formatReplay,
  measureReplay,
  type ReplayResult,
  type ReplayRun,
  replayVerdict,
} from '../../local/bench/replay';
import { needsBuiltBundle } from '../built-bundle';

needsBuiltBundle();

test('a replay of --demo-size 100 runs to its end in a process of its own and reports what it replayed', () => {
  const result = measureReplay([100], 600);
  expect(result.runs).toHaveLength(1);
  const [run] = result.runs;
  expect(run.error).toBeUndefined();
  expect(run.finished).toBe(true);
  expect(run.applications).toBe(100);
  // 100 applications, their edits, 10 members' registrations (and repeats), the sign-ups.
  expect(run.done).toBe(run.total);
  expect(run.total).toBeGreaterThan(110);
  expect(run.peakRssMb).toBeGreaterThan(0);
  expect(result.ratio).toBeNull();
  expect(result.cpuRatio).toBeNull();
  expect(result.linear).toBe(1);
}, 300_000);

const finished = (size: number, seconds: number): ReplayRun => ({
  size,
  done: size + size / 5,
  total: size + size / 5,
  finished: true,
  seconds,
  cpuSeconds: seconds * 0.9,
  peakRssMb: 300,
  applications: size,
  registrations: size / 10,
});

const result = (runs: ReplayRun[]): ReplayResult => ({
  runs,
  ratio: runs.every((r) => r.finished) ? runs[1].seconds / runs[0].seconds : null,
  cpuRatio: runs.every((r) => r.finished) ? runs[1].cpuSeconds! / runs[0].cpuSeconds! : null,
  linear: runs[1].size / runs[0].size,
  limitSeconds: 600,
  load: [1.5, 2, 2.5],
  cores: 2,
});

test('the report shows both sizes, their ratio and the linear ratio; the target holds under 60 s and 2 GB', () => {
  const r = result([finished(5000, 4), finished(50000, 42)]);
  expect(formatReplay(r)).toBe(
    [
      'Replay without --batch (the demo generator, --demo-size N; heap limit 1,536 MB, young generation 64 MB; load 1.5, 2, 2.5 on 2 cores):',
      '  5,000 applications, 500 registrations (6,000 responses): 4.0 s (CPU 3.6 s), peak memory 300 MB',
      '  50,000 applications, 5,000 registrations (60,000 responses): 42.0 s (CPU 37.8 s), peak memory 300 MB',
      '  50,000 ÷ 5,000: ×10.5 (CPU ×10.5) (linear: ×10)',
    ].join('\n'),
  );
  expect(replayVerdict(r).pass).toBe(true);
  expect(replayVerdict(result([finished(5000, 4), finished(50000, 61)])).pass).toBe(false);
});

test('a replay stopped at the time limit says how far it got, and the ratio is at least limit ÷ the small time', () => {
  const stopped: ReplayRun = {
    ...finished(50000, 600),
    done: 12_000,
    total: 60_000,
    finished: false,
    cpuSeconds: null,
    peakRssMb: null,
    applications: null,
    registrations: null,
  };
  const r = result([finished(5000, 100), stopped]);
  expect(formatReplay(r).split('\n').slice(2)).toEqual([
    '  50,000 applications: not finished in 600 s (stopped at 12,000 of 60,000 responses)',
    '  50,000 ÷ 5,000: more than ×6.0 (linear: ×10)',
  ]);
  expect(replayVerdict(r).pass).toBe(false);
});

test('a replay over the target is told what it costs per response and what 60 s would need; over 2 GB, its memory', () => {
  const slow = result([finished(5000, 20), { ...finished(50000, 120), peakRssMb: 2500 }]);
  expect(replayVerdict(slow).limits).toEqual([
    expect.stringMatching(
      /^1\.8 ms of CPU per response \(60,000 responses, plus 8,760 hourly sweeps and outbox runs a year\); under 60 s needs about 1\.0 ms: /,
    ),
    "peak memory 2500 MB: the spreadsheet's cells and the TextFinder's index of their texts",
  ]);
  expect(replayVerdict(result([finished(5000, 4), finished(50000, 42)])).limits).toEqual([]);
});

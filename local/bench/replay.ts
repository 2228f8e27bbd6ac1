// Replay time (issue #15 item 5): the demo generator at two sizes (`--demo-size N`: N
// applications, N/10 registrations, the same year) replayed through the runner's engine without
// --batch, each in a process of its own, with its wall-clock time, CPU time and peak memory.
// Time that grows linearly with the data gives a ratio equal to the ratio of the sizes (×10 from
// 5,000 to 50,000); a cost that grows with the history shows as a larger ratio. A run that
// passes the time limit is stopped and reported with how far it got.
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';

export interface ReplayRun {
  /** Applications asked for (`--demo-size N`). */
  size: number;
  /** Responses of all forms (submissions and edits) replayed, of `total`. */
  done: number;
  total: number;
  finished: boolean;
  /** Wall-clock seconds of the replay (until it finished, or was stopped). */
  seconds: number;
  /** CPU seconds (user + system) of the replay; null when it was stopped. */
  cpuSeconds: number | null;
  /** The replay process's peak resident memory (MB); null when it was stopped. */
  peakRssMb: number | null;
  applications: number | null;
  registrations: number | null;
  error?: string;
}

export interface ReplayResult {
  runs: ReplayRun[];
  /** Time of the largest ÷ time of the smallest size, when both finished. */
  ratio: number | null;
  /** The same with CPU time (steadier on a shared machine). */
  cpuRatio: number | null;
  /** The ratio if the time grew linearly with the size. */
  linear: number;
  limitSeconds: number;
  /** The machine's load (1, 5, 15 minutes) when the measurement started, and its cores. */
  load: number[];
  cores: number;
}

const RUNNER = resolve(__dirname, 'replay-run.ts');
/** The replay process's heap limit (MB): the target is 2 GB of memory in all. */
export const HEAP_MB = 1536;
/**
 * The replay process's young generation (V8's semi-space, MB; Node 20's default is 16): a
 * replay makes many short-lived objects (rows read, ranges found, mail texts) and keeps much of
 * what it makes (the sheets and their index), so with a larger nursery fewer objects are copied
 * before they die. Side by side at 20,000 applications: 57.2 s of CPU with the default, 54.2 s
 * with 32, 52.7 s with 64, 51.7 s with 128 (989 MB at its peak against 706 MB: left out).
 */
export const SEMI_SPACE_MB = 64;
const ROOT = resolve(__dirname, '..', '..');

interface Progress {
  done?: number;
  total?: number;
  seconds?: number;
  result?: {
    applications: number;
    registrations: number;
    responses: number;
    seconds: number;
    cpuSeconds: number;
    peakRssMb: number;
  };
}

export function replayOnce(size: number, limitSeconds: number, bundle?: string): ReplayRun {
  const started = performance.now();
  // One process (node with tsx's loader), not tsx's command, which runs the script in a child
  // of its own that would outlive the time limit's kill. Its heap is capped at HEAP_MB: without a
  // cap V8 lets the heap grow well past what is live before it collects (a 50,000 replay reached
  // 2.5 GB of resident memory with about 1.4 GB live); with it the same replay peaks at 1.4 GB,
  // in no more CPU time. A replay whose live data outgrew the cap would fail, and say so.
  const child = spawnSync(
    process.execPath,
    [
      `--max-old-space-size=${HEAP_MB}`,
      `--max-semi-space-size=${SEMI_SPACE_MB}`,
      '--import',
      'tsx',
      RUNNER,
      String(size),
      ...(bundle ? [bundle] : []),
    ],
    {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: limitSeconds * 1000,
      killSignal: 'SIGKILL',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const lines: Progress[] = child.stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Progress);
  const last = [...lines].reverse().find((l) => l.done !== undefined);
  const result = lines.find((l) => l.result)?.result;
  if (result) {
    return {
      size,
      done: result.responses,
      total: result.responses,
      finished: true,
      seconds: result.seconds,
      cpuSeconds: result.cpuSeconds,
      peakRssMb: result.peakRssMb,
      applications: result.applications,
      registrations: result.registrations,
    };
  }
  const stopped = child.error !== undefined || child.signal === 'SIGKILL';
  return {
    size,
    done: last?.done ?? 0,
    total: last?.total ?? 0,
    finished: false,
    seconds: stopped ? limitSeconds : (performance.now() - started) / 1000,
    cpuSeconds: null,
    peakRssMb: null,
    applications: null,
    registrations: null,
    ...(stopped ? {} : { error: child.stderr.trim().split('\n').slice(-3).join(' ') }),
  };
}

export function measureReplay(
  sizes: number[],
  limitSeconds: number,
  bundle?: string,
  progress?: (label: string) => void,
): ReplayResult {
  const load = loadavg().map((x) => Math.round(x * 100) / 100);
  const runs: ReplayRun[] = [];
  for (const size of sizes) {
    runs.push(replayOnce(size, limitSeconds, bundle));
    progress?.(`replay of ${n(size)} applications`);
  }
  const first = runs[0];
  const largest = runs[runs.length - 1];
  const both = runs.length > 1 && first.finished && largest.finished;
  return {
    runs,
    ratio: both ? largest.seconds / first.seconds : null,
    cpuRatio:
      both && first.cpuSeconds && largest.cpuSeconds ? largest.cpuSeconds / first.cpuSeconds : null,
    linear: largest.size / first.size,
    limitSeconds,
    load,
    cores: cpus().length,
  };
}

function n(x: number): string {
  return x.toLocaleString('en-US');
}

function runText(r: ReplayRun): string {
  if (r.error) return `${n(r.size)} applications: failed (${r.error})`;
  if (!r.finished) {
    return `${n(r.size)} applications: not finished in ${r.seconds.toFixed(0)} s (stopped at ${n(r.done)} of ${n(r.total)} responses)`;
  }
  return `${n(r.applications ?? r.size)} applications, ${n(r.registrations ?? 0)} registrations (${n(r.total)} responses): ${r.seconds.toFixed(1)} s (CPU ${r.cpuSeconds?.toFixed(1)} s), peak memory ${r.peakRssMb?.toFixed(0)} MB`;
}

export function formatReplay(result: ReplayResult): string {
  const [first, largest] = [result.runs[0], result.runs[result.runs.length - 1]];
  const ratio =
    result.ratio !== null
      ? `×${result.ratio.toFixed(1)}${result.cpuRatio === null ? '' : ` (CPU ×${result.cpuRatio.toFixed(1)})`}`
      : first.finished && !largest.finished
        ? `more than ×${(result.limitSeconds / first.seconds).toFixed(1)}`
        : 'unknown';
  return [
    `Replay without --batch (the demo generator, --demo-size N; heap limit ${n(HEAP_MB)} MB, young generation ${SEMI_SPACE_MB} MB; load ${result.load.join(', ')} on ${result.cores} cores):`,
    ...result.runs.map((r) => `  ${runText(r)}`),
    `  ${n(largest.size)} ÷ ${n(first.size)}: ${ratio} (linear: ×${result.linear})`,
  ].join('\n');
}

/** The issue's target: 50,000 applications replayed in under 60 s and 2 GB. */
export function replayVerdict(result: ReplayResult): {
  target: string;
  pass: boolean;
  measured: string;
  limits: string[];
} {
  const r = result.runs[result.runs.length - 1];
  const pass = r.finished && r.seconds < 60 && (r.peakRssMb ?? Infinity) < 2048;
  return {
    target: `Replay of ${n(r.size)} applications without --batch: < 60 s and < 2 GB (linear growth: ×${result.linear} from ${n(result.runs[0].size)})`,
    pass,
    measured: `${runText(r)}; ${formatReplay(result).split('\n').at(-1)?.trim()}`,
    limits: pass ? [] : replayLimits(r),
  };
}

/** What stands between a replay and the target, from its own figures. */
function replayLimits(r: ReplayRun): string[] {
  if (!r.finished || r.cpuSeconds === null) {
    return [
      `the replay did not finish (${n(r.done)} of ${n(r.total)} responses): its time per response is the script's work per execution and the local runtime's searches and index upkeep (README "Replay time")`,
    ];
  }
  const out: string[] = [];
  const perResponse = (r.cpuSeconds * 1000) / r.total;
  if (r.seconds >= 60) {
    out.push(
      `${perResponse.toFixed(1)} ms of CPU per response (${n(r.total)} responses, plus 8,760 hourly sweeps and outbox runs a year); under 60 s needs about ${((60 * 1000) / r.total).toFixed(1)} ms: the script's own work per execution (reading Settings and headers, deciding, writing) and the local runtime's TextFinder searches and index upkeep (README "Replay time")`,
    );
  }
  if ((r.peakRssMb ?? 0) >= 2048) {
    out.push(
      `peak memory ${r.peakRssMb?.toFixed(0)} MB: the spreadsheet's cells and the TextFinder's index of their texts`,
    );
  }
  return out;
}

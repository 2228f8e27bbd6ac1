// One replay measured in a process of its own (local/bench/replay.ts starts it), so that its
// peak memory is its own: the demo generator's events for `--demo-size N` run through the
// runner's engine (set-up, every response with its trigger, the hourly sweeps, the monthly
// runs), as `npm start -- --demo-size N` does before it writes the output folder.
// Usage: tsx local/bench/replay-run.ts N [BUNDLE]. Prints JSON lines on stdout: progress
// ({"done", "total", "seconds"}) every 250 responses, then {"result": …}.
import { resolve } from 'node:path';
import { demoPlan, parseDemoSize } from '../runner/demo';
import { runEvents } from '../runner/engine';

const size = parseDemoSize(process.argv[2] ?? '');
if (typeof size !== 'number') {
  process.stderr.write('usage: replay-run.ts N [BUNDLE] (N applications, 100 to 200,000)\n');
  process.exit(2);
}
const bundle = process.argv[3] ? resolve(process.argv[3]) : undefined;
const plan = demoPlan(size);
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const say = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`);
say({
  done: 0,
  total: plan.events.filter((e) => e.kind === 'submit' || e.kind === 'edit').length,
  seconds: 0,
});
const { responses } = runEvents({
  world: { withSignupForm: true, ...(bundle ? { bundle } : {}) },
  events: plan.events,
  until: plan.until,
  progress: (done, total) => say({ done, total, seconds: (performance.now() - t0) / 1000 }),
  progressEvery: 250,
});
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
say({
  result: {
    applications: plan.applications,
    registrations: plan.registrations,
    responses,
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    // Kilobytes (process.resourceUsage: maxRSS): the most memory the process held at once.
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  },
});

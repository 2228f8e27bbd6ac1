// `npm run test:faults`: the full fault-injection suite, the fuzzing and the security review in
// one run, with a printed report. Exit code 1 when any must-be-zero figure is not zero, when a
// fault run's final sheets differ from the fault-free run, or when the security review fails.
//
// Options: --small (the jest-sized scenario), --seed N, --fuzz N (submissions), --only a,b
// (faults to run besides the reference).
import { fork } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import {
  addInvariants,
  emptyInvariants,
  type Invariants,
  MUST_BE_ZERO,
  securityReview,
} from './checks';
import { describe } from './compare';
import type { FuzzTotals } from './fuzz';
import { FAULT_TITLES, FAULTS, type Fault, SPREADSHEET_ZONE } from './play';
import {
  compareWithReference,
  EXPLAINED,
  type FaultRun,
  fromJson,
  mailOutOfOrder,
  REORDERING,
  transferDifferences,
  unexplainedFailures,
  unexplainedMail,
} from './suite';
import type { Task } from './worker';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const small = process.argv.includes('--small');
const seed = Number(arg('seed') ?? 20240401);
const fuzzTotal = Number(arg('fuzz') ?? (small ? 600 : 10_000));
const only = arg('only')?.split(',') as Fault[] | undefined;
const faults = FAULTS.filter((f) => f === 'none' || !only || only.includes(f));

type Result =
  | { kind: 'fault'; events: number; run: unknown }
  | { kind: 'fuzz'; totals: FuzzTotals }
  | { kind: 'error'; task: Task; error: string };

/** Runs the tasks on a pool of worker processes (one per core), longest first. */
async function runAll(tasks: Task[]): Promise<Result[]> {
  const workers = Math.max(1, Math.min(availableParallelism(), tasks.length));
  const results: Result[] = new Array(tasks.length);
  let next = 0;
  const one = () =>
    new Promise<void>((done, fail) => {
      const child = fork(resolve(__dirname, 'worker.ts'), [], {
        execArgv: ['--import', 'tsx'],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      const give = () => {
        if (next >= tasks.length) {
          child.kill();
          done();
          return;
        }
        const index = next++;
        const crashed = (code: number | null, signal: string | null) =>
          fail(
            new Error(
              `worker for ${JSON.stringify(tasks[index])} ended (code ${code}, signal ${signal})`,
            ),
          );
        child.once('exit', crashed);
        child.once('message', (m: { ok: boolean; result?: Result; error?: string }) => {
          child.off('exit', crashed);
          // A task that throws is reported (and fails the run), the others go on.
          results[index] = m.ok
            ? m.result!
            : { kind: 'error', task: tasks[index], error: m.error ?? '' };
          process.stderr.write('.');
          give();
        });
        child.send(tasks[index]);
      };
      give();
    });
  await Promise.all(Array.from({ length: workers }, one));
  process.stderr.write('\n');
  return results;
}

function line(label: string, value: string | number): string {
  return `  ${label.padEnd(52, '.')} ${value}`;
}

async function main(): Promise<void> {
  const t0 = Date.now();
  const fuzzShares = 2;
  const tasks: Task[] = [
    ...faults.map((fault): Task => ({ kind: 'fault', fault, seed, small })),
    ...Array.from(
      { length: fuzzShares },
      (_, i): Task => ({
        kind: 'fuzz',
        seed: seed + i * 100_000,
        submissions: Math.ceil(fuzzTotal / fuzzShares),
      }),
    ),
  ];
  const results = await runAll(tasks);
  const runs = new Map<Fault, FaultRun>();
  let events = 0;
  const fuzzTotals: FuzzTotals = {
    batches: 0,
    submissions: 0,
    textFormBatches: 0,
    alteredAnswers: 0,
    invariants: emptyInvariants(),
  };
  const errors: string[] = [];
  for (const r of results) {
    if (r.kind === 'error') {
      const what = r.task.kind === 'fault' ? r.task.fault : 'fuzz';
      errors.push(`${what}: the run itself threw — ${r.error.split('\n').slice(0, 3).join(' | ')}`);
    } else if (r.kind === 'fault') {
      const run = fromJson(r.run);
      runs.set(run.fault, run);
      events = r.events;
    } else {
      fuzzTotals.batches += r.totals.batches;
      fuzzTotals.submissions += r.totals.submissions;
      fuzzTotals.textFormBatches += r.totals.textFormBatches;
      fuzzTotals.alteredAnswers += r.totals.alteredAnswers;
      addInvariants(fuzzTotals.invariants, r.totals.invariants);
    }
  }

  const reference = runs.get('none');
  if (!reference) {
    console.log(`The fault-free run did not complete:\n${errors.join('\n')}`);
    process.exitCode = 1;
    return;
  }
  const out: string[] = [];
  const failures: string[] = [];
  out.push(`Fault-injection suite, seed ${seed}${small ? ' (small)' : ''}`);
  out.push(
    `Scenario: ${events} events (${reference.stats.submissions} form submissions) from 2024-04, ${small ? 'sweep and outbox every 4 hours' : 'hourly sweep and outbox'}, monthly runs`,
  );
  out.push('');
  const all: Invariants = emptyInvariants();
  let sheetDifferences = 0;
  let handledUnexplained = 0;
  let mailUnexplained = 0;
  let transfersDiffering = 0;
  for (const fault of faults) {
    const run = runs.get(fault);
    if (!run) {
      out.push(`${FAULT_TITLES[fault]}: NOT COMPLETED (see below)`);
      continue;
    }
    addInvariants(all, run.invariants);
    const reorder = REORDERING.has(fault);
    const diffs = fault === 'none' ? [] : compareWithReference(reference, run);
    sheetDifferences += diffs.length;
    const s = run.stats;
    const faultFigures = [
      s.duplicates && `${s.duplicates} duplicate deliveries`,
      s.drops && `${s.drops} dropped events`,
      s.lateRows && `${s.lateRows} late rows`,
      s.lockStretches && `${s.lockStretches} lock-busy stretches`,
      s.quotaExhaustions && `${s.quotaExhaustions} quota exhaustions`,
      s.injectedFailures && `${s.injectedFailures} injected Spreadsheet failures`,
      s.nestedMonthlyRuns && `${s.nestedMonthlyRuns} nested monthly runs`,
      fault === 'rearranged' &&
        `${s.sorts} sheets sorted and ${s.columnChanges} columns inserted or moved by staff`,
      fault === 'edited' &&
        `${s.edits} edits after payment (${run.flagged} flagged), ${s.editsSkipped} unpaid skipped`,
      fault === 'mailQuota' && `${run.stillQueued} mails still queued at the end`,
    ]
      .filter(Boolean)
      .join(', ');
    const verdict =
      fault === 'none'
        ? 'reference'
        : diffs.length === 0
          ? `sheets equal${reorder ? ' (IDs mapped by email, rows sorted)' : ''}${fault === 'rearranged' ? ' (columns by header, staff column left out, rows sorted)' : ''}${SPREADSHEET_ZONE[fault] ? ' (Dates the script wrote as instants, dates staff typed as read in the zone)' : ''}`
          : `${diffs.length} cells differ`;
    out.push(`${FAULT_TITLES[fault]}: ${verdict} — ${(run.ms / 1000).toFixed(1)} s`);
    if (faultFigures) out.push(`    ${faultFigures}; ${run.mailSent} mails sent`);
    for (const d of diffs.slice(0, 5)) out.push(`    ${describe(d)}`);
    const bad = MUST_BE_ZERO.filter((k) => run.invariants[k] > 0);
    if (bad.length)
      out.push(`    non-zero: ${bad.map((k) => `${k} ${run.invariants[k]}`).join(', ')}`);
    for (const e of run.invariants.examples.slice(0, 3)) out.push(`    e.g. ${e}`);
    if (diffs.length) failures.push(`${fault}: final sheets differ from the fault-free run`);
    // Handled failures (Log *_FAILED, staff alerts, console errors/warnings) and mail.
    const unexplained = unexplainedFailures(run);
    const mail = fault === 'none' ? { missing: [], extra: [] } : unexplainedMail(reference, run);
    handledUnexplained += unexplained.length;
    mailUnexplained += mail.missing.length + mail.extra.length;
    out.push(
      `    ${run.handled.length} handled failures (${unexplained.length} not explained by the fault); mail: ${mail.missing.length} missing, ${mail.extra.length} unexplained extra`,
    );
    for (const h of unexplained.slice(0, 3)) out.push(`    handled: ${h.slice(0, 160)}`);
    for (const m of [...mail.missing, ...mail.extra].slice(0, 3))
      out.push(`    mail: ${m.split('\n').slice(0, 2).join(' | ').slice(0, 160)}`);
    if (unexplained.length) failures.push(`${fault}: handled failures its fault does not explain`);
    if (mail.missing.length || mail.extra.length)
      failures.push(`${fault}: mail differs from the fault-free run`);
    // Staff sorting the Outbox must not change the order mail goes out in (R29).
    if (fault === 'rearranged') {
      const moved = run.mail.filter((m, i) => m !== reference.mail[i]).length;
      out.push(`    mail in the fault-free run's order: ${moved} of ${run.mail.length} moved`);
      if (moved > 0) failures.push('rearranged: mail went out in another order');
    }
    // Each month's bank transfer file (R31), downloaded at the end: the same file.
    const transfers = fault === 'none' ? [] : transferDifferences(reference, run);
    transfersDiffering += transfers.length;
    for (const t of transfers.slice(0, 3)) out.push(`    ${t}`);
    if (transfers.length) failures.push(`${fault}: bank transfer files differ`);
    // The spreadsheet kept in another zone: set-up kept it and warned, staff got one alert, and
    // every other mail went out as in Tokyo, in the same order.
    const zone = SPREADSHEET_ZONE[fault];
    if (zone) {
      const alerts = run.mail.filter((m) => EXPLAINED[fault].extraMail?.test(m)).length;
      const order = mailOutOfOrder(reference, run);
      const kept =
        run.zone === zone &&
        run.setupReport.includes(`WARNING: the spreadsheet's time zone is ${zone}`);
      out.push(
        `    zone at the end ${run.zone}; set-up ${kept ? 'kept it and warned' : 'did NOT keep it and warn'}; ${alerts} zone alert email(s); mail in the Tokyo run's order: ${order.length === 0 ? 'yes' : 'NO'}`,
      );
      for (const o of order) out.push(`    ${o.slice(0, 300)}`);
      if (!kept) failures.push(`${fault}: set-up did not keep the zone ${zone} and warn`);
      if (alerts !== 1) failures.push(`${fault}: ${alerts} zone alert emails (expected 1)`);
      if (order.length) failures.push(`${fault}: mail went out in another order`);
    }
    if (fault === 'edited' && run.flagged !== run.edited)
      failures.push('edited: not every edit after payment was flagged');
    if (fault === 'mailQuota' && run.stillQueued > 0)
      failures.push('mailQuota: mail still queued at the end');
    if (run.stats.missingIds > 0)
      failures.push(`${fault}: ${run.stats.missingIds} members had no ID when they applied`);
  }
  addInvariants(all, fuzzTotals.invariants);
  for (const e of errors) {
    out.push(`  ${e}`);
    failures.push(e.slice(0, 300));
  }

  const totals = [...runs.values()].reduce(
    (t, r) => ({
      events: t.events + r.stats.events,
      duplicates: t.duplicates + r.stats.duplicates,
      drops: t.drops + r.stats.drops,
      injected:
        t.injected +
        r.stats.injectedFailures +
        r.stats.lockStretches +
        r.stats.quotaExhaustions +
        r.stats.nestedMonthlyRuns +
        r.stats.lateRows +
        r.stats.edits +
        r.stats.sorts +
        r.stats.columnChanges,
    }),
    { events: 0, duplicates: 0, drops: 0, injected: 0 },
  );
  out.push('');
  out.push(
    `Fuzzing: ${fuzzTotals.submissions} generated submissions in ${fuzzTotals.batches} batches (${fuzzTotals.textFormBatches} on the TEXT-item application form); answers not stored as given: ${fuzzTotals.alteredAnswers}`,
  );
  for (const e of fuzzTotals.invariants.examples.slice(0, 5)) out.push(`    e.g. ${e}`);

  const security = securityReview();
  out.push('');
  out.push(
    `Security review: oauthScopes ${security.scopes.length} (${security.scopes.map((s) => s.split('/').pop()).join(', ')})`,
  );
  for (const p of [
    ...security.scopeProblems,
    ...security.scopesNotInReadme.map((s) => `scope not justified in README: ${s}`),
    ...security.forbiddenInBundle.map((f) => `dist/Code.js contains ${f}`),
  ]) {
    out.push(`    ${p}`);
    failures.push(`security: ${p}`);
  }

  out.push('');
  out.push('Totals');
  out.push(line('events played (all runs)', totals.events));
  out.push(line('duplicate deliveries', totals.duplicates));
  out.push(line('drops', totals.drops));
  out.push(
    line('injected failures (late rows, lock, quota, throws, nested runs, edits)', totals.injected),
  );
  out.push(line('fuzzed submissions', fuzzTotals.submissions));
  out.push('Must be zero');
  const zero: [string, number][] = [
    ['lost responses', all.lostResponses],
    ['duplicate IDs', all.duplicateIds],
    ['double-paid ledger lines', all.doublePaidLines],
    ['uncaught exceptions', all.uncaughtExceptions],
    ['formula cells created from answers', all.formulaCells],
    ['unescaped answer text in HTML email', all.unescapedHtml],
    ['mail to anyone but respondent, member or staff', all.strangerRecipients],
    ['personal data in logs or staff alerts', all.personalDataInLogs],
    ['session confirmation or reminder sent twice', all.sessionMailTwice],
    ['answers not stored exactly as given', fuzzTotals.alteredAnswers],
    ['sheet cells differing from the fault-free run', sheetDifferences],
    ['handled failures no fault explains', handledUnexplained],
    ['mails differing from the fault-free run (unexplained)', mailUnexplained],
    ['bank transfer files differing from the fault-free run', transfersDiffering],
  ];
  for (const [label, n] of zero) {
    out.push(line(label, n === 0 ? '0' : `${n}  <-- must be 0`));
    if (n !== 0) failures.push(`${label}: ${n}`);
  }
  out.push('');
  out.push(
    `Finished in ${((Date.now() - t0) / 1000).toFixed(0)} s. ${failures.length === 0 ? 'PASS' : 'FAIL'}`,
  );
  for (const f of [...new Set(failures)]) out.push(`  - ${f}`);
  console.log(out.join('\n'));
  process.exitCode = failures.length === 0 ? 0 : 1;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 2;
});

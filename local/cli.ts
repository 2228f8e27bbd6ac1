// `npm start`: runs the bundle (dist/Code.js) on the local Apps Script runtime — the built-in
// demo, or a replay of exported response sheets — and writes the output folder.
// Exit codes: 0 done; 2 bad arguments or input files (nothing written); 1 anything else.
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { cellText } from '../src/adapters/tables/cells';
import { OUTBOX } from '../src/adapters/tables/schema';
import { handledFailures } from './faults/handled';
import { type Decisions, readDecisions } from './runner/decisions';
import { DEMO_SIZE_MAX, DEMO_SIZE_MIN, demoPlan, parseDemoSize } from './runner/demo';
import { type RunEvent, type RunOutcome, runEvents, SetupError } from './runner/engine';
import { checkExportFolder, writeExports } from './runner/exports';
import { InputError, readSettingsTable, readTable, tokyoDay, tokyoMs } from './runner/inputs';
import { checkOutput, OutputError, writeOutput } from './runner/output';
import { batchHint, formatDuration, type ProgressPoint, secondsLeft } from './runner/progress';
import { planReplay } from './runner/replay';
import {
  type AccountInput,
  checkBankCodes,
  DEMO_BANK_SETTINGS,
  demoAccounts,
  enterAccounts,
  type MonthTransfer,
  membersForDemo,
  readAccountsTable,
  transferFiles,
} from './runner/transfers';
import { defaultUntil } from './runner/until';
import type { OfficeWorldOptions } from './world';

const USAGE = `Usage:
  npm start                              the demo (a year of the program), output in out/
  npm start -- --registrations R.csv --applications A.csv
               [--documents D.csv] [--courses C.csv] [--settings S.csv] [--accounts A.csv]
               [--sessions SE.csv] [--signups SU.csv]
               [--until YYYY-MM-DD] [--out DIR] [--batch]
Options:
  --registrations, --applications  exported response sheets (.csv or .xlsx)
  --documents    Bansou Net ID, Fiscal year, Memorandum received, Account notification received
  --courses      Bansou Net ID, Module, Completed on
  --sessions     the Sessions sheet: Session ID, Date, Start, End, Title (Japanese),
                 Title (English), Topics, Meeting URL, Capacity, Sign-up closes, Status
  --signups      the sign-up form's response sheet (online sessions)
  --settings     key,value rows that override the Settings sheet
  --accounts     Bansou Net ID, Bank code, Branch code, Account type, Account number,
                 Account holder (kana): the Accounts sheet; then out/transfers/ holds the
                 Zengin transfer file of each settled month (needs the consignor and office
                 account rows in --settings: consignorCode, consignorName, officeBankCode, …)
  --until        replay the monthly payment runs up to this day (default: the day of the
                 monthly run that settles the month of the last event)
  --out          output folder (default: out)
  --batch        deliver responses without their trigger; the hourly sweep processes them
                 (same result, much faster for large exports)
  --demo-size    small | full | large | N (default full; large is for --demo-export;
                 N: the full demo's year with N applications and N/10 registrations)
  --demo-export DIR  write the demo's data as export files (registrations.csv,
                 applications.csv, documents.csv, courses.csv, sessions.csv,
                 signups.csv) instead of running it
  --quiet        no progress lines`;

class UsageError extends Error {}

interface Job {
  events: RunEvent[];
  until: number;
  world: OfficeWorldOptions;
  label: string;
  warnings: string[];
  /** Lines for the summary: the end used, edited rows, answers given as text, encodings. */
  notes: string[];
  /** R31: the Accounts sheet to fill after the run ('demo': fictitious ones), if any. */
  accounts?: AccountInput[] | 'demo';
}

function parseDay(value: string, option: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const ms = m
    ? tokyoMs({ year: +m[1], month: +m[2], day: +m[3], hour: 23, minute: 59, second: 59 })
    : Number.NaN;
  if (!m || tokyoDay(ms) !== value)
    throw new UsageError(`${option} "${value}" is not a day like 2024-05-31`);
  return ms;
}

function demoSize(text: string | undefined) {
  const size = parseDemoSize(text ?? 'full');
  if (size === null) {
    throw new UsageError(
      `--demo-size is small, full, large, or a number of applications from ${DEMO_SIZE_MIN} to ${DEMO_SIZE_MAX.toLocaleString('en-US')} (e.g. 50000)`,
    );
  }
  return size;
}

async function prepare(values: Record<string, string | boolean | undefined>): Promise<Job> {
  const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  const registrations = str('registrations');
  const applications = str('applications');
  if (!registrations && !applications) {
    const size = demoSize(str('demo-size'));
    const plan = demoPlan(size);
    return {
      events: plan.events,
      until: plan.until,
      world: { withSignupForm: true },
      label: `demo (${size}): ${plan.registrations} registrations, ${plan.applications} applications, ${plan.signups} session sign-ups`,
      warnings: [],
      notes: [],
      accounts: 'demo',
    };
  }
  if (!registrations || !applications) {
    throw new UsageError('a replay needs both --registrations and --applications');
  }
  const settingsFile = str('settings');
  const accountsFile = str('accounts');
  const accounts = accountsFile ? readAccountsTable(await readTable(accountsFile)) : undefined;
  const documents = str('documents');
  const courses = str('courses');
  const sessions = str('sessions');
  const signups = str('signups');
  const tables = {
    sessions: sessions ? await readTable(sessions) : undefined,
    signups: signups ? await readTable(signups) : undefined,
    registrations: await readTable(registrations),
    applications: await readTable(applications),
    documents: documents ? await readTable(documents) : undefined,
    courses: courses ? await readTable(courses) : undefined,
    settings: settingsFile ? await readTable(settingsFile) : undefined,
  };
  const read = Object.values(tables).filter((t) => t !== undefined);
  const plan = planReplay({
    ...tables,
    settings: tables.settings ? readSettingsTable(tables.settings) : undefined,
    settingsFile,
  });
  const notes: string[] = [
    `Files read:    ${read.map((t) => `${basename(t.file)} (${t.encoding})`).join(', ')}`,
  ];
  const cellWarnings = read.flatMap((t) => t.warnings ?? []);
  if (cellWarnings.length > 0) {
    notes.push(`Formula cells without a saved value (read as empty): ${cellWarnings.length}`);
  }
  const untilText = str('until');
  let until: number;
  const last = Math.max(...plan.events.map((e) => e.at));
  if (untilText !== undefined) {
    until = parseDay(untilText, '--until');
    if (plan.events.length > 0 && last > until) {
      throw new UsageError(
        `--until ${untilText} is before the last event of the input (${tokyoDay(last)})`,
      );
    }
    notes.push(`Until:         ${untilText} (--until)`);
  } else {
    const end = defaultUntil(plan.events, plan.settings);
    until = end?.ms ?? parseDay(tokyoDay(Date.now()), 'today');
    notes.push(
      end
        ? `Until:         ${end.day}, the monthly run that settles ${end.month}, the month of the last event (--until to choose another day)`
        : `Until:         ${tokyoDay(until)} (no responses in the input)`,
    );
  }
  const edits = plan.edited.registration + plan.edited.application + plan.edited.signup;
  if (edits > 0) {
    notes.push(
      `Edited rows:   ${plan.edited.registration} registrations, ${plan.edited.application} applications${plan.edited.signup ? `, ${plan.edited.signup} sign-ups` : ''} (a later timestamp than a row below: submitted in row order, edited at their timestamp)`,
    );
  }
  if (plan.unreadable.length > 0) {
    notes.push(
      `Answers given as text (not a ${[...new Set(plan.unreadable.map((u) => u.expected))].join(' or ')}; RULES R11/R15 decide them): ${plan.unreadable.length}`,
      ...plan.unreadable
        .slice(0, 20)
        .map(
          (u) =>
            `  ${basename(u.file)} row ${u.row + 1}, column "${u.column}": "${u.value}" is not a ${u.expected}`,
        ),
      ...(plan.unreadable.length > 20 ? [`  … and ${plan.unreadable.length - 20} more`] : []),
    );
  }
  return {
    events: plan.events,
    until,
    world: {
      registrationForm: plan.registrationForm,
      applicationForm: plan.applicationForm,
      signupForm: plan.signupForm,
      settings: plan.settings,
    },
    label: `replay of ${registrations} and ${applications}`,
    warnings: [
      ...plan.warnings,
      ...cellWarnings,
      ...(accounts && accountsFile ? checkBankCodes(accountsFile, accounts) : []),
    ],
    notes,
    accounts,
  };
}

function summary(outcome: RunOutcome, decisions: Decisions, handled: number): string[] {
  const { rt, ss } = outcome.office;
  const byStatus = new Map<string, number>();
  let onHold = 0;
  for (const a of decisions.applications) {
    byStatus.set(a.status, (byStatus.get(a.status) ?? 0) + 1);
    if (a.onHold) onHold++;
  }
  const months = Object.keys(decisions.payments);
  let paid = 0;
  let lines = 0;
  for (const list of Object.values(decisions.payments)) {
    for (const l of list) {
      paid += l.amount;
      lines += l.cases;
    }
  }
  const members = new Set(decisions.members.map((m) => m.memberId).filter((id) => id !== null));
  const outbox = ss.getSheetByName(OUTBOX.name);
  const queued = outbox
    ? outbox
        .getDataRange()
        .getValues()
        .filter((r) => r.some((v) => cellText(v) === 'QUEUED')).length
    : 0;
  // The entry points catch their errors (a trigger never fails): what went wrong is in the
  // handled failures (local/faults/handled.ts), of which an execution that threw is one kind.
  const threw = rt.executions.filter((e) => e.error).length;
  const n = (x: number) => x.toLocaleString('en-US');
  return [
    `Members:       ${n(members.size)} (from ${n(decisions.members.length)} registration responses)`,
    `Applications:  ${n(decisions.applications.length)} — ${[...byStatus]
      .sort()
      .map(([s, c]) => `${s} ${n(c)}`)
      .join(', ')}; ${n(onHold)} accepted but on hold for documents`,
    `Months settled: ${months.length}${months.length ? ` (${months[0]} … ${months.at(-1)})` : ''}`,
    `Total paid:    ¥${n(paid)} (${n(lines)} payment lines)`,
    `Sign-ups:      ${n(decisions.signups.length)} — ${signupSummary(decisions)}`,
    `Emails:        ${n(rt.mail.outbox.length)} sent, ${n(queued)} still queued`,
    `Executions:    ${n(rt.executions.length)} (${n(threw)} threw; ${n(handled)} handled failures in all)`,
  ];
}

/** A progress reporter: responses done, rate, and the time left (estimated). */
function progressLine(simStart: number): (done: number, total: number, at: number) => void {
  let previous: ProgressPoint | null = null;
  const n = (x: number) => x.toLocaleString('en-US');
  return (done, total, at) => {
    const seconds = (Date.now() - simStart) / 1000;
    const point = { done, seconds };
    const left = done < total ? secondsLeft(previous, point, total) : null;
    previous = point;
    const rate = seconds > 0 ? `, ${(done / seconds).toFixed(0)}/s` : '';
    process.stderr.write(
      `  ${n(done)}/${n(total)} responses (${Math.floor((done / total) * 100)}%, ${tokyoDay(at)}), ${seconds.toFixed(1)} s${rate}${left === null ? '' : `, about ${formatDuration(left)} left`}\n`,
    );
  };
}

function signupSummary(decisions: Decisions): string {
  const by = new Map<string, number>();
  for (const s of decisions.signups) by.set(s.status, (by.get(s.status) ?? 0) + 1);
  return (
    [...by]
      .sort()
      .map(([s, c]) => `${s} ${c}`)
      .join(', ') || 'none'
  );
}

export async function main(argv: string[]): Promise<number> {
  const started = Date.now();
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args: argv,
      options: {
        registrations: { type: 'string' },
        applications: { type: 'string' },
        documents: { type: 'string' },
        courses: { type: 'string' },
        sessions: { type: 'string' },
        signups: { type: 'string' },
        settings: { type: 'string' },
        accounts: { type: 'string' },
        until: { type: 'string' },
        out: { type: 'string' },
        batch: { type: 'boolean' },
        'demo-size': { type: 'string' },
        'demo-export': { type: 'string' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }).values;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const exportDir = values['demo-export'];
  if (typeof exportDir === 'string') {
    // Sample export files of the demo's data, to try (or measure) a replay.
    let size: ReturnType<typeof demoSize>;
    try {
      size = demoSize(typeof values['demo-size'] === 'string' ? values['demo-size'] : undefined);
    } catch (error) {
      process.stderr.write(`${(error as Error).message}\n`);
      return 2;
    }
    const refused = checkExportFolder(exportDir);
    if (refused) {
      process.stderr.write(`${refused}\n`);
      return 2;
    }
    for (const file of writeExports(demoPlan(size).events, exportDir))
      process.stdout.write(`${file}\n`);
    return 0;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const out = typeof values.out === 'string' ? values.out : 'out';
  const quiet = values.quiet === true;
  const inputs = [
    'registrations',
    'applications',
    'documents',
    'courses',
    'settings',
    'sessions',
    'signups',
    'accounts',
  ]
    .map((k) => values[k])
    .filter((v): v is string => typeof v === 'string');
  try {
    const outputPlan = checkOutput(out, inputs);
    const job = await prepare(values);
    for (const w of job.warnings) process.stderr.write(`warning: ${w}\n`);
    if (!quiet) process.stderr.write(`Running ${job.label}${values.batch ? ' (batch)' : ''}\n`);
    const hint = values.batch ? null : batchHint(job.events);
    if (hint && !quiet) process.stderr.write(`${hint}\n`);
    const outcome = runEvents({
      world: job.world,
      events: job.events,
      until: job.until,
      batch: values.batch === true,
      progress: quiet ? undefined : progressLine(Date.now()),
    });
    // As staff would before a report: the Statistics sheet brought up to the end of the run
    // (menu "Update statistics"), so the sheet and out/statistics.* show the same moment.
    outcome.office.rt.run('updateStatistics');
    const decisions = readDecisions(outcome);
    let transfers: MonthTransfer[] = [];
    if (job.accounts) {
      // Staff type the accounts in, then download each settled month's transfer file (R31).
      const demo = job.accounts === 'demo';
      enterAccounts(
        outcome,
        demo ? demoAccounts(membersForDemo(outcome)) : (job.accounts as AccountInput[]),
      );
      transfers = transferFiles(
        outcome,
        Object.keys(decisions.payments),
        demo ? DEMO_BANK_SETTINGS : null,
        (w) => process.stderr.write(`warning: ${w}\n`),
      );
    }
    const written = await writeOutput(outcome, decisions, outputPlan, inputs, transfers);
    const handled = handledFailures(outcome.office);
    for (const f of handled.slice(0, 5)) process.stderr.write(`warning: ${f}\n`);
    process.stdout.write(
      [
        ...summary(outcome, decisions, handled.length),
        ...job.notes,
        ...transfers.map(
          (t) =>
            `Transfer file: transfers/${t.name}: ${t.count} transfers, ¥${t.total.toLocaleString('en-US')}, ${t.leftOut} left out`,
        ),
        `Output:        ${written.folder} (workbook.xlsx, ${written.sheets} CSVs in csv/, ${written.emails} .eml in emails/, decisions.json, statistics.json, statistics.html${written.transfers ? `, ${written.transfers} files in transfers/` : ''})`,
        `Time:          ${((Date.now() - started) / 1000).toFixed(1)} s`,
        '',
      ].join('\n'),
    );
    return 0;
  } catch (error) {
    if (
      error instanceof InputError ||
      error instanceof UsageError ||
      error instanceof OutputError
    ) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    if (error instanceof SetupError) {
      process.stderr.write(
        `The set-up check refused the forms built from the exports:\n${error.message}\n`,
      );
      return 2;
    }
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`${String(error)}\n`);
      process.exitCode = 1;
    },
  );
}

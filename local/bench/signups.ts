// Cost per sign-up (issue #15 item 2, RULES §8): one sign-up-form submission on a running system
// whose Members table (each member with a Member history row) and Sign-ups history grow together:
// 100 members and 100 earlier sign-ups, 5,000 and 3,000, 20,000 and 12,000 (about 3,000 sign-ups
// at 50,000 applications: 0.06 an application, as in the demo). The Sessions sheet is the same at
// every size: 14 sessions (the announcement's count), 12 of them over, holding every earlier
// sign-up but 15, and 2 open (10 of 20 places taken in the next one, 5 in the one after), their
// sign-ups the last in the sheet, the first few between the last sign-ups of the latest session
// over. The member who signs up is near the end of the Members table, for the next session, and
// is accepted (one email). What a sign-up reads should not grow with the history: Spreadsheet
// calls and cells read the same at every size. With --before, the same submissions on an earlier
// bundle, side by side.
import { SESSIONS, SIGNUPS } from '../../src/adapters/tables/sessions-schema';
import { type OfficeWorld, PURPOSE_CHOICES, SIGNUP_TITLES } from '../world';
import type { LatencyModel } from './latency';
import type { TargetVerdict } from './report';
import { fmt, type Measure, measure, newWorld, OFFICE_HOURS } from './scenarios';
import { buildDataset, memberSeed, seedSheets, tokyo, writeRows } from './seed';

/** A size: members (each with a Member history row) and the sign-ups before the one measured. */
export interface SignupSize {
  members: number;
  signups: number;
}

export const SIGNUP_SIZES: readonly SignupSize[] = [
  { members: 100, signups: 100 },
  { members: 5_000, signups: 3_000 },
  { members: 20_000, signups: 12_000 },
];
export const QUICK_SIGNUP_SIZES: readonly SignupSize[] = [
  { members: 100, signups: 100 },
  { members: 1_000, signups: 1_000 },
];

/** Twelve monthly sessions over by the bench's day (2024-07-01), then the two open ones. */
const PAST_DAYS = [
  '2023-07-14',
  '2023-08-18',
  '2023-09-15',
  '2023-10-20',
  '2023-11-17',
  '2023-12-15',
  '2024-01-19',
  '2024-02-16',
  '2024-03-15',
  '2024-04-19',
  '2024-05-17',
  '2024-06-14',
];
const OPEN = [
  { day: '2024-07-12', taken: 10 },
  { day: '2024-08-09', taken: 5 },
];
const CAPACITY = 20;
/** The sign-ups of the open sessions (the same at every size). */
const OPEN_SIGNUPS = OPEN.reduce((n, o) => n + o.taken, 0);
/** How many of the latest past session's sign-ups come between the open sessions' first ones. */
const INTERLEAVED = 5;
const DAY_MS = 86_400_000;

const sessionIdOf = (day: string) => `S${day.slice(0, 4)}-${day.slice(5, 7)}`;
const OPEN_SESSION = sessionIdOf(OPEN[0].day);

export interface SignupCost {
  members: number;
  /** Sign-up rows before the one measured. */
  earlierSignups: number;
  product: Measure;
  /** The measured sign-up's status and the emails it sent (the same on both bundles). */
  outcome: string;
}

export interface SignupResult {
  after: SignupCost[];
  before?: SignupCost[];
  /** The same sign-up, its trigger dropped, finished by the hourly sweep. */
  sweep?: { after: SignupCost[]; before?: SignupCost[] };
  /** The sessions jobs on the same sheets (sessionsJobScenario). */
  jobs?: Record<SessionsJob, { after: SignupCost[]; before?: SignupCost[] }>;
}

/**
 * The two jobs that keep sessions in step (RULES §8), on the same sheets: 'daily', the daily
 * trigger the day before the next open session (its 10 reminders and the participant list, R35);
 * 'menu', "Update sessions now" after staff cancel the first participant of that session (the
 * cancellation email; the onEdit trigger marks the edit).
 */
export type SessionsJob = 'daily' | 'menu';
export const SESSIONS_JOBS: readonly SessionsJob[] = ['daily', 'menu'];

export function sessionsJobScenario(
  size: SignupSize,
  model: LatencyModel,
  bundleFile: string | undefined,
  job: SessionsJob,
): SignupCost {
  const world = signupWorld(size, bundleFile);
  const sent = world.rt.mail.outbox.length;
  world.rt.uncounted(() => {
    if (job === 'daily') {
      // The day before the next open session, at the daily trigger's hour (no trigger fired).
      world.rt.ctx.clock.set(tokyo(OPEN[0].day, '09:00') - DAY_MS);
      return;
    }
    const sheet = world.ss.getSheetByName('Sign-ups')!;
    const values = sheet.getDataRange().getValues();
    const column = values[0].indexOf('Staff override / 事務局判定') + 1;
    const sessionColumn = values[0].indexOf('Session ID / 回のID');
    const row = values.findIndex((r) => r[sessionColumn] === OPEN_SESSION) + 1;
    const cell = sheet.getRange(row, column);
    cell.setValue('CANCELLED / 取消');
    world.rt.simpleTrigger('onEdit', { authMode: 'LIMITED', range: cell, source: world.ss });
  });
  const m = measure(world.rt, model, () =>
    world.rt.run(job === 'daily' ? 'runSessionsDaily' : 'updateSessions'),
  );
  const outcome = world.rt.uncounted(() => {
    const values = world.ss.getSheetByName('Sign-ups')!.getDataRange().getValues();
    const col = (h: string) => values[0].indexOf(h);
    const statuses = new Map<string, number>();
    for (const r of values.slice(1)) {
      const k = `${r[col('Session ID / 回のID')]} ${r[col('Status / 状態')]}`;
      statuses.set(k, (statuses.get(k) ?? 0) + 1);
    }
    const sessions = world.ss.getSheetByName('Sessions')!.getDataRange().getValues();
    const counts = sessions
      .slice(1)
      .map((r) => `${r[0]}:${r[sessions[0].indexOf('Participants / 参加確定')]}`)
      .join(' ');
    const mails = world.rt.mail.outbox.slice(sent).map((x) => `${x.to}: ${x.subject}`);
    return `${[...statuses].map(([k, n]) => `${k} ×${n}`).join(', ')}; counts ${counts}; mail ${mails.join(' | ')}`;
  });
  const earlier = world.rt.uncounted(() => world.ss.getSheetByName('Sign-ups')!.getLastRow() - 1);
  return { members: size.members, earlierSignups: earlier, product: m, outcome };
}

function sessionRecords() {
  return [...PAST_DAYS, ...OPEN.map((o) => o.day)].map((day, i) => ({
    sessionId: sessionIdOf(day),
    date: day,
    start: '19:00',
    end: '20:30',
    titleJa: '在留資格の相談',
    titleEn: 'Residency questions',
    topics: '在留資格',
    meetingUrl: `https://meet.example.org/s${i + 1}`,
    capacity: CAPACITY,
    status: 'open',
  }));
}

/**
 * The earlier sign-ups, in the order they came: each past session's (the first 20 accepted and
 * reminded, then the waiting list; one in ten not eligible), then the open sessions' (accepted,
 * told), the first of them between the last of the latest past session's.
 */
function earlierSignups(total: number, members: number): Record<string, unknown>[] {
  const past = Math.max(0, total - OPEN_SIGNUPS);
  const rows: Record<string, unknown>[] = [];
  let n = 0;
  const row = (memberIndex: number, day: string, at: number, status: string, reasons = '') => {
    const m = memberSeed(memberIndex);
    const sessionId = sessionIdOf(day);
    n++;
    return {
      responseId: `2_SIGNUP${String(n).padStart(6, '0')}`,
      submittedAt: at,
      lastResponseAt: at,
      respondentEmail: m.email,
      memberIdAnswer: m.id,
      sessionAnswer: sessionId,
      purposeAnswer: PURPOSE_CHOICES[0],
      memberId: m.id,
      name: m.name,
      sessionId,
      status,
      reasons,
      autoStatus: status,
      decidedAt: at,
      notified: status,
      ...(status === 'ACCEPTED' && day < '2024-07-01'
        ? { reminderSentAt: tokyo(day, '09:00') - DAY_MS }
        : {}),
    };
  };
  PAST_DAYS.forEach((day, s) => {
    const count = Math.floor(past / PAST_DAYS.length) + (s < past % PAST_DAYS.length ? 1 : 0);
    let accepted = 0;
    for (let k = 0; k < count; k++) {
      // Over the three weeks before the session.
      const at = tokyo(day, '09:00') - 21 * DAY_MS + Math.floor((k * 20 * DAY_MS) / count);
      const who = (rows.length % members) + 1;
      if (k % 10 === 9) rows.push(row(who, day, at, 'REJECTED', 'NOT_ELIGIBLE'));
      else if (accepted < CAPACITY) {
        accepted++;
        rows.push(row(who, day, at, 'ACCEPTED'));
      } else rows.push(row(who, day, at, 'WAITLISTED', 'SESSION_FULL'));
    }
  });
  const open: Record<string, unknown>[] = [];
  let k = 0;
  for (const o of OPEN)
    for (let j = 0; j < o.taken; j++, k++)
      open.push(row(k + 1, o.day, tokyo('2024-06-12', '09:00') + k * 8 * 3_600_000, 'ACCEPTED'));
  // The first open sign-ups came while the latest past session still took sign-ups.
  const tail = rows.splice(Math.max(0, rows.length - INTERLEAVED));
  const mixed: Record<string, unknown>[] = [];
  for (let i = 0; i < open.length; i++) {
    mixed.push(open[i]);
    if (i < tail.length) mixed.push(tail[i]);
  }
  return [...rows, ...mixed];
}

function signupWorld(size: SignupSize, bundleFile?: string): OfficeWorld {
  const world = newWorld(OFFICE_HOURS, bundleFile, { withSignupForm: true });
  seedSheets(world.rt, world.ss, buildDataset({ members: size.members, applications: 0 }));
  world.rt.uncounted(() => {
    writeRows(world.ss, SESSIONS, sessionRecords());
    writeRows(world.ss, SIGNUPS, earlierSignups(size.signups, size.members));
  });
  // Staff's "Update sessions now" after entering them: counts, the form's choices (not measured).
  world.rt.uncounted(() => world.rt.run('updateSessions'));
  return world;
}

/**
 * One sign-up of a member near the end of the Members table, for the next open session: measured
 * in its form-submit trigger, or (`via` 'sweep') in the hourly sweep that finishes it when its
 * trigger did not fire.
 */
export function signupScenario(
  size: SignupSize,
  model: LatencyModel,
  bundleFile?: string,
  via: 'trigger' | 'sweep' = 'trigger',
): SignupCost {
  const world = signupWorld(size, bundleFile);
  const who = memberSeed(Math.max(1, size.members - 4)); // experience declared: eligible
  const choice = world.rt.uncounted(
    () =>
      world
        .signup!.getItems()
        .find((i) => i.getTitle() === SIGNUP_TITLES.session)!
        .getChoices()
        .map((c) => c.getValue())
        .find((c) => c.startsWith(OPEN_SESSION)) ?? OPEN_SESSION,
  );
  const sent = world.rt.mail.outbox.length;
  let responseId = '';
  const submit = () => {
    responseId = world.rt.forms
      .submit(
        world.signup!,
        {
          email: who.email,
          answers: {
            [SIGNUP_TITLES.memberId]: who.id,
            [SIGNUP_TITLES.session]: choice,
            [SIGNUP_TITLES.purpose]: PURPOSE_CHOICES[0],
          },
        },
        { drop: via === 'sweep' },
      )
      .getId();
  };
  if (via === 'sweep') world.rt.uncounted(submit);
  const m = measure(world.rt, model, via === 'sweep' ? () => world.rt.run('sweep') : submit);
  const outcome = world.rt.uncounted(() => {
    const values = world.ss.getSheetByName('Sign-ups')!.getDataRange().getValues();
    const col = (h: string) => values[0].indexOf(h);
    const row = values.find((r) => r[col('Response ID / 回答ID')] === responseId);
    const mails = world.rt.mail.outbox.slice(sent).map((x) => `${x.to}: ${x.subject}`);
    return `${row ? `${row[col('Status / 状態')]} ${row[col('Name / 氏名')]}` : 'no row'}; mail ${mails.join(' | ')}`;
  });
  const earlier = world.rt.uncounted(() => world.ss.getSheetByName('Sign-ups')!.getLastRow() - 2);
  return { members: size.members, earlierSignups: earlier, product: m, outcome };
}

export function measureSignups(
  sizes: readonly SignupSize[],
  model: LatencyModel,
  bundleFile?: string,
  before?: string,
  progress: (label: string) => void = () => {},
): SignupResult {
  const run = (file?: string, via: 'trigger' | 'sweep' = 'trigger') =>
    sizes.map((size) => {
      const r = signupScenario(size, model, file, via);
      progress(
        `sign-up${via === 'sweep' ? ' by the sweep' : ''}, ${fmt(size.members)} members, ${fmt(size.signups)} sign-ups${file === before && before ? ' (--before)' : ''}`,
      );
      return r;
    });
  const after = run(bundleFile);
  const sweep = {
    after: run(bundleFile, 'sweep'),
    ...(before ? { before: run(before, 'sweep') } : {}),
  };
  const runJob = (job: SessionsJob, file?: string) =>
    sizes.map((size) => {
      const r = sessionsJobScenario(size, model, file, job);
      progress(
        `${job === 'daily' ? 'daily sessions job' : 'Update sessions'}, ${fmt(size.members)} members, ${fmt(size.signups)} sign-ups${file === before && before ? ' (--before)' : ''}`,
      );
      return r;
    });
  const jobs = Object.fromEntries(
    SESSIONS_JOBS.map((job) => [
      job,
      { after: runJob(job, bundleFile), ...(before ? { before: runJob(job, before) } : {}) },
    ]),
  ) as NonNullable<SignupResult['jobs']>;
  return { after, ...(before ? { before: run(before) } : {}), sweep, jobs };
}

function line(c: SignupCost): string {
  const m = c.product;
  const reads = Object.entries(m.reads)
    .map(([k, v]) => `${k} ×${v}`)
    .join(', ');
  return `  ${fmt(c.members).padStart(6)} members, ${fmt(c.earlierSignups).padStart(6)} sign-ups: ${String(m.calls.Spreadsheet).padStart(3)} Spreadsheet calls, ${fmt(m.cellsRead).padStart(9)} cells read, lock held ${(m.lockHeldMs / 1000).toFixed(2)} s, ${(m.modelledMs / 1000).toFixed(2)} s modelled${m.error ? ' (FAILED)' : ''}; value reads: ${reads}`;
}

/** The terminal lines: each size, this bundle then --before. */
export function formatSignups(r: SignupResult): string {
  const lines = [
    `Sign-up (form submit, accepted, one email); Sessions: ${PAST_DAYS.length} over, ${OPEN.length} open with ${OPEN_SIGNUPS} sign-ups, at every size:`,
    ...r.after.map(line),
    ...r.after.map((c) => `    ${fmt(c.members)}: ${c.outcome}`),
  ];
  if (r.before) lines.push('  --before:', ...r.before.map(line));
  if (r.sweep) {
    lines.push('The same sign-up, its trigger dropped, finished by the hourly sweep:');
    lines.push(...r.sweep.after.map(line));
    if (r.sweep.before) lines.push('  --before:', ...r.sweep.before.map(line));
  }
  for (const job of SESSIONS_JOBS) {
    const j = r.jobs?.[job];
    if (!j) continue;
    lines.push(
      job === 'daily'
        ? 'The daily sessions job (runSessionsDaily) the day before the next open session: its 10 reminders and the participant list:'
        : '"Update sessions now" (menu) after staff cancel a participant of the next open session (onEdit marks it):',
    );
    lines.push(...j.after.map(line));
    lines.push(...j.after.map((c) => `    ${fmt(c.members)}: ${c.outcome}`));
    if (j.before) lines.push('  --before:', ...j.before.map(line));
  }
  return lines.join('\n');
}

/**
 * Issue #15 for the sessions jobs: the daily job and "Update sessions now" read the same cells at
 * every size of the Members and Sign-ups tables (the same sessions not over), and do the same as
 * the bundle before (statuses, counts, emails) when it is measured too.
 */
export function sessionsJobsVerdict(r: SignupResult): TargetVerdict {
  const parts: string[] = [];
  let pass = true;
  for (const job of SESSIONS_JOBS) {
    const j = r.jobs?.[job];
    if (!j) continue;
    const cells = j.after.map((c) => c.product.cellsRead);
    const same = !j.before || j.after.every((c, i) => c.outcome === j.before![i]?.outcome);
    pass &&= cells.every((c) => c === cells[0]) && same && j.after.every((c) => !c.product.error);
    const sizes = (list: SignupCost[]) =>
      list
        .map(
          (c) =>
            `${fmt(c.product.calls.Spreadsheet)} calls, ${fmt(c.product.cellsRead)} cells, ${(c.product.modelledMs / 1000).toFixed(2)} s`,
        )
        .join('; ');
    parts.push(
      `${job === 'daily' ? 'daily job' : 'Update sessions'}: ${sizes(j.after)}${j.before ? ` (--before: ${sizes(j.before)})` : ''}${same ? '' : '; the bundles differ'}`,
    );
  }
  return {
    target:
      'Cells read by the daily sessions job and by "Update sessions now" the same at every size of the Members and Sign-ups tables (the same sessions not over)',
    pass,
    measured: parts.join('; '),
    limits: [],
  };
}

/** The modelled script lock of one sign-up (the target: ≤ 2 s, as for the other forms). */
export const SIGNUP_LOCK_MS = 2000;

/**
 * Issue #15 item 2 for the third form: calls, cells read and the script lock per sign-up do not
 * grow with the members or the sign-ups, and the lock is held at most 2 s (modelled).
 */
export function signupVerdict(r: SignupResult): TargetVerdict {
  const calls = r.after.map((c) => c.product.calls.Spreadsheet);
  const cells = r.after.map((c) => c.product.cellsRead);
  const locks = r.after.map((c) => c.product.lockHeldMs);
  const sweepCells = (r.sweep?.after ?? []).map((c) => c.product.cellsRead);
  // Each size decided and mailed alike by both bundles, by the trigger and by the sweep (the
  // member differs between sizes).
  const alike = (a: SignupCost[], b?: SignupCost[]) =>
    !b || a.every((c, i) => c.outcome === b[i]?.outcome);
  const same =
    alike(r.after, r.before) &&
    alike(r.sweep?.after ?? [], r.sweep?.before) &&
    alike(r.sweep?.after ?? [], r.after);
  const pass =
    calls.every((c) => c === calls[0]) &&
    cells.every((c) => c === cells[0]) &&
    locks.every((l) => l === locks[0] && l <= SIGNUP_LOCK_MS) &&
    sweepCells.every((c) => c === sweepCells[0]) &&
    same &&
    [...r.after, ...(r.sweep?.after ?? [])].every((c) => !c.product.error);
  const sizes = (list: SignupCost[]) =>
    list
      .map(
        (c) =>
          `${fmt(c.members)} members, ${fmt(c.earlierSignups)} sign-ups: ${c.product.calls.Spreadsheet} calls, ${fmt(c.product.cellsRead)} cells, lock ${(c.product.lockHeldMs / 1000).toFixed(2)} s`,
      )
      .join('; ');
  return {
    target:
      'Spreadsheet calls, cells read and script lock per sign-up the same at every size of the Members and Sign-ups tables (the same open sessions), and the cells the hourly sweep reads to finish one; lock ≤ 2 s (modelled)',
    pass,
    measured: `${sizes(r.after)}${r.before ? ` (--before: ${sizes(r.before)})` : ''}${r.sweep ? `; finished by the hourly sweep: ${r.sweep.after.map((c) => `${fmt(c.product.cellsRead)} cells`).join(', ')}${r.sweep.before ? ` (--before: ${r.sweep.before.map((c) => `${fmt(c.product.cellsRead)} cells`).join(', ')})` : ''}` : ''}${same ? '' : '; the bundles decide or mail differently'}`,
    limits: [],
  };
}

// Plays a scenario on the built bundle (dist/Code.js) and the local runtime, with one fault
// injected, and collects what happened: the final sheets, the mail, the executions.

import iconv from 'iconv-lite';
import { ZONE_PROPERTY } from '../../src/adapters/sheet-zone-reader';
import { seededRandom } from '../random';
import { DEMO_BANK_SETTINGS } from '../runner/transfers';
import type { FormResponse } from '../runtime/forms';
import type { LocalSheet } from '../runtime/spreadsheet';
import {
  APPLICATION_TITLES as A,
  createOfficeWorld,
  type OfficeWorld,
  REGISTRATION_TITLES as R,
  SIGNUP_TITLES as S,
  writeSettings,
} from '../world';
import { type Scenario, type ScenarioEvent, tokyoDay, tokyoMs, typeId } from './scenario';

export const FAULTS = [
  'none',
  'twice',
  'drop',
  'lateRow',
  'lockBusy',
  'mailQuota',
  'sheetThrows',
  'timedThrows',
  'monthlyTwice',
  'edited',
  'rearranged',
  'zoneKept',
  'zoneKeptEast',
] as const;
export type Fault = (typeof FAULTS)[number];

export const FAULT_TITLES: Record<Fault, string> = {
  none: 'fault-free reference run',
  twice: 'every event delivered twice',
  drop: '10% of events dropped, recovered by the sweep',
  lateRow: 'response-sheet row written after the trigger ran',
  lockBusy: 'script lock busy (waitLock/tryLock times out), recovered by the sweep',
  mailQuota: 'mail quota exhausted mid-run (queued, sent later)',
  sheetThrows: 'a sheet write (setValues/appendRow) throwing inside submit flows, completed later',
  timedThrows:
    'a sheet write throwing in each timed job but the monthly run (daily sessions job, outbox, sweep), finished by a later run',
  monthlyTwice: 'monthly run started twice at once, and again after',
  edited: 'applications edited after payment',
  rearranged:
    'staff sort the system sheets and insert and move columns between executions (compared by header, rows by key)',
  zoneKept:
    'spreadsheet in America/Los_Angeles, installed by an older version with sessions typed: set-up keeps the zone (compared with the Tokyo run)',
  zoneKeptEast:
    'spreadsheet in Australia/Sydney, installed by an older version with sessions typed: set-up keeps the zone (compared with the Tokyo run)',
};

/**
 * The zone faults: the spreadsheet's own time zone (File > Settings > Time zone) when the office
 * installed an older version, which left it as it was (src/domain/sheet-zone.ts). One zone
 * behind Tokyo, one ahead (and with daylight saving on the other side of the year).
 */
export const SPREADSHEET_ZONE: Partial<Record<Fault, string>> = {
  zoneKept: 'America/Los_Angeles',
  zoneKeptEast: 'Australia/Sydney',
};

export interface PlayStats {
  events: number;
  submissions: number;
  /** Extra deliveries of an event (twice). */
  duplicates: number;
  drops: number;
  lateRows: number;
  lockStretches: number;
  quotaExhaustions: number;
  /** Spreadsheet calls made to throw. */
  injectedFailures: number;
  nestedMonthlyRuns: number;
  edits: number;
  /** Edits skipped because the application was not paid (an edit would re-decide it). */
  editsSkipped: number;
  /** A member's ID was not in Members when they needed it (their registration was lost). */
  missingIds: number;
  /** Sheets sorted, and columns inserted or moved, by staff between executions (rearranged). */
  sorts: number;
  columnChanges: number;
}

export interface Played {
  fault: Fault;
  world: OfficeWorld;
  stats: PlayStats;
  /** Response ID → stable token (`resp#<event index>`), the same for one event in every run. */
  responseTokens: Map<string, string>;
  /** Registration and application response IDs, and the respondents' emails. */
  registrationIds: string[];
  applicationIds: string[];
  /** Sign-up response IDs (online sessions, RULES §8). */
  signupIds: string[];
  respondents: Set<string>;
  /** Response IDs of applications edited after payment. */
  editedIds: Set<string>;
  /** Wall-clock milliseconds the run took. */
  ms: number;
  /** The report of the set-up run of this version (the zone faults: after the older one's). */
  setupReport: string;
  /** Each month's bank transfer file (R31) as staff download it at the end, decoded. */
  transfers: MonthFile[];
}

export interface MonthFile {
  month: string;
  /** The Zengin file's text (Shift_JIS decoded), or why the dialog offered none. */
  text: string;
}

export const SHEET_FAILURE = (id: string) =>
  `Service Spreadsheets failed while accessing document with id ${id}.`;

/** Reads a whole sheet the way a person looks at it: no counted calls, no faults. */
export function readSheet(world: OfficeWorld, sheet: LocalSheet | null): unknown[][] {
  if (!sheet) return [];
  return uncounted(world, () => sheet.getDataRange().getValues());
}

export function uncounted<T>(world: OfficeWorld, action: () => T): T {
  const ctx = world.rt.ctx;
  const was = ctx.counter.enabled;
  const faults = ctx.faults.splice(0);
  ctx.counter.enabled = false;
  try {
    return action();
  } finally {
    ctx.counter.enabled = was;
    ctx.faults.push(...faults);
  }
}

/** Staff type a row into a sheet by header (the English half), as typed text. */
function staffAppends(world: OfficeWorld, name: string, cells: Record<string, string>): void {
  uncounted(world, () => {
    const sheet = world.ss.getSheetByName(name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    const header = sheet
      .getRange(1, 1, 1, sheet.getLastColumn())
      .getValues()[0]
      .map((h) => String(h).split(' / ')[0]);
    sheet.appendRow(header.map((h) => cells[h] ?? ''));
  });
}

/** Member email (lower case) → Bansou Net ID, read from the Members sheet when needed. */
class MemberIds {
  private readonly ids = new Map<string, string>();
  constructor(private readonly world: OfficeWorld) {}
  get(email: string): string | null {
    const key = email.trim().toLowerCase();
    if (!this.ids.has(key)) {
      const rows = readSheet(this.world, this.world.ss.getSheetByName('Members'));
      const header = (rows[0] ?? []).map((h) => String(h).split(' / ')[0]);
      const idCol = header.indexOf('Bansou Net ID');
      const emailCol = header.indexOf('Email');
      for (const row of rows.slice(1)) {
        // R1: an ID never changes once given, so caching is safe.
        this.ids.set(String(row[emailCol]).trim().toLowerCase(), String(row[idCol]));
      }
    }
    return this.ids.get(key) ?? null;
  }
}

function applicationAnswers(
  e: Extract<ScenarioEvent, { kind: 'apply' }>,
  ids: MemberIds,
  stats: PlayStats,
) {
  const idOf = (email: string) => {
    const id = ids.get(email);
    if (id === null) stats.missingIds++;
    return id ?? 'BN-?????';
  };
  const second =
    e.second === null ? '' : 'literal' in e.second ? e.second.literal : idOf(e.second.member);
  return {
    [A.applicantId]: typeId(idOf(e.applicant), e.idStyle),
    [A.applicantName]: e.name,
    [A.supportDate]: e.date,
    [A.startTime]: e.start,
    [A.endTime]: e.end,
    [A.recipientName]: e.recipient,
    [A.recipientBirthYear]: e.birthYear,
    [A.secondId]: second,
    [A.issues]: e.issues,
    [A.prefecture]: '東京都',
    [A.description]: e.description,
  };
}

/**
 * Plays `scenario` under `fault`. Which events are faulted is drawn from the scenario's seed,
 * so a run is repeatable.
 */
export function play(
  scenario: Scenario,
  fault: Fault,
  options: { freshGlobals?: boolean } = {},
): Played {
  const t0 = Date.now();
  const world = createOfficeWorld({
    start: scenario.start,
    settings: scenario.settings,
    withSignupForm: true,
    freshGlobals: options.freshGlobals ?? false,
  });
  const { rt } = world;
  const zone = SPREADSHEET_ZONE[fault];
  if (zone) olderInstallation(world, zone);
  else rt.run('setup');
  staffTypeProgramDays(world);
  // Staff type the sessions before anything else happens, then update the form's choices.
  for (const s of scenario.sessions) {
    staffAppends(world, 'Sessions', {
      'Session ID': s.id,
      Date: s.date,
      Start: '19:00',
      End: '20:30',
      'Title (Japanese)': `相談会 ${s.id}`,
      'Title (English)': `Session ${s.id}`,
      'Meeting URL': `https://meet.example.org/${s.id.toLowerCase()}`,
      Capacity: String(s.capacity),
      'Sign-up closes': s.closesAt,
      Status: 'open',
    });
  }
  // The zone faults: the office updates the script and runs set-up again, which finds the
  // Sessions rows staff typed (data) and so keeps the zone, warns and records it.
  const setupReport = zone ? String(rt.run('setup')) : '';
  rt.run('updateSessions');
  const r = seededRandom(scenario.seed ^ 0x5eed);
  const stats: PlayStats = {
    events: 0,
    submissions: 0,
    duplicates: 0,
    drops: 0,
    lateRows: 0,
    lockStretches: 0,
    quotaExhaustions: 0,
    injectedFailures: 0,
    nestedMonthlyRuns: 0,
    edits: 0,
    editsSkipped: 0,
    missingIds: 0,
    sorts: 0,
    columnChanges: 0,
  };
  const ids = new MemberIds(world);
  const responseTokens = new Map<string, string>();
  const byEvent = new Map<number, string>();
  const registrationIds: string[] = [];
  const applicationIds: string[] = [];
  const signupIds: string[] = [];
  const respondents = new Set<string>();
  const editedIds = new Set<string>();

  if (fault === 'sheetThrows') installSheetThrows(world, stats);
  if (fault === 'timedThrows') installTimedThrows(world, stats);
  if (fault === 'monthlyTwice') installNestedMonthly(world, stats);
  const rearrange = fault === 'rearranged' ? installRearranged(world, stats) : null;

  const events: (ScenarioEvent & { index: number })[] = scenario.events.map((e, index) => ({
    ...e,
    index,
  }));
  if (fault === 'edited') {
    for (const edit of scenario.edits) events.push({ ...edit, index: -1 });
    events.sort((a, b) => a.at - b.at);
  }

  // The quota runs out twice: a third and two thirds of the way through.
  const total = events.filter((e) => e.kind === 'register' || e.kind === 'apply').length;
  const exhaustAt = [Math.floor(total / 3), Math.floor((2 * total) / 3)];
  // The rearranged fault: staff also rearrange the sheets at eight points among the events
  // (between the executions of two submissions: after registrations, after applications).
  const rearrangeAt = new Set([1, 2, 3, 5, 7, 9, 11, 13].map((k) => Math.floor((k * total) / 15)));
  // The monthlyTwice fault: staff also run the job again by hand, an hour after the last
  // monthly trigger, before anything else happens: the same data, so the same sheets. (Run
  // later, it would rightly re-decide unpaid applications with documents and course rows typed
  // since, which the reference run never does.)
  const byHandAt = tokyoMs(`${tokyoDay(scenario.end).slice(0, 7)}-01`, 7 * 60);
  let ranByHand = fault !== 'monthlyTwice';
  const runAgainByHand = () => {
    if (ranByHand) return;
    ranByHand = true;
    rt.advanceTo(Math.max(byHandAt, rt.now()));
    rt.run('runMonthlyPayments');
  };
  for (const e of events) {
    if (e.at > byHandAt) runAgainByHand();
    // A lock wait moves the clock on: an event never goes back in time, but keeps its own
    // submission time.
    rt.advanceTo(Math.max(e.at, rt.now()));
    stats.events++;
    if (e.kind === 'documents') {
      staffAppends(world, 'Documents', {
        'Bansou Net ID': ids.get(e.member) ?? '',
        'Fiscal year': e.fiscalYear,
        'Memorandum received': e.memorandumOn,
        'Account notification received': e.accountOn,
      });
      continue;
    }
    if (e.kind === 'course') {
      staffAppends(world, 'Course', {
        'Bansou Net ID': ids.get(e.member) ?? '',
        Module: e.module,
        'Completed on': e.completedOn,
      });
      continue;
    }
    if (e.kind === 'edit') {
      const id = byEvent.get(e.application)!;
      const original = scenario.events[e.application];
      if (original.kind !== 'apply' || !isPaid(world, id)) {
        stats.editsSkipped++;
        continue;
      }
      const answers = applicationAnswers(original, ids, stats);
      answers[A.endTime] = '23:00';
      answers[A.description] = `${original.description} (corrected)`;
      rt.forms.editResponse(id, { answers });
      editedIds.add(id);
      stats.edits++;
      continue;
    }

    if (fault === 'mailQuota' && exhaustAt.includes(stats.submissions)) {
      // Other scripts of the account used up today's quota just before this submission: its
      // mail (at least) waits in the Outbox until the quota resets.
      rt.mail.exhaust();
      stats.quotaExhaustions++;
    }
    if (rearrange && rearrangeAt.has(stats.submissions)) {
      rearrangeAt.delete(stats.submissions);
      rearrange();
    }
    const options = submitOptions(fault, r, stats, world);
    let response: FormResponse;
    if (e.kind === 'register') {
      response = rt.forms.submit(
        world.registration,
        {
          email: e.email,
          at: e.at,
          answers: {
            [R.name]: e.answers.name,
            [R.phone]: e.answers.phone,
            [R.address]: e.answers.address,
            [R.experience]: e.answers.experience ? 'あり / Yes' : 'なし / No',
            [R.emailLanguage]: e.answers.language,
            [R.consent]: ['同意します / I agree'],
          },
        },
        options,
      );
      registrationIds.push(response.getId());
    } else if (e.kind === 'signup') {
      const typed =
        'literal' in e.member ? e.member.literal : (ids.get(e.member.member) ?? 'BN-?????');
      if (typed === 'BN-?????') stats.missingIds++;
      response = rt.forms.submit(
        world.signup!,
        {
          email: e.email,
          at: e.at,
          answers: {
            [S.memberId]: typed,
            [S.session]: sessionChoice(world, e.session),
            [S.purpose]: '参加 / Participation',
          },
        },
        options,
      );
      signupIds.push(response.getId());
    } else {
      response = rt.forms.submit(
        world.application,
        { email: e.email, at: e.at, answers: applicationAnswers(e, ids, stats) },
        options,
      );
      applicationIds.push(response.getId());
    }
    stats.submissions++;
    respondents.add(e.email.trim().toLowerCase());
    responseTokens.set(response.getId(), `resp#${e.index}`);
    byEvent.set(e.index, response.getId());
  }
  rt.locks.releaseOther('script');
  runAgainByHand();
  rt.advanceTo(Math.max(scenario.end, rt.now()));
  const transfers = bankTransferFiles(world, scenario);
  return {
    fault,
    world,
    stats,
    responseTokens,
    registrationIds,
    applicationIds,
    signupIds,
    respondents,
    editedIds,
    ms: Date.now() - t0,
    setupReport,
    transfers,
  };
}

/**
 * Staff type the program's first and last days into Settings as dates (not the text set-up
 * wrote: Sheets makes them date cells, in the spreadsheet's zone), the same days as the
 * defaults, so the decisions stay those of the defaults. Not in the form of the world's
 * `settings` (typed with an apostrophe, as text): this is the one staff date of Settings.
 */
const PROGRAM_DAYS: Record<string, string> = {
  programStart: '2023-07-10',
  programEnd: '2026-02-28',
};
function staffTypeProgramDays(world: OfficeWorld): void {
  uncounted(world, () => {
    const sheet = world.ss.getSheetByName('Settings');
    if (!sheet) throw new Error('no Settings sheet');
    const keys = sheet.getRange(1, 1, sheet.getLastRow(), 1).getValues();
    for (const [key, day] of Object.entries(PROGRAM_DAYS)) {
      const at = keys.findIndex((r) => r[0] === key);
      if (at < 0) throw new Error(`no Settings row ${key}`);
      const cell = sheet.getRange(at + 1, 3);
      cell.setValue(day);
      // A person's edit fires the simple onEdit trigger (it drops the cached Settings).
      world.rt.simpleTrigger('onEdit', {
        authMode: 'LIMITED',
        range: cell,
        source: world.ss,
        user: world.staffEmail,
      });
    }
  });
}

/**
 * An office that installed an older version (before src/adapters/sheet-zone.ts) in a
 * spreadsheet created in `zone`: that version's set-up made the same sheets, forms' triggers and
 * Settings rows as today's, but left the spreadsheet's zone as it was and recorded none. It is
 * played as today's set-up with exactly its zone step undone (the zone put back, the recorded
 * zone removed), which is exact because nothing with a date is stored yet when it runs: the
 * step is the only difference. Then staff type the sessions (in `zone`, as Sheets parses what
 * they type) and the office updates the script: the caller runs set-up again, which finds the
 * Sessions rows. Chosen over a row forged into a system sheet (Members, Log): no row is
 * written that the program or staff would not have written, and the reference run's events
 * and IDs stay the same.
 */
function olderInstallation(world: OfficeWorld, zone: string): void {
  const { rt } = world;
  uncounted(world, () => world.ss.setSpreadsheetTimeZone(zone));
  rt.run('setup');
  uncounted(world, () => {
    world.ss.setSpreadsheetTimeZone(zone);
    rt.properties.getScriptProperties().deleteProperty(ZONE_PROPERTY);
  });
}

/**
 * At the end, staff type every member's bank account into the Accounts sheet (one row each, in
 * the order of their emails, the account drawn from the email: the same in every run whatever
 * IDs the members got), the office's bank rows into Settings, and download the bank transfer
 * file of each month of the scenario from the "Bank transfer file" dialog (R31).
 */
function bankTransferFiles(world: OfficeWorld, scenario: Scenario): MonthFile[] {
  const members = readSheet(world, world.ss.getSheetByName('Members'));
  const header = (members[0] ?? []).map((h) => String(h).split(' / ')[0]);
  const rows = members
    .slice(1)
    .map((r) => ({
      id: String(r[header.indexOf('Bansou Net ID')]),
      email: String(r[header.indexOf('Email')]).trim().toLowerCase(),
    }))
    .filter((m) => m.id !== '')
    .sort((a, b) => (a.email < b.email ? -1 : a.email > b.email ? 1 : 0));
  for (const m of rows) {
    let h = 0;
    for (const c of m.email) h = (h * 31 + c.charCodeAt(0)) >>> 0;
    staffAppends(world, 'Accounts', {
      'Bansou Net ID': m.id,
      'Bank code': ['0001', '0005', '0009'][h % 3],
      'Branch code': '100',
      'Account type': h % 7 === 0 ? '当座' : '普通',
      'Account number': String(h % 9_999_999).padStart(7, '0'),
      'Account holder (kana)': `ﾊﾞﾝｿｳ ${'ｱｲｳｴｵｶｷｸｹｺ'[h % 10]}`,
    });
  }
  writeSettings(world.rt, world.ss, DEMO_BANK_SETTINGS);
  const files: MonthFile[] = [];
  for (let ms = scenario.start; tokyoDay(ms).slice(0, 7) < tokyoDay(scenario.end).slice(0, 7); ) {
    const month = tokyoDay(ms).slice(0, 7);
    world.rt.run('bankTransferFile', month);
    const html = world.rt.sheets.ui.htmlDialogs.at(-1)?.html ?? '';
    const link = /href="data:text\/plain;base64,([A-Za-z0-9+/=]+)"/.exec(html);
    files.push({
      month,
      text: link
        ? iconv.decode(Buffer.from(link[1], 'base64'), 'Shift_JIS')
        : `(no file: ${/<p class="warn">([^<]*)/.exec(html)?.[1] ?? 'no dialog'})`,
    });
    ms = tokyoMs(`${month}-28`) + 5 * 86_400_000;
  }
  return files;
}

/** The choice of the session as the form shows it now (its first word is the session ID). */
function sessionChoice(world: OfficeWorld, id: string): string {
  return uncounted(world, () => {
    const item = world.signup!.getItems().find((i) => i.getTitle() === S.session)!;
    const choices = item.getChoices().map((c) => c.getValue());
    return choices.find((c) => c.split(' ')[0] === id) ?? choices[0];
  });
}

function submitOptions(
  fault: Fault,
  r: () => number,
  stats: PlayStats,
  world: OfficeWorld,
): { twice?: boolean; drop?: boolean; lateRow?: boolean } {
  switch (fault) {
    case 'twice':
      stats.duplicates++;
      return { twice: true };
    case 'drop':
      if (r() < 0.1) {
        stats.drops++;
        return { drop: true };
      }
      return {};
    case 'lateRow':
      stats.lateRows++;
      return { lateRow: true };
    case 'lockBusy': {
      // Another execution holds the script lock: mostly for a moment (this event's trigger
      // waits 30 s and gives up), sometimes for 90 minutes (later events and an hourly sweep
      // find it busy too). The sweep after it ends finishes the work.
      const roll = r();
      if (roll < 0.08) {
        const long = roll < 0.01;
        world.rt.locks.holdByAnotherExecution(
          'script',
          world.rt.now() + (long ? 90 * 60_000 : 45_000),
        );
        stats.lockStretches++;
      }
      return {};
    }
    default:
      return {};
  }
}

/**
 * Every 50th sheet write (`setValues` or `appendRow`: the store appends new rows) inside a
 * form-submit trigger throws the error Sheets gives when the service fails; the flow logs it
 * and leaves the response to the next trigger or the sweep.
 */
function installSheetThrows(world: OfficeWorld, stats: PlayStats): void {
  let n = 0;
  const id = uncounted(world, () => world.ss.getId());
  world.rt.ctx.faults.push((service, method) => {
    const fn = world.rt.ctx.execution?.functionName;
    if (service !== 'Spreadsheet' || (method !== 'setValues' && method !== 'appendRow')) return;
    if (fn !== 'onApplicationSubmit' && fn !== 'onRegistrationSubmit' && fn !== 'onSignupSubmit')
      return;
    if (++n % 50 !== 0) return;
    stats.injectedFailures++;
    throw new Error(SHEET_FAILURE(id));
  });
}

/**
 * In each timed job, the 3rd and the 40th sheet write it makes over the scenario throw: early in
 * its first runs and later on. What the job wrote before stays; the next run must finish the
 * rest: nothing lost, nothing sent twice. Not the monthly run: the hourly sweep finishes a failed
 * one two hours later, when it may rightly see documents staff typed in between (R20 counts
 * documents received by the settlement day), so its outcome can differ from the fault-free
 * run's; its recovery is tested in test/integration/payments.test.ts.
 */
const TIMED_JOBS = new Set(['runSessionsDaily', 'sendQueuedEmails', 'sweep', 'updateSessions']);
function installTimedThrows(world: OfficeWorld, stats: PlayStats): void {
  const writes = new Map<string, number>();
  const id = uncounted(world, () => world.ss.getId());
  world.rt.ctx.faults.push((service, method) => {
    const fn = world.rt.ctx.execution?.functionName ?? '';
    if (service !== 'Spreadsheet' || (method !== 'setValues' && method !== 'appendRow')) return;
    if (!TIMED_JOBS.has(fn)) return;
    const n = (writes.get(fn) ?? 0) + 1;
    writes.set(fn, n);
    if (n !== 3 && n !== 40) return;
    stats.injectedFailures++;
    throw new Error(SHEET_FAILURE(id));
  });
}

/**
 * Staff rearrange the system sheets the way people do in a shared spreadsheet, always between two
 * executions: right before and right after each monthly run, after every 40th hourly sweep and at
 * the points the event loop calls the returned function. Each time they sort the data rows (Data
 * → Sort range: Range.sort on the rows below the header) of Applications, Members, Ledger,
 * Payment holds, Sign-ups and the Outbox, each by another column or direction than the time
 * before; the first three times they also insert a column of their own ("Memo / メモ") in the
 * middle of Applications, Members and Ledger, and later they drag columns of Members and
 * Applications elsewhere (Sheet.moveColumns). What the script records must not change.
 */
const SORTS: readonly { sheet: string; by: readonly [string, boolean][] }[] = [
  {
    sheet: 'Applications',
    by: [
      ['Status', true],
      ['Applicant ID', false],
      ['Support date', false],
      ['Paid in', true],
    ],
  },
  {
    sheet: 'Members',
    by: [
      ['Name', true],
      ['Email', false],
      ['Area', true],
    ],
  },
  {
    sheet: 'Ledger',
    by: [
      ['Amount', false],
      ['Bansou Net ID', true],
      ['Payments sheet', false],
    ],
  },
  {
    sheet: 'Payment holds',
    by: [
      ['Bansou Net ID', false],
      ['Missing documents', true],
    ],
  },
  {
    sheet: 'Sign-ups',
    by: [
      ['Session ID', false],
      ['Status', true],
      ['Name', true],
    ],
  },
  {
    sheet: 'Outbox',
    by: [
      ['Status', true],
      ['To', false],
    ],
  },
];
/** The column staff add, and after which of the system's columns (by the English half). */
export const STAFF_COLUMN = 'Memo / メモ';
const INSERTS: readonly [string, string][] = [
  ['Applications', 'Issues'],
  ['Members', 'Phone'],
  ['Ledger', 'Bansou Net ID'],
];
/** Columns staff drag elsewhere: [sheet, column, before which column]. */
const MOVES: readonly [string, string, string][] = [
  ['Members', 'Name', 'Bansou Net ID'],
  ['Applications', 'Status', 'Response ID'],
  ['Members', 'Email', 'Sessions attended this FY'],
  ['Applications', 'Response ID', 'Staff note'],
];
function installRearranged(world: OfficeWorld, stats: PlayStats): () => void {
  let round = 0;
  const englishHeader = (sheet: LocalSheet) =>
    sheet
      .getRange(1, 1, 1, Math.max(1, sheet.getLastColumn()))
      .getValues()[0]
      .map((h) => String(h).split(' / ')[0]);
  const rearrange = () =>
    uncounted(world, () => {
      const n = round++;
      for (const { sheet: name, by } of SORTS) {
        const sheet = world.ss.getSheetByName(name);
        if (!sheet || sheet.getLastRow() < 3) continue;
        const [column, ascending] = by[n % by.length];
        const at = englishHeader(sheet).indexOf(column);
        if (at < 0) throw new Error(`rearranged: no column ${column} in ${name}`);
        sheet
          .getRange(2, 1, sheet.getLastRow() - 1, sheet.getLastColumn())
          .sort({ column: at + 1, ascending });
        stats.sorts++;
      }
      if (n < INSERTS.length) {
        const [name, after] = INSERTS[n];
        const sheet = world.ss.getSheetByName(name);
        const at = sheet ? englishHeader(sheet).indexOf(after) : -1;
        if (sheet && at >= 0) {
          sheet.insertColumnsAfter(at + 1, 1);
          sheet.getRange(1, at + 2).setValue(STAFF_COLUMN);
          // A note on a row that is there (a note alone would be a row of staff's own).
          if (sheet.getLastRow() >= 2) sheet.getRange(2, at + 2).setValue('確認済み');
          stats.columnChanges++;
        }
      } else if (n - INSERTS.length < MOVES.length) {
        const [name, column, before] = MOVES[n - INSERTS.length];
        const sheet = world.ss.getSheetByName(name);
        const header = sheet ? englishHeader(sheet) : [];
        const from = header.indexOf(column);
        const to = header.indexOf(before);
        if (sheet && from >= 0 && to >= 0) {
          sheet.moveColumns(sheet.getRange(1, from + 1), to + 1);
          stats.columnChanges++;
        }
      }
    });
  let sweeps = 0;
  world.rt.betweenExecutions = (when, handler) => {
    if (handler === 'runMonthlyPayments') rearrange();
    else if (handler === 'sweep' && when === 'after' && ++sweeps % 40 === 0) rearrange();
  };
  return rearrange;
}

/** While a monthly run holds the lock, a second one starts (its trigger fired twice). */
function installNestedMonthly(world: OfficeWorld, stats: PlayStats): void {
  let inside = false;
  let lastOuter = -1;
  world.rt.ctx.faults.push((service, method) => {
    const execution = world.rt.ctx.execution;
    if (inside || !execution || execution.functionName !== 'runMonthlyPayments') return;
    // A value read: getValues, or getSheetValues (how a table is read whole).
    const read = method === 'getValues' || method === 'getSheetValues';
    if (service !== 'Spreadsheet' || !read || execution.id === lastOuter) return;
    lastOuter = execution.id;
    inside = true;
    try {
      stats.nestedMonthlyRuns++;
      world.rt.run('runMonthlyPayments');
    } finally {
      inside = false;
    }
  });
}

function isPaid(world: OfficeWorld, responseId: string): boolean {
  const rows = readSheet(world, world.ss.getSheetByName('Applications'));
  const header = (rows[0] ?? []).map((h) => String(h).split(' / ')[0]);
  const row = rows.find((x) => x[header.indexOf('Response ID')] === responseId);
  return !!row && String(row[header.indexOf('Paid in')]).trim() !== '';
}

/** The sheets the script keeps plus the staff-typed ones, by name. */
export function sheetNames(world: OfficeWorld): string[] {
  return uncounted(world, () => world.ss.getSheets().map((s) => s.getName())).filter(
    (n) => !/^Form Responses \d+$/.test(n),
  );
}

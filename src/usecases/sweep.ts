// The sweep (R26): compares each form's responses with what was processed and finishes what
// is missing, in submission order — events dropped, delivered before the sheet row, failed
// half-way, or left because the lock was busy. Also checks that the triggers are in place
// and that the outbox is moving, and alerts staff once when not.

import { alertStaffOnce, clearAlert } from '../adapters/alerts';
import { sameVersion } from '../adapters/answers';
import type { Env } from '../adapters/env';
import { openFormByUrl } from '../adapters/forms';
import { errorText, readPendingCount, setPendingCount } from '../adapters/mailer';
import { responseIdsOf } from '../adapters/records';
import { FORM_KINDS, type FormKind, MARK_KEY, OLD_WATERMARK_KEY } from '../adapters/sweep-marks';
import { addSeen, confirmed, readSeen, type Seen as SeenVersions } from '../adapters/sweep-seen';
import { cellMs, cellText } from '../adapters/tables/cells';
import { email as emailPattern, exactly, oneOf } from '../adapters/tables/patterns';
import { APPLICATIONS, COURSE, type KeysOf, MEMBERS, OUTBOX } from '../adapters/tables/schema';
import { SIGNUPS } from '../adapters/tables/sessions-schema';
import type { Row, Search, Table, TableSpec } from '../adapters/tables/table';
import { CLOCK_HANDLERS, formHandlersFor } from '../adapters/triggers';
import { ALERTS } from '../domain/alerts';
import { QUESTION_NOT_IN_FORM } from '../domain/answers';
import { dayOf } from '../domain/dates';
import type { Settings } from '../domain/settings-types';
import { normalizeEmail } from '../domain/text';

export interface SweepResult {
  registrations: number;
  applications: number;
  courses: number;
  signups: number;
  problems: string[];
  /** False when the execution ran out of time; the next sweep continues. */
  complete: boolean;
  /** Emails put in the Outbox because the execution's time was running out. */
  deferredMail: number;
}

/** Where an unfinished full pass (menu) goes on, per form: a response time (ms). */
const RESUME_KEY = 'sweep.resume';
/** When the Outbox counter was last checked against the sheet (once a day). */
const OUTBOX_CHECK_KEY = 'sweep.outboxCheckedAt';
/** Responses are re-checked this far back from the mark, so none slips between two sweeps. */
const OVERLAP_MS = 2 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

/**
 * An execution is killed after 6 minutes (Apps Script quotas: "Script runtime 6 min /
 * execution"; `Exceeded maximum execution time`). Counted from the sweep's start (`env.now`,
 * after up to 30 s waiting for the lock): no response is taken on after 4 minutes; mail is
 * sent until 4¾, and what is left then goes to the Outbox in one write, leaving over a minute
 * for the writes that remain.
 */
export const SWEEP_BUDGET_MS = 240_000;
export const SWEEP_MAIL_BUDGET_MS = 285_000;
/**
 * Responses a sweep checks before it looks at the time at all: every run makes progress, even
 * on a slow day; one, so that no run can be pushed past the limit by it.
 */
const MIN_PROGRESS = 1;

type FormResponse = GoogleAppsScript.Forms.FormResponse;
type Form = GoogleAppsScript.Forms.Form;

interface Seen {
  response: FormResponse;
  id: string;
  at: number;
  /** The respondent's address, when it was read before the search (a keyed registration window). */
  email?: string;
}

/** The responses one form's pass reads. */
interface Window {
  /** Where reading started (a response time; null: the first response). */
  from: number | null;
  all: FormResponse[];
  /** The responses' IDs, times (and addresses), when read before the search (keyedLookups). */
  ids: string[] | null;
  ats: number[] | null;
  emails: (string | undefined)[] | null;
}

/** How far one form's pass got. */
interface Pass {
  /** All the responses read were handled. */
  complete: boolean;
  /** Out of time: read again from this response time on (the last one handled, or the start). */
  resumeAt: number | null;
  /** The latest response time handled. */
  latest: number | null;
}

/**
 * The hourly sweep ('recent') checks, per form, the responses from shortly before its mark.
 * The full pass ('full', menu only) checks every response, resuming where the last full pass
 * stopped. Both look at the time before every response (its getters included), stop taking
 * on work after SWEEP_BUDGET_MS and save where they stopped; rows are written, then the Log,
 * then mail, and mail that no longer fits in the execution goes to the Outbox in one write.
 */
/** What the sweep does with a missed response: the same jobs as the form triggers (R26). */
type FormJob = (
  env: Env,
  response: GoogleAppsScript.Forms.FormResponse,
  form: GoogleAppsScript.Forms.Form | null,
) => void;

/** A form job that can read an already processed response again (the full pass, `reread`). */
type RereadJob = (
  env: Env,
  response: GoogleAppsScript.Forms.FormResponse,
  form: GoogleAppsScript.Forms.Form | null,
  reread?: boolean,
) => void;

/**
 * The other use cases the sweep runs, handed in by the entry point (src/index.ts), so that no
 * use case imports another.
 */
export interface SweepJobs {
  processRegistration: RereadJob;
  /** Records an application's answers; its row when it needs a decision. */
  stageApplication: (
    env: Env,
    table: Table<KeysOf<typeof APPLICATIONS>>,
    response: GoogleAppsScript.Forms.FormResponse,
    form: GoogleAppsScript.Forms.Form | null,
    reread?: boolean,
  ) => Row | null;
  /** One decision pass from the earliest staged application. */
  decideFrom: (
    env: Env,
    table: Table<KeysOf<typeof APPLICATIONS>>,
    staged: Row[],
    logEach: boolean,
  ) => unknown;
  processCourse: FormJob;
  processSignup: FormJob;
  sessionsNeedUpdate: (env: Env) => boolean;
  updateSessions: (env: Env, daily: boolean) => unknown;
}

export function runSweep(
  env: Env,
  jobs: SweepJobs,
  mode: 'recent' | 'full' = 'recent',
): SweepResult {
  const {
    processRegistration,
    stageApplication,
    decideFrom,
    processCourse,
    processSignup,
    sessionsNeedUpdate,
    updateSessions,
  } = jobs;
  const result: SweepResult = {
    registrations: 0,
    applications: 0,
    courses: 0,
    signups: 0,
    problems: [],
    complete: true,
    deferredMail: 0,
  };
  const { settings } = env;
  const full = mode === 'full';
  const deadline = env.now + SWEEP_BUDGET_MS;
  let checked = 0;
  let stopped = false;
  /** True when the execution must stop taking on more work (looked at before every response). */
  const outOfTime = (): boolean => {
    if (stopped) return true;
    // Always some progress, so a slow day cannot stall the sweep at the same place.
    if (checked < MIN_PROGRESS || Date.now() <= deadline) return false;
    stopped = true;
    return true;
  };
  /**
   * The responses a form's pass reads, from where this run starts (by default the mark or the
   * resume point; null: the first response), in the order Forms lists them (oldest first).
   */
  const windowOf = (form: Form, kind: FormKind, start?: number | null): Window => {
    const from = start === undefined ? startOf(env, full, kind) : start;
    // Forms returns responses "after" a time: one millisecond earlier includes the one at it.
    const all = from === null ? form.getResponses() : form.getResponses(new Date(from - 1));
    return { from, all, ids: null, ats: null, emails: null };
  };
  /**
   * What the hourly sweep confirmed as handled before (sweep-seen.ts), per form: a response
   * remembered at the same version is not looked up again. The full pass reads the tables whole
   * and does not use it; both record what they confirm, kept for the next window.
   */
  const remembered = new Map<FormKind, SeenVersions>();
  if (!full) for (const kind of FORM_KINDS) remembered.set(kind, readSeen(env.props, kind));
  const confirmedNow = new Map<FormKind, SeenVersions>();
  /**
   * Hands each response of the window to `handle` — its ID and time read only when the clock
   * allows (a keyed window's were read before its search) — unless the hourly sweep confirmed
   * that version before. `handle` says whether the response is now handled for sure (found
   * handled, or handled with its row written). Returns how far it got.
   */
  const pass = (kind: FormKind, w: Window, handle: (s: Seen) => boolean): Pass => {
    let last: number | null = null;
    let latest: number | null = null;
    const confirms = new Map<string, number>();
    confirmedNow.set(kind, confirms);
    for (let i = 0; i < w.all.length; i++) {
      if (outOfTime()) return { complete: false, resumeAt: last ?? w.from, latest };
      const response = w.all[i];
      const at = w.ats ? w.ats[i] : response.getTimestamp().getTime();
      const id = w.ids ? w.ids[i] : response.getId();
      checked++;
      if (
        confirmed(remembered.get(kind), id, at) ||
        handle({ response, id, at, email: w.emails?.[i] })
      )
        confirms.set(id, at);
      last = at;
      latest = latest === null ? at : Math.max(latest, at);
    }
    return { complete: true, resumeAt: null, latest };
  };
  /** Forms that could not be opened (their marks stay; a full pass is not finished). */
  const formProblems: string[] = [];
  const open = (url: string, what: string) => {
    try {
      return openFormByUrl(url, what);
    } catch (error) {
      result.problems.push(errorText(error));
      formProblems.push(errorText(error));
      return null;
    }
  };
  const passes = new Map<FormKind, Pass>();

  const registration = open(settings.registrationFormUrl, 'Registration form');
  const application = open(settings.applicationFormUrl, 'Application form');
  const course = settings.courseFormUrl ? open(settings.courseFormUrl, 'Course form') : null;
  const signup = settings.signupFormUrl ? open(settings.signupFormUrl, 'Sign-up form') : null;
  // After staff edit Sessions, sign-ups that waited for a bad row may be older than the
  // recent window: check them all then.
  const sessionsChanged = sessionsNeedUpdate(env);
  // Each form's responses, asked for when its pass starts (the full pass: a form reached only
  // when the time allows). The hourly sweep asks for every window first and finds whether their
  // responses were handled by key, in one search (keyedLookups); the full pass, and a window too
  // large, read the tables whole.
  const asked = new Map<FormKind, Window | null>();
  const windowFor = (kind: FormKind): Window | null => {
    if (!asked.has(kind)) {
      const form = { registration, application, course, signup }[kind];
      const start = kind === 'signup' && sessionsChanged && !full ? null : undefined;
      asked.set(kind, form ? windowOf(form, kind, start) : null);
    }
    return asked.get(kind) ?? null;
  };
  const keyed = full ? null : keyedLookups(env, windowFor, remembered);

  const registrationWindow = registration && !outOfTime() ? windowFor('registration') : null;
  if (registration && registrationWindow) {
    // Response ID → the latest response time processed for its member; and the same by email,
    // for older responses of an address whose IDs the member row no longer keeps. Read when
    // the first response is checked (a quiet hour reads no table).
    let done: Map<string, number | null> | null = null;
    const latestByEmail = new Map<string, number>();
    // The full pass reads again the latest response of each member whose experience question
    // was missing from the form (staff renamed it, then fixed the title or the field map).
    const unread = new Set<string>();
    const doneMap = (): Map<string, number | null> => {
      if (done) return done;
      done = new Map();
      const { table: members, rows } = rowsToCheck(env, keyed?.members ?? null, MEMBERS);
      for (const row of rows) {
        const last = cellMs(members.get(row, 'lastResponseAt'));
        const ids = responseIdsOf(members, row);
        for (const rid of ids) done.set(rid, last);
        if (full && cellText(members.get(row, 'experience')) === QUESTION_NOT_IN_FORM) {
          const latest = ids[ids.length - 1];
          if (latest) unread.add(latest);
        }
        const email = normalizeEmail(cellText(members.get(row, 'email')));
        if (email !== '' && last !== null) latestByEmail.set(email, last);
      }
      return done;
    };
    passes.set(
      'registration',
      pass('registration', registrationWindow, ({ response, id, at, email }) => {
        const seen = doneMap();
        if (seen.has(id) && sameVersion(seen.get(id) ?? null, at)) {
          if (unread.has(id)) {
            processRegistration(env, response, registration, true);
            result.registrations++;
          }
          return true;
        }
        const byEmail = latestByEmail.get(normalizeEmail(email ?? response.getRespondentEmail()));
        if (!seen.has(id) && byEmail !== undefined && at <= byEmail + 999) return true;
        processRegistration(env, response, registration);
        result.registrations++;
        return true;
      }),
    );
  }

  const applicationWindow = application && !outOfTime() ? windowFor('application') : null;
  if (application && applicationWindow) {
    let table: AppTable | null = null;
    let done: Map<string, number | null> | null = null;
    const staged: Row[] = [];
    // The full pass reads again the applications recorded with questions missing from the form.
    const incomplete = new Set<string>();
    const opened = (): { table: AppTable; done: Map<string, number | null> } => {
      if (table && done) return { table, done };
      const { table: t, rows } = rowsToCheck(env, keyed?.applications ?? null, APPLICATIONS);
      const d = versionsOf(t, rows);
      if (full)
        for (const row of rows)
          if (cellText(t.get(row, 'missingFields')) !== '')
            incomplete.add(cellText(t.get(row, 'responseId')));
      table = t;
      done = d;
      return { table: t, done: d };
    };
    passes.set(
      'application',
      pass('application', applicationWindow, ({ response, id, at }) => {
        const { table: t, done: d } = opened();
        if (d.has(id) && sameVersion(d.get(id) ?? null, at)) {
          const again = incomplete.has(id)
            ? stageApplication(env, t, response, application, true)
            : null;
          if (again) {
            staged.push(again);
            result.applications++;
          }
          return true;
        }
        const row = stageApplication(env, t, response, application);
        result.applications++;
        if (row) staged.push(row);
        return true;
      }),
    );
    // One decision pass from the earliest staged application: the same result as if each
    // had been decided when it arrived. A table read by key is decided as a submission is: with
    // the earlier applications for the same people supported and the members they name.
    if (staged.length > 0) decideFrom(env, opened().table, staged, true);
  }

  const courseWindow = course && !outOfTime() ? windowFor('course') : null;
  if (course && courseWindow) {
    let done: Set<string> | null = null;
    passes.set(
      'course',
      pass('course', courseWindow, ({ response, id }) => {
        if (done === null) {
          const { table, rows } = rowsToCheck(env, keyed?.course ?? null, COURSE);
          done = new Set(rows.map((r) => cellText(table.get(r, 'responseId'))));
        }
        if (done.has(id)) return true;
        processCourse(env, response, course);
        result.courses++;
        return true;
      }),
    );
  }

  const signupWindow = signup && !outOfTime() ? windowFor('signup') : null;
  if (signup && signupWindow) {
    let done: Map<string, number | null> | null = null;
    passes.set(
      'signup',
      pass('signup', signupWindow, ({ response, id, at }) => {
        if (done === null) {
          const { table, rows } = rowsToCheck(env, keyed?.signups ?? null, SIGNUPS);
          done = versionsOf(table, rows);
        }
        if (done.has(id) && sameVersion(done.get(id) ?? null, at)) return true;
        processSignup(env, response, signup);
        result.signups++;
        // A sign-up for a Sessions row staff must fix first is left without a row (it waits):
        // only a later sweep that finds its row confirms it.
        return false;
      }),
    );
  }
  // Staff changed Sessions or Sign-ups, or a sign-up closing time passed (R33, R34).
  if (sessionsChanged) updateSessions(env, false);

  checkTriggers(env, settings, result);
  checkOutbox(env, full);
  // A form that could not be opened; a missing trigger has its own alert (checkTriggers).
  for (const p of formProblems) {
    alertStaffOnce(env, `sweep-problem:${p}`, ALERTS.formUnavailable(p));
  }
  result.complete = !stopped;

  // The rows first, then the position they complete, then the Log, then mail: a kill at any
  // point loses nothing (rows not written are found again; mail is sent or queued last).
  env.book.flushAll();
  savePositions(env, full, passes, result.complete && formProblems.length === 0, confirmedNow);
  const processed = result.registrations + result.applications + result.courses + result.signups;
  if (processed > 0 || !result.complete) {
    env.log.add({
      action: result.complete ? (full ? 'SWEEP_FULL' : 'SWEEP') : 'SWEEP_PARTIAL',
      detail: `processed ${result.registrations} registrations, ${result.applications} applications, ${result.courses} course responses${result.signups ? `, ${result.signups} sign-ups` : ''}${result.complete ? '' : '; out of time, continues at the next run'}`,
    });
  }
  env.log.stage();
  result.deferredMail = env.mailer.deliver(env.now + SWEEP_MAIL_BUDGET_MS);
  env.book.flushAll();
  return result;
}

type AppTable = Table<KeysOf<typeof APPLICATIONS>>;

/**
 * The table a form's responses are checked against and the rows to check: those the hourly
 * sweep's search found (a table opened for lookups), or every row (read whole).
 */
function rowsToCheck<T extends TableSpec>(
  env: Env,
  found: Table<KeysOf<T>> | null,
  spec: T,
): { table: Table<KeysOf<T>>; rows: Row[] } {
  const table = found ?? env.book.table(spec);
  return { table, rows: found ? table.held() : table.dataRows() };
}

/** Response ID → the response time last processed, from the rows of a table that has both. */
function versionsOf<K extends string>(
  table: Table<K | 'responseId' | 'lastResponseAt'>,
  rows: readonly Row[],
): Map<string, number | null> {
  const versions = new Map<string, number | null>();
  for (const row of rows)
    versions.set(cellText(table.get(row, 'responseId')), cellMs(table.get(row, 'lastResponseAt')));
  return versions;
}

/**
 * The most responses of one form's window the hourly sweep checks by key. Its window is the
 * responses since shortly before its mark (a busy day's 150 applications put about 20 in it).
 * Above this, which only happens after the sweep has not run for many hours, that form's table
 * is read whole as before: the search pattern grows with the window (TextFinder documents no
 * limit on its length; the ID patterns of 100 responses make a few thousand characters), and the
 * rows found cost a read per block (40 ms modelled) once
 * they are scattered, against 0.031 ms a cell for one whole read: for a few hundred responses
 * spread over a few thousand rows, one whole read is cheaper, and at 50,000 applications it
 * takes under a minute of the sweep's 4-minute budget.
 */
export const KEYED_MAX = 100;

/** The tables of a keyed hourly sweep, opened for lookups, holding the rows its search found. */
interface Keyed {
  members: Table<KeysOf<typeof MEMBERS>> | null;
  applications: AppTable | null;
  course: Table<KeysOf<typeof COURSE>> | null;
  signups: Table<KeysOf<typeof SIGNUPS>> | null;
}

/**
 * The hourly sweep's lookups by key (issue #15): whether the responses of each form's window
 * were handled is read from the rows that hold their response IDs (and, for registrations, the
 * rows with their addresses, R2), found by one TextFinder search for every window's keys
 * (`searchTables`, as a submission finds its own row), so the cells read do not grow with the
 * tables. A window's IDs are read here, before the search; a window with more than KEYED_MAX
 * responses, or a registration from an address no pattern can find (`email` is null beyond
 * ASCII), leaves its table to be read whole (null). Only the responses not `remembered` at the
 * same version (confirmed handled by an earlier hourly sweep) are searched for: a window whose
 * every response is remembered opens no table, and when none is left no search is made.
 */
function keyedLookups(
  env: Env,
  windowFor: (kind: FormKind) => Window | null,
  remembered: ReadonlyMap<FormKind, SeenVersions>,
): Keyed {
  const keyed: Keyed = { members: null, applications: null, course: null, signups: null };
  const searches: Search[] = [];
  /** A window small enough to search by key, with the indices of its responses to look up. */
  const small = (kind: FormKind): { w: Window; open: number[] } | null => {
    const w = windowFor(kind);
    if (!w || w.all.length === 0 || w.all.length > KEYED_MAX) return null;
    const ids = w.all.map((r) => r.getId());
    const ats = w.all.map((r) => r.getTimestamp().getTime());
    w.ids = ids;
    w.ats = ats;
    const seen = remembered.get(kind);
    const open = ids.map((_, i) => i).filter((i) => !confirmed(seen, ids[i], ats[i]));
    return open.length > 0 ? { w, open } : null;
  };
  const byId = (table: Table<string> | null, key: string, patterns: string[]) => {
    if (table) searches.push({ table, key, patterns });
    return table;
  };
  const registrations = small('registration');
  if (registrations) {
    const { w, open } = registrations;
    const emails: (string | undefined)[] = w.all.map(() => undefined);
    for (const i of open) emails[i] = w.all[i].getRespondentEmail();
    w.emails = emails;
    const typed = open.map((i) => normalizeEmail(emails[i] ?? '')).filter((e) => e !== '');
    const byEmail = [...new Set(typed)].map(emailPattern);
    if (byEmail.every((p) => p !== null)) {
      const members = env.book.lookupTable(MEMBERS);
      keyed.members = members;
      const ids = open.map((i) => (w.ids ?? [])[i]);
      byId(members as Table<string> | null, 'responseIds', ids.map(oneOf));
      byId(members as Table<string> | null, 'email', byEmail as string[]);
    }
  }
  // Applications, course and sign-ups: a response is found by its response ID alone.
  const byResponseId = <T extends TableSpec>(kind: FormKind, spec: T) => {
    const found = small(kind);
    if (!found) return null;
    const table = env.book.lookupTable(spec);
    const ids = found.open.map((i) => (found.w.ids ?? [])[i]);
    byId(table as Table<string> | null, 'responseId', ids.map(exactly));
    return table;
  };
  keyed.applications = byResponseId('application', APPLICATIONS);
  keyed.course = byResponseId('course', COURSE);
  keyed.signups = byResponseId('signup', SIGNUPS);
  // Every response of every window remembered: nothing to look up.
  if (searches.length === 0) return keyed;
  try {
    env.book.search(searches);
  } catch (_error) {
    // The search only saves reading: when Google refuses it, the tables are read whole (the
    // tables opened for lookups are then read whole by Workbook.table), with the same answer.
    return { members: null, applications: null, course: null, signups: null };
  }
  return keyed;
}

function storedTime(env: Env, key: string): number | null {
  const n = Number(env.props.get(key) ?? '');
  return n > 0 ? n : null;
}

/** The hourly mark of a form: stored, or the old single watermark, or now. */
function markOf(env: Env, kind: FormKind): number {
  return storedTime(env, `${MARK_KEY}.${kind}`) ?? storedTime(env, OLD_WATERMARK_KEY) ?? env.now;
}

/** Where this run starts reading a form's responses (null: from the first). */
function startOf(env: Env, full: boolean, kind: FormKind): number | null {
  if (full) return storedTime(env, `${RESUME_KEY}.${kind}`);
  return markOf(env, kind) - OVERLAP_MS;
}

/**
 * Stores where each form's pass got to, in one Properties write. The hourly marks move only
 * forward and only over what was handled (a form that could not be opened keeps its mark); a
 * full pass remembers per form where to go on, and forgets it once every form is done. The same
 * write keeps what the pass confirmed handled among the responses the next hourly window will
 * hold (from the new mark − OVERLAP_MS: sweep-seen.ts). Called after the rows are flushed: a
 * kill before it leaves the old marks and memory, and those responses are looked up again.
 */
function savePositions(
  env: Env,
  full: boolean,
  passes: Map<FormKind, Pass>,
  allDone: boolean,
  confirmedNow: ReadonlyMap<FormKind, SeenVersions>,
): void {
  const { props } = env;
  const values: Record<string, string> = {};
  for (const [kind, p] of passes) {
    const key = `${MARK_KEY}.${kind}`;
    const mark = storedTime(env, key);
    const reached = p.complete
      ? p.latest !== null
        ? p.latest + 1
        : null
      : full
        ? null
        : p.resumeAt;
    const next = reached ?? (mark === null ? markOf(env, kind) : null);
    if (next !== null && (mark === null || next > mark)) values[key] = String(next);
    if (full && !allDone) {
      values[`${RESUME_KEY}.${kind}`] = String(
        p.complete ? (p.latest ?? env.now) : (p.resumeAt ?? 0),
      );
    }
  }
  const memories = new Map<FormKind, { seen: SeenVersions; from: number }>();
  for (const kind of passes.keys()) {
    const key = `${MARK_KEY}.${kind}`;
    const mark = key in values ? Number(values[key]) : markOf(env, kind);
    memories.set(kind, { seen: confirmedNow.get(kind) ?? new Map(), from: mark - OVERLAP_MS });
  }
  addSeen(props, values, memories);
  if (Object.keys(values).length > 0) props.setMany(values);
  if (full && allDone) for (const kind of FORM_KINDS) props.delete(`${RESUME_KEY}.${kind}`);
}

function checkTriggers(env: Env, settings: Settings, result: SweepResult): void {
  const handlers = new Set(ScriptApp.getProjectTriggers().map((t) => t.getHandlerFunction()));
  const expected: string[] = [...CLOCK_HANDLERS, ...formHandlersFor(settings)];
  for (const handler of expected) {
    const key = `trigger-missing:${handler}`;
    if (handlers.has(handler)) {
      clearAlert(env, key);
      continue;
    }
    result.problems.push(`Trigger missing: ${handler}`);
    alertStaffOnce(env, key, ALERTS.triggerMissing(handler));
  }
}

/** R29: staff hear when queued mail is more than today's quota can send, or is stuck. */
function checkOutbox(env: Env, full: boolean): void {
  const pending = readPendingCount(env.props);
  const lastCheck = storedTime(env, OUTBOX_CHECK_KEY);
  const daily = lastCheck === null || env.now - lastCheck >= DAY_MS;
  if (pending === 0 && !full && !daily) return;
  if (daily) env.props.set(OUTBOX_CHECK_KEY, String(env.now));
  const table = env.book.table(OUTBOX);
  const queued = table.dataRows().filter((r) => cellText(table.get(r, 'status')) === 'QUEUED');
  // The counter lets quiet hours skip the Outbox; a check once a day keeps it true.
  if (queued.length !== pending) setPendingCount(env.props, queued.length);
  if (queued.length === 0) return;
  const oldest = Math.min(...queued.map((r) => cellMs(table.get(r, 'queuedAt')) ?? env.now));
  if (queued.length > MailApp.getRemainingDailyQuota()) {
    alertStaffOnce(
      env,
      `outbox-over-quota:${dayOf(env.now)}`,
      ALERTS.outboxOverQuota(queued.length),
    );
  }
  if (env.now - oldest > 48 * 3600 * 1000) {
    alertStaffOnce(env, `outbox-stuck:${dayOf(env.now)}`, ALERTS.outboxStuck());
  }
}

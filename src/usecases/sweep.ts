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
import { cellMs, cellText } from '../adapters/tables/cells';
import { APPLICATIONS, COURSE, type KeysOf, MEMBERS, OUTBOX } from '../adapters/tables/schema';
import { SIGNUPS } from '../adapters/tables/sessions-schema';
import type { Row, Table } from '../adapters/tables/table';
import { CLOCK_HANDLERS } from '../adapters/triggers';
import { ALERTS } from '../domain/alerts';
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
}

type FormKind = 'registration' | 'application' | 'course' | 'signup';
const FORM_KINDS: readonly FormKind[] = ['registration', 'application', 'course', 'signup'];
const RESUME_KEY = 'sweep.resume';
/**
 * An execution may run 6 minutes (APPS-SCRIPT-FACTS); the sweep stops taking on responses
 * after 4½, leaving time to write what it did.
 */
export const SWEEP_BUDGET_MS = 270_000;
/** Responses a sweep processes before it looks at the time at all. */
const MIN_PROGRESS = 25;

type FormResponse = GoogleAppsScript.Forms.FormResponse;

interface Seen {
  response: FormResponse;
  id: string;
  at: number;
}

/** Responses in submission order, each ID and timestamp read once. */
function byTime(responses: FormResponse[]): Seen[] {
  return responses
    .map((response) => ({ response, at: response.getTimestamp().getTime(), id: response.getId() }))
    .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

const WATERMARK_KEY = 'sweep.checkedUntil';
/** Responses are re-checked this far back from the last sweep, so none slips between two. */
const OVERLAP_MS = 2 * 3600 * 1000;
/** At least once a day the sweep checks every response, not only the recent ones. */
const FULL_EVERY_MS = 24 * 3600 * 1000;

/**
 * The hourly sweep checks the responses submitted (or edited: an edit rewrites the timestamp)
 * since shortly before the last sweep, so a quiet hour costs no table read; once a day, and
 * from the menu, it checks them all.
 */
/** What the sweep does with a missed response: the same jobs as the form triggers (R26). */
type FormJob = (
  env: Env,
  response: GoogleAppsScript.Forms.FormResponse,
  form: GoogleAppsScript.Forms.Form | null,
) => void;

/**
 * The other use cases the sweep runs, handed in by the entry point (src/index.ts), so that no
 * use case imports another.
 */
export interface SweepJobs {
  processRegistration: FormJob;
  /** Records an application's answers; its row when it needs a decision. */
  stageApplication: (
    env: Env,
    table: Table<KeysOf<typeof APPLICATIONS>>,
    response: GoogleAppsScript.Forms.FormResponse,
    form: GoogleAppsScript.Forms.Form | null,
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
  };
  const { settings } = env;
  const props = env.props;
  const stored = Number(props.get(WATERMARK_KEY) ?? '');
  const lastFull = Number(props.get(`${WATERMARK_KEY}.full`) ?? '');
  const full =
    mode === 'full' || !(lastFull > 0) || env.now - lastFull >= FULL_EVERY_MS || !(stored > 0);
  const since = full ? null : new Date(stored - OVERLAP_MS);
  // A full pass that ran out of time goes on where it stopped (per form), the next time.
  const resumeFrom = (kind: FormKind): Date | null => {
    const at = Number(props.get(`${RESUME_KEY}.${kind}`) ?? '');
    return at > 0 ? new Date(at) : null;
  };
  const responsesOf = (form: GoogleAppsScript.Forms.Form, kind: FormKind) => {
    const from = full ? resumeFrom(kind) : since;
    return byTime(from ? form.getResponses(from) : form.getResponses());
  };
  const deadline = env.now + SWEEP_BUDGET_MS;
  const stopAt = new Map<FormKind, number>();
  /** True (and the place remembered) when the execution must stop taking on more work. */
  const outOfTime = (kind: FormKind, at: number): boolean => {
    // Always some progress, so a slow day cannot stall the sweep at the same place.
    const handled = result.registrations + result.applications + result.courses + result.signups;
    if (handled < MIN_PROGRESS || Date.now() <= deadline) return false;
    if (!stopAt.has(kind)) stopAt.set(kind, at);
    return true;
  };
  const open = (url: string, what: string) => {
    try {
      return openFormByUrl(url, what);
    } catch (error) {
      result.problems.push(errorText(error));
      return null;
    }
  };

  const registration = open(settings.registrationFormUrl, 'Registration form');
  const registrations = registration ? responsesOf(registration, 'registration') : [];
  if (registration && registrations.length > 0) {
    const members = env.book.table(MEMBERS);
    // Response ID → the latest response time processed for its member; and the same by email,
    // for older responses of an address whose IDs the member row no longer keeps.
    const done = new Map<string, number | null>();
    const latestByEmail = new Map<string, number>();
    for (const row of members.dataRows()) {
      const last = cellMs(members.get(row, 'lastResponseAt'));
      for (const id of responseIdsOf(members, row)) done.set(id, last);
      const email = normalizeEmail(cellText(members.get(row, 'email')));
      if (email !== '' && last !== null) latestByEmail.set(email, last);
    }
    for (const { response, id, at } of registrations) {
      if (outOfTime('registration', at)) break;
      if (done.has(id) && sameVersion(done.get(id) ?? null, at)) continue;
      const byEmail = latestByEmail.get(normalizeEmail(response.getRespondentEmail()));
      if (!done.has(id) && byEmail !== undefined && at <= byEmail + 999) continue;
      processRegistration(env, response, registration);
      result.registrations++;
    }
  }

  const application = open(settings.applicationFormUrl, 'Application form');
  const applications = application ? responsesOf(application, 'application') : [];
  if (application && applications.length > 0) {
    const table = env.book.table(APPLICATIONS);
    const done = new Map<string, number | null>();
    for (const row of table.dataRows()) {
      done.set(cellText(table.get(row, 'responseId')), cellMs(table.get(row, 'lastResponseAt')));
    }
    const staged: Row[] = [];
    for (const { response, id, at } of applications) {
      if (outOfTime('application', at)) break;
      if (done.has(id) && sameVersion(done.get(id) ?? null, at)) continue;
      const row = stageApplication(env, table, response, application);
      result.applications++;
      if (row) staged.push(row);
    }
    // One decision pass from the earliest staged application: the same result as if each
    // had been decided when it arrived.
    if (staged.length > 0) decideFrom(env, table, staged, true);
  }

  if (settings.courseFormUrl) {
    const course = open(settings.courseFormUrl, 'Course form');
    const courses = course ? responsesOf(course, 'course') : [];
    if (course && courses.length > 0) {
      const table = env.book.table(COURSE);
      const done = new Set(table.dataRows().map((r) => cellText(table.get(r, 'responseId'))));
      for (const { response, id, at } of courses) {
        if (outOfTime('course', at)) break;
        if (done.has(id)) continue;
        processCourse(env, response, course);
        result.courses++;
      }
    }
  }

  // After staff edit Sessions, sign-ups that waited for a bad row may be older than the
  // recent window: check them all then.
  const sessionsChanged = sessionsNeedUpdate(env);
  if (settings.signupFormUrl) {
    const signup = open(settings.signupFormUrl, 'Sign-up form');
    const signups = !signup
      ? []
      : sessionsChanged && !full
        ? byTime(signup.getResponses())
        : responsesOf(signup, 'signup');
    if (signup && signups.length > 0) {
      const table = env.book.table(SIGNUPS);
      const done = new Map<string, number | null>();
      for (const row of table.dataRows())
        done.set(cellText(table.get(row, 'responseId')), cellMs(table.get(row, 'lastResponseAt')));
      for (const { response, id, at } of signups) {
        if (outOfTime('signup', at)) break;
        if (done.has(id) && sameVersion(done.get(id) ?? null, at)) continue;
        processSignup(env, response, signup);
        result.signups++;
      }
    }
  }
  // Staff changed Sessions or Sign-ups, or a sign-up closing time passed (R33, R34).
  if (sessionsChanged) updateSessions(env, false);

  checkTriggers(env, settings, result);
  checkOutbox(env, full);
  for (const p of result.problems) {
    alertStaffOnce(env, `sweep-problem:${p}`, ALERTS.formUnavailable(p));
  }
  result.complete = stopAt.size === 0;
  if (!result.complete) {
    // Out of time: what was checked stays done; the next sweep goes on from here.
    const resume: Record<string, string> = {};
    for (const kind of FORM_KINDS)
      resume[`${RESUME_KEY}.${kind}`] = String(stopAt.get(kind) ?? env.now);
    props.setMany(resume);
  } else if (result.problems.length === 0) {
    props.setMany(
      full
        ? { [WATERMARK_KEY]: String(env.now), [`${WATERMARK_KEY}.full`]: String(env.now) }
        : { [WATERMARK_KEY]: String(env.now) },
    );
    if (full) for (const kind of FORM_KINDS) props.delete(`${RESUME_KEY}.${kind}`);
  }
  const processed = result.registrations + result.applications + result.courses + result.signups;
  if (processed === 0 && result.complete) return result;
  env.log.add({
    action: result.complete ? (full ? 'SWEEP_FULL' : 'SWEEP') : 'SWEEP_PARTIAL',
    detail: `processed ${result.registrations} registrations, ${result.applications} applications, ${result.courses} course responses${result.signups ? `, ${result.signups} sign-ups` : ''}${result.complete ? '' : '; out of time, continues at the next run'}`,
  });
  return result;
}

function checkTriggers(env: Env, settings: Settings, result: SweepResult): void {
  const handlers = new Set(ScriptApp.getProjectTriggers().map((t) => t.getHandlerFunction()));
  const expected: string[] = [...CLOCK_HANDLERS, 'onRegistrationSubmit', 'onApplicationSubmit'];
  if (settings.courseFormUrl) expected.push('onCourseSubmit');
  if (settings.signupFormUrl) expected.push('onSignupSubmit', 'runSessionsDaily');
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
  if (pending === 0 && !full) return;
  const table = env.book.table(OUTBOX);
  const queued = table.dataRows().filter((r) => cellText(table.get(r, 'status')) === 'QUEUED');
  // The counter lets quiet hours skip the Outbox; the daily full pass keeps it true.
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

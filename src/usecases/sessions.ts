// Online consultation sessions (RULES §8): the sign-up form → a decision in the Sign-ups sheet
// and its email (R33–R35); staff changes (overrides, cancellations, capacity, cancelled
// sessions) → promotions from the waiting list; the day before a session, the reminder and the
// staff's participant list (R35); attendance counted per member per fiscal year (R36).
// Every email is recorded before it is sent (the "Status emailed" and "Reminder sent" cells),
// so no execution, however often it runs, sends one twice.

import { alertStaffOnce, rearmAlerts } from '../adapters/alerts';
import {
  findItem,
  mapFields,
  normalizeTitle,
  readResponse,
  sameVersion,
} from '../adapters/answers';
import { memberWorld } from '../adapters/decision-world';
import { type Env, whenCommitted } from '../adapters/env';
import { openFormByUrl } from '../adapters/forms';
import { readPendingCount, setPendingCount } from '../adapters/mailer';
import { ScriptProps } from '../adapters/props';
import { cellBool, cellMs, cellText } from '../adapters/tables/cells';
import { exactly, memberId as memberIdPattern } from '../adapters/tables/patterns';
import type { KeysOf } from '../adapters/tables/schema';
import { MEMBERS, OUTBOX } from '../adapters/tables/schema';
import { SESSIONS, SIGNUPS } from '../adapters/tables/sessions-schema';
import {
  columnIndexes,
  type Row,
  type Search,
  type Table,
  type TableSpec,
} from '../adapters/tables/table';
import type { Workbook } from '../adapters/tables/workbook';
import { renderFor } from '../adapters/templates-store';
import { dayOf, fiscalYearOf } from '../domain/dates';
import { canonicalId } from '../domain/ids';
import { type Lookup, versionAsOf } from '../domain/members';
import {
  attendedCounts,
  canonicalSessionId,
  decideSignup,
  isOpenForSignup,
  type MemberAsOf,
  nextClosing,
  type OtherSignup,
  openChoices,
  promotions,
  readPurpose,
  readSessions,
  readSignupOverride,
  reminderDue,
  type Session,
  type SessionProblem,
  SIGNUP_OVERRIDE_CHOICES,
  SIGNUP_REASON_CODES,
  type SignupReason,
  type SignupStatus,
  sessionIdOfAnswer,
  sessionTimeText,
} from '../domain/sessions';
import type { Settings, SignupField } from '../domain/settings-types';
import { signupReasonLines, signupStatusText, type TemplateValue } from '../domain/templates';
import { isBlank } from '../domain/text';
import type { MemberVersion } from '../domain/types';

type SignupTable = Table<KeysOf<typeof SIGNUPS>>;

function readOverride(table: SignupTable, row: Row): SignupStatus | null {
  return readSignupOverride(cellText(table.get(row, 'override')));
}

const DIRTY_KEY = 'sessions.dirty';
const CHOICES_KEY = 'signup.choices';
const NEXT_CHANGE_KEY = 'signup.nextChange';

// ---------------------------------------------------------------------------------------------
// Reading

export interface SessionsView {
  sessions: Map<string, Session>;
  problems: SessionProblem[];
  /** Session IDs of rows that cannot be read: their sign-ups wait (nothing decided from them). */
  badIds: Set<string>;
}

/** R32: the Sessions sheet read and checked; a bad row is marked in its Check cell. */
export function readSessionsSheet(book: Workbook): SessionsView {
  const table = book.table(SESSIONS);
  const rows = table.dataRows();
  const read = readSessions(
    rows.map((row) => ({
      row: row.rowNumber,
      cells: {
        sessionId: table.get(row, 'sessionId'),
        date: table.get(row, 'date'),
        start: table.get(row, 'start'),
        end: table.get(row, 'end'),
        titleJa: table.get(row, 'titleJa'),
        titleEn: table.get(row, 'titleEn'),
        topics: table.get(row, 'topics'),
        meetingUrl: table.get(row, 'meetingUrl'),
        capacity: table.get(row, 'capacity'),
        closesAt: table.get(row, 'closesAt'),
        status: table.get(row, 'status'),
      },
    })),
  );
  const byRow = new Map(read.problems.map((p) => [p.row, p]));
  for (const row of rows) {
    const p = byRow.get(row.rowNumber);
    table.set(row, 'check', p ? `${p.ja}\n${p.en}` : '');
  }
  const badIds = new Set(read.problems.map((p) => p.sessionId).filter((id) => id !== ''));
  // An ID used twice is bad on the later row only: its first row stands.
  for (const id of read.sessions.keys()) badIds.delete(id);
  return { ...read, badIds };
}

/** Staff hear once about each bad Sessions row (by row and session ID only, R27). */
function alertProblems(env: Env, view: SessionsView): void {
  for (const p of view.problems) {
    alertStaffOnce(env, `session-row:${p.en}`, {
      title: {
        ja: '回の一覧（Sessions）に読み取れない行があります',
        en: 'A row of the Sessions sheet cannot be read',
      },
      message: {
        ja: `${p.ja} この行を直すまで、この回の申し込みは判定せずに待たせます。`,
        en: `${p.en} Sign-ups for this session wait, undecided, until the row is corrected.`,
      },
    });
  }
}

/**
 * What the emails take from the Members sheet as it is now: the name and the email language.
 * The decision's facts (email, experience, foreign background) are read as of the sign-up
 * moment instead (memberAsOf, R34), never from here.
 */
interface MemberInfo {
  name: string;
  emailLanguage: string;
}

/** The members of the sign-ups an execution decides and emails, by canonical ID. */
interface SignupMembers {
  /** Reads ahead the members of these IDs together (one search; nothing when read whole). */
  prepare(ids: Iterable<string>): void;
  get(id: string): MemberInfo | undefined;
}

/** Every member, Members and Member history read whole (staff's changes, the daily job). */
function readSignupMembers(env: Env): SignupMembers {
  const table = env.book.table(MEMBERS);
  const out = new Map<string, MemberInfo>();
  for (const row of table.dataRows()) {
    const id = canonicalId(
      cellText(table.get(row, 'memberId')),
      env.settings.idPrefix,
      env.settings.idWidth,
    );
    if (!id) continue;
    out.set(id, {
      name: cellText(table.get(row, 'name')),
      emailLanguage: cellText(table.get(row, 'emailLanguage')),
    });
  }
  return { prepare: () => {}, get: (id) => out.get(id) };
}

/**
 * R34 reads the member as of the sign-up moment, from the member history (every registration
 * response with its time): the ID exists only if issued by then, and the email, experience and
 * foreign background are those of the latest registration at or before it.
 */
function memberAsOfIn(histories: Lookup<readonly MemberVersion[]>): MemberAsOf {
  return (id, at) => {
    const v = versionAsOf(histories.get(id), at);
    return v
      ? {
          id,
          email: v.email,
          // R34 asks for experience declared: an unreadable answer is not one.
          experience: v.experience === true,
          foreignBackground: v.foreignBackground,
        }
      : undefined;
  };
}

/**
 * Whether every sign-up of this session is held, so that counting them is right: always for a
 * table read whole; in lookup mode once its session ID was searched for.
 */
function holdsSession(table: SignupTable, sessionId: string): boolean {
  return table.holdsAll('sessionId', exactly(sessionId));
}

/** Lookup mode: every sign-up of these sessions looked up (one search for those not held yet). */
function holdSessions(table: SignupTable, sessionIds: Iterable<string>): void {
  if (!table.isPartial()) return;
  const missing = [...new Set(sessionIds)].filter((id) => id !== '' && !holdsSession(table, id));
  if (missing.length > 0) table.lookup('sessionId', missing.map(exactly));
}

/**
 * Issue #15: what a sign-up reads of the Sign-ups sheet, looked up in the same TextFinder search
 * as its member: its own row (an edit, a repeated event) and every sign-up of the session it names
 * (R34: DUPLICATE, SESSION_FULL, the waiting list), of each session not over yet and of each
 * session whose Sessions row cannot be read. Those are the only rows a sign-up can change or
 * email: promotions happen before a session starts, nothing is emailed once it has ended
 * (notifyChanges), the form's choices are the sessions not yet closed. A session that is over
 * changes only by staff edits, which the sweep (onEdit marks them) and the daily job take up,
 * reading the table whole, as they always did. A session named by no ID (an empty answer) cannot
 * be searched for: the table is read whole then.
 */
function signupSearches(
  env: Env,
  view: SessionsView,
  table: SignupTable,
  responseId: string,
  sessionId: string,
): Search[] {
  if (sessionId === '') table.dataRows();
  const ids = new Set([sessionId, ...view.badIds]);
  for (const s of view.sessions.values()) if (env.now < s.endsAt) ids.add(s.id);
  ids.delete('');
  const t = table as Table<string>;
  return [
    { table: t, key: 'responseId', patterns: [exactly(responseId)] },
    { table: t, key: 'sessionId', patterns: [...ids].map(exactly) },
  ];
}

function othersOf(table: SignupTable, settings: Settings): OtherSignup[] {
  return table.held().map((row) => ({
    responseId: cellText(table.get(row, 'responseId')),
    submittedAt: cellMs(table.get(row, 'submittedAt')) ?? 0,
    memberId:
      canonicalId(cellText(table.get(row, 'memberId')), settings.idPrefix, settings.idWidth) ??
      null,
    sessionId: cellText(table.get(row, 'sessionId')),
    status: (cellText(table.get(row, 'status')) || 'REJECTED') as SignupStatus,
  }));
}

function rowOf(table: SignupTable, responseId: string): Row | undefined {
  return table
    .lookup('responseId', [exactly(responseId)])
    .find((r) => cellText(table.get(r, 'responseId')) === responseId);
}

// ---------------------------------------------------------------------------------------------
// The sign-up form (R33, R34)

export function processSignup(
  env: Env,
  response: GoogleAppsScript.Forms.FormResponse,
  form: GoogleAppsScript.Forms.Form | null,
): void {
  const answers = readResponse(response, form);
  const { values, missingTitles } = mapFields<SignupField>(answers, env.settings.signupFields);
  for (const title of missingTitles) {
    alertStaffOnce(env, `missing-question:signup:${title}`, {
      title: {
        ja: '相談会申込フォームに設問がありません',
        en: 'A question is missing from the sign-up form',
      },
      message: {
        ja: `相談会申込フォームに「${title}」という設問がありません。設問名を元に戻すか、設定シートのフィールド対応を変更してください。（回答 ${answers.responseId}）`,
        en: `The sign-up form has no question titled "${title}". Rename the question back or change the field map in Settings. (response ${answers.responseId})`,
      },
    });
  }
  // Sessions is opened (and so written) before Sign-ups: if a write fails half-way, the
  // sign-up's own row is the part missing, and the sweep does the whole sign-up again.
  const view = readSessionsSheet(env.book);
  // Issue #15: a submission reads what its decision needs, not the history. Sessions is small and
  // read whole; of Sign-ups, Members and Member history only the rows found by key, in one
  // TextFinder search: the sign-ups signupSearches names, and the Members and Member history rows
  // of the ID it names (and, in settle, of the sign-ups it emails), as an application's members
  // are (memberWorld). Where the sweep already read a table whole, its rows are filtered instead.
  const table = env.book.lookupTable(SIGNUPS) ?? env.book.table(SIGNUPS);
  const sessionId = sessionIdOfAnswer(values.session);
  const world = memberWorld(env, 'members');
  const named = isBlank(values.memberId)
    ? ''
    : (canonicalId(values.memberId, env.settings.idPrefix, env.settings.idWidth) ?? '');
  env.book.search([
    ...signupSearches(env, view, table, answers.responseId, sessionId),
    ...world.searches([named]),
  ]);
  const existing = rowOf(table, answers.responseId);
  if (existing && sameVersion(cellMs(table.get(existing, 'lastResponseAt')), answers.timestamp)) {
    env.log.add({ action: 'SIGNUP_DUPLICATE_EVENT', responseId: answers.responseId });
    return;
  }
  alertProblems(env, view);
  if (view.badIds.has(sessionId)) {
    // Nothing is decided from a bad row: the sign-up is left for the sweep once it is fixed.
    env.log.add({
      action: 'SIGNUP_WAITS_FOR_SESSION_ROW',
      responseId: answers.responseId,
      detail: sessionId,
    });
    return;
  }
  if (existing) {
    const same =
      cellText(table.get(existing, 'memberIdAnswer')) === values.memberId &&
      cellText(table.get(existing, 'sessionAnswer')) === values.session &&
      cellText(table.get(existing, 'purposeAnswer')) === values.purpose &&
      cellText(table.get(existing, 'respondentEmail')) === answers.email;
    table.set(existing, 'lastResponseAt', new Date(answers.timestamp));
    if (same) {
      env.log.add({ action: 'SIGNUP_EDITED_UNCHANGED', responseId: answers.responseId });
      return;
    }
  }
  // An edit that changes the answers is a new sign-up as of the edit: it joins the end of the
  // order and gives up the place it held (which may then go to the waiting list).
  const row =
    existing ??
    table.append({ responseId: answers.responseId, lastResponseAt: new Date(answers.timestamp) });
  const before = existing ? cellText(table.get(existing, 'sessionId')) : '';
  table.set(row, 'submittedAt', new Date(answers.timestamp));
  table.set(row, 'respondentEmail', answers.email);
  table.set(row, 'memberIdAnswer', values.memberId);
  table.set(row, 'sessionAnswer', values.session);
  table.set(row, 'purposeAnswer', values.purpose);
  table.set(row, 'status', '');
  const members: SignupMembers = {
    prepare: (ids) => world.prepare(ids),
    get: (id) => world.members.get(id),
  };
  const decision = decideSignup(
    {
      responseId: answers.responseId,
      submittedAt: answers.timestamp,
      respondentEmail: answers.email,
      memberIdAnswer: values.memberId,
      sessionAnswer: values.session,
      purposeAnswer: values.purpose,
    },
    {
      settings: env.settings,
      sessions: view.sessions,
      memberAsOf: memberAsOfIn(world.facts().histories),
      others: othersOf(table, env.settings).filter((o) => o.responseId !== answers.responseId),
    },
  );
  const confirmed =
    decision.memberId !== null &&
    !decision.reasons.includes('UNKNOWN_ID') &&
    !decision.reasons.includes('NOT_SELF');
  table.set(row, 'memberId', decision.memberId ?? '');
  table.set(row, 'name', confirmed ? (members.get(decision.memberId!)?.name ?? '') : '');
  table.set(row, 'sessionId', decision.sessionId);
  table.set(row, 'autoStatus', decision.status);
  table.set(row, 'status', readOverride(table, row) ?? decision.status);
  table.set(row, 'reasons', decision.reasons.join(' '));
  table.set(row, 'decidedAt', new Date(env.now));
  env.log.add({
    action: existing ? 'SIGNUP_REDECIDED' : 'SIGNUP_DECIDED',
    responseId: answers.responseId,
    memberId: decision.memberId ?? '',
    change: `→ ${decision.status}`,
    detail: [decision.sessionId, ...decision.reasons].join(' '),
  });
  if (!view.sessions.has(decision.sessionId)) {
    // The answer names no session of the Sessions sheet: its first word is no session ID, so
    // the form's choices were edited by hand (the script keeps them, R33) or a Sessions row was
    // deleted. The choices are written back now (settle, below), and staff hear once.
    env.props.delete(CHOICES_KEY);
    alertStaffOnce(env, 'signup-unknown-session', {
      title: {
        ja: '相談会の申し込みが、どの回も指していません',
        en: 'A sign-up names no session',
      },
      message: {
        ja: `相談会の申し込み（回答 ${answers.responseId}）の「参加する回」の回答が、回のIDで始まっていません。フォームの回の選択肢が手で編集されたか、Sessions シートの行が削除されたようです。スクリプトが選択肢を書き直しました（選択肢を編集するときは、先頭の回のIDを残してください）。この申し込みは「締切」（SESSION_CLOSED）としてお断りしています。受付中の回のつもりだった場合は、もう一度申し込んでもらうか、「事務局判定」で決めてください。`,
        en: `A sign-up (response ${answers.responseId}) names no session: its session answer does not start with a session ID. The form's session choices seem to have been edited by hand, or a Sessions row deleted. The script has written the choices back (when editing a choice, keep the session ID first). The sign-up was refused as closed (SESSION_CLOSED); if the member meant an open session, ask them to sign up again or set a staff override.`,
      },
    });
  } else rearmAlerts(env, ['signup-unknown-session']);
  const touched = new Set([decision.sessionId]);
  if (before !== '' && before !== decision.sessionId) {
    touched.add(before);
    // R35: a move to another session is told like a new sign-up (its confirmation with the
    // meeting URL, then its reminder), even when the status stays ACCEPTED.
    table.set(row, 'notified', '');
    table.set(row, 'reminderSentAt', '');
  }
  settle(env, view, table, members, touched, form);
}

// ---------------------------------------------------------------------------------------------
// Keeping everything in step: overrides, promotions, emails, counts, the form's choices

/**
 * Applies staff overrides, promotes from the waiting list where places are free, emails every
 * sign-up whose status changed since it was last told, writes the counts into Sessions and
 * keeps the form's choices in step. `only` limits promotions to some sessions.
 */
function settle(
  env: Env,
  view: SessionsView,
  table: SignupTable,
  members: SignupMembers,
  only: Set<string> | null | 'held',
  form: GoogleAppsScript.Forms.Form | null = null,
): void {
  // Every session (null) needs every row; 'held': every session, with the rows of the sessions
  // that can still change held (updateSessions by key: promotions happen only before a session
  // starts, and those sessions are all held); some sessions, every row of each (a sign-up moved
  // from a session that is over: its count changes). Rows of other sessions held in lookup mode
  // are settled each on its own, as they would be in a table read whole.
  const sessionIds =
    only === null || only === 'held' ? null : [...only].filter((id) => view.sessions.has(id));
  if (only === null) table.dataRows();
  else if (sessionIds !== null) holdSessions(table, sessionIds);
  // Staff overrides win over the automatic status (and are kept with their note).
  for (const row of table.held()) {
    if (cellText(table.get(row, 'responseId')) === '') continue;
    const override = readOverride(table, row);
    const auto = (cellText(table.get(row, 'autoStatus')) || 'REJECTED') as SignupStatus;
    const status = override ?? auto;
    const was = cellText(table.get(row, 'status'));
    if (was !== status && was !== '') {
      table.set(row, 'status', status);
      env.log.add({
        action: override ? 'SIGNUP_OVERRIDE' : 'SIGNUP_OVERRIDE_REMOVED',
        responseId: cellText(table.get(row, 'responseId')),
        memberId: cellText(table.get(row, 'memberId')),
        change: `${was} → ${status}`,
      });
    }
  }
  // R34: free places go to the waiting list in sign-up order, before the session starts. A
  // sign-up staff keep on the waiting list by override is not moved.
  const others = othersOf(table, env.settings);
  const byId = new Map(table.held().map((r) => [cellText(table.get(r, 'responseId')), r]));
  for (const session of view.sessions.values()) {
    if (only instanceof Set && !only.has(session.id)) continue;
    const movable = others.filter((o) => {
      const row = byId.get(o.responseId);
      return row !== undefined && readOverride(table, row) === null;
    });
    const held = others.filter((o) => !movable.includes(o));
    // Places held by staff decisions count; only movable waiting sign-ups move up.
    const candidates = [
      ...movable,
      ...held.map((o) => (o.status === 'WAITLISTED' ? { ...o, status: 'REJECTED' as const } : o)),
    ];
    for (const id of promotions(session, candidates, env.now)) {
      const row = byId.get(id)!;
      table.set(row, 'autoStatus', 'ACCEPTED');
      table.set(row, 'status', 'ACCEPTED');
      table.set(row, 'reasons', '');
      table.set(row, 'decidedAt', new Date(env.now));
      const o = others.find((x) => x.responseId === id)!;
      o.status = 'ACCEPTED';
      env.log.add({
        action: 'SIGNUP_PROMOTED',
        responseId: id,
        memberId: cellText(table.get(row, 'memberId')),
        change: 'WAITLISTED → ACCEPTED',
        detail: session.id,
      });
    }
  }
  notifyChanges(env, view, table, members);
  writeCounts(env, view, table);
  syncSignupForm(env.settings, env.props, env.now, form, view, table);
}

/** R35: each sign-up hears its status once per change; the meeting URL only when accepted. */
function notifyChanges(
  env: Env,
  view: SessionsView,
  table: SignupTable,
  members: SignupMembers,
): void {
  const changed = table.held().filter((row) => {
    const status = cellText(table.get(row, 'status'));
    return status !== '' && cellText(table.get(row, 'notified')) !== status;
  });
  // The members of the sign-ups that may be emailed now, looked up together.
  members.prepare(
    changed
      .filter((row) => {
        const session = view.sessions.get(cellText(table.get(row, 'sessionId')));
        return !session || env.now < session.endsAt;
      })
      .map((row) => cellText(table.get(row, 'memberId'))),
  );
  for (const row of changed) {
    const status = cellText(table.get(row, 'status')) as SignupStatus;
    const told = cellText(table.get(row, 'notified'));
    table.set(row, 'notified', status);
    const session = view.sessions.get(cellText(table.get(row, 'sessionId')));
    // After the session, a status change (staff tidying up) is recorded, not emailed.
    if (session && env.now >= session.endsAt) continue;
    let key: string;
    if (status === 'ACCEPTED') key = told === 'WAITLISTED' ? 'signup.promoted' : 'signup.accepted';
    else if (status === 'WAITLISTED') key = 'signup.waitlisted';
    else if (status === 'CANCELLED') key = 'signup.cancelled';
    else key = 'signup.rejected';
    if (status === 'CANCELLED') withdrawQueuedReminder(env, cellText(table.get(row, 'responseId')));
    if (status === 'CANCELLED' && told !== 'ACCEPTED' && told !== 'WAITLISTED') continue;
    sendSignupMail(env, table, row, session, members, key, status);
  }
}

/**
 * R35 "never after a cancellation": a reminder still waiting in the Outbox (the quota held it
 * back) is withdrawn when staff cancel the participant.
 */
function withdrawQueuedReminder(env: Env, responseId: string): void {
  const outbox = env.book.table(OUTBOX);
  for (const row of outbox.dataRows()) {
    if (
      cellText(outbox.get(row, 'status')) === 'QUEUED' &&
      cellText(outbox.get(row, 'kind')) === 'session-reminder' &&
      cellText(outbox.get(row, 'ref')) === responseId
    ) {
      outbox.set(row, 'status', 'WITHDRAWN');
      setPendingCount(env.props, Math.max(0, readPendingCount(env.props) - 1));
      env.log.add({ action: 'MAIL_WITHDRAWN', responseId, detail: 'session reminder: cancelled' });
    }
  }
}

function sendSignupMail(
  env: Env,
  table: SignupTable,
  row: Row,
  session: Session | undefined,
  members: SignupMembers,
  key: string,
  status: SignupStatus,
): void {
  const reasons = cellText(table.get(row, 'reasons'))
    .split(/\s+/)
    .filter((c): c is SignupReason => (SIGNUP_REASON_CODES as readonly string[]).includes(c));
  // The member's name and language only when the sign-up came from the member (R6 spirit:
  // a NOT_SELF reply never shows the member's name or uses their language).
  const confirmed = !reasons.includes('NOT_SELF') && !reasons.includes('UNKNOWN_ID');
  const memberId = cellText(table.get(row, 'memberId'));
  const member = confirmed ? members.get(memberId) : undefined;
  const responseId = cellText(table.get(row, 'responseId'));
  const vars: Record<string, TemplateValue> = {
    name: member?.name || { ja: 'お申し込みの方', en: 'applicant' },
    memberId: memberId || cellText(table.get(row, 'memberIdAnswer')),
    responseId,
    sessionId: session?.id ?? cellText(table.get(row, 'sessionAnswer')),
    sessionTitle: session ? { ja: session.titleJa, en: session.titleEn } : '',
    sessionTime: session ? sessionTimeText(session) : '',
    meetingUrl: status === 'ACCEPTED' && session ? session.meetingUrl : '',
    status: signupStatusText(status),
    reasons: signupReasonLines(reasons),
  };
  const mail = renderFor(env, key, member?.emailLanguage ?? '', vars);
  env.mailer.queue({
    ...mail,
    to: cellText(table.get(row, 'respondentEmail')),
    kind: key === 'signup.reminder' ? 'session-reminder' : 'signup',
    ref: responseId,
    // "Notified" or "Reminder sent" in this row says it went (R35: once).
    marked: () => table.isWritten(row),
  });
}

function writeCounts(env: Env, view: SessionsView, table: SignupTable): void {
  const accepted = new Map<string, number>();
  const waiting = new Map<string, number>();
  for (const row of table.held()) {
    const id = cellText(table.get(row, 'sessionId'));
    const status = cellText(table.get(row, 'status'));
    if (status === 'ACCEPTED') accepted.set(id, (accepted.get(id) ?? 0) + 1);
    if (status === 'WAITLISTED') waiting.set(id, (waiting.get(id) ?? 0) + 1);
  }
  const sessions = env.book.table(SESSIONS);
  for (const row of sessions.dataRows()) {
    const id = canonicalSessionId(cellText(sessions.get(row, 'sessionId')));
    if (!view.sessions.has(id) || view.sessions.get(id)!.row !== row.rowNumber) continue;
    // A session whose sign-ups were not all read (over, in a sign-up's execution) keeps its
    // counts: only staff edits change them now, and the sweep or the daily job writes them.
    if (!holdsSession(table, id)) continue;
    sessions.set(row, 'accepted', accepted.get(id) ?? 0);
    sessions.set(row, 'waitlisted', waiting.get(id) ?? 0);
  }
}

/** A small string hash, to notice a change of the choices with one Properties read. */
function hashOf(text: string): string {
  let h = 5381;
  for (let i = 0; i < text.length; i++) h = ((h * 33) ^ text.charCodeAt(i)) >>> 0;
  return `${text.length}:${h.toString(36)}`;
}

/**
 * R33: the form's session choices are the open sessions that have not closed (a full one is
 * marked, and still takes sign-ups for the waiting list). The form is only touched when the
 * choices changed; the next closing time is remembered so the sweep knows when to look again.
 */
export function syncSignupForm(
  settings: Settings,
  props: ScriptProps,
  now: number,
  form: GoogleAppsScript.Forms.Form | null,
  view: SessionsView,
  table: SignupTable,
): boolean {
  if (!settings.signupFormUrl) return false;
  // The choices count the places taken in the sessions still open (all held in lookup mode).
  holdSessions(
    table,
    [...view.sessions.values()].filter((s) => isOpenForSignup(s, now)).map((s) => s.id),
  );
  const accepted = new Map<string, number>();
  for (const row of table.held()) {
    if (cellText(table.get(row, 'status')) !== 'ACCEPTED') continue;
    const id = cellText(table.get(row, 'sessionId'));
    accepted.set(id, (accepted.get(id) ?? 0) + 1);
  }
  const wanted = openChoices(view.sessions.values(), now, accepted);
  const next = nextClosing(view.sessions.values(), now);
  const nextText = next === null ? '' : String(next);
  if ((props.get(NEXT_CHANGE_KEY) ?? '') !== nextText) {
    if (nextText === '') props.delete(NEXT_CHANGE_KEY);
    else props.set(NEXT_CHANGE_KEY, nextText);
  }
  const hash = hashOf(`${settings.signupFormUrl}\n${wanted.join('\n')}`);
  if (props.get(CHOICES_KEY) === hash) return false;
  const f = form ?? openFormByUrl(settings.signupFormUrl, 'Sign-up form / 相談会申込フォーム');
  const item = findItem(
    f.getItems(),
    settings.signupFields.session,
    new Set([settings.signupFields.memberId, settings.signupFields.purpose].map(normalizeTitle)),
  );
  if (!item) return false; // set-up reports the missing question
  const type = String(item.getType());
  if (type === 'LIST') item.asListItem().setChoiceValues(wanted);
  else if (type === 'MULTIPLE_CHOICE') item.asMultipleChoiceItem().setChoiceValues(wanted);
  else return false;
  props.set(CHOICES_KEY, hash);
  return true;
}

// ---------------------------------------------------------------------------------------------
// Staff changes, the daily job, attendance

/**
 * Issue #15: which sessions a staff edit touched, so that the job taking it up reads their
 * sign-ups and not the history: the marks the simple onEdit trigger leaves in Script Properties,
 * one key per session (two edits at once cannot overwrite each other's mark). "All" when the
 * edit cannot be narrowed to sessions: a header, more than MAX_MARKED_ROWS rows, a Session ID or
 * a Sign-ups Bansou Net ID changed (the old value is not known: the sign-ups it moved away from,
 * the member whose attendance it changed), a sheet whose columns cannot be found.
 */
const DIRTY_ALL_KEY = 'sessions.dirty.all';
const DIRTY_SESSION_PREFIX = 'sessions.dirty.session.';
/** The fiscal year whose attendance counts Members holds (R36): a new year reads whole once. */
const ATTENDANCE_FY_KEY = 'sessions.attendanceFy';
const MAX_MARKED_ROWS = 50;

/** The session IDs of the rows an edit of Sessions or Sign-ups touched; null: all. */
function editedSessions(range: GoogleAppsScript.Spreadsheet.Range): string[] | null {
  const sheet = range.getSheet();
  const spec = sheet.getName() === SIGNUPS.name ? SIGNUPS : SESSIONS;
  const first = range.getRow();
  const count = range.getNumRows();
  if (first < 2 || count > MAX_MARKED_ROWS) return null;
  const header = sheet.getSheetValues(1, 1, 1, -1)[0] ?? [];
  const columns = columnIndexes(header, spec as TableSpec<string>);
  const idColumn = columns.get('sessionId');
  if (idColumn === undefined) return null;
  const left = range.getColumn();
  const right = left + range.getNumColumns() - 1;
  const keys = spec === SIGNUPS ? [idColumn, columns.get('memberId')] : [idColumn];
  if (keys.some((c) => c === undefined || (c + 1 >= left && c + 1 <= right))) return null;
  const ids = sheet
    .getSheetValues(first, idColumn + 1, count, 1)
    .map((r) => canonicalSessionId(cellText(r[0])))
    .filter((id) => id !== '');
  return [...new Set(ids)];
}

/**
 * Simple onEdit: a staff edit of Sessions or Sign-ups is taken up by the next sweep (or "Update
 * sessions now"), which reads the sign-ups of the sessions it touched (editedSessions).
 */
export function markSessionsChanged(range?: GoogleAppsScript.Spreadsheet.Range): void {
  const now = String(Date.now());
  const marks: Record<string, string> = {};
  let ids: string[] | null = null;
  try {
    ids = range ? editedSessions(range) : null;
  } catch (_e) {
    ids = null; // not narrowed: everything is read, as before
  }
  if (ids === null) marks[DIRTY_ALL_KEY] = now;
  else for (const id of ids) marks[DIRTY_SESSION_PREFIX + id] = now;
  marks[DIRTY_KEY] = now;
  PropertiesService.getScriptProperties().setProperties(marks, false);
}

/** Whether the sweep should bring sessions up to date (a staff edit, or a closing time passed). */
export function sessionsNeedUpdate(env: Env): boolean {
  if (env.props.get(DIRTY_KEY) !== null) return true;
  const next = Number(env.props.get(NEXT_CHANGE_KEY) ?? '');
  return next > 0 && env.now >= next;
}

/**
 * The staff edits a run took up, kept until its changes are written (whenCommitted): when that run
 * fails or is killed, the next daily job takes them up (the hourly sweep does not, so a write that
 * keeps failing does not stop it every hour). Not under DIRTY_KEY: it marks nothing for the sweep.
 */
const TAKEN_KEY = 'sessions.editsTakenUp';

interface Marks {
  all: boolean;
  sessions: string[];
}

function readTaken(value: string | null): Marks {
  try {
    const m = JSON.parse(value ?? '') as Partial<Marks>;
    return {
      all: m.all === true,
      sessions: Array.isArray(m.sessions) ? m.sessions.map(String) : [],
    };
  } catch (_e) {
    return { all: value !== null, sessions: [] }; // unreadable: everything, to be safe
  }
}

/**
 * The staff edits marked so far (every key from DIRTY_KEY on), their marks removed as the one mark
 * was before (an edit from now on marks again); the daily job also takes up those of runs that
 * failed since (TAKEN_KEY).
 */
function takeMarks(env: Env, daily: boolean): Marks {
  const marks = env.props.withPrefix(DIRTY_KEY);
  const keys = Object.keys(marks);
  const mine: Marks = {
    all: marks[DIRTY_ALL_KEY] !== undefined,
    sessions: keys
      .filter((k) => k.startsWith(DIRTY_SESSION_PREFIX))
      .map((k) => k.slice(DIRTY_SESSION_PREFIX.length)),
  };
  for (const key of keys) env.props.delete(key);
  const before = env.props.get(TAKEN_KEY);
  const earlier = readTaken(before);
  const union: Marks = {
    all: mine.all || earlier.all,
    sessions: [...new Set([...earlier.sessions, ...mine.sessions])],
  };
  let text = JSON.stringify(union);
  if (text.length > 8000) text = JSON.stringify({ all: true, sessions: [] });
  if (keys.length > 0 && text !== before) env.props.set(TAKEN_KEY, text);
  if (keys.length > 0 || (daily && before !== null))
    whenCommitted(env, () => {
      if (daily || before === null) env.props.delete(TAKEN_KEY);
      else if (env.props.get(TAKEN_KEY) !== before) env.props.set(TAKEN_KEY, before);
    });
  return daily ? readTaken(text) : mine;
}

export interface SessionsUpdate {
  reminders: number;
  lists: number;
  problems: number;
}

/**
 * Brings everything in step after staff changes (menu, sweep) and, with `daily`, sends the
 * reminders and participant lists that are due (the daily trigger, R35) and counts attendance
 * (R36).
 *
 * Issue #15: what can still change is read, not the history (keyedSignups): the sign-ups of the
 * sessions not over, of unreadable Sessions rows and of the sessions staff edits touched, and
 * the Members rows of their members. Sign-ups and Members are read whole, as before, when an
 * edit could not be narrowed to sessions and on the first run of a fiscal year (R36: every
 * member's count of the year before goes back to 0).
 */
export function updateSessions(env: Env, daily: boolean): SessionsUpdate {
  const marks = takeMarks(env, daily);
  const view = readSessionsSheet(env.book);
  alertProblems(env, view);
  const fiscalYear = String(fiscalYearOf(dayOf(env.now)));
  const whole = marks.all || env.props.get(ATTENDANCE_FY_KEY) !== fiscalYear;
  const result = { reminders: 0, lists: 0, problems: view.problems.length };
  if (whole) {
    const table = env.book.table(SIGNUPS);
    const members = readSignupMembers(env);
    settle(env, view, table, members, null);
    if (daily) Object.assign(result, sendDue(env, view, table, members));
    countAttendance(env, view, table);
    // Known once the counts are written: until then every run reads whole.
    if (env.props.get(ATTENDANCE_FY_KEY) !== fiscalYear)
      whenCommitted(env, () => env.props.set(ATTENDANCE_FY_KEY, fiscalYear));
    return result;
  }
  const { table, members } = keyedSignups(env, view, marks.sessions);
  settle(env, view, table, members, 'held');
  if (daily) Object.assign(result, sendDue(env, view, table, members));
  countAttendanceOf(env, view, table, members);
  return result;
}

/** The members of the sign-ups updateSessions reads by key, with their Members rows. */
interface KeyedMembers extends SignupMembers {
  /** The members whose every sign-up is held (their attendance is counted again). */
  readonly counted: ReadonlySet<string>;
  rowsOf(id: string): Row[];
  readonly table: Table<KeysOf<typeof MEMBERS>>;
}

/**
 * Issue #15: the Sign-ups rows of the sessions that can still change — each not over (its end
 * not passed: promotions, emails, reminders, lists), each whose Sessions row cannot be read (its
 * sign-ups wait), each a staff edit touched (an override, a cancellation, attendance ticked after
 * the session) — in one TextFinder search; then, in a second, the Members rows of their members
 * (names and languages for the emails; R36's count) and every sign-up of those members (R36
 * counts a member's sessions of the fiscal year, which may be over and not read otherwise).
 */
function keyedSignups(
  env: Env,
  view: SessionsView,
  marked: readonly string[],
): { table: SignupTable; members: KeyedMembers } {
  const table = env.book.lookupTable(SIGNUPS) ?? env.book.table(SIGNUPS);
  const ids = new Set([...view.badIds, ...marked]);
  for (const s of view.sessions.values()) if (env.now < s.endsAt) ids.add(s.id);
  ids.delete('');
  holdSessions(table, ids);
  const { idPrefix, idWidth } = env.settings;
  // Only canonical IDs are members (readSignupMembers keys them so, get() is asked the cell).
  const named = new Set<string>();
  for (const row of table.held()) {
    if (!ids.has(canonicalSessionId(cellText(table.get(row, 'sessionId'))))) continue;
    const id = cellText(table.get(row, 'memberId'));
    if (id !== '' && canonicalId(id, idPrefix, idWidth) === id) named.add(id);
  }
  const membersTable = env.book.lookupTable(MEMBERS) ?? env.book.table(MEMBERS);
  const info = new Map<string, MemberInfo>();
  const rows = new Map<string, Row[]>();
  const asked = new Set<string>();
  const lookUp = (wanted: Iterable<string>, withSignups: boolean) => {
    const todo = [...new Set(wanted)].filter(
      (id) => id !== '' && !asked.has(id) && canonicalId(id, idPrefix, idWidth) === id,
    );
    if (todo.length === 0) return;
    for (const id of todo) asked.add(id);
    env.book.search([
      {
        table: membersTable as Table<string>,
        key: 'memberId',
        patterns: todo.map((id) => memberIdPattern(id, idPrefix)),
      },
      ...(withSignups
        ? [{ table: table as Table<string>, key: 'memberId', patterns: todo.map(exactly) }]
        : []),
    ]);
    const wantedSet = new Set(todo);
    for (const row of membersTable.held()) {
      const id = canonicalId(cellText(membersTable.get(row, 'memberId')), idPrefix, idWidth);
      if (!id || !wantedSet.has(id)) continue;
      const list = rows.get(id) ?? [];
      if (!list.includes(row)) list.push(row);
      rows.set(id, list);
      info.set(id, {
        name: cellText(membersTable.get(row, 'name')),
        emailLanguage: cellText(membersTable.get(row, 'emailLanguage')),
      });
    }
  };
  lookUp(named, true);
  return {
    table,
    members: {
      counted: named,
      table: membersTable,
      rowsOf: (id) => rows.get(id) ?? [],
      prepare: (wanted) => lookUp(wanted, false),
      get: (id) => info.get(id),
    },
  };
}

/** R35: the day before, once: each accepted participant's reminder and the staff's list. */
function sendDue(
  env: Env,
  view: SessionsView,
  table: SignupTable,
  members: SignupMembers,
): { reminders: number; lists: number } {
  let reminders = 0;
  let lists = 0;
  const sessionsTable = env.book.table(SESSIONS);
  let sheetUrl: string | undefined; // one round trip, however many lists go out
  for (const session of view.sessions.values()) {
    if (!reminderDue(session, env.now)) continue;
    // By key, the sessions not started are all held (keyedSignups); a table read whole holds all.
    holdSessions(table, [session.id]);
    const rows = table
      .held()
      .filter((r) => cellText(table.get(r, 'sessionId')) === session.id)
      .sort(
        (a, b) =>
          (cellMs(table.get(a, 'submittedAt')) ?? 0) - (cellMs(table.get(b, 'submittedAt')) ?? 0),
      );
    const accepted = rows.filter((r) => cellText(table.get(r, 'status')) === 'ACCEPTED');
    for (const row of accepted) {
      if (cellText(table.get(row, 'reminderSentAt')) !== '') continue;
      table.set(row, 'reminderSentAt', new Date(env.now));
      sendSignupMail(env, table, row, session, members, 'signup.reminder', 'ACCEPTED');
      reminders++;
    }
    const sessionRow = sessionsTable.dataRows().find((r) => r.rowNumber === session.row);
    if (!sessionRow || cellText(sessionsTable.get(sessionRow, 'listSentAt')) !== '') continue;
    sessionsTable.set(sessionRow, 'listSentAt', new Date(env.now));
    const line = (r: Row) => {
      const purpose =
        readPurpose(cellText(table.get(r, 'purposeAnswer'))) === 'training'
          ? '研修 / training'
          : '参加 / participation';
      // IDs only (R27): the names are in the Sign-ups sheet the email links to.
      return `${cellText(table.get(r, 'memberId'))}  (${purpose})`;
    };
    const waiting = rows.filter((r) => cellText(table.get(r, 'status')) === 'WAITLISTED');
    const none = { ja: 'なし', en: 'none' };
    sheetUrl ??= env.book.ss.getUrl();
    const mail = renderFor(env, 'sessions.participants', 'both', {
      sessionId: session.id,
      sessionTitle: { ja: session.titleJa, en: session.titleEn },
      sessionTime: sessionTimeText(session),
      meetingUrl: session.meetingUrl,
      capacity: String(session.capacity),
      count: String(accepted.length),
      participants: accepted.length ? accepted.map(line) : none,
      waitlisted: waiting.length ? waiting.map(line) : none,
      sheetUrl,
    });
    env.mailer.queue({
      ...mail,
      to: env.settings.staffEmail,
      kind: 'sessions',
      ref: session.id,
      marked: () => sessionsTable.isWritten(sessionRow), // "Participant list sent"
    });
    lists++;
    env.log.add({
      action: 'SESSION_LIST_SENT',
      detail: `${session.id}: ${accepted.length} participants, ${waiting.length} waiting`,
    });
  }
  if (reminders > 0) env.log.add({ action: 'SESSION_REMINDERS', detail: `${reminders} sent` });
  return { reminders, lists };
}

/**
 * R36 by key (issue #15): the count of each member named by the sign-ups of the sessions that
 * can still change (KeyedMembers.counted), from every sign-up of that member (held: looked up by
 * member ID), written in their Members rows as countAttendance writes it. A member named by no
 * such sign-up keeps the count written before: it changes only when their sign-ups do (an
 * edit marks its session), when a Sessions row changes (marked too) and when the fiscal year
 * does (updateSessions reads whole then).
 */
function countAttendanceOf(
  env: Env,
  view: SessionsView,
  table: SignupTable,
  members: KeyedMembers,
): void {
  const attended: { memberId: string; day: string }[] = [];
  for (const row of table.held()) {
    const memberId = cellText(table.get(row, 'memberId'));
    if (!members.counted.has(memberId) || !cellBool(table.get(row, 'attended'))) continue;
    const session = view.sessions.get(cellText(table.get(row, 'sessionId')));
    if (session) attended.push({ memberId, day: session.day });
  }
  const counts = attendedCounts(attended, fiscalYearOf(dayOf(env.now)));
  const sheet = members.table;
  for (const id of members.counted) {
    // Every sign-up of the member was looked up (a whole table holds them all).
    if (!table.holdsAll('memberId', exactly(id))) continue;
    const n = counts.get(id) ?? 0;
    for (const row of members.rowsOf(id)) {
      const cell = sheet.get(row, 'sessionsAttended');
      if (n === 0 && (cell === '' || cell === 0)) continue;
      sheet.set(row, 'sessionsAttended', n);
    }
  }
}

/** R36: sessions attended this fiscal year, per member, in the Members sheet. */
function countAttendance(env: Env, view: SessionsView, table: SignupTable): void {
  const attended: { memberId: string; day: string }[] = [];
  for (const row of table.dataRows()) {
    if (!cellBool(table.get(row, 'attended'))) continue;
    const session = view.sessions.get(cellText(table.get(row, 'sessionId')));
    const memberId = cellText(table.get(row, 'memberId'));
    if (session && memberId) attended.push({ memberId, day: session.day });
  }
  const counts = attendedCounts(attended, fiscalYearOf(dayOf(env.now)));
  const members = env.book.table(MEMBERS);
  for (const row of members.dataRows()) {
    const id = canonicalId(
      cellText(members.get(row, 'memberId')),
      env.settings.idPrefix,
      env.settings.idWidth,
    );
    if (!id) continue;
    const n = counts.get(id) ?? 0;
    const cell = members.get(row, 'sessionsAttended');
    if (n === 0 && (cell === '' || cell === 0)) continue;
    members.set(row, 'sessionsAttended', n);
  }
}

// ---------------------------------------------------------------------------------------------
// Set-up

/**
 * Set-up (menu): the Sign-ups sheet's override dropdown and attendance checkboxes, a warning
 * before hand edits of what the script writes, and the sign-up form's choices (R33).
 */
export function prepareSessionSheets(
  book: Workbook,
  settings: Settings,
  form: GoogleAppsScript.Forms.Form | null,
): string[] {
  const done: string[] = [];
  const table = book.table(SIGNUPS);
  const sheet = table.sheet;
  const rows = sheet.getMaxRows() - 1;
  sheet
    .getRange(2, table.columnNumber('override'), rows, 1)
    .setDataValidation(
      SpreadsheetApp.newDataValidation()
        .requireValueInList(SIGNUP_OVERRIDE_CHOICES, true)
        .setAllowInvalid(false)
        .build(),
    );
  sheet
    .getRange(2, table.columnNumber('attended'), rows, 1)
    .setDataValidation(SpreadsheetApp.newDataValidation().requireCheckbox().build());
  if (sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET).length === 0) {
    const p = sheet
      .protect()
      .setDescription(
        'Decisions are written by the script; override, note and attendance are yours / 判定はスクリプトが記入します',
      );
    p.setWarningOnly(true);
    const maxRows = sheet.getMaxRows();
    p.setUnprotectedRanges(
      (['override', 'note', 'attended'] as const).map((k) =>
        sheet.getRange(1, table.columnNumber(k), maxRows, 1),
      ),
    );
  }
  const view = readSessionsSheet(book);
  for (const p of view.problems) done.push(`${p.en} / ${p.ja}`);
  if (settings.signupFormUrl && form) {
    const props = new ScriptProps();
    // Set-up always writes the choices: staff may have edited the form by hand.
    props.delete(CHOICES_KEY);
    if (syncSignupForm(settings, props, Date.now(), form, view, table))
      done.push(
        'Sign-up form: session choices updated. / 申込フォームの回の選択肢を更新しました。',
      );
  }
  return done;
}

// RULES §8 (R32–R36): online consultation sessions. A Sessions row read and checked (R32),
// a sign-up decided as of its submission moment (R34), waitlist promotion in sign-up order,
// and attendance per fiscal year (R36). Pure: cells and plain data in, plain data out.
import {
  dayFromDate,
  dayOf,
  dayStartMs,
  fiscalYearOf,
  formatDay,
  minuteOfDayFromDate,
  parseDay,
  parseTime,
} from './dates';
import { canonicalId } from './ids';
import type { Settings } from './settings-types';
import { isBlank, isDateValue, nfkc, normalizeEmail } from './text';
import type { Day } from './types';

export type SignupStatus = 'ACCEPTED' | 'WAITLISTED' | 'REJECTED' | 'CANCELLED';

export type SignupReason =
  | 'UNKNOWN_ID'
  | 'NOT_SELF'
  | 'NOT_ELIGIBLE'
  | 'SESSION_CLOSED'
  | 'DUPLICATE'
  | 'SESSION_FULL';

/**
 * R34: each sign-up reason code in one row: the rule that sets it, the status it leads to (any
 * REJECTED row wins over WAITLISTED), and the sentence the sign-up emails and the staff guide
 * use. A Record over SignupReason: a code added to the type without its row does not compile.
 * In RULES order; a sign-up lists its reasons in this order.
 */
export const SIGNUP_REASONS: Record<
  SignupReason,
  { rule: string; status: 'REJECTED' | 'WAITLISTED'; text: { ja: string; en: string } }
> = {
  UNKNOWN_ID: {
    rule: 'R34 (R5)',
    status: 'REJECTED',
    text: {
      ja: '入力された伴走ネットIDは、申し込みの時点で登録されていませんでした。',
      en: 'The Bansou Net ID you entered was not registered when you signed up.',
    },
  },
  NOT_SELF: {
    rule: 'R34 (R6)',
    status: 'REJECTED',
    text: {
      ja: '申し込みは本人が、登録したメールアドレスで行う必要があります。',
      en: 'Sign-ups must be made by the members themselves, from the email address they registered.',
    },
  },
  NOT_ELIGIBLE: {
    rule: 'R34',
    status: 'REJECTED',
    text: {
      ja: '相談会に参加できるのは、伴走支援の経験を申告した登録者と、研修として参加する外国にルーツのある登録者です。',
      en: 'The sessions are open to registered members who declared accompanying-support experience, and to members with a foreign background who join for training.',
    },
  },
  SESSION_CLOSED: {
    rule: 'R34',
    status: 'REJECTED',
    text: {
      ja: 'この回の申し込みは締め切られているか、中止または終了しています。',
      en: 'Sign-up for this session has closed, or the session was cancelled or is over.',
    },
  },
  DUPLICATE: {
    rule: 'R34',
    status: 'REJECTED',
    text: {
      ja: 'この回には、すでにお申し込みいただいています（最初のお申し込みが有効です）。',
      en: 'You have already signed up for this session (your first sign-up stands).',
    },
  },
  SESSION_FULL: {
    rule: 'R34',
    status: 'WAITLISTED',
    text: {
      ja: 'この回は定員に達しているため、キャンセル待ちとして受け付けました。',
      en: 'This session is full, so you are on the waiting list.',
    },
  },
};

/** In RULES order; a sign-up lists its reasons in this order. */
export const SIGNUP_REASON_CODES = Object.keys(SIGNUP_REASONS) as readonly SignupReason[];

/** The status a sign-up's reasons lead to (SIGNUP_REASONS): none is ACCEPTED. */
export function signupStatusFor(reasons: readonly SignupReason[]): SignupStatus {
  if (reasons.length === 0) return 'ACCEPTED';
  return reasons.some((c) => SIGNUP_REASONS[c].status === 'REJECTED') ? 'REJECTED' : 'WAITLISTED';
}

export const SIGNUP_STATUS_TEXT: Record<SignupStatus, { ja: string; en: string }> = {
  ACCEPTED: { ja: '参加確定', en: 'Accepted' },
  WAITLISTED: { ja: 'キャンセル待ち', en: 'Waiting list' },
  REJECTED: { ja: 'お受けできません', en: 'Not accepted' },
  CANCELLED: { ja: '取消', en: 'Cancelled' },
};

// ---------------------------------------------------------------------------------------------
// R32: a Sessions row

/** One session as staff keep it in the Sessions sheet, read and checked. */
export interface Session {
  id: string;
  /** 1-based sheet row, to name it in messages. */
  row: number;
  day: Day;
  startMinute: number;
  endMinute: number;
  startsAt: number;
  endsAt: number;
  titleJa: string;
  titleEn: string;
  topics: string;
  meetingUrl: string;
  capacity: number;
  /** Sign-up closes at this instant (the session start when the cell is empty). */
  closesAt: number;
  cancelled: boolean;
}

/** The cells of a Sessions row as the sheet returns them (strings, numbers, Dates). */
export interface SessionCells {
  sessionId: unknown;
  date: unknown;
  start: unknown;
  end: unknown;
  titleJa: unknown;
  titleEn: unknown;
  topics: unknown;
  meetingUrl: unknown;
  capacity: unknown;
  closesAt: unknown;
  status: unknown;
}

/** A bad Sessions row: named by row and session ID, what is wrong in both languages. */
export interface SessionProblem {
  row: number;
  sessionId: string;
  en: string;
  ja: string;
}

/** A readable Date cell (an invalid Date reads as no value). */
function isDate(v: unknown): v is Date {
  return isDateValue(v) && !Number.isNaN(v.getTime());
}

function text(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (isDate(v)) return dayOf(v.getTime());
  return String(v).trim();
}

/** A session ID as compared: NFKC, upper case, no spaces ('ｓ2024－01 ' = 'S2024-01'). */
export function canonicalSessionId(raw: string): string {
  return nfkc(raw)
    .toUpperCase()
    .replace(/[\s]+/g, '')
    .replace(/[‐‑‒–—―ー−－]/g, '-');
}

/** A Sessions date cell as the sessions read it: a Date (its Tokyo day) or typed text. */
export function readDayCell(v: unknown): Day | null {
  if (isDate(v)) return dayFromDate(v);
  if (typeof v === 'string') return parseDay(v);
  return null;
}

/** A Sessions time cell as the sessions read it: a Date, a fraction of a day or typed text. */
export function readMinuteCell(v: unknown): number | null {
  if (isDate(v)) return minuteOfDayFromDate(v);
  if (typeof v === 'number' && v >= 0 && v < 1) return Math.round(v * 1440) % 1440;
  if (typeof v === 'string') return parseTime(v);
  return null;
}

/**
 * A date-and-time cell: a Date, or text such as '2024-05-10 17:00', '2024/05/10 5:00 PM' or
 * '2024年5月10日 午後5:00' (the time is everything after the day's first space).
 */
function readInstantCell(v: unknown): number | null {
  if (isDate(v)) return v.getTime();
  if (typeof v !== 'string') return null;
  const s = nfkc(v).trim();
  const day = parseDay(s);
  const m = /^\S+\s+(.+)$/.exec(s);
  const minute = m ? parseTime(m[1]) : null;
  if (day === null || minute === null) return null;
  return dayStartMs(day) + minute * 60_000;
}

const OPEN_WORDS = new Set(['', 'open', '受付中', '公開', '募集中', 'open/受付中']);
const CANCELLED_WORDS = new Set(['cancelled', 'canceled', '中止', 'キャンセル', 'cancelled/中止']);

function readStatus(v: unknown): 'open' | 'cancelled' | null {
  const s = nfkc(text(v)).toLowerCase().replace(/\s+/g, '');
  if (OPEN_WORDS.has(s)) return 'open';
  if (CANCELLED_WORDS.has(s)) return 'cancelled';
  const first = s.split('/')[0];
  if (OPEN_WORDS.has(first) && first !== '') return 'open';
  if (CANCELLED_WORDS.has(first)) return 'cancelled';
  return null;
}

const MEETING_URL = /^https:\/\/[^\s<>"']+$/;

/** R32: one row → a session, or every problem with it (nothing is decided from a bad row). */
export function readSessionRow(
  row: number,
  cells: SessionCells,
): { session: Session } | { problem: SessionProblem } {
  const id = canonicalSessionId(text(cells.sessionId));
  const en: string[] = [];
  const ja: string[] = [];
  const bad = (e: string, j: string) => {
    en.push(e);
    ja.push(j);
  };
  if (id === '') bad('no session ID', '回のIDが空欄です');
  const day = readDayCell(cells.date);
  if (day === null)
    bad('the date is not a date (expected 2024-05-10)', '日付が読み取れません（例 2024-05-10）');
  const start = readMinuteCell(cells.start);
  const end = readMinuteCell(cells.end);
  if (start === null)
    bad('the start time is not a time (expected 19:00)', '開始時刻が読み取れません（例 19:00）');
  if (end === null)
    bad('the end time is not a time (expected 20:30)', '終了時刻が読み取れません（例 20:30）');
  if (start !== null && end !== null && end <= start)
    bad('the end time is not after the start time', '終了時刻が開始時刻より後になっていません');
  const titleJa = text(cells.titleJa);
  const titleEn = text(cells.titleEn);
  if (titleJa === '' && titleEn === '') bad('no title', 'タイトルが空欄です');
  const meetingUrl = text(cells.meetingUrl);
  if (!MEETING_URL.test(meetingUrl))
    bad(
      'the meeting URL is not an https:// address',
      'オンライン会議のURLが https:// で始まるアドレスではありません',
    );
  const capacityText = nfkc(text(cells.capacity));
  const capacity = /^\d+$/.test(capacityText) ? Number(capacityText) : Number.NaN;
  if (!(capacity >= 1))
    bad('the capacity is not a whole number of 1 or more', '定員が1以上の整数ではありません');
  const status = readStatus(cells.status);
  if (status === null)
    bad(
      'the status is neither "open" nor "cancelled"',
      '状態が「受付中」でも「中止」でもありません',
    );
  const startsAt = day !== null && start !== null ? dayStartMs(day) + start * 60_000 : null;
  let closesAt = startsAt;
  if (text(cells.closesAt) !== '') {
    closesAt = readInstantCell(cells.closesAt);
    if (closesAt === null)
      bad(
        'the sign-up closing time is not a date and time (expected 2024-05-09 17:00)',
        '申込締切が日時として読み取れません（例 2024-05-09 17:00）',
      );
    else if (startsAt !== null && closesAt > startsAt)
      bad('the sign-up closing time is after the session starts', '申込締切が開始時刻より後です');
  }
  if (
    en.length > 0 ||
    day === null ||
    start === null ||
    end === null ||
    startsAt === null ||
    closesAt === null
  ) {
    return {
      problem: {
        row,
        sessionId: id,
        en: `Sessions row ${row}${id ? ` (${id})` : ''}: ${en.join('; ')}.`,
        ja: `回の一覧（Sessions）${row}行目${id ? `（${id}）` : ''}: ${ja.join('、')}。`,
      },
    };
  }
  return {
    session: {
      id,
      row,
      day,
      startMinute: start,
      endMinute: end,
      startsAt,
      endsAt: dayStartMs(day) + end * 60_000,
      titleJa: titleJa || titleEn,
      titleEn: titleEn || titleJa,
      topics: text(cells.topics),
      meetingUrl,
      capacity,
      closesAt,
      cancelled: status === 'cancelled',
    },
  };
}

/** Every row read; an ID used on two rows makes the later rows bad (the first stands). */
export function readSessions(rows: readonly { row: number; cells: SessionCells }[]): {
  sessions: Map<string, Session>;
  problems: SessionProblem[];
} {
  const sessions = new Map<string, Session>();
  const problems: SessionProblem[] = [];
  for (const { row, cells } of rows) {
    const read = readSessionRow(row, cells);
    if ('problem' in read) {
      problems.push(read.problem);
      continue;
    }
    const s = read.session;
    if (sessions.has(s.id)) {
      problems.push({
        row,
        sessionId: s.id,
        en: `Sessions row ${row} (${s.id}): this session ID is already used on row ${sessions.get(s.id)!.row}.`,
        ja: `回の一覧（Sessions）${row}行目（${s.id}）: この回のIDは${sessions.get(s.id)!.row}行目ですでに使われています。`,
      });
      continue;
    }
    sessions.set(s.id, s);
  }
  return { sessions, problems };
}

/** R33: open for sign-up at `now`: not cancelled and not yet closed. */
export function isOpenForSignup(session: Session, now: number): boolean {
  return !session.cancelled && now < session.closesAt && now < session.startsAt;
}

/** A minute of the day as 'HH:MM'. */
export function hhmm(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/** The session's line in the sign-up form: the ID first, so an answer names its session. */
export function sessionChoice(s: Session): string {
  const title = s.titleJa === s.titleEn ? s.titleJa : `${s.titleJa} / ${s.titleEn}`;
  return `${s.id} ${s.day.replace(/-/g, '/')} ${hhmm(s.startMinute)}–${hhmm(s.endMinute)} ${title}`;
}

/** Shown as the only choice while no session is open (a list needs at least one choice). */
export const NO_SESSION_CHOICE = '受付中の回はありません / No session is open for sign-up';
/** After the choice of a session whose places are all taken: sign-ups join the waiting list. */
export const FULL_MARK = ' — 満席・キャンセル待ち / full: waiting list';

/**
 * R33: the form's session choices: the open sessions that have not closed, by start, each
 * marked full when its accepted sign-ups (`accepted`, by session ID) reach the capacity; the
 * one NO_SESSION_CHOICE when none is open.
 */
export function openChoices(
  sessions: Iterable<Session>,
  now: number,
  accepted: ReadonlyMap<string, number> = new Map(),
): string[] {
  const choices = [...sessions]
    .filter((s) => isOpenForSignup(s, now))
    .sort((a, b) => a.startsAt - b.startsAt || (a.id < b.id ? -1 : 1))
    .map((s) => sessionChoice(s) + ((accepted.get(s.id) ?? 0) >= s.capacity ? FULL_MARK : ''));
  return choices.length > 0 ? choices : [NO_SESSION_CHOICE];
}

/** The next instant at which the open choices change by themselves (a closing time), or null. */
export function nextClosing(sessions: Iterable<Session>, now: number): number | null {
  let next: number | null = null;
  for (const s of sessions) {
    if (!isOpenForSignup(s, now)) continue;
    const at = Math.min(s.closesAt, s.startsAt);
    if (next === null || at < next) next = at;
  }
  return next;
}

/** The session an answer names: its first word is the session ID (as the choices are written). */
export function sessionIdOfAnswer(answer: string): string {
  const first = nfkc(answer).trim().split(/\s+/)[0] ?? '';
  return canonicalSessionId(first);
}

export function sessionTimeText(s: Session): { ja: string; en: string } {
  const time = `${hhmm(s.startMinute)}–${hhmm(s.endMinute)}`;
  return {
    ja: `${formatDay(s.day, 'ja')} ${time}`,
    en: `${formatDay(s.day, 'en')}, ${time} (Japan time)`,
  };
}

// ---------------------------------------------------------------------------------------------
// R34: a sign-up

export type Purpose = 'participation' | 'training';

/** 'training', '研修 / Training' → training; anything else (or no answer) → participation. */
export function readPurpose(answer: string): Purpose {
  const s = nfkc(answer).toLowerCase();
  return s.includes('training') || s.includes('研修') ? 'training' : 'participation';
}

/** The staff override dropdown of the Sign-ups sheet. */
export const SIGNUP_OVERRIDE_CHOICES = [
  'ACCEPTED / 参加確定',
  'WAITLISTED / キャンセル待ち',
  'REJECTED / お受けできません',
  'CANCELLED / 取消',
];

const OVERRIDES: Record<string, SignupStatus> = {
  accepted: 'ACCEPTED',
  参加確定: 'ACCEPTED',
  waitlisted: 'WAITLISTED',
  キャンセル待ち: 'WAITLISTED',
  rejected: 'REJECTED',
  お受けできません: 'REJECTED',
  cancelled: 'CANCELLED',
  canceled: 'CANCELLED',
  取消: 'CANCELLED',
  取り消し: 'CANCELLED',
};

/** A staff override cell: 'ACCEPTED / 参加確定', 'accepted' or '参加確定' …; null when empty or not one. */
export function readSignupOverride(cell: string): SignupStatus | null {
  const raw = nfkc(cell).trim();
  if (raw === '') return null;
  const first = raw.split(/\s*\/\s*/)[0].toLowerCase();
  return OVERRIDES[first] ?? OVERRIDES[raw.toLowerCase()] ?? null;
}

/** What R34 needs to know about a member, as they stood at a moment. */
export interface SignupMember {
  id: string;
  email: string;
  experience: boolean;
  foreignBackground: boolean;
}

/**
 * The member with this canonical ID as of an instant: undefined when the ID had not been issued
 * by then; otherwise the email and declarations of their latest registration at or before it.
 */
export type MemberAsOf = (memberId: string, at: number) => SignupMember | undefined;

export interface SignupInput {
  responseId: string;
  /** The sign-up moment (ms): what R34 is decided as of. */
  submittedAt: number;
  respondentEmail: string;
  memberIdAnswer: string;
  sessionAnswer: string;
  purposeAnswer: string;
}

/** Another sign-up as it stands now (for DUPLICATE, SESSION_FULL and the waitlist order). */
export interface OtherSignup {
  responseId: string;
  submittedAt: number;
  memberId: string | null;
  sessionId: string;
  status: SignupStatus;
}

export interface SignupContext {
  settings: Pick<Settings, 'idPrefix' | 'idWidth'>;
  sessions: ReadonlyMap<string, Session>;
  memberAsOf: MemberAsOf;
  /** The other sign-ups already recorded (any order). */
  others: readonly OtherSignup[];
}

export interface SignupDecision {
  status: SignupStatus;
  reasons: SignupReason[];
  /** Canonical when the answer could be read, even if not a member. */
  memberId: string | null;
  sessionId: string;
  purpose: Purpose;
}

function bySignupOrder(
  a: { submittedAt: number; responseId: string },
  b: { submittedAt: number; responseId: string },
): number {
  if (a.submittedAt !== b.submittedAt) return a.submittedAt - b.submittedAt;
  return a.responseId < b.responseId ? -1 : a.responseId > b.responseId ? 1 : 0;
}

const HOLDS_PLACE: ReadonlySet<SignupStatus> = new Set(['ACCEPTED', 'WAITLISTED']);

/**
 * R34 as of the sign-up moment: ID known then (UNKNOWN_ID), sent from that member's address
 * (NOT_SELF), eligible (NOT_ELIGIBLE: experience declared, or training by a member with a
 * foreign background), the session open (SESSION_CLOSED), not a second sign-up of the member
 * for the session (DUPLICATE: the first stands). Then a place: a place given is never taken
 * back, and nobody overtakes the waiting list, so a sign-up is WAITLISTED (SESSION_FULL) when
 * the places are taken or an earlier sign-up still waits.
 */
export function decideSignup(input: SignupInput, ctx: SignupContext): SignupDecision {
  const at = input.submittedAt;
  const reasons: SignupReason[] = [];
  const memberId = isBlank(input.memberIdAnswer)
    ? null
    : canonicalId(input.memberIdAnswer, ctx.settings.idPrefix, ctx.settings.idWidth);
  const member = memberId === null ? undefined : ctx.memberAsOf(memberId, at);
  const purpose = readPurpose(input.purposeAnswer);
  const sessionId = sessionIdOfAnswer(input.sessionAnswer);
  const session = ctx.sessions.get(sessionId);

  if (!member) reasons.push('UNKNOWN_ID');
  else {
    if (
      normalizeEmail(input.respondentEmail) !== normalizeEmail(member.email) ||
      isBlank(input.respondentEmail)
    )
      reasons.push('NOT_SELF');
    if (!isSignupEligible(member, purpose)) reasons.push('NOT_ELIGIBLE');
  }
  if (!session || !isOpenForSignup(session, at)) reasons.push('SESSION_CLOSED');
  const sameSession = ctx.others.filter(
    (o) => o.responseId !== input.responseId && o.sessionId === sessionId,
  );
  if (member && sameSession.some((o) => o.memberId === member.id && HOLDS_PLACE.has(o.status)))
    reasons.push('DUPLICATE');
  if (reasons.length > 0)
    return { status: signupStatusFor(reasons), reasons, memberId, sessionId, purpose };

  const taken = sameSession.filter((o) => o.status === 'ACCEPTED').length;
  const queueAhead = sameSession.some(
    (o) =>
      o.status === 'WAITLISTED' &&
      bySignupOrder(o, { submittedAt: at, responseId: input.responseId }) < 0,
  );
  const full: SignupReason[] = taken >= session!.capacity || queueAhead ? ['SESSION_FULL'] : [];
  return { status: signupStatusFor(full), reasons: full, memberId, sessionId, purpose };
}

/** R34 eligibility: experience declared, or training by a member with a foreign background. */
export function isSignupEligible(member: SignupMember, purpose: Purpose): boolean {
  return member.experience || (purpose === 'training' && member.foreignBackground);
}

/**
 * R34: when places are free before the session starts (a staff cancellation, a larger
 * capacity), the waiting sign-ups move up in sign-up order. Returns the response IDs to promote.
 */
export function promotions(
  session: Session,
  signups: readonly OtherSignup[],
  now: number,
): string[] {
  if (session.cancelled || now >= session.startsAt) return [];
  const mine = signups.filter((s) => s.sessionId === session.id);
  const free = session.capacity - mine.filter((s) => s.status === 'ACCEPTED').length;
  if (free <= 0) return [];
  return mine
    .filter((s) => s.status === 'WAITLISTED')
    .sort(bySignupOrder)
    .slice(0, free)
    .map((s) => s.responseId);
}

/** R35: the reminder and the staff list are due from the day before until the session starts. */
export function reminderDue(session: Session, now: number): boolean {
  if (session.cancelled || now >= session.startsAt) return false;
  const today = dayOf(now);
  const dayBefore = dayOf(dayStartMs(session.day) - 1);
  return today >= dayBefore;
}

/** R36: sessions attended per member in one fiscal year. */
export function attendedCounts(
  attended: readonly { memberId: string; day: Day }[],
  fiscalYear: number,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const a of attended) {
    if (fiscalYearOf(a.day) !== fiscalYear) continue;
    counts.set(a.memberId, (counts.get(a.memberId) ?? 0) + 1);
  }
  return counts;
}

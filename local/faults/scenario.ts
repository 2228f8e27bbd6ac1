// The fault suite's scenario: members registering, applications over several months, staff
// typing the documents and course completions they receive, all on the world's clock. It is
// plain data, generated from a seed, so the same scenario can be played with and without each
// fault and the final sheets compared.
//
// Members are named by their email, never by their Bansou Net ID: the ID is the one the system
// gives them in that run (a dropped registration is numbered later by the sweep), and the
// player looks it up when a member types it into a form or staff type it into a sheet.

import { picker, seededRandom } from '../random';

export interface Registration {
  kind: 'register';
  at: number;
  email: string;
  answers: { name: string; phone: string; address: string; experience: boolean; language: string };
}

/** How a member types an ID into the form (R5 reads them all the same). */
export type IdStyle = 'canonical' | 'lower' | 'fullwidth' | 'spaced' | 'dash';

export interface Application {
  kind: 'apply';
  at: number;
  /** The respondent's (verified) email. */
  email: string;
  /** Whose ID the respondent types (usually their own; NOT_SELF otherwise). */
  applicant: string;
  idStyle: IdStyle;
  /** Email of the second supporter, or a literal ID nobody has, or ''. */
  second: { member: string } | { literal: string } | null;
  name: string;
  date: string;
  start: string;
  end: string;
  recipient: string;
  birthYear: string;
  issues: string[];
  description: string;
}

/** Staff type a Documents row (R20) for a member and fiscal year. */
export interface DocumentsArrive {
  kind: 'documents';
  at: number;
  member: string;
  fiscalYear: string;
  memorandumOn: string;
  accountOn: string;
}

/** Staff type a Course row (R19). */
export interface CourseCompleted {
  kind: 'course';
  at: number;
  member: string;
  module: string;
  completedOn: string;
}

/** The respondent edits an application after its payment (R18): only in that fault run. */
export interface EditAfterPayment {
  kind: 'edit';
  at: number;
  /** Index in `events` of the application edited. */
  application: number;
}

/** A member signs up for an online session (RULES §8, R34) through the sign-up form. */
export interface SignUp {
  kind: 'signup';
  at: number;
  /** The respondent's (verified) email. */
  email: string;
  /** Whose ID the respondent types (usually their own; NOT_SELF otherwise), or a literal ID. */
  member: { member: string } | { literal: string };
  session: string;
}

/** A Sessions row staff typed before the scenario starts (R32). */
export interface ScenarioSession {
  id: string;
  date: string;
  closesAt: string;
  capacity: number;
}

export type ScenarioEvent =
  | Registration
  | Application
  | DocumentsArrive
  | CourseCompleted
  | EditAfterPayment
  | SignUp;

export interface Scenario {
  seed: number;
  start: number;
  /** When the player stops the clock: after the last monthly run and outbox pass. */
  end: number;
  /** Events in time order (ties keep generation order). */
  events: ScenarioEvent[];
  /** Edits after payment, played only by the 'edited' fault. */
  edits: EditAfterPayment[];
  /** The Sessions sheet, typed at the start. */
  sessions: ScenarioSession[];
  settings: Record<string, string>;
}

export interface ScenarioSize {
  members: number;
  applications: number;
  /** Months of activity, from April 2024. */
  months: number;
  /** Settings staff set (e.g. a slower sweep to keep a test short); defaults otherwise. */
  settings?: Record<string, string>;
}

export const FULL_SIZE: ScenarioSize = { members: 320, applications: 1300, months: 4 };
/** The jest size: two months, the sweep and the outbox every 4 hours (fewer clock runs). */
export const SMALL_SIZE: ScenarioSize = {
  members: 30,
  applications: 90,
  months: 2,
  settings: { sweepEveryHours: '4', outboxEveryHours: '4' },
};

const DAY = 86_400_000;
const TOKYO_OFFSET = 9 * 3_600_000;
/** ms of a Tokyo wall-clock day + minute of day. */
export function tokyoMs(day: string, minute = 0): number {
  return Date.parse(`${day}T00:00:00Z`) - TOKYO_OFFSET + minute * 60_000;
}
export function tokyoDay(ms: number): string {
  return new Date(ms + TOKYO_OFFSET).toISOString().slice(0, 10);
}
const hhmm = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

const GIVEN = ['Aiko', 'Ben', 'Chen', 'Duc', 'Elena', 'Farid', 'Grace', 'Hana', 'Ivan', 'Jun'];
const FAMILY = ['Sato', 'Nguyen', 'Santos', 'Kim', 'Tanaka', 'Silva', 'Li', 'Garcia', 'Rai'];
const LANGS = ['日本語', 'English', 'Tiếng Việt', '中文', 'Español', 'Português'];
const ISSUES = [
  '在留資格 / Residency status',
  '労働 / Labor',
  '医療 / Healthcare',
  '家族 / Family',
];
const DESCRIPTIONS = [
  '入管への同行 / went with them to immigration',
  '病院での通訳 / interpreting at the hospital',
  '区役所で手続き / paperwork at the ward office',
];

/**
 * Builds the scenario: registrations over the first months (a few repeated with the same
 * email written differently), applications by members registered at least a day before
 * (the sweep, hourly, has numbered them even when their registration event was lost), staff
 * typing documents (some late, so payments are carried over) and course completions for some
 * members without experience. All events fall in office hours (09:00–19:00 Tokyo), so a
 * response finished by the next hourly sweep is still processed on its own day.
 */
export function buildScenario(seed: number, size: ScenarioSize): Scenario {
  const r = seededRandom(seed);
  const pick = picker(r);
  const firstDay = '2024-04-01';
  const start = tokyoMs(firstDay, 8 * 60);
  const span = size.months * 30 * DAY;
  const officeTime = (fromMs: number, toMs: number) => {
    const day =
      Math.floor((fromMs - start) / DAY) + Math.floor(r() * Math.max(1, (toMs - fromMs) / DAY));
    const base = tokyoMs(tokyoDay(start + day * DAY));
    return base + (9 * 60 + Math.floor(r() * 600)) * 60_000 + Math.floor(r() * 60_000);
  };

  const events: ScenarioEvent[] = [];
  const members: { email: string; at: number; experience: boolean }[] = [];
  for (let i = 0; i < size.members; i++) {
    const email = `member${i}.s${seed}@example.org`;
    const at = officeTime(start, start + span * 0.7);
    const experience = r() < 0.8;
    members.push({ email, at, experience });
    events.push({
      kind: 'register',
      at,
      email,
      answers: {
        name: `${pick(GIVEN)} ${pick(FAMILY)} ${i}`,
        phone: `0${Math.floor(r() * 9e9 + 1e9)}`,
        address: `東京都台東区${(i % 9) + 1}-${(i % 7) + 1}-${i}`,
        experience,
        language: pick(LANGS),
      },
    });
    // Some register again later: same person, email typed with other case and spaces (R2).
    if (r() < 0.05) {
      events.push({
        kind: 'register',
        at: at + DAY * (1 + Math.floor(r() * 20)),
        email: `  ${email.toUpperCase()} `,
        answers: {
          name: `${pick(GIVEN)} ${pick(FAMILY)} ${i}`,
          phone: `090-${1000 + (i % 9000)}-${2000 + (i % 7000)}`,
          address: `大阪府大阪市${i}`,
          experience,
          language: pick(LANGS),
        },
      });
    }
  }
  members.sort((a, b) => a.at - b.at);

  // Documents: most members send both for FY2024, some only weeks later; a few never.
  for (const m of members) {
    const roll = r();
    if (roll < 0.1) continue;
    const at = roll < 0.7 ? m.at + DAY * 2 : m.at + DAY * (20 + Math.floor(r() * 60));
    const when = tokyoMs(tokyoDay(at), 8 * 60 + 30); // before office hours: never in an application's hour
    events.push({
      kind: 'documents',
      at: when,
      member: m.email,
      fiscalYear: pick(['FY2024', '2024', '2024年度']),
      memorandumOn: tokyoDay(when).replace(/-/g, '/'),
      accountOn: tokyoDay(when).replace(/-/g, '/'),
    });
    // Without experience, the course makes them eligible (R7, R19) for some.
    if (!m.experience && r() < 0.6) {
      for (const module of ['Basic 1', 'Basic 2', 'Basic 3', 'Basic 4', 'Basic 5']) {
        events.push({
          kind: 'course',
          at: when,
          member: m.email,
          module,
          completedOn: tokyoDay(m.at + DAY).replace(/-/g, '/'),
        });
      }
    }
  }

  const recipients = Array.from({ length: Math.ceil(size.applications / 3) }, (_, i) => ({
    name: `${pick(FAMILY)} ${pick(GIVEN)} R${i}`,
    birthYear: r() < 0.5 ? String(1950 + Math.floor(r() * 60)) : '',
  }));
  const styles: IdStyle[] = [
    'canonical',
    'canonical',
    'canonical',
    'lower',
    'fullwidth',
    'spaced',
    'dash',
  ];
  const firstApp = members[Math.min(members.length - 1, 2)].at + DAY;
  for (let i = 0; i < size.applications; i++) {
    const at = officeTime(firstApp, start + span);
    const eligible = members.filter((m) => m.at + DAY <= at);
    if (eligible.length === 0) continue;
    const me = pick(eligible);
    const roll = r();
    const daysBefore =
      roll < 0.03 ? -2 : roll < 0.08 ? 35 + Math.floor(r() * 10) : Math.floor(r() * 25);
    const startMin = 9 * 60 + 15 * Math.floor(r() * 28);
    const minutes = pick([30, 60, 90, 90, 120, 150, 180, 240]);
    const other = r() < 0.2 ? pick(eligible) : null;
    const recipient = pick(recipients);
    events.push({
      kind: 'apply',
      at,
      email: me.email,
      applicant: r() < 0.03 ? pick(eligible).email : me.email,
      idStyle: pick(styles),
      second: other === null ? null : r() < 0.1 ? { literal: 'BN-99999' } : { member: other.email },
      name: `Applicant ${i}`,
      date: tokyoDay(at - daysBefore * DAY),
      start: hhmm(startMin),
      end: hhmm(Math.min(startMin + minutes, 23 * 60 + 59)),
      recipient: recipient.name,
      birthYear: recipient.birthYear,
      issues: [pick(ISSUES)],
      description: pick(DESCRIPTIONS),
    });
  }

  // Online sessions, from a generator of their own (the events above stay as they were). Room
  // for everyone: a place given is never taken back, so who gets the last place of a full
  // session can depend on delivery (the waiting list is tested in test/integration/sessions).
  const rs = seededRandom(seed ^ 0x5e55);
  const sessions: ScenarioSession[] = [40, 52].map((days, i) => {
    const date = tokyoDay(start + days * DAY);
    return {
      id: `S-${i + 1}`,
      date,
      closesAt: `${tokyoDay(start + (days - 1) * DAY)} 17:00`,
      capacity: 1000,
    };
  });
  const signups = Math.ceil(size.members * 0.8);
  for (let i = 0; i < signups; i++) {
    const session = sessions[Math.floor(rs() * sessions.length)];
    const closes = tokyoMs(session.closesAt.slice(0, 10), 17 * 60);
    const day = Math.floor(rs() * 30) + 2;
    const base = tokyoMs(tokyoDay(closes - day * DAY));
    const at = base + (9 * 60 + Math.floor(rs() * 600)) * 60_000 + Math.floor(rs() * 60_000);
    const known = members.filter((m) => m.at + DAY <= at);
    if (known.length === 0) continue;
    const me = known[Math.floor(rs() * known.length)];
    const roll = rs();
    events.push({
      kind: 'signup',
      at,
      email: me.email,
      member:
        roll < 0.04
          ? { literal: 'BN-99999' }
          : roll < 0.08
            ? { member: known[Math.floor(rs() * known.length)].email }
            : { member: me.email },
      session: session.id,
    });
  }

  events.sort((a, b) => a.at - b.at);
  // Edits after payment: about 5% of the applications of every month but the last, a few
  // days after the run that paid them.
  const edits: EditAfterPayment[] = [];
  const lastMonth = tokyoDay(start + span).slice(0, 7);
  events.forEach((e, index) => {
    if (e.kind !== 'apply' || tokyoDay(e.at).slice(0, 7) >= lastMonth || r() >= 0.05) return;
    const [y, m] = tokyoDay(e.at).split('-').map(Number);
    const next = `${m === 12 ? y + 1 : y}-${String(m === 12 ? 1 : m + 1).padStart(2, '0')}-05`;
    edits.push({ kind: 'edit', at: tokyoMs(next, 11 * 60), application: index });
  });
  edits.sort((a, b) => a.at - b.at);
  // Two monthly runs after the last event (the last month is settled), then a day for the outbox.
  const endMonth = tokyoDay(start + span + 32 * DAY).slice(0, 7);
  return {
    seed,
    start,
    end: tokyoMs(`${endMonth}-02`, 12 * 60),
    events,
    edits,
    sessions,
    settings: size.settings ?? {},
  };
}

/** How a member types `id` (canonical `BN-00012`). */
export function typeId(id: string, style: IdStyle): string {
  switch (style) {
    case 'lower':
      return id.toLowerCase();
    case 'fullwidth':
      return id.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    case 'spaced':
      return ` ${id.replace('-', ' ')} `;
    case 'dash':
      return id.replace('-', '―');
    default:
      return id;
  }
}

// The built-in demo: a deterministic office year. Members register, some without experience take
// the course, documents reach the office (some late), and supporters apply — mostly in order,
// with the mistakes real applicants make (late, too short, unknown or someone else's ID, a fourth
// application for the same person, second supporters who are unknown or not eligible, double
// claims), a few responses edited and a few events delivered twice.
import { dayOf } from '../../src/domain/dates';
import { picker, seededRandom } from '../random';
import {
  APPLICATION_TITLES as A,
  ISSUE_CHOICES,
  LANGUAGE_CHOICES,
  REGISTRATION_TITLES as R,
} from '../world';
import { sessionEvents } from './demo-sessions';
import type { Answers, FormKind, RunEvent } from './engine';
import { tokyoMs } from './inputs';

/**
 * A named demo, or a number of applications: the full demo's year with that many applications
 * and one registration for every ten (`--demo-size 50000`: 50,000 applications, 5,000 members),
 * to measure how a replay's time grows with the data.
 */
export type DemoSize = 'small' | 'full' | 'large' | number;

/** The generated sizes' bounds (applications). */
export const DEMO_SIZE_MIN = 100;
export const DEMO_SIZE_MAX = 200_000;

/** `--demo-size`'s text as a size: a name, or a whole number of applications; null when neither. */
export function parseDemoSize(text: string): DemoSize | null {
  if (text === 'small' || text === 'full' || text === 'large') return text;
  const digits = text.replace(/[_,]/g, '');
  if (!/^\d+$/.test(digits)) return null;
  const n = Number(digits);
  return n >= DEMO_SIZE_MIN && n <= DEMO_SIZE_MAX ? n : null;
}

export interface DemoPlan {
  events: RunEvent[];
  /** Clock at the end: the morning after the last monthly run. */
  until: number;
  registrations: number;
  applications: number;
  signups: number;
}

interface DemoShape {
  members: number;
  applications: number;
  /** First and last day responses arrive (Tokyo). */
  from: string;
  to: string;
  /** The monthly run after `to` settles the last month. */
  until: string;
}

const SHAPES: Record<Exclude<DemoSize, number>, DemoShape> = {
  full: {
    members: 300,
    applications: 1500,
    from: '2023-07-03',
    to: '2024-05-31',
    until: '2024-06-01T12:00:00',
  },
  // For measuring large replays (--demo-export): too slow to run one trigger per response.
  large: {
    members: 1000,
    applications: 5000,
    from: '2023-07-03',
    to: '2024-05-31',
    until: '2024-06-01T12:00:00',
  },
  small: {
    members: 30,
    applications: 120,
    from: '2023-07-03',
    to: '2023-09-30',
    until: '2023-10-01T12:00:00',
  },
};

const DAY = 86_400_000;
const BASIC5_FROM = '2024-04-01';

const FAMILY = {
  ja: ['佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '山本', '中村', '小林', '加藤'],
  vi: ['Nguyen', 'Tran', 'Le', 'Pham', 'Hoang', 'Vu'],
  ph: ['Santos', 'Reyes', 'Cruz', 'Bautista', 'Garcia'],
  zh: ['王', '李', '張', '劉', '陳'],
  br: ['Silva', 'Souza', 'Oliveira', 'Costa'],
  np: ['Gurung', 'Tamang', 'Shrestha', 'Rai'],
};
const GIVEN = {
  ja: ['花子', '太郎', '美咲', '健', '陽子', '翔', '恵', '大輔'],
  vi: ['Thi Lan', 'Van Minh', 'Thu Ha', 'Duc Anh', 'Ngoc Mai'],
  ph: ['Maria', 'Jose', 'Ana', 'Mark', 'Liza'],
  zh: ['芳', '偉', '静', '強', '敏'],
  br: ['Ana', 'Lucas', 'Mariana', 'Pedro'],
  np: ['Sita', 'Ram', 'Maya', 'Bikash'],
};
type Origin = keyof typeof FAMILY;
const ORIGINS = Object.keys(FAMILY) as Origin[];
const EMAIL_LANGUAGE: Record<Origin, string> = {
  ja: '日本語',
  vi: 'Tiếng Việt',
  ph: 'Tagalog',
  zh: '中文',
  br: 'Português',
  np: 'नेपाली',
};
const PREFECTURES = ['東京都', '神奈川県', '埼玉県', '千葉県', '愛知県', '大阪府', '群馬県'];
const SUPPORT = [
  '入管での在留資格更新の手続きに同行しました。',
  'Accompanied to the hospital and interpreted with the doctor.',
  '市役所で児童手当の申請を手伝いました。',
  'Helped with the lease contract and explained the house rules.',
  '労働基準監督署への相談に同行しました。',
];

interface Member {
  id: string;
  seq: number;
  email: string;
  name: string;
  origin: Origin;
  registeredAt: number;
  experience: boolean;
  /** Day the course (Basic 1–4) was completed, '' when never; Basic 5 likewise. */
  courseDone: string;
  basic5Done: string;
}

interface Application {
  at: number;
  email: string;
  answers: Answers;
  twice: boolean;
  edit?: { at: number; answers: Answers };
}

function shapeOf(size: DemoSize): DemoShape {
  if (typeof size !== 'number') return SHAPES[size];
  return { ...SHAPES.full, applications: size, members: Math.max(1, Math.round(size / 10)) };
}

export function demoPlan(size: DemoSize = 'full', seed = 20230710): DemoPlan {
  const shape = shapeOf(size);
  const rand = seededRandom(seed);
  const pick = picker(rand);
  const chance = (p: number) => rand() < p;
  const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const from = tokyoMs(wallOf(shape.from, 0));
  const to = tokyoMs(wallOf(shape.to, 0)) + DAY - 1;
  const span = to - from;
  /** A time of day between 8:00 and 22:59 on the day of `ms`, in Tokyo. */
  const officeHours = (ms: number) => {
    const day = dayOf(ms);
    return tokyoMs(wallOf(day, between(8 * 3600, 23 * 3600 - 1)));
  };
  const events: RunEvent[] = [];

  // ---- members and their registrations ------------------------------------------------------
  const registrationTimes = Array.from({ length: shape.members }, () => {
    // Most register early in the program; the rest trickle in until about two thirds in.
    const early = chance(0.6);
    return officeHours(from + Math.floor((early ? rand() * 0.2 : rand() * 0.7) * span));
  }).sort((a, b) => a - b);
  const members: Member[] = registrationTimes.map((at, i) => {
    const origin = chance(0.35) ? 'ja' : pick(ORIGINS);
    const experience = chance(0.55);
    const seq = i + 1;
    const name =
      origin === 'ja' || origin === 'zh'
        ? `${pick(FAMILY[origin])} ${pick(GIVEN[origin])}`
        : `${pick(GIVEN[origin])} ${pick(FAMILY[origin])}`;
    let courseDone = '';
    let basic5Done = '';
    if (!experience && chance(0.8)) {
      courseDone = dayOf(at + between(7, 45) * DAY);
      if (chance(0.6))
        basic5Done = dayOf(Math.max(at, tokyoMs(wallOf('2024-02-01', 0))) + between(0, 100) * DAY);
    }
    return {
      id: `BN-${String(seq).padStart(5, '0')}`,
      seq,
      email: `supporter${String(seq).padStart(3, '0')}@example.org`,
      name,
      origin,
      registeredAt: at,
      experience,
      courseDone,
      basic5Done,
    };
  });
  members.forEach((m, i) => {
    const answers = registrationAnswers(m, pick, chance);
    events.push({
      kind: 'submit',
      form: 'registration',
      at: m.registeredAt,
      row: i + 1,
      email: m.email,
      answers,
      twice: chance(0.01),
    });
    if (chance(0.03)) {
      // A typo in the phone number, corrected the next day (R4: same ID).
      events.push({
        kind: 'edit',
        form: 'registration',
        at: m.registeredAt + between(2, 30) * 3600_000,
        row: i + 1,
        answers: { ...answers, [R.phone]: `090-${between(1000, 9999)}-${between(1000, 9999)}` },
      });
    }
  });
  // A few register again later with the same address (R2: they keep their ID).
  let row = members.length;
  for (const m of members) {
    if (!chance(0.03)) continue;
    const at = officeHours(m.registeredAt + between(20, 120) * DAY);
    if (at > to) continue;
    events.push({
      kind: 'submit',
      form: 'registration',
      at,
      row: ++row,
      email: m.email.toUpperCase(),
      answers: registrationAnswers(m, pick, chance),
    });
  }
  const registrations = row;
  // ---- course completions and documents, entered by staff on their day --------------------
  let courseRow = 0;
  for (const m of members) {
    if (m.courseDone) {
      ['Basic 1', 'Basic 2', 'Basic 3', 'Basic 4'].forEach((module, k) => {
        const day = dayOf(tokyoMs(wallOf(m.courseDone, 0)) - (3 - k) * 2 * DAY);
        events.push({
          kind: 'course',
          at: tokyoMs(wallOf(day, 0)),
          row: ++courseRow,
          memberId: m.id,
          module,
          completedOn: day,
        });
      });
    }
    if (m.basic5Done) {
      events.push({
        kind: 'course',
        at: tokyoMs(wallOf(m.basic5Done, 0)),
        row: ++courseRow,
        memberId: m.id,
        module: 'Basic 5',
        completedOn: m.basic5Done,
      });
    }
  }
  let docRow = 0;
  const fy2024 = tokyoMs(wallOf('2024-04-01', 0));
  for (const m of members) {
    const years: [string, number][] = [];
    if (m.registeredAt < fy2024) years.push(['FY2023', m.registeredAt]);
    if (to >= fy2024) years.push(['FY2024', Math.max(m.registeredAt, fy2024)]);
    for (const [fiscalYear, since] of years) {
      const roll = rand();
      if (roll < 0.06) continue; // never sent
      // Most within weeks; some only months later (their payments wait on hold).
      const memo = since + (roll < 0.16 ? between(60, 150) : between(7, 30)) * DAY;
      const account = memo + between(0, 10) * DAY;
      docRow++;
      for (const [day, field] of [
        [dayOf(memo), 'memorandumOn'],
        [dayOf(account), 'accountOn'],
      ] as const) {
        events.push({
          kind: 'documents',
          at: tokyoMs(wallOf(day, 0)),
          row: docRow,
          memberId: m.id,
          fiscalYear,
          [field]: day,
        });
      }
    }
  }

  // ---- applications ---------------------------------------------------------------------------
  const recipients = Array.from({ length: Math.max(60, shape.applications) }, () => {
    const origin = pick(ORIGINS);
    return {
      name: `${pick(GIVEN[origin])} ${pick(FAMILY[origin])}`,
      // Names repeat (the pools are small); the year of birth tells most apart.
      birthYear: chance(0.92) ? String(between(1950, 2005)) : '',
    };
  });
  // A few people are supported again and again: their 4th application is refused (R13).
  const regulars = recipients.slice(0, Math.max(2, Math.floor(shape.applications / 150)));
  const eligibleOn = (m: Member, day: string) =>
    m.experience ||
    (m.courseDone !== '' &&
      m.courseDone <= day &&
      (day < BASIC5_FROM || (m.basic5Done !== '' && m.basic5Done <= day)));
  const applicationTimes = Array.from({ length: shape.applications }, () =>
    officeHours(from + 10 * DAY + Math.floor(Math.sqrt(rand()) * (span - 10 * DAY))),
  ).sort((a, b) => a - b);
  const apps: Application[] = [];
  const sameAs = (prev: Application, at: number, email: string, id: string): Application => ({
    at,
    email,
    answers: { ...prev.answers, [A.applicantId]: id },
    twice: false,
  });
  // Members are in registration order, so those registered before a time are a prefix; who is
  // eligible changes only with the day (and the prefix): kept until either moves.
  let known = 0;
  let registered: Member[] = [];
  let active: Member[] = [];
  let activeDay = '';
  for (const at of applicationTimes) {
    const before = known;
    while (known < members.length && members[known].registeredAt < at) known++;
    if (known === 0) continue;
    if (known !== before) registered = members.slice(0, known);
    // Supporters who can apply do so far more often than those who cannot yet.
    const today = dayOf(at);
    if (known !== before || today !== activeDay) {
      active = registered.filter((m) => eligibleOn(m, today));
      activeDay = today;
    }
    const applicant = active.length > 0 && chance(0.93) ? pick(active) : pick(registered);
    if (apps.length > 5 && chance(0.01)) {
      // A double claim: the same support claimed again (R14).
      const prev = pick(apps.slice(-30));
      apps.push(sameAs(prev, at, prev.email, String(prev.answers[A.applicantId])));
      continue;
    }
    let supportMs = at - between(0, 20) * DAY;
    if (chance(0.04)) supportMs = at - between(32, 70) * DAY; // late (R10)
    if (chance(0.005)) supportMs = at + between(1, 3) * DAY; // in the future (R9)
    const supportDay = dayOf(supportMs);
    const start = between(9 * 4, 17 * 4) * 15;
    const roll = rand();
    const minutes =
      roll < 0.05
        ? between(2, 11) * 5
        : roll < 0.06
          ? -30
          : roll < 0.28
            ? between(8, 16) * 15
            : between(4, 7) * 15;
    let id = applicant.id;
    const email = applicant.email;
    const idRoll = rand();
    if (idRoll < 0.03)
      id = `BN-${String(shape.members + between(1, 500)).padStart(5, '0')}`; // unknown (R5)
    else if (idRoll < 0.05) {
      // Someone else's ID, sent from the applicant's own address (R6).
      const others = registered.filter((m) => m !== applicant);
      if (others.length > 0) id = pick(others).id;
    } else if (idRoll < 0.15) id = idVariant(applicant.seq, pick);
    let second = '';
    if (chance(0.12)) {
      const r2 = rand();
      if (r2 < 0.7) second = pick(active.length > 0 ? active : registered).id;
      else if (r2 < 0.82) second = `BN-${String(shape.members + between(1, 500)).padStart(5, '0')}`;
      else if (r2 < 0.95) {
        const notYet = registered.filter((m) => !eligibleOn(m, today));
        second = notYet.length > 0 ? pick(notYet).id : pick(registered).id;
      } else second = applicant.id.toLowerCase();
    }
    const recipient = chance(0.04) ? pick(regulars) : pick(recipients);
    const answers: Answers = {
      [A.applicantId]: id,
      [A.applicantName]: applicant.name,
      [A.supportDate]: supportDay,
      [A.startTime]: clock(start),
      [A.endTime]: clock(start + minutes),
      [A.recipientName]: chance(0.1) ? recipient.name.toUpperCase() : recipient.name,
      [A.recipientBirthYear]: recipient.birthYear,
      [A.secondId]: second,
      [A.issues]: [pick(ISSUE_CHOICES), ...(chance(0.3) ? [pick(ISSUE_CHOICES)] : [])],
      [A.prefecture]: pick(PREFECTURES),
      [A.description]: pick(SUPPORT),
    };
    const app: Application = { at, email, answers, twice: chance(0.01) };
    if (minutes < 60 && chance(0.3)) {
      // Noticed the end time was wrong and edited the response.
      const editAt = at + between(1, 48) * 3600_000;
      app.edit = { at: editAt, answers: { ...answers, [A.endTime]: clock(start + 90) } };
    }
    apps.push(app);
  }
  // One description that would run as a formula if written raw (R25): it must stay text.
  if (apps.length > 3) apps[3].answers[A.description] = '=HYPERLINK("http://example.com","click")';
  apps.forEach((app, i) => {
    events.push({
      kind: 'submit',
      form: 'application',
      at: app.at,
      row: i + 1,
      email: app.email,
      answers: app.answers,
      twice: app.twice,
    });
    if (app.edit && app.edit.at <= to) {
      events.push({
        kind: 'edit',
        form: 'application',
        at: app.edit.at,
        row: i + 1,
        answers: app.edit.answers,
      });
    }
  });
  // The online sessions, from a generator of their own (RULES §8).
  const sessions = sessionEvents(
    members.map((m) => ({
      id: m.id,
      email: m.email,
      registeredAt: m.registeredAt,
      experience: m.experience,
      foreignBackground: m.origin !== 'ja',
    })),
    from,
    to,
    seed,
  ).filter((e) => e.at <= to);
  events.push(...sessions);
  // Documents and course completions after the last day fall outside the demo.
  const inDemo = events.filter((e) => e.at <= to);
  for (const form of ['registration', 'application', 'signup'] as const) {
    inSubmissionOrder(inDemo, form);
  }
  return {
    events: inDemo,
    until: Date.parse(`${shape.until}+09:00`),
    registrations,
    applications: apps.length,
    signups: sessions.filter((e) => e.kind === 'submit').length,
  };
}

function registrationAnswers(
  m: Member,
  pick: <T>(list: readonly T[]) => T,
  chance: (p: number) => boolean,
): Answers {
  const language = chance(0.7) ? EMAIL_LANGUAGE[m.origin] : pick(['日本語', 'English']);
  const languages = [
    ...new Set([
      EMAIL_LANGUAGE[m.origin],
      ...(chance(0.5) ? ['日本語'] : []),
      ...(chance(0.3) ? ['English'] : []),
    ]),
  ];
  return {
    [R.name]: m.name,
    [R.phone]: `0${pick(['3', '45', '90', '80'])}-${1000 + ((m.seq * 37) % 9000)}-${1000 + ((m.seq * 91) % 9000)}`,
    [R.address]: `${pick(PREFECTURES)} ${m.seq}-1-2`,
    [R.organization]: chance(0.4)
      ? pick(['NPO法人 みなと', 'Kanagawa City Union', '地域国際交流協会'])
      : '',
    [R.area]: pick(PREFECTURES),
    [R.languages]: LANGUAGE_CHOICES.filter((c) => languages.includes(c)),
    [R.foreignBackground]: m.origin === 'ja' ? 'いいえ / No' : 'はい / Yes',
    [R.experience]: m.experience ? 'あり / Yes' : 'なし / No',
    [R.emailLanguage]: language,
    [R.consent]: ['同意します / I agree'],
  };
}

/** How applicants actually type their ID: full width, lower case, spaces, another dash (R5). */
function idVariant(seq: number, pick: <T>(list: readonly T[]) => T): string {
  const digits = String(seq).padStart(5, '0');
  return pick([
    `bn-${digits}`,
    `ＢＮ－${digits.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))}`,
    `BN ${digits}`,
    `BN−${digits}`,
    `BN${digits}`,
  ]);
}

function clock(minutes: number): string {
  const m = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

function wallOf(day: string, seconds: number) {
  const [year, month, d] = day.split('-').map(Number);
  return {
    year,
    month,
    day: d,
    hour: Math.floor(seconds / 3600),
    minute: Math.floor((seconds % 3600) / 60),
    second: seconds % 60,
  };
}

/**
 * A response sheet lists responses in the order they were submitted: each form's rows are
 * numbered so (repeat registrations and sign-ups take their places among the others by time),
 * as Google's sheet and its export show them; edits and staff entries follow their row.
 */
function inSubmissionOrder(events: RunEvent[], form: FormKind): void {
  const sheetRow = new Map<number, number>();
  events
    .filter(
      (e): e is Extract<RunEvent, { kind: 'submit' }> => e.kind === 'submit' && e.form === form,
    )
    .sort((a, b) => a.at - b.at || a.row - b.row)
    .forEach((e, i) => {
      sheetRow.set(e.row, i + 1);
    });
  for (const e of events) {
    const refers =
      ((e.kind === 'submit' || e.kind === 'edit') && e.form === form) ||
      (form === 'signup' && e.kind === 'signupCell');
    if (refers) e.row = sheetRow.get(e.row) ?? e.row;
  }
}

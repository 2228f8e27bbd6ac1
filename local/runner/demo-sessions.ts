// The demo's online consultation sessions (RULES §8): the 14 sessions of the program
// announcement (FY2023: autumn and February; FY2024: six; FY2025: six) typed into the Sessions
// sheet at the start, and for each session held within the demo's period the sign-ups real
// members make: accepted, a waiting list once it fills, an unknown ID, someone else's ID, a
// member not eligible, a second sign-up, one sent after the closing time, a staff cancellation
// that promotes the first waiting sign-up, and attendance ticked after the session.
// Its own seeded generator: the rest of the demo draws exactly the numbers it drew before.
import { dayOf } from '../../src/domain/dates';
import { picker, seededRandom } from '../random';
import { PURPOSE_CHOICES, SIGNUP_TITLES as S } from '../world';
import type { RunEvent } from './engine';
import { tokyoMs } from './inputs';

export interface DemoMember {
  id: string;
  email: string;
  registeredAt: number;
  experience: boolean;
  foreignBackground: boolean;
}

interface DemoSession {
  id: string;
  date: string;
  titleJa: string;
  titleEn: string;
  topics: string;
}

/** The announcement's schedule: FY2023 2 sessions (autumn, February), FY2024 6, FY2025 6. */
export const DEMO_SESSIONS: readonly DemoSession[] = [
  ['S2023-01', '2023-10-20', '在留資格の相談', 'Residency status', '在留資格'],
  ['S2023-02', '2024-02-16', '労働問題の相談', 'Labor issues', '労働'],
  ['S2024-01', '2024-05-17', '医療と福祉', 'Healthcare and welfare', '医療, 福祉'],
  ['S2024-02', '2024-07-19', '住まいの問題', 'Housing', '住まい'],
  ['S2024-03', '2024-09-20', '家族と教育', 'Family and education', '家族, 教育'],
  ['S2024-04', '2024-11-15', '仮放免の生活支援', 'Living on provisional release', '在留資格, 福祉'],
  ['S2024-05', '2025-01-17', 'DV被害の相談', 'Domestic violence', 'DV'],
  ['S2024-06', '2025-03-14', '年度のふりかえり', 'Review of the year', 'その他'],
  ['S2025-01', '2025-05-16', '在留資格の更新', 'Renewing residency status', '在留資格'],
  ['S2025-02', '2025-07-18', '労働災害', 'Work injuries', '労働, 医療'],
  ['S2025-03', '2025-09-19', '子どもの教育', 'Children’s schooling', '教育'],
  ['S2025-04', '2025-11-21', '生活保護と医療', 'Public assistance and healthcare', '福祉, 医療'],
  ['S2025-05', '2026-01-16', '住まいと地域', 'Housing and community', '住まい'],
  ['S2025-06', '2026-02-20', '政策提言に向けて', 'Towards policy recommendations', 'その他'],
].map(([id, date, titleJa, titleEn, topics]) => ({ id, date, titleJa, titleEn, topics }));

const CAPACITY = 20;
const DAY = 86_400_000;

function at(day: string, hour: number, minute = 0): number {
  const [year, month, d] = day.split('-').map(Number);
  return tokyoMs({ year, month, day: d, hour, minute, second: 0 });
}

function closing(s: DemoSession): string {
  return dayOf(at(s.date, 12) - DAY);
}

export function choiceText(s: DemoSession): string {
  return `${s.id} ${s.date.replace(/-/g, '/')} 19:00–20:30 ${s.titleJa} / ${s.titleEn}`;
}

/** Staff's Sessions rows at `from`, and the sign-ups of the sessions held by `to`. */
export function sessionEvents(
  members: readonly DemoMember[],
  from: number,
  to: number,
  seed: number,
): RunEvent[] {
  const rand = seededRandom(seed + 18);
  const pick = picker(rand);
  const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const events: RunEvent[] = DEMO_SESSIONS.map((s, i) => ({
    kind: 'session',
    at: from,
    row: i + 1,
    cells: {
      sessionId: s.id,
      date: s.date,
      start: '19:00',
      end: '20:30',
      titleJa: s.titleJa,
      titleEn: s.titleEn,
      topics: s.topics,
      meetingUrl: `https://meet.example.org/bansou-${s.id.toLowerCase()}`,
      capacity: String(CAPACITY),
      closesAt: `${closing(s)} 17:00`,
      status: 'open',
    },
  }));
  let row = 0;
  const signUp = (
    when: number,
    email: string,
    id: string,
    s: DemoSession,
    purpose: string,
    twice = false,
  ) => {
    row++;
    events.push({
      kind: 'submit',
      form: 'signup',
      at: when,
      row,
      email,
      answers: { [S.memberId]: id, [S.session]: choiceText(s), [S.purpose]: purpose },
      twice,
    });
    return row;
  };
  const [participation, training] = PURPOSE_CHOICES;
  for (const s of DEMO_SESSIONS) {
    const closesAt = at(closing(s), 17);
    const opens = closesAt - 30 * DAY;
    if (opens < from || closesAt > to) continue;
    const when = () => opens + Math.floor(rand() * (closesAt - opens - 3 * DAY));
    const known = members.filter((m) => m.registeredAt < opens);
    const experienced = known.filter((m) => m.experience);
    const trainees = known.filter((m) => !m.experience && m.foreignBackground);
    const neither = known.filter((m) => !m.experience && !m.foreignBackground);
    // Eligible members: more than the places, so the session fills and some wait.
    const chosen = new Set<DemoMember>();
    while (chosen.size < CAPACITY + 4 && chosen.size < experienced.length + trainees.length) {
      chosen.add(rand() < 0.8 || trainees.length === 0 ? pick(experienced) : pick(trainees));
    }
    const timed = [...chosen].map((m) => ({ m, t: when() })).sort((a, b) => a.t - b.t);
    const rows: number[] = [];
    for (const { m, t } of timed) {
      const purpose = m.experience ? (rand() < 0.2 ? training : participation) : training;
      rows.push(signUp(t, m.email, m.id, s, purpose, rand() < 0.05));
    }
    // The mistakes: an ID that does not exist, someone else's ID, not eligible, a second
    // sign-up of the same member, and one sent after the closing time from an old page.
    const first = timed[0].m;
    const others = experienced.filter((m) => !chosen.has(m));
    signUp(when(), `visitor${s.id.slice(1, 5)}@example.org`, 'BN-09999', s, participation);
    if (others.length > 0) signUp(when(), 'friend@example.org', others[0].id, s, participation);
    if (neither.length > 0) {
      const m = pick(neither);
      signUp(when(), m.email, m.id, s, training);
    }
    signUp(timed[0].t + between(1, 48) * 3600_000, first.email, first.id, s, participation);
    const late = others[1];
    if (late) signUp(closesAt + between(5, 50) * 60_000, late.email, late.id, s, participation);
    // Two days before, one participant cancels by phone: staff cancel, the first waiting moves up.
    events.push({
      kind: 'signupCell',
      at: at(s.date, 10) - 2 * DAY,
      row: rows[1],
      cells: { override: 'CANCELLED / 取消', note: '電話で辞退 / cancelled by phone' },
    });
    // The day after, staff tick who attended.
    for (const r of rows.slice(0, CAPACITY + 1)) {
      if (r !== rows[1] && rand() < 0.85)
        events.push({
          kind: 'signupCell',
          at: at(s.date, 10) + DAY,
          row: r,
          cells: { attended: 'TRUE' },
        });
    }
  }
  return events;
}

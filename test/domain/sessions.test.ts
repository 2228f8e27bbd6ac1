// RULES §8: Sessions rows (R32), the form's choices (R33), sign-up decisions as of the
// submission moment (R34), waitlist promotion, reminders due (R35), attendance (R36).
import {
  attendedCounts,
  decideSignup,
  type MemberAsOf,
  nextClosing,
  type OtherSignup,
  openSessions,
  promotions,
  readPurpose,
  readSessionRow,
  readSessions,
  reminderDue,
  type Session,
  type SessionCells,
  SIGNUP_REASON_CODES,
  SIGNUP_REASONS,
  type SignupInput,
  sessionChoice,
  sessionIdOfAnswer,
  signupStatusFor,
} from '../../src/domain/sessions';
import { settings, tokyoMs } from './fixtures';

const cells = (over: Partial<SessionCells> = {}): SessionCells => ({
  sessionId: 'S2024-01',
  date: '2024-05-10',
  start: '19:00',
  end: '20:30',
  titleJa: '在留資格の相談',
  titleEn: 'Residency questions',
  topics: '在留資格',
  meetingUrl: 'https://meet.example.org/abc',
  capacity: 2,
  closesAt: '2024-05-09 17:00',
  status: 'open',
  ...over,
});

function session(over: Partial<SessionCells> = {}): Session {
  const read = readSessionRow(2, cells(over));
  if (!('session' in read)) throw new Error(read.problem.en);
  return read.session;
}

describe('R32: a Sessions row', () => {
  test('a complete row reads as a session in Tokyo time, closing when staff say', () => {
    const s = session();
    expect(s.id).toBe('S2024-01');
    expect(s.startsAt).toBe(tokyoMs('2024-05-10', '19:00'));
    expect(s.endsAt).toBe(tokyoMs('2024-05-10', '20:30'));
    expect(s.closesAt).toBe(tokyoMs('2024-05-09', '17:00'));
    expect(s.capacity).toBe(2);
    expect(s.cancelled).toBe(false);
  });

  test('date and time cells as Sheets returns them (Dates) read the same as typed text', () => {
    const s = session({
      date: new Date(tokyoMs('2024-05-10', '00:00')),
      start: new Date(Date.UTC(1899, 11, 29, 10, 0)), // 19:00 on 1899-12-30 in Tokyo
      closesAt: new Date(tokyoMs('2024-05-09', '17:00')),
      capacity: '２',
    });
    expect(s.startsAt).toBe(tokyoMs('2024-05-10', '19:00'));
    expect(s.closesAt).toBe(tokyoMs('2024-05-09', '17:00'));
    expect(s.capacity).toBe(2);
  });

  test('no closing time: sign-up closes when the session starts', () => {
    expect(session({ closesAt: '' }).closesAt).toBe(tokyoMs('2024-05-10', '19:00'));
  });

  test('"中止" and "cancelled / 中止" mark the session cancelled; an empty status is open', () => {
    expect(session({ status: '中止' }).cancelled).toBe(true);
    expect(session({ status: 'Cancelled / 中止' }).cancelled).toBe(true);
    expect(session({ status: '' }).cancelled).toBe(false);
  });

  test('a bad row is named by row and ID with every problem, in English and Japanese', () => {
    const read = readSessionRow(7, cells({ end: '18:00', capacity: 'many', meetingUrl: 'meet' }));
    expect('problem' in read).toBe(true);
    if (!('problem' in read)) return;
    expect(read.problem.en).toBe(
      'Sessions row 7 (S2024-01): the end time is not after the start time; the meeting URL is not an https:// address; the capacity is not a whole number of 1 or more.',
    );
    expect(read.problem.ja).toBe(
      '回の一覧（Sessions）7行目（S2024-01）: 終了時刻が開始時刻より後になっていません、オンライン会議のURLが https:// で始まるアドレスではありません、定員が1以上の整数ではありません。',
    );
  });

  test('a closing time after the start, an unknown status and a missing date are problems', () => {
    const problem = (over: Partial<SessionCells>) => {
      const read = readSessionRow(3, cells(over));
      return 'problem' in read ? read.problem.en : '';
    };
    expect(problem({ closesAt: '2024-05-10 19:30' })).toContain(
      'closing time is after the session starts',
    );
    expect(problem({ status: 'maybe' })).toContain('neither "open" nor "cancelled"');
    expect(problem({ date: '' })).toContain('the date is not a date');
  });

  test('an ID used twice: the first row stands, the later row is a problem', () => {
    const { sessions, problems } = readSessions([
      { row: 2, cells: cells() },
      { row: 3, cells: cells({ sessionId: 's2024-01', titleEn: 'Other' }) },
    ]);
    expect([...sessions.keys()]).toEqual(['S2024-01']);
    expect(sessions.get('S2024-01')!.titleEn).toBe('Residency questions');
    expect(problems.map((p) => p.row)).toEqual([3]);
  });
});

describe('R33: the form offers the open sessions that have not closed', () => {
  const a = session({ sessionId: 'A', date: '2024-05-10', closesAt: '2024-05-09 17:00' });
  const b = session({ sessionId: 'B', date: '2024-04-20', closesAt: '' });
  const c = session({ sessionId: 'C', date: '2024-06-01', status: '中止' });
  test('in date order, each choice starting with its session ID', () => {
    expect(openSessions([a, b, c], tokyoMs('2024-04-01')).map(sessionChoice)).toEqual([
      'B 2024/04/20 19:00–20:30 在留資格の相談 / Residency questions',
      'A 2024/05/10 19:00–20:30 在留資格の相談 / Residency questions',
    ]);
  });
  test('a session leaves the choices at its closing time', () => {
    expect(openSessions([a, b, c], tokyoMs('2024-05-09', '17:00'))).toEqual([]);
    expect(openSessions([a, b, c], tokyoMs('2024-05-09', '16:59'))).toHaveLength(1);
    expect(nextClosing([a, b, c], tokyoMs('2024-04-01'))).toBe(tokyoMs('2024-04-20', '19:00'));
  });
  test('the answer names its session by the first word', () => {
    expect(sessionIdOfAnswer('A 2024/05/10 19:00–20:30 在留資格の相談')).toBe('A');
    expect(sessionIdOfAnswer(' ｓ2024－01 ')).toBe('S2024-01');
  });
  test('purpose: 研修 / Training is training, anything else participation', () => {
    expect(readPurpose('研修 / Training')).toBe('training');
    expect(readPurpose('参加 / Participation')).toBe('participation');
    expect(readPurpose('')).toBe('participation');
  });
});

describe('R34: a sign-up decided as of its submission moment', () => {
  const s = session({ capacity: 2 }); // S2024-01, closes 2024-05-09 17:00
  const sessions = new Map([[s.id, s]]);
  const registeredAt = tokyoMs('2024-04-01');
  const people: Record<
    string,
    { email: string; experience: boolean; foreignBackground: boolean; at: number }
  > = {
    'BN-00001': {
      email: 'a@example.org',
      experience: true,
      foreignBackground: false,
      at: registeredAt,
    },
    'BN-00002': {
      email: 'b@example.org',
      experience: false,
      foreignBackground: true,
      at: registeredAt,
    },
    'BN-00003': {
      email: 'c@example.org',
      experience: false,
      foreignBackground: false,
      at: registeredAt,
    },
    'BN-00004': {
      email: 'd@example.org',
      experience: true,
      foreignBackground: false,
      at: tokyoMs('2024-05-01'),
    },
  };
  const memberAsOf: MemberAsOf = (id, at) => {
    const p = people[id];
    return p && p.at <= at
      ? { id, email: p.email, experience: p.experience, foreignBackground: p.foreignBackground }
      : undefined;
  };
  let n = 0;
  const input = (over: Partial<SignupInput> = {}): SignupInput => ({
    responseId: `r${++n}`,
    submittedAt: tokyoMs('2024-04-10'),
    respondentEmail: 'a@example.org',
    memberIdAnswer: 'BN-00001',
    sessionAnswer: 'S2024-01 2024/05/10 19:00–20:30 在留資格の相談',
    purposeAnswer: '参加 / Participation',
    ...over,
  });
  const decide = (i: SignupInput, others: OtherSignup[] = []) =>
    decideSignup(i, { settings, sessions, memberAsOf, others });
  const other = (over: Partial<OtherSignup>): OtherSignup => ({
    responseId: 'x',
    submittedAt: tokyoMs('2024-04-05'),
    memberId: 'BN-00009',
    sessionId: 'S2024-01',
    status: 'ACCEPTED',
    ...over,
  });

  test('a member with experience, from their own address, to an open session with room: ACCEPTED', () => {
    expect(decide(input())).toEqual({
      status: 'ACCEPTED',
      reasons: [],
      memberId: 'BN-00001',
      sessionId: 'S2024-01',
      purpose: 'participation',
    });
  });

  test('the ID is read tolerantly (full-width, lower case, dash variants)', () => {
    expect(decide(input({ memberIdAnswer: 'ｂｎー１' })).status).toBe('ACCEPTED');
  });

  test('UNKNOWN_ID: not a member, or the ID issued only after the sign-up', () => {
    expect(decide(input({ memberIdAnswer: 'BN-00099' })).reasons).toEqual(['UNKNOWN_ID']);
    const early = decide(input({ memberIdAnswer: 'BN-00004', respondentEmail: 'd@example.org' }));
    expect(early).toMatchObject({ status: 'REJECTED', reasons: ['UNKNOWN_ID'] });
    const later = decide(
      input({
        memberIdAnswer: 'BN-00004',
        respondentEmail: 'd@example.org',
        submittedAt: tokyoMs('2024-05-02'),
      }),
    );
    expect(later.status).toBe('ACCEPTED');
  });

  test('NOT_SELF: sent from another address than the member registered (case ignored)', () => {
    expect(decide(input({ respondentEmail: 'A@Example.org ' })).status).toBe('ACCEPTED');
    expect(decide(input({ respondentEmail: 'z@example.org' }))).toMatchObject({
      status: 'REJECTED',
      reasons: ['NOT_SELF'],
    });
  });

  test('NOT_ELIGIBLE: no experience; training counts only for a member with a foreign background', () => {
    const b = { memberIdAnswer: 'BN-00002', respondentEmail: 'b@example.org' };
    expect(decide(input(b)).reasons).toEqual(['NOT_ELIGIBLE']);
    expect(decide(input({ ...b, purposeAnswer: '研修 / Training' })).status).toBe('ACCEPTED');
    const c = { memberIdAnswer: 'BN-00003', respondentEmail: 'c@example.org' };
    expect(decide(input({ ...c, purposeAnswer: '研修 / Training' })).reasons).toEqual([
      'NOT_ELIGIBLE',
    ]);
  });

  test('SESSION_CLOSED: at or after the closing time, a cancelled session, an unknown one', () => {
    expect(decide(input({ submittedAt: tokyoMs('2024-05-09', '16:59') })).status).toBe('ACCEPTED');
    expect(decide(input({ submittedAt: tokyoMs('2024-05-09', '17:00') })).reasons).toEqual([
      'SESSION_CLOSED',
    ]);
    const cancelled = session({ status: '中止' });
    expect(
      decideSignup(input(), {
        settings,
        sessions: new Map([[cancelled.id, cancelled]]),
        memberAsOf,
        others: [],
      }).reasons,
    ).toEqual(['SESSION_CLOSED']);
    expect(decide(input({ sessionAnswer: 'S1999-99 old' })).reasons).toEqual(['SESSION_CLOSED']);
  });

  test('DUPLICATE: the same member again for the same session; the first stands', () => {
    const first = other({ memberId: 'BN-00001', status: 'WAITLISTED' });
    expect(decide(input(), [first]).reasons).toEqual(['DUPLICATE']);
    // A first sign-up that was rejected or cancelled holds nothing.
    expect(decide(input(), [other({ memberId: 'BN-00001', status: 'CANCELLED' })]).status).toBe(
      'ACCEPTED',
    );
  });

  test('every reason found is listed, in RULES order', () => {
    expect(
      decide(
        input({
          memberIdAnswer: 'BN-00003',
          respondentEmail: 'x@example.org',
          submittedAt: tokyoMs('2024-05-11'),
        }),
      ).reasons,
    ).toEqual(['NOT_SELF', 'NOT_ELIGIBLE', 'SESSION_CLOSED']);
  });

  test('SESSION_FULL: places taken → WAITLISTED; nobody overtakes an earlier waiting sign-up', () => {
    const two = [other({ responseId: 'p1' }), other({ responseId: 'p2', memberId: 'BN-00008' })];
    expect(decide(input(), two)).toMatchObject({ status: 'WAITLISTED', reasons: ['SESSION_FULL'] });
    const waiting = [other({ responseId: 'w1', status: 'WAITLISTED' })];
    expect(decide(input(), waiting)).toMatchObject({
      status: 'WAITLISTED',
      reasons: ['SESSION_FULL'],
    });
    // Sign-ups for another session, rejected or cancelled ones take no place.
    const elsewhere = [
      other({ responseId: 'q1', sessionId: 'S2024-02' }),
      other({ responseId: 'q2', sessionId: 'S2024-02' }),
      other({ responseId: 'q3', status: 'REJECTED' }),
      other({ responseId: 'q4', status: 'CANCELLED' }),
    ];
    expect(decide(input(), elsewhere).status).toBe('ACCEPTED');
  });
});

describe('R34: the sign-up reason codes, one row each', () => {
  test('every code is listed in RULES order, each with its rule and sentence in both languages', () => {
    expect(SIGNUP_REASON_CODES).toEqual([
      'UNKNOWN_ID',
      'NOT_SELF',
      'NOT_ELIGIBLE',
      'SESSION_CLOSED',
      'DUPLICATE',
      'SESSION_FULL',
    ]);
    for (const code of SIGNUP_REASON_CODES) {
      expect(SIGNUP_REASONS[code].rule).toMatch(/^R34/);
      expect(SIGNUP_REASONS[code].text.ja).not.toBe('');
      expect(SIGNUP_REASONS[code].text.en).not.toBe('');
    }
  });

  test('a full session puts the sign-up on the waiting list; any other reason refuses it', () => {
    expect(signupStatusFor([])).toBe('ACCEPTED');
    expect(signupStatusFor(['SESSION_FULL'])).toBe('WAITLISTED');
    expect(signupStatusFor(['UNKNOWN_ID'])).toBe('REJECTED');
    expect(signupStatusFor(['DUPLICATE'])).toBe('REJECTED');
    expect(signupStatusFor(['SESSION_CLOSED', 'SESSION_FULL'])).toBe('REJECTED');
  });
});

describe('R34: waitlist promotion in sign-up order', () => {
  const s = session({ capacity: 2 });
  const su = (responseId: string, day: string, status: OtherSignup['status']): OtherSignup => ({
    responseId,
    submittedAt: tokyoMs(day),
    memberId: null,
    sessionId: s.id,
    status,
  });
  const list = [
    su('a', '2024-04-01', 'ACCEPTED'),
    su('b', '2024-04-02', 'CANCELLED'),
    su('w2', '2024-04-04', 'WAITLISTED'),
    su('w1', '2024-04-03', 'WAITLISTED'),
  ];
  test('a place freed by a cancellation goes to the earliest waiting sign-up', () => {
    expect(promotions(s, list, tokyoMs('2024-05-01'))).toEqual(['w1']);
  });
  test('two free places (a larger capacity) promote two, in order', () => {
    expect(promotions({ ...s, capacity: 3 }, list, tokyoMs('2024-05-01'))).toEqual(['w1', 'w2']);
  });
  test('nobody is promoted once the session has started, or when it is cancelled', () => {
    expect(promotions(s, list, tokyoMs('2024-05-10', '19:00'))).toEqual([]);
    expect(promotions({ ...s, cancelled: true }, list, tokyoMs('2024-05-01'))).toEqual([]);
  });
});

describe('R35: the reminder is due the day before, until the session starts', () => {
  const s = session(); // 2024-05-10 19:00
  test('not two days before; from 00:00 the day before; not from the start', () => {
    expect(reminderDue(s, tokyoMs('2024-05-08', '23:59'))).toBe(false);
    expect(reminderDue(s, tokyoMs('2024-05-09', '00:00'))).toBe(true);
    expect(reminderDue(s, tokyoMs('2024-05-10', '18:59'))).toBe(true);
    expect(reminderDue(s, tokyoMs('2024-05-10', '19:00'))).toBe(false);
    expect(reminderDue({ ...s, cancelled: true }, tokyoMs('2024-05-09', '09:00'))).toBe(false);
  });
});

describe('R36: sessions attended per fiscal year', () => {
  test('counted per member within the fiscal year (April to March)', () => {
    const counts = attendedCounts(
      [
        { memberId: 'BN-00001', day: '2024-03-31' },
        { memberId: 'BN-00001', day: '2024-04-01' },
        { memberId: 'BN-00001', day: '2025-03-31' },
        { memberId: 'BN-00002', day: '2025-04-01' },
      ],
      2024,
    );
    expect([...counts]).toEqual([['BN-00001', 2]]);
  });
});

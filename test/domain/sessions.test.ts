// RULES §8: Sessions rows (R32), the form's choices (R33), sign-up decisions as of the
// submission moment (R34), waitlist promotion, reminders due (R35), attendance (R36).
import {
  attendedCounts,
  canonicalSessionId,
  decideSignup,
  isOpenForSignup,
  isSignupEligible,
  type MemberAsOf,
  nextClosing,
  type OtherSignup,
  openChoices,
  promotions,
  readPurpose,
  readSessionRow,
  readSessions,
  readSignupOverride,
  reminderDue,
  type Session,
  type SessionCells,
  SIGNUP_REASON_CODES,
  SIGNUP_REASONS,
  type SignupInput,
  sessionChoice,
  sessionIdOfAnswer,
  sessionTimeText,
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
  // Read in each test, never at module load (README, mutation testing).
  let a: Session;
  let b: Session;
  let c: Session;
  beforeEach(() => {
    a = session({ sessionId: 'A', date: '2024-05-10', closesAt: '2024-05-09 17:00' });
    b = session({ sessionId: 'B', date: '2024-04-20', closesAt: '' });
    c = session({ sessionId: 'C', date: '2024-06-01', status: '中止' });
  });
  test('in date order, each choice starting with its session ID', () => {
    expect(openChoices([a, b, c], tokyoMs('2024-04-01'))).toEqual([
      'B 2024/04/20 19:00–20:30 在留資格の相談 / Residency questions',
      'A 2024/05/10 19:00–20:30 在留資格の相談 / Residency questions',
    ]);
  });
  test('a session whose accepted sign-ups reach its capacity is marked full (sign-ups wait)', () => {
    // The fixture's capacity is 2.
    const accepted = new Map([
      ['A', 2],
      ['B', 1],
    ]);
    expect(openChoices([a, b, c], tokyoMs('2024-04-01'), accepted)).toEqual([
      'B 2024/04/20 19:00–20:30 在留資格の相談 / Residency questions',
      'A 2024/05/10 19:00–20:30 在留資格の相談 / Residency questions — 満席・キャンセル待ち / full: waiting list',
    ]);
  });
  test('a session leaves the choices at its closing time', () => {
    expect(openChoices([a, b, c], tokyoMs('2024-05-09', '17:00'))).toEqual([
      '受付中の回はありません / No session is open for sign-up',
    ]);
    expect(openChoices([a, b, c], tokyoMs('2024-05-09', '16:59'))).toHaveLength(1);
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

describe('a staff override in the Sign-ups sheet', () => {
  test.each([
    ['ACCEPTED / 参加確定', 'ACCEPTED'],
    ['accepted', 'ACCEPTED'],
    ['参加確定', 'ACCEPTED'],
    ['ＷＡＩＴＬＩＳＴＥＤ', 'WAITLISTED'],
    [' キャンセル待ち ', 'WAITLISTED'],
    ['REJECTED / お受けできません', 'REJECTED'],
    ['canceled', 'CANCELLED'],
    ['取り消し', 'CANCELLED'],
    ['', null],
    ['maybe', null],
    ['accepted/参加確定', 'ACCEPTED'],
    ['Rejected /お受けできません', 'REJECTED'],
  ])('%p reads as %p', (cell, status) => {
    expect(readSignupOverride(cell)).toBe(status);
  });
});

describe('R34: a sign-up decided as of its submission moment', () => {
  let s: Session; // S2024-01, capacity 2, closes 2024-05-09 17:00
  let sessions: Map<string, Session>;
  beforeEach(() => {
    s = session({ capacity: 2 });
    sessions = new Map([[s.id, s]]);
  });
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
  let s: Session; // capacity 2
  let list: OtherSignup[];
  const su = (responseId: string, day: string, status: OtherSignup['status']): OtherSignup => ({
    responseId,
    submittedAt: tokyoMs(day),
    memberId: null,
    sessionId: s.id,
    status,
  });
  beforeEach(() => {
    s = session({ capacity: 2 });
    list = [
      su('a', '2024-04-01', 'ACCEPTED'),
      su('b', '2024-04-02', 'CANCELLED'),
      su('w2', '2024-04-04', 'WAITLISTED'),
      su('w1', '2024-04-03', 'WAITLISTED'),
    ];
  });
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
  let s: Session; // 2024-05-10 19:00
  beforeEach(() => {
    s = session();
  });
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

describe('R32: how each Sessions cell is read', () => {
  const problemOf = (over: Partial<SessionCells>, row = 3): string => {
    const read = readSessionRow(row, cells(over));
    return 'problem' in read ? read.problem.en : 'no problem';
  };

  test('a complete row gives every field of the session', () => {
    expect(readSessionRow(5, cells({ topics: ' 在留資格、労働 ' }))).toEqual({
      session: {
        id: 'S2024-01',
        row: 5,
        day: '2024-05-10',
        startMinute: 19 * 60,
        endMinute: 20 * 60 + 30,
        startsAt: tokyoMs('2024-05-10', '19:00'),
        endsAt: tokyoMs('2024-05-10', '20:30'),
        titleJa: '在留資格の相談',
        titleEn: 'Residency questions',
        topics: '在留資格、労働',
        meetingUrl: 'https://meet.example.org/abc',
        capacity: 2,
        closesAt: tokyoMs('2024-05-09', '17:00'),
        cancelled: false,
      },
    });
  });

  test('a row with every cell wrong lists every problem, without an ID, in both languages', () => {
    const read = readSessionRow(4, {
      sessionId: '  ',
      date: 'someday',
      start: 'evening',
      end: null,
      titleJa: '',
      titleEn: undefined,
      topics: '',
      meetingUrl: 'meet.example.org',
      capacity: '0',
      closesAt: 'the day before',
      status: 'maybe',
    });
    expect(read).toEqual({
      problem: {
        row: 4,
        sessionId: '',
        en:
          'Sessions row 4: no session ID; the date is not a date (expected 2024-05-10); ' +
          'the start time is not a time (expected 19:00); the end time is not a time (expected 20:30); ' +
          'no title; the meeting URL is not an https:// address; ' +
          'the capacity is not a whole number of 1 or more; ' +
          'the status is neither "open" nor "cancelled"; ' +
          'the sign-up closing time is not a date and time (expected 2024-05-09 17:00).',
        ja:
          '回の一覧（Sessions）4行目: 回のIDが空欄です、日付が読み取れません（例 2024-05-10）、' +
          '開始時刻が読み取れません（例 19:00）、終了時刻が読み取れません（例 20:30）、' +
          'タイトルが空欄です、オンライン会議のURLが https:// で始まるアドレスではありません、' +
          '定員が1以上の整数ではありません、状態が「受付中」でも「中止」でもありません、' +
          '申込締切が日時として読み取れません（例 2024-05-09 17:00）。',
      },
    });
  });

  test('a closing time after the start is named in both languages', () => {
    const read = readSessionRow(6, cells({ closesAt: '2024-05-10 19:01' }));
    expect(read).toEqual({
      problem: {
        row: 6,
        sessionId: 'S2024-01',
        en: 'Sessions row 6 (S2024-01): the sign-up closing time is after the session starts.',
        ja: '回の一覧（Sessions）6行目（S2024-01）: 申込締切が開始時刻より後です。',
      },
    });
  });

  test('sign-up may close exactly when the session starts', () => {
    expect(session({ closesAt: '2024-05-10 19:00' }).closesAt).toBe(tokyoMs('2024-05-10', '19:00'));
  });

  test('an invalid Date or a number in the date cell is not a date', () => {
    expect(problemOf({ date: new Date(Number.NaN) })).toBe(
      'Sessions row 3 (S2024-01): the date is not a date (expected 2024-05-10).',
    );
    expect(problemOf({ date: 45422 })).toBe(
      'Sessions row 3 (S2024-01): the date is not a date (expected 2024-05-10).',
    );
  });

  test('a time cell may be a fraction of a day (0.75 is 18:00); 1 or more, or below 0, is not a time', () => {
    const s = session({ start: 0.75, end: 0.8125 });
    expect(s.startMinute).toBe(18 * 60);
    expect(s.endMinute).toBe(19 * 60 + 30);
    expect(session({ start: 0, end: '01:00', closesAt: '' }).startsAt).toBe(
      tokyoMs('2024-05-10', '00:00'),
    );
    expect(problemOf({ start: 1 })).toBe(
      'Sessions row 3 (S2024-01): the start time is not a time (expected 19:00).',
    );
    expect(problemOf({ start: -0.25 })).toBe(
      'Sessions row 3 (S2024-01): the start time is not a time (expected 19:00).',
    );
    expect(problemOf({ end: true })).toBe(
      'Sessions row 3 (S2024-01): the end time is not a time (expected 20:30).',
    );
  });

  test('a fraction just short of a minute reads as that minute (0.7916666 is 19:00)', () => {
    expect(session({ start: 19 / 24 - 1e-9 }).startMinute).toBe(19 * 60);
  });

  test('an end time equal to the start time is not after it', () => {
    expect(problemOf({ end: '19:00' })).toBe(
      'Sessions row 3 (S2024-01): the end time is not after the start time.',
    );
    expect(session({ end: '19:01' }).endMinute).toBe(19 * 60 + 1);
  });

  test('the closing time may be typed with full-width digits and spaces around it', () => {
    expect(session({ closesAt: ' ２０２４－０５－０９ １７:００ ' }).closesAt).toBe(
      tokyoMs('2024-05-09', '17:00'),
    );
  });

  test('a closing time in 12-hour form reads as the same instant (5:00 PM, 午後5:00)', () => {
    const at = tokyoMs('2024-05-09', '17:00');
    expect(session({ closesAt: '2024/05/09 5:00 PM' }).closesAt).toBe(at);
    expect(session({ closesAt: '2024年5月9日 午後5:00' }).closesAt).toBe(at);
  });

  test('a closing time typed on two lines of the cell (a line break after the day, with or without a space before it) reads as the same instant', () => {
    const at = tokyoMs('2024-05-09', '17:00');
    expect(session({ closesAt: '2024/05/09\n17:00' }).closesAt).toBe(at);
    expect(session({ closesAt: '2024/05/09 \n17:00' }).closesAt).toBe(at);
    expect(session({ closesAt: '2024年5月9日 \n午後5:00' }).closesAt).toBe(at);
  });

  test('a closing time whose day cannot be read is a problem even with a readable time', () => {
    expect(problemOf({ closesAt: 'soon 17:00' })).toBe(
      'Sessions row 3 (S2024-01): the sign-up closing time is not a date and time (expected 2024-05-09 17:00).',
    );
  });

  test('an unreadable start time is reported alone: not also as an end before it or a closing after it', () => {
    expect(problemOf({ start: 'evening', end: '00:00' })).toBe(
      'Sessions row 3 (S2024-01): the start time is not a time (expected 19:00).',
    );
    expect(problemOf({ start: 'evening', closesAt: '2024-05-10 12:00' })).toBe(
      'Sessions row 3 (S2024-01): the start time is not a time (expected 19:00).',
    );
  });

  test('a closing time without a time of day, or a number, is not a date and time', () => {
    const msg =
      'Sessions row 3 (S2024-01): the sign-up closing time is not a date and time (expected 2024-05-09 17:00).';
    expect(problemOf({ closesAt: '2024-05-09' })).toBe(msg);
    expect(problemOf({ closesAt: '17:00' })).toBe(msg);
    expect(problemOf({ closesAt: 45421.7 })).toBe(msg);
  });

  test('one title is enough: the other language shows the same title', () => {
    const jaOnly = session({ titleEn: '' });
    expect([jaOnly.titleJa, jaOnly.titleEn]).toEqual(['在留資格の相談', '在留資格の相談']);
    const enOnly = session({ titleJa: null });
    expect([enOnly.titleJa, enOnly.titleEn]).toEqual([
      'Residency questions',
      'Residency questions',
    ]);
    expect(problemOf({ titleJa: ' ', titleEn: '' })).toBe('Sessions row 3 (S2024-01): no title.');
  });

  test('the meeting URL must be a whole https:// address without spaces or quotes', () => {
    const msg = 'Sessions row 3 (S2024-01): the meeting URL is not an https:// address.';
    expect(problemOf({ meetingUrl: 'http://meet.example.org/abc' })).toBe(msg);
    expect(problemOf({ meetingUrl: 'see https://meet.example.org/abc' })).toBe(msg);
    expect(problemOf({ meetingUrl: 'https://meet.example.org/a b' })).toBe(msg);
    expect(problemOf({ meetingUrl: 'https://meet.example.org/"x"' })).toBe(msg);
    expect(problemOf({ meetingUrl: 'https://meet.example.org/<x>' })).toBe(msg);
    expect(problemOf({ meetingUrl: "https://meet.example.org/'x'" })).toBe(msg);
    expect(problemOf({ meetingUrl: 'https://' })).toBe(msg);
    expect(session({ meetingUrl: ' https://meet.example.org/abc?pwd=1 ' }).meetingUrl).toBe(
      'https://meet.example.org/abc?pwd=1',
    );
  });

  test('the capacity is a whole number of 1 or more (a number cell, or digits typed)', () => {
    const msg = 'Sessions row 3 (S2024-01): the capacity is not a whole number of 1 or more.';
    expect(session({ capacity: 1 }).capacity).toBe(1);
    expect(session({ capacity: ' 30 ' }).capacity).toBe(30);
    expect(problemOf({ capacity: 0 })).toBe(msg);
    expect(problemOf({ capacity: '-1' })).toBe(msg);
    expect(problemOf({ capacity: '1.5' })).toBe(msg);
    expect(problemOf({ capacity: '3 people' })).toBe(msg);
    expect(problemOf({ capacity: 'about 3' })).toBe(msg);
    expect(problemOf({ capacity: '' })).toBe(msg);
  });

  test('status words: open, 受付中, 公開, 募集中, in any case and spacing; cancelled, canceled, キャンセル', () => {
    for (const open of ['OPEN', '受付中', '公開', '募集中', 'Open / 受付中', 'open / anything'])
      expect(session({ status: open }).cancelled).toBe(false);
    for (const cancelled of [
      'CANCELLED',
      'canceled',
      'キャンセル',
      '中止 / Cancelled',
      'cancelled / later',
    ])
      expect(session({ status: cancelled }).cancelled).toBe(true);
    expect(problemOf({ status: '/ anything' })).toBe(
      'Sessions row 3 (S2024-01): the status is neither "open" nor "cancelled".',
    );
    expect(problemOf({ status: 'maybe / open' })).toBe(
      'Sessions row 3 (S2024-01): the status is neither "open" nor "cancelled".',
    );
  });

  test('the session ID is read from a number cell and compared without case, spaces or dash variants', () => {
    expect(session({ sessionId: 7 }).id).toBe('7');
    expect(canonicalSessionId(' s 2024‐01 ')).toBe('S2024-01');
    for (const dash of ['‐', '‑', '‒', '–', '—', '―', 'ー', '−', '－'])
      expect(canonicalSessionId(`s2024${dash}01`)).toBe('S2024-01');
    expect(canonicalSessionId('S2024_01')).toBe('S2024_01');
  });

  test('a date cell read as text (a Date in the ID column) gives its Tokyo day', () => {
    expect(session({ sessionId: new Date(tokyoMs('2024-05-10', '00:00')) }).id).toBe('2024-05-10');
  });
});

describe('R32: rows read together', () => {
  test('bad rows are listed and skipped; a later duplicate is named with the row of the first, in both languages', () => {
    const { sessions, problems } = readSessions([
      { row: 2, cells: cells({ sessionId: 'S1' }) },
      { row: 3, cells: cells({ sessionId: 'S2', capacity: 0 }) },
      { row: 4, cells: cells({ sessionId: 'S3' }) },
      { row: 5, cells: cells({ sessionId: 's1' }) },
    ]);
    expect([...sessions.keys()]).toEqual(['S1', 'S3']);
    expect(sessions.get('S1')!.row).toBe(2);
    expect(problems).toEqual([
      {
        row: 3,
        sessionId: 'S2',
        en: 'Sessions row 3 (S2): the capacity is not a whole number of 1 or more.',
        ja: '回の一覧（Sessions）3行目（S2）: 定員が1以上の整数ではありません。',
      },
      {
        row: 5,
        sessionId: 'S1',
        en: 'Sessions row 5 (S1): this session ID is already used on row 2.',
        ja: '回の一覧（Sessions）5行目（S1）: この回のIDは2行目ですでに使われています。',
      },
    ]);
  });
});

describe('R33: choices, closing and the session time in the emails', () => {
  test('a choice shows the ID, the day, the times with two digits and one title when both are the same', () => {
    const s = session({
      sessionId: 'S9',
      start: '9:05',
      end: '10:00',
      titleJa: 'Q&A',
      titleEn: 'Q&A',
    });
    expect(sessionChoice(s)).toBe('S9 2024/05/10 09:05–10:00 Q&A');
  });

  test('sessions starting at the same moment are offered in ID order', () => {
    const b = session({ sessionId: 'B' });
    const a = session({ sessionId: 'A' });
    const c = session({ sessionId: 'C' });
    const now = tokyoMs('2024-04-01');
    const ids = (list: Session[]) => openChoices(list, now).map((x) => x.split(' ')[0]);
    expect(ids([b, a, c])).toEqual(['A', 'B', 'C']);
    expect(ids([c, b, a])).toEqual(['A', 'B', 'C']);
    expect(ids([a, c, b])).toEqual(['A', 'B', 'C']);
  });

  test('the next closing is the earliest closing among the open sessions; none open: null', () => {
    const a = session({ sessionId: 'A', closesAt: '2024-05-09 17:00' });
    const b = session({ sessionId: 'B', closesAt: '2024-05-08 12:00' });
    const c = session({ sessionId: 'C', closesAt: '2024-05-07 12:00', status: '中止' });
    expect(nextClosing([a, b, c], tokyoMs('2024-04-01'))).toBe(tokyoMs('2024-05-08', '12:00'));
    expect(nextClosing([b, a, c], tokyoMs('2024-04-01'))).toBe(tokyoMs('2024-05-08', '12:00'));
    expect(nextClosing([a, b, c], tokyoMs('2024-05-08', '12:00'))).toBe(
      tokyoMs('2024-05-09', '17:00'),
    );
    expect(nextClosing([a, b, c], tokyoMs('2024-05-09', '17:00'))).toBeNull();
    expect(nextClosing([], tokyoMs('2024-04-01'))).toBeNull();
  });

  test('sign-up is never open once the session has started, whatever its closing time says', () => {
    const s = session({ closesAt: '' });
    const late = { ...s, closesAt: s.startsAt + 3_600_000 };
    expect(isOpenForSignup(late, s.startsAt - 1)).toBe(true);
    expect(isOpenForSignup(late, s.startsAt)).toBe(false);
  });

  test('an empty answer names no session', () => {
    expect(sessionIdOfAnswer('')).toBe('');
    expect(sessionIdOfAnswer('   ')).toBe('');
  });

  test('the session time in the emails: Japanese date, English date with "Japan time"', () => {
    expect(sessionTimeText(session({ start: '9:05', end: '10:30' }))).toEqual({
      ja: '2024年5月10日 09:05–10:30',
      en: '10 May 2024, 09:05–10:30 (Japan time)',
    });
  });

  test('purpose: Training in any case or width, or 研修 alone, is training', () => {
    expect(readPurpose('TRAINING')).toBe('training');
    expect(readPurpose('ｔｒａｉｎｉｎｇ')).toBe('training');
    expect(readPurpose('研修')).toBe('training');
    expect(readPurpose('train')).toBe('participation');
  });

  test('R34 eligibility: experience, or training with a foreign background', () => {
    const m = (experience: boolean, foreignBackground: boolean) => ({
      id: 'BN-00001',
      email: 'a@example.org',
      experience,
      foreignBackground,
    });
    expect(isSignupEligible(m(true, false), 'participation')).toBe(true);
    expect(isSignupEligible(m(false, true), 'participation')).toBe(false);
    expect(isSignupEligible(m(false, true), 'training')).toBe(true);
    expect(isSignupEligible(m(false, false), 'training')).toBe(false);
  });
});

describe('R34: sign-up edge cases', () => {
  let s: Session; // S2024-01, capacity 1, 2024-05-10 19:00, closes 2024-05-09 17:00
  let sessions: Map<string, Session>;
  beforeEach(() => {
    s = session({ capacity: 1 });
    sessions = new Map([[s.id, s]]);
  });
  const asked: string[] = [];
  const memberAsOf: MemberAsOf = (id) => {
    asked.push(id);
    if (id === 'BN-00001')
      return { id, email: 'a@example.org', experience: true, foreignBackground: false };
    if (id === 'BN-00005') return { id, email: '', experience: true, foreignBackground: false };
    return undefined;
  };
  const input = (over: Partial<SignupInput> = {}): SignupInput => ({
    responseId: 'me',
    submittedAt: tokyoMs('2024-04-10', '12:00'),
    respondentEmail: 'a@example.org',
    memberIdAnswer: 'BN-00001',
    sessionAnswer: 'S2024-01 2024/05/10 19:00–20:30 在留資格の相談',
    purposeAnswer: '研修 / Training',
    ...over,
  });
  const other = (over: Partial<OtherSignup>): OtherSignup => ({
    responseId: 'x',
    submittedAt: tokyoMs('2024-04-05'),
    memberId: 'BN-00009',
    sessionId: 'S2024-01',
    status: 'ACCEPTED',
    ...over,
  });
  const decide = (i: SignupInput, others: OtherSignup[] = []) =>
    decideSignup(i, { settings, sessions, memberAsOf, others });

  test('no ID answered: UNKNOWN_ID with no member ID, and nobody is looked up', () => {
    asked.length = 0;
    expect(decide(input({ memberIdAnswer: ' ' }))).toEqual({
      status: 'REJECTED',
      reasons: ['UNKNOWN_ID'],
      memberId: null,
      sessionId: 'S2024-01',
      purpose: 'training',
    });
    expect(asked).toEqual([]);
  });

  test('a rejected sign-up keeps the member ID, session and purpose it named', () => {
    expect(decide(input({ memberIdAnswer: 'bn-99', sessionAnswer: 's2024-01' }))).toEqual({
      status: 'REJECTED',
      reasons: ['UNKNOWN_ID'],
      memberId: 'BN-00099',
      sessionId: 'S2024-01',
      purpose: 'training',
    });
  });

  test('an unknown ID is never also a DUPLICATE, even if that ID signed up before', () => {
    expect(
      decide(input({ memberIdAnswer: 'BN-00099' }), [other({ memberId: 'BN-00099' })]).reasons,
    ).toEqual(['UNKNOWN_ID']);
  });

  test('NOT_SELF: no address recorded matches nothing, even a member registered without one', () => {
    const fromNobody = { memberIdAnswer: 'BN-00005', respondentEmail: '' };
    expect(decide(input(fromNobody)).reasons).toEqual(['NOT_SELF']);
    expect(decide(input({ respondentEmail: '' })).reasons).toEqual(['NOT_SELF']);
  });

  test('the same sign-up decided again is neither its own DUPLICATE nor takes its own place', () => {
    const itself = other({ responseId: 'me', memberId: 'BN-00001' });
    expect(decide(input(), [itself])).toEqual({
      status: 'ACCEPTED',
      reasons: [],
      memberId: 'BN-00001',
      sessionId: 'S2024-01',
      purpose: 'training',
    });
  });

  test('DUPLICATE only for the same session: the member may sign up for another', () => {
    const elsewhere = other({ memberId: 'BN-00001', sessionId: 'S2024-02' });
    expect(decide(input(), [elsewhere]).status).toBe('ACCEPTED');
    const rejected = other({ memberId: 'BN-00001', status: 'REJECTED' });
    expect(decide(input(), [rejected]).status).toBe('ACCEPTED');
    const accepted = other({ memberId: 'BN-00001', status: 'ACCEPTED' });
    expect(decide(input(), [accepted])).toEqual({
      status: 'REJECTED',
      reasons: ['DUPLICATE'],
      memberId: 'BN-00001',
      sessionId: 'S2024-01',
      purpose: 'training',
    });
  });

  test('the last place is given; the next sign-up waits with SESSION_FULL', () => {
    expect(decide(input()).status).toBe('ACCEPTED');
    expect(decide(input(), [other({})])).toEqual({
      status: 'WAITLISTED',
      reasons: ['SESSION_FULL'],
      memberId: 'BN-00001',
      sessionId: 'S2024-01',
      purpose: 'training',
    });
  });

  test('a sign-up waiting after this one does not hold it back; one before it, even at the same moment, does', () => {
    const at = tokyoMs('2024-04-10', '12:00');
    const after = other({ responseId: 'zz', submittedAt: at + 1, status: 'WAITLISTED' });
    expect(decide(input(), [after]).status).toBe('ACCEPTED');
    const sameMomentLater = other({ responseId: 'mf', submittedAt: at, status: 'WAITLISTED' });
    expect(decide(input(), [sameMomentLater]).status).toBe('ACCEPTED');
    const sameMomentEarlier = other({ responseId: 'ma', submittedAt: at, status: 'WAITLISTED' });
    expect(decide(input(), [sameMomentEarlier]).status).toBe('WAITLISTED');
    const before = other({ responseId: 'zz', submittedAt: at - 1, status: 'WAITLISTED' });
    expect(decide(input(), [before]).status).toBe('WAITLISTED');
  });
});

describe('R34: promotion edge cases', () => {
  let s: Session; // capacity 1, starts 2024-05-10 19:00
  beforeEach(() => {
    s = session({ capacity: 1 });
  });
  const su = (
    responseId: string,
    submittedAt: number,
    status: OtherSignup['status'],
    sessionId = s.id,
  ): OtherSignup => ({ responseId, submittedAt, memberId: null, sessionId, status });
  const t = tokyoMs('2024-04-03');

  test('no free place: nobody is promoted', () => {
    expect(promotions(s, [su('a', t, 'ACCEPTED'), su('w', t + 1, 'WAITLISTED')], t + 2)).toEqual(
      [],
    );
    const over = [su('a', t, 'ACCEPTED'), su('b', t, 'ACCEPTED'), su('w', t + 1, 'WAITLISTED')];
    expect(promotions(s, over, t + 2)).toEqual([]);
    // Capacity lowered below the places given: still nobody moves up.
    const two = [...over, su('w2', t + 2, 'WAITLISTED')];
    expect(promotions(s, two, t + 3)).toEqual([]);
  });

  test('places taken in other sessions do not count; their waiting sign-ups are not promoted here', () => {
    const list = [
      su('o1', t, 'ACCEPTED', 'S2024-09'),
      su('o2', t, 'WAITLISTED', 'S2024-09'),
      su('w', t + 5, 'WAITLISTED'),
    ];
    expect(promotions(s, list, t + 10)).toEqual(['w']);
  });

  test('waiting sign-ups of the same moment move up by response ID', () => {
    const list = [su('wb', t, 'WAITLISTED'), su('wa', t, 'WAITLISTED'), su('wc', t, 'WAITLISTED')];
    expect(promotions({ ...s, capacity: 2 }, list, t + 1)).toEqual(['wa', 'wb']);
    expect(promotions({ ...s, capacity: 2 }, [...list].reverse(), t + 1)).toEqual(['wa', 'wb']);
  });

  test('a place freed a moment before the start still promotes', () => {
    expect(promotions(s, [su('w', t, 'WAITLISTED')], s.startsAt - 1)).toEqual(['w']);
  });
});

describe('R35 and R36 edges', () => {
  test('the reminder is not due for a session already over', () => {
    const s = session();
    expect(reminderDue(s, s.endsAt)).toBe(false);
  });

  test('a member attending twice in the year counts 2; members are counted apart', () => {
    const counts = attendedCounts(
      [
        { memberId: 'BN-00001', day: '2024-05-10' },
        { memberId: 'BN-00002', day: '2024-06-10' },
        { memberId: 'BN-00001', day: '2024-07-10' },
      ],
      2024,
    );
    expect([...counts]).toEqual([
      ['BN-00001', 2],
      ['BN-00002', 1],
    ]);
  });
});

// RULES §8 through the BUILT bundle: staff keep the Sessions sheet, set-up and the sweep keep
// the sign-up form's choices, each sign-up is decided and emailed once (R34, R35), staff
// cancellations promote the waiting list, the daily trigger sends the reminder and the staff
// list once, and attendance is counted per fiscal year (R36).
import { REGISTRATION_TITLES as R, SIGNUP_TITLES as S } from '../../local/world';
import {
  failedExecutions,
  type Office,
  office,
  staffAddsSession,
  staffSets,
  sweep,
  tokyo,
  uncounted,
} from './helpers';

const MEET = 'https://meet.example.org/s1';

function member(
  o: Office,
  email: string,
  name: string,
  experience: boolean,
  foreign: boolean,
  language = '日本語',
): void {
  o.rt.forms.submit(o.registration, {
    email,
    answers: {
      [R.name]: name,
      [R.experience]: experience ? 'あり / Yes' : 'なし / No',
      [R.foreignBackground]: foreign ? 'はい / Yes' : 'いいえ / No',
      [R.emailLanguage]: language,
      [R.consent]: ['同意します / I agree'],
    },
  });
}

/** The session question's choices as the respondent sees them. */
function choices(o: Office): string[] {
  return uncounted(o, () => {
    const item = o.signup!.getItems().find((i) => i.getTitle() === S.session)!;
    return item.getChoices().map((c) => c.getValue());
  });
}

function signUp(
  o: Office,
  email: string,
  id: string,
  session: string,
  purpose = '参加 / Participation',
  options: { twice?: boolean; drop?: boolean; lateRow?: boolean } = {},
): string {
  // The choice the respondent sees (or saw, when the form page was opened earlier).
  const choice = choices(o).find((c) => c.split(' ')[0] === session) ?? session;
  return o.rt.forms
    .submit(
      o.signup!,
      { email, answers: { [S.memberId]: id, [S.session]: choice, [S.purpose]: purpose } },
      options,
    )
    .getId();
}

/** A minute later the respondent edits their sign-up to another session (same ID, purpose). */
function moveTo(o: Office, responseId: string, id: string, session: string): void {
  o.rt.advanceTo(o.rt.now() + 60_000);
  o.rt.forms.editResponse(responseId, {
    answers: {
      [S.memberId]: id,
      [S.session]: choices(o).find((c) => c.startsWith(session))!,
      [S.purpose]: '参加 / Participation',
    },
  });
}

function addSession(o: Office, id: string, date: string, capacity: number, closes = ''): void {
  staffAddsSession(o, id, date, capacity, closes, MEET);
}

const signups = (o: Office) => o.rows('Sign-ups');
const mailsTo = (o: Office, to: string) => o.rt.mail.outbox.filter((m) => m.to.includes(to));

function setUpOffice(): Office {
  const o = office({ withSignupForm: true, start: tokyo('2024-04-01T09:00:00') });
  member(o, 'a@example.org', 'Aoki Akira', true, false); // BN-00001: experience
  member(o, 'b@example.org', 'Bui Binh', false, true, 'English'); // BN-00002: foreign background
  member(o, 'c@example.org', 'Chen Chao', false, false); // BN-00003: neither
  member(o, 'd@example.org', 'Diaz Dora', true, true); // BN-00004
  member(o, 'e@example.org', 'Endo Emi', true, false); // BN-00005
  addSession(o, 'S2024-01', '2024-05-10', 2, '2024-05-09 17:00');
  addSession(o, 'S2024-02', '2024-06-14', 10);
  o.rt.run('updateSessions');
  return o;
}

describe('R33: the sign-up form offers the open sessions', () => {
  test('set-up installs the sign-up trigger and the daily trigger, and the Sessions and Sign-ups sheets', () => {
    const o = setUpOffice();
    const handlers = o.rt.script.getProjectTriggers().map((t) => t.getHandlerFunction());
    expect(handlers).toEqual(expect.arrayContaining(['onSignupSubmit', 'runSessionsDaily']));
    expect(handlers.length).toBeLessThanOrEqual(20);
    expect(o.ss.getSheetByName('Sessions')).not.toBeNull();
    expect(o.ss.getSheetByName('Sign-ups')).not.toBeNull();
  });

  test('the choices are the open sessions, in date order, each starting with its ID', () => {
    const o = setUpOffice();
    expect(choices(o)).toEqual([
      'S2024-01 2024/05/10 19:00–20:30 在留資格の相談 / Residency questions',
      'S2024-02 2024/06/14 19:00–20:30 在留資格の相談 / Residency questions',
    ]);
  });

  test('a staff edit of Sessions reaches the form at the next sweep; a closed session leaves it', () => {
    const o = setUpOffice();
    staffSets(o, 'Sessions', 2, 'Status', 'cancelled');
    sweep(o);
    expect(choices(o).map((c) => c.split(' ')[0])).toEqual(['S2024-01']);
    o.at('2024-05-09T17:30:00');
    sweep(o);
    expect(choices(o)).toEqual(['受付中の回はありません / No session is open for sign-up']);
    expect(failedExecutions(o)).toEqual([]);
  });

  test('a session that fills is marked full in the form (sign-ups then join the waiting list)', () => {
    const o = setUpOffice();
    signUp(o, 'a@example.org', 'BN-00001', 'S2024-01');
    signUp(o, 'd@example.org', 'BN-00004', 'S2024-01');
    expect(choices(o)[0]).toBe(
      'S2024-01 2024/05/10 19:00–20:30 在留資格の相談 / Residency questions — 満席・キャンセル待ち / full: waiting list',
    );
  });
});

describe('R34, R35: each sign-up decided as of its moment and told once', () => {
  test('accepted: the confirmation carries the meeting URL; the Sessions sheet counts the place', () => {
    const o = setUpOffice();
    const id = signUp(o, 'a@example.org', 'bn-1', 'S2024-01');
    expect(signups(o)).toEqual([
      expect.objectContaining({
        'Response ID': id,
        'Bansou Net ID': 'BN-00001',
        Name: 'Aoki Akira',
        'Session ID': 'S2024-01',
        Status: 'ACCEPTED',
        'Reason codes': '',
        'Status emailed': 'ACCEPTED',
      }),
    ]);
    const mails = mailsTo(o, 'a@example.org').filter((m) => m.subject.includes('S2024-01'));
    expect(mails).toHaveLength(1);
    expect(mails[0].body).toContain(MEET);
    expect(mails[0].body).toContain('Aoki Akira');
    expect(o.rows('Sessions')[0]).toMatchObject({ Participants: 1, 'Waiting list': 0 });
  });

  test('every reason code, each with its status; the meeting URL only to the accepted', () => {
    const o = setUpOffice();
    signUp(o, 'a@example.org', 'BN-00001', 'S2024-01'); // ACCEPTED
    signUp(o, 'b@example.org', 'BN-00002', 'S2024-01', '研修 / Training'); // ACCEPTED (training)
    signUp(o, 'e@example.org', 'BN-00005', 'S2024-01'); // WAITLISTED (full)
    signUp(o, 'x@example.org', 'BN-00099', 'S2024-02'); // UNKNOWN_ID
    signUp(o, 'z@example.org', 'BN-00004', 'S2024-02'); // NOT_SELF
    signUp(o, 'c@example.org', 'BN-00003', 'S2024-02', '研修 / Training'); // NOT_ELIGIBLE
    signUp(o, 'a@example.org', 'BN-00001', 'S2024-01'); // DUPLICATE
    const withUrl = o.rt.mail.outbox.filter((m) => m.body.includes(MEET)).map((m) => m.to[0]);
    expect(withUrl.sort()).toEqual(['a@example.org', 'b@example.org']);
    // The form page opened just before the closing time, sent just after it.
    o.at('2024-05-09T16:59:00');
    const seen = choices(o)[0];
    o.at('2024-05-09T17:00:20');
    o.rt.forms.submit(o.signup!, {
      email: 'd@example.org',
      answers: { [S.memberId]: 'BN-00004', [S.session]: seen, [S.purpose]: '参加 / Participation' },
    }); // SESSION_CLOSED
    expect(signups(o).map((r) => [r.Status, r['Reason codes']])).toEqual([
      ['ACCEPTED', ''],
      ['ACCEPTED', ''],
      ['WAITLISTED', 'SESSION_FULL'],
      ['REJECTED', 'UNKNOWN_ID'],
      ['REJECTED', 'NOT_SELF'],
      ['REJECTED', 'NOT_ELIGIBLE'],
      ['REJECTED', 'DUPLICATE'],
      ['REJECTED', 'SESSION_CLOSED'],
    ]);
    // B chose English: the confirmation is in English.
    expect(mailsTo(o, 'b@example.org').map((m) => m.subject)).toContain(
      'Bansou Net: your place in the online session S2024-01 is confirmed',
    );
    // The NOT_SELF reply goes to whoever sent it, without the member's name.
    const notSelf = mailsTo(o, 'z@example.org');
    expect(notSelf).toHaveLength(1);
    expect(notSelf[0].body).not.toContain('Diaz');
    expect(notSelf[0].body).toContain(
      'Sign-ups must be made by the members themselves, from the email address they registered.',
    );
    expect(mailsTo(o, 'e@example.org').at(-1)!.body).toContain(
      'この回は定員に達しているため、キャンセル待ちとして受け付けました。',
    );
    expect(failedExecutions(o)).toEqual([]);
  });

  test('fired twice, dropped (the sweep finishes it), row late: one decision, one email each', () => {
    const o = setUpOffice();
    signUp(o, 'a@example.org', 'BN-00001', 'S2024-01', undefined, { twice: true });
    signUp(o, 'd@example.org', 'BN-00004', 'S2024-01', undefined, { drop: true });
    signUp(o, 'e@example.org', 'BN-00005', 'S2024-01', undefined, { lateRow: true });
    expect(signups(o)).toHaveLength(2);
    sweep(o);
    sweep(o);
    expect(signups(o).map((r) => [r['Bansou Net ID'], r.Status])).toEqual([
      ['BN-00001', 'ACCEPTED'],
      ['BN-00005', 'ACCEPTED'],
      ['BN-00004', 'WAITLISTED'],
    ]);
    for (const who of ['a', 'd', 'e'])
      expect(
        mailsTo(o, `${who}@example.org`).filter((m) => m.subject.includes('S2024-01')),
      ).toHaveLength(1);
  });

  test('mail quota exhausted: the confirmation waits in the Outbox and goes out once', () => {
    const o = setUpOffice();
    o.explains.push(
      /^Log STAFF_ALERT: Emails are waiting for tomorrow’s quota: 1 emails are queued/,
    );
    o.rt.mail.exhaust();
    signUp(o, 'a@example.org', 'BN-00001', 'S2024-01');
    expect(mailsTo(o, 'a@example.org').filter((m) => m.body.includes(MEET))).toHaveLength(0);
    o.at('2024-04-02T10:30:00');
    o.rt.run('sendQueuedEmails');
    o.rt.run('sendQueuedEmails');
    expect(mailsTo(o, 'a@example.org').filter((m) => m.body.includes(MEET))).toHaveLength(1);
  });
});

describe('R34: staff overrides, cancellations and the waiting list', () => {
  function full(): Office {
    const o = setUpOffice();
    signUp(o, 'a@example.org', 'BN-00001', 'S2024-01');
    signUp(o, 'd@example.org', 'BN-00004', 'S2024-01');
    signUp(o, 'e@example.org', 'BN-00005', 'S2024-01'); // waits 1st
    signUp(o, 'b@example.org', 'BN-00002', 'S2024-01', '研修 / Training'); // waits 2nd
    return o;
  }

  test('a staff cancellation frees the place: the first waiting sign-up is promoted and told, with the URL', () => {
    const o = full();
    staffSets(o, 'Sign-ups', 1, 'Staff override', 'CANCELLED / 取消');
    staffSets(o, 'Sign-ups', 1, 'Staff note', 'asked by phone');
    sweep(o);
    expect(signups(o).map((r) => r.Status)).toEqual([
      'CANCELLED',
      'ACCEPTED',
      'ACCEPTED',
      'WAITLISTED',
    ]);
    const promoted = mailsTo(o, 'e@example.org').at(-1)!;
    expect(promoted.subject).toBe('【伴走ネット】キャンセル待ちから参加が確定しました（S2024-01）');
    expect(promoted.body).toContain(MEET);
    expect(mailsTo(o, 'a@example.org').at(-1)!.subject).toBe(
      '【伴走ネット】オンライン相談会の参加を取り消しました（S2024-01）',
    );
    expect(signups(o)[0]['Staff note']).toBe('asked by phone');
    sweep(o);
    o.rt.run('updateSessions');
    expect(mailsTo(o, 'e@example.org')).toHaveLength(3); // ID, waiting list, promotion
  });

  test('no promotion once the session has started', () => {
    const o = full();
    o.at('2024-05-10T19:10:00');
    staffSets(o, 'Sign-ups', 1, 'Staff override', 'CANCELLED / 取消');
    sweep(o);
    expect(signups(o).map((r) => r.Status)).toEqual([
      'CANCELLED',
      'ACCEPTED',
      'WAITLISTED',
      'WAITLISTED',
    ]);
  });

  test('a staff override to ACCEPTED sends the confirmation with the URL, and the note is kept', () => {
    const o = setUpOffice();
    signUp(o, 'c@example.org', 'BN-00003', 'S2024-02');
    staffSets(o, 'Sign-ups', 1, 'Staff override', 'ACCEPTED / 参加確定');
    o.rt.run('updateSessions');
    expect(signups(o)[0]).toMatchObject({ Status: 'ACCEPTED', 'Automatic status': 'REJECTED' });
    expect(mailsTo(o, 'c@example.org').filter((m) => m.body.includes(MEET))).toHaveLength(1);
  });
});

describe('R35: the day before, once: the reminder and the participant list', () => {
  test('accepted participants get one reminder; a cancelled one none; staff get one list', () => {
    const o = setUpOffice();
    signUp(o, 'a@example.org', 'BN-00001', 'S2024-01');
    signUp(o, 'd@example.org', 'BN-00004', 'S2024-01');
    signUp(o, 'e@example.org', 'BN-00005', 'S2024-01');
    staffSets(o, 'Sign-ups', 2, 'Staff override', 'CANCELLED / 取消');
    o.rt.run('updateSessions'); // E promoted
    o.at('2024-05-10T12:00:00'); // the daily trigger has fired on the 9th (and on the 10th)
    o.rt.run('runSessionsDaily'); // fired twice
    const reminders = o.rt.mail.outbox.filter((m) => m.subject.includes('明日のオンライン相談会'));
    expect(reminders.map((m) => m.to[0]).sort()).toEqual(['a@example.org', 'e@example.org']);
    expect(reminders[0].body).toContain(MEET);
    const lists = mailsTo(o, o.staffEmail).filter((m) => m.subject.includes('参加者一覧'));
    expect(lists).toHaveLength(1);
    expect(lists[0].body).toContain('BN-00001  (参加 / participation)');
    expect(lists[0].body).toContain('BN-00005  (参加 / participation)');
    // R27: the list names people by ID only; the names are in the sheet.
    expect(lists[0].body).not.toContain('Aoki');
    expect(lists[0].body).not.toContain('BN-00004');
    expect(failedExecutions(o)).toEqual([]);
  });
});

describe('R35: the daily trigger is checked like the others', () => {
  test('with a sign-up form, a missing runSessionsDaily is named by the health report and alerted by the sweep once', () => {
    const o = setUpOffice();
    o.explains.push(
      /^Log STAFF_ALERT: .*Trigger missing: runSessionsDaily|^Log STAFF_ALERT: The trigger for runSessionsDaily is missing: /,
    );
    const daily = o.rt.script
      .getProjectTriggers()
      .find((t) => t.getHandlerFunction() === 'runSessionsDaily')!;
    o.rt.script.deleteTrigger(daily);
    expect(String(o.rt.run('healthReport'))).toContain(
      'MISSING / 未設定: runSessionsDaily — run Set up / check',
    );
    sweep(o);
    sweep(o);
    const alerts = mailsTo(o, o.staffEmail).filter((m) => m.subject.includes('runSessionsDaily'));
    expect(alerts).toHaveLength(1);
  });
});

describe('R35: an accepted participant who moves to another session is told again', () => {
  test('an edit that moves an accepted sign-up to another session sends that session’s confirmation with its meeting URL, and the day-before reminder of the new session', () => {
    const o = setUpOffice();
    const aoki = signUp(o, 'a@example.org', 'BN-00001', 'S2024-01');
    const before = o.rt.mail.outbox.length;
    moveTo(o, aoki, 'BN-00001', 'S2024-02');
    expect(signups(o).map((r) => [r['Session ID'], r.Status])).toEqual([['S2024-02', 'ACCEPTED']]);
    const told = mailsTo(o, 'a@example.org').slice(-1);
    expect(o.rt.mail.outbox.length).toBe(before + 1);
    expect(told[0].subject).toContain('S2024-02');
    expect(told[0].body).toContain('2024年6月14日');
    expect(told[0].body).toContain(MEET);
    o.at('2024-06-14T12:00:00'); // the daily trigger fired on the 13th
    const reminders = mailsTo(o, 'a@example.org').filter((m) => m.subject.includes('明日'));
    expect(reminders.map((m) => m.subject)).toEqual([
      '【伴走ネット】明日のオンライン相談会のご案内（S2024-02）',
    ]);
    expect(failedExecutions(o)).toEqual([]);
  });
});

describe('R35: never a reminder after a cancellation', () => {
  test('a reminder the quota held back in the Outbox is withdrawn when staff cancel', () => {
    const o = setUpOffice();
    o.explains.push(
      /^Log STAFF_ALERT: Emails are waiting for tomorrow’s quota: \d+ emails are queued/,
    );
    signUp(o, 'a@example.org', 'BN-00001', 'S2024-01');
    o.at('2024-05-09T08:30:00');
    o.rt.mail.exhaust();
    o.rt.run('runSessionsDaily');
    expect(o.rows('Outbox').filter((r) => r.Kind === 'session-reminder')).toHaveLength(1);
    staffSets(o, 'Sign-ups', 1, 'Staff override', 'CANCELLED / 取消');
    o.rt.run('updateSessions');
    o.at('2024-05-10T18:00:00'); // the next day's quota: the Outbox is sent
    o.rt.run('sendQueuedEmails');
    const reminders = mailsTo(o, 'a@example.org').filter((m) => m.subject.includes('明日'));
    expect(reminders).toHaveLength(0);
    expect(o.rows('Outbox').find((r) => r.Kind === 'session-reminder')?.Status).toBe('WITHDRAWN');
    expect(failedExecutions(o)).toEqual([]);
  });
});

describe('R36: attendance', () => {
  test('staff tick attendance; Members shows the sessions attended this fiscal year', () => {
    const o = setUpOffice();
    signUp(o, 'a@example.org', 'BN-00001', 'S2024-01');
    signUp(o, 'a@example.org', 'BN-00001', 'S2024-02');
    o.at('2024-06-20T10:00:00');
    staffSets(o, 'Sign-ups', 1, 'Attended', 'TRUE');
    staffSets(o, 'Sign-ups', 2, 'Attended', 'TRUE');
    o.rt.run('runSessionsDaily');
    const members = o.rows('Members');
    expect(members[0]['Sessions attended this FY']).toBe(2);
    expect(members[1]['Sessions attended this FY']).toBe('');
  });
});

describe('R32: a bad Sessions row', () => {
  test('is named in a bilingual alert and marked; its sign-ups wait until it is fixed', () => {
    const o = setUpOffice();
    o.explains.push(
      /^Log STAFF_ALERT: A row of the Sessions sheet cannot be read: Sessions row 2 \(S2024-01\): the meeting URL is not an https:\/\/ address\./,
    );
    staffSets(o, 'Sessions', 1, 'Meeting URL', 'zoom please');
    const id = signUp(o, 'a@example.org', 'BN-00001', 'S2024-01');
    expect(signups(o)).toHaveLength(0);
    const alert = mailsTo(o, o.staffEmail).find((m) =>
      m.body.includes('Sessions row 2 (S2024-01)'),
    );
    expect(alert?.body).toContain('回の一覧（Sessions）2行目（S2024-01）');
    expect(String(o.rows('Sessions')[0].Check)).toContain('meeting URL');
    staffSets(o, 'Sessions', 1, 'Meeting URL', MEET);
    sweep(o);
    expect(signups(o).map((r) => [r['Response ID'], r.Status])).toEqual([[id, 'ACCEPTED']]);
    expect(o.rows('Sessions')[0].Check).toBe('');
  });
});

describe('cost', () => {
  test('a sign-up costs no more Spreadsheet calls than an application (21 in the bench: five tables read)', () => {
    const o = setUpOffice();
    signUp(o, 'a@example.org', 'BN-00001', 'S2024-02');
    o.rt.resetCounts();
    signUp(o, 'd@example.org', 'BN-00004', 'S2024-02');
    expect(signups(o)).toHaveLength(2);
    // Sessions read whole; Sign-ups, Members and Member history by key (issue #15: each header,
    // one TextFinder search, the rows found); the row, the counts, the log line and the flush: 21
    // (20 when Sign-ups was read whole, 15 when Members and Member history were too).
    expect(o.rt.counts().calls.Spreadsheet).toBeLessThanOrEqual(21);
  });
});

describe('R34: the member as of the sign-up moment', () => {
  test('a sign-up the sweep finishes late is decided with the declarations of its moment, not a later re-registration', () => {
    const o = setUpOffice();
    o.at('2024-04-10T10:00:00');
    // Chen (no experience, no foreign background) signs up; the trigger does not fire.
    signUp(o, 'c@example.org', 'BN-00003', 'S2024-01', undefined, { drop: true });
    o.rt.advanceTo(o.rt.now() + 1000);
    // A second later Chen registers again, now declaring experience.
    member(o, 'c@example.org', 'Chen Chao', true, false);
    sweep(o);
    signUp(o, 'c@example.org', 'BN-00003', 'S2024-02');
    expect(signups(o).map((r) => [r['Session ID'], r.Status, r['Reason codes']])).toEqual([
      ['S2024-01', 'REJECTED', 'NOT_ELIGIBLE'],
      ['S2024-02', 'ACCEPTED', ''],
    ]);
  });
});

// Issue #15 item 2: a sign-up reads the Members and Member history rows of the members it names
// and emails (found by key), not the whole tables. The names and languages in the mail, and the
// member as of the sign-up moment, are what they were when both tables were read whole.
describe('a sign-up looks its members up by ID (issue #15)', () => {
  test('an edit that moves a sign-up to another session promotes the first waiting sign-up in the same execution, who is told by name, in their language', () => {
    const o = setUpOffice();
    const aoki = signUp(o, 'a@example.org', 'BN-00001', 'S2024-01');
    signUp(o, 'd@example.org', 'BN-00004', 'S2024-01');
    signUp(o, 'b@example.org', 'BN-00002', 'S2024-01', '研修 / Training'); // waits 1st (English)
    signUp(o, 'e@example.org', 'BN-00005', 'S2024-01'); // waits 2nd
    const before = o.rt.mail.outbox.length;
    moveTo(o, aoki, 'BN-00001', 'S2024-02');
    expect(signups(o).map((r) => [r['Bansou Net ID'], r.Name, r['Session ID'], r.Status])).toEqual([
      ['BN-00001', 'Aoki Akira', 'S2024-02', 'ACCEPTED'],
      ['BN-00004', 'Diaz Dora', 'S2024-01', 'ACCEPTED'],
      ['BN-00002', 'Bui Binh', 'S2024-01', 'ACCEPTED'],
      ['BN-00005', 'Endo Emi', 'S2024-01', 'WAITLISTED'],
    ]);
    // Bui chose English: told in English, by name, with the meeting URL.
    const promoted = o.rt.mail.outbox.slice(before).filter((m) => m.to[0] === 'b@example.org');
    expect(promoted.map((m) => m.subject)).toEqual([
      'Bansou Net: a place opened up: you are now in the session S2024-01',
    ]);
    expect(promoted[0].body).toContain('Bui Binh');
    expect(promoted[0].body).toContain(MEET);
    expect(failedExecutions(o)).toEqual([]);
  });

  test('a registration and a sign-up of the new member, both left to the sweep, are finished by one sweep: the member it just registered is found, named and accepted', () => {
    const o = setUpOffice();
    o.at('2024-04-10T10:00:00');
    member(o, 'f@example.org', 'Fujita Fumi', true, false, 'English');
    const registration = o.rt.mail.outbox.length;
    // The registration's trigger did not run (the response is only in the form) …
    o.rt.forms.submit(
      o.registration,
      {
        email: 'g@example.org',
        answers: {
          [R.name]: 'Goto Gen',
          [R.experience]: 'あり / Yes',
          [R.foreignBackground]: 'いいえ / No',
          [R.emailLanguage]: 'English',
          [R.consent]: ['同意します / I agree'],
        },
      },
      { drop: true },
    );
    o.rt.advanceTo(o.rt.now() + 60_000);
    // … nor the sign-up's, made a minute later with the ID the registration will be given.
    signUp(o, 'g@example.org', 'BN-00007', 'S2024-02', undefined, { drop: true });
    expect(o.rt.mail.outbox.length).toBe(registration);
    sweep(o);
    expect(
      signups(o).map((r) => [r['Bansou Net ID'], r.Name, r.Status, r['Reason codes']]),
    ).toEqual([['BN-00007', 'Goto Gen', 'ACCEPTED', '']]);
    const told = mailsTo(o, 'g@example.org').map((m) => m.subject);
    expect(told).toContain('Bansou Net: your place in the online session S2024-02 is confirmed');
    expect(mailsTo(o, 'g@example.org').at(-1)!.body).toContain('Goto Gen');
    expect(failedExecutions(o)).toEqual([]);
  });
});

describe('R35: a failed sheet write never loses the reminders and the participant list', () => {
  test('when the Members write fails (a validation staff added), the reminders and the list already marked sent still go out, once', () => {
    const o = setUpOffice();
    o.explains.push(/violates the data validation rules/);
    addSession(o, 'S2024-00', '2024-04-20', 10);
    o.rt.run('updateSessions');
    signUp(o, 'a@example.org', 'BN-00001', 'S2024-00');
    signUp(o, 'a@example.org', 'BN-00001', 'S2024-01');
    signUp(o, 'd@example.org', 'BN-00004', 'S2024-01');
    o.at('2024-04-21T10:00:00');
    staffSets(o, 'Sign-ups', 1, 'Attended', 'TRUE');
    // Staff restrict "Sessions attended this FY" to a list that does not take the count.
    uncounted(o, () => {
      const sheet = o.ss.getSheetByName('Members')!;
      const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
      const column = header.findIndex((h) => h.startsWith('Sessions attended')) + 1;
      const rule = o.rt.sheets.newDataValidation().requireValueInList(['-']).setAllowInvalid(false);
      sheet.getRange(2, column, 10, 1).setDataValidation(rule.build());
    });
    // The daily trigger fires every day up to the 10th; each run's Members write fails.
    o.at('2024-05-10T12:00:00');
    const reminders = () =>
      o.rt.mail.outbox
        .filter((m) => m.subject.includes('明日のオンライン相談会') && m.body.includes('S2024-01'))
        .map((m) => m.to[0]);
    const lists = () =>
      mailsTo(o, o.staffEmail).filter(
        (m) => m.subject.includes('参加者一覧') && m.body.includes('S2024-01'),
      ).length;
    expect(reminders().sort()).toEqual(['a@example.org', 'd@example.org']);
    expect(lists()).toBe(1);
    expect(failedExecutions(o)).toEqual([]);
    // Fixed by staff; the next daily run counts attendance and sends nothing twice.
    uncounted(o, () => {
      const sheet = o.ss.getSheetByName('Members')!;
      sheet.getRange(2, 1, 10, sheet.getLastColumn()).clearDataValidations();
    });
    o.at('2024-05-11T12:00:00');
    expect(reminders().sort()).toEqual(['a@example.org', 'd@example.org']);
    expect(lists()).toBe(1);
    expect(o.rows('Members')[0]['Sessions attended this FY']).toBe(1);
  });
});

// Issue #15: a sign-up reads, of the Sign-ups sheet, only its own row and the sign-ups of the
// session it names and of the sessions not over yet (one TextFinder search with its member). What
// it decides, writes and emails is what it was when it read the table whole; a staff edit of a
// session that is over (nothing is emailed then, RULES R35) is taken up by the sweep that the
// edit marks, by "Update sessions now" and by the daily job, which read the table whole.
describe('a sign-up reads the sign-ups of the sessions not over (issue #15)', () => {
  /**
   * S2024-01 (10 May, 2 places) is over with a history: Aoki and Diaz took part, Endo waited.
   * S2024-02 (14 June, 10 places) and S2024-03 (12 July, 2 places) are open on 20 May.
   */
  function withHistory(): Office {
    const o = setUpOffice();
    addSession(o, 'S2024-03', '2024-07-12', 2);
    o.rt.run('updateSessions');
    signUp(o, 'a@example.org', 'BN-00001', 'S2024-01');
    signUp(o, 'd@example.org', 'BN-00004', 'S2024-01');
    signUp(o, 'e@example.org', 'BN-00005', 'S2024-01'); // waits
    o.at('2024-05-20T10:00:00');
    return o;
  }
  const logOf = (o: Office, action: string) => o.rows('Log').filter((l) => l.Action === action);
  const counts = (o: Office) =>
    o.rows('Sessions').map((r) => [r['Session ID'], r.Participants, r['Waiting list']]);

  test('R35: an edit that moves a sign-up from a session that is over to an open one is accepted and told with the new meeting URL; the old session counts one participant less, in the same execution', () => {
    const o = withHistory();
    const diaz = signups(o)[1]['Response ID'] as string;
    const before = o.rt.mail.outbox.length;
    moveTo(o, diaz, 'BN-00004', 'S2024-02');
    expect(signups(o).map((r) => [r['Bansou Net ID'], r['Session ID'], r.Status])).toEqual([
      ['BN-00001', 'S2024-01', 'ACCEPTED'],
      ['BN-00004', 'S2024-02', 'ACCEPTED'],
      ['BN-00005', 'S2024-01', 'WAITLISTED'], // no promotion after the session
    ]);
    const mails = o.rt.mail.outbox.slice(before);
    expect(mails.map((m) => [m.to[0], m.subject])).toEqual([
      ['d@example.org', '【伴走ネット】オンライン相談会のお申し込みを受け付けました（S2024-02）'],
    ]);
    expect(mails[0].body).toContain(MEET);
    expect(mails[0].body).toContain('Diaz Dora');
    expect(counts(o)).toEqual([
      ['S2024-01', 1, 1],
      ['S2024-02', 1, 0],
      ['S2024-03', 0, 0],
    ]);
    expect(failedExecutions(o)).toEqual([]);
  });

  test('R34: when staff cancel an accepted participant of an open session and a sign-up comes before the sweep, that sign-up takes the cancellation up: the first waiting is promoted and told with the URL, the cancelled one is told, the newcomer waits', () => {
    const o = withHistory();
    signUp(o, 'a@example.org', 'BN-00001', 'S2024-03');
    signUp(o, 'd@example.org', 'BN-00004', 'S2024-03');
    signUp(o, 'e@example.org', 'BN-00005', 'S2024-03'); // waits 1st
    staffSets(o, 'Sign-ups', 4, 'Staff override', 'CANCELLED / 取消'); // Aoki, S2024-03
    const before = o.rt.mail.outbox.length;
    signUp(o, 'b@example.org', 'BN-00002', 'S2024-03', '研修 / Training'); // no sweep in between
    expect(
      signups(o)
        .slice(3)
        .map((r) => [r['Bansou Net ID'], r.Status, r['Reason codes'], r['Status emailed']]),
    ).toEqual([
      ['BN-00001', 'CANCELLED', '', 'CANCELLED'],
      ['BN-00004', 'ACCEPTED', '', 'ACCEPTED'],
      ['BN-00005', 'ACCEPTED', '', 'ACCEPTED'],
      ['BN-00002', 'WAITLISTED', 'SESSION_FULL', 'WAITLISTED'],
    ]);
    const mails = o.rt.mail.outbox.slice(before);
    expect(mails.map((m) => [m.to[0], m.subject])).toEqual([
      ['a@example.org', '【伴走ネット】オンライン相談会の参加を取り消しました（S2024-03）'],
      ['e@example.org', '【伴走ネット】キャンセル待ちから参加が確定しました（S2024-03）'],
      ['b@example.org', 'Bansou Net: you are on the waiting list for the session S2024-03'],
    ]);
    expect(mails[1].body).toContain(MEET);
    expect(mails[1].body).toContain('Endo Emi');
    expect(mails[0].body).not.toContain(MEET);
    expect(mails[2].body).not.toContain(MEET);
    expect(
      logOf(o, 'SIGNUP_OVERRIDE').map((l) => [l['Bansou Net ID'], l['Status change']]),
    ).toEqual([['BN-00001', 'ACCEPTED → CANCELLED']]);
    expect(logOf(o, 'SIGNUP_PROMOTED').map((l) => [l['Bansou Net ID'], l.Detail])).toEqual([
      ['BN-00005', 'S2024-03'],
    ]);
    expect(counts(o)).toEqual([
      ['S2024-01', 2, 1],
      ['S2024-02', 0, 0],
      ['S2024-03', 2, 1],
    ]);
    // The sweep the edit marked finds nothing left to tell.
    const told = o.rt.mail.outbox.length;
    sweep(o);
    expect(o.rt.mail.outbox.length).toBe(told);
    expect(failedExecutions(o)).toEqual([]);
  });

  test('R34: a sign-up sent after the closing time from an old form page, finished by the sweep once the session is over, is closed, and a duplicate when the member already holds a place in it (the first stands)', () => {
    const o = setUpOffice();
    signUp(o, 'a@example.org', 'BN-00001', 'S2024-01');
    signUp(o, 'd@example.org', 'BN-00004', 'S2024-01');
    signUp(o, 'e@example.org', 'BN-00005', 'S2024-01'); // waits
    o.at('2024-05-09T16:59:00');
    const seen = choices(o)[0]; // the page opened just before the closing time
    const sweepTrigger = o.rt.script.all().find((t) => t.handlerFunction === 'sweep')!.uid;
    o.rt.disableTrigger(sweepTrigger);
    o.at('2024-05-09T17:00:20');
    for (const [email, id, purpose] of [
      ['a@example.org', 'BN-00001', '参加 / Participation'], // Aoki has a place
      ['b@example.org', 'BN-00002', '研修 / Training'], // Bui has none
    ])
      o.rt.forms.submit(
        o.signup!,
        { email, answers: { [S.memberId]: id, [S.session]: seen, [S.purpose]: purpose } },
        { drop: true },
      );
    // The sweep is back after the session: it finishes both, as of their moment.
    o.at('2024-05-20T10:00:00');
    o.rt.enableTrigger(sweepTrigger);
    const before = o.rt.mail.outbox.length;
    sweep(o);
    expect(signups(o).map((r) => [r['Bansou Net ID'], r.Status, r['Reason codes']])).toEqual([
      ['BN-00001', 'ACCEPTED', ''],
      ['BN-00004', 'ACCEPTED', ''],
      ['BN-00005', 'WAITLISTED', 'SESSION_FULL'],
      ['BN-00001', 'REJECTED', 'SESSION_CLOSED DUPLICATE'],
      ['BN-00002', 'REJECTED', 'SESSION_CLOSED'],
    ]);
    // Nothing is emailed once the session is over (R35: recorded, not told).
    expect(o.rt.mail.outbox.slice(before)).toEqual([]);
    expect(signups(o)[3]['Status emailed']).toBe('REJECTED');
    expect(counts(o)[0]).toEqual(['S2024-01', 2, 1]);
    expect(failedExecutions(o)).toEqual([]);
  });

  test('a staff override on a sign-up of another open session is taken up by the next sign-up: the member is told, with the meeting URL', () => {
    const o = withHistory();
    signUp(o, 'c@example.org', 'BN-00003', 'S2024-02'); // not eligible
    staffSets(o, 'Sign-ups', 4, 'Staff override', 'ACCEPTED / 参加確定');
    const before = o.rt.mail.outbox.length;
    signUp(o, 'a@example.org', 'BN-00001', 'S2024-03');
    expect(
      signups(o)
        .slice(3)
        .map((r) => [r['Bansou Net ID'], r.Status, r['Status emailed']]),
    ).toEqual([
      ['BN-00003', 'ACCEPTED', 'ACCEPTED'],
      ['BN-00001', 'ACCEPTED', 'ACCEPTED'],
    ]);
    const mails = o.rt.mail.outbox.slice(before);
    expect(mails.map((m) => [m.to[0], m.subject])).toEqual([
      ['c@example.org', '【伴走ネット】オンライン相談会のお申し込みを受け付けました（S2024-02）'],
      ['a@example.org', '【伴走ネット】オンライン相談会のお申し込みを受け付けました（S2024-03）'],
    ]);
    expect(mails[0].body).toContain(MEET);
    expect(
      logOf(o, 'SIGNUP_OVERRIDE').map((l) => [l['Bansou Net ID'], l['Status change']]),
    ).toEqual([['BN-00003', 'REJECTED → ACCEPTED']]);
    expect(counts(o)).toEqual([
      ['S2024-01', 2, 1],
      ['S2024-02', 1, 0],
      ['S2024-03', 1, 0],
    ]);
    expect(failedExecutions(o)).toEqual([]);
  });

  test('a staff change to a sign-up of a session that is over is left to the sweep the edit marks, which takes up every change: statuses, Log lines and counts, and no email (R35: nothing after the session)', () => {
    const o = withHistory();
    // Endo was let in at the door: staff record it (the onEdit trigger marks the change).
    staffSets(o, 'Sign-ups', 3, 'Staff override', 'ACCEPTED / 参加確定');
    // Aoki's place is cancelled by a script or an import: no onEdit, nothing marked.
    uncounted(o, () => {
      const sheet = o.ss.getSheetByName('Sign-ups')!;
      const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
      const column = header.findIndex((h) => h.startsWith('Staff override')) + 1;
      sheet.getRange(2, column).setValue('CANCELLED / 取消');
    });
    const before = o.rt.mail.outbox.length;
    signUp(o, 'b@example.org', 'BN-00002', 'S2024-02', '研修 / Training');
    // The sign-up did not read S2024-01's sign-ups: they are as they were.
    expect(signups(o).map((r) => [r['Bansou Net ID'], r['Session ID'], r.Status])).toEqual([
      ['BN-00001', 'S2024-01', 'ACCEPTED'],
      ['BN-00004', 'S2024-01', 'ACCEPTED'],
      ['BN-00005', 'S2024-01', 'WAITLISTED'],
      ['BN-00002', 'S2024-02', 'ACCEPTED'],
    ]);
    expect(logOf(o, 'SIGNUP_OVERRIDE')).toEqual([]);
    expect(counts(o)[0]).toEqual(['S2024-01', 2, 1]);
    // The hourly sweep takes the marked change up.
    sweep(o);
    expect(signups(o).map((r) => [r.Status, r['Status emailed']])).toEqual([
      ['CANCELLED', 'CANCELLED'],
      ['ACCEPTED', 'ACCEPTED'],
      ['ACCEPTED', 'ACCEPTED'],
      ['ACCEPTED', 'ACCEPTED'],
    ]);
    expect(
      logOf(o, 'SIGNUP_OVERRIDE').map((l) => [l['Bansou Net ID'], l['Status change']]),
    ).toEqual([
      ['BN-00001', 'ACCEPTED → CANCELLED'],
      ['BN-00005', 'WAITLISTED → ACCEPTED'],
    ]);
    expect(counts(o)[0]).toEqual(['S2024-01', 2, 0]);
    // Only the newcomer's confirmation: nothing is emailed about a session that is over.
    expect(o.rt.mail.outbox.slice(before).map((m) => m.to[0])).toEqual(['b@example.org']);
    expect(failedExecutions(o)).toEqual([]);
  });

  test('unmarked (a script or an import: no onEdit), a staff change to a sign-up of a session that is over waits for an edit of that session: the daily job reads only what can still change (issue #15); the next marked edit takes it up with the same status, Log line and count, and no email', () => {
    const o = withHistory();
    uncounted(o, () => {
      const sheet = o.ss.getSheetByName('Sign-ups')!;
      const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
      const column = header.findIndex((h) => h.startsWith('Staff override')) + 1;
      sheet.getRange(4, column).setValue('ACCEPTED / 参加確定'); // Endo
    });
    const before = o.rt.mail.outbox.length;
    signUp(o, 'b@example.org', 'BN-00002', 'S2024-02', '研修 / Training');
    sweep(o);
    o.at('2024-05-21T12:00:00'); // the daily trigger has run
    expect(signups(o)[2].Status).toBe('WAITLISTED');
    expect(logOf(o, 'SIGNUP_OVERRIDE')).toEqual([]);
    // Staff note it in the sheet: the edit marks S2024-01, and the sweep takes both up.
    staffSets(o, 'Sign-ups', 3, 'Staff note', 'let in at the door');
    sweep(o);
    expect(signups(o)[2]).toMatchObject({ Status: 'ACCEPTED', 'Status emailed': 'ACCEPTED' });
    expect(
      logOf(o, 'SIGNUP_OVERRIDE').map((l) => [l['Bansou Net ID'], l['Status change']]),
    ).toEqual([['BN-00005', 'WAITLISTED → ACCEPTED']]);
    expect(counts(o)[0]).toEqual(['S2024-01', 3, 0]);
    expect(o.rt.mail.outbox.slice(before).map((m) => m.to[0])).toEqual(['b@example.org']);
    expect(failedExecutions(o)).toEqual([]);
  });

  test('the daily job finds a cancellation of an open session made without an edit mark: the first waiting is promoted and told with the URL, the cancelled one is told, the counts follow (R34)', () => {
    const o = withHistory();
    signUp(o, 'a@example.org', 'BN-00001', 'S2024-03');
    signUp(o, 'd@example.org', 'BN-00004', 'S2024-03');
    signUp(o, 'e@example.org', 'BN-00005', 'S2024-03'); // waits
    uncounted(o, () => {
      const sheet = o.ss.getSheetByName('Sign-ups')!;
      const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
      const column = header.findIndex((h) => h.startsWith('Staff override')) + 1;
      sheet.getRange(6, column).setValue('CANCELLED / 取消'); // Diaz, S2024-03
    });
    const before = o.rt.mail.outbox.length;
    o.at('2024-05-21T12:00:00'); // the daily trigger has run
    expect(
      signups(o)
        .slice(3)
        .map((r) => [r['Bansou Net ID'], r.Status, r['Status emailed']]),
    ).toEqual([
      ['BN-00001', 'ACCEPTED', 'ACCEPTED'],
      ['BN-00004', 'CANCELLED', 'CANCELLED'],
      ['BN-00005', 'ACCEPTED', 'ACCEPTED'],
    ]);
    const mails = o.rt.mail.outbox.slice(before);
    expect(mails.map((m) => [m.to[0], m.subject])).toEqual([
      ['d@example.org', '【伴走ネット】オンライン相談会の参加を取り消しました（S2024-03）'],
      ['e@example.org', '【伴走ネット】キャンセル待ちから参加が確定しました（S2024-03）'],
    ]);
    expect(mails[1].body).toContain(MEET);
    expect(mails[1].body).toContain('Endo Emi');
    expect(logOf(o, 'SIGNUP_PROMOTED').map((l) => [l['Bansou Net ID'], l.Detail])).toEqual([
      ['BN-00005', 'S2024-03'],
    ]);
    expect(counts(o)[2]).toEqual(['S2024-03', 2, 0]);
    expect(failedExecutions(o)).toEqual([]);
  });
});

describe('R36 by key: attendance counted from the sessions an edit touched (issue #15)', () => {
  test('attendance ticked on two sessions over, weeks apart: each tick is taken up by the sweep its edit marks, and the count is of the whole fiscal year (2), not of the session read', () => {
    const o = setUpOffice();
    signUp(o, 'a@example.org', 'BN-00001', 'S2024-01');
    signUp(o, 'a@example.org', 'BN-00001', 'S2024-02');
    o.at('2024-05-13T10:00:00');
    staffSets(o, 'Sign-ups', 1, 'Attended', 'TRUE');
    sweep(o);
    expect(o.rows('Members')[0]['Sessions attended this FY']).toBe(1);
    o.at('2024-06-20T10:00:00');
    staffSets(o, 'Sign-ups', 2, 'Attended', 'TRUE');
    sweep(o);
    expect(o.rows('Members')[0]['Sessions attended this FY']).toBe(2);
    // Unticked again (staff's mistake): back to 1.
    staffSets(o, 'Sign-ups', 1, 'Attended', 'FALSE');
    sweep(o);
    expect(o.rows('Members')[0]['Sessions attended this FY']).toBe(1);
    expect(o.rows('Members')[3]['Sessions attended this FY']).toBe('');
    expect(failedExecutions(o)).toEqual([]);
  });

  test('staff correct the Bansou Net ID of an attended sign-up of a session that is over: the edit cannot be narrowed (the old ID is not known), the sweep reads whole, and both members’ counts follow (R36)', () => {
    const o = setUpOffice();
    signUp(o, 'a@example.org', 'BN-00001', 'S2024-01');
    o.at('2024-05-13T10:00:00');
    staffSets(o, 'Sign-ups', 1, 'Attended', 'TRUE');
    sweep(o);
    expect(o.rows('Members')[0]['Sessions attended this FY']).toBe(1);
    staffSets(o, 'Sign-ups', 1, 'Bansou Net ID', 'BN-00004'); // it was Diaz who came
    sweep(o);
    expect(o.rows('Members').map((m) => m['Sessions attended this FY'])).toEqual([
      0,
      '',
      '',
      1,
      '',
    ]);
    expect(failedExecutions(o)).toEqual([]);
  });

  test('a new fiscal year: the first daily job reads Sign-ups and Members whole once and every count of the year before goes back to 0 (R36)', () => {
    const o = setUpOffice();
    signUp(o, 'a@example.org', 'BN-00001', 'S2024-01');
    signUp(o, 'd@example.org', 'BN-00004', 'S2024-01');
    o.at('2024-05-13T10:00:00');
    staffSets(o, 'Sign-ups', 1, 'Attended', 'TRUE');
    staffSets(o, 'Sign-ups', 2, 'Attended', 'TRUE');
    sweep(o);
    expect(o.rows('Members').map((m) => m['Sessions attended this FY'])).toEqual([
      1,
      '',
      '',
      1,
      '',
    ]);
    o.at('2025-03-31T12:00:00');
    expect(o.rows('Members')[0]['Sessions attended this FY']).toBe(1);
    o.at('2025-04-01T12:00:00'); // the daily trigger of FY2025 has run
    expect(o.rows('Members').map((m) => m['Sessions attended this FY'])).toEqual([
      0,
      '',
      '',
      0,
      '',
    ]);
    expect(failedExecutions(o)).toEqual([]);
  });
});

// Application form → decision, Applications sheet and decision emails (RULES R5–R18),
// driven through the built bundle on the local runtime.
import { failedExecutions, office, tokyo } from './helpers';

function byResponse(o: ReturnType<typeof office>, id: string): Record<string, unknown> {
  const row = o.rows('Applications').find((r) => r['Response ID'] === id);
  if (!row) throw new Error(`no application row for ${id}`);
  return row;
}

function world() {
  const o = office();
  o.register({ email: 'a@example.org', name: 'Aiko', experience: 'あり / Yes' }); // BN-00001
  o.register({
    email: 'b@example.org',
    name: 'Ben',
    experience: 'あり / Yes',
    language: 'English',
  }); // BN-00002
  o.register({ email: 'c@example.org', name: 'Chen', experience: 'なし / No' }); // BN-00003, no course
  o.at('2023-07-21T10:00:00');
  return o;
}

describe('application form', () => {
  test('applications submitted through the form get the status, reasons and fee of the rules, and an email', () => {
    const o = world();
    const ok = o.apply({
      email: 'a@example.org',
      id: 'BN-00001',
      date: '2023-07-20',
      start: '10:00',
      end: '11:30',
    });
    const pair = o.apply({
      email: 'A@Example.org',
      id: 'ｂｎ－０００１', // full-width, lower case, a dash variant: still BN-00001
      date: '2023-07-20',
      start: '13:00',
      end: '15:30',
      recipient: 'Tran Thi C',
      second: 'bn 00002',
    });
    const notEligible = o.apply({ email: 'c@example.org', id: 'BN-00003', recipient: 'Someone' });
    const notSelf = o.apply({
      email: 'b@example.org',
      id: 'BN-00001',
      recipient: 'Other Person',
      start: '16:00',
      end: '17:00',
    });
    const unknown = o.apply({ email: 'a@example.org', id: 'BN-09999', recipient: 'X' });
    const short = o.apply({
      email: 'a@example.org',
      id: 'BN-00001',
      recipient: 'Y',
      start: '10:00',
      end: '10:59',
    });
    const coNotEligible = o.apply({
      email: 'a@example.org',
      id: 'BN-00001',
      recipient: 'Z',
      second: 'BN-00003',
    });
    const duplicate = o.apply({
      email: 'b@example.org',
      id: 'BN-00002',
      date: '2023-07-20',
      start: '14:00',
      end: '16:00',
      recipient: 'TRAN  thi c',
    });
    o.at('2023-08-21T10:00:00');
    const late = o.apply({
      email: 'a@example.org',
      id: 'BN-00001',
      date: '2023-07-20',
      recipient: 'W',
    });
    const onTime = o.apply({
      email: 'a@example.org',
      id: 'BN-00001',
      date: '2023-07-21',
      recipient: 'V',
    });

    const expectRow = (
      id: string,
      status: string,
      reasons: string,
      fee: number,
      supporters: string,
    ) => {
      const r = byResponse(o, id);
      expect([r.Status, r['Reason codes'], r['Fee per supporter'], r.Supporters]).toEqual([
        status,
        reasons,
        fee,
        supporters,
      ]);
    };
    expectRow(ok, 'ACCEPTED', '', 4000, 'BN-00001');
    expectRow(pair, 'ACCEPTED', '', 8000, 'BN-00001 BN-00002');
    expectRow(notEligible, 'REJECTED', 'NOT_ELIGIBLE', 0, 'BN-00003');
    expectRow(notSelf, 'REJECTED', 'NOT_SELF', 0, 'BN-00001');
    expectRow(unknown, 'REJECTED', 'UNKNOWN_ID', 0, 'BN-09999');
    expectRow(short, 'REJECTED', 'TOO_SHORT', 0, 'BN-00001');
    expectRow(coNotEligible, 'ACCEPTED', 'CO_NOT_ELIGIBLE', 4000, 'BN-00001');
    expect(byResponse(o, duplicate)).toMatchObject({
      Status: 'REJECTED',
      'Reason codes': 'DUPLICATE',
    });
    expectRow(late, 'REJECTED', 'LATE', 0, 'BN-00001');
    expect(byResponse(o, onTime)).toMatchObject({ Status: 'ACCEPTED', 'Payment month': '2023-08' });
    expect(byResponse(o, ok)).toMatchObject({
      'Payment month': '2023-07',
      Minutes: 90,
      'On hold (documents)': true,
    });

    // R17: the applicant and the second supporter hear the decision, in their language.
    const mails = o.rt.mail.outbox.filter(
      (m) => m.subject.includes('申請') || m.subject.includes('application'),
    );
    const toB = mails.filter((m) => m.to[0] === 'b@example.org');
    expect(toB.some((m) => m.body.includes('Dear Ben') && m.body.includes('¥8,000'))).toBe(true);
    const rejected = mails.find((m) => m.to[0] === 'c@example.org')!;
    expect(rejected.body).toContain('伴走支援講座');
    const coMail = mails.filter((m) => m.to[0] === 'c@example.org');
    expect(coMail).toHaveLength(2); // own rejection + refused second-supporter share
    expect(failedExecutions(o)).toEqual([]);
  });

  test('the 4th application for the same person is rejected; a rejected one does not count (R13)', () => {
    const o = world();
    const names = [
      'Nguyen Van A',
      'NGUYEN  van a',
      'Ｖａｎ Ａ Nguyen',
      'nguyen van a',
      'Nguyen Van A',
    ];
    const ids = names.map((recipient, i) =>
      o.apply({
        email: 'a@example.org',
        id: 'BN-00001',
        date: `2023-07-1${i + 1}`,
        recipient,
        start: i === 1 ? '10:00' : '10:00',
        end: i === 1 ? '10:30' : '11:30', // the 2nd is too short: rejected, does not count
      }),
    );
    expect(ids.map((id) => byResponse(o, id).Status)).toEqual([
      'ACCEPTED',
      'REJECTED',
      'ACCEPTED',
      'ACCEPTED',
      'REJECTED',
    ]);
    expect(byResponse(o, ids[4])['Reason codes']).toBe('RECIPIENT_LIMIT');
  });

  test('the same event twice gives one record and one email; an edit re-decides and keeps the submission time (R18)', () => {
    const o = world();
    const id = o.apply(
      { email: 'a@example.org', id: 'BN-00001', start: '10:00', end: '10:30' },
      { twice: true },
    );
    expect(o.rows('Applications')).toHaveLength(1);
    expect(byResponse(o, id).Status).toBe('REJECTED');
    const decisionMails = () =>
      o.rt.mail.outbox.filter((m) => m.to[0] === 'a@example.org' && !m.subject.includes('登録'))
        .length;
    expect(decisionMails()).toBe(1);
    const submittedAt = byResponse(o, id)['Submitted at'];
    o.at('2023-07-22T09:00:00');
    o.rt.forms.editResponse(id, {
      answers: {
        '伴走ネットID / Bansou Net ID': 'BN-00001',
        '氏名 / Name': 'Aiko',
        '支援日 / Date of support': '2023-07-20',
        '開始時刻 / Start time': '10:00',
        '終了時刻 / End time': '12:00',
        '相談者の氏名 / Name of the person supported': 'Nguyen Van A',
      },
    });
    const row = byResponse(o, id);
    expect(row).toMatchObject({ Status: 'ACCEPTED', 'Fee per supporter': 8000, Minutes: 120 });
    expect(row['Submitted at']).toEqual(submittedAt);
    expect(o.rows('Applications')).toHaveLength(1);
    expect(decisionMails()).toBe(2);
  });

  test('redecideAll gives identical rows, and a staff override wins and is kept with its note', () => {
    const o = world();
    for (let i = 0; i < 12; i++) {
      o.apply({
        email: i % 3 === 0 ? 'b@example.org' : 'a@example.org',
        id: i % 4 === 0 ? 'BN-00002' : 'BN-00001',
        recipient: `Person ${i % 5}`,
        start: `1${i % 10}:00`,
        end: `1${i % 10}:${i % 2 ? '45' : '59'}`,
        second: i === 5 ? 'BN-00002' : '',
      });
    }
    const before = o.rows('Applications');
    o.rt.run('redecideAll');
    expect(o.rows('Applications')).toEqual(before);

    // Staff override: accept the first rejected one, with a note.
    const target = before.find((r) => r.Status === 'REJECTED')!;
    const sheet = o.ss.sheet('Applications')!;
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
    const rowNumber = before.indexOf(target) + 2;
    sheet
      .getRange(rowNumber, header.indexOf('Staff override / 事務局判定') + 1)
      .setValue('ACCEPTED / 受理');
    sheet
      .getRange(rowNumber, header.indexOf('Staff note / 事務局メモ') + 1)
      .setValue('Confirmed by phone');
    o.rt.run('redecideAll');
    const after = byResponse(o, String(target['Response ID']));
    expect(after).toMatchObject({
      Status: 'ACCEPTED',
      'Automatic decision': 'REJECTED',
      'Staff note': 'Confirmed by phone',
    });
    expect(
      o
        .rows('Log')
        .some(
          (l) =>
            l['Response ID'] === target['Response ID'] &&
            String(l['Status change']).includes('→ ACCEPTED'),
        ),
    ).toBe(true);
  });

  test('decisions follow Tokyo days whatever the machine zone: a submission at 23:59 on the due date is on time', () => {
    const o = world();
    o.rt.advanceTo(tokyo('2023-08-20T23:59:00'));
    const onDue = o.apply({ email: 'a@example.org', id: 'BN-00001', date: '2023-07-20' });
    o.rt.advanceTo(tokyo('2023-08-21T00:00:30'));
    const nextDay = o.apply({
      email: 'a@example.org',
      id: 'BN-00001',
      date: '2023-07-20',
      recipient: 'Other',
    });
    expect(byResponse(o, onDue).Status).toBe('ACCEPTED');
    expect(byResponse(o, nextDay)['Reason codes']).toBe('LATE');
  });
});

describe('course questionnaire form', () => {
  test('a member without experience becomes eligible once the course form records Basic 1–4 (before 2024-04-01), not before (R7, R19)', () => {
    // Each execution with a fresh global scope, as in Apps Script (the one test of onCourseSubmit).
    const o = office({ withCourseForm: true, freshGlobals: true });
    expect(o.rt.script.all().map((t) => t.handlerFunction)).toContain('onCourseSubmit');
    o.register({ email: 'n@example.org', name: 'Newcomer', experience: 'なし / No' });
    o.at('2023-07-20T10:00:00');
    const early = o.apply({ email: 'n@example.org', id: 'BN-00001', recipient: 'P1' });
    expect(byResponse(o, early)['Reason codes']).toBe('NOT_ELIGIBLE');
    for (const module of ['Basic 1', 'Basic 2', 'Basic 3', 'Basic 4']) {
      o.rt.forms.submit(o.course!, {
        email: 'n@example.org',
        answers: { '伴走ネットID / Bansou Net ID': 'bn-1', '受講した講座 / Module': module },
      });
    }
    expect(o.rows('Course').map((c) => [c['Bansou Net ID'], c.Module, c.Status])).toEqual([
      ['BN-00001', 'Basic 1', 'OK'],
      ['BN-00001', 'Basic 2', 'OK'],
      ['BN-00001', 'Basic 3', 'OK'],
      ['BN-00001', 'Basic 4', 'OK'],
    ]);
    o.at('2023-07-21T10:00:00');
    const after = o.apply({
      email: 'n@example.org',
      id: 'BN-00001',
      date: '2023-07-20',
      recipient: 'P2',
    });
    expect(byResponse(o, after).Status).toBe('ACCEPTED');
  });
});

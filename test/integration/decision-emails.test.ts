// R17 through the built bundle: decision emails state the facts behind each reason, and a second
// supporter whose share is refused is written to as the reader (RULES R12, issue #13 item 7).
import { documentsReceived, office, staffAppends, tokyo } from './helpers';

type Office = ReturnType<typeof office>;

function world(language = 'English', start = '2024-07-01T09:00:00'): Office {
  const o = office({ start: tokyo(start) });
  o.register({ email: 'a@example.org', name: 'Aiko', language }); // BN-00001, experience
  o.register({ email: 'b@example.org', name: 'Ben', experience: 'なし / No', language }); // BN-00002
  return o;
}

const lastMailTo = (o: Office, to: string) =>
  o.rt.mail.outbox.filter((m) => m.to[0] === to).at(-1)!;

describe('decision emails state the facts behind each reason (R17)', () => {
  test('LATE names the support day, the due day and the submission day', () => {
    const o = world();
    o.at('2024-08-20T10:00:00');
    o.apply({ email: 'a@example.org', date: '2024-07-14' });
    const mail = lastMailTo(o, 'a@example.org');
    expect(mail.subject).toBe('Bansou Net: your application could not be accepted');
    expect(mail.body).toContain(
      'Date of support: 14 July 2024; deadline: 14 August 2024; submitted on: 20 August 2024',
    );
  });

  test('TOO_SHORT states the minutes counted and the minimum, in Japanese for a Japanese reader', () => {
    const o = world('日本語');
    o.at('2024-07-14T20:00:00');
    o.apply({ email: 'a@example.org', date: '2024-07-14', start: '10:00', end: '10:45' });
    expect(lastMailTo(o, 'a@example.org').body).toContain('数えた支援時間: 45分（最低 60分）');
  });

  test('OUT_OF_PERIOD states the program period', () => {
    const o = world('English', '2023-07-01T09:00:00');
    o.at('2023-07-12T10:00:00');
    o.apply({ email: 'a@example.org', date: '2023-07-05' });
    expect(lastMailTo(o, 'a@example.org').body).toContain(
      'Program period: 10 July 2023 to 28 February 2026; date of support: 5 July 2023',
    );
  });

  test('NOT_ELIGIBLE states what was missing at that moment: no experience, and which course questionnaires', () => {
    const o = world();
    for (const n of [1, 2, 3]) {
      staffAppends(o, 'Course', {
        'Bansou Net ID': 'BN-00002',
        Module: `Basic ${n}`,
        'Completed on': '2024/07/05',
      });
    }
    staffAppends(o, 'Course', {
      'Bansou Net ID': 'BN-00002',
      Module: 'Basic 4',
      'Completed on': '2024/07/20', // after the application: does not count for it
    });
    o.at('2024-07-14T20:00:00');
    o.apply({ email: 'b@example.org', id: 'BN-00002', date: '2024-07-14' });
    expect(lastMailTo(o, 'b@example.org').body).toContain(
      'As of 14 July 2024 (the day of the application): no accompanying-support experience declared; course questionnaires completed: Basic 1, Basic 2, Basic 3; missing: Basic 4, Basic 5',
    );
  });

  test('a second supporter whose share is refused is addressed as the reader; the application stands', () => {
    const o = world();
    documentsReceived(o, 'BN-00001', '2024', '2024/07/01');
    o.at('2024-07-14T20:00:00');
    o.apply({ email: 'a@example.org', date: '2024-07-14', second: 'BN-00002' });
    const toBen = lastMailTo(o, 'b@example.org');
    expect(toBen.subject).toBe(
      'Bansou Net: your share as second supporter on an application (reference ' +
        o.rows('Applications')[0]['Response ID'] +
        ')',
    );
    expect(toBen.body).toContain('Dear Ben,');
    expect(toBen.body).toContain('your share was not accepted');
    expect(toBen.body).toContain(
      'At the time of the application, you had neither declared previous accompanying-support experience nor completed the required course questionnaires.',
    );
    expect(toBen.body).toContain('course questionnaires completed: none; missing: Basic 1');
    expect(toBen.body).toContain('The application of BN-00001 stands');
    expect(toBen.body).not.toContain('could not be accepted');
    // The applicant hears the share was dropped, without Ben's course details.
    const toAiko = lastMailTo(o, 'a@example.org');
    expect(toAiko.body).toContain('The second supporter does not meet the conditions');
    expect(toAiko.body).not.toContain('course questionnaires completed');
  });

  test("an application decided after the ID it names was issued to someone else greets the respondent by the name they typed, never the new member's", () => {
    const o = world();
    o.at('2024-07-14T20:00:00');
    o.apply(
      { email: 'c@example.org', id: 'BN-00003', name: 'Chie', date: '2024-07-14' },
      { drop: true },
    );
    o.at('2024-07-14T20:05:00');
    o.register({ email: 'd@example.org', name: 'Dora', language: 'English' }); // BN-00003 now
    o.at('2024-07-14T21:30:00'); // the hourly sweep decides the application: UNKNOWN_ID
    expect(o.rows('Applications')[0]).toMatchObject({ 'Reason codes': 'UNKNOWN_ID' });
    const toChie = lastMailTo(o, 'c@example.org');
    expect(toChie.subject).toContain('could not be accepted');
    expect(toChie.body).toContain('Chie 様');
    expect(toChie.body).toContain('Dear Chie,'); // in both languages: hers is not known
    expect(toChie.body).not.toContain('Dora');
  });

  test('a second supporter whose ID was issued only after the application is not written to about it', () => {
    const o = world();
    o.at('2024-07-14T20:00:00');
    o.apply({ email: 'a@example.org', date: '2024-07-14', second: 'BN-00003' }, { drop: true });
    o.at('2024-07-14T20:05:00');
    o.register({ email: 'd@example.org', name: 'Dora', language: 'English' }); // BN-00003 now
    o.at('2024-07-14T21:30:00'); // the hourly sweep decides the application: CO_UNKNOWN
    expect(o.rows('Applications')[0]).toMatchObject({ 'Reason codes': 'CO_UNKNOWN' });
    expect(
      o.rt.mail.outbox.filter((m) => m.to[0] === 'd@example.org').map((m) => m.subject),
    ).toEqual(['Bansou Net: thank you for registering (your ID: BN-00003)']);
    expect(lastMailTo(o, 'a@example.org').subject).toBe(
      'Bansou Net: application accepted (we are waiting for your documents)',
    );
  });
});

// A safe submission channel (RULES R28–R29) through the BUILT bundle: a flood of registrations
// from one address cannot starve the mail quota, set-up tells staff in plain words to collect
// verified email addresses, and staff hear once when the Outbox outgrows today's quota.

import { handledFailures } from '../../local/faults/handled';
import { applicationFormSpec, registrationFormSpec } from '../../local/world';
import { failedExecutions, office, tokyo } from './helpers';

describe('flood of registrations and verified email (R28, R29)', () => {
  test('1,000 registrations from one address within an hour give one member and one auto-reply; the quota (100) is not exhausted and the others in between get theirs', () => {
    const o = office({ dailyMailQuota: 100, start: tokyo('2024-07-01T09:00:00') });
    const start = tokyo('2024-07-01T10:00:00');
    const legitimate: string[] = [];
    for (let i = 0; i < 1000; i++) {
      // 3.5 s apart: the 1,000 arrive between 10:00 and 10:58 (the hourly triggers run too).
      o.rt.advanceTo(start + i * 3500);
      o.register({
        email: i % 2 === 0 ? 'flood@example.org' : 'FLOOD@example.org ',
        name: `F${i}`,
      });
      if (i % 100 === 50) {
        const email = `person${legitimate.length}@example.org`;
        legitimate.push(email);
        o.register({ email, name: `Person ${legitimate.length}` });
      }
    }
    expect(o.rt.now()).toBeLessThan(tokyo('2024-07-01T11:00:00'));
    expect(failedExecutions(o)).toEqual([]);

    const members = o.rows('Members');
    const flood = members.filter(
      (m) => String(m.Email).trim().toLowerCase() === 'flood@example.org',
    );
    expect(flood).toHaveLength(1);
    // Every one of the 1,000 responses was processed for that one member; the row keeps only
    // the latest response IDs, so the cell never outgrows Sheets' 50,000-character limit.
    const floodId = flood[0]['Bansou Net ID'];
    const processed = o
      .rows('Log')
      .filter(
        (l) =>
          l['Bansou Net ID'] === floodId && String(l.Action).startsWith('REGISTRATION_REPEATED'),
      );
    expect(processed).toHaveLength(999);
    expect(String(flood[0]['Registration response IDs']).split(/\s+/)).toHaveLength(20);
    // The sweep sees all 1,000 as processed: nothing is done twice.
    o.rt.run('processMissedResponses');
    expect(o.rows('Members')).toHaveLength(1 + legitimate.length);
    expect(
      o
        .rows('Log')
        .filter(
          (l) =>
            l['Bansou Net ID'] === floodId &&
            /^REGIST(ERED|RATION_REPEATED)/.test(String(l.Action)),
        ),
    ).toHaveLength(1000);
    expect(members).toHaveLength(1 + legitimate.length);

    const sentTo = (address: string) =>
      o.rt.mail.outbox.filter((m) => m.to.some((t) => t.trim().toLowerCase() === address));
    expect(sentTo('flood@example.org')).toHaveLength(1);
    for (const email of legitimate) expect(sentTo(email)).toHaveLength(1);
    expect(o.rt.mail.getRemainingDailyQuota()).toBeGreaterThan(0);
    // Nothing waits: the flood never pushed a legitimate reply into the Outbox.
    expect(o.rows('Outbox').filter((r) => r.Status === 'QUEUED')).toHaveLength(0);
  });

  test('set-up on forms that do not collect email tells staff, in English and Japanese, to turn on Verified collection, and installs nothing', () => {
    const registration = registrationFormSpec();
    registration.collectsEmail = false;
    const application = applicationFormSpec();
    application.collectsEmail = false;
    const o = office({ registrationForm: registration, applicationForm: application });
    const report = String(o.rt.run('setup'));
    expect(report).toContain(
      'Registration form / 登録フォーム: it does not collect email addresses',
    );
    expect(report).toContain(
      'Application form / 申請フォーム: it does not collect email addresses',
    );
    expect(report).toContain('"Collect email addresses" to "Verified"');
    expect(report).toContain('「メールアドレスを収集する」を「確認済み」にしてください');
    expect(report).toContain('nothing was installed');
    expect(o.rt.script.all()).toHaveLength(0);
  });

  test('set-up on forms that collect email still reminds staff that the collection must be Verified (Apps Script cannot tell)', () => {
    const o = office();
    const report = String(o.rt.run('setup'));
    expect(report).toContain('"Verified"');
    expect(report).toContain('「確認済み」');
  });

  test('staff are alerted once when the Outbox holds more than today’s quota can send, however often the outbox runs that day', () => {
    const o = office({ dailyMailQuota: 100, start: tokyo('2024-07-01T09:00:00') });
    o.explains.push(
      /^Log STAFF_ALERT: Emails are waiting for tomorrow’s quota: 50 emails are queued/,
    );
    o.at('2024-07-01T10:00:00');
    for (let i = 0; i < 150; i++) o.register({ email: `p${i}@example.org`, name: `P${i}` });
    expect(o.rt.mail.getRemainingDailyQuota()).toBe(0);
    // The hourly outbox trigger runs at 10:xx, 11:xx, 12:xx, 13:xx, 14:xx: the queue still waits.
    o.at('2024-07-01T15:00:00');
    const alertsQueued = () =>
      o
        .rows('Outbox')
        .filter((r) => r.Kind === 'alert' && String(r.Reference).startsWith('outbox'));
    expect(alertsQueued()).toHaveLength(1);
    expect(o.rows('Outbox').filter((r) => r.Kind === 'registration')).toHaveLength(50);
    // The quota resets at midnight Pacific time (16:00 or 17:00 in Tokyo); the next run sends all.
    o.at('2024-07-01T19:00:00');
    const toStaff = o.rt.mail.outbox.filter((m) => m.to.includes(o.staffEmail));
    expect(toStaff.filter((m) => m.subject.includes('quota'))).toHaveLength(1);
    expect(o.rows('Outbox').filter((r) => r.Status === 'QUEUED')).toHaveLength(0);
    // The alert is the only handled failure: one Log line, nothing else went wrong.
    expect(failedExecutions(o)).toEqual([]);
    expect(handledFailures(o)).toEqual([
      'Log STAFF_ALERT: Emails are waiting for tomorrow’s quota: 50 emails are queued, more than today’s email quota can send. They go out in order as the quota allows.',
    ]);
  });
});

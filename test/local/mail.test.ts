import { RuntimeContext } from '../../local/runtime/context';
import { MailService } from '../../local/runtime/mail';
import { UtilitiesService } from '../../local/runtime/utilities';

const QUOTA = 'Service invoked too many times for one day: email.';

function setup(options: { dailyQuota?: number; quotaZone?: string } = {}) {
  const ctx = new RuntimeContext({ now: Date.UTC(2024, 6, 30, 3, 0), timeZone: 'Asia/Tokyo' });
  ctx.execution = { kind: 'trigger', functionName: 'x', user: 'staff@example.org', id: 1 };
  return { ctx, mail: new MailService(ctx, options) };
}

describe('MailApp.sendEmail (MailApp reference)', () => {
  test('sendEmail(recipient, subject, body) puts one mail in the outbox with time and execution', () => {
    const { ctx, mail } = setup();
    mail.sendEmail('a@example.com', 'Welcome', 'Your ID is BN-0001');
    expect(mail.outbox).toEqual([
      {
        to: ['a@example.com'],
        cc: [],
        bcc: [],
        subject: 'Welcome',
        body: 'Your ID is BN-0001',
        sentAt: ctx.clock.now(),
        executionId: 1,
      },
    ]);
  });

  test('sendEmail(recipient, subject, body, options) keeps htmlBody, name, replyTo, cc, bcc and attachments', () => {
    const { ctx, mail } = setup();
    const blob = new UtilitiesService(ctx).newBlob('x,y', 'text/csv', 'ledger.csv');
    mail.sendEmail('a@example.com', 'Decision', 'plain', {
      htmlBody: '<p>html</p>',
      name: 'Bansou Net',
      replyTo: 'office@example.org',
      cc: 'b@example.com, c@example.com',
      bcc: 'd@example.com',
      attachments: [blob],
    });
    const sent = mail.outbox[0];
    expect(sent.htmlBody).toBe('<p>html</p>');
    expect(sent.name).toBe('Bansou Net');
    expect(sent.replyTo).toBe('office@example.org');
    expect(sent.cc).toEqual(['b@example.com', 'c@example.com']);
    expect(sent.bcc).toEqual(['d@example.com']);
    expect(sent.attachments).toEqual([{ name: 'ledger.csv', contentType: 'text/csv', size: 3 }]);
  });

  test('sendEmail(message) object form with to, cc, subject, htmlBody and noReply', () => {
    const { mail } = setup();
    mail.sendEmail({
      to: 'a@example.com,b@example.com',
      cc: 'Office <office@example.org>',
      subject: 'Summary',
      htmlBody: '<b>3 paid</b>',
      noReply: true,
    });
    const sent = mail.outbox[0];
    expect(sent.to).toEqual(['a@example.com', 'b@example.com']);
    expect(sent.cc).toEqual(['office@example.org']);
    expect(sent.subject).toBe('Summary');
    expect(sent.body).toBe('');
    expect(sent.htmlBody).toBe('<b>3 paid</b>');
    expect(sent.noReply).toBe(true);
  });

  test("an invalid address throws 'Invalid email: <addr>' and sends nothing", () => {
    const { mail } = setup();
    expect(() => mail.sendEmail('not-an-address', 'S', 'B')).toThrow(
      'Invalid email: not-an-address',
    );
    expect(() => mail.sendEmail('a@example.com', 'S', 'B', { cc: 'ok@example.com, bad@' })).toThrow(
      'Invalid email: bad@',
    );
    expect(mail.outbox).toHaveLength(0);
    expect(mail.getRemainingDailyQuota()).toBe(100);
  });

  test("no recipient at all throws 'Failed to send email: no recipient'", () => {
    const { mail } = setup();
    expect(() => mail.sendEmail('', 'S', 'B')).toThrow('Failed to send email: no recipient');
    expect(() => mail.sendEmail({ subject: 'S', body: 'B' })).toThrow(
      'Failed to send email: no recipient',
    );
  });

  test('a missing body in the positional form throws the method-signature error', () => {
    const { mail } = setup();
    const send = mail.sendEmail.bind(mail) as (...args: unknown[]) => void;
    expect(() => send('a@example.com', 'Subject only')).toThrow(
      "The parameters (String,String) don't match the method signature for MailApp.sendEmail.",
    );
  });
});

describe('daily quota counts recipients (Quotas for Google Services: email recipients per day)', () => {
  test('getRemainingDailyQuota falls by the number of to + cc + bcc recipients', () => {
    const { mail } = setup();
    mail.sendEmail('a@example.com,b@example.com', 'S', 'B', {
      cc: 'c@example.com',
      bcc: 'd@example.com',
    });
    expect(mail.getRemainingDailyQuota()).toBe(96);
  });

  test(`over quota throws '${QUOTA}' and sends nothing`, () => {
    const { mail } = setup({ dailyQuota: 3 });
    mail.sendEmail('a@example.com,b@example.com', 'S', 'B');
    expect(() => mail.sendEmail('c@example.com,d@example.com', 'S', 'B')).toThrow(QUOTA);
    expect(mail.outbox).toHaveLength(1);
    mail.sendEmail('c@example.com', 'S', 'B'); // exactly the last one left
    expect(mail.getRemainingDailyQuota()).toBe(0);
    expect(() => mail.sendEmail('e@example.com', 'S', 'B')).toThrow(QUOTA);
    expect(mail.outbox).toHaveLength(2);
  });

  test('the quota resets at midnight in the quota zone (America/Los_Angeles by default)', () => {
    const { ctx, mail } = setup({ dailyQuota: 1 });
    mail.sendEmail('a@example.com', 'S', 'B'); // 2024-07-29 20:00 PDT
    ctx.clock.set(Date.UTC(2024, 6, 30, 6, 59)); // 23:59 PDT
    expect(mail.getRemainingDailyQuota()).toBe(0);
    ctx.clock.set(Date.UTC(2024, 6, 30, 7, 0)); // 00:00 PDT 30 July: a new quota day
    expect(mail.getRemainingDailyQuota()).toBe(1);
    mail.sendEmail('a@example.com', 'S', 'B');
    ctx.clock.set(Date.UTC(2024, 6, 30, 15, 0)); // Tokyo's midnight does not reset it
    expect(mail.getRemainingDailyQuota()).toBe(0);
  });

  test('a Tokyo quota zone resets at Tokyo midnight', () => {
    const { ctx, mail } = setup({ dailyQuota: 1, quotaZone: 'Asia/Tokyo' });
    mail.sendEmail('a@example.com', 'S', 'B');
    ctx.clock.set(Date.UTC(2024, 6, 30, 14, 59));
    expect(mail.getRemainingDailyQuota()).toBe(0);
    ctx.clock.set(Date.UTC(2024, 6, 30, 15, 0));
    expect(mail.getRemainingDailyQuota()).toBe(1);
  });

  test('world API: setDailyQuota and exhaust', () => {
    const { mail } = setup();
    mail.setDailyQuota(1500);
    expect(mail.getRemainingDailyQuota()).toBe(1500);
    mail.exhaust();
    expect(mail.getRemainingDailyQuota()).toBe(0);
    expect(() => mail.sendEmail('a@example.com', 'S', 'B')).toThrow(QUOTA);
  });
});

describe('faults and counting', () => {
  test('failNext(n) makes the next n sends throw a transient error and send nothing', () => {
    const { mail } = setup();
    mail.failNext(2);
    expect(() => mail.sendEmail('a@example.com', 'S', 'B')).toThrow('Service unavailable: Gmail');
    expect(() => mail.sendEmail('a@example.com', 'S', 'B')).toThrow('Service unavailable: Gmail');
    mail.sendEmail('a@example.com', 'S', 'B');
    expect(mail.outbox).toHaveLength(1);
    expect(mail.getRemainingDailyQuota()).toBe(99);
    mail.failNext(1, 'Mail service is down');
    expect(() => mail.sendEmail('a@example.com', 'S', 'B')).toThrow('Mail service is down');
  });

  test("every send is counted as a 'Mail' call and goes through the fault hooks first", () => {
    const { ctx, mail } = setup();
    mail.sendEmail('a@example.com', 'S', 'B');
    ctx.faults.push((service) => {
      if (service === 'Mail') throw new Error('Service invoked too many times: hook');
    });
    expect(() => mail.sendEmail('b@example.com', 'S', 'B')).toThrow('hook');
    expect(mail.outbox).toHaveLength(1);
    expect(ctx.counter.counts.byMethod['Mail.sendEmail']).toBe(1);
  });
});

// The Outbox (R29) through the built bundle: emails that waited are sent in order by
// sendQueuedEmails, and a sent email stays in the sheet for 30 days for staff to look at, then
// goes, so that the Outbox, which every run with mail waiting reads whole, does not grow with the
// program's history (issue #15).
import { office, uncounted } from './helpers';

const DOWN = 'Service unavailable: Gmail';

/** Mail is down for the registrations in `during`: their replies wait in the Outbox. */
function mailDown(o: ReturnType<typeof office>, during: () => void): void {
  let down = true;
  o.rt.ctx.faults.push((service, method) => {
    if (
      down &&
      service === 'Mail' &&
      method === 'sendEmail' &&
      o.rt.ctx.execution?.kind === 'trigger'
    )
      if (o.rt.ctx.execution.functionName === 'onRegistrationSubmit') throw new Error(DOWN);
  });
  during();
  down = false;
}

describe('the Outbox keeps a sent email 30 days', () => {
  test('emails sent more than 30 days ago leave the Outbox at the next run with mail waiting; newer ones, waiting ones and failed ones stay', () => {
    const o = office();
    o.explains.push(new RegExp(`^Log MAIL_QUEUED 2_R\\w+: registration: ${DOWN}$`));
    o.explains.push(/^Log MAIL_FAILED /);
    o.at('2023-07-01T10:00:00');
    mailDown(o, () => {
      for (let i = 0; i < 5; i++) o.register({ email: `july${i}@example.org`, name: `J${i}` });
    });
    o.at('2023-07-01T11:30:00'); // the hourly sendQueuedEmails
    const outbox = () => o.rows('Outbox').map((r) => `${r.To} ${r.Status}`);
    expect(outbox()).toEqual([0, 1, 2, 3, 4].map((i) => `july${i}@example.org SENT`));

    // A month later (31 days after they were sent) mail is down again for two people; one of
    // the two addresses is refused for good.
    o.at('2023-08-01T12:00:00');
    mailDown(o, () => {
      o.register({ email: 'august@example.org', name: 'A' });
      o.register({ email: 'not-an-address', name: 'B' });
    });
    o.rt.run('sendQueuedEmails');
    expect(outbox()).toEqual(['august@example.org SENT', 'not-an-address FAILED']);
    const log = o.rows('Log').filter((r) => r.Action === 'OUTBOX_SENT');
    expect(log.at(-1)?.Detail).toBe(
      '1 sent, 0 waiting, 1 failed; 5 sent more than 30 days ago removed',
    );

    // 29 days later the August email is still there; 31 days later it goes, the failed one stays.
    o.at('2023-08-30T12:00:00');
    mailDown(o, () => o.register({ email: 'late@example.org', name: 'L' }));
    o.rt.run('sendQueuedEmails');
    expect(outbox()).toEqual([
      'august@example.org SENT',
      'not-an-address FAILED',
      'late@example.org SENT',
    ]);
    o.at('2023-09-02T12:00:00');
    mailDown(o, () => o.register({ email: 'sept@example.org', name: 'S' }));
    // Today's quota is used up too: the September email waits, and the old one still goes.
    o.explains.push(/^Log STAFF_ALERT: Emails are waiting for tomorrow’s quota: /);
    o.explains.push(
      /^Log MAIL_QUEUED outbox-over-quota:2023-09-02: alert: Service invoked too many times/,
    );
    let quotaGone = true;
    o.rt.ctx.faults.push((service, method) => {
      if (quotaGone && service === 'Mail' && method === 'sendEmail')
        throw new Error('Service invoked too many times for one day: email.');
    });
    o.rt.run('sendQueuedEmails');
    expect(outbox()).toEqual([
      'not-an-address FAILED',
      'late@example.org SENT',
      'sept@example.org QUEUED',
      `${o.staffEmail} QUEUED`, // staff hear that emails wait for tomorrow's quota
    ]);
    quotaGone = false;
    o.rt.run('sendQueuedEmails');
    expect(outbox().slice(2)).toEqual(['sept@example.org SENT', `${o.staffEmail} SENT`]);
    // Every email went out exactly once.
    const sent = uncounted(o, () => o.rt.mail.outbox.map((m) => m.to[0]));
    for (const to of [
      'july0@example.org',
      'august@example.org',
      'late@example.org',
      'sept@example.org',
    ])
      expect(sent.filter((t) => t === to)).toHaveLength(1);
  });
});

describe('a failed write of SENT is not a failed send', () => {
  test('when the Outbox write after a send fails once, the run goes on: every waiting email goes once, none is said to wait for tomorrow’s quota, staff get no quota alert', () => {
    const o = office();
    o.explains.push(new RegExp(`^Log MAIL_QUEUED 2_R\\w+: registration: ${DOWN}$`));
    o.at('2023-07-01T10:00:00');
    mailDown(o, () => {
      for (let i = 0; i < 3; i++) o.register({ email: `p${i}@example.org`, name: `P${i}` });
    });
    let writes = 0;
    o.rt.ctx.faults.push((service, method) => {
      if (o.rt.ctx.execution?.functionName !== 'sendQueuedEmails') return;
      if (service === 'Spreadsheet' && method === 'setValues' && ++writes === 1)
        throw new Error('Service Spreadsheets failed while accessing document with id x.');
    });
    const before = o.rt.mail.outbox.length;
    o.rt.run('sendQueuedEmails');
    expect(writes).toBeGreaterThan(1);
    const sent = o.rt.mail.outbox.slice(before).map((m) => m.to[0]);
    expect(sent).toEqual(['p0@example.org', 'p1@example.org', 'p2@example.org']);
    expect(o.rows('Outbox').map((r) => [r.To, r.Status, r['Last error']])).toEqual([
      ['p0@example.org', 'SENT', DOWN],
      ['p1@example.org', 'SENT', ''], // queued behind p0's, never tried
      ['p2@example.org', 'SENT', ''],
    ]);
    expect(
      o
        .rows('Log')
        .filter((r) => r.Action === 'OUTBOX_SENT')
        .at(-1)?.Detail,
    ).toBe('3 sent, 0 waiting, 0 failed');
    expect(o.rt.mail.outbox.filter((m) => m.to[0] === o.staffEmail)).toEqual([]);
  });
});

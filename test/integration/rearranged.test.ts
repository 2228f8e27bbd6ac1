// Staff rearrange the system sheets between two executions, as people do in a shared
// spreadsheet: Data → Sort range on the rows below the header (Range.sort, "Class Range",
// https://developers.google.com/apps-script/reference/spreadsheet/range#sortsortspecobj).
// What the script does next must not depend on the order the rows are in.
import { freshGlobalsInThisFile, office, staffSorts, uncounted } from './helpers';

// Each execution starts with a fresh global scope, as in Apps Script (helpers.ts).
freshGlobalsInThisFile();

const DOWN = 'Service unavailable: Gmail';

describe('the Outbox keeps its order when staff sort it (R29)', () => {
  test('a sort of the Outbox by recipient by staff while mail waits for the quota: the email queued first still goes first, the later ones wait for tomorrow in their order', () => {
    const o = office();
    o.explains.push(new RegExp(`^Log MAIL_QUEUED 2_R\\w+: registration: ${DOWN}$`));
    o.explains.push(/^Log STAFF_ALERT: Emails are waiting for tomorrow’s quota: /);
    o.explains.push(/^Log MAIL_QUEUED outbox-over-quota:2023-07-01: alert: /);
    // Mail is down for three registrations, ten minutes apart: their replies wait in the Outbox.
    let down = true;
    o.rt.ctx.faults.push((service, method) => {
      if (down && service === 'Mail' && method === 'sendEmail') throw new Error(DOWN);
    });
    o.at('2023-07-01T10:00:00');
    o.register({ email: 'a.first@example.org', name: 'A' });
    o.at('2023-07-01T10:10:00');
    o.register({ email: 'b.second@example.org', name: 'B' });
    o.at('2023-07-01T10:20:00');
    o.register({ email: 'c.third@example.org', name: 'C' });
    down = false;
    // Staff sort the Outbox by "To", Z to A, to look for an address.
    staffSorts(o, 'Outbox', 'To', false);
    expect(o.rows('Outbox').map((r) => r.To)).toEqual([
      'c.third@example.org',
      'b.second@example.org',
      'a.first@example.org',
    ]);
    // Two emails are left of today's quota: the hourly sweep's check of the Outbox uses one to
    // tell staff that emails wait (three waiting, two left), the hourly sendQueuedEmails the other.
    o.rt.mail.setDailyQuota(2);
    o.at('2023-07-01T11:59:00');
    const sent = uncounted(o, () => o.rt.mail.outbox.map((m) => m.to[0]));
    expect(sent).toEqual([o.staffEmail, 'a.first@example.org']);
    expect(o.rows('Outbox').map((r) => `${r.To} ${r.Status}`)).toEqual([
      'c.third@example.org QUEUED',
      'b.second@example.org QUEUED',
      'a.first@example.org SENT',
    ]);
    // Tomorrow they go in the order they were queued.
    o.at('2023-07-02T11:59:00');
    expect(uncounted(o, () => o.rt.mail.outbox.map((m) => m.to[0])).slice(2)).toEqual([
      'b.second@example.org',
      'c.third@example.org',
    ]);
  });

  test('a sort of the Outbox by recipient by staff after one execution queued several emails at once: they still go in the order that execution queued them', () => {
    const o = office();
    o.explains.push(new RegExp(`^Log MAIL_QUEUED 2_R\\w+: registration: ${DOWN}$`));
    o.explains.push(/^Log STAFF_ALERT: Emails are waiting for tomorrow’s quota: /);
    o.explains.push(/^Log MAIL_QUEUED outbox-over-quota:2023-07-01: alert: /);
    // Three registrations whose triggers never fired: the 11:00 sweep finishes them in one
    // execution, while mail is down, so their replies are queued together, in that order.
    o.at('2023-07-01T10:00:00');
    o.register({ email: 'a.first@example.org', name: 'A' }, { drop: true });
    o.at('2023-07-01T10:10:00');
    o.register({ email: 'b.second@example.org', name: 'B' }, { drop: true });
    o.at('2023-07-01T10:20:00');
    o.register({ email: 'c.third@example.org', name: 'C' }, { drop: true });
    let down = true;
    o.rt.ctx.faults.push((service, method) => {
      if (down && service === 'Mail' && method === 'sendEmail') throw new Error(DOWN);
    });
    o.at('2023-07-01T11:10:00');
    down = false;
    const queued = o.rows('Outbox').filter((r) => r.To !== o.staffEmail);
    expect(queued.map((r) => r.To)).toEqual([
      'a.first@example.org',
      'b.second@example.org',
      'c.third@example.org',
    ]);
    // Queued by one execution: the same minute for staff to see.
    expect(new Set(queued.map((r) => String(r['Queued at']).slice(0, 21))).size).toBe(1);
    staffSorts(o, 'Outbox', 'To', false);
    o.rt.mail.setDailyQuota(2);
    o.at('2023-07-01T12:59:00');
    const sent = () =>
      uncounted(o, () => o.rt.mail.outbox.map((m) => m.to[0])).filter((to) => to !== o.staffEmail);
    expect(sent()).toEqual(['a.first@example.org', 'b.second@example.org']);
    expect(o.rows('Outbox').find((r) => r.To === 'c.third@example.org')?.Status).toBe('QUEUED');
    o.at('2023-07-02T12:59:00');
    expect(sent()).toEqual(['a.first@example.org', 'b.second@example.org', 'c.third@example.org']);
  });
});

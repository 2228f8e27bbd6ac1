// A form-submit trigger writes its rows and Log lines under the script lock, releases it, and
// only then sends its email (issue #15: the lock held ≤ 2 s, so a burst of submissions does not
// queue behind mail). A message that fails then still reaches the Outbox: under the lock taken
// again, or, when another execution holds it, row by row without it (appendRow is atomic).
import { freshGlobalsInThisFile, office } from './helpers';

// Each execution starts with a fresh global scope, as in Apps Script (helpers.ts).
freshGlobalsInThisFile();

const DOWN = 'Service unavailable: Gmail';

describe('form-submit emails go out after the script lock is released', () => {
  test('the ID email and the decision email are sent with the lock free, after their rows and Log lines are written', () => {
    const o = office();
    const seen: string[] = [];
    o.rt.ctx.faults.push((service, method) => {
      if (service !== 'Mail' || method !== 'sendEmail') return;
      const fn = o.rt.ctx.execution?.functionName ?? '';
      const holder = o.rt.locks.holderOf('script');
      // What the email announces is already in the sheets (and in the Log).
      const written =
        fn === 'onRegistrationSubmit'
          ? o.rows('Members').length === 1
          : o.rows('Applications')[0]?.Status !== '' &&
            o.rows('Log').some((l) => l.Action === 'DECIDED');
      seen.push(
        `${fn} lock ${holder === null ? 'free' : 'held'}, rows ${written ? 'written' : 'missing'}`,
      );
    });
    o.register({ email: 'a@example.org', name: 'Aiko' });
    o.apply({ email: 'a@example.org' });
    expect(seen).toEqual([
      'onRegistrationSubmit lock free, rows written',
      'onApplicationSubmit lock free, rows written',
    ]);
    expect(o.rt.mail.outbox.map((m) => m.to[0])).toEqual(['a@example.org', 'a@example.org']);
  });

  test('an email that fails after the lock waits in the Outbox with its error and goes out with the next run, once', () => {
    const o = office();
    o.explains.push(new RegExp(`^Log MAIL_QUEUED 2_R\\w+: registration: ${DOWN}$`));
    let down = true;
    o.rt.ctx.faults.push((service, method) => {
      if (down && service === 'Mail' && method === 'sendEmail') throw new Error(DOWN);
    });
    o.register({ email: 'a@example.org', name: 'Aiko' });
    expect(o.rows('Outbox').map((r) => [r.To, r.Status, r['Last error']])).toEqual([
      ['a@example.org', 'QUEUED', DOWN],
    ]);
    down = false;
    o.rt.run('sendQueuedEmails');
    expect(o.rt.mail.outbox.map((m) => m.to[0])).toEqual(['a@example.org']);
    expect(o.rows('Outbox').map((r) => r.Status)).toEqual(['SENT']);
  });

  test('when another execution holds the lock as the email fails, the Outbox row and its Log line are still written (without the lock), and nothing is lost', () => {
    const o = office();
    o.explains.push(new RegExp(`^Log MAIL_QUEUED 2_R\\w+: registration: ${DOWN}$`));
    let down = true;
    o.rt.ctx.faults.push((service, method) => {
      if (!down || service !== 'Mail' || method !== 'sendEmail') return;
      // Another execution takes the lock the moment ours released it, and keeps it.
      o.rt.locks.holdByAnotherExecution('script');
      throw new Error(DOWN);
    });
    o.register({ email: 'a@example.org', name: 'Aiko' });
    expect(o.rows('Members')).toHaveLength(1);
    expect(o.rows('Outbox').map((r) => [r.To, r.Status, r['Last error']])).toEqual([
      ['a@example.org', 'QUEUED', DOWN],
    ]);
    expect(o.rows('Log').filter((l) => l.Action === 'MAIL_QUEUED')).toHaveLength(1);
    o.rt.locks.releaseOther('script');
    down = false;
    o.rt.run('sendQueuedEmails');
    expect(o.rt.mail.outbox.map((m) => m.to[0])).toEqual(['a@example.org']);
  });
});

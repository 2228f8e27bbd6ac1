// Registration form → Bansou Net ID and auto-reply (RULES R1–R4, R24–R27, R29), driven
// through the built bundle on the local runtime.

import { handledFailures } from '../../local/faults/handled';
import { registrationFormSpec } from '../../local/world';
import { failedExecutions, office, staffAppends, sweep, tokyo } from './helpers';

const ids = (o: ReturnType<typeof office>) => o.rows('Members').map((m) => m['Bansou Net ID']);

describe('registration form', () => {
  test('200 registrations in a burst, with the lock held by another execution part of the time, end as 200 members BN-00001..BN-00200 and 200 emails', () => {
    const o = office();
    o.explains.push(/^console\.warn LOCK_BUSY registration 2_R\w+: left for the sweep$/);
    for (let i = 0; i < 200; i++) {
      if (i === 40) o.rt.locks.holdByAnotherExecution('script'); // until released: these wait 30 s and give up
      if (i === 60) o.rt.locks.releaseOther('script');
      if (i === 100) o.rt.locks.holdByAnotherExecution('script', o.rt.now() + 5_000); // short: they wait and go on
      o.register({ email: `person${i}@example.org`, name: `Person ${i}` });
    }
    expect(o.rows('Members').length).toBeLessThan(200); // the 20 that found the lock busy were left...
    sweep(o); // ...for the sweep (R26)
    const all = ids(o);
    expect(all).toHaveLength(200);
    expect(new Set(all).size).toBe(200);
    expect([...all].sort()).toEqual(
      Array.from({ length: 200 }, (_, i) => `BN-${String(i + 1).padStart(5, '0')}`),
    );
    const replies = o.rt.mail.outbox.filter((m) => m.subject.includes('BN-'));
    expect(replies).toHaveLength(200);
    expect(new Set(replies.map((m) => m.to[0])).size).toBe(200);
    // The 20 triggers that found the lock busy said so and nothing else went wrong.
    const busy = /^console\.warn LOCK_BUSY registration 2_R\w+: left for the sweep$/;
    expect(handledFailures(o).filter((line) => busy.test(line))).toHaveLength(20);
    expect(failedExecutions(o)).toEqual([]);
  });

  test('a member staff typed in by hand as bn-50 makes the next registration BN-00051, not BN-00003 (R1: the highest stored ID + 1, whatever the kept highest says)', () => {
    const o = office();
    o.register({ email: 'a@example.org', name: 'Aiko' });
    o.register({ email: 'b@example.org', name: 'Ben' });
    staffAppends(o, 'Members', {
      'Bansou Net ID': 'bn-50',
      'Email / メールアドレス': 'z@example.org',
    });
    o.register({ email: 'c@example.org', name: 'Chika' });
    o.register({ email: 'd@example.org', name: 'Dan' });
    expect(ids(o)).toEqual(['BN-00001', 'BN-00002', 'bn-50', 'BN-00051', 'BN-00052']);
  });

  test('registering again with the same email in upper case keeps the ID, updates the details and sends the ID again', () => {
    const o = office();
    o.register({ email: 'mai@example.org', name: 'Mai', phone: '090-1111-2222' });
    o.at('2023-07-02T10:00:00');
    o.register({ email: '  MAI@Example.org ', name: 'Mai Tran', phone: '090-3333-4444' });
    const members = o.rows('Members');
    expect(members).toHaveLength(1);
    expect(members[0]['Bansou Net ID']).toBe('BN-00001');
    expect(members[0].Name).toBe('Mai Tran');
    expect(members[0].Phone).toBe('090-3333-4444');
    const replies = o.rt.mail.outbox.filter((m) => m.subject.includes('BN-00001'));
    expect(replies).toHaveLength(2);
  });

  test('every event delivered twice gives the same members and emails as delivered once', () => {
    const once = office();
    const twice = office();
    for (let i = 0; i < 20; i++) {
      once.register({ email: `p${i}@example.org`, name: `P${i}` });
      twice.register({ email: `p${i}@example.org`, name: `P${i}` }, { twice: true });
    }
    const strip = (o: ReturnType<typeof office>) =>
      o.rows('Members').map((m) => [m['Bansou Net ID'], m.Email, m.Name]);
    expect(strip(twice)).toEqual(strip(once));
    expect(twice.rt.mail.outbox.map((m) => [m.to, m.subject])).toEqual(
      once.rt.mail.outbox.map((m) => [m.to, m.subject]),
    );
  });

  test('an edited registration response updates the member and keeps the ID (R4)', () => {
    const o = office();
    const id = o.register({ email: 'li@example.org', name: 'Li Wei' });
    o.register({ email: 'other@example.org', name: 'Other' });
    o.at('2023-07-03T09:00:00');
    o.rt.forms.editResponse(id, {
      answers: {
        '氏名 / Name': 'Li Wei (李伟)',
        '個人情報の取り扱いに同意します / I agree to the privacy policy': ['同意します / I agree'],
      },
    });
    const members = o.rows('Members');
    expect(members).toHaveLength(2);
    expect(members[0]['Bansou Net ID']).toBe('BN-00001');
    expect(members[0].Name).toBe('Li Wei (李伟)');
    // An edit is not a new registration: no second auto-reply.
    expect(o.rt.mail.outbox.filter((m) => m.to[0] === 'li@example.org')).toHaveLength(1);
  });

  test('with the quota exhausted at the 101st email, the rest are queued and sent after the quota resets, none twice', () => {
    const o = office({ dailyMailQuota: 100 });
    o.explains.push(/^Log STAFF_ALERT: Emails are waiting for tomorrow’s quota: /);
    for (let i = 0; i < 130; i++) o.register({ email: `q${i}@example.org`, name: `Q${i}` });
    expect(o.rt.mail.outbox).toHaveLength(100);
    const queued = o.rows('Outbox').filter((r) => r.Status === 'QUEUED');
    // 30 replies wait, plus the staff alert that the queue outgrew today's quota (R29).
    expect(queued.filter((r) => r.Kind === 'registration')).toHaveLength(30);
    o.at('2023-07-02T18:00:00'); // the quota resets at midnight Pacific; the hourly outbox trigger runs
    const sent = o.rt.mail.outbox.map((m) => m.to[0]).filter((to) => to.startsWith('q'));
    expect(sent).toHaveLength(130);
    expect(new Set(sent).size).toBe(130);
    // Order kept: the queued ones went out in submission order.
    expect(sent.slice(100)).toEqual(
      Array.from({ length: 30 }, (_, i) => `q${100 + i}@example.org`),
    );
    expect(o.rows('Outbox').filter((r) => r.Status === 'QUEUED')).toHaveLength(0);
  });

  test('a name like =HYPERLINK(…) or <script> is stored as text and escaped in the HTML email (R25)', () => {
    const o = office();
    o.register({ email: 'x@example.org', name: '=HYPERLINK("http://x","y")', phone: '0312345678' });
    o.register({ email: 'y@example.org', name: '<script>alert(1)</script>', phone: '+81 90 1234' });
    const members = o.rows('Members');
    expect(members[0].Name).toBe('=HYPERLINK("http://x","y")');
    expect(members[0].Phone).toBe('0312345678');
    expect(members[1].Name).toBe('<script>alert(1)</script>');
    expect(members[1].Phone).toBe('+81 90 1234');
    // No formula cell in any sheet the script writes (the response sheets are Google's own).
    for (const sheet of o.ss.getSheets().filter((s) => !s.getName().startsWith('Form Responses'))) {
      const formulas = sheet
        .getDataRange()
        .getFormulas()
        .flat()
        .filter((f) => f !== '');
      expect({ sheet: sheet.getName(), formulas }).toEqual({
        sheet: sheet.getName(),
        formulas: [],
      });
    }
    const html = o.rt.mail.outbox[1].htmlBody ?? '';
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  test('the auto-reply is in Japanese, in English, or in both when the chosen language has no template (R3)', () => {
    const o = office();
    o.register({ email: 'ja@example.org', name: '山田花子', language: '日本語' });
    o.register({ email: 'en@example.org', name: 'John Smith', language: 'English' });
    o.register({ email: 'vi@example.org', name: 'Nguyen Thi B', language: 'Tiếng Việt' });
    const [ja, en, both] = o.rt.mail.outbox;
    expect(ja.subject).toContain('BN-00001');
    expect(ja.body).toContain('山田花子 様');
    expect(ja.body).toContain('覚書');
    expect(ja.body).not.toContain('Dear');
    expect(en.body).toContain('Dear John Smith');
    expect(en.body).toContain('Memorandum');
    expect(en.body).not.toContain('様');
    expect(both.body).toContain('Nguyen Thi B 様');
    expect(both.body).toContain('Dear Nguyen Thi B');
    for (const m of [ja, en, both]) {
      expect(m.body).toContain('https://docs.google.com/forms/d/e/'); // the public application link
      expect(m.body).toContain('03-3837-2316'); // office contact
      expect(m.htmlBody).toContain('<a href=');
    }
  });

  test('logs name response and member IDs only, never names or addresses (R27)', () => {
    const o = office();
    o.register({
      email: 'secret.person@example.org',
      name: 'Secret Person',
      address: '秘密の住所 1-2-3',
    });
    const log = JSON.stringify(o.rows('Log')) + o.rt.logs.lines.map((l) => l.message).join('\n');
    expect(log).toContain('BN-00001');
    expect(log).not.toContain('Secret Person');
    expect(log).not.toContain('secret.person@example.org');
    expect(log).not.toContain('秘密の住所');
  });

  test('repeated registrations from one address get at most one auto-reply a day (R29)', () => {
    const o = office();
    for (let i = 0; i < 50; i++) o.register({ email: 'flood@example.org', name: `Flood ${i}` });
    o.register({ email: 'legit@example.org', name: 'Legit' });
    expect(o.rows('Members')).toHaveLength(2);
    expect(o.rt.mail.outbox.filter((m) => m.to[0] === 'flood@example.org')).toHaveLength(1);
    expect(o.rt.mail.outbox.filter((m) => m.to[0] === 'legit@example.org')).toHaveLength(1);
    o.rt.advanceTo(tokyo('2023-07-02T09:00:00'));
    o.register({ email: 'flood@example.org', name: 'Flood again' });
    expect(o.rt.mail.outbox.filter((m) => m.to[0] === 'flood@example.org')).toHaveLength(2);
  });
});

describe('registration form with a question renamed', () => {
  test('a question the field map names but the form lacks never stops registration; staff are alerted once, naming it', () => {
    const spec = registrationFormSpec();
    spec.items = spec.items.map((i) =>
      i.title.startsWith('電話番号') ? { ...i, title: 'Telephone' } : i,
    );
    const o = office({
      registrationForm: spec,
      settings: { 'field.registration.phone': '電話番号 / Phone' },
    });
    o.explains.push(
      /^Log STAFF_ALERT: A question is missing from the registration form: .*"電話番号 \/ Phone"/,
    );
    // Set-up refused (the report names the question), so the staff install the trigger by hand;
    // the trigger must still cope with the renamed question.
    expect(o.rt.script.all()).toHaveLength(0);
    o.rt.script.newTrigger('onRegistrationSubmit').forForm(o.registration).onFormSubmit().create();
    for (let i = 0; i < 3; i++) {
      o.rt.forms.submit(o.registration, {
        email: `r${i}@example.org`,
        answers: {
          '氏名 / Name': `R${i}`,
          Telephone: '090',
          '個人情報の取り扱いに同意します / I agree to the privacy policy': [
            '同意します / I agree',
          ],
        },
      });
    }
    expect(o.rows('Members').map((m) => m['Bansou Net ID'])).toEqual([
      'BN-00001',
      'BN-00002',
      'BN-00003',
    ]);
    const alerts = o.rt.mail.outbox.filter((m) => m.to[0] === o.staffEmail);
    expect(alerts).toHaveLength(1);
    expect(alerts[0].body).toContain('電話番号 / Phone');
    expect(o.rt.mail.outbox.filter((m) => m.subject.includes('BN-0000'))).toHaveLength(3);
  });
});

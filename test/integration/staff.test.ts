// Staff operations (RULES R24–R27): set-up and its checks, the triggers it installs, the
// sweep of missed responses, Settings validation, the menu and the log.
import { applicationFormSpec, registrationFormSpec } from '../../local/world';
import {
  FIVE_TRIGGERS,
  failedExecutions,
  office,
  sheetValues,
  staffSets,
  sweep,
  uncounted,
} from './helpers';

const handlers = (o: ReturnType<typeof office>) =>
  o.rt.script
    .all()
    .map((t) => t.handlerFunction)
    .sort();

describe('set-up and staff operations', () => {
  test('set-up against the reference forms installs exactly five triggers; three more runs leave five; a deleted one is restored', () => {
    const o = office();
    expect(handlers(o)).toEqual(FIVE_TRIGGERS);
    for (let i = 0; i < 3; i++) o.rt.run('setup');
    expect(handlers(o)).toEqual(FIVE_TRIGGERS);
    const sweepTrigger = o.rt.script.all().find((t) => t.handlerFunction === 'sweep')!;
    o.rt.script.deleteTrigger(
      o.rt.script.getProjectTriggers().find((t) => t.getUniqueId() === sweepTrigger.uid)!,
    );
    expect(handlers(o)).toHaveLength(4);
    const report = String(o.rt.run('setup'));
    expect(report).toContain('Installed trigger: sweep');
    expect(handlers(o)).toEqual(FIVE_TRIGGERS);
    // Each form trigger is attached to its own form.
    const formTriggers = o.rt.script.all().filter((t) => t.handlerFunction.endsWith('Submit'));
    expect(formTriggers.map((t) => t.sourceId).sort()).toEqual(
      [o.application.getId(), o.registration.getId()].sort(),
    );
  });

  test('a form missing two mapped questions and not collecting email gets one report naming all three problems, and nothing is installed', () => {
    const spec = registrationFormSpec();
    spec.collectsEmail = false;
    spec.items = spec.items.filter(
      (i) => !i.title.startsWith('電話番号') && !i.title.startsWith('伴走支援の経験'),
    );
    const o = office({ registrationForm: { ...spec } });
    // office() ran setup once: it must have refused.
    expect(o.rt.script.all()).toHaveLength(0);
    const report = String(o.rt.run('setup'));
    expect(report).toContain('電話番号 / Phone');
    expect(report).toContain('伴走支援の経験 / Accompanying-support experience');
    expect(report).toContain('does not collect email addresses');
    expect(report).toContain('Verified');
    expect(o.rt.script.all()).toHaveLength(0);
    expect(o.rt.sheets.ui.dialogs.at(-1)?.prompt ?? '').toContain('nothing was installed');
  });

  test('a published link pasted into Settings is explained in plain words', () => {
    const o = office({ settings: { applicationFormUrl: 'https://forms.gle/BfPYt6fpCp7fhVb57' } });
    const report = String(o.rt.run('setup'));
    expect(report).toMatch(/editor|edit/);
    expect(o.rt.script.all()).toHaveLength(0);
  });

  test('with 10% of form-submit events dropped, one sweep leaves every response processed once, as if none had been dropped', () => {
    const run = (dropEvery: number) => {
      const o = office();
      for (let i = 0; i < 40; i++) {
        o.register(
          { email: `m${i}@example.org`, name: `Member ${i}` },
          { drop: dropEvery > 0 && i % dropEvery === 3 },
        );
      }
      o.at('2023-07-20T10:00:00'); // hourly sweeps have run meanwhile
      // Members apply with the ID they were sent (a dropped registration got its ID from the sweep).
      const idOf = new Map(o.rows('Members').map((m) => [m.Email, String(m['Bansou Net ID'])]));
      for (let i = 0; i < 60; i++) {
        o.apply(
          {
            email: `m${i % 40}@example.org`,
            id: idOf.get(`m${i % 40}@example.org`),
            recipient: `Recipient ${i % 17}`,
            start: `${10 + (i % 5)}:00`,
            end: `${11 + (i % 5)}:${i % 3 ? '30' : '00'}`,
          },
          { drop: dropEvery > 0 && i % dropEvery === 7 },
        );
      }
      sweep(o);
      return o;
    };
    const clean = run(0);
    const dropped = run(10);
    const view = (o: ReturnType<typeof office>) => ({
      members: o.rows('Members').map((m) => [m['Bansou Net ID'], m.Email]),
      apps: o
        .rows('Applications')
        .map((a) => [
          a.Email ?? '',
          a['Respondent email'],
          a.Status,
          a['Reason codes'],
          a['Fee per supporter'],
        ]),
    });
    const sortRows = (v: ReturnType<typeof view>) => ({
      members: v.members,
      apps: [...v.apps].map(String).sort(),
    });
    // IDs may be given in another order (the sweep comes later); every member and decision is there once.
    expect(new Set(view(dropped).members.map((m) => m[1])).size).toBe(40);
    expect(view(dropped).members).toHaveLength(40);
    expect(sortRows(view(dropped)).apps).toEqual(sortRows(view(clean)).apps);
    expect(failedExecutions(dropped)).toEqual([]);
  });

  test('a bad Settings value stops every job before it writes, with an error naming the row', () => {
    const o = office();
    o.explains.push(
      /Settings row "Fee, 60–119 minutes \(feeStandard\)": "abc" is not an amount in yen/,
    );
    o.register({ email: 'a@example.org' });
    const settings = sheetValues(o, 'Settings');
    const feeRow = settings.findIndex((r) => r[0] === 'feeStandard');
    staffSets(o, 'Settings', feeRow, 'Value', 'abc');
    const before = sheetValues(o, 'Members');
    o.register({ email: 'b@example.org' });
    expect(sheetValues(o, 'Members')).toEqual(before);
    const message = String(o.rt.run('healthReport'));
    expect(message).toContain('feeStandard');
    expect(message).toContain('"abc"');
    const report = String(o.rt.run('setup'));
    expect(report).toContain('feeStandard');
    // Fixed: the sweep then finishes what was left.
    staffSets(o, 'Settings', feeRow, 'Value', '4000');
    sweep(o);
    expect(o.rows('Members')).toHaveLength(2);
  });

  test('the menu is bilingual and offers every staff action', () => {
    const o = office();
    o.rt.open();
    const menu = o.rt.sheets.ui.menus.at(-1)!;
    expect(menu.name).toBe('伴走ネット / Bansou Net');
    const fns = menu.items
      .filter((i) => i !== 'separator')
      .map((i) => (i as { functionName: string }).functionName);
    expect(fns).toEqual([
      'setup',
      'redecideAll',
      'generatePayments',
      'bankTransferFile',
      'sendQueuedEmails',
      'processMissedResponses',
      'updateSessions',
      'updateStatistics',
      'healthReport',
      'checkEnvironment',
      'removeMyTriggers',
    ]);
    for (const fn of fns) expect(typeof o.rt.scriptGlobal[fn]).toBe('function');
  });

  test('the health report names a missing trigger, and the sweep alerts staff once', () => {
    const o = office();
    o.explains.push(
      /^Log STAFF_ALERT: .*Trigger missing: sendQueuedEmails|^Log STAFF_ALERT: The trigger for sendQueuedEmails is missing: /,
    );
    const outbox = o.rt.script
      .getProjectTriggers()
      .find((t) => t.getHandlerFunction() === 'sendQueuedEmails')!;
    o.rt.script.deleteTrigger(outbox);
    expect(String(o.rt.run('healthReport'))).toContain('sendQueuedEmails');
    sweep(o);
    sweep(o);
    const alerts = o.rt.mail.outbox.filter(
      (m) => m.to[0] === o.staffEmail && m.subject.includes('sendQueuedEmails'),
    );
    expect(alerts).toHaveLength(1);
  });

  test('a missing trigger is one staff alert, not a second one saying a form could not be opened, and the full pass still finishes', () => {
    const o = office();
    o.explains.push(/^Log STAFF_ALERT: The trigger for sendQueuedEmails is missing: /);
    const outbox = o.rt.script
      .getProjectTriggers()
      .find((t) => t.getHandlerFunction() === 'sendQueuedEmails')!;
    o.rt.script.deleteTrigger(outbox);
    const staffMail = () => o.rt.mail.outbox.filter((m) => m.to[0] === o.staffEmail);
    const before = staffMail().length;
    sweep(o);
    sweep(o);
    const alerts = staffMail().slice(before);
    expect(alerts).toHaveLength(1);
    expect(alerts[0].subject).toContain('sendQueuedEmails');
    expect(alerts.some((m) => m.subject.includes('could not open a form'))).toBe(false);
    // The full pass (menu) reports the trigger and is done: nothing kept to resume from.
    expect(String(o.rt.run('processMissedResponses'))).toContain(
      'Trigger missing: sendQueuedEmails',
    );
    const props = uncounted(o, () => o.rt.properties.getScriptProperties().getKeys());
    expect(props.filter((k) => k.startsWith('sweep.resume'))).toEqual([]);
  });

  test('set-up gives the Applications sheet an override dropdown and protects the system sheets', () => {
    const o = office();
    const data = o.ss.sheetsData();
    const apps = data.find((s) => s.name === 'Applications')!;
    expect(JSON.stringify(apps.dataValidations)).toContain('ACCEPTED / 受理');
    expect(apps.frozenRows).toBe(1);
    const ledger = data.find((s) => s.name === 'Ledger')!;
    expect(ledger.protections.length).toBeGreaterThan(0);
    expect(applicationFormSpec().items).toHaveLength(11);
  });
});

describe('a sweep with more to check than one execution allows', () => {
  test('stops taking on responses after 4 minutes, remembers where it was, and the next sweep finishes: every response processed once', () => {
    const o = office();
    o.register({ email: 'a@example.org', name: 'Aiko' });
    o.at('2023-07-20T10:00:00');
    const ids: string[] = [];
    for (let i = 0; i < 120; i++) {
      ids.push(
        o.apply(
          { email: 'a@example.org', recipient: `Person ${i}`, start: '10:00', end: '11:00' },
          { drop: true },
        ),
      );
    }
    // Google is slow today: every Forms call takes 300 ms of the execution's time (about 11 s
    // per application: its answers are read item by item).
    o.rt.ctx.faults.push((service) => {
      if (service === 'Forms' && o.rt.ctx.execution?.functionName === 'processMissedResponses')
        o.rt.ctx.clock.advance(300);
    });
    const first = String(o.rt.run('processMissedResponses'));
    expect(first).toContain('run it again');
    const partly = o.rows('Applications').length;
    expect(partly).toBeGreaterThan(0);
    expect(partly).toBeLessThan(120);
    expect(o.rows('Log').some((l) => l.Action === 'SWEEP_PARTIAL')).toBe(true);
    for (let i = 0; i < 10 && o.rows('Applications').length < 120; i++)
      o.rt.run('processMissedResponses');
    // None was cut off at 6 minutes (the runtime kills executions that run longer).
    expect(failedExecutions(o)).toEqual([]);
    const rows = o.rows('Applications');
    expect(rows.map((r) => r['Response ID']).sort()).toEqual([...ids].sort());
    expect(rows.every((r) => r.Status === 'ACCEPTED')).toBe(true);
  });
});

describe('a renamed ID header', () => {
  test('stops registrations rather than handing out IDs again, and they are processed once the header is restored (R1)', () => {
    const o = office();
    o.explains.push(/Sheet "Members" has rows but no column "Bansou Net ID \/ 伴走ネットID"/);
    o.register({ email: 'a@example.org' });
    o.register({ email: 'b@example.org' });
    // Staff rename the ID column's header entirely.
    uncounted(o, () => o.ss.getSheetByName('Members')!.getRange(1, 1).setValue('Member number'));
    o.register({ email: 'c@example.org' });
    expect(o.rows('Members')).toHaveLength(2);
    expect(o.rt.logs.lines.some((l) => l.message.includes('Was its header renamed?'))).toBe(true);
    uncounted(o, () =>
      o.ss.getSheetByName('Members')!.getRange(1, 1).setValue('Bansou Net ID / 伴走ネットID'),
    );
    sweep(o);
    expect(o.rows('Members').map((m) => m['Bansou Net ID'])).toEqual([
      'BN-00001',
      'BN-00002',
      'BN-00003',
    ]);
  });
});

describe('staff rearrange the system sheets (R24: found by header names)', () => {
  test('a column inserted by staff and columns moved around do not disturb registrations or decisions', () => {
    const o = office();
    o.register({ email: 'a@example.org', name: 'Aiko' });
    o.at('2023-07-20T10:00:00');
    o.apply({ email: 'a@example.org', recipient: 'P1' });
    uncounted(o, () => {
      const members = o.ss.getSheetByName('Members')!;
      members.insertColumnsBefore(1, 1); // staff's own first column
      members.getRange(1, 1).setValue('Office memo');
      members.getRange(2, 1).setValue('called on 7/21');
      const apps = o.ss.getSheetByName('Applications')!;
      // Move "Status / 判定" to the far left: delete it and re-insert it as column 1.
      const header = apps.getRange(1, 1, 1, apps.getLastColumn()).getValues()[0].map(String);
      const statusCol = header.indexOf('Status / 判定') + 1;
      const values = apps.getRange(1, statusCol, apps.getLastRow(), 1).getValues();
      apps.deleteColumn(statusCol);
      apps.insertColumnsBefore(1, 1);
      apps.getRange(1, 1, values.length, 1).setValues(values.map((r) => [`'${r[0]}`]));
    });
    o.register({ email: 'b@example.org', name: 'Ben' });
    o.apply({
      email: 'b@example.org',
      id: 'BN-00002',
      recipient: 'P2',
      start: '10:00',
      end: '10:30',
    });
    const members = o.rows('Members');
    expect(members.map((m) => [m['Office memo'], m['Bansou Net ID'], m.Name])).toEqual([
      ['called on 7/21', 'BN-00001', 'Aiko'],
      ['', 'BN-00002', 'Ben'],
    ]);
    const apps = o.rows('Applications');
    expect(apps.map((a) => [a.Status, a['Reason codes']])).toEqual([
      ['ACCEPTED', ''],
      ['REJECTED', 'TOO_SHORT'],
    ]);
    expect(Object.keys(apps[0])[0]).toBe('Status');
  });
});

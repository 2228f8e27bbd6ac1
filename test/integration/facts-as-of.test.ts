// RULES §3 "Facts as of the submission moment", through the built bundle: the four cases of
// issue #13, as a new user replaying exports met them. A later re-registration, a later ID or a
// later document never changes an earlier decision; only an edit of the application (R18) or
// a staff override does.
import { documentsReceived, office, sheetValues, staffAppends, staffSets, tokyo } from './helpers';

type Office = ReturnType<typeof office>;

const app = (o: Office, responseId: string) =>
  o.rows('Applications').find((a) => a['Response ID'] === responseId)!;

/** Log lines that changed a status (not the first decision: '— → X'). */
const statusChanges = (o: Office) =>
  o
    .rows('Log')
    .filter((l) => l.Action === 'DECIDED' && !String(l['Status change']).startsWith('—'));

const mailsTo = (o: Office, to: string) => o.rt.mail.outbox.filter((m) => m.to[0] === to);

describe('decisions are fixed to their moment (RULES §3)', () => {
  test('REJECTED NOT_ELIGIBLE on 2024-07-14 stays so after a re-registration with experience on 2024-08-10: nothing paid, no email, no Log change; a later application is accepted', () => {
    const o = office({ start: tokyo('2024-07-01T09:00:00') });
    o.register({ email: 'a@example.org', name: 'Aiko', experience: 'なし / No' }); // BN-00001
    documentsReceived(o, 'BN-00001', '2024', '2024/07/01');
    o.at('2024-07-14T20:00:00');
    const july = o.apply({ email: 'a@example.org', date: '2024-07-14' });
    expect(app(o, july)).toMatchObject({ Status: 'REJECTED', 'Reason codes': 'NOT_ELIGIBLE' });
    o.at('2024-08-10T09:00:00');
    o.register({ email: 'a@example.org', name: 'Aiko', experience: 'あり / Yes' });
    expect(o.rows('Members')).toHaveLength(1);
    expect(o.rows('Members')[0].Experience).toBe('あり / Yes'); // the staff's current view
    const mailsBefore = mailsTo(o, 'a@example.org').length;
    o.at('2024-09-02T09:00:00'); // the monthly runs of 08-01 and 09-01
    expect(app(o, july)).toMatchObject({ Status: 'REJECTED', 'Reason codes': 'NOT_ELIGIBLE' });
    expect(o.rows('Ledger')).toHaveLength(0);
    expect(statusChanges(o)).toEqual([]);
    expect(mailsTo(o, 'a@example.org')).toHaveLength(mailsBefore);
    // Staff "Re-decide all" recomputes from history: nothing changes, no email.
    expect(o.rt.run('redecideAll')).toMatch(/^1 applications checked, 0 changed/);
    expect(mailsTo(o, 'a@example.org')).toHaveLength(mailsBefore);
    // An application submitted after the re-registration reads the new answer.
    o.at('2024-09-03T10:00:00');
    const september = o.apply({ email: 'a@example.org', date: '2024-09-02', recipient: 'P2' });
    expect(app(o, september)).toMatchObject({ Status: 'ACCEPTED', 'Reason codes': '' });
  });

  test('an application edited after a re-registration with experience is re-decided with the experience as of its submission (R7 as of the moment, R18): still REJECTED NOT_ELIGIBLE', () => {
    const o = office({ start: tokyo('2024-07-01T09:00:00') });
    o.register({ email: 'a@example.org', name: 'Aiko', experience: 'なし / No' }); // BN-00001
    o.at('2024-07-14T20:00:00');
    const july = o.apply({ email: 'a@example.org', date: '2024-07-14' });
    expect(app(o, july)).toMatchObject({ Status: 'REJECTED', 'Reason codes': 'NOT_ELIGIBLE' });
    o.at('2024-07-20T09:00:00');
    o.register({ email: 'a@example.org', name: 'Aiko', experience: 'あり / Yes' });
    o.at('2024-07-22T09:00:00');
    o.rt.forms.editResponse(july, {
      answers: {
        '伴走ネットID / Bansou Net ID': 'BN-00001',
        '氏名 / Name': 'Aiko',
        '支援日 / Date of support': '2024-07-14',
        '開始時刻 / Start time': '10:00',
        '終了時刻 / End time': '12:00',
        '相談者の氏名 / Name of the person supported': 'Nguyen Van A',
      },
    });
    // The edit was decided (its new minutes are in the row), with the July 14 facts.
    expect(app(o, july)).toMatchObject({
      Status: 'REJECTED',
      'Reason codes': 'NOT_ELIGIBLE',
      Minutes: 120,
    });
  });

  test('ACCEPTED on hold stays ACCEPTED after a re-registration without experience, and is paid once the documents arrive', () => {
    const o = office({ start: tokyo('2024-07-01T09:00:00') });
    o.register({ email: 'a@example.org', name: 'Aiko', experience: 'あり / Yes' });
    o.at('2024-07-14T20:00:00');
    const july = o.apply({ email: 'a@example.org', date: '2024-07-14' });
    expect(app(o, july)).toMatchObject({ Status: 'ACCEPTED', 'On hold (documents)': true });
    o.at('2024-07-20T09:00:00');
    o.register({ email: 'a@example.org', name: 'Aiko', experience: 'なし / No' });
    o.at('2024-08-02T09:00:00'); // run of 08-01: July settled, the line on hold
    expect(app(o, july)).toMatchObject({ Status: 'ACCEPTED', 'On hold (documents)': true });
    documentsReceived(o, 'BN-00001', '2024', '2024/08/05');
    o.at('2024-09-02T09:00:00'); // run of 09-01 pays it, carried over
    expect(app(o, july)).toMatchObject({
      Status: 'ACCEPTED',
      'Reason codes': '',
      'On hold (documents)': false,
    });
    expect(o.rows('Ledger').map((l) => [l['Response ID'], l.Amount, l['Payments sheet']])).toEqual([
      [july, 4000, '2024-08'],
    ]);
    expect(statusChanges(o)).toEqual([]);
  });

  test('UNKNOWN_ID stays UNKNOWN_ID when that ID is issued to a new member later: never paid', () => {
    const o = office({ start: tokyo('2024-07-01T09:00:00') });
    o.register({ email: 'a@example.org', name: 'Aiko' }); // BN-00001
    documentsReceived(o, 'BN-00001', '2024', '2024/07/01');
    o.at('2024-07-14T20:00:00');
    const early = o.apply({ email: 'c@example.org', id: 'BN-00002', date: '2024-07-14' });
    expect(app(o, early)).toMatchObject({ Status: 'REJECTED', 'Reason codes': 'UNKNOWN_ID' });
    o.at('2024-07-20T09:00:00');
    o.register({ email: 'c@example.org', name: 'Chie' }); // BN-00002 is issued now
    documentsReceived(o, 'BN-00002', '2024', '2024/07/20');
    o.at('2024-08-02T09:00:00');
    expect(app(o, early)).toMatchObject({ Status: 'REJECTED', 'Reason codes': 'UNKNOWN_ID' });
    expect(o.rt.run('redecideAll')).toMatch(/0 changed/);
    expect(app(o, early)).toMatchObject({ Status: 'REJECTED', 'Reason codes': 'UNKNOWN_ID' });
    o.at('2024-09-02T09:00:00');
    expect(o.rows('Ledger')).toHaveLength(0);
    expect(statusChanges(o)).toEqual([]);
  });

  test('the sweep that finishes a missed re-registration and a missed application decides the application with the re-registration it came after', () => {
    const o = office({ start: tokyo('2024-07-01T09:00:00') });
    o.register({ email: 'a@example.org', name: 'Aiko', experience: 'なし / No' }); // BN-00001
    documentsReceived(o, 'BN-00001', '2024', '2024/07/01');
    o.at('2024-07-20T09:05:00');
    o.register({ email: 'a@example.org', name: 'Aiko', experience: 'あり / Yes' }, { drop: true });
    o.at('2024-07-20T09:10:00');
    const july = o.apply({ email: 'a@example.org', date: '2024-07-20' }, { drop: true });
    o.at('2024-07-20T10:30:00'); // the hourly sweep finishes both, in one execution
    expect(o.rows('Member history').map((h) => h.Kind)).toEqual(['FIRST', 'REPEAT']);
    expect(app(o, july)).toMatchObject({ Status: 'ACCEPTED', 'Reason codes': '' });
  });

  test('an application whose second supporter waited for documents is no longer on hold once both supporters are paid', () => {
    const o = office({ start: tokyo('2024-07-01T09:00:00') });
    o.register({ email: 'a@example.org', name: 'Aiko' }); // BN-00001
    o.register({ email: 'b@example.org', name: 'Ben', language: 'English' }); // BN-00002
    documentsReceived(o, 'BN-00001', '2024', '2024/07/01');
    o.at('2024-07-14T20:00:00');
    const id = o.apply({ email: 'a@example.org', date: '2024-07-14', second: 'BN-00002' });
    expect(app(o, id)).toMatchObject({ Status: 'ACCEPTED', 'On hold (documents)': true });
    o.at('2024-08-02T09:00:00'); // Aiko paid; Ben's share waits
    expect(o.rows('Ledger').map((l) => l['Bansou Net ID'])).toEqual(['BN-00001']);
    expect(app(o, id)['On hold (documents)']).toBe(true);
    expect(sheetValues(o, 'Payments 2024-07').flat()).toContain(id);
    documentsReceived(o, 'BN-00002', '2024', '2024/08/10');
    o.at('2024-09-02T09:00:00'); // Ben paid, carried over
    expect(o.rows('Ledger').map((l) => l['Bansou Net ID'])).toEqual(['BN-00001', 'BN-00002']);
    expect(app(o, id)['On hold (documents)']).toBe(false);
    expect(app(o, id)['Paid in']).toBe('2024-07 2024-08');
  });
});

describe('only the application itself or staff change a decision', () => {
  test('a staff override set after the decision is applied by the monthly run and wins: the only status change a monthly run makes', () => {
    const o = office({ start: tokyo('2024-07-01T09:00:00') });
    o.register({ email: 'a@example.org', name: 'Aiko', experience: 'なし / No' });
    documentsReceived(o, 'BN-00001', '2024', '2024/07/01');
    o.at('2024-07-14T20:00:00');
    const july = o.apply({ email: 'a@example.org', date: '2024-07-14' });
    o.at('2024-07-20T09:00:00');
    staffSets(o, 'Applications', 1, 'Staff override', 'ACCEPTED / 受理');
    o.at('2024-08-02T09:00:00');
    expect(app(o, july)).toMatchObject({ Status: 'ACCEPTED', 'Automatic decision': 'REJECTED' });
    expect(o.rows('Ledger').map((l) => [l['Response ID'], l.Amount])).toEqual([[july, 4000]]);
    expect(statusChanges(o).map((l) => l['Status change'])).toEqual(['REJECTED → ACCEPTED']);
  });

  test('a course completion dated after the submission day does not make an earlier application eligible', () => {
    const o = office({ start: tokyo('2024-07-01T09:00:00') });
    o.register({ email: 'a@example.org', name: 'Aiko', experience: 'なし / No' });
    documentsReceived(o, 'BN-00001', '2024', '2024/07/01');
    o.at('2024-07-14T20:00:00');
    const july = o.apply({ email: 'a@example.org', date: '2024-07-14' });
    for (const n of [1, 2, 3, 4, 5]) {
      staffAppends(o, 'Course', {
        'Bansou Net ID': 'BN-00001',
        Module: `Basic ${n}`,
        'Completed on': '2024/07/15',
      });
    }
    o.at('2024-08-02T09:00:00');
    o.rt.run('redecideAll');
    expect(app(o, july)).toMatchObject({ Status: 'REJECTED', 'Reason codes': 'NOT_ELIGIBLE' });
    const later = o.apply({ email: 'a@example.org', date: '2024-08-01', recipient: 'P2' });
    expect(app(o, later)).toMatchObject({ Status: 'ACCEPTED' });
  });

  test('the Member history keeps every registration response version with its time', () => {
    const o = office({ start: tokyo('2024-07-01T09:00:00') });
    const first = o.register({ email: 'a@example.org', name: 'Aiko', experience: 'なし / No' });
    o.at('2024-08-10T09:00:00');
    const again = o.register({ email: 'A@Example.org ', name: 'Aiko', experience: 'あり / Yes' });
    const history = o.rows('Member history');
    expect(
      history.map((h) => [h['Bansou Net ID'], h['Registration response ID'], h.Kind, h.Experience]),
    ).toEqual([
      ['BN-00001', first, 'FIRST', 'なし / No'],
      ['BN-00001', again, 'REPEAT', 'あり / Yes'],
    ]);
    expect((history[1]['Response time'] as Date).getTime()).toBe(tokyo('2024-08-10T09:00:00'));
  });
});

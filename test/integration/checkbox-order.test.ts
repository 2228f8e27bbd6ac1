// Checkbox answers come in no guaranteed order (the reference promises none; the runtime
// gives the reverse of the choices by default, #17): the system decides the same either way.
import { office } from './helpers';

function play(order: 'reversed' | 'choice') {
  const o = office({ checkboxOrder: order });
  o.register({ email: 'a@example.org', name: 'Aiko' });
  o.register({ email: 'b@example.org', name: 'Ben' });
  o.at('2023-07-21T10:00:00');
  o.apply({ email: 'a@example.org', id: 'BN-00001', date: '2023-07-20', second: 'BN-00002' });
  o.apply({ email: 'a@example.org', id: 'BN-00001', date: '2023-07-20', recipient: 'P2' });
  o.rt.run('redecideAll');
  o.at('2023-08-02T09:00:00');
  return {
    members: o.rows('Members').map((m) => [m['Bansou Net ID'], m.Email]),
    decisions: o
      .rows('Applications')
      .map((a) => [a['Applicant ID'], a.Status, a['Reason codes'], a['Fee per supporter']]),
    ledger: o.rows('Ledger').map((l) => [l['Bansou Net ID'], l.Amount]),
    sent: o.rt.mail.outbox.map((m) => m.to),
  };
}

test('decisions, payments and mail are the same whatever order Forms gives checkbox answers in', () => {
  expect(play('reversed')).toEqual(play('choice'));
});

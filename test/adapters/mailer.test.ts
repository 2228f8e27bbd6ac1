// A message without an address is neither sent nor queued: the log says which (MAIL_SKIPPED,
// by reference only, R27). Both ways in (queue, queueToOutbox) behave the same.
import type { ActivityLog, LogEntry } from '../../src/adapters/log';
import { type Mail, Mailer } from '../../src/adapters/mailer';
import type { ScriptProps } from '../../src/adapters/props';
import type { Workbook } from '../../src/adapters/tables/workbook';
import { settings } from '../domain/fixtures';

function mailer() {
  const logged: LogEntry[] = [];
  const outbox: Record<string, unknown>[] = [];
  const book = { table: () => ({ append: (r: Record<string, unknown>) => outbox.push(r) }) };
  const props = new Map<string, string>();
  const m = new Mailer(
    book as unknown as Workbook,
    settings,
    Date.parse('2024-07-01T10:00:00+09:00'),
    { add: (e: LogEntry) => logged.push(e) } as unknown as ActivityLog,
    {
      get: (k: string) => props.get(k) ?? null,
      set: (k: string, v: string) => props.set(k, v),
    } as unknown as ScriptProps,
  );
  return { m, logged, outbox };
}

const mail = (to: string, ref: string): Mail => ({
  to,
  subject: 's',
  body: 'b',
  htmlBody: 'h',
  kind: 'notice',
  ref,
});

describe('mail without an address', () => {
  test('queue: not held, MAIL_SKIPPED with the reference and kind', () => {
    const { m, logged, outbox } = mailer();
    m.queue(mail('', 'R1'));
    m.queue(mail('   ', 'R2'));
    m.deliver();
    expect(outbox).toEqual([]);
    expect(logged).toEqual([
      { action: 'MAIL_SKIPPED', responseId: 'R1', detail: 'notice: no address' },
      { action: 'MAIL_SKIPPED', responseId: 'R2', detail: 'notice: no address' },
    ]);
  });

  test('queueToOutbox: the one without an address is skipped, the other joins the Outbox without a Log line of its own (the notices log one line for all)', () => {
    const { m, logged, outbox } = mailer();
    m.queueToOutbox(mail(' ', '2024-06'));
    m.queueToOutbox(mail('member@example.org', '2024-07'));
    m.deliver();
    expect(outbox.map((r) => [r.to, r.ref, r.status])).toEqual([
      ['member@example.org', '2024-07', 'QUEUED'],
    ]);
    expect(logged).toEqual([
      { action: 'MAIL_SKIPPED', responseId: '2024-06', detail: 'notice: no address' },
    ]);
  });
});

describe('after a failure, only the messages whose "sent" record is written go', () => {
  test('a message whose record is written goes; one whose record is not, one without a record, and the bulk Outbox mail wait for the run that writes their records', () => {
    const { m, outbox } = mailer();
    const marked = (ref: string, written: boolean): Mail => ({
      ...mail(`${ref}@example.org`, ref),
      marked: () => written,
    });
    m.queue(mail('plain@example.org', 'plain'));
    m.queue(marked('list', true));
    m.queue(marked('reminder', false));
    m.queueToOutbox(mail('notice@example.org', '2024-07'));
    m.keepMarked();
    m.deliver(0); // past `until`: every message kept goes to the Outbox, where we can see it
    expect(outbox.map((r) => r.ref)).toEqual(['list']);
  });
});

// What a run handled instead of throwing, and the mail it sent: the two things a fault test
// must see besides the final sheets.
//
// The entry points (src/entry/run.ts) catch every error so that a trigger never fails, which
// means an execution that "went wrong" does not end in an exception. It leaves traces instead,
// and these are what count as handled failures here:
// - a Log sheet line whose action ends in `_FAILED` (APPLICATION_FAILED, SWEEP_FAILED,
//   MAIL_FAILED, …), a STAFF_ALERT line (every staff alert is about something wrong),
//   FORM_LINK_UNAVAILABLE, and MAIL_QUEUED when the send itself threw (its detail carries
//   the error after the kind: `decision: Service invoked …`);
// - every console.error and console.warn line of the script (FAILED …, LOCK_BUSY …), which
//   stay in the execution log even when the Log sheet could not be written;
// - an execution that did end in an exception.
// A fault-free run has none; a faulty run only those its fault explains (local/faults/suite.ts
// for the fault suite, the `explained` option of failedExecutions in the integration tests).
import type { OfficeWorld } from '../world';
import { readSheet } from './play';

const HANDLED_ACTION = /_FAILED$|^STAFF_ALERT$|^FORM_LINK_UNAVAILABLE$/;

/** Every handled failure of a run, one line each, oldest first within each source. */
export function handledFailures(
  world: OfficeWorld,
  rename: (text: string) => string = (t) => t,
): string[] {
  const out: string[] = [];
  const log = readSheet(world, world.ss.getSheetByName('Log'));
  const header = (log[0] ?? []).map((h) => String(h).split(' / ')[0]);
  const col = (name: string) => header.indexOf(name);
  for (const row of log.slice(1)) {
    const action = String(row[col('Action')]);
    const detail = String(row[col('Detail')] ?? '');
    const ref = String(row[col('Response ID')] ?? '');
    const queuedOnError = action === 'MAIL_QUEUED' && /^[a-z-]+: /.test(detail);
    if (HANDLED_ACTION.test(action) || queuedOnError) {
      out.push(rename(`Log ${action}${ref ? ` ${ref}` : ''}: ${detail}`));
    }
  }
  for (const line of world.rt.logs.lines) {
    if (line.source === 'console' && (line.level === 'error' || line.level === 'warn')) {
      out.push(rename(`console.${line.level} ${line.message}`));
    }
  }
  for (const e of world.rt.executions) {
    if (e.error) out.push(rename(`threw ${e.functionName}: ${e.error}`));
  }
  return out;
}

/** One sent mail as comparable text: every recipient, the subject and the plain-text body. */
export function sentMail(
  world: OfficeWorld,
  rename: (text: string) => string = (t) => t,
): string[] {
  return world.rt.mail.outbox.map((m) =>
    rename(
      [
        `to: ${[...m.to, ...m.cc.map((a) => `cc ${a}`), ...m.bcc.map((a) => `bcc ${a}`)].join(', ')}`,
        `subject: ${m.subject}`,
        m.body,
      ].join('\n'),
    ),
  );
}

export interface MailDifference {
  /** Sent in the reference run, not (or fewer times) in this one. */
  missing: string[];
  /** Sent in this run, not (or more times) in the reference. */
  extra: string[];
}

/** The two lists compared as multisets: what one has more often than the other. */
export function mailDifference(reference: string[], run: string[]): MailDifference {
  const count = new Map<string, number>();
  for (const m of reference) count.set(m, (count.get(m) ?? 0) + 1);
  const extra: string[] = [];
  for (const m of run) {
    const n = count.get(m) ?? 0;
    if (n > 0) count.set(m, n - 1);
    else extra.push(m);
  }
  const missing = [...count].flatMap(([m, n]) => Array<string>(n).fill(m));
  return { missing, extra };
}

/** Messages (recipient, subject, body) sent more than once. */
export function repeatedMail(mail: string[]): string[] {
  const seen = new Set<string>();
  const repeated: string[] = [];
  for (const m of mail) {
    if (seen.has(m)) repeated.push(m);
    seen.add(m);
  }
  return repeated;
}

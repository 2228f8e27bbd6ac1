// All mail goes through here. A message is sent at once when the quota allows and nothing
// is waiting before it; otherwise it joins the Outbox sheet, which sendQueuedEmails empties
// in order as the quota allows (RULES R29). Nothing is lost, nothing is sent twice.
import type { Settings } from '../domain/settings-types';
import type { ActivityLog } from './log';
import type { ScriptProps } from './props';
import { OUTBOX } from './tables/schema';
import type { Workbook } from './tables/workbook';

export interface Mail {
  to: string;
  subject: string;
  body: string;
  htmlBody: string;
  /** What the message is, for the Outbox and the log: 'registration', 'decision', … */
  kind: string;
  /** Response ID or month it belongs to (R27: never a name or an address). */
  ref: string;
  /**
   * Whether the record saying this message went is written (a reminder's "Reminder sent", a
   * month's Payment runs row). When the execution fails after that, the message still goes: no
   * later run would send it (see deliverMarked). Without it, a message goes only when every
   * write succeeded.
   */
  marked?: () => boolean;
}

const PENDING_KEY = 'outbox.pending';

export function recipientsOf(to: string): number {
  return to.split(',').filter((s) => s.trim() !== '').length;
}

export class Mailer {
  private readonly held: Mail[] = [];
  private readonly forOutbox: Mail[] = [];
  private pending: number | null = null;
  /** Bulk mail this execution wrote to the Outbox itself (writeBulkToOutbox). */
  private ownBulk = 0;
  private quota: number | null = null;
  /** Emails this execution put in the Outbox (their queue order, see toOutbox). */
  private queuedHere = 0;

  constructor(
    private readonly book: Workbook,
    private readonly settings: Settings,
    private readonly now: number,
    private readonly log: ActivityLog,
    private readonly props: ScriptProps,
  ) {}

  /** Holds a message until the execution's records are written (see commit). */
  queue(mail: Mail): void {
    if (this.addressed(mail)) this.held.push(mail);
  }

  /**
   * Holds a message for the Outbox only: sendQueuedEmails sends it (in order, as the quota
   * allows). For bulk mail that must not make the execution that writes it long (R30: a
   * payment notice per supporter paid). It joins the Outbox after the held messages, without a
   * Log line of its own (the caller logs one for all).
   */
  queueToOutbox(mail: Mail): void {
    if (this.addressed(mail)) this.forOutbox.push(mail);
  }

  /** A message without an address is not held: the log says which (MAIL_SKIPPED). */
  private addressed(mail: Mail): boolean {
    if (mail.to.trim() !== '') return true;
    this.log.add({
      action: 'MAIL_SKIPPED',
      responseId: mail.ref,
      detail: `${mail.kind}: no address`,
    });
    return false;
  }

  /**
   * Sends what is held, in order, while the quota allows; the rest waits in the Outbox. With
   * `until` (a clock time), mail still held when it passes goes to the Outbox without being
   * tried: a long execution stops sending before Apps Script's 6-minute limit can cut it off,
   * and the Outbox rows are written in one block. Returns how many were put off that way.
   */
  deliver(until?: number): number {
    return this.sendOrQueue(until, null);
  }

  /**
   * Writes the bulk mail held for the Outbox (queueToOutbox) into the Outbox sheet now, rather
   * than at the end of the execution: a month's payment notices are stored before the month is
   * recorded as settled.
   */
  writeBulkToOutbox(): void {
    if (this.forOutbox.length === 0) return;
    for (const mail of this.forOutbox.splice(0)) {
      this.toOutbox(mail, '', false);
      this.ownBulk++;
    }
    this.savePending();
    this.book.flushOne(OUTBOX);
  }

  /**
   * After a failure: keeps only the held messages whose "sent" record is written (Mail.marked):
   * no later run would send them. The others are sent by the run that writes their records,
   * and the bulk Outbox mail is dropped the same way (its rows are written with its records).
   */
  keepMarked(): void {
    const kept = this.held.filter((m) => m.marked?.() === true);
    this.held.splice(0, this.held.length, ...kept);
    this.forOutbox.splice(0);
  }

  /**
   * Like deliver(), but the messages the quota allows are not sent here: they are returned, to
   * be sent once the script lock is released (sendAfterLock). Those that must wait are in the
   * Outbox as deliver() puts them, the quota they need is counted as used. A form-submit trigger
   * holds the lock the shorter for it (issue #15: a burst of submissions queues behind the lock).
   */
  planSends(): Mail[] {
    const later: Mail[] = [];
    this.sendOrQueue(undefined, later);
    return later;
  }

  /** A message that could not be sent after the lock: into the Outbox with its error. */
  queueFailed(mail: Mail, error: string): void {
    this.toOutbox(mail, error);
    this.savePending();
  }

  private sendOrQueue(until: number | undefined, later: Mail[] | null): number {
    const mails = this.held.splice(0);
    let deferred = 0;
    for (const mail of mails) {
      if (until !== undefined && (deferred > 0 || Date.now() > until)) {
        deferred++;
        this.toOutbox(mail, '');
        continue;
      }
      // Staff alerts may jump the queue: they are few, and they are about the queue itself.
      // The bulk mail this execution queued itself (a month's notices) does not hold its own
      // messages back: the staff summary still goes first.
      const waitsBehindQueue = mail.kind !== 'alert' && this.pendingCount() - this.ownBulk > 0;
      if (waitsBehindQueue || this.remainingQuota() < recipientsOf(mail.to)) {
        this.toOutbox(mail, '');
        continue;
      }
      if (later) {
        later.push(mail);
        this.quota = (this.quota ?? 0) - recipientsOf(mail.to);
        continue;
      }
      try {
        sendNow(mail, this.settings);
        this.quota = (this.quota ?? 0) - recipientsOf(mail.to);
      } catch (error) {
        this.toOutbox(mail, errorText(error));
      }
    }
    // Bulk mail queued on purpose: its caller logs one line for them all (NOTICES_QUEUED), the
    // Outbox rows are the record of each (a line per message was most of the Log: issue #15).
    for (const mail of this.forOutbox.splice(0)) this.toOutbox(mail, '', false);
    this.savePending();
    return deferred;
  }

  private savePending(): void {
    if (this.pending !== null && String(this.pending) !== (this.props.get(PENDING_KEY) ?? '0')) {
      this.props.set(PENDING_KEY, String(this.pending));
    }
  }

  private toOutbox(mail: Mail, error: string, logged = true): void {
    this.book.table(OUTBOX).append({
      // The execution's time, a millisecond apart per email (not shown: the column shows
      // minutes): sendQueuedEmails sends in this order, whatever order staff sort the rows in.
      queuedAt: new Date(this.now + this.queuedHere++),
      to: mail.to,
      subject: mail.subject,
      body: mail.body,
      htmlBody: mail.htmlBody,
      kind: mail.kind,
      ref: mail.ref,
      status: 'QUEUED',
      attempts: error ? 1 : 0,
      lastError: error,
    });
    this.pending = this.pendingCount() + 1;
    if (!logged) return;
    this.log.add({
      action: 'MAIL_QUEUED',
      responseId: mail.ref,
      detail: error ? `${mail.kind}: ${error}` : mail.kind,
    });
  }

  private pendingCount(): number {
    if (this.pending === null) {
      this.pending = Number(this.props.get(PENDING_KEY) ?? 0) || 0;
    }
    return this.pending;
  }

  private remainingQuota(): number {
    if (this.quota === null) this.quota = MailApp.getRemainingDailyQuota();
    return this.quota;
  }
}

export function sendNow(
  mail: Pick<Mail, 'to' | 'subject' | 'body' | 'htmlBody'>,
  settings: Settings,
): void {
  const message: GoogleAppsScript.Mail.MailAdvancedParameters = {
    to: mail.to,
    subject: mail.subject,
    body: mail.body,
    htmlBody: mail.htmlBody,
    name: settings.senderName,
  };
  if (settings.replyTo) message.replyTo = settings.replyTo;
  MailApp.sendEmail(message);
}

export function errorText(error: unknown): string {
  // Errors from Apps Script services may come from another realm: no instanceof.
  if (error && typeof (error as { message?: unknown }).message === 'string') {
    return (error as { message: string }).message;
  }
  return String(error);
}

export function setPendingCount(props: ScriptProps, n: number): void {
  if (props.get(PENDING_KEY) !== String(n)) props.set(PENDING_KEY, String(n));
}

export function readPendingCount(props: ScriptProps): number {
  return Number(props.get(PENDING_KEY) ?? 0) || 0;
}

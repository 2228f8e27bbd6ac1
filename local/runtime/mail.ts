// The local `MailApp` global. Nothing leaves the machine: sent mail lands in `outbox`, where
// tests and the runner read it. The daily quota counts recipients, as in Apps Script.

import type { RuntimeContext } from './context';
import { formatInZone } from './utilities';

export interface SentAttachment {
  name: string | null;
  contentType: string | null;
  size: number;
}

export interface SentMail {
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  body: string;
  htmlBody?: string;
  name?: string;
  replyTo?: string;
  noReply?: boolean;
  attachments?: SentAttachment[];
  /** Clock time of the send (ms). */
  sentAt: number;
  /** The execution that sent it, or null when sent outside any execution. */
  executionId: number | null;
}

export interface MailOptions {
  /** Recipients per day: 100 for consumer accounts, 1,500 for Workspace. */
  dailyQuota?: number;
  /** The zone whose midnight resets the quota. */
  quotaZone?: string;
}

interface AdvancedOptions {
  htmlBody?: string;
  name?: string;
  replyTo?: string;
  cc?: string;
  bcc?: string;
  noReply?: boolean;
  attachments?: unknown[];
}

interface MessageObject extends AdvancedOptions {
  to?: string;
  subject?: string;
  body?: string;
}

// Error text: APPS-SCRIPT-FACTS.md; quoted in https://github.com/ramkumar-kr/gmail-delay-send/issues/166 (see spreadsheet/errors.ts).
export const QUOTA_EXCEEDED = 'Service invoked too many times for one day: email.';
// Error text: unverified (see spreadsheet/errors.ts).
export const NO_RECIPIENT = 'Failed to send email: no recipient';

// A plain address, or "Display Name <address>".
const ADDRESS = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:".]+$/;

function parseAddressList(list: unknown): string[] {
  if (list === undefined || list === null) return [];
  const out: string[] = [];
  for (const raw of String(list).split(',')) {
    const entry = raw.trim();
    if (entry === '') continue;
    const named = /<([^>]*)>\s*$/.exec(entry);
    const address = named ? named[1].trim() : entry;
    if (!ADDRESS.test(address)) throw new Error(`Invalid email: ${entry}`);
    out.push(address);
  }
  return out;
}

function describeAttachment(blob: unknown): SentAttachment {
  const source = blob as {
    getBlob?: () => unknown;
  };
  const b = (typeof source.getBlob === 'function' ? source.getBlob() : blob) as {
    getName?: () => string | null;
    getContentType?: () => string | null;
    getBytes?: () => number[];
  };
  return {
    name: typeof b.getName === 'function' ? b.getName() : null,
    contentType: typeof b.getContentType === 'function' ? b.getContentType() : null,
    size: typeof b.getBytes === 'function' ? b.getBytes().length : 0,
  };
}

export class MailService {
  /** Every mail sent, oldest first. */
  readonly outbox: SentMail[] = [];
  private dailyQuota: number;
  private readonly quotaZone: string;
  /** Recipients counted per quota day ('yyyy-MM-dd' in quotaZone). */
  private readonly usedByDay = new Map<string, number>();
  /** The quota day worked out last, and the clock time it is for (quotaDay). */
  private lastQuotaAt = Number.NaN;
  private lastQuotaDay = '';
  private failures: { remaining: number; message: string } = { remaining: 0, message: '' };

  constructor(
    private readonly ctx: RuntimeContext,
    options: MailOptions = {},
  ) {
    this.dailyQuota = options.dailyQuota ?? 100;
    this.quotaZone = options.quotaZone ?? 'America/Los_Angeles';
  }

  sendEmail(...args: unknown[]): void {
    this.ctx.call('Mail', 'sendEmail');
    const message = this.readArguments(args);
    if (this.failures.remaining > 0) {
      this.failures.remaining--;
      throw new Error(this.failures.message);
    }
    const to = parseAddressList(message.to);
    const cc = parseAddressList(message.cc);
    const bcc = parseAddressList(message.bcc);
    if (to.length + cc.length + bcc.length === 0) throw new Error(NO_RECIPIENT);
    if (message.replyTo !== undefined && message.replyTo !== '') parseAddressList(message.replyTo);

    const recipients = to.length + cc.length + bcc.length;
    const day = this.quotaDay();
    const used = this.usedByDay.get(day) ?? 0;
    if (used + recipients > this.dailyQuota) throw new Error(QUOTA_EXCEEDED);
    this.usedByDay.set(day, used + recipients);

    const sent: SentMail = {
      to,
      cc,
      bcc,
      subject: String(message.subject ?? ''),
      body: String(message.body ?? ''),
      sentAt: this.ctx.clock.now(),
      executionId: this.ctx.execution?.id ?? null,
    };
    if (message.htmlBody !== undefined) sent.htmlBody = String(message.htmlBody);
    if (message.name !== undefined) sent.name = String(message.name);
    if (message.replyTo !== undefined) sent.replyTo = String(message.replyTo);
    if (message.noReply !== undefined) sent.noReply = Boolean(message.noReply);
    if (Array.isArray(message.attachments) && message.attachments.length > 0) {
      sent.attachments = message.attachments.map(describeAttachment);
    }
    this.outbox.push(sent);
  }

  getRemainingDailyQuota(): number {
    this.ctx.call('Mail', 'getRemainingDailyQuota');
    return Math.max(0, this.dailyQuota - (this.usedByDay.get(this.quotaDay()) ?? 0));
  }

  // --- World API -------------------------------------------------------------------------------

  setDailyQuota(n: number): void {
    this.dailyQuota = n;
  }

  /** Uses up what is left of today's quota, as if other scripts of the user had sent mail. */
  exhaust(): void {
    this.usedByDay.set(this.quotaDay(), this.dailyQuota);
  }

  /** The next `n` sends throw `message` (a transient failure) and send nothing. */
  failNext(n: number, message = 'Service unavailable: Gmail'): void {
    this.failures = { remaining: n, message };
  }

  private quotaDay(): string {
    // The clock stands still within an execution (without a latency model): the day worked out
    // last serves every call at the same instant.
    const now = this.ctx.clock.now();
    if (now !== this.lastQuotaAt) {
      this.lastQuotaAt = now;
      this.lastQuotaDay = formatInZone(now, this.quotaZone, 'yyyy-MM-dd');
    }
    return this.lastQuotaDay;
  }

  /** The three documented signatures: (to, subject, body), (…, options) and (message). */
  private readArguments(args: unknown[]): MessageObject {
    if (args.length === 1 && typeof args[0] === 'object' && args[0] !== null) {
      return args[0] as MessageObject;
    }
    if (args.length < 3 || args.length > 4 || (args.length === 4 && typeof args[3] !== 'object')) {
      const types = args
        .map((a) => (typeof a === 'string' ? 'String' : a === null ? 'null' : typeof a))
        .join(',');
      throw new Error(
        `The parameters (${types}) don't match the method signature for MailApp.sendEmail.`,
      );
    }
    const options = (args[3] ?? {}) as AdvancedOptions;
    return {
      ...options,
      to: args[0] as string,
      subject: args[1] as string,
      body: args[2] as string,
    };
  }
}

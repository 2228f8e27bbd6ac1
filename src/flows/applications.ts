// Application form → decision, recorded in the Applications sheet, and the decision email
// (RULES R5–R18). The rules themselves live in src/domain/decision.ts.

import { dayOf, fiscalYearOf, nextMonth, parseDay, parseTime } from '../domain/dates';
import { compareSubmission, decideApplication, toPrior } from '../domain/decision';
import { canonicalId } from '../domain/ids';
import { missingDocuments } from '../domain/payments';
import type { ApplicationField } from '../domain/settings-types';
import {
  dayText,
  documentLines,
  fiscalYearText,
  monthText,
  reasonLines,
  statusText,
  type TemplateValue,
  yenText,
} from '../domain/templates';
import { recipientKey } from '../domain/text';
import type {
  ApplicationInput,
  CourseCompletion,
  Decision,
  DocumentRecord,
  PriorApplication,
  ReasonCode,
  StaffOverride,
  Status,
} from '../domain/types';
import { cellMs, cellText } from '../store/cells';
import { APPLICATIONS, type KeysOf } from '../store/schema';
import type { Row, Table } from '../store/table';
import { alertMissingQuestions } from './alerts';
import { mapFields, readResponse } from './answers';
import type { Env } from './env';
import { formUrls } from './forms';
import { type MemberRecord, readCompletions, readDocuments, readMembers } from './records';
import { sameVersion } from './registration';
import { renderFor } from './templates-store';

type AppTable = Table<KeysOf<typeof APPLICATIONS>>;

const STATUSES: Record<string, Status> = {
  accepted: 'ACCEPTED',
  受理: 'ACCEPTED',
  rejected: 'REJECTED',
  不受理: 'REJECTED',
  review: 'REVIEW',
  確認中: 'REVIEW',
};

/** The staff override cell: a status (English or Japanese, as the dropdown offers) or empty. */
export function readOverride(table: AppTable, row: Row): StaffOverride | null {
  const raw = cellText(table.get(row, 'override')).normalize('NFKC').trim();
  const first = raw.split(/\s*\/\s*/)[0].toLowerCase();
  const status = STATUSES[first] ?? STATUSES[raw.toLowerCase()];
  return status ? { status, note: cellText(table.get(row, 'note')) } : null;
}

export const OVERRIDE_CHOICES = ['ACCEPTED / 受理', 'REJECTED / 不受理', 'REVIEW / 確認中'];

function inputFromRow(table: AppTable, row: Row): ApplicationInput {
  const text = (k: KeysOf<typeof APPLICATIONS>) => cellText(table.get(row, k));
  return {
    responseId: text('responseId'),
    submittedAt: cellMs(table.get(row, 'submittedAt')) ?? 0,
    respondentEmail: text('respondentEmail'),
    applicantId: text('applicantId'),
    secondId: text('secondId'),
    supportDate: text('supportDate'),
    startTime: text('startTime'),
    endTime: text('endTime'),
    recipientName: text('recipientName'),
    recipientBirthYear: text('recipientBirthYear'),
    missing: text('missingFields')
      .split(/[\s,]+/)
      .filter((s) => s !== ''),
  };
}

/** What R13/R14 need from a row already decided (paid rows keep their recorded decision). */
function priorFromRow(table: AppTable, row: Row): PriorApplication {
  const status = (cellText(table.get(row, 'status')) || 'REVIEW') as Status;
  return {
    responseId: cellText(table.get(row, 'responseId')),
    submittedAt: cellMs(table.get(row, 'submittedAt')) ?? 0,
    status,
    recipientKey: cellText(table.get(row, 'recipientKey')),
    supportDate: parseDay(cellText(table.get(row, 'supportDate'))),
    startMinute: parseTime(cellText(table.get(row, 'startTime'))),
    endMinute: parseTime(cellText(table.get(row, 'endTime'))),
    supporters: cellText(table.get(row, 'supporters'))
      .split(/[\s,]+/)
      .filter((s) => s !== ''),
  };
}

function isPaid(table: AppTable, row: Row): boolean {
  return cellText(table.get(row, 'paidIn')).trim() !== '';
}

/** Everything a decision reads besides the applications; course and documents only when needed. */
class World {
  readonly members: Map<string, MemberRecord>;
  private completions: Map<string, CourseCompletion[]> | null = null;
  private documents: Map<string, DocumentRecord[]> | null = null;

  constructor(private readonly env: Env) {
    this.members = readMembers(env.book, env.settings);
  }

  completionsFor(ids: (string | null)[]): ReadonlyMap<string, readonly CourseCompletion[]> {
    // Members who declared experience never need the course sheet (R7): skip reading it.
    const needed = ids.some(
      (id) => id !== null && this.members.has(id) && !this.members.get(id)!.experience,
    );
    if (!needed && this.completions === null) return new Map();
    if (this.completions === null)
      this.completions = readCompletions(this.env.book, this.env.settings);
    return this.completions;
  }

  /** The document records of one member for one fiscal year (indexed once per execution). */
  docs(memberId: string, fiscalYear: number): DocumentRecord[] {
    if (this.documents === null) {
      this.documents = new Map();
      for (const d of readDocuments(this.env.book, this.env.settings)) {
        const k = `${d.memberId}|${d.fiscalYear}`;
        const list = this.documents.get(k);
        if (list) list.push(d);
        else this.documents.set(k, [d]);
      }
    }
    return this.documents.get(`${memberId}|${fiscalYear}`) ?? [];
  }
}

function decide(
  env: Env,
  world: World,
  app: ApplicationInput,
  priors: PriorApplication[],
  override: StaffOverride | null,
): Decision {
  const { settings } = env;
  const ids = [app.applicantId, app.secondId].map((raw) =>
    canonicalId(raw, settings.idPrefix, settings.idWidth),
  );
  return decideApplication(app, {
    settings,
    members: world.members,
    completions: world.completionsFor(ids),
    priors,
    override,
  });
}

/** Missing documents per paid supporter as of today (R20); empty unless ACCEPTED. */
function holdsOf(
  env: Env,
  world: World,
  decision: Decision,
): Map<string, ('memorandum' | 'account')[]> {
  const holds = new Map<string, ('memorandum' | 'account')[]>();
  if (decision.status !== 'ACCEPTED' || decision.supportDate === null) return holds;
  const fy = fiscalYearOf(decision.supportDate);
  for (const id of decision.supporters) {
    const missing = missingDocuments(world.docs(id, fy), id, fy, dayOf(env.now));
    if (missing.length > 0) holds.set(id, missing);
  }
  return holds;
}

/** Writes a decision into its row; returns whether anything about the decision changed. */
function writeDecision(env: Env, table: AppTable, row: Row, d: Decision, onHold: boolean): boolean {
  const cells: [KeysOf<typeof APPLICATIONS>, unknown][] = [
    ['status', d.status],
    ['reasons', d.reasons.join(' ')],
    ['feePerSupporter', d.feePerSupporter],
    ['supporters', d.supporters.join(' ')],
    ['paymentMonth', d.paymentMonth],
    ['onHold', onHold],
    ['autoStatus', d.autoStatus],
    ['minutes', d.minutes ?? ''],
    ['recipientKey', d.recipientKey],
  ];
  const changed = cells.some(([k, v]) => !sameValue(table.get(row, k), v));
  if (!changed) return false;
  for (const [k, v] of cells) table.set(row, k, v);
  table.set(row, 'decidedAt', new Date(env.now));
  return true;
}

function sameValue(cell: unknown, value: unknown): boolean {
  if (typeof value === 'number') return cell === value || (value === 0 && cell === '');
  if (typeof value === 'boolean') return cell === value;
  return cellText(cell) === String(value);
}

function writeAnswers(
  table: AppTable,
  row: Row,
  values: Record<ApplicationField, string>,
  missing: ApplicationField[],
  email: string,
  responseTime: number,
): void {
  table.set(row, 'respondentEmail', email);
  table.set(row, 'applicantId', values.applicantId);
  table.set(row, 'applicantName', values.applicantName);
  table.set(row, 'secondId', values.secondId);
  table.set(row, 'supportDate', values.supportDate);
  table.set(row, 'startTime', values.startTime);
  table.set(row, 'endTime', values.endTime);
  table.set(row, 'recipientName', values.recipientName);
  table.set(row, 'recipientBirthYear', values.recipientBirthYear);
  table.set(row, 'issues', values.issues);
  table.set(row, 'prefecture', values.prefecture);
  table.set(row, 'description', values.description);
  table.set(row, 'missingFields', missing.join(' '));
  table.set(row, 'lastResponseAt', new Date(responseTime));
}

export function processApplication(
  env: Env,
  response: GoogleAppsScript.Forms.FormResponse,
  form: GoogleAppsScript.Forms.Form | null,
): void {
  const table = env.book.table(APPLICATIONS);
  const row = stageApplication(env, table, response, form);
  if (row) decideFrom(env, table, [row], true);
}

/**
 * Records the answers of a new or edited application; returns its row when it needs a
 * decision (null for a duplicate event or an edit after payment).
 */
export function stageApplication(
  env: Env,
  table: AppTable,
  response: GoogleAppsScript.Forms.FormResponse,
  form: GoogleAppsScript.Forms.Form | null,
): Row | null {
  const answers = readResponse(response, form);
  const { values, missing, missingTitles } = mapFields<ApplicationField>(
    answers,
    env.settings.applicationFields,
  );
  alertMissingQuestions(env, 'application', missingTitles, answers.responseId);
  const existing = table
    .dataRows()
    .find((r) => cellText(table.get(r, 'responseId')) === answers.responseId);
  if (existing) {
    if (sameVersion(cellMs(table.get(existing, 'lastResponseAt')), answers.timestamp)) {
      env.log.add({ action: 'APPLICATION_DUPLICATE_EVENT', responseId: answers.responseId });
      return null;
    }
    if (isPaid(table, existing)) {
      // R18: the payment stands; the edit is flagged for staff, and the answers paid stay.
      table.set(existing, 'flag', 'EDITED_AFTER_PAYMENT');
      table.set(existing, 'lastResponseAt', new Date(answers.timestamp));
      env.log.add({
        action: 'APPLICATION_EDITED_AFTER_PAYMENT',
        responseId: answers.responseId,
        change: 'flagged for review',
      });
      const members = readMembers(env.book, env.settings);
      const memberId = cellText(table.get(existing, 'supporters')).split(' ')[0] ?? '';
      const member = members.get(memberId);
      const mail = renderFor(env, 'application.paidEdited', member?.emailLanguage ?? '', {
        name: member?.name || values.applicantName,
        memberId,
        responseId: answers.responseId,
        supportDate: dayOrRaw(values.supportDate),
      });
      env.mailer.queue({ ...mail, to: answers.email, kind: 'decision', ref: answers.responseId });
      return null;
    }
    writeAnswers(table, existing, values, missing, answers.email, answers.timestamp);
    env.log.add({ action: 'APPLICATION_EDITED', responseId: answers.responseId });
    return existing;
  }
  // The first submission's time is the submission time for good (R21): an edit never moves it.
  const row = table.append({
    responseId: answers.responseId,
    submittedAt: new Date(answers.timestamp),
  });
  writeAnswers(table, row, values, missing, answers.email, answers.timestamp);
  return row;
}

/**
 * Decides `start` and every later unpaid application again, in submission order, each seeing
 * the ones before it. Usually `start` is the newest and this decides just it; a late or edited
 * application may change later ones (R13/R14), which are then re-decided too. Emails go to
 * `notify` and to anyone whose status changed.
 */
export function decideFrom(
  env: Env,
  table: AppTable,
  staged: Row[] | null,
  logEach: boolean,
): number {
  const keyOf = (row: Row) => ({
    submittedAt: cellMs(table.get(row, 'submittedAt')) ?? 0,
    responseId: cellText(table.get(row, 'responseId')),
  });
  const world = new World(env);
  const notify = new Set(staged ?? []);
  // Split once: the applications submitted before the earliest one to decide stay as they
  // are; only the rest (usually just the new one) is sorted and decided.
  const first = staged === null ? null : staged.map(keyOf).sort(compareSubmission)[0];
  const before: Row[] = [];
  const tail: { row: Row; key: ReturnType<typeof keyOf> }[] = [];
  for (const row of table.dataRows()) {
    const key = keyOf(row);
    if (first && compareSubmission(key, first) < 0) before.push(row);
    else tail.push({ row, key });
  }
  const rows = tail.sort((a, b) => compareSubmission(a.key, b.key));
  // R13/R14 only ever compare applications for the same person supported: keep the earlier
  // ones by recipient key, so deciding n applications is O(n), not O(n²).
  const priors = new Map<string, PriorApplication[]>();
  const remember = (p: PriorApplication) => {
    const list = priors.get(p.recipientKey);
    if (list) list.push(p);
    else priors.set(p.recipientKey, [p]);
  };
  // Earlier applications matter only for the people supported in the ones decided now.
  const needed = new Set<string>();
  for (const { row } of rows) {
    needed.add(
      recipientKey(
        cellText(table.get(row, 'recipientName')),
        cellText(table.get(row, 'recipientBirthYear')),
      ),
    );
  }
  const earlier = before
    .filter((row) => needed.has(cellText(table.get(row, 'recipientKey'))))
    .map((row) => priorFromRow(table, row))
    .sort(compareSubmission);
  for (const p of earlier) remember(p);
  let changed = 0;
  for (const { row } of rows) {
    if (isPaid(table, row)) {
      remember(priorFromRow(table, row));
      continue;
    }
    const before = cellText(table.get(row, 'status'));
    const input = inputFromRow(table, row);
    const key = recipientKey(input.recipientName, input.recipientBirthYear);
    const decision = decide(env, world, input, priors.get(key) ?? [], readOverride(table, row));
    const holds = holdsOf(env, world, decision);
    const didChange = writeDecision(env, table, row, decision, holds.size > 0);
    remember(toPrior(decision, input.submittedAt));
    if (didChange) changed++;
    const statusChanged = before !== decision.status;
    if ((logEach && notify.has(row)) || statusChanged) {
      env.log.add({
        action: 'DECIDED',
        responseId: input.responseId,
        memberId: decision.applicantId ?? '',
        change: `${before || '—'} → ${decision.status}`,
        detail: decision.reasons.join(' '),
      });
    }
    if (notify.has(row) || (statusChanged && before !== '')) {
      sendDecisionEmails(
        env,
        world,
        input,
        decision,
        holds,
        cellText(table.get(row, 'applicantName')),
      );
    }
  }
  return changed;
}

/** Re-decides every application not yet paid, in submission order, in one pass (menu). */
export function redecideAll(env: Env): { applications: number; changed: number } {
  const table = env.book.table(APPLICATIONS);
  const changed = decideFrom(env, table, null, false);
  env.log.add({
    action: 'REDECIDED_ALL',
    detail: `${table.dataRows().length} applications, ${changed} changed`,
  });
  return { applications: table.dataRows().length, changed };
}

function dayOrRaw(raw: string): TemplateValue {
  const day = parseDay(raw.trim());
  return day ? dayText(day) : raw;
}

const TEMPLATE_FOR: Record<Status, string> = {
  ACCEPTED: 'application.accepted',
  REJECTED: 'application.rejected',
  REVIEW: 'application.review',
};

/** R17: the applicant, and the second supporter when a member, hear the decision. */
function sendDecisionEmails(
  env: Env,
  world: World,
  input: ApplicationInput,
  d: Decision,
  holds: Map<string, ('memorandum' | 'account')[]>,
  applicantName: string,
): void {
  const common = {
    responseId: input.responseId,
    supportDate: d.supportDate ? dayText(d.supportDate) : input.supportDate,
    fee: yenText(d.feePerSupporter),
    paymentMonth: monthText(nextMonth(d.paymentMonth)),
    fiscalYear: d.supportDate ? fiscalYearText(fiscalYearOf(d.supportDate)) : '',
    applicationFormUrl: d.status === 'REJECTED' ? formUrls(env).applicationPublished : '',
  };
  // The respondent is the member only when the address matches (R6). Otherwise the reply must
  // not reveal the member's name or language: it greets whoever applied by the name they typed.
  const confirmed = !d.reasons.includes('NOT_SELF');
  const applicant = d.applicantId && confirmed ? world.members.get(d.applicantId) : undefined;
  const recipients: {
    to: string;
    member: MemberRecord | undefined;
    memberId: string;
    name: string;
    paid: boolean;
  }[] = [
    {
      to: input.respondentEmail,
      member: applicant,
      memberId: d.applicantId ?? input.applicantId,
      name: applicant?.name || applicantName,
      paid: true,
    },
  ];
  const second =
    d.secondId && d.secondId !== d.applicantId ? world.members.get(d.secondId) : undefined;
  if (second) {
    recipients.push({
      to: second.email,
      member: second,
      memberId: second.id,
      name: second.name,
      paid: d.supporters.includes(second.id),
    });
  }
  for (const r of recipients) {
    let key = TEMPLATE_FOR[d.status];
    let reasons: ReasonCode[] = d.reasons;
    const missing = holds.get(r.memberId);
    if (d.status === 'ACCEPTED' && !r.paid) {
      // The second supporter's share was refused (R12): tell them why.
      key = 'application.rejected';
      reasons = d.reasons.filter((c) => c.startsWith('CO_'));
    } else if (d.status === 'ACCEPTED' && missing) {
      key = 'application.onHold';
    }
    const mail = renderFor(env, key, r.member?.emailLanguage ?? '', {
      ...common,
      name: r.name,
      memberId: r.memberId,
      status: statusText(d.status),
      reasons: reasonLines(reasons),
      documents: documentLines(missing ?? []),
    });
    env.mailer.queue({ ...mail, to: r.to, kind: 'decision', ref: input.responseId });
  }
}

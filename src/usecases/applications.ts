// Application form → decision, recorded in the Applications sheet, and the decision email
// (RULES R5–R18). The rules themselves live in src/domain/decision.ts.

import { alertMissingQuestions, alertStaffOnce, rearmAlerts } from '../adapters/alerts';
import { mapFields, type ResponseAnswers, readResponse, sameVersion } from '../adapters/answers';
import {
  type AppTable,
  inputFromRow,
  isPaid,
  priorFromRow,
  readOverride,
  relatedRows,
} from '../adapters/application-rows';
import { type DecisionWorld, memberWorld, wholeWorld } from '../adapters/decision-world';
import type { Env } from '../adapters/env';
import { formUrls } from '../adapters/forms';
import type { MemberRecord } from '../adapters/records';
import { cellMs, cellText } from '../adapters/tables/cells';
import { exactly } from '../adapters/tables/patterns';
import { APPLICATIONS, type KeysOf } from '../adapters/tables/schema';
import type { Row } from '../adapters/tables/table';
import { renderFor } from '../adapters/templates-store';
import { ALERTS } from '../domain/alerts';
import { dayOf, dueDate, fiscalYearOf, nextMonth, parseDay } from '../domain/dates';
import { compareSubmission, REQUIRED_FIELDS } from '../domain/decision';
import { courseProgress } from '../domain/eligibility';
import { decideInOrder, membersAsOf, recipientKeyOf, type ToDecide } from '../domain/engine';
import { canonicalId } from '../domain/ids';
import { missingDocuments } from '../domain/payments';
import { decisionEmailFor } from '../domain/reasons';
import type { ApplicationField } from '../domain/settings-types';
import {
  dayText,
  documentLines,
  factLines,
  fiscalYearText,
  type Localized,
  monthText,
  reasonLines,
  shareReasonLines,
  statusText,
  type TemplateValue,
  yenText,
} from '../domain/templates';
import { recipientKey } from '../domain/text';
import type { ApplicationInput, Decision, PriorApplication, ReasonCode } from '../domain/types';

/** Missing documents per paid supporter as of today (R20); empty unless ACCEPTED. */
function holdsOf(
  env: Env,
  world: DecisionWorld,
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

/**
 * Writes a decision into its row; returns whether anything about the decision changed. "On hold"
 * (R20) is set from the documents as they are now only when the decision is new or changed, or
 * the application was just (re)submitted; otherwise it stays as recorded (the monthly run keeps
 * it: documents gate payment, not the decision), so re-deciding with no input changed writes
 * nothing.
 */
function writeDecision(
  env: Env,
  table: AppTable,
  row: Row,
  d: Decision,
  onHold: () => boolean,
  fresh: boolean,
): boolean {
  const cells: [KeysOf<typeof APPLICATIONS>, unknown][] = [
    ['status', d.status],
    ['reasons', d.reasons.join(' ')],
    ['feePerSupporter', d.feePerSupporter],
    ['supporters', d.supporters.join(' ')],
    ['paymentMonth', d.paymentMonth],
    ['autoStatus', d.autoStatus],
    ['minutes', d.minutes ?? ''],
    ['recipientKey', d.recipientKey],
  ];
  const changed = cells.some(([k, v]) => !sameValue(table.get(row, k), v));
  if (!changed && !fresh) return false;
  cells.push(['onHold', onHold()]);
  if (!changed && sameValue(table.get(row, 'onHold'), cells[cells.length - 1][1])) return false;
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
  const answers = readResponse(response, form);
  // A submission reads what its decision needs, not the history (issue #15): the header of each
  // sheet, then one search for its own row (an edit), the earlier applications for the same
  // person supported, and the rows of the members it names.
  const table = env.book.lookupTable(APPLICATIONS) ?? env.book.table(APPLICATIONS);
  const world = memberWorld(env);
  const { values } = mapFields<ApplicationField>(answers, env.settings.applicationFields);
  const key = recipientKey(values.recipientName, values.recipientBirthYear);
  const ids = [values.applicantId, values.secondId].map(
    (raw) => canonicalId(raw, env.settings.idPrefix, env.settings.idWidth) ?? '',
  );
  env.book.search([
    { table: table as never, key: 'responseId', patterns: [exactly(answers.responseId)] },
    { table: table as never, key: 'recipientKey', patterns: key === '' ? [] : [exactly(key)] },
    ...world.searches(ids),
  ]);
  const row = stageAnswers(env, table, answers);
  if (row) decideFrom(env, table, [row], true, world);
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
  /**
   * The sweep's full pass ("Process missed responses") after staff fixed a renamed question: an
   * application already recorded with questions missing from the form is read again when the
   * form has one of them back, and decided anew (its applicant hears the decision).
   */
  reread = false,
): Row | null {
  return stageAnswers(env, table, readResponse(response, form), reread);
}

function stageAnswers(
  env: Env,
  table: AppTable,
  answers: ResponseAnswers,
  reread = false,
): Row | null {
  const fields = env.settings.applicationFields;
  const { values, missing, missingTitles, presentTitles } = mapFields<ApplicationField>(
    answers,
    fields,
  );
  const required = new Set<string>(REQUIRED_FIELDS.map((f) => fields[f]));
  alertMissingQuestions(env, 'application', missingTitles, presentTitles, (title) =>
    ALERTS.missingQuestion('application', title, answers.responseId, required.has(title)),
  );
  // Without the respondent's address R6 cannot be checked (REVIEW): the form, not the applicant.
  if (answers.email === '')
    alertStaffOnce(env, 'application-form-no-email', ALERTS.applicationNoEmail());
  else rearmAlerts(env, ['application-form-no-email']);
  const existing = table
    .lookup('responseId', [exactly(answers.responseId)])
    .find((r) => cellText(table.get(r, 'responseId')) === answers.responseId);
  if (existing) {
    if (sameVersion(cellMs(table.get(existing, 'lastResponseAt')), answers.timestamp)) {
      const before = cellText(table.get(existing, 'missingFields')).split(' ').filter(Boolean);
      const found = before.filter((f) => !(missing as string[]).includes(f));
      if (reread && found.length > 0 && !isPaid(table, existing)) {
        writeAnswers(table, existing, values, missing, answers.email, answers.timestamp);
        env.log.add({
          action: 'APPLICATION_REREAD',
          responseId: answers.responseId,
          detail: `questions found again: ${found.join(' ')}`,
        });
        return existing;
      }
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
      const memberId = cellText(table.get(existing, 'supporters')).split(' ')[0] ?? '';
      const member = memberWorld(env).members.get(memberId);
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
 * Decides the staged applications and every later one again, in submission order, through the
 * one engine (src/domain/engine.ts), each seeing the ones before it and every member as of its
 * own submission moment. Usually the staged one is the newest and this decides just it; a late
 * or edited application may change later ones (R13/R14), which are then re-decided too. Paid
 * applications keep their recorded decision. `staged` null: every application (Re-decide all).
 * Emails go to the staged ones and to anyone whose status changed.
 */
export function decideFrom(
  env: Env,
  table: AppTable,
  staged: Row[] | null,
  logEach: boolean,
  /** The member facts (a form submission looks its members up; default: by the table's mode). */
  known?: DecisionWorld,
): number {
  const keyOf = (row: Row) => ({
    submittedAt: cellMs(table.get(row, 'submittedAt')) ?? 0,
    responseId: cellText(table.get(row, 'responseId')),
  });
  const notify = new Set(staged ?? []);
  // Split once: the applications submitted before the earliest one to decide stay as they
  // are; only the rest (usually just the new one) is decided.
  const first = staged === null ? null : staged.map(keyOf).sort(compareSubmission)[0];
  const before: Row[] = [];
  const tail: Row[] = [];
  // A table opened for lookups holds only the applications that share a recipient key with the
  // staged ones (R13/R14 compare nothing else); a whole table, every application.
  const rows = staged !== null && table.isPartial() ? relatedRows(table, staged) : table.dataRows();
  for (const row of rows) {
    if (first && compareSubmission(keyOf(row), first) < 0) before.push(row);
    else tail.push(row);
  }
  const byRow = new Map<ToDecide, Row>();
  const items: ToDecide[] = tail.map((row) => {
    const item: ToDecide = {
      input: inputFromRow(table, row),
      override: readOverride(table, row),
      recorded: isPaid(table, row) ? priorFromRow(table, row) : undefined,
    };
    byRow.set(item, row);
    return item;
  });
  // R13/R14 only ever compare applications for the same person supported: the earlier ones
  // are looked up by recipient key, and only for the people supported in those decided now.
  const needed = new Set(items.map((i) => recipientKeyOf(i.input)));
  const earlier = new Map<string, PriorApplication[]>();
  for (const row of before) {
    const key = cellText(table.get(row, 'recipientKey'));
    if (!needed.has(key)) continue;
    const list = earlier.get(key);
    const prior = priorFromRow(table, row);
    if (list) list.push(prior);
    else earlier.set(key, [prior]);
  }
  for (const list of earlier.values()) list.sort(compareSubmission);
  if (items.length === 0) return 0;
  const world = known ?? (table.isPartial() ? memberWorld(env) : wholeWorld(env));
  world.prepare(
    items.flatMap(({ input }) =>
      [input.applicantId, input.secondId].map(
        (raw) => canonicalId(raw, env.settings.idPrefix, env.settings.idWidth) ?? '',
      ),
    ),
  );
  let changed = 0;
  for (const { item, decision } of decideInOrder(items, world.facts(), earlier)) {
    if (decision === null) continue; // paid: the decision it was paid on stands (R18, R22)
    const row = byRow.get(item) as Row;
    const input = item.input;
    const before = cellText(table.get(row, 'status'));
    let holds: Map<string, ('memorandum' | 'account')[]> | null = null;
    const holdsNow = () => {
      if (holds === null) holds = holdsOf(env, world, decision);
      return holds;
    };
    const fresh = notify.has(row) || before === '';
    if (writeDecision(env, table, row, decision, () => holdsNow().size > 0, fresh)) changed++;
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
        holdsNow(),
        cellText(table.get(row, 'applicantName')),
      );
    }
  }
  return changed;
}

/**
 * The applications whose recorded decision no longer matches what staff set: an override that
 * differs from the recorded status, an override removed, or a row never decided. Nothing else
 * can change a decision outside its own edit (RULES §3); the monthly run decides only these.
 */
export function rowsAwaitingDecision(table: AppTable): Row[] {
  const rows: Row[] = [];
  for (const row of table.dataRows()) {
    if (isPaid(table, row)) continue;
    const status = cellText(table.get(row, 'status'));
    const override = readOverride(table, row);
    if (status === '') rows.push(row);
    else if (override) {
      if (override.status !== status) rows.push(row);
    } else if (status !== cellText(table.get(row, 'autoStatus'))) rows.push(row);
  }
  return rows;
}

/** Decides what staff changed (overrides set or removed) and what was never decided. */
export function decideStaffChanges(env: Env): number {
  const table = env.book.table(APPLICATIONS);
  const rows = rowsAwaitingDecision(table);
  return rows.length === 0 ? 0 : decideFrom(env, table, rows, true);
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

/** 'Basic 1, Basic 2' / 'なし' when none. */
function moduleList(modules: string[]): Localized {
  return modules.length === 0
    ? { ja: 'なし', en: 'none' }
    : { ja: modules.join('、'), en: modules.join(', ') };
}

function dayOrRaw(raw: string): TemplateValue {
  const day = parseDay(raw.trim());
  return day ? dayText(day) : raw;
}

/** R17: the applicant, and the second supporter when a member, hear the decision. */
function sendDecisionEmails(
  env: Env,
  world: DecisionWorld,
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
  // Whether an ID named a member is a fact of the submission moment (RULES §3): an ID issued
  // since belongs to someone the application never named, who is neither greeted nor written
  // to. Names, addresses and languages are the staff's current view (Members).
  const knownThen = membersAsOf(world.facts().histories, input.submittedAt);
  const member = (id: string | null) =>
    id !== null && knownThen.get(id) ? world.members.get(id) : undefined;
  const applicant = confirmed ? member(d.applicantId) : undefined;
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
  const second = d.secondId !== d.applicantId ? member(d.secondId) : undefined;
  if (second) {
    recipients.push({
      to: second.email,
      member: second,
      memberId: second.id,
      name: second.name,
      paid: d.supporters.includes(second.id),
    });
  }
  // R17: the facts behind the reasons. What a member had completed is told only to that member.
  const submissionDay = dayOf(input.submittedAt);
  const facts = (codes: readonly ReasonCode[], eligibilityOf: string | null) => {
    const values: Record<string, string | Localized> = {
      supportDate: d.supportDate ? dayText(d.supportDate) : input.supportDate,
      submittedOn: dayText(submissionDay),
      minMinutes: String(env.settings.minMinutes),
      programStart: dayText(env.settings.programStart),
      programEnd: dayText(env.settings.programEnd),
    };
    if (d.supportDate)
      values.dueDate = dayText(dueDate(d.supportDate, env.settings.deadlineMonths));
    if (d.minutes !== null) values.minutes = String(d.minutes);
    if (eligibilityOf) {
      const progress = courseProgress(
        world.facts().completions.get(eligibilityOf) ?? [],
        d.supportDate,
        submissionDay,
        env.settings,
      );
      values.modulesDone = moduleList(progress.done);
      values.modulesMissing = moduleList(progress.missing);
    }
    return factLines(codes, values);
  };
  for (const r of recipients) {
    const missing = holds.get(r.memberId);
    const chosen = decisionEmailFor(d, { paid: r.paid, waitsForDocuments: !!missing });
    const { key } = chosen;
    const isApplicant = r === recipients[0];
    let reasons = reasonLines(chosen.reasons);
    let stated = facts(
      chosen.reasons.filter((c) => c !== 'NOT_ELIGIBLE' || isApplicant),
      isApplicant && confirmed ? d.applicantId : null,
    );
    if (key === 'application.shareRefused') {
      // The second supporter's share was refused (R12): they are the reader; the application
      // stands.
      reasons = shareReasonLines(chosen.reasons);
      stated = facts(
        chosen.reasons.includes('CO_NOT_ELIGIBLE') ? ['NOT_ELIGIBLE'] : [],
        r.memberId,
      );
    }
    const mail = renderFor(env, key, r.member?.emailLanguage ?? '', {
      ...common,
      name: r.name,
      memberId: r.memberId,
      applicantId: d.applicantId ?? input.applicantId,
      submittedOn: dayText(submissionDay),
      status: statusText(d.status),
      reasons,
      facts: stated,
      documents: documentLines(missing ?? []),
    });
    env.mailer.queue({ ...mail, to: r.to, kind: 'decision', ref: input.responseId });
  }
}

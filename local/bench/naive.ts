// A deliberately NAIVE implementation of the bench scenarios, written the way many Apps Script
// samples are: column numbers hard-coded, a cell read with getValue per field, a row added
// with appendRow, a cell written with setValue, another table scanned row by row (or re-read
// whole) for every row processed, no lock. It uses the same domain rules as the product, so it
// computes the same decisions and payments; only the way it talks to Google differs. It runs
// inside an execution of the local runtime, so its calls are counted like the product's.

import {
  APPLICATIONS,
  COURSE,
  DOCUMENTS,
  LEDGER,
  LOG,
  MEMBERS,
  RUNS,
} from '../../src/adapters/tables/schema';
import type { TableSpec } from '../../src/adapters/tables/table';
import { fiscalYearOf, monthOf, parseDay, parseTime, previousMonth } from '../../src/domain/dates';
import { decideApplication, toPrior } from '../../src/domain/decision';
import { canonicalId, formatId, idSequence } from '../../src/domain/ids';
import { settlementDay } from '../../src/domain/payments';
import { normalizeEmail, recipientKey } from '../../src/domain/text';
import type {
  CourseCompletion,
  Decision,
  MemberFacts,
  PriorApplication,
  Status,
} from '../../src/domain/types';
import type { FormResponse } from '../runtime/forms';
import type { LocalRuntime } from '../runtime/index';
import type { LocalSheet, LocalSpreadsheet } from '../runtime/spreadsheet';
import { APPLICATION_TITLES, REGISTRATION_TITLES } from '../world';
import { SETTINGS } from './seed';

/** Hard-coded column numbers, as a sample would have them (the sheets are in schema order). */
function col<T extends TableSpec>(spec: T, key: T['columns'][number]['key']): number {
  return spec.columns.findIndex((c) => c.key === key) + 1;
}
const M = (k: (typeof MEMBERS)['columns'][number]['key']) => col(MEMBERS, k);
const A = (k: (typeof APPLICATIONS)['columns'][number]['key']) => col(APPLICATIONS, k);

interface Naive {
  rt: LocalRuntime;
  ss: LocalSpreadsheet;
  now: number;
}

function open(rt: LocalRuntime): Naive {
  const ss = rt.globals.SpreadsheetApp.getActiveSpreadsheet();
  if (!ss) throw new Error('no active spreadsheet');
  return { rt, ss, now: rt.now() };
}

function sheet(n: Naive, name: string): LocalSheet {
  const s = n.ss.getSheetByName(name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

function text(v: unknown): string {
  if (v instanceof Date || Object.prototype.toString.call(v) === '[object Date]') {
    return new Date((v as Date).getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
  }
  return String(v ?? '');
}

/** Answers by question title, read from the response one item at a time. */
function answersOf(response: FormResponse): Map<string, string> {
  const out = new Map<string, string>();
  for (const item of response.getItemResponses()) {
    const v = item.getResponse() as unknown;
    out.set(item.getItem().getTitle(), Array.isArray(v) ? v.join(', ') : String(v ?? ''));
  }
  return out;
}

function log(n: Naive, action: string, responseId: string, memberId: string, detail = ''): void {
  sheet(n, LOG.name).appendRow([
    new Date(n.now),
    action,
    `'${responseId}`,
    `'${memberId}`,
    '',
    `'${detail}`,
    'system',
  ]);
}

// ---- registration ------------------------------------------------------------------------

export function naiveRegistration(rt: LocalRuntime, e: { response: FormResponse }): string {
  const n = open(rt);
  const members = sheet(n, MEMBERS.name);
  const response = e.response;
  const email = response.getRespondentEmail();
  const answers = answersOf(response);
  const t = REGISTRATION_TITLES;
  const last = members.getLastRow();
  let highest = 0;
  let found = -1;
  for (let r = 2; r <= last; r++) {
    const seq = idSequence(
      String(members.getRange(r, M('memberId')).getValue()),
      SETTINGS.idPrefix,
    );
    if (seq !== null && seq > highest) highest = seq;
    if (
      normalizeEmail(String(members.getRange(r, M('email')).getValue())) === normalizeEmail(email)
    )
      found = r;
  }
  const details = [
    answers.get(t.name) ?? '',
    answers.get(t.phoneticName) ?? '',
    answers.get(t.phone) ?? '',
    answers.get(t.address) ?? '',
    answers.get(t.organization) ?? '',
    answers.get(t.area) ?? '',
    answers.get(t.languages) ?? '',
    answers.get(t.foreignBackground) ?? '',
    answers.get(t.experience) ?? '',
    answers.get(t.emailLanguage) ?? '',
    answers.get(t.consent) ?? '',
  ];
  const now = new Date(n.now);
  const at = response.getTimestamp();
  let id: string;
  if (found > 0) {
    id = String(members.getRange(found, M('memberId')).getValue());
    details.forEach((v, i) => {
      members.getRange(found, M('name') + i).setValue(`'${v}`);
    });
    members.getRange(found, M('lastUpdatedAt')).setValue(now);
  } else {
    id = formatId(highest + 1, SETTINGS.idPrefix, SETTINGS.idWidth);
    members.appendRow([
      `'${id}`,
      `'${email}`,
      ...details.map((v) => (v === '' ? '' : `'${v}`)),
      at,
      now,
      `'${response.getId()}`,
      at,
      now,
    ]);
  }
  rt.globals.MailApp.sendEmail(email, `Your Bansou Net ID: ${id}`, `Your ID is ${id}.`);
  log(n, 'REGISTERED', response.getId(), id);
  return id;
}

// ---- one application ---------------------------------------------------------------------

interface MemberFound extends MemberFacts {
  row: number;
  name: string;
}

/** Scans the Members sheet row by row, one cell at a time, for an ID. */
function findMember(n: Naive, raw: string): MemberFound | undefined {
  const id = canonicalId(raw, SETTINGS.idPrefix, SETTINGS.idWidth);
  if (!id) return undefined;
  const members = sheet(n, MEMBERS.name);
  const last = members.getLastRow();
  for (let r = 2; r <= last; r++) {
    if (
      canonicalId(
        String(members.getRange(r, M('memberId')).getValue()),
        SETTINGS.idPrefix,
        SETTINGS.idWidth,
      ) !== id
    )
      continue;
    const experience = String(members.getRange(r, M('experience')).getValue());
    return {
      row: r,
      id,
      email: String(members.getRange(r, M('email')).getValue()),
      experience: /あり|yes/i.test(experience),
      name: String(members.getRange(r, M('name')).getValue()),
    };
  }
  return undefined;
}

/** Scans the Course sheet row by row for one member's completions. */
function completionsOf(n: Naive, id: string): CourseCompletion[] {
  const course = sheet(n, COURSE.name);
  const last = course.getLastRow();
  const out: CourseCompletion[] = [];
  for (let r = 2; r <= last; r++) {
    if (String(course.getRange(r, col(COURSE, 'memberId')).getValue()) !== id) continue;
    out.push({
      memberId: id,
      module: String(course.getRange(r, col(COURSE, 'module')).getValue()),
      completedOn: text(course.getRange(r, col(COURSE, 'completedOn')).getValue()),
    });
  }
  return out;
}

/** Scans the Documents sheet row by row: has a member both documents for a fiscal year? */
function hasDocuments(n: Naive, id: string, fiscalYear: number, asOf: string): boolean {
  const docs = sheet(n, DOCUMENTS.name);
  const last = docs.getLastRow();
  for (let r = 2; r <= last; r++) {
    if (String(docs.getRange(r, 1).getValue()) !== id) continue;
    if (Number(docs.getRange(r, 2).getValue()) !== fiscalYear) continue;
    const memo = text(docs.getRange(r, 3).getValue());
    const account = text(docs.getRange(r, 4).getValue());
    if (memo !== '' && memo <= asOf && account !== '' && account <= asOf) return true;
  }
  return false;
}

export function naiveApplication(rt: LocalRuntime, e: { response: FormResponse }): Decision {
  const n = open(rt);
  const apps = sheet(n, APPLICATIONS.name);
  const response = e.response;
  const t = APPLICATION_TITLES;
  const answers = answersOf(response);
  const input = {
    responseId: response.getId(),
    submittedAt: response.getTimestamp().getTime(),
    respondentEmail: response.getRespondentEmail(),
    applicantId: answers.get(t.applicantId) ?? '',
    secondId: answers.get(t.secondId) ?? '',
    supportDate: answers.get(t.supportDate) ?? '',
    startTime: answers.get(t.startTime) ?? '',
    endTime: answers.get(t.endTime) ?? '',
    recipientName: answers.get(t.recipientName) ?? '',
    recipientBirthYear: answers.get(t.recipientBirthYear) ?? '',
    missing: [],
  };
  const members = new Map<string, MemberFacts>();
  const completions = new Map<string, CourseCompletion[]>();
  for (const raw of [input.applicantId, input.secondId]) {
    const m = raw ? findMember(n, raw) : undefined;
    if (!m) continue;
    members.set(m.id, m);
    if (!m.experience) completions.set(m.id, completionsOf(n, m.id));
  }
  // Earlier applications for the same person: the key column re-read for every application,
  // then the matching rows read cell by cell.
  const key = recipientKey(input.recipientName, input.recipientBirthYear);
  const priors: PriorApplication[] = [];
  const last = apps.getLastRow();
  if (last >= 2) {
    const keys = apps.getRange(2, A('recipientKey'), last - 1, 1).getValues();
    keys.forEach(([k], i) => {
      if (String(k) !== key) return;
      const r = i + 2;
      const submitted = apps.getRange(r, A('submittedAt')).getValue() as Date;
      if (submitted.getTime() >= input.submittedAt) return;
      priors.push({
        responseId: String(apps.getRange(r, A('responseId')).getValue()),
        submittedAt: submitted.getTime(),
        status: String(apps.getRange(r, A('status')).getValue()) as Status,
        recipientKey: key,
        supportDate: parseDay(String(apps.getRange(r, A('supportDate')).getValue())),
        startMinute: parseTime(String(apps.getRange(r, A('startTime')).getValue())),
        endMinute: parseTime(String(apps.getRange(r, A('endTime')).getValue())),
        supporters: String(apps.getRange(r, A('supporters')).getValue())
          .split(' ')
          .filter((s) => s),
      });
    });
  }
  const d = decideApplication(input, {
    settings: SETTINGS,
    members,
    completions,
    priors,
    override: null,
  });
  const today = text(new Date(n.now));
  const onHold =
    d.status === 'ACCEPTED' &&
    d.supportDate !== null &&
    d.supporters.some((id) => !hasDocuments(n, id, fiscalYearOf(d.supportDate!), today));
  const s = (v: string) => (v === '' ? '' : `'${v}`);
  const at = response.getTimestamp();
  apps.appendRow([
    s(input.responseId),
    at,
    at,
    s(input.respondentEmail),
    s(input.applicantId),
    s(answers.get(t.applicantName) ?? ''),
    s(input.secondId),
    s(input.supportDate),
    s(input.startTime),
    s(input.endTime),
    d.minutes ?? '',
    s(input.recipientName),
    s(input.recipientBirthYear),
    s(d.recipientKey),
    s(answers.get(t.issues) ?? ''),
    s(answers.get(t.prefecture) ?? ''),
    s(answers.get(t.description) ?? ''),
    '',
    d.status,
    s(d.reasons.join(' ')),
    d.feePerSupporter,
    s(d.supporters.join(' ')),
    s(d.paymentMonth),
    onHold,
    d.autoStatus,
    new Date(n.now),
    '',
    '',
    '',
    '',
  ]);
  for (const id of [d.applicantId, d.secondId]) {
    const m = id ? members.get(id) : undefined;
    const to = m?.email ?? (id === d.applicantId ? input.respondentEmail : '');
    if (to)
      rt.globals.MailApp.sendEmail(
        to,
        `Application ${input.responseId}: ${d.status}`,
        d.reasons.join(', '),
      );
  }
  log(n, 'DECIDED', input.responseId, d.applicantId ?? '', d.status);
  return d;
}

// ---- the monthly run ---------------------------------------------------------------------

export interface NaivePayments {
  month: string;
  lines: number;
  total: number;
}

export function naiveMonthly(rt: LocalRuntime): NaivePayments {
  const n = open(rt);
  const month = previousMonth(monthOf(n.now));
  const asOf = settlementDay(month, SETTINGS.monthlyRunDay);
  const apps = sheet(n, APPLICATIONS.name);
  const docs = sheet(n, DOCUMENTS.name);
  const ledger = sheet(n, LEDGER.name);
  const holds = sheet(n, 'Payment holds');
  const last = apps.getLastRow();
  const paid = new Map<string, { cases: number; amount: number }>();
  let total = 0;
  let lines = 0;
  for (let r = 2; r <= last; r++) {
    const status = String(apps.getRange(r, A('status')).getValue());
    if (status !== 'ACCEPTED') continue;
    const paymentMonth = String(apps.getRange(r, A('paymentMonth')).getValue());
    if (paymentMonth > month) continue;
    if (String(apps.getRange(r, A('paidIn')).getValue()) !== '') continue;
    const responseId = String(apps.getRange(r, A('responseId')).getValue());
    const supporters = String(apps.getRange(r, A('supporters')).getValue())
      .split(' ')
      .filter((s) => s);
    const fee = Number(apps.getRange(r, A('feePerSupporter')).getValue());
    const fy = fiscalYearOf(String(apps.getRange(r, A('supportDate')).getValue()));
    // The whole Documents sheet, read again for every application.
    const table = docs.getDataRange().getValues();
    let paidHere = false;
    for (const id of supporters) {
      const record = table.find((row) => String(row[0]) === id && Number(row[1]) === fy);
      const ok =
        record &&
        text(record[2]) !== '' &&
        text(record[2]) <= asOf &&
        text(record[3]) !== '' &&
        text(record[3]) <= asOf;
      if (!ok) {
        holds.appendRow([`'${month}`, 'ON_HOLD', `'${responseId}`, `'${id}`, '']);
        continue;
      }
      ledger.appendRow([
        `'${responseId}`,
        `'${id}`,
        fee,
        `'${month}`,
        `'${paymentMonth}`,
        paymentMonth < month,
        new Date(n.now),
      ]);
      const p = paid.get(id) ?? { cases: 0, amount: 0 };
      p.cases++;
      p.amount += fee;
      paid.set(id, p);
      total += fee;
      lines++;
      paidHere = true;
    }
    if (paidHere) apps.getRange(r, A('paidIn')).setValue(`'${month}`);
  }
  // The payment sheet, one appendRow per supporter, each name found by scanning Members.
  const out = n.ss.insertSheet(`Payments ${month}`);
  out.appendRow(['ID', 'Name', 'Cases', 'Amount']);
  const members = sheet(n, MEMBERS.name);
  const lastMember = members.getLastRow();
  for (const id of [...paid.keys()].sort()) {
    let name = '';
    for (let r = 2; r <= lastMember; r++) {
      if (String(members.getRange(r, M('memberId')).getValue()) === id) {
        name = String(members.getRange(r, M('name')).getValue());
        break;
      }
    }
    const p = paid.get(id)!;
    out.appendRow([`'${id}`, `'${name}`, p.cases, p.amount]);
  }
  out.appendRow(['Total', '', lines, total]);
  sheet(n, RUNS.name).appendRow([`'${month}`, new Date(n.now), paid.size, total, 0, 0]);
  rt.globals.MailApp.sendEmail(
    SETTINGS.staffEmail,
    `Payments ${month}`,
    `${paid.size} supporters, ${total} yen`,
  );
  log(n, 'PAYMENTS_SETTLED', '', '', month);
  return { month, lines, total };
}

// ---- re-deciding everything --------------------------------------------------------------

export function naiveRedecideAll(rt: LocalRuntime): number {
  const n = open(rt);
  const apps = sheet(n, APPLICATIONS.name);
  const members = sheet(n, MEMBERS.name);
  const course = sheet(n, COURSE.name);
  // Members and course read once, one cell at a time.
  const facts = new Map<string, MemberFacts>();
  for (let r = 2; r <= members.getLastRow(); r++) {
    const id = String(members.getRange(r, M('memberId')).getValue());
    facts.set(id, {
      id,
      email: String(members.getRange(r, M('email')).getValue()),
      experience: /あり|yes/i.test(String(members.getRange(r, M('experience')).getValue())),
    });
  }
  const completions = new Map<string, CourseCompletion[]>();
  for (let r = 2; r <= course.getLastRow(); r++) {
    const memberId = String(course.getRange(r, 1).getValue());
    const list = completions.get(memberId) ?? [];
    list.push({
      memberId,
      module: String(course.getRange(r, 2).getValue()),
      completedOn: text(course.getRange(r, 3).getValue()),
    });
    completions.set(memberId, list);
  }
  const priors = new Map<string, PriorApplication[]>();
  const remember = (p: PriorApplication) =>
    priors.set(p.recipientKey, [...(priors.get(p.recipientKey) ?? []), p]);
  const last = apps.getLastRow();
  const cell = (r: number, k: Parameters<typeof A>[0]) => apps.getRange(r, A(k)).getValue();
  let decided = 0;
  for (let r = 2; r <= last; r++) {
    const input = {
      responseId: String(cell(r, 'responseId')),
      submittedAt: (cell(r, 'submittedAt') as Date).getTime(),
      respondentEmail: String(cell(r, 'respondentEmail')),
      applicantId: String(cell(r, 'applicantId')),
      secondId: String(cell(r, 'secondId')),
      supportDate: String(cell(r, 'supportDate')),
      startTime: String(cell(r, 'startTime')),
      endTime: String(cell(r, 'endTime')),
      recipientName: String(cell(r, 'recipientName')),
      recipientBirthYear: String(cell(r, 'recipientBirthYear')),
      missing: [],
    };
    if (String(cell(r, 'paidIn')) !== '') {
      remember({
        responseId: input.responseId,
        submittedAt: input.submittedAt,
        status: String(cell(r, 'status')) as Status,
        recipientKey: String(cell(r, 'recipientKey')),
        supportDate: parseDay(input.supportDate),
        startMinute: parseTime(input.startTime),
        endMinute: parseTime(input.endTime),
        supporters: String(cell(r, 'supporters'))
          .split(' ')
          .filter((s) => s),
      });
      continue;
    }
    const key = recipientKey(input.recipientName, input.recipientBirthYear);
    const d = decideApplication(input, {
      settings: SETTINGS,
      members: facts,
      completions,
      priors: priors.get(key) ?? [],
      override: null,
    });
    remember(toPrior(d, input.submittedAt));
    // Every decision cell written back, one setValue each.
    apps.getRange(r, A('status')).setValue(d.status);
    apps.getRange(r, A('reasons')).setValue(d.reasons.join(' '));
    apps.getRange(r, A('feePerSupporter')).setValue(d.feePerSupporter);
    apps.getRange(r, A('supporters')).setValue(d.supporters.join(' '));
    apps.getRange(r, A('paymentMonth')).setValue(`'${d.paymentMonth}`);
    apps.getRange(r, A('autoStatus')).setValue(d.autoStatus);
    apps.getRange(r, A('minutes')).setValue(d.minutes ?? '');
    apps.getRange(r, A('recipientKey')).setValue(`'${d.recipientKey}`);
    apps.getRange(r, A('decidedAt')).setValue(new Date(n.now));
    decided++;
  }
  log(n, 'REDECIDED_ALL', '', '', `${decided}`);
  return decided;
}

// ---- the sweep ---------------------------------------------------------------------------

export function naiveSweep(rt: LocalRuntime, formId: string): number {
  const n = open(rt);
  const apps = sheet(n, APPLICATIONS.name);
  const form = rt.globals.FormApp.openById(formId);
  const done = new Set<string>();
  for (let r = 2; r <= apps.getLastRow(); r++)
    done.add(String(apps.getRange(r, A('responseId')).getValue()));
  let processed = 0;
  for (const response of form.getResponses()) {
    if (done.has(response.getId())) continue;
    naiveApplication(rt, { response });
    processed++;
  }
  return processed;
}

/** Makes the naive functions callable as script globals, so rt.run counts them as executions. */
/**
 * Statistics the naive way: every application and ledger line read a cell at a time, the
 * summary written a cell at a time, and the charts inserted anew each time.
 */
export function naiveStatistics(rt: LocalRuntime): number {
  const n = open(rt);
  const apps = sheet(n, APPLICATIONS.name);
  const ledger = sheet(n, LEDGER.name);
  let accepted = 0;
  const persons = new Set<string>();
  for (let r = 2; r <= apps.getLastRow(); r++) {
    if (String(apps.getRange(r, A('status')).getValue()) !== 'ACCEPTED') continue;
    accepted++;
    const key = String(apps.getRange(r, A('recipientKey')).getValue());
    if (key !== '') persons.add(key);
  }
  let paid = 0;
  for (let r = 2; r <= ledger.getLastRow(); r++)
    paid += Number(ledger.getRange(r, col(LEDGER, 'amount')).getValue());
  const out = n.ss.getSheetByName('Statistics') ?? n.ss.insertSheet('Statistics');
  const rows: [string, number][] = [
    ['Accepted support cases / 受理した支援件数', accepted],
    ['Persons supported / 相談者数（実人数）', persons.size],
    ['Amount paid (yen) / 支払額（円）', paid],
  ];
  rows.forEach(([label, value], i) => {
    out.getRange(i + 1, 1).setValue(label);
    out.getRange(i + 1, 2).setValue(value);
  });
  for (let i = 0; i < 3; i++)
    out.insertChart(
      out
        .newChart()
        .addRange(out.getRange(1, 1, 3, 2))
        .build(),
    );
  return accepted;
}

export function installNaive(rt: LocalRuntime, applicationFormId: string): void {
  rt.defineGlobal('naiveRegistration', (e: { response: FormResponse }) => naiveRegistration(rt, e));
  rt.defineGlobal('naiveApplication', (e: { response: FormResponse }) => naiveApplication(rt, e));
  rt.defineGlobal('naiveMonthly', () => naiveMonthly(rt));
  rt.defineGlobal('naiveRedecideAll', () => naiveRedecideAll(rt));
  rt.defineGlobal('naiveStatistics', () => naiveStatistics(rt));
  rt.defineGlobal('naiveSweep', () => naiveSweep(rt, applicationFormId));
}

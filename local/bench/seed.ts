// Scenario data for the bench: members, course completions, documents, applications with the
// decisions the product would have recorded, and the ledger of the months already settled.
// Built with the product's own pure domain functions (decideApplication, settleMonth, recipientKey), so
// the seeded sheets are what the product would have written, and then written straight into the
// sheets with counting off (seeding is set-up, not the execution being measured).

import { toCell, toTextCell } from '../../src/adapters/tables/cells';
import {
  APPLICATIONS,
  COURSE,
  DOCUMENTS,
  HOLDS,
  LEDGER,
  LOG,
  MEMBER_HISTORY,
  MEMBERS,
  RUNS,
} from '../../src/adapters/tables/schema';
import type { TableSpec } from '../../src/adapters/tables/table';
import { isTextColumn } from '../../src/adapters/tables/text-columns';
import { dayOf, monthOf, monthsFromTo } from '../../src/domain/dates';
import { decideApplication, toPrior } from '../../src/domain/decision';
import { formatId } from '../../src/domain/ids';
import {
  type HoldLine,
  type LedgerLine,
  type PayableApplication,
  settleMonth,
  settlementDay,
} from '../../src/domain/payments';
import { recipientKey } from '../../src/domain/text';
import type {
  ApplicationInput,
  CourseCompletion,
  Decision,
  DocumentRecord,
  MemberFacts,
  Month,
  PriorApplication,
} from '../../src/domain/types';
import { seededRandom } from '../random';
import type { LocalRuntime } from '../runtime/index';
import type { LocalSpreadsheet } from '../runtime/spreadsheet';
import { defaultSettings } from '../settings-rows';
import { APPLICATION_TITLES, REGISTRATION_TITLES } from '../world';

const TOKYO = 9 * 3_600_000;
/** ms of a Tokyo wall-clock time. */
export function tokyo(day: string, time = '00:00'): number {
  return Date.parse(`${day}T${time}:00Z`) - TOKYO;
}

export const SETTINGS = defaultSettings();

export interface MemberSeed {
  id: string;
  email: string;
  name: string;
  experience: boolean;
  emailLanguage: string;
  /** Staff have not received this member's documents (their accepted lines go on hold). */
  noDocuments: boolean;
  registeredAt: number;
  responseId: string;
}

export interface AppSeed {
  input: ApplicationInput;
  applicantName: string;
  decision: Decision;
  onHold: boolean;
  /** Months whose settlement paid it ('' when unpaid). */
  paidIn: string;
}

export interface Dataset {
  members: MemberSeed[];
  completions: CourseCompletion[];
  documents: DocumentRecord[];
  apps: AppSeed[];
  ledger: (LedgerLine & { recordedAt: number })[];
  holds: {
    month: Month;
    kind: string;
    responseId: string;
    memberId: string;
    fiscalYear?: number;
    missing?: string;
    applicationMonth?: string;
  }[];
  runs: {
    month: Month;
    ranAt: number;
    supporters: number;
    total: number;
    onHold: number;
    review: number;
  }[];
}

export interface DatasetOptions {
  members: number;
  applications: number;
  /** First and last Tokyo day on which applications were submitted. */
  firstDay?: string;
  lastDay?: string;
  /** Months up to and including this one were settled by earlier monthly runs. */
  settledThrough?: Month | null;
  /** Response IDs to use for the applications (the sweep uses the form's own IDs). */
  responseIds?: string[];
  /** Applications that never reached the Applications sheet (left out of decisions' storage and of the ledger). */
  missing?: ReadonlySet<number>;
}

const DAY_MS = 86_400_000;
export const COURSE_DAY = '2023-07-01';
export const DOCUMENTS_DAY = '2023-06-01';

export function memberSeed(i: number): MemberSeed {
  return {
    id: formatId(i, SETTINGS.idPrefix, SETTINGS.idWidth),
    email: `member${i}@example.org`,
    name: `Member ${i}`,
    experience: i % 10 < 7,
    emailLanguage: i % 2 === 0 ? 'English' : '日本語',
    noDocuments: i % 50 === 0,
    registeredAt: tokyo('2023-07-01', '09:00') + i * 1000,
    responseId: `2_REG${String(i).padStart(7, '0')}`,
  };
}

/** What the application form gives for one application (answers as Forms returns them). */
export interface ApplicationAnswers {
  email: string;
  at: number;
  answers: Record<string, string>;
}

export function applicationAnswers(
  app: ApplicationInput,
  applicantName: string,
): ApplicationAnswers {
  const t = APPLICATION_TITLES;
  const answers: Record<string, string> = {
    [t.applicantId]: app.applicantId,
    [t.applicantName]: applicantName,
    [t.supportDate]: app.supportDate,
    [t.startTime]: app.startTime,
    [t.endTime]: app.endTime,
    [t.recipientName]: app.recipientName,
    [t.recipientBirthYear]: app.recipientBirthYear,
    [t.secondId]: app.secondId,
  };
  return { email: app.respondentEmail, at: app.submittedAt, answers };
}

export function registrationAnswers(m: MemberSeed): Record<string, string | string[]> {
  const t = REGISTRATION_TITLES;
  return {
    [t.name]: m.name,
    [t.phoneticName]: 'メンバー',
    [t.phone]: '090-1234-5678',
    [t.address]: 'Tokyo',
    [t.organization]: 'Bansou',
    [t.area]: '東京都',
    [t.languages]: ['日本語', 'English'],
    [t.foreignBackground]: 'いいえ / No',
    [t.experience]: m.experience ? 'あり / Yes' : 'なし / No',
    [t.emailLanguage]: m.emailLanguage,
    [t.consent]: ['同意します / I agree'],
  };
}

/** Applications submitted evenly over [firstDay, lastDay], in submission order. */
export function applicationInputs(
  members: readonly MemberSeed[],
  n: number,
  firstDay: string,
  lastDay: string,
  responseIds?: string[],
): { input: ApplicationInput; applicantName: string }[] {
  const rnd = seededRandom(20240701);
  const start = tokyo(firstDay, '09:00');
  const span = tokyo(lastDay, '21:00') - start;
  const recipients = Math.max(20, Math.floor(n / 3));
  const out: { input: ApplicationInput; applicantName: string }[] = [];
  const withDocs = members.filter((m) => !m.noDocuments);
  for (let i = 0; i < n; i++) {
    const submittedAt = start + Math.floor((span * i) / Math.max(1, n));
    const m = members[Math.floor(rnd() * members.length)];
    // A second supporter on 10%, only where both have documents: an application is then
    // either paid whole or held whole, which the naive monthly run relies on (naive.ts).
    let secondId = '';
    if (rnd() < 0.1 && !m.noDocuments) {
      const s = withDocs[Math.floor(rnd() * withDocs.length)];
      if (s && s.id !== m.id) secondId = s.id;
    }
    const back = Math.floor(rnd() * 20);
    const supportMs = Math.max(submittedAt - back * DAY_MS, tokyo(SETTINGS.programStart, '12:00'));
    const shortOne = rnd() < 0.05;
    const longOne = rnd() < 0.5;
    const r = Math.floor(rnd() * recipients);
    out.push({
      applicantName: m.name,
      input: {
        responseId: responseIds?.[i] ?? `2_APP${String(i).padStart(7, '0')}`,
        submittedAt,
        respondentEmail: m.email,
        applicantId: m.id,
        secondId,
        supportDate: dayOf(supportMs),
        startTime: '10:00',
        endTime: shortOne ? '10:30' : longOne ? '12:30' : '11:15',
        recipientName: `Recipient ${r}`,
        recipientBirthYear: String(1960 + (r % 40)),
        missing: [],
      },
    });
  }
  return out;
}

export function completionsOf(members: readonly MemberSeed[]): CourseCompletion[] {
  const out: CourseCompletion[] = [];
  for (const m of members) {
    if (m.experience) continue;
    for (const module of ['Basic 1', 'Basic 2', 'Basic 3', 'Basic 4', 'Basic 5']) {
      out.push({ memberId: m.id, module, completedOn: COURSE_DAY });
    }
  }
  return out;
}

export function documentsOf(members: readonly MemberSeed[]): DocumentRecord[] {
  const out: DocumentRecord[] = [];
  for (const m of members) {
    if (m.noDocuments) continue;
    for (const fiscalYear of [2023, 2024]) {
      out.push({
        memberId: m.id,
        fiscalYear,
        memorandumOn: DOCUMENTS_DAY,
        accountOn: DOCUMENTS_DAY,
      });
    }
  }
  return out;
}

export function buildDataset(options: DatasetOptions): Dataset {
  const members = Array.from({ length: options.members }, (_, i) => memberSeed(i + 1));
  const completions = completionsOf(members);
  const documents = documentsOf(members);
  const raw = applicationInputs(
    members,
    options.applications,
    options.firstDay ?? '2023-07-15',
    options.lastDay ?? '2024-06-30',
    options.responseIds,
  );
  const facts = new Map<string, MemberFacts>(
    members.map((m) => [m.id, { id: m.id, email: m.email, experience: m.experience }]),
  );
  const byMember = new Map<string, CourseCompletion[]>();
  for (const c of completions) byMember.set(c.memberId, [...(byMember.get(c.memberId) ?? []), c]);
  // Decided in order with the earlier applications kept by recipient key (R13/R14 compare only
  // those), as the product's engine (decideInOrder) looks them up: a whole list is O(n²) at 50,000.
  const priors = new Map<string, PriorApplication[]>();
  const decisions = raw.map(({ input }) => {
    const key = recipientKey(input.recipientName, input.recipientBirthYear);
    const d = decideApplication(input, {
      settings: SETTINGS,
      members: facts,
      completions: byMember,
      priors: priors.get(key) ?? [],
      override: null,
    });
    const list = priors.get(key) ?? [];
    list.push(toPrior(d, input.submittedAt));
    priors.set(key, list);
    return d;
  });
  const noDocs = new Set(members.filter((m) => m.noDocuments).map((m) => m.id));
  const apps: AppSeed[] = raw.map((r, i) => {
    const d = decisions[i];
    return {
      input: r.input,
      applicantName: r.applicantName,
      decision: d,
      onHold: d.status === 'ACCEPTED' && d.supporters.some((id) => noDocs.has(id)),
      paidIn: '',
    };
  });

  const dataset: Dataset = {
    members,
    completions,
    documents,
    apps,
    ledger: [],
    holds: [],
    runs: [],
  };
  if (options.settledThrough && apps.length > 0)
    settle(dataset, options.settledThrough, options.missing);
  return dataset;
}

/** Runs the monthly settlement of every month up to `through`, as the earlier runs did. */
function settle(dataset: Dataset, through: Month, missing?: ReadonlySet<number>): void {
  const payable: PayableApplication[] = [];
  dataset.apps.forEach((a, i) => {
    if (missing?.has(i)) return;
    payable.push({
      responseId: a.input.responseId,
      submittedAt: a.input.submittedAt,
      paymentMonth: a.decision.paymentMonth,
      status: a.decision.status,
      supporters: a.decision.supporters,
      feePerSupporter: a.decision.feePerSupporter,
      supportDate: a.decision.supportDate,
    });
  });
  const byId = new Map(dataset.apps.map((a) => [a.input.responseId, a]));
  const first = monthOf(dataset.apps[0].input.submittedAt);
  if (first > through) return;
  for (const month of monthsFromTo(first, through)) {
    const day = settlementDay(month, SETTINGS.monthlyRunDay);
    const ranAt = tokyo(day, `${String(SETTINGS.monthlyRunHour).padStart(2, '0')}:10`);
    const { newLines, onHold, review } = settleMonth(
      month,
      payable,
      dataset.ledger,
      dataset.documents,
      day,
    );
    for (const l of newLines) {
      dataset.ledger.push({ ...l, recordedAt: ranAt });
      const app = byId.get(l.responseId)!;
      if (!app.paidIn.split(' ').includes(month))
        app.paidIn = [app.paidIn, month].filter((s) => s).join(' ');
    }
    for (const h of onHold) dataset.holds.push(holdRow(month, h));
    for (const id of review)
      dataset.holds.push({ month, kind: 'REVIEW', responseId: id, memberId: '' });
    dataset.runs.push({
      month,
      ranAt,
      supporters: new Set(newLines.map((l) => l.memberId)).size,
      total: newLines.reduce((s, l) => s + l.amount, 0),
      onHold: onHold.length,
      review: review.length,
    });
  }
}

function holdRow(month: Month, h: HoldLine) {
  return {
    month,
    kind: 'ON_HOLD',
    responseId: h.responseId,
    memberId: h.memberId,
    fiscalYear: h.fiscalYear,
    missing: h.missing.join(','),
    applicationMonth: h.applicationMonth,
  };
}

// ---- writing into the sheets -------------------------------------------------------------

type Record_ = Record<string, unknown>;

/** Keys whose numbers are times (ms) and go into the sheet as Dates. */
const DATE_KEYS = /^(at|.*At)$/;

/** Writes records below the header of a table the product created (setup), by header name. */
export function writeRows(ss: LocalSpreadsheet, spec: TableSpec, records: readonly object[]): void {
  if (records.length === 0) return;
  const sheet = ss.getSheetByName(spec.name);
  if (!sheet) throw new Error(`no sheet ${spec.name}: run setup first`);
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
  const columnOf = new Map<string, number>();
  for (const c of spec.columns) {
    const i = header.indexOf(c.header);
    if (i < 0) throw new Error(`${spec.name} has no column "${c.header}"`);
    columnOf.set(c.key, i);
  }
  const rows = records.map((r) => {
    const row: unknown[] = new Array(header.length).fill('');
    for (const [key, value] of Object.entries(r)) {
      const i = columnOf.get(key);
      if (i === undefined) throw new Error(`${spec.name} has no key ${key}`);
      // As the product writes: plain strings in the Plain-text columns set-up formats (#17).
      const encode = isTextColumn(spec, key) ? toTextCell : toCell;
      row[i] = typeof value === 'number' && DATE_KEYS.test(key) ? new Date(value) : encode(value);
    }
    return row;
  });
  const first = sheet.getLastRow() + 1;
  const need = first + rows.length - 1;
  if (need > sheet.getMaxRows())
    sheet.insertRowsAfter(sheet.getMaxRows(), need - sheet.getMaxRows());
  sheet.getRange(first, 1, rows.length, header.length).setValues(rows as never);
}

export function memberRecord(m: MemberSeed): Record_ {
  return {
    memberId: m.id,
    email: m.email,
    name: m.name,
    phoneticName: 'メンバー',
    phone: '090-1234-5678',
    address: 'Tokyo',
    organization: 'Bansou',
    area: '東京都',
    languages: '日本語, English',
    foreignBackground: 'いいえ / No',
    experience: m.experience ? 'あり / Yes' : 'なし / No',
    emailLanguage: m.emailLanguage,
    consent: '同意します / I agree',
    firstRegisteredAt: m.registeredAt,
    lastUpdatedAt: m.registeredAt,
    responseIds: m.responseId,
    lastResponseAt: m.registeredAt,
    lastReplyAt: m.registeredAt,
  };
}

/** Each member's registration response in the Member history (RULES §3). */
export function historyRecord(m: MemberSeed): Record_ {
  return {
    respondedAt: m.registeredAt,
    memberId: m.id,
    responseId: m.responseId,
    kind: 'FIRST',
    email: m.email,
    experience: m.experience ? 'あり / Yes' : 'なし / No',
    foreignBackground: 'いいえ / No',
    emailLanguage: m.emailLanguage,
    recordedAt: m.registeredAt,
  };
}

export function applicationRecord(a: AppSeed): Record_ {
  const d = a.decision;
  const i = a.input;
  return {
    responseId: i.responseId,
    submittedAt: i.submittedAt,
    lastResponseAt: i.submittedAt,
    respondentEmail: i.respondentEmail,
    applicantId: i.applicantId,
    applicantName: a.applicantName,
    secondId: i.secondId,
    supportDate: i.supportDate,
    startTime: i.startTime,
    endTime: i.endTime,
    minutes: d.minutes ?? '',
    recipientName: i.recipientName,
    recipientBirthYear: i.recipientBirthYear,
    recipientKey: d.recipientKey,
    issues: '',
    prefecture: '',
    description: '',
    missingFields: '',
    status: d.status,
    reasons: d.reasons.join(' '),
    feePerSupporter: d.feePerSupporter,
    supporters: d.supporters.join(' '),
    paymentMonth: d.paymentMonth,
    onHold: a.onHold,
    autoStatus: d.autoStatus,
    decidedAt: i.submittedAt,
    paidIn: a.paidIn,
  };
}

/**
 * Writes a dataset into the office spreadsheet (after setup), counting off. `skip` leaves
 * applications out of the Applications sheet (the sweep's missing 1%). The Log gets one line
 * per member and per application, as the product would have written over the year.
 */
export function seedSheets(
  rt: LocalRuntime,
  ss: LocalSpreadsheet,
  data: Dataset,
  skip?: ReadonlySet<number>,
): void {
  rt.uncounted(() => {
    writeRows(ss, MEMBERS, data.members.map(memberRecord));
    writeRows(ss, MEMBER_HISTORY, data.members.map(historyRecord));
    writeRows(
      ss,
      COURSE,
      data.completions.map((c) => ({
        memberId: c.memberId,
        module: c.module,
        completedOn: dateCell(c.completedOn),
      })),
    );
    writeRows(
      ss,
      DOCUMENTS,
      data.documents.map((d) => ({
        memberId: d.memberId,
        fiscalYear: d.fiscalYear,
        memorandumOn: dateCell(d.memorandumOn),
        accountOn: dateCell(d.accountOn),
      })),
    );
    writeRows(ss, APPLICATIONS, data.apps.filter((_, i) => !skip?.has(i)).map(applicationRecord));
    // A ledger line's fields are the Ledger's column keys, as the monthly run appends them.
    writeRows(ss, LEDGER, data.ledger);
    writeRows(ss, HOLDS, data.holds);
    writeRows(ss, RUNS, data.runs);
    const log: Record_[] = [];
    for (const m of data.members)
      log.push({
        at: m.registeredAt,
        action: 'REGISTERED',
        responseId: m.responseId,
        memberId: m.id,
        change: `→ ${m.id}`,
        by: 'system',
      });
    data.apps.forEach((a, i) => {
      if (skip?.has(i)) return;
      log.push({
        at: a.input.submittedAt,
        action: 'DECIDED',
        responseId: a.input.responseId,
        memberId: a.input.applicantId,
        change: `— → ${a.decision.status}`,
        detail: a.decision.reasons.join(' '),
        by: 'system',
      });
    });
    writeRows(ss, LOG, log);
  });
}

/** A day as the Date a staff-typed date cell holds (midnight Tokyo). */
function dateCell(day: string): Date | string {
  return day === '' ? '' : new Date(tokyo(day));
}

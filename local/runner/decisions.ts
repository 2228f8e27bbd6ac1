// decisions.json: what the system decided, read back from the final sheets (Members,
// Applications, Ledger) by header, and tied to the rows of the input through the response IDs
// the forms returned. A stable contract: see the README.

import { APPLICATIONS, LEDGER, MEMBERS, RUNS, SETTINGS } from '../../src/adapters/tables/schema';
import { SIGNUPS } from '../../src/adapters/tables/sessions-schema';
import { columnIndexes, type TableSpec } from '../../src/adapters/tables/table';
import { canonicalId } from '../../src/domain/ids';
import type { LocalSpreadsheet } from '../runtime/spreadsheet';
import type { RunOutcome } from './engine';

export interface MemberDecision {
  row: number;
  memberId: string | null;
  email: string | null;
}

export interface ApplicationDecision {
  row: number;
  memberId: string | null;
  status: string;
  reasons: string[];
  minutes: number | null;
  feePerSupporter: number;
  supporters: string[];
  paymentMonth: string | null;
  onHold: boolean;
}

export interface PaymentLine {
  memberId: string;
  cases: number;
  amount: number;
}

/** One sign-up of the online sessions (RULES §8, R34). */
export interface SignupDecision {
  row: number;
  memberId: string | null;
  sessionId: string | null;
  status: string;
  reasons: string[];
}

export interface Decisions {
  members: MemberDecision[];
  applications: ApplicationDecision[];
  /** Settled months (the month M of the sheet "Payments M") → one line per supporter. */
  payments: Record<string, PaymentLine[]>;
  signups: SignupDecision[];
}

type Record_ = Map<string, unknown>;

/** A system sheet's rows as key → cell, found by header as the product finds its columns. */
function readSheet(ss: LocalSpreadsheet, spec: TableSpec): Record_[] {
  const sheet = ss.getSheetByName(spec.name);
  if (!sheet || sheet.getLastRow() < 2) return [];
  const values = sheet.getDataRange().getValues();
  const columns = [...columnIndexes(values[0], spec)];
  return values
    .slice(1)
    .filter((row) => row.some((v) => v !== ''))
    .map((row) => new Map(columns.map(([key, i]) => [key, row[i]])));
}

const str = (v: unknown) => (v === undefined || v === null ? '' : String(v)).trim();
const words = (v: unknown) =>
  str(v)
    .split(/[\s,]+/)
    .filter((s) => s !== '');
const num = (v: unknown) => (typeof v === 'number' ? v : str(v) === '' ? null : Number(str(v)));

export function readDecisions(outcome: RunOutcome): Decisions {
  const { office, responseIds } = outcome;
  // The runner looking at the sheets is not the script's work.
  return office.rt.uncounted(() => collect(office.ss, responseIds));
}

function collect(ss: LocalSpreadsheet, responseIds: RunOutcome['responseIds']): Decisions {
  const settings = new Map(
    readSheet(ss, SETTINGS).map((r) => [str(r.get('key')), str(r.get('value'))]),
  );
  const prefix = settings.get('idPrefix') || 'BN-';
  const width = Number(settings.get('idWidth') || 5);

  const memberByResponse = new Map<string, { memberId: string; email: string }>();
  const memberIds = new Set<string>();
  for (const r of readSheet(ss, MEMBERS)) {
    const memberId = str(r.get('memberId'));
    memberIds.add(memberId);
    for (const id of words(r.get('responseIds'))) {
      memberByResponse.set(id, { memberId, email: str(r.get('email')) });
    }
  }
  const members = [...responseIds.registration].map(([row, id]): MemberDecision => {
    const m = memberByResponse.get(id);
    return { row, memberId: m?.memberId ?? null, email: m?.email ?? null };
  });

  const appByResponse = new Map(
    readSheet(ss, APPLICATIONS).map((r) => [str(r.get('responseId')), r]),
  );
  const applications = [...responseIds.application].map(([row, id]): ApplicationDecision => {
    const r = appByResponse.get(id);
    const applicant = canonicalId(str(r?.get('applicantId')), prefix, width);
    const status = str(r?.get('status')) || 'UNPROCESSED';
    return {
      row,
      memberId: applicant !== null && memberIds.has(applicant) ? applicant : null,
      status,
      reasons: words(r?.get('reasons')),
      minutes: num(r?.get('minutes')),
      feePerSupporter: num(r?.get('feePerSupporter')) ?? 0,
      // The supporters paid: only an ACCEPTED application pays anyone (R16, R12).
      supporters: status === 'ACCEPTED' ? words(r?.get('supporters')) : [],
      paymentMonth: str(r?.get('paymentMonth')) || null,
      onHold: r?.get('onHold') === true || str(r?.get('onHold')).toUpperCase() === 'TRUE',
    };
  });
  members.sort((a, b) => a.row - b.row);
  applications.sort((a, b) => a.row - b.row);

  // A month settled with nothing to pay still appears (from the Payment runs sheet), empty.
  const byMonth = new Map<string, Map<string, PaymentLine>>();
  for (const r of readSheet(ss, RUNS)) byMonth.set(str(r.get('month')), new Map());
  for (const r of readSheet(ss, LEDGER)) {
    const month = str(r.get('settledMonth'));
    const memberId = str(r.get('memberId'));
    const lines = byMonth.get(month) ?? new Map<string, PaymentLine>();
    byMonth.set(month, lines);
    const line = lines.get(memberId) ?? { memberId, cases: 0, amount: 0 };
    lines.set(memberId, line);
    line.cases++;
    line.amount += num(r.get('amount')) ?? 0;
  }
  const payments: Record<string, PaymentLine[]> = {};
  for (const month of [...byMonth.keys()].sort()) {
    payments[month] = [...byMonth.get(month)!.values()].sort((a, b) =>
      a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0,
    );
  }
  const signupByResponse = new Map(
    readSheet(ss, SIGNUPS).map((r) => [str(r.get('responseId')), r]),
  );
  const signups = [...responseIds.signup].map(([row, id]): SignupDecision => {
    const r = signupByResponse.get(id);
    const memberId = canonicalId(str(r?.get('memberId')), prefix, width);
    return {
      row,
      memberId: memberId !== null && memberIds.has(memberId) ? memberId : null,
      sessionId: str(r?.get('sessionId')) || null,
      status: str(r?.get('status')) || 'UNPROCESSED',
      reasons: words(r?.get('reasons')),
    };
  });
  signups.sort((a, b) => a.row - b.row);
  return { members, applications, payments, signups };
}

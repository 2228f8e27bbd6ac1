// R30–R31: when the fees of a settled month are transferred, and which supporters go into the
// bank transfer file and which are left out (and why). Pure.
import { type AccountProblem, formatAccountProblem } from './accounts';
import { dayOf, dayStartMs, daysInMonth, nextMonth } from './dates';
import { isBankHoliday } from './holidays';
import type { Settings } from './settings-types';
import type { Day, Month } from './types';
import { type BankAccount, type Consignor, fitBankText, type Transfer } from './zengin';

const DAY_MS = 86_400_000;

/**
 * The transfer day for the fees of month M: day `transferDay` of M+1 (the month's last day when
 * it is shorter), or of M+2 when that day comes before the monthly run (`runDay`) of M+1.
 * A day the banks are closed (Saturday, Sunday, national holiday, 12/31–1/3: holidays.ts) moves
 * back to the business day before, so nobody is paid late and the bank file's 振込指定日 is a
 * day the bank accepts.
 */
export function transferDate(month: Month, transferDay: number, runDay: number): Day {
  let target = nextMonth(month);
  if (transferDay < runDay) target = nextMonth(target);
  const last = daysInMonth(Number(target.slice(0, 4)), Number(target.slice(5, 7)));
  let day = `${target}-${String(Math.min(transferDay, last)).padStart(2, '0')}`;
  // Days are calendar dates: counted at offset 0. At most a week of closed days in a row
  // (Golden Week, the New Year), so the loop is short.
  while (isBankHoliday(day)) day = dayOf(dayStartMs(day, 0) - DAY_MS, 0);
  return day;
}

/** The file's 振込指定日 (MMDD) for a day. */
export function mmdd(day: Day): string {
  return day.slice(5, 7) + day.slice(8, 10);
}

/** The Settings that make the header record; the missing ones are named (both languages). */
export function consignorFrom(
  settings: Settings,
): { consignor: Consignor } | { missing: string[] } {
  const need: [string, string][] = [
    ['consignorCode', settings.consignorCode],
    ['consignorName', settings.consignorName],
    ['officeBankCode', settings.officeBankCode],
    ['officeBranchCode', settings.officeBranchCode],
    ['officeAccountType', settings.officeAccountType],
    ['officeAccountNumber', settings.officeAccountNumber],
  ];
  const missing = need.filter(([, v]) => v === '').map(([k]) => k);
  if (missing.length > 0) return { missing };
  return {
    consignor: {
      code: settings.consignorCode,
      name: settings.consignorName,
      bankCode: settings.officeBankCode,
      branchCode: settings.officeBranchCode,
      accountType: settings.officeAccountType === '2' ? '2' : '1',
      accountNumber: settings.officeAccountNumber,
    },
  };
}

/** What the Accounts sheet says for one member. */
export type AccountEntry =
  | { row: number; account: BankAccount }
  | { row: number; problems: AccountProblem[] };

export interface PayeeLine {
  memberId: string;
  amount: number;
}

export interface LeftOut {
  memberId: string;
  amount: number;
  /** Why, one line per reason, in both languages. */
  ja: string[];
  en: string[];
}

export interface TransferPlan {
  transfers: (Transfer & { memberId: string })[];
  leftOut: LeftOut[];
  /** Members whose holder name was cut to the 30 bytes of the data record. */
  shortened: string[];
  count: number;
  total: number;
}

/** Every digit of a Bansou Net ID ('BN-00012' → '0000000012'), for 顧客コード1. */
export function customerCode(memberId: string): string {
  const digits = memberId.replace(/\D/g, '').slice(-10);
  return digits.padStart(10, '0');
}

const AMOUNT_MAX = 9_999_999_999; // 振込金額 N(10)

/**
 * One data record per supporter line of the month with one complete, valid account; every
 * other supporter is left out with the reason: no row in Accounts, a row with problems (each
 * named by row and field), or more than one row (staff must keep one).
 */
export function planTransfers(
  lines: readonly PayeeLine[],
  accounts: ReadonlyMap<string, readonly AccountEntry[]>,
): TransferPlan {
  const transfers: TransferPlan['transfers'] = [];
  const leftOut: LeftOut[] = [];
  const shortened: string[] = [];
  for (const line of lines) {
    if (!(line.amount > 0)) continue;
    const entries = accounts.get(line.memberId) ?? [];
    const out = (ja: string[], en: string[]) =>
      leftOut.push({ memberId: line.memberId, amount: line.amount, ja, en });
    if (entries.length === 0) {
      out(['口座シートに口座がありません'], ['no account in the Accounts sheet']);
      continue;
    }
    if (entries.length > 1) {
      const rows = entries.map((e) => e.row).join(', ');
      out(
        [`口座シートに複数の行があります（${rows}行目）。1行にしてください`],
        [`more than one row in the Accounts sheet (rows ${rows}); keep one`],
      );
      continue;
    }
    const entry = entries[0];
    if ('problems' in entry) {
      out(
        entry.problems.map((p) => formatAccountProblem(p, 'ja')),
        entry.problems.map((p) => formatAccountProblem(p, 'en')),
      );
      continue;
    }
    if (line.amount > AMOUNT_MAX) {
      out(
        ['金額が振込データの上限を超えています'],
        ['the amount is larger than the file can hold'],
      );
      continue;
    }
    if (fitBankText(entry.account.holder, 30).cut) shortened.push(line.memberId);
    transfers.push({
      memberId: line.memberId,
      account: entry.account,
      amount: line.amount,
      customerCode: customerCode(line.memberId),
    });
  }
  return {
    transfers,
    leftOut,
    shortened,
    count: transfers.length,
    total: transfers.reduce((s, t) => s + t.amount, 0),
  };
}

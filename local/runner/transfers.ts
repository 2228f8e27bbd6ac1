// R31 in the local runner: the Accounts sheet filled from --accounts A.csv (or, in the demo,
// with fictitious accounts), then the "Bank transfer file" menu run for every settled month,
// and the file of each month taken from its dialog's download link into
// out/transfers/zengin-YYYY-MM.txt. Account data goes into those files only: the Accounts
// sheet is left out of workbook.xlsx and csv/ (see output.ts), and warnings name rows and
// fields, never values.
import { ACCOUNTS, MEMBERS } from '../../src/adapters/tables/schema';
import { columnIndexes, headerTexts } from '../../src/adapters/tables/table';
import { ACCOUNT_FIELD_NAMES, type AccountField } from '../../src/domain/accounts';
import { seededRandom } from '../random';
import { writeSettings } from '../world';
import type { RunOutcome } from './engine';
import { type InputTable, isEmptyRow, requireColumn, text } from './inputs';

/** One row of the Accounts sheet, as staff would type it: its fields (R31) as text. */
export type AccountInput = Record<AccountField, string> & {
  /** Data row of the input file (1 = the first row under the header). */
  row: number;
};

/** The fields of an Accounts row, in the sheet's order, as the product names them. */
const ACCOUNT_KEYS = Object.keys(ACCOUNT_FIELD_NAMES) as AccountField[];

/** The header texts of a column of the Accounts sheet (its schema: English, Japanese or both). */
function namesOf(key: AccountField): string[] {
  const column = ACCOUNTS.columns.find((c) => c.key === key);
  if (!column) throw new Error(`the Accounts sheet has no column ${key}`);
  return headerTexts(column);
}

/** Reads --accounts: the columns of the Accounts sheet (English or Japanese headers). */
export function readAccountsTable(table: InputTable): AccountInput[] {
  const at = ACCOUNT_KEYS.map((k) => [k, requireColumn(table, namesOf(k))] as const);
  const out: AccountInput[] = [];
  table.rows.forEach((cells, i) => {
    if (isEmptyRow(cells)) return;
    const fields = Object.fromEntries(at.map(([k, c]) => [k, text(cells[c]).trim()]));
    out.push({ row: i + 1, ...(fields as Record<AccountField, string>) });
  });
  return out;
}

type Banks = Record<string, { name: string; branches: Record<string, unknown> }>;
// zengin-code ships no type declarations: { '0001': { name, kana, branches: { '100': … } } }.
const BANKS = require('zengin-code') as Banks;

/**
 * Warnings for bank and branch codes that are well formed but not in the zengin-code list (a
 * maintained copy of the banks' code table). The bundle only checks the format; a code missing
 * here may also be new, so this warns and does not stop. No code or number is repeated.
 */
export function checkBankCodes(file: string, accounts: readonly AccountInput[]): string[] {
  const warnings: string[] = [];
  for (const a of accounts) {
    const bank = a.bankCode.normalize('NFKC');
    const branch = a.branchCode.normalize('NFKC');
    if (!/^\d{4}$/.test(bank)) continue; // the bundle reports the format itself
    const known = BANKS[bank];
    if (!known) {
      warnings.push(`${file} row ${a.row}: the Bank code is not in the zengin-code list of banks`);
    } else if (/^\d{3}$/.test(branch) && !(branch in known.branches)) {
      warnings.push(
        `${file} row ${a.row}: the Branch code is not a branch of that bank in the zengin-code list`,
      );
    }
  }
  return warnings;
}

/** The office's bank settings for the demo (fictitious). */
export const DEMO_BANK_SETTINGS: Record<string, string> = {
  consignorCode: '0000012345',
  consignorName: 'ﾊﾞﾝｿｳﾈﾂﾄ ｼﾞﾑｷﾖｸ',
  officeBankCode: '0001',
  officeBranchCode: '100',
  officeAccountType: '1',
  officeAccountNumber: '1234567',
};

/**
 * Fictitious accounts for the demo's members: a bank and one of its branches from the code
 * list, a random 7-digit number, the holder from the member's phonetic name (or their name in
 * capitals). About 4% of members have no row and 2% a bank code of 3 digits, so the dialog's
 * "left out" list has something to show. Its own generator: the demo's data stay the same.
 */
export function demoAccounts(
  members: readonly { memberId: string; holder: string }[],
): AccountInput[] {
  const rand = seededRandom(31);
  const banks = ['0001', '0005', '0009', '0010', '0017'].filter((b) => BANKS[b]);
  const out: AccountInput[] = [];
  members.forEach((m, i) => {
    const r = rand();
    if (r < 0.04) return;
    const bankCode = banks[Math.floor(rand() * banks.length)] ?? '0001';
    const branches = Object.keys(BANKS[bankCode]?.branches ?? { '001': {} });
    const branchCode = branches[Math.floor(rand() * branches.length)];
    out.push({
      row: i + 1,
      memberId: m.memberId,
      bankCode: r < 0.06 ? bankCode.slice(1) : bankCode,
      branchCode,
      accountType: rand() < 0.9 ? '普通' : '当座',
      accountNumber: String(Math.floor(rand() * 9_999_999) + 1).padStart(7, '0'),
      holder: m.holder,
    });
  });
  return out;
}

// Fictitious holder names for members whose name is not in Latin letters (the demo's
// registrations leave フリガナ empty).
const KANA_FAMILY = ['ﾔﾏﾀﾞ', 'ｽｽﾞｷ', 'ﾀﾅｶ', 'ﾁﾝ', 'ｻﾄｳ', 'ﾜﾝ', 'ｲﾄｳ', 'ﾀｶﾊｼ'];
const KANA_GIVEN = ['ﾊﾅｺ', 'ﾀﾛｳ', 'ｼｽﾞｶ', 'ﾒｲ', 'ｹﾝ', 'ﾖｳｺ', 'ｼﾞﾕﾝ', 'ﾀﾞｲｽｹ'];

/** Members as the Members sheet has them: ID and a holder name for the account. */
export function membersForDemo(outcome: RunOutcome): { memberId: string; holder: string }[] {
  return outcome.office.rt.uncounted(() => {
    const sheet = outcome.office.ss.getSheetByName(MEMBERS.name);
    if (!sheet) return [];
    const [header, ...rows] = sheet.getDataRange().getValues();
    const at = columnIndexes(header, MEMBERS);
    const col = (key: 'memberId' | 'phoneticName' | 'name') => at.get(key) ?? -1;
    const id = col('memberId');
    const phonetic = col('phoneticName');
    const name = col('name');
    const rand = seededRandom(29);
    const pick = (list: readonly string[]) => list[Math.floor(rand() * list.length)];
    return rows
      .filter((r) => String(r[id]) !== '')
      .map((r) => {
        const given = String(r[phonetic] || r[name]);
        const latin = /^[A-Za-z .'-]+$/.test(given);
        return {
          memberId: String(r[id]),
          holder: latin ? given.toUpperCase() : `${pick(KANA_FAMILY)} ${pick(KANA_GIVEN)}`,
        };
      });
  });
}

/** Staff type the accounts into the Accounts sheet (as text, like the sheet's @ columns). */
export function enterAccounts(outcome: RunOutcome, accounts: readonly AccountInput[]): void {
  if (accounts.length === 0) return;
  outcome.office.rt.uncounted(() => {
    const sheet = outcome.office.ss.getSheetByName(ACCOUNTS.name);
    if (!sheet) throw new Error('the Accounts sheet is missing (set-up creates it)');
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
    const at = columnIndexes(header, ACCOUNTS);
    const index = ACCOUNT_KEYS.map((k) => {
      const i = at.get(k);
      if (i === undefined) throw new Error(`the Accounts sheet has no column "${namesOf(k)[0]}"`);
      return i;
    });
    // Typed as they are: the code and number columns are plain text (@), so 0005 stays 0005.
    const rows = accounts.map((a) => {
      const row = new Array<string>(header.length).fill('');
      ACCOUNT_KEYS.forEach((k, i) => {
        row[index[i]] = a[k];
      });
      return row;
    });
    const first = sheet.getLastRow() + 1;
    if (first + rows.length - 1 > sheet.getMaxRows()) {
      sheet.insertRowsAfter(sheet.getMaxRows(), first + rows.length - 1 - sheet.getMaxRows());
    }
    sheet.getRange(first, 1, rows.length, header.length).setValues(rows);
  });
}

export interface MonthTransfer {
  month: string;
  /** The file name in out/transfers/. */
  name: string;
  bytes: Buffer;
  count: number;
  total: number;
  leftOut: number;
}

/**
 * Staff open "Bank transfer file" for each settled month and download the file from the
 * dialog (its base64 data link). Months for which the dialog offers no file are warned about.
 */
export function transferFiles(
  outcome: RunOutcome,
  months: readonly string[],
  settings: Record<string, string> | null,
  warn: (message: string) => void,
): MonthTransfer[] {
  const { rt, ss } = outcome.office;
  if (settings) writeSettings(rt, ss, settings);
  const files: MonthTransfer[] = [];
  for (const month of months) {
    rt.run('bankTransferFile', month);
    const dialog = rt.sheets.ui.htmlDialogs.at(-1);
    const html = dialog?.html ?? '';
    const link = /href="data:text\/plain;base64,([A-Za-z0-9+/=]+)"/.exec(html);
    if (!link) {
      const why = /<p class="warn">([^<]*)/.exec(html)?.[1] ?? 'no dialog';
      warn(`no transfer file for ${month}: ${why.replace(/&#39;/g, "'")}`);
      continue;
    }
    const number = (id: string) =>
      Number((new RegExp(`id="${id}">([^<]*)<`).exec(html)?.[1] ?? '0').replace(/[^\d]/g, ''));
    files.push({
      month,
      name: `zengin-${month}.txt`,
      bytes: Buffer.from(link[1], 'base64'),
      count: number('count'),
      total: number('total'),
      leftOut: Number(/対象外 \/ Left out \((\d+)\)/.exec(html)?.[1] ?? 0),
    });
  }
  return files;
}

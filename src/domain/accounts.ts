// R31: the accounts staff type from each member's *Notification of Payment Receiving Account*
// (one row per member in the Accounts sheet), read and checked row by row. Pure.
//
// Cells come as Sheets gives them: text, or a number when Sheets ate leading zeros (a column
// not formatted as plain text). Full-width input is accepted and converted to half-width.
// Messages name the row and the field and what is expected, never the cell's content: account
// data goes into the transfer file and nowhere else (no log, alert, email or export).
import { cellText, nfkc } from './text';
import { type AccountType, type BankAccount, type BankTextProblem, toBankKana } from './zengin';

export type AccountField =
  | 'memberId'
  | 'bankCode'
  | 'branchCode'
  | 'accountType'
  | 'accountNumber'
  | 'holder';

/** The field names staff see (the Accounts sheet's headers). */
export const ACCOUNT_FIELD_NAMES: Record<AccountField, { ja: string; en: string }> = {
  memberId: { ja: '伴走ネットID', en: 'Bansou Net ID' },
  bankCode: { ja: '金融機関コード', en: 'Bank code' },
  branchCode: { ja: '支店コード', en: 'Branch code' },
  accountType: { ja: '預金種目', en: 'Account type' },
  accountNumber: { ja: '口座番号', en: 'Account number' },
  holder: { ja: '口座名義（カナ）', en: 'Account holder (kana)' },
};

export interface AccountProblem {
  /** Sheet row (1-based, the header is row 1). */
  row: number;
  field: AccountField;
  ja: string;
  en: string;
}

export interface AccountCells {
  row: number;
  bankCode: unknown;
  branchCode: unknown;
  accountType: unknown;
  accountNumber: unknown;
  holder: unknown;
}

/** The cell as text (cellText: a number as its digits), full-width folded, trimmed. */
function cellString(value: unknown): string {
  return nfkc(cellText(value)).trim();
}

/**
 * A code of exactly `width` digits (bank 4, branch 3). Text must have all its digits; a number
 * cell is padded with zeros, since Sheets drops leading zeros of a number typed into a cell
 * that is not plain text (0005 → 5).
 */
export function readCode(
  value: unknown,
  width: number,
): { value: string } | { problem: BankTextProblem } {
  const text = cellString(value).replace(/[\s-]/g, '');
  if (text === '') {
    return {
      problem: {
        ja: `が空欄です。${width}桁の数字を入力してください`,
        en: `is empty; expected ${width} digits`,
      },
    };
  }
  if (typeof value === 'number' && /^\d+$/.test(text) && text.length <= width) {
    return { value: text.padStart(width, '0') };
  }
  if (!/^\d+$/.test(text) || text.length !== width) {
    return {
      problem: {
        ja: `は${width}桁の数字ではありません。${width}桁の数字（先頭の0も）を入力してください`,
        en: `is not ${width} digits; expected exactly ${width} digits (leading zeros included)`,
      },
    };
  }
  return { value: text };
}

/**
 * An account number: 1 to 7 digits, written in the file as 7 digits padded with zeros on the
 * left (全銀協 format: numeric fields are right-aligned and padded with "0"), so 123456 and
 * 0123456 are the same account.
 */
export function readAccountNumber(
  value: unknown,
): { value: string } | { problem: BankTextProblem } {
  const text = cellString(value).replace(/[\s-]/g, '');
  if (text === '') {
    return {
      problem: {
        ja: 'が空欄です。7桁までの数字を入力してください',
        en: 'is empty; expected up to 7 digits',
      },
    };
  }
  if (!/^\d{1,7}$/.test(text)) {
    return {
      problem: {
        ja: 'は7桁までの数字ではありません。通帳の口座番号（7桁まで）を入力してください',
        en: 'is not a number of up to 7 digits; expected the account number from the passbook',
      },
    };
  }
  return { value: text.padStart(7, '0') };
}

/** 普通/当座/貯蓄 or 1/2/4 (also in English). */
export function readAccountType(
  value: unknown,
): { value: AccountType } | { problem: BankTextProblem } {
  const text = cellString(value)
    .toLowerCase()
    .replace(/\s|預金/g, '');
  const type: Record<string, AccountType> = {
    '1': '1',
    普通: '1',
    ordinary: '1',
    savings: '1',
    '2': '2',
    当座: '2',
    current: '2',
    checking: '2',
    '4': '4',
    貯蓄: '4',
  };
  const found = type[text];
  if (found) return { value: found };
  return {
    problem:
      text === ''
        ? {
            ja: 'が空欄です。「普通」か「当座」を入力してください',
            en: 'is empty; expected 普通 (1, ordinary) or 当座 (2, current)',
          }
        : {
            ja: 'は預金種目として読み取れません。「普通」「当座」「貯蓄」（または 1, 2, 4）を入力してください',
            en: 'is not an account type; expected 普通 (1, ordinary), 当座 (2, current) or 貯蓄 (4)',
          },
  };
}

/** The holder's name in bank kana (see toBankKana); required. */
export function readHolder(value: unknown): { value: string } | { problem: BankTextProblem } {
  const raw = cellString(value);
  if (raw === '') {
    return {
      problem: {
        ja: 'が空欄です。口座名義を通帳のとおりカタカナで入力してください',
        en: 'is empty; expected the holder’s name in katakana as on the passbook',
      },
    };
  }
  const kana = toBankKana(raw);
  if ('problem' in kana) return kana;
  if (kana.text === '') {
    return { problem: { ja: 'にカナがありません', en: 'has no kana in it' } };
  }
  return { value: kana.text };
}

/** One row of the Accounts sheet: the account, or every problem found in it. */
export function readAccount(
  cells: AccountCells,
): { account: BankAccount } | { problems: AccountProblem[] } {
  const problems: AccountProblem[] = [];
  const take = <T>(
    field: AccountField,
    r: { value: T } | { problem: BankTextProblem },
  ): T | null => {
    if ('problem' in r) {
      problems.push({ row: cells.row, field, ...r.problem });
      return null;
    }
    return r.value;
  };
  const bankCode = take('bankCode', readCode(cells.bankCode, 4));
  const branchCode = take('branchCode', readCode(cells.branchCode, 3));
  const accountType = take('accountType', readAccountType(cells.accountType));
  const accountNumber = take('accountNumber', readAccountNumber(cells.accountNumber));
  const holder = take('holder', readHolder(cells.holder));
  if (
    problems.length > 0 ||
    bankCode === null ||
    branchCode === null ||
    accountType === null ||
    accountNumber === null ||
    holder === null
  ) {
    return { problems };
  }
  return { account: { bankCode, branchCode, accountType, accountNumber, holder } };
}

/** 'Accounts row 5, Bank code (金融機関コード): is not 4 digits…' in one language. */
export function formatAccountProblem(p: AccountProblem, lang: 'ja' | 'en'): string {
  const name = ACCOUNT_FIELD_NAMES[p.field];
  return lang === 'ja'
    ? `口座シート ${p.row}行目「${name.ja}」${p.ja}。`
    : `Accounts row ${p.row}, ${name.en}: ${p.en}.`;
}

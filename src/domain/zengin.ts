// R31: the Zengin (全銀協規定) 総合振込 transfer file. Pure: text in, bytes out.
//
// The format (全銀協制定ファイルフォーマット【総合振込】): four kinds of 120-byte records —
// header (1), one data record per transfer (2), trailer (8), end (9) — each followed here by
// CR LF. Numeric fields (N) are right-aligned and padded with "0"; character fields (C) are
// left-aligned and padded with spaces. Character fields hold only half-width characters:
// digits, upper-case letters, half-width katakana with the voiced marks ﾞ ﾟ as characters of
// their own, space and ( ) - . / . All of these are single bytes in Shift_JIS (and JIS X 0201):
// ASCII as itself, half-width katakana U+FF61–U+FF9F as 0xA1–0xDF. Apps Script has no
// TextEncoder, so the byte mapping is written here.
import { hiraganaToKatakana, nfkc } from './text';

/** A message in both languages (staff read it in the transfer dialog). */
export interface BankTextProblem {
  ja: string;
  en: string;
}

// Full-width katakana (after NFD: no voiced marks) → half-width, one to one.
const FULL_KANA =
  'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン';
const HALF_KANA = 'ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜﾝ';
// Bank names use no small kana: each is written as its large form (ショウ → ｼﾖｳ, ガッコウ → ｶﾞﾂｺｳ).
const SMALL_KANA = 'ァィゥェォッャュョヮヵヶ';
const LARGE_KANA = 'アイウエオツヤユヨワカケ';
const VOICED = '\u3099'; // combining ゛, what NFD leaves after カ for ガ
const SEMI_VOICED = '\u309A'; // combining ゜
const HALF_VOICED = 'ﾞ'; // U+FF9E
const HALF_SEMI_VOICED = 'ﾟ'; // U+FF9F
/** Base kana that take ﾞ, and those that take ﾟ (half-width). */
const TAKES_VOICED = new Set('ｳｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾊﾋﾌﾍﾎ');
const TAKES_SEMI_VOICED = new Set('ﾊﾋﾌﾍﾎ');
const ALLOWED_ASCII = /^[0-9A-Z ()\-./]$/;

function halfKanaOf(ch: string): string | undefined {
  const small = SMALL_KANA.indexOf(ch);
  const large = small >= 0 ? LARGE_KANA[small] : ch;
  const at = FULL_KANA.indexOf(large);
  return at >= 0 ? HALF_KANA[at] : undefined;
}

/**
 * Text as the bank takes it (half-width katakana, digits, upper-case letters, space and
 * ( ) - . /), from what staff type: hiragana or full-width katakana, full-width letters and
 * digits, half-width katakana. Rules: voiced kana become two characters (ガ → ｶﾞ, パ → ﾊﾟ,
 * ヴ → ｳﾞ); small kana become large (ッ → ﾂ, ャ → ﾔ); the long-vowel mark and dashes become
 * "-"; the middle dot ・ becomes a space; letters become upper case; runs of spaces become one.
 * Anything else (kanji, ヲ, other symbols) is a problem: the message names the kind of
 * character, never the text itself (account data stays out of messages).
 */
export function toBankKana(raw: string): { text: string } | { problem: BankTextProblem } {
  const full = nfkc(hiraganaToKatakana(String(raw ?? ''))).normalize('NFD');
  let out = '';
  for (const ch of full) {
    if (ch === VOICED || ch === SEMI_VOICED) {
      const base = out.slice(-1);
      const ok = ch === VOICED ? TAKES_VOICED.has(base) : TAKES_SEMI_VOICED.has(base);
      if (!ok) {
        return {
          problem: {
            ja: '濁点・半濁点の位置が正しくありません',
            en: 'has a voiced mark (゛ or ゜) that follows no kana that takes it',
          },
        };
      }
      out += ch === VOICED ? HALF_VOICED : HALF_SEMI_VOICED;
      continue;
    }
    const kana = halfKanaOf(ch);
    if (kana) {
      out += kana;
      continue;
    }
    if (/[ー\-‐‑‒–—―−]/.test(ch)) {
      out += '-';
      continue;
    }
    if (/[\s・]/.test(ch)) {
      out += ' ';
      continue;
    }
    const upper = ch.toUpperCase();
    if (ALLOWED_ASCII.test(upper)) {
      out += upper;
      continue;
    }
    return {
      problem:
        ch === 'ヲ'
          ? {
              ja: 'に「ヲ」が含まれています。銀行の口座名義では「オ」と書きます',
              en: 'contains ヲ, which bank names write as オ',
            }
          : {
              ja: 'に使えない文字（漢字、記号など）が含まれています。通帳のとおりカタカナで入力してください',
              en: 'contains characters a bank transfer cannot carry (kanji, symbols…); write it in katakana as on the passbook',
            },
    };
  }
  return { text: out.replace(/ +/g, ' ').trim() };
}

/**
 * The Shift_JIS bytes of bank text: ASCII 0x20–0x7E as itself, half-width katakana
 * U+FF61–U+FF9F as 0xA1–0xDF. Anything else cannot be in the file and throws.
 */
export function shiftJisBytes(text: string): number[] {
  const bytes: number[] = [];
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (c >= 0x20 && c <= 0x7e) bytes.push(c);
    else if (c >= 0xff61 && c <= 0xff9f) bytes.push(c - 0xff61 + 0xa1);
    else
      throw new Error(
        `U+${c.toString(16).toUpperCase().padStart(4, '0')} has no single-byte Shift_JIS form`,
      );
  }
  return bytes;
}

/**
 * Bank text cut to at most `width` bytes without splitting a character: a kana and the ﾞ or ﾟ
 * after it are one unit (ｶﾞ, 2 bytes) and go in whole or not at all; a unit that does not fit
 * is dropped with everything after it, and the field is padded with spaces instead.
 */
export function fitBankText(text: string, width: number): { text: string; cut: boolean } {
  const units: string[] = [];
  for (const ch of text) {
    if ((ch === HALF_VOICED || ch === HALF_SEMI_VOICED) && units.length > 0) {
      units[units.length - 1] += ch;
    } else units.push(ch);
  }
  let out = '';
  for (const unit of units) {
    if (out.length + unit.length > width) return { text: out.replace(/ +$/, ''), cut: true };
    out += unit;
  }
  return { text: out, cut: false };
}

function numeric(value: string | number, width: number, what: string): string {
  const digits = String(value);
  if (!/^\d+$/.test(digits) || digits.length > width) {
    throw new Error(`${what}: expected at most ${width} digits`);
  }
  return digits.padStart(width, '0');
}

function character(value: string, width: number): string {
  const fitted = fitBankText(value, width).text;
  return fitted + ' '.repeat(width - fitted.length);
}

export type AccountType = '1' | '2' | '4';

/** A payee's account as the file needs it: codes and number as digits, holder in bank kana. */
export interface BankAccount {
  bankCode: string; // 4 digits
  branchCode: string; // 3 digits
  accountType: AccountType; // 1 普通, 2 当座, 4 貯蓄
  accountNumber: string; // 7 digits
  holder: string; // half-width bank text (toBankKana)
}

/** The office's own account and the codes the bank gave it (the header record). */
export interface Consignor {
  code: string; // 委託者コード (振込依頼人コード), up to 10 digits
  name: string; // 委託者名, bank text, up to 40 bytes
  bankCode: string;
  branchCode: string;
  accountType: '1' | '2';
  accountNumber: string;
}

export interface Transfer {
  account: BankAccount;
  amount: number;
  /** 顧客コード1: the digits of the Bansou Net ID, so the bank's result file names the member. */
  customerCode: string;
}

/** Header record (データ区分 1, 種別コード 21 総合振込, コード区分 0). `transferDay` is MMDD. */
export function headerRecord(consignor: Consignor, transferMMDD: string): string {
  const record =
    '1' +
    '21' +
    '0' +
    numeric(consignor.code, 10, '委託者コード / consignor code') +
    character(consignor.name, 40) +
    numeric(transferMMDD, 4, '振込指定日 / transfer date') +
    numeric(consignor.bankCode, 4, '仕向銀行番号 / bank code') +
    character('', 15) + // 仕向銀行名: optional, left blank
    numeric(consignor.branchCode, 3, '仕向支店番号 / branch code') +
    character('', 15) + // 仕向支店名: optional, left blank
    numeric(consignor.accountType, 1, '預金種目 / account type') +
    numeric(consignor.accountNumber, 7, '口座番号 / account number') +
    ' '.repeat(17);
  return checked(record);
}

/** Data record (データ区分 2): one transfer. */
export function dataRecord(transfer: Transfer): string {
  const a = transfer.account;
  const record =
    '2' +
    numeric(a.bankCode, 4, '被仕向銀行番号 / bank code') +
    character('', 15) + // 被仕向銀行名: optional, left blank
    numeric(a.branchCode, 3, '被仕向支店番号 / branch code') +
    character('', 15) + // 被仕向支店名: optional, left blank
    '0000' + // 手形交換所番号: unused, zeros
    numeric(a.accountType, 1, '預金種目 / account type') +
    numeric(a.accountNumber, 7, '口座番号 / account number') +
    character(a.holder, 30) +
    numeric(transfer.amount, 10, '振込金額 / amount') +
    '0' + // 新規コード: 0 (other)
    numeric(transfer.customerCode, 10, '顧客コード1 / customer code 1') +
    '0000000000' + // 顧客コード2
    '7' + // 振込指定区分: 7 = telegraphic (電信扱)
    ' ' + // 識別表示: none
    ' '.repeat(7);
  return checked(record);
}

/** Trailer record (データ区分 8): the number of data records and their total. */
export function trailerRecord(count: number, total: number): string {
  return checked(
    `8${numeric(count, 6, '合計件数 / count')}${numeric(total, 12, '合計金額 / total')}${' '.repeat(101)}`,
  );
}

/** End record (データ区分 9). */
export function endRecord(): string {
  return checked(`9${' '.repeat(119)}`);
}

function checked(record: string): string {
  // One byte per character: the length in characters is the length in bytes.
  if (record.length !== 120) throw new Error(`Zengin record of ${record.length} bytes, not 120`);
  return record;
}

export interface TransferFile {
  /** The records as text (half-width), without line ends. */
  records: string[];
  /** The file: every record in Shift_JIS followed by CR LF. */
  bytes: number[];
  count: number;
  total: number;
}

/** The whole 総合振込 file: header, one data record per transfer, trailer, end. */
export function buildTransferFile(
  consignor: Consignor,
  transferMMDD: string,
  transfers: readonly Transfer[],
): TransferFile {
  const total = transfers.reduce((s, t) => s + t.amount, 0);
  const records = [
    headerRecord(consignor, transferMMDD),
    ...transfers.map(dataRecord),
    trailerRecord(transfers.length, total),
    endRecord(),
  ];
  const bytes: number[] = [];
  for (const r of records) bytes.push(...shiftJisBytes(r), 0x0d, 0x0a);
  return { records, bytes, count: transfers.length, total };
}

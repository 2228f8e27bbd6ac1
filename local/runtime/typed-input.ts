// How Sheets reads a string written by setValue(s)/appendRow: as if a person typed it
// (RULES R25, APPS-SCRIPT-FACTS "Sheets"). Locale: Japan (the program's spreadsheet), with the
// US month/day/year order also accepted, as the brief's exports show both.
//
// Formulas: the formula text is kept (getFormula returns it); the value shown is computed by
// the small evaluator in spreadsheet/formula.ts — literals, arithmetic, references, SUM —
// and is '#NAME?' for unknown names and '#ERROR!' for text that does not parse as a formula.

import { type CellValue, isDateFormat } from './spreadsheet/format';
import { evaluateFormula } from './spreadsheet/formula';
import { fieldsToSerial, msToSerial, serialFields, serialToMs } from './spreadsheet/zone';

/** A typed string as the cell stores it: dates are serial numbers with a date format. */
export interface TypedCell {
  value: CellValue;
  formula?: string;
  /** The number format Sheets applies by itself (e.g. '0%' for "50%", 'yyyy/MM/dd' for a date). */
  numberFormat?: string;
}

/** A typed string as the script would read it back: dates are Date objects. */
export interface ParsedInput {
  value: string | number | boolean | Date;
  formula?: string;
  numberFormat?: string;
}

const NUMBER =
  /^([+-]?)([¥￥$]?)([+-]?)((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)(?:[eE]([+-]?\d+))?(%?)$/;
const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?(?:\s*([AaPp][Mm]))?`;
const YMD = new RegExp(String.raw`^(\d{4})([/-])(\d{1,2})\2(\d{1,2})(?:\s+${TIME})?$`);
const MDY = new RegExp(String.raw`^(\d{1,2})/(\d{1,2})/(\d{4})(?:\s+${TIME})?$`);
const MD = /^(\d{1,2})\/(\d{1,2})$/;
const KANJI = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;
const TIME_ONLY = new RegExp(`^${TIME}$`);

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
}

function validDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Fraction of a day for a typed time, or null when it is not a valid time. */
function timeFraction(
  h: string,
  m: string,
  s: string | undefined,
  ms: string | undefined,
  ampm: string | undefined,
  allowOver24: boolean,
): number | null {
  let hour = Number(h);
  const minute = Number(m);
  const second = s === undefined ? 0 : Number(s);
  if (minute > 59 || second > 59) return null;
  if (ampm) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (ampm.toLowerCase() === 'pm' ? 12 : 0);
  } else if (hour > 23 && !allowOver24) return null;
  const millis = ms === undefined ? 0 : Number(ms.padEnd(3, '0'));
  return (hour * 3600 + minute * 60 + second + millis / 1000) / 86400;
}

function timeFormat(seconds: string | undefined, ampm: string | undefined): string {
  const base = seconds === undefined ? 'H:mm' : 'H:mm:ss';
  return ampm ? base.replace('H', 'h') + ' AM/PM' : base;
}

function parseNumber(text: string): TypedCell | null {
  const m = NUMBER.exec(text);
  if (!m) return null;
  const [, sign1, currency, sign2, digits, exponent, percent] = m;
  if (sign1 && sign2) return null;
  if (sign2 && !currency) return null;
  let n = Number(digits.replace(/,/g, '') + (exponent !== undefined ? `e${exponent}` : ''));
  if (!Number.isFinite(n)) return null;
  if (sign1 === '-' || sign2 === '-') n = -n;
  if (percent) n /= 100;
  const decimals = digits.includes('.') && !/\.$/.test(digits) ? '.00' : '';
  let numberFormat: string | undefined;
  if (percent) numberFormat = `0${decimals}%`;
  else if (exponent !== undefined) numberFormat = '0.00E+00';
  else if (currency) {
    const symbol = currency === '$' ? '$' : '¥';
    numberFormat = `"${symbol}"#,##0${decimals}`;
  } else if (digits.includes(',')) numberFormat = `#,##0${decimals}`;
  // Avoid -0 (Sheets has no negative zero).
  return { value: n === 0 ? 0 : n, numberFormat };
}

interface DateParts {
  year: number;
  month: number;
  day: number;
  dateFormat: string;
  /** [hour, minute, second?, millis?, am/pm?] when a time follows the date. */
  time?: (string | undefined)[];
}

function dateParts(text: string, timeZone: string, now: number | undefined): DateParts | null {
  const ymd = YMD.exec(text);
  if (ymd) {
    const dateFormat = ymd[2] === '/' ? 'yyyy/MM/dd' : 'yyyy-MM-dd';
    const time = ymd[5] === undefined ? undefined : ymd.slice(5, 10);
    return { year: Number(ymd[1]), month: Number(ymd[3]), day: Number(ymd[4]), dateFormat, time };
  }
  const mdy = MDY.exec(text);
  if (mdy) {
    const time = mdy[4] === undefined ? undefined : mdy.slice(4, 9);
    return {
      year: Number(mdy[3]),
      month: Number(mdy[1]),
      day: Number(mdy[2]),
      dateFormat: 'M/d/yyyy',
      time,
    };
  }
  const kanji = KANJI.exec(text);
  if (kanji) {
    return {
      year: Number(kanji[1]),
      month: Number(kanji[2]),
      day: Number(kanji[3]),
      dateFormat: 'yyyy"年"M"月"d"日"',
    };
  }
  const md = now === undefined ? null : MD.exec(text);
  if (md && now !== undefined) {
    // A month and day without a year means this year (in the spreadsheet's zone).
    const year = serialFields(msToSerial(now, timeZone)).year;
    return { year, month: Number(md[1]), day: Number(md[2]), dateFormat: 'M/d' };
  }
  return null;
}

function parseDate(text: string, timeZone: string, now: number | undefined): TypedCell | null {
  const parts = dateParts(text, timeZone, now);
  if (!parts || !validDate(parts.year, parts.month, parts.day)) return null;
  const serial = fieldsToSerial(parts.year, parts.month, parts.day);
  if (!parts.time) return { value: serial, numberFormat: parts.dateFormat };
  const [h, mi, s, ms, ampm] = parts.time;
  const fraction = timeFraction(h ?? '', mi ?? '', s, ms, ampm, false);
  if (fraction === null) return null;
  return {
    value: serial + fraction,
    numberFormat: `${parts.dateFormat} ${timeFormat('ss', ampm)}`,
  };
}

function parseTime(text: string): TypedCell | null {
  const m = TIME_ONLY.exec(text);
  if (!m) return null;
  const [, h, mi, s, ms, ampm] = m;
  const fraction = timeFraction(h, mi, s, ms, ampm, true);
  if (fraction === null) return null;
  // Hours past 23 are a duration, which Sheets shows with an elapsed-hours format.
  const numberFormat = fraction >= 1 ? '[h]:mm:ss' : timeFormat(s, ampm);
  return { value: fraction, numberFormat };
}

/**
 * Reads a string as Sheets reads typed input, keeping dates as serial numbers.
 * `now` (ms) lets "7/30" take the current year; without it such text stays text.
 * `textFormat`: the cell is formatted as plain text ('@'), so the string is kept as given
 * (`dropApostrophe`: except a leading apostrophe, in the runtime's 'drop' mode).
 */
export function parseTypedCell(
  input: string,
  options: { timeZone: string; now?: number; textFormat?: boolean; dropApostrophe?: boolean },
): TypedCell {
  if (input === '') return { value: '' };
  if (options.textFormat) {
    return options.dropApostrophe && input.startsWith("'")
      ? { value: input.slice(1) }
      : { value: input };
  }
  if (input.startsWith("'")) return { value: input.slice(1) };
  if (input.startsWith('=') && input.length > 1) return { value: '', formula: input };
  const text = input.trim();
  if (text === '') return { value: input };
  const upper = text.toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return { value: upper === 'TRUE' };
  const typed =
    parseNumber(text) ?? parseDate(text, options.timeZone, options.now) ?? parseTime(text);
  if (typed) return typed;
  // "+…" and "-…" that are not numbers are read as formulas (and usually fail).
  if ((input.startsWith('+') || input.startsWith('-')) && input.length > 1) {
    return { value: '', formula: `=${input}` };
  }
  return { value: input };
}

/**
 * Pure view of typed input for tests and tools: dates come back as Date objects (the instant
 * the spreadsheet's zone shows), and a formula's value is computed with no sheet around it
 * (references give '#REF!').
 */
export function parseTyped(input: string, timeZone: string, now?: number): ParsedInput {
  const cell = parseTypedCell(input, { timeZone, now });
  if (cell.formula !== undefined) {
    return { value: evaluateFormula(cell.formula), formula: cell.formula };
  }
  if (typeof cell.value === 'number' && isDateFormat(cell.numberFormat)) {
    return {
      value: new Date(serialToMs(cell.value, timeZone)),
      numberFormat: cell.numberFormat,
    };
  }
  return cell.numberFormat === undefined
    ? { value: cell.value }
    : { value: cell.value, numberFormat: cell.numberFormat };
}

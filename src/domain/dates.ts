// Days and months in Tokyo (R8–R10, R19–R21), computed on plain numbers with a fixed offset.
// Asia/Tokyo has had no DST since 1951, so UTC+9 (540 minutes) is exact for every date the
// program meets. Only Date.UTC and getUTC* are used: nothing depends on the machine's zone.

import { nfkc } from './text';
import type { Day, Month } from './types';

export const TOKYO_OFFSET_MINUTES = 540;
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function makeDay(y: number, m: number, d: number): Day {
  return pad(y, 4) + '-' + pad(m, 2) + '-' + pad(d, 2);
}

function makeMonth(y: number, m: number): Month {
  return pad(y, 4) + '-' + pad(m, 2);
}

function splitDay(day: Day): [number, number, number] {
  return [Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10))];
}

function splitMonth(month: Month): [number, number] {
  return [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The Tokyo day of an instant. */
export function dayOf(ms: number, offsetMinutes = TOKYO_OFFSET_MINUTES): Day {
  const d = new Date(ms + offsetMinutes * MINUTE_MS);
  return makeDay(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** The Tokyo month of an instant (R21: the payment month of a submission). */
export function monthOf(ms: number, offsetMinutes = TOKYO_OFFSET_MINUTES): Month {
  return monthOfDay(dayOf(ms, offsetMinutes));
}

export function monthOfDay(day: Day): Month {
  return day.slice(0, 7);
}

/** The instant of 00:00 Tokyo on that day. */
export function dayStartMs(day: Day, offsetMinutes = TOKYO_OFFSET_MINUTES): number {
  const [y, m, d] = splitDay(day);
  return Date.UTC(y, m - 1, d) - offsetMinutes * MINUTE_MS;
}

function validDay(y: number, m: number, d: number): Day | null {
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return makeDay(y, m, d);
}

// Date part, then an optional time part (checked by parseTime so '2024-07-30 25:00' is refused).
const ISO_DAY = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]+(.+))?$/;
const SLASH_DAY = /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?:\s+(.+))?$/;
const US_DAY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(.+))?$/;
const JA_DAY = /^(\d{4})年(\d{1,2})月(\d{1,2})日(?:\s*(.+))?$/;

/**
 * A day from a form answer or an exported cell: 'yyyy-MM-dd' (Forms), 'yyyy/MM/dd', 'yyyy/M/d',
 * 'M/d/yyyy' (English (US) locale), 'yyyy年M月d日', each optionally followed by a time;
 * full-width digits allowed. Null for anything else or an impossible date.
 */
export function parseDay(raw: string): Day | null {
  const s = nfkc(raw).trim();
  let y: string;
  let m: string;
  let d: string;
  let time: string | undefined;
  let match = ISO_DAY.exec(s) ?? SLASH_DAY.exec(s) ?? JA_DAY.exec(s);
  if (match) {
    [, y, m, d, time] = match;
  } else {
    match = US_DAY.exec(s);
    if (!match) return null;
    [, m, d, y, time] = match;
  }
  if (time !== undefined && parseTime(time) === null) return null;
  return validDay(Number(y), Number(m), Number(d));
}

const TIME = /^(午前|午後)?\s*(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp]\.?[Mm]\.?)?$/;

/**
 * Minutes after midnight from 'H:mm', 'HH:mm' or 'HH:mm:ss' (full-width ok; seconds dropped).
 * Also 12-hour forms ('2:03 PM', '午後2:03') that an English or Japanese locale may export.
 * Null when unreadable or out of range.
 */
export function parseTime(raw: string): number | null {
  const match = TIME.exec(nfkc(raw).trim());
  if (!match) return null;
  const [, jaHalf, hh, mm, ss, enHalf] = match;
  let h = Number(hh);
  const min = Number(mm);
  if (min > 59 || (ss !== undefined && Number(ss) > 59)) return null;
  if (jaHalf && enHalf) return null;
  const half = enHalf
    ? enHalf[0].toLowerCase() === 'p'
      ? 'pm'
      : 'am'
    : jaHalf === '午後'
      ? 'pm'
      : jaHalf
        ? 'am'
        : null;
  if (half) {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (half === 'pm' ? 12 : 0);
  } else if (h > 23) {
    return null;
  }
  return h * 60 + min;
}

/** Same day-of-month `months` later, or that month's last day when it has no such day. */
export function addMonthsClamped(day: Day, months: number): Day {
  const [y, m, d] = splitDay(day);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  return makeDay(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/** R10: the last day on which an application for this support day is on time. */
export function dueDate(supportDay: Day, deadlineMonths: number): Day {
  return addMonthsClamped(supportDay, deadlineMonths);
}

/** Japanese fiscal year (April–March): FY2024 = 2024-04-01..2025-03-31 (R20). */
export function fiscalYearOf(day: Day): number {
  const [y, m] = splitDay(day);
  return m >= 4 ? y : y - 1;
}

export function nextMonth(m: Month): Month {
  return shiftMonth(m, 1);
}

export function previousMonth(m: Month): Month {
  return shiftMonth(m, -1);
}

function shiftMonth(month: Month, by: number): Month {
  const [y, m] = splitMonth(month);
  const total = y * 12 + (m - 1) + by;
  const ny = Math.floor(total / 12);
  return makeMonth(ny, total - ny * 12 + 1);
}

/** Every month from a to b, both included; [] when a is after b. */
export function monthsFromTo(a: Month, b: Month): Month[] {
  const out: Month[] = [];
  for (let m = a; m <= b; m = nextMonth(m)) out.push(m);
  return out;
}

/** Canonical Days sort as strings. */
export function compareDays(a: Day, b: Day): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The Tokyo day of a Date read from a sheet (a date cell is an instant). */
export function dayFromDate(d: Date, offsetMinutes = TOKYO_OFFSET_MINUTES): Day {
  return dayOf(d.getTime(), offsetMinutes);
}

/**
 * Minute of the day shown by a time-only sheet cell, which Apps Script returns as a Date on
 * 1899-12-30 in the spreadsheet's zone. That instant was built with the zone's offset *in 1899*,
 * which for some zones is local mean time with odd minutes and seconds (Paris +0:09:21 until 1911,
 * Shanghai +8:05:43 until 1901). Asia/Tokyo itself left LMT (+9:18:59) on 1888-01-01, so 1899 is
 * already +9:00 in the IANA data. A spreadsheet in another zone is read through the staff-date
 * reader first (adapters/sheet-zone-reader.ts: the same wall-clock time in Tokyo, LMT included),
 * so the fixed offset is right here.
 * The result is rounded to the nearest minute because a time is stored as a fraction of a day and
 * may come back a few milliseconds short (14:02:59.999 must read as 14:03, not 14:02), and
 * because sub-minute LMT offsets would otherwise shift the minute.
 */
export function minuteOfDayFromDate(d: Date, offsetMinutes = TOKYO_OFFSET_MINUTES): number {
  const wallMs = d.getTime() + offsetMinutes * MINUTE_MS;
  const intoDay = ((wallMs % DAY_MS) + DAY_MS) % DAY_MS;
  return Math.round(intoDay / MINUTE_MS) % 1440;
}

const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** '2024年7月30日' / '30 July 2024' (for emails; built by hand, no locale data needed). */
export function formatDay(day: Day, lang: 'ja' | 'en'): string {
  const [y, m, d] = splitDay(day);
  return lang === 'ja' ? `${y}年${m}月${d}日` : `${d} ${EN_MONTHS[m - 1]} ${y}`;
}

/** '2024年8月' / 'August 2024'. */
export function formatMonth(month: Month, lang: 'ja' | 'en'): string {
  const [y, m] = splitMonth(month);
  return lang === 'ja' ? `${y}年${m}月` : `${EN_MONTHS[m - 1]} ${y}`;
}

// Days Japanese banks are closed (R31: the bank file's 振込指定日 must be a business day; R30:
// the payment notice tells the same day). Pure, from the rules of the Act on National Holidays
// (国民の祝日に関する法律) as amended through 2018, which fix every holiday from 2020 on:
// - fixed days: 1/1, 2/11, 2/23, 4/29, 5/3, 5/4, 5/5, 8/11, 11/3, 11/23;
// - "Happy Monday" days: Coming of Age Day (2nd Monday of January), Marine Day (3rd Monday of
//   July), Respect for the Aged Day (3rd Monday of September), Sports Day (2nd Monday of October);
// - the equinoxes (春分の日, 秋分の日), which the National Astronomical Observatory announces each
//   February for the next year: the usual formula below gives its dates for 1980–2099;
// - a holiday on a Sunday gives the next day that is not a holiday (振替休日, art. 3-2);
// - a day between two holidays is a holiday (国民の休日, art. 3-3).
// 2020 and 2021 moved three holidays for the Olympic Games (special measures acts): listed below.
// Banks also close on Saturdays, Sundays and 12/31, 1/2, 1/3 (銀行法施行令 第5条).
// Years before 2020 are not modelled (the program's records start later); a law change after
// 2026 would need a line here.

import { dayOf, dayStartMs } from './dates';
import type { Day } from './types';

const DAY_MS = 86_400_000;

/** The equinox day of March (spring) or September (autumn) of `year` (1980–2099). */
function equinox(year: number, season: 'spring' | 'autumn'): number {
  const base = season === 'spring' ? 20.8431 : 23.2488;
  const y = year - 1980;
  return Math.floor(base + 0.242194 * y) - Math.floor(y / 4);
}

/** The day of the month of the `nth` Monday of `month` (1-based) in `year`. */
function nthMonday(year: number, month: number, nth: number): number {
  const firstWeekday = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  const firstMonday = 1 + ((8 - firstWeekday) % 7);
  return firstMonday + 7 * (nth - 1);
}

/** 2020 and 2021: Marine Day, Sports Day and Mountain Day moved for the Olympic Games. */
const OLYMPIC_YEARS: Record<number, { marine: string; sports: string; mountain: string }> = {
  2020: { marine: '07-23', sports: '07-24', mountain: '08-10' },
  2021: { marine: '07-22', sports: '07-23', mountain: '08-08' },
};

/** The national holidays named by the Act itself in `year` ('MM-DD'), before 振替 and 国民の休日. */
function namedHolidays(year: number): Set<string> {
  const md = (m: number, d: number) =>
    `${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const olympic = OLYMPIC_YEARS[year];
  return new Set([
    md(1, 1),
    md(1, nthMonday(year, 1, 2)),
    md(2, 11),
    md(2, 23),
    md(3, equinox(year, 'spring')),
    md(4, 29),
    md(5, 3),
    md(5, 4),
    md(5, 5),
    olympic?.marine ?? md(7, nthMonday(year, 7, 3)),
    olympic?.mountain ?? md(8, 11),
    md(9, nthMonday(year, 9, 3)),
    md(9, equinox(year, 'autumn')),
    olympic?.sports ?? md(10, nthMonday(year, 10, 2)),
    md(11, 3),
    md(11, 23),
  ]);
}

const cache = new Map<number, Set<string>>();

/** Every national holiday of `year` ('MM-DD'), substitute and in-between days included. */
function holidaysOf(year: number): Set<string> {
  const known = cache.get(year);
  if (known) return known;
  const named = namedHolidays(year);
  const all = new Set(named);
  // Calendar days counted at offset 0 (dates.ts): 'MM-DD' of each.
  const key = (ms: number) => dayOf(ms, 0).slice(5);
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  for (let ms = start; ms < end; ms += DAY_MS) {
    if (!named.has(key(ms))) continue;
    // 振替休日: a holiday on a Sunday makes the next day that is not a holiday one.
    if (new Date(ms).getUTCDay() === 0) {
      let next = ms + DAY_MS;
      while (named.has(key(next))) next += DAY_MS;
      if (next < end) all.add(key(next));
    }
    // 国民の休日: a day (not itself a holiday) between two holidays.
    const between = ms + DAY_MS;
    if (!named.has(key(between)) && named.has(key(between + DAY_MS)) && between + DAY_MS < end)
      all.add(key(between));
  }
  cache.set(year, all);
  return all;
}

/** Whether `day` is a national holiday of Japan (from 2020; earlier years: none known). */
export function isNationalHoliday(day: Day): boolean {
  const year = Number(day.slice(0, 4));
  if (year < 2020 || year > 2099) return false;
  return holidaysOf(year).has(day.slice(5, 10));
}

/** Whether Japanese banks are closed on `day`: weekends, national holidays, 12/31, 1/2, 1/3. */
export function isBankHoliday(day: Day): boolean {
  const weekday = new Date(dayStartMs(day, 0)).getUTCDay(); // a calendar day: offset 0
  if (weekday === 0 || weekday === 6) return true;
  const md = day.slice(5, 10);
  if (md === '12-31' || md === '01-02' || md === '01-03') return true;
  return isNationalHoliday(day);
}

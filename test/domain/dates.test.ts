import {
  addMonthsClamped,
  compareDays,
  dayFromDate,
  dayOf,
  dayStartMs,
  dueDate,
  fiscalYearOf,
  formatDay,
  formatMonth,
  minuteOfDayFromDate,
  monthOf,
  monthOfDay,
  monthsFromTo,
  nextMonth,
  parseDay,
  parseTime,
  previousMonth,
} from '../../src/domain/dates';
import { tokyoMs } from './fixtures';

describe('dayOf / monthOf (Tokyo, UTC+9, whatever the machine zone)', () => {
  test.each([
    ['2024-07-30', '00:00', '2024-07-30', '2024-07'],
    ['2024-07-30', '23:59', '2024-07-30', '2024-07'],
    ['2024-07-31', '23:59', '2024-07-31', '2024-07'],
    ['2024-08-01', '00:00', '2024-08-01', '2024-08'],
    ['2024-01-01', '08:59', '2024-01-01', '2024-01'],
  ])('%s %s Tokyo is day %s, month %s', (day, time, expectedDay, expectedMonth) => {
    expect(dayOf(tokyoMs(day, time))).toBe(expectedDay);
    expect(monthOf(tokyoMs(day, time))).toBe(expectedMonth);
  });

  test('23:30 UTC on 31 July is already 1 August in Tokyo', () => {
    const ms = Date.UTC(2024, 6, 31, 23, 30);
    expect(dayOf(ms)).toBe('2024-08-01');
    expect(monthOf(ms)).toBe('2024-08');
    expect(dayOf(ms, 0)).toBe('2024-07-31');
  });

  test('dayFromDate reads the instant of a Date', () => {
    expect(dayFromDate(new Date(tokyoMs('2024-02-29', '00:05')))).toBe('2024-02-29');
  });

  test('monthOfDay is the month part', () => {
    expect(monthOfDay('2024-07-30')).toBe('2024-07');
  });
});

describe('dayStartMs', () => {
  test.each([['2024-07-30'], ['2024-02-29'], ['2023-12-31']])(
    'dayStartMs(%s) is 00:00 Tokyo that day',
    (day) => {
      expect(dayStartMs(day)).toBe(tokyoMs(day, '00:00'));
      expect(dayOf(dayStartMs(day))).toBe(day);
      expect(dayOf(dayStartMs(day) - 1)).not.toBe(day);
    },
  );
});

describe('parseDay', () => {
  test.each([
    ['2024-07-30', '2024-07-30'], // Forms answer
    ['2024/07/30', '2024-07-30'],
    ['2024/7/3', '2024-07-03'],
    ['7/30/2024', '2024-07-30'], // English (US) locale export
    ['2024/07/30 14:03:12', '2024-07-30'],
    ['2024-07-30 14:03', '2024-07-30'],
    ['7/30/2024 9:05:00', '2024-07-30'],
    ['２０２４－０７－３０', '2024-07-30'],
    ['２０２４／７／３０', '2024-07-30'],
    ['2024年7月30日', '2024-07-30'],
    [' 2024-07-30 ', '2024-07-30'],
    ['2024-02-29', '2024-02-29'],
  ])('%p reads as %p', (raw, expected) => {
    expect(parseDay(raw)).toBe(expected);
  });

  test.each([
    ['2023-02-29'], // not a leap year
    ['2024-13-01'],
    ['2024-00-10'],
    ['2024-04-31'],
    ['13/30/2024'],
    ['30/7/2024'], // day/month order is not guessed
    ['2024-07-30 25:00'],
    ['yesterday'],
    [''],
    ['20240730'],
  ])('%p is not a day', (raw) => {
    expect(parseDay(raw)).toBeNull();
  });
});

describe('parseTime', () => {
  test.each([
    ['9:05', 545],
    ['09:05', 545],
    ['14:03', 843],
    ['14:03:59', 843],
    ['00:00', 0],
    ['23:59', 1439],
    ['１４：０３', 843],
    ['2:03 PM', 843],
    ['12:00 AM', 0],
    ['12:30 pm', 750],
    ['午後2:03', 843],
    ['午前9:00', 540],
  ])('%p is %p minutes after midnight', (raw, expected) => {
    expect(parseTime(raw)).toBe(expected);
  });

  test.each([['24:00'], ['12:60'], ['12:00:60'], ['13:00 PM'], ['noon'], [''], ['1400'], ['1:5']])(
    '%p is not a time',
    (raw) => {
      expect(parseTime(raw)).toBeNull();
    },
  );
});

describe('addMonthsClamped / dueDate (R10)', () => {
  test.each([
    ['2023-07-30', 1, '2023-08-30'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2023-08-31', 1, '2023-09-30'],
    ['2023-12-31', 1, '2024-01-31'],
    ['2024-03-31', 2, '2024-05-31'],
    ['2024-03-31', -1, '2024-02-29'],
    ['2024-01-15', 12, '2025-01-15'],
    ['2024-01-15', 0, '2024-01-15'],
  ])('%s + %p month(s) = %s', (day, months, expected) => {
    expect(addMonthsClamped(day, months)).toBe(expected);
  });

  test.each([
    ['2023-07-30', '2023-08-30'],
    ['2024-01-31', '2024-02-29'],
    ['2023-08-31', '2023-09-30'],
  ])('support on %s is due on %s', (day, expected) => {
    expect(dueDate(day, 1)).toBe(expected);
  });
});

describe('fiscalYearOf (April–March)', () => {
  test.each([
    ['2024-03-31', 2023],
    ['2024-04-01', 2024],
    ['2025-03-31', 2024],
    ['2024-12-31', 2024],
    ['2025-01-01', 2024],
  ])('%s is in FY%p', (day, fy) => {
    expect(fiscalYearOf(day)).toBe(fy);
  });
});

describe('months', () => {
  test.each([
    ['2024-07', '2024-08', '2024-06'],
    ['2024-12', '2025-01', '2024-11'],
    ['2024-01', '2024-02', '2023-12'],
  ])('after %s comes %s, before it %s', (m, next, prev) => {
    expect(nextMonth(m)).toBe(next);
    expect(previousMonth(m)).toBe(prev);
  });

  test.each([
    ['2024-11', '2025-02', ['2024-11', '2024-12', '2025-01', '2025-02']],
    ['2024-07', '2024-07', ['2024-07']],
    ['2024-08', '2024-07', []],
  ])('monthsFromTo(%s, %s) includes both ends', (a, b, expected) => {
    expect(monthsFromTo(a, b)).toEqual(expected);
  });
});

describe('compareDays', () => {
  test.each([
    ['2024-07-30', '2024-07-31', -1],
    ['2024-07-31', '2024-07-30', 1],
    ['2024-07-30', '2024-07-30', 0],
    ['2023-12-31', '2024-01-01', -1],
  ])('compareDays(%s, %s) = %p', (a, b, expected) => {
    expect(compareDays(a, b)).toBe(expected);
  });
});

describe('minuteOfDayFromDate (time-only sheet cells: a Date on 1899-12-30)', () => {
  // What Apps Script gives for a cell showing 14:03 in a spreadsheet whose zone had this offset
  // (in seconds) on 1899-12-30.
  const cell = (h: number, m: number, offsetSeconds: number) =>
    new Date(Date.UTC(1899, 11, 30, h, m) - offsetSeconds * 1000);

  test('Tokyo cell (IANA: +9:00 in 1899) reads with the default offset', () => {
    expect(minuteOfDayFromDate(cell(14, 3, 9 * 3600))).toBe(843);
  });

  test('a value a few milliseconds short of the minute rounds to that minute', () => {
    const d = new Date(cell(14, 3, 9 * 3600).getTime() - 3);
    expect(minuteOfDayFromDate(d)).toBe(843);
  });

  // A zone with local mean time in 1899 (Paris +0:09:21) is read through the staff-date reader
  // first: test/local/spreadsheet.test.ts and test/integration/spreadsheet-zone.test.ts.

  test('midnight and the last minute of the day', () => {
    expect(minuteOfDayFromDate(cell(0, 0, 9 * 3600))).toBe(0);
    expect(minuteOfDayFromDate(cell(23, 59, 9 * 3600))).toBe(1439);
  });

  test('a date-time cell gives its Tokyo wall-clock minute', () => {
    expect(minuteOfDayFromDate(new Date(tokyoMs('2024-07-30', '09:05')))).toBe(545);
  });
});

describe('formatDay / formatMonth', () => {
  test.each([
    ['2024-07-30', '2024年7月30日', '30 July 2024'],
    ['2024-02-01', '2024年2月1日', '1 February 2024'],
  ])('%s', (day, ja, en) => {
    expect(formatDay(day, 'ja')).toBe(ja);
    expect(formatDay(day, 'en')).toBe(en);
  });

  test.each([
    ['2024-08', '2024年8月', 'August 2024'],
    ['2025-01', '2025年1月', 'January 2025'],
  ])('%s', (month, ja, en) => {
    expect(formatMonth(month, 'ja')).toBe(ja);
    expect(formatMonth(month, 'en')).toBe(en);
  });
});

describe('12-hour times (mutation testing)', () => {
  test('1 o’clock is the first hour of a half; 12 a.m. is midnight; 0 and 13 are not 12-hour times', () => {
    expect(parseTime('1:00 PM')).toBe(13 * 60);
    expect(parseTime('午前12:30')).toBe(30);
    expect(parseTime('午後12:30')).toBe(12 * 60 + 30);
    expect(parseTime('0:30 AM')).toBeNull();
    expect(parseTime('13:00 PM')).toBeNull();
  });
});

// Mutation testing (#16 item 5, docs/mutation/dates.md): corners of the day and time answers.
describe('day and time answers: corners found by mutation testing', () => {
  test('day 0 of a month is not a real calendar day', () => {
    expect(parseDay('2024-07-00')).toBeNull();
    expect(parseDay('2024/7/0')).toBeNull();
    expect(parseDay('2024-07-01')).toBe('2024-07-01');
  });

  test('a 12-hour time with spaces around it is read: " 午後2:03" is 14:03, "2:03 PM " is 14:03', () => {
    expect(parseTime(' 午後2:03')).toBe(14 * 60 + 3);
    expect(parseTime('2:03 PM ')).toBe(14 * 60 + 3);
    expect(parseTime('　2:03 pm　')).toBe(14 * 60 + 3);
  });

  test('a time marked both 午後 and AM/PM is unreadable, not guessed', () => {
    expect(parseTime('午後2:03 PM')).toBeNull();
    expect(parseTime('午前2:03 AM')).toBeNull();
  });
});

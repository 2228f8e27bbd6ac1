// Japanese national and bank holidays. Expected values by hand from the Cabinet Office's list
// (内閣府「国民の祝日について」, https://www8.cao.go.jp/chosei/shukujitsu/gaiyou.html) for 2024–2026,
// and the banks' closing days (銀行法施行令 第5条: Saturdays, Sundays, holidays, 12/31–1/3).
import { isBankHoliday, isNationalHoliday } from '../../src/domain/holidays';

const HOLIDAYS: Record<number, string[]> = Object.fromEntries(
  Object.entries({
    2024: '01-01 01-08 02-11 02-12 02-23 03-20 04-29 05-03 05-04 05-05 05-06 07-15 08-11 08-12 09-16 09-22 09-23 10-14 11-03 11-04 11-23',
    2025: '01-01 01-13 02-11 02-23 02-24 03-20 04-29 05-03 05-04 05-05 05-06 07-21 08-11 09-15 09-23 10-13 11-03 11-23 11-24',
    2026: '01-01 01-12 02-11 02-23 03-20 04-29 05-03 05-04 05-05 05-06 07-20 08-11 09-21 09-22 09-23 10-12 11-03 11-23',
    // The Olympic years: 2020 Marine Day 7/23, Sports Day 7/24, Mountain Day 8/10; 2021 Marine
    // Day 7/22, Sports Day 7/23, Mountain Day 8/8 (a Sunday) → 8/9.
    2020: '01-01 01-13 02-11 02-23 02-24 03-20 04-29 05-03 05-04 05-05 05-06 07-23 07-24 08-10 09-21 09-22 11-03 11-23',
    2021: '01-01 01-11 02-11 02-23 03-20 04-29 05-03 05-04 05-05 07-22 07-23 08-08 08-09 09-20 09-23 11-03 11-23',
  }).map(([year, days]) => [year, days.split(' ')]),
);

describe('national holidays of Japan (the Cabinet Office list)', () => {
  for (const [year, days] of Object.entries(HOLIDAYS)) {
    test(`every day of ${year} is a holiday exactly when the list names it (${days.length} days)`, () => {
      const found: string[] = [];
      for (
        let ms = Date.UTC(Number(year), 0, 1);
        ms < Date.UTC(Number(year) + 1, 0, 1);
        ms += 86_400_000
      ) {
        const day = new Date(ms).toISOString().slice(0, 10);
        if (isNationalHoliday(day)) found.push(day.slice(5));
      }
      expect(found).toEqual(days);
    });
  }
  test('the years modelled are 2020 to 2099 (the law as it stands; the range of the equinox formula): a day outside them is never reported as a holiday', () => {
    expect(isNationalHoliday('2020-01-01')).toBe(true);
    expect(isNationalHoliday('2099-01-01')).toBe(true);
    expect(isNationalHoliday('2019-01-01')).toBe(false);
    expect(isNationalHoliday('2100-01-01')).toBe(false);
  });

  test('2026-09-22 is a holiday only because it lies between two (国民の休日)', () => {
    expect(isNationalHoliday('2026-09-22')).toBe(true);
    expect(isNationalHoliday('2025-09-22')).toBe(false);
  });
});

describe('days the banks are closed', () => {
  test.each([
    ['2024-12-30', false], // a Monday
    ['2024-12-31', true], // banks' year end
    ['2025-01-01', true],
    ['2025-01-02', true],
    ['2025-01-03', true],
    ['2025-01-06', false], // a Monday
    ['2025-11-24', true], // 振替休日 (11/23 was a Sunday)
    ['2025-11-22', true], // a Saturday
    ['2025-11-21', false], // a Friday
  ])('%s closed: %s', (day, closed) => {
    expect(isBankHoliday(day)).toBe(closed);
  });
});

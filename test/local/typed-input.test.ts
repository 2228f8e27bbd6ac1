import fc from 'fast-check';
import { formatValue } from '../../local/runtime/spreadsheet/format';
import { msToSerial, serialToMs } from '../../local/runtime/spreadsheet/zone';
import { parseTyped, parseTypedCell } from '../../local/runtime/typed-input';

const TOKYO = 'Asia/Tokyo';
const NOW = Date.UTC(2024, 6, 30);

/** The instant a Tokyo wall clock shows (Tokyo is UTC+9 all year). */
function tokyo(y: number, m: number, d: number, h = 0, mi = 0, s = 0): number {
  return Date.UTC(y, m - 1, d, h - 9, mi, s);
}

function typedValue(input: string, timeZone = TOKYO) {
  return parseTyped(input, timeZone, NOW).value;
}

describe('parseTyped: a string written with setValue(s)/appendRow is read as typed (RULES R25)', () => {
  test('a string starting with "=" becomes a formula whose text is kept', () => {
    expect(parseTyped('=1+1', TOKYO)).toEqual({ value: 2, formula: '=1+1' });
    expect(parseTyped('=HYPERLINK("x")', TOKYO)).toEqual({
      value: '#NAME?',
      formula: '=HYPERLINK("x")',
    });
  });

  test('a formula value is computed for literals, arithmetic and concatenation', () => {
    expect(typedValue('="a"&"b"')).toBe('ab');
    expect(typedValue('=(2+3)*4')).toBe(20);
    expect(typedValue('=1/0')).toBe('#DIV/0!');
    expect(typedValue('=TRUE')).toBe(true);
    expect(typedValue('=2>1')).toBe(true);
  });

  test('a reference in a formula has no sheet to read in the pure parser, so it is #REF!', () => {
    expect(parseTyped('=A1', TOKYO)).toEqual({ value: '#REF!', formula: '=A1' });
  });

  test('"+…" and "-…" that are not numbers become formulas too (and usually fail)', () => {
    expect(parseTyped('+abc', TOKYO)).toEqual({ value: '#NAME?', formula: '=+abc' });
    expect(parseTyped('+81 90-1234-5678', TOKYO)).toEqual({
      value: '#ERROR!',
      formula: '=+81 90-1234-5678',
    });
    expect(parseTyped('-1-2', TOKYO)).toEqual({ value: -3, formula: '=-1-2' });
  });

  test('"+12" and "-12" are plain numbers', () => {
    expect(typedValue('+12')).toBe(12);
    expect(typedValue('-12')).toBe(-12);
    expect(typedValue('-0')).toBe(0);
    expect(Object.is(typedValue('-0'), -0)).toBe(false);
  });

  test('a lone "=", "+" or "-" stays text', () => {
    expect(typedValue('=')).toBe('=');
    expect(typedValue('+')).toBe('+');
    expect(typedValue('-')).toBe('-');
  });

  test('leading zeros are lost: "00012" is 12 and "0312345678" is 312345678', () => {
    expect(parseTyped('00012', TOKYO)).toEqual({ value: 12 });
    expect(parseTyped('0312345678', TOKYO)).toEqual({ value: 312345678 });
  });

  test('a mobile number with hyphens stays text', () => {
    expect(parseTyped('090-1234-5678', TOKYO)).toEqual({ value: '090-1234-5678' });
    expect(typedValue('03-1234-5678')).toBe('03-1234-5678');
  });

  test('thousands separators are read: "1,234" is 1234 shown with #,##0', () => {
    expect(parseTyped('1,234', TOKYO)).toEqual({ value: 1234, numberFormat: '#,##0' });
    expect(parseTyped('1,234.5', TOKYO)).toEqual({ value: 1234.5, numberFormat: '#,##0.00' });
    expect(typedValue('12,34')).toBe('12,34');
  });

  test('a percentage is a fraction: "50%" is 0.5 shown with 0%', () => {
    expect(parseTyped('50%', TOKYO)).toEqual({ value: 0.5, numberFormat: '0%' });
    expect(parseTyped('12.5%', TOKYO)).toEqual({ value: 0.125, numberFormat: '0.00%' });
  });

  test('currency and exponent notation are numbers with their formats', () => {
    expect(parseTyped('¥1,000', TOKYO)).toEqual({ value: 1000, numberFormat: '"¥"#,##0' });
    expect(parseTyped('1e3', TOKYO)).toEqual({ value: 1000, numberFormat: '0.00E+00' });
    expect(typedValue('.5')).toBe(0.5);
    expect(typedValue('1.50')).toBe(1.5);
  });

  test('spaces around a number are ignored, but text keeps its spaces', () => {
    expect(typedValue(' 12 ')).toBe(12);
    expect(typedValue('  ')).toBe('  ');
    expect(typedValue(' hello ')).toBe(' hello ');
  });

  test('TRUE and false in any case are booleans', () => {
    expect(typedValue('TRUE')).toBe(true);
    expect(typedValue('false')).toBe(false);
    expect(typedValue('True')).toBe(true);
    expect(typedValue('yes')).toBe('yes');
  });

  test('dates in the export formats are Dates at midnight in the spreadsheet zone', () => {
    const midnight = tokyo(2024, 7, 30);
    for (const input of ['2024/07/30', '2024-07-30', '7/30/2024', '2024/7/30', '2024年7月30日']) {
      const v = typedValue(input);
      expect(v).toBeInstanceOf(Date);
      expect((v as Date).getTime()).toBe(midnight);
    }
    expect(parseTyped('2024/07/30', TOKYO).numberFormat).toBe('yyyy/MM/dd');
    expect(parseTyped('2024-07-30', TOKYO).numberFormat).toBe('yyyy-MM-dd');
    expect(parseTyped('7/30/2024', TOKYO).numberFormat).toBe('M/d/yyyy');
  });

  test('a date and time is a Date at that Tokyo wall-clock time', () => {
    const v = parseTyped('2024/07/30 14:03:12', TOKYO);
    expect((v.value as Date).getTime()).toBe(tokyo(2024, 7, 30, 14, 3, 12));
    expect(v.numberFormat).toBe('yyyy/MM/dd H:mm:ss');
    expect((typedValue('2024-07-30 9:05') as Date).getTime()).toBe(tokyo(2024, 7, 30, 9, 5));
  });

  test('the zone is the one given, never the machine zone (America/Los_Angeles in July is UTC-7)', () => {
    const v = typedValue('2024/07/30 14:03', 'America/Los_Angeles') as Date;
    expect(v.getTime()).toBe(Date.UTC(2024, 6, 30, 21, 3));
    const winter = typedValue('2024/01/15', 'America/Los_Angeles') as Date;
    expect(winter.getTime()).toBe(Date.UTC(2024, 0, 15, 8));
  });

  test('a time alone is a Date on 1899-12-30 in the spreadsheet zone', () => {
    const v = parseTyped('14:03', TOKYO);
    expect((v.value as Date).getTime()).toBe(tokyo(1899, 12, 30, 14, 3));
    expect(v.numberFormat).toBe('H:mm');
    expect(parseTyped('14:03:12', TOKYO).numberFormat).toBe('H:mm:ss');
    expect((typedValue('2:30 PM') as Date).getTime()).toBe(tokyo(1899, 12, 30, 14, 30));
  });

  test('hours past 23 are a duration shown as elapsed hours', () => {
    const v = parseTyped('25:00', TOKYO);
    expect((v.value as Date).getTime()).toBe(tokyo(1899, 12, 31, 1, 0));
    expect(v.numberFormat).toBe('[h]:mm:ss');
  });

  test('impossible dates and times stay text', () => {
    expect(typedValue('2024/02/30')).toBe('2024/02/30');
    expect(typedValue('2023/02/29')).toBe('2023/02/29');
    expect(typedValue('2024/13/01')).toBe('2024/13/01');
    expect(typedValue('12:75')).toBe('12:75');
    expect((typedValue('2024/02/29') as Date).getTime()).toBe(tokyo(2024, 2, 29));
  });

  test('a month and day without a year takes the current year in the zone, and stays text without a clock', () => {
    expect((typedValue('7/30') as Date).getTime()).toBe(tokyo(2024, 7, 30));
    expect(parseTyped('7/30', TOKYO).value).toBe('7/30');
  });

  test('a leading apostrophe keeps the rest as text and is not part of the value', () => {
    expect(parseTyped("'00012", TOKYO)).toEqual({ value: '00012' });
    expect(parseTyped("'=SUM(A1)", TOKYO)).toEqual({ value: '=SUM(A1)' });
    expect(parseTyped("'2024/07/30", TOKYO)).toEqual({ value: '2024/07/30' });
    expect(parseTyped("'", TOKYO)).toEqual({ value: '' });
  });

  test('a cell formatted as plain text (@) keeps the string as given', () => {
    for (const input of ['=1+1', '00012', '2024/07/30', 'TRUE', '+abc', "'x"]) {
      expect(parseTypedCell(input, { timeZone: TOKYO, textFormat: true })).toEqual({
        value: input,
      });
    }
  });

  test("a plain-text cell in the runtime's 'drop' model takes a leading apostrophe off, as a General cell does (#17: the reference is silent)", () => {
    const drop = { timeZone: TOKYO, textFormat: true, dropApostrophe: true };
    expect(parseTypedCell("'00012", drop)).toEqual({ value: '00012' });
    expect(parseTypedCell("''x", drop)).toEqual({ value: "'x" });
    expect(parseTypedCell('=1+1', drop)).toEqual({ value: '=1+1' });
  });

  test('the empty string is an empty cell', () => {
    expect(parseTyped('', TOKYO)).toEqual({ value: '' });
  });

  test('ordinary text stays text', () => {
    expect(typedValue('Nguyen Van A')).toBe('Nguyen Van A');
    expect(typedValue('伴走ネット')).toBe('伴走ネット');
    expect(typedValue('BN-00001')).toBe('BN-00001');
    expect(typedValue('@home')).toBe('@home');
  });

  test('property: an apostrophe always protects the text after it', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(parseTyped(`'${s}`, TOKYO)).toEqual({ value: s });
      }),
    );
  });

  test('property: a safe integer written as digits reads back as that number', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        expect(typedValue(String(n))).toBe(n === 0 ? 0 : n);
      }),
    );
  });

  test('property: a typed date shows again as the same text in its own format', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date(1950, 0, 1), max: new Date(2090, 0, 1), noInvalidDate: true }),
        (d) => {
          const text = `${d.getUTCFullYear()}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${String(d.getUTCDate()).padStart(2, '0')}`;
          const cell = parseTypedCell(text, { timeZone: TOKYO });
          expect(formatValue(cell.value, cell.numberFormat)).toBe(text);
        },
      ),
    );
  });
});

describe('serial dates convert with the zone (Sheets stores dates as days since 1899-12-30)', () => {
  test('serial 0 is 1899-12-30 00:00 in the zone', () => {
    expect(serialToMs(0, TOKYO)).toBe(tokyo(1899, 12, 30));
    expect(msToSerial(tokyo(2024, 7, 30, 12), TOKYO)).toBe(45503.5);
  });

  test('conversion round-trips across a daylight-saving change', () => {
    const zone = 'America/Los_Angeles';
    for (const ms of [
      Date.UTC(2024, 2, 10, 9, 59),
      Date.UTC(2024, 2, 10, 10, 1),
      Date.UTC(2024, 10, 3, 10),
    ]) {
      expect(serialToMs(msToSerial(ms, zone), zone)).toBe(ms);
    }
  });

  test('a wall time that happens twice (clocks going back) is the earlier instant', () => {
    const zone = 'America/Los_Angeles';
    // 2024-11-03 01:30 happens at 08:30Z (PDT) and again at 09:30Z (PST).
    expect(serialToMs(msToSerial(Date.UTC(2024, 10, 3, 9, 30), zone), zone)).toBe(
      Date.UTC(2024, 10, 3, 8, 30),
    );
  });
});

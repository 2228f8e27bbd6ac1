// Reading the cells of exported sheets (RULES.md §7 formats; Tokyo time) and writing .eml headers.
import { encodeHeaderWord } from '../../../local/runner/eml';
import {
  parseDayCell,
  parseFiscalYear,
  parseTimeCell,
  parseTimestamp,
} from '../../../local/runner/inputs';

const tokyo = (iso: string) => Date.parse(`${iso}+09:00`);

describe('export cells', () => {
  test.each([
    ['2024/07/30 14:03:12', '2024-07-30T14:03:12'],
    ['2024-07-30 14:03:12', '2024-07-30T14:03:12'],
    ['7/30/2024 14:03:12', '2024-07-30T14:03:12'],
    ['2024/7/3 9:05:00', '2024-07-03T09:05:00'],
  ])('timestamp %s is that Tokyo time', (cell, iso) => {
    expect(parseTimestamp(cell)).toBe(tokyo(iso));
  });

  test('an XLSX date cell carries the Tokyo wall clock in its UTC fields', () => {
    expect(parseTimestamp(new Date(Date.UTC(2024, 6, 30, 14, 3, 12)))).toBe(
      tokyo('2024-07-30T14:03:12'),
    );
    expect(parseDayCell(new Date(Date.UTC(2024, 6, 30)))).toBe('2024-07-30');
    expect(parseTimeCell(new Date(Date.UTC(1899, 11, 30, 14, 3)))).toBe('14:03');
  });

  test.each(['2024/13/45 10:00:00', '2024/07/30', '30/07/2024 10:00:00', 'yesterday', ''])(
    'timestamp %p is refused',
    (cell) => {
      expect(parseTimestamp(cell)).toBeNull();
    },
  );

  test('date answers become yyyy-MM-dd as Forms gives them; impossible days are refused', () => {
    expect(parseDayCell('2024/07/30')).toBe('2024-07-30');
    expect(parseDayCell('2024-07-30')).toBe('2024-07-30');
    expect(parseDayCell('7/30/2024')).toBe('2024-07-30');
    expect(parseDayCell('2024/07/30 0:00:00')).toBe('2024-07-30');
    expect(parseDayCell('2024/02/30')).toBeNull();
    expect(parseDayCell('2024/07/30 14:00:00')).toBeNull();
  });

  test('time answers become HH:mm as Forms gives them', () => {
    expect(parseTimeCell('14:03')).toBe('14:03');
    expect(parseTimeCell('14:03:12')).toBe('14:03');
    expect(parseTimeCell('9:05')).toBe('09:05');
    expect(parseTimeCell('2:03:00 PM')).toBe('14:03');
    expect(parseTimeCell('25:00')).toBeNull();
  });

  test('a fiscal year is 2024 or FY2024', () => {
    expect(parseFiscalYear('2024')).toBe('2024');
    expect(parseFiscalYear(2024)).toBe('2024');
    expect(parseFiscalYear('FY2024')).toBe('2024');
    expect(parseFiscalYear('令和6')).toBeNull();
  });
});

describe('.eml headers (RFC 2047)', () => {
  test('an ASCII subject stays as it is', () => {
    expect(encodeHeaderWord('Your Bansou Net ID')).toBe('Your Bansou Net ID');
  });

  test('a Japanese subject is split into encoded words of at most 75 characters that decode back', () => {
    const subject = '【伴走ネット】ご登録ありがとうございます（伴走ネットID: BN-00001）';
    const words = encodeHeaderWord(subject).split('\r\n ');
    expect(words.length).toBeGreaterThan(1);
    for (const w of words) expect(w.length).toBeLessThanOrEqual(75);
    const decoded = words
      .map((w) => Buffer.from(/^=\?UTF-8\?B\?(.*)\?=$/.exec(w)![1], 'base64').toString('utf8'))
      .join('');
    expect(decoded).toBe(subject);
  });
});

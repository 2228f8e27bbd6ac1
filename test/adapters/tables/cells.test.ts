// How values cross into and out of cells (RULES R25): expected values written by hand.
import {
  cellBool,
  cellMs,
  cellNumber,
  cellText,
  clipForCell,
  isDateValue,
  MAX_CELL_CHARS,
  toCell,
} from '../../../src/adapters/tables/cells';

describe('writing a value so the cell holds exactly it (R25)', () => {
  test('every non-empty string gets the apostrophe that keeps it text', () => {
    expect(toCell('=1+1')).toBe("'=1+1");
    expect(toCell('00012')).toBe("'00012");
    expect(toCell('2024/07/30')).toBe("'2024/07/30");
    expect(toCell(' ')).toBe("' ");
  });

  test('an empty string, null and undefined are an empty cell', () => {
    expect(toCell('')).toBe('');
    expect(toCell(null)).toBe('');
    expect(toCell(undefined)).toBe('');
  });

  test('numbers, booleans and Dates are written as themselves; NaN and Infinity as empty', () => {
    expect(toCell(4000)).toBe(4000);
    expect(toCell(0)).toBe(0);
    expect(toCell(Number.NaN)).toBe('');
    expect(toCell(Number.POSITIVE_INFINITY)).toBe('');
    expect(toCell(false)).toBe(false);
    expect(toCell(true)).toBe(true);
    const d = new Date(Date.UTC(2024, 6, 30));
    expect(toCell(d)).toBe(d);
  });

  test('anything else is written as its text', () => {
    expect(toCell({ toString: () => 'BN-00001' })).toBe("'BN-00001");
    expect(toCell(['a', 'b'])).toBe("'a,b");
  });

  test('a cell holds at most 50,000 characters: 49,999 plus the apostrophe fit whole', () => {
    expect(MAX_CELL_CHARS).toBe(50000);
    const fits = 'x'.repeat(49_999);
    expect(clipForCell(fits)).toEqual({ text: fits, clipped: false });
    expect(toCell(fits)).toBe(`'${fits}`);
  });

  test('a longer answer keeps its first 49,987 characters and the mark, 49,999 in all', () => {
    const long = `${'a'.repeat(49_987)}${'b'.repeat(13)}`;
    const clipped = clipForCell(long);
    expect(clipped.clipped).toBe(true);
    expect(clipped.text).toBe(`${'a'.repeat(49_987)}…[truncated]`);
    expect(clipped.text).toHaveLength(49_999);
    expect(toCell(long)).toBe(`'${'a'.repeat(49_987)}…[truncated]`);
  });
});

describe('reading cells', () => {
  test('isDateValue: only Dates (also from another realm) are dates', () => {
    expect(isDateValue(new Date(0))).toBe(true);
    expect(isDateValue('2024-07-30')).toBe(false);
    expect(isDateValue(45_000)).toBe(false);
    expect(isDateValue(null)).toBe(false);
  });

  test('cellText: strings as they are, numbers as digits, empty for nothing', () => {
    expect(cellText('  BN-00001 ')).toBe('  BN-00001 ');
    expect(cellText(12)).toBe('12');
    expect(cellText(true)).toBe('true');
    expect(cellText(null)).toBe('');
    expect(cellText(undefined)).toBe('');
  });

  test('cellText: a Date reads as its Tokyo day, with the time when it has one', () => {
    expect(cellText(new Date('2024-07-29T15:00:00Z'))).toBe('2024-07-30');
    expect(cellText(new Date('2024-07-30T01:05:00Z'))).toBe('2024-07-30 10:05');
    expect(cellText(new Date('2024-07-30T01:05:30Z'))).toBe('2024-07-30 10:05');
    expect(cellText(new Date(Number.NaN))).toBe('');
    // Another offset (minutes east of UTC).
    expect(cellText(new Date('2024-07-30T00:00:00Z'), 0)).toBe('2024-07-30');
    expect(cellText(new Date('2024-07-30T00:00:00Z'), 60)).toBe('2024-07-30 01:00');
  });

  test('cellBool: checkboxes and what staff type for yes', () => {
    expect(cellBool(true)).toBe(true);
    expect(cellBool(false)).toBe(false);
    expect(cellBool(1)).toBe(true);
    expect(cellBool(0)).toBe(false);
    expect(cellBool(2)).toBe(true);
    expect(cellBool(-1)).toBe(true);
    for (const yes of ['TRUE', ' yes ', 'Y', '1', 'はい', 'あり', '✓', '✔', 'x', '済']) {
      expect(cellBool(yes)).toBe(true);
    }
    for (const no of ['', 'no', 'いいえ', 'false', '0', 'maybe']) {
      expect(cellBool(no)).toBe(false);
    }
  });

  test('cellMs: Dates and numbers of ms; anything else is null', () => {
    expect(cellMs(new Date(1234))).toBe(1234);
    expect(cellMs(new Date(Number.NaN))).toBeNull();
    expect(cellMs(5678)).toBe(5678);
    expect(cellMs(Number.NaN)).toBeNull();
    expect(cellMs(Number.POSITIVE_INFINITY)).toBeNull();
    expect(cellMs('1234')).toBeNull();
    expect(cellMs('')).toBeNull();
  });

  test('cellNumber: numbers, and amounts typed with commas, yen signs and spaces', () => {
    expect(cellNumber(4000)).toBe(4000);
    expect(cellNumber(Number.NaN)).toBeNull();
    expect(cellNumber('¥4,000')).toBe(4000);
    expect(cellNumber('8,000円')).toBe(8000);
    expect(cellNumber(' 12 ')).toBe(12);
    expect(cellNumber('')).toBeNull();
    expect(cellNumber('   ')).toBeNull();
    expect(cellNumber('abc')).toBeNull();
    expect(cellNumber(null)).toBeNull();
  });
});

// The text-cell codec of the system sheets (#17, RULES R25): written plain into Plain-text
// columns, read back the same whether Sheets keeps or drops a leading apostrophe there.
import { couldBeTyped, fromCell, toCell, toTextCell } from '../../../src/adapters/tables/cells';

describe('couldBeTyped: strings Sheets could read as something other than text', () => {
  test.each([
    '00012',
    '=1+1',
    '+81 3 1234',
    '-5',
    '2024/07/30',
    '2024-07',
    '10:00',
    '50%',
    '¥4,000',
    '1e5',
    'TRUE',
    'false',
    '#N/A',
    '2024年7月30日',
    '１２',
    'Jul 30, 2024',
    "'x",
  ])('%s could be', (text) => {
    expect(couldBeTyped(text)).toBe(true);
  });

  test.each([' TRUE ', ' false', '  12 '])('%s, spaces around it, could be', (text) => {
    expect(couldBeTyped(text)).toBe(true);
  });

  test.each([
    'BN-00001',
    'a@example.org',
    'Nguyen Van A',
    '山田 太郎',
    'ACCEPTED',
    'x',
    '',
    // Words around true/false, and month or day names without a digit, are words (a name May).
    'untrue',
    'falsehood',
    'true story',
    'May',
    'Sat PM',
  ])('%s could not', (text) => {
    expect(couldBeTyped(text)).toBe(false);
  });
});

describe('toTextCell and fromCell', () => {
  test('a text column gets IDs, addresses and words plain, and number-like text with the apostrophe that keeps it text in any format; other columns: every string with it (R25)', () => {
    expect(toTextCell('BN-00001')).toBe('BN-00001');
    expect(toTextCell('a@example.org')).toBe('a@example.org');
    expect(toTextCell('Nguyen Van A')).toBe('Nguyen Van A');
    expect(toTextCell('00012')).toBe("'00012");
    expect(toTextCell('=1+1')).toBe("'=1+1");
    expect(toCell('BN-00001')).toBe("'BN-00001");
  });

  test('a value that starts with an apostrophe gets a second one', () => {
    expect(toTextCell("'x")).toBe("''x");
  });

  test('numbers, booleans, Dates and empties are written as themselves', () => {
    const d = new Date(0);
    expect([toTextCell(12), toTextCell(true), toTextCell(d), toTextCell('')]).toEqual([
      12,
      true,
      d,
      '',
    ]);
  });

  test.each([
    ["'BN-00001", 'BN-00001'],
    ["'a@example.org", 'a@example.org'],
    ["'ACCEPTED", 'ACCEPTED'],
    ["'00012", '00012'],
    ["'2024-07", '2024-07'],
    ["''x", "'x"],
    ["'x", "'x"],
    ["'Nguyen Van A", "'Nguyen Van A"],
    ['BN-00001', 'BN-00001'],
  ])('a cell holding %s reads as %s', (cell, read) => {
    expect(fromCell(cell)).toBe(read);
  });

  test.each(["'x", "'Nguyen", '00012', '=1+1', 'BN-00001', '2024/07/30'])(
    '%s round-trips through a cell that keeps the apostrophe and one that drops it',
    (value) => {
      const written = String(toTextCell(value));
      const kept = written;
      const dropped = written.startsWith("'") ? written.slice(1) : written;
      expect(fromCell(kept)).toBe(value);
      expect(fromCell(dropped)).toBe(value);
    },
  );
});

test('a value read from a cell that is not a string (a number, a boolean, a Date, nothing) is read as it is', () => {
  const d = new Date(0);
  expect([fromCell(12), fromCell(true), fromCell(d), fromCell(null), fromCell('')]).toEqual([
    12,
    true,
    d,
    null,
    '',
  ]);
});

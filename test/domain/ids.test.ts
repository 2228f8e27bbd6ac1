import { canonicalId, formatId, idSequence, nextMemberId } from '../../src/domain/ids';

describe('canonicalId (R5: IDs are read tolerantly)', () => {
  test.each([
    ['BN-00012', 'BN-00012'],
    ['BN00012', 'BN-00012'],
    ['bn 00012', 'BN-00012'],
    ['bn-00012', 'BN-00012'],
    ['ＢＮ－０００１２', 'BN-00012'],
    ['BN‐00012', 'BN-00012'], // U+2010 hyphen
    ['BN‑00012', 'BN-00012'], // U+2011 non-breaking hyphen
    ['BN‒00012', 'BN-00012'], // U+2012 figure dash
    ['BN–00012', 'BN-00012'], // U+2013 en dash
    ['BN—00012', 'BN-00012'], // U+2014 em dash
    ['BN―00012', 'BN-00012'], // U+2015 horizontal bar
    ['BNー00012', 'BN-00012'], // U+30FC prolonged sound mark (IME)
    ['BN−00012', 'BN-00012'], // U+2212 minus
    ['BNｰ00012', 'BN-00012'], // U+FF70 half-width prolonged sound mark
    ['BN-12', 'BN-00012'],
    ['  B N - 0 0 0 1 2  ', 'BN-00012'],
    ['BN\u300000012', 'BN-00012'],
    ['BN-123456', 'BN-123456'],
  ])('%p reads as %p', (raw, expected) => {
    expect(canonicalId(raw, 'BN-', 5)).toBe(expected);
  });

  test.each([
    [''],
    ['BN-'],
    ['12'],
    ['XX-00012'],
    ['BN--00012'],
    ['BN-00012a'],
    ['BN-000.12'],
    ['=BN-00012'],
  ])('%p does not read as an ID', (raw) => {
    expect(canonicalId(raw, 'BN-', 5)).toBeNull();
  });

  test('a prefix without a dash is honoured as configured', () => {
    expect(canonicalId('bn-7', 'BN', 4)).toBe('BN0007');
    expect(canonicalId('BN0007', 'BN', 4)).toBe('BN0007');
  });
});

describe('formatId (R1)', () => {
  test.each([
    [1, 'BN-00001'],
    [12, 'BN-00012'],
    [99999, 'BN-99999'],
    [100000, 'BN-100000'],
  ])('sequence %p is %p', (seq, expected) => {
    expect(formatId(seq, 'BN-', 5)).toBe(expected);
  });
});

describe('idSequence', () => {
  test.each([
    ['BN-00012', 12],
    ['BN-100000', 100000],
    ['XY-00012', null],
    ['', null],
  ])('%p has sequence %p', (id, expected) => {
    expect(idSequence(id, 'BN-')).toBe(expected);
  });
});

describe('nextMemberId (R1: derived from the stored IDs)', () => {
  test.each([
    [[], 'BN-00001'],
    [['BN-00001'], 'BN-00002'],
    [['BN-00003', 'BN-00001'], 'BN-00004'],
    [['BN-00002', 'XY-00099', '', 'junk'], 'BN-00003'],
    [['BN-99999'], 'BN-100000'],
  ])('after %p comes %p', (existing, expected) => {
    expect(nextMemberId(existing, 'BN-', 5)).toBe(expected);
  });

  test('a gap is not filled: IDs are never reused', () => {
    expect(nextMemberId(new Set(['BN-00001', 'BN-00005']), 'BN-', 5)).toBe('BN-00006');
  });
});

describe('IDs with other prefixes (mutation testing)', () => {
  test('a prefix with regular-expression characters is matched literally', () => {
    expect(idSequence('B.N-00012', 'B.N-')).toBe(12);
    expect(idSequence('BXN-00012', 'B.N-')).toBeNull();
  });

  test('a prefix ending in several dashes, or with a dash inside, reads its own IDs', () => {
    expect(idSequence('BN-00012', 'BN---')).toBe(12);
    expect(idSequence('B-N-00012', 'B-N-')).toBe(12);
  });

  test('the next ID follows the highest, whatever the order of the stored IDs', () => {
    expect(nextMemberId(['BN-00005', 'BN-00002', 'x', 'BN-00003'], 'BN-', 5)).toBe('BN-00006');
  });
});

describe('IDs: the less common dashes and the edges of the canonical form', () => {
  test.each([
    ['BN⁃00012', 'BN-00012'], // U+2043 hyphen bullet
    ['BN﹘00012', 'BN-00012'], // U+FE58 small em dash
    ['BN﹣00012', 'BN-00012'], // U+FE63 small hyphen-minus
    ['BN˗00012', 'BN-00012'], // U+02D7 modifier letter minus sign
  ])('%p reads as %p', (raw, expected) => {
    expect(canonicalId(raw, 'BN-', 5)).toBe(expected);
  });

  test.each([['BN-0001a'], ['BN-a0001'], ['bn-00012x']])(
    '%p, as long as a canonical ID but not prefix + digits, does not read as an ID',
    (raw) => {
      expect(canonicalId(raw, 'BN-', 5)).toBeNull();
    },
  );

  test('a sequence of up to 15 digits reads; 16 digits do not', () => {
    expect(idSequence('BN-123456789012345', 'BN-')).toBe(123456789012345);
    expect(idSequence('BN-1234567890123456', 'BN-')).toBeNull();
  });

  test('the prefix must start the ID: nothing may come before it', () => {
    expect(idSequence('XBN-00012', 'BN-')).toBeNull();
    expect(canonicalId('XBN-00012', 'BN-', 5)).toBeNull();
  });

  test('a prefix with other regular-expression characters is matched literally', () => {
    for (const prefix of [
      'B*N-',
      'B+N-',
      'B?N-',
      'B^N-',
      'B$N-',
      'B{1}N-',
      'B(N)-',
      'B|N-',
      'B[N]-',
      'B\\N-',
    ])
      expect(idSequence(`${prefix}00012`, prefix)).toBe(12);
    expect(idSequence('BBN-00012', 'B+N-')).toBeNull();
    expect(idSequence('N-00012', 'B?N-')).toBeNull();
    expect(idSequence('B-00012', 'B|N-')).toBeNull();
  });
});

describe('IDs are compared in upper case', () => {
  test('a dotless ı typed on a Turkish keyboard reads as I (upper case of ı is I)', () => {
    // 'ı'.toUpperCase() is 'I', while 'I'.toLowerCase() is 'i', not 'ı': only the upper-case
    // comparison reads 'bı-00012' as an ID of the prefix 'BI-'.
    expect(idSequence('bı-00012', 'BI-')).toBe(12);
    expect(canonicalId('bı 12', 'BI-', 5)).toBe('BI-00012');
  });
});

describe('a prefix ending in several dashes reads its own IDs (R1: never reuse an ID)', () => {
  test("the prefix 'BN--' reads 'BN--00012' and, tolerantly, 'BN-00012' and 'BN00012'", () => {
    expect(idSequence('BN--00012', 'BN--')).toBe(12);
    expect(idSequence('bn－－12', 'BN--')).toBe(12);
    expect(idSequence('BN-00012', 'BN--')).toBe(12);
    expect(idSequence('BN00012', 'BN--')).toBe(12);
    expect(idSequence('BN---00012', 'BN--')).toBeNull();
  });

  test("with the prefix 'BN--' the next ID follows the highest stored one", () => {
    expect(nextMemberId(['BN--00001', 'BN--00002'], 'BN--', 5)).toBe('BN--00003');
    expect(canonicalId('bn--7', 'BN--', 5)).toBe('BN--00007');
  });

  test("the prefix 'BN-' still refuses two dashes", () => {
    expect(idSequence('BN--00012', 'BN-')).toBeNull();
    expect(idSequence('BN--00012', 'BN')).toBeNull();
  });
});

describe('a prefix of digits', () => {
  test("with the prefix '26' an ID must start with it: 'XY00026' is not an ID, '2600012' is", () => {
    expect(canonicalId('XY00026', '26', 5)).toBeNull();
    expect(canonicalId('2600012', '26', 5)).toBe('2600012');
  });
});

// The lookups' search patterns (src/adapters/tables/patterns.ts), matched as TextFinder matches
// them: the whole cell, case-insensitively (Apps Script TextFinder matchEntireCell,
// useRegularExpression). Expected matches are written by hand from R1 and R5.
import { email, memberId, memberIdAbove, numberAbove } from '../../../src/adapters/tables/patterns';

const whole = (pattern: string) => new RegExp(`^(?:${pattern})$`, 'i');

describe('a run of digits above a number (the IDs handed out after the highest known, R1)', () => {
  test.each([0, 1, 8, 9, 10, 19, 99, 100, 109, 199, 250, 999, 1000, 1234, 9999])(
    'above %i: every number from 0 to 12,000 matches exactly when it is greater, leading zeros allowed',
    (n) => {
      const re = whole(numberAbove(n));
      const wrong: number[] = [];
      for (let v = 0; v <= 12_000; v++) {
        if (re.test(String(v)) !== v > n) wrong.push(v);
        if (re.test(String(v).padStart(5, '0')) !== v > n) wrong.push(-v);
      }
      expect(wrong).toEqual([]);
    },
  );
});

describe('a Bansou Net ID as staff may type it (R5)', () => {
  const re = whole(memberId('BN-00012', 'BN-'));
  test.each([
    'BN-00012',
    'bn-00012',
    'BN-12',
    'BN12',
    'BN 00012',
    ' BN-00012 ',
    'ＢＮ－００００１２',
    'BN‐00012',
    'BNー12',
    'B N - 0 0 0 1 2',
  ])('%s is BN-00012', (typed) => {
    expect(re.test(typed)).toBe(true);
  });
  test.each(['BN-00112', 'BN-00120', 'BN-00013', 'BN-00001', 'XN-00012', 'BN-000012x', ''])(
    '%s is not BN-00012',
    (typed) => {
      expect(re.test(typed)).toBe(false);
    },
  );
  test('IDs above BN-00099: BN-00100 and bn-1000 are, BN-00099 and BN-00009 are not', () => {
    const above = whole(memberIdAbove(99, 'BN-'));
    expect(['BN-00100', 'bn-1000', 'BN 00250'].map((t) => above.test(t))).toEqual([
      true,
      true,
      true,
    ]);
    expect(['BN-00099', 'BN-00009', 'BN-0'].map((t) => above.test(t))).toEqual([
      false,
      false,
      false,
    ]);
  });
});

describe('an email address as typed (R2: trimmed, any case, full-width folded)', () => {
  test('the address in any case, full-width or with spaces around it matches; another does not', () => {
    const re = whole(email('Aiko@Example.org')!);
    expect(
      ['aiko@example.org', ' AIKO@EXAMPLE.ORG ', 'ａｉｋｏ＠ｅｘａｍｐｌｅ．ｏｒｇ'].map((t) =>
        re.test(t),
      ),
    ).toEqual([true, true, true]);
    expect(
      ['aiko@example.org.jp', 'xaiko@example.org', 'aiko@exampleXorg'].map((t) => re.test(t)),
    ).toEqual([false, false, false]);
  });
  test('an address with characters beyond ASCII has no pattern (the column is read instead)', () => {
    expect(email('愛子@example.org')).toBeNull();
  });
});

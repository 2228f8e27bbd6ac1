// The lookups' search patterns (src/adapters/tables/patterns.ts), matched as TextFinder matches
// them: the whole cell, case-insensitively (Apps Script TextFinder matchEntireCell,
// useRegularExpression). Expected matches are written by hand from R1 and R5.
import {
  email,
  exactly,
  memberId,
  memberIdAbove,
  numberAbove,
  oneOf,
} from '../../../src/adapters/tables/patterns';

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
  // The pattern is made inside each test (not when the file loads): mutation testing sees it.
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
    expect(whole(memberId('BN-00012', 'BN-')).test(typed)).toBe(true);
  });
  test.each(['BN-00112', 'BN-00120', 'BN-00013', 'BN-00001', 'XN-00012', 'BN-000012x', ''])(
    '%s is not BN-00012',
    (typed) => {
      expect(whole(memberId('BN-00012', 'BN-')).test(typed)).toBe(false);
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

describe('an ID with zeros inside its number (R1: BN-10200 is the 10,200th)', () => {
  test('BN-10200 is found as typed, and BN-1200 or BN-10020 are not it', () => {
    const re = whole(memberId('BN-10200', 'BN-'));
    expect(['BN-10200', 'bn 10200', 'BN-010200'].map((t) => re.test(t))).toEqual([
      true,
      true,
      true,
    ]);
    expect(['BN-1200', 'BN-10020', 'BN-102'].map((t) => re.test(t))).toEqual([false, false, false]);
  });
});

describe('an ID prefix of another shape (the Settings "ID prefix" is free text, R1)', () => {
  test('a prefix of two parts (KY-BN-): its inner dash may be any dash, the last one may be left out', () => {
    const re = whole(memberId('KY-BN-00012', 'KY-BN-'));
    expect(
      ['KY-BN-00012', 'ky‐bn‐12', 'KYーBN12', 'ＫＹ－ＢＮ－１２'].map((t) => re.test(t)),
    ).toEqual([true, true, true, true]);
    expect(['KYBN-00012', 'KY BN 12', 'KY-BN-00013'].map((t) => re.test(t))).toEqual([
      false,
      false,
      false,
    ]);
  });
  test('IDs above KY-BN-00009: KY-BN-00010 and ky‐bn‐10 are, KY-BN-00009 and KYBN-00010 are not', () => {
    const above = whole(memberIdAbove(9, 'KY-BN-'));
    expect(['KY-BN-00010', 'ky‐bn‐10', 'KYーBN-123'].map((t) => above.test(t))).toEqual([
      true,
      true,
      true,
    ]);
    expect(['KY-BN-00009', 'KYBN-00010'].map((t) => above.test(t))).toEqual([false, false]);
  });
  test('a prefix typed with a doubled dash (BN--): IDs typed with one dash or none are its IDs', () => {
    const re = whole(memberId('BN--00012', 'BN--'));
    expect(['BN-00012', 'BN12', 'bn－12'].map((t) => re.test(t))).toEqual([true, true, true]);
    const above = whole(memberIdAbove(9, 'BN--'));
    expect(['BN10', 'BN-10', 'BN-00009'].map((t) => above.test(t))).toEqual([true, true, false]);
  });
  test('a prefix with a space (B N-): the space may be typed or left out; no other character stands for it', () => {
    const re = whole(memberId('B N-00012', 'B N-'));
    expect(['B N-00012', 'BN-12', 'b　n－12'].map((t) => re.test(t))).toEqual([true, true, true]);
    expect(['B\uFF00N-00012', 'BxN-00012'].map((t) => re.test(t))).toEqual([false, false]);
  });
  test('a control character pasted into the prefix stands for itself only (no full-width form)', () => {
    // ids.ts keeps such a character (NFKC and squashing leave it): B<U+0001>N-12 is that ID.
    const re = whole(memberId('B\u0001N-00012', 'B\u0001N-'));
    expect(re.test('B\u0001N-12')).toBe(true);
    // U+FEE1 is U+0001 moved by the full-width offset, as a printable character would be.
    expect(re.test('B\uFEE1N-12')).toBe(false);
  });
  test('a prefix typed full-width in the Settings (ＢＮ－) is the prefix BN-, as ids.ts reads it', () => {
    const re = whole(memberId('ＢＮ－00012', 'ＢＮ－'));
    expect(['BN-00012', 'bn12', 'ＢＮ－１２'].map((t) => re.test(t))).toEqual([true, true, true]);
    const above = whole(memberIdAbove(9, 'ＢＮ－'));
    expect(['BN-00010', 'BN-00009'].map((t) => above.test(t))).toEqual([true, false]);
  });
  test('a prefix with a long-vowel mark for its inner dash (KYーBN-): any dash may be typed there', () => {
    const re = whole(memberId('KYーBN-00012', 'KYーBN-'));
    expect(['KY-BN-00012', 'KYーBN12', 'ky－bn－12'].map((t) => re.test(t))).toEqual([
      true,
      true,
      true,
    ]);
  });
  test('a prefix in kanji (伴走-) stands for its own characters only', () => {
    const re = whole(memberId('伴走-00012', '伴走-'));
    expect(['伴走-00012', '伴走ー12', ' 伴 走 12 '].map((t) => re.test(t))).toEqual([
      true,
      true,
      true,
    ]);
    expect(['伴歩-00012', '且走-00012', '伴-00012'].map((t) => re.test(t))).toEqual([
      false,
      false,
      false,
    ]);
  });
});

describe('keys the system writes (response IDs, recipient keys: R4, R13)', () => {
  test('a key matches itself, the case aside; its dot and plus are a dot and a plus', () => {
    const re = whole(exactly('2_AB.c+d'));
    expect(['2_AB.c+d', '2_ab.C+D'].map((t) => re.test(t))).toEqual([true, true]);
    expect(['2_ABxc+d', '2_AB.cd', '2_AB.c+dd', '2_AB.c++d'].map((t) => re.test(t))).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
  test('a recipient key with a birth year matches itself and not a longer year', () => {
    const re = whole(exactly('タナカ ハナコ#1950'));
    expect(re.test('タナカ ハナコ#1950')).toBe(true);
    expect(re.test('タナカ ハナコ#19501')).toBe(false);
  });
  test('a response ID is one of the IDs a Members cell lists, separated by spaces or commas', () => {
    const re = whole(oneOf('2_ABaOnud2'));
    expect(
      [
        '2_ABaOnud2',
        '2_ABaOnud1 2_ABaOnud2',
        '2_ABaOnud1, 2_ABaOnud2',
        '2_ABaOnud2,2_ABaOnud3',
      ].map((t) => re.test(t)),
    ).toEqual([true, true, true, true]);
    expect(
      ['2_ABaOnud22', '2_ABaOnud1 2_ABaOnud22', 'x2_ABaOnud2', '2_ABaOnud1 x2_ABaOnud2 y'].map(
        (t) => re.test(t),
      ),
    ).toEqual([false, false, false, false]);
  });
  test('a response ID with a dot is matched as written in a list', () => {
    const re = whole(oneOf('r.2'));
    expect(['r.1 r.2', 'r.2'].map((t) => re.test(t))).toEqual([true, true]);
    expect(['r.1 rx2', 'rx2'].map((t) => re.test(t))).toEqual([false, false]);
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
  test('an address given with spaces around it is the address (R2 compares trimmed)', () => {
    const re = whole(email(' Aiko@Example.org ')!);
    expect(['aiko@example.org', 'AIKO@EXAMPLE.ORG'].map((t) => re.test(t))).toEqual([true, true]);
  });
  test('a hyphen and a tilde in an address match as typed, full-width too', () => {
    const re = whole(email('aiko-t~x@example.org')!);
    expect(
      [
        'AIKO-T~X@EXAMPLE.ORG',
        'ａｉｋｏ－ｔ～ｘ＠ｅｘａｍｐｌｅ．ｏｒｇ',
        ' aiko-t~x@example.org',
      ].map((t) => re.test(t)),
    ).toEqual([true, true, true]);
    expect(['aikoxt~x@example.org', 'aiko-tx@example.org'].map((t) => re.test(t))).toEqual([
      false,
      false,
    ]);
  });
  test("an address with '!' (allowed before the @) matches it full-width too", () => {
    const re = whole(email('aiko!t@example.org')!);
    expect(
      ['AIKO!T@EXAMPLE.ORG', 'ａｉｋｏ！ｔ＠ｅｘａｍｐｌｅ．ｏｒｇ'].map((t) => re.test(t)),
    ).toEqual([true, true]);
  });
  test('another address of the same length is not this one', () => {
    const re = whole(email('aiko@example.org')!);
    expect(
      ['aika@example.org', 'siko@example.org', 'aiko@exampse.org'].map((t) => re.test(t)),
    ).toEqual([false, false, false]);
  });
  test('an address with a character beyond ASCII after its start, or a dotless ı, has no pattern', () => {
    expect(email('aiko@exámple.org')).toBeNull();
    expect(email('aıko@example.org')).toBeNull();
  });
});

// Review: ids.ts reads a prefix ending in two dashes with up to two dashes before the number
// (its own IDs, 'BN--00001', R1); the lookups must find those IDs too (R5).
describe('a prefix ending in two dashes (BN--)', () => {
  test('a member BN--00012 is found as the system writes it and as staff type it', () => {
    const p = whole(memberId('BN--00012', 'BN--'));
    for (const typed of ['BN--00012', 'bn--12', 'BN-00012', 'BN00012', 'ＢＮ－－００１２'])
      expect([typed, p.test(typed)]).toEqual([typed, true]);
    expect(p.test('BN---00012')).toBe(false);
    expect(p.test('BN--00013')).toBe(false);
  });

  test('an ID above the highest known, BN--00012 above 11, is found', () => {
    const p = whole(memberIdAbove(11, 'BN--'));
    expect(p.test('BN--00012')).toBe(true);
    expect(p.test('BN--00011')).toBe(false);
  });
});

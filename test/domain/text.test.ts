import {
  cellText,
  hiraganaToKatakana,
  isBlank,
  isDateValue,
  isNoneAnswer,
  nfkc,
  normalizeEmail,
  normalizeLabel,
  readBirthYear,
  recipientKey,
} from '../../src/domain/text';

describe('nfkc', () => {
  test.each([
    ['ＢＮ－０００１２', 'BN-00012'],
    ['ｸﾞｴﾝ', 'グエン'],
    ['a\u3000b', 'a b'],
  ])('folds full-width and half-width forms: %s → %s', (raw, expected) => {
    expect(nfkc(raw)).toBe(expected);
  });
});

describe('normalizeEmail', () => {
  test.each([
    ['  Member1@Example.ORG ', 'member1@example.org'],
    ['ＭＥＭＢＥＲ１＠ｅｘａｍｐｌｅ．ｏｒｇ', 'member1@example.org'],
    ['', ''],
  ])('trims, folds width and lower-cases %p', (raw, expected) => {
    expect(normalizeEmail(raw)).toBe(expected);
  });
});

describe('hiraganaToKatakana', () => {
  test.each([
    ['ぐえん ばん あ', 'グエン バン ア'],
    ['やまだ たろう', 'ヤマダ タロウ'],
    ['ゝゞ', 'ヽヾ'],
    ['カタカナ and latin', 'カタカナ and latin'],
  ])('%s → %s', (raw, expected) => {
    expect(hiraganaToKatakana(raw)).toBe(expected);
  });
});

describe('isBlank', () => {
  test.each([
    ['', true],
    ['   ', true],
    ['\u3000', true],
    ['\t\n', true],
    ['a', false],
    [' 0 ', false],
  ])('%p is blank: %p', (raw, expected) => {
    expect(isBlank(raw)).toBe(expected);
  });
  test('null and undefined are blank', () => {
    expect(isBlank(null)).toBe(true);
    expect(isBlank(undefined)).toBe(true);
  });
});

describe('readBirthYear', () => {
  test.each([
    ['1985', 1985],
    ['１９８５', 1985],
    ['1985年', 1985],
    [' 1985 ', 1985],
    ['', null],
    ['85', null],
    ['1985/1986', null],
    ['unknown', null],
  ])('%p reads as %p', (raw, expected) => {
    expect(readBirthYear(raw)).toBe(expected);
  });
});

describe('recipientKey (R13)', () => {
  const base = recipientKey('Nguyen Van A', '1985');

  test.each([
    ['Nguyen Van A', '1985'],
    ['NGUYEN  van a', '1985'],
    ['Ｖａｎ Ａ Nguyen', '1985'],
    ['nguyen, van a.', '１９８５'],
    [' A  Van\u3000NGUYEN ', '1985年'],
  ])('%p born %p is the same person as "Nguyen Van A" born 1985', (name, year) => {
    expect(recipientKey(name, year)).toBe(base);
  });

  test('the key is the sorted, folded tokens plus the year', () => {
    expect(base).toBe('a nguyen van#1985');
  });

  test.each([
    ['Nguyen Van A', '1990'],
    ['Nguyen Van A', ''],
    ['Nguyen Van B', '1985'],
  ])('%p born %p is another person', (name, year) => {
    expect(recipientKey(name, year)).not.toBe(base);
  });

  test('hiragana and katakana spellings are the same person', () => {
    expect(recipientKey('ぐえん・ばん・あ', '')).toBe(recipientKey('グエン バン ア', ''));
    expect(recipientKey('ｸﾞｴﾝ ﾊﾞﾝ ｱ', '')).toBe(recipientKey('グエン バン ア', ''));
  });

  test('the prolonged sound mark is part of the name, not punctuation', () => {
    expect(recipientKey('マリー', '')).toBe('マリー');
    expect(recipientKey('マリー', '')).not.toBe(recipientKey('マリ', ''));
  });

  test("an apostrophe joins the parts of one word (O'Brien = OBrien)", () => {
    expect(recipientKey("Sean O'Brien", '')).toBe(recipientKey('sean obrien', ''));
  });

  test.each([
    ['', '1985'],
    ['   ', ''],
    ['・。、', ''],
  ])('an empty name %p gives an empty key', (name, year) => {
    expect(recipientKey(name, year)).toBe('');
  });
});

// Mutation testing (#16 item 5, docs/mutation/text.md): what a cell holds, read back as text.
// Expected texts written by hand: Tokyo is UTC+9 (appsscript.json), a day without a time of day
// reads as the day alone (RULES R25: answers and dates as staff typed them).
describe('cellText: a cell read back as text', () => {
  test('an empty cell, or a missing answer, reads as empty text, never "null" or "undefined"', () => {
    expect(cellText(null)).toBe('');
    expect(cellText(undefined)).toBe('');
    expect(nfkc(undefined as unknown as string)).toBe('');
    expect(nfkc(null as unknown as string)).toBe('');
    expect(hiraganaToKatakana(undefined as unknown as string)).toBe('');
  });

  test('a date and time cell reads as its Tokyo day and time, 2024-07-30 14:03', () => {
    expect(cellText(new Date('2024-07-30T05:03:12Z'))).toBe('2024-07-30 14:03');
  });

  test('a date cell at Tokyo midnight reads as the day alone, 2024-07-30', () => {
    expect(cellText(new Date('2024-07-29T15:00:00Z'))).toBe('2024-07-30');
  });

  test('text stays as typed, numbers as their digits', () => {
    expect(cellText(' BN-00012 ')).toBe(' BN-00012 ');
    expect(cellText(12)).toBe('12');
  });

  test('an object that only claims to be a Date (its tag, no getTime) reads as its text, no error', () => {
    const fake = { [Symbol.toStringTag]: 'Date' };
    expect(isDateValue(fake)).toBe(false);
    expect(cellText(fake)).toBe('[object Date]');
    expect(isDateValue(new Date('2024-07-30T05:03:12Z'))).toBe(true);
  });
});

describe('normalizeLabel (sheet headers R24, form question titles)', () => {
  test.each([
    ['Ｆｕｌｌ　　NAME ', 'full name'], // full-width letters and spaces, runs of spaces, case
    ['  Support date / 支援日\n', 'support date / 支援日'],
    ['', ''],
  ])('%j reads as %j', (text, label) => {
    expect(normalizeLabel(text)).toBe(label);
  });
  test('a non-string cell reads as its text; null as empty', () => {
    expect(normalizeLabel(2024)).toBe('2024');
    expect(normalizeLabel(null)).toBe('');
  });
});

describe('isNoneAnswer: what people type into a required question that has nothing for them', () => {
  test.each([
    ['', true],
    ['なし', true],
    ['無し', true],
    ['いません', true],
    ['None', true],
    ['N/A', true],
    ['-', true],
    ['ー', true],
    ['—', true],
    ['BN-00002', false],
    ['bn 2', false],
    ['山田', false],
  ])('%j says none: %s', (answer, expected) => {
    expect(isNoneAnswer(answer)).toBe(expected);
  });
});

// The TextFinder's index (local/runtime/spreadsheet/cell-index.ts, regex-keys.ts): a search
// finds exactly the cells it found when it formatted and tested every cell ("Class TextFinder",
// https://developers.google.com/apps-script/reference/spreadsheet/text-finder: cells are
// searched by the text they display), after writes, moved rows, new formats and formulas
// whose inputs changed. The index only chooses which cells the pattern is tested on.

import { seededRandom } from '../../local/random';
import { RuntimeContext } from '../../local/runtime/context';
import {
  type LocalSheet,
  type LocalSpreadsheet,
  SpreadsheetService,
} from '../../local/runtime/spreadsheet';
import { keysOfText, shapeOf } from '../../local/runtime/spreadsheet/cell-index';
import { keyPlan, shapeKey, textKey, tokenKeys } from '../../local/runtime/spreadsheet/regex-keys';
import {
  literalMatch,
  literalOf,
  splitAlternatives,
} from '../../local/runtime/spreadsheet/text-finder';

let ss: LocalSpreadsheet;
let sheet: LocalSheet;

beforeEach(() => {
  const ctx = new RuntimeContext({ now: Date.UTC(2024, 6, 30), timeZone: 'Asia/Tokyo' });
  const app = new SpreadsheetService(ctx);
  ss = app.createSpreadsheet('Bansou Net');
  app.setContainer(ss);
  sheet = ss.getSheets()[0];
  sheet.setName('Members');
});

const where = (ranges: { getSheet(): LocalSheet; getA1Notation(): string }[]) =>
  ranges.map((r) => `${r.getSheet().localName()}!${r.getA1Notation()}`);

const find = (pattern: string) =>
  where(ss.createTextFinder(pattern).useRegularExpression(true).findAll());

// A member ID as staff may type it: any width, spaces, a dash or none, leading zeros or none.
const BN12 =
  "^'?[\\s\u3000]*[BbＢｂ][\\s\u3000]*[NnＮｎ][\\s\u3000]*[-－ー]?[\\s\u3000]*(?:[0０][\\s\u3000]*)*[1１][\\s\u3000]*[2２][\\s\u3000]*$";

describe('TextFinder index: the same cells as a search of every cell', () => {
  test('a member ID is found in every form staff type it, and not where it is part of a longer ID', () => {
    sheet
      .getRange(1, 1, 7, 1)
      .setValues([
        ['BN-00012'],
        ['ｂｎ－０００１２'],
        [' bn 12 '],
        ["'BN-0012"],
        ['BN-00120'],
        ['BN-00112'],
        ['BN-12X'],
      ]);
    expect(find(BN12)).toEqual(['Members!A1', 'Members!A2', 'Members!A3', 'Members!A4']);
  });

  test('an alternative of a search answers each text its cells show: many cells with one text, then another text with the same key', () => {
    // As searchTables writes a search (alternatives in one group): each alternative's RegExp is
    // tested on the cells of its keys, which mostly show one text (a member's ID in each of their
    // rows); 'BN_12' has the key of BN-12 but is not matched (no underscore between the parts).
    const body = BN12.slice("^'?".length, -1);
    const pattern = `^'?(?:${body}|zzz-none)$`;
    sheet
      .getRange(1, 1, 6, 1)
      .setValues([['BN-12'], ['BN-12'], ['BN_12'], ['BN-12'], ['bn 12'], ['BN_12']]);
    expect(find(pattern)).toEqual(['Members!A1', 'Members!A2', 'Members!A4', 'Members!A5']);
    // Again, with the cells changed: the same alternative, kept from the first search.
    sheet.getRange('A1').setValue('BN_12');
    sheet.getRange('A3').setValue('BN-12');
    expect(find(pattern)).toEqual(['Members!A2', 'Members!A3', 'Members!A4', 'Members!A5']);
  });

  test('a cell written after a search is found by the next search; a cell overwritten is not', () => {
    sheet.getRange(1, 1, 2, 2).setValues([
      ['BN-00012', 'x'],
      ['BN-00013', 'y'],
    ]);
    expect(find(BN12)).toEqual(['Members!A1']);
    sheet.getRange('A1').setValue('BN-00014');
    sheet.getRange('B2').setValue('bn-12');
    expect(find(BN12)).toEqual(['Members!B2']);
    sheet.getRange('B2').clearContent();
    expect(find(BN12)).toEqual([]);
  });

  test('a text shown by several cells stays found while one of them shows it; a key keeps its other texts when one goes', () => {
    // The index files each distinct text once (its cells under it): the text's keys go only
    // with its last cell, and a key's other texts (another way of typing the ID) stay.
    sheet.getRange(1, 1, 5, 2).setValues([
      ['BN-00012', 'ｂｎ－１２'],
      ['BN-00012', 'bn 12, BN-7'],
      ['x', 'BN-00012'],
      ['BN-0012', 'y'],
      ['bn 12', 'BN-00012'],
    ]);
    const list = "^'?(?:[\\s\\S]*[\\s,])?BN-7(?:[\\s,][\\s\\S]*)?$";
    expect(find(BN12)).toEqual([
      'Members!A1',
      'Members!B1',
      'Members!A2',
      'Members!B3',
      'Members!A4',
      'Members!A5',
      'Members!B5',
    ]);
    expect(find(list)).toEqual(['Members!B2']);
    sheet.getRange('A1').clearContent();
    sheet.getRange('B3').setValue('z');
    sheet.getRange('A4').clearContent();
    expect(find(BN12)).toEqual(['Members!B1', 'Members!A2', 'Members!A5', 'Members!B5']);
    sheet.getRange('A2').setValue('BN-00013');
    sheet.getRange('B5').clearContent();
    sheet.getRange('B1').setValue('bn 12, BN-7');
    expect(find(BN12)).toEqual(['Members!A5']);
    expect(find(list)).toEqual(['Members!B1', 'Members!B2']);
    sheet.getRange('B2').clearContent();
    expect(find(list)).toEqual(['Members!B1']);
    sheet.getRange('A5').clearContent();
    sheet.getRange('B1').clearContent();
    expect(find(BN12)).toEqual([]);
    expect(find(list)).toEqual([]);
  });

  test("a range's search of several alternatives finds only the range's cells showing a text found", () => {
    // The cells are found by the text they show: each text found brings those of its cells that
    // lie in the range searched (Range.createTextFinder), not the others of the sheet.
    sheet.getRange(1, 1, 4, 3).setValues([
      ['BN-00012', 'BN-00012', 'x'],
      ['BN-00013', 'BN-00012', 'BN-00012'],
      ['BN-00012', 'y', 'BN-00013'],
      ['BN-00012', 'BN-00013', 'z'],
    ]);
    const body = BN12.slice("^'?".length, -1);
    const finder = sheet
      .getRange('B2:C3')
      .createTextFinder(`^'?(?:${body}|BN-00013)$`)
      .useRegularExpression(true);
    expect(where(finder.findAll())).toEqual(['Members!B2', 'Members!C2', 'Members!C3']);
  });

  test('rows inserted and deleted above move the cells found', () => {
    sheet.getRange(1, 1, 3, 1).setValues([['a'], ['BN-00012'], ['b']]);
    expect(find(BN12)).toEqual(['Members!A2']);
    sheet.insertRowsBefore(1, 2);
    expect(find(BN12)).toEqual(['Members!A4']);
    sheet.deleteRows(1, 3);
    expect(find(BN12)).toEqual(['Members!A1']);
  });

  test('rows inserted after the data, where only formats are, move nothing found; rows inserted within it do', () => {
    sheet.getRange('A1:A20').setNumberFormat('"BN-"00000');
    sheet.getRange(1, 1, 3, 1).setValues([[11], [12], [13]]);
    expect(find(BN12)).toEqual(['Members!A2']);
    sheet.insertRowsAfter(3, 5);
    sheet.getRange('A4').setValue('bn-12');
    expect(find(BN12)).toEqual(['Members!A2', 'Members!A4']);
    sheet.insertRowsBefore(2, 1);
    expect(find(BN12)).toEqual(['Members!A3', 'Members!A5']);
  });

  test('a number is found by the text its format displays, again after the format changes', () => {
    sheet.getRange('A1').setValue(12);
    sheet.getRange('A1').setNumberFormat('"BN-"00000');
    expect(find(BN12)).toEqual(['Members!A1']);
    sheet.getRange('A1').setNumberFormat('0.00');
    expect(find(BN12)).toEqual([]);
    expect(find('^12\\.00$')).toEqual(['Members!A1']);
  });

  test('a formula is found by the value it shows now, after a cell it reads changes', () => {
    sheet.getRange('A1').setValue(11);
    sheet.getRange('B1').setFormula('="BN-"&(A1+0)');
    expect(find(BN12)).toEqual([]);
    sheet.getRange('A1').setValue(12);
    expect(find(BN12)).toEqual(['Members!B1']);
  });

  test('an entry of a list written with spaces or commas is found, only as a whole entry', () => {
    sheet
      .getRange(1, 1, 4, 1)
      .setValues([['2_abc 2_def,2_ghi'], ['2_def'], ['x2_def'], ['2_de f']]);
    const entry = "^'?(?:[\\s\\S]*[\\s,])?2_DEF(?:[\\s,][\\s\\S]*)?$";
    expect(find(entry)).toEqual(['Members!A1', 'Members!A2']);
    sheet.getRange('A1').setValue('2_abc');
    expect(find(entry)).toEqual(['Members!A2']);
  });

  test('a name in kanji is found by its own characters, not among every other Japanese text', () => {
    sheet.getRange(1, 1, 4, 1).setValues([['恵 田中'], ['田中 恵'], ['恵　田中'], ['伴走']]);
    expect(find("^'?(?:恵 田中|x)$")).toEqual(['Members!A1']);
    expect(find('^恵[\\s\u3000]田中$')).toEqual(['Members!A1', 'Members!A3']);
    expect(find('^[恵伴][走 ]')).toEqual(['Members!A1', 'Members!A4']);
  });

  test('IDs above a number are found by their value, however many digits they have', () => {
    sheet
      .getRange(1, 1, 8, 1)
      .setValues([
        ['BN-1234'],
        ['BN-1235'],
        ['BN-0999'],
        ['BN-9999'],
        ['BN-10000'],
        ['BN-2000'],
        ['bn-01300'],
        ['BN-1234 x'],
      ]);
    const above1234 = '^BN-0*(?:[1-9]\\d{4,}|[2-9]\\d{3}|1[3-9]\\d{2}|12[4-9]\\d|123[5-9])$';
    expect(find(above1234)).toEqual([
      'Members!A2',
      'Members!A4',
      'Members!A5',
      'Members!A6',
      'Members!A7',
    ]);
    sheet.getRange('B1').setValue('BN-1234567');
    expect(find(above1234)).toContain('Members!B1');
  });

  test('every sheet is searched in tab order, each by its own index', () => {
    sheet.getRange('B2').setValue('BN-12');
    const ledger = ss.insertSheet('Ledger');
    ledger.getRange('A1').setValue('bn00012');
    expect(find(BN12)).toEqual(['Members!B2', 'Ledger!A1']);
    expect(where(ledger.createTextFinder(BN12).useRegularExpression(true).findAll())).toEqual([
      'Ledger!A1',
    ]);
  });

  test('a search of several lookups at once finds each on every sheet that holds it, as the sheets change', () => {
    const ledger = ss.insertSheet('Ledger');
    const log = ss.insertSheet('Log');
    sheet.getRange(1, 1, 2, 1).setValues([['2_abc, 2_def'], ['BN-12']]);
    ledger.getRange(1, 1, 2, 2).setValues([
      ['x', '2_def'],
      ['ｂｎ１２', 'y'],
    ]);
    log.getRange('A1').setValue('seen 2_DEF today');
    // As searchTables combines them: an entry of a list, a whole key, a member ID.
    const combined = `^'?(?:(?:[\\s\\S]*[\\s,])?2_def(?:[\\s,][\\s\\S]*)?|2_zzz|${BN12.slice(3, -1)})$`;
    expect(find(combined)).toEqual([
      'Members!A1',
      'Members!A2',
      'Ledger!B1',
      'Ledger!A2',
      'Log!A1',
    ]);
    ledger.getRange('B1').setValue('2_zzz');
    log.getRange('A1').clearContent();
    log.getRange('B3').setValue('2_zzz');
    sheet.getRange('A1').setValue('2_abc');
    expect(find(combined)).toEqual(['Members!A2', 'Ledger!B1', 'Ledger!A2', 'Log!B3']);
  });
});

describe('keys of cell texts', () => {
  test('letters and digits in either width and case give one key; leading zeros and other characters are dropped', () => {
    expect(textKey('ＢＮ－０００１２')).toBe('bn12');
    expect(textKey("'BN-00012")).toBe('bn12');
    // Zeros lead a run of digits of the key, not of the text: 2024/07/30 is one run.
    expect(textKey('2024/07/30')).toBe('20240730');
    expect(textKey('BN 007 x 0012')).toBe('bn7x12');
    expect(textKey('0')).toBe('0');
    expect(textKey('伴走 ネット')).toBe('伴走ネット');
    expect(textKey('・（）ー')).toBe('');
  });

  test("a text's keys kept from its earlier cells are the keys worked out anew, however many texts came between", () => {
    // keysOfText keeps the keys of texts seen lately (two generations of 50,000): seen again
    // now, after 60,000 and after 130,000 other texts (the first ones out of both generations).
    const texts = [
      'BN-00012',
      'ｂｎ－１２, BN-7',
      'maria reyes',
      '2024/07/30 19:00:05',
      '伴走 ネット 3',
    ];
    for (let i = 0; i < 130_000; i++) texts.push(i % 3 === 0 ? `x${i} y, ${i}z` : `BN-${i}`);
    const anew = (text: string) => {
      const key = textKey(text);
      const digits = /[0-9]/.test(key);
      const parts = tokenKeys(text);
      const withDigit = parts?.filter((k) => /[0-9]/.test(k)) ?? [];
      return { key, digits, parts, digitParts: digits && withDigit.length > 0 ? withDigit : null };
    };
    for (const round of [0, 1, 2])
      for (let i = 0; i < texts.length; i++) {
        const keys = keysOfText(texts[i]);
        if (i < 5 || i % (round === 0 ? 101 : 997) === 0) expect(keys).toEqual(anew(texts[i]));
      }
    expect(keysOfText('ｂｎ－１２, BN-7')).toEqual({
      key: 'bn12bn7',
      digits: true,
      parts: ['bn12', 'bn7'],
      digitParts: ['bn12', 'bn7'],
    });
    expect(keysOfText('maria reyes, BN-7').digitParts).toEqual(['bn7']);
    expect(keysOfText('maria reyes').digitParts).toBeNull();
  });

  test('every character the pattern engine takes for a letter or digit, case aside, has that letter or digit as its key', () => {
    // The whole Basic Multilingual Plane against each ASCII letter and digit and its full-width
    // form (a RegExp with the 'i' and 'u' flags folds case by Unicode's simple case folding).
    const wrong: string[] = [];
    const any = /^[0-9a-z\uff10-\uff19\uff41-\uff5a]$/iu;
    for (let c = 0; c <= 0xffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      if (!any.test(ch)) continue;
      const k = textKey(ch);
      const wide = String.fromCharCode(k.charCodeAt(0) + 0xfee0);
      if (k.length !== 1 || !new RegExp(`^[${k}${wide}]$`, 'iu').test(ch)) {
        wrong.push(`U+${c.toString(16)} has key '${k}'`);
      }
    }
    // Kana and kanji are kept as themselves: no other character is taken for one of them.
    const ideographic = /^[\u3041-\u3096\u30a1-\u30fa\u3400-\u4dbf\u4e00-\u9fff]$/iu;
    for (let c = 0; c <= 0xffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      if (ideographic.test(ch) && textKey(ch) !== ch) wrong.push(`U+${c.toString(16)} kana/kanji`);
    }
    expect(wrong).toEqual([]);
  });

  test("a key's shape, runs of digits and value are worked out in one pass as the pattern's shapes read them", () => {
    const rand = seededRandom(3);
    const chars = 'ab0123456789x';
    for (let n = 0; n < 3000; n++) {
      let key = '';
      const length = Math.floor(rand() * 24);
      for (let i = 0; i < length; i++) key += chars[Math.floor(rand() * chars.length)];
      const runs = key.match(/[0-9]+/g) ?? [];
      expect(shapeOf(key)).toEqual({
        shape: shapeKey(key),
        runs: runs.length,
        longest: Math.max(0, ...runs.map((r) => r.length)),
        value: runs.length === 1 && runs[0].length <= 15 ? Number(runs[0]) : Number.NaN,
      });
    }
  });

  test('patterns beyond what the keys model search every cell', () => {
    expect(keyPlan('^(?=a)abc$', 'iu')).toBeNull();
    expect(keyPlan('^(a)\\1$', 'iu')).toBeNull();
    expect(keyPlan('abc', 'iu')).toBeNull();
    expect(keyPlan('^a.*$', 'iu')).toBeNull();
    expect(keyPlan('^BN-0*12$', 'iu')?.whole).toEqual(new Set(['bn12']));
  });

  test("a literal alternative compared as text gives the RegExp's answer for every text it decides, and every text it matches has the literal's key", () => {
    // As searchTables writes a response ID, a recipient key (name and birth year), an address.
    const sources = [
      "^'?(?:2_R0000015r)$",
      "^'?(?:taro yamada#1990)$",
      "^'?(?:渡辺 翔)$",
      "^'?(?:ks)$",
      "^'?(?:a\\.b\\+c@example\\.org)$",
      "^'?(?:'x)$",
      "^'?(?:)$",
    ];
    // Characters of the Basic Multilingual Plane (all of Latin and of the kana block, the
    // Kelvin sign, the long s, every thirteenth of the rest) in the first, middle and last place
    // of each literal, with and without a leading apostrophe, and a few lengths: the comparison
    // never contradicts the RegExp and decides every text of ASCII and kana or kanji only.
    let decided = 0;
    const wrong: string[] = [];
    for (const source of sources)
      for (const flags of ['iu', 'u']) {
        const literal = literalOf(source, flags);
        if (literal === null) throw new Error(`${source} is a literal`);
        const re = new RegExp(source, flags);
        const texts = [literal.text, `'${literal.text}`, `''${literal.text}`, `${literal.text}x`];
        const n = literal.text.length;
        const chars: number[] = [0x212a, 0x17f];
        for (let c = 0; c <= 0xffff; c++)
          if (c < 0x250 || (c >= 0x3000 && c <= 0x30ff) || c % 13 === 0) chars.push(c);
        for (const i of n === 0 ? [] : [0, n >> 1, n - 1])
          for (const c of chars) {
            const t = literal.text.slice(0, i) + String.fromCharCode(c) + literal.text.slice(i + 1);
            texts.push(t, `'${t}`);
          }
        for (const text of texts) {
          // Its plan: every text it matches has the literal's key.
          if (re.test(text) && textKey(text) !== textKey(literal.text))
            wrong.push(`${source} ${flags} matches ${JSON.stringify(text)}, another key`);
          const answer = literalMatch(literal, text);
          if (answer === undefined) {
            const simple = [...text].every((ch) => {
              const c = ch.charCodeAt(0);
              return (
                c < 0x80 ||
                (c >= 0x3000 && c <= 0x30ff) ||
                (c >= 0x3400 && c <= 0x4dbf) ||
                (c >= 0x4e00 && c <= 0x9fff)
              );
            });
            if (simple) wrong.push(`${source} ${flags} left ${JSON.stringify(text)} to the RegExp`);
            continue;
          }
          decided++;
          if (answer !== re.test(text)) wrong.push(`${source} ${flags} ${JSON.stringify(text)}`);
        }
      }
    expect(wrong.slice(0, 10)).toEqual([]);
    expect(decided).toBeGreaterThan(50_000);
    // Not literals: the RegExp decides.
    expect(literalOf("^'?(?:[\\s\u3000]*BN)$", 'iu')).toBeNull();
    expect(literalOf("^'?(?:Ｂ)$", 'iu')).toBeNull();
    expect(literalOf("^'?(?:a)$", 'imu')).toBeNull();
    expect(literalOf("^'?(?:a\\-b)$", 'iu')).toBeNull();
  });

  test('a pattern is split into its alternatives only where a text matching one of them matches it', () => {
    expect(splitAlternatives("^'?(?:a|b(?:c|d)|[|]|\\||)$")).toEqual([
      "^'?(?:a)$",
      "^'?(?:b(?:c|d))$",
      "^'?(?:[|])$",
      "^'?(?:\\|)$",
      "^'?(?:)$",
    ]);
    expect(splitAlternatives('^a$|^b$')).toEqual(['^a$', '^b$']);
    expect(splitAlternatives('^(?:a|b)+$')).toBeNull(); // repeated: ab matches, neither part does
    expect(splitAlternatives('^(?!a|b)c$')).toBeNull(); // a negative look-ahead
    expect(splitAlternatives('^(a|b)\\1$')).toBeNull(); // a back reference
    expect(splitAlternatives('^(?:a|b)(?:c|d)$')).toBeNull(); // two groups: left whole
    expect(splitAlternatives('^abc$')).toBeNull();
  });
});

describe('TextFinder index against every cell tested (seeded random sheets and writes)', () => {
  // The oracle: the texts getDisplayValues shows, each tested with the pattern as the reference
  // describes it (whole text when the pattern is anchored; case-insensitive by default).
  const oracle = (pattern: string): string[] => {
    const out: string[] = [];
    const re = new RegExp(pattern, 'iu');
    for (const s of ss.getSheets()) {
      const rows = s.getLastRow();
      const columns = s.getLastColumn();
      if (rows === 0 || columns === 0) continue;
      const shown = s.getRange(1, 1, rows, columns).getDisplayValues();
      for (let r = 0; r < rows; r++)
        for (let c = 0; c < columns; c++)
          if (shown[r][c] !== '' && re.test(shown[r][c]))
            out.push(`${s.localName()}!${s.getRange(r + 1, c + 1).getA1Notation()}`);
    }
    return out;
  };

  test('cells found stay found when a row is written wider than every row before it (positions encoded again)', () => {
    sheet.insertColumnsAfter(sheet.getMaxColumns(), 80 - sheet.getMaxColumns());
    sheet.getRange(1, 1, 3, 2).setValues([
      ['BN-12', 'x'],
      ['a', 'BN-0012'],
      ['bn12', 'b'],
    ]);
    const pattern = "^'?(?:BN-?0*12|x)$";
    expect(find(pattern)).toEqual(oracle(pattern));
    expect(find(pattern)).toEqual(['Members!A1', 'Members!B1', 'Members!B2', 'Members!A3']);
    // Past 32 columns, then past 64: the index's positions are worked out again each time.
    sheet.getRange(2, 40).setValue('BN-12');
    expect(find(pattern)).toEqual([
      'Members!A1',
      'Members!B1',
      'Members!B2',
      'Members!AN2',
      'Members!A3',
    ]);
    sheet
      .getRange(5, 1, 1, 70)
      .setValues([Array.from({ length: 70 }, (_, i) => (i % 2 ? 'x' : 'y'))]);
    sheet.getRange(2, 40).setValue('y');
    expect(find(pattern)).toEqual(oracle(pattern));
    expect(find(pattern).length).toBe(4 + 35);
    expect(find(pattern).at(-1)).toBe('Members!BR5');
  });

  test('a word of a list (no digit) is found where it is an entry, though such parts are indexed only once a search asks for one', () => {
    const ledger = ss.insertSheet('Ledger');
    sheet.getRange(1, 1, 3, 1).setValues([['Sato, Tanaka'], ['tanaka'], ['Tanakas, x']]);
    ledger.getRange('B1').setValue('x tanaka 12');
    ledger.getRange('B2').setValue('BN-12, BN-13');
    // Indexed first for a search of an entry with a digit.
    const id = "^'?(?:(?:[\\s\\S]*[\\s,])?bn-13(?:[\\s,][\\s\\S]*)?)$";
    expect(find(id)).toEqual(['Ledger!B2']);
    const word = "^'?(?:(?:[\\s\\S]*[\\s,])?tanaka(?:[\\s,][\\s\\S]*)?)$";
    expect(find(word)).toEqual(['Members!A1', 'Members!A2', 'Ledger!B1']);
    sheet.getRange('A4').setValue('y, TANAKA');
    sheet.getRange('A1').setValue('Sato');
    expect(find(word)).toEqual(oracle(word));
    expect(find(word)).toEqual(['Members!A2', 'Members!A4', 'Ledger!B1']);
    expect(find(id)).toEqual(['Ledger!B2']);
  });

  test('a cell matched by two alternatives, or by its whole key and a part, is found once', () => {
    sheet.getRange(1, 1, 3, 1).setValues([['BN-12'], [' BN-13'], ['BN-13, x']]);
    expect(find("^'?(?:BN-12|bn-?0*12)$")).toEqual(['Members!A1']);
    const entry = "^'?(?:(?:[\\s\\S]*[\\s,])?bn-13(?:[\\s,][\\s\\S]*)?|\\s*BN-13)$";
    expect(find(entry)).toEqual(oracle(entry));
    expect(find(entry)).toEqual(['Members!A2', 'Members!A3']);
  });

  test('a cell far down a long sheet is found at its row (positions past 2^15 rows)', () => {
    const rows = 40_000;
    sheet.insertRowsAfter(sheet.getMaxRows(), rows);
    sheet.getRange(rows, 3).setValue('BN-12');
    sheet.getRange(rows - 1, 1).setValue('x');
    expect(find("^'?(?:BN-?0*12|x)$")).toEqual([`Members!A${rows - 1}`, `Members!C${rows}`]);
    sheet.getRange(rows - 1, 1).setValue('z');
    expect(find("^'?(?:BN-?0*12|x)$")).toEqual([`Members!C${rows}`]);
  });

  test('500 searches between random writes find what testing every cell finds', () => {
    const rand = seededRandom(15);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
    const sheets = [sheet, ss.insertSheet('Ledger')];
    const pieces = [
      'BN',
      'bn',
      'ＢＮ',
      '-',
      '－',
      ' ',
      ',',
      "'",
      '0',
      '０',
      '1',
      '2',
      '１',
      'K',
      '\u212a',
      'x',
      '_',
      '@',
      '.',
    ];
    const text = () => {
      let t = '';
      const n = 1 + Math.floor(rand() * 6);
      for (let i = 0; i < n; i++) t += pick(pieces);
      return t;
    };
    const value = (): unknown =>
      pick<() => unknown>([
        text,
        text,
        text,
        () => Math.floor(rand() * 200),
        () => '',
        () => new Date(Date.UTC(2024, 0, 1 + Math.floor(rand() * 3))),
      ])();
    const patterns = [
      BN12,
      "^'?(?:[\\s\\S]*[\\s,])?bn0*12(?:[\\s,][\\s\\S]*)?$",
      '^(?:k|x_?1)$',
      '^[\\s\u3000]*0*(?:[1-9]\\d{2,}|1[3-9])[\\s\u3000]*$',
      '^(?:2024-01-0[12]|12|0012)$',
      "^'?(?:BN-?0?1|x|,)$",
      '^BN-0*1[12]?$',
      "^'?(?:田中|[田ー]+\\s?x)$",
      // As searchTables combines its lookups: an entry of a list, member IDs, IDs above a number.
      `^'?(?:(?:[\\s\\S]*[\\s,])?x_1(?:[\\s,][\\s\\S]*)?|${BN12.slice(3, -1)}|[\\s\u3000]*BN-?0*(?:[1-9]\\d{2,}|1[3-9])[\\s\u3000]*|k)$`,
      '^(?:BN|bn)(?:0|1)$',
      // IDs above a number, whose every ID up to 999 is a key of the plan (kept as a group).
      "^'?[\\s\u3000]*(?:BN-?)?0*(?:[1-9]\\d{3,}|[2-9]\\d{2}|1[3-9]\\d|12[4-9])[\\s\u3000]*$",
      'x|^bn$',
      'bn',
      '^$',
    ];
    let compared = 0;
    for (let step = 0; step < 500; step++) {
      const s = pick(sheets);
      const row = 1 + Math.floor(rand() * 12);
      const column = 1 + Math.floor(rand() * 4);
      switch (
        pick(['write', 'write', 'write', 'block', 'format', 'formula', 'insert', 'delete', 'clear'])
      ) {
        case 'write':
          s.getRange(row, column).setValue(value());
          break;
        case 'block':
          s.getRange(row, column, 2, 2).setValues([
            [value(), value()],
            [value(), value()],
          ]);
          break;
        case 'format':
          s.getRange(row, column).setNumberFormat(
            pick(['@', '0000', '"BN-"00000', 'yyyy-mm-dd', 'General']),
          );
          break;
        case 'formula':
          s.getRange(row, column).setFormula(pick(['="BN-"&A1', '=A2&","&B2', '=SUM(A1:A3)']));
          break;
        case 'insert':
          s.insertRowsBefore(row, 1 + Math.floor(rand() * 2));
          break;
        case 'delete':
          if (s.getMaxRows() > row + 3) s.deleteRows(row, 1 + Math.floor(rand() * 2));
          break;
        default:
          s.getRange(row, column, 2, 2).clearContent();
      }
      const pattern = pick(patterns);
      expect({ step, pattern, found: find(pattern) }).toEqual({
        step,
        pattern,
        found: oracle(pattern),
      });
      compared++;
    }
    expect(compared).toBe(500);
  });

  test('IDs in a range among hundreds of IDs are found as IDs are written and removed (keys kept in order of value)', () => {
    const rand = seededRandom(7);
    const id = (n: number) => `BN-${String(n).padStart(5, '0')}`;
    // 400 IDs in no order, an ID with two runs of digits (no value), a few other texts.
    const numbers = Array.from({ length: 400 }, (_, i) => i + 1).sort(() => rand() - 0.5);
    sheet.getRange(1, 1, 400, 1).setValues(numbers.map((n) => [id(n)]));
    sheet.getRange(1, 2, 3, 1).setValues([['BN-12-3'], ['x'], ['bn 250']]);
    // Keys with two runs of digits (no value): a shape of their own.
    sheet
      .getRange(1, 4, 40, 1)
      .setValues(Array.from({ length: 40 }, (_, i) => [`BN-${100 + i * 7}x${i % 10}`]));
    const ledger = ss.insertSheet('Ledger');
    ledger.getRange(1, 1, 50, 1).setValues(numbers.slice(0, 50).map((n) => [id(n * 3)]));
    // Ranges of 3-digit IDs (more than a plan lists: searched by shape and value) and of 4.
    const ranges = [
      '^BN-0*(?:[2-9]\\d{2}|1[5-9]\\d)$',
      "^'?[\\s\u3000]*BN-?0*(?:[1-9]\\d{3,}|[3-9]\\d{2}|2[6-9]\\d|25[1-9])[\\s\u3000]*$",
      '^(?:BN|bn)[- ]?0*(?:[1-9]\\d{3}|[5-9]\\d{2})$',
      '^BN-0*[1-9]\\d{2}(?:-\\d)?$',
      '^BN-[1-9]\\d{2}x\\d$',
    ];
    let compared = 0;
    for (let step = 0; step < 60; step++) {
      const row = 1 + Math.floor(rand() * 420);
      switch (step % 4) {
        case 0:
          sheet.getRange(row, 1).setValue(id(1 + Math.floor(rand() * 1200)));
          break;
        case 1:
          sheet.getRange(row, 1).clearContent();
          break;
        case 2:
          ledger.getRange(1 + Math.floor(rand() * 60), 1).setValue(id(Math.floor(rand() * 999)));
          break;
        default:
          sheet.getRange(row, 3).setValue(`BN-${100 + Math.floor(rand() * 900)}x${step % 10}`);
          sheet.getRange(1 + Math.floor(rand() * 40), 4).clearContent();
      }
      for (const pattern of ranges) {
        expect({ step, pattern, found: find(pattern) }).toEqual({
          step,
          pattern,
          found: oracle(pattern),
        });
        compared++;
      }
    }
    expect(compared).toBe(300);
    expect(find(ranges[4]).length).toBeGreaterThan(30);
    expect(find(ranges[0]).length).toBeGreaterThan(200);
  });
});

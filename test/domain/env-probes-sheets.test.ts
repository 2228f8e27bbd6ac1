// The Sheets lines of "Check this Google environment / 環境チェック" (#17): what staff read for
// each typed-input probe and each getValues type. Expected verdicts and texts are written by hand
// from APPS-SCRIPT-FACTS ("Writing a string with setValue(s) is like typing it: `=…` becomes a
// formula, `00012` the number 12, `2024/07/30` a date … A cell formatted as plain text (`@`)
// keeps the string; a leading apostrophe keeps it as text too (and is not part of the value)";
// "getValues returns numbers, booleans, Dates and strings; an empty cell is ''"), RULES R25 and
// the staff guide's section 2.1 (the report's wording).
import {
  judgeTypedInput,
  judgeValueType,
  type Observed,
  plainTextApostrophe,
  type TypedInputProbe,
  typedInputProbes,
  VALUE_TYPE_PROBES,
} from '../../src/domain/env-probes';

const text = (value: string): Observed => ({ type: 'string', value });
const num = (value: number): Observed => ({ type: 'number', value });
const date: Observed = { type: 'date' };

function probe(input: string, format: 'General' | 'Plain text', apostrophe: boolean) {
  const found = typedInputProbes().find(
    (p) => p.input === input && p.format === format && p.apostrophe === apostrophe,
  );
  if (!found) throw new Error(`no probe ${input} ${format} ${apostrophe}`);
  return found;
}

describe('the typed-input probes: what is written where, and what counts as expected', () => {
  test("each of 00012, =1+1, 2024/07/30 and 'x is written without and with an apostrophe into a General and a Plain-text cell, each accepting what the reference says", () => {
    expect(typedInputProbes()).toEqual([
      { input: '00012', format: 'General', apostrophe: false, accept: [num(12)] },
      { input: '00012', format: 'General', apostrophe: true, accept: [text('00012')] },
      { input: '00012', format: 'Plain text', apostrophe: false, accept: [text('00012')] },
      {
        input: '00012',
        format: 'Plain text',
        apostrophe: true,
        accept: [text("'00012"), text('00012')],
      },
      { input: '=1+1', format: 'General', apostrophe: false, accept: [num(2)] },
      { input: '=1+1', format: 'General', apostrophe: true, accept: [text('=1+1')] },
      { input: '=1+1', format: 'Plain text', apostrophe: false, accept: [text('=1+1')] },
      {
        input: '=1+1',
        format: 'Plain text',
        apostrophe: true,
        accept: [text("'=1+1"), text('=1+1')],
      },
      { input: '2024/07/30', format: 'General', apostrophe: false, accept: [date] },
      { input: '2024/07/30', format: 'General', apostrophe: true, accept: [text('2024/07/30')] },
      {
        input: '2024/07/30',
        format: 'Plain text',
        apostrophe: false,
        accept: [text('2024/07/30')],
      },
      {
        input: '2024/07/30',
        format: 'Plain text',
        apostrophe: true,
        accept: [text("'2024/07/30"), text('2024/07/30')],
      },
      // 'x typed into a General cell is the text x; ''x (an apostrophe written before it) is 'x.
      { input: "'x", format: 'General', apostrophe: false, accept: [text('x')] },
      { input: "'x", format: 'General', apostrophe: true, accept: [text("'x")] },
      // A Plain-text cell may keep or drop the leading apostrophe (the reference is silent).
      { input: "'x", format: 'Plain text', apostrophe: false, accept: [text("'x"), text('x')] },
      { input: "'x", format: 'Plain text', apostrophe: true, accept: [text("''x"), text("'x")] },
    ]);
  });
});

describe('a typed-input line of the report', () => {
  test('names what was written and into which cell, in English and Japanese, and says what was seen', () => {
    expect(judgeTypedInput(probe('00012', 'General', false), num(12))).toEqual({
      name: 'Sheets: "00012" into a General cell / 自動のセルに "00012"',
      verdict: 'expected',
      detail: 'number 12',
    });
    expect(judgeTypedInput(probe('00012', 'Plain text', true), text('00012'))).toEqual({
      name: `Sheets: "'00012" into a Plain text cell / 書式なしテキストのセルに "'00012"`,
      verdict: 'expected',
      detail: 'text "00012"',
    });
    expect(judgeTypedInput(probe('2024/07/30', 'General', false), date)).toEqual({
      name: 'Sheets: "2024/07/30" into a General cell / 自動のセルに "2024/07/30"',
      verdict: 'expected',
      detail: 'a Date',
    });
    expect(judgeTypedInput(probe("'x", 'General', true), text("'x"))).toEqual({
      name: `Sheets: "''x" into a General cell / 自動のセルに "''x"`,
      verdict: 'expected',
      detail: `text "'x"`,
    });
  });

  test('a different result says what was seen and every form that would have been expected', () => {
    expect(judgeTypedInput(probe('=1+1', 'General', false), text('=1+1'))).toEqual({
      name: 'Sheets: "=1+1" into a General cell / 自動のセルに "=1+1"',
      verdict: 'different',
      detail: 'text "=1+1"; expected number 2',
    });
    expect(judgeTypedInput(probe('00012', 'Plain text', true), num(12))).toEqual({
      name: `Sheets: "'00012" into a Plain text cell / 書式なしテキストのセルに "'00012"`,
      verdict: 'different',
      detail: `number 12; expected text "'00012" or text "00012"`,
    });
    expect(
      judgeTypedInput(probe('2024/07/30', 'General', false), { type: 'boolean', value: true })
        .detail,
    ).toBe('boolean true; expected a Date');
    expect(
      judgeTypedInput(probe('2024/07/30', 'General', false), {
        type: 'other',
        value: '[object Object]',
      }).detail,
    ).toBe('[object Object]; expected a Date');
  });

  test('the number 12 is expected from 00012 in a General cell, 13 or the text "12" is different', () => {
    const p = probe('00012', 'General', false);
    expect(judgeTypedInput(p, num(13)).verdict).toBe('different');
    expect(judgeTypedInput(p, text('12')).verdict).toBe('different');
    expect(judgeTypedInput(p, { type: 'boolean', value: true }).verdict).toBe('different');
  });

  test("the text x is expected from 'x in a General cell; something else whose printed value is x is different", () => {
    const p = probe("'x", 'General', false);
    expect(judgeTypedInput(p, text('x')).verdict).toBe('expected');
    expect(judgeTypedInput(p, { type: 'other', value: 'x' }).verdict).toBe('different');
    expect(judgeTypedInput(p, text("'x")).verdict).toBe('different');
  });

  test('a Date from 2024/07/30 in a General cell is expected whatever day it holds; the text is different', () => {
    const p = probe('2024/07/30', 'General', false);
    expect(judgeTypedInput(p, date).verdict).toBe('expected');
    expect(judgeTypedInput(p, text('2024/07/30')).verdict).toBe('different');
    expect(judgeTypedInput(p, num(45503)).verdict).toBe('different');
  });

  test('a Plain-text cell keeps =1+1 as text: a formula worth 2 is different', () => {
    const p = probe('=1+1', 'Plain text', false);
    expect(judgeTypedInput(p, text('=1+1')).verdict).toBe('expected');
    expect(judgeTypedInput(p, num(2))).toEqual({
      name: 'Sheets: "=1+1" into a Plain text cell / 書式なしテキストのセルに "=1+1"',
      verdict: 'different',
      detail: 'number 2; expected text "=1+1"',
    });
  });
});

describe('the note on a leading apostrophe in Plain-text cells', () => {
  // What a Google that keeps (or drops) the apostrophe gives back for all 16 probes.
  function seenBy(google: 'keeps' | 'drops') {
    const generalRead: Record<string, Observed> = {
      '00012': num(12),
      '=1+1': num(2),
      '2024/07/30': date,
      "'x": text('x'),
    };
    return typedInputProbes().map((p: TypedInputProbe) => {
      let seen: Observed;
      if (p.format === 'General') seen = p.apostrophe ? text(p.input) : generalRead[p.input];
      else if (!p.apostrophe) seen = text(p.input);
      else seen = text(google === 'keeps' ? `'${p.input}` : p.input);
      return { probe: p, seen };
    });
  }

  test('the report says whether this Google keeps or drops the apostrophe written into a Plain-text cell', () => {
    expect(plainTextApostrophe(seenBy('keeps'))).toBe('keeps');
    expect(plainTextApostrophe(seenBy('drops'))).toBe('drops');
  });

  test("it is told by '00012 in a Plain-text cell only, not by the General cell nor by the other strings", () => {
    const keepsElsewhere = [
      { probe: probe('00012', 'General', true), seen: text("'00012") },
      { probe: probe('00012', 'Plain text', false), seen: text("'00012") },
      { probe: probe('=1+1', 'Plain text', true), seen: text("'=1+1") },
    ];
    expect(plainTextApostrophe(keepsElsewhere)).toBeNull();
    expect(
      plainTextApostrophe([
        ...keepsElsewhere,
        { probe: probe('00012', 'Plain text', true), seen: text('00012') },
      ]),
    ).toBe('drops');
    expect(
      plainTextApostrophe([
        { probe: probe('00012', 'General', true), seen: text('00012') },
        { probe: probe('00012', 'Plain text', true), seen: text("'00012") },
      ]),
    ).toBe('keeps');
  });

  test('no note when the Plain-text cell gave neither form, or something that is not text', () => {
    expect(plainTextApostrophe([])).toBeNull();
    const p = probe('00012', 'Plain text', true);
    expect(plainTextApostrophe([{ probe: p, seen: num(12) }])).toBeNull();
    expect(plainTextApostrophe([{ probe: p, seen: text('12') }])).toBeNull();
    expect(
      plainTextApostrophe([{ probe: p, seen: { type: 'other', value: "'00012" } }]),
    ).toBeNull();
    expect(plainTextApostrophe([{ probe: p, seen: { type: 'other', value: '00012' } }])).toBeNull();
  });
});

describe('the getValues type lines of the report', () => {
  const byLabel = (label: string) => {
    const found = VALUE_TYPE_PROBES.find((p) => p.label === label);
    if (!found) throw new Error(label);
    return found;
  };

  test('a number, a boolean, a Date and an empty cell are read back as a number, a boolean, a Date and the empty text', () => {
    expect(VALUE_TYPE_PROBES).toEqual([
      { label: 'number 12', expected: 'number' },
      { label: 'boolean true', expected: 'boolean' },
      { label: 'a Date', expected: 'date' },
      { label: 'empty cell', expected: 'string' },
    ]);
    expect(judgeValueType(byLabel('number 12'), num(12))).toEqual({
      name: 'Sheets getValues: number 12 / getValues の型',
      verdict: 'expected',
      detail: 'number 12',
    });
    expect(judgeValueType(byLabel('boolean true'), { type: 'boolean', value: true })).toEqual({
      name: 'Sheets getValues: boolean true / getValues の型',
      verdict: 'expected',
      detail: 'boolean true',
    });
    expect(judgeValueType(byLabel('a Date'), date)).toEqual({
      name: 'Sheets getValues: a Date / getValues の型',
      verdict: 'expected',
      detail: 'a Date',
    });
    expect(judgeValueType(byLabel('empty cell'), text(''))).toEqual({
      name: 'Sheets getValues: empty cell / getValues の型',
      verdict: 'expected',
      detail: 'text ""',
    });
  });

  test('a number read back as text, a boolean as the text TRUE, a Date as a number are different and say the type expected', () => {
    expect(judgeValueType(byLabel('number 12'), text('12'))).toEqual({
      name: 'Sheets getValues: number 12 / getValues の型',
      verdict: 'different',
      detail: 'text "12"; expected number',
    });
    expect(judgeValueType(byLabel('boolean true'), text('TRUE'))).toEqual({
      name: 'Sheets getValues: boolean true / getValues の型',
      verdict: 'different',
      detail: 'text "TRUE"; expected boolean',
    });
    expect(judgeValueType(byLabel('a Date'), num(45503)).detail).toBe(
      'number 45503; expected date',
    );
    expect(
      judgeValueType(byLabel('a Date'), { type: 'other', value: '[object Object]' }).detail,
    ).toBe('[object Object]; expected date');
  });

  test("an empty cell must read as the empty text '': a space, null or a number is different", () => {
    const empty = byLabel('empty cell');
    expect(judgeValueType(empty, text(' '))).toEqual({
      name: 'Sheets getValues: empty cell / getValues の型',
      verdict: 'different',
      detail: 'text " "; expected string',
    });
    expect(judgeValueType(empty, { type: 'other', value: '[object Null]' }).verdict).toBe(
      'different',
    );
    expect(judgeValueType(empty, num(0)).verdict).toBe('different');
  });

  test('the number 12 read back as an empty cell is different', () => {
    expect(judgeValueType(byLabel('number 12'), text('')).detail).toBe('text ""; expected number');
    expect(judgeValueType(byLabel('boolean true'), text('')).verdict).toBe('different');
  });
});

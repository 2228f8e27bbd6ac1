// The environment check's expectations (#17), from APPS-SCRIPT-FACTS and RULES R25.
import {
  formatEnvReport,
  judgeAnswerShape,
  judgeMailQuota,
  judgeTriggerKinds,
  judgeTriggers,
  judgeTypedInput,
  plainTextApostrophe,
  typedInputProbes,
} from '../../src/domain/env-probes';

const probe = (input: string, format: 'General' | 'Plain text', apostrophe: boolean) =>
  typedInputProbes().find(
    (p) => p.input === input && p.format === format && p.apostrophe === apostrophe,
  )!;

describe('typed input into General and Plain-text cells', () => {
  test('16 probes: 4 strings, with and without apostrophe, General and Plain text', () => {
    expect(typedInputProbes()).toHaveLength(16);
  });

  test("in a General cell 00012 is the number 12, =1+1 a formula worth 2, 2024/07/30 a Date, 'x the text x", () => {
    expect(
      judgeTypedInput(probe('00012', 'General', false), { type: 'number', value: 12 }).verdict,
    ).toBe('expected');
    expect(
      judgeTypedInput(probe('=1+1', 'General', false), { type: 'number', value: 2 }).verdict,
    ).toBe('expected');
    expect(judgeTypedInput(probe('2024/07/30', 'General', false), { type: 'date' }).verdict).toBe(
      'expected',
    );
    expect(
      judgeTypedInput(probe("'x", 'General', false), { type: 'string', value: 'x' }).verdict,
    ).toBe('expected');
  });

  test('a leading apostrophe keeps the rest as text in a General cell', () => {
    expect(
      judgeTypedInput(probe('00012', 'General', true), { type: 'string', value: '00012' }).verdict,
    ).toBe('expected');
    const r = judgeTypedInput(probe('00012', 'General', true), { type: 'number', value: 12 });
    expect(r.verdict).toBe('different');
    expect(r.detail).toBe('number 12; expected text "00012"');
  });

  test('a Plain-text cell keeps the string; a written apostrophe may be kept or dropped (the reference is silent)', () => {
    const p = probe('00012', 'Plain text', true);
    expect(judgeTypedInput(p, { type: 'string', value: "'00012" }).verdict).toBe('expected');
    expect(judgeTypedInput(p, { type: 'string', value: '00012' }).verdict).toBe('expected');
    expect(
      judgeTypedInput(probe('00012', 'Plain text', false), { type: 'number', value: 12 }).verdict,
    ).toBe('different');
    expect(plainTextApostrophe([{ probe: p, seen: { type: 'string', value: "'00012" } }])).toBe(
      'keeps',
    );
    expect(plainTextApostrophe([{ probe: p, seen: { type: 'string', value: '00012' } }])).toBe(
      'drops',
    );
  });
});

describe('form answers, triggers, mail', () => {
  test("date 'yyyy-MM-dd', time 'HH:mm', checkbox a list of choices in any order", () => {
    const a = { form: 'f', question: 'q' };
    expect(judgeAnswerShape({ ...a, itemType: 'DATE', answer: '2024-07-30' })!.verdict).toBe(
      'expected',
    );
    expect(judgeAnswerShape({ ...a, itemType: 'DATE', answer: '2024/07/30' })!.verdict).toBe(
      'different',
    );
    expect(judgeAnswerShape({ ...a, itemType: 'TIME', answer: '14:03' })!.verdict).toBe('expected');
    expect(judgeAnswerShape({ ...a, itemType: 'TIME', answer: '2:03 PM' })!.verdict).toBe(
      'different',
    );
    const choices = ['A', 'B', 'C'];
    expect(
      judgeAnswerShape({ ...a, itemType: 'CHECKBOX', answer: ['C', 'A'], choices })!.verdict,
    ).toBe('expected');
    expect(judgeAnswerShape({ ...a, itemType: 'CHECKBOX', answer: 'A, C', choices })!.verdict).toBe(
      'different',
    );
    expect(judgeAnswerShape({ ...a, itemType: 'TEXT', answer: 'x' })).toBeNull();
  });

  test('triggers: the owner sees each wanted trigger once; another account is told who owns them', () => {
    const wanted = ['sweep', 'onApplicationSubmit'];
    const own = judgeTriggers({
      me: 'a@x',
      owner: 'a@x',
      seesRecorded: true,
      visible: wanted,
      wanted,
    });
    expect(own.map((r) => r.verdict)).toEqual(['expected', 'expected']);
    const twice = judgeTriggers({
      me: 'a@x',
      owner: 'a@x',
      seesRecorded: true,
      visible: [...wanted, 'sweep'],
      wanted,
    });
    expect(twice[1].verdict).toBe('different');
    const other = judgeTriggers({
      me: 'b@x',
      owner: 'a@x',
      seesRecorded: false,
      visible: [],
      wanted,
    });
    expect(other).toHaveLength(1);
    expect(other[0].detail).toContain('owned by a@x');
    expect(
      judgeTriggers({ me: 'a@x', owner: null, seesRecorded: false, visible: [], wanted })[0]
        .verdict,
    ).toBe('different');
  });

  test('mail quota: expected while some is left', () => {
    expect(judgeMailQuota(100).verdict).toBe('expected');
    expect(judgeMailQuota(0).verdict).toBe('different');
  });

  test('each trigger kind is pending until one of its triggers worked in the spreadsheet after the first check', () => {
    const since = '2024-07-01T00:00:00.000Z';
    const none = judgeTriggerKinds({}, since);
    expect(none.map((r) => r.verdict)).toEqual(['pending', 'pending']);
    const runs = {
      onApplicationSubmit: { at: '2024-07-01T01:00:00.000Z', what: 'spreadsheet' },
      sendQueuedEmails: { at: '2024-07-01T02:00:00.000Z', what: 'idle' },
      sweep: { at: '2024-06-30T23:00:00.000Z', what: 'spreadsheet' },
    };
    expect(judgeTriggerKinds(runs, since).map((r) => r.verdict)).toEqual(['expected', 'pending']);
  });

  test('the report counts each verdict and asks to send it on when something differs, in both languages', () => {
    const text = formatEnvReport([
      { name: 'A', verdict: 'expected', detail: 'ok' },
      { name: 'B', verdict: 'different', detail: 'no' },
    ]);
    expect(text).toContain(
      '1 expected, 1 different, 0 pending / 想定どおり 1、想定と違う 1、確認待ち 0',
    );
    expect(text).toContain('✗ DIFFERENT / 想定と違う — B: no');
    expect(text).toContain('このレポートを設置担当者に送ってください');
  });
});

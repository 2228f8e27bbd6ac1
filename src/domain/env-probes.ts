// The environment check's expectations (#17): what the system relies on from Sheets, Forms,
// Mail and triggers, as plain data, and how each observation is judged and reported in both
// languages. The adapter (src/adapters/env-check.ts) makes the observations on real Google (or the
// local runtime); everything here is pure.

/** A cell value as observed through getValues, reduced to what can be compared. */
export type Observed =
  | { type: 'string'; value: string }
  | { type: 'number'; value: number }
  | { type: 'boolean'; value: boolean }
  | { type: 'date' }
  | { type: 'other'; value: string };

export type Verdict = 'expected' | 'different' | 'pending';

export interface ProbeResult {
  /** Short bilingual name of the probe. */
  name: string;
  verdict: Verdict;
  /** What was seen (and, when different, what was expected), bilingual where it matters. */
  detail: string;
}

export function describeObserved(o: Observed): string {
  switch (o.type) {
    case 'string':
      return `text ${JSON.stringify(o.value)}`;
    case 'number':
      return `number ${o.value}`;
    case 'boolean':
      return `boolean ${o.value}`;
    case 'date':
      return 'a Date';
    default:
      return o.value;
  }
}

// ---- Sheets: typed input ---------------------------------------------------------------------

export type CellFormat = 'General' | 'Plain text';

export interface TypedInputProbe {
  input: string;
  format: CellFormat;
  /** Written with a leading apostrophe (what the system writes into General cells). */
  apostrophe: boolean;
  /** Every observation that is as the system expects (more than one where the reference is silent). */
  accept: Observed[];
}

/** The strings of the probe, each with and without apostrophe, in a General and a Plain-text cell. */
export const PROBE_INPUTS = ['00012', '=1+1', '2024/07/30', "'x"] as const;

function text(value: string): Observed {
  return { type: 'string', value };
}

/**
 * Expectations from APPS-SCRIPT-FACTS / RULES R25: in a General cell a string is read as typed
 * (`00012` the number 12, `=1+1` a formula worth 2, `2024/07/30` a date, `'x` the text x) and a
 * leading apostrophe keeps the rest as text; a Plain-text cell keeps the string. Whether a
 * Plain-text cell keeps or drops a leading apostrophe is not in the reference: both are
 * accepted (the system reads either, store/cells.ts) and the report says which this Google does.
 */
export function typedInputProbes(): TypedInputProbe[] {
  const probes: TypedInputProbe[] = [];
  const general: Record<string, Observed> = {
    '00012': { type: 'number', value: 12 },
    '=1+1': { type: 'number', value: 2 },
    '2024/07/30': { type: 'date' },
    "'x": text('x'),
  };
  for (const input of PROBE_INPUTS) {
    probes.push({ input, format: 'General', apostrophe: false, accept: [general[input]] });
    probes.push({ input, format: 'General', apostrophe: true, accept: [text(input)] });
    const plain = input.startsWith("'") ? [text(input), text(input.slice(1))] : [text(input)];
    probes.push({ input, format: 'Plain text', apostrophe: false, accept: plain });
    probes.push({
      input,
      format: 'Plain text',
      apostrophe: true,
      accept: [text(`'${input}`), text(input)],
    });
  }
  return probes;
}

export function sameObserved(a: Observed, b: Observed): boolean {
  if (a.type !== b.type) return false;
  if (a.type === 'date') return true;
  return (a as { value: unknown }).value === (b as { value: unknown }).value;
}

export function judgeTypedInput(probe: TypedInputProbe, seen: Observed): ProbeResult {
  const written = probe.apostrophe ? `'${probe.input}` : probe.input;
  const ok = probe.accept.some((a) => sameObserved(a, seen));
  return {
    name: `Sheets: ${JSON.stringify(written)} into a ${probe.format} cell / ${probe.format === 'General' ? '自動' : '書式なしテキスト'}のセルに ${JSON.stringify(written)}`,
    verdict: ok ? 'expected' : 'different',
    detail: ok
      ? describeObserved(seen)
      : `${describeObserved(seen)}; expected ${probe.accept.map(describeObserved).join(' or ')}`,
  };
}

/** Which of the two Plain-text behaviours this Google showed (null: neither, or no probe). */
export function plainTextApostrophe(
  results: { probe: TypedInputProbe; seen: Observed }[],
): 'keeps' | 'drops' | null {
  const r = results.find(
    (x) => x.probe.format === 'Plain text' && x.probe.apostrophe && x.probe.input === '00012',
  );
  if (r?.seen.type !== 'string') return null;
  if (r.seen.value === "'00012") return 'keeps';
  if (r.seen.value === '00012') return 'drops';
  return null;
}

// ---- Sheets: getValues types -----------------------------------------------------------------

export interface ValueTypeProbe {
  label: string;
  expected: Observed['type'];
}

/** What getValues returns for what setValues wrote (number, boolean, Date, empty cell ''). */
export const VALUE_TYPE_PROBES: readonly ValueTypeProbe[] = [
  { label: 'number 12', expected: 'number' },
  { label: 'boolean true', expected: 'boolean' },
  { label: 'a Date', expected: 'date' },
  { label: 'empty cell', expected: 'string' },
];

export function judgeValueType(probe: ValueTypeProbe, seen: Observed): ProbeResult {
  const ok =
    seen.type === probe.expected &&
    (probe.label !== 'empty cell' || (seen.type === 'string' && seen.value === ''));
  return {
    name: `Sheets getValues: ${probe.label} / getValues の型`,
    verdict: ok ? 'expected' : 'different',
    detail: ok ? describeObserved(seen) : `${describeObserved(seen)}; expected ${probe.expected}`,
  };
}

// ---- Forms: the latest response's answers -----------------------------------------------------

export interface AnswerShape {
  form: string;
  question: string;
  /** The item type as Forms reports it: DATE, TIME, CHECKBOX, TEXT… */
  itemType: string;
  /** The answer as given by getResponse(): a string or a string array. */
  answer: unknown;
  /** For checkbox questions: the choices of the question. */
  choices?: string[];
}

/**
 * Forms gives a date answer as 'yyyy-MM-dd', a time as 'HH:mm', a checkbox answer as a string
 * array of chosen choices — in any order (the reference does not promise one; the system sorts
 * nothing on it).
 */
export function judgeAnswerShape(a: AnswerShape): ProbeResult | null {
  const name = `Forms: ${a.form} "${a.question}" (${a.itemType})`;
  const seen = Array.isArray(a.answer) ? JSON.stringify(a.answer) : JSON.stringify(a.answer);
  let ok: boolean;
  let expected: string;
  switch (a.itemType) {
    case 'DATE':
      ok = typeof a.answer === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(a.answer);
      expected = "'yyyy-MM-dd'";
      break;
    case 'TIME':
      ok = typeof a.answer === 'string' && /^\d{2}:\d{2}$/.test(a.answer);
      expected = "'HH:mm'";
      break;
    case 'CHECKBOX':
      ok =
        Array.isArray(a.answer) &&
        a.answer.every(
          (x) => typeof x === 'string' && (!a.choices?.length || a.choices.includes(x)),
        );
      expected = 'a list of the chosen choices (any order)';
      break;
    default:
      return null;
  }
  return {
    name,
    verdict: ok ? 'expected' : 'different',
    detail: ok ? seen : `${seen}; expected ${expected}`,
  };
}

// ---- Triggers, owner, mail ----------------------------------------------------------------------

export interface TriggerOwnerFacts {
  /** The account running the check ('' when Google does not say). */
  me: string;
  /** The recorded owner ('' unknown), or null when no set-up has recorded one. */
  owner: string | null;
  /** Whether the running account sees the recorded triggers (it is their owner). */
  seesRecorded: boolean;
  /** The system's triggers this account sees, by handler. */
  visible: string[];
  /** The handlers that must be installed. */
  wanted: string[];
}

export function judgeTriggers(f: TriggerOwnerFacts): ProbeResult[] {
  const out: ProbeResult[] = [];
  if (f.owner === null) {
    out.push({
      name: 'Triggers: owner / トリガーの所有者',
      verdict: 'different',
      detail:
        'no set-up has recorded an owner: run "Set up / check" / 「セットアップ / 確認」を実行してください',
    });
    return out;
  }
  out.push({
    name: 'Triggers: owner / トリガーの所有者',
    verdict: f.seesRecorded ? 'expected' : 'different',
    detail: f.seesRecorded
      ? `${f.owner || 'this account'} (this account / このアカウント)`
      : `owned by ${f.owner || 'another account'}; this account (${f.me || 'address not available'}) cannot see them — run the check as the owner / 所有者のアカウントで実行してください`,
  });
  if (f.seesRecorded) {
    const missing = f.wanted.filter((h) => !f.visible.includes(h));
    const twice = f.visible.filter((h, i) => f.visible.indexOf(h) !== i);
    out.push({
      name: 'Triggers: installed once each / トリガーが各1つ',
      verdict: missing.length === 0 && twice.length === 0 ? 'expected' : 'different',
      detail:
        missing.length === 0 && twice.length === 0
          ? f.wanted.join(', ')
          : `missing ${missing.join(', ') || '—'}; twice ${[...new Set(twice)].join(', ') || '—'} — run "Set up / check"`,
    });
  }
  return out;
}

export function judgeMailQuota(remaining: number): ProbeResult {
  return {
    name: 'Mail: quota left today / 本日の残りメール送信数',
    verdict: remaining > 0 ? 'expected' : 'different',
    detail:
      remaining > 0
        ? String(remaining)
        : '0: no email can be sent today; messages wait in the Outbox / 本日は送信できません（送信待ちに残ります）',
  };
}

/**
 * The two trigger kinds and the handlers that count for each, in the order a reached one is
 * named. The same names as src/adapters/triggers.ts (the domain cannot import it):
 * test/adapters/triggers.test.ts fails when the lists drift apart or a name is no entry point.
 */
export const TRIGGER_KINDS: readonly { en: string; ja: string; handlers: readonly string[] }[] = [
  {
    en: 'form-submit',
    ja: 'フォーム送信',
    handlers: ['onRegistrationSubmit', 'onApplicationSubmit', 'onCourseSubmit', 'onSignupSubmit'],
  },
  {
    en: 'time-driven',
    ja: '時間主導',
    handlers: ['sweep', 'runMonthlyPayments', 'sendQueuedEmails', 'runSessionsDaily'],
  },
];

/**
 * Each trigger kind, as recorded by the triggers themselves: expected once a trigger of that
 * kind has worked in the office spreadsheet after `since` (the first check); pending before.
 */
export function judgeTriggerKinds(
  lastRuns: Record<string, { at: string; what: string } | null>,
  since: string,
): ProbeResult[] {
  return TRIGGER_KINDS.map(({ en, ja, handlers }) => {
    const reached = handlers
      .map((h) => ({ h, run: lastRuns[h] }))
      .filter((x) => x.run && x.run.what === 'spreadsheet' && x.run.at >= since);
    return {
      name: `Triggers: a ${en} trigger reaches the office spreadsheet / ${ja}トリガーがスプレッドシートに届く`,
      verdict: reached.length > 0 ? 'expected' : 'pending',
      detail:
        reached.length > 0
          ? `${reached[0].h} at ${reached[0].run!.at}`
          : `not yet: recorded by the trigger on its next run (since ${since}); run this check again later / 次回のトリガー実行後に、もう一度チェックしてください`,
    };
  });
}

// ---- the report ----------------------------------------------------------------------------

const MARK: Record<Verdict, string> = {
  expected: '✓ expected / 想定どおり',
  different: '✗ DIFFERENT / 想定と違う',
  pending: '… pending / 確認待ち',
};

export function formatEnvReport(results: ProbeResult[], notes: string[] = []): string {
  const n = (v: Verdict) => results.filter((r) => r.verdict === v).length;
  const lines = [
    'Google environment check / 環境チェック',
    `${n('expected')} expected, ${n('different')} different, ${n('pending')} pending / 想定どおり ${n('expected')}、想定と違う ${n('different')}、確認待ち ${n('pending')}`,
    '',
    ...results.map((r) => `${MARK[r.verdict]} — ${r.name}: ${r.detail}`),
  ];
  if (notes.length) lines.push('', ...notes);
  if (n('different') > 0)
    lines.push(
      '',
      'Something differs from what the system was built and tested for: send this report to the person who installed it. / 想定と違う項目があります。このレポートを設置担当者に送ってください。',
    );
  return lines.join('\n');
}

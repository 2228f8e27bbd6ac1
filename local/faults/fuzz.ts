// Property-based fuzzing (fast-check) of every answer of both forms, through the built bundle.
// A batch is a fresh office world: some registrations, then applications by those members and
// by strangers, on the reference application form or on a variant whose date and time questions
// are TEXT items (what an export, or a form built differently, could carry). After each batch the
// invariants of checks.ts hold, and every answer is stored exactly as given.
import fc from 'fast-check';
import {
  APPLICATION_TITLES as A,
  applicationFormSpec,
  createOfficeWorld,
  ISSUE_CHOICES,
  LANGUAGE_CHOICES,
  type OfficeWorld,
  REGISTRATION_TITLES as R,
  writeSettings,
} from '../world';
import { addInvariants, checkRun, emptyInvariants, type Invariants, tableRows } from './checks';
import { typeId } from './scenario';

// ---- answer generators ----------------------------------------------------------------------

const fullWidth = (s: string) =>
  s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).replace(/ /g, '\u3000');

const EMOJI = [
  '😀',
  '👩🏽‍💻',
  '🇯🇵',
  '👨‍👩‍👧‍👦',
  '❤️',
  '🙏🏻',
  '\u{1F9D1}\u200D\u{1F91D}\u200D\u{1F9D1}',
];
const RTL = ['مرحبا بالعالم', 'שלום עולם', '\u202Eevil\u202C', 'نگوین وان آ', '\u200F123\u200E'];
const MARKUP = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<b>bold</b>',
  '"><svg onload=alert(1)>',
  '&lt;already&gt; & <i>',
  '</div><a href="javascript:alert(1)">x</a>',
];
const FORMULA = [
  '=1+1',
  '=HYPERLINK("http://evil.example","click")',
  '=IMPORTXML("http://x","//a")',
  '+81 90 1234 5678',
  '-5',
  '-',
  '@SUM(A1)',
  '=',
  '+',
  '@',
  "'=quoted",
];
const TYPED_LOOKALIKES = [
  '00012',
  '0312345678',
  '090-1234-5678',
  '2024/07/30',
  '7/30/2024',
  'TRUE',
  '50%',
  '1e5',
  '¥4,000',
];
const BLANK = ['', ' ', '   ', '\t', '\u3000', '\n', ' \n\t '];

/** Any text an answer could be: random Unicode and the hostile shapes above, mixed. */
export const answerText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 30 }).map(fullWidth) },
  {
    weight: 1,
    arbitrary: fc.array(fc.constantFrom(...EMOJI), { maxLength: 8 }).map((a) => a.join('')),
  },
  { weight: 1, arbitrary: fc.constantFrom(...RTL) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(...FORMULA), fc.string({ maxLength: 10 }))
      .map(([a, b]) => a + b),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.string({ maxLength: 6 }), fc.constantFrom(...MARKUP))
      .map(([a, b]) => a + b),
  },
  { weight: 1, arbitrary: fc.constantFrom(...TYPED_LOOKALIKES) },
  { weight: 1, arbitrary: fc.constantFrom(...BLANK) },
  {
    weight: 1,
    // 50,000 characters and just under: the cell limit, which the apostrophe the script adds
    // would overflow. (The local runtime refuses a longer answer in Google's own response sheet.)
    arbitrary: fc
      .tuple(fc.constantFrom(49_987, 49_998, 49_999, 50_000), fc.constantFrom('a', '伴', '😀', '<'))
      .map(([n, c]) => c.repeat(Math.ceil(n / c.length)).slice(0, n)),
  },
);

/** A required text question: the form refuses an empty answer. */
const requiredText = answerText.map((s) => (s === '' ? ' ' : s));

const IMPOSSIBLE_DATES = [
  '2024-02-30',
  '2023-13-01',
  '2023-00-10',
  '0000-00-00',
  '2024/07/30',
  '7/30/2024',
  '２０２４－０７－３０',
  'yesterday',
  '2024-07-30T10:00',
  '30.07.2024',
  '2024-7-3',
];
const IMPOSSIBLE_TIMES = [
  '25:00',
  '12:60',
  '24:00',
  '９:００',
  '9',
  '10:00 PM',
  '10時',
  '-01:00',
  '99:99',
  '10:00:61',
];

const validDay = fc
  .date({
    min: new Date('2000-01-01T00:00:00Z'),
    max: new Date('2099-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));
const validTime = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

export interface FuzzRegistration {
  answers: Record<string, string | string[]>;
}

export interface FuzzApplication {
  /** Index of the registering member whose email submits (or -1: a stranger). */
  by: number;
  /** The ID typed: a member's (by index, in some spelling) or free text. */
  id:
    | { member: number; style: 'canonical' | 'lower' | 'fullwidth' | 'spaced' | 'dash' }
    | { text: string };
  second: { member: number } | { text: string };
  answers: Record<string, string | string[]>;
}

export interface FuzzBatch {
  textForm: boolean;
  registrations: FuzzRegistration[];
  applications: FuzzApplication[];
}

const optional = (a: fc.Arbitrary<string>) => fc.oneof(a, fc.constant(''));

export const registrationArb: fc.Arbitrary<FuzzRegistration> = fc
  .record({
    name: requiredText,
    phonetic: optional(answerText),
    phone: optional(answerText),
    address: optional(answerText),
    organization: optional(answerText),
    area: optional(answerText),
    languages: fc.subarray(LANGUAGE_CHOICES),
    foreign: fc.constantFrom('', 'はい / Yes', 'いいえ / No'),
    experience: fc.constantFrom('', 'あり / Yes', 'なし / No'),
    emailLanguage: fc.constantFrom('', ...LANGUAGE_CHOICES),
  })
  .map((a) => ({
    answers: {
      [R.name]: a.name,
      [R.phoneticName]: a.phonetic,
      [R.phone]: a.phone,
      [R.address]: a.address,
      [R.organization]: a.organization,
      [R.area]: a.area,
      [R.languages]: a.languages,
      [R.foreignBackground]: a.foreign,
      [R.experience]: a.experience,
      [R.emailLanguage]: a.emailLanguage,
      [R.consent]: ['同意します / I agree'],
    },
  }));

function applicationArb(textForm: boolean): fc.Arbitrary<FuzzApplication> {
  const day = textForm
    ? fc.oneof(validDay, fc.constantFrom(...IMPOSSIBLE_DATES), requiredText)
    : validDay;
  const time = textForm
    ? fc.oneof(validTime, fc.constantFrom(...IMPOSSIBLE_TIMES), requiredText)
    : validTime;
  return fc.record({
    by: fc.integer({ min: -1, max: 40 }),
    id: fc.oneof(
      fc.record({
        member: fc.nat(40),
        style: fc.constantFrom('canonical', 'lower', 'fullwidth', 'spaced', 'dash') as fc.Arbitrary<
          'canonical' | 'lower' | 'fullwidth' | 'spaced' | 'dash'
        >,
      }),
      fc.record({ text: requiredText }),
    ),
    second: fc.oneof(fc.record({ member: fc.nat(40) }), fc.record({ text: answerText })),
    answers: fc
      .record({
        name: requiredText,
        date: day,
        start: time,
        end: time,
        recipient: requiredText,
        birthYear: optional(answerText),
        issues: fc.subarray(ISSUE_CHOICES),
        prefecture: optional(answerText),
        description: optional(answerText),
      })
      .map((a) => ({
        [A.applicantName]: a.name,
        [A.supportDate]: a.date,
        [A.startTime]: a.start,
        [A.endTime]: a.end,
        [A.recipientName]: a.recipient,
        [A.recipientBirthYear]: a.birthYear,
        [A.issues]: a.issues,
        [A.prefecture]: a.prefecture,
        [A.description]: a.description,
      })),
  });
}

/** A batch on the reference form, the TEXT-item variant, or either (drawn). */
export function batchArb(
  size: { registrations: number; applications: number },
  textForm?: boolean,
): fc.Arbitrary<FuzzBatch> {
  const form = textForm === undefined ? fc.boolean() : fc.constant(textForm);
  return form.chain((text) =>
    fc.record({
      textForm: fc.constant(text),
      registrations: fc.array(registrationArb, {
        minLength: Math.max(1, Math.floor(size.registrations / 2)),
        maxLength: size.registrations,
      }),
      applications: fc.array(applicationArb(text), {
        minLength: Math.floor(size.applications / 2),
        maxLength: size.applications,
      }),
    }),
  );
}

// ---- running a batch -----------------------------------------------------------------------

/** The application form with its date and time questions as TEXT items, same titles. */
export function textApplicationForm(spreadsheetId: string) {
  const spec = applicationFormSpec(spreadsheetId);
  return {
    ...spec,
    items: spec.items.map((i) =>
      i.type === 'DATE' || i.type === 'TIME' ? { ...i, type: 'TEXT' as const } : i,
    ),
  };
}

export interface BatchOutcome {
  submissions: number;
  invariants: Invariants;
  /** Answers not stored exactly as given (nor clipped with the marker). */
  alteredAnswers: number;
}

const REGISTRATION_COLUMNS: [string, string][] = [
  [R.name, 'Name'],
  [R.phoneticName, 'Name (phonetic)'],
  [R.phone, 'Phone'],
  [R.address, 'Mailing address'],
  [R.organization, 'Organization'],
  [R.area, 'Area'],
];
const APPLICATION_COLUMNS: [string, string][] = [
  [A.applicantId, 'Applicant ID'],
  [A.applicantName, 'Applicant name'],
  [A.secondId, 'Second supporter ID'],
  [A.supportDate, 'Support date'],
  [A.startTime, 'Start'],
  [A.endTime, 'End'],
  [A.recipientName, 'Person supported'],
  [A.recipientBirthYear, 'Birth year'],
  [A.prefecture, 'Prefecture'],
  [A.description, 'What support was given'],
];

/** Sheets holds at most 50,000 characters in one cell (APPS-SCRIPT-FACTS, "Sheets"). */
export const CELL_LIMIT = 50_000;
/** What the script puts at the end of an answer it had to cut (README: R25). */
export const CUT_MARK = '…[truncated]';

/**
 * The test's own oracle for a text cell (not the product's clipForCell): the answer exactly as
 * given, cut only where Sheets' cell limit forces it. The leading apostrophe that keeps the
 * answer text takes one of the 50,000 characters, so up to 49,999 characters are stored whole;
 * a longer answer keeps its beginning and ends in the mark, within the limit. A checkbox answer
 * is its choices joined by ', ' (the form gives them in that order).
 */
export function expectedCell(answer: string | string[] | undefined): string {
  const text = Array.isArray(answer) ? answer.join(', ') : (answer ?? '');
  if (text.length <= CELL_LIMIT - 1) return text;
  return text.slice(0, CELL_LIMIT - 1 - CUT_MARK.length) + CUT_MARK;
}

export function runBatch(batch: FuzzBatch, batchNo: number): BatchOutcome & { world: OfficeWorld } {
  // The world is built first without the bundle's set-up, so the variant form can replace the
  // reference one before set-up links the triggers.
  const world = createOfficeWorld();
  if (batch.textForm) swapApplicationForm(world);
  world.rt.run('setup');
  const { rt } = world;
  const emails: string[] = [];
  const registrationIds: string[] = [];
  const applicationIds: string[] = [];
  const personal: string[] = [];
  const markup: string[] = [];
  const notePersonal = (answers: Record<string, string | string[]>) => {
    for (const title of [R.name, R.phone, R.address, R.phoneticName]) {
      const v = answers[title];
      if (typeof v === 'string') personal.push(v);
    }
  };
  const noteMarkup = (answers: Record<string, string | string[]>) => {
    for (const v of Object.values(answers))
      if (typeof v === 'string' && /[<>]/.test(v)) markup.push(v);
  };
  const expectedMembers = new Map<string, Record<string, string | string[]>>();
  batch.registrations.forEach((reg, i) => {
    const email = `fz${batchNo}.m${i}@example.org`;
    emails.push(email);
    personal.push(email);
    notePersonal(reg.answers);
    noteMarkup(reg.answers);
    rt.advanceBy(60_000);
    registrationIds.push(
      rt.forms.submit(world.registration, { email, answers: reg.answers }).getId(),
    );
    expectedMembers.set(email, reg.answers);
  });
  const memberIds = new Map<string, string>();
  for (const m of tableRows(world, 'Members'))
    memberIds.set(String(m.Email), String(m['Bansou Net ID']));
  const idOf = (member: number) => memberIds.get(emails[member % emails.length]) ?? 'BN-00000';
  const expectedApps = new Map<string, Record<string, string | string[]>>();
  batch.applications.forEach((app, i) => {
    const email =
      app.by < 0 ? `stranger${batchNo}.${i}@example.org` : emails[app.by % emails.length];
    const answers = {
      ...app.answers,
      [A.applicantId]: 'text' in app.id ? app.id.text : typeId(idOf(app.id.member), app.id.style),
      [A.secondId]: 'text' in app.second ? app.second.text : idOf(app.second.member),
    };
    noteMarkup(answers);
    rt.advanceBy(60_000);
    const id = rt.forms.submit(world.application, { email, answers }).getId();
    applicationIds.push(id);
    expectedApps.set(id, answers);
  });

  const invariants = checkRun(world, {
    registrationIds,
    applicationIds,
    respondents: new Set([
      ...emails,
      ...batch.applications.map((_, i) => `stranger${batchNo}.${i}@example.org`),
    ]),
    personal,
    markup,
  });
  // Every answer stored exactly as given (R25), or clipped with the marker at the cell limit.
  let alteredAnswers = 0;
  const note = (text: string) => {
    if (invariants.examples.length < 10) invariants.examples.push(text);
  };
  for (const m of tableRows(world, 'Members')) {
    const given = expectedMembers.get(String(m.Email));
    if (!given) continue;
    for (const [title, column] of REGISTRATION_COLUMNS) {
      if (m[column] !== expectedCell(given[title])) {
        alteredAnswers++;
        note(`Members ${column} of ${m['Bansou Net ID']} not stored as given`);
      }
    }
  }
  for (const a of tableRows(world, 'Applications')) {
    const given = expectedApps.get(String(a['Response ID']));
    if (!given) continue;
    for (const [title, column] of APPLICATION_COLUMNS) {
      if (a[column] !== expectedCell(given[title])) {
        alteredAnswers++;
        note(`Applications ${column} of ${a['Response ID']} not stored as given`);
      }
    }
  }
  return {
    world,
    submissions: registrationIds.length + applicationIds.length,
    invariants,
    alteredAnswers,
  };
}

/**
 * Replaces the application form with the TEXT-item variant (same titles) and points Settings
 * at it, as staff would after building the form differently.
 */
function swapApplicationForm(world: OfficeWorld): void {
  const spec = textApplicationForm(world.ss.getId());
  const form = world.rt.forms.createForm(spec);
  world.application = form;
  writeSettings(world.rt, world.ss, { applicationFormUrl: form.getEditUrl() });
}

export interface FuzzTotals {
  batches: number;
  submissions: number;
  textFormBatches: number;
  alteredAnswers: number;
  invariants: Invariants;
}

/** Runs fuzz batches until `submissions` were made; counts every batch, stops at none. */
export function fuzz(options: {
  seed: number;
  submissions: number;
  batch: { registrations: number; applications: number };
}): FuzzTotals {
  const totals: FuzzTotals = {
    batches: 0,
    submissions: 0,
    textFormBatches: 0,
    alteredAnswers: 0,
    invariants: emptyInvariants(),
  };
  const arb = batchArb(options.batch);
  let seed = options.seed;
  while (totals.submissions < options.submissions) {
    // fc.sample is deterministic for a seed: the report run is repeatable.
    const [batch] = fc.sample(arb, { seed: seed++, numRuns: 1 });
    const outcome = runBatch(batch, totals.batches);
    totals.batches++;
    totals.submissions += outcome.submissions;
    if (batch.textForm) totals.textFormBatches++;
    totals.alteredAnswers += outcome.alteredAnswers;
    addInvariants(totals.invariants, outcome.invariants);
  }
  return totals;
}

import fc from 'fast-check';
import {
  compareSubmission,
  type DecisionContext,
  decideApplication,
  toPrior,
} from '../../src/domain/decision';
import { decideInOrder } from '../../src/domain/engine';
import type {
  ApplicationInput,
  CourseCompletion,
  Decision,
  PriorApplication,
  StaffOverride,
} from '../../src/domain/types';
import { application, course, member, override, settings, tokyoMs, version } from './fixtures';

// BN-00001, 00002, 00007, 00012: declared experience. BN-00003: nothing. BN-00004: Basic 1–4 only.
// BN-00005: Basic 1–5, completed on 2024-07-31.
const members = new Map(
  [
    member(1),
    member(2),
    member(3, false),
    member(4, false),
    member(5, false),
    member(7),
    member(12),
  ].map((m) => [m.id, m]),
);
const completions = new Map<string, CourseCompletion[]>([
  ['BN-00004', course('BN-00004', [1, 2, 3, 4], '2024-03-01')],
  ['BN-00005', course('BN-00005', [1, 2, 3, 4, 5], '2024-07-31')],
]);
// Everyone registered long before the applications: one version each, at the beginning of time.
const histories = new Map([...members].map(([id, m]) => [id, [{ ...version(m), at: 0 }]]));
interface World {
  settings: typeof settings;
  overrides: ReadonlyMap<string, StaffOverride>;
}
const world: World = { settings, overrides: new Map() };

/** Every application decided from scratch, in submission order, through the one engine. */
function decideAll(
  apps: readonly ApplicationInput[],
  w: World,
  earlier: readonly PriorApplication[] = [],
): Decision[] {
  const byKey = new Map<string, PriorApplication[]>();
  for (const p of earlier) byKey.set(p.recipientKey, [...(byKey.get(p.recipientKey) ?? []), p]);
  return decideInOrder(
    apps.map((input) => ({ input, override: w.overrides.get(input.responseId) ?? null })),
    { settings: w.settings, histories, completions },
    byKey,
  ).map((d) => d.decision as Decision);
}

function context(
  priors: readonly PriorApplication[] = [],
  staff: StaffOverride | null = null,
): DecisionContext {
  return { settings, members, completions, priors, override: staff };
}

function decide(overrides: Partial<ApplicationInput>, priors: readonly PriorApplication[] = []) {
  return decideApplication(application(overrides), context(priors));
}

/** Decides applications one at a time, as they arrive, each seeing the earlier ones. */
function oneByOne(
  apps: readonly ApplicationInput[],
  staff: ReadonlyMap<string, StaffOverride> = new Map(),
): Decision[] {
  const priors: PriorApplication[] = [];
  return apps.map((app) => {
    const d = decideApplication(app, context(priors, staff.get(app.responseId) ?? null));
    priors.push(toPrior(d, app.submittedAt));
    return d;
  });
}

describe('a valid application', () => {
  test('is ACCEPTED with no reasons, the fee, the applicant as supporter and the payment month', () => {
    const d = decide({});
    expect(d).toEqual({
      responseId: 'r1',
      status: 'ACCEPTED',
      reasons: [],
      autoStatus: 'ACCEPTED',
      override: null,
      applicantId: 'BN-00001',
      secondId: null,
      supportDate: '2024-07-30',
      startMinute: 600,
      endMinute: 690,
      minutes: 90,
      recipientKey: 'a nguyen van#1985',
      feePerSupporter: 4000,
      supporters: ['BN-00001'],
      paymentMonth: '2024-07',
    });
  });
});

describe('R5 UNKNOWN_ID', () => {
  test.each([
    ['an ID nobody has', 'BN-09999'],
    ['an answer that is not an ID', 'my id'],
    ['an ID with another prefix', 'XX-00001'],
  ])('%s is rejected', (_label, applicantId) => {
    const d = decide({ applicantId });
    expect(d.status).toBe('REJECTED');
    expect(d.reasons).toEqual(['UNKNOWN_ID']);
  });

  test('an ID that cannot be read names no supporter and pays no one', () => {
    const d = decide({ applicantId: 'my id' });
    expect(d.applicantId).toBeNull();
    expect(d.supporters).toEqual([]);
    expect(toPrior(d, 0).supporters).toEqual([]);
  });

  test('with an unknown ID, R6 and R7 are not checked', () => {
    const d = decide({ applicantId: 'BN-09999', respondentEmail: 'someone@else.org' });
    expect(d.reasons).toEqual(['UNKNOWN_ID']);
    expect(d.applicantId).toBe('BN-09999');
  });

  test.each([['ＢＮ－０００１２'], ['bn 00012'], ['BN‐00012'], ['BN00012'], ['BN-12']])(
    'the ID variant %p reads as BN-00012 and is accepted',
    (applicantId) => {
      const d = decide({ applicantId, respondentEmail: 'member12@example.org' });
      expect(d.status).toBe('ACCEPTED');
      expect(d.applicantId).toBe('BN-00012');
      expect(d.supporters).toEqual(['BN-00012']);
    },
  );
});

describe('R6 NOT_SELF', () => {
  test.each([
    ['another address', 'member2@example.org', 'REJECTED', ['NOT_SELF']],
    ['the registered address in other case and spacing', '  Member1@EXAMPLE.org ', 'ACCEPTED', []],
    [
      'the registered address in full width',
      'ｍｅｍｂｅｒ１＠ｅｘａｍｐｌｅ．ｏｒｇ',
      'ACCEPTED',
      [],
    ],
  ])('submitted from %s → %s', (_label, respondentEmail, status, reasons) => {
    const d = decide({ respondentEmail });
    expect(d.status).toBe(status);
    expect(d.reasons).toEqual(reasons);
  });
});

describe('R7 NOT_ELIGIBLE and R19 course completion', () => {
  test.each([
    [
      'no experience and no course',
      'BN-00003',
      '2024-07-30',
      '2024-07-30',
      'REJECTED',
      ['NOT_ELIGIBLE'],
    ],
    [
      'Basic 1–4, support on 2024-03-31 (Basic 5 not required yet)',
      'BN-00004',
      '2024-03-31',
      '2024-04-05',
      'ACCEPTED',
      [],
    ],
    [
      'Basic 1–4, support on 2024-04-01 (Basic 5 required)',
      'BN-00004',
      '2024-04-01',
      '2024-04-05',
      'REJECTED',
      ['NOT_ELIGIBLE'],
    ],
    [
      'course completed the day after submitting',
      'BN-00005',
      '2024-07-29',
      '2024-07-30',
      'REJECTED',
      ['NOT_ELIGIBLE'],
    ],
    [
      'course completed by the submission day',
      'BN-00005',
      '2024-07-31',
      '2024-07-31',
      'ACCEPTED',
      [],
    ],
  ])('%s → %s', (_label, id, supportDate, submittedOn, status, reasons) => {
    const seq = Number(id.slice(3));
    const d = decide({
      applicantId: id,
      respondentEmail: `member${seq}@example.org`,
      supportDate,
      submittedAt: tokyoMs(submittedOn, '21:00'),
    });
    expect(d.status).toBe(status);
    expect(d.reasons).toEqual(reasons);
  });
});

describe('R8 OUT_OF_PERIOD (program 2023-07-10 .. 2026-02-28, inclusive)', () => {
  test.each([
    ['2023-07-09', 'REJECTED', ['OUT_OF_PERIOD']],
    ['2023-07-10', 'ACCEPTED', []],
    ['2026-02-28', 'ACCEPTED', []],
    ['2026-03-01', 'REJECTED', ['OUT_OF_PERIOD']],
  ])('support on %s → %s', (supportDate, status, reasons) => {
    const d = decide({ supportDate, submittedAt: tokyoMs(supportDate, '18:00') });
    expect(d.status).toBe(status);
    expect(d.reasons).toEqual(reasons);
  });
});

describe('R9 FUTURE_DATE', () => {
  test.each([
    ['the same day', '2024-07-30', 'ACCEPTED', []],
    ['the day after submitting', '2024-07-31', 'REJECTED', ['FUTURE_DATE']],
  ])('support on %s → %s', (_label, supportDate, status, reasons) => {
    const d = decide({ supportDate, submittedAt: tokyoMs('2024-07-30', '23:59') });
    expect(d.status).toBe(status);
    expect(d.reasons).toEqual(reasons);
  });

  test('the submission day is the Tokyo day: 16:00 UTC on 29 July is 30 July in Tokyo', () => {
    const d = decide({ supportDate: '2024-07-30', submittedAt: Date.UTC(2024, 6, 29, 16, 0) });
    expect(d.reasons).toEqual([]);
  });
});

describe('R10 LATE (due the same day next month, or that month’s last day)', () => {
  test.each([
    ['2024-06-30', '2024-07-30', '23:59', 'ACCEPTED', []],
    ['2024-06-30', '2024-07-31', '00:00', 'REJECTED', ['LATE']],
    ['2024-01-31', '2024-02-29', '23:59', 'ACCEPTED', []],
    ['2024-01-31', '2024-03-01', '00:00', 'REJECTED', ['LATE']],
    ['2023-08-31', '2023-09-30', '23:59', 'ACCEPTED', []],
    ['2023-08-31', '2023-10-01', '00:00', 'REJECTED', ['LATE']],
    ['2023-12-31', '2024-01-31', '23:59', 'ACCEPTED', []],
  ])('support on %s, submitted %s %s Tokyo → %s', (supportDate, day, time, status, reasons) => {
    const d = decide({ supportDate, submittedAt: tokyoMs(day, time) });
    expect(d.status).toBe(status);
    expect(d.reasons).toEqual(reasons);
  });
});

describe('R11 duration, TOO_SHORT and BAD_TIME; R16 fee', () => {
  test.each([
    ['10:00', '10:59', 'REJECTED', ['TOO_SHORT'], 59, 0],
    ['10:00', '11:00', 'ACCEPTED', [], 60, 4000],
    ['10:00', '11:59', 'ACCEPTED', [], 119, 4000],
    ['10:00', '12:00', 'ACCEPTED', [], 120, 8000],
    ['09:00', '17:30', 'ACCEPTED', [], 510, 8000],
    ['11:00', '10:00', 'REJECTED', ['BAD_TIME'], null, 0],
    ['10:00', '10:00', 'REJECTED', ['BAD_TIME'], null, 0],
    ['ten', '11:00', 'REJECTED', ['BAD_TIME'], null, 0],
    ['10:00', '25:00', 'REJECTED', ['BAD_TIME'], null, 0],
    ['１０：００', '１１：３０', 'ACCEPTED', [], 90, 4000],
  ])('%s–%s → %s %p, %p minutes, fee %p', (startTime, endTime, status, reasons, minutes, fee) => {
    const d = decide({ startTime, endTime });
    expect(d.status).toBe(status);
    expect(d.reasons).toEqual(reasons);
    expect(d.minutes).toBe(minutes);
    expect(d.feePerSupporter).toBe(fee);
  });
});

describe('R15 MISSING_ANSWER (REVIEW)', () => {
  test.each([
    ['the ID field empty', { applicantId: '  ' }],
    ['the support date empty', { supportDate: '' }],
    ['a support date that is not a date', { supportDate: '2024-02-30' }],
    ['the start time empty', { startTime: '' }],
    ['the end time empty', { endTime: '' }],
    ['the recipient name empty', { recipientName: '' }],
    ['the date question renamed in the form', { missing: ['supportDate'] }],
    ['the ID question renamed in the form', { missing: ['applicantId'] }],
    ['no respondent email (form not collecting emails)', { respondentEmail: '' }],
  ] as [string, Partial<ApplicationInput>][])('%s → REVIEW', (_label, change) => {
    const d = decide(change);
    expect(d.status).toBe('REVIEW');
    expect(d.reasons).toEqual(['MISSING_ANSWER']);
    expect(d.feePerSupporter).toBe(0);
  });

  test('a rejecting reason wins over a missing answer, and reasons keep the RULES order', () => {
    const d = decide({
      supportDate: 'last Tuesday',
      startTime: '10:00',
      endTime: '10:30',
      applicantId: 'BN-09999',
    });
    expect(d.status).toBe('REJECTED');
    expect(d.reasons).toEqual(['UNKNOWN_ID', 'TOO_SHORT', 'MISSING_ANSWER']);
  });

  test('an unreadable date skips R8–R10 and requires all five modules', () => {
    const d = decide({
      supportDate: '?',
      applicantId: 'BN-00004',
      respondentEmail: 'member4@example.org',
    });
    expect(d.supportDate).toBeNull();
    expect(d.reasons).toEqual(['NOT_ELIGIBLE', 'MISSING_ANSWER']);
  });
});

describe('R12 second supporter', () => {
  test.each([
    ['unknown', 'BN-09999', ['CO_UNKNOWN'], 'BN-09999', ['BN-00001']],
    ['unreadable', 'someone', ['CO_UNKNOWN'], null, ['BN-00001']],
    ['the applicant again', 'bn00001', ['CO_SAME'], 'BN-00001', ['BN-00001']],
    ['not eligible', 'BN-00003', ['CO_NOT_ELIGIBLE'], 'BN-00003', ['BN-00001']],
    ['eligible', 'ＢＮ－００００２', [], 'BN-00002', ['BN-00001', 'BN-00002']],
  ])('%s (%p): stays ACCEPTED with %p', (_label, secondId, reasons, canonical, supporters) => {
    const d = decide({ secondId });
    expect(d.status).toBe('ACCEPTED');
    expect(d.autoStatus).toBe('ACCEPTED');
    expect(d.reasons).toEqual(reasons);
    expect(d.secondId).toBe(canonical);
    expect(d.supporters).toEqual(supporters);
    expect(d.feePerSupporter).toBe(4000);
  });

  test('a second supporter whose Basic 5 is missing for support from 2024-04-01 is not eligible', () => {
    const d = decide({
      secondId: 'BN-00004',
      supportDate: '2024-04-01',
      submittedAt: tokyoMs('2024-04-02'),
    });
    expect(d.reasons).toEqual(['CO_NOT_ELIGIBLE']);
    expect(d.supporters).toEqual(['BN-00001']);
  });

  test('a second-supporter code with a rejecting reason still rejects', () => {
    const d = decide({ secondId: 'BN-09999', startTime: '10:00', endTime: '10:30' });
    expect(d.status).toBe('REJECTED');
    expect(d.reasons).toEqual(['TOO_SHORT', 'CO_UNKNOWN']);
  });
});

/** Application n for the same recipient, each on its own day so none is a duplicate. */
function forRecipient(
  n: number,
  name: string,
  change: Partial<ApplicationInput> = {},
): ApplicationInput {
  const day = `2024-07-${String(n + 10).padStart(2, '0')}`;
  return application({
    responseId: `r${n}`,
    supportDate: day,
    submittedAt: tokyoMs(day, '20:00'),
    recipientName: name,
    ...change,
  });
}

describe('R13 RECIPIENT_LIMIT (3 per person supported)', () => {
  test('the 4th application for the same person (written differently) is rejected', () => {
    const apps = [
      forRecipient(1, 'Nguyen Van A'),
      forRecipient(2, 'NGUYEN  van a'),
      forRecipient(3, 'Ｖａｎ Ａ Nguyen', { recipientBirthYear: '１９８５' }),
      forRecipient(4, 'nguyen van a', { recipientBirthYear: '1985年' }),
    ];
    const decisions = decideAll(apps, world);
    expect(decisions.map((d) => d.status)).toEqual([
      'ACCEPTED',
      'ACCEPTED',
      'ACCEPTED',
      'REJECTED',
    ]);
    expect(decisions[3].reasons).toEqual(['RECIPIENT_LIMIT']);
  });

  test('a rejected application does not count towards the cap; a REVIEW one does', () => {
    const apps = [
      forRecipient(1, 'Nguyen Van A'),
      forRecipient(2, 'Nguyen Van A', { respondentEmail: 'member2@example.org' }), // NOT_SELF
      forRecipient(3, 'Nguyen Van A', { startTime: '' }), // REVIEW, counts
      forRecipient(4, 'Nguyen Van A'),
      forRecipient(5, 'Nguyen Van A'),
    ];
    const decisions = decideAll(apps, world);
    expect(decisions.map((d) => d.status)).toEqual([
      'ACCEPTED',
      'REJECTED',
      'REVIEW',
      'ACCEPTED',
      'REJECTED',
    ]);
    expect(decisions[4].reasons).toEqual(['RECIPIENT_LIMIT']);
  });

  test('the same name with another birth year is another person', () => {
    const apps = [1, 2, 3].map((n) => forRecipient(n, 'Nguyen Van A'));
    apps.push(forRecipient(4, 'Nguyen Van A', { recipientBirthYear: '1990' }));
    expect(decideAll(apps, world).map((d) => d.status)).toEqual([
      'ACCEPTED',
      'ACCEPTED',
      'ACCEPTED',
      'ACCEPTED',
    ]);
  });

  test('the cap is a setting', () => {
    const apps = [1, 2].map((n) => forRecipient(n, 'Nguyen Van A'));
    const capped = decideAll(apps, { ...world, settings: { ...settings, recipientCap: 1 } });
    expect(capped.map((d) => d.reasons)).toEqual([[], ['RECIPIENT_LIMIT']]);
  });
});

describe('R14 DUPLICATE', () => {
  // A (BN-00001) applies naming B (BN-00002) for 10:00–11:30 on 2024-07-30.
  const first = application({
    responseId: 'a',
    secondId: 'BN-00002',
    submittedAt: tokyoMs('2024-07-30', '18:00'),
  });
  const byB = (change: Partial<ApplicationInput>) =>
    application({
      responseId: 'b',
      applicantId: 'BN-00002',
      respondentEmail: 'member2@example.org',
      recipientName: 'NGUYEN van a',
      submittedAt: tokyoMs('2024-07-30', '19:00'),
      ...change,
    });

  test.each([
    [
      'overlapping time, same person and day',
      { startTime: '11:00', endTime: '12:00', recipientName: 'Nguyen Van A' },
      'REJECTED',
      ['DUPLICATE'],
    ],
    [
      'the same time',
      { startTime: '10:00', endTime: '11:30', recipientName: 'van a NGUYEN' },
      'REJECTED',
      ['DUPLICATE'],
    ],
    [
      'a time that starts when the other ends',
      { startTime: '11:30', endTime: '12:30', recipientName: 'Nguyen Van A' },
      'ACCEPTED',
      [],
    ],
    [
      'a time that ends when the other starts',
      { startTime: '08:30', endTime: '10:00', recipientName: 'Nguyen Van A' },
      'ACCEPTED',
      [],
    ],
    ['another day', { supportDate: '2024-07-29', recipientName: 'Nguyen Van A' }, 'ACCEPTED', []],
    ['another person', { recipientName: 'Tran Thi B' }, 'ACCEPTED', []],
  ] as [string, Partial<ApplicationInput>, string, string[]][])(
    'B then applies for %s → %s',
    (_label, change, status, reasons) => {
      const [, second] = decideAll([first, byB(change)], world);
      expect(second.status).toBe(status);
      expect(second.reasons).toEqual(reasons);
    },
  );

  test('an overlapping claim by a supporter not named before is not a duplicate, but a third supporter of the case is SAME_CASE → REVIEW (R14b)', () => {
    const other = byB({
      applicantId: 'BN-00012',
      respondentEmail: 'member12@example.org',
      recipientName: 'Nguyen Van A',
    });
    const [, second] = decideAll([first, other], world);
    expect(second.reasons).toEqual(['SAME_CASE']);
    expect(second.status).toBe('REVIEW');
    expect(second.feePerSupporter).toBe(0);
  });

  test('a rejected earlier claim does not make a duplicate', () => {
    const rejected = application({ ...first, respondentEmail: 'member9@example.org' });
    const [a, b] = decideAll([rejected, byB({ recipientName: 'Nguyen Van A' })], world);
    expect(a.status).toBe('REJECTED');
    expect(b.status).toBe('ACCEPTED');
  });

  test('B naming A as second supporter meets A’s earlier claim', () => {
    const solo = application({ responseId: 'a', submittedAt: tokyoMs('2024-07-30', '18:00') });
    const [, b] = decideAll(
      [solo, byB({ secondId: 'BN-00001', startTime: '11:00', endTime: '12:00' })],
      world,
    );
    expect(b.reasons).toEqual(['DUPLICATE']);
  });
});

describe('R14b SAME_CASE: a case is claimed by at most 2 supporters in all', () => {
  // Same person, same day, overlapping times; each supporter applies alone.
  const solo = (n: number, hour: number, change: Partial<ApplicationInput> = {}) =>
    application({
      responseId: `s${n}`,
      applicantId: `BN-${String(n).padStart(5, '0')}`,
      respondentEmail: `member${n}@example.org`,
      startTime: '10:00',
      endTime: '11:30',
      submittedAt: tokyoMs('2024-07-30', `${hour}:00`),
      ...change,
    });

  test('two supporters applying separately for one case are both accepted (2 in all)', () => {
    expect(decideAll([solo(1, 18), solo(2, 19)], world).map((d) => d.status)).toEqual([
      'ACCEPTED',
      'ACCEPTED',
    ]);
  });

  test('a third supporter applying separately is SAME_CASE → REVIEW, and the fourth too', () => {
    const d = decideAll(
      [solo(1, 18), solo(2, 19), solo(7, 20, { startTime: '11:00', endTime: '12:00' })],
      { ...world },
    );
    expect(d.map((x) => x.status)).toEqual(['ACCEPTED', 'ACCEPTED', 'REVIEW']);
    expect(d[2].reasons).toEqual(['SAME_CASE']);
  });

  test('a separate application naming a supporter already on the case stays DUPLICATE', () => {
    const d = decideAll([solo(1, 18), solo(2, 19, { secondId: 'BN-00001' })], world);
    expect(d[1].reasons).toEqual(['DUPLICATE']);
  });

  test('rejected earlier claims do not count; times that only touch are another case', () => {
    const rejected = solo(1, 18, { respondentEmail: 'someone@example.org' });
    const d = decideAll(
      [rejected, solo(2, 19), solo(12, 20), solo(7, 21, { startTime: '11:30', endTime: '12:30' })],
      world,
    );
    expect(d.map((x) => x.status)).toEqual(['REJECTED', 'ACCEPTED', 'ACCEPTED', 'ACCEPTED']);
  });

  test('after two supporters claimed the case, one of them claiming it again is DUPLICATE', () => {
    // s1 (BN-00001) and s2 (BN-00002) each claimed the case; BN-00002 sends a second claim.
    const d = decideAll([solo(1, 18), solo(2, 19), solo(2, 20, { responseId: 's2-again' })], world);
    expect(d.map((x) => x.status)).toEqual(['ACCEPTED', 'ACCEPTED', 'REJECTED']);
    expect(d[2].reasons).toEqual(['DUPLICATE']);
  });

  test('a SAME_CASE application under review counts as a live claim for later ones', () => {
    const roomy = { ...world, settings: { ...settings, recipientCap: 5 } }; // R13 aside
    const d = decideAll([solo(1, 17), solo(2, 18), solo(12, 19), solo(7, 20)], roomy);
    expect(d.map((x) => x.reasons)).toEqual([[], [], ['SAME_CASE'], ['SAME_CASE']]);
  });
});

describe('staff overrides', () => {
  test('an ACCEPTED override wins, keeps the note and the automatic reasons, and pays by duration', () => {
    const staff = override('ACCEPTED', 'Confirmed by phone: typo in the date');
    const d = decideApplication(
      application({ respondentEmail: 'other@example.org', endTime: '12:30' }),
      context([], staff),
    );
    expect(d.status).toBe('ACCEPTED');
    expect(d.autoStatus).toBe('REJECTED');
    expect(d.reasons).toEqual(['NOT_SELF']);
    expect(d.override).toEqual({
      status: 'ACCEPTED',
      note: 'Confirmed by phone: typo in the date',
    });
    expect(d.feePerSupporter).toBe(8000);
  });

  test('an ACCEPTED override with unknown minutes pays the standard fee', () => {
    const d = decideApplication(
      application({ startTime: '' }),
      context([], override('ACCEPTED', 'ok')),
    );
    expect(d.autoStatus).toBe('REVIEW');
    expect(d.feePerSupporter).toBe(4000);
  });

  test('an ACCEPTED override of a support shorter than the minimum pays the standard fee', () => {
    const d = decideApplication(
      application({ startTime: '10:00', endTime: '10:45' }),
      context([], override('ACCEPTED', 'travel time counted')),
    );
    expect(d.autoStatus).toBe('REJECTED');
    expect(d.reasons).toEqual(['TOO_SHORT']);
    expect(d.feePerSupporter).toBe(4000);
  });

  test('a REJECTED override on an accepted application pays nothing', () => {
    const d = decideApplication(
      application(),
      context([], override('REJECTED', 'double claim on paper')),
    );
    expect(d.status).toBe('REJECTED');
    expect(d.autoStatus).toBe('ACCEPTED');
    expect(d.reasons).toEqual([]);
    expect(d.feePerSupporter).toBe(0);
  });

  test('an override changes what later applications see (R13 counts final statuses)', () => {
    const apps = [1, 2, 3, 4].map((n) => forRecipient(n, 'Nguyen Van A'));
    const overrides = new Map([['r2', override('REJECTED', 'not a support case')]]);
    const decisions = decideAll(apps, { ...world, overrides });
    expect(decisions.map((d) => d.status)).toEqual([
      'ACCEPTED',
      'REJECTED',
      'ACCEPTED',
      'ACCEPTED',
    ]);
    expect(decisions[1].override?.note).toBe('not a support case');
  });
});

describe('payment month (R21)', () => {
  test.each([
    ['2024-07-31', '23:59', '2024-07'],
    ['2024-08-01', '00:00', '2024-08'],
  ])('submitted %s %s Tokyo → %s', (day, time, month) => {
    const d = decide({ supportDate: '2024-07-30', submittedAt: tokyoMs(day, time) });
    expect(d.paymentMonth).toBe(month);
  });
});

describe('submission order and priors', () => {
  test.each([
    [{ submittedAt: 1, responseId: 'b' }, { submittedAt: 2, responseId: 'a' }, -1],
    [{ submittedAt: 2, responseId: 'a' }, { submittedAt: 1, responseId: 'b' }, 1],
    [{ submittedAt: 5, responseId: 'a' }, { submittedAt: 5, responseId: 'b' }, -1],
    [{ submittedAt: 5, responseId: 'b' }, { submittedAt: 5, responseId: 'a' }, 1],
    [{ submittedAt: 5, responseId: 'a' }, { submittedAt: 5, responseId: 'a' }, 0],
  ])('compareSubmission(%p, %p) has sign %p', (a, b, sign) => {
    expect(Math.sign(compareSubmission(a, b))).toBe(sign);
  });

  test('toPrior carries what R13 and R14 need', () => {
    const d = decide({ secondId: 'BN-00002' });
    expect(toPrior(d, 123)).toEqual({
      responseId: 'r1',
      submittedAt: 123,
      status: 'ACCEPTED',
      recipientKey: 'a nguyen van#1985',
      supportDate: '2024-07-30',
      startMinute: 600,
      endMinute: 690,
      supporters: ['BN-00001', 'BN-00002'],
    });
  });

  test('priors submitted later than the application, and the application itself, are ignored', () => {
    const apps = [1, 2, 3].map((n) => forRecipient(n, 'Nguyen Van A'));
    const priors = decideAll(apps, world).map((d, i) => toPrior(d, apps[i].submittedAt));
    // Re-deciding the first (e.g. after an edit, R18) with every stored decision as priors.
    expect(decideApplication(apps[0], context(priors)).reasons).toEqual([]);
  });
});

describe('decideAll equals deciding one by one as the applications arrived', () => {
  const arrival = [
    forRecipient(1, 'Nguyen Van A', { secondId: 'BN-00002' }),
    application({
      responseId: 'dup',
      applicantId: 'BN-00002',
      respondentEmail: 'member2@example.org',
      supportDate: '2024-07-11',
      submittedAt: tokyoMs('2024-07-11', '21:00'),
    }),
    forRecipient(3, 'Nguyen Van A', { startTime: '' }),
    forRecipient(4, 'NGUYEN VAN A'),
    forRecipient(5, 'Nguyen Van A', { recipientBirthYear: '' }),
    forRecipient(6, 'nguyen van a'),
  ];
  const overrides = new Map([['r3', override('REJECTED', 'not our case')]]);

  test('whatever order the input lists them in, with overrides', () => {
    const expected = oneByOne(arrival, overrides);
    expect(expected.map((d) => d.status)).toEqual([
      'ACCEPTED',
      'REJECTED',
      'REJECTED',
      'ACCEPTED',
      'ACCEPTED',
      'ACCEPTED',
    ]);
    const shuffled = [arrival[4], arrival[2], arrival[0], arrival[5], arrival[1], arrival[3]];
    expect(decideAll(shuffled, { ...world, overrides })).toEqual(expected);
  });

  test('earlier decisions passed in are seen by the new ones', () => {
    const all = decideAll(arrival, world);
    const kept = all.slice(0, 3).map((d, i) => toPrior(d, arrival[i].submittedAt));
    expect(decideAll(arrival.slice(3), world, kept)).toEqual(all.slice(3));
  });

  test('for random application streams (property)', () => {
    const ids = ['BN-00001', 'BN-00002', 'BN-00003', 'BN-09999', ''];
    const appArb = fc.record({
      who: fc.integer({ min: 1, max: 3 }),
      second: fc.constantFrom(...ids),
      day: fc.integer({ min: 10, max: 12 }),
      start: fc.integer({ min: 9, max: 12 }),
      length: fc.constantFrom(30, 60, 90, 150),
      name: fc.constantFrom('Nguyen Van A', 'van a nguyen', 'Tran Thi B'),
      at: fc.integer({ min: 0, max: 5 }),
      overrideTo: fc.constantFrom(null, 'ACCEPTED', 'REJECTED', 'REVIEW'),
    });
    fc.assert(
      fc.property(fc.array(appArb, { maxLength: 12 }), (specs) => {
        const apps = specs.map((s, i) =>
          application({
            responseId: `x${String(i).padStart(2, '0')}`,
            applicantId: `BN-0000${s.who}`,
            respondentEmail: `member${s.who}@example.org`,
            secondId: s.second,
            supportDate: `2024-07-${s.day}`,
            startTime: `${s.start}:00`,
            endTime: `${s.start + Math.floor(s.length / 60)}:${String(s.length % 60).padStart(2, '0')}`,
            recipientName: s.name,
            submittedAt: tokyoMs('2024-07-20', `1${s.at}:00`),
          }),
        );
        const overrides = new Map<string, StaffOverride>();
        specs.forEach((s, i) => {
          if (s.overrideTo)
            overrides.set(
              apps[i].responseId,
              override(s.overrideTo as StaffOverride['status'], 'n'),
            );
        });
        const inOrder = [...apps].sort(compareSubmission);
        expect(decideAll([...apps].reverse(), { ...world, overrides })).toEqual(
          oneByOne(inOrder, overrides),
        );
      }),
    );
  });
});

// R13 and R14 compare an application with earlier ones by the person supported, the support day
// and the time. When one of them could not be read (a name with no letter, a date or a time that
// is blank or unreadable) there is nothing to compare: the application is not counted towards a
// cap, not called a duplicate and not a third supporter of a case; R15 (REVIEW) or R11 (BAD_TIME)
// decide it, and staff look. Expected values by hand from RULES.md §3.
import { decideInOrder } from '../../src/domain/engine';
import type { ApplicationInput, Decision } from '../../src/domain/types';
import { application, member, settings, tokyoMs, version } from './fixtures';

// BN-00001, BN-00002 and BN-00007 declared experience; registered long before.
const histories = new Map(
  [member(1), member(2), member(7)].map((m) => [m.id, [{ ...version(m), at: 0 }]]),
);

/** Every application decided in submission order through the one engine. */
function decideAll(apps: readonly ApplicationInput[]): Decision[] {
  return decideInOrder(
    apps.map((input) => ({ input, override: null })),
    { settings, histories, completions: new Map() },
  ).map((d) => d.decision as Decision);
}

/** BN-00001's application number n: submitted on the evening of 2024-07-3n. */
function byOne(n: number, change: Partial<ApplicationInput>): ApplicationInput {
  return application({
    responseId: `r${n}`,
    submittedAt: tokyoMs('2024-07-31', `${17 + n}:00`),
    ...change,
  });
}

/** The same support by another supporter (BN-00002 or BN-00007), applying alone. */
function byOther(n: number, seq: number, change: Partial<ApplicationInput>): ApplicationInput {
  return byOne(n, {
    applicantId: `BN-0000${seq}`,
    respondentEmail: `member${seq}@example.org`,
    ...change,
  });
}

describe('R15: a name of the person supported without a letter names nobody', () => {
  test.each([['-'], ['？'], ['・・・'], ['?!'], ['—'], ['🙂']])(
    '%p is an unreadable required answer → REVIEW (MISSING_ANSWER), with no recipient key',
    (recipientName) => {
      const [d] = decideAll([byOne(1, { recipientName })]);
      expect(d.status).toBe('REVIEW');
      expect(d.reasons).toEqual(['MISSING_ANSWER']);
      expect(d.recipientKey).toBe('');
      expect(d.feePerSupporter).toBe(0);
    },
  );

  test('a name of digits or with one letter among the marks still names someone', () => {
    const [digits, marked] = decideAll([
      byOne(1, { recipientName: '007', supportDate: '2024-07-29' }),
      byOne(2, { recipientName: '- A -', supportDate: '2024-07-30' }),
    ]);
    expect([digits.status, digits.recipientKey]).toEqual(['ACCEPTED', '007#1985']);
    expect([marked.status, marked.recipientKey]).toEqual(['ACCEPTED', 'a#1985']);
  });
});

describe('R13: applications without a person supported are not counted for one person', () => {
  test.each([
    ['blank', ''],
    ['only marks', '-'],
  ])(
    'four applications with the name %s, on four days, all stay REVIEW (no RECIPIENT_LIMIT)',
    (_label, recipientName) => {
      const days = ['2024-07-27', '2024-07-28', '2024-07-29', '2024-07-30'];
      const d = decideAll(
        days.map((supportDate, i) => byOne(i + 1, { supportDate, recipientName })),
      );
      expect(d.map((x) => x.status)).toEqual(['REVIEW', 'REVIEW', 'REVIEW', 'REVIEW']);
      expect(d.map((x) => x.reasons)).toEqual([
        ['MISSING_ANSWER'],
        ['MISSING_ANSWER'],
        ['MISSING_ANSWER'],
        ['MISSING_ANSWER'],
      ]);
    },
  );
});

describe('R14: a claim that cannot be placed is not a duplicate', () => {
  test.each([
    ['blank', ''],
    ['only marks', '・'],
  ])(
    'the same supporter twice, same day and time, the name %s: both REVIEW, no DUPLICATE',
    (_label, recipientName) => {
      const d = decideAll([byOne(1, { recipientName }), byOne(2, { recipientName })]);
      expect(d.map((x) => x.reasons)).toEqual([['MISSING_ANSWER'], ['MISSING_ANSWER']]);
      expect(d[1].status).toBe('REVIEW');
    },
  );

  test.each([
    ['blank', ''],
    ['unreadable', 'last Tuesday'],
  ])(
    'the same supporter twice, same person and time, the date %s: both REVIEW, no DUPLICATE',
    (_label, supportDate) => {
      const d = decideAll([byOne(1, { supportDate }), byOne(2, { supportDate })]);
      expect(d.map((x) => x.reasons)).toEqual([['MISSING_ANSWER'], ['MISSING_ANSWER']]);
      expect(d[1].status).toBe('REVIEW');
      expect(d[1].supportDate).toBeNull();
    },
  );

  test.each([
    // The first claim is 10:00–11:30 on 2024-07-30 for Nguyen Van A.
    ['a blank start time', { startTime: '', endTime: '11:00' }, 'REVIEW', ['MISSING_ANSWER']],
    ['a blank end time', { startTime: '10:30', endTime: '' }, 'REVIEW', ['MISSING_ANSWER']],
    ['an unreadable start time', { startTime: 'soon', endTime: '11:00' }, 'REJECTED', ['BAD_TIME']],
    ['an end before the start', { startTime: '11:00', endTime: '10:30' }, 'REJECTED', ['BAD_TIME']],
  ] as [string, Partial<ApplicationInput>, string, string[]][])(
    'the same supporter again for the same person and day with %s → not DUPLICATE',
    (_label, change, status, reasons) => {
      const [first, again] = decideAll([byOne(1, {}), byOne(2, change)]);
      expect(first.status).toBe('ACCEPTED');
      expect(again.status).toBe(status);
      expect(again.reasons).toEqual(reasons);
      expect(again.minutes).toBeNull();
    },
  );

  test.each([
    ['a blank start time', { startTime: '' }],
    ['a blank end time', { endTime: '' }],
  ] as [string, Partial<ApplicationInput>][])(
    'an earlier claim under review with %s is not met by a later claim of the same supporter',
    (_label, change) => {
      const [first, later] = decideAll([byOne(1, change), byOne(2, {})]);
      expect(first.status).toBe('REVIEW');
      expect(later.status).toBe('ACCEPTED');
      expect(later.reasons).toEqual([]);
    },
  );

  test('R14b: two claims without a time do not make a third supporter of the case', () => {
    // BN-00002 and BN-00007 claim the case 10:00–11:30 without a readable time, then BN-00001
    // claims it with the time: no case can be placed for the first two, so BN-00001 is accepted.
    const d = decideAll([
      byOther(1, 2, { startTime: '' }),
      byOther(2, 7, { startTime: '' }),
      byOne(3, {}),
    ]);
    expect(d.map((x) => x.status)).toEqual(['REVIEW', 'REVIEW', 'ACCEPTED']);
    expect(d[2].reasons).toEqual([]);
  });
});

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

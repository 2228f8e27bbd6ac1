import { toPrior } from '../../src/domain/decision';
import { type DecisionFacts, decideInOrder } from '../../src/domain/engine';
import type { CourseCompletion, MemberVersion, PriorApplication } from '../../src/domain/types';
import { application, course, member, override, settings, tokyoMs, version } from './fixtures';

const a = member(1);
const b = member(2);
const registeredA = tokyoMs('2024-07-01', '09:00');
const registeredB = tokyoMs('2024-07-02', '09:00');
const reRegistered = tokyoMs('2024-08-10', '09:00');

function facts(
  histories: Record<string, MemberVersion[]>,
  completions: Record<string, CourseCompletion[]> = {},
): DecisionFacts {
  return {
    settings,
    histories: new Map(Object.entries(histories)),
    completions: new Map(Object.entries(completions)),
  };
}

const onJuly14 = application({
  responseId: 'july',
  supportDate: '2024-07-14',
  submittedAt: tokyoMs('2024-07-14', '20:00'),
});
const onAugust12 = application({
  responseId: 'august',
  supportDate: '2024-08-12',
  submittedAt: tokyoMs('2024-08-12', '20:00'),
  recipientName: 'Tran Thi B',
});

const statuses = (f: DecisionFacts, apps = [onJuly14, onAugust12]) =>
  decideInOrder(
    apps.map((input) => ({ input, override: null })),
    f,
  ).map((d) => [d.decision?.status, d.decision?.reasons]);

describe('every member-dependent rule reads the member as of the submission moment', () => {
  test('a re-registration with experience changes later applications only (R7)', () => {
    const f = facts({
      'BN-00001': [
        version(a, registeredA, { experience: false }),
        version(a, reRegistered, { experience: true }),
      ],
    });
    expect(statuses(f)).toEqual([
      ['REJECTED', ['NOT_ELIGIBLE']],
      ['ACCEPTED', []],
    ]);
  });

  test('a re-registration without experience does not take back an earlier acceptance', () => {
    const f = facts({
      'BN-00001': [
        version(a, registeredA, { experience: true }),
        version(a, reRegistered, { experience: false }),
      ],
    });
    expect(statuses(f)).toEqual([
      ['ACCEPTED', []],
      ['REJECTED', ['NOT_ELIGIBLE']],
    ]);
  });

  test('an ID issued after the submission is unknown for that application (R5)', () => {
    const f = facts({ 'BN-00001': [version(a, reRegistered)] });
    expect(statuses(f)).toEqual([
      ['REJECTED', ['UNKNOWN_ID']],
      ['ACCEPTED', []],
    ]);
  });

  test('the registered email is the one of the latest registration at that moment (R6)', () => {
    const f = facts({
      'BN-00001': [
        version(a, registeredA, { email: 'old@example.org' }),
        version(a, reRegistered, { email: 'member1@example.org' }),
      ],
    });
    expect(statuses(f)).toEqual([
      ['REJECTED', ['NOT_SELF']],
      ['ACCEPTED', []],
    ]);
  });

  test('the second supporter too: unknown, then not eligible, then eligible (R12)', () => {
    const withB = (responseId: string, day: string, at: number) =>
      application({
        responseId,
        secondId: 'BN-00002',
        supportDate: day,
        submittedAt: at,
        recipientName: responseId,
      });
    const f = facts({
      'BN-00001': [version(a, registeredA)],
      'BN-00002': [
        version(b, registeredB, { experience: false }),
        version(b, reRegistered, { experience: true }),
      ],
    });
    const out = statuses(f, [
      withB('before-b', '2024-07-01', tokyoMs('2024-07-01', '20:00')),
      withB('b-new', '2024-07-03', tokyoMs('2024-07-03', '20:00')),
      withB('b-again', '2024-08-11', tokyoMs('2024-08-11', '20:00')),
    ]);
    expect(out).toEqual([
      ['ACCEPTED', ['CO_UNKNOWN']],
      ['ACCEPTED', ['CO_NOT_ELIGIBLE']],
      ['ACCEPTED', []],
    ]);
  });

  test('course completions count when dated on or before the submission day (R19)', () => {
    const f = facts(
      { 'BN-00001': [version(a, registeredA, { experience: false })] },
      {
        'BN-00001': [
          ...course('BN-00001', [1, 2, 3, 4, 5], '2024-07-14'),
          // Dated after the July application: counts for August only.
        ],
      },
    );
    expect(statuses(f)).toEqual([
      ['ACCEPTED', []],
      ['ACCEPTED', []],
    ]);
    const late = facts(
      { 'BN-00001': [version(a, registeredA, { experience: false })] },
      { 'BN-00001': course('BN-00001', [1, 2, 3, 4, 5], '2024-07-15') },
    );
    expect(statuses(late)).toEqual([
      ['REJECTED', ['NOT_ELIGIBLE']],
      ['ACCEPTED', []],
    ]);
  });
});

describe('decideInOrder', () => {
  const f = facts({ 'BN-00001': [version(a, 0)], 'BN-00002': [version(b, 0)] });
  const forNguyen = (n: number) =>
    application({ responseId: `n${n}`, submittedAt: tokyoMs('2024-07-30', `1${n}:00`) });

  test('decides in submission order whatever the order given', () => {
    const items = [3, 1, 4, 2].map((n) => ({ input: forNguyen(n), override: null }));
    const out = decideInOrder(items, f);
    expect(out.map((d) => [d.item.input.responseId, d.decision?.status])).toEqual([
      ['n1', 'ACCEPTED'],
      ['n2', 'REJECTED'], // R14: BN-00001 already claimed this case
      ['n3', 'REJECTED'],
      ['n4', 'REJECTED'],
    ]);
  });

  test('earlier applications come in by recipient key, and only that key is asked for', () => {
    const earlier = toPrior(
      decideInOrder([{ input: forNguyen(0), override: null }], f)[0].decision!,
      forNguyen(0).submittedAt,
    );
    const asked: string[] = [];
    const lookup = {
      get: (key: string): PriorApplication[] | undefined => {
        asked.push(key);
        return key === earlier.recipientKey ? [earlier] : undefined;
      },
    };
    const out = decideInOrder([{ input: forNguyen(1), override: null }], f, lookup);
    expect(out[0].decision?.reasons).toEqual(['DUPLICATE']);
    expect(asked).toEqual([earlier.recipientKey]);
  });

  test('a paid application keeps its recorded decision, and later ones see it as recorded', () => {
    const recorded: PriorApplication = {
      ...toPrior(
        decideInOrder([{ input: forNguyen(1), override: null }], f)[0].decision!,
        forNguyen(1).submittedAt,
      ),
    };
    const out = decideInOrder(
      [
        { input: forNguyen(1), override: override('REJECTED', 'x'), recorded },
        { input: forNguyen(2), override: null },
      ],
      f,
    );
    expect(out[0].decision).toBeNull();
    expect(out[1].decision?.reasons).toEqual(['DUPLICATE']);
  });

  test('members are asked by ID only, and the course only for members without experience', () => {
    const askedHistories: string[] = [];
    const askedCourse: string[] = [];
    decideInOrder([{ input: forNguyen(1), override: null }], {
      settings,
      histories: {
        get: (id) => {
          askedHistories.push(id);
          return id === 'BN-00001' ? [version(a, 0)] : undefined;
        },
      },
      completions: {
        get: (id) => {
          askedCourse.push(id);
          return undefined;
        },
      },
    });
    expect(askedHistories).toEqual(['BN-00001']);
    expect(askedCourse).toEqual([]);
  });
});

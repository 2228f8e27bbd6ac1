import {
  canonicalModule,
  courseProgress,
  isEligible,
  requiredModules,
} from '../../src/domain/eligibility';
import { feeFor } from '../../src/domain/fees';
import { course, member, settings } from './fixtures';

describe('canonicalModule', () => {
  test.each([
    ['basic1', 'Basic 1'],
    ['Basic 1', 'Basic 1'],
    ['ＢＡＳＩＣ　１', 'Basic 1'],
    ['基礎1', 'Basic 1'],
    ['基礎編1', 'Basic 1'],
    ['基礎 第5回', 'Basic 5'],
    ['basic-3', 'Basic 3'],
    ['Advanced 2', 'Advanced 2'],
    ['応用2', 'Advanced 2'],
    ['基礎1 / Basic 1', 'Basic 1'],
  ])('%p is %p', (raw, expected) => {
    expect(canonicalModule(raw)).toBe(expected);
  });

  test.each([
    [''],
    ['Basic'],
    ['Basic 6'],
    ['Advanced 5'],
    ['Basic 0'],
    ['基礎1 / Basic 2'],
    ['Intro 1'],
  ])('%p is not a module', (raw) => {
    expect(canonicalModule(raw)).toBeNull();
  });
});

describe('requiredModules (R19)', () => {
  test.each([
    ['2024-03-31', ['Basic 1', 'Basic 2', 'Basic 3', 'Basic 4']],
    ['2024-04-01', ['Basic 1', 'Basic 2', 'Basic 3', 'Basic 4', 'Basic 5']],
    [null, ['Basic 1', 'Basic 2', 'Basic 3', 'Basic 4', 'Basic 5']],
  ])('support on %p requires %p', (day, expected) => {
    expect(requiredModules(day, settings)).toEqual(expected);
  });

  test('the Basic 5 date is a setting', () => {
    expect(requiredModules('2024-03-31', { basic5RequiredFrom: '2024-03-01' })).toContain(
      'Basic 5',
    );
  });
});

describe('isEligible (R7)', () => {
  const newcomer = member(2, false);
  const id = newcomer.id;

  test.each([
    ['experience declared, no course', member(1, true), [], '2024-07-30', '2024-07-30', true],
    [
      'not registered',
      undefined,
      course(id, [1, 2, 3, 4, 5], '2024-01-01'),
      '2024-07-30',
      '2024-07-30',
      false,
    ],
    ['no experience, no course', newcomer, [], '2024-07-30', '2024-07-30', false],
    [
      'Basic 1–5 done',
      newcomer,
      course(id, [1, 2, 3, 4, 5], '2024-07-01'),
      '2024-07-30',
      '2024-07-30',
      true,
    ],
    [
      'Basic 1–4 done, support on 2024-04-01 needs Basic 5',
      newcomer,
      course(id, [1, 2, 3, 4], '2024-03-01'),
      '2024-04-01',
      '2024-04-05',
      false,
    ],
    [
      'Basic 1–4 done, support on 2024-03-31 does not need Basic 5',
      newcomer,
      course(id, [1, 2, 3, 4], '2024-03-01'),
      '2024-03-31',
      '2024-04-05',
      true,
    ],
    [
      'completed on the submission day counts',
      newcomer,
      course(id, [1, 2, 3, 4, 5], '2024-07-30'),
      '2024-07-28',
      '2024-07-30',
      true,
    ],
    [
      'completed the day after the submission does not count',
      newcomer,
      course(id, [1, 2, 3, 4, 5], '2024-07-31'),
      '2024-07-28',
      '2024-07-30',
      false,
    ],
    [
      'one module missing',
      newcomer,
      course(id, [1, 2, 4, 5], '2024-07-01'),
      '2024-07-30',
      '2024-07-30',
      false,
    ],
    [
      'unreadable support date needs all five',
      newcomer,
      course(id, [1, 2, 3, 4], '2024-01-01'),
      null,
      '2024-07-30',
      false,
    ],
  ] as const)('%s → %p', (_label, who, completions, supportDay, submissionDay, expected) => {
    expect(isEligible(who, completions, supportDay, submissionDay, settings)).toBe(expected);
  });

  test('module names in completions are read tolerantly', () => {
    const completions = ['基礎1', 'basic 2', 'ＢＡＳＩＣ３', 'Basic-4', '基礎編5'].map(
      (module) => ({
        memberId: id,
        module,
        completedOn: '2024-07-01',
      }),
    );
    expect(isEligible(newcomer, completions, '2024-07-30', '2024-07-30', settings)).toBe(true);
  });

  test('advanced modules do not stand in for basic ones', () => {
    const completions = [1, 2, 3, 4].map((n) => ({
      memberId: id,
      module: `Advanced ${n}`,
      completedOn: '2024-01-01',
    }));
    expect(isEligible(newcomer, completions, '2024-03-01', '2024-03-10', settings)).toBe(false);
  });
});

describe('feeFor (R16)', () => {
  test.each([
    [0, 0],
    [59, 0],
    [60, 4000],
    [119, 4000],
    [120, 8000],
    [600, 8000],
  ])('%p minutes → %p yen per supporter', (minutes, fee) => {
    expect(feeFor(minutes, settings)).toBe(fee);
  });

  test('amounts and thresholds are settings', () => {
    const other = { minMinutes: 30, longMinutes: 90, feeStandard: 3000, feeLong: 5000 };
    expect([29, 30, 89, 90].map((m) => feeFor(m, other))).toEqual([0, 3000, 3000, 5000]);
  });
});

describe('course progress on the submission day (what a NOT_ELIGIBLE email states)', () => {
  test('completed by the submission day, and still missing', () => {
    const completions = [
      { memberId: 'BN-00003', module: 'Basic 1', completedOn: '2024-07-01' },
      { memberId: 'BN-00003', module: '基礎2', completedOn: '2024-07-14' },
      { memberId: 'BN-00003', module: 'Basic 3', completedOn: '2024-07-15' },
    ];
    expect(
      courseProgress(completions, '2024-07-10', '2024-07-14', { basic5RequiredFrom: '2024-04-01' }),
    ).toEqual({ done: ['Basic 1', 'Basic 2'], missing: ['Basic 3', 'Basic 4', 'Basic 5'] });
    expect(
      courseProgress([], '2024-03-10', '2024-03-14', { basic5RequiredFrom: '2024-04-01' }).missing,
    ).toEqual(['Basic 1', 'Basic 2', 'Basic 3', 'Basic 4']);
  });
});

describe('R19 details (mutation testing)', () => {
  const newcomer = member(7, false);

  test('a completion without a day does not count', () => {
    const completions = [
      ...course(newcomer.id, [1, 2, 3], '2024-03-01'),
      ...course(newcomer.id, [4], ''),
    ];
    // Before the Basic 5 date only Basic 1–4 are required: 1–3 were done by the submission day
    // (2024-03-10), Basic 4 has no day, so the member is not yet eligible (R7, R19).
    expect(isEligible(newcomer, completions, '2024-03-01', '2024-03-10', settings)).toBe(false);
    expect(
      isEligible(
        newcomer,
        [...completions, ...course(newcomer.id, [4], '2024-03-09')],
        '2024-03-01',
        '2024-03-10',
        settings,
      ),
    ).toBe(true);
  });

  test('a module completed after the submission day does not count for that application (R7)', () => {
    const completions = [
      ...course(newcomer.id, [1, 2, 3], '2024-03-01'),
      ...course(newcomer.id, [4], '2024-03-11'),
    ];
    expect(isEligible(newcomer, completions, '2024-03-01', '2024-03-10', settings)).toBe(false);
    expect(isEligible(newcomer, completions, '2024-03-01', '2024-03-11', settings)).toBe(true);
  });

  test('"基礎 第1" (without 回) reads as Basic 1', () => {
    expect(canonicalModule('基礎 第1')).toBe('Basic 1');
    expect(canonicalModule('基礎 第2回')).toBe('Basic 2');
  });
});

describe('module names as staff and forms write them (R19)', () => {
  test.each([
    ['Basic #1', 'Basic 1'],
    ['Basic.2', 'Basic 2'],
    ['Basic: 3', 'Basic 3'],
    ['基礎・4', 'Basic 4'],
    ['Basic (5)', 'Basic 5'],
    ['基礎（1）', 'Basic 1'],
    ['basic_2', 'Basic 2'],
    ['Basic\t3', 'Basic 3'],
    ['基礎 第01回', 'Basic 1'],
    ['Advanced 4', 'Advanced 4'],
  ])('%p reads as %p', (raw, expected) => {
    expect(canonicalModule(raw)).toBe(expected);
  });

  test('a bilingual choice whose other half is not a module reads by the half that is', () => {
    expect(canonicalModule('基礎3 / (new)')).toBe('Basic 3');
  });

  test('the course progress of a NOT_ELIGIBLE email does not count a completion without a day', () => {
    const completions = [
      { memberId: 'BN-00003', module: 'Basic 1', completedOn: '2024-07-01' },
      { memberId: 'BN-00003', module: 'Basic 2', completedOn: '' },
    ];
    expect(
      courseProgress(completions, '2024-03-10', '2024-07-14', { basic5RequiredFrom: '2024-04-01' }),
    ).toEqual({ done: ['Basic 1'], missing: ['Basic 2', 'Basic 3', 'Basic 4'] });
  });
});

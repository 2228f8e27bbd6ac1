// R30–R31: the transfer day and which supporters go into the bank file. Expected values by hand.
import { readAccount } from '../../src/domain/accounts';
import {
  consignorFrom,
  customerCode,
  mmdd,
  planTransfers,
  transferDate,
} from '../../src/domain/transfers';
import { settings } from './fixtures';

describe('the transfer day', () => {
  test.each([
    ['2023-07', 25, 1, '2023-08-25'], // a Friday
    ['2024-08', 25, 1, '2024-09-25'], // a Wednesday
    ['2023-10', 25, 1, '2023-11-24'], // 25 Nov 2023 is a Saturday → Friday 24
    ['2024-07', 25, 1, '2024-08-23'], // 25 Aug 2024 is a Sunday → Friday 23
    ['2024-01', 31, 1, '2024-02-29'], // February has no 31st: its last day (leap year)
    ['2024-04', 1, 5, '2024-05-31'], // day 1 is before the run on day 5 → 1 June 2024, a Saturday → Friday 31 May
    ['2024-07', 1, 5, '2024-08-30'], // → 1 September 2024, a Sunday → Friday 30 August
    ['2023-05', 2, 5, '2023-06-30'], // → 2 July 2023, a Sunday → Friday 30 June
    ['2023-11', 31, 1, '2023-12-29'], // 31 December 2023 is a Sunday → Friday 29
    // Holidays (the Cabinet Office list) and the banks' New Year move it back to a business day.
    ['2024-10', 4, 1, '2024-11-01'], // 4 Nov 2024 is a substitute holiday (Monday) → Friday 1
    ['2024-11', 1, 5, '2024-12-30'], // → 1 Jan 2025; 31 Dec is closed too → Monday 30 Dec 2024
    ['2024-10', 23, 1, '2024-11-22'], // 23 Nov 2024 is Labour Thanksgiving Day, a Saturday → Friday 22
    ['2026-08', 22, 1, '2026-09-18'], // 22 Sep 2026 (国民の休日), 21 (Respect for the Aged Day), a weekend → Friday 18
    ['2025-04', 6, 1, '2025-05-02'], // Golden Week: 6 May 2025 (振替休日) back over 5, 4, 3 → Friday 2 May
  ])('fees of %s with transferDay %i and run day %i go out on %s', (month, day, run, expected) => {
    expect(transferDate(month, day, run)).toBe(expected);
  });
  test('MMDD for the header', () => {
    expect(mmdd('2023-08-25')).toBe('0825');
  });
});

describe('the consignor (header) comes from Settings', () => {
  test('each missing setting is named', () => {
    expect(consignorFrom(settings)).toEqual({
      missing: [
        'consignorCode',
        'consignorName',
        'officeBankCode',
        'officeBranchCode',
        'officeAccountType',
        'officeAccountNumber',
      ],
    });
  });
});

describe('who goes into the file', () => {
  const good = (row: number, holder = 'ﾔﾏﾀﾞ ﾀﾛｳ') => {
    const r = readAccount({
      row,
      bankCode: '0005',
      branchCode: '123',
      accountType: '1',
      accountNumber: '1234567',
      holder,
    });
    if (!('account' in r)) throw new Error('fixture');
    return { row, account: r.account };
  };
  // A function, called inside the test: computed while the file loads, this row would belong to
  // no test, and Stryker would not see which tests depend on it (README, Mutation testing).
  const badProblems = () => {
    const r = readAccount({
      row: 4,
      bankCode: '5',
      branchCode: '123',
      accountType: '1',
      accountNumber: '1',
      holder: 'ｱ',
    });
    return 'problems' in r ? r.problems : [];
  };

  test('one record per supporter with one valid account; the others are left out with the reason', () => {
    const plan = planTransfers(
      [
        { memberId: 'BN-00001', amount: 8000 },
        { memberId: 'BN-00002', amount: 4000 },
        { memberId: 'BN-00003', amount: 12000 },
        { memberId: 'BN-00004', amount: 4000 },
      ],
      new Map([
        ['BN-00001', [good(2)]],
        ['BN-00003', [{ row: 4, problems: badProblems() }]],
        ['BN-00004', [good(5), good(6)]],
      ]),
    );
    expect(plan.transfers.map((t) => [t.memberId, t.amount, t.customerCode])).toEqual([
      ['BN-00001', 8000, '0000000001'],
    ]);
    expect(plan.count).toBe(1);
    expect(plan.total).toBe(8000);
    expect(plan.leftOut).toEqual([
      {
        memberId: 'BN-00002',
        amount: 4000,
        ja: ['口座シートに口座がありません'],
        en: ['no account in the Accounts sheet'],
      },
      {
        memberId: 'BN-00003',
        amount: 12000,
        ja: [
          '口座シート 4行目「金融機関コード」は4桁の数字ではありません。4桁の数字（先頭の0も）を入力してください。',
        ],
        en: [
          'Accounts row 4, Bank code: is not 4 digits; expected exactly 4 digits (leading zeros included).',
        ],
      },
      {
        memberId: 'BN-00004',
        amount: 4000,
        ja: ['口座シートに複数の行があります（5, 6行目）。1行にしてください'],
        en: ['more than one row in the Accounts sheet (rows 5, 6); keep one'],
      },
    ]);
  });

  test('a holder name over 30 bytes is listed as shortened', () => {
    const plan = planTransfers(
      [{ memberId: 'BN-00001', amount: 4000 }],
      new Map([['BN-00001', [good(2, 'ｱ'.repeat(31))]]]),
    );
    expect(plan.shortened).toEqual(['BN-00001']);
  });

  test('the customer code is the ID’s digits, 10 wide', () => {
    expect(customerCode('BN-00123')).toBe('0000000123');
  });
});

describe('the transfer day: edges', () => {
  test('a transfer day equal to the run day stays in the month after (the run comes first that day)', () => {
    expect(transferDate('2024-08', 5, 5)).toBe('2024-09-05'); // a Thursday
  });
});

describe('the consignor: complete settings', () => {
  const complete = {
    ...settings,
    consignorCode: '1234567890',
    consignorName: 'ﾊﾞﾝｿｳﾈﾂﾄ',
    officeBankCode: '0005',
    officeBranchCode: '123',
    officeAccountType: '2',
    officeAccountNumber: '7654321',
  };
  test('every setting filled: the header account as typed, 当座 (2) kept', () => {
    expect(consignorFrom(complete)).toEqual({
      consignor: {
        code: '1234567890',
        name: 'ﾊﾞﾝｿｳﾈﾂﾄ',
        bankCode: '0005',
        branchCode: '123',
        accountType: '2',
        accountNumber: '7654321',
      },
    });
  });
  test('an account type other than 2 is 普通 (1)', () => {
    const type = (officeAccountType: string) => {
      const c = consignorFrom({ ...complete, officeAccountType });
      return 'consignor' in c ? c.consignor.accountType : 'missing';
    };
    expect(type('1')).toBe('1');
    expect(type('4')).toBe('1');
  });
  test('only the empty settings are named', () => {
    expect(consignorFrom({ ...complete, consignorName: '', officeAccountNumber: '' })).toEqual({
      missing: ['consignorName', 'officeAccountNumber'],
    });
  });
});

describe('who goes into the file: edges', () => {
  const account = (holder: string) => ({
    row: 2,
    account: {
      bankCode: '0005',
      branchCode: '123',
      accountType: '1' as const,
      accountNumber: '1234567',
      holder,
    },
  });
  test('lines without an amount (0 or less) are not transferred and not left out', () => {
    const plan = planTransfers(
      [
        { memberId: 'BN-00001', amount: 0 },
        { memberId: 'BN-00002', amount: -4000 },
      ],
      new Map([
        ['BN-00001', [account('ｱ')]],
        ['BN-00002', [account('ｲ')]],
      ]),
    );
    expect(plan).toEqual({ transfers: [], leftOut: [], shortened: [], count: 0, total: 0 });
  });
  test('an amount up to 9,999,999,999 yen fits the file; more is left out with the reason', () => {
    const plan = planTransfers(
      [
        { memberId: 'BN-00001', amount: 9_999_999_999 },
        { memberId: 'BN-00002', amount: 10_000_000_000 },
      ],
      new Map([
        ['BN-00001', [account('ｱ')]],
        ['BN-00002', [account('ｲ')]],
      ]),
    );
    expect(plan.transfers.map((t) => t.memberId)).toEqual(['BN-00001']);
    expect(plan.leftOut).toEqual([
      {
        memberId: 'BN-00002',
        amount: 10_000_000_000,
        ja: ['金額が振込データの上限を超えています'],
        en: ['the amount is larger than the file can hold'],
      },
    ]);
  });
  test('a holder of exactly 30 bytes is not shortened; the transfer carries the account and total', () => {
    const plan = planTransfers(
      [
        { memberId: 'BN-00001', amount: 4000 },
        { memberId: 'BN-00002', amount: 8000 },
      ],
      new Map([
        ['BN-00001', [account('ｱ'.repeat(30))]],
        ['BN-00002', [account('ｲ'.repeat(29) + 'ｶﾞ')]],
      ]),
    );
    expect(plan.shortened).toEqual(['BN-00002']);
    expect(plan.transfers[0]).toEqual({
      memberId: 'BN-00001',
      account: account('ｱ'.repeat(30)).account,
      amount: 4000,
      customerCode: '0000000001',
    });
    expect([plan.count, plan.total]).toEqual([2, 12000]);
  });
  test('a row with several problems lists each, in Japanese and English', () => {
    const plan = planTransfers(
      [{ memberId: 'BN-00001', amount: 4000 }],
      new Map([
        [
          'BN-00001',
          [
            {
              row: 7,
              problems: [
                { row: 7, field: 'bankCode' as const, ja: 'は空欄です', en: 'is empty' },
                { row: 7, field: 'holder' as const, ja: 'は空欄です', en: 'is empty' },
              ],
            },
          ],
        ],
      ]),
    );
    expect(plan.leftOut[0].en).toEqual([
      'Accounts row 7, Bank code: is empty.',
      expect.stringMatching(/^Accounts row 7, .*: is empty\.$/),
    ]);
    expect(plan.leftOut[0].ja[0]).toBe('口座シート 7行目「金融機関コード」は空欄です。');
  });
  test('the customer code keeps the last 10 digits of a longer ID, and only digits', () => {
    expect(customerCode('BN-123456789012')).toBe('3456789012');
    expect(customerCode('B2N-0012')).toBe('0000020012');
  });
});

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
  const bad = readAccount({
    row: 4,
    bankCode: '5',
    branchCode: '123',
    accountType: '1',
    accountNumber: '1',
    holder: 'ｱ',
  });

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
        ['BN-00003', [{ row: 4, problems: 'problems' in bad ? bad.problems : [] }]],
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

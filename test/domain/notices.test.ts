// R30: the payment notice. Expected texts written by hand from RULES R30 and the default template.

import { DEFAULT_TEMPLATES } from '../../src/domain/default-templates';
import { noticesFor, noticeVars } from '../../src/domain/notices';
import type { HoldLine, LedgerLine } from '../../src/domain/payments';
import { pickTemplate, renderEmail } from '../../src/domain/templates';

const line = (
  responseId: string,
  memberId: string,
  amount: number,
  settledMonth = '2024-07',
): LedgerLine => ({
  responseId,
  memberId,
  amount,
  settledMonth,
  applicationMonth: settledMonth,
  carriedOver: false,
});

const apps = new Map([
  ['r1', { submittedDay: '2024-07-03', supportDay: '2024-06-30' }],
  ['r2', { submittedDay: '2024-07-10', supportDay: '2024-07-08' }],
  ['r3', { submittedDay: '2024-07-20', supportDay: '2024-07-19' }],
]);

const hold: HoldLine = {
  responseId: 'r3',
  memberId: 'BN-00001',
  fiscalYear: 2024,
  missing: ['memorandum', 'account'],
  applicationMonth: '2024-07',
};

describe('payment notices', () => {
  test('one per supporter paid in this settlement, cases in submission order, own holds only', () => {
    const notices = noticesFor(
      '2024-07',
      [
        line('r2', 'BN-00001', 8000),
        line('r1', 'BN-00001', 4000),
        line('r1', 'BN-00002', 4000),
        line('r9', 'BN-00003', 4000, '2024-06'),
      ],
      [hold, { ...hold, memberId: 'BN-00009' }],
      apps,
    );
    expect(
      notices.map((n) => [n.memberId, n.total, n.cases.map((c) => c.responseId), n.holds.length]),
    ).toEqual([
      ['BN-00001', 12000, ['r1', 'r2'], 1],
      ['BN-00002', 4000, ['r1'], 0],
    ]);
  });

  test('the Japanese notice: cases with submission day, support day and fee, total, transfer day, holds', () => {
    const [n] = noticesFor(
      '2024-07',
      [line('r1', 'BN-00001', 4000), line('r2', 'BN-00001', 8000)],
      [hold],
      apps,
    );
    const mail = renderEmail(pickTemplate(DEFAULT_TEMPLATES, 'payments.notice', 'ja'), {
      officeContact: 'Office',
      ...noticeVars(n, '山田 花子', '2024-07', '2024-08-23'),
    });
    expect(mail.missing).toEqual([]);
    expect(mail.subject).toBe('【伴走ネット】謝金のお支払いのお知らせ（2024年7月分）');
    expect(mail.body).toContain('山田 花子 様');
    expect(mail.body).toContain('■ お支払いする支援（2件）');
    expect(mail.body).toContain('・提出日 2024年7月3日／支援日 2024年6月30日／4,000円');
    expect(mail.body).toContain('・提出日 2024年7月10日／支援日 2024年7月8日／8,000円');
    expect(mail.body).toContain('合計: 12,000円');
    expect(mail.body).toContain('お振込予定日: 2024年8月23日ごろ');
    expect(mail.body).toContain(
      '・支援日 2024年7月19日（受付番号 r3）: 2024年度の覚書と謝金受取口座届出書が届いていません',
    );
  });

  test('the English notice without holds has no hold section', () => {
    const [n] = noticesFor('2024-07', [line('r1', 'BN-00002', 4000)], [], apps);
    const mail = renderEmail(pickTemplate(DEFAULT_TEMPLATES, 'payments.notice', 'English'), {
      officeContact: 'Office',
      ...noticeVars(n, 'Ben', '2024-07', '2024-08-23'),
    });
    expect(mail.subject).toBe('Bansou Net: your fees for July 2024 are being paid');
    expect(mail.body).toContain('- submitted 3 July 2024, support on 30 June 2024: ¥4,000');
    expect(mail.body).toContain('Total: ¥4,000');
    expect(mail.body).toContain('Expected transfer: around 23 August 2024');
    expect(mail.body).not.toContain('on hold');
  });
});

describe('payment notices: what goes in, in which order', () => {
  test('lines of other months and lines without an amount are left out; holds named once, only for supporters paid now', () => {
    const notices = noticesFor(
      '2024-07',
      [
        line('r3', 'BN-00002', 4000),
        line('r0', 'BN-00002', 0),
        line('r1', 'BN-00001', 4000, '2024-06'),
        line('rx', 'BN-00001', 4000),
      ],
      [
        { ...hold, memberId: 'BN-00002', missing: ['account'] },
        { ...hold, memberId: 'BN-00002', missing: ['memorandum'] },
        { ...hold, responseId: 'ry', memberId: 'BN-00002', fiscalYear: 2023 },
        { ...hold, memberId: 'BN-00005' },
      ],
      apps,
    );
    expect(notices).toEqual([
      {
        memberId: 'BN-00001',
        cases: [{ responseId: 'rx', submittedDay: '', supportDay: '', amount: 4000 }],
        total: 4000,
        holds: [],
      },
      {
        memberId: 'BN-00002',
        cases: [
          { responseId: 'r3', submittedDay: '2024-07-20', supportDay: '2024-07-19', amount: 4000 },
        ],
        total: 4000,
        holds: [
          { responseId: 'r3', supportDay: '2024-07-19', fiscalYear: 2024, missing: ['account'] },
          {
            responseId: 'ry',
            supportDay: '',
            fiscalYear: 2023,
            missing: ['memorandum', 'account'],
          },
        ],
      },
    ]);
  });

  test('supporters in ID order and cases by submission day, then response ID, whatever the input order', () => {
    const sameDay = new Map([
      ['a', { submittedDay: '2024-07-10', supportDay: '2024-07-01' }],
      ['b', { submittedDay: '2024-07-10', supportDay: '2024-07-02' }],
      ['c', { submittedDay: '2024-07-09', supportDay: '2024-07-03' }],
      ['d', { submittedDay: '2024-07-11', supportDay: '2024-07-04' }],
    ]);
    const lines = [
      line('b', 'BN-00003', 1000),
      line('d', 'BN-00003', 1000),
      line('a', 'BN-00003', 1000),
      line('c', 'BN-00003', 1000),
      line('a', 'BN-00001', 1000),
      line('a', 'BN-00002', 1000),
    ];
    const order = (ls: LedgerLine[]) =>
      noticesFor('2024-07', ls, [], sameDay).map(
        (n) => `${n.memberId}:${n.cases.map((c) => c.responseId).join('')}`,
      );
    const expected = ['BN-00001:a', 'BN-00002:a', 'BN-00003:cabd'];
    expect(order(lines)).toEqual(expected);
    expect(order([...lines].reverse())).toEqual(expected);
    expect(order([lines[2], lines[0], lines[5], lines[3], lines[1], lines[4]])).toEqual(expected);
  });

  test('the notice placeholders: each case and each hold in both languages, unknown days said so', () => {
    const notice = {
      memberId: 'BN-00001',
      cases: [
        {
          responseId: 'r1',
          submittedDay: '2024-07-03' as const,
          supportDay: '' as const,
          amount: 4000,
        },
        {
          responseId: 'r2',
          submittedDay: '' as const,
          supportDay: '2024-07-08' as const,
          amount: 12000,
        },
      ],
      total: 16000,
      holds: [
        {
          responseId: 'r3',
          supportDay: '' as const,
          fiscalYear: 2024,
          missing: ['memorandum' as const],
        },
        {
          responseId: 'r4',
          supportDay: '2024-07-19' as const,
          fiscalYear: 2024,
          missing: ['account' as const],
        },
      ],
    };
    expect(noticeVars(notice, 'Ana', '2024-07', '2024-08-23')).toEqual({
      name: 'Ana',
      memberId: 'BN-00001',
      month: { ja: '2024年7月', en: 'July 2024' },
      cases: {
        ja: [
          '提出日 2024年7月3日／支援日 不明／4,000円',
          '提出日 不明／支援日 2024年7月8日／12,000円',
        ],
        en: [
          'submitted 3 July 2024, support on unknown: ¥4,000',
          'submitted unknown, support on 8 July 2024: ¥12,000',
        ],
      },
      caseCount: '2',
      total: { ja: '16,000円', en: '¥16,000' },
      transferDate: { ja: '2024年8月23日', en: '23 August 2024' },
      onHold: {
        ja: [
          '■ 書類が届くまでお支払いを保留している申請',
          '・支援日 不明（受付番号 r3）: 2024年度の覚書が届いていません',
          '・支援日 2024年7月19日（受付番号 r4）: 2024年度の謝金受取口座届出書が届いていません',
          '書類が届いた後の月次処理でお支払いします。',
        ],
        en: [
          'Applications on hold until your documents arrive',
          '- support on unknown (reference r3): for fiscal year 2024 we have not received the signed Memorandum (覚書)',
          '- support on 19 July 2024 (reference r4): for fiscal year 2024 we have not received the Notification of Payment Receiving Account (謝金受取口座届出書)',
          'They are paid in the first monthly run after the documents arrive.',
        ],
      },
    });
  });

  test('no holds: the hold section is empty in both languages', () => {
    const [n] = noticesFor('2024-07', [line('r1', 'BN-00002', 4000)], [], apps);
    expect(noticeVars(n, 'Ben', '2024-07', '2024-08-23').onHold).toEqual({ ja: [], en: [] });
  });

  test('both documents missing are joined with と and "and"', () => {
    const [n] = noticesFor('2024-07', [line('r1', 'BN-00001', 4000)], [hold], apps);
    const vars = noticeVars(n, 'Ana', '2024-07', '2024-08-23').onHold as {
      ja: string[];
      en: string[];
    };
    expect(vars.en[1]).toBe(
      '- support on 19 July 2024 (reference r3): for fiscal year 2024 we have not received the signed Memorandum (覚書) and the Notification of Payment Receiving Account (謝金受取口座届出書)',
    );
  });
});

describe('payment notices: cases that sort alike', () => {
  test('two lines of one response for one supporter (same submission day and response ID) keep the ledger order', () => {
    const [n] = noticesFor(
      '2024-07',
      [line('r2', 'BN-00001', 4000), line('r2', 'BN-00001', 8000), line('r1', 'BN-00001', 1000)],
      [],
      apps,
    );
    expect(n.cases.map((c) => [c.responseId, c.amount])).toEqual([
      ['r1', 1000],
      ['r2', 4000],
      ['r2', 8000],
    ]);
    expect(n.total).toBe(13000);
  });
});

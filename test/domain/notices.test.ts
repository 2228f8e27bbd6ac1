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

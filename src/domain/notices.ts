// R30: the payment notice each supporter paid in a settlement receives: the cases paid
// (submission day, support day, fee), the total, when the transfer is expected, and any of
// their applications still on hold with what is missing. Pure.
import { formatDay } from './dates';
import type { HoldLine, LedgerLine } from './payments';
import {
  dayText,
  formatYen,
  type Localized,
  monthText,
  type TemplateValue,
  yenText,
} from './templates';
import type { Day, Month } from './types';

/** What the notice needs to know about an application. */
export interface NoticeApplication {
  submittedDay: Day | '';
  supportDay: Day | '';
}

export interface SupporterNotice {
  memberId: string;
  cases: { responseId: string; submittedDay: Day | ''; supportDay: Day | ''; amount: number }[];
  total: number;
  holds: {
    responseId: string;
    supportDay: Day | '';
    fiscalYear: number;
    missing: HoldLine['missing'];
  }[];
}

/**
 * One notice per supporter paid in month M's settlement (lines with settledMonth = M), in ID
 * order, each with their cases in submission order and their own lines still on hold.
 */
export function noticesFor(
  month: Month,
  lines: readonly LedgerLine[],
  onHold: readonly HoldLine[],
  apps: ReadonlyMap<string, NoticeApplication>,
): SupporterNotice[] {
  const bySupporter = new Map<string, SupporterNotice>();
  for (const line of lines) {
    if (line.settledMonth !== month || !(line.amount > 0)) continue;
    let n = bySupporter.get(line.memberId);
    if (!n) {
      n = { memberId: line.memberId, cases: [], total: 0, holds: [] };
      bySupporter.set(line.memberId, n);
    }
    const app = apps.get(line.responseId);
    n.cases.push({
      responseId: line.responseId,
      submittedDay: app?.submittedDay ?? '',
      supportDay: app?.supportDay ?? '',
      amount: line.amount,
    });
    n.total += line.amount;
  }
  for (const h of onHold) {
    const n = bySupporter.get(h.memberId);
    if (!n || n.holds.some((x) => x.responseId === h.responseId)) continue;
    n.holds.push({
      responseId: h.responseId,
      supportDay: apps.get(h.responseId)?.supportDay ?? '',
      fiscalYear: h.fiscalYear,
      missing: [...h.missing],
    });
  }
  const notices = [...bySupporter.values()].sort((a, b) =>
    a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0,
  );
  for (const n of notices) {
    n.cases.sort((a, b) =>
      a.submittedDay !== b.submittedDay
        ? a.submittedDay < b.submittedDay
          ? -1
          : 1
        : a.responseId < b.responseId
          ? -1
          : a.responseId > b.responseId
            ? 1
            : 0,
    );
  }
  return notices;
}

function day(d: Day | '', lang: 'ja' | 'en'): string {
  return d === '' ? (lang === 'ja' ? '不明' : 'unknown') : formatDay(d, lang);
}

const DOCUMENT_NAMES = {
  memorandum: { ja: '覚書', en: 'the signed Memorandum (覚書)' },
  account: {
    ja: '謝金受取口座届出書',
    en: 'the Notification of Payment Receiving Account (謝金受取口座届出書)',
  },
};

/** The placeholders of the `payments.notice` template. */
export function noticeVars(
  notice: SupporterNotice,
  name: string,
  month: Month,
  transferDay: Day,
): Record<string, TemplateValue> {
  const cases: Localized = {
    ja: notice.cases.map(
      (c) =>
        `提出日 ${day(c.submittedDay, 'ja')}／支援日 ${day(c.supportDay, 'ja')}／${formatYen(c.amount, 'ja')}`,
    ),
    en: notice.cases.map(
      (c) =>
        `submitted ${day(c.submittedDay, 'en')}, support on ${day(c.supportDay, 'en')}: ${formatYen(c.amount, 'en')}`,
    ),
  };
  const onHold: Localized =
    notice.holds.length === 0
      ? { ja: [], en: [] }
      : {
          ja: [
            '■ 書類が届くまでお支払いを保留している申請',
            ...notice.holds.map(
              (h) =>
                `・支援日 ${day(h.supportDay, 'ja')}（受付番号 ${h.responseId}）: ${h.fiscalYear}年度の${h.missing.map((m) => DOCUMENT_NAMES[m].ja).join('と')}が届いていません`,
            ),
            '書類が届いた後の月次処理でお支払いします。',
          ],
          en: [
            'Applications on hold until your documents arrive',
            ...notice.holds.map(
              (h) =>
                `- support on ${day(h.supportDay, 'en')} (reference ${h.responseId}): for fiscal year ${h.fiscalYear} we have not received ${h.missing.map((m) => DOCUMENT_NAMES[m].en).join(' and ')}`,
            ),
            'They are paid in the first monthly run after the documents arrive.',
          ],
        };
  return {
    name,
    memberId: notice.memberId,
    month: monthText(month),
    cases,
    caseCount: String(notice.cases.length),
    total: yenText(notice.total),
    transferDate: dayText(transferDay),
    onHold,
  };
}

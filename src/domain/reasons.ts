// Reason codes (RULES.md §3): for each code, in one row, the rule it belongs to, what it does
// to the decision, who is told and how, the sentence the emails use, and the short label of
// the Statistics sheet. The decision (decision.ts), the decision emails (usecases/
// applications.ts), the statistics and the staff guide (scripts/docs.ts) all read this table.
// It is a Record over ReasonCode: a code added to the type without its row does not compile.
import type { ReasonCode, Status } from './types';

/**
 * What a code does to an application:
 * - `REJECTED`: the application is refused;
 * - `REVIEW`: the application goes to staff (unless a refusing code is also there);
 * - `SHARE_REFUSED`: only the second supporter's share is refused (R12); the application stays
 *   ACCEPTED for the applicant.
 */
export type ReasonEffect = 'REJECTED' | 'REVIEW' | 'SHARE_REFUSED';

/**
 * Who is told, and with which email template (the `{reasons}` lines carry the row's text):
 * the applicant and the second supporter hear the application's status (the template of the
 * status); when a code refuses only the second supporter's share, that supporter alone gets
 * `application.shareRefused`, with SHARE_REASON_TEXT addressed to them (the application stands).
 */
export const EMAIL_FOR_EFFECT: Record<
  ReasonEffect,
  { applicant: string; secondSupporter: string }
> = {
  REJECTED: { applicant: 'application.rejected', secondSupporter: 'application.rejected' },
  REVIEW: { applicant: 'application.review', secondSupporter: 'application.review' },
  SHARE_REFUSED: { applicant: 'application.accepted', secondSupporter: 'application.shareRefused' },
};

export interface ReasonRow {
  /** The RULES.md rule that sets the code. */
  rule: string;
  effect: ReasonEffect;
  /** Short bilingual name for tables (the Statistics sheet). */
  label: string;
  /** The plain-language sentence of the decision emails and the guide. */
  text: { ja: string; en: string };
}

/** Every reason code, in RULES order (a decision lists its reasons in this order). */
export const REASONS: Record<ReasonCode, ReasonRow> = {
  UNKNOWN_ID: {
    rule: 'R5',
    effect: 'REJECTED',
    label: 'Unknown ID / 未登録のID',
    text: {
      ja: '入力された伴走ネットIDが登録されていません。',
      en: 'The Bansou Net ID you entered is not registered.',
    },
  },
  NOT_SELF: {
    rule: 'R6',
    effect: 'REJECTED',
    label: 'Not submitted by the supporter / 本人以外の申請',
    text: {
      ja: '申請は本人が、登録したメールアドレスで行う必要があります。',
      en: 'Applications must be submitted by the supporters themselves, from the email address they registered.',
    },
  },
  NOT_ELIGIBLE: {
    rule: 'R7',
    effect: 'REJECTED',
    label: 'Not eligible / 対象要件を満たさない',
    text: {
      ja: '申請の時点で、伴走支援の経験の申告、または伴走支援講座の必要なアンケートの提出がありません。',
      en: 'When you applied, you had neither declared previous accompanying-support experience nor completed the required course questionnaires.',
    },
  },
  OUT_OF_PERIOD: {
    rule: 'R8',
    effect: 'REJECTED',
    label: 'Outside the program period / 事業期間外',
    text: {
      ja: '支援日が事業の対象期間外です。',
      en: 'The date of support is outside the program period.',
    },
  },
  FUTURE_DATE: {
    rule: 'R9',
    effect: 'REJECTED',
    label: 'Support date in the future / 未来の支援日',
    text: {
      ja: '支援日が申請日より後になっています。',
      en: 'The date of support is after the date of the application.',
    },
  },
  LATE: {
    rule: 'R10',
    effect: 'REJECTED',
    label: 'Submitted late / 期限後の申請',
    text: {
      ja: '申請の期限（支援日の翌月の同じ日まで）を過ぎています。',
      en: 'The application was submitted after the deadline (the same day of the month after the support).',
    },
  },
  TOO_SHORT: {
    rule: 'R11',
    effect: 'REJECTED',
    label: 'Support too short / 支援時間不足',
    text: {
      ja: '支援時間が対象となる最低時間（通常1時間）に足りません。',
      en: 'The support was shorter than the minimum time (normally one hour).',
    },
  },
  BAD_TIME: {
    rule: 'R11',
    effect: 'REJECTED',
    label: 'Times unreadable / 時刻が読めない',
    text: {
      ja: '開始時刻・終了時刻が読み取れないか、終了時刻が開始時刻より前になっています。',
      en: 'The start and end times could not be read, or the end time is not after the start time.',
    },
  },
  CO_UNKNOWN: {
    rule: 'R12',
    effect: 'SHARE_REFUSED',
    label: 'Second supporter unknown / 同行支援者IDが未登録',
    text: {
      ja: '同行した支援者の伴走ネットIDが登録されていないため、その方の分は支払われません。',
      en: 'The second supporter’s Bansou Net ID is not registered, so no fee is paid for them.',
    },
  },
  CO_SAME: {
    rule: 'R12',
    effect: 'SHARE_REFUSED',
    label: 'Second supporter is the applicant / 同行支援者が申請者本人',
    text: {
      ja: '同行した支援者のIDが申請者本人のIDと同じため、2人目の分は支払われません。',
      en: 'The second supporter’s ID is the applicant’s own ID, so no second fee is paid.',
    },
  },
  CO_NOT_ELIGIBLE: {
    rule: 'R12',
    effect: 'SHARE_REFUSED',
    label: 'Second supporter not eligible / 同行支援者が要件外',
    text: {
      ja: '同行した支援者が支払いの条件（経験の申告または講座の修了）を満たしていないため、その方の分は支払われません。',
      en: 'The second supporter does not meet the conditions (declared experience or completed course), so no fee is paid for them.',
    },
  },
  RECIPIENT_LIMIT: {
    rule: 'R13',
    effect: 'REJECTED',
    label: 'Limit per person supported reached / 相談者ごとの上限超過',
    text: {
      ja: '同じ相談者についての申請は上限（通常3件）に達しています。',
      en: 'The limit of applications for the same person supported (normally three) has been reached.',
    },
  },
  DUPLICATE: {
    rule: 'R14',
    effect: 'REJECTED',
    label: 'Double claim / 重複申請',
    text: {
      ja: '同じ相談者・同じ日・重なる時間の支援について、すでに申請があります。',
      en: 'This support (same person, same day, overlapping time) has already been applied for.',
    },
  },
  SAME_CASE: {
    rule: 'R14b',
    effect: 'REVIEW',
    label: 'Case already claimed by two supporters / 同じ支援に3人目の申請',
    text: {
      ja: '同じ相談者・同じ日・重なる時間の支援は、すでに2人の支援者が申請しているため、別の支援だったかを事務局が確認します。',
      en: 'Two supporters have already applied for this support (same person, same day, overlapping time), so the office will check whether it was a separate support.',
    },
  },
  MISSING_ANSWER: {
    rule: 'R15',
    effect: 'REVIEW',
    label: 'Answer missing / 回答の不足',
    text: {
      ja: '必要な回答が空欄か読み取れないため、事務局が確認します。',
      en: 'A required answer is missing or could not be read, so the office will check the application.',
    },
  },
};

/** In RULES order; a decision lists its reasons in this order. */
export const REASON_CODES = Object.keys(REASONS) as readonly ReasonCode[];

/** The email each status sends (R17). */
const TEMPLATE_FOR_STATUS: Record<Status, string> = {
  ACCEPTED: 'application.accepted',
  REJECTED: 'application.rejected',
  REVIEW: 'application.review',
};

/**
 * R12, R17, R20: the email one person hears about a decision, and the reasons it gives. Everyone
 * hears the status with every reason; an accepted supporter waiting for documents hears
 * `application.onHold`; a second supporter whose share was refused hears only that, with the
 * codes that refused it.
 */
export function decisionEmailFor(
  decision: { status: Status; reasons: readonly ReasonCode[] },
  reader: { paid: boolean; waitsForDocuments: boolean },
): { key: string; reasons: ReasonCode[] } {
  if (decision.status === 'ACCEPTED' && !reader.paid) {
    return {
      key: EMAIL_FOR_EFFECT.SHARE_REFUSED.secondSupporter,
      reasons: decision.reasons.filter((c) => REASONS[c].effect === 'SHARE_REFUSED'),
    };
  }
  if (decision.status === 'ACCEPTED' && reader.waitsForDocuments) {
    return { key: 'application.onHold', reasons: [...decision.reasons] };
  }
  return { key: TEMPLATE_FOR_STATUS[decision.status], reasons: [...decision.reasons] };
}

/** The status the automatic decision takes from its reasons: any refusing code wins, then REVIEW. */
export function statusForReasons(reasons: Iterable<ReasonCode>): Status {
  let review = false;
  for (const code of reasons) {
    if (REASONS[code].effect === 'REJECTED') return 'REJECTED';
    if (REASONS[code].effect === 'REVIEW') review = true;
  }
  return review ? 'REVIEW' : 'ACCEPTED';
}

/**
 * R17: the facts behind a reason, stated in the decision email under the reasons. `{{name}}`
 * placeholders are filled per language by factLines (templates.ts); a reason without an entry
 * states no facts. The decision emails' templates place them with the {{facts}} placeholder.
 */
export const REASON_FACTS: Partial<Record<ReasonCode, { ja: string; en: string }>> = {
  LATE: {
    ja: '支援日: {{supportDate}}／申請の期限: {{dueDate}}／申請日: {{submittedOn}}',
    en: 'Date of support: {{supportDate}}; deadline: {{dueDate}}; submitted on: {{submittedOn}}',
  },
  TOO_SHORT: {
    ja: '数えた支援時間: {{minutes}}分（最低 {{minMinutes}}分）',
    en: 'Support time counted: {{minutes}} minutes (minimum {{minMinutes}} minutes)',
  },
  OUT_OF_PERIOD: {
    ja: '事業の対象期間: {{programStart}}〜{{programEnd}}／支援日: {{supportDate}}',
    en: 'Program period: {{programStart}} to {{programEnd}}; date of support: {{supportDate}}',
  },
  NOT_ELIGIBLE: {
    ja: '{{submittedOn}}（申請日）の時点: 伴走支援の経験の申告なし／提出済みの講座アンケート: {{modulesDone}}／不足: {{modulesMissing}}',
    en: 'As of {{submittedOn}} (the day of the application): no accompanying-support experience declared; course questionnaires completed: {{modulesDone}}; missing: {{modulesMissing}}',
  },
};

/**
 * R12, to the second supporter whose share was refused: the reason addressed to them (the
 * reader), not about "the second supporter". Their NOT_ELIGIBLE facts are stated as for an
 * applicant (REASON_FACTS.NOT_ELIGIBLE, with their own course questionnaires).
 */
export const SHARE_REASON_TEXT: Record<
  'CO_UNKNOWN' | 'CO_SAME' | 'CO_NOT_ELIGIBLE',
  { ja: string; en: string }
> = {
  CO_UNKNOWN: {
    ja: 'あなたの伴走ネットIDは、申請の時点で登録されていませんでした。',
    en: 'Your Bansou Net ID was not registered at the time of the application.',
  },
  CO_SAME: {
    ja: '同行した支援者のIDが、申請者本人のIDと同じでした。',
    en: 'The second supporter’s ID given was the applicant’s own ID.',
  },
  CO_NOT_ELIGIBLE: {
    ja: '申請の時点で、あなたは伴走支援の経験の申告も、伴走支援講座の必要なアンケートの提出もしていませんでした。',
    en: 'At the time of the application, you had neither declared previous accompanying-support experience nor completed the required course questionnaires.',
  },
};

export const STATUS_TEXT: Record<Status, { ja: string; en: string }> = {
  ACCEPTED: { ja: '受理', en: 'Accepted' },
  REJECTED: { ja: '不受理', en: 'Rejected' },
  REVIEW: { ja: '確認中', en: 'Under review' },
};

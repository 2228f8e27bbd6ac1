// Reason codes (RULES.md §3) and their plain-language sentences in Japanese and English.
// This is the one source for the decision emails and the staff guide.
import type { ReasonCode, Status } from './types';

/** In RULES order; a decision lists its reasons in this order. */
export const REASON_CODES: readonly ReasonCode[] = [
  'UNKNOWN_ID',
  'NOT_SELF',
  'NOT_ELIGIBLE',
  'OUT_OF_PERIOD',
  'FUTURE_DATE',
  'LATE',
  'TOO_SHORT',
  'BAD_TIME',
  'CO_UNKNOWN',
  'CO_SAME',
  'CO_NOT_ELIGIBLE',
  'RECIPIENT_LIMIT',
  'DUPLICATE',
  'SAME_CASE',
  'MISSING_ANSWER',
];

/** The rule each code belongs to. */
export const REASON_RULE: Record<ReasonCode, string> = {
  UNKNOWN_ID: 'R5',
  NOT_SELF: 'R6',
  NOT_ELIGIBLE: 'R7',
  OUT_OF_PERIOD: 'R8',
  FUTURE_DATE: 'R9',
  LATE: 'R10',
  TOO_SHORT: 'R11',
  BAD_TIME: 'R11',
  CO_UNKNOWN: 'R12',
  CO_SAME: 'R12',
  CO_NOT_ELIGIBLE: 'R12',
  RECIPIENT_LIMIT: 'R13',
  DUPLICATE: 'R14',
  SAME_CASE: 'R14b',
  MISSING_ANSWER: 'R15',
};

/**
 * Codes that only drop the second supporter's share (R12): the application stays ACCEPTED
 * for the applicant.
 */
export const SECOND_SUPPORTER_CODES: readonly ReasonCode[] = [
  'CO_UNKNOWN',
  'CO_SAME',
  'CO_NOT_ELIGIBLE',
];

/** Codes that send the application to staff (REVIEW) instead of refusing it. */
export const REVIEW_CODES: readonly ReasonCode[] = ['SAME_CASE', 'MISSING_ANSWER'];

export const REASON_TEXT: Record<ReasonCode, { ja: string; en: string }> = {
  UNKNOWN_ID: {
    ja: '入力された伴走ネットIDが登録されていません。',
    en: 'The Bansou Net ID you entered is not registered.',
  },
  NOT_SELF: {
    ja: '申請は本人が、登録したメールアドレスで行う必要があります。',
    en: 'Applications must be submitted by the supporters themselves, from the email address they registered.',
  },
  NOT_ELIGIBLE: {
    ja: '申請の時点で、伴走支援の経験の申告、または伴走支援講座の必要なアンケートの提出がありません。',
    en: 'When you applied, you had neither declared previous accompanying-support experience nor completed the required course questionnaires.',
  },
  OUT_OF_PERIOD: {
    ja: '支援日が事業の対象期間外です。',
    en: 'The date of support is outside the program period.',
  },
  FUTURE_DATE: {
    ja: '支援日が申請日より後になっています。',
    en: 'The date of support is after the date of the application.',
  },
  LATE: {
    ja: '申請の期限（支援日の翌月の同じ日まで）を過ぎています。',
    en: 'The application was submitted after the deadline (the same day of the month after the support).',
  },
  TOO_SHORT: {
    ja: '支援時間が対象となる最低時間（通常1時間）に足りません。',
    en: 'The support was shorter than the minimum time (normally one hour).',
  },
  BAD_TIME: {
    ja: '開始時刻・終了時刻が読み取れないか、終了時刻が開始時刻より前になっています。',
    en: 'The start and end times could not be read, or the end time is not after the start time.',
  },
  CO_UNKNOWN: {
    ja: '同行した支援者の伴走ネットIDが登録されていないため、その方の分は支払われません。',
    en: 'The second supporter’s Bansou Net ID is not registered, so no fee is paid for them.',
  },
  CO_SAME: {
    ja: '同行した支援者のIDが申請者本人のIDと同じため、2人目の分は支払われません。',
    en: 'The second supporter’s ID is the applicant’s own ID, so no second fee is paid.',
  },
  CO_NOT_ELIGIBLE: {
    ja: '同行した支援者が支払いの条件（経験の申告または講座の修了）を満たしていないため、その方の分は支払われません。',
    en: 'The second supporter does not meet the conditions (declared experience or completed course), so no fee is paid for them.',
  },
  RECIPIENT_LIMIT: {
    ja: '同じ相談者についての申請は上限（通常3件）に達しています。',
    en: 'The limit of applications for the same person supported (normally three) has been reached.',
  },
  DUPLICATE: {
    ja: '同じ相談者・同じ日・重なる時間の支援について、すでに申請があります。',
    en: 'This support (same person, same day, overlapping time) has already been applied for.',
  },
  SAME_CASE: {
    ja: '同じ相談者・同じ日・重なる時間の支援は、すでに2人の支援者が申請しているため、別の支援だったかを事務局が確認します。',
    en: 'Two supporters have already applied for this support (same person, same day, overlapping time), so the office will check whether it was a separate support.',
  },
  MISSING_ANSWER: {
    ja: '必要な回答が空欄か読み取れないため、事務局が確認します。',
    en: 'A required answer is missing or could not be read, so the office will check the application.',
  },
};

export const STATUS_TEXT: Record<Status, { ja: string; en: string }> = {
  ACCEPTED: { ja: '受理', en: 'Accepted' },
  REJECTED: { ja: '不受理', en: 'Rejected' },
  REVIEW: { ja: '確認中', en: 'Under review' },
};

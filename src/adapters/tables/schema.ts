// The sheets the system keeps, and their columns. Headers are bilingual; the system finds
// columns by header, so staff may reorder columns or add their own.
import type { TableSpec } from './table';

/** Number formats and widths the system's sheets share (also sessions-schema.ts, Statistics). */
export const DATE_TIME = 'yyyy-mm-dd hh:mm';
export const DATE_TIME_WIDTH = 135;
export const YEN = '"¥"#,##0';

export const MEMBERS = {
  name: 'Members',
  columns: [
    { key: 'memberId', header: 'Bansou Net ID / 伴走ネットID', width: 110, identity: true },
    { key: 'email', header: 'Email / メールアドレス', width: 200, identity: true },
    { key: 'name', header: 'Name / 氏名', width: 140 },
    { key: 'phoneticName', header: 'Name (phonetic) / フリガナ', width: 140 },
    { key: 'phone', header: 'Phone / 電話番号' },
    { key: 'address', header: 'Mailing address / 郵送先住所', width: 220 },
    { key: 'organization', header: 'Organization / 所属団体' },
    { key: 'area', header: 'Area / 活動地域' },
    { key: 'languages', header: 'Languages / 対応言語' },
    { key: 'foreignBackground', header: 'Foreign background / 外国ルーツ' },
    { key: 'experience', header: 'Experience / 伴走支援の経験' },
    { key: 'emailLanguage', header: 'Email language / 連絡言語' },
    { key: 'consent', header: 'Privacy consent / 個人情報同意' },
    {
      key: 'firstRegisteredAt',
      header: 'First registered at / 初回登録',
      numberFormat: DATE_TIME,
      width: DATE_TIME_WIDTH,
    },
    {
      key: 'lastUpdatedAt',
      header: 'Last updated at / 最終更新',
      numberFormat: DATE_TIME,
      width: DATE_TIME_WIDTH,
    },
    { key: 'responseIds', header: 'Registration response IDs / 登録回答ID', width: 160 },
    {
      key: 'lastResponseAt',
      header: 'Last response time / 最終回答時刻',
      numberFormat: DATE_TIME,
      width: DATE_TIME_WIDTH,
    },
    {
      key: 'lastReplyAt',
      header: 'Last auto-reply at / 自動返信日時',
      numberFormat: DATE_TIME,
      width: DATE_TIME_WIDTH,
    },
    { key: 'repliesThatDay', header: 'Auto-replies that day / 同日の自動返信数' },
    // R36: written by the sessions jobs from the attendance staff tick in Sign-ups.
    { key: 'sessionsAttended', header: 'Sessions attended this FY / 今年度の相談会参加' },
  ],
} as const satisfies TableSpec;

/**
 * Member history: one row per registration response version (first, repeat, edited, or a
 * response that arrived late), with its time and the facts the rules read (RULES §3 "Facts as
 * of the submission moment"). Only ever appended. A BASELINE row is a member's Members row as
 * it stood when the history began (a deployment from before the history was kept).
 */
export const MEMBER_HISTORY = {
  name: 'Member history',
  columns: [
    {
      key: 'respondedAt',
      header: 'Response time / 回答時刻',
      numberFormat: 'yyyy-mm-dd hh:mm:ss',
      width: 150,
    },
    { key: 'memberId', header: 'Bansou Net ID / 伴走ネットID', width: 110, identity: true },
    { key: 'responseId', header: 'Registration response ID / 登録回答ID', width: 160 },
    { key: 'kind', header: 'Kind / 種別' },
    { key: 'email', header: 'Email / メールアドレス', width: 200 },
    { key: 'experience', header: 'Experience / 伴走支援の経験' },
    { key: 'foreignBackground', header: 'Foreign background / 外国ルーツ' },
    { key: 'emailLanguage', header: 'Email language / 連絡言語' },
    {
      key: 'recordedAt',
      header: 'Recorded at / 記録日時',
      numberFormat: DATE_TIME,
      width: DATE_TIME_WIDTH,
    },
  ],
} as const satisfies TableSpec;

export const DOCUMENTS = {
  name: 'Documents',
  columns: [
    { key: 'memberId', header: 'Bansou Net ID / 伴走ネットID', staff: true },
    { key: 'fiscalYear', header: 'Fiscal year / 年度', staff: true },
    {
      key: 'memorandumOn',
      header: 'Memorandum received / 覚書受領日',
      staff: true,
      numberFormat: 'yyyy-mm-dd',
    },
    {
      key: 'accountOn',
      header: 'Account notification received / 口座届受領日',
      staff: true,
      numberFormat: 'yyyy-mm-dd',
    },
    { key: 'note', header: 'Note / メモ', staff: true },
  ],
} as const satisfies TableSpec;

export const COURSE = {
  name: 'Course',
  columns: [
    { key: 'memberId', header: 'Bansou Net ID / 伴走ネットID', staff: true },
    { key: 'module', header: 'Module / 講座', staff: true },
    {
      key: 'completedOn',
      header: 'Completed on / 修了日',
      staff: true,
      numberFormat: 'yyyy-mm-dd',
    },
    { key: 'responseId', header: 'Course response ID / 回答ID' },
    { key: 'status', header: 'Status / 状態' },
  ],
} as const satisfies TableSpec;

export const APPLICATIONS = {
  name: 'Applications',
  columns: [
    { key: 'responseId', header: 'Response ID / 回答ID', width: 120 },
    {
      key: 'submittedAt',
      header: 'Submitted at / 申請日時',
      numberFormat: DATE_TIME,
      width: DATE_TIME_WIDTH,
    },
    {
      key: 'lastResponseAt',
      header: 'Last response time / 最終回答時刻',
      numberFormat: DATE_TIME,
      width: DATE_TIME_WIDTH,
    },
    { key: 'respondentEmail', header: 'Respondent email / 回答者メール', width: 180 },
    { key: 'applicantId', header: 'Applicant ID / 申請者ID' },
    { key: 'applicantName', header: 'Applicant name / 申請者氏名' },
    { key: 'secondId', header: 'Second supporter ID / 同行支援者ID' },
    { key: 'supportDate', header: 'Support date / 支援日' },
    { key: 'startTime', header: 'Start / 開始' },
    { key: 'endTime', header: 'End / 終了' },
    { key: 'minutes', header: 'Minutes / 分' },
    { key: 'recipientName', header: 'Person supported / 相談者' },
    { key: 'recipientBirthYear', header: 'Birth year / 生まれ年' },
    { key: 'recipientKey', header: 'Recipient key / 相談者キー' },
    { key: 'issues', header: 'Issues / 相談内容' },
    { key: 'prefecture', header: 'Prefecture / 都道府県' },
    { key: 'description', header: 'What support was given / 支援の内容', width: 240 },
    { key: 'missingFields', header: 'Questions missing from the form / フォームにない設問' },
    { key: 'status', header: 'Status / 判定' },
    { key: 'reasons', header: 'Reason codes / 理由コード', width: 160 },
    { key: 'feePerSupporter', header: 'Fee per supporter / 謝金（1人）', numberFormat: YEN },
    { key: 'supporters', header: 'Supporters / 支援者ID' },
    { key: 'paymentMonth', header: 'Payment month / 支払対象月' },
    { key: 'onHold', header: 'On hold (documents) / 書類待ち' },
    { key: 'autoStatus', header: 'Automatic decision / 自動判定' },
    {
      key: 'decidedAt',
      header: 'Decided at / 判定日時',
      numberFormat: DATE_TIME,
      width: DATE_TIME_WIDTH,
    },
    { key: 'paidIn', header: 'Paid in / 支払済み' },
    { key: 'flag', header: 'Flag / 要確認' },
    { key: 'override', header: 'Staff override / 事務局判定', staff: true, width: 130 },
    { key: 'note', header: 'Staff note / 事務局メモ', staff: true, width: 200 },
  ],
} as const satisfies TableSpec;

export const LEDGER = {
  name: 'Ledger',
  columns: [
    { key: 'responseId', header: 'Response ID / 回答ID', identity: true },
    { key: 'memberId', header: 'Bansou Net ID / 伴走ネットID', identity: true },
    { key: 'amount', header: 'Amount / 金額', numberFormat: YEN },
    { key: 'settledMonth', header: 'Payments sheet / 支払表' },
    { key: 'applicationMonth', header: 'Application month / 申請月' },
    { key: 'carriedOver', header: 'Carried over / 繰越' },
    {
      key: 'recordedAt',
      header: 'Recorded at / 記録日時',
      numberFormat: DATE_TIME,
      width: DATE_TIME_WIDTH,
    },
  ],
} as const satisfies TableSpec;

/**
 * The on-hold (R20) and review applications of each settled month, one row each, a field per
 * column. Only ever appended; read back to redraw a settled month's sheet.
 */
export const HOLDS = {
  name: 'Payment holds',
  columns: [
    { key: 'month', header: 'Payments sheet / 支払表' },
    { key: 'kind', header: 'Kind / 種別' },
    { key: 'responseId', header: 'Response ID / 回答ID' },
    { key: 'memberId', header: 'Bansou Net ID / 伴走ネットID' },
    { key: 'fiscalYear', header: 'Fiscal year / 年度' },
    { key: 'missing', header: 'Missing documents / 未提出の書類' },
    { key: 'applicationMonth', header: 'Application month / 申請月' },
  ],
} as const satisfies TableSpec;

/**
 * The one column in which versions before the holds had columns packed an on-hold row's
 * fields ("FY2024 memorandum,account 2024-06"). Not in HOLDS: it is read from an office's
 * older rows, never written.
 */
export const HOLDS_PACKED_DETAIL = { key: 'detail', header: 'Detail / 詳細' } as const;

export const RUNS = {
  name: 'Payment runs',
  columns: [
    { key: 'month', header: 'Month / 対象月', identity: true },
    { key: 'ranAt', header: 'Ran at / 実行日時', numberFormat: DATE_TIME, width: DATE_TIME_WIDTH },
    { key: 'supporters', header: 'Supporters paid / 支払人数' },
    { key: 'total', header: 'Total / 合計', numberFormat: YEN },
    { key: 'onHold', header: 'On hold / 保留' },
    { key: 'review', header: 'In review / 確認中' },
  ],
} as const satisfies TableSpec;

/** R30: one row per payment notice queued, so a settled month never notifies anyone twice. */
export const NOTICES = {
  name: 'Payment notices',
  columns: [
    { key: 'month', header: 'Payments sheet / 支払表', identity: true },
    { key: 'memberId', header: 'Bansou Net ID / 伴走ネットID', identity: true },
    { key: 'cases', header: 'Cases / 件数' },
    { key: 'amount', header: 'Amount / 金額', numberFormat: YEN },
    {
      key: 'queuedAt',
      header: 'Notice sent at / 通知日時',
      numberFormat: DATE_TIME,
      width: DATE_TIME_WIDTH,
    },
  ],
} as const satisfies TableSpec;

/**
 * R31: the accounts staff type from each member's *Notification of Payment Receiving Account*.
 * Codes and numbers are plain-text columns, so Sheets keeps their leading zeros.
 */
export const ACCOUNTS = {
  name: 'Accounts',
  columns: [
    { key: 'memberId', header: 'Bansou Net ID / 伴走ネットID', staff: true },
    { key: 'bankCode', header: 'Bank code / 金融機関コード', staff: true, numberFormat: '@' },
    { key: 'branchCode', header: 'Branch code / 支店コード', staff: true, numberFormat: '@' },
    { key: 'accountType', header: 'Account type / 預金種目', staff: true },
    {
      key: 'accountNumber',
      header: 'Account number / 口座番号',
      staff: true,
      numberFormat: '@',
    },
    {
      key: 'holder',
      header: 'Account holder (kana) / 口座名義（カナ）',
      aliases: ['口座名義'],
      staff: true,
      width: 200,
    },
    { key: 'note', header: 'Note / メモ', staff: true, width: 200 },
  ],
} as const satisfies TableSpec;

export const OUTBOX = {
  name: 'Outbox',
  columns: [
    {
      key: 'queuedAt',
      header: 'Queued at / 登録日時',
      numberFormat: DATE_TIME,
      width: DATE_TIME_WIDTH,
    },
    { key: 'to', header: 'To / 宛先' },
    { key: 'subject', header: 'Subject / 件名' },
    { key: 'body', header: 'Body / 本文' },
    { key: 'htmlBody', header: 'HTML body / HTML本文' },
    { key: 'kind', header: 'Kind / 種別' },
    { key: 'ref', header: 'Reference / 参照' },
    { key: 'status', header: 'Status / 状態' },
    {
      key: 'sentAt',
      header: 'Sent at / 送信日時',
      numberFormat: DATE_TIME,
      width: DATE_TIME_WIDTH,
    },
    { key: 'attempts', header: 'Attempts / 試行' },
    { key: 'lastError', header: 'Last error / エラー' },
  ],
} as const satisfies TableSpec;

export const LOG = {
  name: 'Log',
  columns: [
    { key: 'at', header: 'Time / 日時', numberFormat: 'yyyy-mm-dd hh:mm:ss', width: 150 },
    { key: 'action', header: 'Action / 処理' },
    { key: 'responseId', header: 'Response ID / 回答ID' },
    { key: 'memberId', header: 'Bansou Net ID / 伴走ネットID' },
    { key: 'change', header: 'Status change / 状態の変化' },
    { key: 'detail', header: 'Detail / 詳細', width: 300 },
    { key: 'by', header: 'By / 実行者' },
  ],
} as const satisfies TableSpec;

export const SETTINGS = {
  name: 'Settings',
  columns: [
    { key: 'key', header: 'Key / キー', width: 230 },
    { key: 'label', header: 'Setting / 設定項目', width: 260 },
    { key: 'value', header: 'Value / 値', staff: true, width: 320 },
    { key: 'help', header: 'Explanation / 説明', width: 420 },
  ],
} as const satisfies TableSpec;

export const TEMPLATES = {
  name: 'Templates',
  columns: [
    { key: 'key', header: 'Template / テンプレート' },
    { key: 'lang', header: 'Language / 言語' },
    { key: 'subject', header: 'Subject / 件名', staff: true, width: 300 },
    { key: 'body', header: 'Body / 本文', staff: true, width: 600 },
  ],
} as const satisfies TableSpec;

export type KeysOf<T extends TableSpec> = T['columns'][number]['key'];

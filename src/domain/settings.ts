// The Settings sheet: what each row means, its default, and how a cell is read and checked.
// Every rule parameter of RULES.md lives here as a setting (RULES.md: "nothing may be hard-coded").
// Pure: cells in, typed Settings or a list of plain-language errors out.
import { readAccountType, readHolder } from './accounts';
import { dayOf, parseDay } from './dates';
import type {
  ApplicationField,
  CourseField,
  RegistrationField,
  Settings,
  SignupField,
} from './settings-types';
import { cellText, nfkc } from './text';
import type { Day } from './types';

export type SettingKind =
  | 'url' // a Google Forms editor address, required
  | 'optionalUrl' // the same, or empty
  | 'email' // one address (staffEmail: one or more, separated by commas)
  | 'optionalEmail'
  | 'text' // free text, required
  | 'day' // 'YYYY-MM-DD'
  | 'int' // a whole number within min..max (and among `allowed` when given)
  | 'yen' // a whole number of yen, 0 or more
  | 'hour' // 0–23, Tokyo time
  | 'title' // a question title of a form (field map)
  | 'optionalDigits' // R31: digits, `min`..`max` long, padded with zeros to `max`; or empty
  | 'optionalAccountType' // R31: 普通/当座 (1/2), or empty
  | 'optionalBankKana'; // R31: a name in bank kana of at most `max` bytes, or empty

export type ScalarKey = Exclude<
  keyof Settings,
  'registrationFields' | 'applicationFields' | 'courseFields' | 'signupFields'
>;

export type SettingKey =
  | ScalarKey
  | `field.registration.${RegistrationField}`
  | `field.application.${ApplicationField}`
  | `field.course.${CourseField}`
  | `field.signup.${SignupField}`;

export interface SettingSpec {
  key: SettingKey;
  labelJa: string;
  labelEn: string;
  /** The default, as written in the sheet. '' for a required setting means staff must fill it. */
  defaultValue: string;
  helpJa: string;
  helpEn: string;
  kind: SettingKind;
  /** Bounds for 'int' (inclusive). */
  min?: number;
  max?: number;
  /** For 'int': the only values accepted. */
  allowed?: readonly number[];
  /** For 'email': several addresses separated by commas are accepted. */
  multiple?: boolean;
}

export interface SettingError {
  key: string;
  labelEn: string;
  labelJa: string;
  /** The cell as staff see it ('' when empty). */
  value: string;
  /** What is wrong and what is expected, in plain English (completes "<value> …"). */
  expected: string;
  expectedJa: string;
}

// Apps Script's hour timer offers these intervals (everyHours: 1, 2, 4, 6, 8, 12).
const HOUR_INTERVALS: readonly number[] = [1, 2, 4, 6, 8, 12];

function int(
  key: ScalarKey,
  labelJa: string,
  labelEn: string,
  defaultValue: string,
  helpJa: string,
  helpEn: string,
  bounds: { min: number; max?: number; allowed?: readonly number[] },
): SettingSpec {
  return { key, labelJa, labelEn, defaultValue, helpJa, helpEn, kind: 'int', ...bounds };
}

const FORM_URL_HELP_JA =
  'フォームの編集画面のアドレス（https://docs.google.com/forms/d/…/edit）。回答用リンクや forms.gle の短縮リンクではありません。';
const FORM_URL_HELP_EN =
  'The address of the form’s editor (https://docs.google.com/forms/d/…/edit), not the respondents’ link or a forms.gle short link.';

const SCALAR_SPECS: readonly SettingSpec[] = [
  {
    key: 'registrationFormUrl',
    labelJa: '登録フォームのURL',
    labelEn: 'Registration form URL',
    defaultValue: '',
    helpJa: FORM_URL_HELP_JA,
    helpEn: FORM_URL_HELP_EN,
    kind: 'url',
  },
  {
    key: 'applicationFormUrl',
    labelJa: '申請フォームのURL',
    labelEn: 'Application form URL',
    defaultValue: '',
    helpJa: FORM_URL_HELP_JA,
    helpEn: FORM_URL_HELP_EN,
    kind: 'url',
  },
  {
    key: 'courseFormUrl',
    labelJa: '講座アンケートフォームのURL（任意）',
    labelEn: 'Course questionnaire form URL (optional)',
    defaultValue: '',
    helpJa: '講座アンケートのフォームを使う場合、その編集画面のアドレス。使わない場合は空欄。',
    helpEn:
      'The editor address of the course questionnaire form, if there is one; leave empty if not.',
    kind: 'optionalUrl',
  },
  {
    key: 'signupFormUrl',
    labelJa: '相談会申込フォームのURL（任意）',
    labelEn: 'Session sign-up form URL (optional)',
    defaultValue: '',
    helpJa:
      'オンライン相談会の申込フォームを使う場合、その編集画面のアドレス。使わない場合は空欄（R33）。',
    helpEn:
      'The editor address of the online-session sign-up form, if there is one; leave empty if not (R33).',
    kind: 'optionalUrl',
  },
  {
    key: 'staffEmail',
    labelJa: '事務局のメールアドレス',
    labelEn: 'Staff email',
    defaultValue: '',
    helpJa: '月次の集計と警告を受け取るアドレス。複数の場合はカンマで区切ります。',
    helpEn: 'Where monthly summaries and alerts go; several addresses separated by commas.',
    kind: 'email',
    multiple: true,
  },
  {
    key: 'senderName',
    labelJa: '送信者名',
    labelEn: 'Sender name',
    defaultValue: '伴走ネット事務局 / Bansou Net Office',
    helpJa: '送信するメールの差出人として表示される名前。',
    helpEn: 'The name shown as the sender of the emails.',
    kind: 'text',
  },
  {
    key: 'replyTo',
    labelJa: '返信先アドレス（任意）',
    labelEn: 'Reply-to address (optional)',
    defaultValue: '',
    helpJa: '受信者が返信したときの宛先。空欄の場合はスクリプトを動かすアカウントに返信されます。',
    helpEn: 'Where replies go; empty means replies go to the account that runs the script.',
    kind: 'optionalEmail',
  },
  {
    key: 'officeContact',
    labelJa: '事務局の連絡先',
    labelEn: 'Office contact',
    defaultValue:
      'Solidarity Network with Migrants Japan (SMJ) TEL 03-3837-2316 bansounetwork@gmail.com',
    helpJa: 'メールの末尾に載せる連絡先（団体名・電話・メール）。',
    helpEn: 'The contact put at the end of the emails (organisation, phone, email).',
    kind: 'text',
  },
  {
    key: 'programStart',
    labelJa: '事業の開始日',
    labelEn: 'Program start',
    defaultValue: '2023-07-10',
    helpJa: '対象となる支援日の最初の日（R8）。形式 YYYY-MM-DD。',
    helpEn: 'First support date covered (R8), as YYYY-MM-DD.',
    kind: 'day',
  },
  {
    key: 'programEnd',
    labelJa: '事業の終了日',
    labelEn: 'Program end',
    defaultValue: '2026-02-28',
    helpJa: '対象となる支援日の最後の日（R8）。形式 YYYY-MM-DD。',
    helpEn: 'Last support date covered (R8), as YYYY-MM-DD.',
    kind: 'day',
  },
  int(
    'minMinutes',
    '最低支援時間（分）',
    'Minimum support time (minutes)',
    '60',
    '謝金の対象となる最低の支援時間（R11）。分単位の整数。',
    'The shortest support that is paid (R11), in whole minutes.',
    { min: 1, max: 1440 },
  ),
  int(
    'longMinutes',
    '長時間の支援（分）',
    'Long support from (minutes)',
    '120',
    'この時間以上の支援は長時間の謝金になります（R16）。分単位の整数。',
    'Support of at least this many minutes is paid the long fee (R16), in whole minutes.',
    { min: 1, max: 1440 },
  ),
  {
    key: 'feeStandard',
    labelJa: '謝金（60〜119分）',
    labelEn: 'Fee, 60–119 minutes',
    defaultValue: '4000',
    helpJa: '最低時間以上・長時間未満の支援の、支援者1人あたりの謝金（円、R16）。',
    helpEn: 'Fee per supporter for support from the minimum up to the long time (yen, R16).',
    kind: 'yen',
  },
  {
    key: 'feeLong',
    labelJa: '謝金（120分以上）',
    labelEn: 'Fee, 120 minutes or more',
    defaultValue: '8000',
    helpJa: '長時間の支援の、支援者1人あたりの謝金（円、R16）。',
    helpEn: 'Fee per supporter for long support (yen, R16).',
    kind: 'yen',
  },
  int(
    'recipientCap',
    '相談者1人あたりの申請上限',
    'Applications per person supported',
    '3',
    '同じ相談者について受理する申請の上限（R13）。',
    'The most applications accepted for the same person supported (R13).',
    { min: 1, max: 1000 },
  ),
  int(
    'deadlineMonths',
    '申請期限（か月）',
    'Application deadline (months)',
    '1',
    '支援日から何か月後の同じ日まで申請できるか（R10）。',
    'How many months after the support an application may be submitted (R10).',
    { min: 1, max: 24 },
  ),
  {
    key: 'basic5RequiredFrom',
    labelJa: '基礎講座5が必要になる支援日',
    labelEn: 'Basic 5 required from',
    defaultValue: '2024-04-01',
    helpJa: 'この日以降の支援日には基礎講座5のアンケートも必要です（R19）。形式 YYYY-MM-DD。',
    helpEn:
      'Support on or after this day also needs the Basic 5 questionnaire (R19), as YYYY-MM-DD.',
    kind: 'day',
  },
  {
    key: 'idPrefix',
    labelJa: 'IDの接頭辞',
    labelEn: 'ID prefix',
    defaultValue: 'BN-',
    helpJa: '伴走ネットIDの先頭の文字（R1）。運用開始後は変えないでください。',
    helpEn: 'The letters before the number of a Bansou Net ID (R1); do not change it once in use.',
    kind: 'text',
  },
  int(
    'idWidth',
    'IDの桁数',
    'ID digits',
    '5',
    'IDの番号部分の桁数（0で埋めます、R1）。',
    'How many digits the ID number is padded to with zeros (R1).',
    { min: 1, max: 10 },
  ),
  int(
    'monthlyRunDay',
    '月次処理の日',
    'Monthly run day',
    '1',
    '支払い一覧を作る毎月の日（1〜28、R21）。',
    'The day of each month the payment sheet is made (1–28, R21).',
    { min: 1, max: 28 },
  ),
  {
    key: 'monthlyRunHour',
    labelJa: '月次処理の時刻',
    labelEn: 'Monthly run hour',
    defaultValue: '6',
    helpJa: '月次処理を行う時（0〜23、日本時間、R21）。',
    helpEn: 'The hour of the monthly run (0–23, Tokyo time, R21).',
    kind: 'hour',
  },
  int(
    'sweepEveryHours',
    '取りこぼし確認の間隔（時間）',
    'Sweep every (hours)',
    '1',
    '未処理の回答を確認する間隔（1, 2, 4, 6, 8, 12 時間、R26）。',
    'How often unprocessed responses are looked for (1, 2, 4, 6, 8 or 12 hours, R26).',
    { min: 1, max: 12, allowed: HOUR_INTERVALS },
  ),
  int(
    'outboxEveryHours',
    '送信待ちメールの処理間隔（時間）',
    'Outbox every (hours)',
    '1',
    '送信待ちのメールを送る間隔（1, 2, 4, 6, 8, 12 時間、R29）。',
    'How often queued emails are sent (1, 2, 4, 6, 8 or 12 hours, R29).',
    { min: 1, max: 12, allowed: HOUR_INTERVALS },
  ),
  int(
    'dailyAutoReplyLimit',
    '自動返信の1日の上限',
    'Auto-replies per address per day',
    '1',
    '同じアドレスに1日に送る登録の自動返信の上限（R29）。',
    'The most registration auto-replies sent to one address in a day (R29).',
    { min: 1, max: 100 },
  ),
  // R30–R31: the month-close (payment notices and the bank transfer file).
  int(
    'transferDay',
    '振込日',
    'Transfer day',
    '25',
    '支払い一覧を作った月の何日に振り込むか（1〜31、その月にない日は月末）。土日なら直前の金曜日。支払い通知メールと振込データの振込指定日になります（R30, R31）。',
    'The day of the month after the settled month on which fees are transferred (1–31; a day the month lacks means its last day); a Saturday or Sunday moves to the Friday before. Told to supporters in the payment notice and written as the transfer date of the bank file (R30, R31).',
    { min: 1, max: 31 },
  ),
  {
    key: 'consignorCode',
    labelJa: '委託者コード（振込依頼人コード）',
    labelEn: 'Consignor code (bank-assigned)',
    defaultValue: '',
    helpJa:
      '総合振込の契約で銀行から割り当てられた10桁の番号（R31）。振込データを作るときだけ必要です。',
    helpEn:
      'The 10-digit code the bank gave the office for bulk transfers (総合振込, R31). Needed only for the bank transfer file.',
    kind: 'optionalDigits',
    min: 1,
    max: 10,
  },
  {
    key: 'consignorName',
    labelJa: '委託者名（カナ）',
    labelEn: 'Consignor name (kana)',
    defaultValue: '',
    helpJa: '振込依頼人として通知される名前。半角40文字まで、カタカナ・英大文字・数字（R31）。',
    helpEn:
      'The sender name the bank shows to supporters: katakana, capital letters and digits, at most 40 half-width characters (R31).',
    kind: 'optionalBankKana',
    max: 40,
  },
  {
    key: 'officeBankCode',
    labelJa: '事務局口座の金融機関コード',
    labelEn: 'Office account: bank code',
    defaultValue: '',
    helpJa: '振込元（事務局）口座の金融機関コード（4桁、R31）。',
    helpEn: 'The bank code of the office’s account the transfers are paid from (4 digits, R31).',
    kind: 'optionalDigits',
    min: 4,
    max: 4,
  },
  {
    key: 'officeBranchCode',
    labelJa: '事務局口座の支店コード',
    labelEn: 'Office account: branch code',
    defaultValue: '',
    helpJa: '振込元口座の支店コード（3桁、R31）。',
    helpEn: 'The branch code of the office’s account (3 digits, R31).',
    kind: 'optionalDigits',
    min: 3,
    max: 3,
  },
  {
    key: 'officeAccountType',
    labelJa: '事務局口座の預金種目',
    labelEn: 'Office account: type',
    defaultValue: '',
    helpJa: '振込元口座の種類: 普通 または 当座（1 または 2、R31）。',
    helpEn: 'The type of the office’s account: 普通 (1, ordinary) or 当座 (2, current) (R31).',
    kind: 'optionalAccountType',
  },
  {
    key: 'officeAccountNumber',
    labelJa: '事務局口座の口座番号',
    labelEn: 'Office account: number',
    defaultValue: '',
    helpJa: '振込元口座の口座番号（7桁まで。7桁に満たない番号は先頭を0で埋めます、R31）。',
    helpEn:
      'The number of the office’s account (up to 7 digits; shorter ones are padded with zeros, R31).',
    kind: 'optionalDigits',
    min: 1,
    max: 7,
  },
  int(
    'smallCellThreshold',
    '統計の小さな数の秘匿（未満）',
    'Statistics: hide counts below',
    '3',
    '統計シートの内訳で、相談者数・支援者数がこの数未満のときは「<3」のように表示します（R38）。合計は正確に表示します。',
    'In the breakdowns of the Statistics sheet, counts of persons supported or supporters below this are shown as "<3" (R38); totals stay exact.',
    { min: 1, max: 100 },
  ),
  {
    key: 'sessionsDailyHour',
    labelJa: '相談会のリマインダーを送る時刻（時）',
    labelEn: 'Hour of the session reminders',
    defaultValue: '9',
    helpJa:
      '相談会の前日、参加者へのリマインダーと事務局への参加者一覧を送る時刻（東京時間、0〜23、R35）。',
    helpEn:
      'The hour (Tokyo, 0–23) at which, the day before a session, participants get their reminder and staff the participant list (R35).',
    kind: 'hour',
  },
];

/** Reference forms of RULES.md §7: the default question titles. */
const REGISTRATION_TITLES: Record<RegistrationField, [string, string, string]> = {
  name: ['氏名 / Name', '氏名', 'Name'],
  phoneticName: ['フリガナ / Name (phonetic)', 'フリガナ', 'Name (phonetic)'],
  phone: ['電話番号 / Phone', '電話番号', 'Phone'],
  address: ['郵送先住所 / Mailing address', '郵送先住所', 'Mailing address'],
  organization: ['所属団体 / Organization', '所属団体', 'Organization'],
  area: ['活動地域（都道府県） / Area of activity (prefecture)', '活動地域', 'Area of activity'],
  languages: ['対応できる言語 / Languages you can support in', '対応できる言語', 'Languages'],
  foreignBackground: [
    '外国にルーツがありますか / Do you have a foreign background?',
    '外国ルーツ',
    'Foreign background',
  ],
  experience: [
    '伴走支援の経験 / Accompanying-support experience',
    '伴走支援の経験',
    'Support experience',
  ],
  emailLanguage: ['連絡に使う言語 / Language for emails', '連絡に使う言語', 'Language for emails'],
  consent: [
    '個人情報の取り扱いに同意します / I agree to the privacy policy',
    '個人情報の同意',
    'Privacy consent',
  ],
};

const APPLICATION_TITLES: Record<ApplicationField, [string, string, string]> = {
  applicantId: ['伴走ネットID / Bansou Net ID', '伴走ネットID', 'Bansou Net ID'],
  applicantName: ['氏名 / Name', '氏名', 'Name'],
  supportDate: ['支援日 / Date of support', '支援日', 'Date of support'],
  startTime: ['開始時刻 / Start time', '開始時刻', 'Start time'],
  endTime: ['終了時刻 / End time', '終了時刻', 'End time'],
  recipientName: [
    '相談者の氏名 / Name of the person supported',
    '相談者の氏名',
    'Name of the person supported',
  ],
  recipientBirthYear: [
    '相談者の生まれ年 / Year of birth of the person supported',
    '相談者の生まれ年',
    'Year of birth of the person supported',
  ],
  secondId: [
    '同行した支援者の伴走ネットID / Bansou Net ID of the second supporter',
    '同行した支援者のID',
    'Second supporter’s ID',
  ],
  issues: ['相談内容 / Issues', '相談内容', 'Issues'],
  prefecture: [
    '支援した地域（都道府県） / Prefecture where support took place',
    '支援した地域',
    'Prefecture',
  ],
  description: ['支援の内容 / What support was given', '支援の内容', 'What support was given'],
};

/**
 * The reference application form's `相談内容 / Issues` choices (RULES §7). The statistics count
 * by these when the live form cannot be opened; the local runtime builds its form with them.
 */
export const REFERENCE_ISSUE_CHOICES: readonly string[] = [
  '在留資格 / Residency status',
  '労働 / Labor',
  '医療 / Healthcare',
  '福祉・社会保障 / Welfare',
  '家族 / Family',
  '住まい / Housing',
  '教育 / Education',
  'DV / Domestic violence',
  'その他 / Other',
];

const COURSE_TITLES: Record<CourseField, [string, string, string]> = {
  memberId: ['伴走ネットID / Bansou Net ID', '伴走ネットID', 'Bansou Net ID'],
  module: ['受講した講座 / Module', '受講した講座', 'Module'],
};

const SIGNUP_TITLES: Record<SignupField, [string, string, string]> = {
  memberId: ['伴走ネットID / Bansou Net ID', '伴走ネットID', 'Bansou Net ID'],
  session: ['参加する回 / Session', '参加する回', 'Session'],
  purpose: ['参加の目的 / Purpose', '参加の目的', 'Purpose'],
};

function titleSpecs(
  form: 'registration' | 'application' | 'course' | 'signup',
  formJa: string,
  formEn: string,
  titles: Record<string, [string, string, string]>,
): SettingSpec[] {
  return Object.keys(titles).map((field) => {
    const [title, ja, en] = titles[field];
    return {
      key: `field.${form}.${field}` as SettingKey,
      labelJa: `${formJa}の質問: ${ja}`,
      labelEn: `${formEn} question: ${en}`,
      defaultValue: title,
      helpJa: `${formJa}でこの項目を尋ねる質問のタイトル（フォームと一字一句同じに）。`,
      helpEn: `The exact title of the ${formEn.toLowerCase()} question that asks for this.`,
      kind: 'title' as const,
    };
  });
}

/** One entry per Settings key, in the order staff see the rows. */
export const SETTINGS_SPEC: readonly SettingSpec[] = [
  ...SCALAR_SPECS,
  ...titleSpecs('registration', '登録フォーム', 'Registration form', REGISTRATION_TITLES),
  ...titleSpecs('application', '申請フォーム', 'Application form', APPLICATION_TITLES),
  ...titleSpecs('course', '講座アンケート', 'Course form', COURSE_TITLES),
  ...titleSpecs('signup', '相談会申込フォーム', 'Sign-up form', SIGNUP_TITLES),
];

const SPEC_BY_KEY: ReadonlyMap<string, SettingSpec> = new Map(SETTINGS_SPEC.map((s) => [s.key, s]));

// ---------------------------------------------------------------------------------------------
// Reading cells

type Problem = { en: string; ja: string };
type Read<T> = { ok: true; value: T } | { ok: false; problem: Problem };

function isDateLike(v: unknown): v is { getTime(): number } {
  return (
    Object.prototype.toString.call(v) === '[object Date]' &&
    typeof (v as { getTime?: unknown }).getTime === 'function'
  );
}

function isEmptyCell(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** Full-width digits, '，' and '￥' become ASCII (NFKC); spaces go. */
function looseNumberText(s: string): string {
  return nfkc(s).replace(/\s+/g, '');
}

function readWhole(v: unknown): number | null {
  if (typeof v === 'number') return Number.isInteger(v) ? v : null;
  if (typeof v !== 'string') return null;
  const t = looseNumberText(v);
  if (!/^[+-]?(\d{1,3}(,\d{3})+|\d+)$/.test(t)) return null;
  return Number(t.replace(/,/g, ''));
}

function readDay(v: unknown): Read<Day> {
  const bad: Problem = {
    en: 'is not a date; expected a day written as YYYY-MM-DD, such as 2024-04-01',
    ja: 'は日付として読み取れません。2024-04-01 のように YYYY-MM-DD の形で入力してください',
  };
  if (isDateLike(v)) {
    // A day typed into a cell comes back as a Date at Tokyo midnight: take its Tokyo day.
    const ms = v.getTime();
    return Number.isFinite(ms) ? { ok: true, value: dayOf(ms) } : { ok: false, problem: bad };
  }
  if (typeof v !== 'string') return { ok: false, problem: bad };
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(nfkc(v).trim());
  if (!m) return { ok: false, problem: bad };
  const day = parseDay(`${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`);
  return day === null
    ? {
        ok: false,
        problem: {
          en: 'is not a real calendar day; expected a day written as YYYY-MM-DD, such as 2024-04-01',
          ja: 'は存在しない日付です。2024-04-01 のように YYYY-MM-DD の形で入力してください',
        },
      }
    : { ok: true, value: day };
}

function readInt(v: unknown, spec: SettingSpec): Read<number> {
  const min = spec.min ?? 1;
  const max = spec.max ?? Number.MAX_SAFE_INTEGER;
  const range = spec.allowed
    ? { en: `one of ${spec.allowed.join(', ')}`, ja: `${spec.allowed.join('、')} のいずれか` }
    : { en: `a whole number from ${min} to ${max}`, ja: `${min}〜${max} の整数` };
  const n = readWhole(v);
  if (n === null || n < min || n > max || (spec.allowed && !spec.allowed.includes(n))) {
    return {
      ok: false,
      problem: {
        en: `is not ${range.en}; expected ${range.en}, such as ${spec.defaultValue}`,
        ja: `は${range.ja}ではありません。${spec.defaultValue} のように${range.ja}を入力してください`,
      },
    };
  }
  return { ok: true, value: n };
}

function readYen(v: unknown): Read<number> {
  let n: number | null = null;
  if (typeof v === 'number') n = Number.isInteger(v) ? v : null;
  else if (typeof v === 'string') {
    // '4,000', '¥4000', '￥４，０００', '4000円' are all 4000.
    n = readWhole(looseNumberText(v).replace(/^¥/, '').replace(/円$/, ''));
  }
  if (n === null || n < 0) {
    return {
      ok: false,
      problem: {
        en: 'is not an amount in yen; expected a whole number such as 4000',
        ja: 'は金額（円）として読み取れません。4000 のような整数で入力してください',
      },
    };
  }
  return { ok: true, value: n };
}

function readHour(v: unknown): Read<number> {
  let n: number | null = readWhole(v);
  if (n === null && typeof v === 'string') {
    // '6:00' or '06:00' is read as the hour 6.
    const m = /^(\d{1,2}):00$/.exec(looseNumberText(v));
    if (m) n = Number(m[1]);
  }
  if (n === null || n < 0 || n > 23) {
    return {
      ok: false,
      problem: {
        en: 'is not an hour of the day; expected a whole number from 0 to 23, such as 6',
        ja: 'は時刻（時）として読み取れません。6 のように 0〜23 の整数で入力してください',
      },
    };
  }
  return { ok: true, value: n };
}

const EMAIL_SHAPE = /^[^\s@,;<>"]+@[^\s@,;<>"]+\.[^\s@,;<>".]+$/;

function readEmail(v: unknown, spec: SettingSpec): Read<string> {
  const text = typeof v === 'string' ? nfkc(v).trim() : '';
  if (spec.kind === 'optionalEmail' && text === '') return { ok: true, value: '' };
  const parts = spec.multiple ? text.split(/\s*[,;]\s*/).filter((p) => p !== '') : [text];
  if (parts.length === 0 || !parts.every((p) => EMAIL_SHAPE.test(p))) {
    const several = spec.multiple ? ' (several separated by commas)' : '';
    const severalJa = spec.multiple ? '（複数の場合はカンマ区切り）' : '';
    return {
      ok: false,
      problem:
        text === ''
          ? {
              en: `is empty; expected an email address${several}, such as office@example.org`,
              ja: `が空欄です。office@example.org のようなメールアドレス${severalJa}を入力してください`,
            }
          : {
              en: `is not an email address; expected an address${several} such as office@example.org`,
              ja: `はメールアドレスとして読み取れません。office@example.org のような形${severalJa}で入力してください`,
            },
    };
  }
  return { ok: true, value: parts.join(', ') };
}

// Opening a form by URL needs the editor address; /u/0/ and anything after the ID are dropped.
const FORM_EDIT_URL =
  /^https:\/\/docs\.google\.com\/forms(?:\/u\/\d+)?\/d\/([A-Za-z0-9_-]{10,})\/edit(?:[?#].*)?$/;

function readFormUrl(v: unknown, spec: SettingSpec): Read<string> {
  const text = typeof v === 'string' ? v.trim() : '';
  if (spec.kind === 'optionalUrl' && text === '') return { ok: true, value: '' };
  const m = FORM_EDIT_URL.exec(text);
  if (m) return { ok: true, value: `https://docs.google.com/forms/d/${m[1]}/edit` };
  const howTo = {
    en: 'open the form in Google Forms as its editor and paste the address from the browser bar, which looks like https://docs.google.com/forms/d/…/edit',
    ja: 'Google フォームを編集画面で開き、ブラウザのアドレス欄のアドレス（https://docs.google.com/forms/d/…/edit の形）を貼り付けてください',
  };
  let problem: Problem;
  if (text === '') {
    problem = { en: `is empty; ${howTo.en}`, ja: `が空欄です。${howTo.ja}` };
  } else if (/^(https?:\/\/)?forms\.gle\//i.test(text)) {
    problem = {
      en: `is the short link that respondents use, which the script cannot open; ${howTo.en}`,
      ja: `は回答者向けの短縮リンクで、スクリプトからは開けません。${howTo.ja}`,
    };
  } else if (/\/forms\/(u\/\d+\/)?d\/e\//.test(text) || /\/viewform/.test(text)) {
    problem = {
      en: `is the published link that respondents use, which the script cannot open; ${howTo.en}`,
      ja: `は回答者向けの公開リンクで、スクリプトからは開けません。${howTo.ja}`,
    };
  } else {
    problem = {
      en: `is not the address of a Google Form’s editor; ${howTo.en}`,
      ja: `は Google フォームの編集画面のアドレスではありません。${howTo.ja}`,
    };
  }
  return { ok: false, problem };
}

function readText(v: unknown, spec: SettingSpec): Read<string> {
  const text = typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : cellText(v).trim();
  if (text === '') {
    return {
      ok: false,
      problem:
        spec.kind === 'title'
          ? {
              en: 'is empty; expected the exact title of the form question',
              ja: 'が空欄です。フォームの質問のタイトルをそのまま入力してください',
            }
          : { en: 'is empty; expected some text', ja: 'が空欄です。内容を入力してください' },
    };
  }
  return { ok: true, value: text };
}

function readCell(v: unknown, spec: SettingSpec): Read<string | number> {
  switch (spec.kind) {
    case 'url':
    case 'optionalUrl':
      return readFormUrl(v, spec);
    case 'email':
    case 'optionalEmail':
      return readEmail(v, spec);
    case 'day':
      return readDay(v);
    case 'int':
      return readInt(v, spec);
    case 'yen':
      return readYen(v);
    case 'hour':
      return readHour(v);
    case 'text':
    case 'title':
      return readText(v, spec);
    case 'optionalDigits':
      return readDigits(v, spec);
    case 'optionalAccountType':
      return readOfficeAccountType(v);
    case 'optionalBankKana':
      return readBankKana(v, spec);
  }
}

/** R31 settings are optional: empty means "not set" (the transfer file then says what is missing). */
function readDigits(v: unknown, spec: SettingSpec): Read<string> {
  if (isEmptyCell(v)) return { ok: true, value: '' };
  const min = spec.min ?? 1;
  const max = spec.max ?? min;
  const text = (typeof v === 'number' ? String(v) : nfkc(cellText(v))).replace(/[\s-]/g, '');
  // A number cell lost its leading zeros to Sheets (0005 → 5): pad it back.
  const ok =
    /^\d+$/.test(text) && text.length <= max && (typeof v === 'number' || text.length >= min);
  if (!ok) {
    const want = min === max ? `${max}` : `${min}–${max}`;
    const wantJa = min === max ? `${max}桁` : `${max}桁まで`;
    return {
      ok: false,
      problem: {
        en: `is not ${want} digits; expected ${want} digits`,
        ja: `は${wantJa}の数字ではありません。${wantJa}の数字を入力してください`,
      },
    };
  }
  return { ok: true, value: text.padStart(max, '0') };
}

function readOfficeAccountType(v: unknown): Read<string> {
  if (isEmptyCell(v)) return { ok: true, value: '' };
  const r = readAccountType(v);
  if ('problem' in r || r.value === '4') {
    return {
      ok: false,
      problem: {
        en: 'is not an account type; expected 普通 (1, ordinary) or 当座 (2, current)',
        ja: 'は預金種目として読み取れません。「普通」か「当座」（1 か 2）を入力してください',
      },
    };
  }
  return { ok: true, value: r.value };
}

function readBankKana(v: unknown, spec: SettingSpec): Read<string> {
  if (isEmptyCell(v)) return { ok: true, value: '' };
  const r = readHolder(v);
  if ('problem' in r) return { ok: false, problem: r.problem };
  const max = spec.max ?? 40;
  if (r.value.length > max) {
    return {
      ok: false,
      problem: {
        en: `is longer than ${max} half-width characters once converted; expected a shorter name`,
        ja: `は半角に直すと${max}文字を超えます。短い名前にしてください`,
      },
    };
  }
  return { ok: true, value: r.value };
}

/** Kinds whose cell is bank data: an error never repeats the cell (R31: no account data in logs). */
const QUIET_KINDS: ReadonlySet<SettingKind> = new Set([
  'optionalDigits',
  'optionalAccountType',
  'optionalBankKana',
]);

/** Rows as a Map with trimmed keys (a plain object is accepted too; only its own keys count). */
function asMap(
  rows: ReadonlyMap<string, unknown> | Record<string, unknown>,
): ReadonlyMap<string, unknown> {
  const m = rows as ReadonlyMap<string, unknown>;
  const entries =
    typeof m.get === 'function' && typeof m.entries === 'function'
      ? Array.from(m.entries())
      : Object.entries(rows as Record<string, unknown>);
  // A key cell typed with a stray space still names its setting.
  return new Map(entries.map(([k, v]) => [String(k).trim(), v]));
}

function errorFor(spec: SettingSpec, value: string, problem: Problem): SettingError {
  return {
    key: spec.key,
    labelEn: spec.labelEn,
    labelJa: spec.labelJa,
    value,
    expected: problem.en,
    expectedJa: problem.ja,
  };
}

/**
 * Reads the Settings sheet. `rows` maps a key to its cell as Sheets returns it (string, number,
 * boolean or Date). A missing key or an empty cell takes the default; a required setting whose
 * default is empty (form URLs, staff email) is then reported. Every row is checked and ALL
 * problems are returned together, so staff can fix the sheet in one pass.
 */
export function parseSettings(
  rows: ReadonlyMap<string, unknown> | Record<string, unknown>,
): { settings: Settings } | { errors: SettingError[] } {
  const table = asMap(rows);
  const get = (key: string) => table.get(key);
  const errors: SettingError[] = [];
  const values = new Map<string, string | number>();

  for (const spec of SETTINGS_SPEC) {
    const raw = get(spec.key);
    const cell = isEmptyCell(raw) ? spec.defaultValue : raw;
    const read = readCell(cell, spec);
    if (read.ok) values.set(spec.key, read.value);
    else errors.push(errorFor(spec, QUIET_KINDS.has(spec.kind) ? '' : cellText(raw), read.problem));
  }

  for (const key of table.keys()) {
    if (key.trim() !== '' && !SPEC_BY_KEY.has(key)) {
      // A misspelt key would otherwise be ignored silently and its default used.
      errors.push({
        key,
        labelEn: key,
        labelJa: key,
        value: cellText(get(key)),
        expected: 'this key is not a known setting; check its spelling',
        expectedJa: 'このキーは設定にありません。綴りを確認してください',
      });
    }
  }

  // Rules between settings, checked only when both sides could be read.
  const cross = (
    key: SettingKey,
    other: SettingKey,
    fails: (a: number | string, b: number | string) => boolean,
    problem: (b: string) => Problem,
  ) => {
    const a = values.get(key);
    const b = values.get(other);
    if (a === undefined || b === undefined || !fails(a, b)) return;
    values.delete(key);
    errors.push(errorFor(SPEC_BY_KEY.get(key)!, String(a), problem(String(b))));
  };
  cross(
    'programEnd',
    'programStart',
    (end, start) => end < start,
    (start) => ({
      en: `is before the program start (${start}); expected a day on or after it`,
      ja: `は事業の開始日（${start}）より前です。開始日以降の日付を入力してください`,
    }),
  );
  cross(
    'longMinutes',
    'minMinutes',
    (long, min) => long <= min,
    (min) => ({
      en: `is not more than the minimum support time (${min}); expected a larger number of minutes`,
      ja: `は最低支援時間（${min}分）以下です。それより大きい分数を入力してください`,
    }),
  );
  cross(
    'feeLong',
    'feeStandard',
    (long, standard) => long < standard,
    (standard) => ({
      en: `is less than the standard fee (${standard}); expected an amount at least as large`,
      ja: `は通常の謝金（${standard}円）より少ない金額です。それ以上の金額を入力してください`,
    }),
  );
  checkDistinctTitles('field.registration.', values, errors);
  checkDistinctTitles('field.application.', values, errors);
  checkDistinctTitles('field.course.', values, errors);
  checkDistinctTitles('field.signup.', values, errors);

  if (errors.length > 0) return { errors };
  return { settings: assemble(values) };
}

/** Two fields of one form mapped to the same question would read the same answer twice. */
function checkDistinctTitles(
  prefix: string,
  values: Map<string, string | number>,
  errors: SettingError[],
): void {
  const seen = new Map<string, string>();
  for (const spec of SETTINGS_SPEC) {
    if (!spec.key.startsWith(prefix)) continue;
    const title = values.get(spec.key);
    if (typeof title !== 'string') continue;
    const first = seen.get(title);
    if (first === undefined) {
      seen.set(title, spec.key);
      continue;
    }
    errors.push(
      errorFor(spec, title, {
        en: `is also the title given for ${first}; expected a different question for each field`,
        ja: `は ${first} と同じタイトルです。項目ごとに別の質問を指定してください`,
      }),
    );
  }
}

function fieldsOf<F extends string>(
  prefix: string,
  titles: Record<F, unknown>,
  values: Map<string, string | number>,
): Record<F, string> {
  const out = {} as Record<F, string>;
  for (const field of Object.keys(titles) as F[]) out[field] = String(values.get(prefix + field));
  return out;
}

function assemble(values: Map<string, string | number>): Settings {
  const s = (k: ScalarKey) => String(values.get(k));
  const n = (k: ScalarKey) => Number(values.get(k));
  return {
    registrationFormUrl: s('registrationFormUrl'),
    applicationFormUrl: s('applicationFormUrl'),
    courseFormUrl: s('courseFormUrl'),
    signupFormUrl: s('signupFormUrl'),
    staffEmail: s('staffEmail'),
    senderName: s('senderName'),
    replyTo: s('replyTo'),
    officeContact: s('officeContact'),
    programStart: s('programStart'),
    programEnd: s('programEnd'),
    minMinutes: n('minMinutes'),
    longMinutes: n('longMinutes'),
    feeStandard: n('feeStandard'),
    feeLong: n('feeLong'),
    recipientCap: n('recipientCap'),
    deadlineMonths: n('deadlineMonths'),
    basic5RequiredFrom: s('basic5RequiredFrom'),
    idPrefix: s('idPrefix'),
    idWidth: n('idWidth'),
    monthlyRunDay: n('monthlyRunDay'),
    monthlyRunHour: n('monthlyRunHour'),
    sweepEveryHours: n('sweepEveryHours'),
    outboxEveryHours: n('outboxEveryHours'),
    dailyAutoReplyLimit: n('dailyAutoReplyLimit'),
    transferDay: n('transferDay'),
    consignorCode: s('consignorCode'),
    consignorName: s('consignorName'),
    officeBankCode: s('officeBankCode'),
    officeBranchCode: s('officeBranchCode'),
    officeAccountType: s('officeAccountType'),
    officeAccountNumber: s('officeAccountNumber'),
    smallCellThreshold: n('smallCellThreshold'),
    sessionsDailyHour: n('sessionsDailyHour'),
    registrationFields: fieldsOf('field.registration.', REGISTRATION_TITLES, values),
    applicationFields: fieldsOf('field.application.', APPLICATION_TITLES, values),
    courseFields: fieldsOf('field.course.', COURSE_TITLES, values),
    signupFields: fieldsOf('field.signup.', SIGNUP_TITLES, values),
  };
}

/** One message naming every bad row (label and key) and what it should hold. */
export function formatSettingErrors(errors: readonly SettingError[], lang: 'ja' | 'en'): string {
  return errors
    .map((e) => {
      if (e.labelEn === e.key) {
        // A row whose key is unknown: there is no label to show.
        return lang === 'ja'
          ? `設定の行「${e.key}」: ${e.expectedJa}。`
          : `Settings row "${e.key}": ${e.expected}.`;
      }
      if (lang === 'ja') {
        const shown = e.value === '' ? '値' : `「${e.value}」`;
        return `設定の行「${e.labelJa}（${e.key}）」: ${shown}${e.expectedJa}。`;
      }
      const shown = e.value === '' ? 'the value' : `"${e.value}"`;
      return `Settings row "${e.labelEn} (${e.key})": ${shown} ${e.expected}.`;
    })
    .join('\n');
}

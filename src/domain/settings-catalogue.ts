// The Settings catalogue: one declaration per Settings key, data only. Each declaration gives the
// row's labels, default and help as staff see them in the Settings sheet, and its kind, from which
// the key's TypeScript type (settings-types.ts) and its reader (settings.ts) follow. Adding a
// setting is one entry here; an entry missing a part, or a kind without a type or a reader, does
// not compile. Every rule parameter of RULES.md is a setting: nothing in the logic hard-codes a
// date, an amount or a count.
import type { Day } from './types';

/** What each kind of setting holds once read: the type of its Settings field. */
export interface SettingKindValue {
  url: string; // a Google Forms editor address, required
  optionalUrl: string; // the same, or '' (no such form)
  email: string; // one address (with `multiple`: one or more, separated by commas)
  optionalEmail: string; // the same, or ''
  text: string; // free text, required
  day: Day; // 'YYYY-MM-DD'
  int: number; // a whole number within min..max (and among `allowed` when given)
  yen: number; // a whole number of yen, 0 or more
  hour: number; // 0–23, Tokyo time
  title: string; // a question title of a form (field map)
  optionalDigits: string; // R31: digits, `min`..`max` long, padded with zeros to `max`; or ''
  optionalAccountType: string; // R31: 普通/当座 as '1'/'2', or ''
  optionalBankKana: string; // R31: a name in bank kana of at most `max` bytes, or ''
}

export type SettingKind = keyof SettingKindValue;

/** What staff see of a row of the Settings sheet. */
export interface SettingText {
  labelJa: string;
  labelEn: string;
  /** The default, as written in the sheet. '' for a required setting means staff must fill it. */
  defaultValue: string;
  helpJa: string;
  helpEn: string;
}

/** One setting: its text and its kind, with the bounds its kind needs. */
export type SettingDeclaration = SettingText &
  (
    | {
        kind: Exclude<SettingKind, 'email' | 'int' | 'optionalDigits' | 'optionalBankKana'>;
      }
    | { kind: 'email' /** Several addresses separated by commas are accepted. */; multiple?: true }
    | {
        kind: 'int';
        /** Bounds, inclusive. */
        min: number;
        max: number;
        /** The only values accepted. */
        allowed?: readonly number[];
      }
    | { kind: 'optionalDigits' /** How many digits, inclusive. */; min: number; max: number }
    | { kind: 'optionalBankKana' /** The most half-width characters. */; max: number }
  );

/** One form's field map: each field's default question title and its labels in the sheet. */
export interface FieldMapDeclaration {
  /** The form's name in the row labels. */
  formJa: string;
  formEn: string;
  /** field → [question title of the reference form (RULES.md §7), label ja, label en] */
  fields: Readonly<Record<string, readonly [title: string, labelJa: string, labelEn: string]>>;
}

// Apps Script's hour timer offers these intervals (everyHours: 1, 2, 4, 6, 8, 12).
const HOUR_INTERVALS = [1, 2, 4, 6, 8, 12] as const;

const FORM_URL_HELP_JA =
  'フォームの編集画面のアドレス（https://docs.google.com/forms/d/…/edit）。回答用リンクや forms.gle の短縮リンクではありません。';
const FORM_URL_HELP_EN =
  'The address of the form’s editor (https://docs.google.com/forms/d/…/edit), not the respondents’ link or a forms.gle short link.';

/** The settings with one value each, in the order staff see the rows. */
export const SETTINGS_CATALOGUE = {
  registrationFormUrl: {
    labelJa: '登録フォームのURL',
    labelEn: 'Registration form URL',
    defaultValue: '',
    helpJa: FORM_URL_HELP_JA,
    helpEn: FORM_URL_HELP_EN,
    kind: 'url',
  },
  applicationFormUrl: {
    labelJa: '申請フォームのURL',
    labelEn: 'Application form URL',
    defaultValue: '',
    helpJa: FORM_URL_HELP_JA,
    helpEn: FORM_URL_HELP_EN,
    kind: 'url',
  },
  courseFormUrl: {
    labelJa: '講座アンケートフォームのURL（任意）',
    labelEn: 'Course questionnaire form URL (optional)',
    defaultValue: '',
    helpJa: '講座アンケートのフォームを使う場合、その編集画面のアドレス。使わない場合は空欄。',
    helpEn:
      'The editor address of the course questionnaire form, if there is one; leave empty if not.',
    kind: 'optionalUrl',
  },
  signupFormUrl: {
    labelJa: '相談会申込フォームのURL（任意）',
    labelEn: 'Session sign-up form URL (optional)',
    defaultValue: '',
    helpJa:
      'オンライン相談会の申込フォームを使う場合、その編集画面のアドレス。使わない場合は空欄（R33）。',
    helpEn:
      'The editor address of the online-session sign-up form, if there is one; leave empty if not (R33).',
    kind: 'optionalUrl',
  },
  staffEmail: {
    labelJa: '事務局のメールアドレス',
    labelEn: 'Staff email',
    defaultValue: '',
    helpJa: '月次の集計と警告を受け取るアドレス。複数の場合はカンマで区切ります。',
    helpEn: 'Where monthly summaries and alerts go; several addresses separated by commas.',
    kind: 'email',
    multiple: true,
  },
  senderName: {
    labelJa: '送信者名',
    labelEn: 'Sender name',
    defaultValue: '伴走ネット事務局 / Bansou Net Office',
    helpJa: '送信するメールの差出人として表示される名前。',
    helpEn: 'The name shown as the sender of the emails.',
    kind: 'text',
  },
  replyTo: {
    labelJa: '返信先アドレス（任意）',
    labelEn: 'Reply-to address (optional)',
    defaultValue: '',
    helpJa: '受信者が返信したときの宛先。空欄の場合はスクリプトを動かすアカウントに返信されます。',
    helpEn: 'Where replies go; empty means replies go to the account that runs the script.',
    kind: 'optionalEmail',
  },
  officeContact: {
    labelJa: '事務局の連絡先',
    labelEn: 'Office contact',
    defaultValue:
      'Solidarity Network with Migrants Japan (SMJ) TEL 03-3837-2316 bansounetwork@gmail.com',
    helpJa: 'メールの末尾に載せる連絡先（団体名・電話・メール）。',
    helpEn: 'The contact put at the end of the emails (organisation, phone, email).',
    kind: 'text',
  },
  programStart: {
    labelJa: '事業の開始日',
    labelEn: 'Program start',
    defaultValue: '2023-07-10',
    helpJa: '対象となる支援日の最初の日（R8）。形式 YYYY-MM-DD。',
    helpEn: 'First support date covered (R8), as YYYY-MM-DD.',
    kind: 'day',
  },
  programEnd: {
    labelJa: '事業の終了日',
    labelEn: 'Program end',
    defaultValue: '2026-02-28',
    helpJa: '対象となる支援日の最後の日（R8）。形式 YYYY-MM-DD。',
    helpEn: 'Last support date covered (R8), as YYYY-MM-DD.',
    kind: 'day',
  },
  minMinutes: {
    labelJa: '最低支援時間（分）',
    labelEn: 'Minimum support time (minutes)',
    defaultValue: '60',
    helpJa: '謝金の対象となる最低の支援時間（R11）。分単位の整数。',
    helpEn: 'The shortest support that is paid (R11), in whole minutes.',
    kind: 'int',
    min: 1,
    max: 1440,
  },
  longMinutes: {
    labelJa: '長時間の支援（分）',
    labelEn: 'Long support from (minutes)',
    defaultValue: '120',
    helpJa: 'この時間以上の支援は長時間の謝金になります（R16）。分単位の整数。',
    helpEn: 'Support of at least this many minutes is paid the long fee (R16), in whole minutes.',
    kind: 'int',
    min: 1,
    max: 1440,
  },
  feeStandard: {
    labelJa: '謝金（60〜119分）',
    labelEn: 'Fee, 60–119 minutes',
    defaultValue: '4000',
    helpJa: '最低時間以上・長時間未満の支援の、支援者1人あたりの謝金（円、R16）。',
    helpEn: 'Fee per supporter for support from the minimum up to the long time (yen, R16).',
    kind: 'yen',
  },
  feeLong: {
    labelJa: '謝金（120分以上）',
    labelEn: 'Fee, 120 minutes or more',
    defaultValue: '8000',
    helpJa: '長時間の支援の、支援者1人あたりの謝金（円、R16）。',
    helpEn: 'Fee per supporter for long support (yen, R16).',
    kind: 'yen',
  },
  recipientCap: {
    labelJa: '相談者1人あたりの申請上限',
    labelEn: 'Applications per person supported',
    defaultValue: '3',
    helpJa: '同じ相談者について受理する申請の上限（R13）。',
    helpEn: 'The most applications accepted for the same person supported (R13).',
    kind: 'int',
    min: 1,
    max: 1000,
  },
  deadlineMonths: {
    labelJa: '申請期限（か月）',
    labelEn: 'Application deadline (months)',
    defaultValue: '1',
    helpJa: '支援日から何か月後の同じ日まで申請できるか（R10）。',
    helpEn: 'How many months after the support an application may be submitted (R10).',
    kind: 'int',
    min: 1,
    max: 24,
  },
  basic5RequiredFrom: {
    labelJa: '基礎講座5が必要になる支援日',
    labelEn: 'Basic 5 required from',
    defaultValue: '2024-04-01',
    helpJa: 'この日以降の支援日には基礎講座5のアンケートも必要です（R19）。形式 YYYY-MM-DD。',
    helpEn:
      'Support on or after this day also needs the Basic 5 questionnaire (R19), as YYYY-MM-DD.',
    kind: 'day',
  },
  idPrefix: {
    labelJa: 'IDの接頭辞',
    labelEn: 'ID prefix',
    defaultValue: 'BN-',
    helpJa: '伴走ネットIDの先頭の文字（R1）。運用開始後は変えないでください。',
    helpEn: 'The letters before the number of a Bansou Net ID (R1); do not change it once in use.',
    kind: 'text',
  },
  idWidth: {
    labelJa: 'IDの桁数',
    labelEn: 'ID digits',
    defaultValue: '5',
    helpJa: 'IDの番号部分の桁数（0で埋めます、R1）。',
    helpEn: 'How many digits the ID number is padded to with zeros (R1).',
    kind: 'int',
    min: 1,
    max: 10,
  },
  monthlyRunDay: {
    labelJa: '月次処理の日',
    labelEn: 'Monthly run day',
    defaultValue: '1',
    helpJa: '支払い一覧を作る毎月の日（1〜28、R21）。',
    helpEn: 'The day of each month the payment sheet is made (1–28, R21).',
    kind: 'int',
    min: 1,
    max: 28,
  },
  monthlyRunHour: {
    labelJa: '月次処理の時刻',
    labelEn: 'Monthly run hour',
    defaultValue: '6',
    helpJa: '月次処理を行う時（0〜23、日本時間、R21）。',
    helpEn: 'The hour of the monthly run (0–23, Tokyo time, R21).',
    kind: 'hour',
  },
  sweepEveryHours: {
    labelJa: '取りこぼし確認の間隔（時間）',
    labelEn: 'Sweep every (hours)',
    defaultValue: '1',
    helpJa: '未処理の回答を確認する間隔（1, 2, 4, 6, 8, 12 時間、R26）。',
    helpEn: 'How often unprocessed responses are looked for (1, 2, 4, 6, 8 or 12 hours, R26).',
    kind: 'int',
    min: 1,
    max: 12,
    allowed: HOUR_INTERVALS,
  },
  outboxEveryHours: {
    labelJa: '送信待ちメールの処理間隔（時間）',
    labelEn: 'Outbox every (hours)',
    defaultValue: '1',
    helpJa: '送信待ちのメールを送る間隔（1, 2, 4, 6, 8, 12 時間、R29）。',
    helpEn: 'How often queued emails are sent (1, 2, 4, 6, 8 or 12 hours, R29).',
    kind: 'int',
    min: 1,
    max: 12,
    allowed: HOUR_INTERVALS,
  },
  dailyAutoReplyLimit: {
    labelJa: '自動返信の1日の上限',
    labelEn: 'Auto-replies per address per day',
    defaultValue: '1',
    helpJa: '同じアドレスに1日に送る登録の自動返信の上限（R29）。',
    helpEn: 'The most registration auto-replies sent to one address in a day (R29).',
    kind: 'int',
    min: 1,
    max: 100,
  },
  // R30–R31: the month-close (payment notices and the bank transfer file).
  transferDay: {
    labelJa: '振込日',
    labelEn: 'Transfer day',
    defaultValue: '25',
    helpJa:
      '支払い一覧を作った月の何日に振り込むか（1〜31、その月にない日は月末）。銀行の休業日（土日・祝日・12/31〜1/3）なら直前の営業日。支払い通知メールと振込データの振込指定日になります（R30, R31）。',
    helpEn:
      'The day of the month after the settled month on which fees are transferred (1–31; a day the month lacks means its last day); a day the banks are closed (weekend, national holiday, 31 Dec–3 Jan) moves to the business day before. Told to supporters in the payment notice and written as the transfer date of the bank file (R30, R31).',
    kind: 'int',
    min: 1,
    max: 31,
  },
  consignorCode: {
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
  consignorName: {
    labelJa: '委託者名（カナ）',
    labelEn: 'Consignor name (kana)',
    defaultValue: '',
    helpJa: '振込依頼人として通知される名前。半角40文字まで、カタカナ・英大文字・数字（R31）。',
    helpEn:
      'The sender name the bank shows to supporters: katakana, capital letters and digits, at most 40 half-width characters (R31).',
    kind: 'optionalBankKana',
    max: 40,
  },
  officeBankCode: {
    labelJa: '事務局口座の金融機関コード',
    labelEn: 'Office account: bank code',
    defaultValue: '',
    helpJa: '振込元（事務局）口座の金融機関コード（4桁、R31）。',
    helpEn: 'The bank code of the office’s account the transfers are paid from (4 digits, R31).',
    kind: 'optionalDigits',
    min: 4,
    max: 4,
  },
  officeBranchCode: {
    labelJa: '事務局口座の支店コード',
    labelEn: 'Office account: branch code',
    defaultValue: '',
    helpJa: '振込元口座の支店コード（3桁、R31）。',
    helpEn: 'The branch code of the office’s account (3 digits, R31).',
    kind: 'optionalDigits',
    min: 3,
    max: 3,
  },
  officeAccountType: {
    labelJa: '事務局口座の預金種目',
    labelEn: 'Office account: type',
    defaultValue: '',
    helpJa: '振込元口座の種類: 普通 または 当座（1 または 2、R31）。',
    helpEn: 'The type of the office’s account: 普通 (1, ordinary) or 当座 (2, current) (R31).',
    kind: 'optionalAccountType',
  },
  officeAccountNumber: {
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
  smallCellThreshold: {
    labelJa: '統計の小さな数の秘匿（未満）',
    labelEn: 'Statistics: hide counts below',
    defaultValue: '3',
    helpJa:
      '統計シートの内訳で、相談者数・支援者数がこの数未満のときは「<3」のように表示します（R38）。合計は正確に表示します。',
    helpEn:
      'In the breakdowns of the Statistics sheet, counts of persons supported or supporters below this are shown as "<3" (R38); totals stay exact.',
    kind: 'int',
    min: 1,
    max: 100,
  },
  sessionsDailyHour: {
    labelJa: '相談会のリマインダーを送る時刻（時）',
    labelEn: 'Hour of the session reminders',
    defaultValue: '9',
    helpJa:
      '相談会の前日、参加者へのリマインダーと事務局への参加者一覧を送る時刻（東京時間、0〜23、R35）。',
    helpEn:
      'The hour (Tokyo, 0–23) at which, the day before a session, participants get their reminder and staff the participant list (R35).',
    kind: 'hour',
  },
} as const satisfies Record<string, SettingDeclaration>;

/**
 * The field maps (`field.<form>.<field>` rows), after the settings above, in this order. A
 * form's fields are the keys of its `fields`; its Settings value is `<form>Fields`.
 */
export const FIELD_MAPS = {
  registration: {
    formJa: '登録フォーム',
    formEn: 'Registration form',
    fields: {
      name: ['氏名 / Name', '氏名', 'Name'],
      phoneticName: ['フリガナ / Name (phonetic)', 'フリガナ', 'Name (phonetic)'],
      phone: ['電話番号 / Phone', '電話番号', 'Phone'],
      address: ['郵送先住所 / Mailing address', '郵送先住所', 'Mailing address'],
      organization: ['所属団体 / Organization', '所属団体', 'Organization'],
      area: [
        '活動地域（都道府県） / Area of activity (prefecture)',
        '活動地域',
        'Area of activity',
      ],
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
      emailLanguage: [
        '連絡に使う言語 / Language for emails',
        '連絡に使う言語',
        'Language for emails',
      ],
      consent: [
        '個人情報の取り扱いに同意します / I agree to the privacy policy',
        '個人情報の同意',
        'Privacy consent',
      ],
    },
  },
  application: {
    formJa: '申請フォーム',
    formEn: 'Application form',
    fields: {
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
    },
  },
  course: {
    formJa: '講座アンケート',
    formEn: 'Course form',
    fields: {
      memberId: ['伴走ネットID / Bansou Net ID', '伴走ネットID', 'Bansou Net ID'],
      module: ['受講した講座 / Module', '受講した講座', 'Module'],
    },
  },
  signup: {
    formJa: '相談会申込フォーム',
    formEn: 'Sign-up form',
    fields: {
      memberId: ['伴走ネットID / Bansou Net ID', '伴走ネットID', 'Bansou Net ID'],
      session: ['参加する回 / Session', '参加する回', 'Session'],
      purpose: ['参加の目的 / Purpose', '参加の目的', 'Purpose'],
    },
  },
} as const satisfies Record<string, FieldMapDeclaration>;

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

// The office's world on the local runtime: the spreadsheet the script is bound to, the two
// reference forms of RULES.md §7 (and the optional course form) linked to it, Settings pointing
// at them, and the built bundle loaded. Tests, the runner, the bench and the fault suite all
// start here, so they exercise the same set-up staff would have.
import { resolve } from 'node:path';
import {
  FIELD_MAPS,
  type FieldMapDeclaration,
  REFERENCE_ISSUE_CHOICES,
} from '../src/domain/settings-catalogue';
import { callCost, defaultModel, type LatencyModel } from './bench/latency';
import type { Form, FormSpec } from './runtime/forms';
import { LocalRuntime } from './runtime/index';
import type { LocalSpreadsheet } from './runtime/spreadsheet';

/**
 * A form's question titles as the reference forms have them (RULES.md §7): the product's default
 * field map (FIELD_MAPS, the first of each field's texts), so the forms here and the default
 * Settings cannot differ. test/domain/settings-catalogue.test.ts checks them against RULES by hand.
 */
function referenceTitles<M extends FieldMapDeclaration>(
  map: M,
): { readonly [K in keyof M['fields']]: M['fields'][K][0] } {
  return Object.fromEntries(
    Object.entries(map.fields).map(([field, [title]]) => [field, title]),
  ) as { [K in keyof M['fields']]: M['fields'][K][0] };
}

export const REGISTRATION_TITLES = referenceTitles(FIELD_MAPS.registration);
export const APPLICATION_TITLES = referenceTitles(FIELD_MAPS.application);
export const COURSE_TITLES = referenceTitles(FIELD_MAPS.course);
export const SIGNUP_TITLES = referenceTitles(FIELD_MAPS.signup);

export const PURPOSE_CHOICES = ['参加 / Participation', '研修 / Training'];

export const LANGUAGE_CHOICES = [
  '日本語',
  'English',
  'Tiếng Việt',
  '中文',
  'Español',
  'Português',
  'Tagalog',
  'नेपाली',
];
/** RULES §7's issue choices, as src/domain keeps them. */
export const ISSUE_CHOICES: string[] = [...REFERENCE_ISSUE_CHOICES];
export const MODULE_CHOICES = [
  'Basic 1',
  'Basic 2',
  'Basic 3',
  'Basic 4',
  'Basic 5',
  'Advanced 1',
  'Advanced 2',
  'Advanced 3',
  'Advanced 4',
];

export function registrationFormSpec(destinationSpreadsheetId?: string): FormSpec {
  const t = REGISTRATION_TITLES;
  return {
    title: 'Registration form for Bansou Net / 伴走ネット登録フォーム',
    collectsEmail: true,
    destinationSpreadsheetId,
    items: [
      { title: t.name, type: 'TEXT', required: true },
      { title: t.phoneticName, type: 'TEXT' },
      { title: t.phone, type: 'TEXT' },
      { title: t.address, type: 'PARAGRAPH_TEXT' },
      { title: t.organization, type: 'TEXT' },
      { title: t.area, type: 'TEXT' },
      { title: t.languages, type: 'CHECKBOX', choices: LANGUAGE_CHOICES },
      {
        title: t.foreignBackground,
        type: 'MULTIPLE_CHOICE',
        choices: ['はい / Yes', 'いいえ / No'],
      },
      { title: t.experience, type: 'MULTIPLE_CHOICE', choices: ['あり / Yes', 'なし / No'] },
      { title: t.emailLanguage, type: 'MULTIPLE_CHOICE', choices: LANGUAGE_CHOICES },
      { title: t.consent, type: 'CHECKBOX', choices: ['同意します / I agree'], required: true },
    ],
  };
}

export function applicationFormSpec(destinationSpreadsheetId?: string): FormSpec {
  const t = APPLICATION_TITLES;
  return {
    title: 'Application for accompanying support / 伴走支援の申請',
    collectsEmail: true,
    destinationSpreadsheetId,
    items: [
      { title: t.applicantId, type: 'TEXT', required: true },
      { title: t.applicantName, type: 'TEXT', required: true },
      { title: t.supportDate, type: 'DATE', required: true },
      { title: t.startTime, type: 'TIME', required: true },
      { title: t.endTime, type: 'TIME', required: true },
      { title: t.recipientName, type: 'TEXT', required: true },
      { title: t.recipientBirthYear, type: 'TEXT' },
      { title: t.secondId, type: 'TEXT' },
      { title: t.issues, type: 'CHECKBOX', choices: ISSUE_CHOICES },
      { title: t.prefecture, type: 'TEXT' },
      { title: t.description, type: 'PARAGRAPH_TEXT' },
    ],
  };
}

export function courseFormSpec(destinationSpreadsheetId?: string): FormSpec {
  return {
    title: 'Bansou-Shien course questionnaire / 伴走支援講座アンケート',
    collectsEmail: true,
    destinationSpreadsheetId,
    items: [
      { title: COURSE_TITLES.memberId, type: 'TEXT', required: true },
      { title: COURSE_TITLES.module, type: 'LIST', choices: MODULE_CHOICES, required: true },
    ],
  };
}

/** The optional sign-up form of the online sessions (R33): its session choices are the script's. */
export function signupFormSpec(destinationSpreadsheetId?: string): FormSpec {
  return {
    title: 'Online consultation sessions: sign-up / オンライン相談会 申込',
    collectsEmail: true,
    destinationSpreadsheetId,
    items: [
      { title: SIGNUP_TITLES.memberId, type: 'TEXT', required: true },
      { title: SIGNUP_TITLES.session, type: 'LIST', choices: ['—'], required: true },
      { title: SIGNUP_TITLES.purpose, type: 'MULTIPLE_CHOICE', choices: PURPOSE_CHOICES },
    ],
  };
}

export interface OfficeWorldOptions {
  /** Start of the world's clock (default 2023-07-01 09:00 Tokyo). */
  start?: number;
  dailyMailQuota?: number;
  /**
   * Calls take the bench's modelled time (true: the default model) and executions are killed
   * at 6 minutes of it. Off by default (the demo and most tests run faster without it).
   */
  latency?: boolean | LatencyModel;
  /** Bundle to load (default dist/Code.js). */
  bundle?: string;
  withCourseForm?: boolean;
  withSignupForm?: boolean;
  /** Replace the reference forms (replay of another form's exports). */
  registrationForm?: FormSpec;
  applicationForm?: FormSpec;
  signupForm?: FormSpec;
  /** Settings rows written before the script first runs (key → value). */
  settings?: Record<string, string>;
  staffEmail?: string;
  /** What Plain-text cells do with a leading apostrophe (the runtime's two models, #17). */
  textCellApostrophe?: 'keep' | 'drop';
  /** The order Forms gives checkbox answers in (the runtime's default: reversed, #17). */
  checkboxOrder?: 'reversed' | 'choice';
  /**
   * Each execution starts with a new global scope, as in Apps Script (the runtime's
   * freshGlobalEachExecution). Off by default: the demo, the replay and the bench share one.
   */
  freshGlobals?: boolean;
}

export interface OfficeWorld {
  rt: LocalRuntime;
  ss: LocalSpreadsheet;
  registration: Form;
  application: Form;
  course: Form | null;
  signup: Form | null;
  staffEmail: string;
}

export const STAFF_EMAIL = 'office@bansou.example.org';

/** Builds the office world and loads the bundle. Nothing of the script has run yet. */
export function createOfficeWorld(options: OfficeWorldOptions = {}): OfficeWorld {
  const rt = new LocalRuntime({
    start: options.start ?? Date.parse('2023-07-01T09:00:00+09:00'),
    dailyMailQuota: options.dailyMailQuota ?? 1500,
    user: STAFF_EMAIL,
    ...(options.latency
      ? { latency: callCost(options.latency === true ? defaultModel() : options.latency) }
      : {}),
    textCellApostrophe: options.textCellApostrophe,
    checkboxOrder: options.checkboxOrder,
    freshGlobalEachExecution: options.freshGlobals ?? false,
  });
  const ss = rt.sheets.createSpreadsheet('伴走ネット事務局 / Bansou Net office');
  rt.sheets.setContainer(ss);
  const registration = rt.forms.createForm(
    options.registrationForm ?? registrationFormSpec(ss.getId()),
  );
  const application = rt.forms.createForm(
    options.applicationForm ?? applicationFormSpec(ss.getId()),
  );
  const course = options.withCourseForm ? rt.forms.createForm(courseFormSpec(ss.getId())) : null;
  const signup =
    options.signupForm || options.withSignupForm
      ? rt.forms.createForm(options.signupForm ?? signupFormSpec(ss.getId()))
      : null;
  const staffEmail = options.staffEmail ?? STAFF_EMAIL;
  writeSettings(rt, ss, {
    registrationFormUrl: registration.getEditUrl(),
    applicationFormUrl: application.getEditUrl(),
    courseFormUrl: course ? course.getEditUrl() : '',
    signupFormUrl: signup ? signup.getEditUrl() : '',
    staffEmail,
    ...(options.settings ?? {}),
  });
  rt.load(options.bundle ?? resolve(__dirname, '..', 'dist', 'Code.js'));
  return { rt, ss, registration, application, course, signup, staffEmail };
}

/**
 * Staff typing values into the Settings sheet (as a person would: not counted as script
 * calls). Creates the sheet with its header when the script has not made it yet; the script
 * adds the remaining rows with their defaults the first time it reads Settings.
 */
export function writeSettings(
  rt: LocalRuntime,
  ss: LocalSpreadsheet,
  values: Record<string, string>,
): void {
  rt.uncounted(() => {
    let sheet = ss.getSheetByName('Settings');
    if (!sheet) {
      sheet = ss.insertSheet('Settings');
      sheet
        .getRange(1, 1, 1, 4)
        .setValues([['Key / キー', 'Setting / 設定項目', 'Value / 値', 'Explanation / 説明']]);
    }
    const last = sheet.getLastRow();
    const keys =
      last > 1
        ? sheet
            .getRange(2, 1, last - 1, 1)
            .getValues()
            .map((r) => String(r[0]))
        : [];
    for (const [key, value] of Object.entries(values)) {
      const i = keys.indexOf(key);
      const text = value === '' ? '' : `'${value}`;
      if (i >= 0) sheet.getRange(i + 2, 3).setValue(text);
      else {
        sheet.appendRow([key, '', text, '']);
        keys.push(key);
      }
    }
  });
}

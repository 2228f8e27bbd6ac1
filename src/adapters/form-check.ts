// The forms checked against the field map, in plain words: by set-up before it installs
// anything, and by the Health report at any time after, so a question staff renamed, deleted or
// turned into another type in the Forms editor shows without anyone running set-up again.
import type { Settings } from '../domain/settings-types';
import { findTitle, normalizeTitle } from './answers';
import { FormAccessError, openFormByUrl } from './forms';
import type { FormHandler } from './triggers';

type ItemType = GoogleAppsScript.Forms.ItemType;

export interface FormCheck {
  what: string;
  url: string;
  handler: FormHandler;
  fields: Record<string, string>;
  /** Item types that can answer each field; fields not listed take any text or choice item. */
  types: Record<string, string[]>;
}

const TEXTLIKE = ['TEXT', 'PARAGRAPH_TEXT', 'MULTIPLE_CHOICE', 'LIST', 'CHECKBOX'];

export function formChecks(settings: Settings): FormCheck[] {
  const checks: FormCheck[] = [
    {
      what: 'Registration form / 登録フォーム',
      url: settings.registrationFormUrl,
      handler: 'onRegistrationSubmit',
      fields: settings.registrationFields,
      types: {},
    },
    {
      what: 'Application form / 申請フォーム',
      url: settings.applicationFormUrl,
      handler: 'onApplicationSubmit',
      fields: settings.applicationFields,
      types: {
        // A date-and-time answer ('yyyy-MM-dd HH:mm') is read as its day (parseDay).
        supportDate: ['DATE', 'DATETIME', 'TEXT'],
        startTime: ['TIME', 'TEXT'],
        endTime: ['TIME', 'TEXT'],
      },
    },
  ];
  if (settings.courseFormUrl) {
    checks.push({
      what: 'Course questionnaire form / 講座アンケートフォーム',
      url: settings.courseFormUrl,
      handler: 'onCourseSubmit',
      fields: settings.courseFields,
      types: {},
    });
  }
  if (settings.signupFormUrl) {
    checks.push({
      what: 'Session sign-up form / 相談会申込フォーム',
      url: settings.signupFormUrl,
      handler: 'onSignupSubmit',
      fields: settings.signupFields,
      // The session question's choices are kept by the script (R33): a list or multiple choice.
      types: { session: ['LIST', 'MULTIPLE_CHOICE'] },
    });
  }
  return checks;
}

/** Every problem with one form, in plain words, by question title. */
export function checkForm(check: FormCheck): {
  problems: string[];
  form: GoogleAppsScript.Forms.Form | null;
} {
  let form: GoogleAppsScript.Forms.Form;
  try {
    form = openFormByUrl(check.url, check.what);
  } catch (error) {
    return {
      problems: [error instanceof FormAccessError ? error.message : String(error)],
      form: null,
    };
  }
  const problems: string[] = [];
  if (!form.collectsEmail()) {
    problems.push(
      `${check.what}: it does not collect email addresses. In the form's Settings → Responses, set ` +
        '"Collect email addresses" to "Verified" (respondents sign in), so that an application can only ' +
        'come from its owner (RULES R6, R28). / フォームの設定 →「回答」→「メールアドレスを収集する」を「確認済み」にしてください。',
    );
  }
  const items = new Map<string, string>();
  for (const item of form.getItems())
    items.set(normalizeTitle(item.getTitle()), String(item.getType() as ItemType));
  const fieldTitles = new Set(Object.values(check.fields).map(normalizeTitle));
  for (const [field, title] of Object.entries(check.fields)) {
    // The question the submissions will read: the same title, or one half of it kept
    // (adapters/answers findTitle), so set-up accepts what the triggers accept.
    const others = new Set([...fieldTitles].filter((t) => t !== normalizeTitle(title)));
    const found = findTitle(title, items.keys(), others);
    const type = found === null ? undefined : items.get(found);
    if (type === undefined) {
      problems.push(
        `${check.what}: no question titled "${title}" (field ${field}). Rename the question or change the field map in Settings.`,
      );
      continue;
    }
    const allowed = check.types[field] ?? TEXTLIKE;
    if (!allowed.includes(type)) {
      problems.push(
        `${check.what}: the question "${title}" is of type ${type}; expected ${allowed.join(' or ')}.`,
      );
    }
  }
  return { problems, form };
}

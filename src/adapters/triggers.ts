// The names of the trigger handlers the system installs (src/index.ts exports them). Google
// stores a trigger by its handler's name: set-up installs these, the health report, the sweep
// and the environment check look for them, and the job records name runs by them.
import type { FormName, ScalarKey, Settings } from '../domain/settings-types';

export const CLOCK_HANDLERS = ['runMonthlyPayments', 'sweep', 'sendQueuedEmails'] as const;
/** Installed only with a sign-up form (R35: reminders and the staff list, daily). */
export const SESSION_CLOCK_HANDLERS = ['runSessionsDaily'] as const;

/**
 * Each form of the field maps (a Record over FormName: a form cannot be left out): the handler
 * of its form-submit trigger, the setting that holds its URL, whether it is optional (installed
 * only when that setting is filled in), and the clock handlers it brings with it.
 */
export const FORM_TRIGGERS = {
  registration: { handler: 'onRegistrationSubmit', urlSetting: 'registrationFormUrl' },
  application: { handler: 'onApplicationSubmit', urlSetting: 'applicationFormUrl' },
  course: { handler: 'onCourseSubmit', urlSetting: 'courseFormUrl', optional: true },
  signup: {
    handler: 'onSignupSubmit',
    urlSetting: 'signupFormUrl',
    optional: true,
    clock: SESSION_CLOCK_HANDLERS,
  },
} as const satisfies Record<
  FormName,
  { handler: string; urlSetting: ScalarKey; optional?: true; clock?: readonly string[] }
>;

export type FormHandler = (typeof FORM_TRIGGERS)[FormName]['handler'];

/** Every form's handler, in form order. */
export const FORM_HANDLERS: readonly FormHandler[] = Object.values(FORM_TRIGGERS).map(
  (t) => t.handler,
);

/**
 * The handlers the forms in use need, in form order: each required form's, and each optional
 * form's whose URL is set (with the clock handlers it brings). Without settings: the required.
 */
export function formHandlersFor(settings: Pick<Settings, ScalarKey> | null): string[] {
  const out: string[] = [];
  for (const t of Object.values(FORM_TRIGGERS)) {
    if ('optional' in t && !settings?.[t.urlSetting]) continue;
    out.push(t.handler, ...('clock' in t ? t.clock : []));
  }
  return out;
}

// The names of the trigger handlers the system installs (src/index.ts exports them). Google
// stores a trigger by its handler's name: set-up installs these, the health report and the
// sweep check them.
export const CLOCK_HANDLERS = ['runMonthlyPayments', 'sweep', 'sendQueuedEmails'] as const;
export const FORM_HANDLERS = [
  'onRegistrationSubmit',
  'onApplicationSubmit',
  'onCourseSubmit',
  'onSignupSubmit',
] as const;
/** Installed only with a sign-up form (R35: reminders and the staff list, daily). */
export const SESSION_CLOCK_HANDLERS = ['runSessionsDaily'] as const;

// The Settings sheet's rows for given Settings, and the defaults with placeholders: for the
// demo, the bench and the tests only (the script reads the real sheet through parseSettings).
import {
  formatSettingErrors,
  parseSettings,
  type ScalarKey,
  SETTINGS_SPEC,
  type SettingKey,
} from '../src/domain/settings';
import type { Settings } from '../src/domain/settings-types';

/**
 * Placeholders for the settings that have no usable default (the three form URLs and the staff
 * email). They pass validation, so demo and test data can run the whole flow, but they open no
 * real form: set-up must still ask staff for the real ones.
 */
export const DEMO_PLACEHOLDERS = {
  registrationFormUrl: 'https://docs.google.com/forms/d/demo-registration-form/edit',
  applicationFormUrl: 'https://docs.google.com/forms/d/demo-application-form/edit',
  courseFormUrl: '',
  signupFormUrl: '',
  staffEmail: 'office@example.org',
} as const;

/**
 * The defaults of SETTINGS_SPEC, with DEMO_PLACEHOLDERS for the form URLs and staff email.
 * For tests and the demo only: the real sheet goes through parseSettings, which rejects
 * empty URLs. `parseSettings(settingsToRows(defaultSettings()))` gives the same Settings back.
 */
export function defaultSettings(): Settings {
  const rows: Record<string, string> = {};
  for (const spec of SETTINGS_SPEC) rows[spec.key] = spec.defaultValue;
  Object.assign(rows, DEMO_PLACEHOLDERS);
  const parsed = parseSettings(rows);
  if ('errors' in parsed) {
    // Only reachable if SETTINGS_SPEC itself is inconsistent.
    throw new Error(`Default settings are invalid:\n${formatSettingErrors(parsed.errors, 'en')}`);
  }
  return parsed.settings;
}

/** The value of one setting as written in its row. */
function rowValue(settings: Settings, key: SettingKey): string {
  const [head, form, field] = key.split('.');
  if (head === 'field') {
    const map =
      form === 'registration'
        ? settings.registrationFields
        : form === 'application'
          ? settings.applicationFields
          : form === 'course'
            ? settings.courseFields
            : settings.signupFields;
    return (map as Record<string, string>)[field];
  }
  return String(settings[key as ScalarKey]);
}

/** The rows of the Settings sheet for these settings, in SETTINGS_SPEC order. */
export function settingsToRows(settings: Settings): {
  key: SettingKey;
  labelJa: string;
  labelEn: string;
  value: string;
  helpJa: string;
  helpEn: string;
}[] {
  return SETTINGS_SPEC.map((spec) => ({
    key: spec.key,
    labelJa: spec.labelJa,
    labelEn: spec.labelEn,
    value: rowValue(settings, spec.key),
    helpJa: spec.helpJa,
    helpEn: spec.helpEn,
  }));
}

/** settingsToRows as the Map parseSettings reads (for round trips and the local runner). */
export function settingsToMap(settings: Settings): Map<string, string> {
  return new Map(settingsToRows(settings).map((r) => [r.key, r.value]));
}

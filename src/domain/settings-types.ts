// The Settings sheet, as typed values: every type here is derived from the one declaration per
// key in settings-catalogue.ts (a setting's type is that of its kind, SettingKindValue), so a
// setting is added, renamed or retyped there only.
import type { FIELD_MAPS, SETTINGS_CATALOGUE, SettingKindValue } from './settings-catalogue';

/** A setting with one value (not a field map row). */
export type ScalarKey = keyof typeof SETTINGS_CATALOGUE;

/** A form with a field map: registration, application, course, signup. */
export type FormName = keyof typeof FIELD_MAPS;

/** The fields of a form, mapped to question titles through its field map. */
export type FieldOf<F extends FormName> = keyof (typeof FIELD_MAPS)[F]['fields'] & string;

/** Fields of the registration form. */
export type RegistrationField = FieldOf<'registration'>;
/** Fields of the application form. */
export type ApplicationField = FieldOf<'application'>;
/** Fields of the optional course-questionnaire form. */
export type CourseField = FieldOf<'course'>;
/** Fields of the optional session sign-up form (R33). */
export type SignupField = FieldOf<'signup'>;

/** The key of a row of the Settings sheet. */
export type SettingKey = ScalarKey | { [F in FormName]: `field.${F}.${FieldOf<F>}` }[FormName];

/** Each setting with one value, typed by its kind. */
export type ScalarSettings = {
  -readonly [K in ScalarKey]: SettingKindValue[(typeof SETTINGS_CATALOGUE)[K]['kind']];
};

/** Each form's field map: field → question title (`registrationFields`, …). */
export type FieldMaps = { -readonly [F in FormName as `${F}Fields`]: Record<FieldOf<F>, string> };

export type Settings = ScalarSettings & FieldMaps;

// Staff alerts: sent once per situation (a Script Property remembers), identified by response
// and member IDs only (R27).
import type { StaffAlert } from '../domain/alerts';
import type { Env } from './env';
import { renderFor } from './templates-store';

export function alertStaffOnce(env: Env, key: string, alert: StaffAlert): void {
  const propKey = `alert.${key}`;
  if (env.props.get(propKey)) return;
  env.props.set(propKey, String(env.now));
  env.log.add({ action: 'STAFF_ALERT', detail: `${alert.title.en}: ${alert.message.en}` });
  const mail = renderFor(env, 'staff.alert', 'both', {
    title: alert.title,
    message: alert.message,
    details: '',
    sheetUrl: env.book.ss.getUrl(),
  });
  env.mailer.queue({ ...mail, to: env.settings.staffEmail, kind: 'alert', ref: key });
}

/** Lets an alert be sent again once its situation is over (e.g. the trigger is back). */
export function clearAlert(env: Env, key: string): void {
  env.props.delete(`alert.${key}`);
}

/**
 * Each question of the field map that the form lacks: staff hear once per title (`alertFor`
 * words it for the form), and once more should it go missing again after the form had it back
 * (`present`: the titles found this time, whose alert is re-armed).
 */
export function alertMissingQuestions(
  env: Env,
  form: 'registration' | 'application' | 'course',
  missing: readonly string[],
  present: readonly string[],
  alertFor: (title: string) => StaffAlert,
): void {
  for (const title of missing)
    alertStaffOnce(env, `missing-question:${form}:${title}`, alertFor(title));
  rearmAlerts(
    env,
    present.map((title) => `missing-question:${form}:${title}`),
  );
}

/** Lets these alerts be sent again: their situation is over (a Properties call only if set). */
export function rearmAlerts(env: Env, keys: readonly string[]): void {
  for (const key of keys) if (env.props.get(`alert.${key}`)) clearAlert(env, key);
}

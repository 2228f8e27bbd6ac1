// The optional course-questionnaire form (R19): each response records one completed module
// for a member in the Course sheet, which staff can also fill by hand.

import { alertMissingQuestions, alertStaffOnce } from '../adapters/alerts';
import { mapFields, readResponse } from '../adapters/answers';
import type { Env } from '../adapters/env';
import { cellText } from '../adapters/tables/cells';
import { COURSE } from '../adapters/tables/schema';
import { ALERTS } from '../domain/alerts';
import { dayOf } from '../domain/dates';
import { canonicalModule } from '../domain/eligibility';
import { canonicalId } from '../domain/ids';
import type { CourseField } from '../domain/settings-types';

export function processCourse(
  env: Env,
  response: GoogleAppsScript.Forms.FormResponse,
  form: GoogleAppsScript.Forms.Form | null,
): void {
  const answers = readResponse(response, form);
  const fields = env.settings.courseFields;
  const { values, missing, missingTitles, presentTitles } = mapFields<CourseField>(answers, fields);
  // Staff edited the form after set-up: they hear once per question, and once per reworded
  // module choice (a choice is the form's wording, never a person's data, R27).
  alertMissingQuestions(env, 'course', missingTitles, presentTitles, (title) =>
    ALERTS.courseMissingQuestion(title, answers.responseId),
  );
  if (!missing.includes('module') && values.module.trim() !== '' && !canonicalModule(values.module))
    alertStaffOnce(
      env,
      `unreadable-module:${values.module.trim()}`,
      ALERTS.unreadableModule(fields.module, answers.responseId),
    );
  const memberId = canonicalId(values.memberId, env.settings.idPrefix, env.settings.idWidth);
  const module = canonicalModule(values.module);
  const table = env.book.table(COURSE);
  let row = table
    .dataRows()
    .find((r) => cellText(table.get(r, 'responseId')) === answers.responseId);
  const completedOn = dayOf(answers.timestamp);
  const same =
    row !== undefined &&
    cellText(table.get(row, 'memberId')) === (memberId ?? values.memberId) &&
    cellText(table.get(row, 'module')) === (module ?? values.module);
  if (same) {
    env.log.add({
      action: 'COURSE_DUPLICATE_EVENT',
      responseId: answers.responseId,
      memberId: memberId ?? '',
    });
    return;
  }
  if (!row) row = table.append({ responseId: answers.responseId });
  // Unreadable answers are kept as given, marked for staff, and count for nothing (R15).
  const ok = memberId !== null && module !== null;
  table.set(row, 'memberId', memberId ?? values.memberId);
  table.set(row, 'module', module ?? values.module);
  table.set(row, 'completedOn', completedOn);
  table.set(row, 'status', ok ? 'OK' : 'CHECK / 要確認');
  env.log.add({
    action: ok ? 'COURSE_RECORDED' : 'COURSE_UNREADABLE',
    responseId: answers.responseId,
    memberId: memberId ?? '',
    detail: module ?? '',
  });
}

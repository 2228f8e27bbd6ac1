// Registration form → Bansou Net ID and auto-reply (RULES R1–R4, R24–R27, R29).

import { alertMissingQuestions, alertStaffOnce, rearmAlerts } from '../adapters/alerts';
import { mapFields, readResponse, sameVersion } from '../adapters/answers';
import type { Env } from '../adapters/env';
import { formUrls } from '../adapters/forms';
import { HistoryWriter, type VersionKind, versionRecord } from '../adapters/member-history';
import { handedOut, idsAbovePatterns, nextId } from '../adapters/member-ids';
import { type MemberTable, RESPONSE_IDS_KEPT, responseIdsOf } from '../adapters/records';
import { cellMs, cellNumber, cellText } from '../adapters/tables/cells';
import { email as emailPattern, oneOf } from '../adapters/tables/patterns';
import { MEMBERS } from '../adapters/tables/schema';
import type { Row, Table } from '../adapters/tables/table';
import { renderFor } from '../adapters/templates-store';
import { ALERTS } from '../domain/alerts';
import { QUESTION_NOT_IN_FORM, readYesNo } from '../domain/answers';
import { autoReplyAllowed } from '../domain/replies';
import type { RegistrationField } from '../domain/settings-types';
import { normalizeEmail } from '../domain/text';

export function processRegistration(
  env: Env,
  response: GoogleAppsScript.Forms.FormResponse,
  form: GoogleAppsScript.Forms.Form | null,
  /**
   * The sweep's full pass ("Process missed responses") after staff fixed a renamed experience
   * question: a response already processed whose experience was recorded as QUESTION_NOT_IN_FORM
   * is read again (REREAD), so the member's experience is known from their registration on.
   */
  reread = false,
): void {
  const answers = readResponse(response, form);
  const fields = env.settings.registrationFields;
  const { values, missing, missingTitles, presentTitles } = mapFields<RegistrationField>(
    answers,
    fields,
  );
  alertMissingQuestions(env, 'registration', missingTitles, presentTitles, (title) =>
    ALERTS.missingQuestion('registration', title, answers.responseId, title === fields.experience),
  );
  readYesNoAnswers(env, values, missing, answers.responseId);
  if (answers.email === '') {
    alertStaffOnce(env, 'registration-form-no-email', ALERTS.registrationNoEmail());
  } else rearmAlerts(env, ['registration-form-no-email']);

  // A registration reads what it needs, not the tables (issue #15): each sheet's header, then one
  // search for this response (a repeated event or an edit), the address (R2), and any ID above
  // the highest handed out (R1, member-ids.ts).
  const members = env.book.lookupTable(MEMBERS) ?? env.book.table(MEMBERS);
  const email = normalizeEmail(answers.email);
  const byResponsePattern = [oneOf(answers.responseId)];
  // An address with characters beyond ASCII has no pattern: the Members rows are read whole.
  const byEmail = email === '' ? null : emailPattern(email);
  const emailPatterns = byEmail === null ? [] : [byEmail];
  const above = idsAbovePatterns(env);
  // Every response version goes into the member history with its time (RULES §3), written
  // before the Members row so a failed execution is completed by the sweep without loss.
  const history = HistoryWriter.of(env.book, members, env.now);
  const recordVersion = (row: Row, memberId: string, kind: VersionKind, at = answers.timestamp) =>
    history.record(
      versionRecord(
        {
          memberId,
          at,
          responseId: answers.responseId,
          kind,
          email: answers.email || cellText(members.get(row, 'email')),
          experience: values.experience,
          foreignBackground: values.foreignBackground,
          emailLanguage: values.emailLanguage,
        },
        env.now,
      ),
    );
  const table = members as unknown as Table<string>;
  env.book.search([
    { table, key: 'responseIds', patterns: byResponsePattern },
    { table, key: 'email', patterns: emailPatterns },
    { table, key: 'memberId', patterns: above },
    ...history.searches(answers.responseId, above),
  ]);
  const byResponse = members
    .lookup('responseIds', byResponsePattern)
    .find((r) => responseIdsOf(members, r).includes(answers.responseId));
  if (byResponse) {
    const memberId = cellText(members.get(byResponse, 'memberId'));
    const last = cellMs(members.get(byResponse, 'lastResponseAt'));
    if (sameVersion(last, answers.timestamp)) {
      if (
        reread &&
        last !== null &&
        Math.abs(last - answers.timestamp) <= 999 &&
        cellText(members.get(byResponse, 'experience')) === QUESTION_NOT_IN_FORM &&
        !missing.includes('experience')
      ) {
        // The same answers, read now that the question is found again: a version one second
        // after the original (the history tells versions apart by response and second; it wins
        // over the original for every moment after the registration, whatever the order of the
        // Member history rows), the details as now read. No reply: the ID was sent.
        history.changing(byResponse);
        recordVersion(byResponse, memberId, 'REREAD', answers.timestamp + 1000);
        writeDetails(members, byResponse, values, answers.email, env.now, answers.timestamp);
        env.log.add({ action: 'REGISTRATION_REREAD', responseId: answers.responseId, memberId });
        return;
      }
      env.log.add({
        action: 'REGISTRATION_DUPLICATE_EVENT',
        responseId: answers.responseId,
        memberId,
      });
      return;
    }
    // R4: an edited response updates the member, never a second ID.
    history.changing(byResponse);
    recordVersion(byResponse, memberId, 'EDIT');
    writeDetails(members, byResponse, values, answers.email, env.now, answers.timestamp);
    env.log.add({ action: 'REGISTRATION_EDITED', responseId: answers.responseId, memberId });
    return;
  }

  const existing =
    email === ''
      ? undefined
      : (byEmail === null ? members.dataRows() : members.lookup('email', emailPatterns)).find(
          (r) => normalizeEmail(cellText(members.get(r, 'email'))) === email,
        );
  let row: Row;
  let memberId: string;
  if (existing) {
    // R2: the same person keeps the ID; details are updated and the ID is sent again.
    row = existing;
    memberId = cellText(members.get(row, 'memberId'));
    history.changing(row);
    const ids = [...responseIdsOf(members, row), answers.responseId].slice(-RESPONSE_IDS_KEPT);
    members.set(row, 'responseIds', ids.join(' '));
    const latest = cellMs(members.get(row, 'lastResponseAt'));
    if (latest !== null && answers.timestamp + 999 < latest) {
      // An older response reached us late (the sweep): newer details already stand, and the
      // member already has the ID. The history keeps it at its own time.
      recordVersion(row, memberId, 'OLDER');
      env.log.add({
        action: 'REGISTRATION_OLDER_RESPONSE',
        responseId: answers.responseId,
        memberId,
      });
      return;
    }
    recordVersion(row, memberId, 'REPEAT');
    writeDetails(members, row, values, answers.email, env.now, answers.timestamp);
    env.log.add({ action: 'REGISTRATION_REPEATED', responseId: answers.responseId, memberId });
  } else {
    // R1: the next ID comes from the IDs stored (Members and the history), under the script
    // lock; a retried first registration keeps the ID the history already gave it.
    memberId = history.firstIdOf(answers.responseId) ?? nextId(env, members, history);
    row = members.append({
      memberId,
      firstRegisteredAt: new Date(answers.timestamp),
      responseIds: answers.responseId,
    });
    history.appended(row);
    writeDetails(members, row, values, answers.email, env.now, answers.timestamp);
    recordVersion(row, memberId, 'FIRST');
    handedOut(env, memberId);
    env.log.add({
      action: 'REGISTERED',
      responseId: answers.responseId,
      memberId,
      change: '→ ' + memberId,
    });
  }
  sendReply(env, members, row, memberId, values, answers.email, answers.responseId);
}

/**
 * The yes/no answers the rules read (R7 experience; foreign background for R34 and the
 * statistics), after staff edited the form: a question gone is recorded as QUESTION_NOT_IN_FORM
 * (unknown to the rules: the member's applications go to review, never a silent "no"); an answer
 * that reads as neither yes nor no is kept as given (also unknown) and staff hear once.
 */
function readYesNoAnswers(
  env: Env,
  values: Record<RegistrationField, string>,
  missing: readonly RegistrationField[],
  responseId: string,
): void {
  if (missing.includes('experience')) values.experience = QUESTION_NOT_IN_FORM;
  for (const field of ['experience', 'foreignBackground'] as const) {
    if (missing.includes(field) || readYesNo(values[field]) !== null) continue;
    alertStaffOnce(
      env,
      `unreadable-answer:registration:${field}`,
      ALERTS.unreadableYesNo(
        env.settings.registrationFields[field],
        responseId,
        field === 'experience',
      ),
    );
  }
}

function writeDetails(
  members: MemberTable,
  row: Row,
  values: Record<RegistrationField, string>,
  email: string,
  now: number,
  responseTime: number,
): void {
  if (email !== '') members.set(row, 'email', email);
  members.set(row, 'name', values.name);
  members.set(row, 'phoneticName', values.phoneticName);
  members.set(row, 'phone', values.phone);
  members.set(row, 'address', values.address);
  members.set(row, 'organization', values.organization);
  members.set(row, 'area', values.area);
  members.set(row, 'languages', values.languages);
  members.set(row, 'foreignBackground', values.foreignBackground);
  members.set(row, 'experience', values.experience);
  members.set(row, 'emailLanguage', values.emailLanguage);
  members.set(row, 'consent', values.consent);
  members.set(row, 'lastUpdatedAt', new Date(now));
  members.set(row, 'lastResponseAt', new Date(responseTime));
}

/** R3 auto-reply, at most once a day per member (R29: a flood cannot starve the quota). */
function sendReply(
  env: Env,
  members: MemberTable,
  row: Row,
  memberId: string,
  values: Record<RegistrationField, string>,
  email: string,
  responseId: string,
): void {
  if (email === '') return;
  const reply = autoReplyAllowed(
    cellMs(members.get(row, 'lastReplyAt')),
    cellNumber(members.get(row, 'repliesThatDay')),
    env.now,
    env.settings.dailyAutoReplyLimit,
  );
  if (!reply.allowed) {
    env.log.add({
      action: 'REPLY_SKIPPED_TODAY',
      responseId,
      memberId,
      detail: 'daily auto-reply limit (R29)',
    });
    return;
  }
  const mail = renderFor(env, 'registration.reply', values.emailLanguage, {
    memberId,
    name: values.name,
    applicationFormUrl: formUrls(env).applicationPublished,
    officeContact: env.settings.officeContact,
  });
  env.mailer.queue({ ...mail, to: email, kind: 'registration', ref: responseId });
  members.set(row, 'lastReplyAt', new Date(env.now));
  members.set(row, 'repliesThatDay', reply.countAfter);
}

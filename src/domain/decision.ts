// RULES.md §3 (R5–R15): one application → one status with its reason codes, and the fee (R16).
// Pure: everything the decision needs comes in through DecisionContext.
import { compareDays, dayOf, dueDate, monthOf, parseDay, parseTime } from './dates';
import { isEligible } from './eligibility';
import { feeFor } from './fees';
import { canonicalId } from './ids';
import type { Lookup } from './members';
import { REASON_CODES, statusForReasons } from './reasons';
import type { Settings } from './settings-types';
import { isBlank, isNoneAnswer, normalizeEmail, recipientKey } from './text';
import type {
  ApplicationInput,
  CourseCompletion,
  Decision,
  MemberFacts,
  PriorApplication,
  ReasonCode,
  StaffOverride,
} from './types';

export interface DecisionContext {
  settings: Settings;
  /**
   * Members by canonical ID, as they stood at this application's submission moment (§3): an ID
   * not issued by then is absent. The engine (engine.ts) builds it from the member histories.
   */
  members: Lookup<MemberFacts>;
  /** Course completions by member ID; only asked for members without declared experience. */
  completions: Lookup<readonly CourseCompletion[]>;
  priors: readonly PriorApplication[]; // earlier applications, in submission order
  override: StaffOverride | null;
}

interface Submission {
  submittedAt: number;
  responseId: string;
}

/** Submission order: by first-submission time, ties broken by response ID (stable everywhere). */
export function compareSubmission(a: Submission, b: Submission): number {
  if (a.submittedAt !== b.submittedAt) return a.submittedAt < b.submittedAt ? -1 : 1;
  return a.responseId < b.responseId ? -1 : a.responseId > b.responseId ? 1 : 0;
}

/** R15: answers that must be present; a name here in `app.missing` means the question is gone. */
export const REQUIRED_FIELDS = [
  'applicantId',
  'supportDate',
  'startTime',
  'endTime',
  'recipientName',
] as const;

export function decideApplication(app: ApplicationInput, ctx: DecisionContext): Decision {
  const { settings, members, completions } = ctx;
  const reasons = new Set<ReasonCode>();
  const submissionDay = dayOf(app.submittedAt);
  // The course sheet is only asked about members who declared no experience (R7).
  const eligible = (member: MemberFacts | undefined, supportDay: string | null) =>
    member !== undefined &&
    (member.experience === true ||
      isEligible(member, completions.get(member.id) ?? [], supportDay, submissionDay, settings));

  // Only applications submitted before this one count (R13, R14); this also keeps an edited
  // application (R18) from meeting itself when the caller passes every stored decision.
  const priors = ctx.priors.filter((p) => compareSubmission(p, app) < 0);

  const supportDay = isBlank(app.supportDate) ? null : parseDay(app.supportDate);
  const key = recipientKey(app.recipientName, app.recipientBirthYear);

  // R15, all in one place: a required answer missing or blank; without the respondent's email
  // R6 cannot be checked; a date that is not a date; a name without a letter or digit ('-',
  // '？', '・・') names nobody, so R13 and R14 cannot be checked. Each is for staff to look at.
  const answers: Record<(typeof REQUIRED_FIELDS)[number], string> = {
    applicantId: app.applicantId,
    supportDate: app.supportDate,
    startTime: app.startTime,
    endTime: app.endTime,
    recipientName: app.recipientName,
  };
  if (
    REQUIRED_FIELDS.some((field) => app.missing.includes(field) || isBlank(answers[field])) ||
    isBlank(app.respondentEmail) ||
    supportDay === null ||
    key === ''
  ) {
    reasons.add('MISSING_ANSWER');
  }

  // R5 → R6 → R7: only a known applicant can be checked for who sent it and eligibility.
  const applicantId = isBlank(app.applicantId)
    ? null
    : canonicalId(app.applicantId, settings.idPrefix, settings.idWidth);
  const applicant = applicantId === null ? undefined : members.get(applicantId);
  if (!isBlank(app.applicantId) && applicant === undefined) reasons.add('UNKNOWN_ID');
  if (applicant) {
    if (
      !isBlank(app.respondentEmail) &&
      normalizeEmail(app.respondentEmail) !== normalizeEmail(applicant.email)
    ) {
      reasons.add('NOT_SELF');
    }
    // An experience answer that could not be read (the form edited after set-up) is not a "no":
    // without the course either, staff must look (R15), never a silent NOT_ELIGIBLE.
    if (!eligible(applicant, supportDay))
      reasons.add(applicant.experience === null ? 'MISSING_ANSWER' : 'NOT_ELIGIBLE');
  }

  // R8, R9, R10: only a date that was read can be judged.
  if (supportDay !== null) {
    if (
      compareDays(supportDay, settings.programStart) < 0 ||
      compareDays(supportDay, settings.programEnd) > 0
    ) {
      reasons.add('OUT_OF_PERIOD');
    }
    if (compareDays(supportDay, submissionDay) > 0) reasons.add('FUTURE_DATE');
    if (compareDays(submissionDay, dueDate(supportDay, settings.deadlineMonths)) > 0) {
      reasons.add('LATE');
    }
  }

  // R11: a blank time is MISSING_ANSWER (above); a time given but unreadable is BAD_TIME.
  const startMinute = isBlank(app.startTime) ? null : parseTime(app.startTime);
  const endMinute = isBlank(app.endTime) ? null : parseTime(app.endTime);
  if (!isBlank(app.startTime) && startMinute === null) reasons.add('BAD_TIME');
  if (!isBlank(app.endTime) && endMinute === null) reasons.add('BAD_TIME');
  let minutes: number | null = null;
  if (startMinute !== null && endMinute !== null) {
    if (endMinute <= startMinute) reasons.add('BAD_TIME');
    else {
      minutes = endMinute - startMinute;
      if (minutes < settings.minMinutes) reasons.add('TOO_SHORT');
    }
  }

  // R12: a bad second supporter only loses their own share.
  let secondId: string | null = null;
  let secondValid = false;
  // "なし", "-" or "None" in the second-supporter question (staff may make it required) names
  // nobody: no second supporter, as when left blank.
  if (!isNoneAnswer(app.secondId)) {
    secondId = canonicalId(app.secondId, settings.idPrefix, settings.idWidth);
    const second = secondId === null ? undefined : members.get(secondId);
    if (second === undefined) reasons.add('CO_UNKNOWN');
    else if (secondId === applicantId) reasons.add('CO_SAME');
    else if (!eligible(second, supportDay))
      reasons.add(second.experience === null ? 'MISSING_ANSWER' : 'CO_NOT_ELIGIBLE');
    else secondValid = true;
  }
  const supporters: string[] = [];
  if (applicantId !== null) supporters.push(applicantId);
  if (secondValid && secondId !== null) supporters.push(secondId);

  // R13: ACCEPTED and REVIEW applications for the same person count, REJECTED ones do not.
  if (key !== '') {
    const counted = priors.filter(
      (p) => p.recipientKey === key && (p.status === 'ACCEPTED' || p.status === 'REVIEW'),
    ).length;
    if (counted >= settings.recipientCap) reasons.add('RECIPIENT_LIMIT');
  }

  // R14: same person, same day, overlapping time, a supporter already named on a live claim.
  // R14b: a case is claimed by at most 2 supporters in all; a separate application bringing a
  // third (and later) supporter is for staff to look at.
  if (key !== '' && supportDay !== null && minutes !== null) {
    const start = startMinute as number;
    const end = endMinute as number;
    const sameCase = priors.filter(
      (p) =>
        p.status !== 'REJECTED' &&
        p.recipientKey === key &&
        p.supportDate === supportDay &&
        p.startMinute !== null &&
        p.endMinute !== null &&
        start < p.endMinute &&
        p.startMinute < end,
    );
    if (sameCase.some((p) => p.supporters.some((s) => supporters.includes(s)))) {
      reasons.add('DUPLICATE');
    } else if (sameCase.length > 0) {
      const claimed = new Set(sameCase.flatMap((p) => p.supporters));
      for (const s of supporters) claimed.add(s);
      if (claimed.size > 2) reasons.add('SAME_CASE');
    }
  }

  const autoStatus = statusForReasons(reasons);
  const override = ctx.override;
  const status = override ? override.status : autoStatus;
  let feePerSupporter = 0;
  if (status === 'ACCEPTED') {
    // A staff override that accepts a case the rules refused (times unreadable, or shorter
    // than the minimum) pays at least the standard fee: accepting it means paying it.
    feePerSupporter = Math.max(
      minutes === null ? 0 : feeFor(minutes, settings),
      settings.feeStandard,
    );
  }

  return {
    responseId: app.responseId,
    status,
    reasons: REASON_CODES.filter((r) => reasons.has(r)),
    autoStatus,
    override,
    applicantId,
    secondId,
    supportDate: supportDay,
    startMinute,
    endMinute,
    minutes,
    recipientKey: key,
    feePerSupporter,
    supporters,
    paymentMonth: monthOf(app.submittedAt),
  };
}

/** What later applications need to know about this one (R13, R14). */
export function toPrior(decision: Decision, submittedAt: number): PriorApplication {
  return {
    responseId: decision.responseId,
    submittedAt,
    status: decision.status,
    recipientKey: decision.recipientKey,
    supportDate: decision.supportDate,
    startMinute: decision.startMinute,
    endMinute: decision.endMinute,
    supporters: [...decision.supporters],
  };
}

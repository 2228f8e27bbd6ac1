// Plain data shared by the domain core, the adapters and the use cases. No Apps Script globals.

/** A calendar day in the program's time zone (Asia/Tokyo), 'YYYY-MM-DD'. */
export type Day = string;
/** A calendar month in the program's time zone, 'YYYY-MM'. */
export type Month = string;

export type Status = 'ACCEPTED' | 'REJECTED' | 'REVIEW';

export type ReasonCode =
  | 'UNKNOWN_ID'
  | 'NOT_SELF'
  | 'NOT_ELIGIBLE'
  | 'OUT_OF_PERIOD'
  | 'FUTURE_DATE'
  | 'LATE'
  | 'TOO_SHORT'
  | 'BAD_TIME'
  | 'CO_UNKNOWN'
  | 'CO_SAME'
  | 'CO_NOT_ELIGIBLE'
  | 'RECIPIENT_LIMIT'
  | 'DUPLICATE'
  | 'SAME_CASE'
  | 'MISSING_ANSWER';

export type Language = 'ja' | 'en';

/** What the decision needs to know about a member (R5–R7). */
export interface MemberFacts {
  id: string; // canonical, e.g. 'BN-00012'
  email: string; // as registered; compared case-insensitively after trimming
  /**
   * Declared previous accompanying-support experience at registration (R7); null when the answer
   * could not be read as yes or no (the form's question or choices edited): unknown, for staff.
   */
  experience: boolean | null;
}

/**
 * One registration response version (first, repeat or edited) as the rules read it (§3 "Facts
 * as of the submission moment"). The member as of a moment is their latest version at or
 * before it; before their first version the ID does not exist (R5).
 */
export interface MemberVersion {
  memberId: string; // canonical
  /** Time of this response version (ms): the submission, or the edit, as the form records it. */
  at: number;
  responseId: string;
  email: string;
  experience: boolean | null;
  foreignBackground: boolean;
  language: string;
}

/** One completed course questionnaire (R19). */
export interface CourseCompletion {
  memberId: string; // canonical
  module: string; // canonical 'Basic 1'..'Basic 5', 'Advanced 1'..'Advanced 4'
  completedOn: Day;
}

/** The two documents of one member for one fiscal year (R20). '' = not received. */
export interface DocumentRecord {
  memberId: string;
  fiscalYear: number; // FY2024 = 2024-04-01..2025-03-31
  memorandumOn: Day | '';
  accountOn: Day | '';
}

/** An application as read from the form (answers raw, as Forms gives them). */
export interface ApplicationInput {
  responseId: string;
  /** Time of the first submission (ms). An edit never moves it (R21). */
  submittedAt: number;
  respondentEmail: string;
  applicantId: string; // raw answer
  secondId: string; // raw answer, '' when not given
  supportDate: string; // raw answer, Forms gives 'yyyy-MM-dd'
  startTime: string; // raw answer, Forms gives 'HH:mm'
  endTime: string; // raw answer
  recipientName: string;
  recipientBirthYear: string; // '' when not given
  /** Fields (names of the field map) whose question is absent from the form/response. */
  missing: string[];
}

export interface StaffOverride {
  status: Status;
  note: string;
}

/** An earlier application as far as R13/R14 need it (in submission order). */
export interface PriorApplication {
  responseId: string;
  submittedAt: number;
  status: Status; // final status (override included)
  recipientKey: string;
  supportDate: Day | null;
  startMinute: number | null; // minutes after midnight
  endMinute: number | null;
  supporters: string[]; // canonical IDs named on it (applicant and valid second supporter)
}

export interface Decision {
  responseId: string;
  status: Status; // final (override wins)
  reasons: ReasonCode[]; // automatic reasons, in RULES order
  autoStatus: Status; // before any override
  override: StaffOverride | null;
  applicantId: string | null; // canonical when readable
  secondId: string | null; // canonical when given and readable
  supportDate: Day | null;
  startMinute: number | null;
  endMinute: number | null;
  minutes: number | null;
  recipientKey: string;
  /** Fee per paid supporter (R16); 0 unless ACCEPTED. */
  feePerSupporter: number;
  /** Supporters paid when ACCEPTED: the applicant, plus the second when valid (R12). */
  supporters: string[];
  /** Tokyo month of the first submission (R21): the payment sheet `Payments <month>`. */
  paymentMonth: Month;
}

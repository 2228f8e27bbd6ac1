// The Settings sheet, as typed values. Every rule parameter of RULES.md is a setting:
// nothing in the logic hard-codes a date, an amount or a count.
import type { Day } from './types';

/** Fields of the registration form, mapped to question titles through the field map. */
export type RegistrationField =
  | 'name'
  | 'phoneticName'
  | 'phone'
  | 'address'
  | 'organization'
  | 'area'
  | 'languages'
  | 'foreignBackground'
  | 'experience'
  | 'emailLanguage'
  | 'consent';

/** Fields of the application form. */
export type ApplicationField =
  | 'applicantId'
  | 'applicantName'
  | 'supportDate'
  | 'startTime'
  | 'endTime'
  | 'recipientName'
  | 'recipientBirthYear'
  | 'secondId'
  | 'issues'
  | 'prefecture'
  | 'description';

/** Fields of the optional course-questionnaire form. */
export type CourseField = 'memberId' | 'module';

/** Fields of the optional session sign-up form (R33). */
export type SignupField = 'memberId' | 'session' | 'purpose';

export interface Settings {
  registrationFormUrl: string;
  applicationFormUrl: string;
  courseFormUrl: string; // '' when there is no course form
  signupFormUrl: string; // '' when there is no session sign-up form (R33)
  staffEmail: string;
  senderName: string;
  replyTo: string; // '' = none
  officeContact: string; // free text put in emails (phone, address, email)
  programStart: Day;
  programEnd: Day;
  minMinutes: number; // R11, 60
  longMinutes: number; // R16, 120
  feeStandard: number; // R16, 4000
  feeLong: number; // R16, 8000
  recipientCap: number; // R13, 3
  deadlineMonths: number; // R10, 1
  basic5RequiredFrom: Day; // R19, 2024-04-01
  idPrefix: string; // R1, 'BN-'
  idWidth: number; // R1, 5
  monthlyRunDay: number; // R21, 1
  monthlyRunHour: number; // R21, 6
  sweepEveryHours: number; // R26, 1
  outboxEveryHours: number; // R29, 1
  dailyAutoReplyLimit: number; // R29: auto-replies per address per day, 1
  transferDay: number; // R30–R31: day of M+1 the fees are transferred, 25
  consignorCode: string; // R31: 委託者コード, 10 digits or '' (not set)
  consignorName: string; // R31: 委託者名 in bank kana or ''
  officeBankCode: string; // R31: the office's account, 4 digits or ''
  officeBranchCode: string; // 3 digits or ''
  officeAccountType: string; // '1' 普通, '2' 当座 or ''
  officeAccountNumber: string; // 7 digits or ''
  smallCellThreshold: number; // R38: counts below this are shown as <N in statistics, 3
  sessionsDailyHour: number; // R35: hour of the daily reminders and staff list, 9
  registrationFields: Record<RegistrationField, string>; // field → question title
  applicationFields: Record<ApplicationField, string>;
  courseFields: Record<CourseField, string>;
  signupFields: Record<SignupField, string>;
}

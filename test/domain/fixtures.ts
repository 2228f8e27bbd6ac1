// Shared test data for the domain core: the default Settings of RULES.md and small builders.

import { APPLICATION_TITLES, REGISTRATION_TITLES } from '../../local/world';
import type { Settings } from '../../src/domain/settings-types';
import type {
  ApplicationInput,
  CourseCompletion,
  MemberFacts,
  MemberVersion,
  StaffOverride,
} from '../../src/domain/types';

export const settings: Settings = {
  registrationFormUrl: 'https://docs.google.com/forms/d/registration/edit',
  applicationFormUrl: 'https://docs.google.com/forms/d/application/edit',
  courseFormUrl: '',
  signupFormUrl: '',
  staffEmail: 'office@example.org',
  senderName: 'Bansou Net',
  replyTo: '',
  officeContact: 'Bansou Net office, 03-0000-0000',
  programStart: '2023-07-10',
  programEnd: '2026-02-28',
  minMinutes: 60,
  longMinutes: 120,
  feeStandard: 4000,
  feeLong: 8000,
  recipientCap: 3,
  deadlineMonths: 1,
  basic5RequiredFrom: '2024-04-01',
  idPrefix: 'BN-',
  idWidth: 5,
  monthlyRunDay: 1,
  monthlyRunHour: 6,
  sweepEveryHours: 1,
  outboxEveryHours: 1,
  dailyAutoReplyLimit: 1,
  transferDay: 25,
  consignorCode: '',
  consignorName: '',
  officeBankCode: '',
  officeBranchCode: '',
  officeAccountType: '',
  officeAccountNumber: '',
  smallCellThreshold: 3,
  sessionsDailyHour: 9,
  registrationFields: { ...REGISTRATION_TITLES },
  applicationFields: { ...APPLICATION_TITLES },
  courseFields: {
    memberId: '伴走ネットID / Bansou Net ID',
    module: '講座 / Module',
  },
  signupFields: {
    memberId: '伴走ネットID / Bansou Net ID',
    session: '参加する回 / Session',
    purpose: '参加の目的 / Purpose',
  },
};

/** The instant of a Tokyo wall-clock time (UTC+9), independent of the machine's zone. */
export function tokyoMs(day: string, time = '12:00'): number {
  const [y, m, d] = day.split('-').map(Number);
  const [h, min] = time.split(':').map(Number);
  return Date.UTC(y, m - 1, d, h, min) - 9 * 60 * 60 * 1000;
}

export function member(seq: number, experience = true): MemberFacts {
  const id = 'BN-' + String(seq).padStart(5, '0');
  return { id, email: `member${seq}@example.org`, experience };
}

/** A registration response version with these facts (at the beginning of time unless given). */
export function version(
  m: MemberFacts,
  at = 0,
  changes: Partial<MemberVersion> = {},
): MemberVersion {
  return {
    memberId: m.id,
    at,
    responseId: `reg-${m.id}-${at}`,
    email: m.email,
    experience: m.experience,
    foreignBackground: false,
    language: '日本語',
    ...changes,
  };
}

export function course(
  memberId: string,
  modules: number[],
  completedOn: string,
): CourseCompletion[] {
  return modules.map((n) => ({ memberId, module: `Basic ${n}`, completedOn }));
}

/** A valid application by BN-00001 (90 minutes on 2024-07-30, submitted the same evening). */
export function application(overrides: Partial<ApplicationInput> = {}): ApplicationInput {
  return {
    responseId: 'r1',
    submittedAt: tokyoMs('2024-07-30', '20:00'),
    respondentEmail: 'member1@example.org',
    applicantId: 'BN-00001',
    secondId: '',
    supportDate: '2024-07-30',
    startTime: '10:00',
    endTime: '11:30',
    recipientName: 'Nguyen Van A',
    recipientBirthYear: '1985',
    missing: [],
    ...overrides,
  };
}

export function override(status: StaffOverride['status'], note: string): StaffOverride {
  return { status, note };
}

// Property (RULES §3, issue #13 item 8): for random histories of registrations (re-registrations
// that flip experience or change the email, IDs issued after an application names them),
// applications, course completions after the submission, late documents, edits before and after
// payment, staff overrides, "Re-decide all" and monthly runs in between:
//  - deciding one by one as the events arrive gives the same statuses, reasons and Ledger as
//    re-deciding everything from scratch at the end;
//  - no Ledger line ever pays an application that was not ACCEPTED by its own moment's facts
//    (or overridden to ACCEPTED by staff), the facts read by an independent, naive oracle.
// The system is modelled on the pure domain: the one engine (decideInOrder) as the flows call it
// (decideFrom: the staged application and every later one; paid ones keep their decision) and
// the monthly settlement (settleMonth), so 1,000 histories take seconds.
import fc from 'fast-check';
import { dayOf, fiscalYearOf, monthOf } from '../../src/domain/dates';
import { compareSubmission, toPrior } from '../../src/domain/decision';
import { requiredModules } from '../../src/domain/eligibility';
import { decideInOrder, type ToDecide } from '../../src/domain/engine';
import {
  type LedgerLine,
  monthsToSettle,
  type PayableApplication,
  settleMonth,
  settlementDay,
} from '../../src/domain/payments';
import type {
  ApplicationInput,
  CourseCompletion,
  Decision,
  DocumentRecord,
  MemberVersion,
  PriorApplication,
  StaffOverride,
  Status,
} from '../../src/domain/types';
import { settings as baseSettings } from './fixtures';

const settings = { ...baseSettings, programStart: '2024-07-01', programEnd: '2024-10-15' };
const DAY = 86_400_000;
const MINUTE = 60_000;
/** 2024-07-01 00:00 in Tokyo. */
const DAY0 = Date.UTC(2024, 6, 1) - 9 * 3_600_000;
const at = (day: number, minute: number) => DAY0 + day * DAY + minute * MINUTE;
const idOf = (n: number) => `BN-${String(n).padStart(5, '0')}`;
const emailOf = (n: number, variant: number) =>
  variant === 0 ? `member${n}@example.org` : `member${n}.v${variant}@example.org`;
const NAMES = ['Nguyen Van A', 'van a NGUYEN', 'Tran Thi B', 'Li Wei'];

// ---- the random history ------------------------------------------------------------------

interface RegSpec {
  day: number;
  minute: number;
  experience: boolean;
  emailVariant: number;
}
interface AppSpec {
  day: number;
  minute: number;
  applicant: number; // 1..5 (5 may never be issued)
  self: boolean;
  second: number; // 0 = none
  supportDaysBefore: number;
  startHour: number;
  length: number;
  name: number;
  edit: null | {
    afterDays: number;
    startHour: number;
    length: number;
    name: number;
    second: number;
  };
  override: null | { afterDays: number; status: Status | null };
}
interface HistorySpec {
  /** Per member n = 1..4: first registration then re-registrations (times sorted later). */
  members: RegSpec[][];
  apps: AppSpec[];
  /** Per member: the day all five Basic questionnaires were completed, or null. */
  course: (number | null)[];
  /** Per member: the day both FY2024 documents arrived, or null. */
  documents: (number | null)[];
  redecide: number[];
}

const regArb = fc.record({
  day: fc.integer({ min: 0, max: 90 }),
  minute: fc.integer({ min: 60, max: 1380 }),
  experience: fc.boolean(),
  emailVariant: fc.constantFrom(0, 0, 0, 1),
});
const appArb: fc.Arbitrary<AppSpec> = fc.record({
  day: fc.integer({ min: 0, max: 105 }),
  minute: fc.integer({ min: 60, max: 1380 }),
  applicant: fc.integer({ min: 1, max: 5 }),
  self: fc.constantFrom(true, true, true, false),
  second: fc.constantFrom(0, 0, 1, 2, 3, 4, 5),
  supportDaysBefore: fc.constantFrom(0, 1, 3, 10, 25, 35),
  startHour: fc.integer({ min: 9, max: 12 }),
  length: fc.constantFrom(30, 60, 90, 150),
  name: fc.integer({ min: 0, max: NAMES.length - 1 }),
  edit: fc.option(
    fc.record({
      afterDays: fc.integer({ min: 0, max: 50 }),
      startHour: fc.integer({ min: 9, max: 12 }),
      length: fc.constantFrom(30, 60, 90, 150),
      name: fc.integer({ min: 0, max: NAMES.length - 1 }),
      second: fc.constantFrom(0, 1, 2, 3),
    }),
    { freq: 4 },
  ),
  override: fc.option(
    fc.record({
      afterDays: fc.integer({ min: 0, max: 50 }),
      status: fc.constantFrom<Status | null>('ACCEPTED', 'REJECTED', 'REVIEW', null),
    }),
    { freq: 5 },
  ),
});
const historyArb: fc.Arbitrary<HistorySpec> = fc.record({
  members: fc.array(fc.array(regArb, { minLength: 1, maxLength: 3 }), {
    minLength: 4,
    maxLength: 4,
  }),
  apps: fc.array(appArb, { maxLength: 12 }),
  course: fc.array(fc.option(fc.integer({ min: 0, max: 100 }), { freq: 2 }), {
    minLength: 4,
    maxLength: 4,
  }),
  documents: fc.array(fc.option(fc.integer({ min: 0, max: 120 }), { freq: 2 }), {
    minLength: 4,
    maxLength: 4,
  }),
  redecide: fc.array(fc.integer({ min: 0, max: 120 }), { maxLength: 2 }),
});

// ---- events ------------------------------------------------------------------------------

type Event =
  | { at: number; kind: 'register'; version: MemberVersion }
  | { at: number; kind: 'course'; completions: CourseCompletion[] }
  | { at: number; kind: 'documents'; record: DocumentRecord }
  | { at: number; kind: 'apply'; input: ApplicationInput }
  | { at: number; kind: 'edit'; responseId: string; change: Partial<ApplicationInput> }
  | { at: number; kind: 'override'; responseId: string; override: StaffOverride | null }
  | { at: number; kind: 'redecide' }
  | { at: number; kind: 'monthly' };

const ORDER: Record<Event['kind'], number> = {
  monthly: 0,
  course: 1,
  documents: 2,
  register: 3,
  apply: 4,
  edit: 5,
  override: 6,
  redecide: 7,
};

function hhmm(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

function eventsOf(spec: HistorySpec): { events: Event[]; versions: MemberVersion[] } {
  const events: Event[] = [];
  const versions: MemberVersion[] = [];
  // IDs are issued in registration order: member n's first registration comes after n−1's.
  let firstAt = 0;
  spec.members.forEach((regs, i) => {
    const n = i + 1;
    const times = regs.map((r) => at(r.day, r.minute)).sort((a, b) => a - b);
    if (times[0] <= firstAt) times[0] = firstAt + MINUTE;
    firstAt = times[0];
    regs.forEach((r, k) => {
      const v: MemberVersion = {
        memberId: idOf(n),
        at: Math.max(times[k], times[0]),
        responseId: `reg${n}-${k}`,
        email: emailOf(n, k === 0 ? 0 : r.emailVariant),
        experience: r.experience,
        foreignBackground: false,
        language: '日本語',
      };
      versions.push(v);
      events.push({ at: v.at, kind: 'register', version: v });
    });
  });
  spec.course.forEach((day, i) => {
    if (day === null) return;
    const memberId = idOf(i + 1);
    // Entered when completed (the course form dates it on its day, before the day's work).
    const completedOn = dayOf(at(day, 30));
    events.push({
      at: at(day, 30),
      kind: 'course',
      completions: [1, 2, 3, 4, 5].map((m) => ({ memberId, module: `Basic ${m}`, completedOn })),
    });
  });
  spec.documents.forEach((day, i) => {
    if (day === null) return;
    const on = dayOf(at(day, 30));
    events.push({
      at: at(day, 30),
      kind: 'documents',
      record: { memberId: idOf(i + 1), fiscalYear: 2024, memorandumOn: on, accountOn: on },
    });
  });
  spec.apps.forEach((a, i) => {
    const submittedAt = at(a.day, a.minute) + i; // distinct moments
    const responseId = `app${String(i).padStart(2, '0')}`;
    const times = (startHour: number, length: number) => ({
      startTime: hhmm(startHour * 60),
      endTime: hhmm(startHour * 60 + length),
    });
    const input: ApplicationInput = {
      responseId,
      submittedAt,
      respondentEmail: a.self ? emailOf(a.applicant, 0) : 'someone@example.org',
      applicantId: idOf(a.applicant),
      secondId: a.second === 0 ? '' : idOf(a.second),
      supportDate: dayOf(submittedAt - a.supportDaysBefore * DAY),
      ...times(a.startHour, a.length),
      recipientName: NAMES[a.name],
      recipientBirthYear: '',
      missing: [],
    };
    events.push({ at: submittedAt, kind: 'apply', input });
    if (a.edit) {
      events.push({
        at: submittedAt + a.edit.afterDays * DAY + 7 * MINUTE,
        kind: 'edit',
        responseId,
        change: {
          ...times(a.edit.startHour, a.edit.length),
          recipientName: NAMES[a.edit.name],
          secondId: a.edit.second === 0 ? '' : idOf(a.edit.second),
        },
      });
    }
    if (a.override) {
      events.push({
        at: submittedAt + a.override.afterDays * DAY + 13 * MINUTE,
        kind: 'override',
        responseId,
        override: a.override.status ? { status: a.override.status, note: 'staff' } : null,
      });
    }
  });
  for (const day of spec.redecide) events.push({ at: at(day, 1400), kind: 'redecide' });
  // The monthly trigger: day 1 at 06:00 (settings monthlyRunDay, monthlyRunHour).
  // The last run comes after every edit and override, so they have all been applied.
  for (const day of [31, 62, 92, 123, 153, 184]) events.push({ at: at(day, 360), kind: 'monthly' });
  events.sort((x, y) => x.at - y.at || ORDER[x.kind] - ORDER[y.kind]);
  return { events, versions };
}

// ---- the system, one event at a time (as the flows do it) ----------------------------------

/** What the Applications sheet shows of a decision (the override is the staff's own cell). */
function shown(d: Decision | null): string {
  if (!d) return '';
  const { override: _staff, ...rest } = d;
  return JSON.stringify(rest);
}

interface AppState {
  input: ApplicationInput;
  override: StaffOverride | null;
  decision: Decision | null;
}

class System {
  readonly histories = new Map<string, MemberVersion[]>();
  readonly completions = new Map<string, CourseCompletion[]>();
  readonly documents: DocumentRecord[] = [];
  readonly apps: AppState[] = [];
  readonly ledger: LedgerLine[] = [];
  readonly settled = new Set<string>();

  facts() {
    return { settings, histories: this.histories, completions: this.completions };
  }

  isPaid(a: AppState): boolean {
    return this.ledger.some((l) => l.responseId === a.input.responseId);
  }

  prior(a: AppState): PriorApplication {
    return toPrior(a.decision as Decision, a.input.submittedAt);
  }

  /** usecases/applications.ts decideFrom: the staged ones and every later one, in order. */
  decideFrom(staged: AppState[] | null): void {
    const first = staged === null ? null : staged.map((a) => a.input).sort(compareSubmission)[0];
    const before = this.apps.filter((a) => first !== null && compareSubmission(a.input, first) < 0);
    const tail = this.apps.filter((a) => !before.includes(a));
    const byItem = new Map<ToDecide, AppState>();
    const items = tail.map((a) => {
      const item: ToDecide = {
        input: a.input,
        override: a.override,
        recorded: this.isPaid(a) ? this.prior(a) : undefined,
      };
      byItem.set(item, a);
      return item;
    });
    const earlier = new Map<string, PriorApplication[]>();
    for (const a of [...before].sort((x, y) => compareSubmission(x.input, y.input))) {
      const p = this.prior(a);
      earlier.set(p.recipientKey, [...(earlier.get(p.recipientKey) ?? []), p]);
    }
    for (const { item, decision } of decideInOrder(items, this.facts(), earlier)) {
      if (decision) (byItem.get(item) as AppState).decision = decision;
    }
  }

  /** Rows whose recorded status disagrees with what staff set (flows rowsAwaitingDecision). */
  awaiting(): AppState[] {
    return this.apps.filter((a) => {
      if (this.isPaid(a) || a.decision === null) return !this.isPaid(a);
      return a.override
        ? a.override.status !== a.decision.status
        : a.decision.status !== a.decision.autoStatus;
    });
  }

  handle(e: Event): void {
    switch (e.kind) {
      case 'register': {
        const list = this.histories.get(e.version.memberId) ?? [];
        this.histories.set(e.version.memberId, [...list, e.version]);
        return;
      }
      case 'course': {
        const id = e.completions[0].memberId;
        this.completions.set(id, [...(this.completions.get(id) ?? []), ...e.completions]);
        return;
      }
      case 'documents':
        this.documents.push(e.record);
        return;
      case 'apply': {
        const a: AppState = { input: e.input, override: null, decision: null };
        this.apps.push(a);
        this.decideFrom([a]);
        return;
      }
      case 'edit': {
        const a = this.apps.find((x) => x.input.responseId === e.responseId) as AppState;
        if (this.isPaid(a)) return; // R18: the payment stands; flagged for staff
        a.input = { ...a.input, ...e.change };
        this.decideFrom([a]);
        return;
      }
      case 'override': {
        const a = this.apps.find((x) => x.input.responseId === e.responseId) as AppState;
        a.override = e.override; // applied by the next run or Re-decide all
        return;
      }
      case 'redecide': {
        const pending = this.awaiting().length > 0;
        const before = this.apps.map((a) => shown(a.decision));
        this.decideFrom(null);
        const after = this.apps.map((a) => shown(a.decision));
        // With no input changed, Re-decide all changes nothing.
        if (!pending) expect(after).toEqual(before);
        return;
      }
      case 'monthly': {
        const before = this.apps.map((a) => shown(a.decision));
        const staff = this.awaiting();
        if (staff.length > 0) this.decideFrom(staff);
        if (staff.length === 0) {
          // The monthly run never re-decides: without a staff change nothing moves.
          expect(this.apps.map((a) => shown(a.decision))).toEqual(before);
        }
        this.settle(e.at, this.settled, this.ledger);
        return;
      }
    }
  }

  payable(): PayableApplication[] {
    return this.apps.map((a) => ({
      responseId: a.input.responseId,
      submittedAt: a.input.submittedAt,
      paymentMonth: monthOf(a.input.submittedAt),
      status: (a.decision as Decision).status,
      supporters: (a.decision as Decision).supporters,
      feePerSupporter: (a.decision as Decision).feePerSupporter,
      supportDate: (a.decision as Decision).supportDate,
    }));
  }

  settle(now: number, settled: Set<string>, ledger: LedgerLine[]): void {
    for (const month of monthsToSettle(now, settled, '2024-07', 1, 6)) {
      const { newLines } = settleMonth(
        month,
        this.payable(),
        ledger,
        this.documents,
        settlementDay(month, 1),
      );
      ledger.push(...newLines);
      settled.add(month);
    }
  }
}

// ---- the independent oracle: facts of a moment, read naively from the events ---------------

function naiveMember(versions: MemberVersion[], id: string, moment: number) {
  let found: MemberVersion | undefined;
  for (const v of versions) {
    if (v.memberId === id && v.at <= moment && (!found || v.at >= found.at)) found = v;
  }
  return found;
}

function naiveEligible(
  versions: MemberVersion[],
  completions: Map<string, CourseCompletion[]>,
  id: string,
  input: ApplicationInput,
): boolean {
  const m = naiveMember(versions, id, input.submittedAt);
  if (!m) return false;
  if (m.experience) return true;
  const day = dayOf(input.submittedAt);
  const done = new Set(
    (completions.get(id) ?? []).filter((c) => c.completedOn <= day).map((c) => c.module),
  );
  return requiredModules(input.supportDate, settings).every((mod) => done.has(mod));
}

// ---- the property ----------------------------------------------------------------------------

const lineKeys = (ledger: LedgerLine[]) =>
  ledger.map((l) => `${l.responseId} ${l.memberId} ${l.amount}`).sort();

describe('decisions are fixed to their moment: random histories (property, fast-check)', () => {
  test('one by one as events arrive == re-decided from scratch at the end (statuses, reasons, Ledger), and every Ledger line pays an application ACCEPTED by its own moment’s facts or by staff', () => {
    let ledgerLines = 0;
    let notEligibleThen = 0;
    fc.assert(
      fc.property(historyArb, (spec) => {
        const { events, versions } = eventsOf(spec);
        const live = new System();
        for (const e of events) live.handle(e);

        // From scratch at the end: every application with its final answers and override,
        // paid ones keeping the decision they were paid on (R18, R22).
        const scratch = new System();
        for (const v of versions) scratch.handle({ at: v.at, kind: 'register', version: v });
        for (const [id, c] of live.completions) scratch.completions.set(id, c);
        scratch.documents.push(...live.documents);
        for (const a of live.apps) {
          scratch.apps.push({ input: a.input, override: a.override, decision: a.decision });
        }
        scratch.ledger.push(...live.ledger);
        scratch.decideFrom(null);
        const view = (s: System) =>
          s.apps.map((a) => [a.input.responseId, a.decision?.status, a.decision?.reasons]);
        expect(view(scratch)).toEqual(view(live));

        // The Ledger settled from scratch with those decisions pays the same lines.
        const fresh: LedgerLine[] = [];
        scratch.settle(at(184, 360), new Set(), fresh);
        expect(lineKeys(fresh)).toEqual(lineKeys(live.ledger));

        // Every line pays an application ACCEPTED by the facts of its own moment, or by staff.
        for (const line of live.ledger) {
          ledgerLines++;
          const a = live.apps.find((x) => x.input.responseId === line.responseId) as AppState;
          const d = a.decision as Decision;
          expect(d.status).toBe('ACCEPTED');
          if (d.override?.status === 'ACCEPTED') continue;
          expect(d.autoStatus).toBe('ACCEPTED');
          expect(naiveEligible(versions, live.completions, line.memberId, a.input)).toBe(true);
          if (line.memberId === d.applicantId) {
            const m = naiveMember(versions, line.memberId, a.input.submittedAt);
            expect(m?.email).toBe(a.input.respondentEmail);
          } else {
            expect(line.memberId).toBe(d.secondId);
          }
          expect(fiscalYearOf(d.supportDate as string)).toBe(2024);
        }
        for (const a of live.apps) {
          const m = naiveMember(versions, idOf(Number(a.input.applicantId.slice(3))), Infinity);
          if (m && a.decision?.reasons.includes('NOT_ELIGIBLE')) notEligibleThen++;
        }
        return true;
      }),
      { numRuns: 1000, seed: 20241129 },
    );
    // The histories did exercise what they are about.
    expect(ledgerLines).toBeGreaterThan(500);
    expect(notEligibleThen).toBeGreaterThan(100);
  });
});

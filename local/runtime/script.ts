// The in-memory ScriptApp: installable triggers (form, spreadsheet, clock) per user, the
// 20-triggers-per-user limit, and the clock schedule that decides when a time-driven trigger
// falls due. The runtime (index.ts) runs the handler functions; this file only keeps the
// triggers and says which one fires when.

import type { RuntimeContext } from './context';
import { isDate } from './context';
import { exception } from './spreadsheet/errors';
import { wallToUtc as fromWall, isValidTimeZone, utcToWall as toWall } from './zone';

// Older names of the zone conversions, still imported from here (forms, tests).
export { fromWall, toWall };

export const EventType = {
  CLOCK: 'CLOCK',
  ON_OPEN: 'ON_OPEN',
  ON_EDIT: 'ON_EDIT',
  ON_FORM_SUBMIT: 'ON_FORM_SUBMIT',
  ON_CHANGE: 'ON_CHANGE',
  ON_EVENT_UPDATED: 'ON_EVENT_UPDATED',
} as const;
export type EventTypeName = keyof typeof EventType;

export const TriggerSource = {
  SPREADSHEETS: 'SPREADSHEETS',
  CLOCK: 'CLOCK',
  FORMS: 'FORMS',
  DOCUMENTS: 'DOCUMENTS',
  CALENDAR: 'CALENDAR',
} as const;
export type TriggerSourceName = keyof typeof TriggerSource;

export const AuthMode = {
  NONE: 'NONE',
  CUSTOM_FUNCTION: 'CUSTOM_FUNCTION',
  LIMITED: 'LIMITED',
  FULL: 'FULL',
} as const;

export const WeekDay = {
  SUNDAY: 'SUNDAY',
  MONDAY: 'MONDAY',
  TUESDAY: 'TUESDAY',
  WEDNESDAY: 'WEDNESDAY',
  THURSDAY: 'THURSDAY',
  FRIDAY: 'FRIDAY',
  SATURDAY: 'SATURDAY',
} as const;
const WEEK_DAYS = Object.keys(WeekDay);

// Error text: APPS-SCRIPT-FACTS.md (quoted from public reports; see spreadsheet/errors.ts).
export const TOO_MANY_TRIGGERS =
  'This script has too many triggers. Triggers must be deleted from the script before more can be added.';
const MAX_TRIGGERS_PER_USER = 20;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** When a time-driven trigger fires. Hours and days are wall-clock in `timeZone`. */
export type ClockSchedule =
  | { kind: 'at'; at: number }
  | { kind: 'minutes'; every: number }
  | { kind: 'hours'; every: number }
  | { kind: 'days'; every: number; hour: number; nearMinute?: number }
  | { kind: 'weeks'; every: number; weekDay: number; hour: number; nearMinute?: number }
  | { kind: 'month'; monthDay: number; hour: number; nearMinute?: number };

export interface TriggerRecord {
  uid: string;
  handlerFunction: string;
  eventType: EventTypeName;
  source: TriggerSourceName;
  /** The form or spreadsheet id; '' for clock triggers. */
  sourceId: string;
  /** The user who created it: the trigger runs as this user. */
  owner: string;
  enabled: boolean;
  /** Why it is disabled, for reports ('created in a trigger', 'disabled by a test'). */
  disabledReason?: string;
  clock?: { schedule: ClockSchedule; timeZone: string; createdAt: number; nextAt: number | null };
}

/** Runs a trigger's handler with its event object (set by the runtime). */
export type TriggerExecutor = (trigger: TriggerRecord, event: Record<string, unknown>) => void;

function idOf(value: unknown, what: string): string {
  if (typeof value === 'string') return value;
  const getId = (value as { getId?: () => string } | null)?.getId;
  if (typeof getId === 'function') return getId.call(value);
  // Error text: unverified (see spreadsheet/errors.ts).
  throw exception(`Invalid argument: ${what}`);
}

export class Trigger {
  constructor(
    /** @internal the stored trigger */
    readonly record: TriggerRecord,
  ) {}
  getUniqueId(): string {
    return this.record.uid;
  }
  getHandlerFunction(): string {
    return this.record.handlerFunction;
  }
  getEventType(): string {
    return this.record.eventType;
  }
  getTriggerSource(): string {
    return this.record.source;
  }
  getTriggerSourceId(): string | null {
    return this.record.sourceId === '' ? null : this.record.sourceId;
  }
  toString(): string {
    return 'Trigger';
  }
}

class FormTriggerBuilder {
  private eventType: EventTypeName | null = null;
  constructor(
    private readonly service: ScriptService,
    private readonly handler: string,
    private readonly formId: string,
  ) {}
  onFormSubmit(): this {
    this.eventType = 'ON_FORM_SUBMIT';
    return this;
  }
  onOpen(): this {
    this.eventType = 'ON_OPEN';
    return this;
  }
  create(): Trigger {
    // Error text: unverified (see spreadsheet/errors.ts).
    if (!this.eventType) throw exception('Missing event type for the form trigger.');
    return this.service.install(this.handler, this.eventType, 'FORMS', this.formId);
  }
}

class SpreadsheetTriggerBuilder {
  private eventType: EventTypeName | null = null;
  constructor(
    private readonly service: ScriptService,
    private readonly handler: string,
    private readonly spreadsheetId: string,
  ) {}
  onOpen(): this {
    this.eventType = 'ON_OPEN';
    return this;
  }
  onEdit(): this {
    this.eventType = 'ON_EDIT';
    return this;
  }
  onChange(): this {
    this.eventType = 'ON_CHANGE';
    return this;
  }
  onFormSubmit(): this {
    this.eventType = 'ON_FORM_SUBMIT';
    return this;
  }
  create(): Trigger {
    // Error text: unverified (see spreadsheet/errors.ts).
    if (!this.eventType) throw exception('Missing event type for the spreadsheet trigger.');
    return this.service.install(this.handler, this.eventType, 'SPREADSHEETS', this.spreadsheetId);
  }
}

const EVERY_MINUTES = [1, 5, 10, 15, 30];
const EVERY_HOURS = [1, 2, 4, 6, 8, 12];

class ClockTriggerBuilder {
  private atMs?: number;
  /** atDate gives a wall-clock midnight, resolved in the trigger's zone at create(). */
  private atIsWall = false;
  private minutes?: number;
  private hours?: number;
  private days?: number;
  private weeks?: number;
  private weekDay?: number;
  private monthDay?: number;
  private hour?: number;
  private nearMin?: number;
  private timeZone?: string;

  constructor(
    private readonly ctx: RuntimeContext,
    private readonly service: ScriptService,
    private readonly handler: string,
  ) {}

  at(date: Date): this {
    // Error text: unverified (see spreadsheet/errors.ts).
    if (!isDate(date)) throw exception('Invalid argument: date');
    this.atMs = date.getTime();
    this.atIsWall = false;
    return this;
  }
  after(ms: number): this {
    this.atMs = this.ctx.clock.now() + ms;
    this.atIsWall = false;
    return this;
  }
  atDate(year: number, month: number, day: number): this {
    this.atMs = Date.UTC(year, month - 1, day);
    this.atIsWall = true;
    return this;
  }
  everyMinutes(n: number): this {
    if (!EVERY_MINUTES.includes(n)) {
      // Error text: unverified (see spreadsheet/errors.ts).
      throw exception('Invalid argument: minutes. Must be one of 1, 5, 10, 15 or 30.');
    }
    this.minutes = n;
    return this;
  }
  everyHours(n: number): this {
    if (!EVERY_HOURS.includes(n)) {
      // Error text: unverified (see spreadsheet/errors.ts).
      throw exception('Invalid argument: hours. Must be one of 1, 2, 4, 6, 8 or 12.');
    }
    this.hours = n;
    return this;
  }
  everyDays(n: number): this {
    this.days = n;
    return this;
  }
  everyWeeks(n: number): this {
    this.weeks = n;
    return this;
  }
  onWeekDay(day: string): this {
    const index = WEEK_DAYS.indexOf(String(day));
    // Error text: unverified (see spreadsheet/errors.ts).
    if (index < 0) throw exception('Invalid argument: day');
    this.weekDay = index;
    if (this.weeks === undefined) this.weeks = 1;
    return this;
  }
  onMonthDay(day: number): this {
    // Error text: unverified (see spreadsheet/errors.ts).
    if (!Number.isInteger(day) || day < 1 || day > 31) throw exception('Invalid argument: day');
    this.monthDay = day;
    return this;
  }
  atHour(hour: number): this {
    // Error text: unverified (see spreadsheet/errors.ts).
    if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw exception('Invalid argument: hour');
    this.hour = hour;
    return this;
  }
  nearMinute(minute: number): this {
    if (!Number.isInteger(minute) || minute < 0 || minute > 59) {
      // Error text: unverified (see spreadsheet/errors.ts).
      throw exception('Invalid argument: minute');
    }
    this.nearMin = minute;
    return this;
  }
  inTimezone(timeZone: string): this {
    // Error text: unverified (see spreadsheet/errors.ts).
    if (!isValidTimeZone(timeZone)) throw exception(`Invalid argument: timezone`);
    this.timeZone = timeZone;
    return this;
  }

  create(): Trigger {
    const timeZone = this.timeZone ?? this.ctx.timeZone;
    const uidSeed = this.handler;
    // Without atHour Google picks the hour itself; a fixed pseudo-random one keeps runs repeatable.
    const hour = this.hour ?? hash(`${uidSeed}:hour`) % 24;
    let schedule: ClockSchedule;
    if (this.atMs !== undefined) {
      const at = this.atIsWall ? fromWall(this.atMs, timeZone) : this.atMs;
      schedule = { kind: 'at', at };
    } else if (this.minutes !== undefined) {
      schedule = { kind: 'minutes', every: this.minutes };
    } else if (this.hours !== undefined) {
      schedule = { kind: 'hours', every: this.hours };
    } else if (this.monthDay !== undefined) {
      schedule = { kind: 'month', monthDay: this.monthDay, hour, nearMinute: this.nearMin };
    } else if (this.weeks !== undefined) {
      const weekDay = this.weekDay ?? new Date(toWall(this.ctx.clock.now(), timeZone)).getUTCDay();
      schedule = { kind: 'weeks', every: this.weeks, weekDay, hour, nearMinute: this.nearMin };
    } else if (this.days !== undefined) {
      schedule = { kind: 'days', every: this.days, hour, nearMinute: this.nearMin };
    } else {
      throw exception('The clock trigger has no schedule: call everyMinutes, everyHours, …');
    }
    return this.service.installClock(this.handler, schedule, timeZone);
  }
}

class TriggerBuilder {
  constructor(
    private readonly ctx: RuntimeContext,
    private readonly service: ScriptService,
    private readonly handler: string,
  ) {}
  forForm(form: unknown): FormTriggerBuilder {
    return new FormTriggerBuilder(this.service, this.handler, idOf(form, 'form'));
  }
  forSpreadsheet(spreadsheet: unknown): SpreadsheetTriggerBuilder {
    return new SpreadsheetTriggerBuilder(
      this.service,
      this.handler,
      idOf(spreadsheet, 'spreadsheet'),
    );
  }
  timeBased(): ClockTriggerBuilder {
    return new ClockTriggerBuilder(this.ctx, this.service, this.handler);
  }
}

export class ScriptService {
  readonly EventType = EventType;
  readonly TriggerSource = TriggerSource;
  readonly AuthMode = AuthMode;
  readonly WeekDay = WeekDay;

  private readonly triggers: TriggerRecord[] = [];
  /** Set by the runtime: runs a handler as a trigger execution. */
  executor: TriggerExecutor | null = null;
  private readonly defaultUser: string;

  constructor(
    private readonly ctx: RuntimeContext,
    options: { user?: string } = {},
  ) {
    this.defaultUser = options.user ?? 'office@example.org';
  }

  private currentUser(): string {
    return this.ctx.execution?.user ?? this.defaultUser;
  }

  // ---- Apps Script API -------------------------------------------------------------------

  newTrigger(functionName: string): TriggerBuilder {
    this.ctx.call('Script', 'newTrigger');
    if (typeof functionName !== 'string' || functionName === '') {
      // Error text: unverified (see spreadsheet/errors.ts).
      throw exception('Invalid argument: functionName');
    }
    return new TriggerBuilder(this.ctx, this, functionName);
  }

  /** Only the current user's triggers (ScriptApp.getProjectTriggers reference). */
  getProjectTriggers(): Trigger[] {
    this.ctx.call('Script', 'getProjectTriggers');
    const user = this.currentUser();
    return this.triggers.filter((t) => t.owner === user).map((t) => new Trigger(t));
  }

  /** The current user's triggers on one form or spreadsheet. */
  getUserTriggers(document: unknown): Trigger[] {
    this.ctx.call('Script', 'getUserTriggers');
    const user = this.currentUser();
    const id = idOf(document, 'document');
    return this.triggers
      .filter((t) => t.owner === user && t.sourceId === id)
      .map((t) => new Trigger(t));
  }

  deleteTrigger(trigger: unknown): void {
    this.ctx.call('Script', 'deleteTrigger');
    const uid = (trigger as Trigger | null)?.record?.uid;
    const index = this.triggers.findIndex((t) => t.uid === uid && t.owner === this.currentUser());
    // Error text: unverified (see spreadsheet/errors.ts).
    if (index < 0) throw exception('Invalid argument: trigger');
    this.triggers.splice(index, 1);
  }

  getScriptId(): string {
    this.ctx.call('Script', 'getScriptId');
    return 'local-script';
  }

  // ---- installing (called by the builders) ---------------------------------------------

  /** @internal */
  install(
    handlerFunction: string,
    eventType: EventTypeName,
    source: TriggerSourceName,
    sourceId: string,
  ): Trigger {
    this.ctx.call('Script', 'create');
    const owner = this.currentUser();
    if (this.triggers.filter((t) => t.owner === owner).length >= MAX_TRIGGERS_PER_USER) {
      throw exception(TOO_MANY_TRIGGERS);
    }
    const record: TriggerRecord = {
      uid: this.ctx.newId(''),
      handlerFunction,
      eventType,
      source,
      sourceId,
      owner,
      enabled: true,
    };
    // Reported (issue tracker 150756612): a trigger created inside a trigger execution is
    // installed but disabled.
    if (this.ctx.execution?.kind === 'trigger') {
      record.enabled = false;
      record.disabledReason = 'created inside a trigger execution';
    }
    this.triggers.push(record);
    return new Trigger(record);
  }

  /** @internal */
  installClock(handlerFunction: string, schedule: ClockSchedule, timeZone: string): Trigger {
    const trigger = this.install(handlerFunction, 'CLOCK', 'CLOCK', '');
    const now = this.ctx.clock.now();
    const clock = { schedule, timeZone, createdAt: now, nextAt: null as number | null };
    trigger.record.clock = clock;
    clock.nextAt = nextFire(trigger.record, now);
    return trigger;
  }

  // ---- world API (tests, runner) ---------------------------------------------------------

  /** Every trigger of every user. */
  all(): readonly TriggerRecord[] {
    return this.triggers;
  }

  get(uid: string): TriggerRecord | undefined {
    return this.triggers.find((t) => t.uid === uid);
  }

  /** Triggers of one event on one form/spreadsheet, in creation order. */
  find(eventType: EventTypeName, sourceId: string): TriggerRecord[] {
    return this.triggers.filter((t) => t.eventType === eventType && t.sourceId === sourceId);
  }

  setEnabled(uid: string, enabled: boolean, reason?: string): void {
    const trigger = this.get(uid);
    if (!trigger) throw new Error(`no trigger ${uid}`);
    trigger.enabled = enabled;
    trigger.disabledReason = enabled ? undefined : (reason ?? 'disabled');
  }

  /** Runs one trigger's handler with its event (no-op for a disabled trigger). */
  fire(trigger: TriggerRecord, event: Record<string, unknown>): void {
    if (!trigger.enabled) return;
    if (!this.executor) throw new Error('no executor: load the script into a LocalRuntime first');
    this.executor(trigger, { authMode: AuthMode.FULL, ...event, triggerUid: trigger.uid });
  }

  /** The clock trigger due first at or before `until`, with its due time. */
  nextClockDue(until: number): { trigger: TriggerRecord; at: number } | null {
    let best: { trigger: TriggerRecord; at: number } | null = null;
    for (const trigger of this.triggers) {
      const at = trigger.clock?.nextAt;
      if (at == null || at > until) continue;
      if (!best || at < best.at) best = { trigger, at };
    }
    return best;
  }

  /** Moves a clock trigger past `at` (after it fired, or was skipped while disabled). */
  advanceClockTrigger(trigger: TriggerRecord, at: number): void {
    if (trigger.clock) trigger.clock.nextAt = nextFire(trigger, at);
  }
}

// ---- schedule arithmetic ---------------------------------------------------------------------

/** FNV-1a: a stable pseudo-random number from a string (the "random minute" Google picks). */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Minutes after the slot's hour: random within the hour, or nearMinute ± 15. */
function jitter(uid: string, slot: number, nearMinute: number | undefined, span: number): number {
  const h = hash(`${uid}:${slot}`);
  if (nearMinute !== undefined) return (nearMinute - 15) * MINUTE + (h % (30 * MINUTE));
  return h % span;
}

/** The first time strictly after `after` at which the trigger fires, or null (one-shot fired). */
export function nextFire(trigger: TriggerRecord, after: number): number | null {
  const clock = trigger.clock;
  if (!clock) return null;
  const { schedule, timeZone } = clock;
  const uid = trigger.uid;
  const wallAfter = toWall(after, timeZone);
  const first = (candidates: Iterable<number>): number | null => {
    for (const at of candidates) if (at > after) return at;
    return null;
  };
  switch (schedule.kind) {
    case 'at':
      return schedule.at > after ? schedule.at : null;
    case 'minutes':
    case 'hours': {
      const period = schedule.kind === 'minutes' ? schedule.every * MINUTE : schedule.every * HOUR;
      // Hour slots are whole wall-clock hours divisible by `every`; the run falls at a random
      // minute within the slot's first hour (within the period for minute triggers).
      const span = Math.min(period, HOUR);
      const start = Math.floor(wallAfter / period) * period - period;
      return first(
        (function* () {
          for (let slot = start; ; slot += period) {
            yield fromWall(slot, timeZone) + jitter(uid, slot, undefined, span);
          }
        })(),
      );
    }
    case 'days':
    case 'weeks': {
      const createdDay = Math.floor(toWall(clock.createdAt, timeZone) / DAY);
      const startDay = Math.floor(wallAfter / DAY) - 1;
      return first(
        (function* () {
          for (let day = startDay; day < startDay + 800; day++) {
            if (schedule.kind === 'days') {
              if ((day - createdDay) % schedule.every !== 0) continue;
            } else {
              if ((day + 4) % 7 !== schedule.weekDay) continue; // 1970-01-01 was a Thursday
              const weeks = Math.floor((day - createdDay) / 7);
              if (weeks % schedule.every !== 0) continue;
            }
            const slot = day * DAY + schedule.hour * HOUR;
            yield fromWall(slot, timeZone) + jitter(uid, slot, schedule.nearMinute, HOUR);
          }
        })(),
      );
    }
    case 'month': {
      const start = new Date(wallAfter);
      return first(
        (function* () {
          for (let i = -1; i < 48; i++) {
            const year = start.getUTCFullYear();
            const month = start.getUTCMonth() + i;
            const slotDay = Date.UTC(year, month, schedule.monthDay);
            // A month without that day (31 in April) has no run.
            if (new Date(slotDay).getUTCDate() !== schedule.monthDay) continue;
            const slot = slotDay + schedule.hour * HOUR;
            yield fromWall(slot, timeZone) + jitter(uid, slot, schedule.nearMinute, HOUR);
          }
        })(),
      );
    }
  }
}

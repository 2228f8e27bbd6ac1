// Runs a list of events (form responses, edits, staff entering documents and course completions)
// through the office world in time order: the clock is advanced to each event first, so the
// hourly and monthly triggers fire in between, exactly as they would have in real time.
import { COURSE, DOCUMENTS } from '../../src/adapters/tables/schema';
import { SESSIONS, SIGNUPS } from '../../src/adapters/tables/sessions-schema';
import { columnIndexes, normalizeHeader, type TableSpec } from '../../src/adapters/tables/table';
import type { LocalSheet } from '../runtime/spreadsheet';
import {
  createOfficeWorld,
  type OfficeWorld,
  type OfficeWorldOptions,
  SIGNUP_TITLES,
} from '../world';

export type FormKind = 'registration' | 'application' | 'signup';
export type Answers = Record<string, string | string[]>;

export type RunEvent =
  | {
      kind: 'submit';
      form: FormKind;
      at: number;
      /** Data row of the input (1-based); decisions.json reports it. */
      row: number;
      email: string;
      answers: Answers;
      /** The trigger receives the event twice (reported Apps Script behaviour). */
      twice?: boolean;
    }
  | { kind: 'edit'; form: FormKind; at: number; row: number; answers: Answers }
  | {
      kind: 'documents';
      at: number;
      row: number;
      memberId: string;
      fiscalYear: string;
      memorandumOn?: string;
      accountOn?: string;
    }
  | {
      kind: 'course';
      at: number;
      row: number;
      memberId: string;
      module: string;
      completedOn: string;
    }
  /** Staff type a row into the Sessions sheet (keys of the Sessions columns), then update. */
  | { kind: 'session'; at: number; row: number; cells: Record<string, string> }
  /** Staff set a cell of the sign-up of input row `row` (override, note, attended), then update. */
  | { kind: 'signupCell'; at: number; row: number; cells: Record<string, string> };

export interface RunOptions {
  world: OfficeWorldOptions;
  events: RunEvent[];
  /** The clock at the end (ms); monthly runs up to it take place. */
  until: number;
  /** Deliver responses with the trigger dropped; the hourly sweep processes them (R26). */
  batch?: boolean;
  /** Called every `progressEvery` responses. */
  progress?: (done: number, total: number, at: number) => void;
  progressEvery?: number;
}

export interface RunOutcome {
  office: OfficeWorld;
  /** Input data row → response ID, per form. */
  responseIds: Record<FormKind, Map<number, string>>;
  responses: number;
}

export class SetupError extends Error {
  override name = 'SetupError';
}

export function runEvents(options: RunOptions): RunOutcome {
  const events = sortEvents(options.events);
  const first = events.length > 0 ? events[0].at : options.until;
  if (options.until < (events.at(-1)?.at ?? first)) {
    throw new Error('the end of the run is before the last event');
  }
  // Set-up happens the day before the first event, as staff would do it before going live.
  const start = Math.floor((first - 86_400_000) / 3_600_000) * 3_600_000;
  const office = createOfficeWorld({ ...options.world, start: options.world.start ?? start });
  const { rt } = office;
  const report = String(rt.run('setup'));
  if (!report.startsWith('Set-up complete')) throw new SetupError(report);

  const responseIds: Record<FormKind, Map<number, string>> = {
    registration: new Map(),
    application: new Map(),
    signup: new Map(),
  };
  const documentRows = new Map<number, number>();
  const total = events.filter((e) => e.kind === 'submit' || e.kind === 'edit').length;
  const every = options.progressEvery ?? 250;
  const delivery = options.batch ? { drop: true } : {};
  let done = 0;
  for (const event of events) {
    rt.advanceTo(Math.max(event.at, rt.now()));
    switch (event.kind) {
      case 'submit': {
        if (event.form === 'signup') {
          const response = submitSignup(office, event, { ...delivery, twice: event.twice });
          responseIds.signup.set(
            event.row,
            rt.uncounted(() => response.getId()),
          );
          break;
        }
        const form = event.form === 'registration' ? office.registration : office.application;
        const response = rt.forms.submit(
          form,
          { email: event.email, answers: event.answers, at: rt.now() },
          { ...delivery, twice: event.twice },
        );
        responseIds[event.form].set(
          event.row,
          rt.uncounted(() => response.getId()),
        );
        break;
      }
      case 'edit': {
        const id = responseIds[event.form].get(event.row);
        if (!id) throw new Error(`edit of ${event.form} row ${event.row} before it was submitted`);
        rt.forms.editResponse(id, { answers: event.answers, at: rt.now() }, delivery);
        break;
      }
      case 'documents':
        enterDocuments(office, documentRows, event);
        break;
      case 'course':
        staffAppend(office, COURSE, {
          memberId: event.memberId,
          module: event.module,
          completedOn: event.completedOn,
        });
        break;
      case 'session':
        staffAppend(office, SESSIONS, event.cells);
        // Staff press "Update sessions now" after typing (the sweep would within the hour).
        rt.run('updateSessions');
        break;
      case 'signupCell': {
        const id = responseIds.signup.get(event.row);
        if (!id) throw new Error(`staff edit of sign-up row ${event.row} before it was submitted`);
        staffSetByKey(office, SIGNUPS, 'responseId', id, event.cells);
        rt.run('updateSessions');
        break;
      }
    }
    if (event.kind === 'submit' || event.kind === 'edit') {
      done++;
      if (options.progress && (done % every === 0 || done === total)) {
        options.progress(done, total, rt.now());
      }
    }
  }
  rt.advanceTo(Math.max(options.until, rt.now()));
  // A response in the last hour has not met an hourly sweep yet: staff would press
  // "Process missed responses". Only needed when events were dropped.
  if (options.batch) rt.run('sweep');
  return { office, responseIds, responses: total };
}

/** Time order; at the same instant, staff entries first, then input order. */
export function sortEvents(events: RunEvent[]): RunEvent[] {
  const phase = (e: RunEvent) =>
    e.kind === 'documents' || e.kind === 'course' || e.kind === 'session' ? 0 : 1;
  return events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.at - b.e.at || phase(a.e) - phase(b.e) || a.i - b.i)
    .map((x) => x.e);
}

/** Column numbers (1-based) of a system sheet, found by header as the product finds them. */
function columnsOf(sheet: LocalSheet, spec: TableSpec): Map<string, number> {
  const header = sheet.getRange(1, 1, 1, Math.max(1, sheet.getLastColumn())).getValues()[0];
  const out = new Map<string, number>();
  for (const [key, i] of columnIndexes(header, spec)) out.set(key, i + 1);
  return out;
}

/** Staff typing a row into one of the system's sheets (values typed, not counted as script calls). */
function staffAppend(office: OfficeWorld, spec: TableSpec, values: Record<string, string>): number {
  return office.rt.uncounted(() => {
    const sheet = office.ss.getSheetByName(spec.name);
    if (!sheet) throw new Error(`the sheet "${spec.name}" is missing after set-up`);
    const columns = columnsOf(sheet, spec);
    const row = new Array<string>(Math.max(...columns.values())).fill('');
    for (const [key, value] of Object.entries(values)) {
      const col = columns.get(key);
      if (col !== undefined) row[col - 1] = value;
    }
    sheet.appendRow(row);
    return sheet.getLastRow();
  });
}

/** Staff set cells of the row whose `key` column holds `value` (typed, uncounted). */
function staffSetByKey(
  office: OfficeWorld,
  spec: TableSpec,
  key: string,
  value: string,
  cells: Record<string, string>,
): void {
  office.rt.uncounted(() => {
    const sheet = office.ss.getSheetByName(spec.name);
    if (!sheet) throw new Error(`the sheet "${spec.name}" is missing`);
    const columns = columnsOf(sheet, spec);
    const values = sheet.getDataRange().getValues();
    const keyCol = columns.get(key)! - 1;
    const r = values.findIndex((row, i) => i > 0 && String(row[keyCol]) === value);
    if (r < 1) throw new Error(`${spec.name}: no row with ${key} ${value}`);
    for (const [k, v] of Object.entries(cells)) {
      const col = columns.get(k);
      if (col !== undefined) sheet.getRange(r + 1, col).setValue(v);
    }
  });
}

/**
 * A sign-up as the respondent sent it. The session answer is the choice they picked, which the
 * script may have changed since (a closing time passed, the session filled): the current choice
 * of the same session ID is used, or — the form page was opened before the choice went away —
 * the old text, which Forms still delivers.
 */
function submitSignup(
  office: OfficeWorld,
  event: Extract<RunEvent, { kind: 'submit' }>,
  options: { drop?: boolean; twice?: boolean },
) {
  const { rt } = office;
  const form = office.signup;
  if (!form) throw new Error('a sign-up without the sign-up form');
  const title = Object.keys(event.answers).find(
    (t) => normalizeHeader(t) === normalizeHeader(SIGNUP_TITLES.session),
  );
  const answer = title === undefined ? '' : String(event.answers[title] ?? '');
  const item = rt.uncounted(() =>
    form.getItems().find((i) => title !== undefined && i.getTitle() === title),
  );
  const answers = { ...event.answers };
  let restore: (() => void) | null = null;
  if (item && answer !== '') {
    const current = rt.uncounted(() => item.getChoices().map((c) => c.getValue()));
    const id = answer.trim().split(/\s+/)[0];
    const same = current.find((c) => c.split(/\s+/)[0] === id);
    if (same) answers[title!] = same;
    else if (!current.includes(answer)) {
      item.data.choices = [...current, answer];
      restore = () => {
        item.data.choices = current;
      };
    }
  }
  try {
    return rt.forms.submit(form, { email: event.email, answers, at: rt.now() }, options);
  } finally {
    restore?.();
  }
}

/** A documents row is added at its first date; the other date is typed in on its own day. */
function enterDocuments(
  office: OfficeWorld,
  documentRows: Map<number, number>,
  event: Extract<RunEvent, { kind: 'documents' }>,
): void {
  const dates: Record<string, string> = {};
  if (event.memorandumOn) dates.memorandumOn = event.memorandumOn;
  if (event.accountOn) dates.accountOn = event.accountOn;
  const sheetRow = documentRows.get(event.row);
  if (sheetRow === undefined) {
    const row = staffAppend(office, DOCUMENTS, {
      memberId: event.memberId,
      fiscalYear: event.fiscalYear,
      ...dates,
    });
    documentRows.set(event.row, row);
    return;
  }
  office.rt.uncounted(() => {
    const sheet = office.ss.getSheetByName(DOCUMENTS.name)!;
    const columns = columnsOf(sheet, DOCUMENTS);
    for (const [key, value] of Object.entries(dates)) {
      const col = columns.get(key);
      if (col !== undefined) sheet.getRange(sheetRow, col).setValue(value);
    }
  });
}

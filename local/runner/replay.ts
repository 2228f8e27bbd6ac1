// Replay of exported data: the two forms are rebuilt from the exports' columns, and every row
// becomes an event (a response at its timestamp; a document or course completion entered by
// staff on its date). Answers are converted to what Forms hands the script: 'yyyy-MM-dd' for a
// date question, 'HH:mm' for a time question, string[] for checkboxes.
import { basename } from 'node:path';
import { SESSIONS } from '../../src/adapters/tables/sessions-schema';
import type { ColumnSpec } from '../../src/adapters/tables/table';
import { SETTINGS_SPEC } from '../../src/domain/settings';
import type { FormSpec, QuestionType } from '../runtime/forms';
import type { Answers, FormKind, RunEvent } from './engine';
import {
  cellError,
  findColumn,
  type InputCell,
  InputError,
  type InputTable,
  isEmptyRow,
  normalizeName,
  parseDayCell,
  parseFiscalYear,
  parseModule,
  parseTimeCell,
  parseTimestamp,
  requireColumn,
  text,
  tokyoMs,
} from './inputs';

export const TIMESTAMP_COLUMNS = ['タイムスタンプ', 'Timestamp'];
export const EMAIL_COLUMNS = ['メールアドレス', 'Email Address', 'Email'];

/** Settings the runner owns: the forms it builds and links itself. */
const WORLD_KEYS = ['registrationFormUrl', 'applicationFormUrl', 'courseFormUrl', 'signupFormUrl'];

export interface ReplayInputs {
  registrations: InputTable;
  applications: InputTable;
  documents?: InputTable;
  courses?: InputTable;
  /** The Sessions sheet (RULES §8), typed in by staff before the first response. */
  sessions?: InputTable;
  /** The sign-up form's response sheet. */
  signups?: InputTable;
  settings?: Record<string, string>;
  /** The settings file's name, for messages. */
  settingsFile?: string;
}

export interface ReplayPlan {
  events: RunEvent[];
  registrationForm: FormSpec;
  applicationForm: FormSpec;
  /** Only with a sign-up export. */
  signupForm?: FormSpec;
  /** Settings rows to write before set-up. */
  settings: Record<string, string>;
  /** Settings keys of the file that the runner ignored, with why. */
  warnings: string[];
  /** Date and time answers that could not be read: given to the script as text (R11, R15). */
  unreadable: UnreadableAnswer[];
  /** Rows recognised as edited responses (a later timestamp than a row below), per form. */
  edited: Record<FormKind, number>;
}

/** The field map in force: the reference titles, overridden by the settings file. */
export function fieldTitle(settings: Record<string, string>, key: string): string {
  const spec = SETTINGS_SPEC.find((s) => s.key === key);
  return settings[key] ?? spec?.defaultValue ?? '';
}

export function planReplay(inputs: ReplayInputs): ReplayPlan {
  const warnings: string[] = [];
  const settings: Record<string, string> = {};
  for (const [key, value] of Object.entries(inputs.settings ?? {})) {
    if (WORLD_KEYS.includes(key)) {
      warnings.push(`setting ${key} ignored: the runner builds and links the forms itself`);
    } else settings[key] = value;
  }
  const title = (key: string) => normalizeName(fieldTitle(settings, key));
  const unreadable: UnreadableAnswer[] = [];
  checkQuestions(inputs.registrations, 'registration', settings, inputs.settingsFile);
  checkQuestions(inputs.applications, 'application', settings, inputs.settingsFile);
  const registration = responseSheet(
    inputs.registrations,
    'registration',
    {
      date: [],
      time: [],
      checkbox: [title('field.registration.languages'), title('field.registration.consent')],
    },
    unreadable,
  );
  const application = responseSheet(
    inputs.applications,
    'application',
    {
      date: [title('field.application.supportDate')],
      time: [title('field.application.startTime'), title('field.application.endTime')],
      checkbox: [title('field.application.issues')],
    },
    unreadable,
  );
  const events: RunEvent[] = [...registration.events, ...application.events];
  if (inputs.documents) events.push(...documentEvents(inputs.documents));
  if (inputs.courses) events.push(...courseEvents(inputs.courses));
  let signupForm: FormSpec | undefined;
  const edited: Record<FormKind, number> = {
    registration: registration.edited,
    application: application.edited,
    signup: 0,
  };
  if (inputs.signups) {
    checkQuestions(inputs.signups, 'signup', settings, inputs.settingsFile);
    const signup = responseSheet(
      inputs.signups,
      'signup',
      { date: [], time: [], checkbox: [] },
      unreadable,
    );
    edited.signup = signup.edited;
    events.push(...signup.events);
    // The session question is a list whose choices the script writes (R33).
    const session = title('field.signup.session');
    signupForm = {
      title: 'Sign-up form (replayed)',
      collectsEmail: true,
      items: signup.items.map((item) =>
        normalizeName(item.title) === session
          ? { title: item.title, type: 'LIST' as const, choices: ['—'] }
          : item,
      ),
    };
  }
  if (inputs.sessions) {
    // Staff typed the schedule before the first response arrived.
    const first = events.length > 0 ? Math.min(...events.map((e) => e.at)) : 0;
    events.push(...sessionRows(inputs.sessions, first));
  }
  return {
    signupForm,
    events,
    registrationForm: {
      title: 'Registration form (replayed)',
      collectsEmail: true,
      items: registration.items,
    },
    applicationForm: {
      title: 'Application form (replayed)',
      collectsEmail: true,
      items: application.items,
    },
    settings,
    warnings,
    unreadable,
    edited,
  };
}

/**
 * Every question of the field map must be a column of the export (set-up would refuse the form
 * otherwise). A missing one is named with the --settings row that maps it to another title.
 */
function checkQuestions(
  table: InputTable,
  form: FormKind,
  settings: Record<string, string>,
  settingsFile: string | undefined,
): void {
  const headers = new Set(table.header.map(normalizeName));
  const problems: string[] = [];
  for (const spec of SETTINGS_SPEC) {
    if (!spec.key.startsWith(`field.${form}.`)) continue;
    const wanted = fieldTitle(settings, spec.key);
    if (headers.has(normalizeName(wanted))) continue;
    problems.push(
      `${basename(table.file)}: no column "${wanted}" (the question of ${spec.key}). If your form titles it differently, add the row "${spec.key},<your column title>" to ${settingsFile ? `the --settings file (${basename(settingsFile)})` : 'a --settings file (header key,value)'}.`,
    );
  }
  if (problems.length > 0) throw new InputError(problems.join('\n'));
}

interface KnownTypes {
  /** Normalised titles of the questions the field map says are dates, times, checkboxes. */
  date: string[];
  time: string[];
  checkbox: string[];
}

interface Question {
  column: number;
  title: string;
  type: QuestionType;
  choices: string[];
  /** A date or time question: its answers are converted as Forms gives them, when readable. */
  readAs?: 'date' | 'time';
  /** Answers that are not a date (time): the question was a text question (data rows). */
  unreadable: { row: number; value: string }[];
}

/** An answer the runner could not read as a date or time: given to the script as text. */
export interface UnreadableAnswer {
  file: string;
  /** Data row (1-based); the sheet shows it as row + 1. */
  row: number;
  column: string;
  value: string;
  expected: 'date' | 'time';
}

/** A form's response rows, read and checked, before their times are set. */
interface SheetRow {
  row: number;
  stamp: number;
  email: string;
  answers: Answers;
}

function responseSheet(
  table: InputTable,
  form: FormKind,
  known: KnownTypes,
  unreadable: UnreadableAnswer[],
): { items: FormSpec['items']; events: RunEvent[]; edited: number } {
  const tsCol = requireColumn(table, TIMESTAMP_COLUMNS);
  const emailCol = requireColumn(table, EMAIL_COLUMNS);
  const questions: Question[] = [];
  const seen = new Set<string>();
  table.header.forEach((header, column) => {
    if (column === tsCol || column === emailCol || header === '') return;
    // Forms titles are unique; a repeated header would be a second copy of the same question.
    if (seen.has(normalizeName(header))) return;
    seen.add(normalizeName(header));
    questions.push(question(table, column, known));
  });
  const rows: SheetRow[] = [];
  table.rows.forEach((row, i) => {
    const rowNumber = i + 1;
    if (isEmptyRow(row)) return;
    // Only the timestamp and the email are the file's own structure: strict.
    const stamp = parseTimestamp(row[tsCol] ?? '');
    if (stamp === null) {
      throw cellError(
        table,
        rowNumber,
        table.header[tsCol],
        row[tsCol] ?? '',
        'is not a date and time (expected e.g. 2024/07/30 14:03:12)',
      );
    }
    const email = text(row[emailCol]).trim();
    if (email === '') {
      throw cellError(
        table,
        rowNumber,
        table.header[emailCol],
        '',
        'is empty: expected the respondent’s email address',
      );
    }
    const answers: Answers = {};
    for (const q of questions) {
      answers[q.title] = answerOf(q, row[q.column] ?? '');
    }
    rows.push({ row: rowNumber, stamp, email, answers });
  });
  for (const q of questions) {
    if (q.unreadable.length === 0) continue;
    for (const u of q.unreadable) {
      unreadable.push({ file: table.file, ...u, column: q.title, expected: q.readAs ?? 'date' });
    }
  }
  const { events, edited } = responseEvents(form, rows);
  return {
    items: questions.map((q) => ({
      title: q.title,
      type: q.type,
      ...(q.type === 'CHECKBOX' ? { choices: q.choices } : {}),
    })),
    events,
    edited,
  };
}

/**
 * The order Google keeps: a form's sheet lists responses in the order they were submitted, and
 * an edited response keeps its row but shows the time of the edit. So, within one form, a row
 * whose timestamp is later than that of any row below it is an edited response. It is
 * submitted in its place, with the answers the sheet shows (the first answers are not in the
 * export), and edited at its own timestamp. Its submission time is only known to lie between
 * the unedited rows around it, so it is taken where a wrong guess does no harm:
 * - a registration at the timestamp of the nearest unedited row above it (its ID then exists
 *   as early as the order allows: no application can name an ID before it is issued); the
 *   first rows, with none above, at the earliest timestamp below them;
 * - an application at the timestamp of the nearest unedited row below it (as late as the order
 *   allows: the support it claims was given before it was submitted, R9).
 * Every other row is submitted at its timestamp.
 */
export function responseEvents(
  form: FormKind,
  rows: readonly SheetRow[],
): { events: RunEvent[]; edited: number } {
  // The earliest timestamp below each row: that of the nearest unedited row below it.
  const earliestBelow: number[] = new Array(rows.length);
  let min = Number.POSITIVE_INFINITY;
  for (let i = rows.length - 1; i >= 0; i--) {
    earliestBelow[i] = min;
    min = Math.min(min, rows[i].stamp);
  }
  const events: RunEvent[] = [];
  let edited = 0;
  let lastUnedited: number | null = null;
  rows.forEach((r, i) => {
    const base = { form, row: r.row, answers: r.answers };
    if (r.stamp <= earliestBelow[i]) {
      lastUnedited = r.stamp;
      events.push({ kind: 'submit', ...base, at: r.stamp, email: r.email });
      return;
    }
    edited++;
    const submitted =
      form === 'registration' ? (lastUnedited ?? earliestBelow[i]) : earliestBelow[i];
    events.push({ kind: 'submit', ...base, at: submitted, email: r.email });
    events.push({ kind: 'edit', ...base, at: r.stamp });
  });
  return { events, edited };
}

/**
 * The field map decides first; otherwise a column whose every answer is a date (or time) is one.
 * A date or time question with an answer that cannot be read as one was a text question in the
 * form (Forms itself only gives valid dates and times): its answers reach the script as text,
 * and the rules (R11, R15) decide what an unreadable one means.
 */
function question(table: InputTable, column: number, known: KnownTypes): Question {
  const title = table.header[column];
  const q: Question = {
    column,
    title,
    type: questionType(table, column, known),
    choices: [],
    unreadable: [],
  };
  if (q.type !== 'DATE' && q.type !== 'TIME') return q;
  q.readAs = q.type === 'DATE' ? 'date' : 'time';
  const read = q.type === 'DATE' ? parseDayCell : parseTimeCell;
  table.rows.forEach((row, i) => {
    const cell = row[column] ?? '';
    if (isEmptyRow(row) || text(cell).trim() === '' || read(cell) !== null) return;
    q.unreadable.push({ row: i + 1, value: text(cell) });
  });
  if (q.unreadable.length > 0) q.type = 'TEXT';
  return q;
}

function questionType(table: InputTable, column: number, known: KnownTypes): QuestionType {
  const title = normalizeName(table.header[column]);
  if (known.date.includes(title)) return 'DATE';
  if (known.time.includes(title)) return 'TIME';
  if (known.checkbox.includes(title)) return 'CHECKBOX';
  const values = table.rows.map((r) => r[column] ?? '').filter((c) => text(c).trim() !== '');
  if (values.length === 0) return 'TEXT';
  if (values.every((c) => looksLikeTime(c))) return 'TIME';
  if (values.every((c) => looksLikeDay(c))) return 'DATE';
  return 'TEXT';
}

function looksLikeTime(cell: InputCell): boolean {
  if (cell instanceof Date) return cell.getUTCFullYear() === 1899;
  return (
    /^\d{1,2}:\d{2}(:\d{2})?(\s*[AaPp][Mm])?$/.test(text(cell).trim()) &&
    parseTimeCell(cell) !== null
  );
}

function looksLikeDay(cell: InputCell): boolean {
  if (cell instanceof Date) return cell.getUTCFullYear() !== 1899;
  return typeof cell === 'string' && parseDayCell(cell) !== null;
}

function answerOf(q: Question, cell: InputCell): string | string[] {
  if (text(cell).trim() === '') return '';
  if (q.readAs) {
    // Readable answers as Forms gives them; the others as typed (a text question).
    const read = q.readAs === 'date' ? parseDayCell(cell) : parseTimeCell(cell);
    return read ?? text(cell);
  }
  if (q.type === 'CHECKBOX') {
    // Sheets joins the ticked boxes with ", ".
    const ticked = text(cell)
      .split(', ')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    for (const choice of ticked) if (!q.choices.includes(choice)) q.choices.push(choice);
    return ticked;
  }
  return text(cell);
}

// ---- staff lists ----------------------------------------------------------------------------

const ID_COLUMNS = ['Bansou Net ID', 'Bansou Net ID / 伴走ネットID', '伴走ネットID'];

function startOfDay(day: string): number {
  const [year, month, d] = day.split('-').map(Number);
  return tokyoMs({ year, month, day: d, hour: 0, minute: 0, second: 0 });
}

function requiredDay(table: InputTable, row: number, column: number, cell: InputCell): string {
  const day = parseDayCell(cell);
  if (day === null) {
    throw cellError(
      table,
      row,
      table.header[column],
      cell,
      'is not a date (expected e.g. 2024/07/30)',
    );
  }
  return day;
}

/** Each document takes effect on its date: the row is entered then, the other date on its own. */
export function documentEvents(table: InputTable): RunEvent[] {
  const idCol = requireColumn(table, ID_COLUMNS);
  const fyCol = requireColumn(table, ['Fiscal year', 'Fiscal year / 年度', '年度']);
  const memoCol = requireColumn(table, [
    'Memorandum received',
    'Memorandum received / 覚書受領日',
    '覚書受領日',
  ]);
  const accountCol = requireColumn(table, [
    'Account notification received',
    'Account notification received / 口座届受領日',
    '口座届受領日',
  ]);
  const events: RunEvent[] = [];
  table.rows.forEach((row, i) => {
    const r = i + 1;
    if (isEmptyRow(row)) return;
    const memberId = text(row[idCol]).trim();
    const fiscalYear = parseFiscalYear(row[fyCol] ?? '');
    if (fiscalYear === null) {
      throw cellError(
        table,
        r,
        table.header[fyCol],
        row[fyCol] ?? '',
        'is not a fiscal year (expected e.g. 2024 or FY2024)',
      );
    }
    const memo =
      text(row[memoCol]).trim() === '' ? '' : requiredDay(table, r, memoCol, row[memoCol]);
    const account =
      text(row[accountCol]).trim() === '' ? '' : requiredDay(table, r, accountCol, row[accountCol]);
    const base = { kind: 'documents' as const, row: r, memberId, fiscalYear: `FY${fiscalYear}` };
    const days = [memo, account].filter((d) => d !== '').sort();
    // A row with no date yet records nothing received: it changes no decision.
    for (const day of new Set(days)) {
      events.push({
        ...base,
        at: startOfDay(day),
        ...(memo === day ? { memorandumOn: memo } : {}),
        ...(account === day ? { accountOn: account } : {}),
      });
    }
  });
  return events;
}

const SESSION_COLUMNS: [string, string[]][] = (SESSIONS.columns as readonly ColumnSpec[])
  .filter((c) => c.staff)
  .map((c) => [c.key, [c.header, ...c.header.split(' / ')]]);

/** The Sessions sheet (R32) as staff typed it: each row entered at `at`, values as typed. */
export function sessionRows(table: InputTable, at: number): RunEvent[] {
  requireColumn(table, SESSION_COLUMNS[0][1]);
  const columns = SESSION_COLUMNS.map(([key, names]) => [key, findColumn(table, names)] as const);
  const events: RunEvent[] = [];
  table.rows.forEach((row, i) => {
    if (isEmptyRow(row)) return;
    const cells: Record<string, string> = {};
    for (const [key, column] of columns) {
      if (column < 0) continue;
      const cell = row[column] ?? '';
      // XLSX date and time cells are written back as a person would type them.
      if (cell instanceof Date) {
        cells[key] =
          key === 'start' || key === 'end'
            ? (parseTimeCell(cell) ?? '')
            : key === 'date'
              ? (parseDayCell(cell) ?? '')
              : timestampText(cell);
      } else cells[key] = text(cell).trim();
    }
    events.push({ kind: 'session', at, row: i + 1, cells });
  });
  return events;
}

function timestampText(cell: Date): string {
  const ms = parseTimestamp(cell);
  if (ms === null) return '';
  const day = new Date(ms + 9 * 3600_000).toISOString();
  return `${day.slice(0, 10)} ${day.slice(11, 16)}`;
}

export function courseEvents(table: InputTable): RunEvent[] {
  const idCol = requireColumn(table, ID_COLUMNS);
  const moduleCol = requireColumn(table, ['Module', 'Module / 講座', '講座']);
  const dayCol = requireColumn(table, ['Completed on', 'Completed on / 修了日', '修了日']);
  const events: RunEvent[] = [];
  table.rows.forEach((row, i) => {
    const r = i + 1;
    if (isEmptyRow(row)) return;
    const module = parseModule(row[moduleCol] ?? '');
    if (module === null) {
      throw cellError(
        table,
        r,
        table.header[moduleCol],
        row[moduleCol] ?? '',
        'is not a course module (expected Basic 1 … Basic 5 or Advanced 1 … Advanced 4)',
      );
    }
    const completedOn = requiredDay(table, r, dayCol, row[dayCol] ?? '');
    events.push({
      kind: 'course',
      at: startOfDay(completedOn),
      row: r,
      memberId: text(row[idCol]).trim(),
      module,
      completedOn,
    });
  });
  return events;
}

// Writes a list of events as the files a replay reads: the two response sheets as Google
// exports them to CSV (an edit rewrites its row and timestamp in place), and the documents and
// courses lists. Used to make sample inputs (`--demo-export`) and large replays for measuring.
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { SESSIONS } from '../../src/adapters/tables/sessions-schema';
import type { ColumnSpec } from '../../src/adapters/tables/table';
import { APPLICATION_TITLES, REGISTRATION_TITLES, SIGNUP_TITLES } from '../world';
import type { Answers, FormKind, RunEvent } from './engine';
import { tokyoWall } from './inputs';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** '2024/07/30 14:03:12', as the response sheet shows a timestamp. */
function timestampText(ms: number): string {
  const w = tokyoWall(ms);
  return `${w.year}/${pad(w.month)}/${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
}

const slashes = (day: string) => day.replace(/-/g, '/');

function answerText(
  title: string,
  answer: string | string[] | undefined,
  dates: string[],
  times: string[],
): string {
  if (answer === undefined) return '';
  if (Array.isArray(answer)) return answer.join(', ');
  if (answer === '') return '';
  if (dates.includes(title)) return slashes(answer);
  if (times.includes(title)) return `${answer}:00`;
  return answer;
}

function responseRows(
  events: RunEvent[],
  form: FormKind,
): { at: number; email: string; answers: Answers }[] {
  const rows = new Map<number, { at: number; email: string; answers: Answers }>();
  for (const e of events) {
    if (e.kind === 'submit' && e.form === form && !rows.has(e.row)) {
      rows.set(e.row, { at: e.at, email: e.email, answers: e.answers });
    } else if (e.kind === 'edit' && e.form === form) {
      const row = rows.get(e.row);
      if (row) rows.set(e.row, { ...row, at: e.at, answers: e.answers });
    }
  }
  return [...rows.keys()].sort((a, b) => a - b).map((k) => rows.get(k)!);
}

/** The files --demo-export writes. */
export const EXPORT_FILES = [
  'registrations.csv',
  'applications.csv',
  'signups.csv',
  'documents.csv',
  'courses.csv',
  'sessions.csv',
];

/** --demo-export never replaces a file: a folder that already holds one of its files is refused. */
export function checkExportFolder(dir: string): string | null {
  if (!existsSync(dir)) return null;
  if (!statSync(dir).isDirectory())
    return `--demo-export ${dir} is a file, not a folder: choose a folder`;
  const present = EXPORT_FILES.filter((f) => existsSync(join(dir, f)));
  return present.length > 0
    ? `--demo-export ${dir} already holds ${present.join(', ')}: nothing was written; choose a new or empty folder`
    : null;
}

export function writeExports(events: RunEvent[], dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  const write = (name: string, rows: string[][]) => {
    writeFileSync(join(dir, name), stringify(rows));
    written.push(join(dir, name));
  };
  const forms: [FormKind, string, string[], string[], string[]][] = [
    ['registration', 'registrations.csv', Object.values(REGISTRATION_TITLES), [], []],
    [
      'application',
      'applications.csv',
      Object.values(APPLICATION_TITLES),
      [APPLICATION_TITLES.supportDate],
      [APPLICATION_TITLES.startTime, APPLICATION_TITLES.endTime],
    ],
    ['signup', 'signups.csv', Object.values(SIGNUP_TITLES), [], []],
  ];
  for (const [form, name, titles, dates, times] of forms) {
    const rows = responseRows(events, form).map((r) => [
      timestampText(r.at),
      r.email,
      ...titles.map((t) => answerText(t, r.answers[t], dates, times)),
    ]);
    write(name, [['Timestamp', 'Email Address', ...titles], ...rows]);
  }
  const documents = new Map<number, string[]>();
  const courses: string[][] = [];
  for (const e of [...events].sort((a, b) => a.row - b.row)) {
    if (e.kind === 'documents') {
      const row = documents.get(e.row) ?? [e.memberId, e.fiscalYear, '', ''];
      if (e.memorandumOn) row[2] = slashes(e.memorandumOn);
      if (e.accountOn) row[3] = slashes(e.accountOn);
      documents.set(e.row, row);
    } else if (e.kind === 'course') {
      courses.push([e.memberId, e.module, slashes(e.completedOn)]);
    }
  }
  write('documents.csv', [
    ['Bansou Net ID', 'Fiscal year', 'Memorandum received', 'Account notification received'],
    ...documents.values(),
  ]);
  write('courses.csv', [['Bansou Net ID', 'Module', 'Completed on'], ...courses]);
  const staffColumns = (SESSIONS.columns as readonly ColumnSpec[]).filter((c) => c.staff);
  const sessions = events
    .filter((e): e is Extract<RunEvent, { kind: 'session' }> => e.kind === 'session')
    .sort((a, b) => a.row - b.row)
    .map((e) => staffColumns.map((c) => e.cells[c.key] ?? ''));
  write('sessions.csv', [staffColumns.map((c) => c.header.split(' / ')[0]), ...sessions]);
  return written;
}

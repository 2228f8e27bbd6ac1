// Replay of exported response sheets through the built bundle (dist/Code.js: `npm test`
// builds it first). Expectations are written from RULES.md, row by row, not copied from a run.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { handledFailures } from '../../../local/faults/handled';
import { type Decisions, readDecisions } from '../../../local/runner/decisions';
import { runEvents } from '../../../local/runner/engine';
import { InputError, readSettingsTable, readTable, tokyoMs } from '../../../local/runner/inputs';
import { planReplay } from '../../../local/runner/replay';

const FIXTURES = join(__dirname, 'fixtures');
const UNTIL = tokyoMs({ year: 2023, month: 10, day: 2, hour: 23, minute: 59, second: 59 });

interface Files {
  registrations: string;
  applications: string;
  documents?: string;
  courses?: string;
  settings?: string;
  sessions?: string;
  signups?: string;
}

const CSV_FILES: Files = {
  registrations: join(FIXTURES, 'registrations.csv'),
  applications: join(FIXTURES, 'applications.csv'),
  documents: join(FIXTURES, 'documents.csv'),
  courses: join(FIXTURES, 'courses.csv'),
  settings: join(FIXTURES, 'settings.csv'),
};

async function replay(files: Files, batch = false): Promise<Decisions> {
  const plan = planReplay({
    registrations: await readTable(files.registrations),
    applications: await readTable(files.applications),
    documents: files.documents ? await readTable(files.documents) : undefined,
    courses: files.courses ? await readTable(files.courses) : undefined,
    settings: files.settings ? readSettingsTable(await readTable(files.settings)) : undefined,
    sessions: files.sessions ? await readTable(files.sessions) : undefined,
    signups: files.signups ? await readTable(files.signups) : undefined,
  });
  const outcome = runEvents({
    world: {
      registrationForm: plan.registrationForm,
      applicationForm: plan.applicationForm,
      signupForm: plan.signupForm,
      settings: plan.settings,
    },
    events: plan.events,
    until: UNTIL,
    batch,
  });
  // Every response handled by its own trigger: none failed and was left for the sweep.
  expect(handledFailures(outcome.office)).toEqual([]);
  return readDecisions(outcome);
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'runner-test-'));
}

// [row, applicant, status, reasons, minutes, fee per supporter, supporters paid, payment month]
type Expected = [number, string | null, string, string[], number | null, number, string[], string];

// Members: BN-00001 Alice (experience), BN-00002 Bob (no experience, Basic 1–4 done by 2023-07-20),
// BN-00003 Carol (no experience, no course), BN-00004 Dan (experience, documents only in September).
const EXPECTED: Expected[] = [
  [1, 'BN-00001', 'ACCEPTED', [], 90, 4000, ['BN-00001'], '2023-07'],
  // US-style export cells, ID typed "bn 00002" (R5), 150 minutes (R16), second supporter valid.
  [2, 'BN-00002', 'ACCEPTED', [], 150, 8000, ['BN-00002', 'BN-00001'], '2023-07'],
  [3, 'BN-00003', 'REJECTED', ['NOT_ELIGIBLE'], 60, 0, [], '2023-07'], // R7
  [4, 'BN-00002', 'REJECTED', ['NOT_SELF'], 90, 0, [], '2023-07'], // R6: Alice sends Bob's ID
  [5, null, 'REJECTED', ['UNKNOWN_ID'], 90, 0, [], '2023-07'], // R5
  [6, 'BN-00001', 'REJECTED', ['OUT_OF_PERIOD'], 90, 0, [], '2023-08'], // R8: 2023-07-05
  [7, 'BN-00001', 'REJECTED', ['TOO_SHORT'], 45, 0, [], '2023-08'], // R11
  // Dan: documents missing until September: on hold, paid in the run after they arrive (R20).
  [8, 'BN-00004', 'ACCEPTED', [], 120, 8000, ['BN-00004'], '2023-08'],
  [9, 'BN-00001', 'REJECTED', ['LATE'], 90, 0, [], '2023-08'], // R10: due 2023-08-10, sent 08-11
  [10, 'BN-00001', 'ACCEPTED', [], 60, 4000, ['BN-00001'], '2023-08'], // 3rd for Nguyen Van A 1990
  [11, 'BN-00002', 'REJECTED', ['RECIPIENT_LIMIT'], 60, 0, [], '2023-08'], // 4th (R13)
  [12, 'BN-00001', 'REJECTED', ['DUPLICATE'], 90, 0, [], '2023-08'], // overlaps row 2 (R14)
  [13, 'BN-00001', 'ACCEPTED', ['CO_UNKNOWN'], 90, 4000, ['BN-00001'], '2023-08'], // R12
  [14, 'BN-00002', 'ACCEPTED', ['CO_NOT_ELIGIBLE'], 90, 4000, ['BN-00002'], '2023-08'], // R12
  [15, 'BN-00001', 'ACCEPTED', [], 127, 8000, ['BN-00001'], '2023-09'], // 14:03 → 16:10
  [16, 'BN-00001', 'REJECTED', ['BAD_TIME'], null, 0, [], '2023-09'], // end before start (R11)
];

// Month M's sheet pays what was submitted in M (R21); Dan's August case waits for his documents.
const EXPECTED_PAYMENTS = {
  '2023-07': [
    { memberId: 'BN-00001', cases: 2, amount: 12000 },
    { memberId: 'BN-00002', cases: 1, amount: 8000 },
  ],
  '2023-08': [
    { memberId: 'BN-00001', cases: 2, amount: 8000 },
    { memberId: 'BN-00002', cases: 1, amount: 4000 },
  ],
  '2023-09': [
    { memberId: 'BN-00001', cases: 1, amount: 8000 },
    { memberId: 'BN-00004', cases: 1, amount: 8000 },
  ],
};

function checkDecisions(d: Decisions): void {
  expect(d.members.map((m) => [m.row, m.memberId])).toEqual([
    [1, 'BN-00001'],
    [2, 'BN-00002'],
    [3, 'BN-00003'],
    [4, 'BN-00004'],
    [5, 'BN-00001'], // the same address again keeps its ID (R2)
  ]);
  expect(d.members[3].email).toBe('dan@example.org');
  const actual = d.applications.map((a) => [
    a.row,
    a.memberId,
    a.status,
    a.reasons,
    a.minutes,
    a.feePerSupporter,
    a.supporters,
    a.paymentMonth,
  ]);
  expect(actual).toEqual(EXPECTED);
  // Everything accepted has been paid by the end: nothing is still on hold.
  expect(d.applications.filter((a) => a.onHold)).toEqual([]);
  expect(d.payments).toEqual(EXPECTED_PAYMENTS);
}

/** The same data as Google's XLSX export: dates and times as date cells, the rest as text. */
async function writeXlsx(csvFile: string, xlsxFile: string, dateColumns: number[]): Promise<void> {
  const rows = parse(readFileSync(csvFile), { relax_column_count: true }) as string[][];
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Form Responses 1');
  rows.forEach((row, r) => {
    sheet.addRow(
      row.map((cell, c) => (r > 0 && dateColumns.includes(c) ? asDateCell(cell) : cell)),
    );
  });
  await book.xlsx.writeFile(xlsxFile);
}

/** A cell text of the fixtures as an Excel date: wall-clock fields in UTC (Excel has no zone). */
function asDateCell(text: string): Date | string {
  if (text === '') return text;
  let m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (m) return new Date(Date.UTC(1899, 11, 30, +m[1], +m[2], +(m[3] ?? 0)));
  m = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})(?: (\d{1,2}):(\d{2}):(\d{2}))?$/.exec(text);
  if (m)
    return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0)));
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2}):(\d{2}))?$/.exec(text);
  if (m)
    return new Date(Date.UTC(+m[3], +m[1] - 1, +m[2], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0)));
  throw new Error(`not a date in the fixture: ${text}`);
}

describe('replay of exported response sheets', () => {
  let csvDecisions: Decisions;

  beforeAll(async () => {
    csvDecisions = await replay(CSV_FILES);
  });

  test('a CSV pair with documents and courses gives the statuses, reasons and payments of RULES.md', () => {
    checkDecisions(csvDecisions);
  });

  test('the XLSX export of the same data (date and time cells) gives the same decisions.json', async () => {
    const dir = tempDir();
    const files: Files = {
      ...CSV_FILES,
      registrations: join(dir, 'registrations.xlsx'),
      applications: join(dir, 'applications.xlsx'),
      documents: join(dir, 'documents.xlsx'),
      courses: join(dir, 'courses.xlsx'),
    };
    await writeXlsx(CSV_FILES.registrations, files.registrations, [0]);
    await writeXlsx(CSV_FILES.applications, files.applications, [0, 4, 5, 6]);
    await writeXlsx(CSV_FILES.documents!, files.documents!, [2, 3]);
    await writeXlsx(CSV_FILES.courses!, files.courses!, [2]);
    expect(await replay(files)).toEqual(csvDecisions);
  });

  test('batch delivery (triggers dropped, the hourly sweep processes them) gives the same decisions (R26)', async () => {
    expect(await replay(CSV_FILES, true)).toEqual(csvDecisions);
  });

  test('another form’s question titles work when the settings file maps them', async () => {
    const dir = tempDir();
    const renamed = readFileSync(CSV_FILES.applications, 'utf8')
      .replace('支援日 / Date of support', 'Day of the support')
      .replace('開始時刻 / Start time', 'From');
    writeFileSync(join(dir, 'applications.csv'), renamed);
    writeFileSync(
      join(dir, 'settings.csv'),
      'key,value\nfield.application.supportDate,Day of the support\nfield.application.startTime,From\n',
    );
    const decisions = await replay({
      ...CSV_FILES,
      applications: join(dir, 'applications.csv'),
      settings: join(dir, 'settings.csv'),
    });
    expect(decisions).toEqual(csvDecisions);
  });
});

describe('replay of the online sessions (RULES §8): --sessions and --signups', () => {
  test('each sign-up gets its status and reasons in decisions.json; applications are unchanged', async () => {
    const d = await replay({
      ...CSV_FILES,
      sessions: join(FIXTURES, 'sessions.csv'),
      signups: join(FIXTURES, 'signups.csv'),
    });
    checkDecisions(d);
    // Alice: experience; Bob: foreign background, training; Carol: neither; Dan: experience.
    expect(d.signups).toEqual([
      { row: 1, memberId: 'BN-00001', sessionId: 'S2023-01', status: 'ACCEPTED', reasons: [] },
      { row: 2, memberId: 'BN-00002', sessionId: 'S2023-01', status: 'ACCEPTED', reasons: [] },
      {
        row: 3,
        memberId: 'BN-00004',
        sessionId: 'S2023-01',
        status: 'WAITLISTED',
        reasons: ['SESSION_FULL'],
      },
      {
        row: 4,
        memberId: 'BN-00001',
        sessionId: 'S2023-01',
        status: 'REJECTED',
        reasons: ['DUPLICATE'],
      },
      {
        row: 5,
        memberId: 'BN-00003',
        sessionId: 'S2023-01',
        status: 'REJECTED',
        reasons: ['NOT_SELF', 'NOT_ELIGIBLE'],
      },
      {
        row: 6,
        memberId: null,
        sessionId: 'S2023-01',
        status: 'REJECTED',
        reasons: ['UNKNOWN_ID'],
      },
      {
        row: 7,
        memberId: 'BN-00003',
        sessionId: 'S2023-01',
        status: 'REJECTED',
        reasons: ['NOT_ELIGIBLE'],
      },
      {
        row: 8,
        memberId: 'BN-00001',
        sessionId: 'S2023-02',
        status: 'REJECTED',
        reasons: ['SESSION_CLOSED'],
      },
    ]);
  });

  test('without a sign-up export, decisions.json has no sign-ups', async () => {
    expect((await replay(CSV_FILES)).signups).toEqual([]);
  });
});

describe('bad input files are refused with the file, row, column and what was expected', () => {
  async function planOf(applicationsCsv: string): Promise<unknown> {
    const dir = tempDir();
    const file = join(dir, 'applications.csv');
    writeFileSync(file, applicationsCsv);
    return planReplay({
      registrations: await readTable(CSV_FILES.registrations),
      applications: await readTable(file),
    });
  }
  const header = readFileSync(CSV_FILES.applications, 'utf8').split('\n')[0];
  const good = readFileSync(CSV_FILES.applications, 'utf8').split('\n')[1];

  test('a timestamp that is not a date names the file, the row as the spreadsheet shows it (header = row 1) and the column', async () => {
    const lines = [
      header,
      good,
      good,
      good,
      good,
      good,
      good,
      good.replace('2023/07/25 10:00:00', '2024/13/45'),
    ];
    await expect(planOf(lines.join('\n'))).rejects.toThrow(
      'applications.csv row 8, column "Timestamp": "2024/13/45" is not a date and time',
    );
  });

  test('a missing timestamp column is named', async () => {
    const lines = [header.replace('Timestamp,', ''), good.replace('2023/07/25 10:00:00,', '')];
    const error = await planOf(lines.join('\n')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(
      'applications.csv: no column "タイムスタンプ" or "Timestamp" in the header row',
    );
  });

  test('a documents file with an unreadable fiscal year is refused', async () => {
    const dir = tempDir();
    const file = join(dir, 'documents.csv');
    writeFileSync(
      file,
      'Bansou Net ID,Fiscal year,Memorandum received,Account notification received\nBN-00001,R5,2023/07/20,\n',
    );
    await expect(
      (async () =>
        planReplay({
          registrations: await readTable(CSV_FILES.registrations),
          applications: await readTable(CSV_FILES.applications),
          documents: await readTable(file),
        }))(),
    ).rejects.toThrow('documents.csv row 2, column "Fiscal year": "R5" is not a fiscal year');
  });
});

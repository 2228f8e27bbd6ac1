// Drives the BUILT bundle (dist/Code.js) on the local runtime the way Google would: set-up
// from the menu, then form submissions firing the installed triggers, and the clock.
import { handledFailures } from '../../local/faults/handled';
import {
  APPLICATION_TITLES as A,
  createOfficeWorld,
  type OfficeWorld,
  type OfficeWorldOptions,
  REGISTRATION_TITLES as R,
} from '../../local/world';

export const tokyo = (isoLocal: string): number => Date.parse(`${isoLocal}+09:00`);

export interface Office extends OfficeWorld {
  register(
    p: Partial<Registrant> & { email: string },
    options?: { twice?: boolean; drop?: boolean; lateRow?: boolean },
  ): string;
  apply(
    a: Partial<ApplicationAnswers> & { email: string },
    options?: { twice?: boolean; drop?: boolean; lateRow?: boolean },
  ): string;
  /** The rows of a sheet as objects keyed by the English half of each header. */
  rows(sheet: string): Record<string, unknown>[];
  at(isoLocal: string): void;
  /**
   * Failures this test causes on purpose (matched against handledFailures lines). Every other
   * handled failure of any office fails the test after it ends (the check below).
   */
  explains: RegExp[];
}

/** The offices made by the running test, checked when it ends. */
const made: Office[] = [];

afterEach(() => {
  const offices = made.splice(0);
  const unexplained = offices.flatMap((o) =>
    handledFailures(o).filter((line) => !o.explains.some((re) => re.test(line))),
  );
  if (unexplained.length > 0) {
    throw new Error(
      `handled failures no test step explains (a trigger caught an error, a staff alert, a console error or warning):\n${unexplained.slice(0, 10).join('\n')}`,
    );
  }
});

export interface Registrant {
  email: string;
  name: string;
  phone: string;
  address: string;
  experience: 'あり / Yes' | 'なし / No';
  language: string;
  /** Left unanswered unless given. */
  languages: string[];
  foreignBackground: string;
}

export interface ApplicationAnswers {
  email: string;
  id: string;
  name: string;
  date: string; // yyyy-MM-dd as Forms gives it
  start: string; // HH:mm
  end: string;
  recipient: string;
  birthYear: string;
  second: string;
  issues: string[];
  prefecture: string;
  description: string;
}

export interface OfficeOptions extends OfficeWorldOptions {
  /**
   * The spreadsheet's own time zone (File > Settings) before set-up runs: a new spreadsheet takes
   * its creator's account zone, which need not be the script's Asia/Tokyo.
   */
  spreadsheetTimeZone?: string;
}

/** Whether offices of this test file start each execution with a fresh global by default. */
let freshByDefault = false;

/**
 * Every office this test file makes starts each execution with a fresh global scope, as in Apps
 * Script (the runtime's freshGlobalEachExecution; an office's own `freshGlobals` still decides).
 * Called at the top of the files that run the most entry points in the fewest executions (README,
 * "A fresh global per execution"): each execution then evaluates the bundle anew (~1.2 ms, and
 * under npm test's coverage its context stays alive), too costly for the files whose clock runs
 * months of timed triggers. Jest loads this module anew for each test file.
 */
export function freshGlobalsInThisFile(): void {
  freshByDefault = true;
}

export function office(options: OfficeOptions = {}): Office {
  const world = createOfficeWorld({ freshGlobals: freshByDefault, ...options });
  const zone = options.spreadsheetTimeZone;
  if (zone) world.rt.uncounted(() => world.ss.setSpreadsheetTimeZone(zone));
  world.rt.run('setup');
  const o = world as Office;
  o.explains = [];
  made.push(o);
  o.register = (p, opts) => {
    const answers: Record<string, string | string[]> = {
      [R.name]: p.name ?? 'Test Person',
      [R.phone]: p.phone ?? '090-1234-5678',
      [R.address]: p.address ?? '東京都台東区1-2-3',
      [R.languages]: p.languages ?? [],
      [R.foreignBackground]: p.foreignBackground ?? '',
      [R.experience]: p.experience ?? 'あり / Yes',
      [R.emailLanguage]: p.language ?? '日本語',
      [R.consent]: ['同意します / I agree'],
    };
    return world.rt.forms.submit(world.registration, { email: p.email, answers }, opts).getId();
  };
  o.apply = (a, opts) => {
    const answers: Record<string, string | string[]> = {
      [A.applicantId]: a.id ?? 'BN-00001',
      [A.applicantName]: a.name ?? 'Test Person',
      [A.supportDate]: a.date ?? '2023-07-20',
      [A.startTime]: a.start ?? '10:00',
      [A.endTime]: a.end ?? '11:30',
      [A.recipientName]: a.recipient ?? 'Nguyen Van A',
      [A.recipientBirthYear]: a.birthYear ?? '',
      [A.secondId]: a.second ?? '',
      [A.issues]: a.issues ?? ['労働 / Labor'],
      [A.prefecture]: a.prefecture ?? '東京都',
      [A.description]: a.description ?? '入管への同行 / went with them to immigration',
    };
    return world.rt.forms.submit(world.application, { email: a.email, answers }, opts).getId();
  };
  o.rows = (name) => {
    const values = sheetValues(o, name);
    if (values.length === 0) return [];
    const header = values[0].map((h) => String(h).split(' / ')[0]);
    return values.slice(1).map((row) => Object.fromEntries(header.map((h, i) => [h, row[i]])));
  };
  o.at = (isoLocal) => world.rt.advanceTo(tokyo(isoLocal));
  return o;
}

/** The office's bank details (Settings), so the bank transfer file (R31) reads the Accounts sheet. */
export const BANK_SETTINGS = {
  consignorCode: '1234567890',
  consignorName: 'バンソウネット',
  officeBankCode: '0005',
  officeBranchCode: '123',
  officeAccountType: '普通',
  officeAccountNumber: '1234567',
};

/** The triggers set-up installs: one per form, the monthly run, the sweep, the outbox. */
export const FIVE_TRIGGERS = [
  'onApplicationSubmit',
  'onRegistrationSubmit',
  'runMonthlyPayments',
  'sendQueuedEmails',
  'sweep',
];

/** Runs the sweep the way its hourly trigger would. */
export function sweep(o: Office): void {
  o.rt.run('sweep');
}

/**
 * Every failure of the run: executions that threw, and the failures the entry points handled
 * instead of throwing (a `*_FAILED` Log line, a staff alert, a console error or warning: see
 * local/faults/handled.ts). A test that causes one on purpose names it in `o.explains` (or in
 * `explained`, for this assertion only).
 */
export function failedExecutions(o: Office, options: { explained?: RegExp } = {}): string[] {
  const explained = [...o.explains, ...(options.explained ? [options.explained] : [])];
  return handledFailures(o).filter((line) => !explained.some((re) => re.test(line)));
}

/** Runs `action` as a person or as Google would act: no script round trips are counted. */
export function uncounted<T>(o: Office, action: () => T): T {
  return o.rt.uncounted(action);
}

function headerOf(sheet: {
  getRange(r: number, c: number, n: number, m: number): { getValues(): unknown[][] };
  getLastColumn(): number;
}): string[] {
  return sheet
    .getRange(1, 1, 1, sheet.getLastColumn())
    .getValues()[0]
    .map((h) => String(h).split(' / ')[0]);
}

/** A person's edit fires the simple onEdit trigger, as in Sheets (a script's write does not). */
function userEdited(o: Office, range: unknown): void {
  o.rt.simpleTrigger('onEdit', { authMode: 'LIMITED', range, source: o.ss, user: o.staffEmail });
}

/** Staff type a row into a sheet by hand (as typed text: dates become dates, as in Sheets). */
export function staffAppends(
  o: Office,
  sheetName: string,
  cells: Record<string, string | boolean>,
): void {
  uncounted(o, () => {
    const sheet = o.ss.getSheetByName(sheetName)!;
    const header = headerOf(sheet);
    sheet.appendRow(header.map((h) => cells[h] ?? ''));
    userEdited(o, sheet.getRange(sheet.getLastRow(), 1, 1, header.length));
  });
}

/**
 * Staff type a consultation session into the Sessions sheet (RULES §8): 19:00–20:30, the titles,
 * topic and meeting URL the sessions tests use, open, as typed text.
 */
export function staffAddsSession(
  o: Office,
  id: string,
  date: string,
  capacity: number,
  closes = '',
  meetingUrl = 'https://meet.example.org/s1',
): void {
  staffAppends(o, 'Sessions', {
    'Session ID': id,
    Date: date,
    Start: '19:00',
    End: '20:30',
    'Title (Japanese)': '在留資格の相談',
    'Title (English)': 'Residency questions',
    Topics: '在留資格',
    'Meeting URL': meetingUrl,
    Capacity: String(capacity),
    'Sign-up closes': closes,
    Status: 'open',
  });
}

/**
 * Staff record a member's documents of a fiscal year (`2023`, `FY2023`…) in the Documents
 * sheet: the Memorandum and the account notification received on these days (typed text).
 */
export function documentsReceived(
  o: Office,
  id: string,
  fiscalYear: string,
  memorandumOn: string,
  accountOn = memorandumOn,
): void {
  staffAppends(o, 'Documents', {
    'Bansou Net ID': id,
    'Fiscal year': fiscalYear,
    'Memorandum received': memorandumOn,
    'Account notification received': accountOn,
  });
}

/**
 * Staff sort a sheet's data rows by one of its columns (the English half of the header), as
 * Data → Sort range does on the rows below the header (Range.sort).
 */
export function staffSorts(o: Office, name: string, column: string, ascending: boolean): void {
  uncounted(o, () => {
    const sheet = o.ss.getSheetByName(name)!;
    sheet
      .getRange(2, 1, sheet.getLastRow() - 1, sheet.getLastColumn())
      .sort({ column: headerOf(sheet).indexOf(column) + 1, ascending });
  });
}

/** Staff set one cell of a data row (1-based data row) by header. */
export function staffSets(
  o: Office,
  sheetName: string,
  dataRow: number,
  column: string,
  value: string,
): void {
  uncounted(o, () => {
    const sheet = o.ss.getSheetByName(sheetName)!;
    const cell = sheet.getRange(dataRow + 1, headerOf(sheet).indexOf(column) + 1);
    cell.setValue(value);
    userEdited(o, cell);
  });
}

/** Every cell of a sheet (for comparing whole sheets). */
export function sheetValues(o: Office, name: string): unknown[][] {
  return uncounted(o, () => o.ss.getSheetByName(name)?.getDataRange().getValues() ?? []);
}

/**
 * The monthly trigger switched off, and the hourly sweep too (it would run a missed monthly run
 * two hours after its time), until staff switch them on again: the returned function.
 */
export function monthlyAndSweepOff(o: Office): () => void {
  const uids = ['runMonthlyPayments', 'sweep'].map(
    (handler) => o.rt.script.all().find((t) => t.handlerFunction === handler)!.uid,
  );
  for (const uid of uids) o.rt.disableTrigger(uid);
  return () => {
    for (const uid of uids) o.rt.enableTrigger(uid);
  };
}

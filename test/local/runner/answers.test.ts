// Unreadable answers are data, not file errors: a date or time answer that cannot be read
// reaches the script as text (as a text question gives it) and RULES R11/R15 decide it; the
// summary lists those rows. And with no --until the replay ends with the monthly run that
// settles the last month of the input, and says which day that was.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../local/cli';
import type { Decisions } from '../../../local/runner/decisions';

const FIXTURES = join(__dirname, 'fixtures');

describe('a replay with unreadable date and time answers, and no --until', () => {
  let code: number;
  let stdout = '';
  let decisions: Decisions;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'runner-answers-'));
    const apps = readFileSync(join(FIXTURES, 'applications.csv'), 'utf8')
      // Sheet row 2: a date question that was a text question in the form.
      .replace(',2023/07/24,10:00,11:30,', ',7月下旬,10:00,11:30,')
      // Sheet row 16: a time nobody can read.
      .replace(',14:03:00,16:10:00,', ',14:03:00,午後くらい,');
    writeFileSync(join(dir, 'applications.csv'), apps);
    const write = process.stdout.write;
    process.stdout.write = ((s: string) => {
      stdout += s;
      return true;
    }) as typeof process.stdout.write;
    try {
      code = await main([
        '--registrations',
        join(FIXTURES, 'registrations.csv'),
        '--applications',
        join(dir, 'applications.csv'),
        '--documents',
        join(FIXTURES, 'documents.csv'),
        '--courses',
        join(FIXTURES, 'courses.csv'),
        '--out',
        join(dir, 'out'),
        '--quiet',
      ]);
    } finally {
      process.stdout.write = write;
    }
    decisions = JSON.parse(readFileSync(join(dir, 'out', 'decisions.json'), 'utf8'));
  });

  test('the file is replayed (exit 0), not refused', () => {
    expect(code).toBe(0);
  });

  test('a date that is not a date is MISSING_ANSWER, for staff to review (R15)', () => {
    expect(decisions.applications[0]).toMatchObject({
      row: 1,
      status: 'REVIEW',
      reasons: ['MISSING_ANSWER'],
    });
  });

  test('a time that cannot be read is BAD_TIME (R11)', () => {
    expect(decisions.applications[14]).toMatchObject({
      row: 15,
      status: 'REJECTED',
      reasons: ['BAD_TIME'],
      minutes: null,
    });
  });

  test('the summary lists those rows as the spreadsheet numbers them, and the encoding read', () => {
    expect(stdout).toContain(
      'Answers given as text (not a date or time; RULES R11/R15 decide them): 2',
    );
    expect(stdout).toContain(
      'applications.csv row 2, column "支援日 / Date of support": "7月下旬" is not a date',
    );
    expect(stdout).toContain(
      'applications.csv row 16, column "終了時刻 / End time": "午後くらい" is not a time',
    );
    expect(stdout).toContain('Files read:    registrations.csv (UTF-8), applications.csv (UTF-8)');
  });

  test('with no --until it ends at the monthly run that settles the last month, and says so', () => {
    // Last events: an application on 2023-09-06 and documents on 2023-09-15: September is settled
    // by the run of 2023-10-01, which also pays Dan's case that waited for those documents.
    expect(stdout).toContain(
      'Until:         2023-10-01, the monthly run that settles 2023-09, the month of the last event',
    );
    expect(Object.keys(decisions.payments)).toEqual(['2023-07', '2023-08', '2023-09']);
    expect(decisions.payments['2023-09']).toContainEqual({
      memberId: 'BN-00004',
      cases: 1,
      amount: 8000,
    });
  });
});

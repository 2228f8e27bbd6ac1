// (b) The pictures of the guide: which sheet, which columns and rows, drawn from the demo runs.
import { chartOutput, renderCharts } from '../../local/runner/statistics';
import type { SheetData } from '../../local/runtime/spreadsheet';
import { runDemo, runSessionsDemo } from './demo';
import { type SheetPicture, sheetSvg } from './svg';

// ---------------------------------------------------------------------------------------------
// The pictures of the guide, and the command

const keyIs = (data: SheetData, r: number, test: (key: string) => boolean) =>
  test(String(data.values[r][0]));

// A few rows of the field map, to show what they look like.
const SHOWN_FIELD_ROWS = [
  'field.application.applicantId',
  'field.application.supportDate',
  'field.application.startTime',
];

/** The file names (in docs/images) and what each shows. */
export const PICTURES: Record<string, { sheet: string } & SheetPicture> = {
  'settings.svg': {
    sheet: 'Settings',
    rows: (d) =>
      d.values
        .map((_, r) => r)
        .filter(
          (r) =>
            r > 0 && keyIs(d, r, (k) => !k.startsWith('field.') || SHOWN_FIELD_ROWS.includes(k)),
        ),
  },
  'members.svg': {
    sheet: 'Members',
    columns: [
      'Bansou Net ID',
      'Email',
      'Name',
      'Experience',
      'Email language',
      'First registered at',
      'Registration response IDs',
      'Last auto-reply at',
      'Auto-replies that day',
    ],
  },
  'documents.svg': { sheet: 'Documents' },
  'course.svg': { sheet: 'Course' },
  'applications.svg': {
    sheet: 'Applications',
    columns: [
      'Response ID',
      'Applicant ID',
      'Second supporter ID',
      'Support date',
      'Minutes',
      'Status',
      'Reason codes',
      'Fee per supporter',
      'Payment month',
      'On hold (documents)',
      'Paid in',
    ],
  },
  'applications-override.svg': {
    sheet: 'Applications',
    columns: [
      'Response ID',
      'Applicant ID',
      'Status',
      'Reason codes',
      'Automatic decision',
      'Flag',
      'Staff override',
      'Staff note',
    ],
  },
  'payments.svg': { sheet: 'Payments 2024-08' },
  'outbox.svg': {
    sheet: 'Outbox',
    columns: ['Queued at', 'To', 'Subject', 'Kind', 'Reference', 'Status', 'Sent at', 'Attempts'],
  },
  'sessions.svg': {
    sheet: 'Sessions',
    columns: [
      'Session ID',
      'Date',
      'Start',
      'End',
      'Title (Japanese)',
      'Title (English)',
      'Capacity',
      'Sign-up closes',
      'Status',
      'Participants',
      'Waiting list',
    ],
  },
  'signups.svg': {
    sheet: 'Sign-ups',
    columns: [
      'Response ID',
      'Signed up at',
      'Bansou Net ID',
      'Name',
      'Session ID',
      'Status',
      'Reason codes',
      'Status emailed',
      'Staff override',
      'Staff note',
      'Attended',
    ],
  },
  'statistics.svg': {
    sheet: 'Statistics',
    // The heading, the summary and the month table (with its protected small counts).
    rows: (d) => d.values.map((_, r) => r).filter((r) => r > 0 && r < 23),
    firstColumns: 7,
  },
  'statistics-chart.svg': { sheet: 'Statistics', chart: 'Cases by issue / 相談内容別の件数' },
  'log.svg': {
    sheet: 'Log',
    // A busy stretch of the demo, not the quiet daily sweep lines before it.
    rows: (d) => {
      const first = d.values.findIndex((row) => row[1] === 'DECIDED');
      return Array.from({ length: 16 }, (_, i) => first + i).filter((r) => r < d.values.length);
    },
  },
};

/** Every picture (file name → SVG text), drawn from a fresh run of the demo. */
export function renderPictures(bundle?: string): Map<string, string> {
  const demo = runDemo(bundle);
  for (const [name, data] of runSessionsDemo(bundle)) demo.sheets.set(name, data);
  const out = new Map<string, string>();
  for (const [file, picture] of Object.entries(PICTURES)) {
    const data = demo.sheets.get(picture.sheet);
    if (!data) throw new Error(`the demo kept no snapshot of "${picture.sheet}"`);
    if (picture.chart) {
      const chart = data.charts.find((c) => c.title === picture.chart);
      if (!chart) throw new Error(`the sheet "${picture.sheet}" has no chart "${picture.chart}"`);
      out.set(file, `${renderCharts([chartOutput(data, chart)])[0]}\n`);
      continue;
    }
    out.set(file, sheetSvg(data, picture));
  }
  return out;
}

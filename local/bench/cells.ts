// Cells per application: the demo's office year played through the real flows (form-submit
// triggers, the hourly sweep and outbox, the monthly runs) on the bench's bundle, then every
// sheet's grid measured as Google counts it against the 10-million-cell limit. A sheet that
// gains a row per record (Applications, Log, Ledger, the forms' response sheets…) adds its
// allocated columns per row; a sheet made per month (Payments YYYY-MM) adds its whole grid;
// Settings, Templates and the empty rows a new sheet starts with are a fixed overhead.
import { type DemoSize, demoPlan } from '../runner/demo';
import { runEvents } from '../runner/engine';

export interface SheetCells {
  name: string;
  columns: number;
  /** Data rows (below the header) at the end of the run. */
  rows: number;
  /** Cells this sheet adds per application. */
  perApplication: number;
  /** Cells that do not grow with applications (empty grid rows, fixed sheets). */
  fixed: number;
}

export interface CellsResult {
  demo: DemoSize;
  applications: number;
  registrations: number;
  sheets: SheetCells[];
  perApplication: number;
  fixed: number;
  /** Applications at which the spreadsheet reaches 10 million cells at this rate. */
  applicationsAtLimit: number;
  totalCells: number;
}

const LIMIT = 10_000_000;
const FIXED = new Set(['Settings', 'Templates', 'Sheet1']);
const PER_MONTH = /^Payments \d{4}-\d{2}$/;

export function measureCells(bundle: string, size: DemoSize): CellsResult {
  const plan = demoPlan(size);
  const { office } = runEvents({
    world: { bundle, dailyMailQuota: 1500, withSignupForm: true },
    events: plan.events,
    until: plan.until,
  });
  const { rt, ss } = office;
  rt.ctx.counter.enabled = false;
  const apps = plan.applications;
  const sheets: SheetCells[] = ss.getSheets().map((sheet) => {
    const name = sheet.getName();
    const columns = sheet.getMaxColumns();
    const grid = sheet.getMaxRows() * columns;
    const rows = Math.max(0, sheet.getLastRow() - 1);
    if (FIXED.has(name)) return { name, columns, rows, perApplication: 0, fixed: grid };
    if (PER_MONTH.test(name)) return { name, columns, rows, perApplication: grid / apps, fixed: 0 };
    const growing = rows * columns;
    return { name, columns, rows, perApplication: growing / apps, fixed: grid - growing };
  });
  const perApplication = sheets.reduce((s, x) => s + x.perApplication, 0);
  const fixed = sheets.reduce((s, x) => s + x.fixed, 0);
  return {
    demo: size,
    applications: apps,
    registrations: plan.registrations,
    sheets,
    perApplication,
    fixed,
    applicationsAtLimit: Math.floor((LIMIT - fixed) / perApplication),
    totalCells: sheets.reduce((s, x) => s + x.perApplication * apps + x.fixed, 0),
  };
}

/** The terminal lines: per sheet (the payment sheets summed), then the total. */
export function formatCells(c: CellsResult, label: string): string {
  const lines = [
    `${label}: the ${c.demo} demo (${c.applications.toLocaleString('en-US')} applications, ${c.registrations} registrations), every sheet's grid`,
  ];
  const months = c.sheets.filter((s) => PER_MONTH.test(s.name));
  const rest = c.sheets.filter((s) => !PER_MONTH.test(s.name) && s.perApplication > 0);
  for (const s of rest.sort((a, b) => b.perApplication - a.perApplication)) {
    lines.push(
      `  ${s.name.padEnd(24)} ${String(s.columns).padStart(3)} columns × ${(s.rows / c.applications).toFixed(2)} rows per application = ${s.perApplication.toFixed(1)}`,
    );
  }
  if (months.length) {
    const per = months.reduce((a, s) => a + s.perApplication, 0);
    lines.push(
      `  ${'Payments YYYY-MM'.padEnd(24)} ${months.length} sheets, whole grids = ${per.toFixed(1)}`,
    );
  }
  lines.push(
    `  total ${c.perApplication.toFixed(1)} cells per application (+ ${c.fixed.toLocaleString('en-US')} fixed); 10,000,000 cells at about ${c.applicationsAtLimit.toLocaleString('en-US')} applications`,
  );
  return lines.join('\n');
}

// out/statistics.json and out/statistics.html: the program statistics (RULES R37–R39) computed
// here from the office's tables with the same pure module the script uses
// (src/domain/statistics.ts), and the charts the script keeps in the Statistics sheet, drawn
// from the chart definitions and cells of that sheet with Vega-Lite (SVG inline, no scripts:
// the page reads offline). Tests compare the sheet's numbers with statistics.json.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { APPLICATIONS, LEDGER, MEMBERS, SETTINGS } from '../../src/adapters/tables/schema';
import { SESSIONS, SIGNUPS } from '../../src/adapters/tables/sessions-schema';
import { columnIndexes, normalizeHeader, type TableSpec } from '../../src/adapters/tables/table';
import { parseSettings } from '../../src/domain/settings';
import { computeStatistics, type StatCell, type Statistics } from '../../src/domain/statistics';
import { escapeHtml } from '../../src/domain/templates';
import { STATISTICS_SHEET, statisticsInputFrom } from '../../src/usecases/statistics';
import type { ChartData, SheetData } from '../runtime/spreadsheet';
import { parseA1 } from '../runtime/spreadsheet/a1';
import type { OfficeWorld } from '../world';
import { dayText, tokyoWall } from './inputs';

export interface ChartOutput {
  title: string;
  type: 'column' | 'bar';
  /** The sheet range the chart reads (header row first). */
  range: string;
  /** The header of the value column (the series name). */
  series: string;
  data: { label: string; value: number }[];
}

export interface StatisticsOutput extends Statistics {
  /** Tokyo time of the computation (the end of the run). */
  computedAt: string;
  charts: ChartOutput[];
}

type Cell = SheetData['values'][number][number];

/** A system sheet's rows, its columns found by header as the script finds them. */
function tableOf(data: SheetData | undefined, spec: TableSpec) {
  const column = columnIndexes(data?.values[0] ?? [], spec);
  const rows = (data?.values.slice(1) ?? []).filter((r) => r.some((v) => v !== '' && v !== null));
  return {
    rows,
    get: (row: unknown, key: string) => {
      const i = column.get(key);
      return i === undefined ? '' : (row as Cell[])[i];
    },
  };
}

/** The choices of a form question, by title (the runner looking: not counted). */
function choicesOf(world: OfficeWorld, form: OfficeWorld['application'], title: string): string[] {
  return world.rt.uncounted(() => {
    const wanted = normalizeHeader(title);
    const item = form.getItems().find((i) => normalizeHeader(i.getTitle()) === wanted);
    if (!item) return [];
    try {
      return item
        .asCheckboxItem()
        .getChoices()
        .map((c) => c.getValue());
    } catch {
      return [];
    }
  });
}

/** A chart of the sheet with the values it reads, from the sheet's snapshot. */
export function chartOutput(sheet: SheetData, chart: ChartData): ChartOutput {
  const a1 = parseA1(chart.ranges[0] ?? '');
  const rows: Cell[][] = [];
  if (a1) {
    const last = a1.lastRow ?? a1.row;
    for (let r = a1.row; r <= last; r++) {
      const row = sheet.values[r - 1] ?? [];
      rows.push([row[a1.column - 1] ?? '', row[a1.column] ?? '']);
    }
  }
  const [header, ...data] = rows;
  return {
    title: chart.title,
    type: chart.type === 'BAR' ? 'bar' : 'column',
    range: chart.ranges[0] ?? '',
    series: String(header?.[1] ?? ''),
    data: data.map(([label, value]) => ({
      label: String(label),
      value: typeof value === 'number' ? value : Number(value) || 0,
    })),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');
/** 'yyyy-MM-dd HH:mm' of an instant, in Tokyo. */
function tokyoTime(ms: number): string {
  const w = tokyoWall(ms);
  return `${dayText(w)} ${pad(w.hour)}:${pad(w.minute)}`;
}

/** Statistics of the office at the end of the run, and the Statistics sheet's charts. */
export function officeStatistics(world: OfficeWorld, sheets: SheetData[]): StatisticsOutput {
  const byName = new Map(sheets.map((s) => [s.name, s]));
  const settingsSheet = tableOf(byName.get(SETTINGS.name), SETTINGS);
  const rows = new Map<string, unknown>();
  for (const row of settingsSheet.rows)
    rows.set(String(settingsSheet.get(row, 'key')), settingsSheet.get(row, 'value'));
  const parsed = parseSettings(rows);
  if ('errors' in parsed) throw new Error('the Settings sheet has errors: no statistics');
  const { settings } = parsed;
  const stats = computeStatistics(
    statisticsInputFrom(
      {
        applications: tableOf(byName.get(APPLICATIONS.name), APPLICATIONS),
        ledger: tableOf(byName.get(LEDGER.name), LEDGER),
        members: tableOf(byName.get(MEMBERS.name), MEMBERS),
        ...(byName.has(SESSIONS.name) && byName.has(SIGNUPS.name)
          ? {
              sessions: tableOf(byName.get(SESSIONS.name), SESSIONS),
              signups: tableOf(byName.get(SIGNUPS.name), SIGNUPS),
            }
          : {}),
      },
      {
        issues: choicesOf(world, world.application, settings.applicationFields.issues),
        languages: choicesOf(world, world.registration, settings.registrationFields.languages),
      },
      settings,
    ),
  );
  const sheet = byName.get(STATISTICS_SHEET);
  return {
    computedAt: tokyoTime(world.rt.now()),
    ...stats,
    charts: sheet ? sheet.charts.map((c) => chartOutput(sheet, c)) : [],
  };
}

/** Vega-Lite specs of the charts, drawn as the sheet draws them (label against value). */
export function chartSpec(chart: ChartOutput): Record<string, unknown> {
  const label = {
    field: 'label',
    type: 'nominal',
    sort: null,
    title: null,
    axis: { labelLimit: 300 },
  };
  const value = { field: 'value', type: 'quantitative', title: chart.series };
  const bar = chart.type === 'bar';
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: chart.title,
    width: bar ? 420 : { step: 22 },
    height: bar ? { step: 20 } : 240,
    data: { values: chart.data },
    mark: { type: 'bar', color: '#4285f4', tooltip: false },
    encoding: bar
      ? { y: label, x: value }
      : { x: { ...label, axis: { labelAngle: -60, labelLimit: 300 } }, y: value },
    config: {
      font: "Arial, 'Noto Sans CJK JP', 'Noto Sans JP', 'Hiragino Sans', Meiryo, sans-serif",
      view: { stroke: null },
    },
  };
}

/** SVG text of each chart (vega + vega-lite, in a child process: they are ESM-only). */
export function renderCharts(charts: ChartOutput[]): string[] {
  if (charts.length === 0) return [];
  const result = spawnSync(process.execPath, [join(__dirname, 'charts.mjs')], {
    input: JSON.stringify(charts.map(chartSpec)),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`chart rendering failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as string[];
}

const esc = escapeHtml;

function cellHtml(cell: StatCell, yen: boolean): string {
  if (typeof cell === 'string') return esc(cell);
  return esc(yen ? `¥${cell.toLocaleString('en-US')}` : cell.toLocaleString('en-US'));
}

/** One self-contained page: the tables and the charts (inline SVG), no external resource. */
export function statisticsHtml(out: StatisticsOutput, svgs: string[]): string {
  const tables = out.tables.map((t) => {
    const head = t.columns.map((c) => `<th>${esc(c)}</th>`).join('');
    const body = t.rows
      .map(
        (r, i) =>
          `<tr><th scope="row">${esc(r.label)}</th>${r.cells
            .map(
              (c, j) =>
                `<td>${cellHtml(c, t.yen.rows.includes(i) || t.yen.columns.includes(j))}</td>`,
            )
            .join('')}</tr>`,
      )
      .join('\n');
    return `<section id="${t.key}">\n<h2>${esc(t.title)}</h2>\n<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>\n</section>`;
  });
  const charts = out.charts.map(
    (c, i) =>
      `<figure>\n${svgs[i] ?? ''}\n<figcaption>${esc(c.title)} (Statistics!${esc(c.range)})</figcaption>\n</figure>`,
  );
  return `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<title>Program statistics / 事業統計</title>
<style>
body { font-family: Arial, 'Noto Sans CJK JP', 'Noto Sans JP', 'Hiragino Sans', Meiryo, sans-serif; margin: 2em; color: #202124; }
table { border-collapse: collapse; margin-bottom: 1.5em; }
th, td { border: 1px solid #dadce0; padding: 4px 8px; }
thead th { background: #e8eef7; }
tbody th { text-align: left; font-weight: normal; }
td { text-align: right; }
figure { display: inline-block; margin: 0 2em 2em 0; vertical-align: top; }
figcaption { font-size: 90%; color: #5f6368; }
</style>
</head>
<body>
<h1>Program statistics / 事業統計</h1>
<p>Computed at / 集計日時: ${esc(out.computedAt)} (Tokyo). Fiscal years (April–March) by support date. In breakdowns, counts of persons supported and of supporters below ${out.threshold} are shown as &lt;${out.threshold}; totals are exact (RULES R38). / 年度は支援日の年度（4月〜翌3月）。内訳の相談者数・支援者数は${out.threshold}未満を「&lt;${out.threshold}」と表示し、合計は正確な数です。</p>
<div class="charts">
${charts.join('\n')}
</div>
${tables.join('\n')}
</body>
</html>
`;
}

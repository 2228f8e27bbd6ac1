// Embedded charts of the local runtime, as the Apps Script reference describes them
// (reference/spreadsheet/embedded-chart, embedded-chart-builder, and Sheet's getCharts,
// insertChart, updateChart, removeChart, newChart).
import { RuntimeContext } from '../../local/runtime/context';
import {
  type LocalSheet,
  type LocalSpreadsheet,
  SpreadsheetService,
} from '../../local/runtime/spreadsheet';

let ctx: RuntimeContext;
let ss: LocalSpreadsheet;
let sheet: LocalSheet;

beforeEach(() => {
  ctx = new RuntimeContext({ now: Date.UTC(2024, 6, 30), timeZone: 'Asia/Tokyo' });
  const app = new SpreadsheetService(ctx);
  ss = app.createSpreadsheet('Bansou Net');
  sheet = ss.getSheets()[0];
  sheet.getRange(1, 1, 3, 2).setValues([
    ['Month', 'Cases'],
    ['2024-07', 3],
    ['2024-08', 5],
  ]);
});

const chart = (title: string) =>
  sheet
    .newChart()
    .asColumnChart()
    .addRange(sheet.getRange('A1:B3'))
    .setOption('title', title)
    .setPosition(1, 4, 0, 0)
    .build();

describe('EmbeddedChart (Apps Script reference)', () => {
  test('a built chart is on no sheet until insertChart: getChartId() is null, then a stable id', () => {
    const built = chart('Cases');
    expect(built.getChartId()).toBeNull();
    expect(sheet.getCharts()).toHaveLength(0);
    sheet.insertChart(built);
    const [inserted] = sheet.getCharts();
    expect(typeof inserted.getChartId()).toBe('number');
    expect(sheet.getCharts()[0].getChartId()).toBe(inserted.getChartId());
  });

  test('chart ids are unique across the spreadsheet', () => {
    const other = ss.insertSheet('Other');
    sheet.insertChart(chart('A'));
    other.insertChart(other.newChart().addRange(other.getRange('A1:B2')).build());
    expect(sheet.getCharts()[0].getChartId()).not.toBe(other.getCharts()[0].getChartId());
  });

  test('modify() changes nothing until updateChart; then the same chart (same id) is changed in place', () => {
    sheet.insertChart(chart('Before'));
    const [before] = sheet.getCharts();
    const rebuilt = before
      .modify()
      .clearRanges()
      .addRange(sheet.getRange('A1:B2'))
      .setOption('title', 'After')
      .setPosition(5, 6, 0, 0)
      .build();
    expect(sheet.getCharts()[0].getOptions().get('title')).toBe('Before');
    sheet.updateChart(rebuilt);
    const after = sheet.getCharts();
    expect(after).toHaveLength(1);
    expect(after[0].getChartId()).toBe(before.getChartId());
    expect(after[0].getOptions().get('title')).toBe('After');
    expect(after[0].getRanges().map((r) => r.getA1Notation())).toEqual(['A1:B2']);
    expect(after[0].getContainerInfo().getAnchorRow()).toBe(5);
    expect(after[0].getContainerInfo().getAnchorColumn()).toBe(6);
  });

  test('insertChart adds a new chart every time (the way charts pile up when a script re-inserts)', () => {
    sheet.insertChart(chart('Cases'));
    sheet.insertChart(sheet.getCharts()[0]);
    expect(sheet.getCharts()).toHaveLength(2);
    expect(new Set(sheet.getCharts().map((c) => c.getChartId())).size).toBe(2);
  });

  test('removeChart takes the chart off; updateChart of a removed chart throws', () => {
    sheet.insertChart(chart('Cases'));
    const [c] = sheet.getCharts();
    sheet.removeChart(c);
    expect(sheet.getCharts()).toHaveLength(0);
    expect(() => sheet.updateChart(c.modify().build())).toThrow();
  });

  test('clear() clears content and formats, not the charts', () => {
    sheet.insertChart(chart('Cases'));
    sheet.clear();
    expect(sheet.getCharts()).toHaveLength(1);
  });

  test('getOptions().get is null for an option never set; the chart type is the builder’s', () => {
    sheet.insertChart(chart('Cases'));
    const [c] = sheet.getCharts();
    expect(c.getOptions().get('vAxis.title')).toBeNull();
    expect(c.modify().getChartType()).toBe('COLUMN');
    expect(c.modify().asBarChart().getChartType()).toBe('BAR');
  });

  test('getCharts, insertChart, updateChart and removeChart are round trips; building is not', () => {
    const range = sheet.getRange('A1:B3');
    ctx.counter.reset();
    const built = sheet.newChart().asBarChart().addRange(range).setOption('title', 'T').build();
    expect(ctx.counter.counts.calls.Spreadsheet ?? 0).toBe(0);
    sheet.insertChart(built);
    const [c] = sheet.getCharts();
    sheet.updateChart(c.modify().build());
    sheet.removeChart(c);
    expect(ctx.counter.counts.calls.Spreadsheet).toBe(4);
  });

  test('the sheet snapshot lists its charts with type, title, ranges and position', () => {
    sheet.insertChart(chart('Cases'));
    const [data] = ss.sheetsData();
    expect(data.charts).toEqual([
      expect.objectContaining({
        type: 'COLUMN',
        title: 'Cases',
        ranges: ['A1:B3'],
        position: { anchorRow: 1, anchorColumn: 4, offsetX: 0, offsetY: 0 },
      }),
    ]);
  });
});

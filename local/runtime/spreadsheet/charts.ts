// Embedded charts and their builder, as the Apps Script reference describes them
// (developers.google.com/apps-script/reference/spreadsheet/embedded-chart and
// …/embedded-chart-builder):
// - Sheet.newChart() returns an EmbeddedChartBuilder; build() gives an EmbeddedChart that is on
//   no sheet until Sheet.insertChart(chart) adds it.
// - EmbeddedChart.getChartId() is "a stable identifier for the chart that is unique across the
//   spreadsheet containing the chart or null if the chart is not in a spreadsheet".
// - chart.modify() returns a builder; "Changes made to the chart are not saved until
//   Sheet.updateChart(chart) is called on the rebuilt chart" (the reference's own example:
//   sheet.getCharts()[0].modify()….build(), then sheet.updateChart(chart)).
// - getCharts() returns the sheet's charts; removeChart(chart) takes one off its sheet.
// A chart and its builder are plain values here: building touches no document and is not
// counted; Sheet.getCharts/insertChart/updateChart/removeChart are (see sheet.ts).
import type { LocalRange } from './index';

/** Charts.ChartType names for the builder's as…Chart() methods. */
export const ChartType = {
  AREA: 'AREA',
  BAR: 'BAR',
  COLUMN: 'COLUMN',
  COMBO: 'COMBO',
  HISTOGRAM: 'HISTOGRAM',
  LINE: 'LINE',
  PIE: 'PIE',
  SCATTER: 'SCATTER',
  TABLE: 'TABLE',
} as const;
export type ChartTypeName = keyof typeof ChartType;

export interface ChartPosition {
  anchorRow: number;
  anchorColumn: number;
  offsetX: number;
  offsetY: number;
}

export interface ChartState {
  chartId: number | null;
  type: ChartTypeName;
  ranges: LocalRange[];
  options: Record<string, unknown>;
  position: ChartPosition;
  numHeaders: number;
  transpose: boolean;
}

/** What ContainerInfo reports: where the chart is anchored on its sheet. */
export class LocalContainerInfo {
  constructor(private readonly position: ChartPosition) {}
  getAnchorRow(): number {
    return this.position.anchorRow;
  }
  getAnchorColumn(): number {
    return this.position.anchorColumn;
  }
  getOffsetX(): number {
    return this.position.offsetX;
  }
  getOffsetY(): number {
    return this.position.offsetY;
  }
}

/** ChartOptions: get(option) gives an option set on the builder, or null. */
export class LocalChartOptions {
  constructor(private readonly options: Record<string, unknown>) {}
  get(option: string): unknown {
    return Object.hasOwn(this.options, option) ? this.options[option] : null;
  }
  getOrDefault(option: string): unknown {
    return this.get(option);
  }
}

function copyState(s: ChartState): ChartState {
  return {
    ...s,
    ranges: [...s.ranges],
    options: { ...s.options },
    position: { ...s.position },
  };
}

export class LocalEmbeddedChart {
  constructor(private readonly state: ChartState) {}
  getChartId(): number | null {
    return this.state.chartId;
  }
  getContainerInfo(): LocalContainerInfo {
    return new LocalContainerInfo({ ...this.state.position });
  }
  getOptions(): LocalChartOptions {
    return new LocalChartOptions({ ...this.state.options });
  }
  getRanges(): LocalRange[] {
    return [...this.state.ranges];
  }
  getNumHeaders(): number {
    return this.state.numHeaders;
  }
  getTransposeRowsAndColumns(): boolean {
    return this.state.transpose;
  }
  modify(): LocalEmbeddedChartBuilder {
    return new LocalEmbeddedChartBuilder(copyState(this.state));
  }
  /** The chart's state (runtime use: the sheet keeps a copy, callers get snapshots). */
  stateCopy(): ChartState {
    return copyState(this.state);
  }
}

/**
 * EmbeddedChartBuilder, and the typed builders the as…Chart() methods return (one class: the
 * typed builders add setters such as setTitle that are options of the same chart).
 */
export class LocalEmbeddedChartBuilder {
  constructor(private readonly state: ChartState) {}

  static fresh(): LocalEmbeddedChartBuilder {
    return new LocalEmbeddedChartBuilder({
      chartId: null,
      type: ChartType.COLUMN,
      ranges: [],
      options: {},
      position: { anchorRow: 1, anchorColumn: 1, offsetX: 0, offsetY: 0 },
      numHeaders: -1,
      transpose: false,
    });
  }

  addRange(range: LocalRange): this {
    this.state.ranges.push(range);
    return this;
  }
  removeRange(range: LocalRange): this {
    const a1 = range.getA1Notation();
    const sheet = range.getSheet();
    this.state.ranges = this.state.ranges.filter(
      (r) => !(r.getSheet() === sheet && r.getA1Notation() === a1),
    );
    return this;
  }
  clearRanges(): this {
    this.state.ranges = [];
    return this;
  }
  getRanges(): LocalRange[] {
    return [...this.state.ranges];
  }
  setChartType(type: ChartTypeName): this {
    if (!Object.hasOwn(ChartType, type)) throw new Error(`Invalid argument: type`);
    this.state.type = type;
    return this;
  }
  getChartType(): ChartTypeName {
    return this.state.type;
  }
  asAreaChart(): this {
    return this.setChartType('AREA');
  }
  asBarChart(): this {
    return this.setChartType('BAR');
  }
  asColumnChart(): this {
    return this.setChartType('COLUMN');
  }
  asLineChart(): this {
    return this.setChartType('LINE');
  }
  asPieChart(): this {
    return this.setChartType('PIE');
  }
  asScatterChart(): this {
    return this.setChartType('SCATTER');
  }
  asTableChart(): this {
    return this.setChartType('TABLE');
  }
  setOption(option: string, value: unknown): this {
    this.state.options[String(option)] = value;
    return this;
  }
  /** Typed builders: the chart title (the `title` option). */
  setTitle(title: string): this {
    return this.setOption('title', title);
  }
  setXAxisTitle(title: string): this {
    return this.setOption('hAxis.title', title);
  }
  setYAxisTitle(title: string): this {
    return this.setOption('vAxis.title', title);
  }
  setColors(colors: string[]): this {
    return this.setOption('colors', [...colors]);
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): this {
    this.state.position = {
      anchorRow: anchorRowPos,
      anchorColumn: anchorColPos,
      offsetX,
      offsetY,
    };
    return this;
  }
  getContainer(): LocalContainerInfo {
    return new LocalContainerInfo({ ...this.state.position });
  }
  setNumHeaders(headers: number): this {
    this.state.numHeaders = headers;
    return this;
  }
  setTransposeRowsAndColumns(transpose: boolean): this {
    this.state.transpose = transpose;
    return this;
  }
  build(): LocalEmbeddedChart {
    return new LocalEmbeddedChart(copyState(this.state));
  }
}

/** A chart as staff would see it (for snapshots, the runner's report and tests). */
export interface ChartData {
  chartId: number;
  type: ChartTypeName;
  title: string;
  /** A1 notations, with the sheet name when the range is on another sheet. */
  ranges: string[];
  options: Record<string, unknown>;
  position: ChartPosition;
}

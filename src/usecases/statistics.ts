// The Statistics sheet (RULES R37–R39): read Applications, Ledger and Members, compute the
// tables (pure, src/domain/statistics.ts), write them in one block, and keep the three charts
// up to date in place. Refreshed after each monthly run and from the menu.

import { findItem } from '../adapters/answers';
import type { Env } from '../adapters/env';
import { openFormByUrl } from '../adapters/forms';
import { errorText } from '../adapters/mailer';
import { cellBool, cellNumber, cellText, toCell } from '../adapters/tables/cells';
import { APPLICATIONS, LEDGER, MEMBERS, YEN } from '../adapters/tables/schema';
import { SESSIONS, SIGNUPS } from '../adapters/tables/sessions-schema';
import { parseDay } from '../domain/dates';
import { readPurpose, readSessions, type SessionCells } from '../domain/sessions';
import { REFERENCE_ISSUE_CHOICES } from '../domain/settings-catalogue';
import {
  computeStatistics,
  type StatCell,
  type Statistics,
  type StatisticsInput,
  type StatTable,
} from '../domain/statistics';
import type { Status } from '../domain/types';

export const STATISTICS_SHEET = 'Statistics';
/** Charts sit right of the tables, one under the other. */
const CHART_ROWS = 20;
/** Rows of a new sheet (APPS-SCRIPT-FACTS: 1000 × 26). */
const NEW_SHEET_ROWS = 1000;

type Get<K extends string> = (row: unknown, key: K) => unknown;

function list(text: string): string[] {
  return text.split(/[\s,]+/).filter((s) => s !== '');
}

/**
 * The domain's input from the three tables' rows (plain cells). The choices come from the forms;
 * the caller passes them.
 */
export function statisticsInputFrom(
  tables: {
    applications: { rows: readonly unknown[]; get: Get<string> };
    ledger: { rows: readonly unknown[]; get: Get<string> };
    members: { rows: readonly unknown[]; get: Get<string> };
    /** The Sessions and Sign-ups sheets (RULES §8), when the office keeps them. */
    sessions?: { rows: readonly unknown[]; get: Get<string> };
    signups?: { rows: readonly unknown[]; get: Get<string> };
  },
  choices: { issues: readonly string[]; languages: readonly string[] },
  settings: {
    programStart: string;
    programEnd: string;
    longMinutes: number;
    smallCellThreshold: number;
  },
): StatisticsInput {
  const { applications: a, ledger: l, members: m, sessions: se, signups: su } = tables;
  const sessionCells = (row: unknown): SessionCells => {
    const get = (key: keyof SessionCells) => se?.get(row, key);
    return {
      sessionId: get('sessionId'),
      date: get('date'),
      start: get('start'),
      end: get('end'),
      titleJa: get('titleJa'),
      titleEn: get('titleEn'),
      topics: get('topics'),
      meetingUrl: get('meetingUrl'),
      capacity: get('capacity'),
      closesAt: get('closesAt'),
      status: get('status'),
    };
  };
  const sessions =
    se && su
      ? {
          sessions: [
            ...readSessions(
              se.rows.map((row, i) => ({ row: i + 2, cells: sessionCells(row) })),
            ).sessions.values(),
          ].map((x) => ({ sessionId: x.id, day: x.day, cancelled: x.cancelled })),
          signups: su.rows.map((row) => ({
            sessionId: cellText(su.get(row, 'sessionId')),
            memberId: cellText(su.get(row, 'memberId')),
            status: cellText(su.get(row, 'status')),
            purpose: readPurpose(cellText(su.get(row, 'purposeAnswer'))),
            attended: cellBool(su.get(row, 'attended')),
          })),
        }
      : {};
  return {
    ...sessions,
    applications: a.rows.map((row) => ({
      responseId: cellText(a.get(row, 'responseId')),
      supportDate: parseDay(cellText(a.get(row, 'supportDate')).trim()),
      status: (cellText(a.get(row, 'status')) || 'REVIEW') as Status,
      reasons: list(cellText(a.get(row, 'reasons'))),
      minutes: cellNumber(a.get(row, 'minutes')),
      recipientKey: cellText(a.get(row, 'recipientKey')),
      issues: cellText(a.get(row, 'issues')),
      prefecture: cellText(a.get(row, 'prefecture')),
      supporters: list(cellText(a.get(row, 'supporters'))),
    })),
    ledger: l.rows.map((row) => ({
      responseId: cellText(l.get(row, 'responseId')),
      memberId: cellText(l.get(row, 'memberId')),
      amount: cellNumber(l.get(row, 'amount')) ?? 0,
      settledMonth: cellText(l.get(row, 'settledMonth')),
    })),
    members: m.rows.map((row) => ({
      memberId: cellText(m.get(row, 'memberId')),
      foreignBackground: cellText(m.get(row, 'foreignBackground')),
      languages: cellText(m.get(row, 'languages')),
    })),
    issueChoices: choices.issues,
    languageChoices: choices.languages,
    programStart: settings.programStart,
    programEnd: settings.programEnd,
    longMinutes: settings.longMinutes,
    threshold: settings.smallCellThreshold,
  };
}

/**
 * The choices of a checkbox or choice question, read from the form: only these texts are ever
 * shown; anything else a respondent typed ("Other") is counted without its text (R38).
 */
function formChoices(env: Env, url: string, title: string, what: string): string[] | null {
  try {
    const form = openFormByUrl(url, what);
    // The same question the submissions read (a typo fixed in one half of its title included).
    const item = findItem(form.getItems(), title);
    if (!item) return null;
    const type = String(item.getType());
    const choices =
      type === 'CHECKBOX'
        ? item.asCheckboxItem().getChoices()
        : type === 'MULTIPLE_CHOICE'
          ? item.asMultipleChoiceItem().getChoices()
          : type === 'LIST'
            ? item.asListItem().getChoices()
            : null;
    return choices ? choices.map((c) => c.getValue()) : null;
  } catch (error) {
    env.log.add({ action: 'STATISTICS_FORM_UNAVAILABLE', detail: `${what}: ${errorText(error)}` });
    return null;
  }
}

const ISSUE_CHOICES_KEY = 'statistics.choices.issues';
const LANGUAGE_CHOICES_KEY = 'statistics.choices.languages';

/**
 * The form's choices now, then each choice it offered before (remembered in Script Properties,
 * and the reference wording) that some answer still holds: staff reworded or removed a choice
 * after cases were filed under it, and those cases stay under their own wording instead of
 * moving to "Other" (R37: no case misfiled in silence). Only choice texts of the form are ever
 * remembered or shown, never what a respondent typed (R38).
 */
function choicesEverOffered(
  env: Env,
  key: string,
  now: readonly string[],
  reference: readonly string[],
  answers: readonly string[],
): string[] {
  let remembered: string[] = [];
  try {
    const parsed: unknown = JSON.parse(env.props.get(key) ?? '[]');
    if (Array.isArray(parsed)) remembered = parsed.map(String);
  } catch {
    remembered = [];
  }
  const offered = [...new Set([...remembered, ...now])];
  if (offered.length !== remembered.length) env.props.set(key, JSON.stringify(offered));
  const held = (choice: string) => answers.some((a) => `, ${a}, `.includes(`, ${choice}, `));
  const earlier = [...new Set([...offered, ...reference])].filter(
    (c) => !now.includes(c) && held(c),
  );
  return [...now, ...earlier];
}

/** Computes the statistics from the office's tables (each read once per execution). */
export function computeOfficeStatistics(env: Env): Statistics {
  const { settings } = env;
  const apps = env.book.table(APPLICATIONS);
  const ledger = env.book.table(LEDGER);
  const members = env.book.table(MEMBERS);
  const sessions = env.book.table(SESSIONS);
  const signups = env.book.table(SIGNUPS);
  const issues =
    formChoices(
      env,
      settings.applicationFormUrl,
      settings.applicationFields.issues,
      'Application form',
    ) ?? REFERENCE_ISSUE_CHOICES;
  const languages =
    formChoices(
      env,
      settings.registrationFormUrl,
      settings.registrationFields.languages,
      'Registration form',
    ) ?? [];
  const issuesAll = choicesEverOffered(
    env,
    ISSUE_CHOICES_KEY,
    issues,
    REFERENCE_ISSUE_CHOICES,
    apps.dataRows().map((r) => cellText(apps.get(r, 'issues'))),
  );
  const languagesAll = choicesEverOffered(
    env,
    LANGUAGE_CHOICES_KEY,
    languages,
    [],
    members.dataRows().map((r) => cellText(members.get(r, 'languages'))),
  );
  return computeStatistics(
    statisticsInputFrom(
      {
        applications: { rows: apps.dataRows(), get: (r, k) => apps.get(r as never, k as never) },
        ledger: { rows: ledger.dataRows(), get: (r, k) => ledger.get(r as never, k as never) },
        members: { rows: members.dataRows(), get: (r, k) => members.get(r as never, k as never) },
        sessions: {
          rows: sessions.dataRows(),
          get: (r, k) => sessions.get(r as never, k as never),
        },
        signups: { rows: signups.dataRows(), get: (r, k) => signups.get(r as never, k as never) },
      },
      { issues: issuesAll, languages: languagesAll },
      settings,
    ),
  );
}

/** Where each table landed in the sheet grid (1-based rows), for formats and charts. */
interface Placed {
  table: StatTable;
  headerRow: number;
}

/** The sheet as one grid: a heading, then each table (title, header, rows) and a blank row. */
export function statisticsGrid(
  stats: Statistics,
  updated: string,
): { grid: StatCell[][]; placed: Placed[]; width: number } {
  const width = Math.max(...stats.tables.map((t) => t.columns.length));
  const grid: StatCell[][] = [];
  const placed: Placed[] = [];
  const line = (cells: StatCell[]) =>
    grid.push([...cells, ...new Array(width - cells.length).fill('')]);
  line(['Program statistics / 事業統計']);
  line([`Updated / 更新: ${updated}`]);
  line([
    `Fiscal years (April–March) by support date. In breakdowns, counts of persons supported and of supporters below ${stats.threshold} are shown as <${stats.threshold}; totals are exact (R38). / 年度は支援日の年度（4月〜翌3月）。内訳の相談者数・支援者数は${stats.threshold}未満を「<${stats.threshold}」と表示し、合計は正確な数です。`,
  ]);
  for (const table of stats.tables) {
    line([]);
    line([table.title]);
    placed.push({ table, headerRow: grid.length + 1 });
    line(table.columns);
    for (const row of table.rows) line([row.label, ...row.cells]);
  }
  return { grid, placed, width };
}

export interface StatisticsResult {
  stats: Statistics;
  rows: number;
  charts: { inserted: number; updated: number; removed: number };
}

/** Refreshes the Statistics sheet: one block of values, its formats, and the charts in place. */
export function refreshStatistics(env: Env): StatisticsResult {
  const stats = computeOfficeStatistics(env);
  const updated = Utilities.formatDate(new Date(env.now), 'Asia/Tokyo', 'yyyy-MM-dd HH:mm');
  const { grid, placed, width } = statisticsGrid(stats, updated);
  const ss = env.book.ss;
  let sheet = ss.getSheetByName(STATISTICS_SHEET);
  const created = !sheet;
  if (sheet) sheet.clear();
  else sheet = ss.insertSheet(STATISTICS_SHEET);
  // A sheet has at least the 1,000 rows it was made with; ask for more only beyond that (a
  // sheet made just now has exactly 1,000: no need to ask, and ask an older one once).
  if (grid.length > NEW_SHEET_ROWS) {
    const maxRows = created ? NEW_SHEET_ROWS : sheet.getMaxRows();
    if (grid.length > maxRows) sheet.insertRowsAfter(maxRows, grid.length - maxRows);
  }
  const block = sheet.getRange(1, 1, grid.length, width);
  block.setValues(grid.map((r) => r.map(toCell)));
  const bold = grid.map(() => new Array<string>(width).fill('normal'));
  const formats = grid.map(() => new Array<string>(width).fill(''));
  bold[0][0] = 'bold';
  for (const { table, headerRow } of placed) {
    bold[headerRow - 2][0] = 'bold';
    bold[headerRow - 1].fill('bold');
    table.rows.forEach((_, i) => {
      const r = headerRow + i; // 0-based index of the row's line
      if (table.yen.rows.includes(i))
        for (let c = 1; c < table.columns.length; c++) formats[r][c] = YEN;
      for (const c of table.yen.columns) formats[r][c + 1] = YEN;
    });
  }
  block.setFontWeights(bold as ('bold' | 'normal')[][]);
  block.setNumberFormats(formats);
  if (created) {
    sheet.setColumnWidth(1, 320);
    sheet.setFrozenRows(1);
  }
  const charts = placeCharts(sheet, block, placed, width);
  env.log.add({
    action: 'STATISTICS_UPDATED',
    detail: `${stats.tables.length} tables, ${grid.length} rows; charts ${charts.inserted} inserted, ${charts.updated} updated, ${charts.removed} removed`,
  });
  return { stats, rows: grid.length, charts };
}

/**
 * R39: one chart per charted table, found by its title and updated in place (a rebuilt chart
 * through modify() and updateChart, as the reference shows); a missing one is inserted and any
 * second chart with the same title removed, so refreshes never pile charts up. Charts staff
 * made themselves (other titles) are left alone.
 */
function placeCharts(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  block: GoogleAppsScript.Spreadsheet.Range,
  placed: Placed[],
  width: number,
): StatisticsResult['charts'] {
  const done = { inserted: 0, updated: 0, removed: 0 };
  // Each chart's title read once, not once per charted table.
  const existing = sheet
    .getCharts()
    .map((chart) => ({ chart, title: String(chart.getOptions().get('title') ?? '') }));
  let slot = 0;
  for (const { table, headerRow } of placed) {
    if (!table.chart) continue;
    const { title, type } = table.chart;
    // The label column and the first value column, header included (offset: no round trip).
    const range = block.offset(headerRow - 1, 0, Math.max(1, table.rows.length) + 1, 2);
    const anchorRow = 1 + slot * CHART_ROWS;
    slot++;
    const same = existing.filter((c) => c.title === title).map((c) => c.chart);
    for (const extra of same.slice(1)) {
      sheet.removeChart(extra);
      done.removed++;
    }
    const builder = same[0] ? same[0].modify().clearRanges() : sheet.newChart();
    const typed = type === 'bar' ? builder.asBarChart() : builder.asColumnChart();
    const chart = typed
      .addRange(range)
      .setOption('title', title)
      .setOption('legend', { position: 'none' })
      .setNumHeaders(1)
      .setPosition(anchorRow, width + 2, 0, 0)
      .build();
    if (same[0]) {
      sheet.updateChart(chart);
      done.updated++;
    } else {
      sheet.insertChart(chart);
      done.inserted++;
    }
  }
  return done;
}

/** After the monthly run: a failure here never undoes or hides the run (it is logged). */
export function refreshStatisticsAfterRun(env: Env): void {
  try {
    refreshStatistics(env);
  } catch (error) {
    env.log.add({ action: 'STATISTICS_FAILED', detail: errorText(error) });
  }
}

/** Menu text. */
export function statisticsReport(result: StatisticsResult): string {
  const summary = result.stats.tables[0];
  const whole = (label: string) =>
    summary.rows.find((r) => r.label.startsWith(label))?.cells[0] ?? 0;
  return [
    `The sheet "${STATISTICS_SHEET}" is up to date. / 「${STATISTICS_SHEET}」シートを更新しました。`,
    `Accepted cases / 受理件数: ${whole('Accepted')}, persons supported / 相談者数: ${whole('Persons')}, active supporters / 支援者数: ${whole('Active')}.`,
  ].join('\n');
}

// The environment check's TextFinder probe: every lookup (registration, application, sign-up,
// the hourly sweep) finds its rows with one TextFinder search (adapters/tables/table.ts
// searchTables); R1 (IDs), R13 (recipient limit), R14 (duplicates) and "never pays twice" rest on
// it finding every matching cell. The local runtime models TextFinder as the team read the
// reference ("Class TextFinder", https://developers.google.com/apps-script/reference/spreadsheet/text-finder:
// findAll "Returns all cells matching the search criteria"; case-insensitive and partial match by
// default; a formula's cell by its displayed value). The reference is silent on number formats
// and on rows hidden by hand (Sheet.hideRows) or by a filter (Range.createFilter): the runtime
// finds a cell by the text it displays and finds hidden rows too. This file lists the cells the
// probe writes into the scratch sheet, the hand-written expectation for each, and how what real
// Google found is judged. Pure: the adapter (adapters/env-check.ts) writes and searches.

import type { ProbeResult } from './env-probes';

/** The ID the probe looks for (default ID prefix, R1) and the recipient key (R13, text.ts). */
export const FINDER_PROBE_ID = 'BN-00012';
export const FINDER_PROBE_PREFIX = 'BN-';
export const FINDER_PROBE_KEY = 'hanako tanaka#1980';

export type FinderPlace = 'visible' | 'hidden by hideRows' | 'hidden by a filter';

export interface FinderCell {
  /** What is written with setValues (a number for the number-formatted cell). */
  write: string | number;
  /** The cell's number format: '@' Plain text, a number format, or General (absent). */
  format?: string;
  place: FinderPlace;
  /** Whether the product's search must find it (written by hand from RULES R5, R13, R14). */
  found: boolean;
}

export interface FinderProbe {
  name: string;
  cells: FinderCell[];
  /** What a `different` means for the office, in both languages. */
  meaning: string;
}

const SEND =
  'send this report to the person who maintains the system / このレポートを担当者に送ってください';

export const FINDER_PROBES: readonly FinderProbe[] = [
  {
    name: 'Sheets TextFinder: the ID BN-00012 typed in any width, with spaces, without zeros or after an apostrophe is found, BN-000120 is not / 全角・空白・0の省略・先頭のアポストロフィでも BN-00012 が見つかり、BN-000120 は見つからない',
    cells: [
      { write: 'ｂｎ－００１２', place: 'visible', found: true },
      { write: 'BN 12', place: 'visible', found: true },
      { write: "'bn-0012", place: 'visible', found: true },
      { write: "'BN-00012", format: '@', place: 'visible', found: true },
      { write: 'BN-000120', place: 'visible', found: false },
    ],
    meaning: `IDs typed by staff may not be found (R1, R5) / 入力したIDが見つからないことがあります — ${SEND}`,
  },
  {
    name: 'Sheets TextFinder: a recipient key is found as the whole cell in any case, not inside other text / 受給者キーはセル全体で大文字・小文字を問わず見つかり、他の文字の中では見つからない',
    cells: [
      { write: FINDER_PROBE_KEY, format: '@', place: 'visible', found: true },
      { write: 'Hanako Tanaka#1980', format: '@', place: 'visible', found: true },
      { write: `see ${FINDER_PROBE_KEY}`, format: '@', place: 'visible', found: false },
    ],
    meaning: `the recipient limit and duplicate checks (R13, R14) may miss or mix up applications / 受給者の上限・重複の判定（R13・R14）が正しくない恐れがあります — ${SEND}`,
  },
  {
    name: 'Sheets TextFinder: the number 12 formatted as "BN-"00000 is found by the text it shows, BN-00012 / 表示形式で BN-00012 と表示される数値 12 が表示どおりに見つかる',
    cells: [{ write: 12, format: '"BN-"00000', place: 'visible', found: true }],
    meaning: `an ID shown through a number format is not found: type IDs as text / 表示形式でIDに見せた数値は見つかりません。IDは文字として入力してください — ${SEND}`,
  },
  {
    name: 'Sheets TextFinder: a cell in a hidden row (Hide row) is found / 非表示にした行のセルも見つかる',
    cells: [{ write: 'BN-00012', place: 'hidden by hideRows', found: true }],
    meaning: `lookups miss the rows staff hide: show every row of the system sheets (Members, Applications, Payments…) / 非表示の行は検索で見落とされます。システムのシート（Members・Applications・支払いなど）の行をすべて表示してください — ${SEND}`,
  },
  {
    name: 'Sheets TextFinder: a cell in a row a filter hides is found / フィルタで隠れた行のセルも見つかる',
    cells: [{ write: 'bn-00012', place: 'hidden by a filter', found: true }],
    meaning: `while a filter is on, lookups miss the rows it hides (IDs handed out twice, limits and duplicates missed, a line paid twice): remove the filters from the system sheets (Data → Remove filter) / フィルタがかかっている間は、隠れた行が検索で見落とされます（IDの重複・上限や重複の見落とし・二重払いの恐れ）。システムのシートのフィルタを解除してください（データ → フィルタを削除） — ${SEND}`,
  },
];

/** What the adapter saw for one probe cell. */
export interface FinderSeen {
  /** Found by a search of the scratch sheet (what searchTables sends for one table). */
  found: boolean;
  /**
   * Found by a search of the whole spreadsheet (what searchTables sends for several tables, as a
   * submission does), among the scratch sheet's matches; absent when not made.
   */
  foundWide?: boolean;
  /** For a cell meant to be hidden: whether Google says its row is hidden (else not tested). */
  hidden?: boolean;
}

function describe(cell: FinderCell): string {
  const what = JSON.stringify(cell.write);
  const format = cell.format === '@' ? ' (Plain text)' : cell.format ? ` (${cell.format})` : '';
  return `${what}${format}`;
}

export function judgeFinder(probe: FinderProbe, seen: readonly FinderSeen[]): ProbeResult {
  const problems: string[] = [];
  probe.cells.forEach((cell, i) => {
    const s = seen[i];
    if (!s) {
      problems.push(`${describe(cell)} not searched`);
      return;
    }
    if (cell.place !== 'visible' && s.hidden === false)
      problems.push(`${describe(cell)}: the row was not ${cell.place}, so this was not tested`);
    else {
      const said = (found: boolean, scope: string) =>
        `${describe(cell)} ${found ? 'found' : 'not found'}${scope}, expected ${cell.found ? 'found' : 'not found'}`;
      const wide = s.foundWide ?? s.found;
      if (s.found !== cell.found && wide !== cell.found) problems.push(said(s.found, ''));
      else if (s.found !== cell.found) problems.push(said(s.found, ' by the sheet search'));
      else if (wide !== cell.found) problems.push(said(wide, ' by the spreadsheet-wide search'));
    }
  });
  if (problems.length === 0) {
    const found = probe.cells.filter((c) => c.found).map(describe);
    const missed = probe.cells.filter((c) => !c.found).map(describe);
    return {
      name: probe.name,
      verdict: 'expected',
      detail: `found ${found.join(', ')}${missed.length ? `; not ${missed.join(', ')}` : ''}`,
    };
  }
  return {
    name: probe.name,
    verdict: 'different',
    detail: `${problems.join('; ')} — ${probe.meaning}`,
  };
}

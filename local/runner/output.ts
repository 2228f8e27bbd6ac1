// The output folder: workbook.xlsx with every sheet as staff see it, one CSV per sheet, the
// emails sent as .eml files, decisions.json, and the runner's marker listing those files.
// Written into a new temporary folder beside the target and moved in at the end, so a failed
// run never leaves a half-written folder; only files the runner wrote are ever removed.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { isDate } from '../runtime/context';
import type { SheetData } from '../runtime/spreadsheet';
import { msToSerial } from '../runtime/spreadsheet/zone';
import type { Decisions } from './decisions';
import { toEml } from './eml';
import type { RunOutcome } from './engine';
import { officeStatistics, renderCharts, statisticsHtml } from './statistics';
import type { MonthTransfer } from './transfers';

/** Sheets never exported: R31 keeps account data out of every export but the transfer file. */
export const PRIVATE_SHEETS: ReadonlySet<string> = new Set(['Accounts']);

/** A file name for a sheet name (sheet names may hold characters file systems refuse). */
export function fileNameOf(sheetName: string): string {
  return sheetName.replace(/[/\\:*?"<>|]/g, '_');
}

// Sheets measures column widths in pixels; Excel in characters of about 7 pixels.
const PIXELS_PER_CHARACTER = 7;

function argb(color: string): string {
  return `FF${color.replace('#', '').toUpperCase().padStart(6, '0').slice(-6)}`;
}

function addSheet(book: ExcelJS.Workbook, data: SheetData, timeZone: string): void {
  const ws = book.addWorksheet(data.name.slice(0, 31), {
    state: data.hidden ? 'hidden' : 'visible',
    ...(data.tabColor ? { properties: { tabColor: { argb: argb(data.tabColor) } } } : {}),
    views:
      data.frozenRows || data.frozenColumns
        ? [{ state: 'frozen', xSplit: data.frozenColumns, ySplit: data.frozenRows }]
        : [],
  });
  data.columnWidths.forEach((px, i) => {
    ws.getColumn(i + 1).width = Math.round((px / PIXELS_PER_CHARACTER) * 10) / 10;
  });
  for (let r = 0; r < data.lastRow; r++) {
    const values = data.values[r];
    for (let c = 0; c < data.lastColumn; c++) {
      const value = values[c];
      const formula = data.formulas[r][c];
      const format = data.numberFormats[r][c];
      const bold = data.fontWeights[r][c] === 'bold';
      const background = data.backgrounds[r][c];
      if (value === '' && !formula && !bold && !background) continue;
      const cell = ws.getCell(r + 1, c + 1);
      // Dates go in as serial numbers of the spreadsheet's wall clock, so Excel shows the
      // Tokyo time staff see, whatever the zone of the machine that opens the file.
      const plain = isDate(value) ? msToSerial(value.getTime(), timeZone) : value;
      cell.value = formula ? { formula: formula.replace(/^=/, ''), result: plain } : plain;
      if (format) cell.numFmt = format;
      else if (isDate(value)) cell.numFmt = 'yyyy-mm-dd hh:mm';
      if (bold) cell.font = { bold: true };
      if (background)
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(background) } };
      if (data.wraps[r][c]) cell.alignment = { wrapText: true };
    }
  }
}

export interface OutputSummary {
  folder: string;
  sheets: number;
  emails: number;
  transfers: number;
}

/** The runner's marker in every output folder it writes: the files it wrote there. */
export const MARKER = '.bansou-runner-output.json';
const MARKER_TAG = 'bansou-net-companion local runner output';

interface Marker {
  runner: string;
  /** Paths relative to the folder, '/'-separated: the files the runner wrote. */
  files: string[];
}

/** The files the runner writes at the top of an output folder (besides csv/ and emails/). */
const OWN_TOP_FILES = ['decisions.json', 'workbook.xlsx', 'statistics.json', 'statistics.html'];

/** A problem with --out: the CLI prints the one line and exits with code 2. */
export class OutputError extends Error {
  override name = 'OutputError';
}

export interface OutputPlan {
  target: string;
  /** Files of the earlier output (from its marker): the only files ever removed. */
  previous: string[];
}

function readMarker(folder: string): Marker | null {
  const file = join(folder, MARKER);
  if (!existsSync(file)) return null;
  try {
    const marker = JSON.parse(readFileSync(file, 'utf8')) as Marker;
    if (marker.runner !== MARKER_TAG || !Array.isArray(marker.files)) return null;
    // Only plain relative paths inside the folder are ever acted on.
    const files = marker.files.filter(
      (f) => typeof f === 'string' && f !== '' && !isAbsolute(f) && !f.split('/').includes('..'),
    );
    return { runner: marker.runner, files };
  } catch {
    return null;
  }
}

/**
 * An output folder of the runner from before its marker: nothing but decisions.json,
 * workbook.xlsx, statistics.json/.html, csv/*.csv and emails/NNNNN.eml. Anything else in it and it is not one.
 */
function legacyOutput(folder: string): Marker | null {
  const entries = readdirSync(folder, { withFileTypes: true });
  if (!entries.some((e) => e.name === 'decisions.json' && e.isFile())) return null;
  const files: string[] = [];
  for (const e of entries) {
    if (e.isFile() && OWN_TOP_FILES.includes(e.name)) files.push(e.name);
    else if (e.isDirectory() && ['csv', 'emails', 'transfers'].includes(e.name)) {
      const pattern = e.name === 'csv' ? /\.csv$/ : e.name === 'emails' ? /^\d{5,}\.eml$/ : /./;
      for (const f of readdirSync(join(folder, e.name), { withFileTypes: true })) {
        if (!f.isFile() || !pattern.test(f.name)) return null;
        files.push(`${e.name}/${f.name}`);
      }
    } else return null;
  }
  return { runner: MARKER_TAG, files };
}

/**
 * Checks --out before anything is simulated. The runner writes into a new folder, an empty
 * one, or one that carries its marker (an earlier output); it removes only the files that
 * marker lists, and never an input file.
 */
export function checkOutput(folder: string, inputs: readonly string[]): OutputPlan {
  const target = resolve(folder);
  const inputPaths = inputs.map((f) => resolve(f));
  if (inputPaths.includes(target)) {
    throw new OutputError(`--out ${folder} is one of the input files: choose another folder`);
  }
  if (!existsSync(target)) {
    // Its parent must be a folder (or creatable): a file on the way is refused now.
    let up = dirname(target);
    while (!existsSync(up)) up = dirname(up);
    if (!statSync(up).isDirectory()) {
      throw new OutputError(`--out ${folder}: ${up} is a file, not a folder`);
    }
    return { target, previous: [] };
  }
  if (!statSync(target).isDirectory()) {
    throw new OutputError(`--out ${folder} is a file, not a folder: choose a folder`);
  }
  const entries = readdirSync(target);
  if (entries.length === 0) return { target, previous: [] };
  const marker = readMarker(target) ?? legacyOutput(target);
  if (!marker) {
    const shown = entries.slice(0, 3).join(', ') + (entries.length > 3 ? ', …' : '');
    throw new OutputError(
      `--out ${folder} is not empty (${shown}) and is not an output folder of this runner (no ${MARKER}): nothing was written; choose a new or empty folder`,
    );
  }
  for (const input of inputPaths) {
    const rel = relative(target, input).split(sep).join('/');
    const ours = [...OWN_TOP_FILES, MARKER].includes(rel) || /^(csv|emails|transfers)\//.test(rel);

    if (marker.files.includes(rel) || ours) {
      throw new OutputError(
        `--out ${folder}: the input file ${rel} is a file of the earlier output that would be replaced: move it out of the folder or choose another --out`,
      );
    }
  }
  return { target, previous: marker.files };
}

/** Every file under a folder, relative and '/'-separated. */
function filesUnder(folder: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(folder, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...filesUnder(folder, rel));
    else out.push(rel);
  }
  return out;
}

/**
 * Writes the whole output folder: built in a new temporary folder beside the target, then
 * moved in. Into a new folder: one rename. Into an earlier output: the files its marker lists
 * are removed (and folders they leave empty), then the new files are moved in; any other file
 * in the folder (an input, a user's own file) is left as it is.
 */
export async function writeOutput(
  outcome: RunOutcome,
  decisions: Decisions,
  plan: OutputPlan,
  inputs: readonly string[] = [],
  transfers: readonly MonthTransfer[] = [],
): Promise<OutputSummary> {
  const { target } = plan;
  mkdirSync(dirname(target), { recursive: true });
  const temp = mkdtempSync(join(dirname(target), `.${basename(target)}.tmp-`));
  try {
    const written = await writeFiles(outcome, decisions, temp, transfers);
    const files = filesUnder(temp);
    const inputSet = new Set(inputs.map((f) => resolve(f)));
    for (const f of files) {
      if (inputSet.has(resolve(target, f))) {
        throw new OutputError(`--out ${target}: writing ${f} would replace an input file`);
      }
    }
    writeFileSync(
      join(temp, MARKER),
      `${JSON.stringify({ runner: MARKER_TAG, files } satisfies Marker, null, 2)}\n`,
    );
    if (!existsSync(target)) {
      renameSync(temp, target);
      return { folder: target, ...written };
    }
    removeListed(target, plan.previous, inputSet);
    for (const f of [...files, MARKER]) {
      const to = join(target, f);
      mkdirSync(dirname(to), { recursive: true });
      renameSync(join(temp, f), to);
    }
    rmSync(temp, { recursive: true, force: true });
    return { folder: target, ...written };
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
}

/** Removes the listed files of an earlier output (never an input), then folders left empty. */
function removeListed(target: string, files: readonly string[], inputs: ReadonlySet<string>): void {
  const folders = new Set<string>();
  for (const f of files) {
    const path = resolve(target, f);
    if (inputs.has(path) || !existsSync(path) || !statSync(path).isFile()) continue;
    unlinkSync(path);
    for (let d = dirname(f); d !== '.' && d !== ''; d = dirname(d)) folders.add(d);
  }
  // Deepest first; a folder that still holds anything (a user's file) stays.
  for (const d of [...folders].sort((a, b) => b.length - a.length)) {
    const path = join(target, d);
    if (existsSync(path) && readdirSync(path).length === 0) rmdirSync(path);
  }
  const marker = join(target, MARKER);
  if (existsSync(marker)) unlinkSync(marker);
}

async function writeFiles(
  outcome: RunOutcome,
  decisions: Decisions,
  temp: string,
  transfers: readonly MonthTransfer[],
): Promise<{ sheets: number; emails: number; transfers: number }> {
  mkdirSync(join(temp, 'csv'), { recursive: true });
  mkdirSync(join(temp, 'emails'), { recursive: true });
  const { office } = outcome;
  // The runner looking at the sheets is not the script's work: not counted.
  const sheets = office.rt
    .uncounted(() => office.ss.sheetsData())
    .filter((s) => !PRIVATE_SHEETS.has(s.name));
  const timeZone = office.ss.timeZone;

  const book = new ExcelJS.Workbook();
  book.creator = 'Bansou Net local runner';
  for (const data of sheets) {
    addSheet(book, data, timeZone);
    writeFileSync(join(temp, 'csv', `${fileNameOf(data.name)}.csv`), stringify(data.displayValues));
  }
  await book.xlsx.writeFile(join(temp, 'workbook.xlsx'));

  const outbox = office.rt.mail.outbox;
  outbox.forEach((mail, i) => {
    const seq = i + 1;
    const name = `${String(seq).padStart(5, '0')}.eml`;
    writeFileSync(join(temp, 'emails', name), toEml(mail, { from: office.rt.user, seq }));
  });
  writeFileSync(join(temp, 'decisions.json'), `${JSON.stringify(decisions, null, 2)}\n`);
  if (transfers.length > 0) {
    // R31: the Zengin files, exactly the bytes staff download from the dialog.
    mkdirSync(join(temp, 'transfers'));
    for (const t of transfers) writeFileSync(join(temp, 'transfers', t.name), t.bytes);
  }

  const statistics = officeStatistics(office, sheets);
  writeFileSync(join(temp, 'statistics.json'), `${JSON.stringify(statistics, null, 2)}\n`);
  writeFileSync(
    join(temp, 'statistics.html'),
    statisticsHtml(statistics, renderCharts(statistics.charts)),
  );
  return { sheets: sheets.length, emails: outbox.length, transfers: transfers.length };
}

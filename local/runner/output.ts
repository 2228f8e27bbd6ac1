// The output folder: workbook.xlsx with every sheet as staff see it, one CSV per sheet, the
// emails sent as .eml files, and decisions.json. Written into a temporary folder beside the
// target and renamed at the end, so a failed run never leaves a half-written folder.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
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

/** Writes the whole output folder atomically (temp folder beside it, then one rename). */
export async function writeOutput(
  outcome: RunOutcome,
  decisions: Decisions,
  folder: string,
  transfers: readonly MonthTransfer[] = [],
): Promise<OutputSummary> {
  const target = resolve(folder);
  if (existsSync(target)) {
    const entries = readdirSync(target);
    // Only an earlier output (or an empty folder) is replaced: never someone's other files.
    if (entries.length > 0 && !entries.includes('decisions.json')) {
      throw new Error(
        `${folder} exists and is not an output folder of this runner: choose another --out`,
      );
    }
  }
  mkdirSync(dirname(target), { recursive: true });
  const temp = join(dirname(target), `.${basename(target)}.tmp-${process.pid}`);
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(join(temp, 'csv'), { recursive: true });
  mkdirSync(join(temp, 'emails'), { recursive: true });
  try {
    const { office } = outcome;
    // The runner looking at the sheets is not the script's work: not counted.
    const counter = office.rt.ctx.counter;
    const was = counter.enabled;
    counter.enabled = false;
    const sheets = office.ss.sheetsData().filter((s) => !PRIVATE_SHEETS.has(s.name));
    counter.enabled = was;
    const timeZone = office.ss.timeZone;

    const book = new ExcelJS.Workbook();
    book.creator = 'Bansou Net local runner';
    for (const data of sheets) {
      addSheet(book, data, timeZone);
      writeFileSync(
        join(temp, 'csv', `${fileNameOf(data.name)}.csv`),
        stringify(data.displayValues),
      );
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

    rmSync(target, { recursive: true, force: true });
    renameSync(temp, target);
    return {
      folder: target,
      sheets: sheets.length,
      emails: outbox.length,
      transfers: transfers.length,
    };
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
}

// Shared set-up of the runtime's own tests: a fresh spreadsheet with one sheet, and the message
// of the exception a call throws (what Apps Script shows the user).
import { RuntimeContext } from '../../local/runtime/context';
import {
  type LocalSheet,
  type LocalSpreadsheet,
  SpreadsheetService,
} from '../../local/runtime/spreadsheet';

/** A container-bound spreadsheet "Bansou Net" at 2024-07-30 in Tokyo, its first sheet named so. */
export function oneSheet(name: string): {
  ctx: RuntimeContext;
  app: SpreadsheetService;
  ss: LocalSpreadsheet;
  sheet: LocalSheet;
} {
  const ctx = new RuntimeContext({ now: Date.UTC(2024, 6, 30), timeZone: 'Asia/Tokyo' });
  const app = new SpreadsheetService(ctx);
  const ss = app.createSpreadsheet('Bansou Net');
  app.setContainer(ss);
  const sheet = ss.getSheets()[0];
  sheet.setName(name);
  return { ctx, app, ss, sheet };
}

/** The message of the exception `fn` throws; fails the test when it throws none. */
export function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an exception');
}

// The system's own sheets, once set-up has made them, must be found by name: a job that needs
// one that is gone (a tab renamed — "Members" → "会員", "Copy of Ledger" restored from version
// history — or deleted) must not make a fresh empty one and carry on: an empty Ledger pays every
// line again (R22), an empty Members decides against no one, an empty Settings or Templates
// runs on the defaults instead of the office's own. Set-up records the sheets it made or found
// (a Script Property); from then on Table.open refuses to create one of them and throws
// MissingSystemSheet, which the entry points turn into one staff alert and a Log line; the
// submission stays unprocessed for the sweep (R26). Sheet protection does not prevent it: a
// warning-only protection lets every editor go on after a warning ("Warning-based protection
// means that every user can edit data in the protected range, except editing will prompt a
// warning", Sheets API ProtectedRange.warningOnly; Apps Script Protection.setWarningOnly).
// Creating stays where it is harmless: the first set-up, the Log, a new `Payments YYYY-MM`,
// the Statistics sheet, and a sheet a newer version adds (not recorded yet).

/** Script Property: the names of the system sheets set-up made or found, '\n'-separated. */
export const SYSTEM_SHEETS_KEY = 'sheets.system';

let expected: ReadonlySet<string> = new Set();

/** The sheets that must exist in this execution (set once per execution, from the record). */
export function expectSystemSheets(recorded: string | null): void {
  expected = new Set(recordedSheets(recorded));
}

/** The names recorded, as expectSystemSheets reads them. */
export function recordedSheets(recorded: string | null): string[] {
  return (recorded ?? '').split('\n').filter((n) => n !== '');
}

export class MissingSystemSheet extends Error {
  constructor(readonly sheet: string) {
    super(
      `The sheet "${sheet}" is missing (renamed or deleted). Nothing was written. Rename the tab back to "${sheet}" (or restore it from File > Version history); the waiting work then resumes. / シート「${sheet}」が見つかりません（名前の変更または削除）。何も書き込んでいません。タブ名を「${sheet}」に戻してください（削除した場合は「ファイル > 変更履歴」から復元）。戻せば処理は再開されます。`,
    );
    this.name = 'MissingSystemSheet';
  }
}

/** Throws when `name` is a system sheet set-up recorded: it may not be made again here. */
export function refuseToRecreate(name: string): void {
  if (expected.has(name)) throw new MissingSystemSheet(name);
}

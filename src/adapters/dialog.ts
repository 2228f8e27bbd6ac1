// A message to staff: a dialog in the spreadsheet, or the execution log when there is no UI
// (a trigger, the editor).
export function showToStaff(title: string, message: string): void {
  try {
    SpreadsheetApp.getUi().alert(title, message, SpreadsheetApp.getUi().ButtonSet.OK);
  } catch (_e) {
    console.log(`${title}\n${message}`);
  }
}

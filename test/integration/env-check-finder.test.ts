// The environment check's TextFinder probe through the built bundle: in the scratch sheet it
// writes IDs typed tolerantly, recipient keys, a number shown as an ID, a row hidden by hand and
// one hidden by a filter, and searches them with the product's own patterns as every lookup does
// (src/adapters/env-check-finder.ts). The local runtime, modelled on "Class TextFinder" (findAll
// "Returns all cells matching the search criteria"; silent on hidden rows: the runtime finds
// them), passes; a Google that skipped the rows a filter hides, or one that fails, is reported.
import { LocalRange, LocalSheet, LocalSpreadsheet } from '../../local/runtime/spreadsheet';
import { failedExecutions, freshGlobalsInThisFile, office } from './helpers';

freshGlobalsInThisFile();

afterEach(() => {
  jest.restoreAllMocks();
});

/** A Google whose TextFinder leaves out the rows a filter hides (a fake of another Google). */
function skipFilteredRows(proto: LocalSheet | LocalSpreadsheet): void {
  const create = proto.createTextFinder;
  jest.spyOn(proto, 'createTextFinder').mockImplementation(function (
    this: LocalSheet | LocalSpreadsheet,
    text: string,
  ) {
    const finder = create.call(this, text);
    const findAll = finder.findAll.bind(finder);
    finder.findAll = () => findAll().filter((r) => !r.getSheet().filter?.hidesRow(r.getRow()));
    return finder;
  });
}

const sheetNames = (o: ReturnType<typeof office>) => o.ss.getSheets().map((s) => s.getName());

test('on the local runtime the five TextFinder probes are as expected, in the scratch sheet the check removes', () => {
  const o = office();
  const before = sheetNames(o);
  const report = String(o.rt.run('checkEnvironment'));
  expect(sheetNames(o)).toEqual(before);
  const lines = report.split('\n').filter((l) => l.includes('Sheets TextFinder'));
  expect(lines).toEqual([
    '✓ expected / 想定どおり — Sheets TextFinder: the ID BN-00012 typed in any width, with spaces, without zeros or after an apostrophe is found, BN-000120 is not / 全角・空白・0の省略・先頭のアポストロフィでも BN-00012 が見つかり、BN-000120 は見つからない: found "ｂｎ－００１２", "BN 12", "\'bn-0012", "\'BN-00012" (Plain text); not "BN-000120"',
    '✓ expected / 想定どおり — Sheets TextFinder: a recipient key is found as the whole cell in any case, not inside other text / 受給者キーはセル全体で大文字・小文字を問わず見つかり、他の文字の中では見つからない: found "hanako tanaka#1980" (Plain text), "Hanako Tanaka#1980" (Plain text); not "see hanako tanaka#1980" (Plain text)',
    '✓ expected / 想定どおり — Sheets TextFinder: the number 12 formatted as "BN-"00000 is found by the text it shows, BN-00012 / 表示形式で BN-00012 と表示される数値 12 が表示どおりに見つかる: found 12 ("BN-"00000)',
    '✓ expected / 想定どおり — Sheets TextFinder: a cell in a hidden row (Hide row) is found / 非表示にした行のセルも見つかる: found "BN-00012"',
    '✓ expected / 想定どおり — Sheets TextFinder: a cell in a row a filter hides is found / フィルタで隠れた行のセルも見つかる: found "bn-00012"',
  ]);
  expect(failedExecutions(o)).toEqual([]);
});

test('a Google whose TextFinder skipped the rows a filter hides: that probe is DIFFERENT and says to remove the filters and send the report, in both languages', () => {
  const o = office();
  // Both scopes searchTables uses: one sheet, the whole spreadsheet.
  skipFilteredRows(LocalSheet.prototype);
  skipFilteredRows(LocalSpreadsheet.prototype);
  const report = String(o.rt.run('checkEnvironment'));
  expect(report).toMatch(
    /✗ DIFFERENT \/ 想定と違う — Sheets TextFinder: a cell in a row a filter hides is found[^\n]*"bn-00012" not found, expected found[^\n]*remove the filters from the system sheets[^\n]*フィルタを解除してください/,
  );
  expect(report).toContain(
    '✓ expected / 想定どおり — Sheets TextFinder: a cell in a hidden row (Hide row) is found',
  );
  expect(report).toMatch(/\n[^\n]*, 1 different, /);
  expect(report).toContain('このレポートを設置担当者に送ってください');
});

test('a Google where making the filter fails: one DIFFERENT TextFinder line, every other probe still reported, the scratch sheet removed', () => {
  const o = office();
  const before = sheetNames(o);
  jest.spyOn(LocalRange.prototype, 'createFilter').mockImplementation(() => {
    throw new Error('Exception: Service error: Spreadsheets');
  });
  const report = String(o.rt.run('checkEnvironment'));
  expect(report).toContain(
    '✗ DIFFERENT / 想定と違う — Sheets TextFinder: the lookups the system makes / システムの検索: Exception: Service error: Spreadsheets',
  );
  expect(report).toContain("Sheets: the spreadsheet's time zone is Asia/Tokyo");
  expect(report).toContain('Mail: quota left today');
  expect(sheetNames(o)).toEqual(before);
  expect(failedExecutions(o)).toEqual([]);
});

// The environment check's TextFinder probe, judged (src/domain/finder-probe.ts): each probe's
// cells against the expectations written by hand from RULES R5 (IDs typed any way), R13/R14
// (recipient keys, whole cell, any case) and the runtime's model of TextFinder (display text;
// hidden and filtered rows found: the reference, "Class TextFinder", is silent on both).
import { FINDER_PROBES, type FinderSeen, judgeFinder } from '../../src/domain/finder-probe';

const byName = (part: string) => {
  const probe = FINDER_PROBES.find((p) => p.name.includes(part));
  if (!probe) throw new Error(`no probe ${part}`);
  return probe;
};

test('the probes and their cells, as written by hand', () => {
  expect(FINDER_PROBES.map((p) => p.cells.map((c) => [c.write, c.place, c.found]))).toEqual([
    [
      ['ｂｎ－００１２', 'visible', true],
      ['BN 12', 'visible', true],
      ["'bn-0012", 'visible', true],
      ["'BN-00012", 'visible', true],
      ['BN-000120', 'visible', false],
    ],
    [
      ['hanako tanaka#1980', 'visible', true],
      ['Hanako Tanaka#1980', 'visible', true],
      ['see hanako tanaka#1980', 'visible', false],
    ],
    [[12, 'visible', true]],
    [['BN-00012', 'hidden by hideRows', true]],
    [['bn-00012', 'hidden by a filter', true]],
  ]);
});

test('every cell as expected: expected, naming what was found and what was not', () => {
  const probe = byName('the ID BN-00012');
  const seen: FinderSeen[] = [
    { found: true },
    { found: true },
    { found: true },
    { found: true },
    { found: false },
  ];
  expect(judgeFinder(probe, seen)).toEqual({
    name: probe.name,
    verdict: 'expected',
    detail:
      'found "ｂｎ－００１２", "BN 12", "\'bn-0012", "\'BN-00012" (Plain text); not "BN-000120"',
  });
});

test('a full-width ID not found, or BN-000120 found: different, with what it means', () => {
  const probe = byName('the ID BN-00012');
  const r = judgeFinder(probe, [
    { found: false },
    { found: true },
    { found: true },
    { found: true },
    { found: true },
  ]);
  expect(r.verdict).toBe('different');
  expect(r.detail).toContain('"ｂｎ－００１２" not found, expected found');
  expect(r.detail).toContain('"BN-000120" found, expected not found');
  expect(r.detail).toContain('IDs typed by staff may not be found');
  expect(r.detail).toContain('入力したIDが見つからないことがあります');
});

test('a row a filter hides not found: different, telling staff in both languages to remove the filters and send the report', () => {
  const probe = byName('a filter hides');
  const r = judgeFinder(probe, [{ found: false, hidden: true }]);
  expect(r.verdict).toBe('different');
  expect(r.detail).toContain('"bn-00012" not found, expected found');
  expect(r.detail).toContain('remove the filters from the system sheets');
  expect(r.detail).toContain('システムのシートのフィルタを解除してください');
  expect(r.detail).toContain('send this report to the person who maintains the system');
  expect(r.detail).toContain('このレポートを担当者に送ってください');
});

test('a hidden row not found: different, telling staff to show every row', () => {
  const r = judgeFinder(byName('a hidden row'), [{ found: false, hidden: true }]);
  expect(r.verdict).toBe('different');
  expect(r.detail).toContain('show every row of the system sheets');
  expect(r.detail).toContain('行をすべて表示してください');
});

test('a row Google did not hide tested nothing: different, even though the cell was found', () => {
  const r = judgeFinder(byName('a filter hides'), [{ found: true, hidden: false }]);
  expect(r.verdict).toBe('different');
  expect(r.detail).toContain('the row was not hidden by a filter, so this was not tested');
});

test('the recipient key inside other text found: different (the search is no longer whole-cell)', () => {
  const r = judgeFinder(byName('recipient key'), [
    { found: true },
    { found: true },
    { found: true },
  ]);
  expect(r.verdict).toBe('different');
  expect(r.detail).toContain('"see hanako tanaka#1980" (Plain text) found, expected not found');
  expect(r.detail).toContain('R13, R14');
});

test('a cell the adapter did not report is different, never expected', () => {
  const r = judgeFinder(byName('formatted as'), []);
  expect(r).toMatchObject({ verdict: 'different' });
  expect(r.detail).toContain('12 ("BN-"00000) not searched');
});

test('a cell only the spreadsheet-wide search misses (a submission searching several tables): different, naming that search', () => {
  const r = judgeFinder(byName('a filter hides'), [
    { found: true, foundWide: false, hidden: true },
  ]);
  expect(r.verdict).toBe('different');
  expect(r.detail).toContain('"bn-00012" not found by the spreadsheet-wide search, expected found');
  const sheetOnly = judgeFinder(byName('a hidden row'), [
    { found: false, foundWide: true, hidden: true },
  ]);
  expect(sheetOnly.detail).toContain('"BN-00012" not found by the sheet search, expected found');
  expect(
    judgeFinder(byName('a hidden row'), [{ found: true, foundWide: true, hidden: true }]).verdict,
  ).toBe('expected');
});

// The local TextFinder against its reference ("Class TextFinder",
// https://developers.google.com/apps-script/reference/spreadsheet/text-finder): defaults
// (case-insensitive, partial), matchEntireCell, matchCase, useRegularExpression, the search
// scopes (spreadsheet, sheet, range), display values, and the counting of its calls.
import { RuntimeContext } from '../../local/runtime/context';
import {
  type LocalSheet,
  type LocalSpreadsheet,
  SpreadsheetService,
} from '../../local/runtime/spreadsheet';

let ctx: RuntimeContext;
let ss: LocalSpreadsheet;
let members: LocalSheet;
let other: LocalSheet;

beforeEach(() => {
  ctx = new RuntimeContext({ now: Date.UTC(2024, 6, 30), timeZone: 'Asia/Tokyo' });
  const app = new SpreadsheetService(ctx);
  ss = app.createSpreadsheet('Bansou Net');
  app.setContainer(ss);
  members = ss.getSheets()[0];
  members.setName('Members');
  members.getRange(1, 1, 4, 3).setValues([
    ['ID', 'Email', 'Note'],
    ['BN-00001', 'a@example.org', 'see BN-00002'],
    ['BN-00002', 'B@Example.org', ''],
    ['bn-00003', 'c@example.org', 12],
  ]);
  other = ss.insertSheet('Ledger');
  other.getRange(1, 1, 2, 2).setValues([
    ['ID', 'Amount'],
    ['BN-00002', 4000],
  ]);
});

const where = (ranges: { getSheet(): LocalSheet; getA1Notation(): string }[]) =>
  ranges.map((r) => `${r.getSheet().localName()}!${r.getA1Notation()}`);

describe('TextFinder (Apps Script reference: Class TextFinder)', () => {
  test('by default the search is partial and case-insensitive, over every sheet in tab order', () => {
    expect(where(ss.createTextFinder('bn-00002').findAll())).toEqual([
      'Members!C2',
      'Members!A3',
      'Ledger!A2',
    ]);
  });

  test('matchEntireCell(true) matches only cells whose whole text is the search text', () => {
    expect(where(ss.createTextFinder('BN-00002').matchEntireCell(true).findAll())).toEqual([
      'Members!A3',
      'Ledger!A2',
    ]);
  });

  test('matchCase(true) tells upper from lower case', () => {
    expect(where(members.createTextFinder('b@example.org').findAll())).toEqual(['Members!B3']);
    expect(members.createTextFinder('b@example.org').matchCase(true).findAll()).toEqual([]);
    expect(where(members.createTextFinder('BN-00003').matchCase(false).findAll())).toEqual([
      'Members!A4',
    ]);
  });

  test('useRegularExpression(true) reads the text as a regular expression, anchored by ^ and $', () => {
    const found = members
      .createTextFinder('^(?:BN-00001|BN-00003)$')
      .useRegularExpression(true)
      .findAll();
    expect(where(found)).toEqual(['Members!A2', 'Members!A4']);
  });

  test('a sheet finder searches that sheet only; a range finder that range only', () => {
    expect(where(other.createTextFinder('BN-00002').findAll())).toEqual(['Ledger!A2']);
    expect(where(members.getRange('A2:A4').createTextFinder('BN').findAll())).toEqual([
      'Members!A2',
      'Members!A3',
      'Members!A4',
    ]);
  });

  test('numbers are found by the text they display; empty cells never match', () => {
    expect(where(members.createTextFinder('12').matchEntireCell(true).findAll())).toEqual([
      'Members!C4',
    ]);
    expect(members.createTextFinder('^$').useRegularExpression(true).findAll()).toEqual([]);
  });

  test('findNext walks the matches in order and returns null after the last; getCurrentMatch is the last found', () => {
    const finder = members.createTextFinder('example.org');
    expect(finder.findNext()?.getA1Notation()).toBe('B2');
    expect(finder.findNext()?.getA1Notation()).toBe('B3');
    expect(finder.getCurrentMatch()?.getA1Notation()).toBe('B3');
    expect(finder.findNext()?.getA1Notation()).toBe('B4');
    expect(finder.findNext()).toBeNull();
    expect(finder.findPrevious()?.getA1Notation()).toBe('B3');
  });

  test('the empty text is refused', () => {
    expect(() => members.createTextFinder('')).toThrow();
  });

  test('every TextFinder method is a counted Spreadsheet call; no cell value is read', () => {
    const before = ctx.counter.counts.calls.Spreadsheet;
    const cellsBefore = ctx.counter.counts.cellsRead;
    members.createTextFinder('BN').useRegularExpression(true).matchCase(true).findAll();
    expect(ctx.counter.counts.calls.Spreadsheet - before).toBe(4);
    expect(ctx.counter.counts.byMethod['Spreadsheet.findAll']).toBe(1);
    expect(ctx.counter.counts.cellsRead - cellsBefore).toBe(0);
  });
});

// "Check this Google environment / 環境チェック" (#17) through the built bundle: the local
// runtime, our stand-in for Google, passes every probe; the triggers report on their next run.
import { failedExecutions, freshGlobalsInThisFile, office } from './helpers';

// Each execution starts with a fresh global scope, as in Apps Script (helpers.ts).
freshGlobalsInThisFile();

function sheetNames(o: ReturnType<typeof office>): string[] {
  return o.ss.getSheets().map((s) => s.getName());
}

describe.each(['keep', 'drop'] as const)(
  'the environment check (Plain-text cells %s the apostrophe)',
  (mode) => {
    test('every probe is as expected; the trigger kinds are pending until the triggers ran, then expected', () => {
      const o = office({ textCellApostrophe: mode });
      o.register({ email: 'a@example.org', name: 'Aiko' });
      o.apply({ email: 'a@example.org', id: 'BN-00001' });
      o.rt.advanceBy(60_000);
      const before = sheetNames(o);
      const first = String(o.rt.run('checkEnvironment'));
      expect(sheetNames(o)).toEqual(before); // the scratch sheet is gone
      expect(first).not.toContain('DIFFERENT');
      expect(first).toMatch(/0 different, 2 pending/);
      expect(first).toContain(`This Google ${mode}s a leading apostrophe`);
      expect(first).toContain('✓ expected / 想定どおり — Sheets: "00012" into a General cell');
      expect(first).toContain("Forms: application / 申請 form's latest response");
      expect(first).toContain('(CHECKBOX)');
      expect(first).toContain('(DATE): "2023-07-20"');
      expect(first).toContain('(TIME): "10:00"');
      expect(first).toContain(`Triggers: owner / トリガーの所有者: ${o.staffEmail}`);
      // The triggers record their next runs: a form submission and the hourly sweep.
      o.rt.advanceBy(60_000);
      o.register({ email: 'b@example.org', name: 'Ben' });
      o.rt.advanceBy(2 * 3_600_000);
      const second = String(o.rt.run('checkEnvironment'));
      // 43 probes: 38 before the TextFinder probe's 5 (env-check-finder.test.ts).
      expect(second).toMatch(/\n43 expected, 0 different, 0 pending \//);
      expect(second).toContain(
        'a form-submit trigger reaches the office spreadsheet / フォーム送信トリガーがスプレッドシートに届く',
      );
      expect(failedExecutions(o)).toEqual([]);
    });
  },
);

test('what differs is reported as different, in both languages: no mail quota left, run by a second account', () => {
  const o = office({ dailyMailQuota: 0 });
  const report = String(o.rt.runAs('volunteer@bansou.example.org', 'checkEnvironment'));
  expect(report).toContain('✗ DIFFERENT / 想定と違う — Mail: quota left today');
  expect(report).toContain('owned by office@bansou.example.org');
  expect(report).toContain('このレポートを設置担当者に送ってください');
});

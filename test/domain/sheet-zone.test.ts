import {
  alignedLine,
  hoursBehindTokyo,
  judgeZone,
  keptWarning,
  planSheetZone,
  staffWallClock,
} from '../../src/domain/sheet-zone';

describe('the spreadsheet zone at set-up', () => {
  test('Tokyo needs nothing; another zone is set to Tokyo while no system sheet holds data; with data it is kept', () => {
    expect(planSheetZone('Asia/Tokyo', ['Members'])).toEqual({ kind: 'same' });
    expect(planSheetZone('America/Los_Angeles', [])).toEqual({
      kind: 'align',
      from: 'America/Los_Angeles',
    });
    expect(planSheetZone('UTC', ['Members', 'Log'])).toEqual({
      kind: 'keep',
      zone: 'UTC',
      sheetsWithData: ['Members', 'Log'],
    });
  });

  test('the report line and the warning name the zone, in English and Japanese, with the shift', () => {
    expect(alignedLine('UTC')).toContain('was UTC; set-up set it to Asia/Tokyo');
    const w = keptWarning('America/Los_Angeles', ['Members'], 16);
    expect(w.en).toContain("the spreadsheet's time zone is America/Los_Angeles, not Asia/Tokyo");
    expect(w.en).toContain('(Members)');
    expect(w.en).toContain('would move (16 hours earlier)');
    expect(w.ja).toContain('America/Los_Angeles です');
    expect(w.ja).toContain('（16時間前に）');
    expect(keptWarning('Australia/Sydney', [], -1).en).toContain('(1 hour later)');
    expect(keptWarning('UTC', [], null).en).not.toContain('hours');
  });
});

describe('a date or time staff typed, as Tokyo reads it', () => {
  test('the wall-clock reading in the spreadsheet zone is taken as the same reading in Tokyo', () => {
    // 2024-05-10 00:00 typed in any zone is 2024-05-09 15:00 UTC (Tokyo midnight).
    expect(staffWallClock('2024-05-10T00:00:00.000')).toBe(Date.UTC(2024, 4, 9, 15));
    // A time-only cell: 19:00 on 1899-12-30 is 10:00 UTC that day in Tokyo (+9 since 1888).
    expect(staffWallClock('1899-12-30T19:00:00.000')).toBe(Date.UTC(1899, 11, 30, 10));
    expect(staffWallClock('2024-05-10 00:00')).toBeNull();
  });

  test('hours behind Tokyo: Los Angeles in summer 16, Sydney in winter -1, UTC 9', () => {
    const now = Date.UTC(2024, 6, 1, 3); // 12:00 in Tokyo
    expect(hoursBehindTokyo(now, '2024-06-30T20:00:00.000')).toBe(16);
    expect(hoursBehindTokyo(now, '2024-07-01T13:00:00.000')).toBe(-1);
    expect(hoursBehindTokyo(now, '2024-07-01T03:00:00.000')).toBe(9);
  });
});

describe('the environment check of the zone', () => {
  const tokyoDate = (iso: string) => new Date(Date.parse(`${iso}+09:00`));
  test('Tokyo, with 2024/05/10 and 19:00 read back as Tokyo midnight and 19:00 on 1899-12-30: both expected', () => {
    const [zone, typed] = judgeZone('Asia/Tokyo', {
      day: tokyoDate('2024-05-10T00:00:00'),
      time: tokyoDate('1899-12-30T19:00:00'),
    });
    expect(zone.verdict).toBe('expected');
    expect(typed).toMatchObject({ verdict: 'expected', detail: 'same' });
  });

  test('another zone is different; a time read an hour off is different and says what was read', () => {
    const [zone, typed] = judgeZone('Australia/Sydney', {
      day: tokyoDate('2024-05-09T23:00:00'),
      time: tokyoDate('1899-12-30T18:00:00'),
    });
    expect(zone.verdict).toBe('different');
    expect(zone.detail).toContain('Australia/Sydney: run Set up / check');
    expect(typed).toMatchObject({ verdict: 'different', detail: 'read as 2024-05-09 18:00' });
    expect(judgeZone('UTC', { day: '2024/05/10', time: '' })[1].detail).toBe('read as 2024-05-10 ');
  });

  test('the typed cells are read as the Sessions sheet reads them: a day left as text still reads as that day, a time that is no time is different', () => {
    expect(judgeZone('Asia/Tokyo', { day: '2024/05/10', time: '19:00' })[1]).toMatchObject({
      verdict: 'expected',
    });
    expect(judgeZone('Asia/Tokyo', { day: '2024/05/10', time: 'x' })[1]).toMatchObject({
      verdict: 'different',
      detail: 'read as 2024-05-10 x',
    });
  });
});

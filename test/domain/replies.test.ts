import { autoReplyAllowed } from '../../src/domain/replies';

const tokyo = (s: string) => Date.parse(`${s}+09:00`);

describe('auto-reply limit per address and Tokyo day (R29)', () => {
  test.each([
    ['never replied', null, null, '2024-07-01T10:00:00', 1, true, 1],
    [
      'replied earlier the same day, limit 1',
      '2024-07-01T00:10:00',
      1,
      '2024-07-01T23:50:00',
      1,
      false,
      2,
    ],
    [
      'replied the evening before (Tokyo), limit 1',
      '2024-06-30T23:59:00',
      1,
      '2024-07-01T00:01:00',
      1,
      true,
      1,
    ],
    ['second of three allowed', '2024-07-01T09:00:00', 1, '2024-07-01T10:00:00', 3, true, 2],
    ['fourth when three are allowed', '2024-07-01T09:00:00', 3, '2024-07-01T10:00:00', 3, false, 4],
  ])('%s', (_name, last, count, now, limit, allowed, countAfter) => {
    const r = autoReplyAllowed(
      last ? tokyo(last as string) : null,
      count as number | null,
      tokyo(now as string),
      limit as number,
    );
    expect(r).toEqual({ allowed, countAfter });
  });
});

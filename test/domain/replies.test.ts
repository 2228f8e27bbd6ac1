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

describe('auto-reply limit: records without a time or a count (R29)', () => {
  test('a reply earlier that day whose count was not recorded counts as one', () => {
    const r = autoReplyAllowed(tokyo('2024-07-01T09:00:00'), null, tokyo('2024-07-01T10:00:00'), 1);
    expect(r).toEqual({ allowed: false, countAfter: 2 });
  });

  test('an address never replied to is allowed on any day, the first day of the clock (1970-01-01) included', () => {
    // No last reply is no day: it is not "the same day" as a time on 1970-01-01 in Tokyo.
    const r = autoReplyAllowed(null, null, tokyo('1970-01-01T12:00:00'), 1);
    expect(r).toEqual({ allowed: true, countAfter: 1 });
  });
});

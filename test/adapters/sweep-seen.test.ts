// The hourly sweep's memory of confirmed responses (issue #15): read back as written, compared
// by version, kept to the next window, and bounded by the Properties limits (Apps Script quotas:
// "Properties value size 9 KB / val", "Properties total storage 500 KB / property store").
import type { ScriptProps } from '../../src/adapters/props';
import {
  addSeen,
  confirmed,
  readSeen,
  SEEN_MAX_BYTES,
  type Seen,
  seenValue,
  utf8Bytes,
} from '../../src/adapters/sweep-seen';

function props(values: Record<string, string>): ScriptProps {
  return {
    get: (key: string) => values[key] ?? null,
    withPrefix: (prefix: string) =>
      Object.fromEntries(Object.entries(values).filter(([k]) => k.startsWith(prefix))),
  } as unknown as ScriptProps;
}

/** A response ID as long as Google's (about 70 characters). */
const longId = (n: number) => `2_ABaOnud${String(n).padStart(4, '0')}${'x'.repeat(57)}`;

describe('the sweep memory', () => {
  test('an entry is the response time in base 36, a dot and the response ID; entries are space-separated and read back as written', () => {
    const seen: Seen = new Map([
      ['2_R0000000b', 1_689_897_600_000],
      ['2_R0000000c', 1_689_897_900_000],
    ]);
    // 1,689,897,600,000 in base 36 is lkbtedc0; 1,689,897,900,000 (300,000 more: 6fhc in base 36) is lkbtkstc.
    expect(seenValue('application', seen, 0)).toBe('lkbtkstc.2_R0000000c lkbtedc0.2_R0000000b');
    const back = readSeen(
      props({ 'sweep.seen.application': 'lkbtkstc.2_R0000000c lkbtedc0.2_R0000000b' }),
      'application',
    );
    expect([...back]).toEqual([
      ['2_R0000000c', 1_689_897_900_000],
      ['2_R0000000b', 1_689_897_600_000],
    ]);
  });

  test('a missing or damaged value reads as an empty memory or skips the damaged entries', () => {
    expect(readSeen(props({}), 'registration').size).toBe(0);
    const back = readSeen(
      props({ 'sweep.seen.registration': 'junk .x lkbtedc0. zz!.y lkbtedc0.2_R1' }),
      'registration',
    );
    expect([...back]).toEqual([['2_R1', 1_689_897_600_000]]);
  });

  test('a response is confirmed only at the version remembered (within the second Sheets may round to); an edit, later, is not', () => {
    const seen: Seen = new Map([['2_R1', 1_000_000]]);
    expect(confirmed(seen, '2_R1', 1_000_000)).toBe(true);
    expect(confirmed(seen, '2_R1', 1_000_999)).toBe(true);
    expect(confirmed(seen, '2_R1', 1_001_000)).toBe(false);
    expect(confirmed(seen, '2_R2', 1_000_000)).toBe(false);
    expect(confirmed(undefined, '2_R1', 1_000_000)).toBe(false);
  });

  test('only the responses the next window holds are kept (from its start on); none left: nothing to write', () => {
    const seen: Seen = new Map([
      ['old', 999],
      ['edge', 1_000],
      ['new', 2_000],
    ]);
    expect(seenValue('course', seen, 1_000)).toBe('1jk.new rs.edge');
    expect(seenValue('course', seen, 3_000)).toBeNull();
  });

  test('with Google-length response IDs the value stays under 8,000 bytes, key included: the newest are kept, the oldest dropped', () => {
    const seen: Seen = new Map();
    for (let i = 0; i < 200; i++) seen.set(longId(i), 1_700_000_000_000 + i * 60_000);
    const value = seenValue('application', seen, 0) ?? '';
    expect(utf8Bytes('sweep.seen.application') + utf8Bytes(value)).toBeLessThanOrEqual(8_000);
    expect(SEEN_MAX_BYTES).toBe(8_000);
    const kept = readSeen(props({ 'sweep.seen.application': value }), 'application');
    // 22 bytes of key; each entry 8 + 1 + 70 characters and a space: 99 entries fit.
    expect(kept.size).toBe(99);
    expect(kept.has(longId(199))).toBe(true);
    expect(kept.has(longId(101))).toBe(true);
    expect(kept.has(longId(100))).toBe(false);
  });

  test('the memory joins the marks’ one write only where it changed, and not at all when the store would pass 450,000 bytes', () => {
    const seen: Seen = new Map([['2_R1', 1_000]]);
    const memories = new Map([['application' as const, { seen, from: 0 }]]);
    const values: Record<string, string> = { 'sweep.mark.application': '5000' };
    addSeen(props({}), values, memories);
    expect(values).toEqual({
      'sweep.mark.application': '5000',
      'sweep.seen.application': 'rs.2_R1',
    });

    const unchanged: Record<string, string> = {};
    addSeen(props({ 'sweep.seen.application': 'rs.2_R1' }), unchanged, memories);
    expect(unchanged).toEqual({});

    const full: Record<string, string> = {};
    addSeen(props({ big: 'x'.repeat(449_990) }), full, memories);
    expect(full).toEqual({});
  });
});

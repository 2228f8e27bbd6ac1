import fc from 'fast-check';
import {
  formatterFor,
  offsetFromParts,
  offsetFromText,
  utcToWall,
  wallTime,
  wallToUtc,
  zoneOffset,
} from '../../local/runtime/zone';

// An uncached reference: the zone's offset straight from Intl at every call.
const referenceFormatters = new Map<string, Intl.DateTimeFormat>();
function referenceOffset(ms: number, timeZone: string): number {
  let f = referenceFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    referenceFormatters.set(timeZone, f);
  }
  const p: Record<string, string> = {};
  for (const part of f.formatToParts(ms)) p[part.type] = part.value;
  const year = p.era === 'BC' || p.era === 'B' ? 1 - Number(p.year) : Number(p.year);
  const d = new Date(0);
  d.setUTCFullYear(year, Number(p.month) - 1, Number(p.day));
  d.setUTCHours(Number(p.hour), Number(p.minute), Number(p.second), 0);
  return d.getTime() - Math.floor(ms / 1000) * 1000;
}
function referenceWallToUtc(wall: number, timeZone: string): number {
  const first = wall - referenceOffset(wall, timeZone);
  return wall - referenceOffset(first, timeZone);
}

// Zones with DST, a 30-minute DST shift, a 45-minute offset and local mean time before 1900
// (offsets with seconds, which are not whole 15-minute buckets).
const ZONES = [
  'Asia/Tokyo',
  'America/Los_Angeles',
  'Europe/London',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'UTC',
];
const FROM = wallTime(1850, 1, 1);
const TO = wallTime(2040, 12, 31);

describe('zone arithmetic (what Session/Spreadsheet time zones and Utilities.formatDate rely on)', () => {
  test('the offset read from the formatted text equals the one read from its parts, for any instant (BC years and years below 1000 too)', () => {
    // The text is what formatToParts stands for ("M/D/Y E, HH:mm:ss"): the quick path must give
    // the same offset, never fall back on a text it misreads.
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: -8_640_000_000_000, max: 8_640_000_000_000 }),
        (zone, seconds) => {
          const ms = seconds * 1000;
          const formatter = formatterFor(zone);
          expect(offsetFromText(ms, formatter)).toBe(offsetFromParts(ms, formatter));
        },
      ),
      { numRuns: 3000 },
    );
    const tokyo = formatterFor('Asia/Tokyo');
    // 1 BC (year 0) and 44 BC: the era turns the year round.
    for (const ms of [wallTime(0, 3, 1, 12), wallTime(-43, 3, 15, 12), wallTime(99, 12, 31, 23)])
      expect(offsetFromText(ms, tokyo)).toBe(offsetFromParts(ms, tokyo));
  });

  test('wallToUtc equals the two-pass answer computed afresh with Intl, for any wall time', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: FROM / 1000, max: TO / 1000 }),
        (zone, seconds) => {
          const wall = seconds * 1000;
          expect(wallToUtc(wall, zone)).toBe(referenceWallToUtc(wall, zone));
        },
      ),
      { numRuns: 3000 },
    );
  });

  test('wallToUtc is right minute by minute across DST changes and local-mean-time years', () => {
    const days: [string, number, number, number][] = [
      ['America/Los_Angeles', 2024, 3, 10], // spring forward: 02:00-02:59 does not exist
      ['America/Los_Angeles', 2024, 11, 3], // fall back: 01:00-01:59 happens twice
      ['Australia/Lord_Howe', 2024, 4, 7], // 30-minute change
      ['Australia/Lord_Howe', 2024, 10, 6],
      ['Europe/London', 2024, 3, 31],
      ['America/Los_Angeles', 1883, 11, 18], // local mean time -7:52:58 ends at noon
      ['Asia/Tokyo', 1887, 12, 31], // local mean time +9:18:59 ends at midnight
    ];
    for (const [zone, y, m, d] of days) {
      for (let minute = -60; minute < 25 * 60; minute += 1) {
        const wall = wallTime(y, m, d) + minute * 60_000 + 17_000;
        expect([zone, wall, wallToUtc(wall, zone)]).toEqual([
          zone,
          wall,
          referenceWallToUtc(wall, zone),
        ]);
      }
    }
  });

  test('zoneOffset and utcToWall agree with Intl for any instant', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: FROM, max: TO }), (zone, ms) => {
        expect(zoneOffset(ms, zone)).toBe(referenceOffset(ms, zone));
        expect(utcToWall(ms, zone)).toBe(ms + referenceOffset(ms, zone));
      }),
      { numRuns: 3000 },
    );
  });
});

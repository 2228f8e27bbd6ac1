import * as vm from 'node:vm';
import { RuntimeContext } from '../../local/runtime/context';
import { UtilitiesService } from '../../local/runtime/utilities';

function setup() {
  const ctx = new RuntimeContext({ now: Date.UTC(2024, 6, 30, 3, 0), timeZone: 'Asia/Tokyo' });
  return { ctx, utilities: new UtilitiesService(ctx) };
}

// 2024-07-30 03:00:05.045 UTC: Tuesday noon in Tokyo, Monday evening (PDT) in Los Angeles.
const instant = new Date(Date.UTC(2024, 6, 30, 3, 0, 5, 45));

describe('Utilities.formatDate (Java SimpleDateFormat patterns, Utilities reference)', () => {
  test("the same instant in Asia/Tokyo, UTC and America/Los_Angeles with 'yyyy-MM-dd'T'HH:mm:ssXXX'", () => {
    const { utilities } = setup();
    const pattern = "yyyy-MM-dd'T'HH:mm:ssXXX";
    expect(utilities.formatDate(instant, 'Asia/Tokyo', pattern)).toBe('2024-07-30T12:00:05+09:00');
    expect(utilities.formatDate(instant, 'UTC', pattern)).toBe('2024-07-30T03:00:05Z');
    expect(utilities.formatDate(instant, 'America/Los_Angeles', pattern)).toBe(
      '2024-07-29T20:00:05-07:00',
    );
  });

  test('Los Angeles switches between PST and PDT at the DST boundary', () => {
    const { utilities } = setup();
    const pattern = 'yyyy-MM-dd HH:mm z Z';
    // DST began on 2024-03-10 at 02:00 local (10:00 UTC).
    expect(
      utilities.formatDate(new Date(Date.UTC(2024, 2, 10, 9, 59)), 'America/Los_Angeles', pattern),
    ).toBe('2024-03-10 01:59 PST -0800');
    expect(
      utilities.formatDate(new Date(Date.UTC(2024, 2, 10, 10, 0)), 'America/Los_Angeles', pattern),
    ).toBe('2024-03-10 03:00 PDT -0700');
    expect(
      utilities.formatDate(new Date(Date.UTC(2024, 0, 15, 20)), 'America/Los_Angeles', pattern),
    ).toBe('2024-01-15 12:00 PST -0800');
  });

  test('month and day names in English, short and long (MMM, MMMM, E, EEE, EEEE)', () => {
    const { utilities } = setup();
    expect(utilities.formatDate(instant, 'Asia/Tokyo', 'E EEE EEEE, d MMM MMMM yyyy')).toBe(
      'Tue Tue Tuesday, 30 Jul July 2024',
    );
    expect(utilities.formatDate(instant, 'America/Los_Angeles', 'EEEE d MMMM')).toBe(
      'Monday 29 July',
    );
  });

  test('numeric fields: y, yy, M, MM, d, dd, H, HH, h, hh, m, mm, s, ss, S, SSS, a', () => {
    const { utilities } = setup();
    const date = new Date(Date.UTC(2024, 0, 5, 4, 7, 8, 9)); // 13:07:08.009 in Tokyo
    expect(utilities.formatDate(date, 'Asia/Tokyo', 'y yy M MM d dd')).toBe('2024 24 1 01 5 05');
    expect(utilities.formatDate(date, 'Asia/Tokyo', 'H HH h hh m mm s ss S SSS a')).toBe(
      '13 13 1 01 7 07 8 08 9 009 PM',
    );
    expect(utilities.formatDate(date, 'UTC', 'h:mm a')).toBe('4:07 AM');
    expect(utilities.formatDate(new Date(Date.UTC(2024, 0, 5, 0, 0)), 'UTC', 'hh a')).toBe('12 AM');
  });

  test('zone names and offsets: z, zzzz, Z, X, XX, XXX', () => {
    const { utilities } = setup();
    expect(utilities.formatDate(instant, 'Asia/Tokyo', 'z|zzzz|Z|X|XX|XXX')).toBe(
      'JST|Japan Standard Time|+0900|+09|+0900|+09:00',
    );
    expect(utilities.formatDate(instant, 'America/Los_Angeles', 'z|Z|XXX')).toBe(
      'PDT|-0700|-07:00',
    );
    expect(utilities.formatDate(instant, 'UTC', 'z|Z|X')).toBe('UTC|+0000|Z');
  });

  test("quoted text is literal and '' writes one quote", () => {
    const { utilities } = setup();
    expect(utilities.formatDate(instant, 'Asia/Tokyo', "h 'o''clock' a, ''yy")).toBe(
      "12 o'clock PM, '24",
    );
    expect(utilities.formatDate(instant, 'Asia/Tokyo', "yyyy'年'M'月'd'日'")).toBe('2024年7月30日');
  });

  test('an unknown time zone id falls back to GMT, as Java TimeZone.getTimeZone does', () => {
    const { utilities } = setup();
    expect(utilities.formatDate(instant, 'Mars/Olympus', 'HH:mm z')).toBe('03:00 GMT');
    expect(utilities.formatDate(instant, 'GMT+9', 'HH:mm z')).toBe('12:00 GMT+09:00');
  });

  test("an unknown pattern letter throws Java's 'Illegal pattern character'", () => {
    const { utilities } = setup();
    expect(() => utilities.formatDate(instant, 'UTC', 'yyyy-oo')).toThrow(
      "Illegal pattern character 'o'",
    );
  });

  test('a value that is not a Date throws the method-signature error (recognised without instanceof)', () => {
    const { utilities } = setup();
    expect(() => utilities.formatDate('2024-07-30' as unknown as Date, 'UTC', 'yyyy')).toThrow(
      "The parameters (String,String,String) don't match the method signature for Utilities.formatDate.",
    );
    // A Date made in another realm is still a Date.
    const foreign = vm.runInNewContext('new Date(Date.UTC(2024, 6, 30, 3, 0))') as Date;
    expect(utilities.formatDate(foreign, 'Asia/Tokyo', 'yyyy-MM-dd HH:mm')).toBe(
      '2024-07-30 12:00',
    );
  });

  test("does not depend on the machine time zone, over many consecutive minutes (speed is the bench's, not a test's)", () => {
    const { utilities } = setup();
    let last = '';
    for (let i = 0; i < 5000; i++) {
      last = utilities.formatDate(new Date(instant.getTime() + i * 60000), 'Asia/Tokyo', 'HH:mm');
    }
    expect(last).toBe('23:19'); // 12:00 + 4999 minutes = 3 days 83h19m later → 23:19
  });
});

describe('Utilities.formatString (sprintf-like, Utilities reference)', () => {
  test('%s, %d, %.2f, widths, zero padding and %%', () => {
    const { utilities } = setup();
    expect(utilities.formatString('%s: %d cases, %.2f yen', 'Sato', 3, 1234.5)).toBe(
      'Sato: 3 cases, 1234.50 yen',
    );
    expect(utilities.formatString('%05d|%-4s|%4s|%11.6f|100%%', 42, 'ab', 'cd', 12.5)).toBe(
      '00042|ab  |  cd|  12.500000|100%',
    );
  });
});

describe('Utilities.getUuid', () => {
  test('has the RFC 4122 version-4 shape, is unique, and the same seed gives the same sequence', () => {
    const { ctx, utilities } = setup();
    const first = [utilities.getUuid(), utilities.getUuid(), utilities.getUuid()];
    for (const uuid of first) {
      expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    expect(new Set(first).size).toBe(3);
    const again = new UtilitiesService(ctx);
    expect([again.getUuid(), again.getUuid(), again.getUuid()]).toEqual(first);
    const otherSeed = new UtilitiesService(ctx, { uuidSeed: 'other' });
    expect(otherSeed.getUuid()).not.toBe(first[0]);
  });
});

describe('Utilities.sleep', () => {
  test('advances the world clock instead of blocking', () => {
    const { ctx, utilities } = setup();
    const before = ctx.clock.now();
    utilities.sleep(1500);
    expect(ctx.clock.now()).toBe(before + 1500);
  });
});

describe('Utilities.computeDigest (returns signed bytes, Utilities reference)', () => {
  const toHex = (bytes: number[]) =>
    bytes.map((b) => ((b + 256) % 256).toString(16).padStart(2, '0')).join('');

  test('SHA_256, MD5 and SHA_1 of a string match the known digests', () => {
    const { utilities } = setup();
    const { SHA_256, MD5, SHA_1 } = utilities.DigestAlgorithm;
    expect(toHex(utilities.computeDigest(SHA_256, 'abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(toHex(utilities.computeDigest(MD5, 'abc'))).toBe('900150983cd24fb0d6963f7d28e17f72');
    expect(toHex(utilities.computeDigest(SHA_1, 'abc'))).toBe(
      'a9993e364706816aba3e25717850c26c9cd0d89d',
    );
  });

  test('bytes are Java bytes in -128..127', () => {
    const { utilities } = setup();
    const digest = utilities.computeDigest(utilities.DigestAlgorithm.SHA_256, 'abc');
    expect(digest).toHaveLength(32);
    expect(digest[0]).toBe(0xba - 256);
    expect(digest.every((b) => b >= -128 && b <= 127)).toBe(true);
  });

  test('the charset decides the bytes hashed: UTF_8 keeps Japanese, US_ASCII turns it into ?', () => {
    const { utilities } = setup();
    const { MD5 } = utilities.DigestAlgorithm;
    const utf8 = utilities.computeDigest(MD5, '伴走', utilities.Charset.UTF_8);
    expect(utilities.computeDigest(MD5, '伴走')).toEqual(utf8);
    expect(utilities.computeDigest(MD5, '伴走', utilities.Charset.US_ASCII)).toEqual(
      utilities.computeDigest(MD5, '??'),
    );
  });
});

describe('Utilities base64', () => {
  test('base64Encode and base64Decode round-trip UTF-8 text; decode gives signed bytes', () => {
    const { utilities } = setup();
    const encoded = utilities.base64Encode('伴走ネット');
    expect(encoded).toBe('5Ly06LWw44ON44OD44OI');
    const bytes = utilities.base64Decode(encoded);
    expect(bytes[0]).toBe(0xe4 - 256);
    expect(utilities.newBlob(bytes).getDataAsString()).toBe('伴走ネット');
  });

  test('base64EncodeWebSafe uses - and _ and keeps padding', () => {
    const { utilities } = setup();
    const data = [-5, -1, -65]; // 0xfb 0xff 0xbf
    expect(utilities.base64Encode(data)).toBe('+/+/');
    expect(utilities.base64EncodeWebSafe(data)).toBe('-_-_');
    expect(utilities.base64EncodeWebSafe('a')).toBe('YQ==');
  });

  test("a string that is not base64 throws 'Could not decode string.'", () => {
    const { utilities } = setup();
    expect(() => utilities.base64Decode('not base64!')).toThrow('Could not decode string.');
  });
});

describe('Utilities.newBlob', () => {
  test('keeps data, content type and name', () => {
    const { utilities } = setup();
    const blob = utilities.newBlob('明細', 'text/plain', 'statement.txt');
    expect(blob.getDataAsString()).toBe('明細');
    expect(blob.getBytes()).toHaveLength(6);
    expect(blob.getContentType()).toBe('text/plain');
    expect(blob.getName()).toBe('statement.txt');
  });
});

describe('call counting', () => {
  test("each Utilities method counts as a 'Utilities' call", () => {
    const { ctx, utilities } = setup();
    utilities.formatDate(instant, 'UTC', 'yyyy');
    utilities.getUuid();
    utilities.base64Encode('x');
    expect(ctx.counter.counts.calls.Utilities).toBe(3);
    expect(ctx.counter.counts.byMethod['Utilities.formatDate']).toBe(1);
  });
});

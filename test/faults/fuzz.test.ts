// Property-based fuzzing (fast-check) of every answer of both forms through the built bundle
// (RULES R25, R26, R27). Each property run is a fresh office world with a batch of generated
// registrations and applications; `npm run test:faults` runs ≥ 10,000 submissions.
import fc from 'fast-check';
import { batchArb, expectedCell, runBatch } from '../../local/faults/fuzz';
import { ZERO } from './helpers';

const SIZE = { registrations: 6, applications: 16 };

function holds(textForm: boolean, seed: number, numRuns: number): void {
  let n = 0;
  fc.assert(
    fc.property(batchArb(SIZE, textForm), (batch) => {
      const outcome = runBatch(batch, n++);
      const { examples, ...figures } = outcome.invariants;
      expect({ ...figures, examples }).toEqual({ ...ZERO, examples: [] });
      expect(outcome.alteredAnswers).toBe(0);
      expect(outcome.submissions).toBe(batch.registrations.length + batch.applications.length);
    }),
    { seed, numRuns },
  );
}

describe('fuzzed form answers', () => {
  test('the oracle: an answer is expected exactly as given up to 49,999 characters (the apostrophe is the 50,000th), and cut with the mark only past the cell limit', () => {
    expect(expectedCell('=HYPERLINK("x")')).toBe('=HYPERLINK("x")');
    expect(expectedCell(' \n\t ')).toBe(' \n\t ');
    expect(expectedCell(['日本語', 'English'])).toBe('日本語, English');
    expect(expectedCell(undefined)).toBe('');
    expect(expectedCell('伴'.repeat(40_000))).toBe('伴'.repeat(40_000));
    expect(expectedCell('a'.repeat(49_999))).toBe('a'.repeat(49_999));
    expect(expectedCell('a'.repeat(50_000))).toBe(`${'a'.repeat(49_987)}…[truncated]`);
  });

  test('random Unicode, full-width, emoji, RTL, 50,000-character, formula-prefixed, HTML and blank answers on the reference forms are each recorded once, stored exactly as given, never run as formulas, escaped in HTML mail and kept out of logs', () => {
    holds(false, 1, 14);
  });

  test('impossible dates and times on a variant application form with TEXT date/time questions (same titles) break nothing', () => {
    holds(true, 2, 14);
  });

  test('the answer generator covers the hostile shapes: formula prefixes, tags, blanks, 50,000 characters, RTL, emoji', () => {
    const sample = fc.sample(batchArb({ registrations: 30, applications: 60 }), {
      seed: 3,
      numRuns: 20,
    });
    const texts = sample
      .flatMap((b) => [
        ...b.registrations.flatMap((r) => Object.values(r.answers)),
        ...b.applications.flatMap((a) => Object.values(a.answers)),
      ])
      .filter((v): v is string => typeof v === 'string');
    expect(texts.some((t) => /^[=+\-@]/.test(t))).toBe(true);
    expect(texts.some((t) => /<(script|img|svg)/.test(t))).toBe(true);
    expect(texts.some((t) => t !== '' && t.trim() === '')).toBe(true);
    expect(texts.some((t) => t.length >= 49_987)).toBe(true);
    expect(texts.some((t) => /[\u0590-\u06ff]/.test(t))).toBe(true);
    expect(texts.some((t) => /\p{Extended_Pictographic}/u.test(t))).toBe(true);
    expect(texts.some((t) => /[\uff01-\uff5e]/.test(t))).toBe(true);
  });
});

/**
 * Seeded randomness shared by the demo, the bench seed and the fault scenarios: the same seed
 * gives the same data on every machine, so runs can be compared.
 */

/** mulberry32: a small, fast generator of numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A picker of one item of a non-empty list, drawing one number from `rand` per pick. */
export function picker(rand: () => number): <T>(list: readonly T[]) => T {
  return (list) => list[Math.floor(rand() * list.length)];
}

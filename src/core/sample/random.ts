/**
 * A small seeded pseudo-random generator (mulberry32) so sample data and benchmarks are reproducible
 * byte for byte on every machine. Not for cryptography.
 */
export type Random = () => number;

export function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal deviate (Box–Muller) from a uniform generator. */
export function normal(rand: Random): number {
  let u = 0;
  while (u === 0) u = rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

/** An integer in [lo, hi]. */
export function intBetween(rand: Random, lo: number, hi: number): number {
  return lo + Math.floor(rand() * (hi - lo + 1));
}

export function pickOne<T>(rand: Random, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)];
}

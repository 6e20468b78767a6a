/**
 * Seeded pseudo-random numbers for the benchmark data: the product's own generator (src/core/sample/random),
 * so sample data and benchmarks share one implementation. Deterministic on every machine.
 */
import { mulberry32, normal as normalDeviate, type Random } from "../src/core/sample/random";

export { mulberry32 };

/** A source of standard normal draws (Box–Muller) from a uniform generator. */
export function normal(rand: Random): () => number {
  return () => normalDeviate(rand);
}

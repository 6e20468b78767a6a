/** Things several cases share: sizes, the rule from the core's standard, loaders for the modules under test. */
import type { BenchOptions } from "../harness";
import type { KernelRule } from "../kernel";
import { tryLoad } from "../load";

export const FULL_SIZES = [10_000, 100_000, 1_048_575];
export const QUICK_SIZES = [10_000];
export const MAX_ROWS = 1_048_575; // Excel's 1,048,576 rows minus the header row
export const REVIEW_YEAR = 2025;

export function rosterSizes(opts: BenchOptions): number[] {
  return opts.sizes?.length ? opts.sizes : opts.quick ? QUICK_SIZES : FULL_SIZES;
}

/** The largest roster for the 1M cases (quick: 20k). */
export function bigSize(opts: BenchOptions): number {
  return opts.quick ? 20_000 : MAX_ROWS;
}

interface StandardsModule {
  standardForYear(year: number): { id: string; deprivationCutoff: number; rule: string };
  incomeLine(standard: unknown, area: "urban" | "rural", kind: "poor" | "near_poor" | "average"): number;
}

/** The 2022–2026 rule (Decree 07/2021) as numbers, read from the core's standards data. */
export function kernelRule(): { rule: KernelRule; standard: unknown } | { error: string } {
  const s = tryLoad<StandardsModule>("src/core/standards", ["standardForYear", "incomeLine"]);
  if (!s.ok) return { error: s.reason };
  const { standardForYear, incomeLine } = s.mod;
  const standard = standardForYear(REVIEW_YEAR);
  return {
    standard,
    rule: {
      lineRural: incomeLine(standard, "rural", "poor"),
      lineUrban: incomeLine(standard, "urban", "poor"),
      avgRural: incomeLine(standard, "rural", "average"),
      avgUrban: incomeLine(standard, "urban", "average"),
      cutoff: standard.deprivationCutoff,
    },
  };
}

/** Log progress on stderr (the parent shows it unless --json). */
export function progress(msg: string): void {
  process.stderr.write(`  · ${msg}\n`);
}

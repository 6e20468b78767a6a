/**
 * The fuzz suite's two modes.
 * - Default (inside `npm test`): a fixed seed and a fixed number of cases per property, so CI replays exactly the
 *   same inputs; sized to finish well within a minute on one loaded core. Nothing is timed.
 * - Long (`npm run fuzz`: FUZZ_MINUTES, default 10): a fresh seed (printed; FUZZ_SEED=n replays it), an unbounded
 *   number of cases, stopped by fast-check's `interruptAfterTimeLimit` when the property's share of the minutes is
 *   spent. Only there does a wall-clock value appear, and only as the stopping rule, never as an assertion.
 * Each case is bounded by construction (small seeds, at most 3 bounded mutations, the reader's own limits), so a
 * case that never ends is a hang of the product, which the test's timeout reports.
 */
import { mkdirSync, writeFileSync } from "fs";
import { join } from "path";
import fc from "fast-check";

// `npm run fuzz` means 10 minutes unless FUZZ_MINUTES says otherwise (no shell syntax in the script: any OS).
const minutes = Number(process.env.FUZZ_MINUTES ?? (process.env.npm_lifecycle_event === "fuzz" ? "10" : "0"));
export const LONG = Number.isFinite(minutes) && minutes > 0;

/** The default mode's seed: fixed, so `npm test` is deterministic. */
const DEFAULT_SEED = 20260113;

export interface FuzzRun {
  /** fast-check parameters for the property. */
  params: fc.Parameters<unknown>;
  /** jest timeout of the test that runs it. */
  timeout: number;
  seed: number;
}

/**
 * Parameters of one property. `runs`: the default mode's case count; `share`: its part of the long mode's minutes.
 */
export function fuzzRun(runs: number, share: number): FuzzRun {
  if (!LONG) return { params: { numRuns: runs, seed: DEFAULT_SEED }, timeout: 600_000, seed: DEFAULT_SEED };
  const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Date.now() ^ (Math.random() * 2 ** 31);
  const budget = Math.round(minutes * 60_000 * share);
  return {
    params: {
      numRuns: Number.MAX_SAFE_INTEGER,
      seed,
      interruptAfterTimeLimit: budget,
      markInterruptAsFailure: false,
    },
    // The interrupt stops between cases; a case still running after 10 more minutes is a hang.
    timeout: budget + 600_000,
    seed,
  };
}

/** Turn a fast-check run into a jest failure with its replay information, and record the number of cases run. */
export function expectNoFailure<T>(
  label: string,
  run: FuzzRun,
  details: fc.RunDetails<T>,
  cases: number,
  stats: Record<string, number> = {},
): void {
  const line = `fuzz ${label}: ${cases} cases (seed ${run.seed}${LONG ? `, ${minutes} min mode` : ", default mode"})`;
  // The count goes to artifacts/ (not committed) so `npm run fuzz` leaves a record for docs/security.md.
  try {
    const dir = join(__dirname, "..", "..", "artifacts", "fuzz");
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, `${label}${LONG ? "-long" : ""}.json`),
      JSON.stringify({ label, cases, seed: run.seed, long: LONG, minutes, failed: details.failed, stats }, null, 2) +
        "\n",
    );
  } catch {
    // the record is a convenience; the assertion below is what matters
  }
  process.stdout.write(line + "\n");
  if (details.failed) {
    const cause =
      details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    throw new Error(`${line}\n${fc.defaultReportMessage(details) ?? "failed"}\nWhat broke: ${cause}`);
  }
  expect(cases).toBeGreaterThan(0);
}

/**
 * Runs one benchmark case in its own process, so each case's peak memory (maxRSS) is its own and one case's
 * garbage does not slow the next. Usage (from run.ts): node --expose-gc lib/bench/child.js <case> '<options json>'.
 * Prints one line "@@BENCH <json rows>" on stdout.
 */
import type { BenchOptions, Row } from "./harness";
import { errorRow, peakRssMB } from "./harness";
import { CASES } from "./cases";

async function main(): Promise<void> {
  const [name, json] = process.argv.slice(2);
  const opts = JSON.parse(json ?? "{}") as BenchOptions;
  const c = CASES[name];
  let rows: Row[];
  if (!c) rows = [errorRow(name, "-", new Error(`unknown case ${name}`))];
  else {
    try {
      rows = await c.run(opts);
    } catch (e) {
      rows = [errorRow(name, "-", e)];
    }
  }
  const peak = peakRssMB();
  for (const r of rows) if (r.status === "ok" && r.sizeUnit && r.peakRssMB === undefined) r.peakRssMB = peak;
  process.stdout.write(`@@BENCH ${JSON.stringify(rows)}\n`);
}

main().then(
  () => process.exit(0),
  (e) => {
    process.stdout.write(`@@BENCH ${JSON.stringify([errorRow(process.argv[2] ?? "?", "-", e)])}\n`);
    process.exit(1);
  },
);

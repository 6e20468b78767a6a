/**
 * Fuzzing the .xlsx reader (issue 13, "a fuzz suite"): real packages made at test time (./seeds.ts), mutated at the
 * package, XML and byte levels (./mutate.ts), read in memory and streamed, then checked by the core. Properties in
 * ./oracle.ts: no crash, no silent success, both reading paths agree, what was read is well formed, the checks
 * never fail with a defect of ours. Memory: the heap retained after the run stays bounded (a coarse check after a
 * forced collection, not a timing).
 * Modes: ./config.ts (default: fixed seed and case count; `npm run fuzz`: minutes).
 */
import fc from "fast-check";
import { applyCase, applyPreserving, caseArb, preservingArb, type FuzzCase } from "./mutate";
import { checkReader, checkValidation } from "./oracle";
import { expectNoFailure, fuzzRun } from "./config";
import { retainedHeapMB } from "./heap";
import { buildSeeds, seeds, type Seed } from "./seeds";

const run = fuzzRun(400, 0.3);
const same = fuzzRun(150, 0.1);

let all: Seed[];
beforeAll(async () => {
  all = await seeds();
}, 120_000);

test("the seeds are the same bytes every time (so a fixed fast-check seed replays the same files)", async () => {
  const again = await buildSeeds();
  expect(again.map((s) => s.bytes.toString("base64"))).toEqual(all.map((s) => s.bytes.toString("base64")));
});

test("the seeds themselves read cleanly (the mutations start from real files)", async () => {
  for (const s of all) {
    const r = await checkReader(s.bytes, s.name);
    expect({ name: s.name, ok: r.ok }).toEqual({ name: s.name, ok: true });
    if (r.ok) checkValidation(r.grids, s.name);
  }
});

test(
  "mutated packages: read or refused by name, never a crash; both paths agree; the checks never crash",
  async () => {
    const before = retainedHeapMB();
    let cases = 0;
    const outcomes = { read: 0, refused: 0 };
    const details = await fc.check(
      fc.asyncProperty(caseArb(all.length), async (c: FuzzCase) => {
        cases++;
        const seed = all[c.seed];
        const bytes = applyCase(seed.bytes, c.mutations);
        const name = `fuzz-${seed.name}`;
        const r = await checkReader(bytes, name);
        if (r.ok) {
          outcomes.read++;
          checkValidation(r.grids, name);
        } else outcomes.refused++;
      }),
      run.params,
    );
    expectNoFailure("reader", run, details, cases, outcomes);
    // Both outcomes are exercised (a fuzzer whose every case is refused at the zip header tests little).
    expect(outcomes.read).toBeGreaterThan(cases / 10);
    expect(outcomes.refused).toBeGreaterThan(cases / 10);
    // Bounded memory: what the run keeps after a full collection (a leak per case would show as hundreds of MB).
    expect(retainedHeapMB() - before).toBeLessThan(100);
  },
  run.timeout,
);

test(
  "rewrites that keep the content read exactly the same cells (prefixes, Strict OOXML, stored, reordered…)",
  async () => {
    let cases = 0;
    const expected = await Promise.all(all.map(async (s) => JSON.stringify(await checkReader(s.bytes, "same.xlsx"))));
    const details = await fc.check(
      fc.asyncProperty(fc.nat({ max: all.length - 1 }), preservingArb, async (i, edits) => {
        cases++;
        const r = await checkReader(applyPreserving(all[i].bytes, edits), "same.xlsx");
        if (JSON.stringify(r) !== expected[i]) throw new Error(`${all[i].name} reads differently`);
      }),
      same.params,
    );
    expectNoFailure("same-content", same, details, cases);
  },
  same.timeout,
);

/**
 * Case 2 — measures over the 1M roster: counts and rates by unit (countsBy), the deprivation table
 * (deprivationHeadcounts: all / poor / near-poor), and the Alkire–Foster MPI (alkireFosterFlat), each timed,
 * plus the three together. Baseline: one hand-written pass over typed arrays computing the same numbers (the
 * limit); ratio ours/limit reported (no target set by the issue).
 */
import { generateRoster, households, INDICATORS, CATEGORY_NAMES, type Roster } from "../data";
import type { BenchOptions, Row } from "../harness";
import { keep, measureInterleaved, notAvailable, okRow, errorRow } from "../harness";
import { classifyKernel } from "../kernel";
import { tryLoad } from "../load";
import { bigSize, kernelRule, progress } from "./common";

export const title = "measures over the 1M roster: rates by unit, deprivation table, Alkire–Foster MPI";
const CASE = "measures";

interface Measures {
  countsBy<T>(rows: readonly T[], key: (r: T) => string, category: (r: T) => string): { groups: unknown[] };
  deprivationHeadcounts(flags: readonly (readonly number[])[], opts?: { categories?: readonly string[] }): unknown;
  alkireFosterFlat(flags: Uint8Array, d: number, opts?: { k?: number }): { H: number; A: number; M0: number };
}

/** The limit: one pass, typed arrays, the same outputs (counts by unit × category, indicator counts, AF sums). */
export function measuresKernel(r: Roster, codes: Uint8Array, units: number) {
  const n = r.n;
  const byUnit = new Float64Array(units * 5);
  const dep = new Float64Array(3 * INDICATORS); // all, poor, near-poor
  let q = 0;
  let sumC = 0;
  const censored = new Float64Array(INDICATORS);
  for (let i = 0, f = 0; i < n; i++) {
    const u = r.unit[i] * 5;
    const c = codes[i];
    byUnit[u]++;
    byUnit[u + 1 + c]++;
    const g = c === 0 ? INDICATORS : c === 1 ? 2 * INDICATORS : -1;
    let cnt = 0;
    for (let j = 0; j < INDICATORS; j++, f++) {
      const v = r.flags[f];
      cnt += v;
      dep[j] += v;
      if (g >= 0) dep[g + j] += v;
    }
    if (cnt >= 3) {
      q++;
      sumC += cnt / INDICATORS;
      for (let j = 0; j < INDICATORS; j++) censored[j] += r.flags[f - INDICATORS + j];
    }
  }
  return { byUnit, dep, H: q / n, A: q ? sumC / q : 0, censored };
}

export async function run(opts: BenchOptions): Promise<Row[]> {
  const m = tryLoad<Measures>("src/core/measures", ["countsBy", "deprivationHeadcounts", "alkireFosterFlat"]);
  const kr = kernelRule();
  const n = bigSize(opts);
  if (!m.ok) return [notAvailable(CASE, "all", m.reason, n)];
  if ("error" in kr) return [notAvailable(CASE, "all", kr.error, n)];
  progress(`measures: generating ${n} households`);
  const r = generateRoster(n, opts.seed);
  const codes = classifyKernel(r.income, r.area, r.flags, INDICATORS, kr.rule);
  const hh = households(r);
  const categories = Array.from(codes, (c) => CATEGORY_NAMES[c]);
  const cat = new Map(hh.map((h, i) => [h, categories[i]]));
  keep(cat);
  // the product's inputs: Household records carrying their category; the flags matrix as rows; a flat Uint8Array
  const rows = hh.map((h, i) => ({ h, category: categories[i] }));
  const flagRows = hh.map((h) => h.deprivationFlags as number[]);
  const flat = r.flags;
  const { countsBy, deprivationHeadcounts, alkireFosterFlat } = m.mod;
  const ours = {
    countsBy: () =>
      countsBy(
        rows,
        (x) => x.h.unit,
        (x) => x.category,
      ),
    deprivationHeadcounts: () => deprivationHeadcounts(flagRows, { categories }),
    alkireFosterFlat: () => alkireFosterFlat(flat, INDICATORS),
  };
  const out: Row[] = [];
  try {
    progress(`measures: timing (${opts.runs} runs each, interleaved)`);
    const t = await measureInterleaved(
      {
        ...ours,
        all: () => [ours.countsBy(), ours.deprivationHeadcounts(), ours.alkireFosterFlat()],
        limit: () => measuresKernel(r, codes, r.unitNames.length),
      },
      opts.runs,
    );
    const af = ours.alkireFosterFlat();
    const lim = measuresKernel(r, codes, r.unitNames.length);
    const agree = Math.abs(af.H - lim.H) < 1e-12 && Math.abs(af.A - lim.A) < 1e-12;
    out.push(
      okRow(CASE, "countsBy(unit) — rates by unit", n, "rows", t.countsBy, { metrics: { units: r.unitNames.length } }),
    );
    out.push(okRow(CASE, "deprivationHeadcounts(all/poor/near-poor)", n, "rows", t.deprivationHeadcounts));
    out.push(
      okRow(CASE, "alkireFosterFlat (H, A, M0)", n, "rows", t.alkireFosterFlat, { metrics: { H: af.H, M0: af.M0 } }),
    );
    out.push(
      okRow(CASE, "ours: all three", n, "rows", t.all, {
        ratio: { label: "ours/limit", value: t.all.median / t.limit.median },
        metrics: { "H, A agree with limit": agree ? "yes" : "NO" },
      }),
    );
    out.push(okRow(CASE, "limit: one typed-array pass", n, "rows", t.limit));
  } catch (e) {
    out.push(errorRow(CASE, "ours", e, n));
  }
  return out;
}

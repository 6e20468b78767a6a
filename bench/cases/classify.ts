/**
 * Case 1 — classify a grid of raw cell values.
 *
 *  limit  the typed-array kernel over pre-converted arrays (bench/kernel.ts): the practical limit;
 *  ours   what the product does with the three ranges Excel hands =POVERTY.CLASSIFY: normalise the raw cells
 *         (src/functions) into typed columns, then the core's columnar classifier (src/core/classify);
 *  peer   the same rule as native per-row formulas evaluated by HyperFormula (bench/hyperformula.ts),
 *         measured on a subset and extrapolated per row.
 * Targets at 1,048,575 rows: ours/limit ≤ 3×; peer/ours ≥ 50×.
 */
import { generateRoster, rawRanges, type Roster, type RawRanges, INDICATORS } from "../data";
import type { BenchOptions, Row } from "../harness";
import { atLeast, atMost, errorRow, keep, measure, measureInterleaved, notAvailable, okRow } from "../harness";
import { classifyKernel, classifyRawKernel, type KernelRule } from "../kernel";
import { tryLoad } from "../load";
import { runHyperFormula } from "../hyperformula";
import { kernelRule, progress, rosterSizes, MAX_ROWS, REVIEW_YEAR } from "./common";
import { loadOurClassify } from "./ours";

export const title = "classify raw cells: ours vs typed-array limit vs HyperFormula formulas";

const CASE = "classify";

function mismatches(a: Uint8Array, b: Uint8Array, n: number): number {
  let m = 0;
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) m++;
  return m;
}

export async function run(opts: BenchOptions): Promise<Row[]> {
  const rows: Row[] = [];
  const kr = kernelRule();
  if ("error" in kr) return [notAvailable(CASE, "all", kr.error)];
  const rule: KernelRule = kr.rule;
  const ours = loadOurClassify(kr.standard, REVIEW_YEAR);
  const sizes = rosterSizes(opts);
  const std = tryLoad<{ parseArea(v: unknown): string | undefined }>("src/core/standards", ["parseArea"]);
  const areaCode = std.ok ? (s: string) => (std.mod.parseArea(s) === "urban" ? 1 : 0) : null;
  const oursMs = new Map<number, number>();
  let last: Roster | null = null;
  for (const n of sizes) {
    progress(`classify: generating ${n} households`);
    const roster = generateRoster(n, opts.seed);
    const raw: RawRanges = rawRanges(roster);
    // the kernel's input: pre-converted typed arrays (conversion not timed: that is the point of a limit)
    const income = Float64Array.from(roster.income);
    const area = Uint8Array.from(roster.area);
    const flags = Uint8Array.from(roster.flags);
    const out = new Uint8Array(n);
    const fns: Record<string, () => unknown> = {
      limit: () => classifyKernel(income, area, flags, INDICATORS, rule, out),
    };
    if (areaCode) fns.rawLimit = () => classifyRawKernel(raw.income, raw.flags, raw.area, INDICATORS, rule, areaCode);
    if (ours.ok) {
      fns.ours = () => ours.classify(raw);
      if (ours.classifyByColumn) fns.before = () => ours.classifyByColumn!(raw);
      if (ours.classifyRange) fns.fn = () => ours.classifyRange!(raw);
    }
    progress(`classify: timing ${Object.keys(fns).join(", ")} at ${n} rows (${opts.runs} runs each, interleaved)`);
    let t;
    try {
      t = await measureInterleaved(fns, opts.runs);
    } catch (e) {
      rows.push(errorRow(CASE, "ours", e, n));
      continue;
    }
    rows.push(okRow(CASE, "limit: typed-array kernel", n, "rows", t.limit));
    if (t.rawLimit) {
      const bad = mismatches(
        classifyRawKernel(raw.income, raw.flags, raw.area, INDICATORS, rule, areaCode!),
        classifyKernel(income, area, flags, INDICATORS, rule),
        n,
      );
      rows.push(
        okRow(CASE, "raw-cell floor: minimal loop over the raw arrays", n, "rows", t.rawLimit, {
          ratio: { label: "floor/limit", value: t.rawLimit.median / t.limit.median },
          metrics: { "category mismatches vs kernel": bad },
        }),
      );
    }
    if (ours.ok) {
      const codes = ours.classify(raw);
      const bad = mismatches(codes, classifyKernel(income, area, flags, INDICATORS, rule), n);
      keep(codes);
      const ratio = t.ours.median / t.limit.median;
      oursMs.set(n, t.ours.median);
      rows.push(
        okRow(CASE, `ours: ${ours.label}`, n, "rows", t.ours, {
          ratio: { label: "ours/limit", value: ratio },
          ...(n === MAX_ROWS ? { target: atMost(ratio, 3) } : {}),
          metrics: {
            "ours/limit, best runs": t.ours.min / t.limit.min,
            ...(t.rawLimit ? { "ours/raw-cell floor": t.ours.median / t.rawLimit.median } : {}),
            "category mismatches vs kernel": bad,
          },
        }),
      );
      if (t.before) {
        const bad = mismatches(ours.classifyByColumn!(raw), classifyKernel(income, area, flags, INDICATORS, rule), n);
        rows.push(
          okRow(
            CASE,
            "before: one pass per column (blankRows, numberColumn, flagBlock, areaColumn)",
            n,
            "rows",
            t.before,
            {
              ratio: { label: "before/limit", value: t.before.median / t.limit.median },
              metrics: { "before/ours": t.before.median / t.ours.median, "category mismatches vs kernel": bad },
            },
          ),
        );
      }
      if (t.fn) {
        const labels = ours.classifyRange!(raw);
        const LABELS = ["Hộ nghèo", "Hộ cận nghèo", "Hộ có mức sống trung bình", "Không thuộc diện"];
        let badLabels = 0;
        for (let i = 0; i < n; i++) if (labels[i][0] !== LABELS[codes[i]]) badLabels++;
        rows.push(
          okRow(CASE, "ours: =POVERTY.CLASSIFY body (classifyRange, labels out)", n, "rows", t.fn, {
            ratio: { label: "fn/limit", value: t.fn.median / t.limit.median },
            metrics: { "label mismatches": badLabels },
          }),
        );
      }
      if (ours.cfClassify) {
        ours.cfClassify(raw); // fill the memo
        const hit = await measure(() => ours.cfClassify!(raw), opts.runs);
        rows.push(
          okRow(
            CASE,
            "ours: =POVERTY.CLASSIFY recalc, same inputs (memo hit < 200k argument cells, else direct)",
            n,
            "rows",
            hit,
          ),
        );
      }
    } else rows.push(notAvailable(CASE, "ours", ours.reason, n));
    last = roster;
  }

  // the formula peer: a subset of the largest roster
  if (last) {
    const hfRows = opts.quick ? 2_000 : 20_000;
    progress(
      `classify: HyperFormula formulas on ${hfRows} rows (${opts.quick ? 2 : Math.max(3, Math.min(opts.runs, 5))} runs)`,
    );
    try {
      const hf = runHyperFormula(last, hfRows, rule, opts.quick ? 2 : Math.max(3, Math.min(opts.runs, 5)));
      const expect = classifyKernel(
        last.income.subarray(0, hfRows),
        last.area.subarray(0, hfRows),
        last.flags.subarray(0, hfRows * INDICATORS),
        INDICATORS,
        rule,
      );
      const bad = mismatches(hf.codes, expect, hfRows);
      rows.push({
        case: CASE,
        variant: "peer: HyperFormula IF/AND/SUM (measured)",
        size: hfRows,
        sizeUnit: "rows",
        status: "ok",
        medianMs: hf.formulaMs,
        throughput: (hfRows / hf.formulaMs) * 1000,
        metrics: {
          "µs/row": hf.perRowUs,
          "µs/row at half size": hf.perRowHalfUs,
          "data load ms (excluded)": hf.dataMs,
          "category mismatches vs kernel": bad,
        },
      });
      for (const n of sizes) {
        const peerMs = (hf.perRowUs * n) / 1000;
        const o = oursMs.get(n);
        const ratio = o ? peerMs / o : undefined;
        rows.push({
          case: CASE,
          variant: "peer: HyperFormula (extrapolated per row)",
          size: n,
          sizeUnit: "rows",
          status: "ok",
          medianMs: peerMs,
          throughput: (n / peerMs) * 1000,
          ...(ratio !== undefined ? { ratio: { label: "peer/ours", value: ratio } } : {}),
          ...(ratio !== undefined && n === MAX_ROWS ? { target: atLeast(ratio, 50) } : {}),
          note: `extrapolated from ${hfRows} rows`,
        });
      }
    } catch (e) {
      rows.push(errorRow(CASE, "peer: HyperFormula", e, hfRows));
    }
  }
  return rows;
}

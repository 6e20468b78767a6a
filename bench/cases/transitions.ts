/**
 * Case 3b — transitions between two 1,048,575-household rosters (last year → this year, joined by household id;
 * 97 % of ids carry over, incomes and flags drift, 3 % leave and as many join), with 5,000 ids that escaped
 * poverty in an earlier review. Times computeTransitions (Forms 2 and 3 and one movement per household) and checks
 * the identity end = start − decreases + increases.
 */
import { CATEGORY_NAMES, generateRoster, INDICATORS, nextYear } from "../data";
import type { BenchOptions, Row } from "../harness";
import { errorRow, measure, notAvailable, okRow, peakRssMB, settle } from "../harness";
import { classifyKernel } from "../kernel";
import { tryLoad } from "../load";
import { bigSize, kernelRule, progress } from "./common";

export const title = "transitions between two 1M rosters";
const CASE = "transitions";

interface Table {
  start: number;
  end: number;
  decreases: { total: number };
  increases: { total: number };
}
interface Transitions {
  computeTransitions(
    previous: { id: string; category: string }[],
    current: { id: string; category: string }[],
    opts?: { everEscapedIds?: Iterable<string>; movements?: boolean },
  ): { poor: Table; nearPoor: Table; movements: unknown[]; problems: unknown[] };
}

export async function run(opts: BenchOptions): Promise<Row[]> {
  const n = bigSize(opts);
  const t = tryLoad<Transitions>("src/core/transitions", ["computeTransitions"]);
  if (!t.ok) return [notAvailable(CASE, "computeTransitions", t.reason, n)];
  const kr = kernelRule();
  if ("error" in kr) return [notAvailable(CASE, "computeTransitions", kr.error, n)];
  progress(`transitions: generating two rosters of ${n}`);
  const prev = generateRoster(n, opts.seed);
  const cur = nextYear(prev);
  const pc = classifyKernel(prev.income, prev.area, prev.flags, INDICATORS, kr.rule);
  const cc = classifyKernel(cur.income, cur.area, cur.flags, INDICATORS, kr.rule);
  const previous = prev.ids.map((id, i) => ({ id, category: CATEGORY_NAMES[pc[i]] }));
  const current = cur.ids.map((id, i) => ({ id, category: CATEGORY_NAMES[cc[i]] }));
  const everEscapedIds: string[] = [];
  for (let i = 0; i < n && everEscapedIds.length < 5000; i += 7) if (pc[i] >= 2) everEscapedIds.push(prev.ids[i]);
  try {
    await settle();
    const dataRss = peakRssMB(); // peak so far: generating and holding the two rosters
    // bulk first (movements: false), so the process peak after it is its own
    const bulk = t.mod.computeTransitions(previous, current, { everEscapedIds, movements: false });
    const bulkPeak = peakRssMB();
    const res = t.mod.computeTransitions(previous, current, { everEscapedIds });
    const fullPeak = peakRssMB();
    const ok = (x: Table) => x.end === x.start - x.decreases.total + x.increases.total;
    const same = JSON.stringify([bulk.poor, bulk.nearPoor]) === JSON.stringify([res.poor, res.nearPoor]);
    progress(`transitions: timing (${opts.runs} runs)`);
    const tm = await measure(() => t.mod.computeTransitions(previous, current, { everEscapedIds }), opts.runs);
    const tb = await measure(
      () => t.mod.computeTransitions(previous, current, { everEscapedIds, movements: false }),
      opts.runs,
    );
    return [
      okRow(CASE, "computeTransitions (Forms 2 + 3, movements)", n, "rows", tm, {
        metrics: {
          "poor start": res.poor.start,
          "poor end": res.poor.end,
          movements: res.movements.length,
          problems: res.problems.length,
          identity: ok(res.poor) && ok(res.nearPoor) ? "holds" : "BROKEN",
          "peak RSS with data only MB": Math.round(dataRss),
          "peak RSS after first call MB": Math.round(fullPeak),
        },
        note: "rows = households per roster (two rosters)",
      }),
      okRow(CASE, "computeTransitions { movements: false } (Forms 2 + 3 only)", n, "rows", tb, {
        metrics: {
          "same forms as with movements": same ? "yes" : "NO",
          "peak RSS with data only MB": Math.round(dataRss),
          "peak RSS after first call MB": Math.round(bulkPeak),
        },
      }),
    ];
  } catch (e) {
    return [errorRow(CASE, "computeTransitions", e, n)];
  }
}

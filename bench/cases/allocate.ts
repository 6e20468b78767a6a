/**
 * Case 3a — allocate a province reduction target across 10,000 units (largest remainder, exact sum), by the
 * proportional method and by equal percentage points with tight caps (which forces redistribution rounds).
 */
import { mulberry32 } from "../rng";
import type { BenchOptions, Row } from "../harness";
import { errorRow, measure, notAvailable, okRow } from "../harness";
import { tryLoad } from "../load";
import { progress } from "./common";

export const title = "allocate a reduction target across 10,000 units";
const CASE = "allocate";

interface Targets {
  allocate(input: {
    total?: number;
    method: string;
    units: { code: string; poor: number; households: number; cap?: number }[];
  }): { rows: { allocated: number }[]; redistributed: number };
}

export async function run(opts: BenchOptions): Promise<Row[]> {
  const n = opts.quick ? 1_000 : 10_000;
  const t = tryLoad<Targets>("src/core/targets", ["allocate"]);
  if (!t.ok) return [notAvailable(CASE, "all", t.reason, n)];
  const rand = mulberry32(opts.seed);
  const units = Array.from({ length: n }, (_, i) => {
    const households = 300 + Math.floor(rand() * 3000);
    const poor = Math.floor(households * (0.01 + rand() * 0.2));
    return { code: `U${String(i + 1).padStart(5, "0")}`, poor, households };
  });
  const totalHh = units.reduce((s, u) => s + u.households, 0);
  const total = Math.round(totalHh * 0.015); // 1.5 pp of all households
  // caps at 60% of each unit's poor: equal-rate quotas exceed it in units with few poor households
  const capped = units.map((u) => ({ ...u, cap: Math.floor(u.poor * 0.6) }));
  const out: Row[] = [];
  for (const [variant, input] of [
    ["proportional to poor counts", { total, method: "proportional", units }],
    ["equal pp, caps at 60% of poor (redistribution)", { total, method: "equal_rate", units: capped }],
  ] as const) {
    try {
      progress(`allocate: ${variant}`);
      const res = t.mod.allocate(input);
      const sum = res.rows.reduce((s, r) => s + r.allocated, 0);
      const tm = await measure(() => t.mod.allocate(input), opts.runs);
      out.push(
        okRow(CASE, variant, n, "units", tm, {
          metrics: { total, "Σ allocated": sum, redistributed: Math.round(res.redistributed) },
          ...(sum !== total ? { note: "Σ allocated ≠ total" } : {}),
        }),
      );
    } catch (e) {
      out.push(errorRow(CASE, variant, e, n));
    }
  }
  return out;
}

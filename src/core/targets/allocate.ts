/**
 * Allocation of a household reduction target across units (phân bổ chỉ tiêu giảm nghèo cho xã, phường),
 * with exact integer rounding by the largest-remainder (Hamilton / Hare / Vinton) method.
 *
 * Sources: docs/domain.md §8.5 (methods: equal pp, proportional, tiered pp, caps and floors, exact rounding;
 * published allocations have been seen whose parts do not add up to the province total) and docs/domain.md
 * §9.3 (largest remainder, sources [69][70]). All of it is DERIVED: confirm the method with the client.
 */
import { fail } from "../errors";
import type { Bilingual } from "../i18n";
import {
  L,
  checkArray,
  checkCount,
  checkFraction,
  checkNonNegative,
  checkNotAbove,
  roundHalfUpInt,
} from "../measures/checks";

/**
 * - `proportional`: quota_i = T × poor_i / Σ poor (docs/domain.md §8.5 method 2);
 * - `equal_rate`: quota_i = T × households_i / Σ households — every unit cuts the same percentage points
 *   (method 1: target_i = Δpp × households_i, with Δpp = T / Σ households);
 * - `weighted`: quota_i = T × weight_i / Σ weight (any user weight, e.g. a priority score);
 * - `tiered`: raw_i = tierReductions[tier_i] × households_i (pp per unit class, method 3), scaled to T.
 */
export type AllocationMethod = "proportional" | "equal_rate" | "weighted" | "tiered";

/** Every allocation method, in display order. */
export const ALLOCATION_METHODS: readonly AllocationMethod[] = ["proportional", "equal_rate", "weighted", "tiered"];

/** The unit-table columns a method reads besides the unit, households and poor: a tier (tiered), a weight (weighted). */
export function methodNeeds(method: AllocationMethod): { tier: boolean; weight: boolean } {
  return { tier: method === "tiered", weight: method === "weighted" };
}

export interface AllocationUnit {
  /** Unit code (mã đơn vị), unique in the list; the last tie-break (ascending). */
  code: string;
  name?: string;
  /** Poor households in the plan's scope (poor, or poor + near-poor for a combined target), whole ≥ 0. */
  poor: number;
  /** All households of the unit, whole > 0, ≥ poor. */
  households: number;
  /** Weight ≥ 0 for method "weighted". */
  weight?: number;
  /** Unit class for method "tiered" (a key of tierReductions). */
  tier?: string;
  /** Upper bound on the unit's allocation, whole ≥ 0; never above `poor` (the default cap). */
  cap?: number;
}

export interface AllocationInput {
  /** Households to lift out across all units, whole ≥ 0. Optional for "tiered" only (then Σ of the tier quotas, rounded half up). */
  total?: number;
  units: ReadonlyArray<AllocationUnit>;
  method: AllocationMethod;
  /** Percentage points (fractions, 0.04 = 4 pp) per tier, for method "tiered". */
  tierReductions?: Readonly<Record<string, number>>;
}

export interface AllocationRow {
  code: string;
  name?: string;
  tier?: string;
  poor: number;
  households: number;
  /** The base the quota is proportional to (poor, households, weight, or tier pp × households). */
  base: number;
  /** Quota before caps: T × base / Σ base. */
  rawQuota: number;
  /** Exact quota after caps and redistribution (Σ = total). */
  quota: number;
  /** ⌊quota⌋. */
  floor: number;
  /** quota − ⌊quota⌋. */
  remainder: number;
  /** Households allocated (⌊quota⌋ or ⌈quota⌉; Σ = total). */
  allocated: number;
  /** Effective cap = min(cap, poor). */
  cap: number;
  /** true when the quota was held at the cap and the excess went to other units. */
  capped: boolean;
  /** 1-based rank in the remainder order (who received the extra units first). */
  rank: number;
  /** poor − allocated. */
  remainingPoor: number;
  /** allocated / households: the unit's reduction in percentage points (fraction). */
  rateReduction: number;
  /** poor / households. */
  startRate: number;
  /** (poor − allocated) / households. */
  targetRate: number;
}

export interface AllocationResult {
  method: AllocationMethod;
  total: number;
  rows: AllocationRow[];
  /** Households moved from capped units to others (Σ over capped units of rawQuota − cap). */
  redistributed: number;
  notes: Bilingual[];
}

/** Quantised remainders compare exactly (transitive sort) while ignoring floating noise below 1e-9. */
const QUANTUM = 1e9;

/**
 * Largest-remainder (Hamilton) rounding of exact quotas to whole numbers summing to `total`:
 * each gets ⌊q_i⌋, then the `total − Σ⌊q_i⌋` leftover units go one each to the largest remainders.
 * Ties (remainders equal to 1e-9) go to the larger `priority`, then to the smaller index.
 * Satisfies the quota property: every result is ⌊q_i⌋ or ⌈q_i⌉ when Σ q_i = total.
 *
 * @param quotas exact quotas ≥ 0
 * @param total whole number; default Σ quotas rounded half up
 * @throws NEGATIVE / INVALID_NUMBER for a quota; INFEASIBLE when total is not in [Σ⌊q⌋, Σ⌊q⌋ + n]
 * @example largestRemainder([1.5, 1.5, 1]) // [2, 1, 1]  (tie → first index)
 */
export function largestRemainder(
  quotas: ReadonlyArray<number>,
  total?: number,
  priority?: ReadonlyArray<number>,
): number[] {
  checkArray(quotas, L("Hạn mức", "Quotas"));
  let sum = 0;
  for (let i = 0; i < quotas.length; i++) sum += checkNonNegative(quotas[i], L(`Hạn mức ${i + 1}`, `Quota ${i + 1}`));
  const T = total === undefined ? roundHalfUpInt(sum) : checkCount(total, L("Tổng cần phân bổ", "Total"));
  const keys = quotas.map((_, i) => String(i).padStart(12, "0"));
  const caps = quotas.map(() => Number.POSITIVE_INFINITY);
  return hamilton(quotas.map(snap), T, caps, priority ?? quotas.map(() => 0), keys).allocated;
}

function snap(q: number): number {
  const r = Math.round(q);
  return Math.abs(q - r) < 1e-9 ? r : q;
}

function hamilton(
  quotas: ReadonlyArray<number>,
  T: number,
  caps: ReadonlyArray<number>,
  priority: ReadonlyArray<number>,
  keys: ReadonlyArray<string>,
): { allocated: number[]; floors: number[]; ranks: number[] } {
  const n = quotas.length;
  const floors = quotas.map((q) => Math.floor(q));
  const allocated = floors.slice();
  let leftover = T - floors.reduce((a, b) => a + b, 0);
  const order = Array.from({ length: n }, (_, i) => i);
  const remQ = quotas.map((q, i) => Math.round((q - floors[i]) * QUANTUM));
  order.sort(
    (a, b) => remQ[b] - remQ[a] || priority[b] - priority[a] || (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0),
  );
  const ranks = new Array<number>(n).fill(0);
  order.forEach((i, r) => (ranks[i] = r + 1));
  if (leftover < 0) infeasibleRounding(T, floors);
  for (let r = 0; r < n && leftover > 0; r++) {
    const i = order[r];
    if (allocated[i] + 1 <= caps[i]) {
      allocated[i]++;
      leftover--;
    }
  }
  if (leftover > 0) infeasibleRounding(T, floors);
  return { allocated, floors, ranks };
}

function infeasibleRounding(T: number, floors: number[]): never {
  return fail(
    "INFEASIBLE",
    `Không làm tròn được các hạn mức để tổng bằng ${T}.`,
    `The quotas cannot be rounded to sum to ${T}.`,
    { total: T, sumOfFloors: floors.reduce((a, b) => a + b, 0) },
  );
}

function methodBase(
  method: AllocationMethod,
  u: AllocationUnit,
  i: number,
  tierReductions: Readonly<Record<string, number>> | undefined,
): number {
  switch (method) {
    case "proportional":
      return u.poor;
    case "equal_rate":
      return u.households;
    case "weighted":
      if (u.weight === undefined) {
        fail(
          "INVALID_ARGUMENT",
          `Đơn vị ${u.code}: phương pháp "weighted" cần trọng số (weight).`,
          `Unit ${u.code}: method "weighted" needs a weight.`,
          { unit: u.code, index: i },
        );
      }
      return checkNonNegative(u.weight, L(`Trọng số của đơn vị ${u.code}`, `Weight of unit ${u.code}`));
    case "tiered": {
      const tier = u.tier;
      if (
        tier === undefined ||
        tierReductions === undefined ||
        !Object.prototype.hasOwnProperty.call(tierReductions, tier)
      ) {
        return fail(
          "INVALID_ARGUMENT",
          `Đơn vị ${u.code}: nhóm "${String(tier)}" không có mức giảm trong tierReductions.`,
          `Unit ${u.code}: tier "${String(tier)}" has no reduction in tierReductions.`,
          {
            unit: u.code,
            tier,
            tiers: tierReductions ? Object.keys(tierReductions) : [],
          },
        );
      }
      const pp = checkFraction(tierReductions[tier], L(`Mức giảm của nhóm ${tier}`, `Reduction of tier ${tier}`));
      return pp * u.households;
    }
    default:
      return unknownMethod(method);
  }
}

function unknownMethod(method: unknown): never {
  return fail(
    "INVALID_ARGUMENT",
    `Phương pháp phân bổ không hợp lệ: ${String(method)} (${ALLOCATION_METHODS.join(", ")}).`,
    `Unknown allocation method: ${String(method)} (${ALLOCATION_METHODS.join(", ")}).`,
    { method },
  );
}

/**
 * Allocate `total` households to lift out across units so that the parts **always add up exactly**.
 *
 * 1. Exact quotas by method (see {@link AllocationMethod}): quota_i = T × base_i / Σ base.
 * 2. Caps before rounding: cap_i = min(unit cap, poor_i) — a unit never gets more than its poor
 *    households. A quota above its cap is held at the cap and the excess is re-spread over the
 *    uncapped units in proportion to their bases, repeatedly, until no quota exceeds its cap.
 * 3. Largest-remainder (Hamilton) rounding: ⌊quota_i⌋ each, then one more to the largest remainders
 *    until the sum is T. Deterministic tie-break: larger base (poor for proportional, households for
 *    equal_rate, weight for weighted, tier pp × households for tiered), then unit code ascending.
 *    Every uncapped unit gets ⌊quota⌋ or ⌈quota⌉ (quota property).
 *
 * Tiered: with `total` the tier quotas (pp × households) are scaled to it; without `total`, T is their
 * sum rounded half up and the scaling is ≈ 1. Equal-rate cuts the same pp everywhere only while no cap binds.
 *
 * Alabama paradox: like every largest-remainder method, raising T by 1 can lower one unit's allocation
 * (its remainder rank drops as all quotas grow). The result is exact for each T; do not compare
 * allocations of different totals unit by unit without recomputing.
 *
 * Source: docs/domain.md §8.5 and §9.3 (DERIVED). Units: households; rates are fractions.
 *
 * @throws INFEASIBLE when T > Σ caps, or when the remaining units all have base 0;
 *         INVALID_ARGUMENT (method, duplicate or empty codes, missing weight/tier, no total);
 *         NOT_INTEGER / NEGATIVE / COUNT_EXCEEDS_TOTAL / ZERO_TOTAL for unit counts
 * @example allocate({ total: 10, method: "proportional", units: [
 *   { code: "A", poor: 50, households: 500 }, { code: "B", poor: 30, households: 300 }, { code: "C", poor: 20, households: 400 }] })
 *   // quotas 5, 3, 2 → allocated 5, 3, 2
 */
export function allocate(input: AllocationInput): AllocationResult {
  const { units, method, tierReductions } = input;
  checkArray(units, L("Danh sách đơn vị", "Units"));
  if (!ALLOCATION_METHODS.includes(method)) unknownMethod(method);
  const seen = new Set<string>();
  const n = units.length;
  const bases = new Array<number>(n);
  const caps = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const u = units[i];
    if (typeof u?.code !== "string" || u.code === "") {
      fail("INVALID_ARGUMENT", `Đơn vị thứ ${i + 1} thiếu mã.`, `Unit ${i + 1} has no code.`, { index: i });
    }
    if (seen.has(u.code)) {
      fail("INVALID_ARGUMENT", `Mã đơn vị trùng: ${u.code}.`, `Duplicate unit code: ${u.code}.`, { unit: u.code });
    }
    seen.add(u.code);
    const poorL = L(`Số hộ nghèo của ${u.code}`, `Poor households of ${u.code}`);
    const hhL = L(`Tổng số hộ của ${u.code}`, `Households of ${u.code}`);
    checkCount(u.poor, poorL);
    checkCount(u.households, hhL);
    if (u.households === 0) {
      fail("ZERO_TOTAL", `Đơn vị ${u.code} có 0 hộ.`, `Unit ${u.code} has no households.`, { unit: u.code });
    }
    checkNotAbove(u.poor, u.households, poorL, hhL);
    caps[i] =
      u.cap === undefined ? u.poor : Math.min(u.poor, checkCount(u.cap, L(`Trần của ${u.code}`, `Cap of ${u.code}`)));
    bases[i] = methodBase(method, u, i, tierReductions);
  }
  const sumBase = bases.reduce((a, b) => a + b, 0);
  const notes: Bilingual[] = [];
  let T: number;
  if (input.total === undefined) {
    if (method !== "tiered") {
      fail(
        "INVALID_ARGUMENT",
        `Phương pháp "${method}" cần tổng số hộ cần giảm (total).`,
        `Method "${method}" needs the total households to lift out (total).`,
        { method },
      );
    }
    T = roundHalfUpInt(sumBase);
    notes.push({
      vi: `Tổng theo nhóm: ${sumBase} hộ, làm tròn thành ${T}.`,
      en: `Sum of the tier quotas: ${sumBase} households, rounded to ${T}.`,
    });
  } else {
    T = checkCount(input.total, L("Tổng số hộ cần giảm", "Total households to lift out"));
  }
  const sumCaps = caps.reduce((a, b) => a + b, 0);
  if (T > sumCaps) {
    fail(
      "INFEASIBLE",
      `Không phân bổ được ${T} hộ: tổng trần của các đơn vị (số hộ nghèo hoặc trần đã đặt) chỉ là ${sumCaps}.`,
      `Cannot allocate ${T} households: the units' caps (poor households or the caps set) only add up to ${sumCaps}.`,
      { total: T, sumOfCaps: sumCaps },
    );
  }

  // 1–2: quotas with caps, re-spreading the excess over the uncapped units
  const rawQuota = bases.map((b) => (sumBase > 0 ? (T * b) / sumBase : 0));
  const quota = new Array<number>(n).fill(0);
  const capped = new Array<boolean>(n).fill(false);
  let remaining = T;
  for (;;) {
    let activeBase = 0;
    for (let i = 0; i < n; i++) if (!capped[i]) activeBase += bases[i];
    if (remaining > 0 && activeBase === 0) {
      fail(
        "INFEASIBLE",
        `Còn ${remaining} hộ chưa phân bổ nhưng các đơn vị còn lại có cơ sở phân bổ bằng 0.`,
        `${remaining} households are left but the remaining units all have a base of zero.`,
        { remaining },
      );
    }
    let over = false;
    for (let i = 0; i < n; i++) {
      if (capped[i]) continue;
      const q = remaining === 0 ? 0 : (remaining * bases[i]) / activeBase;
      if (q > caps[i] + 1e-9) {
        capped[i] = true;
        quota[i] = caps[i];
        over = true;
      } else {
        quota[i] = Math.min(caps[i], snap(q));
      }
    }
    if (!over) break;
    remaining = T;
    for (let i = 0; i < n; i++) if (capped[i]) remaining -= caps[i];
  }

  // 3: largest-remainder rounding with the deterministic tie-break
  const { allocated, floors, ranks } = hamilton(
    quota,
    T,
    caps,
    bases,
    units.map((u) => u.code),
  );

  let redistributed = 0;
  let cappedCount = 0;
  for (let i = 0; i < n; i++) {
    if (capped[i]) {
      cappedCount++;
      redistributed += rawQuota[i] - caps[i];
    }
  }
  if (cappedCount > 0) {
    notes.push({
      vi: `${cappedCount} đơn vị bị giới hạn bởi trần (không vượt số hộ nghèo); ${round6(redistributed)} hộ được chia lại cho các đơn vị khác.`,
      en: `${cappedCount} unit(s) held at their cap (never above their poor households); ${round6(redistributed)} households re-spread over the others.`,
    });
  }
  if (method === "tiered" && input.total !== undefined && sumBase > 0 && Math.abs(sumBase - T) > 1e-9) {
    notes.push({
      vi: `Hạn mức theo nhóm (tổng ${round6(sumBase)}) được nhân với ${round6(T / sumBase)} để tổng bằng ${T}.`,
      en: `Tier quotas (sum ${round6(sumBase)}) scaled by ${round6(T / sumBase)} to total ${T}.`,
    });
  }

  const rows: AllocationRow[] = units.map((u, i) => ({
    code: u.code,
    ...(u.name !== undefined ? { name: u.name } : {}),
    ...(u.tier !== undefined ? { tier: u.tier } : {}),
    poor: u.poor,
    households: u.households,
    base: bases[i],
    rawQuota: rawQuota[i],
    quota: quota[i],
    floor: floors[i],
    remainder: quota[i] - floors[i],
    allocated: allocated[i],
    cap: caps[i],
    capped: capped[i],
    rank: ranks[i],
    remainingPoor: u.poor - allocated[i],
    rateReduction: allocated[i] / u.households,
    startRate: u.poor / u.households,
    targetRate: (u.poor - allocated[i]) / u.households,
  }));
  return { method, total: T, rows, redistributed, notes };
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

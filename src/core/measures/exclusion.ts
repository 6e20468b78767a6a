/**
 * Poverty net of an excluded group: "hộ nghèo không tính hộ nghèo thuộc diện bảo trợ xã hội (BTXH)".
 *
 * Local plans set targets on the poor households that can still escape, leaving out those that cannot by their
 * nature — households of social-protection beneficiaries, households without working capacity — e.g. "có 1–2
 * phường không còn hộ nghèo (trừ hộ nghèo bảo trợ xã hội)" (see docs/reports.md, "Hộ nghèo không tính BTXH").
 *
 *   excluded count = poor households that belong to the group (trong đó: hộ nghèo thuộc diện BTXH)
 *   net count      = poor − excluded                         (hộ nghèo không tính BTXH)
 *   net rate       = net count ÷ ALL households of the unit
 *
 * The denominator is every household of the unit — the denominator of the headline poverty rate — so that
 * rate = excluded rate + net rate and the net rate is comparable with the published rate. No legal text fixes
 * this denominator (reports write "tỷ lệ hộ nghèo … (không tính hộ BTXH)" next to the headline rate); every table
 * that shows a net rate states it in a note. A planner who also removes the group from the denominator can pass
 * total − group households as `total`.
 * Rates are fractions (0.0797 shows as 7,97 %).
 */
import { fail } from "../errors";
import { checkCategory, type Category } from "../household";
import { L, checkArray, checkCount, checkNotAbove } from "./checks";
import { rate, scopeCount, type Scope } from "./rates";

/** The target group left out by default: households of social-protection beneficiaries (hộ thuộc diện BTXH). */
export const DEFAULT_EXCLUDED_GROUP = "socialProtection";

/**
 * Net rate = (count − excluded) ÷ total, a fraction: the poverty rate not counting the excluded poor households.
 *
 * @param count households in the category (e.g. poor), a whole number ≥ 0
 * @param excluded those of them in the excluded group (e.g. poor social-protection households), 0 ≤ excluded ≤ count
 * @param total all households of the unit, a whole number > 0
 * @throws as {@link rate}; COUNT_EXCEEDS_TOTAL when excluded > count
 * @example netRate(12, 5, 400) // 0.0175 → 1,75 % (the headline rate is 3 %)
 */
export function netRate(count: number, excluded: number, total: number): number {
  checkCount(count, L("Số hộ", "Count"));
  checkCount(excluded, L("Số hộ loại trừ", "Excluded count"));
  checkNotAbove(excluded, count, L("Số hộ loại trừ", "The excluded count"), L("số hộ", "the count"));
  return rate(count - excluded, total);
}

/** Counts of one group (unit) with and without the excluded households, rates as fractions of all households. */
export interface ExclusionCounts {
  /** All households of the group. */
  total: number;
  /** Households in the scope (poor, near-poor, or both). */
  count: number;
  /** Of them, in the excluded group. */
  excluded: number;
  /** count − excluded. */
  net: number;
  rate: number;
  excludedRate: number;
  netRate: number;
}

export interface ExclusionGroup extends ExclusionCounts {
  key: string;
}

export interface ExclusionResult {
  /** One entry per key, in first-seen order. */
  groups: ExclusionGroup[];
  total: ExclusionCounts;
  scope: Scope;
}

function finish(total: number, count: number, excluded: number): ExclusionCounts {
  return {
    total,
    count,
    excluded,
    net: count - excluded,
    rate: rate(count, total),
    excludedRate: rate(excluded, total),
    netRate: rate(count - excluded, total),
  };
}

/**
 * Counts with an exclusion, by group (unit): households in the scope, those of them in the excluded group, the net
 * count, and their rates over all households of the group (see the module comment for the denominator).
 *
 * @param rows any records (households with their category)
 * @param key group of a row (e.g. the unit)
 * @param category category of a row
 * @param excluded whether a row belongs to the excluded group (e.g. `h => h.targetGroups?.includes("socialProtection")`)
 * @param scope "poor" (default), "nearPoor" or "poorAndNearPoor"
 * @throws ZERO_TOTAL for no rows; UNKNOWN_CATEGORY for a category outside the four
 */
export function exclusionBy<T>(
  rows: ReadonlyArray<T>,
  key: (row: T) => string,
  category: (row: T) => Category,
  excluded: (row: T) => boolean,
  scope: Scope = "poor",
): ExclusionResult {
  checkArray(rows, L("Danh sách hộ", "Rows"));
  if (rows.length === 0)
    fail("ZERO_TOTAL", "Danh sách hộ trống: không có gì để đếm.", "No rows: nothing to count.", {});
  const order: string[] = [];
  const acc = new Map<string, { total: number; count: number; excluded: number }>();
  const all = { total: 0, count: 0, excluded: 0 };
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const k = String(key(row));
    let a = acc.get(k);
    if (!a) {
      a = { total: 0, count: 0, excluded: 0 };
      acc.set(k, a);
      order.push(k);
    }
    const c = category(row);
    checkCategory(c, i);
    const inScope = scopeCount({ poor: c === "poor" ? 1 : 0, nearPoor: c === "nearPoor" ? 1 : 0 }, scope) === 1;
    a.total++;
    all.total++;
    if (inScope) {
      a.count++;
      all.count++;
      if (excluded(row)) {
        a.excluded++;
        all.excluded++;
      }
    }
  }
  return {
    groups: order.map((k) => {
      const a = acc.get(k)!;
      return { key: k, ...finish(a.total, a.count, a.excluded) };
    }),
    total: finish(all.total, all.count, all.excluded),
    scope,
  };
}

/** A unit with no household left in the scope once the excluded group is not counted. */
export interface UnitWithoutPoor {
  key: string;
  total: number;
  /** Households in the scope (all of them in the excluded group). */
  count: number;
  excluded: number;
}

/**
 * Units that have no poor household left when the excluded group is not counted (net = 0): the list "đơn vị không
 * còn hộ nghèo (trừ hộ nghèo BTXH)". Units with no poor household at all are included (count = 0).
 */
export function unitsWithoutPoor(groups: ReadonlyArray<ExclusionGroup>): UnitWithoutPoor[] {
  return groups
    .filter((g) => g.net === 0)
    .map((g) => ({ key: g.key, total: g.total, count: g.count, excluded: g.excluded }));
}

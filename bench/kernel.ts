/**
 * The practical limit for classification: a hand-written loop over pre-converted typed arrays (no parsing,
 * no objects, no validation). Same rule as docs/domain.md §2.2 (Decree 07/2021/NĐ-CP, 2022–2025):
 *
 *   line = area == RURAL ? lineRural : lineUrban;   avg = area == RURAL ? avgRural : avgUrban
 *   income ≤ line && deprivations ≥ cutoff → poor (0); income ≤ line → near-poor (1);
 *   income ≤ avg → average (2); else none (3)
 *
 * The numbers are passed in (taken from the core's standard when it is available), never decided here.
 */
export interface KernelRule {
  lineRural: number;
  lineUrban: number;
  avgRural: number;
  avgUrban: number;
  cutoff: number;
}

/** Codes: 0 poor, 1 near-poor, 2 average, 3 none. `flags` is n × k row-major 0/1. */
export function classifyKernel(
  income: Float64Array,
  area: Uint8Array,
  flags: Uint8Array,
  k: number,
  rule: KernelRule,
  out: Uint8Array = new Uint8Array(income.length),
): Uint8Array {
  const n = income.length;
  const { lineRural, lineUrban, avgRural, avgUrban, cutoff } = rule;
  for (let i = 0, f = 0; i < n; i++) {
    let c = 0;
    for (let j = 0; j < k; j++) c += flags[f++];
    const x = income[i];
    const urban = area[i] === 1;
    if (x <= (urban ? lineUrban : lineRural)) out[i] = c >= cutoff ? 0 : 1;
    else out[i] = x <= (urban ? avgUrban : avgRural) ? 2 : 3;
  }
  return out;
}

/**
 * A second, stricter limit for the same job on *raw* cells: a hand-written loop over the very JS arrays Excel
 * hands a custom function (numbers, numeric text, "" blanks, "x" flags, area text), with the least parsing that
 * reads the benchmark's data correctly — number fast path, a digits-and-dots parser for "1.500.000", flags
 * 1/"x"/TRUE vs 0/""/null/FALSE, area text resolved once per distinct string. It accepts nothing else (no
 * error values, no per-row messages): the floor for any normaliser over boxed cells, which shows how much of
 * ours/limit is the cost of touching boxed cells at all and how much is the normaliser's own.
 */
export function classifyRawKernel(
  income: unknown[][],
  flags: unknown[][],
  area: unknown[][],
  k: number,
  rule: KernelRule,
  areaCode: (s: string) => number,
): Uint8Array {
  const n = income.length;
  const out = new Uint8Array(n);
  const areas = new Map<unknown, number>();
  const { lineRural, lineUrban, avgRural, avgUrban, cutoff } = rule;
  for (let i = 0; i < n; i++) {
    let x = income[i][0] as number;
    if (typeof x !== "number") x = parseDotted(x as unknown as string);
    const row = flags[i];
    let c = 0;
    for (let j = 0; j < k; j++) {
      const v = row[j];
      if (v === 1 || v === "x" || v === true) c++;
    }
    const a = area[i][0];
    let u = areas.get(a);
    if (u === undefined) {
      u = areaCode(String(a));
      areas.set(a, u);
    }
    const urban = u === 1;
    if (!(x >= 0)) out[i] = 255;
    else if (x <= (urban ? lineUrban : lineRural)) out[i] = c >= cutoff ? 0 : 1;
    else out[i] = x <= (urban ? avgUrban : avgRural) ? 2 : 3;
  }
  return out;
}

/** "1.500.000" → 1500000 (digits and dot separators only); NaN otherwise. */
function parseDotted(s: string): number {
  if (typeof s !== "string") return NaN;
  let v = 0;
  let digits = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    if (ch >= 48 && ch <= 57) {
      v = v * 10 + (ch - 48);
      digits++;
    } else if (ch !== 46) return NaN;
  }
  return digits ? v : NaN;
}

/**
 * The practical limit for classification: a hand-written loop over pre-converted typed arrays (no parsing,
 * no objects, no validation). Same rule as ../shared/domain.md §2.2 (Decree 07/2021/NĐ-CP, 2022–2025):
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

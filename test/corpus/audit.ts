/**
 * The corpus's own arithmetic: plain, written here, independent of src/ — it reads the numbers as typed and says
 * which rows of a published table cannot all be true. The product must flag exactly those rows.
 *
 * A rate printed with d decimals (of the percentage) stands for ± ½·10⁻ᵈ; so count ÷ (rate + half) ≤ total ≤
 * count ÷ (rate − half) (percent), the total a whole number ≥ count. Bounds are inclusive.
 */
import type { CorpusSheet } from "./layouts";

/** A count as typed: a number, or Vietnamese text with "." between thousands ("10.618" → 10618). */
export function count(x: unknown): number | undefined {
  if (typeof x === "number") return x;
  if (typeof x !== "string" || x.trim() === "") return undefined;
  return Number(x.trim().replace(/\./g, "").replace(",", "."));
}

/** A percentage as typed: 6.39, "6,39", "8.43" (a dot typed by mistake) → 6.39 / 8.43. */
export function percent(x: unknown): number | undefined {
  if (typeof x === "number") return x;
  if (typeof x !== "string" || x.trim() === "") return undefined;
  return Number(x.trim().replace("%", "").replace(",", "."));
}

/** Decimals printed: "6,39" → 2, "5,0" → 1, 12 → 0, 2.2 → 1. */
export function printedDecimals(x: unknown): number {
  const s = typeof x === "number" ? String(x) : typeof x === "string" ? x.trim().replace("%", "") : "";
  const m = /[.,](\d+)$/.exec(s);
  return m ? m[1].length : 0;
}

export type Range = [number, number];

/** Whole totals a count and a percentage printed with `d` decimals allow; null when none. */
export function totals(c: number, pct: number, d: number): Range | null {
  const half = 0.5 * 10 ** -d;
  const lo = Math.max(c, Math.ceil(c / ((pct + half) / 100) - 1e-9));
  const hi = pct - half > 1e-12 ? Math.floor(c / ((pct - half) / 100) + 1e-9) : Infinity;
  return lo <= hi ? [lo, hi] : null;
}

export function meet(a: Range, b: Range): Range | null {
  const lo = Math.max(a[0], b[0]);
  const hi = Math.min(a[1], b[1]);
  return lo <= hi ? [lo, hi] : null;
}

export function add(a: Range, b: Range): Range {
  return [a[0] + b[0], a[1] + b[1]];
}

/** Row access by the test's own column keys. */
export interface AuditRow {
  /** Position among the body rows (0 = first). */
  index: number;
  label: string;
  /** The typed cell of a column key. */
  cell(key: string): unknown;
  count(key: string): number | undefined;
  percent(key: string): number | undefined;
}

/** The rows of a corpus sheet, and the printed precision (most decimals) of a column. */
export function auditTable(sheet: CorpusSheet): { rows: AuditRow[]; decimals(key: string): number } {
  const idx = (key: string) => {
    const i = sheet.keys.indexOf(key);
    if (i < 0) throw new Error(`no column ${key} in ${sheet.name}`);
    return i;
  };
  const labelCol = sheet.keys.indexOf("label");
  const rows: AuditRow[] = sheet.rows.map((r, index) => ({
    index,
    label: String(r[labelCol] ?? ""),
    cell: (k) => (sheet.keys.includes(k) ? r[idx(k)] : undefined),
    count: (k) => (sheet.keys.includes(k) ? count(r[idx(k)]) : undefined),
    percent: (k) => (sheet.keys.includes(k) ? percent(r[idx(k)]) : undefined),
  }));
  return {
    rows,
    decimals: (k) => Math.max(0, ...sheet.rows.map((r) => printedDecimals(r[idx(k)]))),
  };
}

/** The rows the audit finds inconsistent (by body-row position), with why (for the test's failure messages). */
export class Inconsistent {
  readonly rows = new Map<number, string[]>();
  add(row: AuditRow, why: string): void {
    (this.rows.get(row.index) ?? this.rows.set(row.index, []).get(row.index)!).push(`${row.label}: ${why}`);
  }
}

/** Body-row positions of the rows with these labels (the first match of each). */
export function rowsNamed(sheet: CorpusSheet, labels: string[]): number[] {
  const col = sheet.keys.indexOf("label");
  return labels.map((l) => {
    const i = sheet.rows.findIndex((r) => r[col] === l);
    if (i < 0) throw new Error(`no row ${l} in ${sheet.name}`);
    return i;
  });
}

/** Half a unit of a percentage printed with d decimals. */
const half = (d: number) => 0.5 * 10 ** -d;

export interface SumSpec {
  /** Body-row position of the totals row (or of a section heading that carries its section's sum). */
  total: number;
  /** Positions of the rows it adds up. */
  parts: number[];
}

/**
 * A table of results at one date: (count, rate) pairs share one total per row; "poor and near-poor" = poor +
 * near-poor (counts exactly, rates within the half units); totals rows = Σ rows (counts) and their totals meet the
 * sum of the rows' (per pair).
 */
export function auditResults(
  sheet: CorpusSheet,
  spec: {
    pairs: [count: string, rate: string][];
    combined?: { all: string; poor: string; near: string; allRate: string; poorRate: string; nearRate: string };
    sums?: SumSpec[];
  },
): Inconsistent {
  const t = auditTable(sheet);
  const bad = new Inconsistent();
  const countOf = (r: AuditRow, key: string): number | undefined => {
    const n = r.count(key);
    if (n !== undefined) return n;
    const c = spec.combined;
    if (c && key === c.all) {
      const p = r.count(c.poor);
      const q = r.count(c.near);
      if (p !== undefined && q !== undefined) return p + q;
    }
    return undefined;
  };
  const range = (r: AuditRow, [c, p]: [string, string]): Range | null | undefined => {
    const n = countOf(r, c);
    const x = r.percent(p);
    if (n === undefined || x === undefined) return undefined;
    return totals(n, x, t.decimals(p));
  };
  for (const r of t.rows) {
    let acc: Range | undefined;
    for (const pair of spec.pairs) {
      const x = range(r, pair);
      if (x === undefined) continue;
      if (x === null) {
        bad.add(r, `${pair.join("/")}: no whole total`);
        break;
      }
      const m: Range | null = acc ? meet(acc, x) : x;
      if (!m) {
        bad.add(r, `${pair.join("/")} ${x.join("–")} does not meet ${acc!.join("–")}`);
        break;
      }
      acc = m;
    }
    const c = spec.combined;
    if (c) {
      const [all, poor, near] = [r.count(c.all), r.count(c.poor), r.count(c.near)];
      if (all !== undefined && poor !== undefined && near !== undefined && all !== poor + near)
        bad.add(r, `${all} ≠ ${poor} + ${near}`);
      const [ra, rp, rn] = [r.percent(c.allRate), r.percent(c.poorRate), r.percent(c.nearRate)];
      const tol = half(t.decimals(c.allRate)) + half(t.decimals(c.poorRate)) + half(t.decimals(c.nearRate));
      if (ra !== undefined && rp !== undefined && rn !== undefined && Math.abs(ra - (rp + rn)) > tol + 1e-9)
        bad.add(r, `${ra} ≠ ${rp} + ${rn}`);
    }
  }
  for (const s of spec.sums ?? []) {
    const total = t.rows[s.total];
    const parts = s.parts.map((i) => t.rows[i]);
    const countKeys = [...new Set(spec.pairs.map(([c]) => c))];
    for (const k of countKeys) {
      const v = total.count(k);
      const xs = parts.map((p) => p.count(k)).filter((x): x is number => x !== undefined);
      if (v !== undefined && xs.length && xs.reduce((a, b) => a + b, 0) !== v)
        bad.add(total, `${k}: ${v} ≠ Σ ${xs.reduce((a, b) => a + b, 0)}`);
    }
    for (const pair of spec.pairs) {
      const own = range(total, pair);
      if (!own) continue;
      const rs = parts.map((p) => range(p, pair));
      if (rs.some((x) => !x)) continue;
      const sum = (rs as Range[]).reduce(add);
      if (!meet(own, sum)) bad.add(total, `${pair.join("/")}: ${own.join("–")} vs Σ ${sum.join("–")}`);
    }
  }
  return bad;
}

/**
 * A start/end table (a plan, or results of two dates): end = start − reduced; the stated reduction = start rate −
 * end rate within the half units (a plan may be off by one household: 100 ÷ its households, in points); in a plan
 * the start and end totals meet and reduced ≈ reduction × total (± 1); totals rows = Σ rows.
 */
export function auditStartEnd(
  sheet: CorpusSheet,
  spec: {
    start: [string, string];
    end: [string, string];
    pp?: string;
    reduced?: string;
    planned: boolean;
    sums?: SumSpec[];
  },
): Inconsistent {
  const t = auditTable(sheet);
  const bad = new Inconsistent();
  const range = (r: AuditRow, [c, p]: [string, string]) => {
    const n = r.count(c);
    const x = r.percent(p);
    return n === undefined || x === undefined ? undefined : totals(n, x, t.decimals(p));
  };
  for (const r of t.rows) {
    const s = r.count(spec.start[0]);
    const e = r.count(spec.end[0]);
    const red = spec.reduced ? r.count(spec.reduced) : undefined;
    if (s !== undefined && e !== undefined && red !== undefined && e !== s - red) bad.add(r, `${e} ≠ ${s} − ${red}`);
    const sr = r.percent(spec.start[1]);
    const er = r.percent(spec.end[1]);
    const pp = spec.pp ? r.percent(spec.pp) : undefined;
    const S = range(r, spec.start);
    const E = range(r, spec.end);
    if (sr !== undefined && er !== undefined && pp !== undefined) {
      let tol = half(t.decimals(spec.start[1])) + half(t.decimals(spec.end[1])) + half(t.decimals(spec.pp!));
      if (spec.planned && S) tol += 100 / S[0];
      if (Math.abs(sr - er - pp) > tol + 1e-9) bad.add(r, `${sr} − ${er} ≠ ${pp}`);
    }
    if (spec.planned) {
      if (S && E && !meet(S, E)) bad.add(r, `start totals ${S.join("–")} vs end ${E.join("–")}`);
      if (S && red !== undefined && pp !== undefined && Number.isFinite(S[1])) {
        const h = half(t.decimals(spec.pp!));
        const lo = ((pp - h) / 100) * S[0] - 1;
        const hi = ((pp + h) / 100) * S[1] + 1;
        if (red < lo - 1e-9 || red > hi + 1e-9) bad.add(r, `reduced ${red} outside ${lo.toFixed(1)}–${hi.toFixed(1)}`);
      }
    }
  }
  for (const sum of spec.sums ?? []) {
    const total = t.rows[sum.total];
    const parts = sum.parts.map((i) => t.rows[i]);
    for (const k of [spec.start[0], spec.end[0], ...(spec.reduced ? [spec.reduced] : [])]) {
      const v = total.count(k);
      const xs = parts.map((p) => p.count(k)).filter((x): x is number => x !== undefined);
      if (v !== undefined && xs.length && xs.reduce((a, b) => a + b, 0) !== v) bad.add(total, `${k} ≠ Σ`);
    }
    for (const pair of [spec.start, spec.end]) {
      const own = range(total, pair);
      const rs = parts.map((p) => range(p, pair));
      if (!own || rs.some((x) => !x)) continue;
      const s = (rs as Range[]).reduce(add);
      if (!meet(own, s)) bad.add(total, `${pair.join("/")}: ${own.join("–")} vs Σ ${s.join("–")}`);
    }
  }
  return bad;
}

/** A movement table: end = start − decreases + increases; a group total = Σ its parts; end count and rate fit. */
export function auditMovement(
  sheet: CorpusSheet,
  spec: { start: string; end: string; endRate?: string; decTotal?: string; decParts: string[]; incParts: string[] },
): Inconsistent {
  const t = auditTable(sheet);
  const bad = new Inconsistent();
  for (const r of t.rows) {
    const parts = spec.decParts.map((k) => r.count(k) ?? 0);
    const stated = spec.decTotal ? r.count(spec.decTotal) : undefined;
    const sumParts = parts.reduce((a, b) => a + b, 0);
    if (stated !== undefined && spec.decParts.some((k) => r.count(k) !== undefined) && stated !== sumParts)
      bad.add(r, `decrease ${stated} ≠ Σ ${sumParts}`);
    const s = r.count(spec.start);
    const e = r.count(spec.end);
    const inc = spec.incParts.map((k) => r.count(k) ?? 0).reduce((a, b) => a + b, 0);
    if (s !== undefined && e !== undefined && e !== s - (stated ?? sumParts) + inc) bad.add(r, "identity");
    if (spec.endRate && e !== undefined && r.percent(spec.endRate) !== undefined)
      if (!totals(e, r.percent(spec.endRate)!, t.decimals(spec.endRate))) bad.add(r, "end pair");
  }
  return bad;
}

import { formatNumber, formatPercent, rate, type AllocationResult, type Lang } from "../../core";

/** Plain-text tables for the terminal (monospace, right-aligned numbers). */
export function textTable(headers: string[], rows: (string | number)[][], align?: ("l" | "r")[]): string[] {
  const cells = [headers, ...rows.map((r) => r.map((c) => String(c)))];
  const widths = headers.map((_, j) => Math.max(...cells.map((r) => [...(r[j] ?? "")].length)));
  const pad = (s: string, j: number) => {
    const gap = " ".repeat(Math.max(0, widths[j] - [...s].length));
    return (align?.[j] ?? (j === 0 ? "l" : "r")) === "l" ? s + gap : gap + s;
  };
  const line = (r: string[]) => "  " + r.map((c, j) => pad(c, j)).join("  ");
  return [line(cells[0]), "  " + widths.map((w) => "─".repeat(w)).join("  "), ...cells.slice(1).map(line)];
}

/** The allocation of a target to units, as printed by `poverty targets` and `poverty demo`. */
export function allocationLines(allocation: AllocationResult, lang: Lang): string[] {
  const T = (vi: string, en: string) => (lang === "vi" ? vi : en);
  const households = allocation.rows.reduce((a, r) => a + r.households, 0);
  const poor = allocation.rows.reduce((a, r) => a + r.poor, 0);
  const rows = allocation.rows.map((r) => [
    r.name ?? r.code,
    formatNumber(r.poor, lang),
    formatNumber(r.quota, lang, 2),
    formatNumber(r.allocated, lang),
    formatPercent(r.startRate, lang),
    formatPercent(r.targetRate, lang),
  ]);
  rows.push([
    T("Tổng cộng", "Total"),
    formatNumber(poor, lang),
    formatNumber(
      allocation.rows.reduce((a, r) => a + r.quota, 0),
      lang,
      2,
    ),
    formatNumber(
      allocation.rows.reduce((a, r) => a + r.allocated, 0),
      lang,
    ),
    formatPercent(rate(poor, households), lang),
    formatPercent(rate(poor - allocation.total, households), lang),
  ]);
  return textTable(
    [
      T("Đơn vị", "Unit"),
      T("Hộ nghèo", "Poor"),
      T("Hạn mức", "Quota"),
      T("Giao", "Allocated"),
      T("Tỷ lệ đầu kỳ", "Start rate"),
      T("Tỷ lệ cuối kỳ", "End rate"),
    ],
    rows,
  );
}

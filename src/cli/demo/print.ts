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

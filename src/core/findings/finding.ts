/**
 * Findings are data: one located validation result, rendered identically by every face
 * (CLI text/JSON, the pane's list with "go to cell", the findings sheet with hyperlinks).
 * Model: Frictionless Data's validation report — a flat list of located errors with stable codes.
 */
import type { FindingCode } from "./catalogue";

export type Severity = "error" | "warning" | "info";

export interface RelatedCell {
  sheet: string;
  cell: string; // A1
  file?: string;
}

export interface Finding {
  /** Stable rule code, e.g. "RATE_MISMATCH". Documented in docs/validation-rules.md. */
  code: FindingCode;
  severity: Severity;
  file?: string;
  sheet: string;
  /** A1 address of the main cell ("" for a whole-sheet finding). */
  cell: string;
  /** 1-based row and column of `cell` (0 when the finding is about the whole sheet). */
  row: number;
  column: number;
  /** Canonical field name, when the finding concerns a mapped column. */
  field?: string;
  /** What was found (as text, for display). */
  value?: string;
  /** What was expected (as text, for display). */
  expected?: string;
  messageVi: string;
  messageEn: string;
  related?: RelatedCell[];
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Order: file, sheet, row, column, then severity and code — stable for tests and reports. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    (a.file ?? "").localeCompare(b.file ?? "") ||
    a.sheet.localeCompare(b.sheet) ||
    a.row - b.row ||
    a.column - b.column ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    a.code.localeCompare(b.code)
  );
}

export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}

export function summarize(findings: Finding[]): { errors: number; warnings: number; infos: number } {
  let errors = 0,
    warnings = 0,
    infos = 0;
  for (const f of findings) {
    if (f.severity === "error") errors++;
    else if (f.severity === "warning") warnings++;
    else infos++;
  }
  return { errors, warnings, infos };
}

/**
 * Each finding once (every face: validate, targets, report): the same code at the same cell reported by two rules
 * (or by the reader and a rule) is one finding, the first; and a VALUE_MISSING ("the cell is blank") is dropped where the same cell already has another
 * error, which says more precisely what is in it. Order is kept.
 */
export function uniqueFindings(findings: readonly Finding[]): Finding[] {
  const place = (f: Finding) => `${f.file ?? ""}\u0000${f.sheet}\u0000${f.cell}`;
  const otherError = new Set<string>();
  for (const f of findings)
    if (f.severity === "error" && f.code !== "VALUE_MISSING" && f.cell) otherError.add(place(f));
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const f of findings) {
    if (f.code === "VALUE_MISSING" && f.severity === "error" && otherError.has(place(f))) continue;
    const key = `${f.code}\u0000${place(f)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  return out;
}

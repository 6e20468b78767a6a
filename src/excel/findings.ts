/**
 * Findings in the workbook: a findings sheet with links to the offending cells, and optional
 * highlighting of those cells that can be cleared again.
 *
 * Links: a HYPERLINK formula per finding (`=HYPERLINK("#'Xã A'!B7","B7")`) — written with the values in
 * one 2-D array, survives e-mail, LibreOffice and an Excel without the add-in. Findings from files picked
 * from disk (other workbooks) get the address as text, no link.
 *
 * Highlighting: ONE conditional format (type Custom, ExcelApi 1.6, multi-area ranges 1.9) per sheet and
 * severity, whose rule formula carries a marker (`=N("PovertyPlanner:error")=0`, always TRUE). It never
 * touches the cells' own fill, so clearing (deleting only the conditional formats with our marker)
 * restores exactly what the user had — including fills the user changed in the meantime.
 */
import {
  cellTarget,
  findingsTable as coreFindingsTable,
  hyperlinkFormula,
  SEVERITY_LABELS,
  type Finding,
  type Severity,
} from "../core/findings";
import type { Lang } from "../core/i18n";
import { bi } from "../core/i18n";
import type { ResultTable } from "../core/tables";
import type { ExcelHost } from "./host";
import { officeHost } from "./host";
import { mapOfficeError } from "./errors";

/** The severity labels (symbol + word) — the core's, the same everywhere. */
export const SEVERITY_TEXT = SEVERITY_LABELS;

const HIGHLIGHT_FILL: Record<Severity, string> = { error: "#F4CCCC", warning: "#FFE599", info: "#CFE2F3" };
const MARKER = "PovertyPlanner:";
export const highlightFormula = (s: Severity) => `=N("${MARKER}${s}")=0`;

/** `=HYPERLINK("#'Sheet'!B7","B7")` — the sheet name is user text, escaped for both quoting levels. */
export function cellLinkFormula(sheet: string, cell: string): string {
  return hyperlinkFormula(cellTarget(sheet, cell), cell);
}

/**
 * The findings list as a ResultTable ("KQ - Kiểm tra"): the core's findings table (the same as the CLI's findings
 * workbook), cells of this workbook as links.
 */
export function findingsTable(
  findings: Finding[],
  options: { lang: Lang; title?: string; inWorkbook?: (f: Finding) => boolean },
): ResultTable {
  const inWb = options.inWorkbook ?? ((f: Finding) => !f.file);
  return coreFindingsTable(findings, {
    lang: options.lang,
    ...(options.title ? { title: bi(options.title, options.title) } : {}),
    link: (f) => (inWb(f) ? cellTarget(f.sheet, f.cell) : undefined),
  });
}

/** Group cells per sheet and severity; cells in several severities get the most severe. */
export function highlightGroups(findings: Finding[]): Map<string, Map<Severity, string[]>> {
  const worst = new Map<string, Map<string, Severity>>();
  const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  for (const f of findings) {
    if (!f.cell || f.file) continue;
    const perSheet = worst.get(f.sheet) ?? new Map<string, Severity>();
    const prev = perSheet.get(f.cell);
    if (!prev || rank[f.severity] < rank[prev]) perSheet.set(f.cell, f.severity);
    worst.set(f.sheet, perSheet);
  }
  const out = new Map<string, Map<Severity, string[]>>();
  for (const [sheet, cells] of worst) {
    const bySev = new Map<Severity, string[]>();
    for (const [cell, sev] of cells) bySev.set(sev, [...(bySev.get(sev) ?? []), cell]);
    out.set(sheet, bySev);
  }
  return out;
}

/** Max addresses per RangeAreas (Excel limits the address string length). */
const AREA_BATCH = 200;

/**
 * Highlight the cells of findings located in this workbook. Clears earlier highlights first, so
 * re-running does not stack formats. One sync to add everything. Returns the number of cells.
 */
export async function highlightFindings(findings: Finding[], host: ExcelHost = officeHost): Promise<number> {
  await clearHighlights([...new Set(findings.filter((f) => !f.file).map((f) => f.sheet))], host);
  const groups = highlightGroups(findings);
  let count = 0;
  try {
    await host.run(async (ctx) => {
      for (const [sheet, bySev] of groups) {
        const ws = ctx.workbook.worksheets.getItem(sheet);
        for (const [sev, cells] of bySev) {
          for (let i = 0; i < cells.length; i += AREA_BATCH) {
            const part = cells.slice(i, i + AREA_BATCH);
            const cf = ws.getRanges(part.join(",")).conditionalFormats.add("Custom");
            cf.custom.rule.formula = highlightFormula(sev);
            cf.custom.format.fill.color = HIGHLIGHT_FILL[sev];
            count += part.length;
          }
        }
      }
      await ctx.sync();
    });
  } catch (e) {
    throw mapOfficeError(e);
  }
  return count;
}

/** Remove only the conditional formats this add-in added (by their marker formula) on these sheets. */
export async function clearHighlights(sheets: string[], host: ExcelHost = officeHost): Promise<number> {
  if (sheets.length === 0) return 0;
  try {
    return await host.run(async (ctx) => {
      const wsList = sheets.map((s) => {
        const ws = ctx.workbook.worksheets.getItemOrNullObject(s);
        ws.load("isNullObject");
        return ws;
      });
      await ctx.sync();
      const collections = wsList
        .filter((ws) => !ws.isNullObject)
        .map((ws) => {
          const c = ws.getRange().conditionalFormats;
          c.load("items/id, items/type");
          return c;
        });
      await ctx.sync();
      const customs = collections.flatMap((c) => c.items.filter((cf) => cf.type === "Custom"));
      const rules = customs.map((cf) => {
        cf.custom.rule.load("formula");
        return cf;
      });
      await ctx.sync();
      const ours = rules.filter((cf) => cf.custom.rule.formula.includes(MARKER));
      ours.forEach((cf) => cf.delete());
      await ctx.sync();
      return ours.length;
    });
  } catch (e) {
    throw mapOfficeError(e);
  }
}

/**
 * Office.js replay of a sheet plan. The plan itself — cells, formats, merges, styles, widths, heights, frame,
 * print setup — is built by the core (`planSheet`, src/core/tables/plan.ts) and replayed the same way by the
 * ExcelJS writer (src/xlsx/write.ts), so the open workbook and a saved file look alike.
 *
 * This module queues the formatting pass of one sheet (no sync): merges, styles, column widths, row heights,
 * freeze panes, page layout (ExcelApi 1.9; skipped when missing) and data validation (ExcelApi 1.8). Values and
 * number formats are written by src/excel/write.ts in blocks (`rowBlocks`) before this pass.
 */
import { pick, type Lang } from "../core/i18n";
import type { PlanArea, PlanStyle, SheetPlan } from "../core/tables";
import type { ExcelHost } from "./host";
import type { RangeLike, WorksheetLike } from "./office";

export {
  isPlanFormula,
  planSheet,
  rowBlocks,
  type PlanArea,
  type PlanStyle,
  type RowRole,
  type SheetPlan,
} from "../core/tables";

const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal"];
const H_ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const V_ALIGN = { top: "Top", middle: "Center", bottom: "Bottom" } as const;

/** Excel column width (points) for a width in characters. */
export function charsToPoints(chars: number): number {
  return Math.round(chars * 5.6 + 5);
}

function areaRange(ws: WorksheetLike, a: PlanArea): RangeLike {
  return ws.getRangeByIndexes(a.row, a.col, a.rows, a.cols);
}

function borderAll(r: RangeLike): void {
  for (const e of EDGES) {
    const b = r.format.borders.getItem(e);
    b.style = "Continuous";
    b.color = "#808080";
  }
}

/** Queue one plan style on its area. */
function queueStyle(ws: WorksheetLike, s: PlanStyle): void {
  const f = areaRange(ws, s.area).format;
  if (s.font !== undefined) f.font.name = s.font;
  if (s.bold !== undefined) f.font.bold = s.bold;
  if (s.italic !== undefined) f.font.italic = s.italic;
  if (s.underline !== undefined) f.font.underline = s.underline ? "Single" : "None";
  if (s.size !== undefined) f.font.size = s.size;
  if (s.horizontal) f.horizontalAlignment = H_ALIGN[s.horizontal];
  if (s.vertical) f.verticalAlignment = V_ALIGN[s.vertical];
  if (s.wrap !== undefined) f.wrapText = s.wrap;
  if (s.fill) f.fill.color = s.fill;
  if (s.border) borderAll(areaRange(ws, s.area));
}

/**
 * Queue the layout of one written sheet: merges, styles, widths, row heights, freeze panes, print setup and data
 * validation. Protection and the generated-sheet marker are left to the caller (they come last).
 */
export function queuePlanLayout(ws: WorksheetLike, plan: SheetPlan, lang: Lang, host: ExcelHost): void {
  for (const m of plan.merges) areaRange(ws, m).merge(false);
  for (const s of plan.styles) queueStyle(ws, s);
  plan.widths.forEach((w, c) => {
    ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = charsToPoints(w);
  });
  // Frame, title, note and header rows: heights that fit their wrapped text (Excel does not auto-fit merged cells).
  for (const h of plan.rowHeights) ws.getRangeByIndexes(h.row, 0, 1, plan.cols).format.rowHeight = h.points;
  const { rows, columns } = plan.freeze;
  if (rows > 0 && columns > 0) ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, rows, columns));
  else if (rows > 0) ws.freezePanes.freezeRows(rows);
  else if (columns > 0) ws.freezePanes.freezeColumns(columns);
  if (host.supports("1.9")) {
    const p = plan.print;
    ws.pageLayout.orientation = p.landscape ? "Landscape" : "Portrait";
    ws.pageLayout.paperSize = p.paper;
    if (p.fitToWidth) ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: p.fitToHeight };
    ws.pageLayout.centerHorizontally = true;
    if (p.titleRows) ws.pageLayout.setPrintTitleRows(p.titleRows);
  }
  if (plan.validations.length > 0 && host.supports("1.8")) {
    for (const v of plan.validations) {
      const dv = areaRange(ws, v.area).dataValidation;
      const rule = v.rule;
      if (rule.kind === "list") dv.rule = { list: { inCellDropDown: true, source: rule.values.join(",") } };
      else {
        const spec =
          rule.max === undefined
            ? { formula1: rule.min, operator: "GreaterThanOrEqualTo" }
            : { formula1: rule.min, formula2: rule.max, operator: "Between" };
        dv.rule = rule.kind === "whole" ? { wholeNumber: spec } : { decimal: spec };
      }
      if (rule.prompt) dv.prompt = { showPrompt: true, title: "", message: pick(rule.prompt, lang) };
      if (rule.error) dv.errorAlert = { showAlert: true, style: "Stop", title: "", message: pick(rule.error, lang) };
    }
  }
}

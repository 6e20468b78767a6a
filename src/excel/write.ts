/**
 * Writing ResultTables as new, product-owned sheets.
 *
 * Rules this module owns (tested in test/excel/write.test.ts):
 *  1. NEVER write into the user's sheets. Output goes to "KQ - …" sheets marked with the generated-sheet
 *     name (see marker.ts). An existing sheet of that title that is NOT marked is left alone and the
 *     output gets " (2)", " (3)"…
 *  2. No half-written output. Each table is first written to a fresh temporary sheet; only when every
 *     table of the command is complete are the old generated sheets deleted and the temporaries renamed
 *     (one sync). If anything fails or the user cancels before that, the temporaries are deleted in a
 *     new Excel.run and the original error is rethrown (the previous output, if any, is untouched).
 *  3. Re-running replaces the add-in's own sheet (same name, same position of content), idempotently.
 *  4. Values go as one 2-D array per block (blocks sized to stay under the 5 MB request limit), number
 *     formats are written before values (text cells "@", so "=…" user text stays text), formulas as
 *     formulas; then one styling pass replaying the core's sheet plan (./render.ts: frame, merges, styles,
 *     widths, row heights, freeze panes, print setup, data validation — the same plan the ExcelJS writer
 *     replays), an Excel table where the layout fits, protection, the marker, a chart if asked.
 *
 * Requirement sets: 1.4 (names, getItemOrNullObject), 1.7 (freeze panes, chart series X values),
 * 1.8 (data validation, only for templates), 1.9 (page layout; skipped when unsupported).
 */
import type { Bilingual, Lang } from "../core/i18n";
import { pick } from "../core/i18n";
import type { ResultTable } from "../core/tables";
import type { ExcelHost } from "./host";
import { officeHost } from "./host";
import type { ExcelContextLike, WorksheetLike } from "./office";
import { isGatewayError, mapOfficeError, throwIfAborted } from "./errors";
import { GENERATED_NAME, OUTPUT_PREFIX, candidateName, loadSheetsWithMarkers } from "./marker";
import { planSheet, queuePlanLayout, rowBlocks, type SheetPlan } from "./render";

export { charsToPoints } from "./render";

export interface ChartSpec {
  /** ResultTable id the chart belongs to (it is placed under that table). */
  tableId: string;
  title: Bilingual;
  /** Column key of the category axis (e.g. the unit name). */
  categoryColumn: string;
  /** Column keys of the series (e.g. poor rate, near-poor rate). */
  valueColumns: string[];
  type?: "ColumnClustered" | "BarClustered";
}

export interface WriteProgress {
  tablesDone: number;
  tables: number;
  rowsWritten: number;
  totalRows: number;
}

export interface WriteOptions {
  /** Prefix of output sheet names. Default "KQ - ". */
  prefix?: string;
  lang?: Lang;
  charts?: ChartSpec[];
  /** Activate the first written sheet at the end. Default true. */
  activate?: boolean;
  onProgress?: (p: WriteProgress) => void;
  signal?: AbortSignal;
  host?: ExcelHost;
  /** Request budget per values block (bytes). Default 2 MB. */
  budgetBytes?: number;
}

export interface WrittenSheet {
  tableId: string;
  sheetName: string;
  /** True when an earlier generated sheet of that name was replaced. */
  replaced: boolean;
  rows: number;
  columns: number;
}

/** Queue the styling pass of one sheet (no sync here): the plan's layout, an Excel table, charts, marker, protection. */
function queueStyling(
  ctx: ExcelContextLike,
  ws: WorksheetLike,
  table: ResultTable,
  plan: SheetPlan,
  lang: Lang,
  host: ExcelHost,
  charts: ChartSpec[],
): void {
  queuePlanLayout(ws, plan, lang, host);
  if (plan.excelTable) {
    const t = ws.tables.add(plan.excelTable, true);
    t.style = "TableStyleLight9";
  }
  for (const spec of charts.filter((c) => c.tableId === table.id)) queueChart(ws, table, plan, spec, lang, host);
  ws.names.add(GENERATED_NAME, ws.getRange("A1"), `Poverty Planner: ${table.id}`);
  if (plan.protect) {
    for (const a of plan.protect.unlocked)
      ws.getRangeByIndexes(a.row, a.col, a.rows, a.cols).format.protection.locked = false;
    ws.protection.protect({ allowFormatColumns: true, allowFormatRows: true, allowAutoFilter: true, allowSort: true });
  }
  void ctx;
}

function queueChart(
  ws: WorksheetLike,
  table: ResultTable,
  plan: SheetPlan,
  spec: ChartSpec,
  lang: Lang,
  host: ExcelHost,
): void {
  const cat = table.columns.findIndex((c) => c.key === spec.categoryColumn);
  const vals = spec.valueColumns.map((k) => table.columns.findIndex((c) => c.key === k)).filter((i) => i >= 0);
  if (cat < 0 || vals.length === 0) return;
  // Chart the longest run of plain body rows (sections and totals would distort the bars).
  let start = -1;
  let n = 0;
  for (let r = plan.firstBodyRow, runStart = -1; r <= plan.firstBodyRow + table.rows.length; r++) {
    const body = r < plan.firstBodyRow + table.rows.length && plan.roles[r] === "body";
    if (body && runStart < 0) runStart = r;
    if (!body && runStart >= 0) {
      if (r - runStart > n) [start, n] = [runStart, r - runStart];
      runStart = -1;
    }
  }
  if (n === 0) return;
  const catRange = ws.getRangeByIndexes(start, cat, n, 1);
  const chart = ws.charts.add(spec.type ?? "ColumnClustered", ws.getRangeByIndexes(start, vals[0], n, 1), "Columns");
  chart.title.text = pick(spec.title, lang);
  chart.legend.position = "Bottom";
  const first = chart.series.getItemAt(0);
  first.name = pick(table.columns[vals[0]].header, lang);
  if (host.supports("1.7")) first.setXAxisValues(catRange);
  for (const v of vals.slice(1)) {
    const s = chart.series.add(pick(table.columns[v].header, lang));
    s.setValues(ws.getRangeByIndexes(start, v, n, 1));
    if (host.supports("1.7")) s.setXAxisValues(catRange);
  }
  const top = plan.rows + 1;
  chart.setPosition(
    ws.getRangeByIndexes(top, 0, 1, 1),
    ws.getRangeByIndexes(top + 16, Math.min(7, Math.max(3, plan.cols - 1)), 1, 1),
  );
}

let tempSeq = 0;
function tempName(i: number): string {
  tempSeq = (tempSeq + 1) % 100000;
  return `PP tmp ${Date.now().toString(36).slice(-5)}${tempSeq}-${i}`.slice(0, 31);
}

/**
 * Write tables as generated sheets. Returns the sheets written, in order. Throws (mapped) on failure
 * after removing everything this call created.
 */
export async function writeResultTables(tables: ResultTable[], options: WriteOptions = {}): Promise<WrittenSheet[]> {
  const host = options.host ?? officeHost;
  const lang = options.lang ?? "vi";
  const prefix = options.prefix ?? OUTPUT_PREFIX;
  const budget = options.budgetBytes ?? 2 * 1024 * 1024;
  const plans = tables.map((t) => planSheet(t, t.lang ?? lang));
  const totalRows = plans.reduce((n, p) => n + p.rows, 0);
  const temps: string[] = [];
  throwIfAborted(options.signal);
  try {
    return await host.run(async (ctx) => {
      // 1. Which sheet names exist, and which of them are ours?
      const sheets = ctx.workbook.worksheets;
      const { sheets: current, generated } = await loadSheetsWithMarkers(ctx, "items/name");
      const existing = new Map<string, { name: string; generated: boolean }>();
      current.forEach((s, i) => existing.set(s.name.toLowerCase(), { name: s.name, generated: generated[i] }));

      // 2. Final names: replace our own sheet, never a user's.
      const chosen = new Set<string>();
      const finals = tables.map((t) => {
        const base = prefix + pick(t.sheetName, t.lang ?? lang);
        for (let attempt = 1; ; attempt++) {
          const name = candidateName(base, attempt);
          const key = name.toLowerCase();
          const ex = existing.get(key);
          if (chosen.has(key) || (ex && !ex.generated)) continue;
          chosen.add(key);
          return { name, replaced: Boolean(ex) };
        }
      });

      // 3. Write each table into a fresh temporary sheet.
      let rowsWritten = 0;
      options.onProgress?.({ tablesDone: 0, tables: tables.length, rowsWritten, totalRows });
      for (let i = 0; i < tables.length; i++) {
        const plan = plans[i];
        const temp = tempName(i);
        const ws = sheets.add(temp);
        temps.push(temp);
        await ctx.sync();
        for (const [start, end] of rowBlocks(plan, budget)) {
          throwIfAborted(options.signal);
          ctx.workbook.application.suspendApiCalculationUntilNextSync();
          const range = ws.getRangeByIndexes(start, 0, end - start, plan.cols);
          range.numberFormat = plan.formats.slice(start, end);
          range.formulas = plan.cells.slice(start, end);
          await ctx.sync();
          rowsWritten += end - start;
          options.onProgress?.({ tablesDone: i, tables: tables.length, rowsWritten, totalRows });
        }
        throwIfAborted(options.signal);
        queueStyling(ctx, ws, tables[i], plan, tables[i].lang ?? lang, host, options.charts ?? []);
        await ctx.sync();
        options.onProgress?.({ tablesDone: i + 1, tables: tables.length, rowsWritten, totalRows });
      }
      throwIfAborted(options.signal);

      // 4. Swap in one sync: delete our old sheets, rename the temporaries.
      const tempSheets = temps.map((t) => sheets.getItem(t));
      finals.forEach((f) => {
        if (f.replaced) sheets.getItem(f.name).delete();
      });
      tempSheets.forEach((ws, i) => {
        ws.name = finals[i].name;
      });
      if (options.activate ?? true) tempSheets[0]?.activate();
      await ctx.sync();
      temps.length = 0; // nothing left to clean up
      return tables.map((t, i) => ({
        tableId: t.id,
        sheetName: finals[i].name,
        replaced: finals[i].replaced,
        rows: plans[i].rows,
        columns: plans[i].cols,
      }));
    });
  } catch (e) {
    const mapped = mapOfficeError(e);
    if (temps.length > 0) {
      try {
        await deleteSheets(temps, host);
      } catch (cleanupError) {
        if (isGatewayError(mapped)) mapped.details.cleanupError = String(cleanupError);
      }
    }
    throw mapped;
  }
}

/** Delete the named sheets when they exist (used for clean-up). Two syncs. */
export async function deleteSheets(names: string[], host: ExcelHost = officeHost): Promise<void> {
  await host.run(async (ctx) => {
    const found = names.map((n) => {
      const s = ctx.workbook.worksheets.getItemOrNullObject(n);
      s.load("isNullObject");
      return s;
    });
    await ctx.sync();
    const live = found.filter((s) => !s.isNullObject);
    if (live.length === 0) return;
    live.forEach((s) => s.delete());
    await ctx.sync();
  });
}

import type { ExcelContextLike, WorksheetLike } from "./office";

/**
 * How the add-in recognises the sheets it owns.
 *
 * Choice: a WORKSHEET-SCOPED defined name `PovertyPlanner_Generated` (ExcelApi 1.4 `Worksheet.names`),
 * referring to the sheet's A1, with a comment saying which generator wrote it. Why this and not the
 * alternatives:
 *  - it travels with the sheet: renaming the sheet or reordering sheets keeps it; deleting the sheet
 *    deletes it (no stale registry in document settings);
 *  - it is invisible in the grid (no "A1 note" a user could overwrite or print);
 *  - it survives save/reopen, e-mail and other Excel versions (custom XML parts and worksheet custom
 *    properties need newer APIs);
 *  - a user can see it (Formulas → Name Manager) and remove it to "adopt" the sheet, after which the
 *    add-in treats it as the user's and never replaces it.
 * A sheet is replaced on re-run ONLY when it carries this name; a user's sheet that happens to have the
 * same title is never touched (the output gets a " (2)" suffix instead).
 */
export const GENERATED_NAME = "PovertyPlanner_Generated";

/**
 * Every worksheet with the properties asked for, and whether each carries the marker name. Two syncs
 * (the sheets, then one null-object probe per sheet batched together), never one per sheet.
 */
export async function loadSheetsWithMarkers(
  ctx: ExcelContextLike,
  properties: string,
): Promise<{ sheets: WorksheetLike[]; generated: boolean[] }> {
  const collection = ctx.workbook.worksheets;
  collection.load(properties);
  await ctx.sync();
  const markers = collection.items.map((s) => {
    const n = s.names.getItemOrNullObject(GENERATED_NAME);
    n.load("isNullObject");
    return n;
  });
  await ctx.sync();
  return { sheets: collection.items, generated: markers.map((m) => !m.isNullObject) };
}

/** The default prefix of output sheets: "KQ - " (kết quả). */
export const OUTPUT_PREFIX = "KQ - ";

/** Excel's sheet-name rules: ≤ 31 characters, none of [ ] : * ? / \, not starting or ending with '. */
export function safeSheetName(raw: string, maxLength = 31): string {
  let s = raw
    .replace(/[[\]:*?/\\]/g, "-")
    .replace(/\s+/g, " ")
    .trim();
  s = s.replace(/^'+|'+$/g, "");
  if (s.length > maxLength) s = s.slice(0, maxLength).trimEnd();
  return s || "KQ";
}

/** "KQ - Name", then "KQ - Name (2)", "(3)"… kept within 31 characters. */
export function candidateName(base: string, attempt: number): string {
  if (attempt <= 1) return safeSheetName(base);
  const suffix = ` (${attempt})`;
  return safeSheetName(base, 31 - suffix.length) + suffix;
}

/**
 * Cells the file reader could not interpret (Grid.readIssues) → located findings, so that every face and
 * command reports them the same way: CELL_UNREADABLE (error: the value is unknown and read as blank) or
 * CELL_READ_AS_BLANK (warning: an empty value element, read as blank rather than 0).
 */
import type { Grid } from "../grid";
import { finding } from "../findings/catalogue";
import type { Finding } from "../findings/finding";
import { gridOffset } from "./detect";

export function readIssueFindings(grid: Grid, file?: string): Finding[] {
  if (!grid.readIssues?.length) return [];
  const off = gridOffset(grid);
  return grid.readIssues.map((i) => {
    const where = { file, sheet: grid.sheetName, row0: i.row0 + off.row0, col0: i.col0 + off.col0 };
    return i.severity === "error"
      ? finding("CELL_UNREADABLE", where, { reason: i.reason }, i.value !== undefined ? { value: i.value } : {})
      : finding("CELL_READ_AS_BLANK", where, {}, i.value !== undefined ? { value: i.value } : {});
  });
}

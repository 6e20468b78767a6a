/**
 * Which rows a totals row adds up, in the layouts planners use:
 * - a subtotal ("Cộng thành thị") sums the body rows of its section (since the section heading or the previous
 *   subtotal); rows between a subtotal and the next section ("trong đó …") are in no sum;
 * - a section heading that carries numbers ("I | Khu vực thành thị | 6,39 | 10.618 | …", as in provincial results)
 *   is the subtotal of the rows below it, up to the next section or total;
 * - the grand total ("Tổng cộng", "Toàn tỉnh", "Cả nước") sums the subtotals and the body rows no subtotal covers —
 *   whether it is written below its rows or above them (national results list "Cả nước" first).
 * "Trong đó …" (of which) rows are in no sum.
 * The count rule (TOTAL_ROW_MISMATCH) and the implied-total rule (TOTAL_IMPLIED_SUM) use the same grouping.
 */
import type { FormRow } from "../../sheet/read";
import { isOfWhich } from "../../sheet/rows";

export interface Aggregate {
  row: FormRow;
  kind: "subtotal" | "total";
  /** The rows it adds up: body rows, or subtotals and the body rows no subtotal covers. */
  parts: FormRow[];
  sumOf: "section" | "subtotals" | "rows";
}

const hasNumbers = (r: FormRow) => Object.keys(r.values).length > 0;

/** The aggregates of one measure's rows (households or members), in sheet order. */
export function aggregates(rows: readonly FormRow[]): Aggregate[] {
  const out: Aggregate[] = [];
  let section: FormRow[] = [];
  let heading: FormRow | undefined;
  let closed = false;
  let covered: FormRow[] = [];
  let uncovered: FormRow[] = [];
  let totalFirst: FormRow | undefined;
  const closeSection = (row: FormRow) => {
    out.push({ row, kind: "subtotal", parts: section, sumOf: "section" });
    const inSection = new Set(section);
    uncovered = uncovered.filter((x) => !inSection.has(x));
    covered.push(row);
    section = [];
  };
  const closeHeading = () => {
    if (heading) closeSection(heading);
    heading = undefined;
  };
  const grand = (row: FormRow) =>
    out.push({ row, kind: "total", parts: [...covered, ...uncovered], sumOf: covered.length ? "subtotals" : "rows" });
  for (const r of rows) {
    if (r.kind === "section") {
      closeHeading();
      section = [];
      closed = false;
      if (hasNumbers(r)) heading = r;
    } else if (r.kind === "body") {
      if (closed || isOfWhich(r.label)) continue;
      section.push(r);
      uncovered.push(r);
    } else if (r.kind === "subtotal") {
      if (heading) {
        // A heading with numbers and a subtotal below: the subtotal closes the section, the heading is a label.
        heading = undefined;
      }
      closeSection(r);
      closed = true;
    } else {
      closeHeading();
      if (!covered.length && !uncovered.length && !totalFirst) {
        totalFirst = r;
        continue;
      }
      grand(r);
      covered = [];
      uncovered = [];
      section = [];
    }
  }
  closeHeading();
  if (totalFirst && (covered.length || uncovered.length)) grand(totalFirst);
  return out.filter((a) => a.parts.length > 0);
}

/**
 * Roster read → the households a report is built from. The reader (read.ts) already types each row as a
 * `Household`; this module only decides which rows are households and which values a report cannot do
 * without, as located findings (never a silent default).
 */
import type { Household } from "../household";
import type { Finding } from "../findings/finding";
import { finding } from "../findings/catalogue";
import { at } from "./locate";
import { FIELD_BY_NAME } from "./fields";
import { rosterAreaKnown, type RosterRow, type SheetRead } from "./read";

export interface RosterHouseholds {
  /** Households in sheet order. */
  households: Household[];
  /** The rows they came from (same order). */
  rows: RosterRow[];
  /**
   * Values classification needs that are blank (income or score A, deprivation flags or count, area), as
   * VALUE_MISSING findings raised to "error": a report cannot classify the household without them.
   */
  findings: Finding[];
}

/**
 * The households of a roster read, with a located error for every value that classification under a
 * standard needs and the row lacks: income per capita or score A (B1); deprivation flags or their count;
 * the area (urban/rural selects the line). A cell the reader already reported (unreadable value) is not reported
 * twice. Footnotes below the table never reach here: the reader stops at them (`notesStartAt`).
 */
export function rosterHouseholds(read: SheetRead): RosterHouseholds {
  const households: Household[] = [];
  const rows: RosterRow[] = [];
  const findings: Finding[] = [];
  const reported = new Set(read.findings.map((f) => `${f.row}:${f.column}`));
  const missing = (r: RosterRow, fields: string[]) => {
    const field = fields.find((f) => f in read.columns) ?? fields[0];
    const where = at(read, r.row0, field);
    if (reported.has(`${r.row0 + 1}:${where.col0! + 1}`)) return; // already unreadable (e.g. "abc", "Miền núi")
    const label = FIELD_BY_NAME[field]?.label ?? { vi: field, en: field };
    findings.push({ ...finding("VALUE_MISSING", where, { field: label }, { field }), severity: "error" });
  };
  const depColumns = Object.keys(read.columns).filter((f) => f.startsWith("dep.") || f.startsWith("dep#"));
  for (const r of read.roster ?? []) {
    const h = r.household;
    households.push(h);
    rows.push(r);
    if (h.incomePerCapita === undefined && h.scoreA === undefined) missing(r, ["income", "scoreA"]);
    if (h.deprivationFlags === undefined && h.deprivationCount === undefined) missing(r, ["depTotal", ...depColumns]);
    if (!rosterAreaKnown(r)) missing(r, ["area"]);
  }
  return { households, rows, findings };
}

/**
 * The target groups (Household.targetGroups codes: "socialProtection", "noLabour", …) the roster records, i.e. those
 * with a flag column. A household without the flag is then known NOT to be in the group; for a group the roster does
 * not record nothing is known, and a report must not show it as zero.
 */
export function recordedTargetGroups(read: Pick<SheetRead, "columns">): string[] {
  return Object.keys(read.columns)
    .filter((f) => f.startsWith("tg."))
    .map((f) => f.slice(3));
}

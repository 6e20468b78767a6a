/**
 * A roster read → the households a report is built from, or the errors that stop the report. One contract for every
 * face that builds the report set from a household list (`poverty report`, the task pane's Reports workflow): a
 * report is never built from part of a roster, so the same roster is refused the same way everywhere.
 */
import { sortFindings, uniqueFindings, type Finding } from "../findings";
import { rosterHouseholds, type RosterHouseholds, type SheetRead } from "../sheet";
import { checkDuplicateIds } from "./rules/cross";

export interface ReportRoster extends RosterHouseholds {
  /**
   * Errors that stop a report, sorted and without repeats: the reader's errors (unreadable cells, unknown areas …),
   * duplicate household ids (HH_DUPLICATE_ID) and the values classification needs that are blank (VALUE_MISSING
   * raised to an error). Empty when the report can be built.
   */
  blocking: Finding[];
}

/** The households of a roster read and the errors that stop a report over them (see {@link ReportRoster}). */
export function reportRoster(read: SheetRead): ReportRoster {
  const roster = rosterHouseholds(read);
  const blocking = sortFindings(
    uniqueFindings([...read.findings, ...checkDuplicateIds([read]), ...roster.findings]).filter(
      (f) => f.severity === "error",
    ),
  );
  return { ...roster, blocking };
}

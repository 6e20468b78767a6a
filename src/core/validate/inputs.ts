/**
 * What stops the faces' main operations, decided once for all of them:
 * - a report over a household roster (`poverty report`, the task pane's Reports workflow) — `reportRoster`: a report
 *   is never built from part of a roster;
 * - a target allocation over a unit table (`poverty targets`, the pane's Targets workflow) — `targetUnits`: only errors
 *   in the columns the allocation reads stop it.
 * So the same table is accepted or refused the same way everywhere.
 */
import type { Grid } from "../grid";
import { sortFindings, uniqueFindings, type Finding } from "../findings";
import {
  allocationFields,
  allocationUnits,
  detect,
  readSheet,
  rosterHouseholds,
  type RosterHouseholds,
  type SheetRead,
  type SheetUnits,
} from "../sheet";
import { checkDuplicateIds } from "./rules/cross";
import { validateSheet } from "./run";

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

export interface TargetUnits extends SheetUnits {
  /** The unit table as read (a summary or target table; any other sheet is read as a summary table). */
  read: SheetRead;
  /**
   * Errors in what the allocation reads (unit, households, poor counts or rates, and the tier or weight when the
   * method needs it), from the reader, the table rules and the allocation's own checks; sorted, without repeats.
   * Empty when the allocation can run.
   */
  blocking: Finding[];
  /** Errors in the table's other columns (its own plan, a stated reduction …): said, but they do not stop it. */
  otherErrors: number;
}

/** A unit table → the allocation units and the errors that stop an allocation over them (see {@link TargetUnits}). */
export function targetUnits(
  grid: Grid,
  options: { file?: string; need?: { tier?: boolean; weight?: boolean } } = {},
): TargetUnits {
  const { file, need = {} } = options;
  const detection = detect(grid, file !== undefined ? { file } : {});
  const read = readSheet(grid, {
    ...(file !== undefined ? { file } : {}),
    ...(detection.kind === "summary" || detection.kind === "target" ? {} : { kind: "summary" as const }),
  });
  const units = allocationUnits(grid, read, need);
  const used = allocationFields(read, need);
  const errors = uniqueFindings([...read.findings, ...validateSheet(read), ...units.findings]).filter(
    (f) => f.severity === "error",
  );
  const blocking = sortFindings(errors.filter((f) => f.field === undefined || used.has(f.field)));
  return { ...units, read, blocking, otherErrors: errors.length - blocking.length };
}

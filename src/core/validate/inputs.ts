/**
 * What stops the faces' main operations, decided once for all of them:
 * - a report over a household roster (`poverty report`, the task pane's Reports workflow) — `reportRoster`: a report
 *   is never built from part of a roster;
 * - a target allocation over a unit table (`poverty targets`, the pane's Targets workflow) — `targetUnits`: only errors
 *   in the columns the allocation reads stop it.
 * So the same table is accepted or refused the same way everywhere.
 */
import type { Grid } from "../grid";
import { finding, sortFindings, uniqueFindings, type Finding } from "../findings";
import { formatNumber, formatPercent, type Bilingual } from "../i18n";
import { roundHalfUpInt } from "../measures/checks";
import { methodNeeds, type AllocationMethod, type AllocationUnit } from "../targets/allocate";
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
import { at } from "./rules/common";
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
  options: {
    file?: string;
    /** The allocation method: its tier or weight column is then needed ({@link methodNeeds}). */
    method?: AllocationMethod;
    /** The columns needed, when no method is given. */
    need?: { tier?: boolean; weight?: boolean };
  } = {},
): TargetUnits {
  const { file } = options;
  const need = options.method ? methodNeeds(options.method) : (options.need ?? {});
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

/** What an allocation is asked to do: the overall reduction (pp, a fraction) and/or the tiers' reductions. */
export interface TargetPlan {
  method: AllocationMethod;
  reduction?: number;
  tierReductions?: Readonly<Record<string, number>>;
}

/**
 * TARGET_IMPOSSIBLE: a reduction that would lift more households out of poverty than there are poor households is an
 * error, said with the poor count (never capped). The overall reduction is checked against the whole table (located
 * on its total row's poor cell when it has one); a tiered allocation without an overall reduction is checked unit by
 * unit against each unit's own tier reduction (located on the unit's poor cell).
 */
export function targetFeasibility(
  table: { read: SheetRead; units: readonly AllocationUnit[]; rows: readonly { row0: number }[] },
  plan: TargetPlan,
): Finding[] {
  const { read, units, rows } = table;
  const out: Finding[] = [];
  const poorField = read.columns.poor !== undefined ? "poor" : "poorRate";
  const pp = (x: number): Bilingual => ({ vi: formatNumber(x * 100, "vi", 2), en: formatNumber(x * 100, "en", 2) });
  const pct = (x: number): Bilingual => ({ vi: formatPercent(x, "vi"), en: formatPercent(x, "en") });
  const check = (unit: string | Bilingual, households: number, poor: number, reduction: number, row0?: number) => {
    if (!(households > 0)) return;
    const rate = poor / households;
    if (reduction - rate <= 1e-12) return;
    const where =
      row0 === undefined
        ? { file: read.file, sheet: read.sheet }
        : read.columns[poorField] !== undefined
          ? at(read, row0, poorField)
          : { file: read.file, sheet: read.sheet, row0, col0: 0 };
    out.push(
      finding(
        "TARGET_IMPOSSIBLE",
        where,
        {
          unit,
          reduction: pp(reduction),
          households,
          asked: roundHalfUpInt(reduction * households),
          poor,
          rate: pct(rate),
          max: pp(rate),
        },
        { field: poorField, value: String(reduction), expected: `≤ ${rate}` },
      ),
    );
  };
  if (plan.reduction !== undefined) {
    const households = units.reduce((a, u) => a + u.households, 0);
    const poor = units.reduce((a, u) => a + u.poor, 0);
    const total = read.table?.find((r) => r.kind === "total");
    check({ vi: "Cả bảng", en: "The whole table" }, households, poor, plan.reduction, total?.row0);
  } else if (plan.method === "tiered" && plan.tierReductions) {
    units.forEach((u, i) => {
      const r = u.tier !== undefined ? plan.tierReductions![u.tier] : undefined;
      if (r !== undefined) check(u.name ?? u.code, u.households, u.poor, r, rows[i]?.row0);
    });
  }
  return sortFindings(out);
}

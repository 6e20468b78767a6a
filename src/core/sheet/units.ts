/**
 * Unit table read → allocation units for the target tables (core/targets `allocate`).
 * A unit table is a sheet of kind "summary" (Biểu 1: total households, poor households per unit) or
 * "target" (households, poor at the start). Optional extra columns the detector leaves unmapped:
 * a tier ("Nhóm", "Tier", "Group") for the tiered method and a weight ("Trọng số", "Weight") for the
 * weighted method. Total and section rows are not units.
 */
import type { Grid } from "../grid";
import type { AllocationUnit } from "../targets/allocate";
import type { Finding } from "../findings/finding";
import { finding } from "../findings/catalogue";
import { at } from "./locate";
import { gridOffset } from "./detect";
import { FIELD_BY_NAME } from "./fields";
import { parseNumberCell } from "./parse";
import { impliedTotalInterval } from "../measures/intervals";
import type { FormRow, SheetRead } from "./read";
import { cellText, hasPhrase, normalizeHeader } from "./text";

export interface SheetUnits {
  units: AllocationUnit[];
  /** The table rows they came from (same order). */
  rows: FormRow[];
  /** Blank or unreadable values the allocation needs, as errors located on the sheet. */
  findings: Finding[];
  /**
   * Units whose total households were not written but implied by their poor count and rate (a planner's table
   * without a "Tổng số hộ" column): the interval the printed rate allows and the value used (its midpoint, rounded).
   */
  implied: ImpliedHouseholds[];
}

export interface ImpliedHouseholds {
  unit: string;
  /** 0-based sheet row. */
  row0: number;
  min: number;
  max: number;
  used: number;
}

/**
 * How far the targets may move because the totals are implied, as a share of the total used: Σ (max − min) ÷ Σ used.
 * Above this, the rates are printed with too few decimals for the targets and a total column is asked for.
 */
export const IMPLIED_TOTAL_SPREAD_LIMIT = 0.01;

/** The fields a unit's allocation reads: findings on other columns do not stop a target table. */
export function allocationFields(read: SheetRead, need: { tier?: boolean; weight?: boolean } = {}): Set<string> {
  const target = read.kind === "target";
  return new Set([
    "unit",
    "households",
    target ? "startCount" : "poor",
    target ? "startRate" : "poorRate",
    ...(need.tier ? ["tier"] : []),
    ...(need.weight ? ["weight"] : []),
  ]);
}

const TIER_PHRASES = ["nhom", "nhom don vi", "phan nhom", "tier", "group"];
const WEIGHT_PHRASES = ["trong so", "weight"];
const TIER_LABEL = { vi: "Nhóm", en: "Tier" };
const WEIGHT_LABEL = { vi: "Trọng số", en: "Weight" };

function extraColumn(read: SheetRead, phrases: string[]): number | undefined {
  const u = read.detection.mapping.unmapped.find((c) => phrases.some((p) => hasPhrase(normalizeHeader(c.header), p)));
  return u?.col;
}

/**
 * Allocation units from a summary or target sheet: code = the row's position ("01", "02", … in sheet order,
 * which is also the last tie-break of the largest-remainder rounding), name = the unit label,
 * households = total households, poor = poor households ("poor" in Biểu 1, "startCount" in a target table).
 * Missing household or poor counts, and a missing tier/weight when `need` asks for it, are findings
 * (STRUCT_MISSING_COLUMN when the column is absent; VALUE_MISSING / VALUE_NOT_NUMBER raised to error), never zeros;
 * a unit with 0 households is TARGET_UNIT_NO_HOUSEHOLDS (no rate, so no target).
 */
export function allocationUnits(
  grid: Grid,
  read: SheetRead,
  need: { tier?: boolean; weight?: boolean } = {},
): SheetUnits {
  const units: AllocationUnit[] = [];
  const rows: FormRow[] = [];
  const findings: Finding[] = [];
  const poorField = read.kind === "target" ? "startCount" : "poor";
  const rateField = read.kind === "target" ? "startRate" : "poorRate";
  const implied: ImpliedHouseholds[] = [];
  const off = gridOffset(grid);
  const tierCol = extraColumn(read, TIER_PHRASES);
  const weightCol = extraColumn(read, WEIGHT_PHRASES);
  const body = (read.table ?? []).filter((r) => r.kind === "body" && r.measure === "households");
  const width = String(body.length).length < 2 ? 2 : String(body.length).length;
  const error = (f: Finding): Finding => ({ ...f, severity: "error" });
  const missing = (
    r: FormRow,
    field: string,
    label = FIELD_BY_NAME[field]?.label ?? { vi: field, en: field },
    col0?: number,
  ) =>
    findings.push(
      error(
        finding(
          "VALUE_MISSING",
          col0 === undefined ? at(read, r.row0, field) : { file: read.file, sheet: read.sheet, row0: r.row0, col0 },
          { field: label },
          { field },
        ),
      ),
    );
  const header = { file: read.file, sheet: read.sheet, row0: read.detection.mapping.headerTop + off.row0 };
  const kind =
    read.kind === "target" ? { vi: "bảng chỉ tiêu", en: "target table" } : { vi: "biểu tổng hợp", en: "summary table" };
  if (need.tier && tierCol === undefined)
    findings.push(finding("STRUCT_MISSING_COLUMN", header, { column: TIER_LABEL, kind }, { field: "tier" }));
  if (need.weight && weightCol === undefined)
    findings.push(finding("STRUCT_MISSING_COLUMN", header, { column: WEIGHT_LABEL, kind }, { field: "weight" }));
  body.forEach((r, i) => {
    let households = r.values.households;
    const poor = r.values[poorField];
    // No total written: the total the poor count and its printed rate allow (core/measures/intervals).
    const rate = r.values[rateField];
    const decimals = read.rates[rateField]?.decimals;
    if (households === undefined && poor !== undefined && rate !== undefined && decimals !== undefined) {
      const x = impliedTotalInterval(poor, rate, decimals);
      if (x && Number.isFinite(x.max)) {
        households = Math.round((x.min + x.max) / 2);
        implied.push({ unit: r.label, row0: r.row0, min: x.min, max: x.max, used: households });
      }
    }
    if (households === undefined) missing(r, "households");
    // A unit without households has no rate: the allocation cannot give it a target (found by the fuzz suite).
    else if (households === 0) {
      const field = "households" in read.columns ? "households" : rateField;
      findings.push(finding("TARGET_UNIT_NO_HOUSEHOLDS", at(read, r.row0, field), { unit: r.label }, { field }));
    }
    if (poor === undefined) missing(r, poorField);
    const unit: AllocationUnit = {
      code: String(i + 1).padStart(width, "0"),
      name: r.label,
      households: households ?? 0,
      poor: poor ?? 0,
    };
    const cell = (c: number) => grid.values[r.row0 - off.row0]?.[c];
    if (tierCol !== undefined) {
      const t = cellText(cell(tierCol));
      if (t) unit.tier = t;
    }
    if (need.tier && unit.tier === undefined && tierCol !== undefined)
      missing(r, "tier", TIER_LABEL, tierCol + off.col0);
    if (weightCol !== undefined) {
      const v = cell(weightCol);
      const p = parseNumberCell(v);
      if (p.ok && p.n.value >= 0) unit.weight = p.n.value;
      else if (cellText(v) !== "")
        findings.push(
          error(
            finding(
              "VALUE_NOT_NUMBER",
              { file: read.file, sheet: read.sheet, row0: r.row0, col0: weightCol + off.col0 },
              { field: WEIGHT_LABEL, value: cellText(v) },
              { field: "weight", value: cellText(v) },
            ),
          ),
        );
    }
    if (
      need.weight &&
      unit.weight === undefined &&
      weightCol !== undefined &&
      !findings.some((f) => f.field === "weight" && f.row === r.row0 + 1)
    )
      missing(r, "weight", WEIGHT_LABEL, weightCol + off.col0);
    units.push(unit);
    rows.push(r);
  });
  const spread = implied.reduce((a, x) => a + (x.max - x.min), 0);
  const used = implied.reduce((a, x) => a + x.used, 0);
  if (implied.length && spread > IMPLIED_TOTAL_SPREAD_LIMIT * used)
    findings.push(
      finding(
        "TARGET_IMPLIED_TOTAL_WIDE",
        header.row0 === undefined
          ? { file: read.file, sheet: read.sheet }
          : { ...header, col0: read.columns[rateField] },
        {
          spread: Math.round((spread / used) * 1000) / 10,
          used,
          limit: IMPLIED_TOTAL_SPREAD_LIMIT * 100,
        },
        { field: rateField },
      ),
    );
  return { units, rows, findings, implied };
}

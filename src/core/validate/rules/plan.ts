/**
 * Plan-indicator sheets (chỉ tiêu kế hoạch: indicator, unit of measure, [direction], [baseline], plan, actual,
 * [% achieved], [status]). The stated "% thực hiện / % hoàn thành" and status (Đạt / Vượt / Chưa đạt) are
 * recomputed with core/targets `progress()` — never re-implemented here:
 * - "increase to" (tăng lên): share = actual ÷ plan; with a baseline also (actual − baseline) ÷ (plan − baseline)
 *   (the product's own tracking table) — the stated % may match either;
 * - "reduce to" (giảm xuống còn): share = (baseline − actual) ÷ (baseline − plan), only with a baseline; without one
 *   the status compares actual with plan (≤ is met) and a stated % is not checked.
 * Shares are fractions (1 = 100 %), compared at the column's precision like the rate rules: one unit off in the
 * last decimal → PLAN_SHARE_ROUNDING (warning), more → PLAN_SHARE_MISMATCH (error).
 *
 * Direction, baseline, % achieved and status are the reader's mapped fields `planDirection`, `planBaseline`,
 * `planShare`, `planStatus`. Plan, actual and baseline are the reader's values (it resolves "1,500" by the row's unit
 * of measure and reports text, ranges and errors); the % column is re-read from the grid for its precision.
 */
import type { CellValue, Grid } from "../../grid";
import { fold } from "../../i18n";
import type { Finding } from "../../findings/finding";
import { finding } from "../../findings/catalogue";
import type { SheetRead, FormRow } from "../../sheet/read";
import { gridOffset } from "../../sheet/detect";
import { formatPrecision, parseNumberCell } from "../../sheet/parse";
import { cellText } from "../../sheet/text";
import { progress, PROGRESS_STATUS_LABELS, type ProgressResult, type ProgressStatus } from "../../targets/progress";
import { isPovertyError } from "../../errors";
import { a1 } from "../../address";
import type { RelatedCell } from "../../findings/finding";
import { label, pct, unitsOff } from "./common";
import { planDirection, type PlanDirection } from "../../sheet/indicators";

export type PlanExtraField = "planDirection" | "planBaseline" | "planShare" | "planStatus";

interface ExtraColumn {
  /** Absolute 0-based column. */
  col0: number;
  header: string;
}

/** Where the optional plan columns are: the reader maps them (core/sheet fields planDirection … planStatus). */
export function planExtraColumns(read: SheetRead): Partial<Record<PlanExtraField, ExtraColumn>> {
  const out: Partial<Record<PlanExtraField, ExtraColumn>> = {};
  for (const f of ["planDirection", "planBaseline", "planShare", "planStatus"] as PlanExtraField[]) {
    if (!(f in read.columns)) continue;
    const c = read.detection.mapping.columns.find((x) => x.field === f);
    out[f] = { col0: read.columns[f], header: c?.header ?? f };
  }
  return out;
}

/** A stated status: Đạt / Vượt / Chưa đạt (with or without diacritics), Met / Achieved / Exceeded / Not met. */
export function parseStatus(text: string): ProgressStatus | undefined {
  const t = fold(text)
    .replace(/[^a-z ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (!t) return undefined;
  if (/^(chua|khong) (dat|hoan thanh)|^not (met|achieved|reached)|^(missed|unmet|below plan|behind)/.test(t))
    return "chuaDat";
  if (/^(vuot|hoan thanh vuot|dat va vuot|exceeded|exceeds|above plan|over achieved)/.test(t)) return "vuot";
  if (/^(dat|hoan thanh|met|achieved|on plan|on target|reached)( |$)/.test(t)) return "dat";
  return undefined;
}

const met = (s: ProgressStatus) => s !== "chuaDat";

function tryProgress(input: Parameters<typeof progress>[0]): ProgressResult | undefined {
  try {
    return progress(input);
  } catch (e) {
    if (isPovertyError(e)) return undefined;
    throw e;
  }
}

/** Scale and precision (fraction decimals) of the stated % column. */
interface ShareColumn {
  scale: "fraction" | "percent";
  decimals: number;
}

/**
 * PLAN_SHARE_MISMATCH / PLAN_SHARE_ROUNDING, PLAN_STATUS_MISMATCH / PLAN_STATUS_DEGREE, PLAN_TARGET_NOT_POSITIVE,
 * PLAN_BASELINE_WRONG_SIDE and VALUE_NEGATIVE (plan, actual, baseline, % cells) on a plan-indicator sheet.
 * `grid` is the sheet the read came from (needed for columns the reader does not map).
 */
export function checkPlan(read: SheetRead, grid?: Grid): Finding[] {
  const out: Finding[] = [];
  if (read.kind !== "plan" || !read.table) return out;
  const extra = planExtraColumns(read);
  const off = grid ? gridOffset(grid) : { row0: 0, col0: 0 };
  const cellOf = (row: FormRow, f: string): CellValue => {
    const col0 = f in read.columns ? read.columns[f] : extra[f as PlanExtraField]?.col0;
    if (col0 === undefined) return null;
    if (grid) return grid.values[row.row0 - off.row0]?.[col0 - off.col0] ?? null;
    return row.values[f] ?? row.texts[f] ?? null;
  };
  const colOf = (f: string): number | undefined =>
    f in read.columns ? read.columns[f] : extra[f as PlanExtraField]?.col0;
  const where = (row: FormRow, f: string) => ({ file: read.file, sheet: read.sheet, row0: row.row0, col0: colOf(f) });
  const rel = (row: FormRow, f: string): RelatedCell => {
    const r: RelatedCell = { sheet: read.sheet, cell: a1(row.row0, colOf(f) ?? 0) };
    if (read.file !== undefined) r.file = read.file;
    return r;
  };
  const num = (row: FormRow, f: string): { value: number; decimals: number; percent: boolean } | undefined => {
    if (colOf(f) === undefined) return undefined;
    const p = parseNumberCell(cellOf(row, f), "decimal");
    return p.ok ? p.n : undefined;
  };

  const rows = read.table.filter((r) => r.kind === "body" && (r.texts.indicator ?? "").trim() !== "");
  interface Item {
    row: FormRow;
    plan?: number;
    actual?: number;
    baseline?: number;
    dir: PlanDirection;
    candidates: ProgressResult[];
  }
  const items: Item[] = [];
  for (const row of rows) {
    const plan = row.values.planTarget;
    const actual = row.values.planActual;
    const baseline = row.values.planBaseline;
    let bad = false;
    for (const [f, v] of [
      ["planTarget", plan],
      ["planActual", actual],
      ["planBaseline", baseline],
    ] as const) {
      if (v !== undefined && v < 0) {
        bad = true;
        out.push(
          finding("VALUE_NEGATIVE", where(row, f), { field: label(f), value: v }, { field: f, value: String(v) }),
        );
      }
    }
    const dir = planDirection(row.texts.indicator ?? "", cellText(cellOf(row, "planDirection")), baseline, plan);
    const item: Item = { row, dir, candidates: [] };
    if (plan !== undefined) item.plan = plan;
    if (actual !== undefined) item.actual = actual;
    if (baseline !== undefined) item.baseline = baseline;
    items.push(item);
    if (bad || plan === undefined || actual === undefined) continue;
    if (dir.direction === "increase" && plan <= 0 && !(baseline !== undefined && plan > baseline)) {
      out.push(
        finding(
          "PLAN_TARGET_NOT_POSITIVE",
          where(row, "planTarget"),
          { value: plan, actual },
          { field: "planTarget", value: String(plan), expected: "> 0", related: [rel(row, "planActual")] },
        ),
      );
      continue;
    }
    if (dir.direction === "reduce" && baseline !== undefined && !(baseline > plan)) {
      out.push(
        finding(
          "PLAN_BASELINE_WRONG_SIDE",
          where(row, "planTarget"),
          { value: plan, baseline },
          { field: "planTarget", value: String(plan), expected: `< ${baseline}`, related: [rel(row, "planBaseline")] },
        ),
      );
      continue;
    }
    const c: ProgressResult[] = [];
    if (baseline !== undefined) {
      const p = tryProgress({ actual, target: plan, baseline, direction: dir.direction });
      if (p) c.push(p);
    }
    if (dir.direction === "increase" || baseline === undefined) {
      const p = tryProgress({ actual, target: plan, direction: dir.direction });
      if (p) c.push(p);
    }
    item.candidates = c;
  }

  // The % column: scale and precision, like the reader's rate columns.
  let share: ShareColumn | undefined;
  if (colOf("planShare") !== undefined)
    share = shareColumn(
      items,
      (it) => num(it.row, "planShare"),
      (it) => {
        const c0 = colOf("planShare")!;
        return formatPrecision(grid?.numberFormats?.[it.row.row0 - off.row0]?.[c0 - off.col0]);
      },
    );

  for (const it of items) {
    const { row } = it;
    // % achieved
    const s = share ? num(row, "planShare") : undefined;
    if (share && s) {
      const stated = s.percent ? s.value : share.scale === "percent" ? s.value / 100 : s.value;
      if (stated < 0) {
        out.push(
          finding(
            "VALUE_NEGATIVE",
            where(row, "planShare"),
            { field: label("planShare"), value: pct(stated, share.decimals) },
            { field: "planShare", value: String(stated) },
          ),
        );
      } else {
        const shares = it.candidates.map((p) => p.share).filter((x): x is number => x !== null);
        if (shares.length) {
          let best = shares[0];
          let off1 = unitsOff(stated, best, share.decimals);
          for (const x of shares.slice(1)) {
            const o = unitsOff(stated, x, share.decimals);
            if (o < off1) {
              off1 = o;
              best = x;
            }
          }
          if (off1 > 0) {
            out.push(
              finding(
                off1 === 1 ? "PLAN_SHARE_ROUNDING" : "PLAN_SHARE_MISMATCH",
                where(row, "planShare"),
                {
                  value: pct(stated, share.decimals),
                  expected: pct(best, share.decimals),
                  formula: formulaText(it),
                },
                {
                  field: "planShare",
                  value: String(stated),
                  expected: String(Math.round(best * 10 ** share.decimals) / 10 ** share.decimals),
                  related: [
                    rel(row, "planActual"),
                    rel(row, "planTarget"),
                    ...(it.baseline !== undefined ? [rel(row, "planBaseline")] : []),
                  ],
                },
              ),
            );
          }
        }
      }
    }
    // Status
    if (colOf("planStatus") === undefined || !it.candidates.length) continue;
    const text = cellText(cellOf(row, "planStatus"));
    const stated = parseStatus(text);
    if (!stated) continue;
    const computed = it.candidates[0].status;
    if (stated === computed) continue;
    const code = met(stated) === met(computed) ? "PLAN_STATUS_DEGREE" : "PLAN_STATUS_MISMATCH";
    out.push(
      finding(
        code,
        where(row, "planStatus"),
        {
          value: text,
          expected: PROGRESS_STATUS_LABELS[computed],
          actual: it.actual!,
          plan: it.plan!,
          direction: it.dir.direction === "reduce" ? DIR_REDUCE : DIR_INCREASE,
        },
        {
          field: "planStatus",
          value: text,
          expected: PROGRESS_STATUS_LABELS[computed].vi,
          related: [rel(row, "planActual"), rel(row, "planTarget")],
        },
      ),
    );
  }
  return out;
}

const DIR_REDUCE = { vi: "chỉ tiêu giảm", en: "a reduce-to indicator" };
const DIR_INCREASE = { vi: "chỉ tiêu tăng", en: "an increase-to indicator" };

function formulaText(it: { dir: PlanDirection; baseline?: number }): { vi: string; en: string } {
  if (it.dir.direction === "reduce")
    return { vi: "(đầu kỳ − thực hiện) ÷ (đầu kỳ − kế hoạch)", en: "(baseline − actual) ÷ (baseline − plan)" };
  return it.baseline !== undefined
    ? { vi: "thực hiện ÷ kế hoạch (hoặc so với đầu kỳ)", en: "actual ÷ plan (or relative to the baseline)" }
    : { vi: "thực hiện ÷ kế hoạch", en: "actual ÷ plan" };
}

/**
 * Scale and precision of the % column: a % number format → fractions, decimals from the format; else values written
 * with "%" are fractions; plain numbers are percent (109,2) or fractions (1,092) — whichever is closer to the
 * recomputed shares (percent when nothing can be recomputed and a value exceeds 5). Decimals: the most among the
 * column's values (Excel drops trailing zeros), in fraction terms.
 */
function shareColumn<T extends { candidates: ProgressResult[] }>(
  items: T[],
  value: (it: T) => { value: number; decimals: number; percent: boolean } | undefined,
  format: (it: T) => { decimals: number; percent: boolean } | undefined,
): ShareColumn {
  let fmt: { decimals: number; percent: boolean } | undefined;
  for (const it of items) if (value(it) && (fmt = format(it))) break;
  const plain = items.filter((it) => value(it) && !value(it)!.percent);
  let scale: ShareColumn["scale"] = "fraction";
  if (fmt?.percent) scale = "fraction";
  else if (plain.length) {
    let errF = 0,
      errP = 0,
      n = 0;
    for (const it of plain) {
      const e = it.candidates.find((p) => p.share !== null)?.share;
      if (e === undefined || e === null) continue;
      const v = value(it)!.value;
      errF += Math.abs(v - e);
      errP += Math.abs(v / 100 - e);
      n++;
    }
    if (n > 0) scale = errP < errF ? "percent" : "fraction";
    else scale = plain.some((it) => Math.abs(value(it)!.value) > 5) ? "percent" : "fraction";
  }
  let decimals: number;
  if (fmt) decimals = fmt.decimals + (fmt.percent || scale === "percent" ? 2 : 0);
  else {
    decimals = 0;
    for (const it of items) {
      const v = value(it);
      if (!v) continue;
      const d = v.percent ? v.decimals : v.decimals + (scale === "percent" ? 2 : 0);
      if (d > decimals) decimals = d;
    }
    decimals = Math.min(decimals, 12);
  }
  return { scale, decimals };
}

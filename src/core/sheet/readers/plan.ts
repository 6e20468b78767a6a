/** Plan-indicator cells (chỉ tiêu kế hoạch): numbers, ranges and bounds, the unit of measure's number hint. */
import type { CellValue } from "../../grid";
import { fold } from "../../i18n";
import { finding } from "../../findings/catalogue";
import type { Detection } from "../detect";
import { parseNumberCell, parseNumberText, type NumberHint } from "../parse";
import { cellText } from "../text";
import { isBlank } from "../extent";
import type { FormRow } from "../read";
import { reportProblem, type Ctx } from "./common";

const COUNT_UNITS =
  /^(ho|ho gia dinh|nguoi|lao dong|nhan khau|khau|xa|thon|ban|to|cong trinh|hoc sinh|lop|mo hinh|du an|households?|people|persons|workers|communes|villages|projects|units)$/;

/**
 * How a plan row's unit of measure resolves "1,500": counts ("hộ", "người", "households") are thousands, a percent
 * ("%", "điểm %", "tỷ lệ") a decimal; anything else (money in "triệu đồng" may well be 1,5) is not resolved.
 */
export function unitHint(unitOfMeasure: string): NumberHint | undefined {
  const u = fold(unitOfMeasure).replace(/[()]/g, "").trim();
  if (!u) return undefined;
  if (/%|phan tram|percent|ty le|diem/.test(u)) return "decimal";
  if (COUNT_UNITS.test(u)) return "integer";
  return undefined;
}

const BOUND_BEFORE =
  /^(>=|<=|≥|≤|>|<|tren|duoi|toi thieu|toi da|it nhat|khong qua|khong duoi|khong thap hon|tu|above|below|over|under|at least|at most|more than|less than|min|max)\s*:?\s*/;
const BOUND_AFTER = /\s*(tro len|tro xuong|tro len tren|or more|or less|and above|and below|\+)$/;
const RANGE = /^(.+?)\s*(?:–|—|-|~|den|to)\s*(.+)$/;

/**
 * A plan written as a range ("1–1,5", "1-1.5", "1,2 đến 1,5 %") or a bound ("≥ 90%", "trên 90%", "từ 1,5% trở lên",
 * "at least 90"): the text is a target, not a typo, though it is not one number.
 */
export function isRangeOrBound(text: string, hint?: NumberHint): boolean {
  const t = fold(text);
  const num = (x: string) => {
    const n = parseNumberText(x, hint);
    return n !== undefined && !n.ambiguous;
  };
  const rm = RANGE.exec(t);
  if (rm && num(rm[1]) && num(rm[2])) return true;
  const inner = t.replace(BOUND_BEFORE, "").replace(BOUND_AFTER, "");
  return inner !== t && num(inner);
}

/**
 * One cell of a numeric plan column (plan, actual, baseline, % achieved): a number, or — never silently — a finding:
 * PLAN_TARGET_RANGE (info) for a range or bound in the plan column, kept as text; VALUE_NOT_NUMBER for other text,
 * VALUE_AMBIGUOUS_NUMBER for "1,500" the row's unit of measure does not resolve, VALUE_EXCEL_ERROR for errors.
 * Signs and plan-specific checks are rules/plan.ts's.
 */
export function readPlanCell(
  ctx: Ctx,
  tr: FormRow,
  r: number,
  c: number,
  f: string,
  v: CellValue,
  hint?: NumberHint,
): void {
  const p = parseNumberCell(v, hint);
  if (p.ok) {
    tr.values[f] = p.n.value;
    return;
  }
  if (p.problem === "blank") return;
  const t = cellText(v);
  tr.texts[f] = t;
  if (f === "planTarget" && p.problem === "notNumber" && isRangeOrBound(t, hint)) {
    ctx.findings.push(
      finding(
        "PLAN_TARGET_RANGE",
        { file: ctx.file, sheet: ctx.sheet, ...ctx.cell(r, c) },
        { value: t },
        { field: f, value: t },
      ),
    );
    return;
  }
  reportProblem(ctx, r, c, f, p.problem, p.text, p.ambiguous);
}

/**
 * "Kết quả" heads the status column (Đạt / Vượt / Chưa đạt) of most tracking tables, but some sheets use it for the
 * actual figure. When a plan sheet has no other actual column and the "Kết quả" column holds mostly numbers, it is
 * the actual.
 */
export function planResultIsActual(values: CellValue[][], det: Detection): boolean {
  const m = det.mapping.byField;
  if (det.kind !== "plan" || "planActual" in m || !("planStatus" in m)) return false;
  const c = m.planStatus;
  let numbers = 0;
  let texts = 0;
  for (let r = det.mapping.dataStart; r < Math.min(values.length, det.mapping.dataStart + 200); r++) {
    const v = values[r]?.[c];
    if (isBlank(v)) continue;
    if (parseNumberCell(v, "decimal").ok) numbers++;
    else texts++;
  }
  return numbers > texts;
}

/** The detection with the plan's "Kết quả" column read as the actual (see planResultIsActual). */
export function withResultAsActual(det: Detection): Detection {
  const { planStatus, ...rest } = det.mapping.byField;
  return {
    ...det,
    mapping: {
      ...det.mapping,
      byField: { ...rest, planActual: planStatus },
      columns: det.mapping.columns.map((x) => (x.field === "planStatus" ? { ...x, field: "planActual" } : x)),
    },
  };
}

/**
 * Plan-indicator tracking (theo dõi chỉ tiêu kế hoạch): indicator, unit of measure, direction, baseline, plan,
 * actual, % achieved and status đạt / vượt / chưa đạt — the same rules as `progress` (core/targets):
 * - increase: share = actual/plan, or (actual − baseline)/(plan − baseline) with a baseline;
 * - reduce ("giảm xuống còn"): share = (baseline − actual)/(baseline − plan); without a baseline no share, the
 *   status compares actual with plan (≤ is met).
 * Status: vượt when share > 1, đạt when share = 1 (±1e-9), else chưa đạt. Both % and status are Excel formulas,
 * so the table stays right when a ward types a new "actual".
 */
import { bi, type Lang } from "../i18n";
import { progress, PROGRESS_STATUS_LABELS } from "../targets/progress";
import { column, formFrame, TableBuilder, tr, type TableOptions } from "./build";
import { formulaCell, type NumberFormatKind, type ResultTable, type TableCell } from "./model";

export interface PlanIndicator {
  indicator: string;
  /** Unit of measure (đơn vị tính): "hộ", "người", "%", "triệu đồng" … */
  unitOfMeasure: string;
  direction: "increase" | "reduce";
  plan: number;
  actual: number;
  baseline?: number;
  /** How values are shown: "percent" for rates (fractions), default "decimal" (or "integer"). */
  format?: Extract<NumberFormatKind, "integer" | "decimal" | "percent" | "vnd">;
}

export interface TrackingInput {
  items: readonly PlanIndicator[];
  /** Period label, e.g. "2026" or "6 tháng đầu năm 2026". */
  period: string;
}

/** The tracking table. Each row's % and status are formulas; values come from `progress`. */
export function buildTrackingTable(input: TrackingInput, opts: TableOptions = {}): ResultTable {
  const lang: Lang = opts.lang ?? "vi";
  const label = (s: keyof typeof PROGRESS_STATUS_LABELS) =>
    lang === "vi" ? PROGRESS_STATUS_LABELS[s].vi : PROGRESS_STATUS_LABELS[s].en;
  const [DAT, VUOT, CHUA] = [label("dat"), label("vuot"), label("chuaDat")];
  const b = new TableBuilder({
    id: "plan-tracking",
    sheetName: bi("Theo dõi chỉ tiêu", "Plan tracking"),
    title: [
      bi(`KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU KẾ HOẠCH ${input.period}`, `PLAN INDICATORS: RESULTS ${input.period}`),
      ...(opts.scopeName ? [bi(opts.scopeName, opts.scopeName)] : []),
    ],
    headerRows: [
      [
        { text: bi("TT", "No.") },
        { text: bi("Chỉ tiêu", "Indicator") },
        { text: bi("Đơn vị tính", "Unit") },
        { text: bi("Loại chỉ tiêu", "Direction") },
        { text: bi("Đầu kỳ", "Baseline") },
        { text: bi("Kế hoạch", "Plan") },
        { text: bi("Thực hiện", "Actual") },
        { text: bi("% hoàn thành", "% achieved") },
        { text: bi("Đánh giá", "Status") },
      ],
    ],
    columns: [
      column("tt", "TT", "No.", "text", 6),
      column("indicator", "Chỉ tiêu", "Indicator", "text", 44),
      column("uom", "Đơn vị tính", "Unit", "text", 12),
      column("dir", "Loại", "Direction", "text", 16),
      column("base", "Đầu kỳ", "Baseline", "decimal", 12),
      column("plan", "Kế hoạch", "Plan", "decimal", 12),
      column("actual", "Thực hiện", "Actual", "decimal", 12),
      column("share", "% hoàn thành", "% achieved", "percent1", 12),
      column("status", "Đánh giá", "Status", "text", 12),
    ],
    notes: [
      bi(
        "Chỉ tiêu tăng: % = thực hiện ÷ kế hoạch (có đầu kỳ: (thực hiện − đầu kỳ) ÷ (kế hoạch − đầu kỳ)). Chỉ tiêu giảm: % = (đầu kỳ − thực hiện) ÷ (đầu kỳ − kế hoạch); không có đầu kỳ thì so sánh trực tiếp thực hiện với kế hoạch.",
        "Increase: % = actual ÷ plan (with a baseline: (actual − baseline) ÷ (plan − baseline)). Reduce: % = (baseline − actual) ÷ (baseline − plan); without a baseline actual is compared with the plan directly.",
      ),
      bi(
        "Đánh giá: Vượt khi % > 100 %, Đạt khi % = 100 %, Chưa đạt khi thấp hơn (công thức Excel).",
        "Status: Exceeded when % > 100 %, Achieved when = 100 %, otherwise Not achieved (Excel formulas).",
      ),
    ],
    freezeColumns: 2,
    frame: formFrame(
      "plan-tracking",
      bi("theo cột Đơn vị tính của từng chỉ tiêu", "as in each indicator's Unit column"),
      opts,
    ),
    lang,
  });
  input.items.forEach((it, n) => {
    const row = b.nextRow;
    const p = progress({
      actual: it.actual,
      target: it.plan,
      direction: it.direction,
      ...(it.baseline !== undefined ? { baseline: it.baseline } : {}),
    });
    const [B, P, A, S] = [b.ref("base", row), b.ref("plan", row), b.ref("actual", row), b.ref("share", row)];
    let share: TableCell = null;
    if (p.share !== null) {
      const f =
        it.direction === "increase"
          ? it.baseline === undefined
            ? `${A}/${P}`
            : `(${A}-${B})/(${P}-${B})`
          : `(${B}-${A})/(${B}-${P})`;
      share = formulaCell(f, p.share);
    }
    const statusText = label(p.status);
    const status =
      p.share !== null
        ? formulaCell(`IF(ABS(${S}-1)<=0.000000001,"${DAT}",IF(${S}>1,"${VUOT}","${CHUA}"))`, statusText)
        : formulaCell(`IF(ABS(${A}-${P})<=0.000000001,"${DAT}",IF(${A}<${P},"${VUOT}","${CHUA}"))`, statusText);
    const fmt = it.format ?? "decimal";
    b.add(
      {
        tt: String(n + 1),
        indicator: it.indicator,
        uom: it.unitOfMeasure,
        dir:
          it.direction === "increase" ? tr(lang, "Tăng lên", "Increase to") : tr(lang, "Giảm xuống còn", "Reduce to"),
        base: it.baseline ?? null,
        plan: it.plan,
        actual: it.actual,
        share,
        status,
      },
      "body",
      [undefined, undefined, undefined, undefined, fmt, fmt, fmt, undefined, undefined],
    );
  });
  return b.build();
}

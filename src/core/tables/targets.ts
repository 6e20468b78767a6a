/**
 * Target tables (docs/domain.md §8.2–§8.5, §9.3):
 * - annual target by unit: households (1), poor at start (2), start rate (3) = ROUND(2/1,4), reduction in
 *   percentage points (4) = ROUND(5/1,4), households to lift out (5) (allocated), poor at end (6) = 2 − 5,
 *   end rate (7) = ROUND(6/1,4); totals SUM; the method stated in the notes;
 * - allocation audit: base, raw quota, cap, quota, ⌊quota⌋ = INT(quota), remainder = quota − ⌊quota⌋,
 *   remainder rank, allocated, extra = allocated − ⌊quota⌋ (largest-remainder rounding, docs/domain.md §9.3);
 * - multi-year path: input cells for households, poor at the start and the annual pp reduction above the table;
 *   rate_t = MAX(0, start − t × pp), poor_t = ROUND(rate_t × households, 0), lift-out per year — all referencing
 *   the input cells, so editing one recalculates the path.
 * "Giảm X%" is percentage points, a fraction in code and cells: 0.03 = 3 pp shows as 3,00 %.
 * Values come from core/targets (targetFromReduction, allocate, ratePath).
 */
import { fail } from "../errors";
import { bi, formatNumber, formatPercent, type Bilingual, type Lang } from "../i18n";
import { allocate, type AllocationMethod, type AllocationResult, type AllocationUnit } from "../targets/allocate";
import { ratePath } from "../targets/paths";
import { targetFromReduction, type ReductionTarget } from "../targets/reduction";
import { rate } from "../measures/rates";
import { column, formFrame, rateFormula, sumFormula, TableBuilder, tr, type TableOptions } from "./build";
import { formulaCell, type ResultTable } from "./model";

export interface TargetTablesInput {
  units: readonly AllocationUnit[];
  /** Reduction of the overall poverty rate, percentage points as a fraction (0.03 = 3 pp). Optional for "tiered". */
  reduction?: number;
  method: AllocationMethod;
  /** pp per tier (fractions) for "tiered". */
  tierReductions?: Readonly<Record<string, number>>;
  /** Year of the start counts (e.g. 2025); the plan year is baseYear + 1. */
  baseYear: number;
  /** Years of the multi-year path (0 = no path table). */
  years?: number;
}

export const METHOD_NOTES: Record<AllocationMethod, Bilingual> = {
  proportional: bi(
    "Phương pháp phân bổ: theo tỷ lệ số hộ nghèo — hạn mức của đơn vị = T × số hộ nghèo của đơn vị ÷ tổng số hộ nghèo.",
    "Allocation method: proportional to poor households — unit quota = T × unit poor ÷ all poor.",
  ),
  equal_rate: bi(
    "Phương pháp phân bổ: giảm cùng số điểm phần trăm — hạn mức của đơn vị = T × số hộ của đơn vị ÷ tổng số hộ.",
    "Allocation method: equal percentage points — unit quota = T × unit households ÷ all households.",
  ),
  weighted: bi(
    "Phương pháp phân bổ: theo trọng số — hạn mức = T × trọng số của đơn vị ÷ tổng trọng số.",
    "Allocation method: weighted — unit quota = T × unit weight ÷ total weight.",
  ),
  tiered: bi(
    "Phương pháp phân bổ: theo nhóm đơn vị — mỗi nhóm một mức giảm (điểm %) × số hộ, quy về tổng T.",
    "Allocation method: tiered — each tier's pp × households, scaled to the total T.",
  ),
};

const ROUNDING_NOTE = bi(
  "Làm tròn theo phương pháp phần dư lớn nhất (Hamilton): mỗi đơn vị nhận phần nguyên của hạn mức, số còn lại giao lần lượt cho các đơn vị có phần dư lớn nhất; tổng các đơn vị luôn bằng chỉ tiêu chung. Không đơn vị nào được giao quá số hộ nghèo hiện có.",
  "Largest-remainder (Hamilton) rounding: each unit gets the whole part of its quota, the rest go one each to the largest remainders; the units always add up to the overall target. No unit gets more than its poor households.",
);
const PP_NOTE = bi(
  "“Giảm X%” là giảm X điểm phần trăm của tỷ lệ hộ nghèo (0,03 = 3 điểm %), không phải giảm tương đối. Mẫu số: tổng số hộ đầu kỳ.",
  "“Reduce by X%” means X percentage points of the poverty rate (0.03 = 3 pp), not a relative cut. Denominator: households at the start.",
);
// No text fixes the denominator or the allocation method (docs/domain.md §8.3, §8.5): the note says so.
const DERIVED_NOTE = bi(
  "Cách tính chỉ tiêu và phân bổ là suy luận (văn bản chưa quy định mẫu số và cách phân bổ), cần thống nhất với cơ quan giao chỉ tiêu.",
  "The target and allocation arithmetic is our own reading (no text fixes the denominator or the method); confirm it with the body that sets the targets.",
);

export interface TargetComputation {
  overall: ReductionTarget | null;
  allocation: AllocationResult;
}

/** The core calls behind the tables: overall target (pp → households) and its allocation to units. */
export function computeTargets(input: TargetTablesInput): TargetComputation {
  const poor = input.units.reduce((a, u) => a + u.poor, 0);
  const households = input.units.reduce((a, u) => a + u.households, 0);
  const overall =
    input.reduction === undefined ? null : targetFromReduction({ poor, total: households, reduction: input.reduction });
  // A plan cannot lift out more poor households than there are: an impossible target is an error, never capped.
  if (overall?.clamped) {
    const pp = (lang: Lang, v: number) => formatNumber(v * 100, lang, 2);
    fail(
      "INFEASIBLE",
      `Không thể giảm ${pp("vi", input.reduction!)} điểm %: đầu kỳ chỉ có ${formatNumber(poor, "vi")} hộ nghèo trên ${formatNumber(households, "vi")} hộ (tỷ lệ ${formatPercent(overall.startRate, "vi")}), nên mức giảm lớn nhất là ${pp("vi", overall.startRate)} điểm % (cả ${formatNumber(poor, "vi")} hộ thoát nghèo).`,
      `Cannot reduce the poverty rate by ${pp("en", input.reduction!)} pp: there are only ${formatNumber(poor, "en")} poor households of ${formatNumber(households, "en")} at the start (rate ${formatPercent(overall.startRate, "en")}), so the largest reduction is ${pp("en", overall.startRate)} pp (all ${formatNumber(poor, "en")} households out of poverty).`,
      { poor, households, reduction: input.reduction, startRate: overall.startRate },
    );
  }
  const allocation = allocate({
    ...(overall ? { total: Math.max(0, overall.liftOut) } : {}),
    units: input.units,
    method: input.method,
    ...(input.tierReductions ? { tierReductions: input.tierReductions } : {}),
  });
  return { overall, allocation };
}

/** Annual target table, allocation audit and (with `years`) the multi-year path. */
export function buildTargetTables(input: TargetTablesInput, opts: TableOptions = {}): ResultTable[] {
  const lang: Lang = opts.lang ?? "vi";
  const { overall, allocation } = computeTargets(input);
  const planYear = input.baseYear + 1;
  const scope = opts.scopeName ? `${opts.scopeName} — ` : "";
  const ppText = input.reduction === undefined ? "" : formatNumber(input.reduction * 100, lang, 2);
  const headline =
    input.reduction === undefined
      ? bi(
          `${scope}Phân bổ theo nhóm đơn vị: ${allocation.total} hộ`,
          `${scope}Tiered allocation: ${allocation.total} households`,
        )
      : bi(
          `${scope}Chỉ tiêu: giảm ${ppText} điểm % tỷ lệ hộ nghèo = giảm ${allocation.total} hộ nghèo`,
          `${scope}Target: reduce the poverty rate by ${ppText} pp = ${allocation.total} fewer poor households`,
        );
  const coreNotes = [...(overall?.notes ?? []), ...allocation.notes];

  // --- annual target table
  const b = new TableBuilder({
    id: "targets",
    sheetName: bi(`Chỉ tiêu ${planYear}`, `Targets ${planYear}`),
    title: [
      bi(`CHỈ TIÊU GIẢM NGHÈO NĂM ${planYear} PHÂN BỔ CHO CÁC ĐƠN VỊ`, `POVERTY REDUCTION TARGETS ${planYear} BY UNIT`),
      headline,
    ],
    headerRows: [
      [
        { text: bi("TT", "No."), rowSpan: 2 },
        { text: bi("Mã", "Code"), rowSpan: 2 },
        { text: bi("Đơn vị", "Unit"), rowSpan: 2 },
        { text: bi(`Tổng số hộ (${input.baseYear})`, `Households (${input.baseYear})`), rowSpan: 2 },
        { text: bi(`Hộ nghèo đầu kỳ (${input.baseYear})`, `Poor at start (${input.baseYear})`), colSpan: 2 },
        { text: bi(`Chỉ tiêu giảm năm ${planYear}`, `Reduction ${planYear}`), colSpan: 2 },
        { text: bi(`Hộ nghèo cuối năm ${planYear} (dự kiến)`, `Poor at end of ${planYear} (planned)`), colSpan: 2 },
      ],
      [
        { text: bi("Số hộ", "Households") },
        { text: bi("Tỷ lệ", "Rate") },
        { text: bi("Giảm tỷ lệ (điểm %)", "Rate reduction (pp)") },
        // The net fall of the poor count ("số hộ giảm"), not Form 2's "thoát nghèo" column (escaped households).
        { text: bi("Số hộ nghèo giảm", "Fall in poor households") },
        { text: bi("Số hộ", "Households") },
        { text: bi("Tỷ lệ", "Rate") },
      ],
      [
        { text: bi("A", "A") },
        { text: bi("B", "B") },
        { text: bi("C", "C") },
        { text: bi("(1)", "(1)") },
        { text: bi("(2)", "(2)") },
        { text: bi("(3)=(2)/(1)", "(3)=(2)/(1)") },
        { text: bi("(4)=(5)/(1)", "(4)=(5)/(1)") },
        { text: bi("(5)", "(5)") },
        { text: bi("(6)=(2)-(5)", "(6)=(2)-(5)") },
        { text: bi("(7)=(6)/(1)", "(7)=(6)/(1)") },
      ],
    ],
    columns: [
      column("tt", "TT", "No.", "text", 6),
      column("code", "Mã", "Code", "text", 10),
      column("unit", "Đơn vị", "Unit", "text", 26),
      column("hh", "Tổng số hộ", "Households", "integer", 12),
      column("poor", "Hộ nghèo đầu kỳ", "Poor at start", "integer", 11),
      column("rate0", "Tỷ lệ đầu kỳ", "Start rate", "percent", 10),
      column("pp", "Giảm (điểm %)", "Reduction (pp)", "percent", 11),
      column("out", "Số hộ nghèo giảm", "Fall in poor households", "integer", 11),
      column("poor1", "Hộ nghèo cuối kỳ", "Poor at end", "integer", 11),
      column("rate1", "Tỷ lệ cuối kỳ", "End rate", "percent", 10),
    ],
    notes: [METHOD_NOTES[input.method], ROUNDING_NOTE, PP_NOTE, ...coreNotes, DERIVED_NOTE],
    freezeColumns: 3,
    lang,
    frame: formFrame("targets", bi("hộ, %, điểm %", "households, %, pp"), opts),
  });
  const rowCells = (row: number) => ({
    rate0: (v: number) => rateFormula(b.ref("poor", row), b.ref("hh", row), v),
    pp: (v: number) => rateFormula(b.ref("out", row), b.ref("hh", row), v),
    poor1: (v: number) => formulaCell(`${b.ref("poor", row)}-${b.ref("out", row)}`, v),
    rate1: (v: number) => rateFormula(b.ref("poor1", row), b.ref("hh", row), v),
  });
  const first = b.nextRow;
  allocation.rows.forEach((r, n) => {
    const row = b.nextRow;
    const f = rowCells(row);
    b.add({
      tt: String(n + 1),
      code: r.code,
      unit: r.name ?? r.code,
      hh: r.households,
      poor: r.poor,
      rate0: f.rate0(r.startRate),
      pp: f.pp(r.rateReduction),
      out: r.allocated,
      poor1: f.poor1(r.remainingPoor),
      rate1: f.rate1(r.targetRate),
    });
  });
  const last = b.nextRow - 1;
  const H = allocation.rows.reduce((a, r) => a + r.households, 0);
  const P = allocation.rows.reduce((a, r) => a + r.poor, 0);
  const T = allocation.total;
  const totalRow = b.nextRow;
  const f = rowCells(totalRow);
  b.add(
    {
      tt: "",
      code: "",
      unit: tr(lang, "TỔNG CỘNG", "TOTAL"),
      hh: sumFormula(b.col("hh"), first, last, H),
      poor: sumFormula(b.col("poor"), first, last, P),
      rate0: f.rate0(rate(P, H)),
      pp: f.pp(rate(T, H)),
      out: sumFormula(b.col("out"), first, last, T),
      poor1: f.poor1(P - T),
      rate1: f.rate1(rate(P - T, H)),
    },
    "total",
  );
  const tables: ResultTable[] = [b.build()];

  // --- audit: largest-remainder rounding
  const a = new TableBuilder({
    id: "targets-audit",
    sheetName: bi("Kiểm tra phân bổ", "Allocation audit"),
    title: [bi("KIỂM TRA PHÂN BỔ CHỈ TIÊU (PHẦN DƯ LỚN NHẤT)", "ALLOCATION AUDIT (LARGEST REMAINDER)"), headline],
    headerRows: [
      [
        { text: bi("TT", "No.") },
        { text: bi("Mã", "Code") },
        { text: bi("Đơn vị", "Unit") },
        { text: bi("Cơ sở phân bổ", "Allocation base") },
        { text: bi("Hạn mức ban đầu", "Raw quota") },
        { text: bi("Trần (≤ hộ nghèo)", "Cap (≤ poor)") },
        { text: bi("Hạn mức sau trần", "Quota after caps") },
        { text: bi("Phần nguyên", "Whole part") },
        { text: bi("Phần dư", "Remainder") },
        { text: bi("Thứ tự phần dư", "Remainder rank") },
        { text: bi("Nhận thêm", "Extra unit") },
        { text: bi("Được giao", "Allocated") },
      ],
    ],
    columns: [
      column("tt", "TT", "No.", "text", 6),
      column("code", "Mã", "Code", "text", 10),
      column("unit", "Đơn vị", "Unit", "text", 26),
      column("base", "Cơ sở", "Base", "decimal", 12),
      column("raw", "Hạn mức ban đầu", "Raw quota", "decimal", 12),
      column("cap", "Trần", "Cap", "integer", 10),
      column("quota", "Hạn mức", "Quota", "decimal", 12),
      column("floor", "Phần nguyên", "Whole part", "integer", 10),
      column("rem", "Phần dư", "Remainder", "decimal", 10),
      column("rank", "Thứ tự", "Rank", "integer", 9),
      column("extra", "Nhận thêm", "Extra", "integer", 9),
      column("alloc", "Được giao", "Allocated", "integer", 10),
    ],
    notes: [
      METHOD_NOTES[input.method],
      ROUNDING_NOTE,
      ...(allocation.redistributed > 0
        ? [
            bi(
              `Đã chuyển ${formatNumber(allocation.redistributed, lang, 2)} hộ từ các đơn vị chạm trần sang đơn vị khác.`,
              `${formatNumber(allocation.redistributed, lang, 2)} households moved from capped units to others.`,
            ),
          ]
        : []),
      DERIVED_NOTE,
    ],
    freezeColumns: 3,
    lang,
    frame: formFrame("targets-audit", bi("hộ", "households"), opts),
  });
  const afirst = a.nextRow;
  allocation.rows.forEach((r, n) => {
    const row = a.nextRow;
    a.add({
      tt: String(n + 1),
      code: r.code,
      unit: r.name ?? r.code,
      base: r.base,
      raw: r.rawQuota,
      cap: r.cap,
      quota: r.quota,
      floor: formulaCell(`INT(${a.ref("quota", row)})`, r.floor),
      rem: formulaCell(`${a.ref("quota", row)}-${a.ref("floor", row)}`, r.remainder),
      rank: r.rank,
      extra: formulaCell(`${a.ref("alloc", row)}-${a.ref("floor", row)}`, r.allocated - r.floor),
      alloc: r.allocated,
    });
  });
  const alast = a.nextRow - 1;
  a.add(
    {
      tt: "",
      code: "",
      unit: tr(lang, "TỔNG CỘNG", "TOTAL"),
      raw: sumFormula(
        a.col("raw"),
        afirst,
        alast,
        allocation.rows.reduce((s, r) => s + r.rawQuota, 0),
      ),
      quota: sumFormula(
        a.col("quota"),
        afirst,
        alast,
        allocation.rows.reduce((s, r) => s + r.quota, 0),
      ),
      floor: sumFormula(
        a.col("floor"),
        afirst,
        alast,
        allocation.rows.reduce((s, r) => s + r.floor, 0),
      ),
      extra: sumFormula(
        a.col("extra"),
        afirst,
        alast,
        allocation.rows.reduce((s, r) => s + r.allocated - r.floor, 0),
      ),
      alloc: sumFormula(a.col("alloc"), afirst, alast, T),
    },
    "total",
  );
  tables.push(a.build());

  // --- multi-year path (overall): the households, the poor at the start and the annual reduction are input cells.
  const years = input.years ?? 0;
  if (years > 0 && input.reduction !== undefined) {
    const pp = input.reduction;
    const start = rate(P, H);
    const path = ratePath(start, pp, years);
    const p = new TableBuilder({
      id: "targets-path",
      sheetName: bi("Lộ trình", "Multi-year path"),
      title: [
        bi(
          `LỘ TRÌNH GIẢM NGHÈO ${input.baseYear}–${input.baseYear + years}`,
          `POVERTY REDUCTION PATH ${input.baseYear}–${input.baseYear + years}`,
        ),
        bi(
          `${scope}Giảm ${ppText} điểm %/năm; tổng số hộ giữ như năm ${input.baseYear}`,
          `${scope}Reduce ${ppText} pp per year; households held at the ${input.baseYear} total`,
        ),
      ],
      parameters: [
        {
          key: "households",
          label: bi(`Tổng số hộ (năm ${input.baseYear}, giữ cố định)`, `Households (${input.baseYear}, held fixed)`),
          value: H,
          format: "integer",
        },
        {
          key: "poor",
          label: bi(`Số hộ nghèo đầu kỳ (năm ${input.baseYear})`, `Poor households at the start (${input.baseYear})`),
          value: P,
          format: "integer",
        },
        {
          key: "reduction",
          label: bi("Mức giảm tỷ lệ hộ nghèo mỗi năm (điểm %)", "Annual reduction of the poverty rate (pp)"),
          value: pp,
          format: "percent",
        },
      ],
      headerRows: [
        [
          { text: bi("Năm", "Year") },
          { text: bi("Số năm từ đầu kỳ", "Years from start") },
          { text: bi("Tỷ lệ hộ nghèo mục tiêu", "Target poverty rate") },
          { text: bi("Số hộ nghèo mục tiêu", "Target poor households") },
          { text: bi("Số hộ nghèo giảm trong năm", "Fall in poor households in the year") },
        ],
      ],
      columns: [
        column("year", "Năm", "Year", "text", 10),
        column("t", "t", "t", "integer", 10),
        column("rate", "Tỷ lệ", "Rate", "percent", 14),
        column("poor", "Số hộ nghèo", "Poor", "integer", 14),
        column("out", "Thoát nghèo", "Out", "integer", 16),
      ],
      notes: [
        bi(
          "Tỷ lệ năm t = MAX(0; tỷ lệ đầu kỳ − t × mức giảm mỗi năm); số hộ nghèo = làm tròn(tỷ lệ × tổng số hộ); tỷ lệ đầu kỳ = số hộ nghèo đầu kỳ ÷ tổng số hộ.",
          "Rate in year t = MAX(0, start rate − t × annual reduction); poor households = round(rate × households); start rate = poor at the start ÷ households.",
        ),
        bi(
          "Ba ô tô màu phía trên bảng là số liệu đầu vào: sửa tổng số hộ, số hộ nghèo đầu kỳ hoặc mức giảm mỗi năm thì cả lộ trình tự tính lại.",
          "The three shaded cells above the table are the inputs: change the households, the poor at the start or the annual reduction and the whole path recalculates.",
        ),
        PP_NOTE,
        DERIVED_NOTE,
      ],
      freezeColumns: 1,
      lang,
      frame: formFrame("targets-path", bi("hộ, %", "households, %"), opts),
    });
    const refH = p.param("households");
    const refP = p.param("poor");
    const refPp = p.param("reduction");
    const r0 = p.nextRow;
    path.forEach((rt, t) => {
      const row = p.nextRow;
      const poorAt = (k: number) =>
        k === 0 ? P : targetFromReduction({ poor: P, total: H, reduction: Math.min(1, k * pp) }).targetPoor;
      p.add({
        year: String(input.baseYear + t),
        t,
        rate:
          t === 0
            ? formulaCell(`${p.ref("poor", row)}/${refH}`, start)
            : formulaCell(`MAX(0,${p.col("rate")}$${r0}-${p.ref("t", row)}*${refPp})`, rt),
        poor: t === 0 ? formulaCell(refP, P) : formulaCell(`ROUND(${p.ref("rate", row)}*${refH},0)`, poorAt(t)),
        out: t === 0 ? null : formulaCell(`${p.ref("poor", row - 1)}-${p.ref("poor", row)}`, poorAt(t - 1) - poorAt(t)),
      });
    });
    tables.push(p.build());
  }
  return tables;
}

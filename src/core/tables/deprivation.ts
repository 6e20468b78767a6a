/**
 * Deprivation tables (docs/domain.md §7.3 Forms 4–7) and the Alkire–Foster table (docs/domain.md §9.1).
 *
 * - Form 4 / Form 5: per unit, poor (or near-poor) households and the households among them deprived in each
 *   indicator of the standard; "Tổng số thiếu hụt" = SUM of the indicator columns (a formula), totals SUM.
 * - Deprivation rates: per indicator, households deprived among the poor, the near-poor and all households,
 *   with rate = ROUND(count/households,4) formulas against a denominator row.
 * - AF: per unit and overall n, q, H = q/n, A, M0 = H×A (formulas), contribution of the unit to M0; and per
 *   indicator weight, uncensored h_j, censored h_j(k), absolute contribution w_j·h_j(k) and share (formulas).
 * All values come from core/measures (deprivationHeadcounts, alkireFoster, afDecompose); households without
 * deprivation flags are left out and the note says how many.
 */
import type { Category, Household } from "../household";
import { bi, formatNumber, pick, type Lang } from "../i18n";
import { afDecompose } from "../measures/alkireFoster";
import { deprivationHeadcounts } from "../measures/deprivations";
import { requireIndicators } from "../standards/lookup";
import type { Standard } from "../standards/schema";
import {
  column,
  formFrame,
  legalNote,
  numberRow,
  rateFormula,
  sumFormula,
  TableBuilder,
  tr,
  type TableOptions,
} from "./build";
import { formulaCell, type ColumnSpec, type HeaderCell, type ResultTable, type TableCell } from "./model";

export interface DeprivationInput {
  households: readonly Household[];
  categories: readonly Category[];
  standard: Standard;
  reviewYear: number;
}

function flagged(input: DeprivationInput): { rows: number[]; skipped: number } {
  const d = requireIndicators(input.standard).length;
  const rows: number[] = [];
  input.households.forEach((h, i) => {
    if (h.deprivationFlags && h.deprivationFlags.length === d) rows.push(i);
  });
  return { rows, skipped: input.households.length - rows.length };
}

function skippedNote(skipped: number): ReturnType<typeof bi>[] {
  return skipped > 0
    ? [
        bi(
          `${skipped} hộ không có đủ cờ thiếu hụt theo chỉ số: không tính trong bảng này.`,
          `${skipped} households without per-indicator deprivation flags are not counted in this table.`,
        ),
      ]
    : [];
}

function unitsInOrder(input: DeprivationInput, rows: number[]): string[] {
  const seen: string[] = [];
  for (const i of rows) if (!seen.includes(input.households[i].unit)) seen.push(input.households[i].unit);
  return seen;
}

/**
 * Form 4 (poor) / Form 5 (near-poor): households deprived in each indicator, by unit.
 * Values: `deprivationHeadcounts(flags, { categories, include: unit })`.
 */
export function buildDeprivationByUnit(
  input: DeprivationInput,
  group: "poor" | "nearPoor",
  opts: TableOptions = {},
): ResultTable {
  const lang: Lang = opts.lang ?? "vi";
  const indicators = requireIndicators(input.standard);
  const { rows, skipped } = flagged(input);
  const flags = rows.map((i) => input.households[i].deprivationFlags as number[]);
  const cats = rows.map((i) => input.categories[i]);
  const units = unitsInOrder(input, rows);
  const who = group === "poor" ? bi("hộ nghèo", "poor households") : bi("hộ cận nghèo", "near-poor households");

  const columns: ColumnSpec[] = [
    column("tt", "TT", "No.", "text", 6),
    column("unit", "Đơn vị", "Unit", "text", 24),
    column("n", `Số ${who.vi}`, `Number of ${who.en}`, "integer", 11),
  ];
  indicators.forEach((ind, j) => columns.push({ key: `d${j}`, header: ind.name, format: "integer", width: 11 }));
  columns.push(column("sum", "Tổng số thiếu hụt", "Total deprivations", "integer", 12));
  const top: HeaderCell[] = [
    { text: bi("TT", "No."), rowSpan: 2 },
    { text: bi("Đơn vị", "Unit"), rowSpan: 2 },
    { text: bi(`Số ${who.vi}`, `Number of ${who.en}`), rowSpan: 2 },
    {
      text: bi(`Số ${who.vi} thiếu hụt theo từng chỉ số`, `${who.en} deprived in each indicator`),
      colSpan: indicators.length,
    },
    { text: bi("Tổng số thiếu hụt", "Total deprivations"), rowSpan: 2 },
  ];
  const second: HeaderCell[] = indicators.map((ind) => ({ text: ind.name }));
  const nums = [
    "A",
    "B",
    "(1)",
    ...indicators.map((_, j) => `(${j + 2})`),
    `(${indicators.length + 2})=Σ(2)…(${indicators.length + 1})`,
  ];
  const b = new TableBuilder({
    id: group === "poor" ? "form4-poor" : "form5-nearpoor",
    sheetName:
      group === "poor"
        ? bi("Biểu 4 - Hộ nghèo", "Form 4 - Poor deprived")
        : bi("Biểu 5 - Hộ cận nghèo", "Form 5 - Near-poor deprived"),
    title: [
      bi(
        `TỔNG HỢP ${who.vi.toUpperCase()} THIẾU HỤT CÁC DỊCH VỤ XÃ HỘI CƠ BẢN NĂM ${input.reviewYear}`,
        `${who.en.toUpperCase()} DEPRIVED IN BASIC SOCIAL SERVICES, ${input.reviewYear}`,
      ),
      bi(
        `${opts.scopeName ? opts.scopeName + " — " : ""}Chuẩn: ${input.standard.name.vi}`,
        `${opts.scopeName ? opts.scopeName + " — " : ""}Standard: ${input.standard.name.en}`,
      ),
    ],
    headerRows: [top, second, numberRow(nums)],
    columns,
    frame: formFrame(group === "poor" ? "form4-poor" : "form5-nearpoor", bi("hộ", "households"), opts),
    notes: [
      bi(
        "Tổng số thiếu hụt = tổng các cột chỉ số (công thức); dòng tổng cộng là công thức SUM.",
        "Total deprivations = sum of the indicator columns (formula); the total row uses SUM formulas.",
      ),
      ...skippedNote(skipped),
      legalNote(input.standard, input.reviewYear),
    ],
    freezeColumns: 2,
    lang,
  });
  const first = b.nextRow;
  const d = indicators.length;
  const firstInd = b.col("d0");
  const lastInd = b.col(`d${d - 1}`);
  units.forEach((u, n) => {
    const hc = deprivationHeadcounts(flags, {
      categories: cats,
      include: rows.map((i) => input.households[i].unit === u),
      d,
    });
    const g = hc[group]!;
    const row = b.nextRow;
    const cells: Record<string, TableCell> = { tt: String(n + 1), unit: u, n: g.households };
    g.counts.forEach((c, j) => (cells[`d${j}`] = c));
    cells.sum = formulaCell(`SUM(${firstInd}${row}:${lastInd}${row})`, g.totalDeprivations);
    b.add(cells);
  });
  const last = b.nextRow - 1;
  const all = deprivationHeadcounts(flags, { categories: cats, d })[group]!;
  const row = b.nextRow;
  const totals: Record<string, TableCell> = { tt: "", unit: tr(lang, "TỔNG CỘNG", "TOTAL") };
  if (units.length > 0) {
    totals.n = sumFormula(b.col("n"), first, last, all.households);
    all.counts.forEach((c, j) => (totals[`d${j}`] = sumFormula(b.col(`d${j}`), first, last, c)));
  } else {
    totals.n = 0;
    all.counts.forEach((_, j) => (totals[`d${j}`] = 0));
  }
  totals.sum = formulaCell(`SUM(${firstInd}${row}:${lastInd}${row})`, all.totalDeprivations);
  b.add(totals, "total");
  return b.build();
}

/** Per indicator: deprived households and rates among the poor, the near-poor and all households. */
export function buildDeprivationRates(input: DeprivationInput, opts: TableOptions = {}): ResultTable {
  const lang: Lang = opts.lang ?? "vi";
  const indicators = requireIndicators(input.standard);
  const { rows, skipped } = flagged(input);
  const flags = rows.map((i) => input.households[i].deprivationFlags as number[]);
  const cats = rows.map((i) => input.categories[i]);
  const hc = deprivationHeadcounts(flags, { categories: cats, d: indicators.length });
  const groups = [
    { key: "poor", label: bi("Hộ nghèo", "Poor"), g: hc.poor! },
    { key: "near", label: bi("Hộ cận nghèo", "Near-poor"), g: hc.nearPoor! },
    { key: "all", label: bi("Tất cả các hộ", "All households"), g: hc.all },
  ];
  const columns: ColumnSpec[] = [
    column("tt", "TT", "No.", "text", 6),
    { ...column("service", "Dịch vụ xã hội cơ bản", "Basic social service", "text", 20), mergeRepeats: true },
    column("indicator", "Chỉ số thiếu hụt", "Indicator", "text", 34),
  ];
  for (const g of groups)
    columns.push(
      column(`${g.key}_n`, `${g.label.vi}: số hộ`, `${g.label.en}: households`, "integer", 11),
      column(`${g.key}_r`, `${g.label.vi}: tỷ lệ`, `${g.label.en}: rate`, "percent", 10),
    );
  const top: HeaderCell[] = [
    { text: bi("TT", "No."), rowSpan: 2 },
    { text: bi("Dịch vụ xã hội cơ bản", "Basic social service"), rowSpan: 2 },
    { text: bi("Chỉ số thiếu hụt", "Indicator"), rowSpan: 2 },
  ];
  for (const g of groups) top.push({ text: g.label, colSpan: 2 });
  const second: HeaderCell[] = groups.flatMap(() => [
    { text: bi("Số hộ thiếu hụt", "Deprived") },
    { text: bi("Tỷ lệ (%)", "Rate (%)") },
  ]);
  const b = new TableBuilder({
    id: "deprivation-rates",
    sheetName: bi("Tỷ lệ thiếu hụt", "Deprivation rates"),
    title: [
      bi(
        `TỶ LỆ HỘ THIẾU HỤT THEO TỪNG CHỈ SỐ NĂM ${input.reviewYear}`,
        `HOUSEHOLDS DEPRIVED BY INDICATOR, ${input.reviewYear}`,
      ),
      bi(
        `${opts.scopeName ? opts.scopeName + " — " : ""}Chuẩn: ${input.standard.name.vi}`,
        `${opts.scopeName ? opts.scopeName + " — " : ""}Standard: ${input.standard.name.en}`,
      ),
    ],
    headerRows: [top, second],
    columns,
    frame: formFrame("deprivation-rates", bi("hộ, %", "households, %"), opts),
    notes: [
      bi(
        "Tỷ lệ = số hộ thiếu hụt chỉ số ÷ số hộ của nhóm (dòng đầu), làm tròn 2 chữ số thập phân của phần trăm (công thức).",
        "Rate = households deprived in the indicator ÷ households of the group (first row), rounded to 2 decimals of the percentage (formula).",
      ),
      bi(
        "Nhóm không có hộ nào thì để trống tỷ lệ (không chia cho 0).",
        "A group without households leaves its rates blank (no division by zero).",
      ),
      ...skippedNote(skipped),
      legalNote(input.standard, input.reviewYear),
    ],
    freezeColumns: 3,
    lang,
  });
  const denRow = b.nextRow;
  const den: Record<string, TableCell> = {
    tt: "",
    service: "",
    indicator: tr(lang, "Số hộ của nhóm", "Households in the group"),
  };
  for (const g of groups) den[`${g.key}_n`] = g.g.households;
  b.add(den, "subtotal");
  const serviceName = (id: string) => pick(input.standard.services.find((s) => s.id === id)?.name ?? bi(id, id), lang);
  indicators.forEach((ind, j) => {
    const row = b.nextRow;
    const cells: Record<string, TableCell> = {
      tt: String(j + 1),
      service: serviceName(ind.service),
      indicator: pick(ind.name, lang),
    };
    for (const g of groups) {
      cells[`${g.key}_n`] = g.g.counts[j];
      cells[`${g.key}_r`] = g.g.rates
        ? rateFormula(b.ref(`${g.key}_n`, row), `${b.col(`${g.key}_n`)}$${denRow}`, g.g.rates[j])
        : null;
    }
    b.add(cells);
  });
  return b.build();
}

export interface AfTableOptions extends TableOptions {
  /** "cutoff": poor if c_i ≥ k (default k = cutoff/d); "legal": the poor set is the legal classification (poor). */
  identification?: "cutoff" | "legal";
}

/** Alkire–Foster H, A, M0 by unit with contributions, and per-indicator contributions. Two tables. */
export function buildAfTables(input: DeprivationInput, opts: AfTableOptions = {}): ResultTable[] {
  const lang: Lang = opts.lang ?? "vi";
  const indicators = requireIndicators(input.standard);
  const d = indicators.length;
  const { rows, skipped } = flagged(input);
  if (rows.length === 0) return [];
  const units = unitsInOrder(input, rows);
  const ident = opts.identification ?? "cutoff";
  const k = input.standard.deprivationCutoff / d;
  const dec = afDecompose(
    units.map((u) => {
      const mine = rows.filter((i) => input.households[i].unit === u);
      return {
        name: u,
        flags: mine.map((i) => input.households[i].deprivationFlags as number[]),
        ...(ident === "legal" ? { poorSet: mine.map((i) => input.categories[i] === "poor") } : {}),
      };
    }),
    { k, d },
  );
  const identNote =
    ident === "cutoff"
      ? bi(
          `Nhận diện nghèo đa chiều theo ngưỡng k = ${input.standard.deprivationCutoff}/${d} (thiếu hụt ≥ ${input.standard.deprivationCutoff} chỉ số, trọng số bằng nhau 1/${d}); không xét thu nhập.`,
          `Identification by the cutoff k = ${input.standard.deprivationCutoff}/${d} (≥ ${input.standard.deprivationCutoff} deprivations, equal weights 1/${d}); income not considered.`,
        )
      : bi(
          "Tập hộ nghèo lấy theo phân loại pháp lý (thu nhập và thiếu hụt).",
          "The poor set is the legal classification (income and deprivations).",
        );
  const scope = `${opts.scopeName ? opts.scopeName + " — " : ""}`;

  // --- by unit
  const ub = new TableBuilder({
    id: "af-units",
    sheetName: bi("Nghèo đa chiều theo đơn vị", "MPI by unit"),
    title: [
      bi(
        `CHỈ SỐ NGHÈO ĐA CHIỀU ALKIRE–FOSTER THEO ĐƠN VỊ NĂM ${input.reviewYear}`,
        `ALKIRE–FOSTER MULTIDIMENSIONAL POVERTY BY UNIT, ${input.reviewYear}`,
      ),
      bi(`${scope}Đơn vị phân tích: hộ gia đình`, `${scope}Unit of analysis: households`),
    ],
    frame: formFrame("af-units", bi("hộ, %", "households, %"), opts),
    headerRows: [
      [
        { text: bi("TT", "No.") },
        { text: bi("Đơn vị", "Unit") },
        { text: bi("Số hộ (n)", "Households (n)") },
        // Alkire–Foster's H counts deprivations only: not the official "tỷ lệ nghèo đa chiều" (poor + near-poor).
        { text: bi("Số hộ thiếu hụt từ k chỉ số (q)", "Households deprived in ≥ k (q)") },
        { text: bi("Tỷ lệ hộ thiếu hụt đa chiều H = q/n", "Headcount ratio H = q/n") },
        { text: bi("Cường độ A", "Intensity A") },
        { text: bi("M0 = H × A", "M0 = H × A") },
        { text: bi("Tỷ trọng dân số n/N", "Population share n/N") },
        { text: bi("Đóng góp vào M0", "Contribution to M0") },
      ],
    ],
    columns: [
      column("tt", "TT", "No.", "text", 6),
      column("unit", "Đơn vị", "Unit", "text", 24),
      column("n", "Số hộ", "Households", "integer", 11),
      column("q", "Số hộ thiếu hụt từ k chỉ số", "Deprived in ≥ k", "integer", 13),
      column("H", "H", "H", "percent", 11),
      column("A", "A", "A", "percent", 11),
      column("M0", "M0", "M0", "decimal3", 10),
      column("share", "n/N", "n/N", "percent", 11),
      column("contrib", "Đóng góp", "Contribution", "percent", 12),
    ],
    notes: [
      identNote,
      bi(
        "H = q/n; A = trung bình tỷ lệ thiếu hụt có trọng số của hộ nghèo; M0 = H × A; đóng góp của đơn vị = (n/N) × M0 đơn vị ÷ M0 chung (Alkire & Foster 2011).",
        "H = q/n; A = mean weighted deprivation share of the poor; M0 = H × A; unit contribution = (n/N) × unit M0 ÷ overall M0 (Alkire & Foster 2011).",
      ),
      ...skippedNote(skipped),
      legalNote(input.standard, input.reviewYear),
    ],
    freezeColumns: 2,
    lang,
  });
  const first = ub.nextRow;
  const totalRow = first + dec.groups.length;
  dec.groups.forEach((g, n) => {
    const row = ub.nextRow;
    ub.add({
      tt: String(n + 1),
      unit: g.name,
      n: g.result.population,
      q: g.result.q,
      H: formulaCell(`${ub.ref("q", row)}/${ub.ref("n", row)}`, g.H),
      A: g.A,
      M0: formulaCell(`${ub.ref("H", row)}*${ub.ref("A", row)}`, g.M0),
      share: formulaCell(`${ub.ref("n", row)}/${ub.col("n")}$${totalRow}`, g.share),
      contrib:
        dec.overall.M0 > 0
          ? formulaCell(`${ub.ref("share", row)}*${ub.ref("M0", row)}/${ub.col("M0")}$${totalRow}`, g.contribution)
          : 0,
    });
  });
  const last = ub.nextRow - 1;
  const o = dec.overall;
  ub.add(
    {
      tt: "",
      unit: tr(lang, "TỔNG CỘNG", "TOTAL"),
      n: sumFormula(ub.col("n"), first, last, o.population),
      q: sumFormula(ub.col("q"), first, last, o.q),
      H: formulaCell(`${ub.ref("q", totalRow)}/${ub.ref("n", totalRow)}`, o.H),
      A: o.A,
      M0: formulaCell(`${ub.ref("H", totalRow)}*${ub.ref("A", totalRow)}`, o.M0),
      share: sumFormula(ub.col("share"), first, last, 1),
      contrib: dec.overall.M0 > 0 ? sumFormula(ub.col("contrib"), first, last, 1) : 0,
    },
    "total",
  );

  // --- by indicator
  const ib = new TableBuilder({
    id: "af-indicators",
    sheetName: bi("Nghèo đa chiều theo chỉ số", "MPI by indicator"),
    title: [
      bi(
        `ĐÓNG GÓP CỦA TỪNG CHỈ SỐ VÀO M0 NĂM ${input.reviewYear}`,
        `CONTRIBUTION OF EACH INDICATOR TO M0, ${input.reviewYear}`,
      ),
      bi(`${scope}M0 = ${formatNumber(o.M0, "vi", 3)}`, `${scope}M0 = ${formatNumber(o.M0, "en", 3)}`),
    ],
    frame: formFrame("af-indicators", bi("%", "%"), opts),
    headerRows: [
      [
        { text: bi("TT", "No.") },
        { text: bi("Chỉ số thiếu hụt", "Indicator") },
        { text: bi("Trọng số w", "Weight w") },
        { text: bi("Tỷ lệ thiếu hụt (chưa kiểm duyệt) h", "Uncensored headcount h") },
        { text: bi("Tỷ lệ hộ thiếu hụt đa chiều và thiếu hụt chỉ số (kiểm duyệt) h(k)", "Censored headcount h(k)") },
        { text: bi("Đóng góp tuyệt đối w × h(k)", "Absolute contribution w × h(k)") },
        { text: bi("Đóng góp (%)", "Contribution (%)") },
      ],
    ],
    columns: [
      column("tt", "TT", "No.", "text", 6),
      column("indicator", "Chỉ số", "Indicator", "text", 34),
      column("w", "w", "w", "percent", 9),
      column("h", "h", "h", "percent", 12),
      column("hk", "h(k)", "h(k)", "percent", 12),
      column("abs", "w×h(k)", "w×h(k)", "decimal4", 12),
      column("pct", "%", "%", "percent", 12),
    ],
    notes: [
      identNote,
      bi(
        "Tổng đóng góp tuyệt đối = M0; tổng đóng góp (%) = 100 %.",
        "The absolute contributions sum to M0; the percentage contributions to 100 %.",
      ),
      legalNote(input.standard, input.reviewYear),
    ],
    freezeColumns: 2,
    lang,
  });
  const ifirst = ib.nextRow;
  const itotal = ifirst + d;
  indicators.forEach((ind, j) => {
    const row = ib.nextRow;
    ib.add({
      tt: String(j + 1),
      indicator: pick(ind.name, lang),
      w: o.weights[j],
      h: o.uncensored[j],
      hk: o.censored[j],
      abs: formulaCell(`${ib.ref("w", row)}*${ib.ref("hk", row)}`, o.contributionsAbs[j]),
      pct: o.M0 > 0 ? formulaCell(`${ib.ref("abs", row)}/${ib.col("abs")}$${itotal}`, o.contributions[j]) : 0,
    });
  });
  ib.add(
    {
      tt: "",
      indicator: tr(lang, "TỔNG CỘNG (= M0)", "TOTAL (= M0)"),
      w: sumFormula(
        ib.col("w"),
        ifirst,
        itotal - 1,
        o.weights.reduce((a, x) => a + x, 0),
      ),
      abs: sumFormula(ib.col("abs"), ifirst, itotal - 1, o.M0),
      pct: o.M0 > 0 ? sumFormula(ib.col("pct"), ifirst, itotal - 1, 1) : 0,
    },
    "total",
  );
  return [ub.build(), ib.build()];
}

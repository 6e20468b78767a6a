/**
 * Report tables of "Giúp hộ nghèo có địa chỉ" (ResultTable, native Excel formulas with the core's values), and the
 * register and quota templates. Tables by organisation × unit have one section per organisation (its units, then
 * "Cộng <organisation>" with SUM formulas) and a grand total that adds the organisations' subtotals — a count of
 * household-organisation pairs ("lượt hộ"); the number of distinct households is in the title. Rates are
 * ROUND(a/b,4) formulas guarded with IF(N(b)=0,"",…) so a missing quota or no interest due shows blank, not 0.
 */
import { bi, pick, type Bilingual, type Lang } from "../i18n";
import { roundRate } from "../measures/rates";
import { capitalize, column, formFrame, roman, TableBuilder, tr, type TableOptions } from "../tables/build";
import { formulaCell, type ColumnSpec, type ColumnValidation, type ResultTable, type TableCell } from "../tables/model";
import type { Finding } from "../findings/finding";
import { severityText } from "../findings/table";
import {
  totalOutcome,
  ZERO_OUTCOME,
  type OrganisationSummary,
  type Outcome,
  type SponsorshipCell,
  type SponsorshipResult,
} from "./compute";
import { excelSerial, type Period } from "./period";
import type { QuotaEntry, SponsorRecord } from "./register";
import {
  LOAN_PROGRAMMES,
  ORGANISATION_BY_CODE,
  ORGANISATIONS,
  type OrganisationCode,
  SUPPORT_BY_CODE,
  SUPPORT_CODES,
  type LoanProgrammeCode,
  type SupportCode,
} from "./vocabulary";

const ORG_HEADER = bi("Tổ chức / đơn vị", "Organisation / unit");

/** "IF(N(den)=0,"",ROUND(num/den,4))" with the core's value (blank when there is no denominator). */
function guardedRate(num: string, den: string, n: number, d: number | undefined): TableCell {
  return formulaCell(
    `IF(N(${den})=0,"",ROUND(${num}/${den},4))`,
    d === undefined || d === 0 ? "" : roundRate(n / d, 2),
  );
}

/** Sum of refs that shows blank when none of them holds a number (quotas); no refs → the value itself. */
function sumOrBlank(refs: string | undefined, value: number | undefined): TableCell {
  if (refs === undefined) return value ?? "";
  return formulaCell(`IF(COUNT(${refs})=0,"",SUM(${refs}))`, value === undefined ? "" : value);
}

interface Section {
  org: OrganisationSummary;
  /** Sheet rows of its unit rows and of its subtotal. */
  unitRows: number[];
  subtotal: number;
}

/**
 * Rows of a by-organisation table: a section row per organisation, its units, its subtotal (SUM over its units),
 * then the grand total (sum of the subtotals). `cells` gives a unit or subtotal row's cells; `totalCells` the
 * subtotal/total sums for the keys listed in `sumKeys` are built here.
 */
function orgSections(
  b: TableBuilder,
  result: SponsorshipResult,
  lang: Lang,
  cells: (c: SponsorshipCell, row: number) => Record<string, TableCell>,
  sumKeys: readonly string[],
  totals: (
    row: number,
    refs: (key: string) => string | undefined,
    kind: "subtotal" | "total",
    org?: OrganisationSummary,
  ) => Record<string, TableCell>,
  value: (c: SponsorshipCell, key: string) => number,
): void {
  const sections: Section[] = [];
  result.organisations.forEach((org, n) => {
    b.add({ tt: roman(n + 1), name: pick(org.label, lang) }, "section");
    const unitRows: number[] = [];
    org.cells.forEach((c, i) => {
      const row = b.nextRow;
      unitRows.push(row);
      b.add({ tt: String(i + 1), name: c.unit, ...cells(c, row) });
    });
    const row = b.nextRow;
    const first = unitRows[0];
    const last = unitRows[unitRows.length - 1];
    const sums: Record<string, TableCell> = {};
    for (const k of sumKeys)
      sums[k] =
        unitRows.length === 0
          ? formulaCell("0", 0)
          : formulaCell(
              first === last ? `${b.col(k)}${first}` : `SUM(${b.col(k)}${first}:${b.col(k)}${last})`,
              value(org.total, k),
            );
    b.add(
      {
        ...cells(org.total, row),
        ...sums,
        ...totals(
          row,
          (k) => (unitRows.length ? `${b.col(k)}${first}:${b.col(k)}${last}` : undefined),
          "subtotal",
          org,
        ),
        tt: "",
        name: tr(lang, `Cộng ${pick(org.label, "vi")}`, `Subtotal ${pick(org.label, "en")}`),
      },
      "subtotal",
    );
    sections.push({ org, unitRows, subtotal: row });
  });
  const row = b.nextRow;
  const grand = sumTotals(result);
  const sums: Record<string, TableCell> = {};
  for (const k of sumKeys)
    sums[k] = formulaCell(
      sections.length === 0 ? "0" : sections.map((s) => `${b.col(k)}${s.subtotal}`).join("+"),
      sections.reduce((a, s) => a + value(s.org.total, k), 0),
    );
  b.add(
    {
      ...cells(grand, row),
      ...sums,
      ...totals(row, (k) => sections.map((s) => `${b.col(k)}${s.subtotal}`).join(",") || undefined, "total"),
      tt: "",
      name: tr(lang, "TỔNG CỘNG (lượt hộ)", "GRAND TOTAL (household-organisation pairs)"),
    },
    "total",
  );
}

/** The grand total as a cell: sums over organisations (pairs). */
function sumTotals(result: SponsorshipResult): SponsorshipCell {
  const cells = result.organisations.map((o) => o.total);
  const add = (f: (c: SponsorshipCell) => number) => cells.reduce((a, c) => a + f(c), 0);
  const support = Object.fromEntries(SUPPORT_CODES.map((s) => [s, add((c) => c.support[s])])) as Record<
    SupportCode,
    number
  >;
  const quotas = cells.filter((c) => c.quota !== undefined);
  const out: SponsorshipCell = {
    unit: "",
    households: add((c) => c.households),
    ids: [],
    support,
    supportValue: add((c) => c.supportValue),
    loanHouseholds: add((c) => c.loanHouseholds),
    loanAmount: add((c) => c.loanAmount),
    outstanding: add((c) => c.outstanding),
    interestDue: add((c) => c.interestDue),
    interestCollected: add((c) => c.interestCollected),
  };
  if (quotas.length) out.quota = quotas.reduce((a, c) => a + c.quota!, 0);
  if (cells.length > 0 && cells.every((c) => c.outcome)) out.outcome = totalOutcome(cells.map((c) => c.outcome!));
  return out;
}

function titleLines(result: SponsorshipResult, vi: string, en: string, opts: TableOptions): Bilingual[] {
  const p = result.period;
  return [
    bi(`${vi} — ${p.label.vi.toUpperCase()}`, `${en} — ${p.label.en.toUpperCase()}`),
    bi(
      `${opts.scopeName ? opts.scopeName + " — " : ""}Từ ${fmtDay(p.start)} đến ${fmtDay(p.end)}; ${result.distinctHouseholds} hộ khác nhau được đỡ đầu (${result.pairs} lượt hộ theo tổ chức)`,
      `${opts.scopeName ? opts.scopeName + " — " : ""}${fmtDay(p.start)} to ${fmtDay(p.end)}; ${result.distinctHouseholds} distinct households sponsored (${result.pairs} household-organisation pairs)`,
    ),
  ];
}

const fmtDay = (d: string) => d.split("-").reverse().join("/");

const COUNTING_NOTE = bi(
  "Một dòng của sổ đỡ đầu được tính khi thời gian đỡ đầu (ngày bắt đầu – ngày kết thúc, trống = đang đỡ đầu) giao với kỳ báo cáo. Mỗi hộ tính một lần cho mỗi tổ chức và đơn vị; đơn vị của hộ theo danh sách hộ đầu kỳ. Dòng có mã hộ không có trong danh sách hộ không được tính (xem trang kiểm tra sổ đỡ đầu).",
  "A register row counts when its sponsorship (start – end date, blank = ongoing) meets the reporting period. A household counts once per organisation and unit; its unit is the one on the start roster. Rows whose household is not on the roster are not counted (see the register checks sheet).",
);

// 1. Sponsorship and support ---------------------------------------------------------------------------------------

/** Households sponsored, quota, % of quota, households supported by kind, value of support. */
export function buildSponsorshipTable(result: SponsorshipResult, opts: TableOptions = {}): ResultTable {
  const lang = opts.lang ?? "vi";
  const columns: ColumnSpec[] = [
    column("tt", "TT", "No.", "text", 6),
    { key: "name", header: ORG_HEADER, format: "text", width: 28 },
    column("hh", "Số hộ được đỡ đầu", "Households sponsored", "integer", 11),
    column("quota", "Chỉ tiêu (hộ)", "Quota (households)", "integer", 10),
    column("quotaR", "% chỉ tiêu", "% of quota", "percent", 10),
    ...SUPPORT_CODES.map((s) => ({
      key: `s_${s}`,
      header: SUPPORT_BY_CODE[s].label,
      format: "integer" as const,
      width: 11,
    })),
    column("value", "Giá trị hỗ trợ (đồng)", "Value of support (VND)", "vnd", 15),
  ];
  const b = new TableBuilder({
    id: "sponsors-support",
    frame: formFrame("sponsors-support", bi("hộ, %, đồng", "households, %, VND"), opts),
    sheetName: bi("Đỡ đầu - hỗ trợ", "Sponsorship - support"),
    title: titleLines(result, "KẾT QUẢ NHẬN ĐỠ ĐẦU, HỖ TRỢ HỘ NGHÈO", "HOUSEHOLDS SPONSORED AND SUPPORTED", opts),
    headerRows: [
      [
        { text: bi("TT", "No."), rowSpan: 2 },
        { text: ORG_HEADER, rowSpan: 2 },
        { text: bi("Số hộ được đỡ đầu", "Households sponsored"), rowSpan: 2 },
        { text: bi("Chỉ tiêu (hộ)", "Quota (households)"), rowSpan: 2 },
        { text: bi("% chỉ tiêu", "% of quota"), rowSpan: 2 },
        {
          text: bi("Số hộ được hỗ trợ theo hình thức", "Households supported, by kind"),
          colSpan: SUPPORT_CODES.length,
        },
        { text: bi("Giá trị hỗ trợ (đồng)", "Value of support (VND)"), rowSpan: 2 },
      ],
      SUPPORT_CODES.map((s) => ({ text: SUPPORT_BY_CODE[s].label })),
    ],
    columns,
    notes: [
      COUNTING_NOTE,
      bi(
        "% chỉ tiêu = số hộ được đỡ đầu ÷ chỉ tiêu (để trống khi chưa giao chỉ tiêu). Một hộ có thể nhận nhiều hình thức hỗ trợ. Giá trị hỗ trợ là tổng số tiền, giá trị hiện vật ghi trong sổ ở các dòng của kỳ. Ô tỷ lệ và ô tổng là công thức Excel.",
        "% of quota = households sponsored ÷ quota (blank without a quota). A household may receive several kinds of support. The value is the sum of money and in-kind value on the period's rows. Rate and total cells are Excel formulas.",
      ),
    ],
    freezeColumns: 2,
    lang,
  });
  const supportKeys = SUPPORT_CODES.map((s) => `s_${s}`);
  const value = (c: SponsorshipCell, k: string) =>
    k === "hh" ? c.households : k === "value" ? c.supportValue : c.support[k.slice(2) as SupportCode];
  orgSections(
    b,
    result,
    lang,
    (c, row) => ({
      hh: c.households,
      quota: c.quota ?? null,
      ...Object.fromEntries(SUPPORT_CODES.map((s) => [`s_${s}`, c.support[s]])),
      value: c.supportValue,
      quotaR: guardedRate(b.ref("hh", row), b.ref("quota", row), c.households, c.quota),
    }),
    ["hh", ...supportKeys, "value"],
    (row, refs, kind, org) => {
      const c = kind === "subtotal" ? org!.total : sumTotals(result);
      // An organisation-wide quota (a quota row without a unit) is the subtotal's own value.
      const quota = kind === "subtotal" && org!.quota !== undefined ? org!.quota : sumOrBlank(refs("quota"), c.quota);
      return { quota, quotaR: guardedRate(b.ref("hh", row), b.ref("quota", row), c.households, c.quota) };
    },
    value,
  );
  return b.build();
}

// 2. Loans ---------------------------------------------------------------------------------------------------------

/** Loans of the sponsored households and interest collection against the target (default 99 %). */
export function buildLoanTable(result: SponsorshipResult, opts: TableOptions = {}): ResultTable {
  const lang = opts.lang ?? "vi";
  const target = result.interestTarget;
  const targetText = `${Math.round(target * 10000) / 100}`;
  const b = new TableBuilder({
    id: "sponsors-loans",
    frame: formFrame("sponsors-loans", bi("hộ, đồng, %", "households, VND, %"), opts),
    sheetName: bi("Đỡ đầu - vay vốn", "Sponsorship - loans"),
    title: titleLines(
      result,
      "VAY VỐN VÀ THU LÃI CỦA HỘ ĐƯỢC ĐỠ ĐẦU",
      "LOANS AND INTEREST OF SPONSORED HOUSEHOLDS",
      opts,
    ),
    headerRows: [
      [
        { text: bi("TT", "No.") },
        { text: ORG_HEADER },
        { text: bi("Số hộ vay vốn", "Households with a loan") },
        { text: bi("Số tiền vay (đồng)", "Amount lent (VND)") },
        { text: bi("Dư nợ (đồng)", "Outstanding (VND)") },
        { text: bi("Lãi phải thu (đồng)", "Interest due (VND)") },
        { text: bi("Lãi đã thu (đồng)", "Interest collected (VND)") },
        { text: bi("Tỷ lệ thu lãi (%)", "Interest collection (%)") },
        { text: bi(`Đạt chỉ tiêu ≥ ${targetText.replace(".", ",")} %`, `Target ≥ ${targetText} % met`) },
      ],
    ],
    columns: [
      column("tt", "TT", "No.", "text", 6),
      { key: "name", header: ORG_HEADER, format: "text", width: 28 },
      column("loanHh", "Số hộ vay vốn", "Households with a loan", "integer", 10),
      column("amount", "Số tiền vay (đồng)", "Amount lent (VND)", "vnd", 15),
      column("outstanding", "Dư nợ (đồng)", "Outstanding (VND)", "vnd", 15),
      column("due", "Lãi phải thu (đồng)", "Interest due (VND)", "vnd", 13),
      column("got", "Lãi đã thu (đồng)", "Interest collected (VND)", "vnd", 13),
      column("rate", "Tỷ lệ thu lãi", "Interest collection", "percent", 10),
      column("met", "Đạt chỉ tiêu", "Target met", "text", 10),
    ],
    notes: [
      COUNTING_NOTE,
      bi(
        `Tỷ lệ thu lãi = lãi đã thu ÷ lãi phải thu (để trống khi không có lãi phải thu); chỉ tiêu ${targetText.replace(".", ",")} % ("tỷ lệ thu lãi hàng năm đạt từ 99% lãi phải thu trở lên"). Số tiền vay, dư nợ, lãi theo sổ ở các dòng của kỳ. Ô tỷ lệ, đánh giá và tổng là công thức Excel.`,
        `Interest collection = interest collected ÷ interest due (blank without interest due); target ${targetText} % ("annual interest collection at least 99% of interest due"). Amounts, outstanding and interest as recorded on the period's rows. Rate, assessment and total cells are Excel formulas.`,
      ),
    ],
    freezeColumns: 2,
    lang,
  });
  const yes = tr(lang, "Đạt", "Met");
  const no = tr(lang, "Chưa đạt", "Not met");
  const rateCells = (row: number, c: SponsorshipCell): Record<string, TableCell> => {
    const rate = c.interestDue > 0 ? roundRate(c.interestCollected / c.interestDue, 2) : undefined;
    return {
      rate: guardedRate(b.ref("got", row), b.ref("due", row), c.interestCollected, c.interestDue),
      met: formulaCell(
        `IF(${b.ref("rate", row)}="","",IF(${b.ref("rate", row)}>=${target},"${yes}","${no}"))`,
        rate === undefined ? "" : rate >= target - 1e-12 ? yes : no,
      ),
    };
  };
  const keys = ["loanHh", "amount", "outstanding", "due", "got"];
  const value = (c: SponsorshipCell, k: string) =>
    ({
      loanHh: c.loanHouseholds,
      amount: c.loanAmount,
      outstanding: c.outstanding,
      due: c.interestDue,
      got: c.interestCollected,
    })[k]!;
  orgSections(
    b,
    result,
    lang,
    (c, row) => ({ ...Object.fromEntries(keys.map((k) => [k, value(c, k)])), ...rateCells(row, c) }),
    keys,
    (row, _refs, kind, org) => rateCells(row, kind === "subtotal" ? org!.total : sumTotals(result)),
    value,
  );
  return b.build();
}

// 3. Outcomes of the sponsored households -------------------------------------------------------------------------

const OUTCOME_KEYS: (keyof Outcome)[] = [
  "poorStart",
  "toNearPoor",
  "escaped",
  "stayed",
  "left",
  "nearPoorStart",
  "nearEscaped",
  "fellBack",
  "nearStayed",
  "nearLeft",
];

function absentNote(result: SponsorshipResult): Bilingual {
  return result.absentFromCurrent === "escaped"
    ? bi(
        "Danh sách hộ cuối kỳ chỉ gồm hộ nghèo, cận nghèo: hộ không còn trong danh sách được tính là thoát nghèo (vượt chuẩn cận nghèo).",
        "The end roster lists only poor and near-poor households: a household no longer on it counts as escaped (above the near-poverty line).",
      )
    : bi(
        "Danh sách hộ cuối kỳ gồm mọi hộ: hộ không còn trong danh sách được tính là ra khỏi danh sách (chết, chuyển đi, tách hộ…).",
        "The end roster lists every household: a household no longer on it counts as having left the roster (died, moved away, split…).",
      );
}

/** What became of the sponsored households between the two reviews, by organisation and unit. */
export function buildOutcomeTable(result: SponsorshipResult, opts: TableOptions = {}): ResultTable {
  const lang = opts.lang ?? "vi";
  const b = new TableBuilder({
    id: "sponsors-outcomes",
    frame: formFrame("sponsors-outcomes", bi("hộ, %", "households, %"), opts),
    sheetName: bi("Đỡ đầu - kết quả", "Sponsorship - outcomes"),
    title: titleLines(result, "KẾT QUẢ THOÁT NGHÈO CỦA HỘ ĐƯỢC ĐỠ ĐẦU", "OUTCOMES OF SPONSORED HOUSEHOLDS", opts),
    headerRows: [
      [
        { text: bi("TT", "No."), rowSpan: 2 },
        { text: ORG_HEADER, rowSpan: 2 },
        { text: bi("Hộ nghèo đầu kỳ được đỡ đầu", "Sponsored households poor at the start"), colSpan: 6 },
        { text: bi("Hộ cận nghèo đầu kỳ được đỡ đầu", "Sponsored households near-poor at the start"), colSpan: 5 },
      ],
      [
        { text: bi("Số hộ", "Households") },
        { text: bi("Thoát nghèo, sang cận nghèo", "Escaped to near-poor") },
        { text: bi("Thoát nghèo, vượt chuẩn cận nghèo", "Escaped above near-poor") },
        { text: bi("Còn nghèo", "Still poor") },
        { text: bi("Ra khỏi danh sách", "Left the roster") },
        { text: bi("Tỷ lệ thoát nghèo (%)", "Escape rate (%)") },
        { text: bi("Số hộ", "Households") },
        { text: bi("Thoát cận nghèo", "Escaped near-poverty") },
        { text: bi("Rơi xuống hộ nghèo", "Fell back to poor") },
        { text: bi("Còn cận nghèo", "Still near-poor") },
        { text: bi("Ra khỏi danh sách", "Left the roster") },
      ],
    ],
    columns: [
      column("tt", "TT", "No.", "text", 6),
      { key: "name", header: ORG_HEADER, format: "text", width: 28 },
      column("poorStart", "Hộ nghèo đầu kỳ", "Poor at start", "integer", 9),
      column("toNearPoor", "Sang cận nghèo", "To near-poor", "integer", 10),
      column("escaped", "Vượt chuẩn cận nghèo", "Above near-poor", "integer", 10),
      column("stayed", "Còn nghèo", "Still poor", "integer", 9),
      column("left", "Ra khỏi danh sách", "Left", "integer", 9),
      column("rate", "Tỷ lệ thoát nghèo", "Escape rate", "percent", 10),
      column("nearPoorStart", "Hộ cận nghèo đầu kỳ", "Near-poor at start", "integer", 9),
      column("nearEscaped", "Thoát cận nghèo", "Escaped near-poverty", "integer", 10),
      column("fellBack", "Rơi xuống nghèo", "Fell back", "integer", 9),
      column("nearStayed", "Còn cận nghèo", "Still near-poor", "integer", 9),
      column("nearLeft", "Ra khỏi danh sách (CN)", "Left (NP)", "integer", 9),
    ],
    notes: [
      COUNTING_NOTE,
      bi(
        "Kết quả theo hai danh sách hộ rà soát (đầu kỳ và cuối kỳ), cách tính như biểu diễn biến hộ nghèo, cận nghèo. Tỷ lệ thoát nghèo = (sang cận nghèo + vượt chuẩn cận nghèo) ÷ hộ nghèo đầu kỳ được đỡ đầu (công thức). Hộ không nghèo, không cận nghèo đầu kỳ không được tính ở biểu này.",
        "Outcomes from the two review rosters (start and end), counted as in the transition forms. Escape rate = (to near-poor + above near-poor) ÷ sponsored households poor at the start (a formula). Households neither poor nor near-poor at the start are not counted here.",
      ),
      absentNote(result),
      bi(
        "Kết quả của hộ được đỡ đầu không phải là tác động của việc đỡ đầu; so sánh với hộ không được đỡ đầu ở trang kế tiếp.",
        "The outcomes of sponsored households are not the effect of sponsorship; the comparison with households not sponsored is on the next sheet.",
      ),
    ],
    freezeColumns: 2,
    lang,
  });
  const out = (c: SponsorshipCell) => c.outcome ?? ZERO_OUTCOME;
  const rateOf = (row: number, o: Outcome) =>
    formulaCell(
      `IF(N(${b.ref("poorStart", row)})=0,"",ROUND((${b.ref("toNearPoor", row)}+${b.ref("escaped", row)})/${b.ref("poorStart", row)},4))`,
      o.poorStart === 0 ? "" : roundRate((o.toNearPoor + o.escaped) / o.poorStart, 2),
    );
  orgSections(
    b,
    result,
    lang,
    (c, row) => ({ ...Object.fromEntries(OUTCOME_KEYS.map((k) => [k, out(c)[k]])), rate: rateOf(row, out(c)) }),
    OUTCOME_KEYS,
    (row, _refs, kind, org) => ({ rate: rateOf(row, out(kind === "subtotal" ? org!.total : sumTotals(result))) }),
    (c, k) => out(c)[k as keyof Outcome],
  );
  return b.build();
}

// 4. Plain comparison by unit ------------------------------------------------------------------------------------

/**
 * Per unit: the households sponsored by any organisation in the period and the poor / near-poor households of the
 * same unit that no organisation sponsored, with the same outcome counts — a side-by-side comparison, labelled as
 * such (not a causal estimate).
 */
export function buildComparisonTable(result: SponsorshipResult, opts: TableOptions = {}): ResultTable {
  const lang = opts.lang ?? "vi";
  const groups = [
    { p: "sp", label: bi("Hộ được đỡ đầu (mọi tổ chức)", "Sponsored (any organisation)") },
    { p: "ns", label: bi("Hộ không được đỡ đầu, cùng đơn vị", "Not sponsored, same unit") },
  ] as const;
  const sub = [
    { k: "poor", label: bi("Hộ nghèo đầu kỳ", "Poor at start"), format: "integer" as const },
    { k: "esc", label: bi("Thoát nghèo", "Escaped poverty"), format: "integer" as const },
    { k: "rate", label: bi("Tỷ lệ thoát nghèo (%)", "Escape rate (%)"), format: "percent" as const },
    { k: "near", label: bi("Hộ cận nghèo đầu kỳ", "Near-poor at start"), format: "integer" as const },
    { k: "fell", label: bi("Rơi xuống nghèo", "Fell back to poor"), format: "integer" as const },
  ];
  const columns: ColumnSpec[] = [column("tt", "TT", "No.", "text", 6), column("unit", "Đơn vị", "Unit", "text", 24)];
  for (const g of groups)
    for (const s of sub)
      columns.push({
        key: `${g.p}_${s.k}`,
        header: bi(`${g.label.vi}: ${s.label.vi.toLowerCase()}`, `${g.label.en}: ${s.label.en.toLowerCase()}`),
        format: s.format,
        width: 11,
      });
  const b = new TableBuilder({
    id: "sponsors-comparison",
    frame: formFrame("sponsors-comparison", bi("hộ, %", "households, %"), opts),
    sheetName: bi("Đỡ đầu - so sánh", "Sponsorship - comparison"),
    title: [
      bi(
        `SO SÁNH ĐƠN THUẦN: HỘ ĐƯỢC ĐỠ ĐẦU VÀ HỘ KHÔNG ĐƯỢC ĐỠ ĐẦU — ${result.period.label.vi.toUpperCase()}`,
        `PLAIN COMPARISON: SPONSORED AND NOT SPONSORED HOUSEHOLDS — ${result.period.label.en.toUpperCase()}`,
      ),
      bi(
        `${opts.scopeName ? opts.scopeName + " — " : ""}Không phải đánh giá tác động của việc đỡ đầu`,
        `${opts.scopeName ? opts.scopeName + " — " : ""}Not an estimate of the effect of sponsorship`,
      ),
    ],
    headerRows: [
      [
        { text: bi("TT", "No."), rowSpan: 2 },
        { text: bi("Đơn vị", "Unit"), rowSpan: 2 },
        ...groups.map((g) => ({ text: g.label, colSpan: sub.length })),
      ],
      groups.flatMap(() => sub.map((s) => ({ text: s.label }))),
    ],
    columns,
    notes: [
      bi(
        "Đây là so sánh đơn thuần giữa hai nhóm hộ của cùng đơn vị, KHÔNG phải đánh giá tác động của việc đỡ đầu: hộ được đỡ đầu không được chọn ngẫu nhiên (thường là hộ khó khăn hơn hoặc có khả năng thoát nghèo hơn), nên chênh lệch tỷ lệ có thể do khác biệt giữa hai nhóm.",
        "This is a plain comparison of two groups of households of the same unit, NOT an estimate of the effect of sponsorship: sponsored households are not chosen at random (often the hardest cases, or those most able to escape), so a difference in rates may come from how the groups differ.",
      ),
      bi(
        "Hộ được đỡ đầu: có ít nhất một dòng của sổ đỡ đầu trong kỳ (mọi tổ chức, mỗi hộ một lần). Hộ không được đỡ đầu: hộ nghèo, cận nghèo đầu kỳ của cùng đơn vị không có dòng nào trong kỳ. Thoát nghèo = sang cận nghèo hoặc vượt chuẩn cận nghèo; tỷ lệ là công thức Excel.",
        "Sponsored: at least one register row in the period (any organisation, each household once). Not sponsored: households poor or near-poor at the start in the same unit with no row in the period. Escaped = to near-poor or above the near-poverty line; rates are Excel formulas.",
      ),
      absentNote(result),
    ],
    freezeColumns: 2,
    lang,
  });
  const vals = (o: Outcome) => ({
    poor: o.poorStart,
    esc: o.toNearPoor + o.escaped,
    near: o.nearPoorStart,
    fell: o.fellBack,
  });
  const rows = result.comparison ?? [];
  const cellsFor = (row: number, sp: Outcome, ns: Outcome, sums?: { first: number; last: number }) => {
    const c: Record<string, TableCell> = {};
    for (const [p, o] of [
      ["sp", sp],
      ["ns", ns],
    ] as const) {
      const v = vals(o);
      for (const k of ["poor", "esc", "near", "fell"] as const)
        c[`${p}_${k}`] = sums
          ? formulaCell(`SUM(${b.col(`${p}_${k}`)}${sums.first}:${b.col(`${p}_${k}`)}${sums.last})`, v[k])
          : v[k];
      c[`${p}_rate`] = guardedRate(b.ref(`${p}_esc`, row), b.ref(`${p}_poor`, row), v.esc, v.poor);
    }
    return c;
  };
  const first = b.nextRow;
  rows.forEach((u, i) => {
    const row = b.nextRow;
    b.add({ tt: String(i + 1), unit: u.unit, ...cellsFor(row, u.sponsored, u.notSponsored) });
  });
  if (rows.length) {
    const last = b.nextRow - 1;
    const sum = (f: (u: (typeof rows)[number]) => Outcome): Outcome => totalOutcome(rows.map(f));
    const row = b.nextRow;
    b.add(
      {
        tt: "",
        unit: tr(lang, "TỔNG CỘNG", "TOTAL"),
        ...cellsFor(
          row,
          sum((u) => u.sponsored),
          sum((u) => u.notSponsored),
          { first, last },
        ),
      },
      "total",
    );
  } else
    b.add({ tt: "", unit: tr(lang, "(không có hộ được đỡ đầu trong kỳ)", "(no household sponsored in the period)") });
  return b.build();
}

// 5. Register checks -------------------------------------------------------------------------------------------

/** The register checks as a sheet: one row per finding, located (file, sheet, cell), messages as text. */
export function buildRegisterFindingsTable(findings: readonly Finding[], opts: TableOptions = {}): ResultTable {
  const lang = opts.lang ?? "vi";
  const b = new TableBuilder({
    id: "sponsors-checks",
    sheetName: bi("Kiểm tra sổ đỡ đầu", "Register checks"),
    title: [
      bi("KIỂM TRA SỔ ĐỠ ĐẦU HỘ NGHÈO", "SPONSORSHIP REGISTER CHECKS"),
      bi(
        `${findings.filter((f) => f.severity === "error").length} lỗi, ${findings.filter((f) => f.severity === "warning").length} cảnh báo, ${findings.filter((f) => f.severity === "info").length} thông tin`,
        `${findings.filter((f) => f.severity === "error").length} errors, ${findings.filter((f) => f.severity === "warning").length} warnings, ${findings.filter((f) => f.severity === "info").length} notices`,
      ),
    ],
    headerRows: [
      [
        { text: bi("TT", "No.") },
        { text: bi("Mức độ", "Severity") },
        { text: bi("Mã", "Code") },
        { text: bi("Tệp", "File") },
        { text: bi("Trang", "Sheet") },
        { text: bi("Ô", "Cell") },
        { text: bi("Nội dung", "Message") },
      ],
    ],
    columns: [
      column("tt", "TT", "No.", "text", 6),
      column("sev", "Mức độ", "Severity", "text", 10),
      column("code", "Mã", "Code", "text", 26),
      column("file", "Tệp", "File", "text", 18),
      column("sheet", "Trang", "Sheet", "text", 16),
      column("cell", "Ô", "Cell", "text", 7),
      column("msg", "Nội dung", "Message", "text", 90),
    ],
    notes: [
      bi(
        'Mã lỗi: xem danh mục quy tắc kiểm tra, nhóm "Sổ đỡ đầu" (lệnh poverty rules, hoặc thẻ Kiểm tra của ngăn tác vụ).',
        'Codes: see the catalogue of checks, group "Sponsorship register" (the poverty rules command, or the pane\'s Validate tab).',
      ),
    ],
    freezeColumns: 2,
    lang,
  });
  if (findings.length === 0) b.add({ tt: "", msg: tr(lang, "Không có lỗi hay cảnh báo.", "No errors or warnings.") });
  findings.forEach((f, i) =>
    b.add({
      tt: String(i + 1),
      sev: severityText(f.severity, lang),
      code: f.code,
      file: f.file ?? "",
      sheet: f.sheet,
      cell: f.cell,
      msg: lang === "vi" ? f.messageVi : f.messageEn,
    }),
  );
  return b.build();
}

/** Every report table of a sponsorship result, in reading order (outcomes only with an end roster). */
export function buildSponsorTables(result: SponsorshipResult, opts: TableOptions = {}): ResultTable[] {
  return [
    buildSponsorshipTable(result, opts),
    buildLoanTable(result, opts),
    ...(result.comparison ? [buildOutcomeTable(result, opts), buildComparisonTable(result, opts)] : []),
    buildRegisterFindingsTable(result.findings, opts),
  ];
}

// 6. Templates and a filled register ------------------------------------------------------------------------------

const FLAG: ColumnValidation = {
  kind: "whole",
  min: 0,
  max: 1,
  prompt: bi("Nhập 1 nếu có hỗ trợ này, 0 hoặc để trống nếu không", "Enter 1 for this support, 0 or blank if not"),
  error: bi("Chỉ nhập 0 hoặc 1", "Enter 0 or 1 only"),
};
const MONEY: ColumnValidation = {
  kind: "whole",
  min: 0,
  error: bi("Nhập số tiền (đồng), số nguyên không âm", "Enter an amount in VND, a whole number ≥ 0"),
};
const DATE: ColumnValidation = {
  kind: "decimal",
  min: excelSerial("2000-01-01"),
  max: excelSerial("2100-12-31"),
  prompt: bi("Nhập ngày, ví dụ 15/01/2026", "Enter a date, e.g. 15/01/2026"),
  error: bi("Nhập một ngày (ngày/tháng/năm)", "Enter a date (day/month/year)"),
};

/** Short programme names for the drop-down (Excel limits an inline list to 255 characters). */
export const LOAN_PROGRAMME_CHOICES: Record<LoanProgrammeCode, Bilingual> = {
  poor: bi("Hộ nghèo", "Poor households"),
  nearPoor: bi("Hộ cận nghèo", "Near-poor households"),
  escaped: bi("Hộ mới thoát nghèo", "Newly escaped"),
  jobs: bi("Giải quyết việc làm", "Job creation"),
  water: bi("Nước sạch VSMT", "Water sanitation"),
  housing: bi("Nhà ở", "Housing"),
  students: bi("HSSV", "Students"),
  production: bi("SXKD vùng khó khăn", "Production difficult areas"),
  other: bi("Khác", "Other"),
};

/** Header texts of the support flag columns; the register reader recognises them ("Hỗ trợ: …"). */
const SUPPORT_FLAG_HEADERS: Record<Exclude<SupportCode, "other">, Bilingual> = {
  loan: bi("Hỗ trợ: vay vốn (1/0)", "Support: loan (1/0)"),
  training: bi("Hỗ trợ: đào tạo nghề, tập huấn (1/0)", "Support: training (1/0)"),
  jobs: bi("Hỗ trợ: việc làm (1/0)", "Support: jobs (1/0)"),
  healthInsurance: bi("Hỗ trợ: bảo hiểm y tế (1/0)", "Support: health insurance (1/0)"),
  housing: bi("Hỗ trợ: nhà ở (1/0)", "Support: housing (1/0)"),
  livelihood: bi("Hỗ trợ: sinh kế, con giống (1/0)", "Support: livelihood, livestock (1/0)"),
  gifts: bi("Hỗ trợ: quà, hiện vật, tiền mặt (1/0)", "Support: gifts, in kind, cash (1/0)"),
};

/** The register's columns in the template (and in a register the product writes). */
export function registerColumns(lang: Lang = "vi"): ColumnSpec[] {
  const orgs = ORGANISATIONS.map((o) => pick(o.label, lang));
  const programmes = LOAN_PROGRAMMES.map((p) => pick(LOAN_PROGRAMME_CHOICES[p.code], lang)).concat(
    pick(LOAN_PROGRAMME_CHOICES.other, lang),
  );
  return [
    { key: "tt", header: bi("TT", "No."), format: "text", width: 6 },
    {
      key: "organisation",
      header: bi("Tổ chức đỡ đầu", "Sponsoring organisation"),
      format: "text",
      width: 22,
      validation: {
        kind: "list",
        values: orgs,
        prompt: bi("Chọn tổ chức nhận đỡ đầu", "Choose the sponsoring organisation"),
      },
    },
    { key: "branch", header: bi("Chi hội, chi đoàn phụ trách", "Sponsoring branch"), format: "text", width: 18 },
    { key: "id", header: bi("Mã hộ", "Household id"), format: "text", width: 14 },
    { key: "head", header: bi("Họ tên chủ hộ", "Head of household"), format: "text", width: 22 },
    { key: "unit", header: bi("Xã, phường", "Commune, ward"), format: "text", width: 16 },
    { key: "village", header: bi("Thôn, tổ dân phố", "Village"), format: "text", width: 14 },
    { key: "start", header: bi("Ngày bắt đầu đỡ đầu", "Start date"), format: "date", width: 12, validation: DATE },
    { key: "end", header: bi("Ngày kết thúc", "End date"), format: "date", width: 12, validation: DATE },
    ...(Object.keys(SUPPORT_FLAG_HEADERS) as Exclude<SupportCode, "other">[]).map((code): ColumnSpec => ({
      key: `st_${code}`,
      header: SUPPORT_FLAG_HEADERS[code],
      format: "integer",
      width: 10,
      validation: FLAG,
    })),
    {
      key: "other",
      header: bi("Hình thức hỗ trợ khác (ghi rõ)", "Other support (specify)"),
      format: "text",
      width: 18,
    },
    {
      key: "value",
      header: bi("Giá trị hỗ trợ (đồng)", "Support value (VND)"),
      format: "vnd",
      width: 14,
      validation: MONEY,
    },
    {
      key: "programme",
      header: bi("Chương trình vay", "Loan programme"),
      format: "text",
      width: 16,
      validation: {
        kind: "list",
        values: programmes,
        prompt: bi("Chọn chương trình cho vay của NHCSXH", "Choose the Social Policy Bank programme"),
      },
    },
    { key: "loan", header: bi("Số tiền vay (đồng)", "Loan amount (VND)"), format: "vnd", width: 14, validation: MONEY },
    {
      key: "outstanding",
      header: bi("Dư nợ (đồng)", "Outstanding (VND)"),
      format: "vnd",
      width: 14,
      validation: MONEY,
    },
    {
      key: "due",
      header: bi("Lãi phải thu (đồng)", "Interest due (VND)"),
      format: "vnd",
      width: 12,
      validation: MONEY,
    },
    {
      key: "got",
      header: bi("Lãi đã thu (đồng)", "Interest collected (VND)"),
      format: "vnd",
      width: 12,
      validation: MONEY,
    },
    { key: "notes", header: bi("Ghi chú", "Notes"), format: "text", width: 20 },
  ];
}

export interface RegisterTemplateOptions extends TableOptions {
  /** Blank input rows (default 200 for the register, 30 for quotas). */
  rows?: number;
}

/** Blank register with drop-downs (organisation, loan programme), date and amount validation and instructions. */
export function buildRegisterTemplate(opts: RegisterTemplateOptions = {}): ResultTable[] {
  const lang = opts.lang ?? "vi";
  const columns = registerColumns(lang);
  const reg: ResultTable = {
    id: "template-sponsor-register",
    frame: formFrame("template-sponsor-register", bi("đồng", "VND"), opts),
    sheetName: bi("Sổ đỡ đầu", "Sponsorship register"),
    title: [
      bi("SỔ THEO DÕI HỘ NGHÈO ĐƯỢC NHẬN ĐỠ ĐẦU (GIÚP HỘ NGHÈO CÓ ĐỊA CHỈ)", "REGISTER OF SPONSORED POOR HOUSEHOLDS"),
      bi(
        "Hướng dẫn: mỗi dòng một lần nhận đỡ đầu hoặc một lần hỗ trợ; mã hộ theo danh sách hộ rà soát; ngày dạng ngày/tháng/năm, ngày kết thúc để trống khi còn đỡ đầu; cột hỗ trợ nhập 1 nếu có; số tiền, giá trị tính bằng đồng.",
        "Instructions: one row per sponsorship or act of support; household ids as on the review roster; dates day/month/year, leave the end date blank while ongoing; support columns take 1 when given; amounts in VND.",
      ),
    ],
    headerRows: [columns.map((c) => ({ text: c.header }))],
    columns,
    rows: [],
    notes: [
      bi(
        "Kỳ báo cáo (tháng, quý, năm): dòng được tính khi thời gian đỡ đầu giao với kỳ. Lãi phải thu, lãi đã thu: số của kỳ báo cáo.",
        "Reporting period (month, quarter, year): a row counts when its sponsorship meets the period. Interest due and collected: amounts of the period.",
      ),
    ],
    freezeColumns: 4,
    inputRows: opts.rows ?? 200,
    lang,
  };
  const quotaColumns: ColumnSpec[] = [
    { key: "tt", header: bi("TT", "No."), format: "text", width: 6 },
    {
      key: "organisation",
      header: bi("Tổ chức đỡ đầu", "Sponsoring organisation"),
      format: "text",
      width: 24,
      validation: columns[1].validation,
    },
    { key: "unit", header: bi("Xã, phường", "Commune, ward"), format: "text", width: 18 },
    {
      key: "quota",
      header: bi("Chỉ tiêu nhận đỡ đầu (hộ)", "Quota (households)"),
      format: "integer",
      width: 14,
      validation: { kind: "whole", min: 0, error: bi("Nhập số hộ, số nguyên không âm", "Enter a whole number ≥ 0") },
    },
  ];
  const quota: ResultTable = {
    id: "template-sponsor-quota",
    frame: formFrame("template-sponsor-quota", bi("hộ", "households"), opts),
    sheetName: bi("Chỉ tiêu đỡ đầu", "Sponsorship quotas"),
    title: [
      bi("CHỈ TIÊU NHẬN ĐỠ ĐẦU HỘ NGHÈO THEO TỔ CHỨC VÀ ĐƠN VỊ", "SPONSORSHIP QUOTAS BY ORGANISATION AND UNIT"),
      bi(
        "Hướng dẫn: mỗi dòng một tổ chức ở một xã, phường; để trống xã, phường nếu chỉ tiêu giao chung cho cả tổ chức.",
        "Instructions: one row per organisation and commune/ward; leave the unit blank for a quota of the whole organisation.",
      ),
    ],
    headerRows: [quotaColumns.map((c) => ({ text: c.header }))],
    columns: quotaColumns,
    rows: [],
    notes: [],
    freezeColumns: 2,
    inputRows: opts.rows === undefined ? 30 : Math.min(opts.rows, 100),
    lang,
  };
  return [reg, quota];
}

/** A filled register in the template's layout (the demo's sample register; a tidy copy of a planner's). */
export function buildRegisterTable(
  records: readonly SponsorRecord[],
  opts: TableOptions & { title?: Bilingual; organisationText?: (r: SponsorRecord) => string } = {},
): ResultTable {
  const lang = opts.lang ?? "vi";
  const columns = registerColumns(lang).map((c) => ({ ...c, validation: undefined }));
  const b = new TableBuilder({
    id: "sponsor-register",
    frame: formFrame("sponsor-register", bi("đồng", "VND"), opts),
    sheetName: bi("Sổ đỡ đầu", "Sponsorship register"),
    title: [
      opts.title ?? bi("SỔ THEO DÕI HỘ NGHÈO ĐƯỢC NHẬN ĐỠ ĐẦU", "REGISTER OF SPONSORED POOR HOUSEHOLDS"),
      ...(opts.scopeName ? [bi(opts.scopeName, opts.scopeName)] : []),
    ],
    headerRows: [columns.map((c) => ({ text: c.header }))],
    columns,
    notes: [],
    freezeColumns: 4,
    lang,
  });
  records.forEach((r, i) => {
    const cells: Record<string, TableCell> = {
      tt: String(i + 1),
      organisation: opts.organisationText ? opts.organisationText(r) : r.organisationText,
      branch: r.branch ?? null,
      id: r.householdId,
      head: r.head ?? null,
      unit: r.unit || null,
      village: r.village ?? null,
      start: r.start ? excelSerial(r.start) : null,
      end: r.end ? excelSerial(r.end) : null,
      value: r.supportValue ?? null,
      programme: r.loanProgramme ? pick(LOAN_PROGRAMME_CHOICES[r.loanProgramme], lang) : (r.loanProgrammeText ?? null),
      loan: r.loanAmount ?? null,
      outstanding: r.outstanding ?? null,
      due: r.interestDue ?? null,
      got: r.interestCollected ?? null,
      notes: r.notes ?? null,
    };
    for (const code of Object.keys(SUPPORT_FLAG_HEADERS))
      cells[`st_${code}`] = r.support.includes(code as SupportCode) ? 1 : null;
    if (r.support.includes("other")) cells.other = capitalize(pick(SUPPORT_BY_CODE.other.label, lang).toLowerCase());
    b.add(cells);
  });
  return b.build();
}

/** Period text for the terminal and file names: "2026-Q1". */
export function periodCode(p: Period): string {
  return p.code;
}

/** A filled quota sheet in the template's layout (organisation label in the table's language). */
export function buildQuotaTable(quotas: readonly QuotaEntry[], opts: TableOptions = {}): ResultTable {
  const lang = opts.lang ?? "vi";
  const [, template] = buildRegisterTemplate({ lang, rows: 0 });
  const b = new TableBuilder({
    ...template,
    id: "sponsor-quota",
    frame: formFrame("sponsor-quota", bi("hộ", "households"), opts),
    title: [template.title[0], ...(opts.scopeName ? [bi(opts.scopeName, opts.scopeName)] : [])],
    columns: template.columns.map((c) => ({ ...c, validation: undefined })),
    inputRows: 0,
  });
  quotas.forEach((q, i) =>
    b.add({
      tt: String(i + 1),
      organisation: ORGANISATION_BY_CODE[q.organisation as OrganisationCode]
        ? pick(ORGANISATION_BY_CODE[q.organisation as OrganisationCode].label, lang)
        : q.organisationText,
      unit: q.unit || null,
      quota: q.quota,
    }),
  );
  return b.build();
}

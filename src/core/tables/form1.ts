/**
 * Form 1 — "Tổng hợp kết quả chính thức rà soát hộ nghèo, hộ cận nghèo" by unit (docs/domain.md §7.3):
 * (1) total households, (2) total members; poor (3) and 4 = 3/1; near-poor (5) and 6 = 5/1; average-living (7)
 * and 8 = 7/1; the same in members: 10 = 9/2, 12 = 11/2, 14 = 13/2. Rates are fractions shown as 0.00 %
 * (the form's "×100" is the cell format), written as ROUND(count/total,4). Sections I. urban, II. rural with
 * SUM subtotals, then the grand total. Counts come from `countsBy` (core/measures).
 *
 * With `exclusion` (the roster records the group, e.g. social protection), four columns are appended after the
 * official ones, numbered on: (15) "trong đó: hộ nghèo thuộc diện BTXH", (16) = (15)/(1), (17) "hộ nghèo không tính
 * BTXH" = (3) − (15), (18) = (17)/(1) — counts from `exclusionBy` (core/measures/exclusion.ts), the net count and
 * both rates as formulas. The net rate's denominator is all households of the unit (stated in a note).
 */
import type { Category, Household } from "../household";
import { bi, formatNumber, pick, type Bilingual, type Lang } from "../i18n";
import { countsBy, type CategoryCounts } from "../measures/rates";
import { exclusionBy, type ExclusionCounts } from "../measures/exclusion";
import { averageConfirmed } from "../classify";
import type { Standard } from "../standards/schema";
import {
  addFormula,
  capitalize,
  column,
  formFrame,
  legalNote,
  numberRow,
  rateFormula,
  roman,
  sumFormula,
  TableBuilder,
  tr,
  type TableOptions,
} from "./build";
import { formulaCell, type ColumnSpec, type HeaderCell, type ResultTable, type TableCell } from "./model";

export interface Form1Input {
  households: readonly Household[];
  /** Category of each household (same order), e.g. from classifyHousehold. */
  categories: readonly Category[];
  standard: Standard;
  reviewYear: number;
  /**
   * Poor households of this target group (a Household.targetGroups code, e.g. "socialProtection") are shown
   * separately: "trong đó" and "không tính" columns (15)–(18). Give it only when the roster records the group
   * (a flag column): a group the roster does not record would show as 0.
   */
  exclusion?: { group: string };
}

/** Short names of an excluded group for headers ("BTXH"); other groups use their full label. */
export const EXCLUSION_SHORT_LABELS: Record<string, Bilingual> = {
  socialProtection: bi("BTXH", "social protection"),
  noLabour: bi("không có khả năng lao động", "without working capacity"),
  meritorious: bi("có người có công", "meritorious service"),
};

/** "hộ nghèo thuộc diện BTXH" / "không tính hộ BTXH" wording of a group. */
export function exclusionWords(group: string): { of: Bilingual; without: Bilingual; short: Bilingual } {
  const short = EXCLUSION_SHORT_LABELS[group] ?? bi(group, group);
  if (group === "socialProtection")
    return {
      of: bi("hộ nghèo thuộc diện bảo trợ xã hội (BTXH)", "poor social-protection households"),
      without: bi("hộ nghèo không tính hộ BTXH", "poor households not counting social protection"),
      short,
    };
  return {
    of: bi(`hộ nghèo ${short.vi}`, `poor households ${short.en}`),
    without: bi(`hộ nghèo không tính hộ ${short.vi}`, `poor households not counting those ${short.en}`),
    short,
  };
}

type Kind = "poor" | "nearPoor" | "average";
const KINDS: Kind[] = ["poor", "nearPoor", "average"];
const KIND_LABEL: Record<Kind, { vi: string; en: string }> = {
  poor: { vi: "Hộ nghèo", en: "Poor" },
  nearPoor: { vi: "Hộ cận nghèo", en: "Near-poor" },
  average: { vi: "Hộ có mức sống trung bình (NLNDN)", en: "Average living standard (agri/forestry/fishery/salt)" },
};
const RATE_OF: Record<Kind, keyof CategoryCounts> = {
  poor: "poorRate",
  nearPoor: "nearPoorRate",
  average: "averageRate",
};

/**
 * Notes on column (7) (average living standard): households in the income band left out because their trade is not
 * given (with the roster's column absent or blank), and the uncertain ceilings of Decision 59/2015/QĐ-TTg.
 */
function averageNotes(standard: Standard, households: readonly Household[], unconfirmed: number) {
  const notes = [];
  if (unconfirmed > 0) {
    const noColumn = households.every((h) => h.agricultural === undefined);
    notes.push(
      noColumn
        ? bi(
            `Cột (7), (8): danh sách không có cột "Hộ làm nông nghiệp, lâm nghiệp, ngư nghiệp, diêm nghiệp" nên chưa xác định được hộ có mức sống trung bình (chỉ gồm các hộ này, theo Nghị định 07/2021/NĐ-CP và Quyết định 24/2021/QĐ-TTg); ${unconfirmed} hộ có thu nhập trong khoảng mức sống trung bình không được tính.`,
            `Columns (7), (8): the roster has no "agriculture, forestry, fishery or salt household" column, so average-living households (only those, under Decree 07/2021/NĐ-CP and Decision 24/2021/QĐ-TTg) are not identified; ${unconfirmed} households with an income in the average band are not counted.`,
          )
        : bi(
            `Cột (7), (8): ${unconfirmed} hộ có thu nhập trong khoảng mức sống trung bình chưa ghi có phải hộ làm nông, lâm, ngư, diêm nghiệp hay không nên không được tính (Nghị định 07/2021/NĐ-CP; Quyết định 24/2021/QĐ-TTg).`,
            `Columns (7), (8): ${unconfirmed} households with an income in the average band have no agriculture/forestry/fishery/salt flag and are not counted (Decree 07/2021/NĐ-CP; Decision 24/2021/QĐ-TTg).`,
          ),
    );
  }
  if (
    standard.uncertain.some((u) => u.path.endsWith("averageCeiling")) &&
    standard.lines.rural.averageCeiling !== null
  ) {
    const r = standard.lines.rural.averageCeiling;
    const u = standard.lines.urban.averageCeiling;
    notes.push(
      bi(
        `Cột (7), (8): mức trần hộ có mức sống trung bình của ${standard.citation.document} (${formatNumber(r, "vi")} đ nông thôn, ${u === null ? "chưa rõ" : formatNumber(u, "vi")} đ thành thị) chỉ có từ báo chí, chưa đối chiếu văn bản.`,
        `Columns (7), (8): the average-living ceilings of ${standard.citation.documentEn} (${formatNumber(r, "en")} VND rural, ${u === null ? "unknown" : formatNumber(u, "en")} VND urban) are from the press only, not checked against the text.`,
      ),
    );
  }
  return notes;
}

/** Form 1 as a ResultTable. Member columns are included when every household has a member count. */
export function buildForm1(input: Form1Input, opts: TableOptions = {}): ResultTable {
  const lang: Lang = opts.lang ?? "vi";
  const { households, categories, standard, reviewYear } = input;
  if (categories.length !== households.length) throw new Error("buildForm1: categories must match households");
  const withMembers = households.length > 0 && households.every((h) => typeof h.members === "number");
  const exGroup = input.exclusion?.group;
  const inGroup = (i: number) => exGroup !== undefined && (households[i].targetGroups ?? []).includes(exGroup);
  const words = exGroup !== undefined ? exclusionWords(exGroup) : undefined;
  const idx = households.map((_, i) => i);
  // Column (7) counts identified average-living households only: under a standard that limits the category to
  // agriculture, forestry, fishery and salt households (Decree 07/2021/NĐ-CP), a household in the income band whose
  // trade is not given is left out, and a note says how many (never counted as if identified).
  const unconfirmed = idx.filter(
    (i) => categories[i] === "average" && !averageConfirmed(standard, households[i].agricultural),
  ).length;
  const cat = (i: number): Category =>
    categories[i] === "average" && !averageConfirmed(standard, households[i].agricultural) ? "none" : categories[i];
  const unitOf = (i: number) => households[i].unit;
  const members = (i: number) => households[i].members ?? 0;

  const columns: ColumnSpec[] = [
    column("tt", "TT", "No.", "text", 6),
    column("unit", "Đơn vị", "Unit", "text", 28),
    column("hh", "Tổng số hộ", "Total households", "integer", 12),
  ];
  if (withMembers) columns.push(column("mem", "Tổng số nhân khẩu", "Total members", "integer", 12));
  for (const k of KINDS)
    columns.push(
      column(`h_${k}`, `${KIND_LABEL[k].vi}: số hộ`, `${KIND_LABEL[k].en}: households`, "integer", 11),
      column(`h_${k}_r`, `${KIND_LABEL[k].vi}: tỷ lệ`, `${KIND_LABEL[k].en}: rate`, "percent", 10),
    );
  if (withMembers)
    for (const k of KINDS)
      columns.push(
        column(`m_${k}`, `${KIND_LABEL[k].vi}: nhân khẩu`, `${KIND_LABEL[k].en}: members`, "integer", 11),
        column(`m_${k}_r`, `${KIND_LABEL[k].vi}: tỷ lệ NK`, `${KIND_LABEL[k].en}: member rate`, "percent", 10),
      );
  if (words)
    columns.push(
      column("h_ex", `Trong đó: ${words.of.vi}: số hộ`, `Of which ${words.of.en}: households`, "integer", 11),
      column("h_ex_r", `Trong đó: ${words.of.vi}: tỷ lệ`, `Of which ${words.of.en}: rate`, "percent", 10),
      column(
        "h_net",
        `${capitalize(words.without.vi)}: số hộ`,
        `${capitalize(words.without.en)}: households`,
        "integer",
        11,
      ),
      column(
        "h_net_r",
        `${capitalize(words.without.vi)}: tỷ lệ`,
        `${capitalize(words.without.en)}: rate`,
        "percent",
        10,
      ),
    );

  const top: HeaderCell[] = [
    { text: bi("TT", "No."), rowSpan: 2 },
    { text: bi("Đơn vị", "Unit"), rowSpan: 2 },
    { text: bi("Tổng số hộ", "Total households"), rowSpan: 2 },
  ];
  if (withMembers) top.push({ text: bi("Tổng số nhân khẩu", "Total members"), rowSpan: 2 });
  for (const k of KINDS) top.push({ text: KIND_LABEL[k], colSpan: 2 });
  if (withMembers)
    for (const k of KINDS)
      top.push({
        text: bi(
          `Nhân khẩu ${KIND_LABEL[k].vi.replace(/^Hộ /, "hộ ")}`,
          `Members of ${KIND_LABEL[k].en.toLowerCase()} households`,
        ),
        colSpan: 2,
      });
  if (words)
    top.push(
      { text: bi(`Trong đó: ${words.of.vi}`, `Of which: ${words.of.en}`), colSpan: 2 },
      { text: bi(capitalize(words.without.vi), capitalize(words.without.en)), colSpan: 2 },
    );
  const sub: HeaderCell[] = [];
  for (const _ of KINDS) sub.push({ text: bi("Số hộ", "Households") }, { text: bi("Tỷ lệ (%)", "Rate (%)") });
  if (withMembers)
    for (const _ of KINDS) sub.push({ text: bi("Số người", "People") }, { text: bi("Tỷ lệ (%)", "Rate (%)") });
  if (words)
    for (const _ of [0, 1]) sub.push({ text: bi("Số hộ", "Households") }, { text: bi("Tỷ lệ (%)", "Rate (%)") });
  const nums = withMembers
    ? [
        "A",
        "B",
        "(1)",
        "(2)",
        "(3)",
        "(4)=(3)/(1)",
        "(5)",
        "(6)=(5)/(1)",
        "(7)",
        "(8)=(7)/(1)",
        "(9)",
        "(10)=(9)/(2)",
        "(11)",
        "(12)=(11)/(2)",
        "(13)",
        "(14)=(13)/(2)",
      ]
    : ["A", "B", "(1)", "(3)", "(4)=(3)/(1)", "(5)", "(6)=(5)/(1)", "(7)", "(8)=(7)/(1)"];
  if (words) nums.push("(15)", "(16)=(15)/(1)", "(17)=(3)-(15)", "(18)=(17)/(1)");

  const notes = [
    bi(
      "Tỷ lệ = số hộ (nhân khẩu) thuộc diện ÷ tổng số hộ (nhân khẩu) của đơn vị, làm tròn 2 chữ số thập phân của phần trăm; ô tỷ lệ và ô tổng là công thức Excel.",
      "Rate = households (members) in the category ÷ all households (members) of the unit, rounded to 2 decimals of the percentage; rate and total cells are Excel formulas.",
    ),
    ...(withMembers
      ? []
      : [
          bi(
            "Không có số nhân khẩu cho mọi hộ: bỏ các cột nhân khẩu (2), (9)–(14).",
            "Member counts missing for some households: member columns (2), (9)–(14) omitted.",
          ),
        ]),
    ...averageNotes(standard, households, unconfirmed),
    ...(words
      ? [
          bi(
            `Cột (15)–(18) bổ sung: (15) số hộ nghèo thuộc nhóm "${words.short.vi}" theo danh sách hộ; (17) = (3) − (15); tỷ lệ (16), (18) tính trên tổng số hộ (1) của đơn vị, cùng mẫu số với tỷ lệ hộ nghèo (4), nên (4) = (16) + (18).`,
            `Columns (15)–(18) are added: (15) poor households in the group "${words.short.en}" per the roster; (17) = (3) − (15); rates (16), (18) are over all households (1) of the unit, the denominator of the poverty rate (4), so (4) = (16) + (18).`,
          ),
        ]
      : []),
    legalNote(standard, reviewYear),
  ];
  const b = new TableBuilder({
    id: "form1-results",
    sheetName: bi("Biểu 1 - Kết quả", "Form 1 - Results"),
    title: [
      bi(
        `TỔNG HỢP KẾT QUẢ CHÍNH THỨC RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO NĂM ${reviewYear}`,
        `OFFICIAL RESULTS OF THE ${reviewYear} POOR AND NEAR-POOR HOUSEHOLD REVIEW`,
      ),
      bi(
        `${opts.scopeName ?? ""}${opts.scopeName ? " — " : ""}Chuẩn: ${standard.name.vi}`,
        `${opts.scopeName ?? ""}${opts.scopeName ? " — " : ""}Standard: ${standard.name.en}`,
      ),
    ],
    headerRows: [top, sub, numberRow(nums)],
    columns,
    notes,
    freezeColumns: 2,
    lang,
    frame: formFrame(
      "form1-results",
      withMembers ? bi("hộ, người, %", "households, persons, %") : bi("hộ, %", "households, %"),
      opts,
    ),
  });

  /** Cells of one row: counts as given (numbers or formulas), rates always as formulas over the row. */
  const rowCells = (
    row: number,
    counts: Record<string, TableCell>,
    hh: CategoryCounts,
    mem: CategoryCounts | undefined,
    ex?: ExclusionCounts,
  ): Record<string, TableCell> => {
    const cells: Record<string, TableCell> = { ...counts };
    if (words && ex) {
      cells.h_ex_r = rateFormula(b.ref("h_ex", row), b.ref("hh", row), ex.excludedRate);
      cells.h_net = formulaCell(`${b.ref("h_poor", row)}-${b.ref("h_ex", row)}`, ex.net);
      cells.h_net_r = rateFormula(b.ref("h_net", row), b.ref("hh", row), ex.netRate);
    }
    for (const k of KINDS) {
      cells[`h_${k}_r`] = rateFormula(b.ref(`h_${k}`, row), b.ref("hh", row), hh[RATE_OF[k]] as number);
      if (withMembers && mem)
        cells[`m_${k}_r`] = rateFormula(b.ref(`m_${k}`, row), b.ref("mem", row), mem[RATE_OF[k]] as number);
    }
    return cells;
  };
  const countValues = (
    hh: CategoryCounts,
    mem: CategoryCounts | undefined,
    ex?: ExclusionCounts,
  ): Record<string, number> => {
    const v: Record<string, number> = { hh: hh.total, h_poor: hh.poor, h_nearPoor: hh.nearPoor, h_average: hh.average };
    if (words && ex) v.h_ex = ex.excluded;
    if (withMembers && mem)
      Object.assign(v, { mem: mem.total, m_poor: mem.poor, m_nearPoor: mem.nearPoor, m_average: mem.average });
    return v;
  };
  const countKeys = [
    ...(withMembers
      ? ["hh", "mem", "h_poor", "h_nearPoor", "h_average", "m_poor", "m_nearPoor", "m_average"]
      : ["hh", "h_poor", "h_nearPoor", "h_average"]),
    ...(words ? ["h_ex"] : []),
  ];
  const exOf = (rows: number[]) => (words ? exclusionBy(rows, unitOf, cat, inGroup) : undefined);

  const subtotalRows: number[] = [];
  let section = 0;
  for (const area of ["urban", "rural"] as const) {
    const rows = idx.filter((i) => households[i].area === area);
    if (rows.length === 0) continue;
    section++;
    const areaName = capitalize(pick(standard.areaNames[area], lang));
    b.add({ tt: roman(section), unit: areaName }, "section");
    const byUnit = countsBy(rows, unitOf, cat);
    const byUnitM = withMembers ? countsBy(rows, unitOf, cat, members) : undefined;
    const byUnitEx = exOf(rows);
    const first = b.nextRow;
    byUnit.groups.forEach((g, n) => {
      const m = byUnitM?.groups[n];
      const ex = byUnitEx?.groups[n];
      const row = b.nextRow;
      b.add({ tt: String(n + 1), unit: g.key, ...rowCells(row, countValues(g, m, ex), g, m, ex) });
    });
    const last = b.nextRow - 1;
    const tot = byUnit.total;
    const totM = byUnitM?.total;
    const totEx = byUnitEx?.total;
    const row = b.nextRow;
    const values = countValues(tot, totM, totEx);
    const sums: Record<string, TableCell> = {};
    for (const k of countKeys) sums[k] = sumFormula(b.col(k), first, last, values[k]);
    b.add(
      {
        tt: "",
        unit: tr(lang, `Cộng ${areaName.toLowerCase()}`, `Subtotal ${areaName.toLowerCase()}`),
        ...rowCells(row, sums, tot, totM, totEx),
      },
      "subtotal",
    );
    subtotalRows.push(row);
  }
  if (households.length > 0) {
    const all = countsBy(idx, () => "all", cat).total;
    const allM = withMembers ? countsBy(idx, () => "all", cat, members).total : undefined;
    const allEx = exOf(idx)?.total;
    const row = b.nextRow;
    const values = countValues(all, allM, allEx);
    const sums: Record<string, TableCell> = {};
    for (const k of countKeys)
      sums[k] = addFormula(
        subtotalRows.map((r) => b.ref(k, r)),
        values[k],
      );
    b.add({ tt: "", unit: tr(lang, "TỔNG CỘNG", "GRAND TOTAL"), ...rowCells(row, sums, all, allM, allEx) }, "total");
  }
  return b.build();
}

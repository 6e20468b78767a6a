/**
 * Poverty net of an excluded target group, by unit (all areas of a unit together), and the list of units with no
 * poor household left once the group is not counted: "đơn vị không còn hộ nghèo (trừ hộ nghèo bảo trợ xã hội)".
 * Counts come from `exclusionBy` (core/measures/exclusion.ts); in cells the net count is (poor − group) and every
 * rate is ROUND(count/total,4) over all households of the unit, the marker column an IF formula, totals SUM formulas.
 */
import type { Category, Household } from "../household";
import { bi, pick, type Lang } from "../i18n";
import { DEFAULT_EXCLUDED_GROUP, exclusionBy, unitsWithoutPoor } from "../measures/exclusion";
import type { Standard } from "../standards/schema";
import {
  capitalize,
  column,
  formFrame,
  legalNote,
  rateFormula,
  sumFormula,
  TableBuilder,
  tr,
  type TableOptions,
} from "./build";
import { exclusionWords } from "./form1";
import { formulaCell, type ResultTable } from "./model";

export interface ExclusionTablesInput {
  households: readonly Household[];
  categories: readonly Category[];
  standard: Standard;
  reviewYear: number;
  /** Target group left out (Household.targetGroups code). Default "socialProtection" (hộ thuộc diện BTXH). */
  group?: string;
}

/** The by-unit table and the zero-poor list (one sheet each). */
export function buildExclusionTables(input: ExclusionTablesInput, opts: TableOptions = {}): ResultTable[] {
  const lang: Lang = opts.lang ?? "vi";
  const group = input.group ?? DEFAULT_EXCLUDED_GROUP;
  const { households, categories, standard, reviewYear } = input;
  if (categories.length !== households.length)
    throw new Error("buildExclusionTables: categories must match households");
  const words = exclusionWords(group);
  const idx = households.map((_, i) => i);
  const res = exclusionBy(
    idx,
    (i) => households[i].unit,
    (i) => categories[i],
    (i) => (households[i].targetGroups ?? []).includes(group),
  );
  const short = pick(words.short, lang);
  const denominatorNote = bi(
    `Tỷ lệ = số hộ ÷ tổng số hộ của đơn vị (cùng mẫu số với tỷ lệ hộ nghèo, nên tỷ lệ hộ nghèo = tỷ lệ hộ nghèo ${words.short.vi} + tỷ lệ hộ nghèo không tính hộ ${words.short.vi}); hộ thuộc nhóm theo cột cờ của danh sách hộ. Ô tỷ lệ, hiệu số và tổng là công thức Excel.`,
    `Rate = households ÷ all households of the unit (the denominator of the poverty rate, so poverty rate = rate of poor ${words.short.en} households + rate not counting them); group membership from the roster's flag column. Rate, difference and total cells are Excel formulas.`,
  );

  // 1. By unit -------------------------------------------------------------------------------------------------
  const b = new TableBuilder({
    id: "exclusion-by-unit",
    sheetName:
      group === "socialProtection" ? bi("Nghèo trừ BTXH", "Poor net of SP") : bi("Nghèo trừ nhóm", "Poor net of group"),
    title: [
      bi(
        `HỘ NGHÈO KHÔNG TÍNH HỘ ${words.short.vi.toUpperCase()} THEO ĐƠN VỊ NĂM ${reviewYear}`,
        `POOR HOUSEHOLDS NOT COUNTING ${words.short.en.toUpperCase()} BY UNIT, ${reviewYear}`,
      ),
      bi(
        `${opts.scopeName ? opts.scopeName + " — " : ""}Chuẩn: ${standard.name.vi}`,
        `${opts.scopeName ? opts.scopeName + " — " : ""}Standard: ${standard.name.en}`,
      ),
    ],
    headerRows: [
      [
        { text: bi("TT", "No."), rowSpan: 2 },
        { text: bi("Đơn vị", "Unit"), rowSpan: 2 },
        { text: bi("Tổng số hộ", "Total households"), rowSpan: 2 },
        { text: bi("Hộ nghèo", "Poor households"), colSpan: 2 },
        { text: bi(`Trong đó: ${words.of.vi}`, `Of which: ${words.of.en}`), colSpan: 2 },
        { text: bi(capitalize(words.without.vi), capitalize(words.without.en)), colSpan: 2 },
        {
          text: bi(
            `Không còn hộ nghèo (trừ hộ ${words.short.vi})`,
            `No poor household left (not counting ${words.short.en})`,
          ),
          rowSpan: 2,
        },
      ],
      [
        { text: bi("Số hộ", "Households") },
        { text: bi("Tỷ lệ (%)", "Rate (%)") },
        { text: bi("Số hộ", "Households") },
        { text: bi("Tỷ lệ (%)", "Rate (%)") },
        { text: bi("Số hộ", "Households") },
        { text: bi("Tỷ lệ (%)", "Rate (%)") },
      ],
    ],
    columns: [
      column("tt", "TT", "No.", "text", 6),
      column("unit", "Đơn vị", "Unit", "text", 26),
      column("hh", "Tổng số hộ", "Total households", "integer", 11),
      column("poor", "Hộ nghèo: số hộ", "Poor: households", "integer", 10),
      column("poorR", "Hộ nghèo: tỷ lệ", "Poor: rate", "percent", 10),
      column("ex", `Trong đó ${short}: số hộ`, `Of which ${short}: households`, "integer", 11),
      column("exR", `Trong đó ${short}: tỷ lệ`, `Of which ${short}: rate`, "percent", 10),
      column("net", `Không tính ${short}: số hộ`, `Not counting ${short}: households`, "integer", 11),
      column("netR", `Không tính ${short}: tỷ lệ`, `Not counting ${short}: rate`, "percent", 10),
      column("zero", "Không còn hộ nghèo", "No poor left", "text", 12),
    ],
    notes: [
      denominatorNote,
      bi(
        `Cột "Không còn hộ nghèo" = "x" khi số hộ nghèo không tính hộ ${words.short.vi} bằng 0 (danh sách ở trang kế tiếp).`,
        `Column "No poor left" = "x" when the poor households not counting ${words.short.en} are 0 (listed on the next sheet).`,
      ),
      legalNote(standard, reviewYear),
    ],
    freezeColumns: 2,
    frame: formFrame("exclusion-by-unit", bi("hộ, %", "households, %"), opts),
    lang,
  });
  const cellsOf = (row: number, g: { excludedRate: number; net: number; netRate: number; rate: number }) => ({
    poorR: rateFormula(b.ref("poor", row), b.ref("hh", row), g.rate),
    exR: rateFormula(b.ref("ex", row), b.ref("hh", row), g.excludedRate),
    net: formulaCell(`${b.ref("poor", row)}-${b.ref("ex", row)}`, g.net),
    netR: rateFormula(b.ref("net", row), b.ref("hh", row), g.netRate),
    zero: formulaCell(`IF(${b.ref("net", row)}=0,"x","")`, g.net === 0 ? "x" : ""),
  });
  const first = b.nextRow;
  res.groups.forEach((g, n) => {
    const row = b.nextRow;
    b.add({ tt: String(n + 1), unit: g.key, hh: g.total, poor: g.count, ex: g.excluded, ...cellsOf(row, g) });
  });
  const last = b.nextRow - 1;
  const row = b.nextRow;
  const t = res.total;
  const zeroUnits = unitsWithoutPoor(res.groups);
  b.add(
    {
      tt: "",
      unit: tr(lang, "TỔNG CỘNG", "TOTAL"),
      hh: sumFormula(b.col("hh"), first, last, t.total),
      poor: sumFormula(b.col("poor"), first, last, t.count),
      ex: sumFormula(b.col("ex"), first, last, t.excluded),
      ...cellsOf(row, t),
      zero: formulaCell(`COUNTIF(${b.col("zero")}${first}:${b.col("zero")}${last},"x")`, zeroUnits.length),
    },
    "total",
    [undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, "integer"],
  );
  const byUnit = b.build();

  // 2. Units with no poor household left ---------------------------------------------------------------------
  const z = new TableBuilder({
    id: "exclusion-zero",
    sheetName:
      group === "socialProtection"
        ? bi("Hết nghèo trừ BTXH", "No poor net of SP")
        : bi("Hết nghèo trừ nhóm", "No poor net of group"),
    title: [
      bi(
        `ĐƠN VỊ KHÔNG CÒN HỘ NGHÈO (TRỪ HỘ NGHÈO ${words.short.vi.toUpperCase()}) NĂM ${reviewYear}`,
        `UNITS WITH NO POOR HOUSEHOLD (NOT COUNTING ${words.short.en.toUpperCase()}), ${reviewYear}`,
      ),
      bi(
        `${zeroUnits.length} / ${res.groups.length} đơn vị${opts.scopeName ? " — " + opts.scopeName : ""}`,
        `${zeroUnits.length} of ${res.groups.length} units${opts.scopeName ? " — " + opts.scopeName : ""}`,
      ),
    ],
    headerRows: [
      [
        { text: bi("TT", "No.") },
        { text: bi("Đơn vị", "Unit") },
        { text: bi("Tổng số hộ", "Total households") },
        { text: bi("Hộ nghèo", "Poor households") },
        { text: bi(`Trong đó: ${words.of.vi}`, `Of which: ${words.of.en}`) },
        { text: bi(capitalize(words.without.vi), capitalize(words.without.en)) },
      ],
    ],
    columns: [
      column("tt", "TT", "No.", "text", 6),
      column("unit", "Đơn vị", "Unit", "text", 26),
      column("hh", "Tổng số hộ", "Total households", "integer", 11),
      column("poor", "Hộ nghèo", "Poor households", "integer", 11),
      column("ex", `Trong đó ${short}`, `Of which ${short}`, "integer", 13),
      column("net", `Không tính ${short}`, `Not counting ${short}`, "integer", 13),
    ],
    notes: [
      bi(
        `Đơn vị có số hộ nghèo không tính hộ ${words.short.vi} bằng 0 (kể cả đơn vị không có hộ nghèo nào). Cột cuối là công thức (hộ nghèo − hộ nghèo ${words.short.vi}).`,
        `Units whose poor households not counting ${words.short.en} are 0 (including units with no poor household). The last column is a formula (poor − poor ${words.short.en}).`,
      ),
      legalNote(standard, reviewYear),
    ],
    freezeColumns: 2,
    frame: formFrame("exclusion-zero", bi("hộ", "households"), opts),
    lang,
  });
  if (zeroUnits.length === 0) z.add({ tt: "", unit: tr(lang, "(không có đơn vị nào)", "(no unit)") });
  zeroUnits.forEach((u, n) => {
    const r = z.nextRow;
    z.add({
      tt: String(n + 1),
      unit: u.key,
      hh: u.total,
      poor: u.count,
      ex: u.excluded,
      net: formulaCell(`${z.ref("poor", r)}-${z.ref("ex", r)}`, 0),
    });
  });
  return [byUnit, z.build()];
}

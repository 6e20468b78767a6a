/**
 * Blank templates wards fill in, in a shape the validator (core/sheet) recognises: canonical Vietnamese headers,
 * drop-downs for area and category, whole numbers ≥ 0, flags 0/1 (ethnic minority, agricultural, target groups),
 * an instruction line, frozen header,
 * and formula cells (deprivation total, rates, totals) that are locked while input cells stay editable.
 * The area and category words come from the standard and CATEGORY_LABELS; the indicator columns from the
 * standard's indicator list (never written here).
 */
import { CATEGORY_LABELS, CATEGORIES, type Category } from "../household";
import { bi, pick, type Bilingual, type Lang } from "../i18n";
import { requireIndicators } from "../standards/lookup";
import type { Standard } from "../standards/schema";
import { columnLetters } from "../address";
import { capitalize, formFrame, legalNote, TableBuilder, tr, type TableOptions } from "./build";
import { formulaCell, type ColumnSpec, type ColumnValidation, type ResultTable, type TableCell } from "./model";

export interface TemplateOptions extends TableOptions {
  /** Number of blank input rows (default 200 for the roster, 30 for the summary). */
  rows?: number;
}

const FLAG: ColumnValidation = {
  kind: "whole",
  min: 0,
  max: 1,
  prompt: bi("Nhập 1 nếu có, 0 nếu không", "Enter 1 for yes, 0 for no"),
  error: bi("Chỉ nhập 0 hoặc 1", "Enter 0 or 1 only"),
};
const WHOLE0: ColumnValidation = {
  kind: "whole",
  min: 0,
  error: bi("Nhập số nguyên không âm", "Enter a whole number ≥ 0"),
};

/**
 * Target-group flag columns of the roster (Household.targetGroups codes): the groups reports break down by and may
 * leave out of the net poverty count ("hộ nghèo không tính hộ BTXH", core/measures/exclusion.ts).
 */
export const ROSTER_TARGET_GROUPS: readonly { code: string; header: Bilingual }[] = [
  { code: "socialProtection", header: bi("Hộ thuộc diện bảo trợ xã hội (1/0)", "Social-protection household (1/0)") },
  {
    code: "noLabour",
    header: bi("Hộ không có khả năng lao động (1/0)", "Household without working capacity (1/0)"),
  },
  {
    code: "meritorious",
    header: bi("Hộ có người có công với cách mạng (1/0)", "Household with a person of meritorious service (1/0)"),
  },
];

/** Canonical roster headers (Vietnamese) — the names the validator's header vocabulary knows. */
export function rosterColumns(standard: Standard, lang: Lang = "vi"): ColumnSpec[] {
  const areas = [capitalize(pick(standard.areaNames.urban, lang)), capitalize(pick(standard.areaNames.rural, lang))];
  const cats = CATEGORIES.map((c: Category) => pick(CATEGORY_LABELS[c], lang));
  const cols: ColumnSpec[] = [
    { key: "id", header: bi("Mã hộ", "Household id"), format: "text", width: 14 },
    { key: "head", header: bi("Họ tên chủ hộ", "Head of household"), format: "text", width: 24 },
    { key: "unit", header: bi("Xã, phường", "Commune, ward"), format: "text", width: 18 },
    { key: "village", header: bi("Thôn, tổ dân phố", "Village"), format: "text", width: 16 },
    {
      key: "area",
      header: bi("Khu vực (thành thị/nông thôn)", "Area (urban/rural)"),
      format: "text",
      width: 14,
      validation: { kind: "list", values: areas, prompt: bi("Chọn khu vực", "Choose the area") },
    },
    {
      key: "members",
      header: bi("Số nhân khẩu", "Members"),
      format: "integer",
      width: 10,
      validation: { kind: "whole", min: 1, error: bi("Nhập số nguyên ≥ 1", "Enter a whole number ≥ 1") },
    },
    {
      key: "income",
      header: bi("Thu nhập bình quân đầu người/tháng (đồng)", "Income per capita per month (VND)"),
      format: "vnd",
      width: 16,
      validation: WHOLE0,
    },
    {
      key: "em",
      header: bi("Dân tộc thiểu số (1/0)", "Ethnic minority (1/0)"),
      format: "integer",
      width: 10,
      validation: FLAG,
    },
    {
      key: "agri",
      header: bi("Hộ nông, lâm, ngư, diêm nghiệp (1/0)", "Agricultural household (1/0)"),
      format: "integer",
      width: 12,
      validation: FLAG,
    },
    ...ROSTER_TARGET_GROUPS.map((g): ColumnSpec => ({
      key: `tg_${g.code}`,
      header: g.header,
      format: "integer",
      width: 12,
      validation: FLAG,
    })),
  ];
  requireIndicators(standard).forEach((ind, j) =>
    cols.push({ key: `dep${j}`, header: ind.name, format: "integer", width: 11, validation: FLAG }),
  );
  cols.push(
    { key: "depTotal", header: bi("Tổng số chỉ số thiếu hụt", "Deprivation count"), format: "integer", width: 11 },
    {
      key: "category",
      header: bi("Phân loại hộ", "Category"),
      format: "text",
      width: 18,
      validation: { kind: "list", values: cats, prompt: bi("Chọn phân loại hộ", "Choose the category") },
    },
  );
  return cols;
}

/** Blank household roster (danh sách hộ) with validation, locked formula column and instructions. */
export function buildRosterTemplate(standard: Standard, opts: TemplateOptions = {}): ResultTable {
  const lang = opts.lang ?? "vi";
  const columns = rosterColumns(standard, lang);
  const d = requireIndicators(standard).length;
  const firstDep = columnLetters(columns.findIndex((c) => c.key === "dep0"));
  const lastDep = columnLetters(columns.findIndex((c) => c.key === `dep${d - 1}`));
  const b = new TableBuilder({
    id: "template-roster",
    sheetName: bi("Danh sách hộ", "Household roster"),
    title: [
      bi("DANH SÁCH HỘ GIA ĐÌNH RÀ SOÁT", "HOUSEHOLD REVIEW ROSTER"),
      bi(
        `Hướng dẫn: mỗi dòng một hộ; chọn khu vực và phân loại từ danh sách; cột chỉ số thiếu hụt nhập 1 (thiếu hụt) hoặc 0; cột "Tổng số chỉ số thiếu hụt" tự tính, không sửa. Chuẩn: ${standard.name.vi}.`,
        `Instructions: one household per row; pick the area and category from the lists; deprivation columns take 1 (deprived) or 0; "Deprivation count" is computed, do not edit. Standard: ${standard.name.en}.`,
      ),
    ],
    headerRows: [columns.map((c) => ({ text: c.header }))],
    columns,
    notes: [legalNote(standard)],
    freezeColumns: 2,
    protect: true,
    frame: formFrame("template-roster", bi("người; đồng/người/tháng", "persons; VND per person per month"), opts),
    lang,
  });
  const n = opts.rows ?? 200;
  for (let i = 0; i < n; i++) {
    const row = b.nextRow;
    b.add({
      depTotal: formulaCell(
        `IF(COUNT(${firstDep}${row}:${lastDep}${row})=0,"",SUM(${firstDep}${row}:${lastDep}${row}))`,
        "",
      ),
    });
  }
  return b.build();
}

/** Blank ward summary (Biểu 1 by village): counts are inputs; rates and totals are locked formulas. */
export function buildSummaryTemplate(standard: Standard, opts: TemplateOptions = {}): ResultTable {
  const lang = opts.lang ?? "vi";
  const kinds = [
    { key: "poor", label: bi("Số hộ nghèo", "Poor households"), rate: bi("Tỷ lệ hộ nghèo", "Poverty rate") },
    {
      key: "near",
      label: bi("Số hộ cận nghèo", "Near-poor households"),
      rate: bi("Tỷ lệ hộ cận nghèo", "Near-poverty rate"),
    },
    {
      key: "avg",
      label: bi("Số hộ có mức sống trung bình", "Average-living households"),
      rate: bi("Tỷ lệ hộ có mức sống trung bình", "Average-living rate"),
    },
  ];
  const columns: ColumnSpec[] = [
    { key: "village", header: bi("Thôn, tổ dân phố", "Village"), format: "text", width: 20 },
    {
      key: "area",
      header: bi("Khu vực (thành thị/nông thôn)", "Area (urban/rural)"),
      format: "text",
      width: 14,
      validation: {
        kind: "list",
        values: [capitalize(pick(standard.areaNames.urban, lang)), capitalize(pick(standard.areaNames.rural, lang))],
      },
    },
    { key: "hh", header: bi("Tổng số hộ", "Total households"), format: "integer", width: 12, validation: WHOLE0 },
    { key: "mem", header: bi("Tổng số nhân khẩu", "Total members"), format: "integer", width: 12, validation: WHOLE0 },
  ];
  for (const k of kinds)
    columns.push(
      { key: k.key, header: k.label, format: "integer", width: 12, validation: WHOLE0 },
      { key: `${k.key}R`, header: k.rate, format: "percent", width: 11 },
    );
  const b = new TableBuilder({
    id: "template-summary",
    sheetName: bi("Biểu 1 - Nhập", "Form 1 - Input"),
    title: [
      bi("TỔNG HỢP KẾT QUẢ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO (MẪU NHẬP)", "REVIEW RESULTS SUMMARY (INPUT FORM)"),
      bi(
        "Hướng dẫn: nhập số hộ theo từng thôn, tổ dân phố (số nguyên ≥ 0); các cột tỷ lệ và dòng tổng cộng tự tính, không sửa.",
        "Instructions: enter household counts per village (whole numbers ≥ 0); rate columns and the total row are computed, do not edit.",
      ),
    ],
    headerRows: [columns.map((c) => ({ text: c.header }))],
    columns,
    notes: [
      bi(
        "Tỷ lệ = số hộ ÷ tổng số hộ (làm tròn 2 chữ số thập phân của phần trăm).",
        "Rate = households ÷ total households (2 decimals of the percentage).",
      ),
      legalNote(standard),
    ],
    freezeColumns: 1,
    protect: true,
    frame: formFrame("template-summary", bi("hộ, người, %", "households, persons, %"), opts),
    lang,
  });
  const n = opts.rows ?? 30;
  const first = b.nextRow;
  for (let i = 0; i < n; i++) {
    const row = b.nextRow;
    const cells: Record<string, TableCell> = {};
    for (const k of kinds)
      cells[`${k.key}R`] = formulaCell(
        `IF(N(${b.ref("hh", row)})=0,"",ROUND(${b.ref(k.key, row)}/${b.ref("hh", row)},4))`,
        "",
      );
    b.add(cells);
  }
  const last = b.nextRow - 1;
  const row = b.nextRow;
  const totals: Record<string, TableCell> = { village: tr(lang, "TỔNG CỘNG", "TOTAL") };
  for (const k of ["hh", "mem", ...kinds.map((x) => x.key)])
    totals[k] = formulaCell(`SUM(${b.col(k)}${first}:${b.col(k)}${last})`, 0);
  for (const k of kinds)
    totals[`${k.key}R`] = formulaCell(
      `IF(N(${b.ref("hh", row)})=0,"",ROUND(${b.ref(k.key, row)}/${b.ref("hh", row)},4))`,
      "",
    );
  b.add(totals, "total");
  return b.build();
}

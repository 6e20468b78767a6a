/**
 * Ward submissions for the demo: each unit sends its roster and a Form 1 by village, typed by hand —
 * so two of them carry the kinds of mistakes seen in real submissions (see docs/domain.md §7.4), and one is clean.
 * The tables are rendered by the product's own generators, then "typed over" the way a ward officer would:
 * formulas replaced by the numbers they show, a few cells mistyped.
 */
import {
  CATEGORY_LABELS,
  fold,
  formatPercent,
  incomeLine,
  isFormulaCell,
  pick,
  type Category,
  type Household,
  type Lang,
  type ResultTable,
  type Standard,
  type TableCell,
} from "../../core";
import { buildForm1, buildRosterTable } from "../../core/tables";

export interface Submission {
  /** File name (without folder). */
  file: string;
  unit: string;
  tables: ResultTable[];
  /** What was planted, for the demo's explanation. */
  planted: { vi: string; en: string }[];
}

/** Replace every formula by the value it shows: what a hand-typed sheet looks like. */
function typedOver(table: ResultTable): ResultTable {
  return { ...table, rows: table.rows.map((r) => ({ ...r, cells: r.cells.map((c) => (isFormulaCell(c) ? c.value : c)) })) };
}

function setCell(table: ResultTable, rowIndex: number, key: string, value: TableCell): void {
  const col = table.columns.findIndex((c) => c.key === key);
  if (col < 0) throw new Error(`demo: no column ${key} in ${table.id}`);
  table.rows[rowIndex].cells[col] = value;
}

function getCell(table: ResultTable, rowIndex: number, key: string): TableCell {
  return table.rows[rowIndex].cells[table.columns.findIndex((c) => c.key === key)];
}

/** "Phường Hòa Bình" → "phuong-hoa-binh": the unit's name folded as the readers match it (core `fold`). */
function slug(unit: string): string {
  return fold(unit)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** A unit's roster and its Form 1 by village (villages play the role of units inside a ward). */
function unitTables(households: Household[], categories: Category[], standard: Standard, reviewYear: number, lang: Lang): ResultTable[] {
  const roster = typedOver(buildRosterTable(households, standard, { categories, reviewYear, lang, scopeName: households[0]?.unit }));
  const byVillage = households.map((h) => ({ ...h, unit: h.village ?? h.unit }));
  const form1 = typedOver(buildForm1({ households: byVillage, categories, standard, reviewYear }, { lang, scopeName: households[0]?.unit }));
  return [roster, form1];
}

export function buildSubmissions(households: readonly Household[], categories: readonly Category[], standard: Standard, reviewYear: number, lang: Lang): Submission[] {
  const units = [...new Set(households.map((h) => h.unit))];
  return units.map((unit, u) => {
    const idx = households.map((_, i) => i).filter((i) => households[i].unit === unit);
    const hh = idx.map((i) => households[i]);
    const cats = idx.map((i) => categories[i]);
    const [roster, form1] = unitTables(hh, cats, standard, reviewYear, lang);
    const planted: Submission["planted"] = [];

    if (u === 0) {
      // 1. A household recorded as poor although its income is well above the line.
      const rich = hh.findIndex((h, i) => cats[i] === "none" && (h.incomePerCapita ?? 0) > 1.5 * incomeLine(standard, h.area, "poor"));
      setCell(roster, rich, "category", pick(CATEGORY_LABELS.poor, lang));
      planted.push({ vi: `Hộ ${hh[rich].id} ghi "Hộ nghèo" dù thu nhập vượt chuẩn`, en: `Household ${hh[rich].id} recorded as poor although its income is above the line` });
      // 2. The same household code typed twice.
      const dup = Math.min(hh.length - 1, rich + 7);
      setCell(roster, dup, "id", getCell(roster, dup - 1, "id"));
      planted.push({ vi: `Mã hộ ${String(getCell(roster, dup - 1, "id"))} bị nhập hai lần`, en: `Household code ${String(getCell(roster, dup - 1, "id"))} entered twice` });
      // 3. A deprivation flag typed as 2.
      setCell(roster, 12, "dep3", 2);
      planted.push({ vi: "Một ô chỉ số thiếu hụt ghi 2 (chỉ được 0 hoặc 1)", en: "A deprivation flag typed as 2 (only 0 or 1 allowed)" });
      // 4. Income written as words.
      setCell(roster, 20, "income", "khoảng 2 triệu");
      planted.push({ vi: 'Thu nhập ghi bằng chữ "khoảng 2 triệu"', en: 'Income written as words "khoảng 2 triệu"' });
      // 5. A deprivation total that does not match the flags.
      const total = Number(getCell(roster, 30, "depTotal"));
      setCell(roster, 30, "depTotal", total + 2);
      planted.push({ vi: "Tổng số chỉ số thiếu hụt không khớp các cột chỉ số", en: "A deprivation total that does not match the flag columns" });
    } else if (u === 1) {
      // Form 1 by village: a mistyped rate, a village count that disagrees with the roster, a total row that does not add up.
      const body = form1.rows.map((r, i) => ({ r, i })).filter((x) => x.r.kind === "body");
      const first = body[0].i;
      const rate = Number(getCell(form1, first, "h_poor_r"));
      // Transpose the last two digits of the percentage (15,03 % → 15,30 %); when they are equal, type one point too many.
      const digits = Math.round(rate * 10000)
        .toString()
        .padStart(4, "0");
      const swapped = Number(digits.slice(0, 2) + digits[3] + digits[2]) / 10000;
      const typed = swapped === rate ? Math.round((rate + 0.01) * 10000) / 10000 : swapped;
      setCell(form1, first, "h_poor_r", typed);
      const unitName = String(getCell(form1, first, "unit"));
      planted.push({
        vi: `Tỷ lệ hộ nghèo của ${unitName} gõ ${formatPercent(typed, "vi")} thay vì ${formatPercent(rate, "vi")}`,
        en: `Poverty rate of ${unitName} typed as ${formatPercent(typed, "en")} instead of ${formatPercent(rate, "en")}`,
      });
      const second = body[1].i;
      const poor = Number(getCell(form1, second, "h_poor"));
      setCell(form1, second, "h_poor", poor + 1);
      planted.push({ vi: `Số hộ nghèo của ${String(getCell(form1, second, "unit"))} trên Biểu 1 nhiều hơn danh sách hộ 1 hộ`, en: `Poor households of ${String(getCell(form1, second, "unit"))} on Form 1 exceed the roster by 1` });
      const totalRow = form1.rows.findIndex((r) => r.kind === "total");
      setCell(form1, totalRow, "h_nearPoor", Number(getCell(form1, totalRow, "h_nearPoor")) + 3);
      planted.push({ vi: "Dòng tổng cộng số hộ cận nghèo không bằng tổng các dòng", en: "The near-poor grand total is not the sum of its rows" });
    }
    return { file: `${slug(unit)}.xlsx`, unit, tables: [roster, form1], planted };
  });
}

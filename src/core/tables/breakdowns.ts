/**
 * Breakdowns of the review results (docs/domain.md §7.3 Forms 8–10): by ethnic minority (DTTS), by target group
 * (no labour capacity, meritorious-service family, social protection) and by cause of poverty — each only when
 * the roster has that column. Counts and rates come from `countsBy` / `rate` (core/measures); rates in cells
 * are ROUND(count/total,4) formulas, totals SUM formulas.
 */
import type { Category, Household } from "../household";
import { bi, type Bilingual, type Lang } from "../i18n";
import { countsBy, rate, type CategoryCounts } from "../measures/rates";
import type { Standard } from "../standards/schema";
import { column, formFrame, legalNote, rateFormula, sumFormula, TableBuilder, tr, type TableOptions } from "./build";
import type { ResultTable, TableCell } from "./model";

export interface BreakdownInput {
  households: readonly Household[];
  categories: readonly Category[];
  standard: Standard;
  reviewYear: number;
}

/** Labels of the known target-group codes (Household.targetGroups). Unknown codes are shown as given. */
export const TARGET_GROUP_LABELS: Record<string, Bilingual> = {
  noLabour: bi("Hộ không có khả năng lao động", "No member able to work"),
  meritorious: bi("Hộ có người có công với cách mạng", "Meritorious-service family"),
  socialProtection: bi("Hộ thuộc diện bảo trợ xã hội", "Social-protection household"),
};

function countsTable(
  id: string,
  sheetName: Bilingual,
  title: Bilingual,
  groupHeader: Bilingual,
  groups: { label: string; counts: CategoryCounts }[],
  all: CategoryCounts | null,
  notes: Bilingual[],
  input: BreakdownInput,
  opts: TableOptions,
): ResultTable {
  const lang: Lang = opts.lang ?? "vi";
  const b = new TableBuilder({
    id,
    sheetName,
    title: [title],
    headerRows: [
      [
        { text: bi("TT", "No.") },
        { text: groupHeader },
        { text: bi("Tổng số hộ", "Households") },
        { text: bi("Số hộ nghèo", "Poor households") },
        { text: bi("Tỷ lệ hộ nghèo", "Poverty rate") },
        { text: bi("Số hộ cận nghèo", "Near-poor households") },
        { text: bi("Tỷ lệ hộ cận nghèo", "Near-poverty rate") },
        { text: bi("Tỷ lệ hộ nghèo và cận nghèo", "Poor + near-poor rate") },
      ],
    ],
    columns: [
      column("tt", "TT", "No.", "text", 6),
      { key: "group", header: groupHeader, format: "text", width: 34 },
      column("hh", "Tổng số hộ", "Households", "integer", 11),
      column("poor", "Số hộ nghèo", "Poor", "integer", 11),
      column("poorR", "Tỷ lệ hộ nghèo", "Poverty rate", "percent", 11),
      column("near", "Số hộ cận nghèo", "Near-poor", "integer", 11),
      column("nearR", "Tỷ lệ hộ cận nghèo", "Near-poverty rate", "percent", 11),
      column("bothR", "Tỷ lệ nghèo + cận nghèo", "Poor + near-poor rate", "percent", 12),
    ],
    notes: [...notes, legalNote(input.standard, input.reviewYear)],
    freezeColumns: 2,
    lang,
    frame: formFrame(id, bi("hộ, %", "households, %"), opts),
  });
  const cells = (row: number, counts: Record<string, TableCell>, c: CategoryCounts): Record<string, TableCell> => ({
    ...counts,
    poorR: rateFormula(b.ref("poor", row), b.ref("hh", row), c.poorRate),
    nearR: rateFormula(b.ref("near", row), b.ref("hh", row), c.nearPoorRate),
    bothR: rateFormula(`(${b.ref("poor", row)}+${b.ref("near", row)})`, b.ref("hh", row), c.poorAndNearPoorRate),
  });
  const first = b.nextRow;
  groups.forEach((g, n) => {
    const row = b.nextRow;
    b.add({
      tt: String(n + 1),
      group: g.label,
      ...cells(row, { hh: g.counts.total, poor: g.counts.poor, near: g.counts.nearPoor }, g.counts),
    });
  });
  if (all && groups.length > 0) {
    const last = b.nextRow - 1;
    const row = b.nextRow;
    b.add(
      {
        tt: "",
        group: tr(lang, "TỔNG CỘNG", "TOTAL"),
        ...cells(
          row,
          {
            hh: sumFormula(b.col("hh"), first, last, all.total),
            poor: sumFormula(b.col("poor"), first, last, all.poor),
            near: sumFormula(b.col("near"), first, last, all.nearPoor),
          },
          all,
        ),
      },
      "total",
    );
  }
  return b.build();
}

/** By ethnic minority (DTTS vs other), when any household has the flag. */
export function buildEthnicityBreakdown(input: BreakdownInput, opts: TableOptions = {}): ResultTable | null {
  const lang = opts.lang ?? "vi";
  const idx = input.households.map((_, i) => i).filter((i) => typeof input.households[i].ethnicMinority === "boolean");
  if (idx.length === 0) return null;
  const label = (i: number) =>
    input.households[i].ethnicMinority
      ? tr(lang, "Hộ dân tộc thiểu số", "Ethnic-minority households")
      : tr(lang, "Hộ dân tộc Kinh và khác", "Kinh and other households");
  const by = countsBy(idx, label, (i) => input.categories[i]);
  const missing = input.households.length - idx.length;
  return countsTable(
    "breakdown-ethnicity",
    bi("Theo dân tộc", "By ethnicity"),
    bi(
      `HỘ NGHÈO, HỘ CẬN NGHÈO THEO DÂN TỘC NĂM ${input.reviewYear}`,
      `POOR AND NEAR-POOR HOUSEHOLDS BY ETHNICITY, ${input.reviewYear}`,
    ),
    bi("Nhóm hộ", "Group"),
    by.groups.map((g) => ({ label: g.key, counts: g })),
    by.total,
    missing > 0
      ? [bi(`${missing} hộ không ghi dân tộc: không tính.`, `${missing} households without ethnicity are not counted.`)]
      : [],
    input,
    opts,
  );
}

/** By target group; a household can be in several groups, so there is no total row. */
export function buildTargetGroupBreakdown(input: BreakdownInput, opts: TableOptions = {}): ResultTable | null {
  const lang = opts.lang ?? "vi";
  const pairs: { i: number; g: string }[] = [];
  input.households.forEach((h, i) => (h.targetGroups ?? []).forEach((g) => pairs.push({ i, g })));
  if (pairs.length === 0) return null;
  const by = countsBy(
    pairs,
    (p) => p.g,
    (p) => input.categories[p.i],
  );
  const name = (g: string) =>
    TARGET_GROUP_LABELS[g] ? (lang === "vi" ? TARGET_GROUP_LABELS[g].vi : TARGET_GROUP_LABELS[g].en) : g;
  return countsTable(
    "breakdown-target-groups",
    bi("Theo nhóm đối tượng", "By target group"),
    bi(
      `HỘ NGHÈO, HỘ CẬN NGHÈO THEO NHÓM ĐỐI TƯỢNG NĂM ${input.reviewYear}`,
      `POOR AND NEAR-POOR HOUSEHOLDS BY TARGET GROUP, ${input.reviewYear}`,
    ),
    bi("Nhóm đối tượng", "Target group"),
    by.groups.map((g) => ({ label: name(g.key), counts: g })),
    null,
    [
      bi(
        "Một hộ có thể thuộc nhiều nhóm nên không cộng tổng.",
        "A household can belong to several groups, so there is no total row.",
      ),
    ],
    input,
    opts,
  );
}

/** Poor households by cause of poverty, with each cause's share of all poor households (with a cause). */
export function buildCauseBreakdown(input: BreakdownInput, opts: TableOptions = {}): ResultTable | null {
  const lang = opts.lang ?? "vi";
  const idx = input.households
    .map((_, i) => i)
    .filter(
      (i) =>
        input.categories[i] === "poor" &&
        typeof input.households[i].povertyCause === "string" &&
        input.households[i].povertyCause!.trim() !== "",
    );
  if (idx.length === 0) return null;
  const by = countsBy(
    idx,
    (i) => input.households[i].povertyCause!.trim(),
    () => "poor",
  );
  const total = by.total.total;
  const b = new TableBuilder({
    id: "breakdown-causes",
    sheetName: bi("Nguyên nhân nghèo", "Causes of poverty"),
    title: [
      bi(
        `HỘ NGHÈO THEO NGUYÊN NHÂN NGHÈO NĂM ${input.reviewYear}`,
        `POOR HOUSEHOLDS BY CAUSE OF POVERTY, ${input.reviewYear}`,
      ),
    ],
    headerRows: [
      [
        { text: bi("TT", "No.") },
        { text: bi("Nguyên nhân nghèo", "Cause of poverty") },
        { text: bi("Số hộ nghèo", "Poor households") },
        { text: bi("Tỷ trọng trong tổng số hộ nghèo", "Share of poor households") },
      ],
    ],
    columns: [
      column("tt", "TT", "No.", "text", 6),
      column("cause", "Nguyên nhân nghèo", "Cause of poverty", "text", 40),
      column("n", "Số hộ nghèo", "Poor households", "integer", 12),
      column("share", "Tỷ trọng", "Share", "percent", 14),
    ],
    notes: [
      bi(
        "Chỉ tính hộ nghèo có ghi nguyên nhân; tỷ trọng = số hộ ÷ tổng (công thức).",
        "Only poor households with a recorded cause; share = households ÷ total (formula).",
      ),
      legalNote(input.standard, input.reviewYear),
    ],
    freezeColumns: 2,
    lang,
    frame: formFrame("breakdown-causes", bi("hộ, %", "households, %"), opts),
  });
  const first = b.nextRow;
  const totalRow = first + by.groups.length;
  by.groups.forEach((g, n) => {
    const row = b.nextRow;
    b.add({
      tt: String(n + 1),
      cause: g.key,
      n: g.total,
      share: rateFormula(b.ref("n", row), `${b.col("n")}$${totalRow}`, rate(g.total, total)),
    });
  });
  b.add(
    {
      tt: "",
      cause: tr(lang, "TỔNG CỘNG", "TOTAL"),
      n: sumFormula(b.col("n"), first, totalRow - 1, total),
      share: rateFormula(b.ref("n", totalRow), b.ref("n", totalRow), 1),
    },
    "total",
  );
  return b.build();
}

/**
 * Every table the product generates, built from the built-in sample rosters: the report set (Forms 1–5,
 * deprivation rates, Alkire–Foster, breakdowns incl. causes), targets with the audit and the multi-year path,
 * plan tracking, the household roster and both blank templates, the net-of-social-protection tables, and the
 * sponsorship set (register, quotas, results, blank register). For tests that must cover "every generated form".
 */
import {
  countsBy,
  generateSampleRosters,
  standardForYear,
  type FrameOptions,
  type Grid,
  type Lang,
} from "../../src/core";
import {
  buildQuotaTable,
  buildRegisterTable,
  buildRegisterTemplate,
  buildSponsorTables,
  computeSponsorship,
  generateSampleRegister,
  parsePeriod,
  readRegister,
} from "../../src/core/sponsors";
import { isPlanFormula, planSheet } from "../../src/core/tables/plan";
import {
  buildReportTables,
  buildRosterTable,
  buildRosterTemplate,
  buildSummaryTemplate,
  buildTargetTables,
  buildTrackingTable,
  classifyRoster,
  type ResultTable,
} from "../../src/core/tables";
import type { Category, Household } from "../../src/core/household";

export const PRODUCT_YEAR = 2026;

/** Target units (code 01, 02, …; poor and all households) counted per unit from a classified roster. */
export function unitsOf(
  households: readonly { unit: string }[],
  categories: readonly Category[],
): { code: string; name: string; poor: number; households: number }[] {
  const by = countsBy(
    households.map((h, i) => ({ h, c: categories[i] })),
    (r) => r.h.unit,
    (r) => r.c,
  );
  return by.groups.map((g, i) => ({
    code: String(i + 1).padStart(2, "0"),
    name: g.key,
    poor: g.poor,
    households: g.total,
  }));
}

export function allProductTables(lang: Lang, frame?: FrameOptions): ResultTable[] {
  const standard = standardForYear(PRODUCT_YEAR);
  const previousStandard = standardForYear(PRODUCT_YEAR - 1);
  const sample = generateSampleRosters({ seed: 2026 });
  const current = sample.current.map((h, i) => ({
    ...h,
    povertyCause: i % 3 === 0 ? "Thiếu vốn sản xuất" : i % 3 === 1 ? "Thiếu đất canh tác" : "Có người ốm đau nặng",
  }));
  const categories = classifyRoster(current, standard);
  const previousCategories = classifyRoster(sample.previous, previousStandard);
  const opts = { lang, ...(frame ? { frame } : {}) };
  const report = buildReportTables(current, standard, {
    ...opts,
    reviewYear: PRODUCT_YEAR,
    categories,
    scopeName: lang === "vi" ? "Dữ liệu mẫu" : "Sample data",
    previous: { households: sample.previous, standard: previousStandard },
    transitionOptions: {
      everEscapedIds: sample.everEscapedIds,
      absentFromPrevious: "otherIncrease",
      absentFromCurrent: "otherDecrease",
    },
  });
  const units = unitsOf(current, categories);
  return [
    ...report,
    ...buildTargetTables(
      { units, reduction: 0.015, method: "proportional", baseYear: PRODUCT_YEAR, years: 4 },
      { ...opts, scopeName: lang === "vi" ? "Dữ liệu mẫu" : "Sample data" },
    ),
    buildTrackingTable(
      {
        period: String(PRODUCT_YEAR),
        items: [
          { indicator: "Số hộ thoát nghèo", unitOfMeasure: "hộ", direction: "increase", plan: 120, actual: 131 },
          {
            indicator: "Giảm tỷ lệ hộ nghèo xuống còn",
            unitOfMeasure: "%",
            direction: "reduce",
            baseline: 0.05,
            plan: 0.035,
            actual: 0.032,
            format: "percent",
          },
        ],
      },
      opts,
    ),
    buildRosterTable(current.slice(0, 40), standard, { ...opts, categories, reviewYear: PRODUCT_YEAR }),
    buildRosterTemplate(standard, { ...opts, rows: 20 }),
    buildSummaryTemplate(standard, { ...opts, rows: 10 }),
    ...sponsorshipTables(current, categories, sample.previous, previousCategories, opts),
  ];
}

/** The sheet a table becomes, as the grid a reader gets (formulas by their computed values). */
function gridOf(table: ResultTable, name: string): Grid {
  const plan = planSheet(table, table.lang ?? "vi");
  const values = plan.cells.map((row, r) =>
    row.map((v, c) =>
      isPlanFormula(plan, r, c) ? (plan.results.get(r * plan.cols + c) ?? null) : v === "" ? null : v,
    ),
  );
  return { sheetName: name, origin: "A1", values, merges: [] };
}

function sponsorshipTables(
  current: Household[],
  categories: Category[],
  previous: Household[],
  previousCategories: Category[],
  opts: { lang: Lang; frame?: FrameOptions },
): ResultTable[] {
  const register = generateSampleRegister({
    households: previous,
    categories: previousCategories,
    year: PRODUCT_YEAR,
    seed: 2026,
  });
  const registerTable = buildRegisterTable(register.records, opts);
  const result = computeSponsorship([readRegister(gridOf(registerTable, "Sổ đỡ đầu"))], {
    period: parsePeriod(String(PRODUCT_YEAR)),
    start: { households: previous, categories: previousCategories },
    end: { households: current, categories },
    quotas: register.quotas,
  });
  return [
    registerTable,
    buildQuotaTable(register.quotas, opts),
    ...buildSponsorTables(result, opts),
    ...buildRegisterTemplate({ ...opts, rows: 10 }),
  ];
}

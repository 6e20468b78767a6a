/**
 * The report set for one roster: Form 1, transitions (when start categories exist), deprivation tables,
 * Alkire–Foster, breakdowns. Households are classified with `classifyHousehold` (core/classify) under the
 * standard of the review year; nothing is re-implemented here.
 */
import { classifyHousehold } from "../classify";
import { fail, isPovertyError } from "../errors";
import type { Category, Household } from "../household";
import type { Standard } from "../standards/schema";
import { legalBasis } from "../standards/year";
import { bi, type Bilingual } from "../i18n";
import { buildAfTables, buildDeprivationByUnit, buildDeprivationRates, type AfTableOptions } from "./deprivation";
import { buildCauseBreakdown, buildEthnicityBreakdown, buildTargetGroupBreakdown } from "./breakdowns";
import { buildForm1 } from "./form1";
import { buildExclusionTables } from "./exclusion";
import { DEFAULT_EXCLUDED_GROUP } from "../measures/exclusion";
import type { ResultTable } from "./model";
import { legalNote, type TableOptions } from "./build";
import { buildTransitionTables } from "./transitions";
import type { TransitionOptions } from "../transitions";

export interface ReportOptions extends TableOptions {
  reviewYear: number;
  /**
   * Why this review year (core/standards `resolveReviewYear(…).reason`): each table then ends with a note naming the
   * year, why it was used and its legal basis (`legalBasis`), so a printed form says which standard it applied.
   */
  reviewYearReason?: Bilingual;
  /** Categories already computed (same order as households); otherwise each household is classified. */
  categories?: readonly Category[];
  /** AF identification (default "cutoff"). */
  afIdentification?: AfTableOptions["identification"];
  /**
   * Extra tables to append (e.g. the transition forms built by `buildTransitionTables` from core/transitions
   * results); they appear after Form 1.
   */
  extraAfterForm1?: readonly ResultTable[];
  /**
   * Last review's roster for Forms 2–3 (categories optional: classified under `previousStandard`, default the same
   * standard). Without it, households with a `startCategory` (phân loại đầu kỳ) give the start of the period.
   */
  previous?: { households: readonly Household[]; categories?: readonly Category[]; standard?: Standard };
  transitionOptions?: TransitionOptions;
  /**
   * Target groups the roster records (flag columns; `recordedTargetGroups(read)` in core/sheet). Groups seen on a
   * household count as recorded too. When the excluded group is recorded, Form 1 gets its "trong đó / không tính"
   * columns and the net-of-group tables follow the transition forms.
   */
  recordedGroups?: readonly string[];
  /** Target group shown separately and left out of the net poverty count. Default "socialProtection" (BTXH). */
  excludeGroup?: string;
}

/** Whether a report over these households can show the excluded group: recorded by the roster or seen on a row. */
export function groupRecorded(households: readonly Household[], group: string, recorded?: readonly string[]): boolean {
  return (recorded ?? []).includes(group) || households.some((h) => (h.targetGroups ?? []).includes(group));
}

/**
 * Category of every household by the standard (income or score A, deprivation flags or count).
 * @throws PovertyError from classifyHousehold, with the household id and source row in `details`.
 */
export function classifyRoster(households: readonly Household[], standard: Standard): Category[] {
  return households.map((h) => {
    try {
      const deprivations = h.deprivationFlags ?? h.deprivationCount;
      if (deprivations === undefined) {
        fail(
          "MISSING_VALUE",
          `Hộ ${h.id}: thiếu cờ hoặc số chỉ số thiếu hụt.`,
          `Household ${h.id}: deprivation flags or count missing.`,
          { id: h.id, row: h.sourceRow },
        );
      }
      return classifyHousehold(
        {
          ...(h.incomePerCapita !== undefined ? { incomePerCapita: h.incomePerCapita } : { scoreA: h.scoreA }),
          deprivations,
          area: h.area,
          ...(h.agricultural !== undefined ? { agricultural: h.agricultural } : {}),
        },
        standard,
      ).category;
    } catch (e) {
      if (isPovertyError(e) && e.details.id === undefined) {
        fail(
          e.code,
          `Hộ ${h.id}${h.sourceRow ? ` (dòng ${h.sourceRow})` : ""}: ${e.messageVi}`,
          `Household ${h.id}${h.sourceRow ? ` (row ${h.sourceRow})` : ""}: ${e.messageEn}`,
          { ...e.details, id: h.id, row: h.sourceRow },
        );
      }
      throw e;
    }
  });
}

/** All report tables for a roster, in reading order. */
export function buildReportTables(
  households: readonly Household[],
  standard: Standard,
  opts: ReportOptions,
): ResultTable[] {
  const categories = opts.categories ?? classifyRoster(households, standard);
  const input = { households, categories, standard, reviewYear: opts.reviewYear };
  const group = opts.excludeGroup ?? DEFAULT_EXCLUDED_GROUP;
  const exclusion = households.length > 0 && groupRecorded(households, group, opts.recordedGroups);
  const tables: ResultTable[] = [
    buildForm1({ ...input, ...(exclusion ? { exclusion: { group } } : {}) }, opts),
    ...(opts.extraAfterForm1 ?? []),
  ];
  if (opts.previous) {
    const prev = opts.previous;
    const prevCats = prev.categories ?? classifyRoster(prev.households, prev.standard ?? standard);
    tables.push(
      ...buildTransitionTables(
        {
          previous: prev.households,
          previousCategories: prevCats,
          current: households,
          currentCategories: categories,
          standard,
          reviewYear: opts.reviewYear,
          options: opts.transitionOptions,
        },
        opts,
      ),
    );
  } else if (households.some((h) => h.startCategory !== undefined)) {
    const withStart = households.filter((h) => h.startCategory !== undefined);
    tables.push(
      ...buildTransitionTables(
        // The start category comes from this roster; members at the start are not known (no members rows).
        {
          previous: withStart.map((h) => ({ id: h.id, unit: h.unit })),
          previousCategories: withStart.map((h) => h.startCategory as Category),
          current: households,
          currentCategories: categories,
          standard,
          reviewYear: opts.reviewYear,
          options: opts.transitionOptions,
        },
        opts,
      ),
    );
  }
  if (exclusion) tables.push(...buildExclusionTables({ ...input, group }, opts));
  const hasFlags =
    households.some((h) => Array.isArray(h.deprivationFlags) && h.deprivationFlags.length > 0) &&
    standard.indicators !== null;
  if (hasFlags) {
    tables.push(
      buildDeprivationByUnit(input, "poor", opts),
      buildDeprivationByUnit(input, "nearPoor", opts),
      buildDeprivationRates(input, opts),
    );
    tables.push(...buildAfTables(input, { ...opts, identification: opts.afIdentification }));
  }
  for (const t of [
    buildEthnicityBreakdown(input, opts),
    buildTargetGroupBreakdown(input, opts),
    buildCauseBreakdown(input, opts),
  ])
    if (t) tables.push(t);
  if (opts.reviewYearReason) {
    const basis = legalBasis(opts.reviewYear, standard.scope === "local" ? { local: standard } : {});
    const note = bi(
      `Năm rà soát ${opts.reviewYear}: ${opts.reviewYearReason.vi}. Căn cứ: ${basis.vi}`,
      `Review year ${opts.reviewYear}: ${opts.reviewYearReason.en}. Legal basis: ${basis.en}`,
    );
    // The year note carries the legal basis: it takes the place of each form's "Căn cứ pháp lý" note.
    const basisNote = legalNote(standard, opts.reviewYear);
    const same = (n: Bilingual) => n.vi === basisNote.vi && n.en === basisNote.en;
    for (const t of tables) t.notes = [...t.notes.filter((n) => !same(n)), note];
  }
  return tables;
}

/**
 * The shape of a poverty standard (chuẩn nghèo): lines, rule, cutoff, indicators, score thresholds,
 * legal citation and the list of values the project could not confirm (UNCERTAIN).
 *
 * A standard is data, never code: every number another module needs (a line, the deprivation cutoff,
 * the indicator count, a score threshold) is read from a `Standard` selected by review year
 * (`standardForYear`) or supplied by a province (`parseLocalStandard`).
 *
 * Conventions
 * - Money is VND per person per month (đồng/người/tháng), an integer.
 * - A value that the law does not (yet) give us, or that the project could not confirm, is `null`:
 *   never guessed. Functions that need it throw `PovertyError` `UNKNOWN_VALUE`.
 */
import { z } from "zod";

/** A text in Vietnamese and English (same shape as `Bilingual` in core/i18n). */
export const BilingualSchema = z.strictObject({
  vi: z.string().min(1),
  en: z.string().min(1),
});

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD");

/** Legal citation of a standard. */
export const CitationSchema = z.strictObject({
  /** Full citation in Vietnamese. */
  vi: z.string().min(1),
  /** Full citation in English. */
  en: z.string().min(1),
  /** Short document number as printed, in Vietnamese, e.g. "Nghị định 07/2021/NĐ-CP". */
  document: z.string().min(1),
  /**
   * The same short name for English texts: the document type in English, the number as printed,
   * e.g. "Decree 07/2021/NĐ-CP", "Decision 59/2015/QĐ-TTg" (see `englishDocumentName`).
   */
  documentEn: z.string().min(1),
  /** Date of issue (ngày ban hành), ISO YYYY-MM-DD. */
  issued: isoDate,
  /** Date of effect (ngày có hiệu lực), ISO, or null when unknown. */
  effective: isoDate.nullable().optional(),
  /** Remarks: transition years, amendments, implementing circulars. */
  note: BilingualSchema.optional(),
});

/**
 * Income lines for one area, VND/person/month, `null` = unknown.
 * - `poverty`: chuẩn nghèo (income line for the "and" rule; lower line of the band rule).
 * - `nearPoverty`: chuẩn cận nghèo (band rule's upper line; equals `poverty` under the "and" rule).
 * - `averageCeiling`: upper bound of "hộ có mức sống trung bình".
 */
export const AreaLinesSchema = z.strictObject({
  poverty: z.number().int().positive().nullable(),
  nearPoverty: z.number().int().positive().nullable(),
  averageCeiling: z.number().int().positive().nullable(),
});

/** Per-area thresholds (rural = nông thôn, urban = thành thị / đô thị). */
const perArea = <T extends z.ZodType>(t: T) => z.strictObject({ rural: t, urban: t });

/** A basic social service (dịch vụ xã hội cơ bản) grouping indicators. */
export const ServiceSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/, "ASCII snake_case id"),
  name: BilingualSchema,
});

/** A deprivation indicator (chỉ số đo lường mức độ thiếu hụt). Order in the list = order of flag columns. */
export const IndicatorSchema = z.strictObject({
  /** Stable ASCII id, snake_case (never rename one that has shipped). */
  id: z.string().regex(/^[a-z][a-z0-9_]*$/, "ASCII snake_case id"),
  name: BilingualSchema,
  /** Id of the service (in `services`) the indicator belongs to. */
  service: z.string().min(1),
});

/**
 * The legal basis of the standard for a span of review years, in words a planner can print under a table
 * ("Năm rà soát 2026: … Nghị định 07/2021/NĐ-CP … năm chuyển tiếp theo Nghị định 351/2025/NĐ-CP").
 */
export const YearBasisSchema = z.strictObject({
  from: z.number().int(),
  to: z.number().int(),
  vi: z.string().min(1),
  en: z.string().min(1),
});

/** One value the project could not confirm (UNCERTAIN in docs/standards.md). */
export const UncertainSchema = z.strictObject({
  /** Dotted path into the standard ("lines.rural.averageCeiling"), or a named concept ("scores.nearPoorRule"). */
  path: z.string().min(1),
  note: BilingualSchema,
});

/**
 * Classification rule shape.
 * - "band" (Decision 59/2015, review years 2016–2021): poor if income ≤ poverty line, or income ≤ near-poverty
 *   line and deprivations ≥ cutoff; near-poor if poverty line < income ≤ near-poverty line and deprivations < cutoff.
 * - "and" (Decree 07/2021 and Decree 351/2025, 2022+): poor if income ≤ line and deprivations ≥ cutoff;
 *   near-poor if income ≤ line and deprivations < cutoff.
 */
export const RuleSchema = z.enum(["band", "and"]);
export type Rule = z.infer<typeof RuleSchema>;

export const StandardSchema = z.strictObject({
  /** Stable id: "QD59-2015", "ND07-2021", "ND351-2025", or a local id. */
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "ASCII id (letters, digits, . _ -)"),
  /** Short display name. */
  name: BilingualSchema,
  /** "national" or "local" (a province's higher standard). */
  scope: z.enum(["national", "local"]),
  /** For a local standard: the id of the national standard it extends. */
  basedOn: z.string().optional(),
  /** For a local standard: the province (e.g. "TP Hà Nội"). */
  province: z.string().optional(),
  citation: CitationSchema,
  /** Review years (năm rà soát) the standard applies to, inclusive. */
  reviewYears: z.strictObject({ from: z.number().int(), to: z.number().int() }),
  /**
   * Why the standard applies to each of its review years (one entry per span; together they cover
   * `reviewYears`). Read by `legalBasis(year)`. Optional for local standards.
   */
  yearBasis: z.array(YearBasisSchema).optional(),
  rule: RuleSchema,
  /** VND/person/month per area. */
  lines: perArea(AreaLinesSchema),
  /** Minimum number of deprivations for "poor" (≥ cutoff). */
  deprivationCutoff: z.number().int().positive(),
  services: z.array(ServiceSchema).min(1),
  /**
   * The indicators in flag-column order; `null` when the final list is not known (Decree 351/2025, 2027+):
   * every calculation that needs the list or its length then fails with UNKNOWN_VALUE.
   */
  indicators: z.array(IndicatorSchema).min(1).nullable(),
  /** A draft list kept for information only (never used for calculation). */
  draftIndicators: z.array(IndicatorSchema).nullable().optional(),
  scores: z.strictObject({
    /** Score A (phiếu B1, income proxy) at or below which income counts as ≤ the line; null = unknown. */
    aThreshold: perArea(z.number().positive().nullable()),
    /** Score B (phiếu B2) points per deprived indicator. */
    bPerDeprivation: z.number().positive(),
    /** Score B at or above which the household is multidimensionally deprived (= cutoff × points). */
    bCutoff: z.number().positive(),
  }),
  /** Names of the areas in this standard's wording (2027+: urban is "khu vực đô thị"). */
  areaNames: perArea(BilingualSchema),
  /** Whom the "average living standard" category serves (documentation). */
  averageCategoryNote: BilingualSchema.optional(),
  /**
   * The condition of the "average living standard" category beyond income:
   * - true: only agriculture, forestry, fishery and salt households (hộ làm nông nghiệp, lâm nghiệp, ngư nghiệp,
   *   diêm nghiệp), identified by a separate procedure (Decree 07/2021/NĐ-CP; Decision 24/2021/QĐ-TTg);
   * - false: any household in the income band (Decision 59/2015/QĐ-TTg);
   * - null: not known (Decree 351/2025/NĐ-CP: whether the category is kept is not known).
   * Classification reads it: a household known not to be agricultural is never "average" when true, and a
   * household whose status is not given is "average" only provisionally (see core/classify).
   */
  averageAgriculturalOnly: z.boolean().nullable(),
  /** Caveats that are not UNCERTAIN but worth knowing (e.g. "press only"). */
  notes: z.array(BilingualSchema).optional(),
  /** Every value the project could not confirm (UNCERTAIN), with where it lives. */
  uncertain: z.array(UncertainSchema),
});

/** A poverty standard (chuẩn nghèo) — see `StandardSchema`. */
export type Standard = z.infer<typeof StandardSchema>;
export type Indicator = z.infer<typeof IndicatorSchema>;
export type Service = z.infer<typeof ServiceSchema>;
export type AreaLines = z.infer<typeof AreaLinesSchema>;
export type Citation = z.infer<typeof CitationSchema>;
export type UncertainValue = z.infer<typeof UncertainSchema>;
export type YearBasis = z.infer<typeof YearBasisSchema>;

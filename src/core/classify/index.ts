/**
 * Classification of households into poor / near-poor / average living standard / none
 * (hộ nghèo / hộ cận nghèo / hộ có mức sống trung bình / không thuộc diện), by the standard of the review year.
 *
 * Rules (all boundaries inclusive: "từ … trở xuống" = income ≤ line; docs/domain.md §2.2, §4, §5):
 * - "band" rule, Decision 59/2015/QĐ-TTg (review years 2016–2021):
 *     income ≤ poverty line                                → poor (any number of deprivations)
 *     poverty line < income ≤ near-poverty line, dep ≥ 3    → poor
 *     poverty line < income ≤ near-poverty line, dep < 3    → near-poor
 * - "and" rule, Decree 07/2021/NĐ-CP (2022–2026) and Decree 351/2025/NĐ-CP (2027–2030):
 *     income ≤ line and dep ≥ 3 → poor;  income ≤ line and dep < 3 → near-poor
 * - above the (near-)poverty line: line < income ≤ average ceiling → average living standard; else none.
 *   The standard's data says whether the average category has a condition on the household's trade
 *   (`averageAgriculturalOnly`): under Decree 07/2021/NĐ-CP and Decision 24/2021/QĐ-TTg it serves agriculture,
 *   forestry, fishery and salt households only — `agricultural: false` gives "none", `true` gives "average", and an
 *   unknown trade gives "average" marked `averageCondition: "unconfirmed"` (with a note) so no face counts it as
 *   identified; under Decision 59/2015/QĐ-TTg any household in the band is average (`"notRequired"`).
 *
 * Money is VND per person per month. Scores are points (Circular 07/2021/TT-BLĐTBXH).
 */
import { fail, isPovertyError, PovertyError } from "../errors";
import { formatNumber, type Bilingual } from "../i18n";
import { checkArea, type Area, type Category } from "../household";
import { formatVnd, incomeLine, requireIndicators, scoreThreshold, type Rule, type Standard } from "../standards";

/** One household to classify. Exactly one of `incomePerCapita` and `scoreA`. */
export interface ClassifyInput {
  /** Estimated per-capita monthly income, VND/person/month (thu nhập bình quân đầu người/tháng). */
  incomePerCapita?: number;
  /** Score A (điểm phiếu B1, income proxy), points. */
  scoreA?: number;
  /** Number of deprived indicators, or one flag per indicator of the standard (1/true = deprived). */
  deprivations: number | ReadonlyArray<0 | 1 | boolean>;
  area: Area;
  /**
   * Agriculture/forestry/fishery/salt household (hộ làm nông nghiệp, lâm nghiệp, ngư nghiệp, diêm nghiệp). Under a
   * standard that limits the average category to them: `false` → never "average"; undefined = not known → "average"
   * with `averageCondition: "unconfirmed"`. Ignored by standards without that condition (Decision 59/2015).
   */
  agricultural?: boolean;
}

export interface ClassifyOptions {
  /**
   * What to do when income is above the line and the standard's average-living ceiling is unknown (2027+):
   * "error" (default) throws UNKNOWN_VALUE; "none" returns "none" and says in the reason that the average
   * category was not evaluated.
   */
  unknownAverage?: "error" | "none";
}

/** Why a household got its category. */
export interface ClassificationReason {
  /** "income" (VND/person/month) or "score" (score A, points). */
  basis: "income" | "score";
  /** The line (VND) or score threshold (points) that decided; absent when nothing could be compared. */
  line?: number;
  /** The household's income (VND) or score A (points). */
  value: number;
  /** Number of deprived indicators. */
  deprivations: number;
  /** Deprivation cutoff of the standard (≥ cutoff = multidimensionally deprived). */
  cutoff: number;
  rule: Rule;
  standardId: string;
  textVi: string;
  textEn: string;
  /** Caveats attached to this result (UNCERTAIN rules, values not evaluated). */
  notes?: Bilingual[];
  /**
   * For an "average" result, the standard's condition on the household's trade (`averageAgriculturalOnly`):
   * "met" (an agricultural household), "notRequired" (no such condition: Decision 59/2015), or "unconfirmed" (the
   * standard requires it and the household's trade was not given: income in the band, category not identified).
   */
  averageCondition?: "met" | "notRequired" | "unconfirmed";
}

export interface Classification {
  category: Category;
  reason: ClassificationReason;
}

// -------------------------------------------------------------------------------------------------
// Category codes (for the columnar path and compact storage)
// -------------------------------------------------------------------------------------------------

/** Numeric category codes: 1 poor, 2 near-poor, 3 average, 4 none; 0 = invalid row (see classifyColumns). */
export const CATEGORY_CODE = { poor: 1, nearPoor: 2, average: 3, none: 4 } as const satisfies Record<Category, number>;
/** Code of an invalid row in `classifyColumns`. */
export const INVALID_CODE = 0;
/** Inverse of CATEGORY_CODE: CODE_CATEGORY[1] = "poor" … ; index 0 (invalid) is null. */
export const CODE_CATEGORY: readonly (Category | null)[] = Object.freeze([null, "poor", "nearPoor", "average", "none"]);

/** Internal marker: income above the line, average ceiling unknown. */
const NEEDS_AVERAGE = 5;

/**
 * The decision shared by every path (per household and columnar). `povertyAlone` is the band rule's lower line
 * (income ≤ it is poor whatever the deprivations) or -1 under the "and" rule; `upper` is the (near-)poverty line;
 * `avgCeiling` is NaN when unknown; `notAgri` true when the household is known not to be agricultural.
 */
function decide(
  income: number,
  dep: number,
  povertyAlone: number,
  upper: number,
  avgCeiling: number,
  cutoff: number,
  notAgri: boolean,
): number {
  if (income <= upper) return dep >= cutoff || income <= povertyAlone ? 1 : 2;
  if (notAgri) return 4;
  if (avgCeiling !== avgCeiling) return NEEDS_AVERAGE; // NaN: unknown
  return income <= avgCeiling ? 3 : 4;
}

// -------------------------------------------------------------------------------------------------
// Validation helpers
// -------------------------------------------------------------------------------------------------

function checkNonNegative(value: unknown, vi: string, en: string): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    fail(
      "INVALID_NUMBER",
      `${vi} "${String(value)}" không phải là số hợp lệ.`,
      `${en} "${String(value)}" is not a valid number.`,
      {
        value,
      },
    );
  }
  if (value < 0)
    fail("NEGATIVE", `${vi} không được âm (${value}).`, `${en} must not be negative (${value}).`, { value });
  return value;
}

/**
 * The number of deprivations of a household: the count itself, or the number of set flags.
 * A count must be an integer in [0, indicator count]; flags must be exactly one per indicator (0/1/true/false).
 * When the standard's indicator list is not final (2027+), a count is accepted without an upper bound
 * (the cutoff, 3, is confirmed) but flags are rejected (their meaning is unknown).
 * @throws INVALID_NUMBER, NEGATIVE, NOT_INTEGER, OUT_OF_RANGE, INVALID_ARGUMENT, UNKNOWN_VALUE.
 */
export function countDeprivations(deprivations: number | ReadonlyArray<0 | 1 | boolean>, standard: Standard): number {
  if (typeof deprivations === "number") {
    if (!Number.isFinite(deprivations)) {
      fail(
        "INVALID_NUMBER",
        `Số chỉ số thiếu hụt "${String(deprivations)}" không phải là số hợp lệ.`,
        `Deprivation count "${String(deprivations)}" is not a valid number.`,
        { value: deprivations },
      );
    }
    if (deprivations < 0) {
      fail(
        "NEGATIVE",
        `Số chỉ số thiếu hụt không được âm (${deprivations}).`,
        `Deprivation count must not be negative (${deprivations}).`,
        {
          value: deprivations,
        },
      );
    }
    if (!Number.isInteger(deprivations)) {
      fail(
        "NOT_INTEGER",
        `Số chỉ số thiếu hụt phải là số nguyên (${deprivations}).`,
        `Deprivation count must be a whole number (${deprivations}).`,
        {
          value: deprivations,
        },
      );
    }
    const max = standard.indicators?.length;
    if (max !== undefined && deprivations > max) {
      fail(
        "OUT_OF_RANGE",
        `Số chỉ số thiếu hụt ${deprivations} vượt quá ${max} chỉ số của chuẩn ${standard.id}.`,
        `Deprivation count ${deprivations} exceeds the ${max} indicators of standard ${standard.id}.`,
        { value: deprivations, max },
      );
    }
    return deprivations;
  }
  if (!Array.isArray(deprivations)) {
    fail(
      "INVALID_ARGUMENT",
      "Thiếu hụt phải là một số đếm hoặc danh sách cờ 0/1.",
      "Deprivations must be a count or a list of 0/1 flags.",
      { value: deprivations },
    );
  }
  const n = requireIndicators(standard).length;
  if (deprivations.length !== n) {
    fail(
      "INVALID_ARGUMENT",
      `Cần đúng ${n} cờ thiếu hụt cho chuẩn ${standard.id}, nhận được ${deprivations.length}.`,
      `Standard ${standard.id} needs exactly ${n} deprivation flags, got ${deprivations.length}.`,
      { expected: n, got: deprivations.length },
    );
  }
  let count = 0;
  for (let i = 0; i < n; i++) {
    const f = deprivations[i];
    if (f === 1 || f === true) count++;
    else if (f !== 0 && f !== false) {
      fail(
        "INVALID_ARGUMENT",
        `Cờ thiếu hụt thứ ${i + 1} ("${String(f)}") phải là 0 hoặc 1.`,
        `Deprivation flag ${i + 1} ("${String(f)}") must be 0 or 1.`,
        { index: i, value: f },
      );
    }
  }
  return count;
}

const lineValue = (v: number): { vi: string; en: string } => formatVnd(v);
const pts = (v: number) => ({
  vi: `${formatNumber(v, "vi", v % 1 ? 2 : 0)} điểm`,
  en: `${formatNumber(v, "en", v % 1 ? 2 : 0)} points`,
});

function areaText(standard: Standard, area: Area) {
  return standard.areaNames[area];
}

function unknownAverageError(standard: Standard, area: Area, income: number, line: number): never {
  const a = areaText(standard, area);
  return fail(
    "UNKNOWN_VALUE",
    `Thu nhập ${lineValue(income).vi} trên chuẩn ${lineValue(line).vi} (${a.vi}); chuẩn ${standard.id} (${standard.citation.document}) chưa có mức trần hộ có mức sống trung bình nên không thể xếp loại. Chọn "không xét diện trung bình" để xếp là không thuộc diện.`,
    `Income ${lineValue(income).en} is above the line ${lineValue(line).en} (${a.en}); standard ${standard.id} (${standard.citation.documentEn}) has no known average-living-standard ceiling, so the household cannot be classified. Choose "do not evaluate the average category" to classify it as none.`,
    { standard: standard.id, area, field: `lines.${area}.averageCeiling` },
  );
}

// -------------------------------------------------------------------------------------------------
// Per household
// -------------------------------------------------------------------------------------------------

/**
 * Classify one household by income or by score A (exactly one), its deprivations and area, under `standard`.
 * Income: VND/person/month; band rule (2016–2021) or "and" rule (2022+), boundaries inclusive (≤ line); above the
 * line, income ≤ average ceiling → "average" unless `agricultural === false`. Score A: see `classifyScores`.
 * Legal sources: Decision 59/2015/QĐ-TTg Art. 2; Decree 07/2021/NĐ-CP Art. 3; Decree 351/2025/NĐ-CP;
 * Circular 07/2021/TT-BLĐTBXH (scores).
 * @throws PovertyError MISSING_VALUE (neither income nor score), INVALID_ARGUMENT (both, bad flags),
 *   INVALID_NUMBER / NEGATIVE (income, score), NOT_INTEGER / OUT_OF_RANGE (count), UNKNOWN_AREA,
 *   UNKNOWN_VALUE (a value the standard does not know: 2027+ average ceiling unless `unknownAverage: "none"`,
 *   score thresholds outside 2022–2026, flags for 2027+).
 */
export function classifyHousehold(input: ClassifyInput, standard: Standard, opts?: ClassifyOptions): Classification {
  const hasIncome = input.incomePerCapita !== undefined && input.incomePerCapita !== null;
  const hasScore = input.scoreA !== undefined && input.scoreA !== null;
  if (!hasIncome && !hasScore) {
    fail(
      "MISSING_VALUE",
      "Thiếu thu nhập bình quân đầu người hoặc điểm A (phiếu B1).",
      "Per-capita income or score A (form B1) is missing.",
    );
  }
  if (hasIncome && hasScore) {
    fail(
      "INVALID_ARGUMENT",
      "Chỉ nhập một trong hai: thu nhập bình quân đầu người hoặc điểm A.",
      "Give exactly one of per-capita income and score A, not both.",
      { incomePerCapita: input.incomePerCapita, scoreA: input.scoreA },
    );
  }
  checkArea(input.area);
  if (hasScore) {
    const a = checkNonNegative(input.scoreA, "Điểm A", "Score A");
    const dep = countDeprivations(input.deprivations, standard);
    return scoreDecision(a, dep, input.area, standard);
  }
  const income = checkNonNegative(input.incomePerCapita, "Thu nhập bình quân đầu người", "Per-capita income");
  const dep = countDeprivations(input.deprivations, standard);
  return incomeDecision(income, dep, input.area, input.agricultural, standard, opts);
}

function incomeDecision(
  income: number,
  dep: number,
  area: Area,
  agri: boolean | undefined,
  standard: Standard,
  opts: ClassifyOptions | undefined,
): Classification {
  const notAgri = agri === false && standard.averageAgriculturalOnly !== false;
  const poverty = incomeLine(standard, area, "poor");
  const upper = incomeLine(standard, area, "near_poor");
  const avgRaw = standard.lines[area].averageCeiling;
  const cutoff = standard.deprivationCutoff;
  const band = standard.rule === "band";
  const code = decide(income, dep, band ? poverty : -1, upper, avgRaw ?? NaN, cutoff, notAgri);
  const x = lineValue(income);
  const a = areaText(standard, area);
  const src = `${standard.id}, ${standard.citation.document}`;
  const srcEn = `${standard.id}, ${standard.citation.documentEn}`;
  const notes: Bilingual[] = [];
  if (standard.indicators === null) {
    notes.push({
      vi: `Danh sách chỉ số của chuẩn ${standard.id} chưa chính thức: không kiểm tra giới hạn trên của số chỉ số thiếu hụt.`,
      en: `The indicator list of standard ${standard.id} is not final: the deprivation count's upper bound is not checked.`,
    });
  }
  const base = {
    basis: "income" as const,
    value: income,
    deprivations: dep,
    cutoff,
    rule: standard.rule,
    standardId: standard.id,
  };
  const withNotes = (r: ClassificationReason): ClassificationReason => (notes.length ? { ...r, notes } : r);
  /** The line a household above it is compared with: the near-poverty line (band rule) or the poverty line. */
  const above: Bilingual = band
    ? { vi: `chuẩn cận nghèo ${lineValue(upper).vi}`, en: `near-poverty line ${lineValue(upper).en}` }
    : { vi: `chuẩn nghèo ${lineValue(upper).vi}`, en: `poverty line ${lineValue(upper).en}` };
  /** The line the household is compared with below the band: the near-poverty line (band rule) or the poverty line. */
  const upperLineText = (): Bilingual => {
    const l = lineValue(upper);
    return band
      ? {
          vi: `chuẩn cận nghèo ${l.vi} (trên chuẩn nghèo ${lineValue(poverty).vi})`,
          en: `near-poverty line ${l.en} (above the poverty line ${lineValue(poverty).en})`,
        }
      : { vi: `chuẩn nghèo ${l.vi}`, en: `poverty line ${l.en}` };
  };

  switch (code) {
    case 1: {
      if (band && income <= poverty) {
        const l = lineValue(poverty);
        return {
          category: "poor",
          reason: withNotes({
            ...base,
            line: poverty,
            textVi: `Thu nhập ${x.vi} ≤ chuẩn nghèo ${l.vi} (${a.vi}; ${src}): hộ nghèo, không xét số chỉ số thiếu hụt (${dep}).`,
            textEn: `Income ${x.en} ≤ poverty line ${l.en} (${a.en}; ${srcEn}): poor, whatever the deprivations (${dep}).`,
          }),
        };
      }
      const { vi: lineVi, en: lineEn } = upperLineText();
      return {
        category: "poor",
        reason: withNotes({
          ...base,
          line: upper,
          textVi: `Thu nhập ${x.vi} ≤ ${lineVi} (${a.vi}) và thiếu hụt ${dep} ≥ ${cutoff} chỉ số (${src}): hộ nghèo.`,
          textEn: `Income ${x.en} ≤ ${lineEn} (${a.en}) and ${dep} ≥ ${cutoff} deprivations (${srcEn}): poor.`,
        }),
      };
    }
    case 2: {
      const { vi: lineVi, en: lineEn } = upperLineText();
      return {
        category: "nearPoor",
        reason: withNotes({
          ...base,
          line: upper,
          textVi: `Thu nhập ${x.vi} ≤ ${lineVi} (${a.vi}) và thiếu hụt ${dep} < ${cutoff} chỉ số (${src}): hộ cận nghèo.`,
          textEn: `Income ${x.en} ≤ ${lineEn} (${a.en}) and ${dep} < ${cutoff} deprivations (${srcEn}): near-poor.`,
        }),
      };
    }
    case 3: {
      const c = lineValue(avgRaw as number);
      const condition: ClassificationReason["averageCondition"] =
        standard.averageAgriculturalOnly === false ? "notRequired" : agri === true ? "met" : "unconfirmed";
      if (standard.averageAgriculturalOnly === false) notes.push(AVERAGE_CEILING_NOTE_BAND(standard));
      if (condition === "unconfirmed") notes.push(AVERAGE_UNCONFIRMED_NOTE);
      const who: Bilingual =
        condition === "notRequired"
          ? { vi: "", en: "" }
          : condition === "met"
            ? { vi: "; hộ nông, lâm, ngư, diêm nghiệp", en: "; an agriculture/forestry/fishery/salt household" }
            : {
                vi: " — chỉ là hộ có mức sống trung bình nếu là hộ nông, lâm, ngư, diêm nghiệp (chưa có thông tin)",
                en: " — average living standard only if an agriculture/forestry/fishery/salt household (not given)",
              };
      return {
        category: "average",
        reason: withNotes({
          ...base,
          line: avgRaw as number,
          averageCondition: condition,
          textVi: `Thu nhập ${x.vi} trên ${above.vi} và ≤ mức trần ${c.vi} (${a.vi}; ${src}): hộ có mức sống trung bình${who.vi}.`,
          textEn: `Income ${x.en} is above the ${above.en} and ≤ the ceiling ${c.en} (${a.en}; ${srcEn}): average living standard${who.en}.`,
        }),
      };
    }
    case 4: {
      if (notAgri) {
        return {
          category: "none",
          reason: withNotes({
            ...base,
            line: upper,
            textVi: `Thu nhập ${x.vi} trên ${above.vi} (${a.vi}; ${src}); không phải hộ nông, lâm, ngư, diêm nghiệp nên không xét mức sống trung bình: không thuộc diện.`,
            textEn: `Income ${x.en} is above the ${above.en} (${a.en}; ${srcEn}); not an agriculture/forestry/fishery/salt household, so the average category does not apply: none.`,
          }),
        };
      }
      const c = lineValue(avgRaw as number);
      return {
        category: "none",
        reason: withNotes({
          ...base,
          line: avgRaw as number,
          textVi: `Thu nhập ${x.vi} trên mức trần hộ có mức sống trung bình ${c.vi} (${a.vi}; ${src}): không thuộc diện.`,
          textEn: `Income ${x.en} is above the average-living-standard ceiling ${c.en} (${a.en}; ${srcEn}): none.`,
        }),
      };
    }
    default: {
      if (opts?.unknownAverage !== "none") unknownAverageError(standard, area, income, upper);
      notes.push({
        vi: `Chuẩn ${standard.id} chưa có mức trần hộ có mức sống trung bình: diện này không được đánh giá.`,
        en: `Standard ${standard.id} has no known average-living-standard ceiling: the average category was not evaluated.`,
      });
      return {
        category: "none",
        reason: withNotes({
          ...base,
          line: upper,
          textVi: `Thu nhập ${x.vi} trên ${above.vi} (${a.vi}; ${src}); diện hộ có mức sống trung bình không được đánh giá (chưa có mức trần): không thuộc diện.`,
          textEn: `Income ${x.en} is above the ${above.en} (${a.en}; ${srcEn}); the average category was not evaluated (ceiling unknown): none.`,
        }),
      };
    }
  }
}

/** Note on an average result when the household's trade was not given (the standard requires agriculture …). */
export const AVERAGE_UNCONFIRMED_NOTE: Bilingual = {
  vi: "Theo Nghị định 07/2021/NĐ-CP và Quyết định 24/2021/QĐ-TTg, hộ có mức sống trung bình chỉ gồm hộ làm nông nghiệp, lâm nghiệp, ngư nghiệp, diêm nghiệp; danh sách không cho biết hộ này có phải hộ như vậy hay không, nên diện này chưa được xác định.",
  en: "Under Decree 07/2021/NĐ-CP and Decision 24/2021/QĐ-TTg the average-living category covers agriculture, forestry, fishery and salt households only; the list does not say whether this household is one, so the category is not identified.",
};

/** Note on an average result under a standard whose average ceilings are uncertain (Decision 59/2015: press only). */
function AVERAGE_CEILING_NOTE_BAND(standard: Standard): Bilingual {
  const uncertain = standard.uncertain.some((u) => u.path.endsWith("averageCeiling"));
  return uncertain
    ? {
        vi: `Mức trần hộ có mức sống trung bình của chuẩn ${standard.id} chỉ có từ báo chí, chưa đối chiếu văn bản (chưa chắc chắn).`,
        en: `The average-living ceilings of standard ${standard.id} come from the press only, not checked against the text (uncertain).`,
      }
    : {
        vi: `Chuẩn ${standard.id}: hộ có mức sống trung bình xác định theo thu nhập, không giới hạn ngành nghề.`,
        en: `Standard ${standard.id}: the average category is defined by income, whatever the household's trade.`,
      };
}

const NEAR_POOR_SCORE_NOTE: Bilingual = {
  vi: "Quy tắc cận nghèo theo điểm (A ≤ ngưỡng và B < 30) suy ra từ cấu trúc, chưa đối chiếu văn bản (UNCERTAIN).",
  en: "The near-poor score rule (A ≤ threshold and B < 30) is implied by construction, not verified against the text (UNCERTAIN).",
};
const NO_AVERAGE_BY_SCORE: Bilingual = {
  vi: "Phương pháp chấm điểm không xác định hộ có mức sống trung bình (xác định theo quy trình riêng).",
  en: "The score method does not identify average-living-standard households (a separate procedure does).",
};

function scoreDecision(a: number, dep: number, area: Area, standard: Standard): Classification {
  const threshold = scoreThreshold(standard, area);
  const cutoff = standard.deprivationCutoff;
  const b = dep * standard.scores.bPerDeprivation;
  const ar = areaText(standard, area);
  const src = `${standard.id}, Thông tư 07/2021/TT-BLĐTBXH`;
  const srcEn = `${standard.id}, Circular 07/2021/TT-BLĐTBXH`;
  const base = {
    basis: "score" as const,
    line: threshold,
    value: a,
    deprivations: dep,
    cutoff,
    rule: standard.rule,
    standardId: standard.id,
  };
  const av = pts(a);
  const tv = pts(threshold);
  const bv = pts(b);
  const bc = pts(standard.scores.bCutoff);
  if (a <= threshold && dep >= cutoff) {
    return {
      category: "poor",
      reason: {
        ...base,
        textVi: `Điểm A ${av.vi} ≤ ${tv.vi} (${ar.vi}) và điểm B ${bv.vi} ≥ ${bc.vi} (${src}): hộ nghèo.`,
        textEn: `Score A ${av.en} ≤ ${tv.en} (${ar.en}) and score B ${bv.en} ≥ ${bc.en} (${srcEn}): poor.`,
      },
    };
  }
  if (a <= threshold) {
    return {
      category: "nearPoor",
      reason: {
        ...base,
        textVi: `Điểm A ${av.vi} ≤ ${tv.vi} (${ar.vi}) và điểm B ${bv.vi} < ${bc.vi} (${src}): hộ cận nghèo (quy tắc chưa xác nhận).`,
        textEn: `Score A ${av.en} ≤ ${tv.en} (${ar.en}) and score B ${bv.en} < ${bc.en} (${srcEn}): near-poor (rule unconfirmed).`,
        notes: [NEAR_POOR_SCORE_NOTE],
      },
    };
  }
  return {
    category: "none",
    reason: {
      ...base,
      textVi: `Điểm A ${av.vi} > ${tv.vi} (${ar.vi}; ${src}): không nghèo, không cận nghèo; phương pháp điểm không xác định hộ có mức sống trung bình: không thuộc diện.`,
      textEn: `Score A ${av.en} > ${tv.en} (${ar.en}; ${srcEn}): neither poor nor near-poor; the score method does not identify the average category: none.`,
      notes: [NO_AVERAGE_BY_SCORE],
    },
  };
}

/**
 * Classify by the review scores of Circular 07/2021/TT-BLĐTBXH (Appendices III, IV):
 *   poor      if A ≤ threshold(area) and B ≥ bCutoff (30)
 *   near-poor if A ≤ threshold(area) and B < bCutoff      (UNCERTAIN: implied by construction; noted in the reason)
 *   none      if A > threshold(area)                     (the score method does not identify "average")
 * A: score A (phiếu B1), points; thresholds 140 rural / 175 urban for 2022–2026.
 * B: score B (phiếu B2) = 10 points × deprivations, a multiple of `bPerDeprivation` in [0, 10 × indicators].
 * @throws UNKNOWN_VALUE when the standard has no score thresholds (2016–2021, 2027+); INVALID_NUMBER / NEGATIVE
 *   for a bad A; INVALID_ARGUMENT for a B that is not a multiple of 10 or above the maximum; UNKNOWN_AREA.
 */
export function classifyScores(scoreA: number, scoreB: number, area: Area, standard: Standard): Classification {
  checkArea(area);
  const a = checkNonNegative(scoreA, "Điểm A", "Score A");
  const b = checkNonNegative(scoreB, "Điểm B", "Score B");
  scoreThreshold(standard, area); // unknown thresholds fail before B is interpreted
  const per = standard.scores.bPerDeprivation;
  const max = requireIndicators(standard).length * per;
  const dep = b / per;
  if (!Number.isInteger(dep) || b > max) {
    fail(
      "INVALID_ARGUMENT",
      `Điểm B ${formatNumber(b, "vi", b % 1 ? 2 : 0)} phải là bội số của ${per} trong khoảng 0–${max} (chuẩn ${standard.id}).`,
      `Score B ${formatNumber(b, "en", b % 1 ? 2 : 0)} must be a multiple of ${per} between 0 and ${max} (standard ${standard.id}).`,
      { scoreB: b, per, max },
    );
  }
  return scoreDecision(a, dep, area, standard);
}

/**
 * Whether an "average" result counts as an identified average-living household: the standard has no condition on
 * the trade (Decision 59/2015/QĐ-TTg), or the household is known to be agricultural (Decree 07/2021/NĐ-CP; the
 * standards' `averageAgriculturalOnly`). False for an unknown trade under a standard with the condition.
 */
export function averageConfirmed(standard: Standard, agricultural: boolean | undefined): boolean {
  return standard.averageAgriculturalOnly === false || agricultural === true;
}

/** Result of one row in `classifyMany`. */
export type ClassifyResult = { ok: true; value: Classification } | { ok: false; error: PovertyError };

/**
 * Classify many households, one result per input (same order). A row whose input is invalid gets
 * `{ ok: false, error }` (its PovertyError) instead of stopping the batch. Errors that are not PovertyErrors
 * are rethrown. For very large inputs prefer `classifyColumns`.
 */
export function classifyMany(
  inputs: readonly ClassifyInput[],
  standard: Standard,
  opts?: ClassifyOptions,
): ClassifyResult[] {
  return inputs.map((input) => {
    try {
      return { ok: true as const, value: classifyHousehold(input, standard, opts) };
    } catch (e) {
      if (isPovertyError(e)) return { ok: false as const, error: e };
      throw e;
    }
  });
}

// -------------------------------------------------------------------------------------------------
// Columnar (fast) path
// -------------------------------------------------------------------------------------------------

/** Column arrays for `classifyColumns` (same row index across columns). */
export interface ClassifyColumns {
  /** Per-capita income, VND/person/month. */
  income: Float64Array | ArrayLike<number>;
  /** Deprivation count per household. */
  deprivations: Uint8Array | ArrayLike<number>;
  /** 0 = rural (nông thôn), 1 = urban (thành thị / đô thị). */
  area: Uint8Array | ArrayLike<number>;
  /**
   * Optional: 0 = known not agricultural (never "average" under a standard that limits the category to agriculture,
   * forestry, fishery and salt households); any other value = agricultural or unknown (the caller knows which:
   * an unknown trade in the band is "average" provisionally, see `averageCondition`).
   */
  agricultural?: Uint8Array | ArrayLike<number>;
  /** Number of rows (default: income.length). */
  n?: number;
}

/**
 * Classify n households held in columns, by income — the same rules and results as `classifyHousehold`
 * (property-tested), without per-row allocation: lines are read once, one pass, one Uint8Array out.
 * Output codes: CATEGORY_CODE (1 poor, 2 near-poor, 3 average, 4 none); 0 (INVALID_CODE) for a row that
 * `classifyHousehold` would reject (income not finite or negative; deprivations not an integer in
 * [0, indicator count]; area not 0/1) — callers report those rows.
 * @throws INVALID_ARGUMENT when a column is shorter than n; UNKNOWN_VALUE, like classifyHousehold, when a row
 *   is above the line and the average ceiling is unknown (2027+) unless `opts.unknownAverage === "none"`.
 */
export function classifyColumns(cols: ClassifyColumns, standard: Standard, opts?: ClassifyOptions): Uint8Array {
  const n = cols.n ?? cols.income.length;
  if (!Number.isInteger(n) || n < 0) {
    fail("INVALID_ARGUMENT", `Số dòng n = ${String(n)} không hợp lệ.`, `Row count n = ${String(n)} is not valid.`, {
      n,
    });
  }
  const short: string[] = [];
  if (cols.income.length < n) short.push("income");
  if (cols.deprivations.length < n) short.push("deprivations");
  if (cols.area.length < n) short.push("area");
  if (cols.agricultural && cols.agricultural.length < n) short.push("agricultural");
  if (short.length) {
    fail(
      "INVALID_ARGUMENT",
      `Cột ${short.join(", ")} ngắn hơn ${n} dòng.`,
      `Column(s) ${short.join(", ")} shorter than ${n} rows.`,
      { columns: short, n },
    );
  }
  const band = standard.rule === "band";
  const cutoff = standard.deprivationCutoff;
  const maxDep = standard.indicators ? standard.indicators.length : Infinity;
  const up0 = incomeLine(standard, "rural", "near_poor");
  const up1 = incomeLine(standard, "urban", "near_poor");
  const pa0 = band ? incomeLine(standard, "rural", "poor") : -1;
  const pa1 = band ? incomeLine(standard, "urban", "poor") : -1;
  const av0 = standard.lines.rural.averageCeiling ?? NaN;
  const av1 = standard.lines.urban.averageCeiling ?? NaN;
  const noneForUnknown = opts?.unknownAverage === "none";
  // Decision 59/2015 has no trade condition on the average category: "not agricultural" changes nothing there.
  const agriMatters = standard.averageAgriculturalOnly !== false;
  const { income, deprivations, area, agricultural } = cols;
  const maxFinite = Number.MAX_VALUE; // local constant: a global `Infinity` lookup in the loop is slow in some hosts
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const x = income[i];
    const d = deprivations[i];
    const ar = area[i];
    // Same validity as classifyHousehold: finite, non-negative income; integer count in [0, max]; known area.
    if (!(x >= 0 && x <= maxFinite) || !(d >= 0 && d <= maxDep) || d % 1 !== 0 || (ar !== 0 && ar !== 1)) {
      continue; // out[i] = 0 (invalid)
    }
    const notAgri = agriMatters && agricultural !== undefined && agricultural[i] === 0;
    let code = ar === 0 ? decide(x, d, pa0, up0, av0, cutoff, notAgri) : decide(x, d, pa1, up1, av1, cutoff, notAgri);
    if (code === NEEDS_AVERAGE) {
      if (!noneForUnknown) unknownAverageError(standard, ar === 0 ? "rural" : "urban", x, ar === 0 ? up0 : up1);
      code = 4;
    }
    out[i] = code;
  }
  return out;
}

/** Counts per code of a `classifyColumns` result: { poor, nearPoor, average, none, invalid }. */
export function countCodes(codes: Uint8Array): Record<Category | "invalid", number> {
  const c = [0, 0, 0, 0, 0];
  for (let i = 0; i < codes.length; i++) c[codes[i]]++;
  return { poor: c[1], nearPoor: c[2], average: c[3], none: c[4], invalid: c[0] };
}

/**
 * The review year (năm rà soát): one picker for every workflow, with the legal basis of the standard it selects
 * (the core's `legalBasis`, which names the transition basis for 2021 and 2026), and the document's preferences
 * (Cài đặt) that choose defaults. Which year applies is the core's rule (`resolveReviewYear`): the year the planner
 * picks here > the year in the sheet's title > the default year saved in Cài đặt > the latest review with results.
 */
import { useEffect, useMemo, useState } from "react";
import { Caption1, Dropdown, Field, Option, makeStyles, tokens } from "@fluentui/react-components";
import { isPovertyError } from "../../../core/errors";
import { pick, type Bilingual } from "../../../core/i18n";
import {
  describeReviewYear,
  FIRST_REVIEW_YEAR,
  LAST_REVIEW_YEAR,
  legalBasis,
  parseLocalStandard,
  resolveReviewYear,
  type ResolvedReviewYear,
  type Standard,
} from "../../../core/standards";
import { parseFrameOptions, type FrameOptions } from "../../../core/tables";
import { readPreferences, type DocumentPreferences } from "../../../excel/settings";
import { useStrings } from "../../i18n";
import { useGateway } from "./gateway";

export const YEARS: number[] = Array.from(
  { length: LAST_REVIEW_YEAR - FIRST_REVIEW_YEAR + 1 },
  (_, i) => FIRST_REVIEW_YEAR + i,
);

/** Preferences saved in the workbook (Settings workflow), read once per mount. */
export function usePreferences(): DocumentPreferences {
  const host = useGateway();
  return useMemo(() => {
    try {
      return readPreferences(host);
    } catch {
      return { version: 1 } as DocumentPreferences;
    }
  }, [host]);
}

/** The local standard saved in Settings, when it parses (it was validated before saving); when not, the workflow
 * falls back to the national standard and `SavedSettingsNotice` says so. */
export function useLocalStandard(prefs: DocumentPreferences): Standard | undefined {
  return useMemo(() => {
    if (!prefs.localStandard) return undefined;
    try {
      return parseLocalStandard(prefs.localStandard);
    } catch {
      return undefined;
    }
  }, [prefs.localStandard]);
}

/** The "Đơn vị" details saved in Settings for the frame of every form; {} when none or not valid (then
 * `SavedSettingsNotice` says so). */
export function useFrame(prefs: DocumentPreferences): FrameOptions {
  return useMemo(() => {
    try {
      return parseFrameOptions(prefs.frame);
    } catch {
      return {};
    }
  }, [prefs.frame]);
}

/** How the core's year reason names a year the planner picked in the pane (`optionName`, `yearOptionName`). */
export const PANE_CHOICE: Bilingual = { vi: "năm chọn trong ngăn tác vụ", en: "year chosen in the task pane" };
const SETTINGS_CHOICE: Bilingual = { vi: "năm mặc định trong Cài đặt", en: "default year in Settings" };

/**
 * The review year of a workflow and why, by the core's resolver: the planner's pick > the sheet's title year >
 * the default saved in Cài đặt > the latest review with results (on today's date, from the cut-over month saved in
 * Cài đặt). `setYear(undefined)` goes back
 * to the automatic choice.
 */
export function useReviewYear(
  sheet?: { year?: number; name?: string },
  local?: Standard,
): { year: number; resolved: ResolvedReviewYear; setYear: (y: number | undefined) => void } {
  const prefs = usePreferences();
  const [picked, setPicked] = useState<number | undefined>();
  const sheetYear = sheet?.year;
  // A new sheet brings its own year: the planner's earlier pick was for the other sheet.
  useEffect(() => setPicked(undefined), [sheet?.name]);
  const resolved = useMemo(() => {
    const today = new Date();
    const optionName = picked !== undefined ? PANE_CHOICE : SETTINGS_CHOICE;
    const option = picked ?? (sheetYear === undefined ? prefs.reviewYear : undefined);
    const clue =
      sheetYear !== undefined ? { year: sheetYear, ...(sheet?.name ? { sheet: sheet.name } : {}) } : undefined;
    try {
      return resolveReviewYear({ option, optionName, sheet: clue, today, local, cutoverMonth: prefs.cutoverMonth });
    } catch (e) {
      // A title year no standard covers (e.g. 2010): fall back to the saved or default year, and the reason says the
      // title's year was set aside and why; the planner sees the year used and can pick another.
      if (!isPovertyError(e)) throw e;
      const fallback = resolveReviewYear({
        option: picked ?? prefs.reviewYear,
        optionName,
        today,
        local,
        cutoverMonth: prefs.cutoverMonth,
      });
      const why = (text: string) => text.replace(/\.\s*$/u, "");
      return {
        ...fallback,
        reason: {
          vi: `${fallback.reason.vi} — ${why(e.messageVi)}`,
          en: `${fallback.reason.en} — ${why(e.messageEn)}`,
        },
      };
    }
  }, [picked, sheetYear, sheet?.name, prefs.reviewYear, prefs.cutoverMonth, local]);
  return { year: resolved.year, resolved, setYear: setPicked };
}

const useStyles = makeStyles({
  basis: { display: "block", color: tokens.colorNeutralForeground3, marginTop: tokens.spacingVerticalXXS },
  // Fluent's Dropdown asks for 250 px; here it takes the width it is given (side by side in a 350 px pane).
  dropdown: { minWidth: 0 },
});

/**
 * The review-year drop-down and, under it, the legal basis of the standard that year selects. With
 * `emptyOption`, the first entry stands for "no year" (automatic or none) and `year` may be undefined.
 * Test ids: `<testId>-year` (the drop-down), `<testId>-standard` (the basis line).
 */
export function YearPicker({
  year,
  onChange,
  testId,
  local,
  label,
  emptyOption,
  hint,
  resolved,
  basis = true,
  basisYear,
}: {
  year: number | undefined;
  onChange: (y: number | undefined) => void;
  testId: string;
  local?: Standard;
  label?: string;
  /** Text of the "no year" entry (e.g. "Tự nhận theo tiêu đề trang"); without it a year is required. */
  emptyOption?: string;
  /** A line under the drop-down when no year is chosen. */
  hint?: string;
  /** The core's resolved year (`useReviewYear`): why this year is the basis line's tooltip. */
  resolved?: ResolvedReviewYear;
  /** Show the legal basis of the standard (default true). */
  basis?: boolean;
  /** The year the automatic choice stands for, when known: its basis is shown while no year is chosen. */
  basisYear?: number;
}) {
  const { t, lang } = useStrings();
  const styles = useStyles();
  let text: string | undefined;
  const shown = year ?? basisYear;
  if (basis && shown !== undefined) {
    try {
      text = pick(legalBasis(shown, { local }), lang);
    } catch {
      text = undefined;
    }
  }
  const value = year === undefined ? (emptyOption ?? "") : String(year);
  return (
    <div>
      <Field label={label ?? t("common.year")} hint={year === undefined ? hint : undefined}>
        <Dropdown
          className={styles.dropdown}
          data-testid={`${testId}-year`}
          value={value}
          selectedOptions={[year === undefined ? "" : String(year)]}
          onOptionSelect={(_, d) => onChange(d.optionValue ? Number(d.optionValue) : undefined)}
        >
          {emptyOption !== undefined && (
            <Option value="" text={emptyOption}>
              {emptyOption}
            </Option>
          )}
          {YEARS.map((y) => (
            <Option key={y} value={String(y)}>
              {String(y)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {text && (
        <Caption1
          className={styles.basis}
          data-testid={`${testId}-standard`}
          title={resolved ? pick(describeReviewYear(resolved), lang) : undefined}
        >
          {text}
        </Caption1>
      )}
    </div>
  );
}

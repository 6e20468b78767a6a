/** Review year choice with the standard it selects and its legal citation; the document's preferences. */
import { useEffect, useMemo, useState } from "react";
import { Dropdown, Field, Option } from "@fluentui/react-components";
import { pick } from "../../../core/i18n";
import {
  defaultReviewYear,
  FIRST_REVIEW_YEAR,
  LAST_REVIEW_YEAR,
  parseLocalStandard,
  standardForYear,
  type Standard,
} from "../../../core/standards";
import { readPreferences, type DocumentPreferences } from "../../../excel/settings";
import { useGateway } from "./gateway";
import { useStrings } from "../../i18n";
import { Hint } from "./ui";

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

/** The local standard saved in Settings, when it parses (it was validated before saving). */
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

export function useReviewYear(hint?: number): [number, (y: number) => void] {
  const prefs = usePreferences();
  const initial = prefs.reviewYear ?? hint ?? defaultReviewYear(new Date());
  const [year, setYear] = useState(initial);
  useEffect(() => {
    if (hint !== undefined && prefs.reviewYear === undefined) setYear(hint);
  }, [hint, prefs.reviewYear]);
  return [year, setYear];
}

export function YearPicker({
  year,
  onChange,
  testId,
  local,
}: {
  year: number;
  onChange: (y: number) => void;
  testId: string;
  local?: Standard;
}) {
  const { t, lang } = useStrings();
  let standard: Standard | undefined;
  try {
    standard = standardForYear(year, { local });
  } catch {
    standard = undefined;
  }
  return (
    <div>
      <Field label={t("common.year")}>
        <Dropdown
          data-testid={`${testId}-year`}
          value={String(year)}
          selectedOptions={[String(year)]}
          onOptionSelect={(_, d) => d.optionValue && onChange(Number(d.optionValue))}
        >
          {YEARS.map((y) => (
            <Option key={y} value={String(y)}>
              {String(y)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {standard && (
        <div data-testid={`${testId}-standard`}>
          <Hint>
            {t(standard.scope === "local" ? "common.localStandard" : "common.standard", {
              name: pick(standard.name, lang),
            })}
          </Hint>
          <br />
          <Hint>{t("common.citation", { citation: pick(standard.citation, lang) })}</Hint>
        </div>
      )}
    </div>
  );
}

/**
 * Document settings (Office.context.document.settings): the choices saved IN the workbook, so a
 * colleague who opens the file gets the same review year, language and local standard.
 * One key, `povertyPlanner.settings`, holding a versioned JSON object. Saving uses saveAsync and
 * rejects with a mapped error when Office reports a failure (never silently).
 */
import type { ExcelHost } from "./host";
import { officeHost } from "./host";
import { ExcelGatewayError } from "./errors";
import { SETTINGS_KEY, parsePreferences, type DocumentPreferences } from "./preferences";

export { SETTINGS_KEY, documentLanguage, type DocumentPreferences } from "./preferences";

export function readPreferences(host: ExcelHost = officeHost): DocumentPreferences {
  const s = host.settings();
  return s ? parsePreferences(s.get(SETTINGS_KEY)) : { version: 1 };
}

export function savePreferences(prefs: DocumentPreferences, host: ExcelHost = officeHost): Promise<void> {
  const s = host.settings();
  if (!s) {
    return Promise.reject(
      new ExcelGatewayError(
        "NOT_IN_EXCEL",
        "Chỉ lưu được cài đặt khi mở trong Excel.",
        "Settings can be saved only inside Excel.",
      ),
    );
  }
  const clean: Record<string, unknown> = { version: 1 };
  if (prefs.lang) clean.lang = prefs.lang;
  if (prefs.reviewYear !== undefined) clean.reviewYear = prefs.reviewYear;
  if (prefs.cutoverMonth !== undefined) clean.cutoverMonth = prefs.cutoverMonth;
  if (prefs.localStandard) clean.localStandard = prefs.localStandard;
  if (prefs.frame && Object.keys(prefs.frame).length) clean.frame = { ...prefs.frame };
  s.set(SETTINGS_KEY, clean);
  return new Promise((resolve, reject) => {
    s.saveAsync((result) => {
      if (result.status === "succeeded") resolve();
      else
        reject(
          new ExcelGatewayError(
            "SETTINGS_SAVE_FAILED",
            `Không lưu được cài đặt vào sổ tính: ${result.error?.message ?? ""}`.trim(),
            `Could not save the settings in the workbook: ${result.error?.message ?? ""}`.trim(),
            { details: { error: result.error } },
          ),
        );
    });
  });
}

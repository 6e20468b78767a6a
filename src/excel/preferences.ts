/**
 * The shape of the choices saved in the workbook (document settings) and reading them — kept free of the
 * rest of the gateway (no Excel.run, no error mapping) so the pane's start-up can read the saved language
 * without pulling the gateway into the first-render bundle. Saving lives in ./settings.ts.
 */
import type { Lang } from "../core/i18n";
import type { DocumentSettingsLike } from "./office";

export const SETTINGS_KEY = "povertyPlanner.settings";

export interface DocumentPreferences {
  version: 1;
  lang?: Lang;
  reviewYear?: number;
  /** A local standard as JSON text (validated by the core before saving). */
  localStandard?: string;
}

/** The stored value of SETTINGS_KEY → preferences; anything malformed is ignored field by field. */
export function parsePreferences(raw: unknown): DocumentPreferences {
  if (!raw || typeof raw !== "object") return { version: 1 };
  const r = raw as Record<string, unknown>;
  return {
    version: 1,
    lang: r.lang === "en" || r.lang === "vi" ? r.lang : undefined,
    reviewYear: typeof r.reviewYear === "number" && Number.isInteger(r.reviewYear) ? r.reviewYear : undefined,
    localStandard: typeof r.localStandard === "string" ? r.localStandard : undefined,
  };
}

/** `Office.context.document.settings` of the running host, or undefined outside Office. */
export function officeDocumentSettings(): DocumentSettingsLike | undefined {
  return (globalThis as { Office?: { context?: { document?: { settings?: DocumentSettingsLike } } } }).Office?.context
    ?.document?.settings;
}

/**
 * The language saved in the workbook's document settings, or undefined (none saved, outside Office, or
 * the settings could not be read — start-up must never fail on this).
 */
export function documentLanguage(
  settings: () => DocumentSettingsLike | undefined = officeDocumentSettings,
): Lang | undefined {
  try {
    return parsePreferences(settings()?.get(SETTINGS_KEY)).lang;
  } catch {
    return undefined;
  }
}

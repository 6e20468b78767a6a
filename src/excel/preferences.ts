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
  /**
   * Month (1–12) from which last year's review counts as published, for the automatic review year (the core's
   * `defaultReviewYear`); undefined = the core's default (February).
   */
  cutoverMonth?: number;
  /** A local standard as JSON text (validated by the core before saving). */
  localStandard?: string;
  /**
   * The "Đơn vị" details printed in the frame of every form (issuing body, place, signers): text fields as
   * saved; the pane checks them with the core's `parseFrameOptions` where it uses them (kept out of this
   * start-up module).
   */
  frame?: Record<string, string>;
}

/** The stored value of SETTINGS_KEY → preferences; anything malformed is ignored field by field. */
export function parsePreferences(raw: unknown): DocumentPreferences {
  if (!raw || typeof raw !== "object") return { version: 1 };
  const r = raw as Record<string, unknown>;
  return {
    version: 1,
    lang: r.lang === "en" || r.lang === "vi" ? r.lang : undefined,
    reviewYear: typeof r.reviewYear === "number" && Number.isInteger(r.reviewYear) ? r.reviewYear : undefined,
    cutoverMonth:
      typeof r.cutoverMonth === "number" &&
      Number.isInteger(r.cutoverMonth) &&
      r.cutoverMonth >= 1 &&
      r.cutoverMonth <= 12
        ? r.cutoverMonth
        : undefined,
    localStandard: typeof r.localStandard === "string" ? r.localStandard : undefined,
    frame: textFields(r.frame),
  };
}

/** A plain object's string fields (anything else dropped), or undefined when none. */
function textFields(v: unknown): Record<string, string> | undefined {
  if (!v || typeof v !== "object" || Array.isArray(v)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) if (typeof x === "string") out[k] = x;
  return Object.keys(out).length ? out : undefined;
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

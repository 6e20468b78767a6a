/**
 * The single place that calls `Excel.run`. Every gateway function receives an `ExcelHost`; the default
 * one uses the global `Excel` (real Office.js, or the fake installed by the browser tests), and unit
 * tests pass the fake directly.
 */
import type { DocumentSettingsLike, ExcelContextLike } from "./office";
import { ExcelGatewayError } from "./errors";

export interface ExcelHost {
  /** Run one batch of work; the context is valid only inside `fn`. */
  run<T>(fn: (ctx: ExcelContextLike) => Promise<T>): Promise<T>;
  /** Document settings (Office.context.document.settings), or undefined outside Office. */
  settings(): DocumentSettingsLike | undefined;
  /** `Office.context.requirements.isSetSupported("ExcelApi", version)`. */
  supports(version: string): boolean;
}

type ExcelGlobal = { run: (options: object, fn: (ctx: unknown) => Promise<unknown>) => Promise<unknown> };
type OfficeGlobal = {
  context?: {
    document?: { settings?: DocumentSettingsLike };
    requirements?: { isSetSupported(name: string, version?: string): boolean };
  };
};

/**
 * The host backed by the global `Excel` object. `delayForCellEdit: true` makes Excel wait until the
 * user leaves cell-edit mode instead of failing with InvalidOperationInCellEditMode.
 */
export const officeHost: ExcelHost = {
  run<T>(fn: (ctx: ExcelContextLike) => Promise<T>): Promise<T> {
    const excel = (globalThis as { Excel?: ExcelGlobal }).Excel;
    if (!excel || typeof excel.run !== "function") {
      return Promise.reject(
        new ExcelGatewayError("NOT_IN_EXCEL", "Chức năng này chỉ chạy trong Excel.", "This works only inside Excel."),
      );
    }
    return excel.run({ delayForCellEdit: true }, (ctx) => fn(ctx as ExcelContextLike)) as Promise<T>;
  },
  settings() {
    return (globalThis as { Office?: OfficeGlobal }).Office?.context?.document?.settings;
  },
  supports(version: string) {
    const req = (globalThis as { Office?: OfficeGlobal }).Office?.context?.requirements;
    try {
      return req ? req.isSetSupported("ExcelApi", version) : false;
    } catch {
      return false;
    }
  },
};

/** An ExcelHost backed by a FakeWorkbook (jest). */
import type { ExcelHost } from "../../src/excel/host";
import type { ExcelContextLike } from "../../src/excel/office";
import type { FakeWorkbook } from "./fake-excel";

export function fakeHost(wb: FakeWorkbook): ExcelHost {
  return {
    run: (fn) => wb.run((ctx) => fn(ctx as unknown as ExcelContextLike)),
    settings: () => wb.settings,
    supports: (v) => wb.supports(v),
  };
}

/** Snapshot of every sheet (values, formulas, formats, names, …) keyed by sheet name. */
export function snapshotSheets(wb: FakeWorkbook, names?: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const s of wb.sheets) if (!names || names.includes(s.name)) out[s.name] = s.snapshot();
  return out;
}

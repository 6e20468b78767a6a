/**
 * Giúp hộ có địa chỉ, the work behind the pane: find the register, quota and roster sheets of the workbook
 * (core/sponsors `detectRegister`, core/sheet `detect`), read them once, and compute the period's report
 * (core/sponsors `computeSponsorship`, `buildSponsorTables`). The same composition as `poverty sponsors`; no rule here.
 */
import type { Grid } from "../../../core/grid";
import type { Lang } from "../../../core/i18n";
import { detect, readSheet, HEADER_SCAN_ROWS } from "../../../core/sheet";
import { standardForYear, type Standard } from "../../../core/standards";
import {
  buildSponsorTables,
  computeSponsorship,
  detectRegister,
  readQuotas,
  readRegister,
  recognisedCategories,
  type Period,
  type RosterSnapshot,
  type SponsorshipResult,
} from "../../../core/sponsors";
import { fail } from "../../../core/errors";
import type { FrameOptions, ResultTable } from "../../../core/tables";
import { sortFindings } from "../../../core/findings";
import type { ExcelHost } from "../../../excel/host";
import { listSheets, readSheetGrid } from "../../../excel/read";
import { translate } from "../../strings";

/** What a sheet of the workbook is, for the pickers. */
export type SponsorSheetKind = "register" | "quota" | "roster" | "other";

export interface SponsorSheet {
  name: string;
  kind: SponsorSheetKind;
  /** A review year found in the title ("NĂM 2025"), for rosters. */
  yearHint?: number;
}

/** Preview every visible sheet the add-in did not write and say what it is. */
export async function discoverSponsorSheets(host: ExcelHost): Promise<SponsorSheet[]> {
  const sheets = (await listSheets(host)).filter((s) => s.visible && !s.generated);
  const out: SponsorSheet[] = [];
  for (const s of sheets) {
    const preview = await readSheetGrid(s.name, { host, maxRows: HEADER_SCAN_ROWS, numberFormats: false });
    const r = detectRegister(preview);
    if (r.kind !== "unknown") {
      out.push({ name: s.name, kind: r.kind });
      continue;
    }
    const d = detect(preview);
    out.push({
      name: s.name,
      kind: d.kind === "roster" ? "roster" : "other",
      ...(d.yearHint ? { yearHint: d.yearHint } : {}),
    });
  }
  return out;
}

export interface SponsorsInput {
  register: string;
  quota?: string;
  start: { sheet: string; year: number };
  end?: { sheet: string; year: number };
  period: Period;
  lang: Lang;
  /** The local standard from Settings, when the planner set one. */
  local?: Standard;
  /** The planner's details for the forms' administrative frame (Settings). */
  frame?: FrameOptions;
  host: ExcelHost;
  signal: AbortSignal;
  onProgress?: (text: string) => void;
}

async function roster(
  input: SponsorsInput,
  which: { sheet: string; year: number },
  grid: (name: string) => Promise<Grid>,
): Promise<RosterSnapshot> {
  const standard = standardForYear(which.year, input.local ? { local: input.local } : {});
  const read = readSheet(await grid(which.sheet), { kind: "roster", standard });
  const errors = read.findings.filter((f) => f.severity === "error");
  const households = (read.roster ?? []).map((r) => r.household);
  if (households.length === 0 || errors.length > 0) {
    const first = errors[0];
    fail(
      "MISSING_VALUE",
      translate("vi", "sponsors.rosterErrors", {
        sheet: which.sheet,
        n: errors.length,
        first: first ? first.messageVi : "",
      }),
      translate("en", "sponsors.rosterErrors", {
        sheet: which.sheet,
        n: errors.length,
        first: first ? first.messageEn : "",
      }),
      { sheet: which.sheet, cell: first?.cell },
    );
  }
  return { households, categories: recognisedCategories(households, standard), name: which.sheet };
}

/** Read the chosen sheets and build the report (tables in the chosen language) — nothing is written here. */
export async function prepareSponsors(
  input: SponsorsInput,
): Promise<{ result: SponsorshipResult; tables: ResultTable[] }> {
  const grid = (name: string) =>
    readSheetGrid(name, {
      host: input.host,
      signal: input.signal,
      onProgress: (p) =>
        input.onProgress?.(
          translate(input.lang, "common.reading", { sheet: name, done: p.rowsRead, total: p.totalRows }),
        ),
    });
  const register = readRegister(await grid(input.register));
  if (register.detection.kind !== "register")
    fail("MISSING_VALUE", translate("vi", "sponsors.noRegister"), translate("en", "sponsors.noRegister"), {
      sheet: input.register,
    });
  const quotas = input.quota ? readQuotas(await grid(input.quota)) : undefined;
  const start = await roster(input, input.start, grid);
  const end = input.end ? await roster(input, input.end, grid) : undefined;
  const result = computeSponsorship([register], {
    period: input.period,
    start,
    ...(end ? { end } : {}),
    quotas: quotas?.quotas ?? [],
  });
  const findings = sortFindings([...result.findings, ...(quotas?.findings ?? [])]);
  const full = { ...result, findings };
  return {
    result: full,
    tables: buildSponsorTables(full, { lang: input.lang, ...(input.frame ? { frame: input.frame } : {}) }),
  };
}

/**
 * What every fuzz case must hold, whatever its bytes (the product's promises in docs/security.md):
 * - no crash: reading either returns sheets or throws a PovertyError FILE_UNREADABLE that names the file in
 *   Vietnamese and English (no English fragment in the Vietnamese reason); no other exception escapes; the
 *   checks never fail with a defect of ours (FILE_CHECK_FAILED, "Lỗi không mong đợi", a stack trace);
 * - no silent success: a file that could not be read is never "no findings" — the command exits 2 and says so
 *   with the file's name; a file that was read yields at least one sheet, every one described;
 * - the reader is one reader: the synchronous (buffer) and streaming (file) paths agree exactly;
 * - what was read is well formed: every cell is a finite number, a string within Excel's 32,767 characters, a
 *   boolean, a valid date, an error value or blank, and every reading issue points at a cell of the sheet;
 * - no data change, nothing half-written: inputs keep their bytes; a failed command leaves no output and no
 *   temporary file; a written output is read back by the product's own reader.
 * Each check throws an Error naming what broke; fast-check shrinks the case and prints it.
 */
import { isCellError, type CellValue, type Grid } from "../../src/core/grid";
import { isPovertyError } from "../../src/core/errors";
import { validateEachWorkbook } from "../../src/core/validate";
import { readWorkbookBuffer, nodeInflateRaw } from "../../src/xlsx/read";
import { parseXlsx } from "../../src/xlsx/parse";
import { FUZZ_YEAR } from "./seeds";

export type ReadOutcome = { ok: true; grids: Grid[] } | { ok: false; vi: string; en: string };

function broken(what: string): never {
  throw new Error(what);
}

/** English that must never show in a Vietnamese message (issue 13: "no end of central directory"). */
const ENGLISH =
  /\b(the|cannot|invalid|unexpected|error|directory|header|entry|offset|zlib|incorrect|unknown|missing|file|part|unsupported|Uint8Array|undefined|null|NaN)\b/i;

function outcomeOf(name: string, f: () => Grid[]): ReadOutcome {
  try {
    return { ok: true, grids: f() };
  } catch (e) {
    return refusal(name, e);
  }
}

function refusal(name: string, e: unknown): ReadOutcome {
  if (!isPovertyError(e))
    return broken(`reader crashed: ${e instanceof Error ? `${e.name}: ${e.message}\n${e.stack}` : String(e)}`);
  if (e.code !== "FILE_UNREADABLE") broken(`reader threw ${e.code} instead of FILE_UNREADABLE: ${e.messageEn}`);
  if (!e.messageVi.includes(`"${name}"`) || !e.messageEn.includes(`"${name}"`))
    broken(`the refusal does not name the file: ${e.messageVi} / ${e.messageEn}`);
  const viReason = e.messageVi
    .split(`"${name}"`)
    .slice(1)
    .join(" ")
    .replace(/"[^"]*"/g, "");
  if (ENGLISH.test(viReason)) broken(`English in the Vietnamese message: ${e.messageVi}`);
  return { ok: false, vi: e.messageVi, en: e.messageEn };
}

function validCell(v: CellValue | undefined): boolean {
  if (v === null) return true;
  switch (typeof v) {
    case "number":
      return Number.isFinite(v);
    case "string":
      return v.length <= 32_767;
    case "boolean":
      return true;
    case "object":
      return v instanceof Date ? !Number.isNaN(v.getTime()) : isCellError(v);
    default:
      return false;
  }
}

/** Every grid is well formed (see the header). */
export function checkGrids(grids: Grid[]): void {
  if (!grids.length) broken("the reader returned no sheet without refusing the file");
  for (const g of grids) {
    if (typeof g.sheetName !== "string") broken("a sheet without a name");
    if (!/^[A-Z]{1,3}[1-9]\d*$/.test(g.origin)) broken(`origin ${g.origin}`);
    if (!Array.isArray(g.values)) broken(`sheet ${g.sheetName}: values is not an array`);
    for (let r = 0; r < g.values.length; r++) {
      const row = g.values[r];
      if (!Array.isArray(row)) broken(`sheet ${g.sheetName}: row ${r} is not an array`);
      for (let c = 0; c < row.length; c++)
        if (!validCell(row[c]))
          broken(`sheet ${g.sheetName}: cell [${r},${c}] holds ${JSON.stringify(row[c]) ?? String(row[c])}`);
    }
    for (const i of g.readIssues ?? []) {
      // Relative to the origin; may lie past the values (a cell read as blank at the end of a row is trimmed).
      if (!(i.row0 >= 0 && i.col0 >= 0 && i.row0 < 1_048_576 && i.col0 < 16_384))
        broken(`sheet ${g.sheetName}: a reading issue outside the sheet (${i.row0},${i.col0})`);
      if (!i.reason.vi || !i.reason.en) broken(`sheet ${g.sheetName}: a reading issue without a reason`);
    }
    for (const m of g.merges ?? []) if (!/^[A-Z]+\d+(:[A-Z]+\d+)?$/.test(m)) broken(`merge "${m}"`);
  }
}

/**
 * Read the bytes both ways (in memory, synchronously; streamed, as the CLI reads a file) and check the outcome.
 * Returns the outcome for the command checks.
 */
export async function checkReader(bytes: Buffer, name: string): Promise<ReadOutcome> {
  const sync = outcomeOf(name, () => readWorkbookBuffer(bytes, name));
  let streamed: ReadOutcome;
  try {
    streamed = { ok: true, grids: await parseXlsx(bytes, name, nodeInflateRaw) };
  } catch (e) {
    streamed = refusal(name, e);
  }
  if (sync.ok !== streamed.ok)
    broken(
      `the two reading paths disagree: in memory ${sync.ok ? "read it" : `refused (${sync.en})`}, streamed ${streamed.ok ? "read it" : `refused (${streamed.en})`}`,
    );
  if (sync.ok && streamed.ok) {
    checkGrids(sync.grids);
    const a = JSON.stringify(sync.grids);
    if (a !== JSON.stringify(streamed.grids)) broken("the two reading paths read different cells");
  }
  return sync;
}

/** The core's checks over what was read: findings only, never a defect (FILE_CHECK_FAILED). */
export function checkValidation(grids: Grid[], name: string): void {
  const { report, failures } = validateEachWorkbook([{ file: name, grids: grids.map((g) => ({ ...g, file: name })) }], {
    year: FUZZ_YEAR,
  });
  if (failures.length) {
    const e = failures[0].error;
    broken(`the checks crashed on what was read: ${e instanceof Error ? `${e.message}\n${e.stack}` : String(e)}`);
  }
  if (report.files.length !== 1) broken(`validation reported ${report.files.length} files for 1`);
  for (const f of report.files[0].findings) {
    if (!f.messageVi || !f.messageEn || !f.code) broken(`a finding without message or code: ${JSON.stringify(f)}`);
    // A value quoted from the file may be "NaN"; the product's own words never are.
    if (/\bNaN\b|undefined|\[object Object\]/.test(unquoted(f.messageVi + f.messageEn)))
      broken(`a finding with NaN/undefined in its message: ${f.messageEn}`);
  }
}

/** The text without what it quotes from the file ("…", “…”). */
export const unquoted = (s: string) => s.replace(/"[^"]*"|“[^”]*”/g, "");

/** Text that only a defect of ours prints (a crash made visible, even when it names the file). */
export const DEFECT =
  /Lỗi không mong đợi|Unexpected error|lỗi ngoài dự kiến|unexpected defect|FILE_CHECK_FAILED|\n\s+at \S+ \(|\[object Object\]|(?<!\b(?:is|are) )\bundefined\b/;

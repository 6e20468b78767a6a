/**
 * Forced recalculation by headless LibreOffice (CONTRIBUTING.md, tests).
 *
 * LibreOffice's default for OOXML is "never recalculate": a formula with a cached value comes back with that
 * value. A throwaway profile with OOXMLRecalcMode=0 ("always") makes it recompute every formula on load; the
 * converted copy then carries LibreOffice's own results, which we compare with the values the core computed
 * (the cached values our writer stored). Each call gets its own profile: two soffice processes cannot share one.
 */
import ExcelJS from "exceljs";
import { execFileSync } from "child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { basename, join, resolve } from "path";

const CANDIDATES = [
  "/usr/bin/soffice",
  "/usr/local/bin/soffice",
  "/usr/lib/libreoffice/program/soffice",
  "/opt/libreoffice/program/soffice",
];

export const SOFFICE: string | undefined = process.env.SOFFICE ?? CANDIDATES.find((p) => existsSync(p));

/**
 * True when LibreOffice tests can run. When soffice is missing: on CI (process.env.CI set) this throws, so
 * the gap cannot pass silently; locally the tests are skipped with a loud warning.
 */
export function libreOfficeAvailable(suite: string): boolean {
  if (SOFFICE) return true;
  if (process.env.CI) throw new Error(`${suite}: LibreOffice (soffice) is required on CI but was not found`);
  console.warn(
    `\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n` +
      `!! ${suite}: LibreOffice (soffice) NOT FOUND — formula recalculation tests SKIPPED.\n` +
      `!! Install: apt-get install -y --no-install-recommends libreoffice-calc-nogui\n` +
      `!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n`,
  );
  return false;
}

const RECALC_XCU = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/**
 * Recalculate several .xlsx files in ONE soffice call (≈1 s each). Returns the recalculated copies, in order,
 * in a fresh output folder (inputs must have distinct base names).
 */
export function recalcFiles(paths: string[], outDir?: string): string[] {
  if (!SOFFICE) throw new Error("soffice not found");
  const names = paths.map((p) => basename(p));
  if (new Set(names).size !== names.length) throw new Error("recalcFiles: input base names must be distinct");
  const work = mkdtempSync(join(tmpdir(), "lo-recalc-"));
  const profile = join(work, "profile");
  mkdirSync(join(profile, "user"), { recursive: true });
  writeFileSync(join(profile, "user", "registrymodifications.xcu"), RECALC_XCU);
  const out = resolve(outDir ?? join(work, "out"));
  mkdirSync(out, { recursive: true });
  try {
    execFileSync(
      SOFFICE,
      [
        `-env:UserInstallation=file://${resolve(profile)}`,
        "--headless",
        "--norestore",
        "--convert-to",
        "xlsx",
        "--outdir",
        out,
        ...paths.map((p) => resolve(p)),
      ],
      { stdio: "pipe", timeout: 60_000 + 15_000 * paths.length },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const outputs = names.map((n) => join(out, n.replace(/\.[^.]+$/, "") + ".xlsx"));
  for (const o of outputs) if (!existsSync(o)) throw new Error(`LibreOffice did not produce ${o}`);
  return outputs;
}

export interface FormulaRecord {
  sheet: string;
  address: string;
  formula: string;
  result: unknown;
}

/** Every formula cell of a workbook with its (cached or recalculated) result. */
export async function readFormulaCells(path: string): Promise<FormulaRecord[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const out: FormulaRecord[] = [];
  wb.eachSheet((ws) => {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value as unknown;
        if (v && typeof v === "object" && ("formula" in v || "sharedFormula" in v)) {
          const f = v as { formula?: string; sharedFormula?: string; result?: unknown };
          out.push({
            sheet: ws.name,
            address: cell.address,
            formula: f.formula ?? `(shared ${f.sharedFormula})`,
            result: f.result,
          });
        }
      });
    });
  });
  return out;
}

export interface Mismatch {
  sheet: string;
  address: string;
  formula: string;
  expected: unknown;
  actual: unknown;
}

function same(expected: unknown, actual: unknown, tol: number): boolean {
  if (typeof expected === "number" && typeof actual === "number")
    return Math.abs(expected - actual) <= tol * Math.max(1, Math.abs(expected));
  return expected === actual;
}

/**
 * Compare each formula of `original` (cached value = what the core computed) with the value LibreOffice computed
 * in `recalculated`. A formula whose recalculated value is missing, an error, or different is a mismatch.
 */
export async function compareWithRecalculated(
  original: string,
  recalculated: string,
  tol = 1e-9,
): Promise<{ checked: FormulaRecord[]; mismatches: Mismatch[] }> {
  const before = await readFormulaCells(original);
  const after = new Map((await readFormulaCells(recalculated)).map((r) => [`${r.sheet}!${r.address}`, r]));
  const mismatches: Mismatch[] = [];
  for (const b of before) {
    const a = after.get(`${b.sheet}!${b.address}`);
    const actual = a === undefined ? "(formula lost)" : a.result;
    if (!same(b.result, actual, tol))
      mismatches.push({ sheet: b.sheet, address: b.address, formula: b.formula, expected: b.result, actual });
  }
  return { checked: before, mismatches };
}

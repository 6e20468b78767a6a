/**
 * One end-to-end validation of an .xlsx file in a fresh process (so its peak memory is its own, like a
 * `poverty validate` run): read the workbook (src/xlsx/read), parse every sheet and run every rule
 * (src/core/validate validateWorkbooks). Prints "@@VALIDATE <json>" with the wall time of read and of
 * validate, findings, and the process's peak RSS.
 * Usage: node lib/bench/validate-child.js <file.xlsx> <year>
 */
import { nowMs, peakRssMB } from "./harness";
import { tryLoadAll } from "./load";

interface Grid {
  sheetName: string;
  values: unknown[][];
}
interface Mods {
  xlsx: Record<string, (...a: unknown[]) => unknown>;
  validate: {
    validateWorkbooks(
      inputs: { file: string; grids: Grid[] }[],
      opts: { year?: number },
    ): {
      summary: { errors: number; warnings: number; infos: number };
      sheets: { kind?: string }[];
      files: { findings: { code: string }[] }[];
    };
  };
}

/** readWorkbookFile may return grids, a workbook input, or a result object: accept each shape. */
function toGrids(r: unknown): Grid[] {
  if (Array.isArray(r)) return r as Grid[];
  const o = r as { grids?: Grid[]; workbook?: { grids?: Grid[] } };
  if (o?.grids) return o.grids;
  if (o?.workbook?.grids) return o.workbook.grids;
  throw new Error("readWorkbookFile returned no grids");
}

async function main(): Promise<void> {
  const [file, year] = process.argv.slice(2);
  const l = tryLoadAll<Mods>({
    xlsx: ["src/xlsx/read", ["readWorkbookFile"]],
    validate: ["src/core/validate", ["validateWorkbooks"]],
  });
  if (!l.ok) {
    process.stdout.write(`@@VALIDATE ${JSON.stringify({ unavailable: l.reason })}\n`);
    return;
  }
  const t0 = nowMs();
  const read = await l.mod.xlsx.readWorkbookFile(file);
  const grids = toGrids(read);
  const t1 = nowMs();
  const report = l.mod.validate.validateWorkbooks([{ file, grids }], { year: Number(year) });
  const t2 = nowMs();
  const codes: Record<string, number> = {};
  for (const f of report.files.flatMap((x) => x.findings)) codes[f.code] = (codes[f.code] ?? 0) + 1;
  process.stdout.write(
    `@@VALIDATE ${JSON.stringify({
      readMs: t1 - t0,
      validateMs: t2 - t1,
      totalMs: t2 - t0,
      rows: grids.reduce((a, g) => a + g.values.length, 0),
      kinds: report.sheets.map((s) => s.kind ?? "?"),
      summary: report.summary,
      codes,
      peakRssMB: peakRssMB(),
    })}\n`,
  );
}

main().catch((e) => {
  process.stdout.write(`@@VALIDATE ${JSON.stringify({ error: (e as Error).message })}\n`);
  process.exitCode = 1;
});

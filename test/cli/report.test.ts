import ExcelJS from "exceljs";
import { existsSync, mkdtempSync, writeFileSync, readFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { main } from "../../src/cli/main";
import { detect } from "../../src/core/sheet/detect";
import type { CellValue } from "../../src/core/grid";
import { renderFirstPages } from "../../src/xlsx/images";
import { libreOfficeAvailable } from "../support/recalc";

function io(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l), cwd }, out, err };
}

async function grid(path: string, sheet: number) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.worksheets[sheet];
  const values: CellValue[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    const line: CellValue[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const v = row.getCell(c).value as unknown;
      line.push(
        v && typeof v === "object" && "formula" in (v as object)
          ? ((v as { result?: CellValue }).result ?? null)
          : ((v as CellValue) ?? null),
      );
    }
    values[r - 1] = line;
  });
  for (let i = 0; i < values.length; i++) values[i] ??= [];
  return {
    sheetName: ws.name,
    origin: "A1",
    values,
    merges: (ws.model as unknown as { merges?: string[] }).merges ?? [],
  };
}

describe("poverty template", () => {
  const dir = mkdtempSync(join(tmpdir(), "cli-template-"));

  test("writes roster + summary templates the sheet detector recognises", async () => {
    const r = io(dir);
    expect(await main(["template", "--rows", "10", "--out", "blank.xlsx"], r.io)).toBe(0);
    const path = join(dir, "blank.xlsx");
    expect(existsSync(path)).toBe(true);
    const roster = detect(await grid(path, 0));
    expect(roster.kind).toBe("roster");
    const fields = Object.keys(roster.mapping.byField);
    for (const f of [
      "id",
      "head",
      "unit",
      "village",
      "area",
      "members",
      "income",
      "ethnicMinority",
      "agricultural",
      "depTotal",
      "category",
    ])
      expect(fields).toContain(f);
    expect(fields.filter((f) => f.startsWith("dep.")).length).toBe(12);
    const summary = detect(await grid(path, 1));
    expect(summary.kind).toBe("summary");
  });

  test("never overwrites an existing file without --force; bad usage exits 2", async () => {
    const path = join(dir, "keep.xlsx");
    writeFileSync(path, "mine");
    const r = io(dir);
    expect(await main(["template", "--out", "keep.xlsx"], r.io)).toBe(2);
    expect(readFileSync(path, "utf8")).toBe("mine");
    expect(await main(["template", "--kind", "nope", "--out", "x.xlsx"], io(dir).io)).toBe(2);
    expect(await main(["template"], io(dir).io)).toBe(2);
  });

  test("English summary only", async () => {
    expect(await main(["template", "--kind", "summary", "--lang", "en", "--out", "en.xlsx"], io(dir).io)).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "en.xlsx"));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Form 1 - Input"]);
  });
});

const lo = libreOfficeAvailable("test/cli/report.test.ts");
(lo ? test : test.skip)("renderFirstPages writes a PNG of the first page", async () => {
  const dir = mkdtempSync(join(tmpdir(), "cli-img-"));
  expect(await main(["template", "--kind", "summary", "--rows", "5", "--out", "t.xlsx"], io(dir).io)).toBe(0);
  const res = renderFirstPages(join(dir, "t.xlsx"), join(dir, "artifacts"));
  if (res.skipped) console.warn(res.skipped);
  else {
    expect(res.images).toHaveLength(1);
    expect(readFileSync(res.images[0]).subarray(1, 4).toString()).toBe("PNG");
  }
});

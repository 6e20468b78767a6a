/**
 * `poverty validate`, `poverty consolidate` and `poverty rules` through the real bin (node bin/poverty.js).
 * lib/ is built by `npm test`'s pretest; compiled here only when missing.
 */
import ExcelJS from "exceljs";
import { execFileSync, spawnSync } from "child_process";
import { createHash } from "crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import * as F from "../core/sheet/fixtures";
import { xlsxBuffer } from "../xlsx/read-fixtures";
import { rulesMarkdown } from "../../src/core/validate/docs";
import { compareWithRecalculated, libreOfficeAvailable, recalcFiles } from "../support/recalc";

const root = join(__dirname, "..", "..");
const bin = join(root, "bin", "poverty.js");
const dir = mkdtempSync(join(tmpdir(), "pp-cli-"));

beforeAll(async () => {
  if (!existsSync(join(root, "lib", "src", "cli", "commands", "validate.js")))
    execFileSync("npx", ["tsc", "-p", "tsconfig.cli.json"], { cwd: root, stdio: "ignore" });
  const ward = (unit: string, prefix: string, patch?: (h: F.HH[]) => F.HH[]) => {
    const hhs = F.CLEAN_HOUSEHOLDS.map((h, i) => ({ ...h, id: `${prefix}-${i + 1}` }));
    return F.rosterSheet({ unit, households: patch ? patch(hhs) : hhs });
  };
  mkdirSync(join(dir, "wards"));
  writeFileSync(join(dir, "wards", "xa-moi.xlsx"), await xlsxBuffer([ward("Xã Mới", "XM")]));
  writeFileSync(join(dir, "wards", "phuong-dong.xlsx"), await xlsxBuffer([ward("Phường Đông", "PD")]));
  writeFileSync(join(dir, "clean.xlsx"), await xlsxBuffer(F.cleanSubmission()));
  writeFileSync(
    join(dir, "bad.xlsx"),
    await xlsxBuffer([
      ward("Xã Sai", "XS", (h) =>
        h.map((x, i) => (i === 0 ? { ...x, income: 2_400_000 } : i === 1 ? { ...x, category: "=1+1" } : x)),
      ),
      F.summarySheet({ units: F.CLEAN_UNITS.map((u, i) => (i === 0 ? { ...u, poorRate: 8.12 } : u)) }),
    ]),
  );
  writeFileSync(join(dir, "dup.xlsx"), await xlsxBuffer([ward("Xã Trùng", "XM")]));
  writeFileSync(
    join(dir, "old.xls"),
    Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]),
  );
  writeFileSync(join(dir, "forms.xlsx"), await xlsxBuffer([F.summarySheet()]));
  const narrow = {
    name: "DS",
    rows: [
      ["Mã hộ", "Phân loại hộ"],
      ["NA-1", "Hộ nghèo"],
    ],
  };
  writeFileSync(join(dir, "narrow.xlsx"), await xlsxBuffer([narrow]));
});

function poverty(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("poverty validate", () => {
  test("a clean submission exits 0", () => {
    const r = poverty("validate", "clean.xlsx", "--year", "2024");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Tổng cộng: 0 lỗi, 0 cảnh báo/);
  });
  test("errors exit 1; the text report names file, sheet, cell, code and the Vietnamese message", () => {
    const r = poverty("validate", "bad.xlsx", "--year", "2024");
    expect(r.code).toBe(1);
    expect(r.out).toContain("Tệp: bad.xlsx");
    expect(r.out).toContain('Trang "Biểu 1"');
    expect(r.out).toMatch(/E6\s+LỖI\s+RATE_MISMATCH\s+Ô E6: tỷ lệ 8,12 %/);
    expect(r.out).toMatch(/HH_CATEGORY_MISMATCH/);
  });
  test("--format json has {files:[{file, findings}], summary:{errors, warnings, infos}}; --lang en", () => {
    const r = poverty("validate", "bad.xlsx", "clean.xlsx", "--year", "2024", "--format", "json");
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(Object.keys(j).sort()).toEqual(["files", "reviewYear", "sheets", "summary"]);
    expect(j.files.map((f: { file: string }) => f.file)).toEqual(["bad.xlsx", "clean.xlsx"]);
    expect(j.summary).toEqual({ errors: expect.any(Number), warnings: expect.any(Number), infos: expect.any(Number) });
    expect(j.summary.errors).toBeGreaterThanOrEqual(3);
    const f = j.files[0].findings.find((x: { code: string }) => x.code === "RATE_MISMATCH");
    expect(f).toMatchObject({ severity: "error", file: "bad.xlsx", sheet: "Biểu 1", cell: "E6", row: 6, column: 5 });
    expect(poverty("validate", "bad.xlsx", "--year", "2024", "--lang", "en").out).toMatch(/Cell E6: rate 8\.12%/);
  });
  test("an unreadable file exits 2 and the other files are still checked", () => {
    const r = poverty("validate", "old.xls", "bad.xlsx", "--year", "2024", "--format", "json");
    expect(r.code).toBe(2);
    const j = JSON.parse(r.out);
    expect(j.files[0].findings[0]).toMatchObject({ code: "FILE_UNREADABLE", file: "old.xls" });
    expect(j.files[0].findings[0].messageVi).toMatch(/\.xls/);
    expect(j.files[1].findings.some((x: { code: string }) => x.code === "RATE_MISMATCH")).toBe(true);
  });
  test("folders are expanded; cross-ward duplicate ids are found", () => {
    const r = poverty("validate", "wards", "dup.xlsx", "--year", "2024", "--format", "json");
    const j = JSON.parse(r.out);
    expect(j.files.map((f: { file: string }) => f.file)).toEqual([
      join("wards", "phuong-dong.xlsx"),
      join("wards", "xa-moi.xlsx"),
      "dup.xlsx",
    ]);
    expect(j.files[2].findings.filter((x: { code: string }) => x.code === "HH_DUPLICATE_ID_ACROSS")).toHaveLength(6);
    expect(r.code).toBe(1);
  });
  test("--out writes the core's findings table: one row per finding, HYPERLINK to the cell, user text as text", async () => {
    const r = poverty("validate", "bad.xlsx", "--year", "2024", "--out", "report.xlsx", "--format", "json");
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "report.xlsx"));
    const ws = wb.worksheets[0];
    const all = ws.getSheetValues() as ExcelJS.CellValue[][];
    const header = all.findIndex((x) => x?.[1] === "Mức độ");
    const rows = all.slice(header + 1).filter((x) => typeof x?.[2] === "string" && /^[A-Z_]+$/.test(x[2] as string));
    expect(rows).toHaveLength(j.files[0].findings.length);
    const rate = rows.find((x) => x[2] === "RATE_MISMATCH")!;
    expect(rate[1]).toBe("✖ Lỗi");
    expect(rate[5]).toEqual({ formula: `HYPERLINK("bad.xlsx#'Biểu 1'!E6","E6")`, result: "E6" });
    // The rate found and the rate expected are percentages (8,12 %), never the raw fraction as text ("0.0812").
    expect(typeof rate[8]).toBe("number");
    expect(rate[8]).toBeCloseTo(0.0812, 10);
    expect(ws.getCell(`H${all.indexOf(rate)}`).numFmt).toBe("0.00%");
    // The value a ward typed as "=1+1" stays text in the value column (never a formula).
    const formulaLike = rows.find((x) => x[2] === "VALUE_UNKNOWN_CATEGORY")!;
    expect(formulaLike[8]).toBe("=1+1");
    // LibreOffice, recalculating every formula, finds the cached links' labels.
    if (libreOfficeAvailable("findings workbook")) {
      const [again] = recalcFiles([join(dir, "report.xlsx")]);
      const { checked, mismatches } = await compareWithRecalculated(join(dir, "report.xlsx"), again);
      expect(checked.length).toBe(rows.filter((x) => typeof x[5] === "object").length);
      expect(mismatches).toEqual([]);
    }
  });
  test("inputs are never modified, and the report cannot overwrite an input", () => {
    const hash = () =>
      createHash("sha256")
        .update(readFileSync(join(dir, "bad.xlsx")))
        .digest("hex");
    const before = hash();
    expect(poverty("validate", "bad.xlsx", "--year", "2024", "--out", "bad.xlsx").code).toBe(2);
    poverty("validate", "bad.xlsx", "--year", "2024");
    expect(hash()).toBe(before);
  });
  test("bad usage exits 2", () => {
    expect(poverty("validate").code).toBe(2);
    expect(poverty("validate", "clean.xlsx", "--format", "xml").code).toBe(2);
    expect(poverty("validate", "clean.xlsx", "--year", "1990").code).toBe(2);
  });
});

describe("poverty consolidate", () => {
  test("merges ward rosters with a source column and a per-ward summary, dropping no row", async () => {
    const r = poverty("consolidate", "wards", "--out", "merged.xlsx", "--year", "2024");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Đã gộp 12 hộ từ 2 danh sách/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "merged.xlsx"));
    const [ws, sum] = wb.worksheets;
    expect(ws.rowCount).toBe(13);
    expect(ws.getCell("A2").value).toBe(`${join("wards", "phuong-dong.xlsx")} › Danh sách hộ`);
    const ids = (ws.getColumn(3).values as string[]).slice(2);
    expect(ids).toHaveLength(12);
    expect(new Set(ids).size).toBe(12);
    // The per-source summary is the core's table (title, header, one row per roster, totals as SUM formulas).
    const col = (c: number) => (sum.getColumn(c).values as ExcelJS.CellValue[]).slice(1);
    const first = col(1).indexOf(`${join("wards", "phuong-dong.xlsx")} › Danh sách hộ`) + 1;
    expect(first).toBeGreaterThan(1);
    expect(sum.getCell(first, 2).value).toBe(6);
    expect(sum.getCell(first + 2, 1).value).toBe("Tổng cộng");
    expect(sum.getCell(first + 2, 2).value).toMatchObject({ formula: `SUM(B${first}:B${first + 1})`, result: 12 });
    expect(poverty("validate", "merged.xlsx", "--year", "2024", "--format", "json").code).toBe(0);
    // LibreOffice, recalculating every formula, finds the cached totals.
    if (libreOfficeAvailable("consolidate summary")) {
      const [again] = recalcFiles([join(dir, "merged.xlsx")]);
      const { checked, mismatches } = await compareWithRecalculated(join(dir, "merged.xlsx"), again);
      // Every count column of the totals row (B to H) is a SUM over the two rosters' rows, and each was checked.
      expect(checked.map((c) => [c.sheet, c.address, c.formula])).toEqual(
        [..."BCDEFGH"].map((c) => [sum.name, `${c}${first + 2}`, `SUM(${c}${first}:${c}${first + 1})`]),
      );
      expect(mismatches).toEqual([]);
    }
  });
  test("refuses duplicate ids (exit 1, nothing written)", () => {
    const r = poverty("consolidate", "wards", "dup.xlsx", "--out", "m2.xlsx");
    expect(r.code).toBe(1);
    expect(r.out).toContain("HH_DUPLICATE_ID_ACROSS");
    expect(existsSync(join(dir, "m2.xlsx"))).toBe(false);
  });
  test("refuses incompatible columns and files without a roster", () => {
    const r = poverty("consolidate", "wards", "narrow.xlsx", "forms.xlsx", "--out", "m3.xlsx");
    expect(r.code).toBe(1);
    expect(r.out).toContain("CONSOLIDATE_INCOMPATIBLE");
    expect(r.out).toContain("CONSOLIDATE_NO_ROSTER");
    expect(existsSync(join(dir, "m3.xlsx"))).toBe(false);
  });
  test("never overwrites an input or an existing file without --force", () => {
    expect(poverty("consolidate", join("wards", "xa-moi.xlsx"), "--out", join("wards", "xa-moi.xlsx")).code).toBe(2);
    expect(poverty("consolidate", "wards", "--out", "clean.xlsx").code).toBe(2);
  });
});

describe("poverty rules", () => {
  test("--markdown prints the generated catalogue", () => {
    const r = poverty("rules", "--markdown");
    expect(r.code).toBe(0);
    expect(r.out.trimEnd()).toBe(rulesMarkdown().trimEnd());
  });
  test("docs/validation-rules.md is the generated catalogue (regenerate: node bin/poverty.js rules --out docs/validation-rules.md)", () => {
    expect(readFileSync(join(root, "docs", "validation-rules.md"), "utf8")).toBe(rulesMarkdown());
  });
});

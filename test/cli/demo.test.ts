/**
 * `poverty demo` through the real bin: the main job on built-in data writes every promised file and prints
 * numbers that equal the core's, and its validation step finds the planted mistakes and nothing in the clean file.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { classifyRoster } from "../../src/core/tables";
import { countsBy, formatNumber, formatPercent, generateSampleRosters, standardForYear } from "../../src/core";
import { readWorkbookFile } from "../../src/xlsx/read";
import { ensureCliBuilt, poverty } from "./bin";

let dir: string;
let run: { code: number; stdout: string; stderr: string };

beforeAll(async () => {
  await ensureCliBuilt();
  dir = mkdtempSync(join(tmpdir(), "pp-demo-"));
  run = poverty(dir, "demo", "--out", "out", "--year", "2026");
}, 180_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("poverty demo", () => {
  it("exits 0 and writes every output file", () => {
    expect(run.code).toBe(0);
    for (const f of [
      "danh-sach-ho-2025.xlsx",
      "danh-sach-ho-2026.xlsx",
      "ho-so-nop/phuong-an-hoa.xlsx",
      "ho-so-nop/xa-binh-dien.xlsx",
      "ho-so-nop/xa-hong-thuy.xlsx",
      "ket-qua-kiem-tra.xlsx",
      "bao-cao-2026.xlsx",
      "chi-tieu-2027.xlsx",
      "so-do-dau-2026.xlsx",
      "bao-cao-do-dau-2026.xlsx",
      "mau-bieu-trong.xlsx",
    ])
      expect(existsSync(join(dir, "out", f))).toBe(true);
  });

  it("says which review year and standard it uses and why, and writes counts in Vietnamese notation", () => {
    const lines = run.stdout.split("\n");
    expect(lines[1]).toBe(`Năm rà soát 2026 · ${standardForYear(2026).citation.vi}`);
    expect(lines[2]).toBe("(năm rà soát 2026 do người dùng chọn (tùy chọn --year))");
    const sample = generateSampleRosters({ seed: 2026 });
    expect(sample.current.length).toBeGreaterThanOrEqual(1000); // so the thousands separator shows
    expect(run.stdout).toContain(`${formatNumber(sample.current.length, "vi")} hộ năm 2026`);
    expect(run.stdout).toMatch(/Tổng cộng +\d{1,3}\.\d{3} /);
  });

  it("prints per-unit poor counts and rates equal to the core's classification", () => {
    const sample = generateSampleRosters({ seed: 2026 });
    const cats = classifyRoster(sample.current, standardForYear(2026));
    const by = countsBy(
      sample.current.map((h, i) => ({ h, c: cats[i] })),
      (r) => r.h.unit,
      (r) => r.c,
    );
    for (const g of by.groups) {
      const line = run.stdout
        .split("\n")
        .find((l) => l.trim().startsWith(g.key) && l.includes(formatPercent(g.poorRate, "vi")));
      expect(line).toBeDefined();
      expect(line).toContain(` ${g.poor} `);
    }
  });

  it("reports the planted mistakes with their codes and exits 1 from the validation step", () => {
    for (const code of [
      "HH_CATEGORY_MISMATCH",
      "HH_DUPLICATE_ID",
      "VALUE_FLAG_INVALID",
      "VALUE_NOT_NUMBER",
      "HH_DEP_COUNT_MISMATCH",
      "RATE_MISMATCH",
    ])
      expect(run.stdout).toContain(code);
    expect(run.stdout).toMatch(/mã thoát 1/);
  });

  it("sponsorship step: the register's planted mistakes are reported and the outcome table is printed", () => {
    for (const code of ["SPONSOR_UNKNOWN_HOUSEHOLD", "SPONSOR_NOT_POOR", "SPONSOR_INTEREST_ABOVE_DUE"])
      expect(run.stdout).toMatch(new RegExp(`\\[${code}\\] so-do-dau-2026\\.xlsx › Sổ đỡ đầu![A-Z]+\\d+`));
    expect(run.stdout).toMatch(/Hội Nông dân · Xã Hồng Thủy +\d+ +\d+ +\d+/);
    expect(run.stdout).toMatch(/So sánh đơn thuần \(không phải đánh giá tác động\)/);
  });

  it("writes a roster the product reads back as a roster of the same size", async () => {
    const grids = await readWorkbookFile(join(dir, "out", "danh-sach-ho-2026.xlsx"));
    const sample = generateSampleRosters({ seed: 2026 });
    const ids = grids[0].values.map((r) => r[0]).filter((v) => typeof v === "string" && /^\d{5}-\d{4}$/.test(v));
    expect(ids).toHaveLength(sample.current.length);
  });

  it("a re-run into its own folder replaces its files (no --force needed) and leaves no temporary file", () => {
    const again = poverty(dir, "demo", "--out", "out", "--year", "2026");
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(run.stdout);
    const all = (d: string): string[] =>
      readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? all(join(d, e.name)) : [e.name]));
    expect(all(join(dir, "out")).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  }, 180_000);

  it("rejects bad options with exit code 2", () => {
    const bad = poverty(dir, "demo", "--reduction", "0.015");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("Mức giảm “0.015” không đọc được");
    expect(bad.stderr).toContain("1,5 điểm %");
  });
});

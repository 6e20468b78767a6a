/**
 * `poverty report` and `poverty targets` through the real bin (node bin/poverty.js), on fixture workbooks
 * built in code with the product's own writer (buildRosterTable → writeTablesToFile) and ExcelJS.
 * Outputs are compared cell by cell with the core's tables rendered by the same writer in memory.
 */
import ExcelJS from "exceljs";
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { generateSampleRosters, resolveReviewYear, standardForYear, titleClue, type Household } from "../../src/core";
import { readWorkbookFile } from "../../src/xlsx/read";
import {
  buildReportTables,
  buildRosterTable,
  buildTargetTables,
  classifyRoster,
  computeTargets,
  tableLayout,
} from "../../src/core/tables";
import { tablesToWorkbook, writeTablesToFile } from "../../src/xlsx/write";
import { ensureCliBuilt, poverty } from "./bin";

jest.setTimeout(240_000);

const YEAR = 2025;
const standard = standardForYear(YEAR);

/** What a roster sheet carries of a household (the sample has more, e.g. causes, that the roster does not write). */
function asOnRoster(h: Household): Household {
  const out: Household = { id: h.id, unit: h.unit, area: h.area };
  for (const k of [
    "head",
    "village",
    "members",
    "incomePerCapita",
    "deprivationFlags",
    "ethnicMinority",
    "agricultural",
  ] as const)
    if (h[k] !== undefined) (out as unknown as Record<string, unknown>)[k] = h[k];
  return out;
}

const households: Household[] = (() => {
  const { current } = generateSampleRosters({ seed: 11 });
  const byUnit = new Map<string, Household[]>();
  for (const h of current) byUnit.set(h.unit, [...(byUnit.get(h.unit) ?? []), h]);
  return [...byUnit.values()].flatMap((hs) => hs.slice(0, 40)).map(asOnRoster);
})();

type Cell = string | number | boolean | null;
function cellValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === "object") {
    if ("formula" in v || "sharedFormula" in v) return ((v as ExcelJS.CellFormulaValue).result as Cell) ?? null;
    if ("richText" in v) return v.richText.map((r) => r.text).join("");
    if (v instanceof Date) return v.toISOString();
    return JSON.stringify(v);
  }
  return v as Cell;
}
function sheets(wb: ExcelJS.Workbook): Record<string, Cell[][]> {
  const out: Record<string, Cell[][]> = {};
  for (const ws of wb.worksheets) {
    const rows: Cell[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      const line: Cell[] = [];
      for (let c = 1; c <= ws.columnCount; c++) line.push(cellValue(row.getCell(c).value));
      rows[r - 1] = line;
    });
    out[ws.name] = rows;
  }
  return out;
}
async function readXlsx(path: string): Promise<Record<string, Cell[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return sheets(wb);
}

let dir: string;
beforeAll(async () => {
  await ensureCliBuilt();
  dir = mkdtempSync(join(tmpdir(), "cli-report-targets-"));
  await writeTablesToFile(
    [buildRosterTable(households, standard, { reviewYear: YEAR, categories: classifyRoster(households, standard) })],
    join(dir, "roster.xlsx"),
  );
  await writeTablesToFile(
    [buildRosterTable(households.slice(0, 10), standard, { title: { vi: "DANH SÁCH HỘ GIA ĐÌNH", en: "ROSTER" } })],
    join(dir, "roster-no-year.xlsx"),
  );
  await unitsFile("units.xlsx");
});

describe("poverty report", () => {
  test("writes the report set; every cell equals the core's tables; summary printed", async () => {
    const r = poverty(dir, "report", "roster.xlsx", "--out", "report.xlsx");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const categories = classifyRoster(households, standard);
    const expected = buildReportTables(households, standard, {
      reviewYear: YEAR,
      categories,
      lang: "vi",
      scopeName: "Danh sách hộ",
      // the CLI resolves the year from the roster's title and says so in a note of every form
      reviewYearReason: resolveReviewYear({ sheet: titleClue((await readWorkbookFile(join(dir, "roster.xlsx")))[0]) })
        .reason,
    });
    const got = await readXlsx(join(dir, "report.xlsx"));
    const want = sheets(await tablesToWorkbook(expected, { lang: "vi" }));
    expect(Object.keys(got)).toEqual(Object.keys(want));
    expect(Object.keys(got)).toEqual(expect.arrayContaining(["Biểu 1 - Kết quả", "Biểu 4 - Hộ nghèo"]));
    expect(got).toEqual(want);
    const poor = categories.filter((c) => c === "poor").length;
    expect(poor).toBeGreaterThan(0);
    expect(r.stdout).toContain(`Năm rà soát ${YEAR}`);
    expect(r.stdout).toContain(`${households.length} hộ: ${poor} hộ nghèo`);
    expect(r.stdout).toContain(`Đã ghi ${expected.length} biểu`);
  });

  test("English, and the year from --year when the title has none", async () => {
    // No year in the title: the default review year (the latest with results), said in the first line.
    const noYear = poverty(dir, "report", "roster-no-year.xlsx", "--out", "ny-default.xlsx");
    expect(noYear.code).toBe(0);
    expect(noYear.stdout.split("\n")[0]).toMatch(/^Năm rà soát \d{4} · chuẩn .+ · mặc định: năm rà soát gần nhất/);
    expect(existsSync(join(dir, "ny-default.xlsx"))).toBe(true);
    const r = poverty(dir, "report", "roster-no-year.xlsx", "--year", "2024", "--lang", "en", "--out", "ny.xlsx");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Review year 2024");
    expect(Object.keys(await readXlsx(join(dir, "ny.xlsx")))).toContain("Form 1 - Results");
  });

  test("reading errors: located messages (sheet, cell, vi, en), exit 1, nothing written", async () => {
    const roster = buildRosterTable(households.slice(0, 12), standard, { reviewYear: YEAR });
    const wb = await tablesToWorkbook([roster]);
    const ws = wb.worksheets[0];
    // Headers below the form's frame and title; households from `first` on.
    const { firstHeaderRow, firstBodyRow: first } = tableLayout(roster);
    const col = (header: string) => {
      let c = 0;
      ws.getRow(firstHeaderRow).eachCell((cell, n) => {
        if (String(cell.value).startsWith(header)) c = n;
      });
      if (!c) throw new Error(`no column ${header}`);
      return c;
    };
    ws.getCell(first + 1, col("Việc làm")).value = 2; // a flag must be 0/1
    ws.getCell(first + 2, col("Khu vực")).value = "Miền núi"; // not an area
    ws.getCell(first + 3, col("Thu nhập")).value = null; // needed to classify
    const letter = (r: number, c: number) => ws.getCell(r, c).address;
    await wb.xlsx.writeFile(join(dir, "bad.xlsx"));
    const r = poverty(dir, "report", "bad.xlsx", "--out", "bad-report.xlsx");
    expect(r.code).toBe(1);
    expect(existsSync(join(dir, "bad-report.xlsx"))).toBe(false);
    expect(r.stderr).toContain(`[VALUE_FLAG_INVALID] bad.xlsx › Danh sách hộ!${letter(first + 1, col("Việc làm"))}`);
    expect(r.stderr).toContain(`[VALUE_UNKNOWN_AREA] bad.xlsx › Danh sách hộ!${letter(first + 2, col("Khu vực"))}`);
    expect(r.stderr).toContain(`[VALUE_MISSING] bad.xlsx › Danh sách hộ!${letter(first + 3, col("Thu nhập"))}`);
    expect(r.stderr).toMatch(/Miền núi/);
    expect(r.stderr).toContain("Không lập báo cáo: danh sách hộ có 3 lỗi");
    expect(r.stderr).toContain("No report written: the roster has 3 errors");
  });

  test("duplicate household ids are errors", async () => {
    const dup = [...households.slice(0, 5), { ...households[5], id: households[1].id }];
    const dupTable = buildRosterTable(dup, standard, { reviewYear: YEAR });
    await writeTablesToFile([dupTable], join(dir, "dup.xlsx"));
    const r = poverty(dir, "report", "dup.xlsx", "--out", "dup-report.xlsx");
    expect(r.code).toBe(1);
    // The sixth household (index 5) repeats the second one's id.
    expect(r.stderr).toContain(`[HH_DUPLICATE_ID] dup.xlsx › Danh sách hộ!A${tableLayout(dupTable).firstBodyRow + 5}`);
  });

  test("missing file, unreadable file, no roster sheet and bad usage exit 2; the input is never overwritten", async () => {
    const missing = poverty(dir, "report", "nope.xlsx", "--out", "x.xlsx");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("FILE_UNREADABLE");
    expect(missing.stderr).toContain("không tìm thấy tệp");

    writeFileSync(join(dir, "data.csv"), "Mã hộ;Khu vực\n01;Nông thôn\n");
    const csv = poverty(dir, "report", "data.csv", "--out", "x.xlsx");
    expect(csv.code).toBe(2);
    expect(csv.stderr).toContain("CSV");

    const before = readFileSync(join(dir, "roster.xlsx"));
    const mtime = statSync(join(dir, "roster.xlsx")).mtimeMs;
    for (const extra of [[], ["--force"]]) {
      const r = poverty(dir, "report", "roster.xlsx", "--out", "roster.xlsx", ...extra);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("Không ghi đè tệp đầu vào");
    }
    expect(readFileSync(join(dir, "roster.xlsx")).equals(before)).toBe(true);
    expect(statSync(join(dir, "roster.xlsx")).mtimeMs).toBe(mtime);

    writeFileSync(join(dir, "exists.xlsx"), "mine");
    expect(poverty(dir, "report", "roster.xlsx", "--out", "exists.xlsx").code).toBe(2); // exists, no --force
    expect(readFileSync(join(dir, "exists.xlsx"), "utf8")).toBe("mine");
    expect(poverty(dir, "report", "roster.xlsx").code).toBe(2);
    expect(poverty(dir, "report", "roster.xlsx", "--year", "20x5", "--out", "y.xlsx").code).toBe(2);
    expect(poverty(dir, "report", "roster.xlsx", "--year", "2010", "--out", "y.xlsx").stderr).toContain("UNKNOWN_YEAR");
    const noRoster = poverty(dir, "report", "units.xlsx", "--out", "y.xlsx");
    expect(noRoster.code).toBe(2);
    expect(noRoster.stderr).toContain("Không tìm thấy trang danh sách hộ");
  });
});

// ------------------------------------------------------------------------------------------- targets

const UNITS = [
  { name: "Xã A", households: 1200, poor: 96, tier: "A" },
  { name: "Xã B", households: 800, poor: 24, tier: "B" },
  { name: "Phường C", households: 2000, poor: 30, tier: "B" },
];

async function unitsFile(name: string, edit?: (ws: ExcelJS.Worksheet) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Tổng hợp");
  ws.addRow(["TỔNG HỢP KẾT QUẢ RÀ SOÁT HỘ NGHÈO NĂM 2025"]);
  ws.addRow([]);
  ws.addRow(["STT", "Đơn vị", "Tổng số hộ", "Số hộ nghèo", "Nhóm"]);
  UNITS.forEach((u, i) => ws.addRow([i + 1, u.name, u.households, u.poor, u.tier]));
  ws.addRow([null, "Tổng cộng", 4000, 150, null]);
  edit?.(ws);
  await wb.xlsx.writeFile(join(dir, name));
}

const coreUnits = UNITS.map((u, i) => ({
  code: String(i + 1).padStart(2, "0"),
  name: u.name,
  households: u.households,
  poor: u.poor,
  tier: u.tier,
}));

describe("poverty targets", () => {
  test("proportional 1 pp with a 3-year path: tables equal the core's, allocation printed", async () => {
    const r = poverty(dir, "targets", "units.xlsx", "--reduction", "1", "--years", "3", "--out", "targets.xlsx");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const input = { units: coreUnits, reduction: 0.01, method: "proportional" as const, baseYear: 2025, years: 3 };
    const want = sheets(
      await tablesToWorkbook(buildTargetTables(input, { lang: "vi", scopeName: "Tổng hợp" }), { lang: "vi" }),
    );
    const got = await readXlsx(join(dir, "targets.xlsx"));
    expect(Object.keys(got)).toEqual(["Chỉ tiêu 2026", "Kiểm tra phân bổ", "Lộ trình"]);
    expect(got).toEqual(want);
    // 1 pp of 4,000 households = 40; quotas 25.6 / 6.4 / 8 → 26 / 6 / 8 (largest remainder).
    expect(computeTargets(input).allocation.rows.map((x) => x.allocated)).toEqual([26, 6, 8]);
    expect(r.stdout).toContain("giảm 1 điểm % tỷ lệ hộ nghèo trên 4.000 hộ = giảm 40 hộ nghèo");
    expect(r.stdout).toMatch(/Xã A\s+96\s+25,60\s+26\s+8,00 %\s+5,83 %/);
    expect(r.stdout).toMatch(/Xã B\s+24\s+6,40\s+6\s+3,00 %\s+2,25 %/);
    expect(r.stdout).toMatch(/Tổng cộng\s+150\s+40,00\s+40\s+3,75 %\s+2,75 %/);
  });

  test('"3", "3pp", "3%" and "3 điểm %" all mean 3 points (0.03), read by the core; "0.03" is refused with a hint', async () => {
    const runs = [
      poverty(dir, "targets", "units.xlsx", "--reduction", "3", "--lang", "en", "--out", "t3.xlsx"),
      poverty(dir, "targets", "units.xlsx", "--reduction", "3pp", "--lang", "en", "--out", "t3pp.xlsx"),
      poverty(dir, "targets", "units.xlsx", "--reduction", "3%", "--lang", "en", "--out", "t3pc.xlsx"),
      poverty(dir, "targets", "units.xlsx", "--reduction", "3 điểm %", "--lang", "en", "--out", "t3d.xlsx"),
    ];
    for (const x of runs) {
      expect(x.code).toBe(0);
      expect(x.stdout).toContain("reduce the poverty rate by 3 pp over 4,000 households = 120 fewer poor households");
    }
    // A fraction typed by habit (the old CLI's 0.03) would be a fall of 0.03 points: refused, never misread.
    const habit = poverty(dir, "targets", "units.xlsx", "--reduction", "0.03", "--out", "t003.xlsx");
    expect(habit.code).toBe(2);
    expect(habit.stderr).toContain("Mức giảm “0.03” không đọc được");
    expect(habit.stderr).toContain("3 điểm %");
    expect(habit.stderr).toContain("3 pp");
    expect(existsSync(join(dir, "t003.xlsx"))).toBe(false);
    expect(poverty(dir, "targets", "units.xlsx", "--reduction", "abc", "--out", "t3.xlsx").code).toBe(2);
  });

  test("tiered from a tier column; weighted needs a weight column", async () => {
    const r = poverty(
      dir,
      "targets",
      "units.xlsx",
      "--method",
      "tiered",
      "--tiers",
      "A=4,B=1pp",
      "--out",
      "tiered.xlsx",
    );
    expect(r.code).toBe(0);
    // 4 % × 1200 + 1 % × 800 + 1 % × 2000 = 48 + 8 + 20 = 76
    expect(r.stdout).toContain("phân bổ theo nhóm = giảm 76 hộ nghèo");
    const want = sheets(
      await tablesToWorkbook(
        buildTargetTables(
          { units: coreUnits, method: "tiered", tierReductions: { A: 0.04, B: 0.01 }, baseYear: 2025, years: 0 },
          { lang: "vi", scopeName: "Tổng hợp" },
        ),
        { lang: "vi" },
      ),
    );
    expect(await readXlsx(join(dir, "tiered.xlsx"))).toEqual(want);

    const w = poverty(dir, "targets", "units.xlsx", "--method", "weighted", "--reduction", "1", "--out", "w.xlsx");
    expect(w.code).toBe(1);
    expect(w.stderr).toContain("[STRUCT_MISSING_COLUMN] units.xlsx › Tổng hợp");
    expect(w.stderr).toContain('Thiếu cột "Trọng số" trong biểu tổng hợp.');
    await unitsFile("units-w.xlsx", (ws) => {
      ws.getCell("F3").value = "Trọng số";
      ws.getCell("F4").value = 3;
      ws.getCell("F5").value = 1;
    });
    const w2 = poverty(dir, "targets", "units-w.xlsx", "--method", "weighted", "--reduction", "1", "--out", "w.xlsx");
    expect(w2.code).toBe(1);
    expect(w2.stderr).toContain("[VALUE_MISSING] units-w.xlsx › Tổng hợp!F6");
    await unitsFile("units-w2.xlsx", (ws) => {
      ws.getCell("F3").value = "Trọng số";
      [3, 1, 1].forEach((x, i) => (ws.getCell(`F${4 + i}`).value = x));
    });
    const w3 = poverty(dir, "targets", "units-w2.xlsx", "--method", "weighted", "--reduction", "1", "--out", "w.xlsx");
    expect(w3.code).toBe(0);
    // 40 households by weight 3:1:1 → 24 / 8 / 8
    expect(w3.stdout).toMatch(/Xã A\s+96\s+24,00\s+24/);
    expect(poverty(dir, "targets", "units.xlsx", "--method", "tiered", "--out", "x.xlsx").code).toBe(2);
    expect(poverty(dir, "targets", "units.xlsx", "--method", "nope", "--reduction", "1", "--out", "x.xlsx").code).toBe(
      2,
    );
  });

  test("an impossible target is an error finding with the poor count (vi, en), never capped; nothing written", async () => {
    // 50 pp of 4,000 households = 2,000 households out of poverty, but the table has 150 poor households (3,75 %).
    const all = poverty(dir, "targets", "units.xlsx", "--reduction", "50", "--out", "t50.xlsx");
    expect(all.code).toBe(1);
    expect(all.stderr).toContain("Lỗi/Error [TARGET_IMPOSSIBLE] units.xlsx › Tổng hợp!D7"); // the total row's poor cell
    expect(all.stderr).toContain(
      "Cả bảng: không thể giảm 50,00 điểm % (2.000 hộ thoát nghèo): chỉ có 150 hộ nghèo trên 4.000 hộ (tỷ lệ 3,75 %), nên mức giảm lớn nhất là 3,75 điểm %.",
    );
    expect(all.stderr).toContain(
      "The whole table: cannot reduce by 50.00 pp (2,000 households out of poverty): there are only 150 poor households of 4,000 (rate 3.75%), so the largest reduction is 3.75 pp.",
    );
    expect(all.stderr.match(/\[TARGET_IMPOSSIBLE\]/g)).toHaveLength(1);
    expect(existsSync(join(dir, "t50.xlsx"))).toBe(false);
    // Tiered without an overall reduction: Phường C (tier B, 2,000 households, 30 poor) cannot fall by 2 pp (40).
    const tier = poverty(dir, "targets", "units.xlsx", "--method", "tiered", "--tiers", "A=1,B=2", "--out", "tt.xlsx");
    expect(tier.code).toBe(1);
    expect(tier.stderr).toContain("[TARGET_IMPOSSIBLE] units.xlsx › Tổng hợp!D6");
    expect(tier.stderr).toContain(
      "Phường C: không thể giảm 2,00 điểm % (40 hộ thoát nghèo): chỉ có 30 hộ nghèo trên 2.000 hộ",
    );
    expect(tier.stderr).not.toContain("Xã B:"); // 2 pp of 800 = 16 ≤ 24 poor
    expect(existsSync(join(dir, "tt.xlsx"))).toBe(false);
  });

  test("bad unit table: located errors, exit 1, nothing written; missing file exit 2; input not overwritten", async () => {
    await unitsFile("units-bad.xlsx", (ws) => {
      ws.getCell("D5").value = "hai mươi"; // not a number
      ws.getCell("D6").value = 2500; // more poor than households
    });
    const r = poverty(dir, "targets", "units-bad.xlsx", "--reduction", "1", "--out", "bad-targets.xlsx");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("[VALUE_NOT_NUMBER] units-bad.xlsx › Tổng hợp!D5");
    expect(r.stderr).toContain("hai mươi");
    expect(r.stderr).toMatch(/\[COUNT_EXCEEDS_TOTAL\] units-bad\.xlsx › Tổng hợp!D6/);
    // Each blocking finding is printed once, and the count is the number of findings printed (not doubled).
    const heads = r.stderr.split("\n").filter((l) => /^Lỗi\/Error \[/.test(l));
    expect(new Set(heads).size).toBe(heads.length);
    expect(r.stderr).toContain(`bảng đơn vị có ${heads.length} lỗi`);
    expect(r.stderr).toContain(`the unit table has ${heads.length} errors`);
    expect(existsSync(join(dir, "bad-targets.xlsx"))).toBe(false);

    expect(poverty(dir, "targets", "gone.xlsx", "--reduction", "1", "--out", "g.xlsx").code).toBe(2);
    const before = readFileSync(join(dir, "units.xlsx"));
    expect(poverty(dir, "targets", "units.xlsx", "--reduction", "1", "--force", "--out", "units.xlsx").code).toBe(2);
    expect(readFileSync(join(dir, "units.xlsx")).equals(before)).toBe(true);
  });
});

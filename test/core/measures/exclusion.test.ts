/**
 * Poverty net of social-protection households (issue 16): the roster's target-group columns are recognised from
 * their usual headers, and the net count, net rate and the list of units with no poor household left (not counting
 * BTXH) equal hand-computed values on a roster built for the test.
 *
 * The roster (27 households, 4 units), worked out by hand:
 *   unit        households  poor  of which BTXH  net  rate     BTXH rate  net rate
 *   Phường A        10        3         2         1   30 %     20 %       10 %      (2 households urban, 8 rural)
 *   Xã B             8        2         2         0   25 %     25 %        0 %      → no poor left (not counting BTXH)
 *   Xã C             5        0         0         0    0 %      0 %        0 %      → no poor at all
 *   Xã D             4        2         1         1   50 %     25 %       25 %
 *   total           27        7         5         2   25,93 %  18,52 %    7,41 %    (7/27, 5/27, 2/27)
 * Non-poor BTXH households (A05 near-poor, A06, C02) never count: the exclusion is of POOR BTXH households.
 * The written report is recalculated by LibreOffice and its own results equal the same figures.
 */
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import type { CellValue, Grid } from "../../../src/core/grid";
import { CATEGORY_LABELS, type Category, type Household } from "../../../src/core/household";
import { exclusionBy, netRate, unitsWithoutPoor } from "../../../src/core/measures";
import { readSheet, recordedTargetGroups } from "../../../src/core/sheet";
import { buildExclusionTables, buildForm1, buildReportTables, buildRosterTable } from "../../../src/core/tables";
import { isFormulaCell, type ResultTable, type TableCell } from "../../../src/core/tables/model";
import { standardForYear } from "../../../src/core/standards";
import { readWorkbookFile } from "../../../src/xlsx/read";
import { writeTablesToFile } from "../../../src/xlsx/write";
import { compareWithRecalculated, libreOfficeAvailable, recalcFiles } from "../../support/recalc";
import { expectError as expectPovertyError } from "./expectError";

const standard = standardForYear(2026);
const P = "poor",
  N = "nearPoor",
  A = "average",
  O = "none";
/** id, unit, area, category, BTXH, no labour, meritorious */
const ROWS: [string, string, "Thành thị" | "Nông thôn", Category, string, string, string][] = [
  ["A01", "Phường A", "Thành thị", P, "x", "", ""],
  ["A02", "Phường A", "Thành thị", N, "", "", ""],
  ["A03", "Phường A", "Nông thôn", P, "x", "", ""],
  ["A04", "Phường A", "Nông thôn", P, "", "x", ""],
  ["A05", "Phường A", "Nông thôn", N, "x", "", ""],
  ["A06", "Phường A", "Nông thôn", O, "x", "", ""],
  ["A07", "Phường A", "Nông thôn", O, "", "", ""],
  ["A08", "Phường A", "Nông thôn", O, "", "", "x"],
  ["A09", "Phường A", "Nông thôn", A, "", "", ""],
  ["A10", "Phường A", "Nông thôn", O, "", "", ""],
  ["B01", "Xã B", "Nông thôn", P, "x", "", ""],
  ["B02", "Xã B", "Nông thôn", P, "x", "x", ""],
  ["B03", "Xã B", "Nông thôn", N, "", "", ""],
  ["B04", "Xã B", "Nông thôn", O, "", "", ""],
  ["B05", "Xã B", "Nông thôn", O, "", "", ""],
  ["B06", "Xã B", "Nông thôn", O, "", "", ""],
  ["B07", "Xã B", "Nông thôn", O, "", "", ""],
  ["B08", "Xã B", "Nông thôn", O, "", "", ""],
  ["C01", "Xã C", "Nông thôn", O, "", "", ""],
  ["C02", "Xã C", "Nông thôn", O, "x", "", ""],
  ["C03", "Xã C", "Nông thôn", O, "", "", ""],
  ["C04", "Xã C", "Nông thôn", O, "", "", ""],
  ["C05", "Xã C", "Nông thôn", A, "", "", ""],
  ["D01", "Xã D", "Nông thôn", P, "", "", ""],
  ["D02", "Xã D", "Nông thôn", P, "x", "", ""],
  ["D03", "Xã D", "Nông thôn", N, "", "", ""],
  ["D04", "Xã D", "Nông thôn", O, "", "", ""],
];

/** The roster as a ward types it: title, then headers in the usual wording (abbreviation BTXH included). */
function rosterGrid(withBtxh = true): Grid {
  const header = ["STT", "Mã hộ", "Xã, phường", "Khu vực", "Phân loại hộ"];
  if (withBtxh) header.push("Thuộc diện BTXH", "Không có khả năng lao động", "Có người có công với CM");
  const values: CellValue[][] = [["DANH SÁCH HỘ NĂM 2026"], [], header];
  ROWS.forEach(([id, unit, area, cat, sp, nl, mer], i) =>
    values.push([i + 1, id, unit, area, CATEGORY_LABELS[cat].vi, ...(withBtxh ? [sp, nl, mer] : [])]),
  );
  return { sheetName: "Danh sách", origin: "A1", values };
}

function readRoster(withBtxh = true): { households: Household[]; categories: Category[]; recorded: string[] } {
  const read = readSheet(rosterGrid(withBtxh), { kind: "roster" });
  expect(read.findings.filter((f) => f.severity !== "info")).toEqual([]);
  const households = read.roster!.map((r) => r.household);
  return { households, categories: households.map((h) => h.declaredCategory!), recorded: recordedTargetGroups(read) };
}

const value = (c: TableCell): unknown => (isFormulaCell(c) ? c.value : c);
function cell(t: ResultTable, row: number, key: string): TableCell {
  const i = t.columns.findIndex((c) => c.key === key);
  if (i < 0) throw new Error(`no column ${key} in ${t.id}`);
  return t.rows[row].cells[i];
}
const rowOf = (t: ResultTable, label: string) => t.rows.findIndex((r) => r.cells.includes(label));

describe("target-group columns of the roster", () => {
  test("recognised from their usual headers (BTXH, không có khả năng lao động, người có công)", () => {
    const read = readSheet(rosterGrid(), { kind: "roster" });
    expect(read.columns).toMatchObject({ "tg.socialProtection": 5, "tg.noLabour": 6, "tg.meritorious": 7 });
    expect(recordedTargetGroups(read).sort()).toEqual(["meritorious", "noLabour", "socialProtection"]);
    const b02 = read.roster!.find((r) => r.household.id === "B02")!.household;
    expect([...b02.targetGroups!].sort()).toEqual(["noLabour", "socialProtection"]);
  });
  test.each([
    ["Hộ thuộc diện bảo trợ xã hội", "tg.socialProtection"],
    ["Đối tượng BTXH", "tg.socialProtection"],
    ["Hưởng trợ cấp xã hội hằng tháng", "tg.socialProtection"],
    ["Hộ không có người có khả năng lao động", "tg.noLabour"],
    ["Hộ không có lao động", "tg.noLabour"],
    ["Gia đình chính sách", "tg.meritorious"],
    ["Hộ NCC", "tg.meritorious"],
    ["Chủ hộ là nữ", "tg.womanHeaded"],
    ["Hộ có người khuyết tật", "tg.disability"],
    ["Social protection", "tg.socialProtection"],
    ["No working capacity", "tg.noLabour"],
  ])("%s → %s", (header, field) => {
    const grid: Grid = {
      sheetName: "S",
      origin: "A1",
      values: [
        ["Mã hộ", "Phân loại hộ", header],
        ["H1", "Hộ nghèo", "x"],
      ],
    };
    expect(readSheet(grid).detection.mapping.byField[field]).toBe(2);
  });
  test("a roster without target-group columns records none", () => {
    expect(readRoster(false).recorded).toEqual([]);
  });
});

describe("net-of-BTXH measures on the hand-built roster", () => {
  test("netRate and its checks", () => {
    expect(netRate(7, 5, 27)).toBeCloseTo(2 / 27, 12);
    expect(netRate(0, 0, 5)).toBe(0);
    expectPovertyError(() => netRate(2, 3, 10), "COUNT_EXCEEDS_TOTAL");
    expectPovertyError(() => netRate(2, 1, 0), "ZERO_TOTAL");
  });
  test("exclusionBy: per unit and total, hand-computed", () => {
    const { households, categories } = readRoster();
    const r = exclusionBy(
      households.map((h, i) => ({ h, c: categories[i] })),
      (x) => x.h.unit,
      (x) => x.c,
      (x) => (x.h.targetGroups ?? []).includes("socialProtection"),
    );
    const pick = (g: { key?: string; total: number; count: number; excluded: number; net: number }) => [
      g.key,
      g.total,
      g.count,
      g.excluded,
      g.net,
    ];
    expect(r.groups.map(pick)).toEqual([
      ["Phường A", 10, 3, 2, 1],
      ["Xã B", 8, 2, 2, 0],
      ["Xã C", 5, 0, 0, 0],
      ["Xã D", 4, 2, 1, 1],
    ]);
    expect(r.groups.map((g) => [g.rate, g.excludedRate, g.netRate])).toEqual([
      [0.3, 0.2, 0.1],
      [0.25, 0.25, 0],
      [0, 0, 0],
      [0.5, 0.25, 0.25],
    ]);
    expect(pick({ ...r.total, key: undefined })).toEqual([undefined, 27, 7, 5, 2]);
    expect(r.total.netRate).toBeCloseTo(2 / 27, 12);
    expect(unitsWithoutPoor(r.groups)).toEqual([
      { key: "Xã B", total: 8, count: 2, excluded: 2 },
      { key: "Xã C", total: 5, count: 0, excluded: 0 },
    ]);
  });
});

describe("tables: Form 1 columns (15)–(18), the by-unit table and the zero-poor list", () => {
  const { households, categories, recorded } = readRoster();
  const input = { households, categories, standard, reviewYear: 2026 };

  test("Form 1 gains the BTXH columns as native formulas; the grand total is 5 / 2 of 27", () => {
    const t = buildForm1({ ...input, exclusion: { group: "socialProtection" } });
    expect(t.columns.slice(-4).map((c) => c.key)).toEqual(["h_ex", "h_ex_r", "h_net", "h_net_r"]);
    expect(t.headerRows[2].slice(-4).map((h) => h.text.vi)).toEqual([
      "(15)",
      "(16)=(15)/(1)",
      "(17)=(3)-(15)",
      "(18)=(17)/(1)",
    ]);
    const total = t.rows.length - 1;
    expect(
      [cell(t, total, "h_poor"), cell(t, total, "h_ex"), cell(t, total, "h_net"), cell(t, total, "h_net_r")].map(value),
    ).toEqual([7, 5, 2, 0.0741]);
    const net = cell(t, total, "h_net");
    expect(isFormulaCell(net) && net.formula).toMatch(/^[A-Z]+\d+-[A-Z]+\d+$/);
    // Phường A appears in both area sections: urban 1 poor (1 BTXH) and rural 2 poor (1 BTXH).
    const rowsA = t.rows.map((_, i) => i).filter((i) => t.rows[i].cells.includes("Phường A"));
    expect(
      rowsA.map((i) => [value(cell(t, i, "h_poor")), value(cell(t, i, "h_ex")), value(cell(t, i, "h_net"))]),
    ).toEqual([
      [1, 1, 0],
      [2, 1, 1],
    ]);
  });

  test("Form 1 without the group keeps the official 14 columns", () => {
    const t = buildForm1(input);
    expect(t.columns.some((c) => c.key === "h_ex")).toBe(false);
  });

  test("by unit: counts, formulas and the 'no poor left' marker", () => {
    const [byUnit, zero] = buildExclusionTables(input);
    const row = (u: string) => rowOf(byUnit, u);
    const vals = (u: string) =>
      ["hh", "poor", "poorR", "ex", "exR", "net", "netR", "zero"].map((k) => value(cell(byUnit, row(u), k)));
    expect(vals("Phường A")).toEqual([10, 3, 0.3, 2, 0.2, 1, 0.1, ""]);
    expect(vals("Xã B")).toEqual([8, 2, 0.25, 2, 0.25, 0, 0, "x"]);
    expect(vals("Xã C")).toEqual([5, 0, 0, 0, 0, 0, 0, "x"]);
    expect(vals("Xã D")).toEqual([4, 2, 0.5, 1, 0.25, 1, 0.25, ""]);
    expect(vals("TỔNG CỘNG")).toEqual([27, 7, 0.2593, 5, 0.1852, 2, 0.0741, 2]);
    const netR = cell(byUnit, row("Xã D"), "netR");
    expect(isFormulaCell(netR) && netR.formula).toMatch(/^ROUND\([A-Z]+\d+\/[A-Z]+\d+,4\)$/);
    expect(zero.rows.map((r) => [r.cells[1], ...r.cells.slice(2).map(value)])).toEqual([
      ["Xã B", 8, 2, 2, 0],
      ["Xã C", 5, 0, 0, 0],
    ]);
    expect(zero.title[1].vi).toMatch(/^2 \/ 4 đơn vị/);
  });

  test("the report set includes them only when the roster records the group", () => {
    const withGroup = buildReportTables(households, standard, {
      reviewYear: 2026,
      categories,
      recordedGroups: recorded,
    });
    expect(withGroup.map((t) => t.id)).toEqual(expect.arrayContaining(["exclusion-by-unit", "exclusion-zero"]));
    const plain = readRoster(false);
    const without = buildReportTables(plain.households, standard, { reviewYear: 2026, categories: plain.categories });
    expect(without.some((t) => t.id.startsWith("exclusion-"))).toBe(false);
    // A recorded group with no household in it still gets its columns (zeros are then known, not guessed).
    const none = plain.households.map((h) => ({ ...h, targetGroups: [] as string[] }));
    const known = buildReportTables(none, standard, {
      reviewYear: 2026,
      categories: plain.categories,
      recordedGroups: ["socialProtection"],
    });
    expect(known.some((t) => t.id === "exclusion-by-unit")).toBe(true);
  });

  test("the product's roster writes a target-group column only for a group it records (never a blank 'no')", () => {
    const plain = readRoster(false);
    const keys = (t: ResultTable) => t.columns.map((c) => c.key).filter((k) => k.startsWith("tg_"));
    expect(keys(buildRosterTable(plain.households, standard))).toEqual([]);
    expect(keys(buildRosterTable(plain.households, standard, { recordedGroups: ["socialProtection"] }))).toEqual([
      "tg_socialProtection",
    ]);
    const withGroups = buildRosterTable(households, standard);
    expect(keys(withGroups)).toEqual(["tg_socialProtection", "tg_noLabour", "tg_meritorious"]);
    // Read back: the same households in the same groups.
    const grid: Grid = {
      sheetName: "R",
      origin: "A1",
      values: [
        withGroups.columns.map((c) => c.header.vi),
        ...withGroups.rows.map((r) => r.cells.map((c) => (isFormulaCell(c) ? c.value : c) as CellValue)),
      ],
    };
    const back = readSheet(grid, { kind: "roster" }).roster!.map((r) => [...(r.household.targetGroups ?? [])].sort());
    expect(back).toEqual(households.map((h) => [...(h.targetGroups ?? [])].sort()));
  });

  test("another group can be left out instead (hộ không có khả năng lao động)", () => {
    const [byUnit] = buildExclusionTables({ ...input, group: "noLabour" });
    // Poor households without working capacity: A04 (Phường A) and B02 (Xã B).
    expect(value(cell(byUnit, rowOf(byUnit, "Phường A"), "ex"))).toBe(1);
    expect(value(cell(byUnit, rowOf(byUnit, "Xã B"), "ex"))).toBe(1);
    expect(value(cell(byUnit, byUnit.rows.length - 1, "net"))).toBe(5);
  });
});

const lo = libreOfficeAvailable("test/core/measures/exclusion.test.ts");
(lo ? describe : describe.skip)("the net-of-BTXH report recalculated by LibreOffice", () => {
  test("every formula gives LibreOffice the core's value, and the recalculated sheets hold the hand-computed figures", async () => {
    const dir = mkdtempSync(join(tmpdir(), "btxh-recalc-"));
    try {
      const { households, categories, recorded } = readRoster();
      const file = await writeTablesToFile(
        buildReportTables(households, standard, { reviewYear: 2026, categories, recordedGroups: recorded }),
        join(dir, "btxh.xlsx"),
      );
      const [again] = recalcFiles([file]);
      const { checked, mismatches } = await compareWithRecalculated(file, again);
      expect(mismatches).toEqual([]);
      const on = (sheet: string) => checked.filter((c) => c.sheet === sheet).map((c) => c.formula);
      expect(on("Nghèo trừ BTXH").some((f) => /^ROUND\([A-Z]+\d+\/[A-Z]+\d+,4\)$/.test(f))).toBe(true);
      expect(on("Hết nghèo trừ BTXH").some((f) => /^[A-Z]+\d+-[A-Z]+\d+$/.test(f))).toBe(true);
      expect(on("Biểu 1 - Kết quả").length).toBeGreaterThan(0);
      // LibreOffice's own results, read back from its copy, equal the hand-worked table at the top of this file.
      const grids = await readWorkbookFile(again);
      const rowsOf = (sheet: string) => {
        const g = grids.find((x) => x.sheetName === sheet)!;
        return new Map(
          g.values
            .filter((r) => typeof r[1] === "string")
            .map((r) => [r[1] as string, r.slice(2).map((v) => (v === null || v === undefined ? "" : v))]),
        );
      };
      const byUnit = rowsOf("Nghèo trừ BTXH");
      expect(byUnit.get("Phường A")?.slice(0, 8)).toEqual([10, 3, 0.3, 2, 0.2, 1, 0.1, ""]);
      expect(byUnit.get("Xã B")?.slice(0, 8)).toEqual([8, 2, 0.25, 2, 0.25, 0, 0, "x"]);
      expect(byUnit.get("Xã C")?.slice(0, 8)).toEqual([5, 0, 0, 0, 0, 0, 0, "x"]);
      expect(byUnit.get("Xã D")?.slice(0, 8)).toEqual([4, 2, 0.5, 1, 0.25, 1, 0.25, ""]);
      expect(byUnit.get("TỔNG CỘNG")?.slice(0, 8)).toEqual([27, 7, 0.2593, 5, 0.1852, 2, 0.0741, 2]);
      const zero = rowsOf("Hết nghèo trừ BTXH");
      expect(zero.get("Xã B")?.slice(0, 4)).toEqual([8, 2, 2, 0]);
      expect(zero.get("Xã C")?.slice(0, 4)).toEqual([5, 0, 0, 0]);
      expect(zero.has("Phường A") || zero.has("Xã D")).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

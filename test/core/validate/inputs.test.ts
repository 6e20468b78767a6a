/**
 * What stops a report (reportRoster) or an allocation (targetUnits), decided once for the CLI and the pane.
 * Fixtures: the clean 2024 roster and Form 1 of test/core/sheet/fixtures.ts, then one fault at a time.
 */
import { readSheet } from "../../../src/core/sheet";
import { ND07_2021 } from "../../../src/core/standards";
import { reportRoster, targetUnits } from "../../../src/core/validate";
import * as F from "../sheet/fixtures";

const read = (households: F.HH[]) =>
  readSheet(F.toGrid(F.rosterSheet({ households })), { kind: "roster", standard: ND07_2021 });

describe("reportRoster", () => {
  test("a clean roster: every household, nothing blocking", () => {
    const r = reportRoster(read(F.CLEAN_HOUSEHOLDS));
    expect(r.blocking).toEqual([]);
    expect(r.households.map((h) => h.id)).toEqual(F.CLEAN_HOUSEHOLDS.map((h) => h.id));
  });

  test("a duplicate id, a blank income and an unreadable area each stop the report, located", () => {
    const [a, b, c] = F.CLEAN_HOUSEHOLDS;
    const r = reportRoster(
      read([a, { ...b, id: a.id }, { ...c, income: "" }, { ...F.CLEAN_HOUSEHOLDS[3], area: "Miền núi" }]),
    );
    expect(r.blocking.map((f) => f.code).sort()).toEqual(["HH_DUPLICATE_ID", "VALUE_MISSING", "VALUE_UNKNOWN_AREA"]);
    for (const f of r.blocking) {
      expect(f.severity).toBe("error");
      expect(f.cell).toMatch(/^[A-Z]+\d+$/);
    }
    // Sorted by position and without repeats.
    expect(r.blocking.map((f) => f.row)).toEqual([...r.blocking.map((f) => f.row)].sort((x, y) => x - y));
    expect(r.households).toHaveLength(4);
  });
});

describe("targetUnits", () => {
  const units = (rows: F.UnitRow[]) => targetUnits(F.toGrid(F.summarySheet({ units: rows })), { file: "b1.xlsx" });

  test("a clean Form 1: its units, nothing blocking", () => {
    const r = units(F.CLEAN_UNITS);
    expect(r.blocking).toEqual([]);
    expect(r.otherErrors).toBe(0);
    expect(r.read.kind).toBe("summary");
    expect(r.units.map((u) => [u.name, u.households, u.poor])).toEqual(
      F.CLEAN_UNITS.map((u) => [u.unit, u.households, u.poor]),
    );
  });

  test("a poverty rate that contradicts its counts stops the allocation; a wrong near-poor rate only is said", () => {
    const [a, b, c] = F.CLEAN_UNITS;
    // 45 / 612 = 7,35 %, printed 9,35 %: the allocation reads the poor column → blocking.
    const bad = units([{ ...a, poorRate: 9.35 }, b, c]);
    expect(bad.blocking.map((f) => [f.code, f.field, f.cell])).toEqual([["RATE_MISMATCH", "poorRate", "E6"]]);
    // 60 / 612 = 9,80 %, printed 19,8 %: a column the allocation does not read → counted, not blocking.
    const other = units([{ ...a, nearPoorRate: 19.8 }, b, c]);
    expect(other.blocking).toEqual([]);
    expect(other.otherErrors).toBe(1);
  });

  test("the weighted method needs a weight column: its absence blocks only when asked for", () => {
    const grid = F.toGrid(F.summarySheet());
    expect(targetUnits(grid).blocking).toEqual([]);
    const weighted = targetUnits(grid, { need: { weight: true } });
    expect(weighted.blocking.map((f) => [f.code, f.field])).toEqual([["STRUCT_MISSING_COLUMN", "weight"]]);
    // The faces name the method; the core knows which column it reads.
    expect(targetUnits(grid, { method: "weighted" }).blocking).toEqual(weighted.blocking);
    expect(targetUnits(grid, { method: "tiered" }).blocking.map((f) => [f.code, f.field])).toEqual([
      ["STRUCT_MISSING_COLUMN", "tier"],
    ]);
    expect(targetUnits(grid, { method: "proportional" }).blocking).toEqual([]);
  });
});

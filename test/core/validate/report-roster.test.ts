/**
 * reportRoster: what stops a report over a roster, decided once for `poverty report` and the pane's Reports workflow.
 * Fixture: the clean 2024 roster of test/core/sheet/fixtures.ts, then one fault at a time.
 */
import { readSheet } from "../../../src/core/sheet";
import { ND07_2021 } from "../../../src/core/standards";
import { reportRoster } from "../../../src/core/validate";
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

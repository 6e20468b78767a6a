/**
 * The core's consolidation service (src/core/consolidate): one contract for `poverty consolidate` and the task
 * pane. Added file by file it gives the same findings as the validator's duplicate-id rule, merges every household
 * the reader finds (and only those: the table ends where validation says it ends), and refuses what must not merge.
 */
import type { CellValue } from "../../../src/core/grid";
import { Consolidation, consolidateWorkbooks, consolidationSummaryTable } from "../../../src/core/consolidate";
import { validateWorkbooks } from "../../../src/core/validate";
import * as F from "../sheet/fixtures";

const YEAR = 2024;
const ward = (unit: string, prefix: string, name = "Danh sách hộ") => ({
  ...F.rosterSheet({ unit, households: F.CLEAN_HOUSEHOLDS.map((h, i) => ({ ...h, id: `${prefix}-${i + 1}` })) }),
  name,
});
const input = (file: string, specs: F.SheetSpec[]) => ({ file, grids: specs.map((s) => F.toGrid(s, file)) });

describe("merging", () => {
  test("the first roster's columns after a source column; every household; counts per source", () => {
    const inputs = [input("a.xlsx", [ward("Xã A", "A")]), input("b.xlsx", [ward("Xã B", "B")])];
    const r = consolidateWorkbooks(inputs, { year: YEAR }, "vi");
    expect(r.ok).toBe(true);
    expect(r.households).toBe(2 * F.CLEAN_HOUSEHOLDS.length);
    const [roster, summary] = r.tables;
    expect(roster.rows).toHaveLength(r.households);
    expect(roster.rows[0].cells[0]).toBe("a.xlsx › Danh sách hộ");
    expect(roster.columns.map((c) => c.key)[0]).toBe("source");
    expect(roster.columns.map((c) => c.key)).toContain("id");
    // Text stays text, as the file holds it (the raw cell values are merged, not re-typed values).
    const idCol = roster.columns.findIndex((c) => c.key === "id");
    expect(roster.rows.map((x) => x.cells[idCol])).toEqual([
      ...F.CLEAN_HOUSEHOLDS.map((_h, i) => `A-${i + 1}`),
      ...F.CLEAN_HOUSEHOLDS.map((_h, i) => `B-${i + 1}`),
    ]);
    expect(summary.rows.at(-1)!.kind).toBe("total");
    expect(r.sources.map((s) => s.households)).toEqual([F.CLEAN_HOUSEHOLDS.length, F.CLEAN_HOUSEHOLDS.length]);
  });

  test("file by file gives the same rows and findings as all at once", () => {
    const inputs = [input("a.xlsx", [ward("Xã A", "A")]), input("b.xlsx", [ward("Xã B", "B")])];
    const c = new Consolidation({ year: YEAR });
    const rows: CellValue[][] = [];
    for (const i of inputs) rows.push(...c.add(i).rows());
    const one = c.finish();
    const all = consolidateWorkbooks(inputs, { year: YEAR }, "en");
    expect(one.files).toEqual(all.files);
    expect(rows.map((r) => r[0])).toEqual(all.tables[0].rows.map((r) => r.cells[0]));
    expect(consolidationSummaryTable(one, "en")).toEqual(all.tables[1]);
  });

  test("the table ends where validation says it does: a stray cell below the footnote is not a household", () => {
    const spec = ward("Xã A", "A");
    const rows = spec.rows.map((r) => [...r]);
    rows.push([], ["Ghi chú: số liệu đến ngày 31/12."], [], [], [], ["1059"]);
    const stray = { ...spec, rows };
    const r = consolidateWorkbooks([input("a.xlsx", [stray])], { year: YEAR }, "vi");
    const v = validateWorkbooks([input("a.xlsx", [stray])], { year: YEAR });
    const households = v.sheets.find((s) => s.kind === "roster")!.roster!.length;
    expect(households).toBe(F.CLEAN_HOUSEHOLDS.length);
    expect(r.households).toBe(households);
  });
});

describe("refusals: findings, nothing merged", () => {
  test("duplicate ids across files: the validator's own rule and messages", () => {
    const inputs = [input("a.xlsx", [ward("Xã A", "A")]), input("b.xlsx", [ward("Xã B", "A")])];
    const r = consolidateWorkbooks(inputs, { year: YEAR }, "vi");
    expect(r.ok).toBe(false);
    expect(r.tables).toEqual([]);
    const dup = r.files[1].findings.filter((f) => f.code === "HH_DUPLICATE_ID_ACROSS");
    const v = validateWorkbooks(inputs, { year: YEAR }).files[1].findings.filter(
      (f) => f.code === "HH_DUPLICATE_ID_ACROSS",
    );
    expect(dup.length).toBe(F.CLEAN_HOUSEHOLDS.length);
    expect(dup).toEqual(v);
  });
  test("incompatible columns, a file without a roster, a roster with reading errors", () => {
    const narrow = {
      name: "DS",
      rows: [
        ["Mã hộ", "Phân loại hộ"],
        ["N-1", "Hộ nghèo"],
      ],
    };
    const bad = ward("Xã C", "C");
    const badRows = bad.rows.map((r) => [...r]);
    badRows[6][7] = "nhiều tiền";
    const r = consolidateWorkbooks(
      [
        input("a.xlsx", [ward("Xã A", "A")]),
        input("narrow.xlsx", [narrow]),
        input("forms.xlsx", [F.summarySheet()]),
        input("bad.xlsx", [{ ...bad, rows: badRows }]),
      ],
      { year: YEAR },
      "vi",
    );
    expect(r.ok).toBe(false);
    const codes = (i: number) => r.files[i].findings.map((f) => f.code);
    expect(codes(1)).toContain("CONSOLIDATE_INCOMPATIBLE");
    expect(codes(2)).toEqual(["CONSOLIDATE_NO_ROSTER"]);
    expect(codes(3).some((c) => c.startsWith("VALUE_"))).toBe(true);
  });
  test("a file whose checking fails is FILE_CHECK_FAILED for that file; a bad --year is the run's error", () => {
    const c = new Consolidation({ year: YEAR });
    const broken = { file: "x.xlsx", grids: [null as unknown as ReturnType<typeof F.toGrid>] };
    c.add(input("a.xlsx", [ward("Xã A", "A")]));
    const part = c.add(broken);
    expect(part.findings.map((f) => f.code)).toEqual(["FILE_CHECK_FAILED"]);
    expect([...part.rows()]).toEqual([]);
    expect(c.finish().ok).toBe(false);
    expect(() => new Consolidation({ year: 1990 }).add(input("a.xlsx", [ward("Xã A", "A")]))).toThrow(
      expect.objectContaining({ code: "UNKNOWN_YEAR" }),
    );
  });
});

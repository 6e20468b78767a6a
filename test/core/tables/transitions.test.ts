/**
 * Forms 2 and 3 with one "Hộ" and one "Nhân khẩu" row per unit: values from core/transitions per unit, column 9
 * the identity formula in both rows, totals per dimension (SUMIF over column C); households only, with a note,
 * when member counts are missing.
 */
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import {
  buildReportTables,
  buildTransitionTables,
  classifyRoster,
  type TransitionHousehold,
} from "../../../src/core/tables";
import { isFormulaCell, tableLayout, type ResultTable, type TableCell } from "../../../src/core/tables/model";
import { computeTransitions } from "../../../src/core/transitions";
import { generateSampleRosters } from "../../../src/core/sample";
import type { Category } from "../../../src/core/household";
import { pick } from "../../../src/core/i18n";
import { validateWorkbooks } from "../../../src/core/validate";
import { readWorkbookFile } from "../../../src/xlsx/read";
import { writeTablesToFile } from "../../../src/xlsx/write";
import { standard, YEAR } from "./fixtures";

const val = (c: TableCell) => (isFormulaCell(c) ? c.value : c);
const at = (t: ResultTable, key: string) => t.columns.findIndex((c) => c.key === key);
const cell = (t: ResultTable, i: number, key: string) => t.rows[i].cells[at(t, key)];
const nine = (t: ResultTable, i: number) => Array.from({ length: 9 }, (_, j) => val(cell(t, i, `c${j + 1}`)) as number);
const sheetRow = (t: ResultTable, i: number) => tableLayout(t).firstBodyRow + i;

/** Evaluate the table's own formulas (A1 refs, +/-, SUMIF over its column C) from the cells' values. */
function evaluate(t: ResultTable, i: number, key: string): number {
  const c = cell(t, i, key);
  if (!isFormulaCell(c)) return c as number;
  const first = tableLayout(t).firstBodyRow;
  const ref = (a1: string) => {
    const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(a1)!;
    const col = m[1].charCodeAt(0) - 65;
    return t.rows[Number(m[2]) - first].cells[col];
  };
  const sumif =
    /^SUMIF\((\$?[A-Z]+\$?\d+):(\$?[A-Z]+\$?\d+),(\$?[A-Z]+\$?\d+),(\$?[A-Z]+\$?\d+):(\$?[A-Z]+\$?\d+)\)$/.exec(
      c.formula,
    );
  if (sumif) {
    const crit = ref(sumif[3]);
    const r0 = Number(/\d+$/.exec(sumif[1])![0]);
    const r1 = Number(/\d+$/.exec(sumif[2])![0]);
    const critCol = /[A-Z]+/.exec(sumif[1])![0];
    const sumCol = /[A-Z]+/.exec(sumif[4])![0];
    let s = 0;
    for (let r = r0; r <= r1; r++) if (ref(`${critCol}${r}`) === crit) s += val(ref(`${sumCol}${r}`)) as number;
    return s;
  }
  expect(c.formula).toMatch(/^[A-Z]+\d+([-+][A-Z]+\d+)*$/);
  let s = 0;
  for (const m of c.formula.matchAll(/([-+]?)([A-Z]+\d+)/g)) s += (m[1] === "-" ? -1 : 1) * (val(ref(m[2])) as number);
  return s;
}

const roster = (rows: [string, string, Category, number?][]): { hh: TransitionHousehold[]; cats: Category[] } => ({
  hh: rows.map(([id, unit, , members]) => (members === undefined ? { id, unit } : { id, unit, members })),
  cats: rows.map(([, , c]) => c),
});

describe("Forms 2/3: Hộ and Nhân khẩu rows", () => {
  // Unit X: a stays poor and loses 2 members (5 → 3); b poor → near-poor; c new poor. Unit Y: d escapes, e stays near-poor.
  const prev = roster([
    ["a", "Xã X", "poor", 5],
    ["b", "Xã X", "poor", 4],
    ["d", "Xã Y", "poor", 6],
    ["e", "Xã Y", "nearPoor", 3],
  ]);
  const cur = roster([
    ["a", "Xã X", "poor", 3],
    ["b", "Xã X", "nearPoor", 4],
    ["c", "Xã X", "poor", 2],
    ["d", "Xã Y", "none", 6],
    ["e", "Xã Y", "nearPoor", 4],
  ]);
  const [f2, f3] = buildTransitionTables({
    previous: prev.hh,
    previousCategories: prev.cats,
    current: cur.hh,
    currentCategories: cur.cats,
    standard,
    reviewYear: YEAR,
  });

  test("rows: per unit Hộ then Nhân khẩu, then the two totals", () => {
    expect(
      f2.rows.map((r) => [val(r.cells[at(f2, "unit")]), val(r.cells[at(f2, "measure")]), r.kind ?? "body"]),
    ).toEqual([
      ["Xã X", "Hộ", "body"],
      ["Xã X", "Nhân khẩu", "body"],
      ["Xã Y", "Hộ", "body"],
      ["Xã Y", "Nhân khẩu", "body"],
      ["TỔNG CỘNG", "Hộ", "total"],
      ["TỔNG CỘNG", "Nhân khẩu", "total"],
    ]);
    expect(pick(f2.frame!.unitOfMeasure, "vi")).toBe("hộ, người");
  });

  test("hand-computed values: the household that stays poor and loses 2 members is in column 4 of the members row", () => {
    expect(nine(f2, 0)).toEqual([2, 1, 0, 0, 0, 0, 1, 0, 2]);
    expect(nine(f2, 1)).toEqual([9, 4, 0, 2, 0, 0, 2, 0, 5]); // 9 − 4 − 2 + 2 = 5 = 3 (a) + 2 (c)
    expect(nine(f2, 2)).toEqual([1, 0, 1, 0, 0, 0, 0, 0, 0]);
    expect(nine(f2, 3)).toEqual([6, 0, 6, 0, 0, 0, 0, 0, 0]);
    expect(nine(f2, 4)).toEqual([3, 1, 1, 0, 0, 0, 1, 0, 2]);
    expect(nine(f2, 5)).toEqual([15, 4, 6, 2, 0, 0, 2, 0, 5]);
    // Form 3: e gains a member (3 → 4) → column 8; b arrives from poor with 4 members
    expect(nine(f3, 1)).toEqual([0, 0, 0, 0, 4, 0, 0, 0, 4]);
    expect(nine(f3, 3)).toEqual([3, 0, 0, 0, 0, 0, 0, 1, 4]);
    expect(nine(f3, 5)).toEqual([3, 0, 0, 0, 4, 0, 0, 1, 8]);
  });

  test("column 9 is the identity formula in both rows; totals are SUMIF per dimension; formulas give the values", () => {
    for (const t of [f2, f3]) {
      t.rows.forEach((_, i) => {
        const R = sheetRow(t, i);
        expect(cell(t, i, "c9")).toMatchObject({ formula: `D${R}-E${R}-F${R}-G${R}+H${R}+I${R}+J${R}+K${R}` });
        for (let j = 1; j <= 9; j++) expect(evaluate(t, i, `c${j}`)).toBe(val(cell(t, i, `c${j}`)));
      });
      const first = sheetRow(t, 0);
      const lastBody = sheetRow(t, 3);
      const T = sheetRow(t, 5);
      expect(cell(t, 5, "c1")).toMatchObject({
        formula: `SUMIF($C$${first}:$C$${lastBody},$C${T},D$${first}:D$${lastBody})`,
      });
    }
  });

  test("English: Households / Members labels", () => {
    const [e2] = buildTransitionTables(
      {
        previous: prev.hh,
        previousCategories: prev.cats,
        current: cur.hh,
        currentCategories: cur.cats,
        standard,
        reviewYear: YEAR,
      },
      { lang: "en" },
    );
    expect(e2.rows.map((r) => r.cells[at(e2, "measure")])).toEqual([
      "Households",
      "Members",
      "Households",
      "Members",
      "Households",
      "Members",
    ]);
  });

  test("a missing member count: households only, totals SUM, and a note with the reason", () => {
    const partial = { ...cur, hh: cur.hh.map((h) => (h.id === "c" ? { id: h.id, unit: h.unit } : h)) };
    const [g2, g3] = buildTransitionTables({
      previous: prev.hh,
      previousCategories: prev.cats,
      current: partial.hh,
      currentCategories: partial.cats,
      standard,
      reviewYear: YEAR,
    });
    for (const g of [g2, g3]) {
      expect(g.rows.map((r) => r.cells[at(g, "measure")])).toEqual(["Hộ", "Hộ", "Hộ"]);
      expect(cell(g, 2, "c1")).toMatchObject({ formula: `SUM(D${sheetRow(g, 0)}:D${sheetRow(g, 1)})` });
      const note = g.notes.map((n) => pick(n, "vi")).find((n) => n.startsWith("Không lập dòng Nhân khẩu"));
      expect(note).toContain("0 hộ năm trước và 1 hộ năm nay");
      expect(note).not.toContain('"c"'); // no household codes in a summary form
      expect(pick(g.frame!.unitOfMeasure, "vi")).toBe("hộ");
    }
    expect(nine(g2, 2)).toEqual([3, 1, 1, 0, 0, 0, 1, 0, 2]);
  });

  test("report set: a roster with only a start category has no members at the start → households only", () => {
    const s = generateSampleRosters({ seed: 7 });
    const cats = classifyRoster(s.current, standard);
    const withStart = s.current.map((h) => ({ ...h, startCategory: "poor" as const }));
    const t = buildReportTables(withStart, standard, { reviewYear: YEAR, categories: cats });
    const f = t.find((x) => x.id === "form2-poor-transitions")!;
    expect(new Set(f.rows.map((r) => r.cells[at(f, "measure")]))).toEqual(new Set(["Hộ"]));
    expect(f.notes.some((n) => pick(n, "vi").startsWith("Không lập dòng Nhân khẩu"))).toBe(true);
  });

  test("sample rosters: unit rows sum to the totals and equal computeTransitions per unit, in both dimensions", () => {
    const s = generateSampleRosters({ seed: 11 });
    const pc = classifyRoster(s.previous, standard);
    const cc = classifyRoster(s.current, standard);
    const opts = {
      everEscapedIds: s.everEscapedIds,
      absentFromPrevious: "otherIncrease" as const,
      absentFromCurrent: "otherDecrease" as const,
    };
    const [g2, g3] = buildTransitionTables({
      previous: s.previous,
      previousCategories: pc,
      current: s.current,
      currentCategories: cc,
      standard,
      reviewYear: YEAR,
      options: opts,
    });
    const units = [...new Set(s.current.map((h) => h.unit))];
    const body = g2.rows.length - 2;
    expect(body).toBeGreaterThanOrEqual(2 * units.length);
    g2.rows.slice(0, body).forEach((r, i) => {
      const unit = r.cells[at(g2, "unit")] as string;
      const pick2 = <T extends { unit: string; id: string; members?: number }>(
        xs: readonly T[],
        cs: readonly Category[],
      ) => xs.flatMap((h, k) => (h.unit === unit ? [{ id: h.id, category: cs[k], members: h.members }] : []));
      const res = computeTransitions(pick2(s.previous, pc), pick2(s.current, cc), opts);
      const members = i % 2 === 1;
      expect(nine(g2, i)).toEqual(members ? res.members!.poor.columns : res.poor.columns);
      expect(nine(g3, i)).toEqual(members ? res.members!.nearPoor.columns : res.nearPoor.columns);
    });
    for (const g of [g2, g3])
      for (let j = 1; j <= 9; j++)
        for (const k of [0, 1]) {
          const sum = g.rows
            .slice(0, body)
            .filter((_, i) => i % 2 === k)
            .reduce((a, r) => a + (val(r.cells[at(g, `c${j}`)]) as number), 0);
          expect(val(cell(g, body + k, `c${j}`))).toBe(sum);
          expect(evaluate(g, body + k, `c${j}`)).toBe(sum);
        }
  });
});

describe("the validator checks the members rows of the written forms", () => {
  // Written to .xlsx and read back (the product's own round trip); a wrong members cell is found at its cell.
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "pp-form2-members-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const validate = async (tables: ResultTable[], name: string) => {
    const path = join(dir, name);
    await writeTablesToFile(tables, path);
    return validateWorkbooks([{ file: name, grids: await readWorkbookFile(path) }], { year: YEAR });
  };
  const s = generateSampleRosters({ seed: 11 });
  const tables = buildTransitionTables({
    previous: s.previous,
    previousCategories: classifyRoster(s.previous, standard),
    current: s.current,
    currentCategories: classifyRoster(s.current, standard),
    standard,
    reviewYear: YEAR,
    options: { everEscapedIds: s.everEscapedIds },
  });
  const typed = (t: ResultTable): ResultTable => ({
    ...t,
    rows: t.rows.map((r) => ({ ...r, cells: r.cells.map((c) => (isFormulaCell(c) ? c.value : c)) })),
  });

  test("clean: read as members rows, no errors or warnings", async () => {
    const report = await validate(tables.map(typed), "clean.xlsx");
    expect(
      report.files
        .flatMap((f) => f.findings)
        .filter((f) => f.severity !== "info")
        .map((f) => f.code),
    ).toEqual([]);
    expect(report.sheets.map((x) => x.kind)).toEqual(["transition", "transition"]);
  });

  test("a wrong members end and a wrong members total are reported at their cells", async () => {
    const f2 = typed(tables[0]);
    const rows = f2.rows.map((r, i) => {
      if (i === 1) return { ...r, cells: r.cells.map((c, k) => (k === at(f2, "c9") ? (c as number) + 1 : c)) };
      if (i === f2.rows.length - 1)
        return { ...r, cells: r.cells.map((c, k) => (k === at(f2, "c1") ? (c as number) + 5 : c)) };
      return r;
    });
    const report = await validate([{ ...f2, rows }], "bad.xlsx");
    const codes = report.files
      .flatMap((f) => f.findings)
      .filter((f) => f.severity !== "info")
      .map((f) => `${f.code}@${f.cell}`);
    const R = sheetRow(f2, 1); // members row of the first unit
    const T = sheetRow(f2, f2.rows.length - 1); // members total
    expect(codes.sort()).toEqual(
      [
        `TRANSITION_IDENTITY@L${R}`, // its end no longer = 1 − 2 − 3 − 4 + 5 + 6 + 7 + 8
        `TOTAL_ROW_MISMATCH@D${T}`, // members total start ≠ Σ members rows (+5)
        `TOTAL_ROW_MISMATCH@L${T}`, // members total end ≠ Σ members rows (they grew by 1)
        `TRANSITION_IDENTITY@L${T}`, // and the total row's own identity (start +5)
      ].sort(),
    );
  });
});

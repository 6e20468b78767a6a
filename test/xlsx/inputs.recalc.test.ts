/**
 * Sheets that invite the planner to edit an input really recalculate from it: an input cell is changed in the
 * written file, LibreOffice recalculates (forced), and the results move to the values the core computes for the
 * new input — the multi-year path (households, poor at the start, annual reduction), the blank ward summary
 * (counts → rates and totals), the blank roster (deprivation flags → count) and plan tracking (actual → % and
 * status).
 */
import ExcelJS from "exceljs";
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { standardForYear } from "../../src/core";
import {
  buildRosterTemplate,
  buildSummaryTemplate,
  buildTargetTables,
  buildTrackingTable,
  columnLetterOf,
  parameterRef,
  tableLayout,
  type ResultTable,
} from "../../src/core/tables";
import { writeTablesToFile } from "../../src/xlsx/write";
import { libreOfficeAvailable, recalcFiles } from "../support/recalc";

jest.setTimeout(180_000);

const lo = libreOfficeAvailable("test/xlsx/inputs.recalc.test.ts");
const standard = standardForYear(2026);
const FRAME = { issuer: "UBND xã Bình Điền", place: "Bình Điền" };

const UNITS = [
  { code: "01", name: "Phường An Hòa", poor: 31, households: 427 },
  { code: "02", name: "Xã Bình Điền", poor: 55, households: 366 },
  { code: "03", name: "Xã Hồng Thủy", poor: 101, households: 265 },
];

const path = buildTargetTables(
  { units: UNITS, reduction: 0.015, method: "proportional", baseYear: 2026, years: 4 },
  { frame: FRAME },
).find((t) => t.id === "targets-path")!;
const summary = buildSummaryTemplate(standard, { rows: 5, frame: FRAME });
const roster = buildRosterTemplate(standard, { rows: 5, frame: FRAME });
const tracking = buildTrackingTable(
  {
    period: "2026",
    items: [
      { indicator: "Số hộ thoát nghèo", unitOfMeasure: "hộ", direction: "increase", plan: 120, actual: 100 },
      {
        indicator: "Giảm tỷ lệ hộ nghèo xuống còn",
        unitOfMeasure: "%",
        direction: "reduce",
        baseline: 0.05,
        plan: 0.035,
        actual: 0.04,
        format: "percent",
      },
    ],
  },
  { frame: FRAME },
);

/** A1 address of a table column on a sheet row. */
const at = (t: ResultTable, key: string, row: number) => `${columnLetterOf(t.columns, key)}${row}`;

function num(ws: ExcelJS.Worksheet, address: string): number | string | null {
  const v = ws.getCell(address).value as unknown;
  if (v && typeof v === "object" && "result" in (v as object)) return (v as { result: number | string }).result;
  if (v && typeof v === "object" && "formula" in (v as object)) return null;
  return v as number | string | null;
}

(lo ? describe : describe.skip)("edited inputs recalculate in LibreOffice", () => {
  const dir = mkdtempSync(join(tmpdir(), "inputs-recalc-"));
  const books: Record<string, ExcelJS.Worksheet> = {};

  beforeAll(async () => {
    const edits: Record<string, [ResultTable, (ws: ExcelJS.Worksheet) => void]> = {
      path: [
        path,
        (ws) => {
          ws.getCell(parameterRef(path, "households").replace(/\$/g, "")).value = 2000;
          ws.getCell(parameterRef(path, "poor").replace(/\$/g, "")).value = 300;
          ws.getCell(parameterRef(path, "reduction").replace(/\$/g, "")).value = 0.02;
        },
      ],
      summary: [
        summary,
        (ws) => {
          const r = tableLayout(summary).firstBodyRow;
          for (const [key, v] of Object.entries({ hh: 200, mem: 800, poor: 16, near: 10, avg: 4 }))
            ws.getCell(at(summary, key, r)).value = v;
          ws.getCell(at(summary, "hh", r + 1)).value = 100;
          ws.getCell(at(summary, "poor", r + 1)).value = 3;
        },
      ],
      roster: [
        roster,
        (ws) => {
          const r = tableLayout(roster).firstBodyRow;
          for (const j of [0, 3, 7, 11]) ws.getCell(at(roster, `dep${j}`, r)).value = 1;
          ws.getCell(at(roster, "dep1", r)).value = 0;
        },
      ],
      tracking: [
        tracking,
        (ws) => {
          const r = tableLayout(tracking).firstBodyRow;
          ws.getCell(at(tracking, "actual", r)).value = 150; // 150 / 120: exceeded
          ws.getCell(at(tracking, "actual", r + 1)).value = 0.035; // reached the reduce-to plan exactly
        },
      ],
    };
    const files: string[] = [];
    for (const [name, [table, edit]] of Object.entries(edits)) {
      const written = await writeTablesToFile([table], join(dir, `${name}-written.xlsx`));
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(written);
      edit(wb.worksheets[0]);
      const edited = join(dir, `${name}.xlsx`);
      await wb.xlsx.writeFile(edited);
      files.push(edited);
    }
    const out = recalcFiles(files, join(dir, "out"));
    for (const [i, name] of Object.keys(edits).entries()) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out[i]);
      books[name] = wb.worksheets[0];
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("multi-year path: every year follows the edited households, poor at the start and annual reduction", () => {
    const ws = books.path;
    const first = tableLayout(path).firstBodyRow;
    // By hand: 300 / 2,000 = 15 %, less 2 pp a year for 4 years; poor = 2,000 × rate.
    const expected = [
      { rate: 0.15, poor: 300 },
      { rate: 0.13, poor: 260 },
      { rate: 0.11, poor: 220 },
      { rate: 0.09, poor: 180 },
      { rate: 0.07, poor: 140 },
    ];
    expect(path.rows).toHaveLength(expected.length);
    const before = path.rows.map((r) => (r.cells[2] as { value: number }).value);
    expected.forEach(({ rate, poor }, t) => {
      const row = first + t;
      expect(num(ws, at(path, "rate", row))).toBeCloseTo(rate, 12);
      expect(num(ws, at(path, "poor", row))).toBe(poor);
      if (t > 0) expect(num(ws, at(path, "rate", row))).not.toBeCloseTo(before[t], 6); // it moved
    });
  });

  test("ward summary template: rates and totals follow the typed counts", () => {
    const ws = books.summary;
    const r = tableLayout(summary).firstBodyRow;
    expect(num(ws, at(summary, "poorR", r))).toBeCloseTo(0.08, 12);
    expect(num(ws, at(summary, "nearR", r))).toBeCloseTo(0.05, 12);
    expect(num(ws, at(summary, "avgR", r))).toBeCloseTo(0.02, 12);
    expect(num(ws, at(summary, "poorR", r + 1))).toBeCloseTo(0.03, 12);
    const total = tableLayout(summary).lastBodyRow;
    expect(num(ws, at(summary, "hh", total))).toBe(300);
    expect(num(ws, at(summary, "poor", total))).toBe(19);
    expect(num(ws, at(summary, "poorR", total))).toBeCloseTo(Math.round((19 / 300) * 10000) / 10000, 12);
  });

  test("roster template: the deprivation count follows the typed flags", () => {
    const r = tableLayout(roster).firstBodyRow;
    expect(num(books.roster, at(roster, "depTotal", r))).toBe(4);
    expect([null, ""]).toContain(num(books.roster, at(roster, "depTotal", r + 1))); // an untouched row stays blank
  });

  test("plan tracking: % achieved and status follow the typed actual", () => {
    const ws = books.tracking;
    const r = tableLayout(tracking).firstBodyRow;
    expect(num(ws, at(tracking, "share", r))).toBeCloseTo(150 / 120, 12); // 125 %
    expect(num(ws, at(tracking, "status", r))).toBe("Vượt");
    // Reduce-to: (baseline − actual) / (baseline − plan) = (5 % − 3,5 %) / (5 % − 3,5 %) = 100 %.
    expect(num(ws, at(tracking, "share", r + 1))).toBeCloseTo(1, 12);
    expect(num(ws, at(tracking, "status", r + 1))).toBe("Đạt");
  });
});

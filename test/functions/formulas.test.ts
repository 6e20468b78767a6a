/**
 * POVERTY.* inside a real spreadsheet engine (HyperFormula, test-only), mixed with built-ins.
 * The functions are registered from the generated metadata and call the real exports of
 * src/functions/functions.ts; every expected value comes from src/core.
 * Each sheet is evaluated twice: blanks as Excel on the web sends them (null) and as desktop does (0).
 */
import * as path from "path";
import type { HyperFormula } from "hyperformula";
import { classifyHousehold } from "../../src/core/classify";
import { AVERAGE_UNCONFIRMED_LABEL, CATEGORY_LABELS } from "../../src/core/household";
import { alkireFoster, rate } from "../../src/core/measures";
import { incomeLine, standardForYear } from "../../src/core/standards";
import { allocate } from "../../src/core/targets";
import * as functions from "../../src/functions/functions";
import { memo } from "../../src/functions/memo";
import {
  broadcastSize,
  buildSheet,
  columnOfFirst,
  fixed,
  literalPlusOne,
  registerCustomFunctions,
  rowOfFirstWidth,
  rowsOfFirst,
  setBlankMode,
  type SizePredictor,
} from "./harness/hyperformula";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { generateCustomFunctionsMetadata } = require("custom-functions-metadata");

const SIZES: Record<string, SizePredictor> = {
  RATE: broadcastSize,
  TOTAL: broadcastSize,
  LINE: broadcastSize,
  ANNUAL: broadcastSize,
  PROGRESS: broadcastSize,
  CLASSIFY: columnOfFirst,
  CLASSIFYSCORE: columnOfFirst,
  DEPRIVATIONS: columnOfFirst,
  ALLOCATE: (sizes) => columnOfFirst([sizes[1]], []),
  MPI: fixed(3, 1),
  CONTRIB: rowOfFirstWidth,
  TARGET: rowsOfFirst(3),
  PATH: literalPlusOne(2),
  TRANSITIONS: fixed(2, 9),
};

beforeAll(async () => {
  const r = await generateCustomFunctionsMetadata([path.join(__dirname, "../../src/functions/functions.ts")], false);
  const impls: Record<string, (...a: any[]) => unknown> = {};
  for (const a of r.associate) impls[a.id] = (functions as any)[a.functionName];
  registerCustomFunctions("POVERTY", JSON.parse(r.metadataJson), impls, SIZES);
});

const value = (hf: HyperFormula, a1: string) => hf.getCellValue(hf.simpleCellAddressFromString(a1, 0)!);

describe.each(["null", "zero"] as const)("blanks arrive as %s", (mode) => {
  beforeEach(() => {
    setBlankMode(mode);
    memo.clear();
  });

  it('=IF(POVERTY.RATE(B2,C2)>0.1,"cao","thấp") and arithmetic on the rate', () => {
    const hf = buildSheet([
      ["Đơn vị", "Hộ nghèo", "Tổng số hộ", "Mức", "Tỷ lệ %"],
      ["Phường A", 120, 1000, '=IF(POVERTY.RATE(B2,C2)>0.1,"cao","thấp")', "=ROUND(POVERTY.RATE(B2,C2)*100,2)"],
      ["Xã B", 40, 1000, '=IF(POVERTY.RATE(B3,C3)>0.1,"cao","thấp")', "=ROUND(POVERTY.RATE(B3,C3)*100,2)"],
      ["Xã C", 5, null, '=IF(POVERTY.RATE(B4,C4)>0.1,"cao","thấp")', '=IFERROR(POVERTY.RATE(B4,C4),"-")'],
    ]);
    expect(value(hf, "D2")).toBe(rate(120, 1000) > 0.1 ? "cao" : "thấp");
    expect(value(hf, "D3")).toBe("thấp");
    expect(value(hf, "E2")).toBeCloseTo(Math.round(rate(120, 1000) * 10000) / 100, 10);
    expect(value(hf, "D4")).toMatchObject({ value: "#DIV/0!" }); // blank total propagates through IF
    expect(value(hf, "E4")).toBe("-");
  });

  it("=SUM(POVERTY.ALLOCATE(...)) equals the requested total and the core's allocation", () => {
    const hf = buildSheet([
      ["Đơn vị", "Hộ nghèo", "Phân bổ", "", "Tổng"],
      ["A", 50, "=POVERTY.ALLOCATE(E3,B2:B4)", "", "=SUM(POVERTY.ALLOCATE(E3,B2:B4))"],
      ["B", 31, null, "", 17],
      ["C", 19, null, "", "=SUM(C2:C4)"],
    ]);
    const core = allocate({
      total: 17,
      method: "proportional",
      units: [50, 31, 19].map((p, i) => ({ code: `dòng 000${i + 1}`, poor: p, households: p })),
    }).rows.map((r) => r.allocated);
    expect([value(hf, "C2"), value(hf, "C3"), value(hf, "C4")]).toEqual(core);
    expect(value(hf, "E2")).toBe(17);
    expect(value(hf, "E4")).toBe(17);
  });

  it("a spilled CLASSIFY feeds COUNTIF; counts equal the core's classification", () => {
    const rows: [number, number, string][] = [
      [1200000, 4, "nông thôn"],
      [1400000, 1, "nông thôn"],
      [1900000, 3, "thành thị"],
      [2100000, 0, "thành thị"],
      [2600000, 5, "nông thôn"],
      [800000, 3, "thành thị"],
    ];
    const sheet: unknown[][] = [["Thu nhập", "Thiếu hụt", "Khu vực", "Loại hộ", "", "Hộ nghèo", "Số hộ"]];
    rows.forEach((r, i) =>
      sheet.push([...r, i === 0 ? "=POVERTY.CLASSIFY(A2:A7,B2:B7,C2:C7,2024)" : null, "", null, null]),
    );
    sheet[1][5] = CATEGORY_LABELS.poor.vi;
    sheet[1][6] = "=COUNTIF(D2:D7,F2)";
    sheet[2][5] = CATEGORY_LABELS.nearPoor.vi;
    sheet[2][6] = "=COUNTIF(D2:D7,F3)";
    sheet.push([null, null, null, null, "", "", null]); // a blank row below the list
    const hf = buildSheet(sheet);
    const s = standardForYear(2024);
    const results = rows.map((r) =>
      classifyHousehold(
        { incomePerCapita: r[0], deprivations: r[1], area: r[2] === "thành thị" ? "urban" : "rural" },
        s,
      ),
    );
    const expected = results.map((c) => c.category);
    rows.forEach((_, i) =>
      expect(value(hf, `D${i + 2}`)).toBe(
        // no agricultural argument: the average band is labelled as not identified (Decree 07/2021)
        results[i].reason.averageCondition === "unconfirmed"
          ? AVERAGE_UNCONFIRMED_LABEL.vi
          : CATEGORY_LABELS[expected[i]].vi,
      ),
    );
    expect(value(hf, "G2")).toBe(expected.filter((c) => c === "poor").length);
    expect(value(hf, "G3")).toBe(expected.filter((c) => c === "nearPoor").length);
  });

  it("blank rows inside the classified range give empty text, not a category", () => {
    const hf = buildSheet([
      [1000000, 3, "nông thôn", "=POVERTY.CLASSIFY(A1:A3,B1:B3,C1:C3,2024)"],
      [null, null, null, null],
      [1000000, 1, "nông thôn", null],
    ]);
    expect(value(hf, "D1")).toBe("Hộ nghèo");
    expect(value(hf, "D2")).toBe("");
    expect(value(hf, "D3")).toBe("Hộ cận nghèo");
  });

  it("errors keep their code and Vietnamese message inside formulas; one bad row does not blank the spill", () => {
    const hf = buildSheet([
      [10, 100, "=POVERTY.RATE(A1:A3,B1:B3)"],
      ["mười", 100, null],
      [30, 20, null],
      ["=ISERROR(C2)", "=COUNT(C1:C3)", '=POVERTY.LINE("nông thôn",1990)'],
    ]);
    expect(value(hf, "C1")).toBeCloseTo(0.1, 12);
    expect(value(hf, "C2")).toMatchObject({ value: "#VALUE!", message: 'Số hộ phải là số, không phải chữ "mười"' });
    expect(value(hf, "C3")).toMatchObject({ value: "#NUM!" });
    expect(value(hf, "A4")).toBe(true);
    expect(value(hf, "B4")).toBe(1);
    expect(value(hf, "C4")).toMatchObject({ value: "#N/A" });
  });

  it("LINE, FGT, MPI, PATH, TARGET and TRANSITIONS chain with built-ins", () => {
    const hf = buildSheet([
      [1000000, 1, 1, 1, '=POVERTY.FGT(A1:A4,POVERTY.LINE("nông thôn",2024),0)', '=POVERTY.LINE("nông thôn",2024)*12'],
      [1500000, 0, 0, 0, "=INDEX(POVERTY.MPI(B1:D4,2/3),1,3)", "=SUM(POVERTY.PATH(0.05,0.015,4))"],
      [2000000, 1, 1, 0, "=INDEX(POVERTY.TARGET(120,1000,0.03),1,1)", "=POVERTY.STANDARD(2024)"],
      [3000000, 0, 0, 1, "=INDEX(POVERTY.TRANSITIONS(A1:A2,F5:F6,A1:A1,F5:F5),9,2)", ""],
      [null, null, null, null, null, "Hộ nghèo"],
      [null, null, null, null, null, "Hộ nghèo"],
    ]);
    expect(value(hf, "E1")).toBe(0.5);
    expect(value(hf, "F1")).toBe(incomeLine(standardForYear(2024), "rural", "poor") * 12);
    const af = alkireFoster(
      [
        [1, 1, 1],
        [0, 0, 0],
        [1, 1, 0],
        [0, 0, 1],
      ],
      { k: 2 / 3 },
    );
    expect(value(hf, "E2")).toBeCloseTo(af.M0, 10);
    expect(value(hf, "F2")).toBeCloseTo(0.05 + 0.035 + 0.02 + 0.005 + 0, 10);
    expect(value(hf, "E3")).toBe(30);
    expect(value(hf, "F3")).toBe("Nghị định 07/2021/NĐ-CP");
    expect(value(hf, "E4")).toBe(1);
  });
});

import { classifyHousehold, classifyScores } from "../../src/core/classify";
import { AVERAGE_UNCONFIRMED_LABEL, CATEGORY_LABELS } from "../../src/core/household";
import { alkireFoster, fgt, impliedTotal } from "../../src/core/measures";
import { defaultReviewYear, incomeLine, standardForYear } from "../../src/core/standards";
import { allocate, ratePath, requiredAnnualReduction, targetFromReduction } from "../../src/core/targets";
import { computeTransitions } from "../../src/core/transitions";
import * as F from "../../src/functions/functions";
import { memo } from "../../src/functions/memo";
import { codes, errOf, thrown } from "./helpers";

const S2024 = standardForYear(2024);
const label = (c: keyof typeof CATEGORY_LABELS) => CATEGORY_LABELS[c].vi;

beforeEach(() => memo.clear());

describe("TOTAL", () => {
  it("count ÷ rate rounded, element-wise, = core impliedTotal", () => {
    expect(F.cfTotal([[1235], [50]], [[0.0797], ["10%"]])).toEqual([[impliedTotal(1235, 0.0797)], [500]]);
  });
  it("errors per element: rate 0/blank → #NUM!, text → #VALUE!, rate > 1 (7,97 typed as a percent number) → #NUM!", () => {
    expect(codes(F.cfTotal([[1], [1], [1], [1], [1]], [[0], [null], ["abc"], [7.97], [0.5]]))).toEqual([
      ["#NUM!"],
      ["#NUM!"],
      ["#VALUE!"],
      ["#NUM!"],
      [2],
    ]);
  });
});

describe("LINE and STANDARD", () => {
  it("LINE per area, year and kind; spills over a column of areas", () => {
    expect(F.cfLine([["nông thôn"], ["thành thị"], ["Đô thị"]], 2024)).toEqual([[1500000], [2000000], [2000000]]);
    expect(F.cfLine([["nông thôn"]], 2024, "average")).toEqual([[incomeLine(S2024, "rural", "average")]]);
    expect(F.cfLine([["nông thôn"]], 2019, "near_poor")).toEqual([[1000000]]);
    expect(F.cfLine([["urban"]], 2019, "cận nghèo")).toEqual([[1300000]]);
  });
  describe("omitted year (null, desktop 0) = the core's default review year: the latest review with results", () => {
    afterEach(() => jest.useRealTimers());
    it.each([
      // today (injected)            year   standard                       rural line
      [new Date(2026, 11, 4), 2025, "Nghị định 07/2021/NĐ-CP", 1_500_000],
      // issue 12 defect 3: Jan–Aug 2027 used to switch to Decree 351/2025 (2.2M) while every list in use is the
      // 2026 review under Decree 07/2021
      [new Date(2027, 0, 20), 2025, "Nghị định 07/2021/NĐ-CP", 1_500_000],
      [new Date(2027, 5, 1), 2026, "Nghị định 07/2021/NĐ-CP", 1_500_000],
      [new Date(2028, 2, 1), 2027, "Nghị định 351/2025/NĐ-CP", 2_200_000],
    ])("on %s: year %i, %s, line %i", (today, year, doc, line) => {
      jest.useFakeTimers({ now: today, doNotFake: ["nextTick", "setImmediate", "setTimeout", "setInterval"] });
      expect(defaultReviewYear(new Date())).toBe(year);
      expect(F.cfLine([["nông thôn"]], null)).toEqual([[line]]);
      expect(F.cfLine([["nông thôn"]], 0)).toEqual([[line]]);
      expect(F.cfLine([["nông thôn"]])).toEqual([[line]]);
      expect(F.cfStandard(null)).toBe(doc);
      expect(incomeLine(standardForYear(year), "rural", "poor")).toBe(line);
    });
  });
  it("review year 2015 (the 2016 baseline) is Decision 59/2015", () => {
    expect(F.cfLine([["nông thôn"]], 2015)).toEqual([[700000]]);
    expect(F.cfStandard(2015)).toBe("Quyết định 59/2015/QĐ-TTg");
  });
  it("LINE errors: unknown area per element (#VALUE!), blank area, unknown year (#N/A), bad kind, unknown 2027 ceiling (#N/A)", () => {
    const out = F.cfLine([["miền núi"], [null], [0], ["nông thôn"]], 2024);
    expect(errOf(out[0][0]).code).toBe("#VALUE!");
    expect(errOf(out[0][0]).message).toContain("thành thị");
    expect(errOf(out[1][0])).toEqual({ code: "#VALUE!", message: "Khu vực đang trống" });
    expect(errOf(out[2][0]).code).toBe("#VALUE!");
    expect(out[3][0]).toBe(1500000);
    expect(thrown(() => F.cfLine([["nông thôn"]], 2014)).code).toBe("#N/A");
    expect(thrown(() => F.cfLine([["nông thôn"]], 2024, "giàu")).code).toBe("#VALUE!");
    expect(errOf(F.cfLine([["nông thôn"]], 2028, "average")[0][0]).code).toBe("#N/A");
  });
  it("STANDARD names the document", () => {
    expect(F.cfStandard(2024)).toBe("Nghị định 07/2021/NĐ-CP");
    expect(F.cfStandard(2018)).toBe("Quyết định 59/2015/QĐ-TTg");
    expect(F.cfStandard(2027)).toBe("Nghị định 351/2025/NĐ-CP");
    expect(F.cfStandard("2024")).toBe("Nghị định 07/2021/NĐ-CP");
    expect(thrown(() => F.cfStandard(1999))).toMatchObject({ code: "#N/A" });
    expect(thrown(() => F.cfStandard("năm nay"))).toMatchObject({ code: "#VALUE!" });
  });
});

describe("CLASSIFY", () => {
  const flagsOf = (k: number) => Array.from({ length: 12 }, (_, j) => (j < k ? 1 : 0));
  it("labels per row from counts, equal to the core's classifyHousehold", () => {
    const rows = [
      [1500000, 3, "nông thôn"],
      [1500000, 2, "nông thôn"],
      [2000000, 0, "nông thôn"],
      [2250001, 5, "nông thôn"],
      [2000000, 4, "thành thị"],
    ] as const;
    const out = F.cfClassify(
      rows.map((r) => [r[0]]),
      rows.map((r) => [r[1]]),
      rows.map((r) => [r[2]]),
      2024,
    );
    expect(out).toEqual(
      rows.map((r) => {
        const c = classifyHousehold(
          { incomePerCapita: r[0], deprivations: r[1], area: r[2] === "thành thị" ? "urban" : "rural" },
          S2024,
        );
        return [c.reason.averageCondition === "unconfirmed" ? AVERAGE_UNCONFIRMED_LABEL.vi : label(c.category)];
      }),
    );
    expect(out.map((r) => r[0])).toEqual([
      "Hộ nghèo",
      "Hộ cận nghèo",
      // issue 12 defect 5: no agricultural flag → not an identified average-living household (Decree 07/2021)
      "Thu nhập mức sống trung bình (chưa rõ hộ NLNDN)",
      "Không thuộc diện",
      "Hộ nghèo",
    ]);
  });
  it("the optional agricultural argument decides the average category from 2022 (one column or one cell)", () => {
    const income = [[2_000_000], [2_000_000], [2_000_000], [2_000_000], [1_000_000]];
    const deps = [[0], [0], [0], [0], [1]];
    expect(F.cfClassify(income, deps, [["nông thôn"]], 2024, [[1], ["không"], [null], ["có"], [0]])).toEqual([
      ["Hộ có mức sống trung bình"],
      ["Không thuộc diện"],
      ["Thu nhập mức sống trung bình (chưa rõ hộ NLNDN)"],
      ["Hộ có mức sống trung bình"],
      ["Hộ cận nghèo"],
    ]);
    expect(F.cfClassify(income, deps, [["nông thôn"]], 2024, [[true]])).toEqual(
      income.map((_, i) => [i < 4 ? "Hộ có mức sống trung bình" : "Hộ cận nghèo"]),
    );
    // Decision 59/2015 has no trade condition: rural 1,200,000 đ is average whatever the flag.
    expect(F.cfClassify([[1_200_000], [1_200_000]], [[0], [0]], [["nông thôn"]], 2019, [[0], [null]])).toEqual([
      ["Hộ có mức sống trung bình"],
      ["Hộ có mức sống trung bình"],
    ]);
    const bad = F.cfClassify([[2_000_000], [2_000_000]], [[0], [0]], [["nông thôn"]], 2024, [["?"], [1]]);
    expect(errOf(bad[0][0]).code).toBe("#VALUE!");
    expect(bad[1][0]).toBe("Hộ có mức sống trung bình");
    expect(thrown(() => F.cfClassify(income, deps, [["nông thôn"]], 2024, [[1], [1]])).code).toBe("#VALUE!");
  });
  it("accepts 12 flags per row (1/0, x, có/không, TRUE) and one area for all rows", () => {
    const flags = [
      flagsOf(3),
      ["x", "x", "", "", "", "", "", "", "", "", "", "có"],
      [true, false, "không", 0, 0, 0, 0, 0, 0, 0, 0, 0],
    ];
    expect(F.cfClassify([[1000000], [1000000], [1000000]], flags, [["nông thôn"]], 2024)).toEqual([
      ["Hộ nghèo"],
      ["Hộ nghèo"],
      ["Hộ cận nghèo"],
    ]);
  });
  it("uses 10 flags for 2016–2021 (band rule)", () => {
    const f10 = [Array.from({ length: 10 }, () => 0)];
    expect(F.cfClassify([[600000]], f10, [["nông thôn"]], 2019)).toEqual([["Hộ nghèo"]]);
    expect(thrown(() => F.cfClassify([[600000]], [flagsOf(0)], [["nông thôn"]], 2019)).message).toContain("10");
  });
  it('blank rows give "" (web null and desktop 0); one bad row does not blank the column', () => {
    const out = F.cfClassify(
      [[1000000], [null], [0], ["abc"], [1000000], [1000000], [-5], [null], [1000000]],
      [[3], [null], [0], [1], [13], [2.5], [1], [2], ["#N/A"]],
      [
        ["nông thôn"],
        [null],
        [0],
        ["nông thôn"],
        ["nông thôn"],
        ["nông thôn"],
        ["nông thôn"],
        ["nông thôn"],
        ["nông thôn"],
      ],
      2024,
    );
    expect(out[0][0]).toBe("Hộ nghèo");
    expect(out[1][0]).toBe("");
    expect(out[2][0]).toBe("");
    expect(errOf(out[3][0]).code).toBe("#VALUE!");
    expect(errOf(out[4][0]).code).toBe("#NUM!"); // 13 > 12 indicators
    expect(errOf(out[5][0]).code).toBe("#NUM!"); // not whole
    expect(errOf(out[6][0]).code).toBe("#NUM!"); // negative income
    expect(errOf(out[7][0])).toEqual({ code: "#VALUE!", message: "Thu nhập bình quân đang trống" });
    expect(errOf(out[8][0]).code).toBe("#N/A"); // error input propagates
  });
  it("area errors per row: unknown, blank", () => {
    const out = F.cfClassify([[1], [1]], [[0], [0]], [["núi"], [null]], 2024);
    expect(errOf(out[0][0]).code).toBe("#VALUE!");
    expect(errOf(out[1][0]).message).toBe("Khu vực đang trống");
  });
  it("shape errors for the whole call", () => {
    expect(thrown(() => F.cfClassify([[1], [2]], [[1], [2], [3]], [["nông thôn"]], 2024)).code).toBe("#VALUE!");
    expect(thrown(() => F.cfClassify([[1, 2]], [[1]], [["nông thôn"]], 2024)).message).toContain("một cột");
    expect(thrown(() => F.cfClassify([[1]], [[1, 0, 1]], [["nông thôn"]], 2024)).message).toContain("12");
    expect(thrown(() => F.cfClassify([[1]], [[1]], [["nông thôn"]], 2040)).code).toBe("#N/A");
  });
  it("2027+: income above the line gives #N/A per row (ceiling unknown), others still classify", () => {
    const out = F.cfClassify([[1000000], [5000000]], [[3], [0]], [["nông thôn"]], 2027);
    expect(out[0][0]).toBe("Hộ nghèo");
    expect(errOf(out[1][0]).code).toBe("#N/A");
  });
  it("repeated calls with the same arguments are served from the memo", () => {
    const a = F.cfClassify([[1000000]], [[3]], [["nông thôn"]], 2024);
    const hits = memo.hits;
    const b = F.cfClassify([[1000000]], [[3]], [["nông thôn"]], 2024);
    expect(b).toBe(a);
    expect(memo.hits).toBe(hits + 1);
    expect(F.cfClassify([[1000000]], [[2]], [["nông thôn"]], 2024)).toEqual([["Hộ cận nghèo"]]);
  });
  it("100,000 rows with 12 flags each: well under a second", () => {
    const n = 100000;
    const inc: unknown[][] = [];
    const flags: unknown[][] = [];
    const area: unknown[][] = [];
    for (let i = 0; i < n; i++) {
      inc.push([500000 + ((i * 7919) % 3000000)]);
      flags.push(flagsOf(i % 6));
      area.push([i % 2 ? "thành thị" : "nông thôn"]);
    }
    const t = performance.now();
    const out = F.cfClassify(inc, flags, area, 2024);
    const ms = performance.now() - t;
    expect(out).toHaveLength(n);
    expect(out[1][0]).toBe(
      label(classifyHousehold({ incomePerCapita: 500000 + 7919, deprivations: 1, area: "urban" }, S2024).category),
    );
    // generous for a loaded 2-core CI machine; typical is 100–300 ms
    expect(ms).toBeLessThan(1000);
  });
});

describe("CLASSIFYSCORE", () => {
  it("labels equal the core's classifyScores; errors per row", () => {
    const out = F.cfClassifyScore(
      [[140], [140], [176], [100], [null]],
      [[30], [20], [0], [25], [null]],
      [["nông thôn"], ["nông thôn"], ["thành thị"], ["nông thôn"], [null]],
      2024,
    );
    expect(out[0][0]).toBe(label(classifyScores(140, 30, "rural", S2024).category));
    expect(out[1][0]).toBe(label(classifyScores(140, 20, "rural", S2024).category));
    expect(out[2][0]).toBe(label(classifyScores(176, 0, "urban", S2024).category));
    expect(errOf(out[3][0]).code).toBe("#VALUE!"); // 25 is not a multiple of 10
    expect(out[4][0]).toBe("");
  });
  it("no score thresholds before 2022 → #N/A", () => {
    expect(errOf(F.cfClassifyScore([[100]], [[30]], [["nông thôn"]], 2019)[0][0]).code).toBe("#N/A");
  });
});

describe("DEPRIVATIONS", () => {
  it('counts per row, blank cells count 0, empty rows give ""', () => {
    expect(
      F.cfDeprivations([
        [1, 0, "x"],
        ["có", "không", null],
        [null, "", null],
        [0, 0, 0],
        [true, true, true],
      ]),
    ).toEqual([[2], [1], [""], [0], [3]]);
  });
  it("a bad flag is an error for its row only", () => {
    const out = F.cfDeprivations([
      [1, 2],
      [1, 1],
    ]);
    expect(errOf(out[0][0]).code).toBe("#VALUE!");
    expect(errOf(out[0][0]).message).toContain("cột 2");
    expect(out[1][0]).toBe(2);
  });
});

describe("MPI and CONTRIB", () => {
  const rows = [
    [1, 1, 0],
    [1, 1, 1],
    [0, 0, 1],
    [0, 0, 0],
  ];
  it("one row [H, A, M0] equal to the core; empty rows skipped", () => {
    const r = alkireFoster(rows, { k: 2 / 3 });
    expect(F.cfMpi([...rows, [null, null, null]], 2 / 3)).toEqual([[r.H, r.A, r.M0]]);
  });
  it("default k = 3/d; weights as a row or column", () => {
    const twelve = [Array.from({ length: 12 }, (_, j) => (j < 3 ? 1 : 0)), Array.from({ length: 12 }, () => 0)];
    expect(F.cfMpi(twelve)).toEqual([[0.5, 0.25, 0.125]]);
    const w = [[1, 1, 2]];
    const r = alkireFoster(rows, { k: 0.5, weights: [1, 1, 2] });
    expect(F.cfMpi(rows, 0.5, w)).toEqual([[r.H, r.A, r.M0]]);
    expect(F.cfMpi(rows, 0.5, [[1], [1], [2]])).toEqual([[r.H, r.A, r.M0]]);
  });
  it("CONTRIB is one row of d contributions summing to 1", () => {
    const out = F.cfContrib(rows, 2 / 3);
    expect(out).toHaveLength(1);
    expect(out[0]).toHaveLength(3);
    expect(out[0].map((x) => +(x as number).toFixed(12))).toEqual([0.4, 0.4, 0.2]);
  });
  it("errors: bad flag names its row (#VALUE!), k out of (0,1] (#NUM!), wrong weight count (#VALUE!)", () => {
    const e = thrown(() =>
      F.cfMpi(
        [
          [1, 0],
          [1, "?"],
        ],
        0.5,
      ),
    );
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/^Dòng thứ 2 của vùng/);
    expect(thrown(() => F.cfMpi(rows, 3)).code).toBe("#NUM!");
    expect(thrown(() => F.cfContrib(rows, 0.5, [[1, 1]])).code).toBe("#VALUE!");
    expect(thrown(() => F.cfMpi([[null, null]])).code).toBe("#DIV/0!"); // no households
  });
});

describe("FGT", () => {
  const ys = [[1000000], [1500000], [2000000], [3000000]];
  it("P0, P1, P2 equal the core (inclusive line)", () => {
    for (const a of [0, 1, 2])
      expect(F.cfFgt(ys, [[1500000]], a)).toBeCloseTo(fgt([1000000, 1500000, 2000000, 3000000], 1500000, a), 12);
    expect(F.cfFgt(ys, [[1500000]], null)).toBe(0.5);
  });
  it("blank cells skipped; Vietnamese numeric text read", () => {
    expect(F.cfFgt([["1.000.000"], [null], [""], [3000000]], [[1500000]])).toBe(0.5);
  });
  it("errors: text income (#VALUE!, with row), line not one cell, line 0 (#NUM!), negative income (#NUM!)", () => {
    expect(thrown(() => F.cfFgt([[1], ["abc"]], [[10]])).message).toMatch(/^Dòng thứ 2/);
    expect(thrown(() => F.cfFgt(ys, [[1], [2]])).code).toBe("#VALUE!");
    expect(thrown(() => F.cfFgt(ys, [[0]])).code).toBe("#NUM!");
    expect(thrown(() => F.cfFgt([[-1]], [[10]])).code).toBe("#NUM!");
    expect(thrown(() => F.cfFgt([[null]], [[10]])).code).toBe("#DIV/0!");
  });
});

describe("TARGET, PATH, ANNUAL", () => {
  it("TARGET: one row [lift out, remaining, target rate]; one row per unit", () => {
    const t = targetFromReduction({ poor: 120, total: 1000, reduction: 0.03 });
    expect(F.cfTarget([[120]], [[1000]], [[0.03]])).toEqual([[t.liftOut, t.remainingPoor, t.targetRate]]);
    const out = F.cfTarget([[120], [50], [10]], [[1000], [0], [100]], [["3%"]]);
    expect(out[0]).toEqual([30, 90, t.targetRate]);
    expect(codes([out[1]])).toEqual([["#DIV/0!", "#DIV/0!", "#DIV/0!"]]);
    expect(out[2][0]).toBe(3);
  });
  it("TARGET reads the reduction like the pane and the CLI: a number cell is a fraction, text is in points", () => {
    const want = F.cfTarget([[120]], [[1000]], [[0.03]]);
    for (const typed of ["3", "3 điểm %", "3%", "3 pp"]) expect(F.cfTarget([[120]], [[1000]], [[typed]])).toEqual(want);
  });
  it("TARGET errors: count above total (#NUM!), a number 3 or the text 0.03 (#VALUE! saying why), blank (#VALUE!)", () => {
    expect(codes(F.cfTarget([[20]], [[10]], [[0.03]]))[0][0]).toBe("#NUM!");
    const three = F.cfTarget([[1]], [[10]], [[3]])[0][0] as InstanceType<typeof CustomFunctions.Error>;
    expect(three.code).toBe("#VALUE!");
    expect(three.message).toContain("ô ghi 1,5 % chứa số 0,015");
    const habit = F.cfTarget([[1]], [[10]], [["0.03"]])[0][0] as InstanceType<typeof CustomFunctions.Error>;
    expect(habit.code).toBe("#VALUE!");
    expect(habit.message).toContain("3 điểm %");
    expect(codes(F.cfTarget([[1]], [[10]], [[null]]))[0][0]).toBe("#VALUE!");
  });
  it("PATH spills years + 1 rates, never below 0", () => {
    expect(F.cfPath(0.05, 0.015, 4)).toEqual(ratePath(0.05, 0.015, 4).map((x) => [x]));
    expect(F.cfPath([[0.05]], "1,5%", 1)).toEqual([[0.05], [0.035]]);
    expect(F.cfPath([[0.05]], "1,5", 1)).toEqual([[0.05], [0.035]]); // typed points, as in the pane
    expect(thrown(() => F.cfPath(0.05, 0.015, null)).code).toBe("#VALUE!");
    expect(thrown(() => F.cfPath(5, 0.015, 2)).code).toBe("#NUM!");
    expect(thrown(() => F.cfPath(0.05, 0.015, 1.5)).code).toBe("#NUM!");
  });
  it("ANNUAL element-wise", () => {
    expect(F.cfAnnual([[0.0797], [0.1]], [[0.0497], [0.04]], [[2]])).toEqual([
      [requiredAnnualReduction(0.0797, 0.0497, 2)],
      [requiredAnnualReduction(0.1, 0.04, 2)],
    ]);
    expect(codes(F.cfAnnual([[0.1]], [[0.04]], [[0]]))[0][0]).toMatch(/^#/);
  });
});

describe("ALLOCATE", () => {
  it("proportional by default; sums exactly; equals the core", () => {
    const out = F.cfAllocate([[10]], [[50], [30], [20]]);
    expect(out).toEqual([[5], [3], [2]]);
    const odd = F.cfAllocate([[7]], [[10], [10], [10]]);
    expect(odd.reduce((s, [x]) => s + (x as number), 0)).toBe(7);
    const core = allocate({
      total: 7,
      method: "proportional",
      units: [0, 1, 2].map((i) => ({ code: `dòng 000${i + 1}`, poor: 10, households: 10 })),
    });
    expect(odd).toEqual(core.rows.map((r) => [r.allocated]));
  });
  it("equal_rate needs totals; weighted needs weights; a row of units works too", () => {
    expect(F.cfAllocate([[6]], [[50], [50]], [[100], [200]], "equal_rate")).toEqual([[2], [4]]);
    expect(F.cfAllocate([[6]], [[50, 50]], [[100, 200]], "equal_rate")).toEqual([[2], [4]]);
    expect(F.cfAllocate([[4]], [[50], [50]], null as any, "weighted", [[1], [3]])).toEqual([[1], [3]]);
    expect(thrown(() => F.cfAllocate([[6]], [[50], [50]], null as any, "equal_rate")).code).toBe("#VALUE!");
    expect(thrown(() => F.cfAllocate([[6]], [[50], [50]], null as any, "weighted")).code).toBe("#VALUE!");
  });
  it("errors: more than all poor (#NUM!), unknown method, length mismatch (#VALUE!)", () => {
    expect(thrown(() => F.cfAllocate([[200]], [[50], [30]])).code).toBe("#NUM!");
    expect(thrown(() => F.cfAllocate([[2]], [[50], [30]], null as any, "random")).code).toBe("#VALUE!");
    expect(thrown(() => F.cfAllocate([[2]], [[50], [30]], [[100]], "equal_rate")).code).toBe("#VALUE!");
    expect(thrown(() => F.cfAllocate([[null]], [[50], [30]])).code).toBe("#VALUE!");
  });
  it("desktop blanks in optional matrices (0) are treated as omitted", () => {
    expect(F.cfAllocate([[10]], [[50], [30], [20]], [[0]], 0, [[0]])).toEqual([[5], [3], [2]]);
  });
});

describe("PROGRESS", () => {
  it("actual ÷ target without baseline; reduce-to with a baseline", () => {
    expect(F.cfProgress([[80]], [[100]])).toEqual([[0.8]]);
    const out = F.cfProgress([[0.05]], [[0.06]], [[0.08]]);
    expect(out[0][0]).toBeCloseTo(1.5, 12);
    expect(F.cfProgress([[0.07], [0.05]], [[0.06]], [[0.08]]).map((r) => +(r[0] as number).toFixed(12))).toEqual([
      0.5, 1.5,
    ]);
  });
  it("errors: target 0 without baseline (#DIV/0!), text (#VALUE!)", () => {
    expect(codes(F.cfProgress([[1]], [[0]]))).toEqual([["#DIV/0!"]]);
    expect(codes(F.cfProgress([["x"]], [[1]]))).toEqual([["#VALUE!"]]);
  });
});

describe("TRANSITIONS", () => {
  it("9 rows [flow, households] equal to the core's Form 2 columns", () => {
    const out = F.cfTransitions(
      [["H1"], ["H2"], ["H3"], ["H4"]],
      [["Hộ nghèo"], ["nghèo"], ["Hộ cận nghèo"], ["Hộ nghèo"]],
      [["H1"], ["H3"], ["H5"], ["H6"], [null]],
      [["Hộ nghèo"], ["Hộ nghèo"], ["Hộ nghèo"], ["cận nghèo"], [null]],
    );
    const core = computeTransitions(
      [
        { id: "H1", category: "poor" },
        { id: "H2", category: "poor" },
        { id: "H3", category: "nearPoor" },
        { id: "H4", category: "poor" },
      ],
      [
        { id: "H1", category: "poor" },
        { id: "H3", category: "poor" },
        { id: "H5", category: "poor" },
        { id: "H6", category: "nearPoor" },
      ],
    );
    expect(out).toHaveLength(10);
    expect(out.slice(0, 9).map((r) => r[1])).toEqual(core.poor.columns);
    expect(out[0]).toEqual(["Hộ nghèo đầu kỳ", 3]);
    expect(out[8]).toEqual(["Hộ nghèo cuối kỳ", 3]);
    expect(out[9]).toEqual([
      "Cách đọc danh sách",
      "Danh sách hộ nghèo, cận nghèo: vắng mặt = thoát nghèo / phát sinh (nhận ra từ nội dung)",
    ]);
  });
  it("issue 12 defect 8: a full review list (with non-poor households) reads absence as other decrease/increase", () => {
    // Last year H1, H2 poor and H9 not in any category; this year H1 poor, H9 near-poor, H7 poor (new on the list).
    const prevIds = [["H1"], ["H2"], ["H9"]];
    const prevSt = [["Hộ nghèo"], ["Hộ nghèo"], ["Không thuộc diện"]];
    const curIds = [["H1"], ["H9"], ["H7"], ["H8"]];
    const curSt = [["Hộ nghèo"], ["Hộ cận nghèo"], ["Hộ nghèo"], ["Không thuộc diện"]];
    const auto = F.cfTransitions(prevIds, prevSt, curIds, curSt);
    expect(auto.map((r) => r[1]).slice(0, 9)).toEqual([2, 0, 0, 1, 0, 0, 0, 1, 2]); // H2 left, H7 arrived
    expect(auto[2]).toEqual(["Giảm: thoát nghèo (lên trên chuẩn cận nghèo)", 0]);
    expect(auto[9][1]).toBe("Danh sách đầy đủ: vắng mặt = giảm khác / tăng khác (nhận ra từ nội dung)");
    const poorOnly = F.cfTransitions(prevIds, prevSt, curIds, curSt, undefined, "poor_only");
    expect(poorOnly.map((r) => r[1]).slice(0, 9)).toEqual([2, 0, 1, 0, 0, 0, 1, 0, 2]);
    expect(poorOnly[9][1]).toContain("theo tuỳ chọn");
    expect(F.cfTransitions(prevIds, prevSt, curIds, curSt, undefined, "đầy đủ")[9][1]).toMatch(/^Danh sách đầy đủ/);
    expect(thrown(() => F.cfTransitions(prevIds, prevSt, curIds, curSt, undefined, "sometimes")).code).toBe("#VALUE!");
  });
  it("ever-escaped ids make a return re-poor", () => {
    const out = F.cfTransitions([["A"]], [["không"]], [["A"]], [["nghèo"]], [["A"]]);
    expect(out[5]).toEqual(["Tăng: tái nghèo", 1]);
  });
  it("errors: unknown category or duplicate id (#VALUE!, never silently excluded), length mismatch", () => {
    expect(thrown(() => F.cfTransitions([["A"]], [["giàu"]], [["B"]], [["nghèo"]])).code).toBe("#VALUE!");
    expect(thrown(() => F.cfTransitions([["A"], ["A"]], [["nghèo"], ["nghèo"]], [["B"]], [["nghèo"]])).code).toBe(
      "#VALUE!",
    );
    expect(thrown(() => F.cfTransitions([["A"], ["B"]], [["nghèo"]], [["B"]], [["nghèo"]])).code).toBe("#VALUE!");
  });
});

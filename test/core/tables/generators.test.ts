import { alkireFoster, afDecompose, countsBy, deprivationHeadcounts, roundRate } from "../../../src/core/measures";
import { allocate, progress, ratePath, targetFromReduction } from "../../../src/core/targets";
import { legalBasis } from "../../../src/core/standards";
import {
  buildAfTables,
  buildCauseBreakdown,
  buildDeprivationByUnit,
  buildDeprivationRates,
  buildEthnicityBreakdown,
  buildForm1,
  buildReportTables,
  buildRosterTemplate,
  buildSummaryTemplate,
  buildTargetGroupBreakdown,
  buildTargetTables,
  buildTrackingTable,
  isFormulaCell,
  tableLayout,
  type ResultTable,
  type TableCell,
} from "../../../src/core/tables";
import { sampleRoster, standard, UNITS, YEAR } from "./fixtures";

const { households, categories } = sampleRoster();
const input = { households, categories, standard, reviewYear: YEAR };

/** Value of a cell (formula → its cached value). */
const val = (c: TableCell) => (isFormulaCell(c) ? c.value : c);
const at = (t: ResultTable, key: string) => t.columns.findIndex((c) => c.key === key);
const cell = (t: ResultTable, rowIdx: number, key: string) => t.rows[rowIdx].cells[at(t, key)];
const letter = (t: ResultTable, key: string) => String.fromCharCode(65 + at(t, key));
const sheetRow = (t: ResultTable, rowIdx: number) => tableLayout(t).firstBodyRow + rowIdx;
const rowsWhere = (t: ResultTable, pred: (r: ResultTable["rows"][number]) => boolean) =>
  t.rows.map((r, i) => (pred(r) ? i : -1)).filter((i) => i >= 0);

describe("Form 1 (official results)", () => {
  const t = buildForm1(input);
  const cat = (i: number) => categories[i];
  const idx = households.map((_, i) => i);

  test("unit rows equal countsBy per area section, in households and members", () => {
    for (const area of ["urban", "rural"] as const) {
      const rows = idx.filter((i) => households[i].area === area);
      const by = countsBy(rows, (i) => households[i].unit, cat);
      const byM = countsBy(
        rows,
        (i) => households[i].unit,
        cat,
        (i) => households[i].members ?? 0,
      );
      const sectionStart = t.rows.findIndex(
        (r) => r.kind === "section" && String(r.cells[1]).toLowerCase() === standard.areaNames[area].vi.toLowerCase(),
      );
      expect(sectionStart).toBeGreaterThanOrEqual(0);
      by.groups.forEach((g, n) => {
        const r = sectionStart + 1 + n;
        expect(cell(t, r, "unit")).toBe(g.key);
        expect(cell(t, r, "hh")).toBe(g.total);
        expect(cell(t, r, "h_poor")).toBe(g.poor);
        expect(cell(t, r, "h_nearPoor")).toBe(g.nearPoor);
        expect(cell(t, r, "h_average")).toBe(g.average);
        expect(cell(t, r, "mem")).toBe(byM.groups[n].total);
        expect(cell(t, r, "m_poor")).toBe(byM.groups[n].poor);
        const rate = cell(t, r, "h_poor_r");
        const R = sheetRow(t, r);
        expect(rate).toEqual({
          formula: `ROUND(${letter(t, "h_poor")}${R}/${letter(t, "hh")}${R},4)`,
          value: roundRate(g.poorRate, 2),
        });
        expect(cell(t, r, "m_nearPoor_r")).toEqual({
          formula: `ROUND(${letter(t, "m_nearPoor")}${R}/${letter(t, "mem")}${R},4)`,
          value: roundRate(byM.groups[n].nearPoorRate, 2),
        });
      });
      const sub = t.rows[sectionStart + 1 + by.groups.length];
      expect(sub.kind).toBe("subtotal");
      const s = sub.cells[at(t, "h_poor")];
      expect(isFormulaCell(s) && s.formula).toMatch(/^SUM\([A-Z]+\d+:[A-Z]+\d+\)$/);
      expect(val(s)).toBe(by.total.poor);
    }
  });

  test("grand total = countsBy over all households; formula adds the subtotals", () => {
    const all = countsBy(idx, () => "x", cat).total;
    const last = t.rows.length - 1;
    expect(t.rows[last].kind).toBe("total");
    expect(val(cell(t, last, "hh"))).toBe(households.length);
    expect(val(cell(t, last, "h_poor"))).toBe(all.poor);
    expect(val(cell(t, last, "h_poor_r"))).toBe(roundRate(all.poorRate, 2));
    const subRows = rowsWhere(t, (r) => r.kind === "subtotal").map((i) => `${letter(t, "hh")}${sheetRow(t, i)}`);
    expect((cell(t, last, "hh") as { formula: string }).formula).toBe(subRows.join("+"));
    expect(all.poor).toBeGreaterThan(0);
    expect(all.nearPoor).toBeGreaterThan(0);
  });

  test("header has merged groups and the legal basis footnote cites the standard of the review year", () => {
    expect(t.headerRows[0].some((h) => h.colSpan === 2 && h.text.vi === "Hộ nghèo")).toBe(true);
    // 2026 is the transition year: the 2022–2025 standard (Decree 07/2021) continued by Decree 351/2025.
    expect(t.notes.some((n) => n.vi.startsWith("Căn cứ pháp lý: ") && n.vi.includes(legalBasis(YEAR).vi))).toBe(true);
    expect(legalBasis(YEAR).vi).toMatch(/07\/2021\/NĐ-CP.*351\/2025\/NĐ-CP/);
    expect(t.headerRows[2].map((h) => h.text.vi)).toContain("(4)=(3)/(1)");
  });

  test("English on request; member columns dropped when counts are missing", () => {
    const en = buildForm1(input, { lang: "en" });
    expect(en.lang).toBe("en");
    expect(en.rows.at(-1)!.cells[1]).toBe("GRAND TOTAL");
    const noMembers = buildForm1({
      ...input,
      households: households.map((h, i) => (i === 0 ? { ...h, members: undefined } : h)),
    });
    expect(noMembers.columns.some((c) => c.key === "mem")).toBe(false);
  });
});

describe("deprivation tables and Alkire–Foster", () => {
  const flags = households.map((h) => h.deprivationFlags as number[]);
  test("Form 4 (poor) and Form 5 (near-poor) equal deprivationHeadcounts; total deprivations is a SUM formula", () => {
    for (const group of ["poor", "nearPoor"] as const) {
      const t = buildDeprivationByUnit(input, group);
      const all = deprivationHeadcounts(flags, { categories })[group]!;
      const last = t.rows.length - 1;
      expect(val(cell(t, last, "n"))).toBe(all.households);
      all.counts.forEach((c, j) => expect(val(cell(t, last, `d${j}`))).toBe(c));
      const sum = cell(t, last, "sum");
      expect(sum).toEqual({
        formula: `SUM(D${sheetRow(t, last)}:O${sheetRow(t, last)})`,
        value: all.totalDeprivations,
      });
      const unit0 = households[0].unit;
      const u = deprivationHeadcounts(flags, { categories, include: households.map((h) => h.unit === unit0) })[group]!;
      expect(cell(t, 0, "unit")).toBe(unit0);
      expect(cell(t, 0, "n")).toBe(u.households);
      expect(val(cell(t, 0, "sum"))).toBe(u.totalDeprivations);
    }
  });

  test("deprivation rates per indicator: counts and ROUND formulas against the group row", () => {
    const t = buildDeprivationRates(input);
    const hc = deprivationHeadcounts(flags, { categories });
    expect(cell(t, 0, "poor_n")).toBe(hc.poor!.households);
    expect(t.rows).toHaveLength(1 + 12);
    hc.poor!.counts.forEach((c, j) => {
      expect(cell(t, j + 1, "poor_n")).toBe(c);
      expect(cell(t, j + 1, "poor_r")).toEqual({
        formula: `ROUND(D${sheetRow(t, j + 1)}/D$${sheetRow(t, 0)},4)`,
        value: roundRate(hc.poor!.rates![j], 2),
      });
      expect(val(cell(t, j + 1, "all_r"))).toBe(roundRate(hc.all.rates![j], 2));
    });
  });

  test("AF by unit equals afDecompose and the pooled total equals alkireFoster over everyone", () => {
    const [units, inds] = buildAfTables(input);
    const names = [...new Set(households.map((h) => h.unit))];
    const dec = afDecompose(
      names.map((n) => ({
        name: n,
        flags: households.filter((h) => h.unit === n).map((h) => h.deprivationFlags as number[]),
      })),
      { k: 3 / 12 },
    );
    dec.groups.forEach((g, i) => {
      expect(val(cell(units, i, "H"))).toBeCloseTo(g.H, 12);
      expect(val(cell(units, i, "M0"))).toBeCloseTo(g.M0, 12);
      expect(val(cell(units, i, "contrib"))).toBeCloseTo(g.contribution, 12);
      expect((cell(units, i, "M0") as { formula: string }).formula).toBe(
        `F${sheetRow(units, i)}*E${sheetRow(units, i)}`.replace(/F(\d+)\*E/, "E$1*F"),
      );
    });
    const pooled = alkireFoster(flags);
    const last = units.rows.length - 1;
    expect(val(cell(units, last, "M0"))).toBeCloseTo(pooled.M0, 12);
    expect(val(cell(units, last, "q"))).toBe(pooled.q);
    pooled.contributions.forEach((c, j) => expect(val(cell(inds, j, "pct"))).toBeCloseTo(c, 12));
    expect(val(cell(inds, 12, "abs"))).toBeCloseTo(pooled.M0, 12);
  });

  test("AF with the legal poor set uses the classification", () => {
    const [units] = buildAfTables(input, { identification: "legal" });
    const last = units.rows.length - 1;
    expect(val(cell(units, last, "q"))).toBe(categories.filter((c) => c === "poor").length);
  });
});

describe("breakdowns", () => {
  test("ethnicity: countsBy of the flag; total row SUMs", () => {
    const t = buildEthnicityBreakdown(input)!;
    const idx = households.map((_, i) => i);
    const by = countsBy(
      idx,
      (i) => (households[i].ethnicMinority ? "em" : "kinh"),
      (i) => categories[i],
    );
    const emRow = t.rows.findIndex((r) => r.cells[1] === "Hộ dân tộc thiểu số");
    const em = by.groups.find((g) => g.key === "em")!;
    expect(cell(t, emRow, "poor")).toBe(em.poor);
    expect(val(cell(t, emRow, "poorR"))).toBe(roundRate(em.poorRate, 2));
    expect(val(cell(t, t.rows.length - 1, "hh"))).toBe(households.length);
  });

  test("target groups (overlapping, no total) and causes (poor only, shares sum to 1)", () => {
    const tg = buildTargetGroupBreakdown(input)!;
    expect(tg.rows.every((r) => r.kind === "body")).toBe(true);
    const noLabour = households.filter((h) => h.targetGroups?.includes("noLabour")).length;
    expect(tg.rows.find((r) => r.cells[1] === "Hộ không có khả năng lao động")!.cells[2]).toBe(noLabour);
    const c = buildCauseBreakdown(input)!;
    const poor = categories.filter((x) => x === "poor").length;
    expect(val(cell(c, c.rows.length - 1, "n"))).toBe(poor);
    const shares = c.rows.slice(0, -1).map((r) => val(r.cells[3]) as number);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 3);
  });

  test("absent columns give no table", () => {
    const bare = households.map(({ ethnicMinority: _e, targetGroups: _t, povertyCause: _p, ...h }) => h);
    const i2 = { ...input, households: bare };
    expect(buildEthnicityBreakdown(i2)).toBeNull();
    expect(buildTargetGroupBreakdown(i2)).toBeNull();
    expect(buildCauseBreakdown(i2)).toBeNull();
    const ids = buildReportTables(bare, standard, { reviewYear: YEAR, categories }).map((t) => t.id);
    expect(ids).toEqual([
      "form1-results",
      "form4-poor",
      "form5-nearpoor",
      "deprivation-rates",
      "af-units",
      "af-indicators",
    ]);
  });
});

describe("target tables", () => {
  const poor = UNITS.reduce((a, u) => a + u.poor, 0);
  const hh = UNITS.reduce((a, u) => a + u.households, 0);
  for (const method of ["proportional", "equal_rate"] as const) {
    test(`annual target (${method}) = targetFromReduction + allocate; audit shows quotas and remainders`, () => {
      const [t, audit] = buildTargetTables({ units: UNITS, reduction: 0.03, method, baseYear: 2025 });
      const T = targetFromReduction({ poor, total: hh, reduction: 0.03 }).liftOut;
      const alloc = allocate({ total: T, units: UNITS, method });
      alloc.rows.forEach((r, i) => {
        expect(cell(t, i, "out")).toBe(r.allocated);
        expect(val(cell(t, i, "poor1"))).toBe(r.remainingPoor);
        expect(val(cell(t, i, "rate1"))).toBe(roundRate(r.targetRate, 2));
        expect(cell(audit, i, "quota")).toBe(r.quota);
        expect(val(cell(audit, i, "rem"))).toBe(r.remainder);
        expect((cell(audit, i, "floor") as { formula: string }).formula).toBe(`INT(G${sheetRow(audit, i)})`);
      });
      const last = t.rows.length - 1;
      expect(val(cell(t, last, "out"))).toBe(T);
      expect(t.notes[0].vi).toContain("Phương pháp phân bổ");
    });
  }

  test("tiered without a reduction; weighted", () => {
    const [t] = buildTargetTables({
      units: UNITS,
      method: "tiered",
      tierReductions: { poor: 0.04, other: 0.01 },
      baseYear: 2025,
    }).slice(0, 1);
    expect(val(cell(t, t.rows.length - 1, "out"))).toBe(
      allocate({ units: UNITS, method: "tiered", tierReductions: { poor: 0.04, other: 0.01 } }).total,
    );
    const w = buildTargetTables({
      units: UNITS.map((u, i) => ({ ...u, weight: i + 1 })),
      reduction: 0.02,
      method: "weighted",
      baseYear: 2025,
    });
    expect(w).toHaveLength(2);
  });

  test("multi-year path: rates equal ratePath, counts equal targetFromReduction", () => {
    const tables = buildTargetTables({
      units: UNITS,
      reduction: 0.015,
      method: "proportional",
      baseYear: 2025,
      years: 5,
    });
    const p = tables.find((x) => x.id === "targets-path")!;
    const path = ratePath(poor / hh, 0.015, 5);
    expect(p.rows).toHaveLength(6);
    path.forEach((r, t) => {
      expect(val(cell(p, t, "rate"))).toBeCloseTo(r, 10);
      if (t > 0)
        expect(val(cell(p, t, "poor"))).toBe(targetFromReduction({ poor, total: hh, reduction: 0.015 * t }).targetPoor);
    });
    expect(cell(p, 5, "year")).toBe("2030");
  });
});

describe("plan tracking", () => {
  test("share and status follow progress(); both are formulas", () => {
    const items = [
      {
        indicator: "Số lao động có việc làm mới",
        unitOfMeasure: "người",
        direction: "increase" as const,
        plan: 500,
        actual: 560,
        format: "integer" as const,
      },
      { indicator: "Hộ được hỗ trợ nhà ở", unitOfMeasure: "hộ", direction: "increase" as const, plan: 40, actual: 40 },
      {
        indicator: "Tỷ lệ hộ nghèo",
        unitOfMeasure: "%",
        direction: "reduce" as const,
        plan: 0.03,
        actual: 0.034,
        baseline: 0.045,
        format: "percent" as const,
      },
      {
        indicator: "Tỷ lệ hộ cận nghèo",
        unitOfMeasure: "%",
        direction: "reduce" as const,
        plan: 0.05,
        actual: 0.049,
        format: "percent" as const,
      },
    ];
    const t = buildTrackingTable({ items, period: "2026" });
    items.forEach((it, i) => {
      const p = progress({
        actual: it.actual,
        target: it.plan,
        direction: it.direction,
        ...(it.baseline !== undefined ? { baseline: it.baseline } : {}),
      });
      expect(val(cell(t, i, "share"))).toBe(p.share);
      expect(cell(t, i, "status")).toMatchObject({ value: p.statusVi });
      expect((cell(t, i, "status") as { formula: string }).formula).toMatch(/^IF\(ABS\(/);
    });
    expect(["Vượt", "Đạt", "Chưa đạt", "Vượt"]).toEqual(t.rows.map((r) => val(r.cells[8])));
    expect(t.rows[2].formats?.[5]).toBe("percent");
  });
});

describe("templates", () => {
  test("roster: canonical headers, drop-downs, flags 0/1, locked formula column, protected", () => {
    const t = buildRosterTemplate(standard, { rows: 5 });
    expect(t.protect).toBe(true);
    expect(t.columns.map((c) => c.header.vi).slice(0, 5)).toEqual([
      "Mã hộ",
      "Họ tên chủ hộ",
      "Xã, phường",
      "Thôn, tổ dân phố",
      "Khu vực (thành thị/nông thôn)",
    ]);
    expect(t.columns.find((c) => c.key === "area")!.validation).toEqual(
      expect.objectContaining({ kind: "list", values: ["Khu vực thành thị", "Khu vực nông thôn"] }),
    );
    expect(t.columns.find((c) => c.key === "category")!.validation).toMatchObject({
      kind: "list",
      values: ["Hộ nghèo", "Hộ cận nghèo", "Hộ có mức sống trung bình", "Không thuộc diện"],
    });
    expect(t.columns.find((c) => c.key === "dep0")!.validation).toMatchObject({ kind: "whole", min: 0, max: 1 });
    expect(t.rows).toHaveLength(5);
    expect(isFormulaCell(cell(t, 0, "depTotal"))).toBe(true);
    expect(t.title[1].vi).toMatch(/^Hướng dẫn/);
  });
  test("summary: counts validated ≥ 0, rates and totals are formulas", () => {
    const t = buildSummaryTemplate(standard, { rows: 3 });
    expect(t.columns.find((c) => c.key === "hh")!.validation).toMatchObject({ kind: "whole", min: 0 });
    expect((cell(t, 0, "poorR") as { formula: string }).formula).toContain("ROUND(");
    expect(t.rows.at(-1)!.kind).toBe("total");
  });
});

describe("transition forms (Forms 2 and 3)", () => {
  test("columns 1–8 equal computeTransitions; column 9 is the identity formula; totals SUM", async () => {
    const { generateSampleRosters } = await import("../../../src/core/sample");
    const { computeTransitions } = await import("../../../src/core/transitions");
    const { classifyRoster, buildTransitionTables } = await import("../../../src/core/tables");
    const s = generateSampleRosters({ seed: 7 });
    const prevStd = standard;
    const prevCats = classifyRoster(s.previous, prevStd);
    const curCats = classifyRoster(s.current, standard);
    const [f2, f3] = buildTransitionTables({
      previous: s.previous,
      previousCategories: prevCats,
      current: s.current,
      currentCategories: curCats,
      standard,
      reviewYear: YEAR,
      options: { everEscapedIds: s.everEscapedIds },
    });
    const all = computeTransitions(
      s.previous.map((h, i) => ({ id: h.id, category: prevCats[i], members: h.members })),
      s.current.map((h, i) => ({ id: h.id, category: curCats[i], members: h.members })),
      { everEscapedIds: s.everEscapedIds },
    );
    // the last two rows: total households, total members
    const last = f2.rows.length - 2;
    expect(cell(f2, last, "measure")).toBe("Hộ");
    for (let j = 1; j <= 9; j++) {
      expect(val(cell(f2, last, `c${j}`))).toBe(all.poor.columns[j - 1]);
      expect(val(cell(f3, last, `c${j}`))).toBe(all.nearPoor.columns[j - 1]);
      expect(val(cell(f2, last + 1, `c${j}`))).toBe(all.members!.poor.columns[j - 1]);
      expect(val(cell(f3, last + 1, `c${j}`))).toBe(all.members!.nearPoor.columns[j - 1]);
    }
    const R = sheetRow(f2, 0);
    expect(cell(f2, 0, "c9")).toMatchObject({ formula: `D${R}-E${R}-F${R}-G${R}+H${R}+I${R}+J${R}+K${R}` });
    expect(all.poor.columns.some((x, j) => j > 0 && j < 8 && x > 0)).toBe(true);
    // a roster with "phân loại đầu kỳ" gives the same forms through buildReportTables
    const withStart = s.current.map((h) => ({ ...h, startCategory: "poor" as const }));
    const ids = buildReportTables(withStart, standard, { reviewYear: YEAR, categories: curCats }).map((t) => t.id);
    expect(ids.slice(0, 3)).toEqual(["form1-results", "form2-poor-transitions", "form3-nearpoor-transitions"]);
  });
});

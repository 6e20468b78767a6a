/**
 * The one-pass reader of CLASSIFY's ranges (householdColumns, via classifyInputs) must give exactly what the
 * per-column path gives: same blank rows, numbers, counts, areas, per-row errors (code and message) and thrown
 * shape errors — on random mixes of what Excel hands a custom function.
 */
import fc from "fast-check";
import { classifyInputs, classifyInputsByColumn } from "../../src/functions/classify";
import { parseGroupedDigits } from "../../src/functions/columns";
import { parseNumericText } from "../../src/functions/normalize";
import { parseNumberText } from "../../src/core/values";
import { standardForYear } from "../../src/core/standards";

const S = standardForYear(2024);

const numText = fc.oneof(
  fc.integer({ min: 0, max: 99_999_999 }).map((x) => String(x)),
  fc.integer({ min: 0, max: 99_999_999 }).map((x) => x.toLocaleString("de-DE")), // "1.500.000"
  fc.constantFrom(
    "0.500",
    "1.50",
    "1.500",
    "1.500.",
    ".500",
    "1,500",
    "7,97",
    "1.500.000 đ",
    " 1.500 ",
    "-1.500",
    "12.34.567",
  ),
  fc.stringMatching(/^[0-9.]{1,12}$/),
);
const cellArb = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 5_000_000 }) },
  { weight: 2, arbitrary: numText },
  {
    weight: 2,
    arbitrary: fc.constantFrom<unknown>(null, "", 0, 1, "x", "X", true, false, " ", "có", "?", "#N/A", 2, NaN),
  },
);
const areaArb = fc.constantFrom<unknown>("Nông thôn", "Thành thị", "nong thon", "thanh thi", "", null, 0, "sao hỏa", 1);

function outcome(f: () => ReturnType<typeof classifyInputs>) {
  try {
    const r = f();
    return {
      n: r.n,
      skip: [...r.skip],
      incomes: [...r.incomes].map((x) => (Number.isNaN(x) ? "NaN" : x)),
      deps: [...r.deps].map((x) => (Number.isNaN(x) ? "NaN" : x)),
      areas: [...r.areas],
      errors: [...r.errors]
        .map(([i, e]) => [i, e.code, e.messageEn])
        .sort((a, b) => (a[0] as number) - (b[0] as number)), // looked up by row
    };
  } catch (e) {
    return { thrown: (e as Error).message };
  }
}

describe("classifyInputs: one pass per row = the per-column path", () => {
  test("parseGroupedDigits reads what the core parser reads (no hint, as for a function argument), or leaves it to it", () => {
    const agrees = (s: string) => {
      const fast = parseGroupedDigits(s);
      if (fast === undefined) return;
      const core = parseNumberText(s);
      expect(core?.ambiguous).toBeUndefined();
      expect(core?.value).toBe(fast);
      expect(parseNumericText(s)).toBe(fast);
    };
    fc.assert(fc.property(numText, agrees), { numRuns: 3000 });
    fc.assert(fc.property(fc.string(), agrees), { numRuns: 3000 });
    fc.assert(fc.property(fc.stringMatching(/^[0-9.,]{0,22}$/), agrees), { numRuns: 3000 });
    expect(parseGroupedDigits("1.500.000")).toBe(1_500_000);
    expect(parseGroupedDigits("0.500")).toBeUndefined();
    expect(parseGroupedDigits("0.500.000")).toBeUndefined();
  });

  test("flag blocks, count columns, broadcast areas and bad shapes", () => {
    const shape = fc.record({
      n: fc.integer({ min: 1, max: 6 }),
      flags: fc.constantFrom(12, 1, 11, 13),
      areaRows: fc.constantFrom("n", "1", "bad"),
      incomeCols: fc.constantFrom(1, 1, 1, 2),
      ragged: fc.boolean(),
    });
    fc.assert(
      fc.property(
        shape,
        fc.array(cellArb, { minLength: 120, maxLength: 120 }),
        fc.array(areaArb, { minLength: 8, maxLength: 8 }),
        (sh, cells, areas) => {
          let k = 0;
          const next = () => cells[k++ % cells.length];
          const income = Array.from({ length: sh.n }, () => Array.from({ length: sh.incomeCols }, next));
          const deps = Array.from({ length: sh.n }, (_, i) =>
            Array.from({ length: sh.ragged && i === sh.n - 1 && sh.flags > 1 ? sh.flags - 1 : sh.flags }, next),
          );
          const areaRows = sh.areaRows === "n" ? sh.n : sh.areaRows === "1" ? 1 : sh.n + 1;
          const area = Array.from({ length: areaRows }, (_, i) => [areas[i % areas.length]]);
          expect(outcome(() => classifyInputs(income, deps, area, S))).toEqual(
            outcome(() => classifyInputsByColumn(income, deps, area, S)),
          );
        },
      ),
      { numRuns: 1500 },
    );
  });

  test("blank rows (null, '', 0) are skipped without errors", () => {
    const r = classifyInputs(
      [[0], [null], [1_000_000]],
      [Array(12).fill(""), Array(12).fill(0), Array(12).fill(1)],
      [[""], [null], ["Nông thôn"]],
      S,
    );
    expect([...r.skip]).toEqual([1, 1, 0]);
    expect(r.errors.size).toBe(0);
    expect(r.deps[2]).toBe(12);
  });
});

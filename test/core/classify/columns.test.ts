import fc from "fast-check";
import {
  classifyColumns,
  classifyHousehold,
  countCodes,
  CATEGORY_CODE,
  CODE_CATEGORY,
  INVALID_CODE,
  type ClassifyOptions,
} from "../../../src/core/classify";
import { standardForYear, listStandards, type Standard } from "../../../src/core/standards";
import { PovertyError } from "../../../src/core/errors";
import { CATEGORIES, type Category } from "../../../src/core/household";

const RANK: Record<Category, number> = { poor: 0, nearPoor: 1, average: 2, none: 3 };

/** Incomes concentrated on the boundaries of every standard (line − 1, line, line + 1), plus any value. */
const boundaryIncome = fc.oneof(
  fc.constantFrom(
    ...listStandards().flatMap((s) =>
      (["rural", "urban"] as const).flatMap((a) =>
        Object.values(s.lines[a])
          .filter((v): v is number => v !== null)
          .flatMap((v) => [v - 1, v, v + 1]),
      ),
    ),
    0,
  ),
  fc.integer({ min: 0, max: 5_000_000 }),
  fc.double({ min: 0, max: 5_000_000, noNaN: true }),
);

describe("codes", () => {
  test("CATEGORY_CODE and CODE_CATEGORY are inverse; 0 is invalid", () => {
    for (const c of CATEGORIES) expect(CODE_CATEGORY[CATEGORY_CODE[c]]).toBe(c);
    expect(CODE_CATEGORY[INVALID_CODE]).toBeNull();
    expect(CATEGORY_CODE).toEqual({ poor: 1, nearPoor: 2, average: 3, none: 4 });
  });
  test("countCodes", () => {
    expect(countCodes(new Uint8Array([0, 1, 1, 2, 3, 4, 4, 4]))).toEqual({
      poor: 2,
      nearPoor: 1,
      average: 1,
      none: 3,
      invalid: 1,
    });
  });
});

describe("classifyColumns — examples", () => {
  test("band rule 2016 (0 = rural, 1 = urban)", () => {
    const s = standardForYear(2016);
    const codes = classifyColumns(
      {
        income: new Float64Array([700_000, 700_001, 700_001, 1_000_001, 1_500_001, 900_000, 1_300_001]),
        deprivations: new Uint8Array([0, 2, 3, 5, 0, 0, 0]),
        area: new Uint8Array([0, 0, 0, 0, 0, 1, 1]),
      },
      s,
    );
    expect(Array.from(codes, (c) => CODE_CATEGORY[c])).toEqual([
      "poor",
      "nearPoor",
      "poor",
      "average",
      "none",
      "poor",
      "average",
    ]);
  });

  test("invalid rows get 0 and the rest are classified", () => {
    const s = standardForYear(2022);
    const codes = classifyColumns(
      {
        income: [1_000_000, -1, NaN, Infinity, 1_000_000, 1_000_000, 1_000_000, 1_000_000, 1_000_000],
        deprivations: [3, 3, 3, 3, 13, 2.5, -1, 3, NaN],
        area: [0, 0, 0, 0, 0, 0, 0, 2, 1],
      },
      s,
    );
    expect(Array.from(codes)).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  test("agricultural column: 0 → none above the line", () => {
    const s = standardForYear(2022);
    const codes = classifyColumns(
      {
        income: [2_000_000, 2_000_000, 2_000_000],
        deprivations: [0, 0, 0],
        area: [0, 0, 0],
        agricultural: new Uint8Array([0, 1, 2]),
      },
      s,
    );
    expect(Array.from(codes)).toEqual([4, 3, 3]);
  });

  test("n limits the rows; short columns are INVALID_ARGUMENT", () => {
    const s = standardForYear(2022);
    expect(classifyColumns({ income: [1, 1, 1], deprivations: [3, 3, 3], area: [0, 0, 0], n: 2 }, s)).toHaveLength(2);
    expect(classifyColumns({ income: [], deprivations: [], area: [] }, s)).toHaveLength(0);
    for (const bad of [
      { income: [1, 1], deprivations: [3], area: [0, 0] },
      { income: [1, 1], deprivations: [3, 3], area: [0] },
      { income: [1], deprivations: [3, 3], area: [0, 0], n: 2 },
      { income: [1, 1], deprivations: [3, 3], area: [0, 0], agricultural: [1] },
    ]) {
      expect(() => classifyColumns(bad, s)).toThrow(PovertyError);
    }
    expect(() => classifyColumns({ income: [1], deprivations: [3], area: [0], n: -1 }, s)).toThrow(/Row count/);
    expect(() => classifyColumns({ income: [1], deprivations: [3], area: [0], n: 0.5 }, s)).toThrow(/Row count/);
  });

  test("2027+: a row above the line throws UNKNOWN_VALUE unless unknownAverage = none", () => {
    const s = standardForYear(2027);
    const cols = { income: [1_000_000, 3_000_000], deprivations: [3, 0], area: [1, 1] };
    let err: unknown;
    try {
      classifyColumns(cols, s);
    } catch (e) {
      err = e;
    }
    expect((err as PovertyError).code).toBe("UNKNOWN_VALUE");
    expect(Array.from(classifyColumns(cols, s, { unknownAverage: "none" }))).toEqual([1, 4]);
    // below the line only: no ceiling needed; counts above 12 accepted (indicator list unknown)
    expect(Array.from(classifyColumns({ income: [1, 2], deprivations: [13, 0], area: [0, 0] }, s))).toEqual([1, 2]);
  });

  test("1,000,000 rows in one pass", () => {
    const n = 1_000_000;
    const income = new Float64Array(n);
    const deprivations = new Uint8Array(n);
    const area = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      income[i] = (i * 7919) % 4_000_000;
      deprivations[i] = i % 13;
      area[i] = i % 1000 === 0 ? 2 : i & 1; // every 1000th row has an invalid area
    }
    const t = Date.now();
    const codes = classifyColumns({ income, deprivations, area }, standardForYear(2024));
    const ms = Date.now() - t;
    expect(codes).toHaveLength(n);
    const counts = countCodes(codes);
    expect(counts.poor + counts.nearPoor + counts.average + counts.none + counts.invalid).toBe(n);
    expect(counts.invalid).toBe(n / 1000);
    expect(ms).toBeLessThan(5000); // generous for shared CI; the benchmark measures the real figure
  });
});

/** per-household result as a code (0 for a PovertyError other than UNKNOWN_VALUE). */
function householdCode(
  s: Standard,
  income: number,
  dep: number,
  area: number,
  agri: number | undefined,
  opts?: ClassifyOptions,
): number | "UNKNOWN" {
  try {
    const c = classifyHousehold(
      {
        incomePerCapita: income,
        deprivations: dep,
        area: area === 0 ? "rural" : area === 1 ? "urban" : (String(area) as never),
        agricultural: agri === undefined ? undefined : agri === 0 ? false : true,
      },
      s,
      opts,
    );
    return CATEGORY_CODE[c.category];
  } catch (e) {
    if (!(e instanceof PovertyError)) throw e;
    if (e.code === "UNKNOWN_VALUE") return "UNKNOWN";
    return 0;
  }
}

describe("classifyColumns ≡ classifyHousehold (property)", () => {
  const row = fc.record({
    income: fc.oneof(
      { weight: 10, arbitrary: boundaryIncome },
      { weight: 1, arbitrary: fc.constantFrom(-1, NaN, Infinity, -Infinity) },
    ),
    dep: fc.oneof(
      { weight: 10, arbitrary: fc.integer({ min: 0, max: 12 }) },
      { weight: 1, arbitrary: fc.constantFrom(13, 2.5, -1, NaN, 1e10) },
    ),
    area: fc.oneof({ weight: 10, arbitrary: fc.constantFrom(0, 1) }, { weight: 1, arbitrary: fc.constant(2) }),
    agri: fc.constantFrom(0, 1),
  });

  test.each([2016, 2022, 2026, 2027])("standard of %i", (year) => {
    const s = standardForYear(year);
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 40 }),
        fc.boolean(),
        fc.constantFrom<ClassifyOptions | undefined>(undefined, { unknownAverage: "none" }),
        (rows, withAgri, opts) => {
          const expected = rows.map((r) =>
            householdCode(s, r.income, r.dep, r.area, withAgri ? r.agri : undefined, opts),
          );
          const cols = {
            income: rows.map((r) => r.income),
            deprivations: rows.map((r) => r.dep),
            area: rows.map((r) => r.area),
            ...(withAgri ? { agricultural: rows.map((r) => r.agri) } : {}),
          };
          if (expected.includes("UNKNOWN")) {
            expect(() => classifyColumns(cols, s, opts)).toThrow(expect.objectContaining({ code: "UNKNOWN_VALUE" }));
          } else {
            expect(Array.from(classifyColumns(cols, s, opts))).toEqual(expected);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  test("typed arrays give the same codes as plain arrays", () => {
    const s = standardForYear(2019);
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ income: boundaryIncome, dep: fc.integer({ min: 0, max: 10 }), area: fc.constantFrom(0, 1) }),
        ),
        (rows) => {
          const plain = classifyColumns(
            { income: rows.map((r) => r.income), deprivations: rows.map((r) => r.dep), area: rows.map((r) => r.area) },
            s,
          );
          const typed = classifyColumns(
            {
              income: Float64Array.from(rows, (r) => r.income),
              deprivations: Uint8Array.from(rows, (r) => r.dep),
              area: Uint8Array.from(rows, (r) => r.area),
            },
            s,
          );
          expect(typed).toEqual(plain);
        },
      ),
    );
  });
});

describe("monotonicity (property)", () => {
  const opts: ClassifyOptions = { unknownAverage: "none" };
  const years = fc.constantFrom(2016, 2021, 2022, 2026, 2027, 2030);
  const area = fc.constantFrom("rural" as const, "urban" as const);
  const agri = fc.constantFrom(undefined, true, false);

  test("more income never makes a household poorer", () => {
    fc.assert(
      fc.property(
        years,
        area,
        agri,
        fc.integer({ min: 0, max: 10 }),
        boundaryIncome,
        boundaryIncome,
        (y, a, ag, dep, x1, x2) => {
          const s = standardForYear(y);
          const [lo, hi] = x1 <= x2 ? [x1, x2] : [x2, x1];
          const c1 = classifyHousehold(
            { incomePerCapita: lo, deprivations: dep, area: a, agricultural: ag },
            s,
            opts,
          ).category;
          const c2 = classifyHousehold(
            { incomePerCapita: hi, deprivations: dep, area: a, agricultural: ag },
            s,
            opts,
          ).category;
          expect(RANK[c2]).toBeGreaterThanOrEqual(RANK[c1]);
        },
      ),
      { numRuns: 2000 },
    );
  });

  test("more deprivations never makes a household better off", () => {
    fc.assert(
      fc.property(
        years,
        area,
        agri,
        boundaryIncome,
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 0, max: 10 }),
        (y, a, ag, x, d1, d2) => {
          const s = standardForYear(y);
          const [lo, hi] = d1 <= d2 ? [d1, d2] : [d2, d1];
          const c1 = classifyHousehold(
            { incomePerCapita: x, deprivations: lo, area: a, agricultural: ag },
            s,
            opts,
          ).category;
          const c2 = classifyHousehold(
            { incomePerCapita: x, deprivations: hi, area: a, agricultural: ag },
            s,
            opts,
          ).category;
          expect(RANK[c2]).toBeLessThanOrEqual(RANK[c1]);
        },
      ),
      { numRuns: 2000 },
    );
  });

  test("score path: monotone in A and in B", () => {
    const s = standardForYear(2024);
    fc.assert(
      fc.property(
        area,
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 0, max: 12 }),
        (a, s1, s2, d1, d2) => {
          const rank = (sa: number, d: number) =>
            RANK[classifyHousehold({ scoreA: sa, deprivations: d, area: a }, s).category];
          expect(rank(Math.max(s1, s2), d1)).toBeGreaterThanOrEqual(rank(Math.min(s1, s2), d1));
          expect(rank(s1, Math.max(d1, d2))).toBeLessThanOrEqual(rank(s1, Math.min(d1, d2)));
        },
      ),
    );
  });

  test("poor and near-poor never above the (near-)poverty line; average never at or below it", () => {
    fc.assert(
      fc.property(years, area, boundaryIncome, fc.integer({ min: 0, max: 10 }), (y, a, x, d) => {
        const s = standardForYear(y);
        const upper = s.rule === "and" ? s.lines[a].poverty! : s.lines[a].nearPoverty!;
        const c = classifyHousehold({ incomePerCapita: x, deprivations: d, area: a }, s, opts).category;
        if (c === "poor" || c === "nearPoor") expect(x).toBeLessThanOrEqual(upper);
        else expect(x).toBeGreaterThan(upper);
      }),
    );
  });
});

import { allocate, ALLOCATION_METHODS, largestRemainder, type AllocationUnit } from "../../../src/core/targets";
import { expectError } from "../measures/expectError";

const ABC: AllocationUnit[] = [
  { code: "A", name: "Xã A", poor: 50, households: 500 },
  { code: "B", name: "Xã B", poor: 30, households: 300 },
  { code: "C", name: "Phường C", poor: 20, households: 400 },
];
const alloc = (r: ReturnType<typeof allocate>) => r.rows.map((x) => x.allocated);

describe("allocate — proportional", () => {
  it("gives exact quotas when they are whole", () => {
    const r = allocate({ total: 10, method: "proportional", units: ABC });
    expect(r.method).toBe("proportional");
    expect(r.total).toBe(10);
    expect(alloc(r)).toEqual([5, 3, 2]);
    expect(r.rows[0]).toEqual({
      code: "A",
      name: "Xã A",
      poor: 50,
      households: 500,
      base: 50,
      rawQuota: 5,
      quota: 5,
      floor: 5,
      remainder: 0,
      allocated: 5,
      cap: 50,
      capped: false,
      rank: 1,
      remainingPoor: 45,
      rateReduction: 0.01,
      startRate: 0.1,
      targetRate: 0.09,
    });
    expect(r.notes).toEqual([]);
    expect(r.redistributed).toBe(0);
  });
  it("hands the leftover to the largest remainders (Hamilton)", () => {
    // quotas 3.5, 2.1, 1.4 → floors 3, 2, 1 → the one leftover goes to A (.5)
    const r = allocate({ total: 7, method: "proportional", units: ABC });
    expect(alloc(r)).toEqual([4, 2, 1]);
    expect(r.rows.map((x) => x.floor)).toEqual([3, 2, 1]);
    expect(r.rows[0].remainder).toBeCloseTo(0.5, 12);
    expect(r.rows.map((x) => x.rank)).toEqual([1, 3, 2]);
  });
  it("breaks ties by the larger base, then by unit code", () => {
    // quotas .5, .5 with equal bases → code ascending, whatever the input order
    const tie = (units: AllocationUnit[]) => allocate({ total: 1, method: "proportional", units });
    const a = { code: "A", poor: 10, households: 100 };
    const b = { code: "B", poor: 10, households: 100 };
    expect(tie([a, b]).rows.find((x) => x.code === "A")?.allocated).toBe(1);
    expect(tie([b, a]).rows.find((x) => x.code === "A")?.allocated).toBe(1);
    // equal remainders .5 (quotas 1.5 and .5): the larger base wins even with a later code
    const r = allocate({
      total: 3,
      method: "proportional",
      units: [
        { code: "Z", poor: 30, households: 100 },
        { code: "A", poor: 10, households: 100 },
        { code: "M", poor: 20, households: 100 },
      ],
    });
    expect(alloc(r)).toEqual([2, 0, 1]);
  });
  it("exhibits the Alabama paradox (documented): one more household can cost a unit one", () => {
    const units = [
      { code: "A", poor: 6, households: 60 },
      { code: "B", poor: 6, households: 60 },
      { code: "C", poor: 2, households: 20 },
    ];
    expect(alloc(allocate({ total: 10, method: "proportional", units }))).toEqual([4, 4, 2]);
    expect(alloc(allocate({ total: 11, method: "proportional", units }))).toEqual([5, 5, 1]);
  });
  it("allocates nothing for a zero total, even with no poor households", () => {
    expect(
      alloc(allocate({ total: 0, method: "proportional", units: [{ code: "A", poor: 0, households: 10 }] })),
    ).toEqual([0]);
    expect(allocate({ total: 0, method: "proportional", units: [] }).rows).toEqual([]);
  });
});

describe("allocate — caps", () => {
  it("holds a quota at its cap and re-spreads the excess before rounding", () => {
    const units = [{ ...ABC[0], cap: 2 }, ABC[1], ABC[2]];
    const r = allocate({ total: 10, method: "proportional", units });
    // A: 5 → 2; 8 left over B, C by 30:20 → 4.8, 3.2 → 4 + 3 = 7, leftover to B
    expect(alloc(r)).toEqual([2, 5, 3]);
    expect(r.rows[0]).toMatchObject({ capped: true, cap: 2, quota: 2, rawQuota: 5 });
    expect(r.rows[1].quota).toBeCloseTo(4.8, 12);
    expect(r.redistributed).toBeCloseTo(3, 12);
    expect(r.notes[0].en).toMatch(/1 unit\(s\) held at their cap/);
  });
  it("never gives a unit more than its poor households (default cap)", () => {
    const units = [
      { code: "A", poor: 1, households: 500 },
      { code: "B", poor: 30, households: 300 },
      { code: "C", poor: 20, households: 400 },
    ];
    const r = allocate({ total: 12, method: "equal_rate", units });
    // raw 5, 3, 4 → A capped at 1 → 11 over 300:400 → 4.714, 6.286 → 4 + 6 + leftover to B
    expect(alloc(r)).toEqual([1, 5, 6]);
    expect(r.rows[0].capped).toBe(true);
  });
  it("cascades caps until no quota exceeds its cap", () => {
    const r = allocate({
      total: 12,
      method: "weighted",
      units: [
        { code: "A", poor: 2, households: 100, weight: 1 },
        { code: "B", poor: 3, households: 100, weight: 1 },
        { code: "C", poor: 100, households: 1000, weight: 1 },
      ],
    });
    expect(alloc(r)).toEqual([2, 3, 7]);
    expect(r.rows.map((x) => x.capped)).toEqual([true, true, false]);
  });
  it("clamps an explicit cap to the poor count", () => {
    const r = allocate({ total: 3, method: "proportional", units: [{ code: "A", poor: 3, households: 10, cap: 99 }] });
    expect(r.rows[0].cap).toBe(3);
    expect(alloc(r)).toEqual([3]);
  });
  it("is infeasible when the total exceeds the caps or cannot be placed", () => {
    expectError(() => allocate({ total: 101, method: "proportional", units: ABC }), "INFEASIBLE");
    expectError(() => allocate({ total: 1, method: "proportional", units: [] }), "INFEASIBLE");
    expectError(
      () =>
        allocate({
          total: 5,
          method: "weighted",
          units: [
            { code: "A", poor: 2, households: 10, weight: 1 },
            { code: "B", poor: 50, households: 100, weight: 0 },
          ],
        }),
      "INFEASIBLE",
    );
  });
});

describe("allocate — equal_rate, weighted, tiered", () => {
  it("equal_rate is proportional to households (same pp everywhere)", () => {
    const r = allocate({ total: 12, method: "equal_rate", units: ABC });
    expect(alloc(r)).toEqual([5, 3, 4]);
    expect(r.rows.map((x) => x.rateReduction)).toEqual([0.01, 0.01, 0.01]);
  });
  it("weighted uses the unit weights", () => {
    const units = ABC.map((u, i) => ({ ...u, weight: [1, 2, 1][i] }));
    expect(alloc(allocate({ total: 8, method: "weighted", units }))).toEqual([2, 4, 2]);
  });
  it("tiered without a total: Σ tier pp × households, rounded half up", () => {
    const units = [
      { code: "A", poor: 200, households: 1000, tier: "mountain" },
      { code: "B", poor: 20, households: 2000, tier: "city" },
    ];
    const tierReductions = { mountain: 0.04, city: 0.005 };
    const r = allocate({ method: "tiered", units, tierReductions });
    expect(r.total).toBe(50);
    expect(alloc(r)).toEqual([40, 10]);
    expect(r.rows[0].tier).toBe("mountain");
    const odd = allocate({
      method: "tiered",
      units: [
        { ...units[0], households: 1010 },
        { ...units[1], households: 2010 },
      ],
      tierReductions,
    });
    // 40.4 + 10.05 = 50.45 → 50; scaled quotas 40.04, 9.96 → 40 + 9 + leftover to B
    expect(odd.total).toBe(50);
    expect(alloc(odd)).toEqual([40, 10]);
    expect(odd.notes[0].en).toMatch(/rounded to 50/);
  });
  it("tiered with a total scales the tier quotas to it", () => {
    const r = allocate({
      total: 25,
      method: "tiered",
      units: [
        { code: "A", poor: 200, households: 1000, tier: "mountain" },
        { code: "B", poor: 20, households: 2000, tier: "city" },
      ],
      tierReductions: { mountain: 0.04, city: 0.005 },
    });
    expect(alloc(r)).toEqual([20, 5]);
    expect(r.notes[0].en).toMatch(/scaled by 0.5/);
  });
});

describe("allocate — validation", () => {
  it("rejects bad methods, units and options", () => {
    expect(ALLOCATION_METHODS).toHaveLength(4);
    expectError(() => allocate({ total: 1, method: "random" as never, units: ABC }), "INVALID_ARGUMENT");
    expectError(() => allocate({ method: "proportional", units: ABC }), "INVALID_ARGUMENT");
    expectError(() => allocate({ total: 1, method: "proportional", units: [ABC[0], ABC[0]] }), "INVALID_ARGUMENT");
    expectError(
      () => allocate({ total: 1, method: "proportional", units: [{ ...ABC[0], code: "" }] }),
      "INVALID_ARGUMENT",
    );
    expectError(
      () => allocate({ total: 1, method: "proportional", units: [{ ...ABC[0], poor: 600 }] }),
      "COUNT_EXCEEDS_TOTAL",
    );
    expectError(
      () => allocate({ total: 1, method: "proportional", units: [{ code: "A", poor: 0, households: 0 }] }),
      "ZERO_TOTAL",
    );
    expectError(() => allocate({ total: 1, method: "proportional", units: [{ ...ABC[0], cap: -1 }] }), "NEGATIVE");
    expectError(() => allocate({ total: 1.5, method: "proportional", units: ABC }), "NOT_INTEGER");
    expectError(() => allocate({ total: 1, method: "proportional", units: [{ ...ABC[0], poor: 2.5 }] }), "NOT_INTEGER");
    expectError(() => allocate({ total: 1, method: "weighted", units: ABC }), "INVALID_ARGUMENT");
    expectError(() => allocate({ total: 1, method: "weighted", units: [{ ...ABC[0], weight: -1 }] }), "NEGATIVE");
    expectError(() => allocate({ total: 1, method: "tiered", units: ABC, tierReductions: {} }), "INVALID_ARGUMENT");
    expectError(() => allocate({ total: 1, method: "tiered", units: [{ ...ABC[0], tier: "x" }] }), "INVALID_ARGUMENT");
    expectError(
      () => allocate({ total: 1, method: "tiered", units: [{ ...ABC[0], tier: "x" }], tierReductions: { x: 4 } }),
      "OUT_OF_RANGE",
    );
    expectError(() => allocate({ total: 1, method: "proportional", units: "ABC" as never }), "INVALID_ARGUMENT");
  });
});

describe("largestRemainder", () => {
  it("rounds quotas to whole numbers that sum to the total", () => {
    expect(largestRemainder([1.5, 1.5, 1])).toEqual([2, 1, 1]);
    expect(largestRemainder([1.5, 1.5, 1], 4, [0, 1, 0])).toEqual([1, 2, 1]);
    expect(largestRemainder([0.3, 0.3, 0.4], 1)).toEqual([0, 0, 1]);
    expect(largestRemainder([2.9999999999999996, 1.0000000000000004])).toEqual([3, 1]);
    expect(largestRemainder([])).toEqual([]);
  });
  it("rejects bad quotas and unreachable totals", () => {
    expectError(() => largestRemainder([-1]), "NEGATIVE");
    expectError(() => largestRemainder([1.2], 5), "INFEASIBLE");
    expectError(() => largestRemainder([2.5, 2.5], 3), "INFEASIBLE");
    expectError(() => largestRemainder([1], 0.5), "NOT_INTEGER");
  });
});

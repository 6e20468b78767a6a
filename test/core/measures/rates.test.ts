import {
  countsBy,
  impliedTotal,
  impliedTotalRange,
  rate,
  rateOfUnion,
  roundRate,
  SCOPES,
  SCOPE_LABELS,
  scopeCount,
  scopeRate,
  weightedMeanRate,
} from "../../../src/core/measures";
import type { Category } from "../../../src/core/household";
import { expectError } from "./expectError";

describe("rate", () => {
  it("divides count by total as a fraction", () => {
    expect(rate(0, 5)).toBe(0);
    expect(rate(5, 5)).toBe(1);
    expect(rate(1, 4)).toBe(0.25);
    expect(rate(1235, 15500)).toBeCloseTo(0.0796774194, 10);
  });
  it("rejects bad counts with typed errors", () => {
    expectError(() => rate(-1, 5), "NEGATIVE");
    expectError(() => rate(1.5, 5), "NOT_INTEGER");
    expectError(() => rate(6, 5), "COUNT_EXCEEDS_TOTAL");
    expectError(() => rate(0, 0), "ZERO_TOTAL");
    expectError(() => rate(3, 0), "ZERO_TOTAL");
    expectError(() => rate(NaN, 5), "INVALID_NUMBER");
    expectError(() => rate(1, Infinity), "INVALID_NUMBER");
    expectError(() => rate("3" as unknown as number, 5), "INVALID_NUMBER");
    expectError(() => rate(1, -5), "NEGATIVE");
  });
});

describe("impliedTotal", () => {
  it("rounds count / rate half up", () => {
    expect(impliedTotal(1235, 0.0797)).toBe(15496); // 15495.61
    expect(impliedTotal(3, 0.4)).toBe(8); // 7.5 → 8
    expect(impliedTotal(0, 0.5)).toBe(0);
    expect(impliedTotal(7, 1)).toBe(7);
  });
  it("rejects rates outside (0, 1] and bad counts", () => {
    expectError(() => impliedTotal(1, 0), "OUT_OF_RANGE");
    expectError(() => impliedTotal(1, 1.2), "OUT_OF_RANGE");
    expectError(() => impliedTotal(1, -0.1), "OUT_OF_RANGE");
    expectError(() => impliedTotal(1.5, 0.5), "NOT_INTEGER");
    expectError(() => impliedTotal(1, NaN), "INVALID_NUMBER");
  });
});

describe("impliedTotalRange", () => {
  it("gives every total consistent with a 2-decimal published percentage", () => {
    const r = impliedTotalRange(1235, 0.0797);
    expect(r).toEqual({ min: 15486, max: 15505 });
    expect(roundRate(1235 / 15486)).toBe(0.0797);
    expect(roundRate(1235 / 15485)).toBe(0.0798);
    expect(roundRate(1235 / 15505)).toBe(0.0797);
    expect(roundRate(1235 / 15506)).toBe(0.0796);
  });
  it("handles 0 %, 100 % and other decimals", () => {
    expect(impliedTotalRange(0, 0)).toEqual({ min: 1, max: null });
    expect(impliedTotalRange(5, 1)).toEqual({ min: 5, max: 5 });
    expect(impliedTotalRange(1, 0.33, 0)).toEqual({ min: 3, max: 3 });
  });
  it("rejects impossible combinations", () => {
    expectError(() => impliedTotalRange(0, 0.05), "OUT_OF_RANGE");
    expectError(() => impliedTotalRange(1, 1.5), "OUT_OF_RANGE");
    expectError(() => impliedTotalRange(1, 0.5, -1), "NEGATIVE");
  });
});

describe("roundRate", () => {
  it("rounds to 2 decimals of the percentage, half up, without float surprises", () => {
    expect(roundRate(0.0796774)).toBe(0.0797);
    expect(roundRate(0.07965)).toBe(0.0797);
    expect(roundRate(0.079649)).toBe(0.0796);
    expect(roundRate(0.01005)).toBe(0.0101); // 1,005 % → 1,01 % (naive Math.round gives 1,00 %)
    expect(roundRate(0.07965, 1)).toBe(0.08);
    expect(roundRate(0.125, 0)).toBe(0.13);
    expect(roundRate(-0.00125)).toBe(-0.0013);
    expect(roundRate(1e-7)).toBe(0);
    expect(Object.is(roundRate(-1e-7), 0)).toBe(true);
    expect(roundRate(0)).toBe(0);
    expect(roundRate(1)).toBe(1);
  });
  it("rejects non-numbers and bad decimals", () => {
    expectError(() => roundRate(NaN), "INVALID_NUMBER");
    expectError(() => roundRate(0.1, 1.5), "NOT_INTEGER");
  });
});

describe("rateOfUnion and weightedMeanRate", () => {
  it("pools counts, not rates", () => {
    expect(
      rateOfUnion([
        { count: 10, total: 100 },
        { count: 30, total: 100 },
      ]),
    ).toBe(0.2);
    // not the plain mean of 0.5 and 0.1
    expect(
      rateOfUnion([
        { count: 1, total: 2 },
        { count: 10, total: 100 },
      ]),
    ).toBeCloseTo(11 / 102, 12);
    expect(
      rateOfUnion([
        { count: 1, total: 4 },
        { count: 0, total: 0 },
      ]),
    ).toBe(0.25);
    expect(
      weightedMeanRate([
        { rate: 0.1, total: 100 },
        { rate: 0.3, total: 300 },
      ]),
    ).toBeCloseTo(0.25, 12);
  });
  it("rejects bad parts", () => {
    expectError(() => rateOfUnion([]), "ZERO_TOTAL");
    expectError(() => rateOfUnion([{ count: 5, total: 4 }]), "COUNT_EXCEEDS_TOTAL");
    expectError(() => rateOfUnion([{ count: 1.5, total: 4 }]), "NOT_INTEGER");
    expectError(() => rateOfUnion(null as unknown as []), "INVALID_ARGUMENT");
    expectError(() => weightedMeanRate([{ rate: 1.2, total: 4 }]), "OUT_OF_RANGE");
    expectError(() => weightedMeanRate([]), "ZERO_TOTAL");
    expectError(() => weightedMeanRate([{ rate: 0.1, total: -4 }]), "NEGATIVE");
  });
});

describe("scopes", () => {
  const c = { poor: 3, nearPoor: 2, total: 10 };
  it("counts and rates per scope", () => {
    expect(SCOPES).toEqual(["poor", "nearPoor", "poorAndNearPoor"]);
    expect(SCOPE_LABELS.poorAndNearPoor.vi).toMatch(/nghèo đa chiều/);
    expect(scopeCount(c, "poor")).toBe(3);
    expect(scopeCount(c, "nearPoor")).toBe(2);
    expect(scopeCount(c, "poorAndNearPoor")).toBe(5);
    expect(scopeRate(c, "poor")).toBe(0.3);
    expect(scopeRate(c, "nearPoor")).toBe(0.2);
    expect(scopeRate(c, "poorAndNearPoor")).toBe(0.5);
  });
  it("rejects an unknown scope and a zero total", () => {
    expectError(() => scopeCount(c, "all" as never), "INVALID_ARGUMENT");
    expectError(() => scopeRate({ poor: 0, nearPoor: 0, total: 0 }, "poor"), "ZERO_TOTAL");
  });
});

describe("countsBy", () => {
  interface Row {
    unit: string;
    cat: Category;
    members: number;
  }
  const rows: Row[] = [
    { unit: "A", cat: "poor", members: 4 },
    { unit: "A", cat: "nearPoor", members: 3 },
    { unit: "B", cat: "poor", members: 2 },
    { unit: "A", cat: "none", members: 5 },
    { unit: "B", cat: "average", members: 6 },
    { unit: "A", cat: "poor", members: 1 },
  ];
  it("counts households by group in first-seen order with rates and a grand total", () => {
    const r = countsBy(
      rows,
      (x) => x.unit,
      (x) => x.cat,
    );
    expect(r.unit).toBe("households");
    expect(r.groups.map((g) => g.key)).toEqual(["A", "B"]);
    expect(r.groups[0]).toEqual({
      key: "A",
      total: 4,
      poor: 2,
      nearPoor: 1,
      average: 0,
      none: 1,
      poorAndNearPoor: 3,
      poorRate: 0.5,
      nearPoorRate: 0.25,
      averageRate: 0,
      poorAndNearPoorRate: 0.75,
    });
    expect(r.groups[1]).toMatchObject({ total: 2, poor: 1, average: 1, poorRate: 0.5, averageRate: 0.5 });
    expect(r.total).toMatchObject({ total: 6, poor: 3, nearPoor: 1, average: 1, none: 1, poorRate: 0.5 });
  });
  it("counts members with a weight (Form 1 cols 9–14)", () => {
    const r = countsBy(
      rows,
      (x) => x.unit,
      (x) => x.cat,
      (x) => x.members,
    );
    expect(r.unit).toBe("weighted");
    expect(r.groups[0]).toMatchObject({ total: 13, poor: 5, nearPoor: 3, none: 5 });
    expect(r.groups[1]).toMatchObject({ total: 8, poor: 2, average: 6, averageRate: 0.75 });
    expect(r.total.total).toBe(21);
    expect(r.total.poorRate).toBeCloseTo(1 / 3, 12);
  });
  it("handles many groups", () => {
    const many = Array.from({ length: 100 }, (_, i) => ({
      unit: `U${i % 40}`,
      cat: (i % 3 === 0 ? "poor" : "none") as Category,
    }));
    const r = countsBy(
      many,
      (x) => x.unit,
      (x) => x.cat,
    );
    expect(r.groups).toHaveLength(40);
    expect(r.groups[39].key).toBe("U39");
    expect(r.groups.reduce((a, g) => a + g.total, 0)).toBe(100);
    expect(r.total.poor).toBe(34);
  });
  it("rejects unknown categories, bad weights, empty input and weightless groups", () => {
    expectError(
      () =>
        countsBy(
          [{ c: "rich" }],
          () => "A",
          (x) => x.c as Category,
        ),
      "UNKNOWN_CATEGORY",
    );
    expectError(
      () =>
        countsBy(
          [{ c: "toString" }],
          () => "A",
          (x) => x.c as Category,
        ),
      "UNKNOWN_CATEGORY",
    );
    expectError(
      () =>
        countsBy(
          rows,
          (x) => x.unit,
          (x) => x.cat,
          () => -1,
        ),
      "NEGATIVE",
    );
    expectError(
      () =>
        countsBy(
          rows,
          (x) => x.unit,
          (x) => x.cat,
          () => NaN,
        ),
      "INVALID_NUMBER",
    );
    expectError(
      () =>
        countsBy(
          [],
          () => "A",
          () => "poor",
        ),
      "ZERO_TOTAL",
    );
    expectError(
      () =>
        countsBy(
          rows,
          (x) => x.unit,
          (x) => x.cat,
          (x) => (x.unit === "B" ? 0 : 1),
        ),
      "ZERO_TOTAL",
    );
    expectError(
      () =>
        countsBy(
          "x" as unknown as [],
          () => "A",
          () => "poor",
        ),
      "INVALID_ARGUMENT",
    );
  });
});

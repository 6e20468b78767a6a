import { fgt, fgtDecompose, fgtSummary } from "../../../src/core/measures";
import { expectError } from "./expectError";

const Y = [1_000_000, 1_500_000, 2_000_000, 3_000_000];
const Z = 1_500_000;

describe("fgt", () => {
  it("counts y ≤ z as poor by default (Vietnamese convention) and y < z when exclusive", () => {
    expect(fgt(Y, Z, 0)).toBe(0.5);
    expect(fgt(Y, Z, 0, { inclusive: false })).toBe(0.25);
  });
  it("computes the gap and severity; a household on the line has gap 0", () => {
    expect(fgt(Y, Z, 1)).toBeCloseTo(1 / 12, 12);
    expect(fgt(Y, Z, 1, { inclusive: false })).toBeCloseTo(1 / 12, 12);
    expect(fgt(Y, Z, 2)).toBeCloseTo(1 / 36, 12);
    expect(fgt(Y, Z, 3)).toBeCloseTo(1 / 108, 12);
    expect(fgt(Float64Array.from(Y), Z, 1)).toBeCloseTo(1 / 12, 12);
  });
  it("uses α itself, not ineq::Foster's α + 1 (parameter 1 = headcount there)", () => {
    expect(fgt(Y, Z, 0)).toBe(0.5); // headcount, what ineq calls parameter = 1
  });
  it("weights incomes", () => {
    expect(fgt(Y, Z, 0, { weights: [1, 3, 1, 1] })).toBeCloseTo(4 / 6, 12);
  });
  it("summarises P0, P1, P2 and the income-gap ratio", () => {
    const s = fgtSummary(Y, Z);
    expect(s.n).toBe(4);
    expect(s.q).toBe(2);
    expect(s.P0).toBe(0.5);
    expect(s.P1).toBeCloseTo(1 / 12, 12);
    expect(s.P2).toBeCloseTo(1 / 36, 12);
    expect(s.incomeGapRatio).toBeCloseTo(1 / 6, 12);
    expect(fgtSummary([2_000_000], Z).incomeGapRatio).toBeNull();
  });
  it("rejects bad input", () => {
    expectError(() => fgt([-1], Z, 0), "NEGATIVE");
    expectError(() => fgt([NaN], Z, 0), "INVALID_NUMBER");
    expectError(() => fgt(Y, 0, 0), "OUT_OF_RANGE");
    expectError(() => fgt(Y, Z, -1), "NEGATIVE");
    expectError(() => fgt([], Z, 0), "ZERO_TOTAL");
    expectError(() => fgt(Y, Z, 0, { weights: [1] }), "INVALID_ARGUMENT");
    expectError(() => fgt(Y, Z, 0, { weights: [0, 0, 0, 0] }), "ZERO_TOTAL");
    expectError(() => fgt(Y, Z, 0, { weights: [1, 1, -1, 1] }), "NEGATIVE");
  });
});

describe("fgtDecompose", () => {
  const groups = [
    { name: "g1", incomes: [1_000_000, 2_000_000] },
    { name: "g2", incomes: [1_500_000, 3_000_000] },
  ];
  it("decomposes P_α = Σ (n_g/n) P_α,g", () => {
    const h = fgtDecompose(groups, Z, 0);
    expect(h.P).toBe(0.5);
    expect(h.groups.map((g) => [g.name, g.n, g.share, g.P, g.contribution])).toEqual([
      ["g1", 2, 0.5, 0.5, 0.5],
      ["g2", 2, 0.5, 0.5, 0.5],
    ]);
    const gap = fgtDecompose(groups, Z, 1);
    expect(gap.P).toBeCloseTo(1 / 12, 12);
    expect(gap.groups[0].P).toBeCloseTo(1 / 6, 12);
    expect(gap.groups[0].contribution).toBeCloseTo(1, 12);
    expect(gap.groups[1].contribution).toBe(0);
    expect(fgtDecompose(groups, Z, 0, { inclusive: false }).groups[1].P).toBe(0);
  });
  it("gives zero contributions when nobody is poor", () => {
    const r = fgtDecompose([{ name: "rich", incomes: [5_000_000], weights: [2] }], Z, 2);
    expect(r.P).toBe(0);
    expect(r.groups[0].contribution).toBe(0);
  });
  it("rejects bad input", () => {
    expectError(() => fgtDecompose([], Z, 0), "INVALID_ARGUMENT");
    expectError(() => fgtDecompose(groups, -5, 0), "OUT_OF_RANGE");
    expectError(() => fgtDecompose([{ name: "e", incomes: [] }], Z, 0), "ZERO_TOTAL");
  });
});

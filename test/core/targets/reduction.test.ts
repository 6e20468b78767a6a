import { targetFromReduction } from "../../../src/core/targets";
import { expectError } from "../measures/expectError";

describe("targetFromReduction", () => {
  it("turns a reduction in percentage points into households (start-of-year denominator)", () => {
    const t = targetFromReduction({ poor: 120, total: 1000, reduction: 0.03 });
    expect(t).toMatchObject({
      startRate: 0.12,
      targetRate: 0.09,
      appliedReduction: 0.03,
      targetPoor: 90,
      liftOut: 30,
      exitsNeeded: 30,
      remainingPoor: 90,
      base: "start",
      denominator: 1000,
      clamped: false,
    });
    expect(t.notes).toEqual([]);
  });
  it("rounds the target count half up and keeps the target rate exact", () => {
    const t = targetFromReduction({ poor: 15, total: 200, reduction: 0.0025 });
    expect(t.targetRate).toBe(0.0725);
    expect(t.targetPoor).toBe(15); // 14.5 → 15
    expect(t.liftOut).toBe(0);
    const u = targetFromReduction({ poor: 797, total: 10_000, reduction: 0.015 });
    expect(u.targetRate).toBe(0.0647);
    expect(u.targetPoor).toBe(647);
  });
  it("never goes below 0 and says so", () => {
    const t = targetFromReduction({ poor: 10, total: 1000, reduction: 0.03 });
    expect(t.targetRate).toBe(0);
    expect(t.targetPoor).toBe(0);
    expect(t.liftOut).toBe(10);
    expect(t.appliedReduction).toBe(0.01);
    expect(t.clamped).toBe(true);
    expect(t.notes).toHaveLength(1);
    expect(t.notes[0].vi).toMatch(/bằng 0/);
  });
  it("uses a projected denominator when asked", () => {
    const t = targetFromReduction({ poor: 120, total: 1000, reduction: 0.03, base: "projected", projectedTotal: 1100 });
    expect(t).toMatchObject({ targetRate: 0.09, targetPoor: 99, liftOut: 21, denominator: 1100, base: "projected" });
    const grow = targetFromReduction({
      poor: 100,
      total: 1000,
      reduction: 0.001,
      base: "projected",
      projectedTotal: 2000,
    });
    expect(grow.targetPoor).toBe(198);
    expect(grow.liftOut).toBe(-98);
    expect(grow.notes[0].en).toMatch(/may rise/);
  });
  it("adds expected new and re-poor households to the exits needed", () => {
    expect(targetFromReduction({ poor: 120, total: 1000, reduction: 0.03, expectedInflow: 5 }).exitsNeeded).toBe(35);
  });
  it("rejects bad input", () => {
    expectError(
      () => targetFromReduction({ poor: 120, total: 1000, reduction: 0.03, base: "projected" }),
      "INVALID_ARGUMENT",
    );
    expectError(
      () => targetFromReduction({ poor: 120, total: 1000, reduction: 0.03, base: "projected", projectedTotal: 0 }),
      "ZERO_TOTAL",
    );
    expectError(
      () => targetFromReduction({ poor: 120, total: 1000, reduction: 0.03, base: "end" as never }),
      "INVALID_ARGUMENT",
    );
    expectError(() => targetFromReduction({ poor: 120, total: 1000, reduction: 3 }), "OUT_OF_RANGE"); // "3 %" passed as 3
    expectError(() => targetFromReduction({ poor: 120, total: 1000, reduction: -0.01 }), "OUT_OF_RANGE");
    expectError(() => targetFromReduction({ poor: 1200, total: 1000, reduction: 0.01 }), "COUNT_EXCEEDS_TOTAL");
    expectError(() => targetFromReduction({ poor: 0, total: 0, reduction: 0.01 }), "ZERO_TOTAL");
    expectError(() => targetFromReduction({ poor: 1, total: 10, reduction: 0.01, expectedInflow: -1 }), "NEGATIVE");
  });
});

import { progress, PROGRESS_STATUS_LABELS } from "../../../src/core/targets";
import { expectError } from "../measures/expectError";

describe("progress", () => {
  it("increase targets: share = actual / target", () => {
    expect(progress({ actual: 90, target: 100, direction: "increase" })).toEqual({
      share: 0.9,
      status: "chuaDat",
      statusVi: "Chưa đạt",
      statusEn: "Not achieved",
      shortfall: 10,
    });
    expect(progress({ actual: 100, target: 100, direction: "increase" })).toMatchObject({
      share: 1,
      status: "dat",
      statusVi: "Đạt",
      shortfall: 0,
    });
    expect(progress({ actual: 110, target: 100, direction: "increase" })).toMatchObject({
      status: "vuot",
      statusVi: "Vượt",
      shortfall: 0,
    });
    expect(progress({ actual: 0.1 + 0.2, target: 0.3, direction: "increase" }).status).toBe("dat"); // within 1e-9
  });
  it("increase targets with a baseline measure the distance covered", () => {
    expect(progress({ actual: 85, target: 90, baseline: 80, direction: "increase" })).toMatchObject({
      share: 0.5,
      status: "chuaDat",
      shortfall: 5,
    });
  });
  it("reduce-to targets with a baseline", () => {
    const r = progress({ actual: 0.05, target: 0.06, baseline: 0.08, direction: "reduce" });
    expect(r.share).toBeCloseTo(1.5, 12);
    expect(r.status).toBe("vuot");
    expect(progress({ actual: 0.06, target: 0.06, baseline: 0.08, direction: "reduce" }).status).toBe("dat");
    const c = progress({ actual: 0.07, target: 0.06, baseline: 0.08, direction: "reduce" });
    expect(c.share).toBeCloseTo(0.5, 12);
    expect(c.status).toBe("chuaDat");
    expect(c.shortfall).toBeCloseTo(0.01, 12);
  });
  it("reduce-to targets without a baseline compare actual ≤ target", () => {
    expect(progress({ actual: 0.05, target: 0.06, direction: "reduce" })).toMatchObject({
      share: null,
      status: "vuot",
    });
    expect(progress({ actual: 0.06, target: 0.06, direction: "reduce" })).toMatchObject({ share: null, status: "dat" });
    const c = progress({ actual: 0.07, target: 0.06, direction: "reduce" });
    expect(c).toMatchObject({ share: null, status: "chuaDat" });
    expect(c.shortfall).toBeCloseTo(0.01, 12);
    expect(PROGRESS_STATUS_LABELS.vuot.en).toBe("Exceeded");
  });
  it("rejects bad input", () => {
    expectError(() => progress({ actual: 1, target: 0, direction: "increase" }), "ZERO_TOTAL");
    expectError(() => progress({ actual: 1, target: 0.05, baseline: 0.04, direction: "reduce" }), "INVALID_ARGUMENT");
    expectError(() => progress({ actual: 1, target: 0.05, baseline: 0.05, direction: "reduce" }), "INVALID_ARGUMENT");
    expectError(() => progress({ actual: 1, target: 80, baseline: 90, direction: "increase" }), "INVALID_ARGUMENT");
    expectError(() => progress({ actual: 1, target: 2, direction: "up" as never }), "INVALID_ARGUMENT");
    expectError(() => progress({ actual: NaN, target: 2, direction: "increase" }), "INVALID_NUMBER");
    expectError(() => progress({ actual: 1, target: 2, baseline: Infinity, direction: "reduce" }), "INVALID_NUMBER");
  });
});

import { pathToTarget, ratePath, requiredAnnualReduction, yearsToTarget } from "../../../src/core/targets";
import { expectError } from "../measures/expectError";

describe("ratePath", () => {
  it("subtracts the annual reduction in pp and stops at 0", () => {
    expect(ratePath(0.05, 0.015, 4)).toEqual([0.05, 0.035, 0.02, 0.005, 0]);
    expect(ratePath(0.1, 0, 2)).toEqual([0.1, 0.1, 0.1]);
    expect(ratePath(0.1, 0.01, 0)).toEqual([0.1]);
    expect(ratePath(0.98, -0.01, 3)).toEqual([0.98, 0.99, 1, 1]);
  });
  it("rejects bad input", () => {
    expectError(() => ratePath(1.5, 0.01, 3), "OUT_OF_RANGE");
    expectError(() => ratePath(0.1, 2, 3), "OUT_OF_RANGE");
    expectError(() => ratePath(0.1, 0.01, 1.5), "NOT_INTEGER");
    expectError(() => ratePath(0.1, 0.01, -1), "NEGATIVE");
  });
});

describe("requiredAnnualReduction and pathToTarget", () => {
  it("spreads the distance evenly over the years", () => {
    expect(requiredAnnualReduction(0.0797, 0.0497, 2)).toBe(0.015);
    expect(requiredAnnualReduction(0.03, 0.05, 2)).toBe(-0.01);
    expect(pathToTarget(0.1, 0.04, 3)).toEqual([0.1, 0.08, 0.06, 0.04]);
    expect(pathToTarget(0.0797, 0.0497, 2)).toEqual([0.0797, 0.0647, 0.0497]);
  });
  it("rejects bad input", () => {
    expectError(() => requiredAnnualReduction(0.1, 0.05, 0), "INVALID_ARGUMENT");
    expectError(() => requiredAnnualReduction(0.1, 1.2, 3), "OUT_OF_RANGE");
    expectError(() => pathToTarget(0.1, 0.05, 0), "INVALID_ARGUMENT");
    expectError(() => pathToTarget(-0.1, 0.05, 2), "OUT_OF_RANGE");
  });
});

describe("yearsToTarget", () => {
  it("counts whole years, without float overshoot", () => {
    expect(yearsToTarget(0.05, 0.02, 0.01)).toBe(3);
    expect(yearsToTarget(0.05, 0.02, 0.015)).toBe(2);
    expect(yearsToTarget(0.05, 0.021, 0.01)).toBe(3);
    expect(yearsToTarget(0.02, 0.05, 0.01)).toBe(0);
  });
  it("rejects a zero reduction", () => {
    expectError(() => yearsToTarget(0.05, 0.02, 0), "OUT_OF_RANGE");
  });
});

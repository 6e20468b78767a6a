/**
 * Printed numbers as intervals: expected values worked out by hand in the comments (count ÷ (rate ± ½ unit)).
 */
import fc from "fast-check";
import {
  differenceConsistent,
  halfUnit,
  impliedTotalInterval,
  intersectIntervals,
  sumConsistent,
  sumIntervals,
} from "../../../src/core/measures/intervals";

describe("impliedTotalInterval", () => {
  test("13.342 hộ = 7,97 % (Kế hoạch 147/KH-UBND): 13342 ÷ 0.07975 = 167297.8 → 167298; 13342 ÷ 0.07965 = 167507.8 → 167507", () => {
    expect(impliedTotalInterval(13342, 0.0797, 4)).toEqual({ min: 167298, max: 167507 });
  });
  test("a coarse rate gives a wide interval: 115 hộ = 0,57 % → 115 ÷ 0.00575 = 20000 … 115 ÷ 0.00565 = 20353.98", () => {
    expect(impliedTotalInterval(115, 0.0057, 4)).toEqual({ min: 20000, max: 20353 });
  });
  test("one decimal of the percentage (d = 3): 3.616 = 12,5 % → 3616 ÷ 0.1255 = 28812.7 … 3616 ÷ 0.1245 = 29044.2", () => {
    expect(impliedTotalInterval(3616, 0.125, 3)).toEqual({ min: 28813, max: 29044 });
  });
  test("a pair no whole total gives: 265 hộ = 38,11 % (265 ÷ 0.38115 = 695.26 … 265 ÷ 0.38105 = 695.45)", () => {
    expect(impliedTotalInterval(265, 0.3811, 4)).toBeNull();
  });
  test("a rate that rounds to 0 bounds the total from below only; 0 households at 0 % allow any total", () => {
    expect(impliedTotalInterval(3, 0, 4)).toEqual({ min: 60000, max: Infinity });
    expect(impliedTotalInterval(0, 0, 4)).toEqual({ min: 0, max: Infinity });
  });
  test("0 households cannot be 1,20 %; negative or non-finite input has no interval", () => {
    expect(impliedTotalInterval(0, 0.012, 4)).toBeNull();
    expect(impliedTotalInterval(-1, 0.01, 4)).toBeNull();
    expect(impliedTotalInterval(5, Number.NaN, 4)).toBeNull();
  });
  test("property: the true total is always inside the interval of its own rounded rate", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2_000_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 2, max: 6 }),
        (total, k, d) => {
          const count = Math.min(total, k);
          const printed = Math.round((count / total) * 10 ** d) / 10 ** d;
          const x = impliedTotalInterval(count, printed, d);
          expect(x).not.toBeNull();
          expect(x!.min).toBeLessThanOrEqual(total);
          expect(x!.max).toBeGreaterThanOrEqual(total);
        },
      ),
    );
  });
});

test("intersect and sum", () => {
  expect(
    intersectIntervals([
      { min: 1, max: 10 },
      { min: 5, max: 20 },
    ]),
  ).toEqual({ min: 5, max: 10 });
  expect(
    intersectIntervals([
      { min: 1, max: 4 },
      { min: 5, max: 20 },
    ]),
  ).toBeNull();
  expect(intersectIntervals([])).toBeNull();
  expect(
    sumIntervals([
      { min: 1, max: 10 },
      { min: 5, max: 20 },
    ]),
  ).toEqual({ min: 6, max: 30 });
});

test("differenceConsistent: 4,32 − 3,41 = 0,91 against a stated 1 (one decimal) is off by 0,09 > 0,06", () => {
  const tol = halfUnit(4) + halfUnit(4) + halfUnit(3); // 0.00005 + 0.00005 + 0.0005 = 0.0006
  expect(tol).toBeCloseTo(0.0006, 12);
  expect(differenceConsistent(0.0432, 0.0341, 0.01, tol)).toBe(false);
  // Cư Jút: 5,33 − 3,17 = 2,16 against 2,2: off by 0,04 ≤ 0,06
  expect(differenceConsistent(0.0533, 0.0317, 0.022, tol)).toBe(true);
});

test("sumConsistent: 34,16 vs 27,49 + 6,68 = 34,17 (within 3 half units); 2,52 vs 1,00 + 1,45 is not", () => {
  expect(
    sumConsistent(0.3416, 4, [
      { value: 0.2749, decimals: 4 },
      { value: 0.0668, decimals: 4 },
    ]),
  ).toBe(true);
  expect(
    sumConsistent(0.0252, 4, [
      { value: 0.01, decimals: 4 },
      { value: 0.0145, decimals: 4 },
    ]),
  ).toBe(false);
});

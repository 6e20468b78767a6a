import { alkireFoster, rate, countsBy, fgt, roundRate, impliedTotal, impliedTotalRange } from "../../../src/core/measures";
import { allocate, targetFromReduction, ratePath, progress } from "../../../src/core/targets";

test("smoke", () => {
  expect(rate(1, 4)).toBe(0.25);
  const af = alkireFoster([[1, 1, 0], [1, 1, 1], [0, 0, 1], [0, 0, 0]], { k: 2 / 3 });
  expect(af.H).toBe(0.5);
  expect(af.A).toBeCloseTo(5 / 6);
  expect(af.contributions.map((x) => +x.toFixed(6))).toEqual([0.4, 0.4, 0.2]);
  expect(countsBy([1, 2, 3], (x) => (x > 1 ? "a" : "b"), (x) => (x === 3 ? "poor" : "none")).groups[0].key).toBe("b");
  expect(fgt([1_000_000, 1_500_000, 2_000_000, 3_000_000], 1_500_000, 0)).toBe(0.5);
  expect(roundRate(0.07965)).toBe(0.0797);
  expect(impliedTotal(1235, 0.0797)).toBe(15496);
  console.log(impliedTotalRange(1235, 0.0797));
  const a = allocate({ total: 10, method: "proportional", units: [{ code: "A", poor: 50, households: 500 }, { code: "B", poor: 30, households: 300 }, { code: "C", poor: 20, households: 400 }] });
  expect(a.rows.map((r) => r.allocated)).toEqual([5, 3, 2]);
  expect(targetFromReduction({ poor: 120, total: 1000, reduction: 0.03 }).targetPoor).toBe(90);
  expect(ratePath(0.05, 0.015, 4)).toEqual([0.05, 0.035, 0.02, 0.005, 0]);
  expect(progress({ actual: 0.05, target: 0.06, baseline: 0.08, direction: "reduce" }).status).toBe("vuot");
});

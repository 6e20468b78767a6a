import { deprivationHeadcounts } from "../../../src/core/measures";
import type { Category } from "../../../src/core/household";
import { expectError } from "./expectError";

const flags = [
  [1, 0, 1],
  [1, 1, 0],
  [0, 0, 0],
  [1, 0, 1],
];
const categories: Category[] = ["poor", "nearPoor", "none", "poor"];

describe("deprivationHeadcounts", () => {
  it("counts deprivations per indicator among all households (no categories → no poor/nearPoor groups)", () => {
    const r = deprivationHeadcounts(flags);
    expect(r.d).toBe(3);
    expect(r.all).toEqual({ households: 4, counts: [3, 1, 2], rates: [0.75, 0.25, 0.5], totalDeprivations: 6 });
    expect(r.poor).toBeUndefined();
    expect(r.nearPoor).toBeUndefined();
  });
  it("splits poor and near-poor (Forms 4–7)", () => {
    const r = deprivationHeadcounts(flags, { categories });
    expect(r.poor).toEqual({ households: 2, counts: [2, 0, 2], rates: [1, 0, 1], totalDeprivations: 4 });
    expect(r.nearPoor).toEqual({ households: 1, counts: [1, 1, 0], rates: [1, 1, 0], totalDeprivations: 2 });
  });
  it("filters rows with an include mask", () => {
    const r = deprivationHeadcounts(flags, { categories, include: [true, true, false, false] });
    expect(r.all).toEqual({ households: 2, counts: [2, 1, 1], rates: [1, 0.5, 0.5], totalDeprivations: 4 });
    expect(r.poor?.counts).toEqual([1, 0, 1]);
    expect(r.nearPoor?.households).toBe(1);
  });
  it("gives null rates (not zeros) for an empty population", () => {
    const r = deprivationHeadcounts(flags, { categories: ["none", "none", "average", "none"] });
    expect(r.poor).toEqual({ households: 0, counts: [0, 0, 0], rates: null, totalDeprivations: 0 });
    const empty = deprivationHeadcounts([], { d: 12 });
    expect(empty.d).toBe(12);
    expect(empty.all.counts).toHaveLength(12);
    expect(empty.all.rates).toBeNull();
    expect(deprivationHeadcounts([]).d).toBe(0);
  });
  it("rejects ragged rows, non-binary flags, bad options and unknown categories", () => {
    expectError(() => deprivationHeadcounts([[1, 0], [1]]), "INVALID_ARGUMENT");
    expectError(() => deprivationHeadcounts([[1, 2]]), "INVALID_ARGUMENT");
    expectError(() => deprivationHeadcounts([[1, 0], "ab" as unknown as number[]]), "INVALID_ARGUMENT");
    expectError(() => deprivationHeadcounts(flags, { categories: ["poor"] }), "INVALID_ARGUMENT");
    expectError(() => deprivationHeadcounts(flags, { include: [true] }), "INVALID_ARGUMENT");
    expectError(
      () => deprivationHeadcounts(flags, { categories: ["poor", "x" as Category, "none", "none"] }),
      "UNKNOWN_CATEGORY",
    );
    expectError(() => deprivationHeadcounts(null as unknown as number[][]), "INVALID_ARGUMENT");
    expectError(() => deprivationHeadcounts([], { d: -1 }), "NEGATIVE");
  });
});

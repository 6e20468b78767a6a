import { CATEGORY_CODE } from "../../../src/core/classify";
import type { Category } from "../../../src/core/household";
import { countsBy, countsByCodes, deprivationHeadcounts, deprivationHeadcountsFlat } from "../../../src/core/measures";
import { expectError } from "./expectError";

const CODE: Record<Category, number> = { poor: 1, nearPoor: 2, average: 3, none: 4 };

describe("columnar paths agree with the row paths", () => {
  it("uses the same category codes as classifyColumns", () => {
    expect(CATEGORY_CODE).toEqual(CODE);
  });

  const cats: Category[] = ["poor", "nearPoor", "none", "poor", "average", "poor"];
  const unit = [0, 0, 1, 0, 1, 2];
  const members = [4, 3, 5, 1, 6, 2];
  const codes = Uint8Array.from(cats.map((c) => CODE[c]));

  it("countsByCodes = countsBy", () => {
    const keys = ["A", "B", "C"];
    const rowsIdx = cats.map((_, i) => i);
    const byRows = countsBy(
      rowsIdx,
      (i) => keys[unit[i]],
      (i) => cats[i],
    );
    expect(countsByCodes(codes, { groups: unit, keys })).toEqual(byRows);
    const byRowsW = countsBy(
      rowsIdx,
      (i) => keys[unit[i]],
      (i) => cats[i],
      (i) => members[i],
    );
    expect(countsByCodes(codes, { groups: Uint32Array.from(unit), keys, weights: members })).toEqual(byRowsW);
  });
  it("countsByCodes: one group by default, index keys, empty groups left out", () => {
    const one = countsByCodes(codes);
    expect(one.groups).toHaveLength(1);
    expect(one.groups[0]).toMatchObject({ key: "all", total: 6, poor: 3, poorRate: 0.5 });
    const sparse = countsByCodes(codes, { groups: [0, 0, 3, 0, 3, 0] });
    expect(sparse.groups.map((g) => g.key)).toEqual(["0", "3"]);
    const listed = countsByCodes(codes, { groups: [0, 0, 0, 0, 0, 0], keys: ["A", "B"] });
    expect(listed.groups.map((g) => g.key)).toEqual(["A"]);
    expect(
      countsByCodes(codes, { groups: [0, 0, 0, 0, 0, 1], keys: ["A", "B"], weights: [1, 1, 1, 1, 1, 1] }).groups,
    ).toHaveLength(2);
  });
  it("countsByCodes rejects bad input", () => {
    expectError(() => countsByCodes([1, 2] as unknown as Uint8Array), "INVALID_ARGUMENT");
    expectError(() => countsByCodes(new Uint8Array(0)), "ZERO_TOTAL");
    expectError(() => countsByCodes(Uint8Array.from([1, 0])), "UNKNOWN_CATEGORY");
    expectError(() => countsByCodes(Uint8Array.from([1, 5])), "UNKNOWN_CATEGORY");
    expectError(() => countsByCodes(codes, { groups: [0] }), "INVALID_ARGUMENT");
    expectError(() => countsByCodes(codes, { weights: [1] }), "INVALID_ARGUMENT");
    expectError(() => countsByCodes(codes, { groups: [0, 0, 0, 0, 0, 2], keys: ["A", "B"] }), "INVALID_ARGUMENT");
    expectError(() => countsByCodes(codes, { groups: [0, 0, 0, 0, 0, 0.5], keys: ["A", "B"] }), "INVALID_ARGUMENT");
    expectError(() => countsByCodes(codes, { groups: [0, 0, 0, 0, 0, NaN] }), "INVALID_ARGUMENT");
    expectError(() => countsByCodes(codes, { weights: [1, 1, 1, -1, 1, 1] }), "NEGATIVE");
    expectError(() => countsByCodes(codes, { weights: [0, 0, 0, 0, 0, 0] }), "ZERO_TOTAL");
    expectError(() => countsByCodes(codes, { groups: [0, 0, 0, 0, 0, 1], weights: [1, 1, 1, 1, 1, 0] }), "ZERO_TOTAL");
  });

  const flags = [
    [1, 0, 1],
    [1, 1, 0],
    [0, 0, 0],
    [1, 0, 1],
    [0, 1, 1],
    [1, 1, 1],
  ];
  const flat = Uint8Array.from(flags.flat());
  it("deprivationHeadcountsFlat = deprivationHeadcounts", () => {
    expect(deprivationHeadcountsFlat(flat, 3)).toEqual(deprivationHeadcounts(flags));
    expect(deprivationHeadcountsFlat(flat, 3, { codes })).toEqual(deprivationHeadcounts(flags, { categories: cats }));
    const include = [true, false, true, true, false, true];
    expect(deprivationHeadcountsFlat(flat, 3, { codes, include })).toEqual(
      deprivationHeadcounts(flags, { categories: cats, include }),
    );
    expect(deprivationHeadcountsFlat(flat, 3, { include: include.map(Number) })).toEqual(
      deprivationHeadcounts(flags, { include }),
    );
    expect(deprivationHeadcountsFlat(new Uint8Array(0), 0).all.rates).toBeNull();
  });
  it("deprivationHeadcountsFlat rejects bad input", () => {
    expectError(() => deprivationHeadcountsFlat([1] as unknown as Uint8Array, 1), "INVALID_ARGUMENT");
    expectError(() => deprivationHeadcountsFlat(flat, 4), "INVALID_ARGUMENT");
    expectError(() => deprivationHeadcountsFlat(flat, 0), "INVALID_ARGUMENT");
    expectError(() => deprivationHeadcountsFlat(Uint8Array.from([0, 1, 2]), 3), "INVALID_ARGUMENT");
    expectError(() => deprivationHeadcountsFlat(flat, 3, { codes: [1] as unknown as Uint8Array }), "INVALID_ARGUMENT");
    expectError(() => deprivationHeadcountsFlat(flat, 3, { codes: Uint8Array.from([1]) }), "INVALID_ARGUMENT");
    expectError(
      () => deprivationHeadcountsFlat(flat, 3, { codes: Uint8Array.from([1, 1, 0, 1, 1, 1]) }),
      "UNKNOWN_CATEGORY",
    );
    expectError(() => deprivationHeadcountsFlat(flat, 3, { include: [true] }), "INVALID_ARGUMENT");
  });
});

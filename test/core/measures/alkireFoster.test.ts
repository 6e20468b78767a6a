import { afDecompose, alkireFoster, alkireFosterFlat, DEFAULT_AF_CUTOFF_COUNT } from "../../../src/core/measures";
import { expectError } from "./expectError";

/** 4 households × 3 indicators, worked by hand in the doc comment of alkireFoster. */
const X = [
  [1, 1, 0],
  [1, 1, 1],
  [0, 0, 1],
  [0, 0, 0],
];

function close(actual: number[], expected: number[]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((a, i) => expect(a).toBeCloseTo(expected[i], 12));
}

describe("alkireFoster", () => {
  it("computes H, A, M0, headcounts and contributions by hand (equal weights, k = 2/3)", () => {
    const r = alkireFoster(X, { k: 2 / 3 });
    // c = 2/3, 1, 1/3, 0 → poor: rows 1 and 2
    expect(r.n).toBe(4);
    expect(r.d).toBe(3);
    expect(r.q).toBe(2);
    expect(r.H).toBe(0.5);
    expect(r.A).toBeCloseTo(5 / 6, 12);
    expect(r.M0).toBeCloseTo(5 / 12, 12);
    close(r.weights, [1 / 3, 1 / 3, 1 / 3]);
    close(r.uncensored, [0.5, 0.5, 0.5]);
    close(r.censored, [0.5, 0.5, 0.25]);
    close(r.contributionsAbs, [1 / 6, 1 / 6, 1 / 12]);
    close(r.contributions, [0.4, 0.4, 0.2]);
    expect(r.identification).toBe("cutoff");
    expect(r.unit).toBe("households");
    expect(r.population).toBe(4);
  });
  it("defaults k to 3/d (here 3/3 = intersection)", () => {
    expect(DEFAULT_AF_CUTOFF_COUNT).toBe(3);
    const r = alkireFoster(X);
    expect(r.k).toBe(1);
    expect(r.H).toBe(0.25);
    expect(r.A).toBeCloseTo(1, 12);
    expect(r.M0).toBeCloseTo(0.25, 12);
    close(r.contributions, [1 / 3, 1 / 3, 1 / 3]);
  });
  it("counts exactly 3 of 12 deprivations as poor under the default cutoff (no float miss at 3 × 1/12)", () => {
    const row = (m: number) => Array.from({ length: 12 }, (_, j) => (j < m ? 1 : 0));
    const r = alkireFoster([row(3), row(2), row(12), row(0)]);
    expect(r.k).toBe(0.25);
    expect(r.q).toBe(2);
    expect(r.A).toBeCloseTo((3 / 12 + 1) / 2, 12);
    expect(r.M0).toBeCloseTo((3 / 12 + 1) / 4, 12);
  });
  it("normalises weights", () => {
    const r = alkireFoster(X, { weights: [2, 1, 1], k: 0.5 });
    // w = .5,.25,.25; c = .75, 1, .25, 0 → poor rows 0, 1
    close(r.weights, [0.5, 0.25, 0.25]);
    expect(r.H).toBe(0.5);
    expect(r.A).toBeCloseTo(0.875, 12);
    expect(r.M0).toBeCloseTo(0.4375, 12);
    close(r.censored, [0.5, 0.5, 0.25]);
    close(r.contributions, [4 / 7, 2 / 7, 1 / 7]);
  });
  it("takes the poor set from the legal classification", () => {
    const r = alkireFoster(X, { poorSet: [false, false, true, false] });
    expect(r.identification).toBe("poorSet");
    expect(r.k).toBeNull();
    expect(r.H).toBe(0.25);
    expect(r.A).toBeCloseTo(1 / 3, 12);
    expect(r.M0).toBeCloseTo(1 / 12, 12);
    close(r.censored, [0, 0, 0.25]);
    close(r.contributions, [0, 0, 1]);
    const numeric = alkireFoster(X, { poorSet: [0, 0, 1, 0] });
    expect(numeric.M0).toBeCloseTo(1 / 12, 12);
  });
  it("returns A = 0, M0 = 0 and zero contributions when nobody is poor", () => {
    const r = alkireFoster(
      [
        [1, 0, 0],
        [0, 0, 0],
      ],
      { k: 1 },
    );
    expect(r.q).toBe(0);
    expect(r.H).toBe(0);
    expect(r.A).toBe(0);
    expect(r.M0).toBe(0);
    expect(r.contributions).toEqual([0, 0, 0]);
    close(r.uncensored, [0.5, 0, 0]);
  });
  it("weights rows (member-weighted measures)", () => {
    const r = alkireFoster(
      [
        [1, 1, 0],
        [0, 0, 1],
      ],
      { k: 2 / 3, rowWeights: [3, 1] },
    );
    expect(r.unit).toBe("weighted");
    expect(r.population).toBe(4);
    expect(r.q).toBe(3);
    expect(r.H).toBe(0.75);
    expect(r.A).toBeCloseTo(2 / 3, 12);
    expect(r.M0).toBeCloseTo(0.5, 12);
    close(r.uncensored, [0.75, 0.75, 0.25]);
    close(r.censored, [0.75, 0.75, 0]);
  });
  it("rejects bad input", () => {
    expectError(() => alkireFoster([]), "ZERO_TOTAL");
    expectError(() => alkireFoster([[]]), "INVALID_ARGUMENT");
    expectError(
      () =>
        alkireFoster([
          [1, 0, 0],
          [1, 0],
        ]),
      "INVALID_ARGUMENT",
    );
    expectError(() => alkireFoster([[1, 0, 2]]), "INVALID_ARGUMENT");
    expectError(() => alkireFoster([[1, 0, 0.5]]), "INVALID_ARGUMENT");
    expectError(() => alkireFoster(X, { k: 0 }), "OUT_OF_RANGE");
    expectError(() => alkireFoster(X, { k: 1.5 }), "OUT_OF_RANGE");
    expectError(() => alkireFoster([[1, 0]]), "INVALID_ARGUMENT"); // d < 3 needs k
    expectError(() => alkireFoster(X, { weights: [1, 1] }), "INVALID_ARGUMENT");
    expectError(() => alkireFoster(X, { weights: [1, -1, 1] }), "NEGATIVE");
    expectError(() => alkireFoster(X, { weights: [0, 0, 0] }), "INVALID_ARGUMENT");
    expectError(() => alkireFoster(X, { poorSet: [true] }), "INVALID_ARGUMENT");
    expectError(() => alkireFoster(X, { rowWeights: [1] }), "INVALID_ARGUMENT");
    expectError(() => alkireFoster(X, { rowWeights: [1, 1, -1, 1] }), "NEGATIVE");
    expectError(() => alkireFoster(X, { rowWeights: [0, 0, 0, 0] }), "ZERO_TOTAL");
    expectError(() => alkireFoster(X, { k: NaN }), "INVALID_NUMBER");
  });
});

describe("alkireFosterFlat", () => {
  it("matches the row-array version", () => {
    const flat = Uint8Array.from(X.flat());
    const a = alkireFoster(X, { k: 2 / 3 });
    expect(alkireFosterFlat(flat, 3, { k: 2 / 3 })).toEqual(a);
  });
  it("runs over a large roster", () => {
    const n = 200_000;
    const d = 12;
    const flags = new Uint8Array(n * d);
    for (let i = 0; i < n; i++) for (let j = 0; j < i % 5; j++) flags[i * d + j] = 1; // 0..4 deprivations
    const r = alkireFosterFlat(flags, d);
    expect(r.H).toBeCloseTo(0.4, 12); // 3 and 4 deprivations
    expect(r.A).toBeCloseTo(3.5 / 12, 12);
  });
  it("rejects bad input", () => {
    expectError(() => alkireFosterFlat([1, 0, 0] as unknown as Uint8Array, 3), "INVALID_ARGUMENT");
    expectError(() => alkireFosterFlat(new Uint8Array(5), 3), "INVALID_ARGUMENT");
    expectError(() => alkireFosterFlat(new Uint8Array(6), 0), "INVALID_ARGUMENT");
    expectError(() => alkireFosterFlat(new Uint8Array(6), 1.5), "NOT_INTEGER");
    expectError(() => alkireFosterFlat(Uint8Array.from([1, 2, 0]), 3), "INVALID_ARGUMENT");
    expectError(() => alkireFosterFlat(new Uint8Array(0), 3), "ZERO_TOTAL");
  });
});

describe("afDecompose", () => {
  const groups = [
    {
      name: "X",
      flags: [
        [1, 1, 0],
        [0, 0, 1],
      ],
    },
    {
      name: "Y",
      flags: [
        [1, 1, 1],
        [0, 0, 0],
      ],
    },
  ];
  it("decomposes M0 by subgroup: M0 = Σ (n_g/n) M0_g, contributions sum to 1", () => {
    const r = afDecompose(groups, { k: 2 / 3 });
    expect(r.groups.map((g) => g.name)).toEqual(["X", "Y"]);
    expect(r.groups[0]).toMatchObject({ n: 2, share: 0.5, H: 0.5 });
    expect(r.groups[0].M0).toBeCloseTo(1 / 3, 12);
    expect(r.groups[1].M0).toBeCloseTo(0.5, 12);
    expect(r.overall.M0).toBeCloseTo(5 / 12, 12);
    expect(r.groups[0].contribution).toBeCloseTo(0.4, 12);
    expect(r.groups[1].contribution).toBeCloseTo(0.6, 12);
    expect(r.groups[0].contributionH).toBeCloseTo(0.5, 12);
    const pooled = alkireFoster([...groups[0].flags, ...groups[1].flags], { k: 2 / 3 });
    expect(r.overall.H).toBeCloseTo(pooled.H, 12);
    expect(r.overall.A).toBeCloseTo(pooled.A, 12);
    close(r.overall.censored, pooled.censored);
    close(r.overall.uncensored, pooled.uncensored);
    close(r.overall.contributions, pooled.contributions);
  });
  it("accepts flat groups, poor sets and row weights", () => {
    const r = afDecompose(
      [
        { name: "X", flags: Uint8Array.from([1, 1, 0, 0, 0, 1]), poorSet: [true, false], rowWeights: [2, 1] },
        { name: "Y", flags: Uint8Array.from([0, 0, 0]), poorSet: [false], rowWeights: [1] },
      ],
      { d: 3 },
    );
    expect(r.overall.population).toBe(4);
    expect(r.overall.H).toBe(0.5);
    expect(r.groups[0].contribution).toBe(1);
    expect(r.groups[1].contribution).toBe(0);
  });
  it("gives zero contributions when M0 = 0", () => {
    const r = afDecompose([{ name: "X", flags: [[0, 0, 0]] }]);
    expect(r.overall.M0).toBe(0);
    expect(r.overall.A).toBe(0);
    expect(r.groups[0].contribution).toBe(0);
    expect(r.groups[0].contributionH).toBe(0);
  });
  it("rejects inconsistent groups", () => {
    expectError(() => afDecompose([]), "INVALID_ARGUMENT");
    expectError(() => afDecompose([{ name: "X", flags: Uint8Array.from([1, 0, 0]) }]), "INVALID_ARGUMENT");
    expectError(
      () =>
        afDecompose([
          { name: "X", flags: [[1, 0, 0]] },
          { name: "Y", flags: [[1, 0, 0, 0]] },
        ]),
      "INVALID_ARGUMENT",
    );
    expectError(
      () =>
        afDecompose([
          { name: "X", flags: [[1, 0, 0]], poorSet: [true] },
          { name: "Y", flags: [[1, 0, 0]] },
        ]),
      "INVALID_ARGUMENT",
    );
    expectError(
      () =>
        afDecompose([
          { name: "X", flags: [[1, 0, 0]], rowWeights: [1] },
          { name: "Y", flags: [[1, 0, 0]] },
        ]),
      "INVALID_ARGUMENT",
    );
    expectError(() => afDecompose([{ name: "X", flags: [] }]), "ZERO_TOTAL");
  });
});

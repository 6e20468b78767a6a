import fc from "fast-check";
import {
  afDecompose,
  alkireFoster,
  alkireFosterFlat,
  fgt,
  fgtDecompose,
  impliedTotalRange,
  rateOfUnion,
  roundRate,
  weightedMeanRate,
} from "../../../src/core/measures";

const matrix = fc.record({ d: fc.integer({ min: 1, max: 12 }), n: fc.integer({ min: 1, max: 40 }) }).chain(({ d, n }) =>
  fc.record({
    d: fc.constant(d),
    rows: fc.array(fc.array(fc.constantFrom(0, 1), { minLength: d, maxLength: d }), { minLength: n, maxLength: n }),
    kShare: fc.integer({ min: 1, max: d }),
    weights: fc.option(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: d, maxLength: d }), { nil: undefined }),
  }),
);

describe("Alkire–Foster properties", () => {
  it("M0 = H × A, contributions sum to 1 when M0 > 0, M0 = Σ w_j h_j(k), flat = array", () => {
    fc.assert(
      fc.property(matrix, ({ d, rows, kShare, weights }) => {
        const w = weights && weights.some((x) => x > 0) ? weights : undefined;
        const k = kShare / d;
        const r = alkireFoster(rows, { k, weights: w });
        expect(r.M0).toBeCloseTo(r.H * r.A, 12);
        const sumAbs = r.contributionsAbs.reduce((a, b) => a + b, 0);
        expect(sumAbs).toBeCloseTo(r.M0, 12);
        const sum = r.contributions.reduce((a, b) => a + b, 0);
        if (r.M0 > 0) expect(sum).toBeCloseTo(1, 12);
        else expect(sum).toBe(0);
        for (let j = 0; j < d; j++) expect(r.censored[j]).toBeLessThanOrEqual(r.uncensored[j] + 1e-15);
        expect(r.A).toBeLessThanOrEqual(1 + 1e-12);
        if (r.q > 0) expect(r.A).toBeGreaterThanOrEqual(k - 1e-9);
        expect(alkireFosterFlat(Uint8Array.from(rows.flat()), d, { k, weights: w })).toEqual(r);
      }),
      { numRuns: 300 },
    );
  });
  it("subgroup decomposition reproduces the pooled M0 and its contributions sum to 1", () => {
    fc.assert(
      fc.property(matrix, fc.integer({ min: 1, max: 39 }), ({ d, rows, kShare }, cut) => {
        fc.pre(rows.length >= 2);
        const at = Math.min(cut, rows.length - 1);
        const k = kShare / d;
        const dec = afDecompose(
          [
            { name: "a", flags: rows.slice(0, at) },
            { name: "b", flags: rows.slice(at) },
          ],
          { k },
        );
        const pooled = alkireFoster(rows, { k });
        expect(dec.overall.M0).toBeCloseTo(pooled.M0, 12);
        expect(dec.overall.H).toBeCloseTo(pooled.H, 12);
        const sum = dec.groups.reduce((a, g) => a + g.contribution, 0);
        expect(sum).toBeCloseTo(pooled.M0 > 0 ? 1 : 0, 12);
      }),
      { numRuns: 200 },
    );
  });
});

const parts = fc.array(
  fc
    .integer({ min: 1, max: 100_000 })
    .chain((total) => fc.record({ total: fc.constant(total), count: fc.integer({ min: 0, max: total }) })),
  { minLength: 1, maxLength: 30 },
);

describe("rate properties", () => {
  it("the rate of a union equals the household-weighted mean of the rates", () => {
    fc.assert(
      fc.property(parts, (ps) => {
        const union = rateOfUnion(ps);
        const mean = weightedMeanRate(ps.map((p) => ({ rate: p.count / p.total, total: p.total })));
        expect(union).toBeCloseTo(mean, 12);
        expect(union).toBeGreaterThanOrEqual(Math.min(...ps.map((p) => p.count / p.total)) - 1e-12);
        expect(union).toBeLessThanOrEqual(Math.max(...ps.map((p) => p.count / p.total)) + 1e-12);
      }),
    );
  });
  it("impliedTotalRange contains the true total and is tight", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200_000 }), fc.integer({ min: 0, max: 200_000 }), (total, c) => {
        const count = Math.min(c, total);
        const published = roundRate(count / total);
        const { min, max } = impliedTotalRange(count, published);
        expect(min).toBeLessThanOrEqual(total);
        if (max !== null) expect(max).toBeGreaterThanOrEqual(total);
        expect(roundRate(count / min)).toBe(published);
        if (min - 1 >= Math.max(1, count)) expect(roundRate(count / (min - 1))).not.toBe(published);
        if (max !== null) {
          expect(roundRate(count / max)).toBe(published);
          expect(roundRate(count / (max + 1))).not.toBe(published);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("FGT properties", () => {
  const incomes = fc.array(fc.integer({ min: 0, max: 5_000_000 }), { minLength: 1, maxLength: 50 });
  it("P0 ≥ P1 ≥ P2 ≥ 0, exclusive ≤ inclusive, decomposition adds up", () => {
    fc.assert(
      fc.property(incomes, incomes, fc.integer({ min: 1, max: 4_000_000 }), (a, b, z) => {
        const all = [...a, ...b];
        const [p0, p1, p2] = [0, 1, 2].map((al) => fgt(all, z, al));
        expect(p0).toBeGreaterThanOrEqual(p1 - 1e-12);
        expect(p1).toBeGreaterThanOrEqual(p2 - 1e-12);
        expect(p2).toBeGreaterThanOrEqual(0);
        expect(fgt(all, z, 0, { inclusive: false })).toBeLessThanOrEqual(p0);
        for (const alpha of [0, 1, 2]) {
          const dec = fgtDecompose(
            [
              { name: "a", incomes: a },
              { name: "b", incomes: b },
            ],
            z,
            alpha,
          );
          const sum = dec.groups.reduce((s, g) => s + g.share * g.P, 0);
          expect(sum).toBeCloseTo(dec.P, 12);
          expect(dec.P).toBeCloseTo(fgt(all, z, alpha), 12);
        }
      }),
    );
  });
});

import fc from "fast-check";
import {
  allocate,
  ratePath,
  targetFromReduction,
  type AllocationMethod,
  type AllocationUnit,
} from "../../../src/core/targets";

const unitsArb = fc
  .array(
    fc.record({
      poor: fc.integer({ min: 0, max: 300 }),
      nonPoor: fc.integer({ min: 0, max: 2000 }),
      weight: fc.integer({ min: 0, max: 9 }),
      cap: fc.option(fc.integer({ min: 0, max: 300 }), { nil: undefined }),
      tier: fc.constantFrom("t1", "t2", "t3"),
    }),
    { minLength: 1, maxLength: 15 },
  )
  .map((rows) =>
    rows.map((r, i): AllocationUnit => ({
      code: `U${String(i).padStart(2, "0")}`,
      poor: r.poor,
      households: Math.max(1, r.poor + r.nonPoor),
      weight: r.weight,
      cap: r.cap,
      tier: r.tier,
    })),
  );

const methodArb = fc.constantFrom<AllocationMethod>("proportional", "equal_rate", "weighted", "tiered");
const tierReductions = { t1: 0.04, t2: 0.015, t3: 0.005 };

describe("allocation properties", () => {
  it("always sums to the total, respects caps, keeps the quota property and is order-independent", () => {
    fc.assert(
      fc.property(
        unitsArb,
        methodArb,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer(),
        (units, method, f, seed) => {
          const caps = units.map((u) => Math.min(u.poor, u.cap ?? u.poor));
          const total = Math.floor(f * caps.reduce((a, b) => a + b, 0));
          let r;
          try {
            r = allocate({ total, method, units, tierReductions });
          } catch (e) {
            // only legitimate: all remaining bases are zero (weighted with zero weights)
            expect((e as { code: string }).code).toBe("INFEASIBLE");
            return;
          }
          expect(r.rows.reduce((a, x) => a + x.allocated, 0)).toBe(total);
          const anyCapped = r.rows.some((x) => x.capped);
          r.rows.forEach((x, i) => {
            expect(x.allocated).toBeGreaterThanOrEqual(0);
            expect(x.allocated).toBeLessThanOrEqual(caps[i]);
            expect(x.cap).toBe(caps[i]);
            expect(Number.isInteger(x.allocated)).toBe(true);
            if (x.capped) expect(x.allocated).toBe(x.cap);
            else {
              expect(x.allocated).toBeGreaterThanOrEqual(Math.floor(x.quota + 1e-9) - 0);
              expect(x.allocated).toBeLessThanOrEqual(Math.ceil(x.quota - 1e-9));
            }
            if (!anyCapped) expect(x.quota).toBeCloseTo(x.rawQuota, 9);
          });
          // permuting the input does not change any unit's allocation
          const shuffled = [...units];
          let s = seed;
          for (let i = shuffled.length - 1; i > 0; i--) {
            s = (s * 1103515245 + 12345) & 0x7fffffff;
            const j = s % (i + 1);
            [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
          }
          const again = allocate({ total, method, units: shuffled, tierReductions });
          const byCode = new Map(again.rows.map((x) => [x.code, x.allocated]));
          r.rows.forEach((x) => expect(byCode.get(x.code)).toBe(x.allocated));
        },
      ),
      { numRuns: 300 },
    );
  });
  it("the proportional method never hits a default cap (quota ≤ poor when T ≤ Σ poor)", () => {
    fc.assert(
      fc.property(unitsArb, fc.double({ min: 0, max: 1, noNaN: true }), (units, f) => {
        const plain = units.map(({ code, poor, households }) => ({ code, poor, households }));
        const total = Math.floor(f * plain.reduce((a, u) => a + u.poor, 0));
        const r = allocate({ total, method: "proportional", units: plain });
        expect(r.rows.some((x) => x.capped)).toBe(false);
        r.rows.forEach((x) => expect(Math.abs(x.allocated - x.quota)).toBeLessThan(1));
      }),
    );
  });
});

describe("path and target properties", () => {
  it("ratePath is never negative, starts at the start rate and is monotone non-increasing", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 30 }),
        (start, red, years) => {
          const p = ratePath(start, red, years);
          expect(p).toHaveLength(years + 1);
          expect(p[0]).toBeCloseTo(start, 11);
          for (let t = 0; t <= years; t++) {
            expect(p[t]).toBeGreaterThanOrEqual(0);
            expect(Number.isNaN(p[t])).toBe(false);
            if (t > 0) expect(p[t]).toBeLessThanOrEqual(p[t - 1]);
          }
        },
      ),
    );
  });
  it("targetFromReduction keeps targetPoor in [0, poor] and within half a household of targetRate × total", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 0.2, noNaN: true }),
        (total, f, reduction) => {
          const poor = Math.floor(f * total);
          const t = targetFromReduction({ poor, total, reduction });
          expect(t.targetPoor).toBeGreaterThanOrEqual(0);
          expect(t.targetPoor).toBeLessThanOrEqual(poor);
          expect(t.liftOut).toBe(poor - t.targetPoor);
          expect(t.targetRate).toBeGreaterThanOrEqual(0);
          expect(Math.abs(t.targetPoor - t.targetRate * total)).toBeLessThanOrEqual(0.5 + 1e-6);
        },
      ),
    );
  });
});

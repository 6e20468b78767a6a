import { generateSampleRosters, mulberry32, SAMPLE_UNITS } from "../../../src/core/sample";

describe("sample rosters", () => {
  it("is deterministic for a seed and differs across seeds", () => {
    const a = generateSampleRosters({ seed: 7 });
    const b = generateSampleRosters({ seed: 7 });
    const c = generateSampleRosters({ seed: 8 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a.current.slice(0, 20))).not.toBe(JSON.stringify(c.current.slice(0, 20)));
  });

  it("covers the three units with plausible rosters", () => {
    const { previous, current } = generateSampleRosters();
    for (const unit of SAMPLE_UNITS) {
      const prev = previous.filter((h) => h.unit === unit.name).length;
      const curr = current.filter((h) => h.unit === unit.name).length;
      expect(prev).toBe(unit.households);
      // a few leave, a few join: the current roster stays within ±5 % of the previous one
      expect(Math.abs(curr - prev)).toBeLessThanOrEqual(Math.ceil(prev * 0.05));
    }
    const ids = new Set(current.map((h) => h.id));
    expect(ids.size).toBe(current.length);
    for (const h of current) {
      expect(h.deprivationFlags).toHaveLength(12);
      expect(h.incomePerCapita).toBeGreaterThanOrEqual(300_000);
      expect(["urban", "rural"]).toContain(h.area);
    }
    // there are households both below and above 1.5M and with ≥3 deprivations, so every category can occur
    expect(current.some((h) => (h.incomePerCapita ?? 0) <= 1_500_000)).toBe(true);
    expect(current.some((h) => (h.deprivationFlags ?? []).reduce<number>((s, f) => s + f, 0) >= 3)).toBe(true);
  });

  it("mulberry32 yields uniform-looking values in [0,1)", () => {
    const r = mulberry32(1);
    let sum = 0;
    for (let i = 0; i < 10000; i++) {
      const v = r();
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(1);
      sum += v;
    }
    expect(sum / 10000).toBeCloseTo(0.5, 1);
  });
});

/**
 * The demo's review year: a default year past the sample's standard is held at that standard's last review year, taken
 * from the standards data (not a literal), and the reason says which standard and why.
 */
import { demoReviewYear } from "../../src/cli/commands/demo";
import { SAMPLE_STANDARD, generateSampleRosters, resolveReviewYear, standardForYear } from "../../src/core";

const defaultFor = (isoDate: string) => resolveReviewYear({ today: new Date(isoDate) });

describe("demo review year", () => {
  it("the sample's standard is the one whose indicator list the sample's flags follow", () => {
    // The sample is drawn for Decree 07/2021/NĐ-CP: 12 indicators (Art. 3), review years 2022–2026.
    expect(SAMPLE_STANDARD.citation.document).toBe("Nghị định 07/2021/NĐ-CP");
    const { current } = generateSampleRosters({ seed: 1 });
    expect(current[0].deprivationFlags).toHaveLength(SAMPLE_STANDARD.indicators?.length ?? -1);
    expect(standardForYear(SAMPLE_STANDARD.reviewYears.to)).toBe(SAMPLE_STANDARD);
    expect(standardForYear(SAMPLE_STANDARD.reviewYears.to + 1)).not.toBe(SAMPLE_STANDARD);
  });

  it("holds a later default year at the sample standard's last review year and says so", () => {
    const resolved = defaultFor("2029-06-01"); // default: 2028 (from February, last year's review)
    expect(resolved.source).toBe("default");
    expect(resolved.year).toBeGreaterThan(SAMPLE_STANDARD.reviewYears.to);
    const { reviewYear, why } = demoReviewYear(resolved);
    expect(reviewYear).toBe(2026);
    expect(why.vi).toContain(resolved.reason.vi);
    expect(why.vi).toContain("Nghị định 07/2021/NĐ-CP (năm rà soát 2022–2026) nên chạy thử dùng năm 2026");
    expect(why.en).toContain("Decree 07/2021/NĐ-CP (review years 2022–2026), so the demo uses 2026");
  });

  it("keeps a default year the sample's standard covers, and any year the user chose", () => {
    const inside = defaultFor("2026-06-01");
    expect(demoReviewYear(inside)).toEqual({ reviewYear: inside.year, why: inside.reason });
    const chosen = resolveReviewYear({ option: 2028, today: new Date("2029-06-01") });
    expect(demoReviewYear(chosen)).toEqual({ reviewYear: 2028, why: chosen.reason });
  });
});

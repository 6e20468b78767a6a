/**
 * One reading of a typed reduction target for every face (pane, CLI, custom functions): text is in percentage
 * points ("điểm %"), a cell number is a fraction; one error for everything else.
 */
import fc from "fast-check";
import { isPovertyError } from "../../../src/core/errors";
import { formatReduction, parseReduction, reductionInputText, SMALLEST_BARE_POINTS } from "../../../src/core/targets";

function refusal(input: unknown): { code: string; vi: string; en: string } {
  try {
    parseReduction(input);
  } catch (e) {
    if (!isPovertyError(e)) throw e;
    return { code: e.code, vi: e.messageVi, en: e.messageEn };
  }
  throw new Error(`accepted ${String(input)}`);
}

describe("parseReduction", () => {
  it.each([
    ["1,5", 0.015],
    ["1.5", 0.015],
    ["1,5 điểm %", 0.015],
    ["1,5điểm%", 0.015],
    ["1,5 điểm phần trăm", 0.015],
    ["1,5 diem %", 0.015],
    ["1,5đ%", 0.015],
    ["1,5%", 0.015],
    ["1,5 %", 0.015],
    ["1.5pp", 0.015],
    ["1.5 pp", 0.015],
    ["1.5 p.p.", 0.015],
    ["1.5 percentage points", 0.015],
    ["3", 0.03],
    ["0", 0],
    ["0,5", 0.005],
    ["0,75", 0.0075],
    ["  2  ", 0.02],
    ["100", 1],
    ["0,05 điểm %", 0.0005],
    ["0.03pp", 0.0003],
  ])("reads the text %j as %d (points → fraction)", (text, fraction) => {
    expect(parseReduction(text)).toBeCloseTo(fraction, 12);
  });

  it("reads a number from a cell as the fraction it already is (1,5 % is stored as 0.015)", () => {
    expect(parseReduction(0.015)).toBe(0.015);
    expect(parseReduction(0)).toBe(0);
    expect(parseReduction(1)).toBe(1);
  });

  it("gives exact fractions for typed points (no float noise: 1,1 → 0.011, not 0.011000000000000001)", () => {
    expect(parseReduction("1,1")).toBe(0.011);
    expect(parseReduction("0,7")).toBe(0.007);
  });

  it("refuses a bare number below 0,1 point — a fraction typed by habit — and says what it probably meant", () => {
    const r = refusal("0.03");
    expect(r.code).toBe("INVALID_ARGUMENT");
    expect(r.vi).toContain("3 điểm %");
    expect(r.vi).toContain("“0.03 điểm %”");
    expect(r.en).toContain("3 pp");
    expect(refusal("0,015").vi).toContain("1,5 điểm %");
    expect(SMALLEST_BARE_POINTS).toBe(0.1);
    expect(parseReduction("0,1")).toBeCloseTo(0.001, 12);
  });

  it.each([
    ["", "chưa nhập"],
    ["abc", "không phải là số"],
    ["1,5 hộ", "không phải là số"],
    ["1e2", "không phải là số"],
    ["1,5đ", "không phải là số"],
    ["-1", "không được âm"],
    ["150", "lớn hơn 100"],
    ["1,2,3", "không phải là số"],
  ])("refuses %j with the one error (%s), in both languages, with an example", (text, why) => {
    const r = refusal(text);
    expect(r.code).toBe("INVALID_ARGUMENT");
    expect(r.vi).toMatch(/^Mức giảm “.*” không đọc được: /);
    expect(r.vi).toContain(why);
    expect(r.vi).toContain("ví dụ 1,5 (giảm 1,5 điểm %)");
    expect(r.en).toMatch(/^The reduction “.*” cannot be read: .*e\.g\. 1\.5/);
  });

  it("refuses cell numbers outside 0–1 and values that are not numbers or text", () => {
    for (const v of [3, -0.01, Number.NaN, Number.POSITIVE_INFINITY, true, null, undefined, {}]) {
      expect(refusal(v).code).toBe("INVALID_ARGUMENT");
    }
    expect(refusal(3).vi).toContain("ô ghi 1,5 % chứa số 0,015");
  });

  it("round-trips: what the pane shows in its input box reads back to the same fraction", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 10, max: 10_000 }),
        fc.constantFrom("vi" as const, "en" as const),
        (hundredths, lang) => {
          const fraction = hundredths / 10_000;
          expect(parseReduction(reductionInputText(fraction, lang))).toBeCloseTo(fraction, 12);
        },
      ),
    );
  });
});

describe("formatReduction", () => {
  it("shows a reduction with its unit, the language's way", () => {
    expect(formatReduction(0.015, "vi")).toBe("1,5 điểm %");
    expect(formatReduction(0.015, "en")).toBe("1.5 pp");
    expect(formatReduction(0.03, "vi")).toBe("3 điểm %");
    expect(formatReduction(0.01234, "vi")).toBe("1,23 điểm %");
    expect(formatReduction(0, "en")).toBe("0 pp");
    expect(reductionInputText(0.015, "vi")).toBe("1,5");
    expect(reductionInputText(0.015, "en")).toBe("1.5");
  });
});

import { PovertyError } from "../../src/core/errors";
import {
  asMatrix,
  excelErrorOf,
  firstCell,
  isBlank,
  isOmitted,
  optionalNumber,
  optionalText,
  parseNumericText,
  toFlag,
  toNumber,
  toNumberOrBlank,
  toTextOrBlank,
  toVector,
} from "../../src/functions/normalize";

function errorOf(f: () => unknown): PovertyError {
  try {
    f();
  } catch (e) {
    if (e instanceof PovertyError) return e;
    throw e;
  }
  throw new Error("expected a PovertyError");
}

describe("isBlank", () => {
  it.each([null, undefined, "", "   ", "\u00a0", Symbol("EmptyValue")])("%p is blank", (v) =>
    expect(isBlank(v)).toBe(true),
  );
  it.each([0, "0", false, "x", [], {}])("%p is not blank", (v) => expect(isBlank(v)).toBe(false));
});

describe("parseNumericText", () => {
  it.each([
    ["1.500.000", 1500000],
    ["1,500,000", 1500000],
    ["1 500 000", 1500000],
    ["1\u00a0500\u00a0000 đ", 1500000],
    ["2.000.000 VND", 2000000],
    ["7,97", 7.97],
    ["7.97", 7.97],
    ["7,97%", 0.0797],
    ["7,97 %", 0.0797],
    ["100%", 1],
    ["1.500", 1500],
    ["0,500", 0.5],
    ["0.5", 0.5],
    [",5", 0.5],
    ["1.500,5", 1500.5],
    ["1,500.5", 1500.5],
    ["-3", -3],
    ["+3", 3],
    ["(1.500)", -1500],
    ["42", 42],
  ])("%p → %p", (text, expected) => expect(parseNumericText(text)).toBeCloseTo(expected as number, 12));

  it.each(["abc", "1.50.000", "1,5,0", "1.500,000.5", "7,97,", "--3", "1e5x", "12a", "x1"])("%p is not a number", (t) =>
    expect(parseNumericText(t)).toBeUndefined(),
  );

  it("refuses the ambiguous 1,500 (1,5 in Vietnamese, 1500 in English) with a Vietnamese message", () => {
    const e = errorOf(() => parseNumericText("1,500"));
    expect(e.code).toBe("INVALID_NUMBER");
    expect(e.messageVi).toContain("1500");
    expect(e.messageVi).toContain("1,5");
  });
});

describe("toNumberOrBlank", () => {
  it("numbers pass; 0 is a value unless zeroIsBlank", () => {
    expect(toNumberOrBlank(12)).toBe(12);
    expect(toNumberOrBlank(0)).toBe(0);
    expect(toNumberOrBlank(0, { zeroIsBlank: true })).toBeNull();
    expect(toNumberOrBlank("0", { zeroIsBlank: true })).toBeNull();
    expect(toNumberOrBlank(-2.5)).toBe(-2.5);
  });
  it("blanks (web null, empty text, HyperFormula symbol) are null", () => {
    expect(toNumberOrBlank(null)).toBeNull();
    expect(toNumberOrBlank(undefined)).toBeNull();
    expect(toNumberOrBlank("")).toBeNull();
    expect(toNumberOrBlank(Symbol("EmptyValue"))).toBeNull();
  });
  it("numeric text in Vietnamese format", () => {
    expect(toNumberOrBlank("1.500.000")).toBe(1500000);
    expect(toNumberOrBlank("7,97%")).toBeCloseTo(0.0797, 12);
  });
  it("text that is not a number → INVALID_NUMBER naming the field in Vietnamese", () => {
    const e = errorOf(() => toNumberOrBlank("mười", { label: ["Số hộ nghèo", "The poor count"] }));
    expect(e.code).toBe("INVALID_NUMBER");
    expect(e.messageVi).toBe('Số hộ nghèo phải là số, không phải chữ "mười"');
    expect(e.messageEn).toContain("The poor count");
  });
  it("booleans are rejected unless asked for", () => {
    expect(errorOf(() => toNumberOrBlank(true)).code).toBe("INVALID_NUMBER");
    expect(toNumberOrBlank(true, { booleans: "number" })).toBe(1);
    expect(toNumberOrBlank(false, { booleans: "number" })).toBe(0);
  });
  it("NaN, Infinity, dates and objects are never numbers", () => {
    expect(errorOf(() => toNumberOrBlank(NaN)).code).toBe("INVALID_NUMBER");
    expect(errorOf(() => toNumberOrBlank(Infinity)).code).toBe("INVALID_NUMBER");
    expect(errorOf(() => toNumberOrBlank(new Date(0))).code).toBe("INVALID_NUMBER");
    expect(errorOf(() => toNumberOrBlank({ a: 1 })).code).toBe("INVALID_NUMBER");
  });
  it.each([
    ["#N/A", "#N/A"],
    ["#div/0!", "#DIV/0!"],
    [{ error: "#REF!" }, "#REF!"],
    [{ code: "#NUM!", message: "x" }, "#NUM!"],
    [{ type: "NA", message: "" }, "#N/A"],
    [{ type: "DIV_BY_ZERO" }, "#DIV/0!"],
  ])("an error input %p is re-raised as %p, never zero", (v, code) => {
    const e = errorOf(() => toNumberOrBlank(v));
    expect(e.details.excelError).toBe(code);
    expect(e.messageVi).toContain(code);
  });
  it("toNumber turns a blank into MISSING_VALUE or the asked code", () => {
    expect(errorOf(() => toNumber(null)).code).toBe("MISSING_VALUE");
    expect(errorOf(() => toNumber("", { blankCode: "ZERO_TOTAL" })).code).toBe("ZERO_TOTAL");
    expect(toNumber("5")).toBe(5);
  });
});

describe("excelErrorOf", () => {
  it("recognises only error shapes", () => {
    expect(excelErrorOf("#VALUE!")).toBe("#VALUE!");
    expect(excelErrorOf("VALUE")).toBeUndefined();
    expect(excelErrorOf(3)).toBeUndefined();
    expect(excelErrorOf(null)).toBeUndefined();
    expect(excelErrorOf({ code: "ABC" })).toBeUndefined();
    expect(excelErrorOf([["#N/A"]])).toBeUndefined();
  });
});

describe("toFlag", () => {
  it.each([1, true, "x", "X", "có", "Có", "co", "c", "yes", "TRUE", "1", " x "])("%p → 1", (v) =>
    expect(toFlag(v)).toBe(1),
  );
  it.each([0, false, "không", "Không", "khong", "k", "no", "FALSE", "0", "-"])("%p → 0", (v) =>
    expect(toFlag(v)).toBe(0),
  );
  it.each([null, "", undefined])("%p → blank", (v) => expect(toFlag(v)).toBeNull());
  it.each([2, -1, 0.5, "?", "maybe"])("%p is refused", (v) =>
    expect(errorOf(() => toFlag(v)).code).toBe("INVALID_ARGUMENT"),
  );
  it("decomposed Vietnamese (NFD) text is recognised", () => expect(toFlag("có".normalize("NFD"))).toBe(1));
  it("an error value re-raises", () => expect(errorOf(() => toFlag("#N/A")).details.excelError).toBe("#N/A"));
});

describe("text and optional arguments", () => {
  it("toTextOrBlank", () => {
    expect(toTextOrBlank("  Phường A ")).toBe("Phường A");
    expect(toTextOrBlank(1001)).toBe("1001");
    expect(toTextOrBlank(null)).toBeNull();
    expect(errorOf(() => toTextOrBlank("#N/A")).details.excelError).toBe("#N/A");
  });
  it("optionalNumber: omitted (null, [[null]]) → undefined, 0 kept", () => {
    expect(optionalNumber(null)).toBeUndefined();
    expect(optionalNumber([[null]])).toBeUndefined();
    expect(optionalNumber([[0]])).toBe(0);
    expect(optionalNumber(2024)).toBe(2024);
  });
  it("optionalText: desktop blank 0 → undefined", () => {
    expect(optionalText(0)).toBeUndefined();
    expect(optionalText(null)).toBeUndefined();
    expect(optionalText("weighted")).toBe("weighted");
  });
  it("isOmitted", () => {
    expect(isOmitted(null)).toBe(true);
    expect(isOmitted([[0]])).toBe(true);
    expect(isOmitted([[""]])).toBe(true);
    expect(isOmitted([[1]])).toBe(false);
    expect(isOmitted([[0, 0]])).toBe(false);
  });
});

describe("shapes", () => {
  it("asMatrix / firstCell", () => {
    expect(asMatrix(5)).toEqual([[5]]);
    expect(asMatrix([1, 2])).toEqual([[1, 2]]);
    expect(asMatrix([])).toEqual([[null]]);
    expect(firstCell([[7, 8]])).toBe(7);
    expect(firstCell(9)).toBe(9);
  });
  it("toVector accepts a column or a row, not a block", () => {
    expect(toVector([[1], [2]], ["a", "a"])).toEqual([1, 2]);
    expect(toVector([[1, 2]], ["a", "a"])).toEqual([1, 2]);
    const e = errorOf(() =>
      toVector(
        [
          [1, 2],
          [3, 4],
        ],
        ["Danh sách", "The list"],
      ),
    );
    expect(e.code).toBe("INVALID_ARGUMENT");
    expect(e.messageVi).toContain("2×2");
  });
});

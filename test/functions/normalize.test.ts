import { PovertyError } from "../../src/core/errors";
import { EXCEL_ERROR_TEXTS } from "../../src/core/grid";
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
import { NUMBER_CASES } from "../core/sheet/number-cases";
import { FLAG_NO_WORDS, FLAG_YES_WORDS } from "../../src/core/values";
import { parseFlag } from "../../src/core/sheet/parse";

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

describe("parseNumericText: the shared table of number texts (the same cases as the sheet reader's)", () => {
  it.each(NUMBER_CASES)("%p (hint %p) → %p", (text, hint, expected) => {
    if (expected === "ambiguous") {
      const e = errorOf(() => parseNumericText(text, hint));
      expect(e.code).toBe("INVALID_NUMBER");
      return;
    }
    const got = parseNumericText(text, hint);
    if (expected === null) return expect(got).toBeUndefined();
    expect(got).toBeCloseTo(Array.isArray(expected) ? expected[0] : expected, 12);
  });
  it("as a function argument (no hint): a number, blank, INVALID_NUMBER for text that is not one or is ambiguous", () => {
    for (const [text, hint, expected] of NUMBER_CASES) {
      if (hint !== undefined) continue;
      if (expected === null || expected === "ambiguous") {
        if (text.trim() === "") expect(toNumberOrBlank(text)).toBeNull();
        else expect(errorOf(() => toNumberOrBlank(text)).code).toBe("INVALID_NUMBER");
      } else expect(toNumberOrBlank(text)).toBeCloseTo(Array.isArray(expected) ? expected[0] : expected, 12);
    }
  });

  it("refuses the ambiguous 1,500 (1,5 in Vietnamese, 1500 in English) with a Vietnamese message", () => {
    const e = errorOf(() => parseNumericText("1,500"));
    expect(e.code).toBe("INVALID_NUMBER");
    expect(e.messageVi).toBe('Không rõ "1,500" là 1,500 hay 1500: hãy ghi 1500 hoặc 1,5');
    expect(e.messageEn).toBe('"1,500" is ambiguous (1.500 in Vietnamese, 1500 in English): write 1500 or 1.5');
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
  it("knows every error text of the core's list (one list: core/grid EXCEL_ERROR_TEXTS)", () => {
    for (const t of EXCEL_ERROR_TEXTS) expect(excelErrorOf(t)).toBe(t);
    expect(excelErrorOf(" #field! ")).toBe("#FIELD!");
    expect(excelErrorOf("#GETTING_DATA")).toBe("#GETTING_DATA");
  });
});

describe("toFlag", () => {
  it.each([1, true, "x", "X", "có", "Có", "co", "c", "yes", "TRUE", "1", " x ", "✓", "v", "☑", "thiếu"])(
    "%p → 1",
    (v) => expect(toFlag(v)).toBe(1),
  );
  it.each([0, false, "không", "Không", "khong", "k", "no", "FALSE", "0", "-", "đủ", "sai", "☐"])("%p → 0", (v) =>
    expect(toFlag(v)).toBe(0),
  );
  it.each([null, "", undefined])("%p → blank", (v) => expect(toFlag(v)).toBeNull());
  it.each([2, -1, 0.5, "?", "maybe"])("%p is refused", (v) =>
    expect(errorOf(() => toFlag(v)).code).toBe("INVALID_ARGUMENT"),
  );
  it("decomposed Vietnamese (NFD) text is recognised", () => expect(toFlag("có".normalize("NFD"))).toBe(1));
  it("reads every flag text exactly as the sheet reader does (one vocabulary)", () => {
    for (const w of [...FLAG_YES_WORDS, ...FLAG_NO_WORDS, "có", "Không thiếu", "ĐỦ", "Thiếu hụt", "maybe", "2", "xx"]) {
      const reader = parseFlag(w);
      if (reader === undefined) expect(errorOf(() => toFlag(w)).code).toBe("INVALID_ARGUMENT");
      else expect(toFlag(w)).toBe(reader);
    }
  });
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

import fc from "fast-check";
import { decimalsOf, formatPrecision, parseFlag, parseNumberCell } from "../../../src/core/sheet/parse";
import { normalizeHeader } from "../../../src/core/sheet/text";

describe("parseNumberCell", () => {
  test("numbers, blanks, errors, dates and booleans", () => {
    expect(parseNumberCell(7.5)).toEqual({ ok: true, n: { value: 7.5, decimals: 1, percent: false } });
    expect(parseNumberCell(null)).toMatchObject({ ok: false, problem: "blank" });
    expect(parseNumberCell("-")).toMatchObject({ ok: false, problem: "blank" });
    expect(parseNumberCell({ error: "#DIV/0!" })).toMatchObject({ ok: false, problem: "excelError", text: "#DIV/0!" });
    expect(parseNumberCell("#N/A")).toMatchObject({ ok: false, problem: "excelError" });
    expect(parseNumberCell(new Date(Date.UTC(2024, 0, 2)))).toMatchObject({ ok: false, problem: "date" });
    expect(parseNumberCell(true)).toMatchObject({ ok: false, problem: "boolean" });
    expect(parseNumberCell(Number.NaN)).toMatchObject({ ok: false, problem: "notNumber" });
    expect(parseNumberCell("bốn")).toMatchObject({ ok: false, problem: "notNumber", text: "bốn" });
  });
  test("never throws and never reads text that has no digit as a number", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.double(), fc.constant(null), fc.boolean()), (v) => {
        const p = parseNumberCell(v);
        if (p.ok) {
          expect(Number.isFinite(p.n.value)).toBe(true);
          if (typeof v === "string") expect(/\d/.test(v)).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
  test("Vietnamese-formatted integers round-trip", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), (n) => {
        const vi = n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ".");
        const p = parseNumberCell(vi, "integer");
        expect(p.ok && p.n.value).toBe(n);
      }),
    );
  });
  test("Vietnamese decimals round-trip", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10000 }), fc.integer({ min: 1, max: 99 }), (i, d) => {
        const text = `${i.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ".")},${String(d).padStart(2, "0")}`;
        const p = parseNumberCell(text);
        expect(p.ok && p.n.value).toBeCloseTo(i + d / 100, 8);
      }),
    );
  });
});

describe("flags", () => {
  test.each([
    ["x", 1],
    ["X", 1],
    [1, 1],
    [true, 1],
    ["có", 1],
    ["Co", 1],
    ["yes", 1],
    ["✓", 1],
    [null, 0],
    ["", 0],
    [0, 0],
    [false, 0],
    ["không", 0],
    ["-", 0],
  ] as const)("%p → %p", (v, f) => expect(parseFlag(v)).toBe(f));
  test.each([2, "2", "maybe", 0.5])("%p is not a flag", (v) => expect(parseFlag(v)).toBeUndefined());
});

test("number format precision", () => {
  expect(formatPrecision("0.00%")).toEqual({ decimals: 2, percent: true });
  expect(formatPrecision("#,##0")).toEqual({ decimals: 0, percent: false });
  expect(formatPrecision("#,##0.0;[Red]-#,##0.0")).toEqual({ decimals: 1, percent: false });
  expect(formatPrecision('0.00" %"')).toEqual({ decimals: 2, percent: false });
  expect(formatPrecision("General")).toBeUndefined();
  expect(formatPrecision(null)).toBeUndefined();
});

test("decimalsOf uses the shortest representation", () => {
  expect(decimalsOf(15.4)).toBe(1);
  expect(decimalsOf(7.97)).toBe(2);
  expect(decimalsOf(1e-7)).toBe(7);
  expect(decimalsOf(1.5e-7)).toBe(8);
  expect(decimalsOf(12)).toBe(0);
});

test("header normalisation folds, expands abbreviations and never throws", () => {
  expect(normalizeHeader("Tỷ lệ HN (%)")).toBe(" ty le ho ngheo % ");
  expect(normalizeHeader("Thu nhập BQ\n(đồng/người/tháng)")).toBe(" thu nhap binh quan dong nguoi thang ");
  fc.assert(fc.property(fc.string(), (s) => expect(normalizeHeader(s).startsWith(" ")).toBe(true)));
});

/**
 * The one number/flag parser (core/values) and the sheet reader's face of it (core/sheet/parse): the shared table of
 * cases, properties (never throws, formatNumber output round-trips in vi and en) and the one flag vocabulary.
 */
import fc from "fast-check";
import { formatNumber } from "../../../src/core/i18n";
import { FLAG_NO_WORDS, FLAG_YES_WORDS, flagOfText, parseNumberText } from "../../../src/core/values";
import { parseFlag, parseNumberCell } from "../../../src/core/sheet/parse";
import { NUMBER_CASES, type Expected } from "./number-cases";

function check(got: { value: number; decimals: number } | "ambiguous" | null, expected: Expected) {
  if (expected === null || expected === "ambiguous") return expect(got).toBe(expected);
  expect(got).not.toBeNull();
  expect(got).not.toBe("ambiguous");
  const g = got as { value: number; decimals: number };
  const [value, decimals] = Array.isArray(expected) ? expected : [expected, undefined];
  expect(g.value).toBeCloseTo(value, 12);
  if (decimals !== undefined) expect(g.decimals).toBe(decimals);
}

describe("the shared table of number texts", () => {
  test.each(NUMBER_CASES)("core: %p (hint %p) → %p", (text, hint, expected) => {
    const n = parseNumberText(text, hint);
    check(n === undefined ? null : n.ambiguous ? "ambiguous" : n, expected);
  });
  test.each(NUMBER_CASES)("sheet cell: %p (hint %p) → %p", (text, hint, expected) => {
    const p = parseNumberCell(text, hint);
    if (p.ok) return check(p.n, expected);
    if (p.problem === "ambiguous") {
      expect(p.ambiguous?.thousands.value).toBeCloseTo(
        Number(p.ambiguous!.intDigits + p.ambiguous!.fracDigits) * (text.startsWith("-") ? -1 : 1),
        9,
      );
      return check("ambiguous", expected);
    }
    // "", "-" are blank cells for the reader; everything else unreadable is "notNumber"
    expect(["blank", "notNumber"]).toContain(p.problem);
    check(null, expected);
  });
});

describe("properties", () => {
  test("never throws; a result is finite, and text without a digit is never a number", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.stringMatching(/^[-+(]?[0-9., \u00a0%đ]{0,14}[)]?$/)),
        fc.constantFrom(undefined, "integer" as const, "decimal" as const),
        (s, hint) => {
          const n = parseNumberText(s, hint);
          if (n === undefined) return;
          if (hint) expect(n.ambiguous).toBeUndefined();
          if (n.ambiguous) {
            expect(Number.isFinite(n.ambiguous.thousands.value) && Number.isFinite(n.ambiguous.decimal.value)).toBe(
              true,
            );
          } else expect(Number.isFinite(n.value)).toBe(true);
          expect(/\d/.test(s)).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
  });
  const formatted = fc.record({
    x: fc.oneof(fc.integer({ min: -1e12, max: 1e12 }), fc.double({ min: -1e9, max: 1e9, noNaN: true })),
    d: fc.integer({ min: 0, max: 4 }),
    lang: fc.constantFrom("vi" as const, "en" as const),
  });
  test("formatNumber output (vi and en) round-trips with the column's hint: integers as counts, decimals as decimals", () => {
    fc.assert(
      fc.property(formatted, ({ x, d, lang }) => {
        const text = formatNumber(x, lang, d);
        const expected = Number(Math.abs(x).toFixed(d)) * Math.sign(x);
        const n = parseNumberText(text, d === 0 ? "integer" : "decimal");
        expect(n?.ambiguous).toBeUndefined();
        expect(n!.value).toBeCloseTo(expected === 0 ? 0 : expected, 6);
        expect(n!.decimals).toBe(d);
      }),
      { numRuns: 3000 },
    );
  });
  test('without a hint, vi and en output reads right or is reported ambiguous (never misread), except en "1.500" = 1.5', () => {
    fc.assert(
      fc.property(formatted, ({ x, d, lang }) => {
        const text = formatNumber(x, lang, d);
        const expected = Number(Math.abs(x).toFixed(d)) * Math.sign(x);
        const n = parseNumberText(text);
        // en "1.500" (1.5 at three decimals) is read the Vietnamese way: the one case a hint is needed for
        if (lang === "en" && /^-?\d{1,3}\.\d{3}$/.test(text)) return;
        if (n?.ambiguous) {
          // vi "1,000" (one at three decimals) or en "1,000" (a thousand): the reading of the text's language is one of the two
          const reading = lang === "vi" ? n.ambiguous.decimal : n.ambiguous.thousands;
          expect(reading.value).toBeCloseTo(expected, 6);
          return;
        }
        expect(n!.value).toBeCloseTo(expected === 0 ? 0 : expected, 6);
      }),
      { numRuns: 3000 },
    );
  });
  test("percent text written by formatPercent-like output is a fraction with 2 more decimals", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10000 }), fc.constantFrom("vi" as const, "en" as const), (k, lang) => {
        const text = `${formatNumber(k / 100, lang, 2)}${lang === "vi" ? " %" : "%"}`;
        const n = parseNumberText(text, "decimal");
        expect(n!.value).toBeCloseTo(k / 10000, 12);
        expect(n!.decimals).toBe(4);
        expect(n!.percent).toBe(true);
      }),
    );
  });
});

describe("one flag vocabulary", () => {
  test.each([
    ["x", 1],
    ["X", 1],
    ["có", 1],
    ["Có", 1],
    ["CO", 1],
    ["có".normalize("NFD"), 1],
    ["yes", 1],
    ["TRUE", 1],
    ["đúng", 1],
    ["thiếu", 1],
    ["Thiếu hụt", 1],
    ["v", 1],
    ["✓", 1],
    ["☑", 1],
    ["không", 0],
    ["ko", 0],
    ["sai", 0],
    ["đủ", 0],
    ["Không thiếu", 0],
    ["-", 0],
    ["☐", 0],
  ] as const)("%p → %p for the reader and the core", (text, f) => {
    expect(flagOfText(text)).toBe(f);
    expect(parseFlag(text)).toBe(f);
  });
  test.each(["2", "maybe", "?", "xx", "có lẽ"])("%p is not a flag", (t) => {
    expect(flagOfText(t)).toBeUndefined();
    expect(parseFlag(t)).toBeUndefined();
  });
  test("every word of the vocabulary reads as itself, and the two lists do not overlap", () => {
    for (const w of FLAG_YES_WORDS) expect(flagOfText(w)).toBe(1);
    for (const w of FLAG_NO_WORDS) expect(flagOfText(w)).toBe(0);
    expect(FLAG_YES_WORDS.filter((w) => FLAG_NO_WORDS.includes(w))).toEqual([]);
  });
  test("the reader's cell forms: blank is 0, 1/0 and booleans, other numbers are not flags", () => {
    expect([null, undefined, "", 1, 0, true, false, 2, 0.5].map((v) => parseFlag(v as never))).toEqual([
      0,
      0,
      0,
      1,
      0,
      1,
      0,
      undefined,
      undefined,
    ]);
  });
});

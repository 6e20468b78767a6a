import { rate } from "../../src/core/measures/rates";
import { cfRate } from "../../src/functions/functions";
import { codes, errOf, thrown } from "./helpers";

describe("POVERTY.RATE", () => {
  it("single cells arrive as 1×1 and return a 1×1 fraction", () => {
    const r = cfRate([[1235]], [[15500]]);
    expect(r).toEqual([[rate(1235, 15500)]]);
    expect(r[0][0]).toBeCloseTo(0.0796774, 6);
  });

  it("equal-shaped ranges are element-wise and keep their shape (column, row, block)", () => {
    expect(cfRate([[1], [2], [3]], [[10], [10], [12]])).toEqual([[0.1], [0.2], [0.25]]);
    expect(cfRate([[1, 2]], [[4, 8]])).toEqual([[0.25, 0.25]]);
    expect(
      cfRate(
        [
          [1, 2],
          [3, 4],
        ],
        [
          [10, 10],
          [10, 10],
        ],
      ),
    ).toEqual([
      [0.1, 0.2],
      [0.3, 0.4],
    ]);
  });

  it("a single total is applied to every count, and a single count to every total", () => {
    expect(cfRate([[1], [2], [5]], [[10]])).toEqual([[0.1], [0.2], [0.5]]);
    expect(cfRate([[2]], [[4], [8]])).toEqual([[0.5], [0.25]]);
  });

  it("mismatched shapes → #VALUE! for the whole call, with a Vietnamese message naming both shapes", () => {
    const e = thrown(() => cfRate([[1], [2], [3]], [[10], [10]]));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain("2×1");
    expect(e.message).toContain("3×1");
    expect(e.message).toMatch(/cùng kích thước/);
  });

  it("0 poor households is a real rate of 0", () => {
    expect(cfRate([[0]], [[250]])).toEqual([[0]]);
  });

  it("count = total gives 1", () => expect(cfRate([[7]], [[7]])).toEqual([[1]]));

  describe("errors per element: one bad row does not blank the column", () => {
    const out = cfRate(
      [[10], ["mười"], [-1], [30], [5], [5], [2.5], [true], ["#N/A"], [null]],
      [[100], [100], [100], [20], [0], [null], [10], [10], [10], [10]],
    );
    it("good rows keep their value", () => {
      expect(out[0][0]).toBeCloseTo(0.1, 12);
    });
    it("text → #VALUE! with a Vietnamese message", () => {
      expect(errOf(out[1][0])).toEqual({ code: "#VALUE!", message: 'Số hộ phải là số, không phải chữ "mười"' });
    });
    it("negative → #NUM!", () => expect(errOf(out[2][0]).code).toBe("#NUM!"));
    it("count > total → #NUM! (Excel's code for a number outside the domain, like COMBIN(2;3))", () => {
      const e = errOf(out[3][0]);
      expect(e.code).toBe("#NUM!");
      expect(e.message).toContain("30");
      expect(e.message).toContain("20");
    });
    it("total = 0 → #DIV/0!", () => expect(errOf(out[4][0]).code).toBe("#DIV/0!"));
    it("blank total (web: null) → #DIV/0!, as =A1/B1", () => expect(errOf(out[5][0]).code).toBe("#DIV/0!"));
    it("non-whole count → #NUM!", () => expect(errOf(out[6][0]).code).toBe("#NUM!"));
    it("TRUE is not a count → #VALUE!", () => expect(errOf(out[7][0]).code).toBe("#VALUE!"));
    it("an error in the input propagates with its own code", () => expect(errOf(out[8][0]).code).toBe("#N/A"));
    it("blank count (web: null) → #VALUE! 'Số hộ đang trống'", () =>
      expect(errOf(out[9][0])).toEqual({ code: "#VALUE!", message: "Số hộ đang trống" }));
  });

  describe("blanks as Excel desktop sends them (0)", () => {
    it("blank total arriving as 0 → #DIV/0!", () => expect(codes(cfRate([[5]], [[0]]))).toEqual([["#DIV/0!"]]));
    it("blank count arriving as 0 is indistinguishable from a real 0 → 0", () =>
      expect(cfRate([[0]], [[40]])).toEqual([[0]]));
    it("both blank (0, 0) → #DIV/0! (a unit without households has no rate)", () =>
      expect(codes(cfRate([[0]], [[0]]))).toEqual([["#DIV/0!"]]));
  });

  describe("blanks as Excel on the web sends them (null) and empty text", () => {
    it("blank total → #DIV/0!", () => expect(codes(cfRate([[5]], [[null]]))).toEqual([["#DIV/0!"]]));
    it("empty-text total → #DIV/0!", () => expect(codes(cfRate([[5]], [[""]]))).toEqual([["#DIV/0!"]]));
    it("blank count → #VALUE!", () => expect(codes(cfRate([[null]], [[40]]))).toEqual([["#VALUE!"]]));
  });

  it("numeric text typed the Vietnamese way is read", () => {
    expect(cfRate([["1.235"]], [["15.500"]])).toEqual([[rate(1235, 15500)]]);
  });

  it("scalars (not wrapped) are accepted too", () => {
    expect(cfRate(1 as any, 4 as any)).toEqual([[0.25]]);
  });
});

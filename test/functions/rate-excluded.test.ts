/**
 * POVERTY.RATE(count; total; [excluded]) — the poverty rate not counting a group (issue 16: "hộ nghèo không tính
 * hộ BTXH"). Hand-computed: Phường A has 10 households, 3 poor, 2 of them social-protection → 1/10 = 10 %.
 */
import { cfRate } from "../../src/functions/functions";
import { codes, errOf } from "./helpers";

describe("POVERTY.RATE with excluded", () => {
  it("(count − excluded) ÷ total, the total staying all households", () => {
    expect(cfRate([[3]], [[10]], [[2]])).toEqual([[0.1]]);
    expect(cfRate([[7]], [[27]], [[5]])[0][0]).toBeCloseTo(2 / 27, 12);
  });
  it("omitted (null) excluded is the plain rate", () => {
    expect(cfRate([[3]], [[10]], null as never)).toEqual([[0.3]]);
    expect(cfRate([[3]], [[10]])).toEqual([[0.3]]);
  });
  it("columns element by element; a blank excluded cell is 0; a single excluded cell applies to every row", () => {
    expect(codes(cfRate([[3], [2], [0], [2]], [[10], [8], [5], [4]], [[2], [2], [null], [1]]))).toEqual([
      [0.1],
      [0],
      [0],
      [0.25],
    ]);
    expect(cfRate([[3], [2]], [[10], [8]], [[1]])).toEqual([[0.2], [0.125]]);
  });
  it("excluded above the count, negative or text → an error for that element only", () => {
    const out = cfRate([[3], [3], [3], [3]], [[10], [10], [10], [10]], [[4], [-1], ["hai"], [1]]);
    expect(errOf(out[0][0]).code).toBe("#NUM!");
    expect(errOf(out[1][0]).code).toBe("#NUM!");
    expect(errOf(out[2][0])).toEqual({ code: "#VALUE!", message: 'Số hộ loại trừ phải là số, không phải chữ "hai"' });
    expect(out[3][0]).toBeCloseTo(0.2, 12);
  });
});

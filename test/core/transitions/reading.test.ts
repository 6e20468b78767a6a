/**
 * Issue 12 defect 8: absence from a roster. A full review list (it lists households outside the poor and near-poor
 * categories too, as the product's template does) means a missing household left or arrived — Form 2 column 4/8,
 * never "thoát nghèo"; a poor/near-poor-only list keeps the escaped / newly poor reading; the result says which.
 * And escaping poverty is not escaping near-poverty: such a household back as near-poor is not "tái cận nghèo".
 */
import { computeTransitions, type CurrentEntry, type PreviousEntry } from "../../../src/core/transitions";
import { PovertyError } from "../../../src/core/errors";

const P = (id: string, category: PreviousEntry["category"]): PreviousEntry => ({ id, category });
const C = (id: string, category: CurrentEntry["category"]): CurrentEntry => ({ id, category });

// Last year's full review list: 3 poor, 1 near-poor, 2 not in any category.
const previousFull = [
  P("p1", "poor"),
  P("p2", "poor"),
  P("p3", "poor"),
  P("n1", "nearPoor"),
  P("x1", "none"),
  P("x2", "none"),
];
// This year's full list: p2 died (missing), p3 moved away (missing), n1 moved away (missing), a1 moved in poor.
const currentFull = [C("p1", "poor"), C("x1", "none"), C("x2", "average"), C("a1", "poor")];

describe("full review lists", () => {
  const r = computeTransitions(previousFull, currentFull);

  test("a poor household missing from this year's full list is another decrease, not escaped", () => {
    expect(r.poor.decreases).toEqual({ toNearPoor: 0, escaped: 0, other: 2, total: 2 });
    expect(r.nearPoor.decreases).toEqual({ escaped: 0, toPoor: 0, other: 1, total: 1 });
  });

  test("a poor household new on this year's full list is another increase, not newly poor", () => {
    expect(r.poor.increases).toEqual({ fromNearPoor: 0, re: 0, new: 0, other: 1, total: 1 });
    expect(r.poor.columns).toEqual([3, 0, 0, 2, 0, 0, 0, 1, 2]);
  });

  test("the result says which reading was used, and why", () => {
    expect(r.reading).toMatchObject({ previous: "full", current: "full", source: "detected" });
    expect(r.reading.messageVi).toContain("danh sách rà soát đầy đủ");
    expect(r.reading.messageVi).toContain("giảm khác");
    expect(r.reading.messageEn).toContain("not as escaped");
    expect(r.reading.shortVi).toBe("Danh sách đầy đủ: vắng mặt = giảm khác / tăng khác (nhận ra từ nội dung)");
  });
});

describe("poor and near-poor lists keep the escaped / newly poor reading", () => {
  const r = computeTransitions(
    [P("p1", "poor"), P("p2", "poor"), P("n1", "nearPoor")],
    [C("p1", "poor"), C("a1", "poor")],
  );
  test("absent = escaped; new on the list = newly poor", () => {
    expect(r.poor.columns).toEqual([2, 0, 1, 0, 0, 0, 1, 0, 2]);
    expect(r.nearPoor.decreases.escaped).toBe(1);
    expect(r.reading).toMatchObject({ previous: "poorOnly", current: "poorOnly", source: "detected" });
    expect(r.reading.shortVi).toBe(
      "Danh sách hộ nghèo, cận nghèo: vắng mặt = thoát nghèo / phát sinh (nhận ra từ nội dung)",
    );
  });
});

describe("each list is read by its own content; options force a reading", () => {
  test("previous full, current poor-only: missing now = escaped; missing before = other increase", () => {
    const r = computeTransitions([P("p1", "poor"), P("x1", "none")], [C("a1", "poor")]);
    expect(r.reading).toMatchObject({ previous: "full", current: "poorOnly" });
    expect(r.poor.columns).toEqual([1, 0, 1, 0, 0, 0, 0, 1, 1]);
    expect(r.reading.shortVi).toMatch(/^Năm trước: danh sách đầy đủ; năm nay: danh sách hộ nghèo, cận nghèo/);
  });

  test("listReading forces both lists; absentFrom… forces one side", () => {
    const poorOnly = computeTransitions(previousFull, currentFull, { listReading: "poorOnly" });
    expect(poorOnly.poor.columns).toEqual([3, 0, 2, 0, 0, 0, 1, 0, 2]);
    expect(poorOnly.reading).toMatchObject({ previous: "poorOnly", current: "poorOnly", source: "option" });
    const full = computeTransitions([P("p1", "poor")], [C("a1", "poor")], { listReading: "full" });
    expect(full.poor.columns).toEqual([1, 0, 0, 1, 0, 0, 0, 1, 1]);
    const one = computeTransitions(previousFull, currentFull, { absentFromCurrent: "escaped" });
    expect(one.reading).toMatchObject({ previous: "full", current: "poorOnly", source: "option" });
  });

  test("a bad listReading is INVALID_ARGUMENT", () => {
    expect(() => computeTransitions([], [], { listReading: "sometimes" as never })).toThrow(PovertyError);
  });
});

describe("escaped poverty, back as near-poor: not 'tái cận nghèo'", () => {
  test("an id in everEscapedIds returning near-poor is new near-poor; returning poor is re-poor", () => {
    const r = computeTransitions(
      [P("h1", "none"), P("h2", "none"), P("p1", "poor")],
      [C("h1", "nearPoor"), C("h2", "poor"), C("p1", "poor")],
      { everEscapedIds: ["h1", "h2"] },
    );
    expect(r.nearPoor.increases).toMatchObject({ re: 0, new: 1 });
    expect(r.poor.increases).toMatchObject({ re: 1, new: 0 });
    expect(r.movements.find((m) => m.id === "h1")?.nearPoorFlow).toBe("new");
  });

  test("an id that escaped near-poverty returning near-poor is re-near-poor", () => {
    const r = computeTransitions([P("h1", "none")], [C("h1", "nearPoor")], { everEscapedNearPoorIds: ["h1"] });
    expect(r.nearPoor.increases).toMatchObject({ re: 1, new: 0 });
  });
});

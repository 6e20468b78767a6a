import fc from "fast-check";
import {
  computeTransitions,
  transitionIdentityGap,
  type PreviousEntry,
  type CurrentEntry,
  type TransitionOptions,
} from "../../../src/core/transitions";
import { PovertyError } from "../../../src/core/errors";
import { CATEGORIES, type Category } from "../../../src/core/household";

const P = (id: string, category: Category, leftReason?: PreviousEntry["leftReason"]): PreviousEntry => ({
  id,
  category,
  ...(leftReason ? { leftReason } : {}),
});
const C = (id: string, category: Category, joinReason?: CurrentEntry["joinReason"]): CurrentEntry => ({
  id,
  category,
  ...(joinReason ? { joinReason } : {}),
});

describe("hand-computed example: every flow once", () => {
  // previous: p1..p5 poor, n1..n4 near-poor, x1 none (escaped earlier), x2 average, x3 none
  const previous = [
    P("p1", "poor"), // stays poor
    P("p2", "poor"), // → near-poor
    P("p3", "poor"), // → none (escaped)
    P("p4", "poor"), // absent (poor-only reading: escaped)
    P("p5", "poor", "died"), // absent, died → other decrease
    P("n1", "nearPoor"), // stays near-poor
    P("n2", "nearPoor"), // → poor
    P("n3", "nearPoor"), // → average (escaped near-poverty)
    P("n4", "nearPoor", "movedAway"), // absent → other decrease
    P("x1", "none"), // → poor, ever escaped → re-poor
    P("x2", "average"), // → poor, never escaped → new
    P("x3", "none"), // → near-poor, never escaped → new near-poor
  ];
  const current = [
    C("p1", "poor"),
    C("p2", "nearPoor"),
    C("p3", "none"),
    C("n1", "nearPoor"),
    C("n2", "poor"),
    C("n3", "average"),
    C("x1", "poor"),
    C("x2", "poor"),
    C("x3", "nearPoor"),
    C("a1", "poor"), // absent before → new (poor-only reading)
    C("a2", "poor", "movedIn"), // absent before, moved in → other increase
    C("a3", "nearPoor"), // absent before → new near-poor
    C("a4", "nearPoor", "split"), // split → other increase
    C("e1", "nearPoor"), // absent before but escaped near-poverty earlier → re-near-poor
  ];
  // Read as lists of poor and near-poor households (the hand count assumes that reading; a full list is below).
  const r = computeTransitions(previous, current, {
    everEscapedIds: ["x1"],
    everEscapedNearPoorIds: ["e1"],
    listReading: "poorOnly",
  });

  test("Form 2 (poor)", () => {
    expect(r.poor.start).toBe(5);
    expect(r.poor.decreases).toEqual({ toNearPoor: 1, escaped: 2, other: 1, total: 4 });
    expect(r.poor.increases).toEqual({ fromNearPoor: 1, re: 1, new: 2, other: 1, total: 5 });
    expect(r.poor.end).toBe(6); // p1, n2, x1, x2, a1, a2
    expect(r.poor.columns).toEqual([5, 1, 2, 1, 1, 1, 2, 1, 6]);
    expect(transitionIdentityGap(r.poor.columns)).toBe(0);
  });

  test("Form 3 (near-poor)", () => {
    expect(r.nearPoor.start).toBe(4);
    expect(r.nearPoor.decreases).toEqual({ escaped: 1, toPoor: 1, other: 1, total: 3 });
    expect(r.nearPoor.increases).toEqual({ fromPoor: 1, re: 1, new: 2, other: 1, total: 5 });
    expect(r.nearPoor.end).toBe(6); // n1, p2, x3, a3, a4, e1
    expect(r.nearPoor.columns).toEqual([4, 1, 1, 1, 1, 1, 2, 1, 6]);
    expect(transitionIdentityGap(r.nearPoor.columns)).toBe(0);
  });

  test("cross-form relations: Form 2 col 2 = Form 3 col 5; Form 2 col 5 = Form 3 col 3", () => {
    expect(r.poor.columns[1]).toBe(r.nearPoor.columns[4]);
    expect(r.poor.columns[4]).toBe(r.nearPoor.columns[2]);
  });

  test("movements", () => {
    const byId = Object.fromEntries(r.movements.map((m) => [m.id, m]));
    expect(byId.p2).toEqual({
      id: "p2",
      from: "poor",
      to: "nearPoor",
      poorFlow: "toNearPoor",
      nearPoorFlow: "fromPoor",
    });
    expect(byId.p4).toEqual({ id: "p4", from: "poor", to: "absent", poorFlow: "escaped" });
    expect(byId.p5.poorFlow).toBe("otherDecrease");
    expect(byId.x1).toEqual({ id: "x1", from: "none", to: "poor", poorFlow: "re" });
    expect(byId.a2).toEqual({ id: "a2", from: "absent", to: "poor", poorFlow: "otherIncrease" });
    expect(byId.p1.poorFlow).toBe("stay");
    expect(byId.n1.nearPoorFlow).toBe("stay");
    expect(byId.e1.nearPoorFlow).toBe("re");
    expect(r.movements).toHaveLength(new Set([...previous, ...current].map((e) => e.id)).size);
    expect(r.movements.map((m) => m.id).slice(0, 3)).toEqual(["p1", "p2", "p3"]); // previous order first
    expect(r.problems).toEqual([]);
    expect(r.excludedIds).toEqual([]);
    expect(r.excludedEntries).toEqual({ previous: 0, current: 0 });
  });
});

describe("absence options", () => {
  const previous = [P("a", "poor"), P("b", "nearPoor")];
  const current = [C("c", "poor"), C("d", "nearPoor")];
  test("default: absent from current = escaped, absent from previous = new", () => {
    const r = computeTransitions(previous, current);
    expect(r.poor.columns).toEqual([1, 0, 1, 0, 0, 0, 1, 0, 1]);
    expect(r.nearPoor.columns).toEqual([1, 1, 0, 0, 0, 0, 1, 0, 1]);
  });
  test("full rosters: absence = other decrease / other increase", () => {
    const r = computeTransitions(previous, current, {
      absentFromCurrent: "otherDecrease",
      absentFromPrevious: "otherIncrease",
    });
    expect(r.poor.columns).toEqual([1, 0, 0, 1, 0, 0, 0, 1, 1]);
    expect(r.nearPoor.columns).toEqual([1, 0, 0, 1, 0, 0, 0, 1, 1]);
  });
  test("everEscapedIds wins over otherIncrease; joinReason wins over everEscapedIds", () => {
    const r = computeTransitions([], [C("c", "poor"), C("d", "poor", "movedIn")], {
      absentFromPrevious: "otherIncrease",
      everEscapedIds: ["c", "d"],
    });
    expect(r.poor.increases).toEqual({ fromNearPoor: 0, re: 1, new: 0, other: 1, total: 2 });
  });
  test("everEscapedNearPoorIds overrides for the near-poor table only", () => {
    const r = computeTransitions([P("a", "none"), P("b", "none")], [C("a", "poor"), C("b", "nearPoor")], {
      everEscapedIds: ["a", "b"],
      everEscapedNearPoorIds: [],
    });
    expect(r.poor.increases.re).toBe(1);
    expect(r.nearPoor.increases.re).toBe(0);
    expect(r.nearPoor.increases.new).toBe(1);
    const r2 = computeTransitions([P("b", "none")], [C("b", "nearPoor")], {
      everEscapedNearPoorIds: [" b ", "", 7 as unknown as string],
    });
    expect(r2.nearPoor.increases.re).toBe(1);
  });
  test("leftReason wins over the escaped default; blank reasons are none", () => {
    const r = computeTransitions(
      [P("a", "poor", "merged"), { id: "b", category: "poor", leftReason: "" as never }],
      [],
    );
    expect(r.poor.decreases).toEqual({ toNearPoor: 0, escaped: 1, other: 1, total: 2 });
  });
  test("households that are average/none in both years are not counted", () => {
    const r = computeTransitions([P("a", "none"), P("b", "average")], [C("a", "average"), C("b", "none")]);
    expect(r.poor.columns).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(r.nearPoor.columns).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(r.movements.every((m) => m.poorFlow === undefined && m.nearPoorFlow === undefined)).toBe(true);
  });
});

describe("problems: blank and duplicate ids, unknown categories, contradictory reasons", () => {
  test("a duplicate id in the previous roster is excluded from both years, never counted as new", () => {
    const r = computeTransitions(
      [P("A", "poor"), P("B", "poor"), P("A", "nearPoor")],
      [C("A", "poor"), C("B", "poor")],
    );
    expect(r.poor.start).toBe(1);
    expect(r.poor.end).toBe(1);
    expect(r.poor.increases.new).toBe(0);
    expect(r.excludedIds).toEqual(["A"]);
    expect(r.excludedEntries).toEqual({ previous: 2, current: 1 });
    const dups = r.problems.filter((p) => p.code === "DUPLICATE_ID");
    expect(dups.map((p) => [p.roster, p.index])).toEqual([
      ["previous", 0],
      ["previous", 2],
    ]);
    expect(dups[0].messageVi).toContain('Mã hộ "A" trùng lặp');
    expect(dups[0].messageVi).toContain("dòng 1, 3");
    expect(dups[0].messageEn).toContain("rows 1, 3");
    expect(r.movements.map((m) => m.id)).toEqual(["B"]);
  });

  test("a duplicate in the current roster; ids are trimmed and numbers read as text", () => {
    const r = computeTransitions(
      [P("1", "poor"), { id: 2 as unknown as string, category: "poor" }],
      [C(" 1 ", "poor"), C("1", "nearPoor"), C("2", "poor")],
    );
    expect(r.excludedIds).toEqual(["1"]);
    expect(r.poor.start).toBe(1);
    expect(r.poor.end).toBe(1);
    expect(r.problems.every((p) => p.roster === "current" && p.code === "DUPLICATE_ID")).toBe(true);
  });

  test("blank or missing ids are reported with their index and not counted", () => {
    const r = computeTransitions(
      [
        P("", "poor"),
        { category: "poor" } as unknown as PreviousEntry,
        P("ok", "poor"),
        null as unknown as PreviousEntry,
      ],
      [C("   ", "poor"), { id: NaN as unknown as string, category: "poor" }],
    );
    expect(r.poor.start).toBe(1);
    expect(r.poor.end).toBe(0);
    expect(r.problems.map((p) => [p.code, p.roster, p.index])).toEqual([
      ["MISSING_ID", "previous", 0],
      ["MISSING_ID", "previous", 1],
      ["MISSING_ID", "previous", 3],
      ["MISSING_ID", "current", 0],
      ["MISSING_ID", "current", 1],
    ]);
    expect(r.problems[0].messageVi).toContain("không có mã hộ");
    expect(r.excludedEntries).toEqual({ previous: 3, current: 2 });
  });

  test("an unknown category excludes the id from both years", () => {
    const r = computeTransitions([P("a", "poor"), P("b", "poor")], [C("a", "Hộ nghèo" as Category), C("b", "poor")]);
    expect(r.excludedIds).toEqual(["a"]);
    expect(r.poor.start).toBe(1);
    const p = r.problems[0];
    expect(p).toMatchObject({ code: "INVALID_CATEGORY", roster: "current", index: 0, id: "a", excluded: true });
    expect(p.messageEn).toContain('unknown category "Hộ nghèo"');
  });

  test("leftReason / joinReason on a household present in both rosters are reported and ignored", () => {
    const r = computeTransitions([P("a", "poor", "died")], [C("a", "nearPoor", "movedIn")]);
    expect(r.poor.decreases.toNearPoor).toBe(1);
    expect(r.nearPoor.increases.fromPoor).toBe(1);
    expect(r.problems.map((p) => [p.code, p.excluded])).toEqual([
      ["LEFT_BUT_PRESENT", false],
      ["JOINED_BUT_PRESENT", false],
    ]);
  });
});

describe("argument errors", () => {
  test.each([
    [() => computeTransitions(null as never, [])],
    [() => computeTransitions([], {} as never)],
    [() => computeTransitions([], [], { absentFromPrevious: "new" as never })],
    [() => computeTransitions([], [], { absentFromCurrent: "gone" as never })],
    [() => transitionIdentityGap([1, 2, 3])],
    [() => transitionIdentityGap([1, 2, 3, 4, 5, 6, 7, 8, NaN])],
    [() => transitionIdentityGap("123456789" as never)],
  ])("%# → INVALID_ARGUMENT", (f) => {
    try {
      f();
      throw new Error("no error");
    } catch (e) {
      expect(e).toBeInstanceOf(PovertyError);
      expect((e as PovertyError).code).toBe("INVALID_ARGUMENT");
    }
  });
});

describe("transitionIdentityGap", () => {
  test("consistent and inconsistent rows", () => {
    expect(transitionIdentityGap([100, 10, 20, 5, 3, 2, 7, 1, 78])).toBe(0); // 100-10-20-5+3+2+7+1 = 78
    expect(transitionIdentityGap([100, 10, 20, 5, 3, 2, 7, 0, 78])).toBe(1);
    expect(transitionIdentityGap([100, 10, 20, 5, 3, 2, 7, 1, 70])).toBe(-8);
  });
});

// ------------------------------------------------------------------------------------------------
// Properties
// ------------------------------------------------------------------------------------------------

const idArb = fc.oneof(
  { weight: 20, arbitrary: fc.constantFrom(...Array.from({ length: 30 }, (_, i) => `H${i}`)) },
  { weight: 1, arbitrary: fc.constantFrom("", "  ") },
);
const catArb = fc.oneof(
  { weight: 30, arbitrary: fc.constantFrom(...CATEGORIES) },
  { weight: 1, arbitrary: fc.constant("bogus" as Category) },
);
const prevArb = fc.array(
  fc.record({
    id: idArb,
    category: catArb,
    leftReason: fc.constantFrom(undefined, "died" as const, "movedAway" as const),
  }),
  { maxLength: 40 },
);
const curArb = fc.array(
  fc.record({ id: idArb, category: catArb, joinReason: fc.constantFrom(undefined, "movedIn" as const) }),
  { maxLength: 40 },
);
const optsArb: fc.Arbitrary<TransitionOptions> = fc.record({
  everEscapedIds: fc.array(idArb, { maxLength: 10 }),
  absentFromPrevious: fc.constantFrom("newPoor" as const, "otherIncrease" as const),
  absentFromCurrent: fc.constantFrom("escaped" as const, "otherDecrease" as const),
});

/** Strip undefined optional fields so entries match the declared types. */
const clean = <T extends object>(xs: T[]) =>
  xs.map((x) => Object.fromEntries(Object.entries(x).filter(([, v]) => v !== undefined)) as T);

describe("properties", () => {
  test("end = start − decreases + increases and column 9 = 1 − 2 − 3 − 4 + 5 + 6 + 7 + 8, both tables; cross-form relations", () => {
    fc.assert(
      fc.property(prevArb, curArb, optsArb, (prev, cur, opts) => {
        const r = computeTransitions(clean(prev) as PreviousEntry[], clean(cur) as CurrentEntry[], opts);
        for (const t of [r.poor, r.nearPoor]) {
          expect(t.end).toBe(t.start - t.decreases.total + t.increases.total);
          expect(transitionIdentityGap(t.columns)).toBe(0);
          expect(t.columns.every((v) => Number.isInteger(v) && v >= 0)).toBe(true);
        }
        expect(r.poor.decreases.toNearPoor).toBe(r.nearPoor.increases.fromPoor);
        expect(r.poor.increases.fromNearPoor).toBe(r.nearPoor.decreases.toPoor);
      }),
      { numRuns: 500 },
    );
  });

  test("duplicates, blank ids and unknown categories are never counted; every other id is counted exactly once", () => {
    fc.assert(
      fc.property(prevArb, curArb, optsArb, (prev, cur, opts) => {
        const r = computeTransitions(clean(prev) as PreviousEntry[], clean(cur) as CurrentEntry[], opts);
        const bad = new Set<string>();
        for (const roster of [prev, cur]) {
          const seen = new Map<string, number>();
          for (const e of roster) {
            const id = e.id.trim();
            if (id === "") continue;
            seen.set(id, (seen.get(id) ?? 0) + 1);
            if (!(CATEGORIES as readonly string[]).includes(e.category)) bad.add(id);
          }
          for (const [id, n] of seen) if (n > 1) bad.add(id);
        }
        expect(new Set(r.excludedIds)).toEqual(bad);
        const good = (e: { id: string }) => e.id.trim() !== "" && !bad.has(e.id.trim());
        expect(r.poor.start).toBe(prev.filter((e) => good(e) && e.category === "poor").length);
        expect(r.poor.end).toBe(cur.filter((e) => good(e) && e.category === "poor").length);
        expect(r.nearPoor.start).toBe(prev.filter((e) => good(e) && e.category === "nearPoor").length);
        expect(r.nearPoor.end).toBe(cur.filter((e) => good(e) && e.category === "nearPoor").length);
        const ids = r.movements.map((m) => m.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const id of ids) expect(bad.has(id)).toBe(false);
        expect(r.excludedEntries.previous).toBe(prev.filter((e) => !good(e)).length);
        expect(r.excludedEntries.current).toBe(cur.filter((e) => !good(e)).length);
      }),
      { numRuns: 500 },
    );
  });

  test("flows agree with the counts", () => {
    fc.assert(
      fc.property(prevArb, curArb, optsArb, (prev, cur, opts) => {
        const r = computeTransitions(clean(prev) as PreviousEntry[], clean(cur) as CurrentEntry[], opts);
        const n = (f: string) => r.movements.filter((m) => m.poorFlow === f).length;
        expect([
          n("toNearPoor"),
          n("escaped"),
          n("otherDecrease"),
          n("fromNearPoor"),
          n("re"),
          n("new"),
          n("otherIncrease"),
        ]).toEqual([...r.poor.columns.slice(1, 8)]);
        expect(n("stay") + r.poor.decreases.total).toBe(r.poor.start);
      }),
    );
  });
  test("movements: false gives the same counts, problems and exclusions, and no movements", () => {
    fc.assert(
      fc.property(prevArb, curArb, optsArb, (prev, cur, opts) => {
        const p = clean(prev) as PreviousEntry[];
        const c = clean(cur) as CurrentEntry[];
        const full = computeTransitions(p, c, opts);
        const bulk = computeTransitions(p, c, { ...opts, movements: false });
        expect(bulk.movements).toEqual([]);
        expect({ ...bulk, movements: full.movements }).toEqual(full);
      }),
    );
  });
});

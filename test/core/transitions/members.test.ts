/**
 * Forms 2 and 3 in members (nhân khẩu): decreases weighted by previous members, increases by current members,
 * member changes of households in the category in both years in columns 4 / 8 — so 9 = 1 − 2 − 3 − 4 + 5 + 6 + 7 + 8
 * holds by construction; missing member counts give null with a reason, never zeros.
 */
import fc from "fast-check";
import {
  computeTransitions,
  transitionIdentityGap,
  type CurrentEntry,
  type PreviousEntry,
  type TransitionOptions,
} from "../../../src/core/transitions";
import { CATEGORIES, type Category } from "../../../src/core/household";

const P = (
  id: string,
  category: Category,
  members?: number,
  leftReason?: PreviousEntry["leftReason"],
): PreviousEntry => ({
  id,
  category,
  ...(members !== undefined ? { members } : {}),
  ...(leftReason ? { leftReason } : {}),
});
const C = (
  id: string,
  category: Category,
  members?: number,
  joinReason?: CurrentEntry["joinReason"],
): CurrentEntry => ({
  id,
  category,
  ...(members !== undefined ? { members } : {}),
  ...(joinReason ? { joinReason } : {}),
});

describe("hand-computed example in members", () => {
  const previous = [
    P("p1", "poor", 5), // stays poor, 5 → 3 members: −2 in column 4 (thay đổi nhân khẩu)
    P("p2", "poor", 4), // → near-poor (4 members at the start)
    P("p3", "poor", 6), // → none: escaped
    P("p4", "poor", 3, "died"), // absent, died: other decrease
    P("p5", "poor", 2), // stays poor, 2 → 4: +2 in column 8
    P("n1", "nearPoor", 3), // stays near-poor, no change
    P("n2", "nearPoor", 5), // → poor with 6 members
    P("n3", "nearPoor", 4), // → average: escaped near-poverty
    P("x1", "none", 2), // → poor, escaped earlier: re-poor
    P("x2", "average"), // → poor (new): no previous member count needed
    P("x3", "none"), // none → none: in no members flow, none needed
  ];
  const current = [
    C("p1", "poor", 3),
    C("p2", "nearPoor", 4),
    C("p3", "none", 6),
    C("p5", "poor", 4),
    C("n1", "nearPoor", 3),
    C("n2", "poor", 6),
    C("n3", "average"),
    C("x1", "poor", 2),
    C("x2", "poor", 3),
    C("x3", "none"),
    C("a1", "poor", 7, "movedIn"), // joined: other increase
    C("a2", "nearPoor", 2), // absent before: new near-poor
  ];
  const r = computeTransitions(previous, current, { everEscapedIds: ["x1"], listReading: "poorOnly" });

  test("households are unchanged by member counts", () => {
    expect(r.poor.columns).toEqual([5, 1, 1, 1, 1, 1, 1, 1, 6]);
    expect(r.nearPoor.columns).toEqual([3, 1, 1, 0, 1, 0, 1, 0, 3]);
    const bare = computeTransitions(
      previous.map(({ id, category, leftReason }) => P(id, category, undefined, leftReason)),
      current.map(({ id, category, joinReason }) => C(id, category, undefined, joinReason)),
      { everEscapedIds: ["x1"], listReading: "poorOnly" },
    );
    expect(bare.poor).toEqual(r.poor);
    expect(bare.nearPoor).toEqual(r.nearPoor);
  });

  test("Form 2 members: 20 − 4 − 6 − 5 + 6 + 2 + 3 + 9 = 25", () => {
    const m = r.members!.poor;
    // col 4 = p4 died (3) + p1 lost 2; col 8 = a1 moved in (7) + p5 gained 2
    expect(m.columns).toEqual([20, 4, 6, 5, 6, 2, 3, 9, 25]);
    expect(m.decreases).toEqual({ toNearPoor: 4, escaped: 6, other: 5, total: 15 });
    expect(m.increases).toEqual({ fromNearPoor: 6, re: 2, new: 3, other: 9, total: 20 });
    expect(m.memberChange).toEqual({ decrease: 2, increase: 2 });
    expect(m.start).toBe(5 + 4 + 6 + 3 + 2); // previous members of households poor at the start
    expect(m.end).toBe(3 + 4 + 6 + 2 + 3 + 7); // current members of households poor at the end
    expect(transitionIdentityGap(m.columns)).toBe(0);
  });

  test("Form 3 members: 12 − 4 − 5 − 0 + 4 + 0 + 2 + 0 = 9", () => {
    const m = r.members!.nearPoor;
    expect(m.columns).toEqual([12, 4, 5, 0, 4, 0, 2, 0, 9]);
    expect(m.memberChange).toEqual({ decrease: 0, increase: 0 });
    expect(transitionIdentityGap(m.columns)).toBe(0);
    expect(r.membersUnavailable).toBeUndefined();
  });

  test("cross-form in members: poor → near-poor counted with previous members in Form 2, current in Form 3", () => {
    const shrinking = computeTransitions([P("h", "poor", 6)], [C("h", "nearPoor", 4)]);
    expect(shrinking.members!.poor.columns).toEqual([6, 6, 0, 0, 0, 0, 0, 0, 0]);
    expect(shrinking.members!.nearPoor.columns).toEqual([0, 0, 0, 0, 4, 0, 0, 0, 4]);
  });
});

describe("missing member counts: null with a reason, never zeros", () => {
  test("one poor household without a count → members null, households unchanged", () => {
    const r = computeTransitions([P("a", "poor", 4), P("b", "poor")], [C("a", "poor", 4), C("b", "nearPoor", 3)]);
    expect(r.members).toBeNull();
    expect(r.membersUnavailable).toMatchObject({ missing: { previous: 1, current: 0 }, exampleIds: ["b"] });
    expect(r.membersUnavailable!.messageVi).toContain('"b"');
    expect(r.membersUnavailable!.messageVi).toContain("nhân khẩu");
    expect(r.membersUnavailable!.messageEn).toContain("not computed");
    expect(r.poor.columns).toEqual([2, 1, 0, 0, 0, 0, 0, 0, 1]);
  });

  test.each([[-1], [2.5], [NaN], [Infinity], ["3" as unknown as number], [null as unknown as number]])(
    "an invalid count %p is missing",
    (bad) => {
      const r = computeTransitions([P("a", "poor", 4)], [C("a", "poor", bad)]);
      expect(r.members).toBeNull();
      expect(r.membersUnavailable!.missing).toEqual({ previous: 0, current: 1 });
    },
  );

  test("no counts at all: every poor/near-poor entry is reported; ids listed once, at most 5", () => {
    const ids = ["a", "b", "c", "d", "e", "f", "g"];
    const r = computeTransitions(
      ids.map((id) => P(id, "poor")),
      ids.map((id) => C(id, "nearPoor")),
    );
    expect(r.members).toBeNull();
    expect(r.membersUnavailable!.missing).toEqual({ previous: 7, current: 7 });
    expect(r.membersUnavailable!.exampleIds).toEqual(["a", "b", "c", "d", "e"]);
    expect(r.membersUnavailable!.messageEn).toContain("…");
  });

  test("households in no members flow, and excluded ones, need no count; 0 members is a count", () => {
    const r = computeTransitions(
      [P("a", "average"), P("d", "poor"), P("d", "poor"), P("z", "poor", 0)],
      [C("a", "none"), C("q", "bogus" as Category), C("z", "poor", 0)],
    );
    expect(r.members).not.toBeNull();
    expect(r.members!.poor.columns).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(r.excludedIds).toEqual(["d", "q"]);
  });

  test("empty rosters: members all zero (nothing is missing)", () => {
    const r = computeTransitions([], []);
    expect(r.members!.poor.columns).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0]);
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
const membersArb = fc.integer({ min: 0, max: 12 });
const prevArb = (members: fc.Arbitrary<number | undefined>) =>
  fc.array(
    fc.record({
      id: idArb,
      category: catArb,
      members,
      leftReason: fc.constantFrom(undefined, "died" as const, "movedAway" as const),
    }),
    { maxLength: 40 },
  );
const curArb = (members: fc.Arbitrary<number | undefined>) =>
  fc.array(
    fc.record({ id: idArb, category: catArb, members, joinReason: fc.constantFrom(undefined, "movedIn" as const) }),
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

const POOR_FLOWS = ["toNearPoor", "escaped", "otherDecrease", "fromNearPoor", "re", "new", "otherIncrease"];
const NEAR_FLOWS = ["escaped", "toPoor", "otherDecrease", "fromPoor", "re", "new", "otherIncrease"];

describe("properties (members)", () => {
  test("identity holds by construction in members and equals Σ over households, flow by flow; households unchanged", () => {
    fc.assert(
      fc.property(prevArb(membersArb), curArb(membersArb), optsArb, (prevRaw, curRaw, opts) => {
        const prev = clean(prevRaw) as PreviousEntry[];
        const cur = clean(curRaw) as CurrentEntry[];
        const r = computeTransitions(prev, cur, opts);
        expect(r.members).not.toBeNull();
        const m = r.members!;
        for (const t of [m.poor, m.nearPoor]) {
          expect(transitionIdentityGap(t.columns)).toBe(0);
          expect(t.end).toBe(t.start - t.decreases.total + t.increases.total);
          expect(t.columns.every((v) => Number.isInteger(v) && v >= 0)).toBe(true);
        }
        // Σ over households, from each household's flow and its two member counts (valid ids are unique).
        const pm = new Map(prev.map((e) => [e.id.trim(), e.members!]));
        const cm = new Map(cur.map((e) => [e.id.trim(), e.members!]));
        const sums = (flows: string[], key: "poorFlow" | "nearPoorFlow", cat: Category) => {
          const cols = [0, 0, 0, 0, 0, 0, 0, 0, 0];
          for (const mv of r.movements) {
            const p = pm.get(mv.id) ?? 0;
            const c = cm.get(mv.id) ?? 0;
            if (mv.from === cat) cols[0] += p;
            if (mv.to === cat) cols[8] += c;
            const f = mv[key];
            if (f === undefined) continue;
            if (f === "stay") {
              if (c < p) cols[3] += p - c;
              else cols[7] += c - p;
              continue;
            }
            const j = flows.indexOf(f) + 1; // column index 1..7 (0-based)
            cols[j] += j <= 3 ? p : c;
          }
          return cols;
        };
        expect(m.poor.columns).toEqual(sums(POOR_FLOWS, "poorFlow", "poor"));
        expect(m.nearPoor.columns).toEqual(sums(NEAR_FLOWS, "nearPoorFlow", "nearPoor"));
        // households: the same as without member counts
        const bare = computeTransitions(
          clean(prevRaw.map((e) => ({ ...e, members: undefined }))) as PreviousEntry[],
          clean(curRaw.map((e) => ({ ...e, members: undefined }))) as CurrentEntry[],
          opts,
        );
        expect(bare.poor).toEqual(r.poor);
        expect(bare.nearPoor).toEqual(r.nearPoor);
        for (const t of [r.poor, r.nearPoor]) expect(transitionIdentityGap(t.columns)).toBe(0);
        // movements: false gives the same members
        expect(computeTransitions(prev, cur, { ...opts, movements: false }).members).toEqual(m);
      }),
      { numRuns: 400 },
    );
  });

  test("members is null exactly when a counted poor/near-poor entry lacks a count", () => {
    const maybe = fc.option(membersArb, { nil: undefined, freq: 8 });
    fc.assert(
      fc.property(prevArb(maybe), curArb(maybe), optsArb, (prevRaw, curRaw, opts) => {
        const prev = clean(prevRaw) as PreviousEntry[];
        const cur = clean(curRaw) as CurrentEntry[];
        const r = computeTransitions(prev, cur, opts);
        const bad = new Set(r.excludedIds);
        const counted = (e: { id: string; category: Category }) =>
          e.id.trim() !== "" && !bad.has(e.id.trim()) && (e.category === "poor" || e.category === "nearPoor");
        const missPrev = prev.filter((e) => counted(e) && e.members === undefined).length;
        const missCur = cur.filter((e) => counted(e) && e.members === undefined).length;
        if (missPrev + missCur === 0) {
          expect(r.members).not.toBeNull();
          expect(r.membersUnavailable).toBeUndefined();
        } else {
          expect(r.members).toBeNull();
          expect(r.membersUnavailable!.missing).toEqual({ previous: missPrev, current: missCur });
        }
      }),
      { numRuns: 400 },
    );
  });
});

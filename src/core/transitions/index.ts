/**
 * Transitions (diễn biến) of poor and near-poor households between two rosters — last review (previous) and this
 * review (current) — keyed by household id, as in the national review system's Form 2 "Tổng hợp diễn biến hộ
 * nghèo" and Form 3 "Tổng hợp diễn biến hộ cận nghèo" (docs/domain.md §7.3, §8.4).
 *
 * Form 2 (poor), household row:
 *   1 start | 2 → near-poor | 3 → above the near-poverty line (thoát nghèo) | 4 other decrease |
 *   5 near-poor → poor | 6 re-poor (tái nghèo) | 7 newly poor (phát sinh) | 8 other increase | 9 end
 *   9 = 1 − 2 − 3 − 4 + 5 + 6 + 7 + 8
 * Form 3 (near-poor), same formula: 2 escaped (thoát cận nghèo) | 3 → poor | 4 other | 5 poor → near-poor |
 *   6 re-near-poor (tái cận nghèo) | 7 new | 8 other. (Positions 2, 3, 5 of Form 3 are DERIVED from the cross-form
 *   relations Form 2 col 2 = Form 3 col 5 and Form 2 col 5 = Form 3 col 3.)
 *
 * Every valid household is routed to exactly one flow per table (or "stay"), so start − decreases + increases = end
 * holds by construction. Households with a blank or duplicated id, or an unknown category, are excluded from all
 * counts and reported in `problems`.
 *
 * Absence from a roster depends on what the list is (`listReading`, reported in `result.reading`):
 * - a full review list (it lists households outside the poor and near-poor categories too — "Không thuộc diện",
 *   "Hộ có mức sống trung bình" — as the product's own template and the all-household reviews of some provinces do):
 *   a household on it that is missing from the other year's list has left or arrived (died, moved, split, merged):
 *   absent from the current list → other decrease (giảm khác, Form col 4); absent from the previous list → other
 *   increase (tăng khác, col 8). Counting it as escaped would inflate the headline "thoát nghèo" figure.
 * - a list of poor and near-poor households only: absent from the current list → escaped (thoát nghèo / thoát cận
 *   nghèo); absent from the previous list → newly poor / near-poor (phát sinh).
 * `listReading: "auto"` (default) reads each list by what it contains (the previous list decides absence from it,
 * the current list absence from it); "full" or "poorOnly" forces both; `absentFromPrevious` / `absentFromCurrent`
 * force one side. A per-household `leftReason` / `joinReason` always wins (→ other decrease / other increase); an id
 * in `everEscapedIds` makes a return to poverty re-poor (tái nghèo) instead of new, and an id in
 * `everEscapedNearPoorIds` makes a return to near-poverty re-near-poor (tái cận nghèo) — escaping poverty is not
 * escaping near-poverty, so `everEscapedIds` alone never makes a household "tái cận nghèo".
 * Rates of these flows are not computed here: their denominators are UNCERTAIN (docs/domain.md §8.4).
 *
 * Members (nhân khẩu) rows of Forms 2 and 3 (`result.members`, when every household that enters a members flow has
 * a member count; otherwise null with `membersUnavailable` saying why — never zeros). Each household follows the
 * same flow as in the household row and is weighted by its members, so the identity holds by construction:
 *   column 1 = Σ previous members of the households in the category at the start;
 *   columns 2, 3, 4 (decreases) = Σ previous members of the households in that flow;
 *   columns 5, 6, 7, 8 (increases) = Σ current members of the households in that flow;
 *   a household in the category in both years adds its member change: a loss (previous − current > 0) to
 *   column 4 (giảm khác: thay đổi nhân khẩu), a gain (current − previous > 0) to column 8 (tăng khác);
 *   column 9 = Σ current members of the households in the category at the end = 1 − 2 − 3 − 4 + 5 + 6 + 7 + 8.
 * Consequence (DERIVED, by design): in members the cross-form relations hold only when the members of the moving
 * households did not change — Form 2 col 2 counts a poor → near-poor household with its previous members, Form 3
 * col 5 the same household with its current members.
 */
import { fail } from "../errors";
import { CATEGORIES, type Category } from "../household";

/** Non-economic reasons a household leaves a roster (→ "other decrease", Form col 4). */
export type LeftReason = "died" | "movedAway" | "split" | "merged" | "other";
/** Non-economic reasons a household joins a roster (→ "other increase", Form col 8). */
export type JoinReason = "movedIn" | "split" | "other";

export interface PreviousEntry {
  /** Household code (mã hộ). Trimmed; numbers are accepted and converted to text. */
  id: string;
  /** Category at the previous review. */
  category: Category;
  /** Set when the household left for a non-economic reason (died, moved away, split, merged). */
  leftReason?: LeftReason;
  /** Members (nhân khẩu) at the previous review: a whole number ≥ 0. Needed for the members rows. */
  members?: number;
}

export interface CurrentEntry {
  id: string;
  /** Category at this review. */
  category: Category;
  /** Set when the household joined for a non-economic reason (moved in, split from another household). */
  joinReason?: JoinReason;
  /** Members (nhân khẩu) at this review: a whole number ≥ 0. Needed for the members rows. */
  members?: number;
}

/** How a roster is read: a full review list (every resident household) or a list of poor and near-poor only. */
export type ListKind = "full" | "poorOnly";

export interface TransitionOptions {
  /** Ids of households that escaped poverty in some earlier review: a return to poverty is re-poor (tái nghèo). */
  everEscapedIds?: Iterable<string>;
  /**
   * For the near-poor table: ids that escaped near-poverty in some earlier review: a return to near-poverty is
   * re-near-poor (tái cận nghèo). Default: none (an id that only escaped poverty is not re-near-poor).
   */
  everEscapedNearPoorIds?: Iterable<string>;
  /**
   * How absence from a roster is read (see the module comment): "auto" (default) by each list's content, "full"
   * (absence = left or arrived) or "poorOnly" (absence = escaped / newly (near-)poor).
   */
  listReading?: "auto" | ListKind;
  /** Forces absence from the previous roster: "newPoor" (phát sinh) or "otherIncrease" (tăng khác). */
  absentFromPrevious?: "newPoor" | "otherIncrease";
  /** Forces absence from the current roster: "escaped" (thoát nghèo) or "otherDecrease" (giảm khác). */
  absentFromCurrent?: "escaped" | "otherDecrease";
  /**
   * Build the per-household `movements` list (default true). `false` for bulk use (e.g. two 1M-row rosters, when
   * only Forms 2 and 3 are needed): `movements` is then an empty array; counts and problems are unchanged.
   */
  movements?: boolean;
}

/** Flow of one household in the poor table (Form 2). */
export type PoorFlow =
  "stay" | "toNearPoor" | "escaped" | "otherDecrease" | "fromNearPoor" | "re" | "new" | "otherIncrease";
/** Flow of one household in the near-poor table (Form 3). */
export type NearPoorFlow =
  "stay" | "toPoor" | "escaped" | "otherDecrease" | "fromPoor" | "re" | "new" | "otherIncrease";

/** Form 2: transitions of poor households (counts of households). */
export interface PoorTransitions {
  start: number;
  decreases: { toNearPoor: number; escaped: number; other: number; total: number };
  increases: { fromNearPoor: number; re: number; new: number; other: number; total: number };
  end: number;
  /** Form 2 columns 1–9 (index 0 = column 1); column 9 = 1 − 2 − 3 − 4 + 5 + 6 + 7 + 8. */
  columns: [number, number, number, number, number, number, number, number, number];
}

/** Form 3: transitions of near-poor households (counts of households). */
export interface NearPoorTransitions {
  start: number;
  decreases: { escaped: number; toPoor: number; other: number; total: number };
  increases: { fromPoor: number; re: number; new: number; other: number; total: number };
  end: number;
  /** Form 3 columns 1–9: 1 start, 2 escaped, 3 → poor, 4 other, 5 poor →, 6 re, 7 new, 8 other, 9 end. */
  columns: [number, number, number, number, number, number, number, number, number];
}

/** One household's movement. `from`/`to` are "absent" when it is not on that roster. */
export interface Movement {
  id: string;
  from: Category | "absent";
  to: Category | "absent";
  /** Its flow in the poor table, when it was or is poor. */
  poorFlow?: PoorFlow;
  /** Its flow in the near-poor table, when it was or is near-poor. */
  nearPoorFlow?: NearPoorFlow;
}

export type TransitionProblemCode =
  | "MISSING_ID" // blank id: excluded
  | "DUPLICATE_ID" // the id occurs more than once in a roster: every occurrence, in both rosters, excluded
  | "INVALID_CATEGORY" // not poor/nearPoor/average/none: the id is excluded from both rosters
  | "LEFT_BUT_PRESENT" // leftReason given but the household is on the current roster: reason ignored
  | "JOINED_BUT_PRESENT"; // joinReason given but the household is on the previous roster: reason ignored

export interface TransitionProblem {
  code: TransitionProblemCode;
  roster: "previous" | "current";
  /** 0-based index in that roster. */
  index: number;
  id?: string;
  /** True when the household is left out of all counts. */
  excluded: boolean;
  messageVi: string;
  messageEn: string;
}

/** Member changes of households in the category in both years (already inside columns 4 and 8 of the members row). */
export interface MemberChange {
  /** Σ (previous − current) members over those households that lost members: part of column 4 ("thay đổi nhân khẩu"). */
  decrease: number;
  /** Σ (current − previous) members over those households that gained members: part of column 8. */
  increase: number;
}

/**
 * Forms 2 and 3 in members (nhân khẩu): same shapes and identity as the household rows; `decreases.other` and
 * `increases.other` include the member changes of households in the category in both years (`memberChange`).
 */
export interface MemberTransitions {
  poor: PoorTransitions & { memberChange: MemberChange };
  nearPoor: NearPoorTransitions & { memberChange: MemberChange };
}

/** Why the members rows are not computed. */
export interface MembersUnavailable {
  /** Households (entries counted in a members flow) whose member count is missing or not a whole number ≥ 0. */
  missing: { previous: number; current: number };
  /** Up to 5 ids of such households, for the message. */
  exampleIds: string[];
  messageVi: string;
  messageEn: string;
}

/** Which reading of each roster was used, and why (for a note under Forms 2 and 3 and the function's last row). */
export interface ListReading {
  previous: ListKind;
  current: ListKind;
  /** "detected" from the lists' content, or "option" (listReading / absentFrom… given). */
  source: "detected" | "option";
  messageVi: string;
  messageEn: string;
  /** A short form for a cell: "Danh sách đầy đủ: vắng mặt = giảm khác / tăng khác (tự nhận ra)". */
  shortVi: string;
  shortEn: string;
}

export interface TransitionResult {
  /** How absence from each roster was read. */
  reading: ListReading;
  poor: PoorTransitions;
  nearPoor: NearPoorTransitions;
  /**
   * Forms 2 and 3 in members, or null when a household counted in them has no valid member count (see
   * `membersUnavailable`): members are never guessed or taken as zero.
   */
  members: MemberTransitions | null;
  /** Set exactly when `members` is null. */
  membersUnavailable?: MembersUnavailable;
  movements: Movement[];
  problems: TransitionProblem[];
  /** Ids left out of all counts (duplicates, invalid categories). */
  excludedIds: string[];
  /** Number of entries left out per roster (blank ids, duplicates, unknown categories), to reconcile with raw counts. */
  excludedEntries: { previous: number; current: number };
}

/** A reason counts when it is a non-blank text (sheets may hold "" for none). */
const hasReason = (v: unknown): boolean => typeof v === "string" && v.trim() !== "";

function normId(raw: unknown): string | undefined {
  if (typeof raw === "number" && Number.isFinite(raw)) return String(raw);
  if (typeof raw !== "string") return undefined;
  const t = raw.trim();
  return t === "" ? undefined : t;
}

/** A member count: a whole number ≥ 0. */
const isMemberCount = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v) && v >= 0;

const isCategory = (c: unknown): c is Category =>
  typeof c === "string" && (CATEGORIES as readonly string[]).includes(c);

/**
 * Transitions of poor and near-poor households between two rosters (Form 2 and Form 3, docs/domain.md §7.3), in
 * households. For each table: start (đầu kỳ), decreases (to the other category, escaped above the near-poverty
 * line, other), increases (from the other category, re- = tái nghèo / tái cận nghèo, new = phát sinh, other), end
 * (cuối kỳ), with end = start − decreases.total + increases.total by construction, plus one movement per household
 * (unless `movements: false`) and the problems found (blank/duplicate ids and unknown categories are excluded, never
 * miscounted). `members`: the same two forms in members (nhân khẩu, persons), defined in the module comment — null,
 * with `membersUnavailable`, when a household counted in them has no member count.
 * See the module comment for the documented default meaning of absence from a roster.
 * @throws PovertyError INVALID_ARGUMENT when a roster is not an array or an option has an unknown value.
 */
export function computeTransitions(
  previous: ReadonlyArray<PreviousEntry>,
  current: ReadonlyArray<CurrentEntry>,
  opts: TransitionOptions = {},
): TransitionResult {
  if (!Array.isArray(previous) || !Array.isArray(current)) {
    fail(
      "INVALID_ARGUMENT",
      "Danh sách hộ năm trước và năm nay phải là mảng.",
      "The previous and current rosters must be arrays.",
    );
  }
  const listReading = opts.listReading ?? "auto";
  if (listReading !== "auto" && listReading !== "full" && listReading !== "poorOnly") {
    fail(
      "INVALID_ARGUMENT",
      `Tuỳ chọn listReading "${String(listReading)}" không hợp lệ (auto, full, poorOnly).`,
      `Option listReading "${String(listReading)}" is not valid (auto, full, poorOnly).`,
    );
  }
  const kindOf = (roster: ReadonlyArray<{ category: unknown }>): ListKind =>
    listReading !== "auto"
      ? listReading
      : roster.some((e) => e && (e.category === "average" || e.category === "none"))
        ? "full"
        : "poorOnly";
  const prevKind: ListKind =
    opts.absentFromPrevious !== undefined
      ? opts.absentFromPrevious === "otherIncrease"
        ? "full"
        : "poorOnly"
      : kindOf(previous);
  const curKind: ListKind =
    opts.absentFromCurrent !== undefined
      ? opts.absentFromCurrent === "otherDecrease"
        ? "full"
        : "poorOnly"
      : kindOf(current);
  const absentPrev = opts.absentFromPrevious ?? (prevKind === "full" ? "otherIncrease" : "newPoor");
  const absentCur = opts.absentFromCurrent ?? (curKind === "full" ? "otherDecrease" : "escaped");
  if (absentPrev !== "newPoor" && absentPrev !== "otherIncrease") {
    fail(
      "INVALID_ARGUMENT",
      `Tuỳ chọn absentFromPrevious "${String(absentPrev)}" không hợp lệ (newPoor, otherIncrease).`,
      `Option absentFromPrevious "${String(absentPrev)}" is not valid (newPoor, otherIncrease).`,
    );
  }
  if (absentCur !== "escaped" && absentCur !== "otherDecrease") {
    fail(
      "INVALID_ARGUMENT",
      `Tuỳ chọn absentFromCurrent "${String(absentCur)}" không hợp lệ (escaped, otherDecrease).`,
      `Option absentFromCurrent "${String(absentCur)}" is not valid (escaped, otherDecrease).`,
    );
  }
  const everPoor = new Set<string>();
  for (const id of opts.everEscapedIds ?? []) {
    const n = normId(id);
    if (n !== undefined) everPoor.add(n);
  }
  const everNear = new Set<string>();
  for (const id of opts.everEscapedNearPoorIds ?? []) {
    const n = normId(id);
    if (n !== undefined) everNear.add(n);
  }

  const problems: TransitionProblem[] = [];
  const excluded = new Set<string>();
  const wantMovements = opts.movements !== false;

  // Pass 1: ids, duplicates, categories, per roster. One Map<id, slot> shared by both rosters (slots numbered in
  // order of first appearance: previous roster first, then ids new in the current one), the first row of each slot
  // per roster in an Int32Array, and a second map only for the ids seen more than once. No per-household
  // allocation, one map operation per row (two for a new id): two 1M-row rosters stay cheap.
  const slotOf = new Map<string, number>();
  const cap = previous.length + current.length;
  const slotIds: string[] = [];
  const prevRow = new Int32Array(cap).fill(-1);
  const curRow = new Int32Array(cap).fill(-1);
  const scan = (
    roster: ReadonlyArray<{ id: unknown; category: unknown }>,
    which: "previous" | "current",
    rowOf: Int32Array,
  ) => {
    const dups = new Map<string, number[]>();
    let missing = 0;
    const whichVi = which === "previous" ? "năm trước" : "năm nay";
    for (let index = 0; index < roster.length; index++) {
      const entry = roster[index];
      if (entry === undefined && !(index in roster)) continue; // a hole of a sparse array (as forEach skips it)
      const id = normId(entry?.id);
      if (id === undefined) {
        missing++;
        problems.push({
          code: "MISSING_ID",
          roster: which,
          index,
          excluded: true,
          messageVi: `Dòng ${index + 1} của danh sách ${whichVi} không có mã hộ: không được tính.`,
          messageEn: `Row ${index + 1} of the ${which} roster has no household id: not counted.`,
        });
        continue;
      }
      let slot = slotOf.get(id);
      if (slot === undefined) {
        slot = slotIds.length;
        slotOf.set(id, slot);
        slotIds.push(id);
      }
      const seen = rowOf[slot];
      if (seen < 0) rowOf[slot] = index;
      else {
        const list = dups.get(id);
        if (list) list.push(index);
        else dups.set(id, [seen, index]);
      }
      if (!isCategory(entry.category)) {
        excluded.add(id);
        problems.push({
          code: "INVALID_CATEGORY",
          roster: which,
          index,
          id,
          excluded: true,
          messageVi: `Hộ "${id}" (dòng ${index + 1}, danh sách ${whichVi}) có phân loại không hợp lệ "${String(entry.category)}": không được tính ở cả hai năm.`,
          messageEn: `Household "${id}" (row ${index + 1}, ${which} roster) has an unknown category "${String(entry.category)}": not counted in either year.`,
        });
      }
    }
    for (const [id, list] of dups) {
      excluded.add(id);
      const rows = list.map((x) => x + 1).join(", ");
      for (const x of list) {
        problems.push({
          code: "DUPLICATE_ID",
          roster: which,
          index: x,
          id,
          excluded: true,
          messageVi: `Mã hộ "${id}" trùng lặp trong danh sách ${whichVi} (dòng ${rows}): hộ này không được tính ở cả hai năm.`,
          messageEn: `Household id "${id}" is duplicated in the ${which} roster (rows ${rows}): it is not counted in either year.`,
        });
      }
    }
    return { rowOf, dups, missing };
  };
  const prev = scan(previous, "previous", prevRow);
  const cur = scan(current, "current", curRow);

  const poor = {
    start: 0,
    toNearPoor: 0,
    escaped: 0,
    otherDec: 0,
    fromNearPoor: 0,
    re: 0,
    new: 0,
    otherInc: 0,
    end: 0,
  };
  const near = { start: 0, escaped: 0, toPoor: 0, otherDec: 0, fromPoor: 0, re: 0, new: 0, otherInc: 0, end: 0 };
  // The same in members; memDec/memInc: member changes of households in the category in both years.
  const mPoor = { ...poor, memDec: 0, memInc: 0 };
  const mNear = { ...near, memDec: 0, memInc: 0 };
  const missingMembers = { previous: 0, current: 0 };
  const missingIds: string[] = [];
  const movements: Movement[] = [];

  /** Route one household (row pi of previous, ci of current; -1 = absent) to its flows. */
  const visit = (id: string, pi: number, ci: number): void => {
    const pe = pi >= 0 ? previous[pi] : undefined;
    const ce = ci >= 0 ? current[ci] : undefined;
    const from: Category | "absent" = pe ? pe.category : "absent";
    const to: Category | "absent" = ce ? ce.category : "absent";
    const left = pe !== undefined && hasReason(pe.leftReason);
    const joined = ce !== undefined && hasReason(ce.joinReason);
    if (pe && ce && left) {
      problems.push({
        code: "LEFT_BUT_PRESENT",
        roster: "previous",
        index: pi,
        id,
        excluded: false,
        messageVi: `Hộ "${id}" có lý do ra khỏi danh sách nhưng vẫn có trong danh sách năm nay: bỏ qua lý do.`,
        messageEn: `Household "${id}" has a leaving reason but is on the current roster: the reason is ignored.`,
      });
    }
    if (pe && ce && joined) {
      problems.push({
        code: "JOINED_BUT_PRESENT",
        roster: "current",
        index: ci,
        id,
        excluded: false,
        messageVi: `Hộ "${id}" có lý do vào danh sách nhưng đã có trong danh sách năm trước: bỏ qua lý do.`,
        messageEn: `Household "${id}" has a joining reason but is on the previous roster: the reason is ignored.`,
      });
    }

    // Members: previous count for start and decreases, current count for increases and end. Only households in a
    // members flow need one; a missing count is recorded (the members result is then null), never read as 0.
    let pm = 0;
    let cm = 0;
    if (from === "poor" || from === "nearPoor") {
      const v = pe!.members;
      if (isMemberCount(v)) pm = v;
      else {
        missingMembers.previous++;
        if (missingIds.length < 5 && missingIds[missingIds.length - 1] !== id) missingIds.push(id);
      }
    }
    if (to === "poor" || to === "nearPoor") {
      const v = ce!.members;
      if (isMemberCount(v)) cm = v;
      else {
        missingMembers.current++;
        if (missingIds.length < 5 && missingIds[missingIds.length - 1] !== id) missingIds.push(id);
      }
    }

    let poorFlow: PoorFlow | undefined;
    let nearPoorFlow: NearPoorFlow | undefined;
    // Poor table (Form 2)
    if (from === "poor") {
      poor.start++;
      mPoor.start += pm;
      if (to === "poor") poorFlow = "stay";
      else if (to === "nearPoor") poorFlow = "toNearPoor";
      else if (to === "absent") poorFlow = left || absentCur === "otherDecrease" ? "otherDecrease" : "escaped";
      else poorFlow = "escaped"; // average or none: above the near-poverty line
    }
    if (to === "poor") {
      poor.end++;
      mPoor.end += cm;
      if (from === "nearPoor") poorFlow = "fromNearPoor";
      else if (from !== "poor") {
        if (from === "absent" && joined) poorFlow = "otherIncrease";
        else if (everPoor.has(id)) poorFlow = "re";
        else if (from === "absent" && absentPrev === "otherIncrease") poorFlow = "otherIncrease";
        else poorFlow = "new";
      }
    }
    // Near-poor table (Form 3)
    if (from === "nearPoor") {
      near.start++;
      mNear.start += pm;
      if (to === "nearPoor") nearPoorFlow = "stay";
      else if (to === "poor") nearPoorFlow = "toPoor";
      else if (to === "absent") nearPoorFlow = left || absentCur === "otherDecrease" ? "otherDecrease" : "escaped";
      else nearPoorFlow = "escaped";
    }
    if (to === "nearPoor") {
      near.end++;
      mNear.end += cm;
      if (from === "poor") nearPoorFlow = "fromPoor";
      else if (from !== "nearPoor") {
        if (from === "absent" && joined) nearPoorFlow = "otherIncrease";
        else if (everNear.has(id)) nearPoorFlow = "re";
        else if (from === "absent" && absentPrev === "otherIncrease") nearPoorFlow = "otherIncrease";
        else nearPoorFlow = "new";
      }
    }
    switch (poorFlow) {
      case "stay":
        if (cm < pm) mPoor.memDec += pm - cm;
        else mPoor.memInc += cm - pm;
        break;
      case "toNearPoor":
        poor.toNearPoor++;
        mPoor.toNearPoor += pm;
        break;
      case "escaped":
        poor.escaped++;
        mPoor.escaped += pm;
        break;
      case "otherDecrease":
        poor.otherDec++;
        mPoor.otherDec += pm;
        break;
      case "fromNearPoor":
        poor.fromNearPoor++;
        mPoor.fromNearPoor += cm;
        break;
      case "re":
        poor.re++;
        mPoor.re += cm;
        break;
      case "new":
        poor.new++;
        mPoor.new += cm;
        break;
      case "otherIncrease":
        poor.otherInc++;
        mPoor.otherInc += cm;
        break;
    }
    switch (nearPoorFlow) {
      case "stay":
        if (cm < pm) mNear.memDec += pm - cm;
        else mNear.memInc += cm - pm;
        break;
      case "toPoor":
        near.toPoor++;
        mNear.toPoor += pm;
        break;
      case "escaped":
        near.escaped++;
        mNear.escaped += pm;
        break;
      case "otherDecrease":
        near.otherDec++;
        mNear.otherDec += pm;
        break;
      case "fromPoor":
        near.fromPoor++;
        mNear.fromPoor += cm;
        break;
      case "re":
        near.re++;
        mNear.re += cm;
        break;
      case "new":
        near.new++;
        mNear.new += cm;
        break;
      case "otherIncrease":
        near.otherInc++;
        mNear.otherInc += cm;
        break;
    }
    if (wantMovements) {
      const m: Movement = { id, from, to };
      if (poorFlow !== undefined) m.poorFlow = poorFlow;
      if (nearPoorFlow !== undefined) m.nearPoorFlow = nearPoorFlow;
      movements.push(m);
    }
  };

  // Pass 2: previous roster order first, then the ids new in the current roster (= slot order).
  const excludedSlot = new Uint8Array(slotIds.length);
  for (const id of excluded) excludedSlot[slotOf.get(id)!] = 1;
  for (let slot = 0; slot < slotIds.length; slot++) {
    if (excludedSlot[slot] === 0) visit(slotIds[slot], prevRow[slot], curRow[slot]);
  }

  const countExcluded = (r: { rowOf: Int32Array; dups: Map<string, number[]>; missing: number }) => {
    let k = r.missing;
    for (const id of excluded) k += r.dups.get(id)?.length ?? (r.rowOf[slotOf.get(id)!] >= 0 ? 1 : 0);
    return k;
  };

  problems.sort((a, b) => (a.roster === b.roster ? a.index - b.index : a.roster === "previous" ? -1 : 1));

  let members: MemberTransitions | null = null;
  let membersUnavailable: MembersUnavailable | undefined;
  const nMissing = missingMembers.previous + missingMembers.current;
  if (nMissing === 0) {
    members = {
      poor: {
        ...poorTable({
          ...mPoor,
          otherDec: mPoor.otherDec + mPoor.memDec,
          otherInc: mPoor.otherInc + mPoor.memInc,
        }),
        memberChange: { decrease: mPoor.memDec, increase: mPoor.memInc },
      },
      nearPoor: {
        ...nearTable({
          ...mNear,
          otherDec: mNear.otherDec + mNear.memDec,
          otherInc: mNear.otherInc + mNear.memInc,
        }),
        memberChange: { decrease: mNear.memDec, increase: mNear.memInc },
      },
    };
  } else {
    const ex = missingIds.map((x) => `"${x}"`).join(", ");
    const more = nMissing > missingIds.length ? ", …" : "";
    membersUnavailable = {
      missing: { ...missingMembers },
      exampleIds: missingIds,
      messageVi:
        `Thiếu số nhân khẩu (hoặc không phải số nguyên ≥ 0) ở ${missingMembers.previous} dòng năm trước và ` +
        `${missingMembers.current} dòng năm nay của hộ nghèo/cận nghèo (${ex}${more}): không tính diễn biến theo nhân khẩu.`,
      messageEn:
        `Member count missing (or not a whole number ≥ 0) on ${missingMembers.previous} previous and ` +
        `${missingMembers.current} current entries of poor/near-poor households (${ex}${more}): transitions in members not computed.`,
    };
  }

  return {
    reading: listReadingOf(
      prevKind,
      curKind,
      listReading !== "auto" || opts.absentFromPrevious !== undefined || opts.absentFromCurrent !== undefined,
    ),
    poor: poorTable(poor),
    nearPoor: nearTable(near),
    members,
    ...(membersUnavailable ? { membersUnavailable } : {}),
    movements,
    problems,
    excludedIds: [...excluded].sort(),
    excludedEntries: { previous: countExcluded(prev), current: countExcluded(cur) },
  };
}

const KIND_TEXT: Record<ListKind, { vi: string; en: string }> = {
  full: {
    vi: "danh sách rà soát đầy đủ (có cả hộ không thuộc diện / mức sống trung bình)",
    en: "a full review list (it also lists households outside the poor and near-poor categories)",
  },
  poorOnly: { vi: "danh sách hộ nghèo, hộ cận nghèo", en: "a list of poor and near-poor households only" },
};

const capitalise = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);

function listReadingOf(previous: ListKind, current: ListKind, forced: boolean): ListReading {
  const how = forced
    ? { vi: "theo tuỳ chọn", en: "as set by the option" }
    : { vi: "nhận ra từ nội dung", en: "recognised from its content" };
  const cur =
    current === "full"
      ? {
          vi: "hộ năm trước có mà năm nay không có trong danh sách được tính là giảm khác (chết, chuyển đi, tách, nhập hộ), không tính là thoát nghèo",
          en: "a household on last year's list and missing from this year's counts as another decrease (died, moved away, split, merged), not as escaped",
        }
      : {
          vi: "hộ năm trước nghèo/cận nghèo mà năm nay không có trong danh sách được tính là thoát nghèo/thoát cận nghèo",
          en: "a household poor/near-poor last year and missing from this year's list counts as escaped",
        };
  const prev =
    previous === "full"
      ? {
          vi: "hộ năm nay nghèo/cận nghèo mà không có trong danh sách năm trước được tính là tăng khác (chuyển đến, tách hộ)",
          en: "a household poor/near-poor now and missing from last year's list counts as another increase (moved in, split)",
        }
      : {
          vi: "hộ năm nay nghèo/cận nghèo mà không có trong danh sách năm trước được tính là phát sinh mới (hoặc tái nghèo)",
          en: "a household poor/near-poor now and missing from last year's list counts as newly poor (or re-poor)",
        };
  const SHORT: Record<ListKind, { vi: string; en: string }> = {
    full: { vi: "danh sách đầy đủ", en: "full review list" },
    poorOnly: { vi: "danh sách hộ nghèo, cận nghèo", en: "poor and near-poor list" },
  };
  const ABSENT = {
    full: { vi: "vắng mặt = giảm khác / tăng khác", en: "absence = other decrease / increase" },
    poorOnly: { vi: "vắng mặt = thoát nghèo / phát sinh", en: "absence = escaped / newly poor" },
  };
  const short =
    previous === current
      ? {
          vi: `${capitalise(SHORT[current].vi)}: ${ABSENT[current].vi}`,
          en: `${capitalise(SHORT[current].en)}: ${ABSENT[current].en}`,
        }
      : {
          vi: `Năm trước: ${SHORT[previous].vi}; năm nay: ${SHORT[current].vi}`,
          en: `Last year: ${SHORT[previous].en}; this year: ${SHORT[current].en}`,
        };
  return {
    previous,
    current,
    source: forced ? "option" : "detected",
    shortVi: `${short.vi} (${how.vi})`,
    shortEn: `${short.en} (${how.en})`,
    messageVi: `Danh sách năm trước: ${KIND_TEXT[previous].vi}; danh sách năm nay: ${KIND_TEXT[current].vi} (${how.vi}). Vì vậy ${cur.vi}; ${prev.vi}.`,
    messageEn: `Last year's list: ${KIND_TEXT[previous].en}; this year's: ${KIND_TEXT[current].en} (${how.en}). So ${cur.en}; ${prev.en}.`,
  };
}

interface PoorCounts {
  start: number;
  toNearPoor: number;
  escaped: number;
  otherDec: number;
  fromNearPoor: number;
  re: number;
  new: number;
  otherInc: number;
  end: number;
}

/** Form 2 from the flow sums (households or members). */
function poorTable(p: PoorCounts): PoorTransitions {
  return {
    start: p.start,
    decreases: {
      toNearPoor: p.toNearPoor,
      escaped: p.escaped,
      other: p.otherDec,
      total: p.toNearPoor + p.escaped + p.otherDec,
    },
    increases: {
      fromNearPoor: p.fromNearPoor,
      re: p.re,
      new: p.new,
      other: p.otherInc,
      total: p.fromNearPoor + p.re + p.new + p.otherInc,
    },
    end: p.end,
    columns: [p.start, p.toNearPoor, p.escaped, p.otherDec, p.fromNearPoor, p.re, p.new, p.otherInc, p.end],
  };
}

interface NearCounts {
  start: number;
  escaped: number;
  toPoor: number;
  otherDec: number;
  fromPoor: number;
  re: number;
  new: number;
  otherInc: number;
  end: number;
}

/** Form 3 from the flow sums (households or members). */
function nearTable(n: NearCounts): NearPoorTransitions {
  return {
    start: n.start,
    decreases: { escaped: n.escaped, toPoor: n.toPoor, other: n.otherDec, total: n.escaped + n.toPoor + n.otherDec },
    increases: {
      fromPoor: n.fromPoor,
      re: n.re,
      new: n.new,
      other: n.otherInc,
      total: n.fromPoor + n.re + n.new + n.otherInc,
    },
    end: n.end,
    columns: [n.start, n.escaped, n.toPoor, n.otherDec, n.fromPoor, n.re, n.new, n.otherInc, n.end],
  };
}

/**
 * Check the Form 2 / Form 3 identity on a row of 9 columns: column 9 = 1 − 2 − 3 − 4 + 5 + 6 + 7 + 8.
 * Returns the difference (reported end − computed end); 0 when the row is consistent. Counts, households or members.
 */
export function transitionIdentityGap(columns: ReadonlyArray<number>): number {
  if (
    !Array.isArray(columns) ||
    columns.length !== 9 ||
    columns.some((v) => typeof v !== "number" || !Number.isFinite(v))
  ) {
    fail(
      "INVALID_ARGUMENT",
      "Cần đúng 9 cột số (cột 1–9 của biểu diễn biến).",
      "Exactly 9 numeric columns are needed (columns 1–9 of the transition form).",
      { columns },
    );
  }
  const [c1, c2, c3, c4, c5, c6, c7, c8, c9] = columns;
  return c9 - (c1 - c2 - c3 - c4 + c5 + c6 + c7 + c8);
}

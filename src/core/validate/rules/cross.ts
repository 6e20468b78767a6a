/**
 * Rules across sheets and files of one submission: household ids unique within a ward and across all
 * submitted wards; a summary (Form 1) vs the aggregate of the rosters; the same unit's totals in two forms;
 * Form 2 vs Form 3 transitions between poor and near-poor.
 */
import type { Finding } from "../finding";
import { finding } from "../catalogue";
import type { SheetRead, FormRow } from "../../sheet/read";
import { fold } from "../../i18n";
import { at, label, refText, related, unitKey } from "./common";
import { CATEGORY_LABELS, type Category } from "../../household";
import { computeTransitions } from "../../transitions";

/** HH_DUPLICATE_ID (same sheet) and HH_DUPLICATE_ID_ACROSS (another sheet or file). */
export function checkDuplicateIds(reads: SheetRead[]): Finding[] {
  const out: Finding[] = [];
  const seen = new Map<string, { read: SheetRead; row0: number }>();
  for (const read of reads) {
    if (!read.roster) continue;
    for (const r of read.roster) {
      const id = r.household.id;
      if (!id) continue;
      // Unique per commune and review year: rosters of two different years may share ids.
      const key = `${read.detection.yearHint ?? ""}|${id.trim().toUpperCase()}`;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, { read, row0: r.row0 });
        continue;
      }
      const same = first.read === read;
      out.push(
        finding(
          same ? "HH_DUPLICATE_ID" : "HH_DUPLICATE_ID_ACROSS",
          at(read, r.row0, "id"),
          {
            value: id,
            other: same
              ? refText(first.read, first.row0, "id").replace(/^.*!/, "")
              : refText(first.read, first.row0, "id"),
          },
          { field: "id", value: id, related: [related(first.read, first.row0, "id")] },
        ),
      );
    }
  }
  return out;
}

interface Agg {
  households: number;
  members: number;
  poor: number;
  nearPoor: number;
  average: number;
  poorMembers: number;
  nearPoorMembers: number;
  averageMembers: number;
  membersKnown: boolean;
  categoryKnown: boolean;
  source: string;
}

/** Aggregate rosters per unit key (unit column, else the sheet name). */
export function aggregateRosters(reads: SheetRead[]): Map<string, Agg> {
  const out = new Map<string, Agg>();
  for (const read of reads) {
    if (!read.roster) continue;
    const hasCat = "category" in read.columns;
    const hasMembers = "members" in read.columns;
    for (const r of read.roster) {
      const h = r.household;
      const key = unitKey(h.unit || read.sheet);
      let a = out.get(key);
      if (!a) {
        a = {
          households: 0,
          members: 0,
          poor: 0,
          nearPoor: 0,
          average: 0,
          poorMembers: 0,
          nearPoorMembers: 0,
          averageMembers: 0,
          membersKnown: hasMembers,
          categoryKnown: hasCat,
          source: `${read.file ? read.file + " › " : ""}${read.sheet}`,
        };
        out.set(key, a);
      }
      a.households++;
      const m = h.members ?? 0;
      a.members += m;
      if (h.declaredCategory === "poor") {
        a.poor++;
        a.poorMembers += m;
      } else if (h.declaredCategory === "nearPoor") {
        a.nearPoor++;
        a.nearPoorMembers += m;
      } else if (h.declaredCategory === "average") {
        a.average++;
        a.averageMembers += m;
      }
    }
  }
  return out;
}

const SUMMARY_VS_ROSTER: (keyof Agg)[] = [
  "households",
  "poor",
  "nearPoor",
  "average",
  "members",
  "poorMembers",
  "nearPoorMembers",
  "averageMembers",
];

/**
 * CROSS_SUMMARY_ROSTER: each summary row whose unit has a submitted roster equals the roster's counts; the
 * summary's totals row equals the sum over rosters when every unit row has a roster.
 */
export function checkSummaryVsRosters(reads: SheetRead[]): Finding[] {
  const out: Finding[] = [];
  const agg = aggregateRosters(reads);
  if (!agg.size) return out;
  for (const read of reads) {
    if (read.kind !== "summary" || !read.table) continue;
    const body = read.table.filter((r) => r.kind === "body" && r.measure === "households");
    const matched = body.filter((r) => agg.has(unitKey(r.label)));
    const compare = (
      row: FormRow,
      a: Omit<Agg, "source" | "membersKnown" | "categoryKnown">,
      src: string,
      membersKnown: boolean,
      categoryKnown: boolean,
    ) => {
      for (const f of SUMMARY_VS_ROSTER) {
        if (!(f in read.columns)) continue;
        if (f !== "households" && f !== "members" && !categoryKnown) continue;
        if (f.toString().includes("embers") && !membersKnown) continue;
        const v = row.values[f];
        const e = a[f as keyof typeof a] as number;
        if (v === undefined || v === e) continue;
        out.push(
          finding(
            "CROSS_SUMMARY_ROSTER",
            at(read, row.row0, f),
            { field: label(f), value: v, expected: e, other: src },
            { field: f, value: String(v), expected: String(e) },
          ),
        );
      }
    };
    for (const row of matched) {
      const a = agg.get(unitKey(row.label))!;
      compare(row, a, a.source, a.membersKnown, a.categoryKnown);
    }
    const total = read.table.find((r) => r.kind === "total" && r.measure === "households");
    if (total && body.length > 0 && matched.length === body.length && matched.length === agg.size) {
      const sum = {
        households: 0,
        members: 0,
        poor: 0,
        nearPoor: 0,
        average: 0,
        poorMembers: 0,
        nearPoorMembers: 0,
        averageMembers: 0,
      };
      let membersKnown = true,
        categoryKnown = true;
      for (const a of agg.values()) {
        for (const k of Object.keys(sum) as (keyof typeof sum)[]) sum[k] += a[k];
        membersKnown &&= a.membersKnown;
        categoryKnown &&= a.categoryKnown;
      }
      compare(total, sum, `${agg.size} danh sách / rosters`, membersKnown, categoryKnown);
    }
    // A summary with a single unit row and a single roster without a unit column: compare them.
    if (matched.length === 0 && body.length === 1 && agg.size === 1 && !total) {
      const a = [...agg.values()][0];
      compare(body[0], a, a.source, a.membersKnown, a.categoryKnown);
    }
  }
  return out;
}

/**
 * CROSS_FORM_TOTALS: Form 2 end (poor) = Form 1 poor; Form 3 end (near-poor) = Form 1 near-poor;
 * Form 4 poor = Form 1 poor — for the same unit (matched by name) or the totals rows.
 * TRANSITION_FORMS_MISMATCH: Form 2 col 2 (poor → near-poor) = Form 3 col 5; Form 3 col 3 (near-poor → poor) = Form 2 col 5.
 */
export function checkFormsAgree(reads: SheetRead[]): Finding[] {
  const out: Finding[] = [];
  const rowsOf = (read: SheetRead) => {
    const m = new Map<string, FormRow>();
    for (const r of read.table ?? []) {
      if (r.measure !== "households") continue;
      const k = r.kind === "total" ? "#total" : unitKey(r.label);
      if (!m.has(k)) m.set(k, r);
    }
    return m;
  };
  const summaries = reads.filter((r) => r.kind === "summary");
  const form2 = reads.filter((r) => r.kind === "transition" && r.detection.subject === "poor");
  const form3 = reads.filter((r) => r.kind === "transition" && r.detection.subject === "nearPoor");
  const form4 = reads.filter((r) => r.kind === "deprivation");
  const pair = (a: SheetRead, fa: string, b: SheetRead, fb: string, code: string) => {
    if (!(fa in a.columns) || !(fb in b.columns)) return;
    const rb = rowsOf(b);
    for (const [k, row] of rowsOf(a)) {
      const other = rb.get(k);
      if (!other) continue;
      const v = row.values[fa],
        e = other.values[fb];
      if (v === undefined || e === undefined || v === e) continue;
      out.push(
        finding(
          code,
          at(a, row.row0, fa),
          { field: label(fa), value: v, expected: e, other: refText(b, other.row0, fb) },
          { field: fa, value: String(v), expected: String(e), related: [related(b, other.row0, fb)] },
        ),
      );
    }
  };
  for (const s of summaries) {
    for (const t of form2) pair(t, "end", s, "poor", "CROSS_FORM_TOTALS");
    for (const t of form3) pair(t, "end", s, "nearPoor", "CROSS_FORM_TOTALS");
    for (const d of form4) pair(d, "poor", s, "poor", "CROSS_FORM_TOTALS");
  }
  for (const a of form2)
    for (const b of form3) {
      pair(a, "decToNear", b, "incFromPoor", "TRANSITION_FORMS_MISMATCH");
      pair(b, "decToPoor", a, "incFromNear", "TRANSITION_FORMS_MISMATCH");
    }
  return out;
}

const POOR_COLUMNS = [
  "start",
  "decToNear",
  "decAbove",
  "decOther",
  "incFromNear",
  "incRe",
  "incNew",
  "incOther",
  "end",
];
const NEAR_COLUMNS = [
  "start",
  "decAbove",
  "decToPoor",
  "decOther",
  "incFromPoor",
  "incRe",
  "incNew",
  "incOther",
  "end",
];

/**
 * Rosters of two consecutive review years (years from the sheet titles):
 * CROSS_START_CATEGORY — this year's start category (đầu kỳ) equals last year's category of the same id;
 * CROSS_TRANSITIONS_ROSTERS — a Form 2/3 row of a unit equals core/transitions computed from the two rosters.
 */
export function checkRosterYears(reads: SheetRead[]): Finding[] {
  const out: Finding[] = [];
  const rosters = reads.filter((r) => r.roster && r.detection.yearHint !== undefined);
  const units = (r: SheetRead) => new Set(r.roster!.map((x) => unitKey(x.household.unit || r.sheet)));
  for (const cur of rosters) {
    const y = cur.detection.yearHint!;
    const curUnits = units(cur);
    const noUnit = (r: SheetRead) => !("unit" in r.columns);
    const prev = rosters.find(
      (p) =>
        p.detection.yearHint === y - 1 && ((noUnit(p) && noUnit(cur)) || [...units(p)].some((u) => curUnits.has(u))),
    );
    if (!prev) continue;
    const before = new Map<string, { category?: Category; row0: number }>();
    for (const x of prev.roster!)
      if (x.household.id)
        before.set(x.household.id.trim().toUpperCase(), { category: x.household.declaredCategory, row0: x.row0 });
    if ("startCategory" in cur.columns) {
      for (const x of cur.roster!) {
        const h = x.household;
        const b = before.get(h.id.trim().toUpperCase());
        if (!b || !b.category || !h.startCategory || b.category === h.startCategory) continue;
        out.push(
          finding(
            "CROSS_START_CATEGORY",
            at(cur, x.row0, "startCategory"),
            {
              id: h.id,
              value: CATEGORY_LABELS[h.startCategory],
              year: String(y - 1),
              expected: CATEGORY_LABELS[b.category],
              other: refText(prev, b.row0, "category"),
            },
            {
              field: "startCategory",
              value: h.startCategory,
              expected: b.category,
              related: [related(prev, b.row0, "category")],
            },
          ),
        );
      }
    }
    const forms = reads.filter(
      (r) => r.kind === "transition" && (r.detection.yearHint === undefined || r.detection.yearHint === y),
    );
    if (!forms.length) continue;
    for (const key of curUnits) {
      const p = prev.roster!.filter(
        (x) => unitKey(x.household.unit || prev.sheet) === key && x.household.declaredCategory,
      );
      const c = cur.roster!.filter(
        (x) => unitKey(x.household.unit || cur.sheet) === key && x.household.declaredCategory,
      );
      if (!p.length) continue;
      const t = computeTransitions(
        p.map((x) => ({ id: x.household.id, category: x.household.declaredCategory! })),
        c.map((x) => ({ id: x.household.id, category: x.household.declaredCategory! })),
      );
      for (const form of forms) {
        const row = form.table?.find(
          (r) => r.measure === "households" && r.kind === "body" && unitKey(r.label) === key,
        );
        if (!row) continue;
        const names = form.detection.subject === "nearPoor" ? NEAR_COLUMNS : POOR_COLUMNS;
        const cols = form.detection.subject === "nearPoor" ? t.nearPoor.columns : t.poor.columns;
        names.forEach((f, i) => {
          const v = row.values[f];
          if (v === undefined || v === cols[i]) return;
          out.push(
            finding(
              "CROSS_TRANSITIONS_ROSTERS",
              at(form, row.row0, f),
              { field: label(f), value: v, year1: String(y - 1), year2: String(y), expected: cols[i] },
              { field: f, value: String(v), expected: String(cols[i]) },
            ),
          );
        });
      }
    }
  }
  return out;
}

export const foldKey = fold;

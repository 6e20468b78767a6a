/**
 * Rules across sheets and files of one submission: household ids unique within a ward and across all
 * submitted wards; a summary (Form 1) vs the aggregate of the rosters; the same unit's totals in two forms;
 * Form 2 vs Form 3 transitions between poor and near-poor.
 */
import type { Finding } from "../../findings/finding";
import { finding, type FindingCode } from "../../findings/catalogue";
import type { SheetRead, FormRow } from "../../sheet/read";
import { fold } from "../../i18n";
import { FIELD_BY_NAME, isDepField } from "../../sheet/fields";
import { at, label, refText, related, unitKey } from "./common";
import type { SheetPlace } from "../../sheet/locate";
import { CATEGORY_LABELS, type Category, type Household } from "../../household";
import { rosterAreaKnown, type RosterRow } from "../../sheet/read";
import { computeTransitions } from "../../transitions";

/** HH_DUPLICATE_ID (same sheet) and HH_DUPLICATE_ID_ACROSS (another sheet or file). */
export function checkDuplicateIds(reads: SheetRead[]): Finding[] {
  const ids = new DuplicateIds();
  return reads.flatMap((r) => ids.add(r));
}

/**
 * checkDuplicateIds one roster at a time: keeps the ids seen and where (not the rosters), so a province's rosters
 * can be checked file by file (consolidation) with the same findings as all at once.
 */
export class DuplicateIds {
  private readonly seen = new Map<string, { place: SheetPlace; row0: number }>();

  /** The duplicate-id findings of this roster against itself and every roster added before. */
  add(read: SheetRead): Finding[] {
    const out: Finding[] = [];
    if (!read.roster) return out;
    const place: SheetPlace = {
      file: read.file,
      sheet: read.sheet,
      columns: read.columns,
      ...(read.transposition ? { transposition: read.transposition } : {}),
    };
    const seen = this.seen;
    for (const r of read.roster) {
      const id = r.household.id;
      if (!id) continue;
      // Unique per commune and review year: rosters of two different years may share ids.
      const key = `${read.detection.yearHint ?? ""}|${id.trim().toUpperCase()}`;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, { place, row0: r.row0 });
        continue;
      }
      const same = first.place === place;
      out.push(
        finding(
          same ? "HH_DUPLICATE_ID" : "HH_DUPLICATE_ID_ACROSS",
          at(read, r.row0, "id"),
          {
            value: id,
            other: same
              ? refText(first.place, first.row0, "id").replace(/^.*!/, "")
              : refText(first.place, first.row0, "id"),
          },
          { field: "id", value: id, related: [related(first.place, first.row0, "id")] },
        ),
      );
    }
    return out;
  }
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

type Counts = Omit<Agg, "membersKnown" | "categoryKnown" | "source">;

/** All counts of an aggregate at zero. */
function zeroCounts(): Counts {
  return {
    households: 0,
    members: 0,
    poor: 0,
    nearPoor: 0,
    average: 0,
    poorMembers: 0,
    nearPoorMembers: 0,
    averageMembers: 0,
  };
}

/** Aggregate rosters per unit key (unit column, else the sheet name). */
export function aggregateRosters(reads: SheetRead[]): Map<string, Agg> {
  return aggregateBy(reads, (h, read) => unitKey(h.unit || read.sheet));
}

/** Aggregate rosters per village (thôn, tổ dân phố), optionally per village and area ("thon tay|urban"). */
export function aggregateVillages(reads: SheetRead[], withArea: boolean): Map<string, Agg> {
  return aggregateBy(reads, (h, read, r) =>
    h.village ? unitKey(h.village) + (withArea ? `|${rosterAreaKnown(r) ? h.area : "?"}` : "") : undefined,
  );
}

function aggregateBy(
  reads: SheetRead[],
  keyOf: (h: Household, read: SheetRead, row: RosterRow) => string | undefined,
): Map<string, Agg> {
  const out = new Map<string, Agg>();
  for (const read of reads) {
    if (!read.roster) continue;
    const hasCat = "category" in read.columns;
    const hasMembers = "members" in read.columns;
    for (const r of read.roster) {
      const h = r.household;
      const key = keyOf(h, read, r);
      if (key === undefined) continue;
      let a = out.get(key);
      if (!a) {
        a = {
          ...zeroCounts(),
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

/** Area of a section heading ("I. Khu vực thành thị" → urban), undefined for other headings. */
function sectionArea(label: string): Household["area"] | undefined {
  const l = fold(label);
  if (/(^|[^a-z])(thanh thi|do thi|urban)([^a-z]|$)/.test(l)) return "urban";
  if (/(^|[^a-z])(nong thon|rural)([^a-z]|$)/.test(l)) return "rural";
  return undefined;
}

/** Body rows (households) of a summary with the area of their section, when every section names an area. */
function bodyWithAreas(table: FormRow[]): { row: FormRow; area?: Household["area"] }[] {
  let area: Household["area"] | undefined;
  const out: { row: FormRow; area?: Household["area"] }[] = [];
  for (const r of table) {
    if (r.kind === "section") area = sectionArea(r.label);
    else if (r.kind === "subtotal" || r.kind === "total") area = undefined;
    else if (r.measure === "households") out.push({ row: r, area });
  }
  return out;
}

/**
 * CROSS_SUMMARY_ROSTER: each summary row whose unit has a submitted roster equals the roster's counts; the
 * summary's totals row equals the sum over rosters when every unit row has a roster.
 * A ward's Form 1 by village (thôn, tổ dân phố): when the summary's unit names are the rosters' village names
 * (folded), rows are compared with the roster's villages — per village and area when the form has area sections
 * ("I. Thành thị", "II. Nông thôn"). Rosters of the summary's own file are used when it has any.
 */
export function checkSummaryVsRosters(reads: SheetRead[]): Finding[] {
  const out: Finding[] = [];
  const agg = aggregateRosters(reads);
  if (!agg.size) return out;
  for (const read of reads) {
    if (read.kind !== "summary" || !read.table) continue;
    const body = read.table.filter((r) => r.kind === "body" && r.measure === "households");
    const matched = body.filter((r) => agg.has(unitKey(r.label)));
    const compare = (row: FormRow, a: Counts, src: string, membersKnown: boolean, categoryKnown: boolean) => {
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
    // A unit listed under each area section ("I. Thành thị", "II. Nông thôn") is compared per area.
    const areas = bodyWithAreas(read.table);
    const byArea = areas.length > 0 && areas.every((x) => x.area !== undefined);
    const aggArea = byArea
      ? aggregateBy(reads, (h, rd, r) => `${unitKey(h.unit || rd.sheet)}|${rosterAreaKnown(r) ? h.area : "?"}`)
      : agg;
    const areaOf = new Map(areas.map((x) => [x.row, x.area]));
    for (const row of matched) {
      const whole = agg.get(unitKey(row.label))!;
      const a = byArea ? (aggArea.get(`${unitKey(row.label)}|${areaOf.get(row)}`) ?? emptyAgg(whole)) : whole;
      compare(row, a, a.source, a.membersKnown, a.categoryKnown);
    }
    const total = read.table.find((r) => r.kind === "total" && r.measure === "households");
    const matchedUnits = new Set(matched.map((r) => unitKey(r.label))).size;
    if (total && body.length > 0 && matched.length === body.length && matchedUnits === agg.size) {
      const sum = zeroCounts();
      let membersKnown = true,
        categoryKnown = true;
      for (const a of agg.values()) {
        for (const k of Object.keys(sum) as (keyof typeof sum)[]) sum[k] += a[k];
        membersKnown &&= a.membersKnown;
        categoryKnown &&= a.categoryKnown;
      }
      compare(total, sum, `${agg.size} danh sách / rosters`, membersKnown, categoryKnown);
    }
    if (matched.length < body.length) compareVillages(read, reads, out, compare);
    // A summary with a single unit row and a single roster without a unit column: compare them.
    if (matched.length === 0 && body.length === 1 && agg.size === 1 && !total) {
      const a = [...agg.values()][0];
      compare(body[0], a, a.source, a.membersKnown, a.categoryKnown);
    }
  }
  return out;
}

const emptyAgg = (like: Agg): Agg => ({
  ...like,
  ...zeroCounts(),
});

type Compare = (row: FormRow, a: Counts, src: string, membersKnown: boolean, categoryKnown: boolean) => void;

/** The by-village comparison of `checkSummaryVsRosters` (rows no roster unit matched). */
function compareVillages(read: SheetRead, reads: SheetRead[], out: Finding[], compare: Compare): void {
  const own = reads.filter((r) => r.roster && r.file === read.file);
  const rosters = own.length ? own : reads.filter((r) => r.roster);
  const rows = bodyWithAreas(read.table!);
  if (!rows.length) return;
  const byVillage = aggregateVillages(rosters, false);
  const hits = rows.filter((x) => byVillage.has(unitKey(x.row.label)));
  // The summary's units are villages: most rows name a village of the rosters.
  if (hits.length === 0 || hits.length * 2 < rows.length) return;
  const withArea = rows.every((x) => x.area !== undefined);
  const agg = withArea ? aggregateVillages(rosters, true) : byVillage;
  for (const x of hits) {
    const key = unitKey(x.row.label) + (withArea ? `|${x.area}` : "");
    const a = agg.get(key);
    if (a) compare(x.row, a, `${a.source}, ${x.row.label}`, a.membersKnown, a.categoryKnown);
    else if ("households" in read.columns && x.row.values.households !== undefined && x.row.values.households > 0)
      compare(x.row, zeroCounts(), `${[...agg.values()][0]?.source ?? ""}, ${x.row.label}`, false, false);
  }
}

/**
 * CROSS_FORM_TOTALS: Form 2 end (poor) = Form 1 poor; Form 3 end (near-poor) = Form 1 near-poor;
 * Form 4 poor = Form 1 poor — for the same unit (matched by name) or the totals rows.
 * TRANSITION_FORMS_MISMATCH: Form 2 col 2 (poor → near-poor) = Form 3 col 5; Form 3 col 3 (near-poor → poor) = Form 2 col 5.
 */
export function checkFormsAgree(reads: SheetRead[]): Finding[] {
  const out: Finding[] = [];
  // One row per unit; a unit listed in two sections (its urban and its rural part) counts as their sum.
  const rowsOf = (read: SheetRead) => {
    const m = new Map<string, FormRow>();
    for (const r of read.table ?? []) {
      if (r.measure !== "households" || r.kind === "section" || r.kind === "subtotal") continue;
      const k = r.kind === "total" ? "#total" : unitKey(r.label);
      const prev = m.get(k);
      if (!prev) m.set(k, r);
      else if (r.kind === "body" && prev.kind === "body") {
        const values: Record<string, number> = {};
        for (const [f, v] of Object.entries(prev.values)) {
          const w = r.values[f];
          const additive = FIELD_BY_NAME[f]?.type === "count" || isDepField(f);
          if (additive && w !== undefined) values[f] = v + w;
        }
        m.set(k, { ...prev, values });
      }
    }
    return m;
  };
  const summaries = reads.filter((r) => r.kind === "summary");
  const form2 = reads.filter((r) => r.kind === "transition" && r.detection.subject === "poor");
  const form3 = reads.filter((r) => r.kind === "transition" && r.detection.subject === "nearPoor");
  const form4 = reads.filter((r) => r.kind === "deprivation");
  const pair = (a: SheetRead, fa: string, b: SheetRead, fb: string, code: FindingCode) => {
    if (!(fa in a.columns) || !(fb in b.columns)) return;
    const rb = rowsOf(b);
    // Totals rows are the same scope only inside one workbook, and only when both tables have unit rows.
    const hasBody = (r: SheetRead) => (r.table ?? []).some((x) => x.kind === "body");
    const totalsComparable = a.file === b.file && hasBody(a) && hasBody(b);
    for (const [k, row] of rowsOf(a)) {
      if (k === "#total" && !totalsComparable) continue;
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
        readingOf(prev, cur),
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

/**
 * Absence from a roster is read by what the whole roster is (core/transitions): a full review list (it lists
 * households outside the poor and near-poor categories) → left / arrived; otherwise escaped / newly poor. Decided on
 * the whole sheet, not on one unit's rows (a unit of a full list may hold only poor households).
 */
function readingOf(prev: SheetRead, cur: SheetRead) {
  const full = (r: SheetRead) =>
    (r.roster ?? []).some((x) => x.household.declaredCategory === "average" || x.household.declaredCategory === "none");
  return {
    absentFromPrevious: full(prev) ? ("otherIncrease" as const) : ("newPoor" as const),
    absentFromCurrent: full(cur) ? ("otherDecrease" as const) : ("escaped" as const),
  };
}

export const foldKey = fold;

/** Unit-type words that precede a unit's name in titles and totals labels ("XÃ AN BÌNH", "Toàn xã An Bình"). */
const UNIT_TYPES = "(xa|phuong|thi tran|dac khu|thi xa|huyen|quan|tinh|thanh pho|tp|commune|ward|district|province)";
const TOTAL_PREFIX = /^(tong cong|tong so|tong|cong|toan|tinh chung|grand total|total|sum)\b[\s:.,\-–]*/;
const BARE_UNIT_TYPE = new RegExp(`^${UNIT_TYPES}$`);
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Does a child table (its totals row, title or file) name the unit `key` (a unitKey)? */
function namesUnit(child: SheetRead, totalLabel: string, key: string): boolean {
  if (!key || BARE_UNIT_TYPE.test(key)) return false;
  // 1. The totals row label without "Tổng cộng"/"Toàn": "Toàn xã An Bình" → "an binh".
  const rest = fold(totalLabel).replace(TOTAL_PREFIX, "").trim();
  if (rest && !BARE_UNIT_TYPE.test(rest) && unitKey(rest) === key) return true;
  // 2. The title names the unit with its type: "… NĂM 2024 XÃ AN BÌNH".
  const title = ` ${child.detection.title.replace(/[^a-z0-9]+/g, " ")} `;
  if (new RegExp(` ${UNIT_TYPES} ${escapeRe(key)} `).test(title)) return true;
  // 3. The file name: "xa-an-binh.xlsx".
  if (child.file) {
    const stem = child.file
      .replace(/^.*[\\/]/, "")
      .replace(/\.[a-z0-9]+$/i, "")
      .replace(/[-_.]+/g, " ");
    if (unitKey(stem) === key) return true;
  }
  return false;
}

/**
 * CROSS_PARENT_CHILD (docs/domain.md §7.4 "sub-units sum to parent"): when several files are validated together, a unit row
 * of a parent table (e.g. a commune in the province's Form 1) equals the grand total of the same kind of table
 * (same subject for Forms 2/3) in that unit's own file, for every count column both tables have, per measure
 * (household and member rows). A parent unit listed in several rows (its urban and rural parts) counts as their sum.
 * The child is found by folded unit name (unitKey: no diacritics, no "xã"/"phường" prefix) in its totals row label,
 * its title or its file name; a name matched by several child tables is ambiguous and skipped.
 */
export function checkParentChild(reads: SheetRead[]): Finding[] {
  const out: Finding[] = [];
  const tables = reads.filter(
    (r) => (r.kind === "summary" || r.kind === "transition" || r.kind === "deprivation") && r.table && r.file,
  );
  const totalsOf = (r: SheetRead) => r.table!.filter((x) => x.kind === "total");
  const children = tables.filter((r) => totalsOf(r).length > 0);
  if (tables.length < 2 || !children.length) return out;
  const sameKind = (a: SheetRead, b: SheetRead) =>
    a.kind === b.kind && (a.kind !== "transition" || a.detection.subject === b.detection.subject);
  const isCount = (f: string) => FIELD_BY_NAME[f]?.type === "count" || isDepField(f);
  for (const parent of tables) {
    // Body rows per unit and measure (summing a unit's parts).
    const units = new Map<string, { label: string; rows: Map<FormRow["measure"], FormRow[]> }>();
    for (const r of parent.table!) {
      if (r.kind !== "body") continue;
      const k = unitKey(r.label);
      if (!k) continue;
      const u = units.get(k) ?? units.set(k, { label: r.label, rows: new Map() }).get(k)!;
      (u.rows.get(r.measure) ?? u.rows.set(r.measure, []).get(r.measure)!).push(r);
    }
    for (const [key, u] of units) {
      const matches = children.filter(
        (c) =>
          c.file !== parent.file &&
          sameKind(parent, c) &&
          totalsOf(c).some((t) => t.measure === "households" && namesUnit(c, t.label, key)),
      );
      if (matches.length !== 1) continue;
      const child = matches[0];
      const fields = Object.keys(parent.columns).filter((f) => isCount(f) && f in child.columns);
      for (const [measure, rows] of u.rows) {
        const total = totalsOf(child).find((t) => t.measure === measure);
        if (!total) continue;
        for (const f of fields) {
          const parts = rows.map((r) => r.values[f]);
          const e = total.values[f];
          if (e === undefined || parts.some((v) => v === undefined)) continue;
          const v = (parts as number[]).reduce((a, b) => a + b, 0);
          if (Math.abs(v - e) < 1e-9) continue;
          const row = rows[0];
          out.push(
            finding(
              "CROSS_PARENT_CHILD",
              at(parent, row.row0, f),
              { unit: u.label, field: label(f), value: v, expected: e, other: refText(child, total.row0, f) },
              {
                field: f,
                value: String(v),
                expected: String(e),
                related: [related(parent, row.row0, f), related(child, total.row0, f)],
              },
            ),
          );
        }
      }
    }
  }
  return out;
}

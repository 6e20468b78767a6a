/**
 * Sheet detection: find the header block (rarely row 1: titles, merged cells and two-row headers are
 * normal), map columns to canonical fields by header text, and recognise the sheet kind.
 *
 * detect(grid) → { kind, mapping (per column: field, header text, confidence), findings }.
 * Only the first rows are scanned (HEADER_SCAN_ROWS), so detection is cheap on a 1,048,576-row sheet.
 */
import { reviewYearInText } from "../standards/year";
import type { CellValue, Grid } from "../grid";
import { isCellError } from "../grid";
import { a1, columnIndex, columnLetters, parseA1 } from "../address";
import type { Finding } from "../findings/finding";
import { finding } from "../findings/catalogue";
import { fold } from "../i18n";
import {
  FIELDS,
  FIELD_BY_NAME,
  INDICATOR_PHRASES,
  SHEET_KIND_LABELS,
  TRANSITION_DECREASES,
  TRANSITION_INCREASES,
  depField,
  depNumberField,
  isDepField,
  type FieldDef,
  type SheetKind,
} from "./fields";
import { cellText, hasPhrase, normalizeHeader } from "./text";
import { headerConfidence } from "./confidence";
import { MOVEMENT_FIELDS, movementOf, movementSubject, type MovementSubject } from "./movement";
import { readPeriods } from "./periods";
import { isBlank } from "./extent";

/** How many rows from the top are searched for the header. */
export const HEADER_SCAN_ROWS = 40;

export interface MappedColumn {
  /** 0-based column index inside the grid's values. */
  col: number;
  /** Column letters on the sheet ("D"). */
  letter: string;
  field: string;
  /** Header text as shown (parent and child header joined with " / "). */
  header: string;
  /**
   * 0..1: 1 = certain (an exact phrase, a canonical label — unit hints in parentheses aside —, or an explicit
   * mapping); lower = the share of the header's words that say nothing about the field (see confidence.ts).
   */
  confidence: number;
}

export interface ColumnMapping {
  /** 0-based rows (inside values) of the header block, inclusive. */
  headerTop: number;
  headerBottom: number;
  /** 0-based row (inside values) of the first data row. */
  dataStart: number;
  columns: MappedColumn[];
  /** Columns with a header that matched no field. */
  unmapped: { col: number; letter: string; header: string }[];
  /** field → 0-based column. */
  byField: Record<string, number>;
}

export interface Detection {
  kind: SheetKind | "unknown";
  mapping: ColumnMapping;
  /** Title text above the header (form name, unit, year), folded. */
  title: string;
  /** For transition forms: poor (Form 2) or near-poor (Form 3). */
  subject?: "poor" | "nearPoor";
  /** A review year found in the title ("NĂM 2024"). */
  yearHint?: number;
  /** The years the headers name ("cuối năm 2022" … "cuối năm 2023"): start = earliest, end = latest. */
  periodYears?: { start: number; end: number };
  /**
   * A target table that plans (its title or headers say "kế hoạch", "chỉ tiêu", "mục tiêu", "phấn đấu", "dự kiến"):
   * its start and end rates share one denominator. A table of results over a year (or five) does not.
   */
  planned?: boolean;
  findings: Finding[];
}

/** Explicit override: the kind and/or field → column letters ("D") or exact header text. */
export interface DetectOptions {
  kind?: SheetKind;
  mapping?: Record<string, string>;
  file?: string;
}

interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** Offset of the grid's origin on the sheet (0-based). */
export function gridOffset(grid: Grid): { row0: number; col0: number } {
  return parseA1(grid.origin || "A1") ?? { row0: 0, col0: 0 };
}

/** Merges as rectangles relative to the grid's values. */
export function gridMerges(grid: Grid): Rect[] {
  const off = gridOffset(grid);
  const out: Rect[] = [];
  for (const m of grid.merges ?? []) {
    const [a, bRef] = m.split(":");
    const p = parseA1(a);
    const q = parseA1(bRef ?? a);
    if (!p || !q) continue;
    out.push({
      r0: Math.min(p.row0, q.row0) - off.row0,
      c0: Math.min(p.col0, q.col0) - off.col0,
      r1: Math.max(p.row0, q.row0) - off.row0,
      c1: Math.max(p.col0, q.col0) - off.col0,
    });
  }
  return out;
}

/** Score one field against a normalised header. 0 = no match. */
function scoreField(norm: string, def: { match: string[][]; not?: string[]; exact?: boolean }): number {
  const len = norm.length - 2;
  if (len <= 0) return 0;
  if (def.not) for (const n of def.not) if (hasPhrase(norm, n)) return 0;
  let best = 0;
  for (const alt of def.match) {
    let covered = 0;
    let ok = true;
    for (const p of alt) {
      if (!hasPhrase(norm, p)) {
        ok = false;
        break;
      }
      covered += p.length;
    }
    if (!ok) continue;
    covered += alt.length - 1; // the spaces joining the phrases
    if (def.exact && covered < len) continue;
    const s = Math.min(1, covered / len) + alt.length * 0.001;
    if (s > best) best = s;
  }
  return best;
}

interface Candidate {
  field: string;
  score: number;
}

const NUMBERED_DEP = / (thieu hut|chi so|deprivation|indicator)( .*)? (\d{1,2}) $/;

/** Candidate fields for a normalised header under a sheet kind, best first. */
function candidates(norm: string, kind: SheetKind, header?: string, subject: MovementSubject = "poor"): Candidate[] {
  const out: Candidate[] = [];
  if (kind === "roster" || kind === "deprivation") {
    const m = NUMBERED_DEP.exec(norm);
    if (m && Number(m[3]) >= 1 && Number(m[3]) <= 14) out.push({ field: depNumberField(Number(m[3])), score: 0.95 });
    for (const ind of INDICATOR_PHRASES) {
      const s = scoreField(norm, { match: ind.match, not: ["tong", "so chi so thieu hut"] });
      if (s > 0) out.push({ field: depField(ind.ids[0]), score: s * 0.98 + 0.02 });
    }
  }
  // Movement columns: the direction comes from the words in order and the table's subject (movement.ts).
  const moves = kind === "transition" || kind === "summary";
  if (moves) {
    const mv = movementOf(header ?? norm, subject);
    if (mv) out.push({ field: mv.field, score: 0.97 });
  }
  for (const def of FIELDS) {
    if (!def.kinds.includes(kind)) continue;
    if (moves && MOVEMENT_FIELDS.has(def.field)) continue;
    const s = scoreField(norm, def);
    if (s > 0) out.push({ field: def.field, score: def.preferIn?.includes(kind) ? s + 0.0005 : s });
  }
  out.sort((x, y) => y.score - x.score);
  return out;
}

/** A formula caption of a numbering row: "(4)=(3)/(1)", "9=1-2-3+4", "(14)=Σ(2)…(13)", "(6) = (2) − (5)". */
const NUMBER_CAPTION = /^\(?(\d{1,2})\)?\s*=\s*[\d\s+\-−–x*/×÷().,;:Σ…]+$/;
/** A bare column number: 1, "1", "(1)", "[1]". */
const NUMBER_LABEL = /^[([]?(\d{1,2})[)\]]?$/;
/** A letter column label: "A", "(B)", "C". */
const LETTER_LABEL = /^[([]?[A-Za-z][)\]]?$/;

/**
 * Is the row a column-numbering row ("A B (1) (2) (3) (4)=(3)/(1) …", "1 2 3 …", "9=1-2-3…") — the row of column
 * numbers official forms carry under the header? Numbers must increase from left to right; letters (A, B, C)
 * label the text columns. Part of the header block, never data.
 */
export function isNumberingRow(row: CellValue[] | undefined, headerCols: number): boolean {
  if (!row) return false;
  let n = 0;
  let last = -Infinity;
  let numeric = 0;
  for (const v of row) {
    if (isBlank(v)) continue;
    n++;
    const t = typeof v === "number" ? String(v) : typeof v === "string" ? v.trim() : "";
    const m = NUMBER_LABEL.exec(t) ?? NUMBER_CAPTION.exec(t);
    if (m) {
      const k = Number(m[1]);
      if (k <= last) return false;
      last = k;
      numeric++;
    } else if (!LETTER_LABEL.test(t)) return false;
  }
  return n >= 3 && numeric >= 2 && n >= headerCols * 0.5;
}

/**
 * Find the header block and map columns.
 * Never throws; an unrecognised sheet gets kind "unknown" and a SHEET_UNRECOGNISED / SHEET_EMPTY finding.
 */
export function detect(grid: Grid, opts: DetectOptions = {}): Detection {
  const file = opts.file ?? grid.file;
  const sheet = grid.sheetName;
  const off = gridOffset(grid);
  const values = grid.values ?? [];
  const findings: Finding[] = [];
  const where = (r?: number, c?: number) => ({
    file,
    sheet,
    row0: r === undefined ? undefined : r + off.row0,
    col0: c === undefined ? undefined : c + off.col0,
  });
  const emptyMapping: ColumnMapping = {
    headerTop: 0,
    headerBottom: 0,
    dataStart: 0,
    columns: [],
    unmapped: [],
    byField: {},
  };
  if (grid.hidden) findings.push(finding("SHEET_HIDDEN", where()));

  const scan = Math.min(values.length, HEADER_SCAN_ROWS);
  let anyValue = false;
  for (let r = 0; r < values.length && !anyValue; r++) {
    const row = values[r];
    if (row)
      for (const v of row)
        if (!isBlank(v)) {
          anyValue = true;
          break;
        }
  }
  if (!anyValue) {
    findings.push(finding("SHEET_EMPTY", where()));
    return { kind: "unknown", mapping: emptyMapping, title: "", findings };
  }

  // Merges near the top: master value lookup and horizontal-merge membership.
  const merges = gridMerges(grid);
  const master = new Map<number, CellValue>();
  const hMerged = new Set<number>(); // cells inside a merge spanning > 1 column
  const slave = new Set<number>(); // non-master cells of a merge
  const key = (r: number, c: number) => r * 20000 + c;
  let width = 0;
  for (let r = 0; r < scan; r++) width = Math.max(width, values[r]?.length ?? 0);
  for (const m of merges) {
    if (m.r0 >= scan + 2) continue;
    const v = values[m.r0]?.[m.c0] ?? null;
    for (let r = m.r0; r <= Math.min(m.r1, scan + 2); r++)
      for (let c = m.c0; c <= m.c1; c++) {
        master.set(key(r, c), v);
        if (m.c1 > m.c0) hMerged.add(key(r, c));
        if (r !== m.r0 || c !== m.c0) slave.add(key(r, c));
      }
    width = Math.max(width, m.c1 + 1);
  }
  const raw = (r: number, c: number): CellValue => (slave.has(key(r, c)) ? null : (values[r]?.[c] ?? null));
  const filled = (r: number, c: number): CellValue => {
    const k = key(r, c);
    return master.has(k) ? (master.get(k) ?? null) : (values[r]?.[c] ?? null);
  };
  const noMerges = merges.length === 0;

  // 1. Best header row: most cells whose text matches any field of any kind.
  const normCache = new Map<string, string>();
  const norm = (v: CellValue): string => {
    if (typeof v !== "string") return typeof v === "number" && Number.isInteger(v) ? ` ${v} ` : " ";
    let n = normCache.get(v);
    if (n === undefined) {
      n = normalizeHeader(v);
      normCache.set(v, n);
    }
    return n;
  };
  const kindsAll: SheetKind[] = ["roster", "summary", "transition", "deprivation", "target", "plan"];
  const hits = (r: number): number => {
    let n = 0;
    const seen = new Set<CellValue>();
    for (let c = 0; c < width; c++) {
      const v = filled(r, c);
      if (typeof v !== "string" || v.length > 200 || seen.has(v)) continue;
      seen.add(v);
      const t = norm(v);
      if (kindsAll.some((k) => candidates(t, k, v).length > 0)) n++;
    }
    return n;
  };
  let best = -1;
  let bestHits = 1;
  for (let r = 0; r < scan; r++) {
    const h = hits(r);
    if (h > bestHits) {
      best = r;
      bestHits = h;
    }
  }
  if (best < 0 && (opts.kind || opts.mapping)) {
    // An explicit kind/mapping: the header is the first non-blank row.
    best = values.findIndex((row) => (row ?? []).some((v) => !isBlank(v)));
  }
  if (best < 0) {
    findings.push(finding("SHEET_UNRECOGNISED", where()));
    return { kind: "unknown", mapping: emptyMapping, title: "", findings };
  }

  // 2. Header block: a parent row above (merged groups) and/or a child row below.
  // A row holding one text merged over every column of the row below is a title, not a group header over it.
  const titleOver = (u: number, l: number): boolean => {
    let lo = Infinity;
    let hi = -1;
    for (let c = 0; c < width; c++)
      if (!isBlank(raw(l, c))) {
        lo = Math.min(lo, c);
        hi = Math.max(hi, c);
      }
    let cells = 0;
    for (let c = 0; c < width; c++) if (!isBlank(raw(u, c))) cells++;
    return (
      cells === 1 &&
      hi > lo &&
      merges.some((m) => m.r0 <= u && u <= m.r1 && m.r1 < l && m.c0 <= lo && m.c1 >= hi && m.c1 > m.c0)
    );
  };
  const isSub = (u: number, l: number): boolean => {
    if (l < 0 || u < 0 || l >= values.length) return false;
    if (titleOver(u, l)) return false;
    let n = 0;
    for (let c = 0; c < width; c++) {
      const v = raw(l, c);
      if (isBlank(v)) continue;
      const underMerge = hMerged.has(key(u, c)) && !hMerged.has(key(l, c));
      let underGroup = false;
      if (noMerges && (values[u] ?? []).filter((x) => !isBlank(x)).length >= 2) {
        const up = values[u] ?? [];
        if (isBlank(up[c] ?? null)) {
          for (let k = c - 1; k >= 0; k--)
            if (!isBlank(up[k] ?? null)) {
              underGroup = true;
              break;
            }
        } else if (isBlank(up[c + 1] ?? null) && c + 1 < width && !isBlank(raw(l, c + 1))) underGroup = true;
      }
      if (!(underMerge || underGroup)) return false;
      n++;
    }
    return n > 0;
  };
  let top = best;
  let bottom = best;
  if (isSub(best, best + 1)) bottom = best + 1;
  else if (isSub(best - 1, best)) top = best - 1;
  if (bottom - top === 1 && isSub(bottom, bottom + 1)) bottom++;
  else if (bottom - top === 1 && isSub(top - 1, top)) top--;

  // Header text per column (parent / child), with fill-right for merge-less two-row headers.
  const headers: string[] = [];
  for (let c = 0; c < width; c++) {
    const parts: string[] = [];
    for (let r = top; r <= bottom; r++) {
      let v = filled(r, c);
      if (noMerges && r < bottom && isBlank(v)) {
        for (let k = c - 1; k >= 0; k--)
          if (!isBlank(values[r]?.[k] ?? null)) {
            v = values[r][k];
            break;
          }
      }
      const t = cellText(v).replace(/\s+/g, " ");
      if (t && parts[parts.length - 1] !== t) parts.push(t);
    }
    headers.push(parts.join(" / "));
  }
  let dataStart = bottom + 1;
  const headerCols = headers.filter((h) => h !== "").length;
  if (isNumberingRow(values[dataStart], headerCols)) dataStart++;

  // Title text above the header block.
  const titleParts: string[] = [];
  for (let r = 0; r < top; r++)
    for (const v of values[r] ?? []) if (typeof v === "string" && v.trim()) titleParts.push(v.trim());
  const title = fold(titleParts.join(" | "));
  // The review year the title names (core/standards: "kết quả rà soát năm 2023" over a period "giai đoạn 2021 - 2025").
  const yearHint = reviewYearInText(titleParts.join(" | "))?.year;

  // 3. Map columns for each kind; pick the kind with the best evidence.
  // Dates in headers ("cuối năm 2022" … "năm 2023") become start/end words; the subject of a movement table
  // (poor or near-poor) decides which way each movement column flows.
  const periods = readPeriods(headers);
  const norms = periods.norms;
  const subject = movementSubject(titleParts.join(" "), headers);
  const mapFor = (kind: SheetKind) => assign(norms, headers, kind, subject);
  let chosen: SheetKind | "unknown" = "unknown";
  let chosenMap: Assignment | undefined;
  let bestScore = 0;
  const kinds = opts.kind ? [opts.kind] : kindsAll;
  const planWords = PLAN_WORDS.test(` ${title} ${norms.join(" ")} `); // for the kind; `planned` is stricter
  for (const k of kinds) {
    const m = mapFor(k);
    let s = kindScore(k, m.byField, m.scores);
    // A plan whose only flows are out of poverty ("Chỉ tiêu giảm … / Số hộ thoát nghèo") is a target table; a
    // movement table has flows in as well, or no plan words.
    if (k === "transition" && s > 0 && planWords && !TRANSITION_INCREASES.some((f) => f in m.byField)) s = 0;
    if (s > bestScore || (opts.kind && !chosenMap)) {
      bestScore = s;
      chosen = k;
      chosenMap = m;
    }
  }
  if (!chosenMap || (chosen !== "unknown" && bestScore <= 0 && !opts.kind)) {
    findings.push(finding("SHEET_UNRECOGNISED", where()));
    return {
      kind: "unknown",
      mapping: { ...emptyMapping, headerTop: top, headerBottom: bottom, dataStart },
      title,
      yearHint,
      findings,
    };
  }
  const kind = chosen as SheetKind;

  // Explicit mapping overrides detection.
  const explicit = new Set<string>();
  if (opts.mapping) {
    for (const [field, ref] of Object.entries(opts.mapping)) {
      let col = -1;
      if (/^[A-Za-z]{1,3}$/.test(ref)) col = columnIndex(ref) - off.col0;
      else {
        const f = fold(ref);
        col = headers.findIndex((h) => fold(h) === f);
      }
      if (col < 0) continue;
      for (const [f2, c2] of Object.entries(chosenMap.byField))
        if (c2 === col || f2 === field) delete chosenMap.byField[f2];
      chosenMap.byField[field] = col;
      chosenMap.scores[field] = 1;
      explicit.add(field);
      chosenMap.ambiguous = chosenMap.ambiguous.filter((a) => a.col !== col);
    }
  }

  if (kind === "summary") {
    combinedRateAsPoor(chosenMap, headers);
    areaPartsOfRate(chosenMap, headers);
  }
  // A header whose date words were rewritten ("cuối năm 2022" → "đầu kỳ") is judged on the words it was read by.
  const confidenceText = (col: number): string => (periods.period[col] ? periods.norms[col] : (headers[col] ?? ""));
  const columns: MappedColumn[] = Object.entries(chosenMap.byField)
    .map(([field, col]) => ({
      col,
      letter: columnLetters(col + off.col0),
      field,
      header: headers[col] ?? "",
      confidence:
        Math.round(
          Math.min(
            1,
            explicit.has(field)
              ? 1
              : (headerConfidence(confidenceText(col), field, kind) ?? chosenMap!.scores[field] ?? 0),
          ) * 100,
        ) / 100,
    }))
    .sort((x, y) => x.col - y.col);
  const mappedCols = new Set(columns.map((c) => c.col));
  const unmapped = headers
    .map((header, col) => ({ col, letter: columnLetters(col + off.col0), header }))
    .filter((u) => u.header !== "" && !mappedCols.has(u.col));

  for (const a of chosenMap.ambiguous) {
    findings.push(
      finding(
        "STRUCT_AMBIGUOUS_COLUMN",
        where(top, a.col),
        { column: columnLetters(a.col + off.col0), header: headers[a.col], detail: a.detail },
        { field: a.field },
      ),
    );
  }
  for (const u of unmapped) {
    if (fold(u.header) === "") continue;
    findings.push(finding("STRUCT_UNMAPPED_COLUMN", where(top, u.col), { column: u.letter, header: u.header }));
  }
  for (const req of missingRequired(kind, chosenMap.byField)) {
    findings.push(finding("STRUCT_MISSING_COLUMN", where(top, undefined), { column: req, kind: lowerLabel(kind) }));
  }

  // A plan says so in its title or in the headers of its value columns ("Chỉ tiêu giảm tỷ lệ …"); a label column
  // headed "Chỉ tiêu" (indicator) does not make a table of results a plan.
  const planned =
    kind === "target" &&
    PLAN_WORDS.test(
      ` ${title} ${Object.entries(chosenMap.byField)
        .filter(([f]) => FIELD_BY_NAME[f]?.type !== "text")
        .map(([, c]) => norms[c])
        .join(" ")} `,
    );

  return {
    kind,
    mapping: { headerTop: top, headerBottom: bottom, dataStart, columns, unmapped, byField: chosenMap.byField },
    title,
    ...(kind === "transition" ? { subject } : {}),
    yearHint,
    ...(periods.years ? { periodYears: periods.years } : {}),
    ...(planned ? { planned } : {}),
    findings,
  };
}

/** Words of a plan: a target table that says them is a plan (one denominator at start and end). */
const PLAN_WORDS = / (ke hoach|chi tieu|muc tieu|phan dau|du kien|target|targets|plan|planned) /;

/**
 * Statistical yearbooks print the poverty rate and, "Trong đó" (of which), its urban and rural parts under headers
 * that say only "Thành thị" / "Nông thôn": next to a poverty-rate column they are its urban and rural rates.
 */
function areaPartsOfRate(a: Assignment, headers: string[]): void {
  const m = a.byField;
  if (!("poorRate" in m)) return;
  const used = new Set(Object.values(m));
  headers.forEach((h, col) => {
    if (used.has(col) || !h) return;
    const last = normalizeHeader(h.split(" / ").pop() ?? "").trim();
    const field = /^(khu vuc )?(thanh thi|do thi)( urban)?$|^urban$/.test(last)
      ? "poorRateUrban"
      : /^(khu vuc )?nong thon( rural)?$|^rural$/.test(last)
        ? "poorRateRural"
        : undefined;
    if (!field || field in m) return;
    m[field] = col;
    a.scores[field] = 0.9;
  });
}

/**
 * "Tỷ lệ nghèo đa chiều" is the poor + near-poor rate in the national results, but some plans use it for the poor
 * rate alone: on a sheet with no near-poor columns and no other poor rate, it is read as the poor rate.
 */
function combinedRateAsPoor(a: Assignment, headers: string[]): void {
  const m = a.byField;
  if (!("poorNearRate" in m) || "poorRate" in m || "nearPoor" in m || "nearPoorRate" in m || "poorNear" in m) return;
  if (!hasPhrase(normalizeHeader(headers[m.poorNearRate] ?? ""), "ngheo da chieu")) return;
  m.poorRate = m.poorNearRate;
  a.scores.poorRate = a.scores.poorNearRate;
  delete m.poorNearRate;
  delete a.scores.poorNearRate;
}

const lowerLabel = (k: SheetKind) => ({
  vi: SHEET_KIND_LABELS[k].vi.toLowerCase(),
  en: SHEET_KIND_LABELS[k].en.toLowerCase(),
});

interface Assignment {
  byField: Record<string, number>;
  scores: Record<string, number>;
  ambiguous: { col: number; field: string; detail: { vi: string; en: string } }[];
}

/** Greedy assignment: highest score first; one field per column and one column per field. */
function assign(norms: string[], headers: string[], kind: SheetKind, subject: MovementSubject): Assignment {
  const all: { col: number; field: string; score: number; second: number }[] = [];
  norms.forEach((n, col) => {
    if (n.trim() === "") return;
    const cs = candidates(n, kind, headers[col], subject);
    cs.forEach((c, i) => all.push({ col, field: c.field, score: c.score, second: i === 0 ? (cs[1]?.score ?? 0) : 0 }));
  });
  all.sort((x, y) => y.score - x.score || x.col - y.col);
  const byField: Record<string, number> = {};
  const scores: Record<string, number> = {};
  const usedCol = new Set<number>();
  const ambiguous: Assignment["ambiguous"] = [];
  for (const c of all) {
    if (usedCol.has(c.col)) continue;
    if (c.field in byField) {
      const other = byField[c.field];
      if (Math.abs(scores[c.field] - c.score) < 1e-9 && !isDepField(c.field) && headers[other] === headers[c.col]) {
        ambiguous.push({
          col: c.col,
          field: c.field,
          detail: {
            vi: `cùng tiêu đề với cột ${columnLetters(other)}; dùng cột ${columnLetters(other)}`,
            en: `same header as column ${columnLetters(other)}; column ${columnLetters(other)} is used`,
          },
        });
        usedCol.add(c.col);
      }
      continue;
    }
    byField[c.field] = c.col;
    scores[c.field] = c.score;
    usedCol.add(c.col);
  }
  return { byField, scores, ambiguous };
}

const has = (m: Record<string, number>, f: string) => f in m;
/** (count, rate) pairs of one date that make a results table without a total column. */
const SUMMARY_PAIRS: [string, string][] = [
  ["poor", "poorRate"],
  ["nearPoor", "nearPoorRate"],
  ["poorNear", "poorNearRate"],
  ["average", "averageRate"],
  ["poor", "poorNearRate"],
];
const MOVEMENT_COLUMNS: readonly string[] = [...TRANSITION_DECREASES, ...TRANSITION_INCREASES];
const countDeps = (m: Record<string, number>) => Object.keys(m).filter(isDepField).length;

/** Evidence that a mapping is of a kind; 0 when the kind's signature is absent. */
function kindScore(kind: SheetKind, m: Record<string, number>, scores: Record<string, number>): number {
  const sum = Object.values(scores).reduce((a, b) => a + b, 0);
  switch (kind) {
    case "roster":
      return has(m, "id") &&
        (has(m, "category") ||
          has(m, "income") ||
          has(m, "scoreA") ||
          countDeps(m) > 0 ||
          has(m, "head") ||
          has(m, "depTotal"))
        ? sum + 1
        : 0;
    case "summary":
      return (has(m, "households") && (has(m, "poor") || has(m, "poorRate") || has(m, "nearPoor"))) ||
        SUMMARY_PAIRS.some(([c, r]) => has(m, c) && has(m, r)) ||
        (has(m, "year") &&
          ["poor", "poorRate", "nearPoor", "nearPoorRate", "poorNear", "poorNearRate"].some((f) => has(m, f)))
        ? sum
        : 0;
    case "transition":
      // A net "giảm" column alone is a target table's "households reduced"; a movement table names its flows
      // (or both a total decrease and a total increase).
      return has(m, "start") &&
        has(m, "end") &&
        (MOVEMENT_COLUMNS.some((f) => has(m, f)) || (has(m, "decTotal") && has(m, "incTotal")))
        ? sum + 1
        : 0;
    case "deprivation":
      return countDeps(m) >= 5 && !has(m, "id") ? sum + 0.5 : 0;
    case "target": {
      const start = has(m, "startCount") || has(m, "startRate");
      const end = has(m, "endCount") || has(m, "endRate");
      return start && (has(m, "reductionPp") || has(m, "reduced") || end) ? sum + 1 : 0;
    }
    case "plan":
      return has(m, "indicator") && (has(m, "planTarget") || has(m, "planActual")) ? sum : 0;
  }
}

/** Required columns per kind (labels for the finding). */
function missingRequired(kind: SheetKind, m: Record<string, number>): { vi: string; en: string }[] {
  const req: string[] = [];
  if (kind === "roster") req.push("id");
  // A results table may have no total column (the total is implied by count ÷ rate); one with a total needs a count.
  if (kind === "summary" && "households" in m && !("nearPoor" in m) && !("poorNear" in m)) req.push("poor");
  if (kind === "transition") req.push("start", "end");
  if (kind === "deprivation") req.push("depTotal");
  if (kind === "target") req.push("startCount", "endCount");
  if (kind === "plan") req.push("indicator");
  return req.filter((f) => !(f in m)).map((f) => FIELD_BY_NAME[f].label);
}

/** A1 of a values cell (for callers that hold grid-relative coordinates). */
export function cellA1(grid: Grid, r: number, c: number): string {
  const off = gridOffset(grid);
  return a1(r + off.row0, c + off.col0);
}

export type { FieldDef };
export const isErrorValue = isCellError;

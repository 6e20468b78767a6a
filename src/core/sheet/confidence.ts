/**
 * How sure the column mapping is that a header names a field — the "confidence" shown next to each detected
 * column (the task pane asks the user to review a column below 0.9).
 *
 * Detection RANKS candidate fields by how much of the header their match phrases cover (detect.ts); that share
 * is a poor certainty measure: the product's own header "Thu nhập bình quân đầu người/tháng (đồng)" is covered
 * only by "thu nhập" (21 %), yet it cannot mean anything else. Here a header is judged by its unexplained words:
 *
 *   confidence = Σ length(explained words) / Σ length(words)            (a fraction in [0, 1], 1 = certain)
 *
 * over the header's words outside parentheses — parenthetical hints such as "(đồng)", "(VND)", "(1/0)", "(%)",
 * "(thành thị/nông thôn)" neither add nor subtract (they are used only when the header has no other words).
 * A word is explained when it belongs to
 *   - a match phrase of the field that occurs in the header (fields.ts),
 *   - one of the field's canonical labels — its label in fields.ts in Vietnamese and English (plus a few common
 *     variants' words, VARIANT_WORDS), and for a deprivation indicator every name the national standards give
 *     it (core/standards, all review years) — so the product's own headers and the legal names score 1,
 *   - the generic words "số", "của", "và", "các", "theo", "trong", "of", "the", "per", "in", "and", "number"
 *     (and, for indicator columns, the group words "chỉ số", "thiếu hụt", "deprivation", "indicator"),
 *   - in a table form (summary, transition, deprivation, target, plan), the words naming what every column is
 *     about: total, poor / near-poor households, people, period ("đầu kỳ", "năm", "dự kiến") — KIND_CONTEXT;
 *     a year ("2027") is a period hint and, like a parenthesis, not counted.
 * A two-row header ("Chỉ số thiếu hụt / Việc làm") also counts as certain when its last row alone names the field.
 * So an exact phrase or full label scores 1, a canonical label with a unit hint scores 1, and a header with words
 * that say something else ("Thu nhập năm", "Thu nhập từ lương") scores below 0.9.
 */
import type { Bilingual } from "../i18n";
import { NATIONAL_STANDARDS } from "../standards/data";
import { FIELD_BY_NAME, INDICATOR_PHRASES, depField, type SheetKind } from "./fields";
import { hasPhrase, normalizeHeader } from "./text";

const GENERIC = ["so", "cua", "va", "cac", "theo", "trong", "of", "the", "per", "in", "and", "number"];
const DEP_CONTEXT = ["chi so", "thieu hut", "deprivation", "deprivations", "deprived", "indicator", "indicators"];
/** Common wording of a field that its label does not use ("Monthly income …", "Số nhân khẩu trong hộ"). */
const VARIANT_WORDS: Record<string, string[]> = {
  income: ["monthly", "month", "thang", "hang"],
  members: ["ho", "household"],
};
/** Words for the total, the subject (poor / near-poor households) and the period of a column of a table form. */
const TABLE_SUBJECT = ["tong", "total", "ho", "ngheo", "can", "poor", "near", "households", "household", "at"];
/**
 * Per sheet kind: words that say what every column of such a table is about (its subject, period, group
 * header), so they never make a header less certain. Field identity still comes from the phrases and the
 * `not` lists of fields.ts. Roster columns get none: there "Tổng thu nhập" (household total) is not the
 * per-capita income, so "tổng" must count against.
 */
const KIND_CONTEXT: Record<SheetKind, string[]> = {
  roster: [],
  summary: [...TABLE_SUBJECT, "nguoi", "people", "persons", "muc song", "living", "standard", "co"],
  transition: [
    ...TABLE_SUBJECT,
    "poverty",
    "giam",
    "tang",
    "ky",
    "nam",
    "decreases",
    "increases",
    "during",
    "period",
    "chuyen",
    "sang",
    "xuong",
    "qua",
    "vuot",
    "chuan",
    "line",
    "above",
  ],
  deprivation: [...TABLE_SUBJECT, ...DEP_CONTEXT],
  target: [...TABLE_SUBJECT, "nam", "ky", "year", "du kien", "planned", "chi tieu", "target"],
  plan: [...TABLE_SUBJECT, "nam", "year"],
};
/** A year in a header ("cuối năm 2027") names the period, not the field. */
const YEAR_WORD = /^(19|20)\d\d$/;

interface Vocabulary {
  /** Alternatives of match phrases (a header must contain every phrase of one of them). */
  match: string[][];
  not: string[];
  /** Words that explain a header for this field (labels and generic words). */
  words: Set<string>;
}

const words = (normalized: string): string[] => normalized.split(" ").filter((w) => w !== "");

const vocabularies = new Map<string, Vocabulary | null>();

function vocabulary(field: string): Vocabulary | null {
  let v = vocabularies.get(field);
  if (v !== undefined) return v;
  v = null;
  const def = FIELD_BY_NAME[field];
  const labelWords = new Set<string>(GENERIC);
  const addLabel = (text: string) => words(normalizeHeader(text)).forEach((w) => labelWords.add(w));
  if (def) {
    addLabel(def.label.vi);
    addLabel(def.label.en);
    (VARIANT_WORDS[field] ?? []).forEach(addLabel);
    v = { match: def.match, not: def.not ?? [], words: labelWords };
  } else {
    const ind = INDICATOR_PHRASES.find((p) => p.ids.some((id) => depField(id) === field));
    if (ind) {
      for (const label of [ind.label, ...indicatorNames(ind.ids)]) {
        addLabel(label.vi);
        addLabel(label.en);
      }
      DEP_CONTEXT.forEach(addLabel);
      v = { match: ind.match, not: [], words: labelWords };
    }
  }
  vocabularies.set(field, v);
  return v;
}

/** Every name the national standards give these indicator ids (all review years), Vietnamese and English. */
function indicatorNames(ids: string[]): Bilingual[] {
  const out: Bilingual[] = [];
  for (const s of NATIONAL_STANDARDS)
    for (const ind of s.indicators ?? []) if (ids.includes(ind.id)) out.push(ind.name);
  return out;
}

function matches(norm: string, v: Vocabulary): string[] | undefined {
  if (v.not.some((n) => hasPhrase(norm, n))) return undefined;
  const present = v.match.filter((alt) => alt.every((p) => hasPhrase(norm, p)));
  return present.length ? present.flat() : undefined;
}

/** Explained share of one header text, or undefined when the field's phrases do not occur in it. */
function explainedShare(text: string, v: Vocabulary, context: Set<string>): number | undefined {
  const full = normalizeHeader(text);
  const phrases = matches(full, v);
  if (!phrases) return undefined;
  const explained = new Set(v.words);
  for (const p of phrases) words(p).forEach((w) => explained.add(w));
  let ws = words(normalizeHeader(text.replace(/\([^()]*\)/g, " "))).filter((w) => !YEAR_WORD.test(w));
  if (ws.length === 0) ws = words(full);
  let total = 0;
  let ok = 0;
  for (const w of ws) {
    total += w.length;
    if (explained.has(w) || context.has(w)) ok += w.length;
  }
  return total === 0 ? 0 : ok / total;
}

const contexts = new Map<SheetKind | undefined, Set<string>>();
function contextWords(kind: SheetKind | undefined): Set<string> {
  let c = contexts.get(kind);
  if (!c) {
    c = new Set((kind ? KIND_CONTEXT[kind] : []).flatMap((p) => words(p)));
    contexts.set(kind, c);
  }
  return c;
}

/**
 * Confidence (0..1) that `header` (as detect() reports it: parent and child rows joined with " / ") names
 * `field`; see the module comment for the measure. Undefined when the field has no phrase vocabulary (the
 * caller keeps its own score, e.g. numbered indicator columns "Chỉ số 3") or its phrases do not occur.
 * `kind`: the sheet kind detected, whose context words (subject, period) are explained (KIND_CONTEXT).
 */
export function headerConfidence(header: string, field: string, kind?: SheetKind): number | undefined {
  const v = vocabulary(field);
  if (!v) return undefined;
  const context = contextWords(kind);
  const whole = explainedShare(header.replace(/ \/ /g, " "), v, context);
  const parts = header.split(" / ");
  const child = parts.length > 1 ? explainedShare(parts[parts.length - 1], v, context) : undefined;
  if (whole === undefined && child === undefined) return undefined;
  return Math.max(whole ?? 0, child ?? 0);
}

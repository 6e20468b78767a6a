/**
 * Header text normalisation for column matching. Headers arrive with diacritics or without, in any case,
 * with line breaks, punctuation and abbreviations (TT, STT, BQ, HN, HCN, DTTS, BHYT, NK, ĐVT …).
 */
import { fold } from "../i18n";

/** Abbreviations expanded token by token (folded forms). */
const ABBREVIATIONS: Record<string, string> = {
  tt: "so thu tu",
  stt: "so thu tu",
  bq: "binh quan",
  bqdn: "binh quan dau nguoi",
  hn: "ho ngheo",
  hcn: "ho can ngheo",
  dtts: "dan toc thieu so",
  bhyt: "bao hiem y te",
  nk: "nhan khau",
  tl: "ty le",
  dvt: "don vi tinh",
  dv: "don vi",
  tdp: "to dan pho",
  hgd: "ho gia dinh",
  mstb: "muc song trung binh",
  kh: "ke hoach",
  no: "so thu tu",
  btxh: "bao tro xa hoi",
  ncc: "nguoi co cong",
  knld: "kha nang lao dong",
};

/**
 * Normalise header text: fold (lower case, no diacritics, đ → d), "%" kept as a token, every other
 * non-letter/digit becomes a space, abbreviations expanded, padded with one space at each end so a phrase
 * can be matched as `text.includes(" " + phrase + " ")`.
 * "Tỷ lệ HN (%)" → " ty le ho ngheo % ".
 */
export function normalizeHeader(text: string): string {
  const folded = fold(text)
    .replace(/%/g, " % ")
    .replace(/([a-z])([0-9])/g, "$1 $2")
    .replace(/[^a-z0-9% ]+/g, " ");
  const tokens = folded.split(" ").filter((t) => t !== "");
  return " " + tokens.map((t) => ABBREVIATIONS[t] ?? t).join(" ") + " ";
}

/** True when the padded normalised text contains the phrase as whole words. */
export function hasPhrase(normalized: string, phrase: string): boolean {
  return normalized.includes(" " + phrase + " ");
}

/** Display text of a cell for messages and header texts. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v.trim();
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object" && typeof (v as { error?: unknown }).error === "string")
    return (v as { error: string }).error;
  return String(v);
}

const UNIT_PREFIX = /^(ubnd |uy ban nhan dan )?(xa|phuong|thi tran|dac khu|thi xa|huyen|quan|tinh|thanh pho|tp)\.? /;

/** Key to match one unit across sheets and files: folded, without "xã", "phường", "thị trấn" … prefixes. */
const unitKeyMemo = new Map<string, string>();
export function unitKey(name: string): string {
  const hit = unitKeyMemo.get(name);
  if (hit !== undefined) return hit;
  if (unitKeyMemo.size > 10000) unitKeyMemo.clear();
  let k = fold(name)
    .replace(/[.,;:()]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  for (let i = 0; i < 2; i++) k = k.replace(UNIT_PREFIX, "");
  unitKeyMemo.set(name, k);
  return k;
}

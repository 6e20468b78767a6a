/**
 * The one vocabulary of 0/1 flags (deprivation indicators, ethnic minority, target groups) shared by the custom
 * functions (DEPRIVATIONS, MPI, CLASSIFY flag rows) and the sheet reader. Text is compared folded (core/i18n
 * `fold`: lower case, no diacritics, đ → d, single spaces), so "Có", "có", "CO" and decomposed "có" are one word.
 * Blank cells are not text here: each face decides what a blank means (the reader: 0; the functions: blank).
 */
import { fold } from "../i18n";

/** Folded words meaning "yes / deprived / ticked". */
export const FLAG_YES_WORDS: readonly string[] = [
  "1",
  "x",
  "co",
  "c",
  "yes",
  "y",
  "true",
  "dung", // đúng
  "thieu", // thiếu
  "thieu hut", // thiếu hụt
  "v",
  "✓",
  "✔",
  "☑",
  "☒",
];

/** Folded words meaning "no / not deprived / not ticked". */
export const FLAG_NO_WORDS: readonly string[] = [
  "0",
  "khong", // không
  "k",
  "ko",
  "no",
  "n",
  "false",
  "sai",
  "du", // đủ
  "khong thieu", // không thiếu
  "-",
  "–",
  "—",
  "☐",
];

const YES = new Set(FLAG_YES_WORDS);
const NO = new Set(FLAG_NO_WORDS);

/**
 * A flag written as text: 1 for a "yes" word, 0 for a "no" word (see FLAG_YES_WORDS / FLAG_NO_WORDS), undefined for
 * anything else — including blank text, which the caller handles. Never throws.
 */
export function flagOfText(text: string): 0 | 1 | undefined {
  const t = text.trim();
  if (t === "x" || t === "X" || t === "1") return 1;
  if (t === "0") return 0;
  const f = fold(t);
  if (YES.has(f)) return 1;
  if (NO.has(f)) return 0;
  return undefined;
}

/**
 * Language helpers shared by every face. Vietnamese first, English complete.
 * Number formatting follows Vietnamese conventions: "." thousands, "," decimals.
 */
export type Lang = "vi" | "en";

/** A text in both languages. */
export interface Bilingual {
  vi: string;
  en: string;
}

export const bi = (vi: string, en: string): Bilingual => ({ vi, en });

export function pick(text: Bilingual, lang: Lang): string {
  return lang === "vi" ? text.vi : text.en;
}

/** Format an integer or decimal the Vietnamese way (1.500.000; 7,97) or the English way. */
export function formatNumber(value: number, lang: Lang, decimals = 0): string {
  if (!Number.isFinite(value)) return String(value);
  const fixed = Math.abs(value).toFixed(decimals);
  const [int, frac] = fixed.split(".");
  const sep = lang === "vi" ? "." : ",";
  const dec = lang === "vi" ? "," : ".";
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  return (value < 0 ? "-" : "") + grouped + (frac ? dec + frac : "");
}

/** Format a fraction as a percentage: 0.0797 → "7,97 %" (vi) / "7.97%" (en). */
export function formatPercent(fraction: number, lang: Lang, decimals = 2): string {
  const s = formatNumber(fraction * 100, lang, decimals);
  return lang === "vi" ? `${s} %` : `${s}%`;
}

/**
 * Fold Vietnamese text for matching: lower case, no diacritics, đ → d, single spaces.
 * "Thành Thị" → "thanh thi"; "Nông thôn" → "nong thon".
 */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * A poverty-reduction target as people write it, read ONE way by every face (task pane, `poverty targets`,
 * custom functions): "giảm 1,5%" in a plan is a fall of the poverty rate by 1,5 **percentage points** (điểm phần
 * trăm, written "điểm %"), a fraction in code and in cells (0.015, shown as 1,50 %).
 *
 * - Typed text is in points: "1,5", "1.5", "1,5 điểm %", "1,5 điểm phần trăm", "1,5%", "1.5 pp" → 0.015.
 * - A number from a cell is already a fraction, like every rate in a workbook (a cell showing 1,5 % holds 0.015).
 * - A bare typed number between 0 and 0,1 point ("0.03", "0,015") is refused: it is almost always a fraction
 *   typed by habit (3 or 1,5 points meant), and reading it as points would plan a fall 100 times too small. Written
 *   with its unit ("0,05 điểm %") it is accepted as it says.
 * - Range: 0 to 100 points. A negative fall is not a reduction target.
 * Every refusal is the same error (INVALID_ARGUMENT, "Mức giảm … không đọc được: …") with an example.
 */
import { fail } from "../errors";
import { formatNumber, type Bilingual, type Lang } from "../i18n";
import { parseNumberText } from "../values/number";

/** The unit of a reduction as it is displayed: "điểm %" / "pp". */
export const REDUCTION_UNIT: Bilingual = { vi: "điểm %", en: "pp" };

/** Below this many points a bare typed number is taken for a fraction typed by habit (see the module comment). */
export const SMALLEST_BARE_POINTS = 0.1;

// Longest first: "điểm phần trăm" before "điểm", "p.p." before "%".
const UNIT =
  /\s*(điểm\s*phần\s*trăm|diem\s*phan\s*tram|điểm\s*%|diem\s*%|điểm|diem|đ\s*%|percentage\s*points?|pp\.?|p\.\s*p\.?|%)$/i;

function refuse(shown: string, whyVi: string, whyEn: string, details: Record<string, unknown> = {}): never {
  return fail(
    "INVALID_ARGUMENT",
    `Mức giảm ${shown} không đọc được: ${whyVi}. Nhập số điểm phần trăm, ví dụ 1,5 (giảm 1,5 ${REDUCTION_UNIT.vi}).`,
    `The reduction ${shown} cannot be read: ${whyEn}. Enter percentage points, e.g. 1.5 (a fall of 1.5 ${REDUCTION_UNIT.en}).`,
    { value: shown, ...details },
  );
}

/**
 * A reduction target → a fraction of all households (0.015 = 1,5 điểm %). Text is in points (unit optional);
 * a number is a fraction from a cell. See the module comment for the rules.
 * @example parseReduction("1,5") // 0.015
 * @example parseReduction("2 điểm %") // 0.02
 * @example parseReduction(0.015) // 0.015 (a cell formatted as %)
 * @throws PovertyError INVALID_ARGUMENT, in Vietnamese and English, for anything else.
 */
export function parseReduction(input: unknown): number {
  if (typeof input === "number") {
    if (!Number.isFinite(input) || input < 0 || input > 1)
      refuse(
        String(input),
        "trong ô, mức giảm là một tỷ lệ từ 0 đến 100 % (ô ghi 1,5 % chứa số 0,015)",
        "in a cell a reduction is a rate from 0 to 100% (a cell showing 1.5% holds 0.015)",
      );
    return input;
  }
  if (typeof input !== "string")
    refuse(String(input), "cần một số", "a number is needed", { type: input === null ? "null" : typeof input });
  const text = input.normalize("NFC").replace(/\s+/g, " ").trim();
  const shown = `“${text}”`;
  if (text === "") refuse(shown, "chưa nhập", "it is blank");
  const unit = UNIT.exec(text);
  const digits = unit ? text.slice(0, unit.index).trim() : text;
  if (!/^[-−–+]?[0-9][0-9 .,]*$/.test(digits)) refuse(shown, "không phải là số", "it is not a number");
  const n = parseNumberText(digits, "decimal");
  if (n === undefined || n.ambiguous) refuse(shown, "không phải là số", "it is not a number");
  const points = n.value;
  if (points < 0) refuse(shown, "mức giảm không được âm", "a reduction cannot be negative");
  if (points > 100) refuse(shown, "lớn hơn 100 điểm %", "it is more than 100 pp");
  if (!unit && points > 0 && points < SMALLEST_BARE_POINTS)
    refuse(
      shown,
      `số này nhỏ hơn ${formatNumber(SMALLEST_BARE_POINTS, "vi", 1)} điểm %, có lẽ là phân số (${text} = ${formatReductionPoints(points * 100, "vi")}); nếu đúng là ${formatReductionPoints(points, "vi")}, hãy ghi rõ “${text} điểm %”`,
      `it is below ${formatNumber(SMALLEST_BARE_POINTS, "en", 1)} pp, probably a fraction (${text} = ${formatReductionPoints(points * 100, "en")}); if you do mean ${formatReductionPoints(points, "en")}, write “${text} pp”`,
      { points },
    );
  return Math.round(points * 1e6) / 1e8;
}

/** Points as the language writes them, at most `maxDecimals` decimals, trailing zeros dropped: "1,5" / "1.5". */
function pointsText(points: number, lang: Lang, maxDecimals: number): string {
  const s = formatNumber(points, lang, maxDecimals);
  return maxDecimals > 0 ? s.replace(/([.,]\d*?)0+$/, "$1").replace(/[.,]$/, "") : s;
}

function formatReductionPoints(points: number, lang: Lang, maxDecimals = 2): string {
  return `${pointsText(points, lang, maxDecimals)} ${lang === "vi" ? REDUCTION_UNIT.vi : REDUCTION_UNIT.en}`;
}

/**
 * A reduction (a fraction) as it is shown everywhere, with its unit: 0.015 → "1,5 điểm %" / "1.5 pp"
 * (at most `maxDecimals` decimals of points, trailing zeros dropped).
 */
export function formatReduction(fraction: number, lang: Lang, maxDecimals = 2): string {
  return formatReductionPoints(fraction * 100, lang, maxDecimals);
}

/** The reduction typed back as points, for an input box: 0.015 → "1,5" (vi) / "1.5" (en). */
export function reductionInputText(fraction: number, lang: Lang): string {
  return pointsText(fraction * 100, lang, 6);
}

/**
 * PovertyError → CustomFunctions.Error.
 *
 * Which Excel error (Excel shows the message of a CustomFunctions.Error only for #VALUE! and #N/A):
 *
 * | core code                                   | Excel    | why |
 * |---------------------------------------------|----------|-----|
 * | INVALID_NUMBER, INVALID_ARGUMENT,           | #VALUE!  | wrong type / text / shape / option: the planner must see *why* |
 * |   MISSING_VALUE, UNKNOWN_AREA,              |          | (message shown) |
 * |   UNKNOWN_CATEGORY, INVALID_STANDARD        |          | |
 * | UNKNOWN_YEAR, UNKNOWN_VALUE                 | #N/A     | a lookup that finds no standard (message shown) |
 * | NEGATIVE, NOT_INTEGER, COUNT_EXCEEDS_TOTAL, | #NUM!    | a number outside the function's domain, as Excel's own |
 * |   OUT_OF_RANGE, INFEASIBLE                  |          | SQRT(-1) or COMBIN(2;3) do (message attached, not shown) |
 * | ZERO_TOTAL                                  | #DIV/0!  | as =A1/B1 with B1 = 0 or blank |
 * | an error value in the input                 | the same | propagated like Excel's built-ins do |
 *
 * The Vietnamese message is attached to every error (Excel shows it where it can; HyperFormula and the
 * tests read it). A non-PovertyError is a bug: it is rethrown, never swallowed (Excel shows #VALUE!).
 */
import { isPovertyError, type PovertyErrorCode } from "../core/errors";

type ExcelCode = "#VALUE!" | "#N/A" | "#NUM!" | "#DIV/0!" | "#NULL!" | "#REF!" | "#NAME?";

export const EXCEL_CODE_OF: Record<PovertyErrorCode, ExcelCode> = {
  INVALID_NUMBER: "#VALUE!",
  INVALID_ARGUMENT: "#VALUE!",
  MISSING_VALUE: "#VALUE!",
  UNKNOWN_AREA: "#VALUE!",
  UNKNOWN_CATEGORY: "#VALUE!",
  INVALID_STANDARD: "#VALUE!",
  FILE_UNREADABLE: "#VALUE!",
  OUTPUT_REFUSED: "#VALUE!",
  UNKNOWN_YEAR: "#N/A",
  UNKNOWN_VALUE: "#N/A",
  NEGATIVE: "#NUM!",
  NOT_INTEGER: "#NUM!",
  COUNT_EXCEEDS_TOTAL: "#NUM!",
  OUT_OF_RANGE: "#NUM!",
  INFEASIBLE: "#NUM!",
  ZERO_TOTAL: "#DIV/0!",
};

const ERROR_CODE_NAME: Record<string, keyof typeof CustomFunctions.ErrorCode> = {
  "#VALUE!": "invalidValue",
  "#N/A": "notAvailable",
  "#NUM!": "invalidNumber",
  "#DIV/0!": "divisionByZero",
  "#NULL!": "nullReference",
  // #REF!, #NAME? are input-only in the runtime; an input #REF!/#NAME?/#SPILL!… propagates as #VALUE!.
};

/** The Excel error text a PovertyError becomes. */
export function excelCodeOf(e: { code: PovertyErrorCode; details?: Record<string, unknown> }): string {
  const input = e.details?.excelError;
  if (typeof input === "string" && ERROR_CODE_NAME[input]) return input;
  if (typeof input === "string") return "#VALUE!";
  return EXCEL_CODE_OF[e.code] ?? "#VALUE!";
}

/** Build the runtime's error object for an Excel error text and a message. */
export function excelError(code: string, message?: string): CustomFunctions.Error {
  const name = ERROR_CODE_NAME[code] ?? "invalidValue";
  return new CustomFunctions.Error(CustomFunctions.ErrorCode[name], message);
}

/** Translate a thrown value. PovertyError → CustomFunctions.Error; a CustomFunctions.Error passes; anything else is rethrown. */
export function toCustomFunctionsError(e: unknown): CustomFunctions.Error {
  if (isPovertyError(e)) return excelError(excelCodeOf(e), e.messageVi);
  if (e instanceof CustomFunctions.Error) return e;
  throw e;
}

/** Run a whole-call computation: a PovertyError becomes a thrown CustomFunctions.Error. */
export function guard<T>(compute: () => T): T {
  try {
    return compute();
  } catch (e) {
    throw toCustomFunctionsError(e);
  }
}

/** Run one element of a spill: a PovertyError becomes that element's error value, so one bad row does not blank the column. */
export function cell<T>(compute: () => T): T | CustomFunctions.Error {
  try {
    return compute();
  } catch (e) {
    return toCustomFunctionsError(e);
  }
}

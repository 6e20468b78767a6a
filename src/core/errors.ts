/**
 * Typed errors of the core. Every face translates them:
 * custom functions → #VALUE!/#N/A/#NUM!/#DIV/0! with the Vietnamese message,
 * the task pane → a Fluent MessageBar, the CLI → a line on stderr and an exit code.
 */

/** Stable error codes. Add new codes here; never rename one that has shipped. */
export type PovertyErrorCode =
  | "INVALID_NUMBER" // not a finite number / not parseable
  | "NEGATIVE" // a count, income or total below zero
  | "NOT_INTEGER" // a count that is not a whole number
  | "COUNT_EXCEEDS_TOTAL"
  | "ZERO_TOTAL"
  | "OUT_OF_RANGE" // e.g. a rate outside [0, 1]
  | "UNKNOWN_AREA"
  | "UNKNOWN_CATEGORY"
  | "UNKNOWN_YEAR" // no standard covers the review year
  | "UNKNOWN_VALUE" // the standard does not know this value (UNCERTAIN in docs/domain.md)
  | "INVALID_STANDARD" // a local standard failed schema validation
  | "INVALID_ARGUMENT" // generic bad argument (shape, length, option)
  | "MISSING_VALUE" // a required input is blank
  | "INFEASIBLE" // e.g. an allocation that cannot respect its caps
  | "FILE_UNREADABLE" // adapters: corrupt / password-protected / wrong format / over a reading limit
  | "OUTPUT_REFUSED"; // adapters: an output that is an input, exists without --force, or cannot be written

export interface PovertyErrorInit {
  code: PovertyErrorCode;
  messageVi: string;
  messageEn: string;
  details?: Record<string, unknown>;
}

export class PovertyError extends Error {
  readonly code: PovertyErrorCode;
  readonly messageVi: string;
  readonly messageEn: string;
  readonly details: Record<string, unknown>;

  constructor(init: PovertyErrorInit) {
    super(init.messageEn);
    Object.setPrototypeOf(this, PovertyError.prototype);
    this.name = "PovertyError";
    this.code = init.code;
    this.messageVi = init.messageVi;
    this.messageEn = init.messageEn;
    this.details = init.details ?? {};
  }

  /** The message in the requested language. */
  messageIn(lang: "vi" | "en"): string {
    return lang === "vi" ? this.messageVi : this.messageEn;
  }
}

/** Shorthand used across the core: `fail("NEGATIVE", "… âm", "… negative", { value })`. */
export function fail(
  code: PovertyErrorCode,
  messageVi: string,
  messageEn: string,
  details?: Record<string, unknown>,
): never {
  throw new PovertyError({ code, messageVi, messageEn, details });
}

export function isPovertyError(e: unknown): e is PovertyError {
  return e instanceof PovertyError;
}

/**
 * "Ours" for the classify case: the product's path from raw Excel values to category codes.
 * Filled in from the modules as they land (src/functions normaliser + src/core/classify).
 */
import type { RawRanges } from "../data";

export type OurClassify =
  | { ok: true; label: string; classify(raw: RawRanges): Uint8Array }
  | { ok: false; reason: string };

export function loadOurClassify(_standard: unknown): OurClassify {
  return { ok: false, reason: "src/core/classify not there yet" };
}

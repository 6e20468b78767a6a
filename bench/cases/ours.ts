/**
 * "Ours" for the classify case: the product's path from the raw values Excel hands =POVERTY.CLASSIFY to
 * category codes — the functions layer's normaliser (src/functions/normalize: toNumber, toFlag), the core's
 * area reader (src/core/standards parseArea), then the core's columnar classifier (src/core/classify
 * classifyColumns). Codes are returned as 0 poor … 3 none, like the kernel (the core's are 1…4, 0 = invalid).
 */
import type { RawRanges } from "../data";
import { INDICATORS } from "../data";
import { tryLoadAll } from "../load";

export type OurClassify =
  | { ok: true; label: string; classify(raw: RawRanges): Uint8Array }
  | { ok: false; reason: string };

interface Normalize {
  toNumber(v: unknown, opts?: unknown): number;
  toFlag(v: unknown): 0 | 1 | null;
}
interface Standards {
  parseArea(v: unknown): "urban" | "rural" | undefined;
}
interface Classify {
  classifyColumns(cols: { income: Float64Array; deprivations: Uint8Array; area: Uint8Array; n?: number }, standard: unknown): Uint8Array;
}

const INVALID = 255;

/** The composition used until src/functions exposes CLASSIFY itself. */
export function loadOurClassify(standard: unknown): OurClassify {
  const l = tryLoadAll<{ norm: Normalize; std: Standards; cls: Classify }>({
    norm: ["src/functions/normalize", ["toNumber", "toFlag"]],
    std: ["src/core/standards", ["parseArea"]],
    cls: ["src/core/classify", ["classifyColumns"]],
  });
  if (!l.ok) return l;
  const { toNumber, toFlag } = l.mod.norm;
  const { parseArea } = l.mod.std;
  const { classifyColumns } = l.mod.cls;
  return {
    ok: true,
    label: "normalise + classifyColumns",
    classify(raw: RawRanges): Uint8Array {
      const n = raw.income.length;
      const income = new Float64Array(n);
      const dep = new Uint8Array(n);
      const area = new Uint8Array(n);
      const bad = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        try {
          income[i] = toNumber(raw.income[i][0]);
          const row = raw.flags[i];
          let c = 0;
          for (let j = 0; j < INDICATORS; j++) c += toFlag(row[j]) ?? 0;
          dep[i] = c;
          const a = parseArea(raw.area[i][0]);
          if (a === undefined) bad[i] = 1;
          else area[i] = a === "urban" ? 1 : 0;
        } catch {
          bad[i] = 1; // the function reports this row as an error element
        }
      }
      const codes = classifyColumns({ income, deprivations: dep, area, n }, standard);
      for (let i = 0; i < n; i++) codes[i] = bad[i] || codes[i] === 0 ? INVALID : codes[i] - 1;
      return codes;
    },
  };
}

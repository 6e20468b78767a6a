/**
 * "Ours" for the classify case: the product's own path from the raw values Excel hands =POVERTY.CLASSIFY.
 *
 *  core path   src/functions/columns (columnArg, blankRows, numberColumn, flagBlock, areaColumn: the CLASSIFY
 *              normaliser, one pass per column, typed arrays out, per-row errors) → src/core/classify
 *              classifyColumns → Uint8Array codes. This is what the ≤ 3× target is about.
 *  function    src/functions/classify classifyRange: the whole custom function body (the same + one Vietnamese
 *              label per row in an n × 1 spill), without the argument memo.
 *  memo hit    src/functions/functions cfClassify called again with the same ranges: served from the memo.
 * Codes are returned as 0 poor … 3 none like the kernel (the core's are 1…4, 0 = invalid → 255 here).
 */
import type { RawRanges } from "../data";
import { tryLoad, tryLoadAll } from "../load";

type Getter = { n: number; get: (i: number) => unknown };
type RowErrors = Map<number, unknown>;

interface Columns {
  columnArg(v: unknown, n: number | undefined, label: readonly [string, string]): Getter;
  blankRows(n: number, cells: ((i: number) => unknown)[], blocks: unknown[][][]): Uint8Array;
  numberColumn(col: Getter, label: readonly [string, string], errors: RowErrors, skip: Uint8Array): Float64Array;
  areaColumn(col: Getter, errors: RowErrors, skip: Uint8Array): Uint8Array;
  flagBlock(
    m: unknown[][],
    n: number,
    d: number,
    errors: RowErrors,
    skip: Uint8Array,
  ): { flat: Uint8Array; counts: Float64Array };
}
interface ClassifyCore {
  classifyColumns(
    cols: { income: Float64Array; deprivations: Float64Array; area: Uint8Array; n?: number },
    standard: unknown,
  ): Uint8Array;
}
interface ClassifyFn {
  classifyRange(income: unknown, deprivations: unknown, area: unknown, standard: unknown): unknown[][];
}
interface ClassifyInputs {
  classifyInputs(
    income: unknown,
    deprivations: unknown,
    area: unknown,
    standard: unknown,
  ): { n: number; skip: Uint8Array; incomes: Float64Array; deps: Float64Array; areas: Uint8Array; errors: RowErrors };
}
interface Functions {
  cfClassify(income: unknown, deprivations: unknown, area: unknown, year?: unknown): unknown[][];
}

export interface OurClassify {
  ok: true;
  label: string;
  /** normalise + classifyColumns → codes 0..3 (255 invalid) */
  classify(raw: RawRanges): Uint8Array;
  /** the same with the previous normaliser: one pass per column (blankRows, numberColumn, flagBlock, areaColumn) */
  classifyByColumn?(raw: RawRanges): Uint8Array;
  /** the custom function body without memo: labels n × 1 */
  classifyRange?(raw: RawRanges): unknown[][];
  /** the registered custom function (memoised) */
  cfClassify?(raw: RawRanges): unknown[][];
}

/** Node has no CustomFunctions runtime; the functions layer builds CustomFunctions.Error for error elements. */
export function installCustomFunctionsStub(): void {
  const g = globalThis as { CustomFunctions?: unknown };
  if (g.CustomFunctions) return;
  class CfError extends Error {
    constructor(
      public code: string,
      message?: string,
    ) {
      super(message);
    }
  }
  g.CustomFunctions = {
    Error: CfError,
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
      nullReference: "#NULL!",
      invalidName: "#NAME?",
      invalidReference: "#REF!",
    },
    associate: () => undefined,
  };
}

/** The core's codes (1 poor … 4 none, 0 invalid) as the kernel's (0 … 3, 255 = blank, error or invalid), in place. */
function codesOf(codes: Uint8Array, skip: Uint8Array, errors: RowErrors): Uint8Array {
  const noErrors = errors.size === 0;
  for (let i = 0; i < codes.length; i++)
    codes[i] = skip[i] || codes[i] === 0 || (!noErrors && errors.has(i)) ? 255 : codes[i] - 1;
  return codes;
}

const L_INCOME = ["Thu nhập bình quân", "The income"] as const;
const L_AREA = ["Khu vực", "The area"] as const;

export function loadOurClassify(standard: unknown, year: number): OurClassify | { ok: false; reason: string } {
  installCustomFunctionsStub();
  const l = tryLoadAll<{ cols: Columns; core: ClassifyCore }>({
    cols: ["src/functions/columns", ["columnArg", "blankRows", "numberColumn", "areaColumn", "flagBlock"]],
    core: ["src/core/classify", ["classifyColumns"]],
  });
  if (!l.ok) return l;
  const { columnArg, blankRows, numberColumn, areaColumn, flagBlock } = l.mod.cols;
  const { classifyColumns } = l.mod.core;
  const byColumn = (raw: RawRanges): Uint8Array => {
    const inc = columnArg(raw.income, undefined, L_INCOME);
    const n = inc.n;
    const ar = columnArg(raw.area, n, L_AREA);
    const skip = blankRows(n, [inc.get, ar.get], [raw.flags]);
    const errors: RowErrors = new Map();
    const income = numberColumn(inc, L_INCOME, errors, skip);
    const { counts } = flagBlock(raw.flags, n, 12, errors, skip);
    const area = areaColumn(ar, errors, skip);
    return codesOf(classifyColumns({ income, deprivations: counts, area, n }, standard), skip, errors);
  };
  const inputs = tryLoad<ClassifyInputs>("src/functions/classify", ["classifyInputs"]);
  const out: OurClassify = inputs.ok
    ? {
        ok: true,
        label: "one pass per row (src/functions classifyInputs) + classifyColumns",
        classify(raw: RawRanges): Uint8Array {
          const r = inputs.mod.classifyInputs(raw.income, raw.flags, raw.area, standard);
          const codes = classifyColumns({ income: r.incomes, deprivations: r.deps, area: r.areas, n: r.n }, standard);
          return codesOf(codes, r.skip, r.errors);
        },
        classifyByColumn: byColumn,
      }
    : { ok: true, label: "normalise (src/functions/columns) + classifyColumns", classify: byColumn };
  const f = tryLoadAll<{ cls: ClassifyFn; fns: Functions }>({
    cls: ["src/functions/classify", ["classifyRange"]],
    fns: ["src/functions/functions", ["cfClassify"]],
  });
  if (f.ok) {
    out.classifyRange = (raw) => f.mod.cls.classifyRange(raw.income, raw.flags, raw.area, standard);
    out.cfClassify = (raw) => f.mod.fns.cfClassify(raw.income, raw.flags, raw.area, year);
  }
  return out;
}

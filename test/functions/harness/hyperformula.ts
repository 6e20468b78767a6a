/**
 * HyperFormula adapter for formula tests (test-only: HyperFormula is GPL-3.0 and never bundled or
 * imported from src/).
 *
 * It registers every POVERTY.* function from the generated metadata (the same generator the webpack
 * plugin runs) as a HyperFormula plugin calling the real exports of src/functions/functions.ts, and
 * translates values both ways the way Excel's custom-functions runtime does:
 * - matrix parameters get 2-D arrays (a single cell or literal → 1×1), scalar parameters a value;
 * - blank cells: HyperFormula's EmptyValue symbol becomes `null` (Excel on the web) or `0` (Excel desktop),
 *   selectable with `setBlankMode`, so the same sheet can be evaluated under both conventions;
 * - an omitted optional argument becomes `null` (Excel passes null);
 * - RichNumbers (percent, currency, dates) become plain numbers; CellError inputs pass as they are;
 * - CustomFunctions.Error results (thrown, or elements of a spill) become CellError with the message.
 *
 * HyperFormula must know the size of an array result when parsing (`sizeOfResultArrayMethod`), so each matrix
 * function has a size predictor from its argument sizes (or, for PATH, from a literal `years`).
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
} from "hyperformula";

export interface CfParam {
  name: string;
  type?: string;
  dimensionality?: "scalar" | "matrix";
  optional?: boolean;
}
export interface CfFunction {
  id: string;
  name: string;
  parameters: CfParam[];
  result?: { type?: string; dimensionality?: "scalar" | "matrix" };
}
export interface CfMetadata {
  functions: CfFunction[];
}

/** Predicts the result size (width = columns, height = rows) from the argument sizes and ASTs. */
export type SizePredictor = (sizes: ArraySize[], asts: any[]) => ArraySize;

const ERROR_TYPE: Record<string, ErrorType> = {
  "#VALUE!": ErrorType.VALUE,
  "#N/A": ErrorType.NA,
  "#DIV/0!": ErrorType.DIV_BY_ZERO,
  "#NUM!": ErrorType.NUM,
  "#NAME?": ErrorType.NAME,
  "#REF!": ErrorType.REF,
  "#NULL!": ErrorType.ERROR,
};

let blankMode: "null" | "zero" = "null";
/** How blank cells reach our functions: "null" (Excel on the web) or "zero" (Excel desktop). */
export function setBlankMode(mode: "null" | "zero"): void {
  blankMode = mode;
}

function toExcelValue(v: unknown): unknown {
  if (v === EmptyValue) return blankMode === "zero" ? 0 : null;
  if (typeof v === "object" && v !== null && !(v instanceof CellError) && typeof (v as any).val === "number")
    return (v as any).val;
  return v;
}

function toCell(v: unknown): unknown {
  if (v instanceof CustomFunctions.Error)
    return new CellError(ERROR_TYPE[v.code as string] ?? ErrorType.VALUE, v.message);
  if (v === null || v === undefined) return EmptyValue;
  return v;
}

const argType = (p: CfParam): FunctionArgumentType =>
  p.dimensionality === "matrix"
    ? FunctionArgumentType.RANGE
    : p.type === "number"
      ? FunctionArgumentType.NUMBER
      : p.type === "string"
        ? FunctionArgumentType.STRING
        : p.type === "boolean"
          ? FunctionArgumentType.BOOLEAN
          : FunctionArgumentType.SCALAR;

let registered: any;

/**
 * Register `NS.ID` for every function in `metadata`, calling `impls[id]`. Replaces an earlier registration.
 */
export function registerCustomFunctions(
  ns: string,
  metadata: CfMetadata,
  impls: Record<string, (...args: any[]) => unknown>,
  sizePredictors: Record<string, SizePredictor>,
): void {
  const implemented: Record<string, any> = {};
  const names: Record<string, string> = {};
  class PovertyFunctionsPlugin extends FunctionPlugin {}
  for (const fn of metadata.functions) {
    const fullId = `${ns}.${fn.id}`;
    const impl = impls[fn.id];
    if (!impl) throw new Error(`no implementation for ${fn.id}`);
    const method = `cf_${fn.id}`;
    const isArray = fn.result?.dimensionality === "matrix";
    if (isArray && !sizePredictors[fn.id]) throw new Error(`no size predictor for the array function ${fn.id}`);
    implemented[fullId] = {
      method,
      parameters: fn.parameters.map((p) => ({ argumentType: argType(p), optionalArg: !!p.optional })),
      vectorizationForbidden: fn.parameters.some((p) => p.dimensionality === "matrix"),
      ...(isArray ? { sizeOfResultArrayMethod: `${method}_size` } : {}),
    };
    names[fullId] = fullId;
    (PovertyFunctionsPlugin.prototype as any)[method] = function (this: any, ast: any, state: any) {
      return this.runFunction(ast.args, state, this.metadata(fullId), (...args: unknown[]) => {
        const js = fn.parameters.map((p, i) => {
          const a = args[i];
          if (a === undefined) return null;
          if (a instanceof SimpleRangeValue) return a.rawData().map((r) => r.map(toExcelValue));
          const v = toExcelValue(a);
          return p.dimensionality === "matrix" ? [[v]] : v;
        });
        try {
          const out = impl(...js);
          if (isArray) return SimpleRangeValue.onlyValues((out as unknown[][]).map((r) => r.map(toCell)) as any);
          return toCell(out);
        } catch (e) {
          if (e instanceof CustomFunctions.Error) return toCell(e);
          throw e;
        }
      });
    };
    if (isArray) {
      (PovertyFunctionsPlugin.prototype as any)[`${method}_size`] = function (this: any, ast: any, state: any) {
        const sizes = ast.args.map((a: any) => this.arraySizeForAst(a, state));
        return sizePredictors[fn.id](sizes, ast.args);
      };
    }
  }
  (PovertyFunctionsPlugin as any).implementedFunctions = implemented;
  if (registered) HyperFormula.unregisterFunctionPlugin(registered);
  HyperFormula.registerFunctionPlugin(PovertyFunctionsPlugin as any, { enGB: names, enUS: names } as any);
  registered = PovertyFunctionsPlugin;
}

/** Build an engine over one sheet (rows of values and formulas). */
export function buildSheet(rows: unknown[][]): HyperFormula {
  return HyperFormula.buildFromArray(rows as any, { licenseKey: "gpl-v3", useArrayArithmetic: true } as any);
}

// Size predictors shared by the formula tests ----------------------------------------------------

/** The broadcast size of element-wise functions: the non-1×1 argument's size, else 1×1. */
export const broadcastSize: SizePredictor = (sizes) => {
  const big = sizes.find((s) => s.width * s.height > 1);
  return big ? new ArraySize(big.width, big.height) : new ArraySize(1, 1);
};
/** One column, as many rows as the first argument. */
export const columnOfFirst: SizePredictor = (sizes) => new ArraySize(1, sizes[0].height);
/** `width` columns, as many rows as the first argument. */
export const rowsOfFirst =
  (width: number): SizePredictor =>
  (sizes) =>
    new ArraySize(width, sizes[0].height);
/** A fixed size. */
export const fixed =
  (width: number, height: number): SizePredictor =>
  () =>
    new ArraySize(width, height);
/** Width = columns of the first argument, one row. */
export const rowOfFirstWidth: SizePredictor = (sizes) => new ArraySize(sizes[0].width, 1);
/** A column whose height is a literal number argument + 1 (PATH's years); else an error. */
export const literalPlusOne =
  (argIndex: number): SizePredictor =>
  (_sizes, asts) => {
    const a = asts[argIndex];
    return a && typeof a.value === "number" ? new ArraySize(1, a.value + 1) : ArraySize.error();
  };

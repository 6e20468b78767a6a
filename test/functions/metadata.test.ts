/**
 * Metadata contract of the POVERTY.* functions (issue 2 "Metadata contract", issue 4):
 * generated from src/functions/functions.ts by the same generator the webpack plugin uses.
 *
 * The golden file __golden__/functions.json freezes ids, parameter names, types, optionality and
 * dimensionality: workbooks store ids, so a change must be deliberate. To accept an intended change:
 *   UPDATE_GOLDEN=1 npx jest test/functions/metadata
 * and commit the golden file with a note in the change log.
 */
import * as fs from "fs";
import * as path from "path";
import { HyperFormula } from "hyperformula";
import * as functions from "../../src/functions/functions";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { generateCustomFunctionsMetadata } = require("custom-functions-metadata");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { localize } = require("../../scripts/localize-functions");

const SRC = path.join(__dirname, "../../src/functions/functions.ts");
const GOLDEN = path.join(__dirname, "__golden__/functions.json");
const TABLE = path.join(__dirname, "../../src/functions/functions.vi.json");
const NAMESPACE = "POVERTY";

/** The ids issue 4 promises; permanent once released. */
const CATALOGUE = [
  "RATE",
  "TOTAL",
  "LINE",
  "CLASSIFY",
  "CLASSIFYSCORE",
  "DEPRIVATIONS",
  "MPI",
  "CONTRIB",
  "FGT",
  "TARGET",
  "PATH",
  "ANNUAL",
  "ALLOCATE",
  "PROGRESS",
  "TRANSITIONS",
  "STANDARD",
];

/**
 * Excel built-in function names that contain a dot — the only ones a dotted `POVERTY.<ID>` could equal.
 * (A plain built-in such as RATE cannot clash with POVERTY.RATE; the check is on the full name.)
 */
const EXCEL_DOTTED_BUILTINS = [
  "BETA.DIST",
  "BETA.INV",
  "BINOM.DIST",
  "BINOM.DIST.RANGE",
  "BINOM.INV",
  "CEILING.MATH",
  "CEILING.PRECISE",
  "CHISQ.DIST",
  "CHISQ.DIST.RT",
  "CHISQ.INV",
  "CHISQ.INV.RT",
  "CHISQ.TEST",
  "CONFIDENCE.NORM",
  "CONFIDENCE.T",
  "COVARIANCE.P",
  "COVARIANCE.S",
  "ERF.PRECISE",
  "ERFC.PRECISE",
  "EXPON.DIST",
  "F.DIST",
  "F.DIST.RT",
  "F.INV",
  "F.INV.RT",
  "F.TEST",
  "FLOOR.MATH",
  "FLOOR.PRECISE",
  "FORECAST.ETS",
  "FORECAST.ETS.CONFINT",
  "FORECAST.ETS.SEASONALITY",
  "FORECAST.ETS.STAT",
  "FORECAST.LINEAR",
  "GAMMA.DIST",
  "GAMMA.INV",
  "GAMMALN.PRECISE",
  "HYPGEOM.DIST",
  "ISO.CEILING",
  "LOGNORM.DIST",
  "LOGNORM.INV",
  "MODE.MULT",
  "MODE.SNGL",
  "NEGBINOM.DIST",
  "NETWORKDAYS.INTL",
  "NORM.DIST",
  "NORM.INV",
  "NORM.S.DIST",
  "NORM.S.INV",
  "PERCENTILE.EXC",
  "PERCENTILE.INC",
  "PERCENTRANK.EXC",
  "PERCENTRANK.INC",
  "POISSON.DIST",
  "QUARTILE.EXC",
  "QUARTILE.INC",
  "RANK.AVG",
  "RANK.EQ",
  "STDEV.P",
  "STDEV.S",
  "T.DIST",
  "T.DIST.2T",
  "T.DIST.RT",
  "T.INV",
  "T.INV.2T",
  "T.TEST",
  "VAR.P",
  "VAR.S",
  "WEIBULL.DIST",
  "WORKDAY.INTL",
  "Z.TEST",
];
/** Plain built-ins that share a word with our ids (RATE is one): they must not be confused with POVERTY.<ID>. */
const EXCEL_PLAIN_BUILTINS = ["RATE", "SUM", "IF", "COUNTIF", "STANDARDIZE", "SUBTOTAL"];

function builtinNames(): Set<string> {
  const hf = HyperFormula.getRegisteredFunctionNames("enGB");
  return new Set([...EXCEL_DOTTED_BUILTINS, ...EXCEL_PLAIN_BUILTINS, ...hf].map((n) => n.toUpperCase()));
}

/** Full names (NAMESPACE.ID) that equal a built-in. */
function clashes(ns: string, ids: string[], builtins: Set<string>): string[] {
  return ids.map((id) => `${ns}.${id}`.toUpperCase()).filter((full) => builtins.has(full));
}

interface Meta {
  functions: {
    id: string;
    name: string;
    description: string;
    parameters: { name: string; type?: string; dimensionality?: string; optional?: boolean; description?: string }[];
    result: unknown;
  }[];
}

let meta: Meta;
let associate: { functionName: string; id: string }[];
let errors: string[];

beforeAll(async () => {
  const r = await generateCustomFunctionsMetadata([SRC], false);
  meta = JSON.parse(r.metadataJson);
  associate = r.associate;
  errors = r.errors;
});

describe("metadata contract", () => {
  it("generates without errors", () => {
    expect(errors).toEqual([]);
    expect(meta.functions.length).toBeGreaterThan(0);
  });

  it("has exactly the catalogue of issue 4", () => {
    expect(meta.functions.map((f) => f.id).sort()).toEqual([...CATALOGUE].sort());
  });

  it("every id maps to an exported function taking every declared parameter", () => {
    const exported = functions as unknown as Record<string, unknown>;
    expect(associate).toHaveLength(meta.functions.length);
    for (const fn of meta.functions) {
      const a = associate.find((x) => x.id === fn.id);
      expect(a).toBeDefined();
      const impl = exported[a!.functionName];
      expect(typeof impl).toBe("function");
      expect((impl as (...x: unknown[]) => unknown).length).toBe(fn.parameters.length);
    }
  });

  it("ids are unique, ASCII, equal to their names, and POVERTY.<ID> is never an Excel built-in name", () => {
    const ids = meta.functions.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of meta.functions) {
      expect(f.id).toMatch(/^[A-Z][A-Z0-9_]*$/);
      expect(f.name).toBe(f.id);
    }
    expect(clashes(NAMESPACE, ids, builtinNames())).toEqual([]);
  });

  it("the built-in check is about the full name: it catches a real clash and allows POVERTY.RATE next to RATE", () => {
    const b = builtinNames();
    expect(b.has("RATE")).toBe(true);
    expect(b.has("NORM.DIST")).toBe(true);
    expect(clashes("NORM", ["DIST"], b)).toEqual(["NORM.DIST"]);
    expect(clashes("POVERTY", ["RATE"], b)).toEqual([]);
  });

  it("optional parameters come last; every parameter and function has help", () => {
    for (const f of meta.functions) {
      const firstOptional = f.parameters.findIndex((p) => p.optional);
      if (firstOptional >= 0) expect(f.parameters.slice(firstOptional).every((p) => p.optional)).toBe(true);
      expect(f.description.length).toBeGreaterThan(20);
      expect(f.description.length).toBeLessThanOrEqual(255);
      for (const p of f.parameters) expect((p.description ?? "").length).toBeGreaterThan(5);
    }
  });

  it("range parameters are matrices of any, never typed or unions", () => {
    const rangeParams: Record<string, string[]> = {
      RATE: ["count", "total"],
      CLASSIFY: ["income", "deprivations", "area"],
      MPI: ["flags", "weights"],
      ALLOCATE: ["reduction_households", "poor_counts", "totals", "weights"],
    };
    for (const [id, names] of Object.entries(rangeParams)) {
      const f = meta.functions.find((x) => x.id === id)!;
      for (const n of names) {
        const p = f.parameters.find((x) => x.name === n)!;
        expect({ id, n, dim: p.dimensionality, type: p.type }).toEqual({ id, n, dim: "matrix", type: "any" });
      }
    }
  });

  it("matches the golden metadata (ids and parameters cannot change by accident)", () => {
    if (process.env.UPDATE_GOLDEN === "1") fs.writeFileSync(GOLDEN, JSON.stringify(meta, null, 2) + "\n");
    expect(fs.existsSync(GOLDEN)).toBe(true);
    // compared as data (key order included), so formatting the file (prettier) never breaks the test
    expect(JSON.stringify(meta)).toBe(JSON.stringify(JSON.parse(fs.readFileSync(GOLDEN, "utf8"))));
  });
});

describe("Vietnamese translation table (functions.vi.json)", () => {
  const table = JSON.parse(fs.readFileSync(TABLE, "utf8")) as Record<
    string,
    { description: string; parameters?: Record<string, string> }
  >;

  it("has exactly the ids of the metadata", () => {
    expect(Object.keys(table).sort()).toEqual(meta.functions.map((f) => f.id).sort());
  });

  it("has exactly the parameter names of each function, each translated", () => {
    for (const f of meta.functions) {
      const t = table[f.id];
      expect(Object.keys(t.parameters ?? {}).sort()).toEqual(f.parameters.map((p) => p.name).sort());
      expect(t.description.trim().length).toBeGreaterThan(20);
      expect(t.description.length).toBeLessThanOrEqual(255);
      for (const p of f.parameters) expect(t.parameters![p.name].trim().length).toBeGreaterThan(5);
    }
  });

  it("merges into functions-vi.json with the same ids, names, parameter counts and types, Vietnamese help", () => {
    const vi = localize(meta, table) as Meta;
    expect(vi.functions.map((f) => [f.id, f.name, f.parameters.length])).toEqual(
      meta.functions.map((f) => [f.id, f.name, f.parameters.length]),
    );
    vi.functions.forEach((f, i) => {
      const en = meta.functions[i];
      expect(f.parameters.map((p) => [p.name, p.type, p.dimensionality, p.optional])).toEqual(
        en.parameters.map((p) => [p.name, p.type, p.dimensionality, p.optional]),
      );
      expect(f.result).toEqual(en.result);
      expect(f.description).not.toBe(en.description);
      expect(f.description).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i);
    });
  });
});

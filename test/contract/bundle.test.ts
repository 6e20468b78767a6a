/**
 * The shipped bundle, not the sources: after `webpack --mode production`, dist/functions.js evaluated in a
 * Node vm with stub Office/CustomFunctions globals must register every function in dist/functions.json
 * exactly once (catches a metadata-plugin `input` the loader does not match, a lost entry, a crash at load).
 * Also: dist/functions-vi.json mirrors dist/functions.json, and the first-render bundle stays in budget.
 */
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import * as zlib from "zlib";

const DIST = path.resolve(__dirname, "../../dist");
const read = (f: string): string => {
  const file = path.join(DIST, f);
  if (!fs.existsSync(file)) throw new Error(`dist/${f} is missing: run \`npx webpack --mode production\` first`);
  return fs.readFileSync(file, "utf8");
};

interface Meta {
  functions: Array<{
    id: string;
    name: string;
    description?: string;
    parameters?: Array<{
      name: string;
      type?: string;
      dimensionality?: string;
      optional?: boolean;
      description?: string;
    }>;
    result?: unknown;
    options?: unknown;
  }>;
}

/** First-render budget of taskpane.js (gzip), see webpack.config.js: workflows load lazily. */
const TASKPANE_GZIP_BUDGET = 200 * 1024;

function loadFunctionsBundle() {
  const calls: Array<[string, unknown]> = [];
  class CfError extends Error {
    constructor(
      public code: string,
      message?: string,
    ) {
      super(message);
    }
  }
  const sandbox: Record<string, unknown> = {
    console,
    setTimeout,
    clearTimeout,
    CustomFunctions: {
      associate: (id: string, fn: unknown) => calls.push([id, fn]),
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
    },
    Office: { onReady: () => Promise.resolve({ host: "Excel", platform: "PC" }), context: {} },
  };
  sandbox.self = sandbox;
  sandbox.window = sandbox;
  sandbox.globalThis = sandbox;
  vm.createContext(sandbox);
  vm.runInContext(read("functions.js"), sandbox, { filename: "dist/functions.js" });
  return calls;
}

describe("built bundle (dist/)", () => {
  const meta: Meta = JSON.parse(read("functions.json"));
  const ids = meta.functions.map((f) => f.id);

  it("functions.json declares at least one function, ids unique", () => {
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("functions.js calls CustomFunctions.associate exactly once per id in functions.json", () => {
    const calls = loadFunctionsBundle();
    expect(calls.map(([id]) => id).sort()).toEqual([...ids].sort());
    for (const [id, fn] of calls) {
      expect(typeof fn).toBe("function");
      const params = meta.functions.find((f) => f.id === id)?.parameters ?? [];
      // Excel passes one argument per declared parameter (+ an invocation object for some tags).
      expect((fn as (...a: unknown[]) => unknown).length).toBeLessThanOrEqual(params.length + 1);
    }
  });

  it("functions-vi.json has the same functions, names and parameters, with Vietnamese help", () => {
    const vi: Meta = JSON.parse(read("functions-vi.json"));
    const shape = (m: Meta) =>
      m.functions.map((f) => ({
        id: f.id,
        name: f.name,
        result: f.result,
        options: f.options,
        parameters: (f.parameters ?? []).map(({ description: _d, ...rest }) => rest),
      }));
    expect(shape(vi)).toEqual(shape(meta));
    for (const f of vi.functions) {
      expect(f.description?.trim()).toBeTruthy();
      for (const p of f.parameters ?? []) expect(p.description?.trim()).toBeTruthy();
    }
    // Translated, not copied: at least one description differs from English.
    expect(vi.functions.some((f, i) => f.description !== meta.functions[i].description)).toBe(true);
  });

  it("taskpane.html loads office.js first, then functions.js and taskpane.js (shared runtime)", () => {
    const html = read("taskpane.html");
    const scripts = [...html.matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+)/g)].map((m) => m[1]);
    expect(scripts).toEqual([
      "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
      "functions.js",
      "taskpane.js",
    ]);
  });

  it(`first-render taskpane.js is ≤ ${TASKPANE_GZIP_BUDGET / 1024} KB gzipped`, () => {
    const gz = zlib.gzipSync(fs.readFileSync(path.join(DIST, "taskpane.js")), { level: 9 }).length;
    expect(gz).toBeLessThanOrEqual(TASKPANE_GZIP_BUDGET);
  });
});

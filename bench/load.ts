/**
 * Loading the modules under test straight from their TypeScript sources.
 *
 * The bench measures modules that land at different times and that live in folders the CLI build does not
 * compile (src/functions, src/excel, test/support). A require hook transpiles `.ts` files under the project
 * with @swc/core (the same transpiler Jest uses here; `isolatedModules` makes per-file transpiling safe), so
 * one loader works for every module, and a module that is not there yet is reported as "not available"
 * instead of failing the build or the run.
 */
import * as fs from "fs";
import * as path from "path";

/** The project root (the folder with package.json), from lib/bench or bench. */
export function projectRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const pkg = path.join(dir, "package.json");
    if (fs.existsSync(pkg)) {
      try {
        if (JSON.parse(fs.readFileSync(pkg, "utf8")).name === "poverty-planner") return dir;
      } catch {
        /* keep looking */
      }
    }
    dir = path.dirname(dir);
  }
  throw new Error("bench: cannot find the project root (package.json of poverty-planner)");
}

let hooked = false;

function installHook(root: string): void {
  if (hooked) return;
  hooked = true;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const swc = require("@swc/core") as typeof import("@swc/core");
  const exts = (require as unknown as { extensions: Record<string, (m: NodeModule, f: string) => void> }).extensions;
  const compile = (m: NodeModule, filename: string) => {
    const source = fs.readFileSync(filename, "utf8");
    const tsx = filename.endsWith(".tsx");
    const { code } = swc.transformSync(source, {
      filename,
      sourceMaps: false,
      jsc: {
        parser: { syntax: "typescript", tsx },
        target: "es2022",
        ...(tsx ? { transform: { react: { runtime: "automatic" } } } : {}),
      },
      module: { type: "commonjs" },
    });
    (m as unknown as { _compile(code: string, file: string): void })._compile(code, filename);
  };
  for (const ext of [".ts", ".tsx"]) {
    const previous = exts[ext];
    exts[ext] = (m, filename) => {
      if (filename.startsWith(root) && !filename.includes(`${path.sep}node_modules${path.sep}`)) compile(m, filename);
      else if (previous) previous(m, filename);
      else compile(m, filename);
    };
  }
}

export type Loaded<T> = { ok: true; mod: T; file: string } | { ok: false; reason: string };

/**
 * Load `rel` (a path from the project root without extension, e.g. "src/core/classify") and check that it
 * exports every name in `need`. Never throws: a missing module or export comes back as `{ ok: false, reason }`.
 */
export function tryLoad<T = Record<string, unknown>>(rel: string, need: string[] = []): Loaded<T> {
  const root = projectRoot();
  installHook(root);
  const base = path.join(root, rel);
  const candidates = [`${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), `${base}.js`];
  const file = candidates.find((c) => fs.existsSync(c));
  if (!file) return { ok: false, reason: `${rel} not there yet` };
  let mod: Record<string, unknown>;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mod = require(file);
  } catch (e) {
    return { ok: false, reason: `${rel} does not load: ${(e as Error).message.split("\n")[0]}` };
  }
  const missing = need.filter((n) => mod[n] === undefined);
  if (missing.length) return { ok: false, reason: `${rel} has no ${missing.join(", ")} yet` };
  return { ok: true, mod: mod as T, file };
}

/** Load several modules; the first failure is the reason. */
export function tryLoadAll<T extends object>(specs: Record<keyof T & string, [string, string[]]>): Loaded<T> {
  const out: Record<string, unknown> = {};
  for (const [key, [rel, need]] of Object.entries(specs) as [string, [string, string[]]][]) {
    const l = tryLoad(rel, need);
    if (!l.ok) return l;
    out[key] = l.mod;
  }
  return { ok: true, mod: out as T, file: "" };
}

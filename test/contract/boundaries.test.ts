/**
 * The architecture's import boundaries (CONTRIBUTING.md, "Architecture") hold because `npm run lint` (in .ci/run)
 * refuses a wrong import. This test lints deliberately wrong and right imports with the repository's own ESLint
 * config, so the rules cannot quietly stop working (a later config block overriding them, a regex that no longer
 * matches). The snippets are linted as if they were files at the given paths; nothing is written.
 * It also pins the core's purity check: tsconfig.core.json keeps the core away from the DOM and Node typings, and CI
 * runs it and the lint.
 */
import * as fs from "fs";
import * as path from "path";
import { ESLint } from "eslint";

const ROOT = path.resolve(__dirname, "..", "..");
const BOUNDARY_RULES = new Set([
  "no-restricted-imports",
  "no-restricted-syntax",
  "@typescript-eslint/triple-slash-reference",
]);

let eslint: ESLint;
beforeAll(() => {
  // The config is handed over as an object: ESLint would load eslint.config.js with import(), which Jest's module
  // system does not run; require() gives the same object.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require(path.join(ROOT, "eslint.config.js"));
  eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: config });
});

/** Boundary messages for a file at `file` (repository-relative) containing `code`. */
async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return result.messages.filter((m) => m.ruleId && BOUNDARY_RULES.has(m.ruleId)).map((m) => m.message);
}

const use = (what: string) => `${what}\nexport const used = [x];\n`;

describe("import boundaries (eslint.config.js)", () => {
  test.each([
    // A face reaching into a core module instead of its index.
    [
      "src/taskpane/workflows/targets/T.tsx",
      'import { x } from "../../../core/validate/rules/plan";',
      /public surface/,
    ],
    ["src/cli/commands/c.ts", 'import { x } from "../../core/sheet/read";', /public surface/],
    ["src/cli/commands/c.ts", 'import type { x } from "../../core/validate/rules/cross";', /public surface/],
    ["src/excel/e.ts", 'export { x } from "../core/tables/model";', /public surface/],
    ["src/xlsx/w.ts", 'import { x } from "../core/tables/plan";', /public surface/],
    ["src/functions/f.ts", 'import { x } from "../core/measures/checks";', /public surface/],
    // Faces importing faces outside the allowed graph.
    ["src/cli/c.ts", 'import { x } from "../excel/read";', /src\/cli may not import src\/excel/],
    ["src/cli/c.ts", 'import { x } from "../taskpane/strings";', /src\/cli may not import src\/taskpane/],
    ["src/functions/f.ts", 'import { x } from "../xlsx/browser";', /src\/functions may not import src\/xlsx/],
    ["src/functions/f.ts", 'import { x } from "../excel";', /src\/functions may not import src\/excel/],
    ["src/taskpane/p.ts", 'import { x } from "../xlsx/read";', /except src\/xlsx\/browser\.ts/],
    ["src/taskpane/p.ts", 'import { x } from "../cli/output";', /src\/taskpane may not import src\/cli/],
    ["src/excel/e.ts", 'import { x } from "../taskpane/strings";', /src\/excel may not import src\/taskpane/],
    ["src/xlsx/x.ts", 'import { x } from "../cli/output";', /src\/xlsx may not import src\/cli/],
    ["src/xlsx/x.ts", 'import { x } from "../excel/write";', /src\/xlsx may not import src\/excel/],
    // The core: no face, no host or other package.
    ["src/core/tables/t.ts", 'import { x } from "../../excel/read";', /src\/core imports no face/],
    ["src/core/sheet/s.ts", 'import { x } from "../../xlsx/parse";', /src\/core imports no face/],
    ["src/core/x.ts", 'import { x } from "react";', /pure TypeScript/],
    ["src/core/x.ts", 'import { x } from "node:fs";', /pure TypeScript/],
    ["src/core/x.ts", 'import { x } from "fs";', /pure TypeScript/],
    ["src/core/x.ts", 'import { x } from "exceljs";', /pure TypeScript/],
    // import() follows the same rules.
    ["src/cli/demo/d.ts", 'const { x } = await import("../../core/tables/targets");', /public surface/],
    ["src/core/x.ts", 'const { x } = await import("../excel/read");', /src\/core imports no face/],
    ["src/core/x.ts", 'const { x } = await import("react");', /pure TypeScript/],
    // Triple-slash references would bring the DOM or Node typings back past tsconfig.core.json.
    ["src/core/x.ts", '/// <reference lib="dom" />\nconst x = 1;', /reference/],
    ["src/core/x.ts", '/// <reference types="node" />\nconst x = 1;', /reference/],
  ])("%s: %s is refused", async (file, code, message) => {
    expect(await boundaryErrors(file, use(code))).toEqual([expect.stringMatching(message)]);
  });

  test.each([
    ["src/taskpane/workflows/targets/T.tsx", 'import { x } from "../../../core/sheet";'],
    ["src/taskpane/workflows/targets/T.tsx", 'import { x } from "../../../core";'],
    ["src/taskpane/workflows/targets/T.tsx", 'import { x } from "../../../excel/read";'],
    ["src/taskpane/p.ts", 'import { x } from "../xlsx/browser";'],
    ["src/excel/e.ts", 'import { x } from "../xlsx/browser";'],
    ["src/cli/commands/c.ts", 'import { x } from "../../xlsx/read";'],
    ["src/cli/commands/c.ts", 'import { x } from "../../core/errors";'],
    ["src/cli/commands/c.ts", 'import { x } from "../output";'],
    ["src/functions/f.ts", 'import { x } from "../core/classify";'],
    ["src/functions/f.ts", 'import { x } from "./args";'],
    ["src/core/x.ts", 'import { z as x } from "zod";'],
    ["src/core/sheet/s.ts", 'import { x } from "../findings/catalogue";'],
    ["src/cli/demo/d.ts", 'const { x } = await import("../../core/tables");'],
    // Tests and bench may look inside modules.
    ["test/core/x.test.ts", 'import { x } from "../../src/core/validate/rules/plan";'],
  ])("%s: %s is allowed", async (file, code) => {
    expect(await boundaryErrors(file, use(code))).toEqual([]);
  });
});

describe("the core's purity check stays in place", () => {
  const json = (f: string) => JSON.parse(fs.readFileSync(path.join(ROOT, f), "utf8"));

  test("tsconfig.core.json type-checks src/core with the ES library only: no DOM, no @types (Node, Office, Jest)", () => {
    const core = json("tsconfig.core.json");
    const base = json(core.extends);
    const options = { ...base.compilerOptions, ...core.compilerOptions };
    expect(core.include).toEqual(["src/core"]);
    expect(options.lib.map((l: string) => l.toLowerCase())).toEqual(["es2022"]);
    expect(options.types).toEqual([]);
    expect(options.typeRoots).toBeUndefined();
    expect(core.files).toBeUndefined();
  });

  test("CI runs the core typecheck and the lint", () => {
    const pkg = json("package.json");
    expect(pkg.scripts.typecheck).toContain("tsc --noEmit -p tsconfig.core.json");
    expect(pkg.scripts.lint).toMatch(/^eslint \. && prettier --check \.$/);
    const ci = fs.readFileSync(path.join(ROOT, ".ci", "run"), "utf8");
    expect(ci).toMatch(/^step "typecheck" npm run typecheck/m);
    expect(ci).toMatch(/^step "lint" npm run lint/m);
  });
});

/**
 * ESLint flat config (eslint 9). Pragmatic on purpose: it must stay clean for the whole repository.
 *   - @eslint/js recommended + typescript-eslint recommended (no type-aware rules: fast, no tsconfig coupling)
 *   - Office add-in rules (eslint-plugin-office-addins) on the code that talks to Office: src/excel,
 *     src/taskpane, src/functions. Only the plugin's rules are used: its bundled "recommended" config
 *     carries its own typescript-eslint 8.8 parser and a prettier rule, which we do not want twice.
 *   - react-hooks: the two classic rules on .tsx
 *   - boundaries (CONTRIBUTING.md, "Architecture"): no-restricted-imports per folder of src/ — the core imports no
 *     face and no package but zod; a face imports the core only through `src/core` or a module's own index, and
 *     only the faces it is allowed to (see FACE_IMPORTS). Dynamic import() gets the same rules (no-restricted-syntax).
 *     test/contract/boundaries.test.ts lints deliberately wrong imports with this config, so the rules cannot
 *     quietly stop working.
 *   - eslint-config-prettier last: formatting is Prettier's job (`prettier --check .` in `npm run lint`).
 */
const js = require("@eslint/js");
const tseslint = require("typescript-eslint");
const officeAddins = require("eslint-plugin-office-addins");
const reactHooks = require("eslint-plugin-react-hooks");
const prettier = require("eslint-config-prettier");
// "globals" ships with eslint's own dependencies (not a direct devDependency of this project).
const globals = require("globals");

/** The faces: folders of src/ that adapt the core to one host. */
const FACES = ["functions", "excel", "taskpane", "xlsx", "cli"];
/**
 * The allowed graph between faces (everything else is refused): the task pane drives Excel through the gateway
 * src/excel; the CLI reads and writes files through src/xlsx; the pane and the gateway may read .xlsx bytes picked
 * from disk with src/xlsx/browser.ts (no Node inside). "*" = any file of that face, a list = only those files.
 */
const FACE_IMPORTS = {
  functions: {},
  excel: { xlsx: ["browser"] },
  taskpane: { excel: "*", xlsx: ["browser"] },
  xlsx: {},
  cli: { xlsx: "*" },
};
const UP = "^(\\.\\./)+"; // one or more "../": from any file of src/<face>/… this reaches src/
const CORE_INTERNAL = {
  regex: `${UP}core/[^/]+/`,
  message:
    "A face imports the core's public surface only: src/core (index) or a module's own index (core/sheet, not core/sheet/read). If a face needs something only an inner file has, add a service to that module's index (CONTRIBUTING.md, Architecture).",
};
function facePatterns(face) {
  const patterns = [CORE_INTERNAL];
  for (const other of FACES) {
    if (other === face) continue;
    const allowed = FACE_IMPORTS[face][other];
    if (allowed === "*") continue;
    const except = Array.isArray(allowed) ? `(?!(${allowed.join("|")})$)` : "";
    patterns.push({
      regex: `${UP}${other}(/${except}|$)`,
      message: `src/${face} may not import src/${other}${
        Array.isArray(allowed) ? ` except ${allowed.map((f) => `src/${other}/${f}.ts`).join(", ")}` : ""
      }: faces do not import each other beyond the graph in CONTRIBUTING.md (Architecture).`,
    });
  }
  return patterns;
}
/** The same patterns for import() expressions, which no-restricted-imports does not look at. */
const dynamicImports = (patterns) =>
  patterns.map(({ regex, message }) => ({
    selector: `ImportExpression[source.value=/${regex.replace(/\//g, "\\/")}/]`,
    message,
  }));
const CORE_PATTERNS = [
  {
    regex: `${UP}(${FACES.join("|")})(/|$)`,
    message: "src/core imports no face: faces depend on the core, never the other way (CONTRIBUTING.md, Architecture).",
  },
  {
    regex: "^(?!\\.|zod$)",
    message:
      "src/core is pure TypeScript: no Office, React, DOM, Node or other package (zod excepted). Put host code in a face (CONTRIBUTING.md, Architecture).",
  },
];
const boundaries = (files, patterns, extraRules = {}) => ({
  files,
  rules: {
    "no-restricted-imports": ["error", { patterns }],
    "no-restricted-syntax": ["error", ...dynamicImports(patterns)],
    ...extraRules,
  },
});

module.exports = tseslint.config(
  {
    ignores: [
      "dist/**",
      "lib/**",
      "node_modules/**",
      "coverage/**",
      "artifacts/**",
      "demo/**",
      "bench/out/**",
      ".certs/**",
      "**/*.d.ts",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none", ignoreRestSiblings: true },
      ],
      // Custom functions receive Excel values as any[][] (a blank is 0 or null by platform); tests poke at globals.
      "@typescript-eslint/no-explicit-any": "off",
    },
  },
  {
    // Node scripts and configs (CommonJS)
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-require-imports": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  {
    // Scripts injected into the browser by the e2e tests
    files: ["test/e2e/**/*.js"],
    languageOptions: { sourceType: "script", globals: { ...globals.browser } },
  },
  {
    files: ["src/excel/**/*.{ts,tsx}", "src/taskpane/**/*.{ts,tsx}", "src/functions/**/*.ts"],
    plugins: { "office-addins": officeAddins },
    rules: {
      "office-addins/no-office-initialize": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
      "office-addins/no-context-sync-in-loop": "warn",
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-empty-load": "error",
      "office-addins/no-navigational-load": "warn",
    },
  },
  {
    // src/excel is the one gateway that calls Excel.run (CONTRIBUTING.md). Its code syncs inside try/catch, loads
    // conditional property lists and loads `isNullObject`, which the plugin's syntactic data-flow rules
    // misread (false "sync before read" / "empty load" / "navigational load"). Load/sync discipline there
    // is covered by the gateway's unit tests with fakes instead. The task pane and functions keep the rules.
    files: ["src/excel/**/*.{ts,tsx}"],
    rules: {
      "office-addins/call-sync-after-load": "off",
      "office-addins/call-sync-before-read": "off",
      "office-addins/load-object-before-read": "off",
      "office-addins/no-empty-load": "off",
      "office-addins/no-navigational-load": "off",
    },
  },
  {
    files: ["**/*.tsx"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
    },
  },
  // tsconfig.core.json (no DOM lib, no @types) cannot see a package that brings its own types, nor a
  // `/// <reference lib="dom" />` or `types="node"` that adds them back: both are refused here.
  boundaries(["src/core/**/*.{ts,tsx}"], CORE_PATTERNS, {
    "@typescript-eslint/triple-slash-reference": ["error", { lib: "never", path: "never", types: "never" }],
  }),
  ...FACES.map((face) => boundaries([`src/${face}/**/*.{ts,tsx}`], facePatterns(face))),
  prettier,
);

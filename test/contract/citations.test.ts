/**
 * Every citation in the repository can be followed inside the repository.
 *
 * Scans the text files of the repository (git's tracked and not-ignored files; a plain walk when there is no git) and
 * fails when one of them:
 * - names a Markdown file that does not exist (resolved from the citing file's folder or from the repository root;
 *   a bare name inside a code string, e.g. join(ROOT, "docs", "standards.md"), may match any file of that name);
 * - names a path of the repository that is neither a file nor a folder of it: `src/…`, `test/…`, `docs/…`, `bench/…`,
 *   `scripts/…`, `assets/…`, `bin/…`, `.ci/…`, or a path inside src/ such as `core/sheet/read` or `excel/findings.ts`;
 *   in a document, or in a comment of code (TypeScript/JavaScript comments as the TypeScript parser finds them, `#`
 *   comments of shell scripts — a path in a code string is the code's business). A module path without its extension
 *   counts when a .ts/.tsx/.js file or an index of it exists, the start of file names counts (a jest path pattern
 *   such as `test/xlsx/write.recalc`, a family such as `assets/icon-<size>.png`), a pattern
 *   (`src/taskpane/workflows/<id>/`, `test/e2e/**`) is not a path, and a place git ignores (`bench/out/…`, where a
 *   run writes) is not checked. A relative Markdown link (`[x](../src/core/index.ts)`) must reach a file or folder;
 * - points outside the repository (a relative "shared" folder next to it, or an absolute path of a work machine);
 * - cites a section ("§N.M") of anything but a Markdown file of the repository, or a section that file does not have
 *   (a run such as "docs/domain.md §2.2, §4, §5" or "§8.2–§8.3" belongs to the file named at its start; inside
 *   docs/domain.md a bare "§N" is a cross-reference to itself);
 * - cites "source [N]" that is not in the numbered source list of docs/domain.md.
 * It also checks that the Vietnamese and English parts of docs/domain.md have the same numbered sections, so that a
 * citation means the same in both languages.
 *
 * This file holds planted bad citations for the checker's own tests, so it does not scan itself.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

const ROOT = path.resolve(__dirname, "..", "..");
const SELF = path.relative(ROOT, __filename).split(path.sep).join("/");
const DOMAIN = "docs/domain.md";

/** Folders and root files that hold code, tests, docs and configuration. */
const SCANNED_DIRS = ["src/", "test/", "docs/", "scripts/", "bench/", ".ci/", "assets/"];
const SKIPPED_FILES = new Set(["package-lock.json"]);
const WALK_SKIP = new Set(["node_modules", "dist", "lib", "coverage", "artifacts", "demo", ".git", ".certs", "out"]);

interface Problem {
  at: string;
  why: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Which files
// ---------------------------------------------------------------------------------------------------------------

/** Every file of the repository: git's tracked and not-ignored files (a plain walk when there is no git). */
function repoFiles(): string[] {
  let files: string[];
  try {
    const out = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
      cwd: ROOT,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    files = out.split("\0").filter((f) => f !== "" && fs.existsSync(path.join(ROOT, f)));
  } catch {
    files = walk("");
  }
  return files;
}

/** The files to scan: the text files of the scanned folders and of the root. */
function listFiles(all: readonly string[]): string[] {
  return all.filter(
    (f) =>
      f !== SELF &&
      !SKIPPED_FILES.has(f) &&
      (SCANNED_DIRS.some((d) => f.startsWith(d)) || !f.includes("/")) &&
      isText(path.join(ROOT, f)),
  );
}

function walk(rel: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(ROOT, rel), { withFileTypes: true })) {
    if (WALK_SKIP.has(entry.name) || entry.name.startsWith(".lo-profile")) continue;
    const child = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...walk(child));
    else if (entry.isFile()) out.push(child);
  }
  return out;
}

function isText(abs: string): boolean {
  const fd = fs.openSync(abs, "r");
  try {
    const buf = Buffer.alloc(8192);
    const n = fs.readSync(fd, buf, 0, buf.length, 0);
    return !buf.subarray(0, n).includes(0);
  } finally {
    fs.closeSync(fd);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The checker
// ---------------------------------------------------------------------------------------------------------------

/** The repository as the checker sees it: which files exist, and the numbered sections of a Markdown file. */
interface Repo {
  files: readonly string[];
  isFile(rel: string): boolean;
  /** A file or a folder of the repository (or a place git ignores: generated output, never committed). */
  isPath(rel: string): boolean;
  basenames: Set<string>;
  sections(rel: string): Set<string>;
  sources: Set<number>;
}

function realRepo(files: string[], all: readonly string[]): Repo {
  const cache = new Map<string, Set<string>>();
  return {
    files: all,
    isFile: (rel) => {
      const abs = path.join(ROOT, rel);
      return abs.startsWith(ROOT + path.sep) && fs.existsSync(abs) && fs.statSync(abs).isFile();
    },
    isPath: (rel) => {
      const abs = path.join(ROOT, rel);
      if (!abs.startsWith(ROOT + path.sep)) return false;
      if (fs.existsSync(abs)) return true;
      return ignoredByGit(rel);
    },
    basenames: new Set(files.map((f) => path.basename(f))),
    sections: (rel) => {
      let s = cache.get(rel);
      if (!s) {
        s = numberedSections(fs.readFileSync(path.join(ROOT, rel), "utf8"));
        cache.set(rel, s);
      }
      return s;
    },
    sources: sourceNumbers(fs.readFileSync(path.join(ROOT, DOMAIN), "utf8")),
  };
}

/** A path git ignores (bench/out/…, dist/…): where runs write, so a document may name what will be there. */
function ignoredByGit(rel: string): boolean {
  try {
    execFileSync("git", ["check-ignore", "-q", "--no-index", rel], { cwd: ROOT, stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** "### 8.3 Title" or "## 8. Title" → "8.3", "8". */
function numberedSections(md: string): Set<string> {
  return new Set([...md.matchAll(/^#{1,6}\s+(\d+(?:\.\d+)*)\.?\s/gm)].map((m) => m[1]));
}

/** The numbered list after the "Sources" heading of docs/domain.md. */
function sourceNumbers(md: string): Set<number> {
  const start = md.search(/^## .*Sources\s*$/m);
  if (start < 0) return new Set();
  return new Set([...md.slice(start).matchAll(/^(\d+)\. /gm)].map((m) => Number(m[1])));
}

/** URLs are not repository paths: blank them out (same length, so offsets and line numbers stay). */
const blankUrls = (text: string) =>
  text.replace(/\b[a-z][a-z0-9+.-]*:\/\/[^\s)>\]"'`]+/gi, (u) => " ".repeat(u.length));

const OUTSIDE = [
  { re: /(?:\.\.\/)+shared\//g, why: "points to a shared folder outside the repository" },
  { re: /\/work\/(?:shared|team|wt|main)\b/g, why: "points to a path on a work machine, outside the repository" },
];

const MD_NAME = /(?<![\w/.-])((?:\.{1,2}\/)*(?:[\w.-]+\/)*[\w.-]*\w\.md)(?![\w-])/g;
const SECTION = /§\s*(\d+(?:\.\d+)*)/g;
/** What may separate two § of one run: punctuation, "and"/"or", comment line breaks. */
const CONNECTOR = /^(?:\s|\*|\/\/|#)*(?:[,;–—-]|\band\b|\bor\b|\bvà\b|\bhoặc\b)?(?:\s|\*|\/\/|#)*$/;

function resolveMd(rel: string, name: string, repo: Repo): string | undefined {
  const bare = name.split("#")[0];
  for (const base of [path.posix.dirname(rel), "."]) {
    const candidate = path.posix.normalize(path.posix.join(base, bare));
    if (!candidate.startsWith("../") && repo.isFile(candidate)) return candidate;
  }
  return undefined;
}

/** A path from the repository root: a top folder, then at least one more segment. */
const REPO_PATH =
  /(?<![\w./@~-])((?:src|test|docs|bench|scripts|assets|bin|\.ci)\/[\w.-]*[\w](?:\/[\w.-]*[\w])*)(\/?)/g;
/** A path from src/ as code comments name them: `core/sheet/read`, `excel/findings.ts`. */
const SRC_PATH = /(?<![\w./@~-])((?:core|excel|taskpane|functions|xlsx|cli)\/[\w.-]*[\w](?:\/[\w.-]*[\w])*)(\/?)/g;
/** What makes the text a pattern or a placeholder rather than one path. */
const PATTERN_NEXT = /^[*<{$…[]/;
const MODULE_EXTENSIONS = [".ts", ".tsx", ".js", ".d.ts", "/index.ts", "/index.tsx", "/index.js"];

/**
 * A file or folder; a module without its extension; or the start of file names, as a test path pattern
 * (`npx jest test/xlsx/write.recalc`) or a family (`assets/icon-<size>.png`).
 */
function resolvePath(name: string, repo: Repo): boolean {
  return (
    repo.isPath(name) ||
    MODULE_EXTENSIONS.some((e) => repo.isFile(name + e)) ||
    repo.files.some((f) => f.startsWith(name) && /^[.\-_]/.test(f.slice(name.length)))
  );
}

/** The parts of a file that are prose: a whole document, or the comments of code. Other parts are blanked out. */
function prose(rel: string, text: string): string {
  if (/\.md$/.test(rel)) return text;
  const keep = (ranges: [number, number][]) => {
    const out = text.replace(/[^\n]/g, " ").split("");
    for (const [a, b] of ranges) for (let i = a; i < b; i++) out[i] = text[i];
    return out.join("");
  };
  if (/\.(?:[cm]?[jt]sx?)$/.test(rel)) {
    // Every comment is leading or trailing trivia of some token: visit them all (getChildren includes the tokens).
    const kind = /\.[jt]sx$/.test(rel) ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
    const source = ts.createSourceFile(rel, text, ts.ScriptTarget.Latest, false, kind);
    const ranges = new Map<number, [number, number]>();
    const visit = (node: ts.Node) => {
      for (const r of ts.getLeadingCommentRanges(text, node.pos) ?? []) ranges.set(r.pos, [r.pos, r.end]);
      for (const r of ts.getTrailingCommentRanges(text, node.end) ?? []) ranges.set(r.pos, [r.pos, r.end]);
      for (const child of node.getChildren(source)) visit(child);
    };
    visit(source);
    return keep([...ranges.values()]);
  }
  if (rel.startsWith(".ci/") || /\.(?:sh|bash)$/.test(rel) || /^#!.*\b(?:ba)?sh\b/.test(text)) {
    const ranges: [number, number][] = [];
    for (const m of text.matchAll(/(?:^|\s)(#[^\n]*)/g))
      ranges.push([m.index + m[0].length - m[1].length, m.index + m[0].length]);
    return keep(ranges);
  }
  return "";
}

function checkPaths(rel: string, text: string, repo: Repo, report: (i: number, why: string) => void): void {
  const src = blankUrls(prose(rel, text));
  for (const m of src.matchAll(REPO_PATH)) {
    const after = src.slice(m.index + m[0].length, m.index + m[0].length + 1);
    if (PATTERN_NEXT.test(after)) continue;
    const name = m[1];
    if (/\.md$/.test(name)) continue; // Markdown names: checked with their sections below
    if (!resolvePath(name, repo)) report(m.index, `names ${name}, which is not a file or folder of the repository`);
  }
  for (const m of src.matchAll(SRC_PATH)) {
    const after = src.slice(m.index + m[0].length, m.index + m[0].length + 1);
    if (PATTERN_NEXT.test(after)) continue;
    if (!resolvePath(`src/${m[1]}`, repo))
      report(m.index, `names src/${m[1]}, which is not a file or folder of the repository`);
  }
  if (/\.md$/.test(rel)) {
    for (const m of src.matchAll(/\]\((?!#|[a-z][a-z0-9+.-]*:)([^)\s#]+)(?:#[^)\s]*)?\)/gi)) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(rel), m[1]));
      if (target.startsWith("../") || !repo.isPath(target)) {
        report(m.index, `links to ${m[1]}, which is not a file or folder of the repository`);
      }
    }
  }
}

function checkText(rel: string, text: string, repo: Repo): Problem[] {
  const problems: Problem[] = [];
  const src = blankUrls(text);
  const lineOf = (i: number) => src.slice(0, i).split("\n").length;
  const report = (i: number, why: string) => {
    const line = lineOf(i);
    problems.push({ at: `${rel}:${line}: ${text.split("\n")[line - 1].trim().slice(0, 160)}`, why });
  };

  for (const { re, why } of OUTSIDE) for (const m of src.matchAll(re)) report(m.index, why);
  checkPaths(rel, text, repo, report);

  for (const m of src.matchAll(MD_NAME)) {
    const before = src[m.index - 1];
    if (before === "<") continue; // a placeholder in a usage line: "--out <file.md>"
    const name = m[1];
    if (resolveMd(rel, name, repo)) continue;
    if ((before === '"' || before === "'") && !name.includes("/") && repo.basenames.has(name)) continue;
    report(m.index, `names ${name}, which is not a file of the repository`);
  }

  let prev: { end: number; head: string | undefined } | undefined;
  for (const m of src.matchAll(SECTION)) {
    const section = m[1];
    let head: string | undefined;
    if (prev && CONNECTOR.test(src.slice(prev.end, m.index))) head = prev.head;
    else if (rel === DOMAIN) head = DOMAIN;
    else {
      const name = /([\w./-]+)(?:\s|\*|\/\/)*$/.exec(src.slice(Math.max(0, m.index - 200), m.index))?.[1];
      if (!name) report(m.index, `cites §${section} without naming a document of the repository before it`);
      else if (!name.endsWith(".md")) {
        report(m.index, `cites §${section} of "${name}", which is not a Markdown file of the repository`);
      } else {
        head = resolveMd(rel, name, repo);
        if (!head) report(m.index, `cites §${section} of ${name}, which is not a file of the repository`);
      }
    }
    if (head && !repo.sections(head).has(section)) report(m.index, `${head} has no section ${section}`);
    prev = { end: m.index + m[0].length, head };
  }

  if (rel !== DOMAIN) {
    for (const m of src.matchAll(/\bsources?\s*((?:\[\d+\])+)/gi)) {
      for (const n of m[1].matchAll(/\[(\d+)\]/g)) {
        if (!repo.sources.has(Number(n[1]))) report(m.index, `source [${n[1]}] is not in the source list of ${DOMAIN}`);
      }
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------------------------

const allFiles = repoFiles();
const files = listFiles(allFiles);
const repo = realRepo(files, allFiles);

describe("citations stay inside the repository", () => {
  it("scans the code, tests, docs and configuration", () => {
    for (const f of ["README.md", "src/core/index.ts", "test/setup-office.ts", DOMAIN, ".ci/run", "package.json"]) {
      expect(files).toContain(f);
    }
    expect(files).not.toContain(SELF);
    expect(files.some((f) => f.startsWith("node_modules/"))).toBe(false);
  });

  it("no file names a missing Markdown file, a path outside the repository, a missing section or source", () => {
    const problems = files.flatMap((f) => checkText(f, fs.readFileSync(path.join(ROOT, f), "utf8"), repo));
    expect(problems).toEqual([]);
  });

  it(`${DOMAIN} has the same numbered sections in Vietnamese and in English, §1–§12, and its sources`, () => {
    const md = fs.readFileSync(path.join(ROOT, DOMAIN), "utf8");
    const vi = md.indexOf("\n## Tiếng Việt\n");
    const en = md.indexOf("\n## English\n");
    const sources = md.search(/^## .*Sources\s*$/m);
    expect(vi).toBeGreaterThan(0);
    expect(en).toBeGreaterThan(vi);
    expect(sources).toBeGreaterThan(en);
    const list = (part: string) => [...part.matchAll(/^#{1,6}\s+(\d+(?:\.\d+)*)\.?\s/gm)].map((m) => m[1]);
    const viSections = list(md.slice(vi, en));
    expect(list(md.slice(en, sources))).toEqual(viSections);
    for (let n = 1; n <= 12; n++) expect(viSections).toContain(String(n));
    for (const s of ["2.1", "2.2", "2.3", "7.1", "7.2", "7.3", "7.4", "8.1", "8.6", "9.1", "9.2", "9.3"]) {
      expect(viSections).toContain(s);
    }
    const cited = new Set([...md.slice(0, sources).matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])));
    expect([...cited].filter((n) => !repo.sources.has(n))).toEqual([]);
    expect(repo.sources.size).toBeGreaterThanOrEqual(cited.size);
  });
});

describe("the citation checker", () => {
  const check = (text: string, rel = "src/core/example.ts") => checkText(rel, text, repo).map((p) => p.why);

  it("accepts citations of the repository's own documents and sections", () => {
    expect(check("// docs/domain.md §8.3 (DERIVED)")).toEqual([]);
    expect(check(" * Rules (docs/domain.md §2.2, §4, §5) and docs/domain.md §7.1–§7.4, §8.")).toEqual([]);
    expect(check(" * Sources: docs/domain.md §8.5 and\n * §9.3 (largest remainder)")).toEqual([]);
    expect(check("See [reports](reports.md) and domain.md §9.1.", "docs/example.md")).toEqual([]);
    expect(check('join(ROOT, "docs", "standards.md")', "test/cli/example.test.ts")).toEqual([]);
    expect(check("usage: poverty rules [--out <file.md>]")).toEqual([]);
    expect(check("// docs/domain.md §8.1, source [46]; sources [66][67]")).toEqual([]);
    expect(check("// https://github.com/OfficeDev/office-js-docs-pr/blob/main/docs/excel/naming.md")).toEqual([]);
  });

  it("rejects files outside the repository, missing files and sections, bare or foreign §", () => {
    expect(check("// see ../shared/domain.md §8.3")).toEqual([
      "points to a shared folder outside the repository",
      "names ../shared/domain.md, which is not a file of the repository",
      "cites §8.3 of ../shared/domain.md, which is not a file of the repository",
    ]);
    expect(check("// rule from domain.md §7.4")).toEqual([
      "names domain.md, which is not a file of the repository",
      "cites §7.4 of domain.md, which is not a file of the repository",
    ]);
    expect(check("// verified (toolchain.md §6)")).toContain(
      "names toolchain.md, which is not a file of the repository",
    );
    expect(check("// blanks (office-addin-notes §2.3)")).toEqual([
      'cites §2.3 of "office-addin-notes", which is not a Markdown file of the repository',
    ]);
    expect(check("// percentage points (§8.2)")).toEqual([
      "cites §8.2 without naming a document of the repository before it",
    ]);
    expect(check("// docs/domain.md §8.7 and §99")).toEqual([
      `${DOMAIN} has no section 8.7`,
      `${DOMAIN} has no section 99`,
    ]);
    expect(check("// docs/domain.md §8.2 (pp); the design.md says")).toEqual([
      "names design.md, which is not a file of the repository",
    ]);
    expect(check("// copied from /work/shared/seeds")).toHaveLength(1);
    expect(check("// source [999]")).toEqual([`source [999] is not in the source list of ${DOMAIN}`]);
  });

  it("checks repository paths named in comments and documents, not in code", () => {
    // accepted: files, folders, modules without extension, test path patterns, file families, patterns, ignored output
    expect(check("// src/core/sheet/read and src/core/sheet (module, folder); test/xlsx/write.recalc (jest)")).toEqual(
      [],
    );
    expect(
      check("/** assets/icon-<size>.png, src/taskpane/workflows/<id>/, test/e2e/**, bench/out/run.json */"),
    ).toEqual([]);
    expect(check("See [the core](../src/core/index.ts) and [tests](../test/).", "docs/example.md")).toEqual([]);
    // refused: a missing file in a line comment, a block comment, a TSX comment, a document, a shell comment, a link
    expect(check("// moved to src/foo/bar.ts")).toEqual([
      "names src/foo/bar.ts, which is not a file or folder of the repository",
    ]);
    expect(check("const x = 1; /* see test/nope/gone.test.ts */")).toEqual([
      "names test/nope/gone.test.ts, which is not a file or folder of the repository",
    ]);
    expect(
      check("export const A = () => (\n  // from src/taskpane/Nope.tsx\n  <div />\n);", "src/taskpane/A.tsx"),
    ).toEqual(["names src/taskpane/Nope.tsx, which is not a file or folder of the repository"]);
    expect(check("Bộ thử `test/missing-folder/`; docs/missing.md", "docs/example.md")).toEqual([
      "names test/missing-folder, which is not a file or folder of the repository",
      "names docs/missing.md, which is not a file of the repository",
    ]);
    expect(check('step "x" scripts/nope.sh   # then scripts/gone.sh', ".ci/run")).toEqual([
      "names scripts/gone.sh, which is not a file or folder of the repository",
    ]);
    expect(check("[x](../src/nope.ts)", "docs/example.md")).toEqual([
      "links to ../src/nope.ts, which is not a file or folder of the repository",
    ]);
    expect(check("// core/validate/rules/plan, excel/findings.ts (from src/)")).toEqual([]);
    expect(check("// the layout lives in xlsx/write-layout.ts")).toEqual([
      "names src/xlsx/write-layout.ts, which is not a file or folder of the repository",
    ]);
    // code is not prose: a path in a string (a fixture, a planted bad import) is the code's business
    expect(check('const planted = "src/cli/commands/c.ts";')).toEqual([]);
  });

  it("reports the file and line of each problem", () => {
    const [p] = checkText("src/x.ts", "line one\n// (domain §7.4)\n", repo);
    expect(p.at).toBe("src/x.ts:2: // (domain §7.4)");
  });
});

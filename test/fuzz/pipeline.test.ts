/**
 * Fuzzing every command's pipeline (issue 13, "a fuzz suite"): each mutated package (./mutate.ts on the seeds of
 * ./seeds.ts) is written to a folder and given to the real commands in-process (`main`, as `poverty` runs them):
 * `validate` always; `report`, `consolidate` (beside a clean roster of other households) and `sponsors --roster` for a roster;
 * `targets` for a unit table; `sponsors` for a register; all of them for the templates and crafted workbooks.
 * Properties, for every command run (./oracle.ts for the reader's):
 * - no crash: an exit code of 0, 1 or 2, never a defect of ours on screen ("Lỗi không mong đợi", FILE_CHECK_FAILED,
 *   a stack trace, "undefined");
 * - no silent success: when the reader refuses the file, the command exits 2 naming the file with FILE_UNREADABLE;
 *   when it reads it, `validate` describes every sheet it read and never calls the file unreadable;
 * - no data change, nothing half-written: the inputs keep their bytes; exit 2 (and exit 1, except `sponsors`,
 *   which reports a register with errors) leaves no output; no temporary file is ever left behind; an output that
 *   was written is read back by the product's own reader;
 * - bounded memory: the heap retained after the run stays bounded.
 * Modes: ./config.ts.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import fc from "fast-check";
import { main } from "../../src/cli/main";
import { readWorkbookBuffer } from "../../src/xlsx/read";
import { expectNoFailure, fuzzRun } from "./config";
import { retainedHeapMB } from "./heap";
import { applyCase, caseArb, type FuzzCase } from "./mutate";
import { checkReader, DEFECT, type ReadOutcome } from "./oracle";
import { companions, FUZZ_YEAR, seeds, type Seed, type SeedKind } from "./seeds";

const run = fuzzRun(60, 0.6);
const FILE = "fuzz.xlsx";
const Y = String(FUZZ_YEAR);

let all: Seed[];
let dir: string;
let inputs: Record<string, Buffer>;

beforeAll(async () => {
  all = await seeds();
  const c = await companions();
  dir = mkdtempSync(join(tmpdir(), "pp-fuzz-"));
  inputs = { "roster.xlsx": c.roster, "register.xlsx": c.register, "other-roster.xlsx": c.otherRoster };
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Step {
  args: string[];
  out?: string;
  /** The exit code 1 still writes the output (sponsors: the register has errors, its report lists them). */
  writesOnErrors?: boolean;
}

/** The commands a file of this kind goes through. */
function steps(kind: SeedKind, lang: string): Step[] {
  const L = ["--lang", lang];
  // The whole folder: the fuzzed file beside the clean ones (one bad file never stops the batch).
  const validate: Step = { args: ["validate", ".", "--year", Y, "--format", "json", ...L] };
  const report: Step = {
    args: ["report", FILE, "--year", Y, "--out", "out-report.xlsx", ...L],
    out: "out-report.xlsx",
  };
  const targets: Step = {
    args: ["targets", FILE, "--reduction", "1,5", "--base-year", Y, "--years", "2", "--out", "out-targets.xlsx", ...L],
    out: "out-targets.xlsx",
  };
  const consolidate: Step = {
    args: ["consolidate", FILE, "other-roster.xlsx", "--year", Y, "--out", "out-merged.xlsx", ...L],
    out: "out-merged.xlsx",
  };
  const sponsorsRoster: Step = {
    args: ["sponsors", "register.xlsx", "--roster", FILE, "--year", Y, "--period", Y, "--out", "out-sp.xlsx", ...L],
    out: "out-sp.xlsx",
    writesOnErrors: true,
  };
  const sponsorsRegister: Step = {
    args: ["sponsors", FILE, "--roster", "roster.xlsx", "--year", Y, "--period", Y, "--out", "out-sp.xlsx", ...L],
    out: "out-sp.xlsx",
    writesOnErrors: true,
  };
  switch (kind) {
    case "roster":
      return [validate, report, consolidate, sponsorsRoster];
    case "units":
      return [validate, targets];
    case "register":
      return [validate, sponsorsRegister];
    default:
      return [validate, report, targets, consolidate, sponsorsRegister];
  }
}

function fail(step: Step, code: number, text: string, what: string): never {
  throw new Error(`poverty ${step.args.join(" ")} → exit ${code}: ${what}\n--- output ---\n${text.slice(0, 3000)}`);
}

/** Exit codes by command over the run (how deep the cases reach), recorded with the case count. */
const tally: Record<string, number> = {};

async function check(step: Step, read: ReadOutcome): Promise<void> {
  const lines: string[] = [];
  const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l), cwd: dir };
  const code = await main(step.args, io);
  const text = lines.join("\n");
  const key = `${step.args[0]}${step.args[0] === "sponsors" ? (step.args[1] === FILE ? "(register)" : "(roster)") : ""} exit ${code}`;
  tally[key] = (tally[key] ?? 0) + 1;
  if (![0, 1, 2].includes(code)) fail(step, code, text, "an exit code other than 0, 1, 2");
  if (DEFECT.test(text)) fail(step, code, text, `a defect of ours on screen (${DEFECT.exec(text)![0]})`);
  if (!read.ok) {
    if (code !== 2) fail(step, code, text, "an unreadable file did not exit 2");
    if (!text.includes(FILE) || !text.includes("FILE_UNREADABLE"))
      fail(step, code, text, "an unreadable file is not named with FILE_UNREADABLE");
  } else if (/FILE_UNREADABLE/.test(text) && text.includes(FILE))
    fail(step, code, text, "a file the reader reads was called unreadable");
  if (step.args[0] === "validate") {
    let json: { files: { file: string; findings: { code: string }[] }[]; sheets: { file?: string }[] };
    try {
      json = JSON.parse(text) as typeof json;
    } catch {
      return fail(step, code, text, "validate --format json did not print JSON");
    }
    const f = json.files.find((x) => x.file === FILE);
    if (!f) fail(step, code, text, "the file is missing from the report");
    const described = json.sheets.filter((s) => s.file === FILE).length;
    if (read.ok && described !== read.grids.length)
      fail(step, code, text, `${read.grids.length} sheets read but ${described} described`);
    if (!read.ok && !f.findings.some((x) => x.code === "FILE_UNREADABLE"))
      fail(step, code, text, "an unreadable file without a FILE_UNREADABLE finding");
    for (const other of Object.keys(inputs)) {
      const o = json.files.find((x) => x.file === other);
      if (!o || o.findings.some((x) => x.code.startsWith("FILE_")))
        fail(step, code, text, `the clean file ${other} was not checked`);
    }
  }
  // Outputs: whole or absent; never a temporary file left behind.
  const names = readdirSync(dir);
  const stray = names.filter((n) => n !== FILE && !(n in inputs) && n !== step.out);
  if (stray.length) fail(step, code, text, `files left behind: ${stray.join(", ")}`);
  if (step.out) {
    const written = existsSync(join(dir, step.out));
    const mayWrite = code === 0 || (code === 1 && step.writesOnErrors);
    if (written && !mayWrite) fail(step, code, text, "an output was written although the command failed");
    if (code === 0 && !written) fail(step, code, text, "exit 0 without the output");
    if (written) {
      const grids = readWorkbookBuffer(readFileSync(join(dir, step.out)), step.out);
      if (!grids.length) fail(step, code, text, "the output has no sheet");
      rmSync(join(dir, step.out));
    }
  }
}

test(
  "every command on mutated packages: no crash, no silent success, nothing half-written, inputs untouched",
  async () => {
    const before = retainedHeapMB();
    let cases = 0;
    const details = await fc.check(
      fc.asyncProperty(caseArb(all.length), fc.constantFrom("vi", "en"), async (c: FuzzCase, lang: string) => {
        cases++;
        const seed = all[c.seed];
        const bytes = applyCase(seed.bytes, c.mutations);
        for (const n of readdirSync(dir)) rmSync(join(dir, n), { recursive: true, force: true });
        for (const [n, b] of Object.entries(inputs)) writeFileSync(join(dir, n), b);
        writeFileSync(join(dir, FILE), bytes);
        const read = await checkReader(bytes, FILE);
        for (const step of steps(seed.kind, lang)) await check(step, read);
        for (const [n, b] of [...Object.entries(inputs), [FILE, bytes] as const])
          if (!readFileSync(join(dir, n)).equals(b)) throw new Error(`input ${n} changed (${seed.name})`);
      }),
      run.params,
    );
    expectNoFailure("pipeline", run, details, cases, tally);
    expect(retainedHeapMB() - before).toBeLessThan(100);
  },
  run.timeout,
);

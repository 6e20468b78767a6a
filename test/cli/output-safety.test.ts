/**
 * Never lose the user's data (issue 13, item 1): every command that writes a file goes through one check
 * (src/cli/output.ts prepareOutput). Each case hashes every input before and after the run.
 */
import { spawnSync } from "child_process";
import { createHash } from "crypto";
import {
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { isPovertyError } from "../../src/core/errors";
import { prepareOutput } from "../../src/cli/output";
import * as F from "../core/sheet/fixtures";
import { xlsxBuffer } from "../xlsx/read-fixtures";
import { ensureCliBuilt, poverty } from "./bin";

let dir: string;

/** sha256 of every file under `root` (recursively), keyed by relative path. */
function hashes(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, rel: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isSymbolicLink()) continue;
      if (e.isDirectory()) walk(p, join(rel, e.name));
      else out[join(rel, e.name)] = createHash("sha256").update(readFileSync(p)).digest("hex");
    }
  };
  walk(root, "");
  return out;
}

/** Run `poverty …args` in `cwd` and check that no file that existed before changed. */
function runKeeping(cwd: string, ...args: string[]) {
  const before = hashes(cwd);
  const r = poverty(cwd, ...args);
  const after = hashes(cwd);
  for (const [f, h] of Object.entries(before)) expect({ file: f, hash: after[f] }).toEqual({ file: f, hash: h });
  return r;
}

const noTemps = (d: string) => expect(readdirSync(d).filter((n) => n.endsWith(".tmp"))).toEqual([]);

beforeAll(async () => {
  await ensureCliBuilt();
  dir = mkdtempSync(join(tmpdir(), "pp-output-"));
  const roster = await xlsxBuffer([F.rosterSheet({ unit: "Xã Mới", households: F.CLEAN_HOUSEHOLDS })]);
  mkdirSync(join(dir, "wards"));
  writeFileSync(join(dir, "wards", "roster.xlsx"), roster);
  writeFileSync(
    join(dir, "wards", "other.xlsx"),
    await xlsxBuffer([
      F.rosterSheet({
        unit: "Xã Khác",
        households: F.CLEAN_HOUSEHOLDS.map((h, i) => ({ ...h, id: `XK-${i + 1}` })),
      }),
    ]),
  );
  writeFileSync(join(dir, "roster.xlsx"), roster);
  writeFileSync(join(dir, "units.xlsx"), await xlsxBuffer([F.summarySheet()]));
  writeFileSync(join(dir, "keep.xlsx"), "not ours");
  symlinkSync(join(dir, "roster.xlsx"), join(dir, "link-to-roster.xlsx"));
  symlinkSync(join(dir, "units.xlsx"), join(dir, "link-to-units.xlsx"));
  linkSync(join(dir, "roster.xlsx"), join(dir, "hardlink.xlsx"));
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("an output is never an input", () => {
  test("validate DIR --out DIR/roster.xlsx refuses (the folder's files are inputs), even with --force", () => {
    for (const force of [[], ["--force"]]) {
      const r = runKeeping(dir, "validate", "wards", "--year", "2024", "--out", join("wards", "roster.xlsx"), ...force);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("OUTPUT_REFUSED");
      expect(r.stderr).toMatch(/Không ghi đè tệp đầu vào/);
      expect(r.stderr).toMatch(/Refusing to overwrite an input/);
    }
  });
  test("a symbolic link to an input is the input (validate, consolidate, report, targets)", () => {
    const cases = [
      ["validate", "roster.xlsx", "--year", "2024", "--out", "link-to-roster.xlsx", "--force"],
      ["consolidate", "roster.xlsx", "--year", "2024", "--out", "link-to-roster.xlsx", "--force"],
      ["report", "roster.xlsx", "--year", "2024", "--out", "link-to-roster.xlsx", "--force"],
      ["targets", "units.xlsx", "--reduction", "1", "--base-year", "2024", "--out", "link-to-units.xlsx", "--force"],
    ];
    for (const args of cases) {
      const r = runKeeping(dir, ...args);
      expect({ args, code: r.code }).toEqual({ args, code: 2 });
      expect(r.stderr).toContain("OUTPUT_REFUSED");
    }
  });
  test("an input given through a symbolic link, and a hard link to an input, are refused as outputs", () => {
    const r1 = runKeeping(dir, "report", "link-to-roster.xlsx", "--year", "2024", "--out", "roster.xlsx", "--force");
    expect(r1.code).toBe(2);
    expect(r1.stderr).toContain("OUTPUT_REFUSED");
    const r2 = runKeeping(dir, "validate", "roster.xlsx", "--year", "2024", "--out", "hardlink.xlsx", "--force");
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain("OUTPUT_REFUSED");
  });
});

describe("an existing file is kept unless --force", () => {
  test("validate, consolidate, report, targets and template refuse an existing output", () => {
    const cases = [
      ["validate", "roster.xlsx", "--year", "2024", "--out", "keep.xlsx"],
      ["consolidate", "wards", "--year", "2024", "--out", "keep.xlsx"],
      ["report", "roster.xlsx", "--year", "2024", "--out", "keep.xlsx"],
      ["targets", "units.xlsx", "--reduction", "1", "--base-year", "2024", "--out", "keep.xlsx"],
      ["template", "--out", "keep.xlsx"],
    ];
    for (const args of cases) {
      const r = runKeeping(dir, ...args);
      expect({ args, code: r.code }).toEqual({ args, code: 2 });
      expect(r.stderr).toMatch(/Tệp đã tồn tại \(dùng --force để ghi đè\)/);
    }
    expect(readFileSync(join(dir, "keep.xlsx"), "utf8")).toBe("not ours");
  });
  test("with --force the existing file (not an input) is replaced", () => {
    const d = mkdtempSync(join(dir, "force-"));
    writeFileSync(join(d, "old.xlsx"), "old");
    const r = poverty(d, "template", "--out", "old.xlsx", "--force");
    expect(r.code).toBe(0);
    expect(readFileSync(join(d, "old.xlsx")).subarray(0, 2).toString()).toBe("PK");
    noTemps(d);
  });
  test("demo --out DIR refuses a folder holding files it did not write (re-runs: test/cli/demo.test.ts)", () => {
    const d = mkdtempSync(join(dir, "demo-"));
    writeFileSync(join(d, "bao-cao-2026.xlsx"), "the planner's own report");
    writeFileSync(join(d, "notes.txt"), "mine");
    const r = runKeeping(d, "demo", "--out", ".", "--year", "2026");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("OUTPUT_REFUSED");
    expect(readFileSync(join(d, "bao-cao-2026.xlsx"), "utf8")).toBe("the planner's own report");
  }, 120_000);
  test("demo --out DIR refuses a folder holding only files named like the demo's (a planner's own report)", () => {
    // Names alone never make a folder the demo's: "bao-cao-2026.xlsx" and "ho-so-nop/" are a planner's names too.
    const d = mkdtempSync(join(dir, "demo-names-"));
    writeFileSync(join(d, "bao-cao-2026.xlsx"), "the planner's own report");
    const r = runKeeping(d, "demo", "--out", ".", "--year", "2026");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("OUTPUT_REFUSED");
    const s = mkdtempSync(join(dir, "demo-subs-"));
    mkdirSync(join(s, "ho-so-nop"));
    writeFileSync(join(s, "ho-so-nop", "xa-binh-dien.xlsx"), "a ward's own submission");
    const sub = runKeeping(s, "demo", "--out", ".", "--year", "2026");
    expect(sub.code).toBe(2);
    expect(readdirSync(s)).toEqual(["ho-so-nop"]); // no marker left behind either
  }, 120_000);
  test("demo --force into a folder it does not own writes no marker: the next run without --force is refused", () => {
    const d = mkdtempSync(join(dir, "demo-force-"));
    writeFileSync(join(d, "notes.txt"), "mine");
    const forced = poverty(d, "demo", "--out", ".", "--year", "2026", "--force");
    expect(forced.code).toBe(0);
    expect(existsSync(join(d, ".poverty-demo"))).toBe(false);
    writeFileSync(join(d, "bao-cao-2026.xlsx"), "the planner's own report, saved over the demo's");
    const again = runKeeping(d, "demo", "--out", ".", "--year", "2026");
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("OUTPUT_REFUSED");
  }, 240_000);
});

describe("the output folder is checked before the work", () => {
  test("a missing folder, a file as folder and an unwritable folder are refused before any input is read", () => {
    for (const out of [join("missing", "out.xlsx"), join("keep.xlsx", "out.xlsx"), "/sys/out.xlsx"]) {
      const r = runKeeping(dir, "validate", "wards", "--year", "2024", "--out", out);
      expect({ out, code: r.code }).toEqual({ out, code: 2 });
      expect(r.stderr).toContain("OUTPUT_REFUSED");
      expect(r.stdout).toBe(""); // no report: nothing was read
    }
    const r = poverty(dir, "validate", "wards", "--year", "2024", "--out", "/sys/out.xlsx");
    expect(r.stderr).toMatch(/Không ghi được vào thư mục \/sys: không có quyền ghi/);
    expect(r.stderr).toMatch(/Cannot write in the folder \/sys: permission denied/);
  });
});

describe("temporary files", () => {
  test("a failed write removes its temporary file and never names it", async () => {
    const d = mkdtempSync(join(dir, "fail-"));
    const out = prepareOutput({ out: "out.xlsx", inputs: [], force: false, cwd: d });
    mkdirSync(join(d, "out.xlsx")); // after the check: the rename onto a folder fails
    writeFileSync(join(d, "out.xlsx", "x"), "x");
    const err = await out.write(Buffer.from("data")).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isPovertyError(err) && err.code).toBe("OUTPUT_REFUSED");
    const e = err as { messageVi: string; messageEn: string };
    expect(e.messageVi).toMatch(/^Không ghi được tệp .*out\.xlsx: đây là một thư mục\.$/);
    expect(`${e.messageVi} ${e.messageEn}`).not.toMatch(/\.tmp|~poverty/);
    noTemps(d);
  });
  test("a file saved at the output while the work ran is kept without --force (write and streamed write)", async () => {
    const d = mkdtempSync(join(dir, "race-"));
    const out = prepareOutput({ out: "out.xlsx", inputs: [], force: false, cwd: d });
    writeFileSync(join(d, "out.xlsx"), "saved by the planner meanwhile"); // after the check, before the write
    const err = await out.write(Buffer.from("ours")).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isPovertyError(err) && err.code).toBe("OUTPUT_REFUSED");
    expect((err as { messageVi: string }).messageVi).toMatch(
      /^Tệp đã tồn tại \(dùng --force để ghi đè\): .*out\.xlsx$/,
    );
    const streamed = prepareOutput({ out: "s.xlsx", inputs: [], force: false, cwd: d });
    const s = streamed.open();
    s.write(Buffer.from("ours"));
    writeFileSync(join(d, "s.xlsx"), "saved meanwhile too");
    expect(() => s.commit()).toThrow(/File exists/);
    expect(readFileSync(join(d, "out.xlsx"), "utf8")).toBe("saved by the planner meanwhile");
    expect(readFileSync(join(d, "s.xlsx"), "utf8")).toBe("saved meanwhile too");
    noTemps(d);
    // With --force, and for a new file, the write goes through.
    await prepareOutput({ out: "out.xlsx", inputs: [], force: true, cwd: d }).write(Buffer.from("forced"));
    await prepareOutput({ out: "new.xlsx", inputs: [], force: false, cwd: d }).write(Buffer.from("new"));
    expect(readFileSync(join(d, "out.xlsx"), "utf8")).toBe("forced");
    expect(readFileSync(join(d, "new.xlsx"), "utf8")).toBe("new");
    expect(readdirSync(d).sort()).toEqual(["new.xlsx", "out.xlsx", "s.xlsx"]);
  });
  test("temporary files left by a killed run are removed; a live run's are not", () => {
    const d = mkdtempSync(join(dir, "stale-"));
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], {
      encoding: "utf8",
    });
    const deadPid = Number(dead.stdout);
    const stale = [`.out.xlsx.~poverty-${deadPid}-0a1b2c3d.tmp`, `.out.xlsx.${deadPid}.1700000000000.tmp`];
    const live = `.out.xlsx.~poverty-${process.pid}-0a1b2c3d.tmp`;
    for (const n of [...stale, live]) writeFileSync(join(d, n), "partial");
    const r = poverty(d, "template", "--out", "out.xlsx");
    expect(r.code).toBe(0);
    for (const n of stale) expect(existsSync(join(d, n))).toBe(false);
    expect(existsSync(join(d, live))).toBe(true);
  });
});

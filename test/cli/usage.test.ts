/**
 * One argument parser for every command (src/cli/options.ts) and the smaller CLI defects of issue 13, item 8:
 * unknown options and bad values are usage errors (exit 2, Vietnamese and English, nothing written), `--year abc`
 * is not "NaN", `targets` reports each blocking finding once, an impossible target says how many poor households
 * there are, Vietnamese messages carry no English fragments, `.ods` has its own message.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { commands } from "../../src/cli/commands";
import { opt, parseCommandLine } from "../../src/cli/options";
import { isPovertyError } from "../../src/core/errors";
import * as F from "../core/sheet/fixtures";
import { xlsxBuffer } from "../xlsx/read-fixtures";
import { ensureCliBuilt, poverty } from "./bin";
import { zip } from "../support/zip";

let dir: string;

beforeAll(async () => {
  await ensureCliBuilt();
  dir = mkdtempSync(join(tmpdir(), "pp-usage-"));
  writeFileSync(join(dir, "roster.xlsx"), await xlsxBuffer([F.rosterSheet({ households: F.CLEAN_HOUSEHOLDS })]));
  writeFileSync(join(dir, "units.xlsx"), await xlsxBuffer([F.summarySheet()]));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const written = () => readdirSync(dir).filter((f) => !["roster.xlsx", "units.xlsx"].includes(f) && !f.includes("-in"));

describe("parseCommandLine", () => {
  const spec = { out: opt.text(), year: opt.year(), lang: opt.lang(), force: opt.flag(), rows: opt.int(1, 10) };
  const usage = (args: string[]) => {
    try {
      parseCommandLine(args, spec, { min: 1, max: 2 });
    } catch (e) {
      if (isPovertyError(e)) return { code: e.code, vi: e.messageVi, en: e.messageEn, usage: e.details.usage };
      throw e;
    }
    return undefined;
  };
  test("typed values, defaults, --name=value, -- ends the options", () => {
    const cl = parseCommandLine(["a.xlsx", "--out=o.xlsx", "--year", "2025", "--force", "--", "--odd"], spec);
    expect(cl.positional).toEqual(["a.xlsx", "--odd"]);
    expect(cl.values).toEqual({ out: "o.xlsx", year: 2025, lang: "vi", force: true, rows: undefined });
  });
  test.each([
    [
      ["a", "--ouy", "x"],
      /Tùy chọn không hợp lệ: --ouy\. Có phải ý bạn là --out\?/,
      /Unknown option: --ouy\. Did you mean --out\?/,
    ],
    [["a", "--year", "abc"], /--year cần một năm gồm 4 chữ số .*"abc"/, /--year needs a four-digit year .*"abc"/],
    [["a", "--year", "20251"], /--year cần một năm/, /--year needs a four-digit year/],
    [["a", "--rows", "1.5"], /--rows cần một số nguyên từ 1 đến 10/, /--rows needs a whole number from 1 to 10/],
    [
      ["a", "--lang", "fr"],
      /Giá trị không hợp lệ cho --lang: "fr"\. Chọn một trong: vi, en\./,
      /Invalid value for --lang/,
    ],
    [["a", "--out"], /Thiếu giá trị sau --out/, /Missing value after --out/],
    [["a", "--out", "--force"], /Thiếu giá trị sau --out/, /Missing value after --out/],
    [["a", "--force=yes"], /--force không nhận giá trị/, /--force takes no value/],
    [["a", "--out", "x", "--out", "y"], /--out được cho hai lần/, /--out is given twice/],
    [["a", "-x"], /Tùy chọn không hợp lệ: -x/, /Unknown option: -x/],
    [[], /Thiếu đối số/, /Missing arguments/],
    [["a", "b", "c"], /Thừa đối số: "c"/, /Too many arguments: "c"/],
  ])("%j is a usage error in Vietnamese and English", (args, vi, en) => {
    const u = usage(args);
    expect(u).toMatchObject({ code: "INVALID_ARGUMENT", usage: true });
    expect(u!.vi).toMatch(vi);
    expect(u!.en).toMatch(en);
    expect(`${u!.vi} ${u!.en}`).not.toMatch(/NaN|undefined/);
  });
});

describe("every command rejects unknown options and bad values (exit 2, nothing written)", () => {
  const base: Record<string, string[]> = {
    validate: ["roster.xlsx", "--out", "o-validate.xlsx"],
    consolidate: ["roster.xlsx", "--out", "o-consolidate.xlsx"],
    report: ["roster.xlsx", "--out", "o-report.xlsx"],
    targets: ["units.xlsx", "--reduction", "1", "--out", "o-targets.xlsx"],
    template: ["--out", "o-template.xlsx"],
    standards: [],
    rules: [],
    demo: ["--out", "o-demo"],
    sponsors: ["units.xlsx", "--roster", "roster.xlsx", "--period", "2026", "--out", "o-sponsors.xlsx"],
  };
  test("the table covers every registered command", () => {
    for (const c of commands) expect(Object.keys(base)).toContain(c.name);
  });
  test.each(Object.keys(base))("%s --ouy x", (name) => {
    const r = poverty(dir, name, ...base[name], "--ouy", "x");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Tùy chọn không hợp lệ: --ouy/);
    expect(r.stderr).toMatch(/Unknown option: --ouy/);
    expect(r.stderr).toContain("Cách dùng / Usage: poverty " + name);
    expect(written()).toEqual([]);
  });
  test.each(["validate", "consolidate", "report", "template", "standards", "demo", "sponsors"])(
    "%s --year abc",
    (name) => {
      const r = poverty(dir, name, ...base[name], "--year", "abc");
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--year cần một năm gồm 4 chữ số/);
      expect(r.stderr).toMatch(/--year needs a four-digit year/);
      expect(r.stdout + r.stderr).not.toMatch(/NaN/);
      expect(written()).toEqual([]);
    },
  );
  test("validate --format xml, targets --method nope, --years 1.5, template --rows 0", () => {
    for (const args of [
      ["validate", "roster.xlsx", "--format", "xml"],
      ["targets", ...base.targets, "--method", "nope"],
      ["targets", ...base.targets, "--years", "1.5"],
      ["targets", ...base.targets, "--base-year", "abc"],
      ["template", ...base.template, "--rows", "0"],
    ]) {
      const r = poverty(dir, ...args);
      expect({ args, code: r.code }).toEqual({ args, code: 2 });
      expect(r.stderr).toMatch(/Cách dùng \/ Usage/);
    }
    expect(written()).toEqual([]);
  });
});

describe("targets", () => {
  test("each blocking finding is reported once, and counted once", async () => {
    const units = F.CLEAN_UNITS.map((u) => ({ ...u }));
    (units[0] as unknown as { households: string }).households = "nhiều";
    writeFileSync(join(dir, "bad-units-in.xlsx"), await xlsxBuffer([F.summarySheet({ units })]));
    const r = poverty(dir, "targets", "bad-units-in.xlsx", "--reduction", "1", "--out", "o.xlsx");
    expect(r.code).toBe(1);
    const heads = r.stderr.split("\n").filter((l) => /^Lỗi\/Error \[/.test(l));
    expect(new Set(heads).size).toBe(heads.length);
    // "nhiều" in C6 is reported as text that is not a number, once; the blank-cell error is not repeated there
    // (one says it better).
    const atC6 = heads.filter((l) => l.endsWith("!C6")).map((l) => /\[(\w+)\]/.exec(l)![1]);
    expect(atC6.filter((c) => c === "VALUE_NOT_NUMBER")).toHaveLength(1);
    expect(atC6).not.toContain("VALUE_MISSING");
    expect(r.stderr).toContain(`bảng đơn vị có ${heads.length} lỗi`);
    expect(existsSync(join(dir, "o.xlsx"))).toBe(false);
  });
  test("an impossible target is an error that says how many poor households there are", () => {
    // CLEAN_UNITS: 166 poor of 2,692 households (6.17 %); 50 pp would need 1,346.
    const r = poverty(dir, "targets", "units.xlsx", "--reduction", "50pp", "--base-year", "2024", "--out", "o.xlsx");
    expect(r.code).toBe(1);
    expect(r.stderr.match(/\[TARGET_IMPOSSIBLE\]/g)).toHaveLength(1);
    expect(r.stderr).toMatch(/166 hộ nghèo trên 2\.692 hộ/);
    expect(r.stderr).toMatch(/166 poor households of 2,692/);
    expect(existsSync(join(dir, "o.xlsx"))).toBe(false);
  });
});

describe("unreadable files: Vietnamese without English fragments; .ods has its own message", () => {
  test("a damaged package says why in Vietnamese only (no 'end of central directory')", async () => {
    const good = await xlsxBuffer([F.summarySheet()]);
    writeFileSync(join(dir, "cut-in.xlsx"), good.subarray(0, good.length - 30));
    const r = poverty(dir, "validate", "cut-in.xlsx");
    expect(r.code).toBe(2);
    const vi = r.stdout.split("\n").find((l) => l.includes("FILE_UNREADABLE"))!;
    expect(vi).toMatch(/tệp \.xlsx bị hỏng/);
    expect(vi).not.toMatch(/central directory|entry|bad |truncated|not supported/);
    const en = poverty(dir, "validate", "cut-in.xlsx", "--lang", "en").stdout;
    expect(en).toMatch(/the \.xlsx file is damaged/);
  });
  test(".ods: an OpenDocument spreadsheet, save it as .xlsx", () => {
    // An .ods is a ZIP whose first entry is "mimetype" = application/vnd.oasis.opendocument.spreadsheet.
    const ods = zip([
      { name: "mimetype", data: "application/vnd.oasis.opendocument.spreadsheet", method: 0 },
      { name: "content.xml", data: '<?xml version="1.0"?><office:document-content/>' },
    ]);
    writeFileSync(join(dir, "calc-in.ods"), ods);
    const r = poverty(dir, "validate", "calc-in.ods");
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/OpenDocument \(\.ods\).*lưu thành \.xlsx/);
    expect(r.stdout).not.toMatch(/không có sổ làm việc/);
  });
});

/**
 * Per-file isolation (issue 13, item 4): any error while reading or checking one file is a finding for that file,
 * with its name; the other files are still checked; exit 2 only because of what could not be read or checked; never
 * "Lỗi không mong đợi" without a file name; no stack trace unless --debug.
 *
 * A defect is simulated in-process: the core's sheet reader is wrapped so that a sheet named "BOOM" throws a plain
 * TypeError (what a bug in our code would throw).
 */
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import type { Grid } from "../../src/core/grid";
import { main } from "../../src/cli/main";
import type { CliIO } from "../../src/cli/command";
import * as F from "../core/sheet/fixtures";
import { craftXlsx, transformXml } from "../support/xlsx-craft";
import { xlsxBuffer } from "../xlsx/read-fixtures";

jest.mock("../../src/core/sheet/read", () => {
  const actual = jest.requireActual("../../src/core/sheet/read");
  // Every reading entry point (read, readSheet, readDetectedSheet…) throws on the grid of a sheet named "BOOM".
  const wrapped: Record<string, unknown> = { ...actual };
  for (const [name, fn] of Object.entries(actual))
    if (typeof fn === "function" && /^read/.test(name))
      wrapped[name] = (grid: Grid, ...rest: unknown[]) => {
        if ((grid as Grid | undefined)?.sheetName === "BOOM")
          throw new TypeError("Cannot read properties of undefined (reading 'x')");
        return (fn as (...a: unknown[]) => unknown)(grid, ...rest);
      };
  return wrapped;
});

let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "pp-iso-"));
  const roster = (unit: string, prefix: string, name?: string) =>
    xlsxBuffer([
      {
        ...F.rosterSheet({ unit, households: F.CLEAN_HOUSEHOLDS.map((h, i) => ({ ...h, id: `${prefix}-${i + 1}` })) }),
        ...(name ? { name } : {}),
      },
    ]);
  writeFileSync(join(dir, "a-good.xlsx"), await roster("Xã An", "A"));
  writeFileSync(join(dir, "b-boom.xlsx"), await roster("Xã Bùm", "B", "BOOM"));
  writeFileSync(
    join(dir, "c-bad-char.xlsx"),
    transformXml(await roster("Xã Cờ", "C"), (name, xml) =>
      name === "xl/sharedStrings.xml" ? xml.replace("<t>Nguyễn Văn An</t>", "<t>Nguy&#x110000;n</t>") : xml,
    ),
  );
  writeFileSync(
    join(dir, "d-a200000000.xlsx"),
    craftXlsx({ sheets: [{ name: "S", rows: `<row r="200000000"><c r="A200000000"><v>1</v></c></row>` }] }),
  );
  writeFileSync(join(dir, "e-good.xlsx"), await roster("Xã Em", "E"));
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (l) => out.push(l), err: (l) => err.push(l), cwd: dir };
  const code = await main(args, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("validate: one file's defect is that file's finding", () => {
  test("every file is reported; the failing ones named with their reason; exit 2", async () => {
    const r = await run("validate", ".", "--year", "2024", "--format", "json");
    expect(r.code).toBe(2);
    const j = JSON.parse(r.out) as { files: { file: string; findings: { code: string; messageVi: string }[] }[] };
    expect(j.files.map((f) => f.file)).toEqual([
      "a-good.xlsx",
      "b-boom.xlsx",
      "c-bad-char.xlsx",
      "d-a200000000.xlsx",
      "e-good.xlsx",
    ]);
    const codes = (i: number) => j.files[i].findings.map((f) => f.code);
    expect(codes(1)).toEqual(["FILE_CHECK_FAILED"]);
    expect(j.files[1].findings[0].messageVi).toMatch(/^Không kiểm tra được tệp "b-boom\.xlsx": lỗi ngoài dự kiến/);
    expect(codes(2)).toContain("CELL_UNREADABLE");
    expect(codes(3)).toEqual(["FILE_UNREADABLE"]);
    for (const i of [0, 4]) expect(codes(i).filter((c) => c.startsWith("FILE_"))).toEqual([]);
    expect(r.err).not.toMatch(/Lỗi không mong đợi|Unexpected error|\n\s+at /);
  });
  test("--debug adds the stack, on stderr, named with the file", async () => {
    const r = await run("validate", "b-boom.xlsx", "--year", "2024", "--debug");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/\[debug\] b-boom\.xlsx: TypeError: Cannot read properties of undefined/);
    expect(r.err).toMatch(/\n\s+at /);
  });
});

describe("single-file commands: an unexpected error names the file, no stack without --debug", () => {
  test("report", async () => {
    const r = await run("report", "b-boom.xlsx", "--year", "2024", "--out", "r.xlsx");
    expect(r.code).toBe(2);
    expect(r.err).toContain('Lỗi không mong đợi khi xử lý tệp "b-boom.xlsx" (lệnh report)');
    expect(r.err).toContain('Unexpected error while processing file "b-boom.xlsx" (command report)');
    expect(r.err).not.toMatch(/\n\s+at /);
    const d = await run("report", "b-boom.xlsx", "--year", "2024", "--out", "r.xlsx", "--debug");
    expect(d.err).toMatch(/\n\s+at /);
  });
  test("consolidate: the defect is a finding for that file, nothing written", async () => {
    const r = await run(
      "consolidate",
      "a-good.xlsx",
      "b-boom.xlsx",
      "e-good.xlsx",
      "--year",
      "2024",
      "--out",
      "m.xlsx",
    );
    expect(r.code).toBe(2);
    expect(r.out).toContain("b-boom.xlsx");
    expect(r.out).toMatch(/FILE_CHECK_FAILED/);
    expect(r.err + r.out).not.toMatch(/Lỗi không mong đợi(?! khi)|\n\s+at /);
  });
});

/**
 * Resource limits of the reader (issue 13, item 2): tiny crafted files that inflate to gigabytes, a cell at
 * A200000000, endless rows and strings. Each is refused with a FILE_UNREADABLE naming the file and the limit,
 * checked before inflating (declared size, ratio) and while inflating (a part that lies about its size is stopped
 * at the lie); the rest of a batch is still checked. Peak memory of a whole `poverty` run over every crafted file
 * stays under 500 MB (asserted in a child process). Limits: src/xlsx/limits.ts; reasons: docs/security.md.
 */
import { spawnSync } from "child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { isPovertyError } from "../../src/core/errors";
import { DEFAULT_LIMITS, type ReadLimits } from "../../src/xlsx/limits";
import { readWorkbookBuffer, readWorkbookFile } from "../../src/xlsx/read";
import { BIN, ensureCliBuilt } from "../cli/bin";
import * as F from "../core/sheet/fixtures";
import { bombEntry, craftXlsx, SML_T } from "../support/xlsx-craft";
import { xlsxBuffer } from "./read-fixtures";

const HEAD = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${SML_T}"><sheetData>`;
const TAIL = `</sheetData></worksheet>`;
const MB = 1 << 20;
const spaces = (n: number) => " ".repeat(n);
const rowsOf = (n: number, cells: number) => `<row>${"<c><v>1</v></c>".repeat(cells)}</row>`.repeat(n);

/** The crafted files of the issue and the ones the limits exist for. */
export function craftedFiles(): Record<string, Buffer> {
  return {
    // 2.2 MB that inflates to 2.2 GB (the issue's bomb; declared honestly: refused before inflating).
    "bomb-2g.xlsx": craftXlsx({
      sheets: [{ name: "S" }],
      parts: { "xl/worksheets/sheet1.xml": bombEntry("", HEAD, spaces(MB), 2100, TAIL) },
    }),
    // 1.5 MB that inflates to 1.5 GB: under the per-part limit, refused by the compression ratio.
    "bomb-1g.xlsx": craftXlsx({
      sheets: [{ name: "S" }],
      parts: { "xl/worksheets/sheet1.xml": bombEntry("", HEAD, spaces(MB), 1500, TAIL) },
    }),
    // The same stream declaring 1 MB: stopped while inflating, at the lie.
    "bomb-liar.xlsx": craftXlsx({
      sheets: [{ name: "S" }],
      parts: { "xl/worksheets/sheet1.xml": bombEntry("", HEAD, spaces(MB), 2100, TAIL, MB) },
    }),
    // A 600 MB shared string, and one declaring a size the ratio allows: held to 8 MB per element.
    "string-600m.xlsx": craftXlsx({
      sheets: [{ name: "S", rows: `<row r="1"><c r="A1" t="s"><v>0</v></c></row>` }],
      parts: {
        "xl/sharedStrings.xml": bombEntry("", `<sst xmlns="${SML_T}"><si><t>`, "A".repeat(MB), 600, "</t></si></sst>"),
      },
      strings: [],
    }),
    "string-liar.xlsx": craftXlsx({
      sheets: [{ name: "S", rows: `<row r="1"><c r="A1" t="s"><v>0</v></c></row>` }],
      parts: {
        "xl/sharedStrings.xml": bombEntry(
          "",
          `<sst xmlns="${SML_T}"><si><t>`,
          "A".repeat(MB),
          600,
          "</t></si></sst>",
          100 * MB,
        ),
      },
      strings: [],
    }),
    // One cell at A200000000 (the issue: 63 s and 5.4 GB before).
    "a200000000.xlsx": craftXlsx({
      sheets: [{ name: "S", rows: `<row r="200000000"><c r="A200000000"><v>1</v></c></row>` }],
    }),
    "xfe1.xlsx": craftXlsx({ sheets: [{ name: "S", rows: `<row r="1"><c r="XFE1"><v>1</v></c></row>` }] }),
    // Millions of tiny cells in a small file.
    "cells-5m.xlsx": craftXlsx({
      sheets: [{ name: "S" }],
      parts: { "xl/worksheets/sheet1.xml": bombEntry("", HEAD, rowsOf(1000, 10), 500, TAIL) },
    }),
    // The last row of Excel in 40 sheets: 40 million empty rows for the grid.
    "last-rows.xlsx": craftXlsx({
      sheets: Array.from({ length: 40 }, (_, i) => ({
        name: `S${i}`,
        rows: `<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>`,
      })),
    }),
    // A row that never ends.
    "endless-row.xlsx": craftXlsx({
      sheets: [{ name: "S" }],
      parts: {
        "xl/worksheets/sheet1.xml": bombEntry(
          "",
          `${HEAD}<row r="1"><c r="A1" t="inlineStr"><is><t>`,
          "B".repeat(MB),
          60,
          "",
          16 * MB,
        ),
      },
    }),
  };
}

function errorOf(f: () => unknown): { vi: string; en: string; details: Record<string, unknown> } | undefined {
  try {
    f();
  } catch (e) {
    if (isPovertyError(e) && e.code === "FILE_UNREADABLE")
      return { vi: e.messageVi, en: e.messageEn, details: e.details };
    throw e;
  }
  return undefined;
}

describe("each crafted file is refused with the limit it hit, in Vietnamese and English", () => {
  const files = craftedFiles();
  const cases: [string, RegExp, RegExp][] = [
    [
      "bomb-2g.xlsx",
      /giải nén ra hơn 2 GB, vượt giới hạn đọc \(2 GB mỗi phần\)/,
      /unpacks to more than 2 GB, which exceeds a reading limit \(2 GB per part\)/,
    ],
    ["bomb-1g.xlsx", /nén tối đa 250 lần/, /sheet1\.xml" of the package packs more .*\(at most 250:1/],
    ["bomb-liar.xlsx", /không giải nén được phần "xl\/worksheets\/sheet1\.xml"/, /cannot unpack part/],
    ["string-600m.xlsx", /sharedStrings\.xml".*nén tối đa 250 lần/, /at most 250:1/],
    [
      "string-liar.xlsx",
      /một chuỗi dùng chung vượt giới hạn đọc \(8 MB mỗi chuỗi\)/,
      /a shared string exceeds a reading limit \(8 MB per string\)/,
    ],
    [
      "a200000000.xlsx",
      /trang "S" có hàng số 200\.000\.000.*1\.048\.576 hàng, kích thước trang của Excel/,
      /row 200,000,000.*1,048,576 rows, Excel's sheet size/,
    ],
    ["xfe1.xlsx", /ô XFE1 ở cột thứ 16\.385.*16\.384 cột \(đến XFD\)/, /cell XFE1 in column 16,385.*16,384 columns/],
    ["cells-5m.xlsx", /vượt giới hạn đọc/, /exceeds a reading limit/],
    [
      "last-rows.xlsx",
      /vượt giới hạn đọc \([\d.]+ ô cho tệp này\)/,
      /exceeds a reading limit \([\d,]+ cells for this file\)/,
    ],
    [
      "endless-row.xlsx",
      /một hàng của trang "S" vượt giới hạn đọc \(8 MB mỗi hàng\)/,
      /a row of sheet "S" exceeds a reading limit/,
    ],
  ];
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "pp-crafted-"));
    for (const [name, buf] of Object.entries(files)) writeFileSync(join(dir, name), buf);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // The CLI's path: the file read from disk, each part streamed through zlib into the reader.
  test.each(cases)("%s", async (name, vi, en) => {
    const e = await readWorkbookFile(join(dir, name)).then(
      () => undefined,
      (x: unknown) => (isPovertyError(x) ? { vi: x.messageVi, en: x.messageEn } : Promise.reject(x)),
    );
    expect(e).toBeDefined();
    expect(e!.vi).toContain(`Không đọc được tệp "${name}"`);
    expect(e!.vi).toMatch(vi);
    expect(e!.en).toMatch(en);
    expect(e!.vi).not.toMatch(/exceeds|limit|package|part /); // no English in the Vietnamese message
  });
  test("the crafted files are small", () => {
    for (const [name, buf] of Object.entries(files))
      expect({ name, small: buf.length < 3 * MB }).toEqual({ name, small: true });
  });
});

describe("every limit, with small limits (the same code paths, cheaply)", () => {
  const sheet = (rows: string) => craftXlsx({ sheets: [{ name: "S", rows }] });
  const withLimits = (buf: Buffer, limits: Partial<ReadLimits>) =>
    errorOf(() => readWorkbookBuffer(buf, "f.xlsx", { limits }));
  const row = `<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row>`;
  test("per part and per package (before inflating, from the declared sizes)", () => {
    expect(withLimits(sheet(row.repeat(50)), { entryBytes: 500 })?.en).toMatch(
      /unpacks to more than 500 byte.*per part/,
    );
    expect(withLimits(sheet(row.repeat(50)), { totalBytes: 1500 })?.en).toMatch(/the package unpacks to more than/);
  });
  test("a small part read whole (styles, workbook) has its own cap", () => {
    const big = craftXlsx({
      sheets: [{ name: "S", rows: row }],
      styles: `<styleSheet xmlns="${SML_T}">${spaces(5000)}</styleSheet>`,
    });
    expect(withLimits(big, { partBytes: 1000 })?.en).toMatch(/part "xl\/styles\.xml" has .* for this part/);
  });
  test("cells: values, blank slots and empty rows all count", () => {
    expect(withLimits(sheet(row.repeat(1)), { cellsFloor: 1, cellsPerFileByte: 0 })?.en).toMatch(
      /1 cells for this file/,
    );
    expect(
      withLimits(sheet(`<row r="5000"><c r="A5000"><v>1</v></c></row>`), { cellsFloor: 1000, cellsPerFileByte: 0 })?.en,
    ).toMatch(/1,000 cells for this file/);
    expect(
      withLimits(sheet(`<row r="1"><c r="Z1"><v>1</v></c></row>`), { cellsFloor: 10, cellsPerFileByte: 0 }),
    ).toBeDefined();
    expect(readWorkbookBuffer(sheet(row), "f.xlsx", { limits: { cellsFloor: 10 } })[0].values).toEqual([[1, 2]]);
  });
  test("text: 32,767 characters per cell (shared and inline), Excel's limit", () => {
    const long = "x".repeat(32_768);
    expect(
      errorOf(() =>
        readWorkbookBuffer(
          craftXlsx({
            sheets: [{ name: "S", rows: `<row r="1"><c r="A1" t="s"><v>0</v></c></row>` }],
            strings: [long],
          }),
        ),
      )?.vi,
    ).toMatch(/chuỗi dùng chung số 0 có 32\.768 ký tự, vượt giới hạn đọc \(32\.767 ký tự mỗi ô/);
    expect(
      errorOf(() => readWorkbookBuffer(sheet(`<row r="1"><c r="B1" t="inlineStr"><is><t>${long}</t></is></c></row>`)))
        ?.en,
    ).toMatch(/sheet "S", cell B1 has 32,768 characters/);
    const ok = "x".repeat(32_767);
    expect(
      readWorkbookBuffer(sheet(`<row r="1"><c r="A1" t="inlineStr"><is><t>${ok}</t></is></c></row>`))[0].values[0][0],
    ).toBe(ok);
  });
  test("one element (a row, a shared string) held while streaming: 8 MB", () => {
    const buf = craftXlsx({
      sheets: [{ name: "S", rows: `<row r="1"><c r="A1" t="s"><v>0</v></c></row>` }],
      strings: ["y".repeat(2_500_000)], // more than one 1 MB slice: held across slices
    });
    expect(withLimits(buf, { elementChars: 1000, stringChars: 1e9 })?.en).toMatch(
      /a shared string exceeds a reading limit/,
    );
    expect(
      withLimits(sheet(`<row r="1">${"<c><v>1</v></c>".repeat(200_000)}</row>`), { elementChars: 10_000 })?.en,
    ).toMatch(/a row of sheet "S" exceeds a reading limit/);
  });
  test("sheets per workbook, and a sheet part listed twice is read once", () => {
    const many = craftXlsx({ sheets: Array.from({ length: 12 }, (_, i) => ({ name: `S${i}`, rows: row })) });
    expect(withLimits(many, { sheets: 10 })?.en).toMatch(
      /the number of sheets exceeds a reading limit \(10 sheets per file\)/,
    );
  });
  test("file size (before reading it)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pp-limit-"));
    try {
      writeFileSync(join(dir, "f.xlsx"), sheet(row));
      await expect(readWorkbookFile(join(dir, "f.xlsx"), { limits: { fileBytes: 100 } })).rejects.toMatchObject({
        code: "FILE_UNREADABLE",
        messageEn: expect.stringMatching(/over the reading limit \(100 byte per file\)/),
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  // A device or a pipe has no size and may never end (`poverty validate /dev/zero` grew past 13 GB): never read.
  const fifoTest = process.platform === "win32" ? test.skip : test;
  fifoTest("a pipe or a device named as an input is unreadable, never read", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pp-fifo-"));
    try {
      const fifo = join(dir, "pipe.xlsx");
      spawnSync("mkfifo", [fifo]);
      for (const path of [fifo, "/dev/zero"])
        await expect(readWorkbookFile(path)).rejects.toMatchObject({
          code: "FILE_UNREADABLE",
          messageVi: expect.stringMatching(/đây không phải tệp thông thường \(thiết bị hoặc đường ống\)$/),
          messageEn: expect.stringMatching(/this is not a regular file \(a device or a pipe\)$/),
        });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  test("the defaults are what docs/security.md states", () => {
    expect(DEFAULT_LIMITS).toMatchObject({
      ratio: 250,
      stringChars: 32_767,
      rows: 1_048_576,
      columns: 16_384,
      cells: 60_000_000,
      cellsFloor: 2_000_000,
      cellsPerFileByte: 4,
      elementChars: 8 * MB,
    });
  });
  test("a real roster is far from every limit", async () => {
    const buf = await xlsxBuffer([F.rosterSheet({ unit: "Xã Mới" })]);
    expect(readWorkbookBuffer(buf, "r.xlsx")[0].values.length).toBeGreaterThan(5);
  });
});

describe("a whole run over every crafted file: bounded memory, each file named, the batch goes on", () => {
  let dir: string;
  beforeAll(async () => {
    await ensureCliBuilt();
    dir = mkdtempSync(join(tmpdir(), "pp-bombs-"));
    mkdirSync(join(dir, "in"));
    for (const [name, buf] of Object.entries(craftedFiles())) writeFileSync(join(dir, "in", name), buf);
    writeFileSync(join(dir, "in", "good.xlsx"), await xlsxBuffer([F.rosterSheet({ unit: "Xã Mới" })]));
    // Reports the child's peak RSS on exit.
    writeFileSync(
      join(dir, "rss.js"),
      `process.on("exit", () => process.stderr.write("@@RSS " + Math.round(process.resourceUsage().maxRSS / 1024) + "\\n"));`,
    );
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = (...args: string[]) => {
    const r = spawnSync(process.execPath, ["-r", join(dir, "rss.js"), BIN, ...args], {
      cwd: dir,
      encoding: "utf8",
      timeout: 120_000,
    });
    const rss = Number(/@@RSS (\d+)/.exec(r.stderr)?.[1]);
    return { code: r.status, stdout: r.stdout, stderr: r.stderr, rssMB: rss };
  };

  test("validate: every crafted file is a FILE_UNREADABLE finding with its name, good.xlsx is checked, < 500 MB", () => {
    const r = run("validate", "in", "--year", "2024", "--format", "json");
    expect(r.code).toBe(2);
    const j = JSON.parse(r.stdout) as { files: { file: string; findings: { code: string; messageEn: string }[] }[] };
    for (const name of Object.keys(craftedFiles())) {
      const f = j.files.find((x) => x.file === join("in", name))!;
      expect({ name, codes: f.findings.map((x) => x.code) }).toEqual({ name, codes: ["FILE_UNREADABLE"] });
      expect(f.findings[0].messageEn).toContain(name);
    }
    const good = j.files.find((x) => x.file === join("in", "good.xlsx"))!;
    expect(good.findings.some((x) => x.code === "FILE_UNREADABLE")).toBe(false);
    expect(r.rssMB).toBeGreaterThan(0);
    expect(r.rssMB).toBeLessThan(500);
  }, 180_000);

  test.each(["bomb-2g.xlsx", "bomb-liar.xlsx", "string-liar.xlsx", "a200000000.xlsx", "cells-5m.xlsx"])(
    "report, targets and consolidate on %s: exit 2, the file named, < 500 MB",
    (name) => {
      for (const args of [
        ["report", join("in", name), "--year", "2024", "--out", "r.xlsx"],
        ["targets", join("in", name), "--reduction", "1", "--base-year", "2024", "--out", "t.xlsx"],
        ["consolidate", join("in", name), join("in", "good.xlsx"), "--year", "2024", "--out", "c.xlsx"],
      ]) {
        const r = run(...args);
        expect({ args, code: r.code }).toEqual({ args, code: 2 });
        expect(r.stdout + r.stderr).toContain(name);
        expect(r.stdout + r.stderr).toMatch(/FILE_UNREADABLE/);
        expect(r.stderr).not.toMatch(/Lỗi không mong đợi|Unexpected error|\n\s+at /);
        expect(r.rssMB).toBeLessThan(500);
      }
    },
    180_000,
  );
});

/**
 * One reader for the CLI and the task pane: the SAME workbook bytes through the host-independent parser
 * (src/xlsx/parse.ts) with the CLI's inflater (node:zlib, src/xlsx/read.ts) and with the pane's
 * (DecompressionStream("deflate-raw"), src/xlsx/browser.ts) give identical grids — and identical
 * FILE_UNREADABLE errors (code, Vietnamese and English messages, details) for every unreadable input.
 * The DecompressionStream used is Node's own (the same WHATWG API), and once more Debian chromium's.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readFileSync } from "fs";
import { join } from "path";
import { inflateRawSync } from "zlib";
import { DecompressionStream as NodeDecompressionStream } from "stream/web";
import type { Browser } from "playwright-core";
import type { Grid } from "../../src/core/grid";
import { isPovertyError } from "../../src/core/errors";
import { parseXlsx, parseXlsxSync, type InflateRaw } from "../../src/xlsx/parse";
import { readWorkbookBuffer } from "../../src/xlsx/read";
import { readWorkbookBytes, streamInflateRaw, type DecompressionStreamCtor } from "../../src/xlsx/browser";
import { zipEntries, zipRaw } from "../../src/xlsx/zip-read";
import { browserSuite, launchChromium } from "../e2e/support/browser";
import * as F from "../core/sheet/fixtures";
import { rosterSheetRows } from "../support/roster-fixture";
import { xlsxBuffer } from "./read-fixtures";

const DS = ((globalThis as { DecompressionStream?: unknown }).DecompressionStream ??
  NodeDecompressionStream) as unknown as DecompressionStreamCtor;
const streamInflate = streamInflateRaw(DS);

/** Both hosts' results for the same bytes: grids or the FILE_UNREADABLE error's comparable parts. */
async function both(buf: Buffer, name: string, inflate: InflateRaw = streamInflate) {
  const outcome = async (f: () => Grid[] | Promise<Grid[]>) => {
    try {
      return { grids: await f() };
    } catch (e) {
      if (!isPovertyError(e)) throw e;
      return { error: { code: e.code, vi: e.messageVi, en: e.messageEn, details: e.details } };
    }
  };
  const node = await outcome(() => readWorkbookBuffer(buf, name));
  const stream = await outcome(() => parseXlsx(new Uint8Array(buf), name, inflate));
  return { node, stream };
}

async function workbookBytes(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A workbook with every kind of cell the reader handles. */
const mixed = () =>
  workbookBytes((wb) => {
    const ws = wb.addWorksheet("Xã Ẳng Đông – 2024");
    ws.getCell("A1").value = 0.0797;
    ws.getCell("A1").numFmt = "0.00%";
    ws.getCell("B1").value = 1_500_000;
    ws.getCell("B1").numFmt = "#,##0";
    ws.getCell("C1").value = { error: "#DIV/0!" } as ExcelJS.CellErrorValue;
    ws.getCell("D1").value = true;
    ws.getCell("E1").value = new Date(Date.UTC(2024, 8, 1));
    ws.getCell("F1").value = { formula: "A1*2", result: 0.1594 } as ExcelJS.CellFormulaValue;
    ws.getCell("G1").value = { formula: "B1+1" } as ExcelJS.CellFormulaValue;
    ws.getCell("H1").value = { richText: [{ text: "Hộ " }, { text: "nghèo", font: { bold: true } }] };
    ws.getCell("I1").value = '<&> "quoted" =1+1';
    ws.mergeCells("A3:C3");
    wb.addWorksheet("Ẩn", { state: "hidden" }).getCell("A1").value = "bí mật";
  });

/** A roster large enough that its sheet XML inflates to many stream chunks. */
const bigRoster = () =>
  workbookBytes((wb) => {
    const ws = wb.addWorksheet("Danh sách hộ");
    for (const r of rosterSheetRows(3000, 2025, { withCategory: true, trickyName: true })) ws.addRow(r as unknown[]);
  });

/** Overwrite bytes in the middle of an entry's deflated data (the ZIP directory stays intact). */
function corruptEntry(buf: Buffer, path: string, fill: (data: Uint8Array) => void): Buffer {
  const out = Buffer.from(buf);
  const e = zipEntries(out).get(path);
  if (!e || e.method !== 8) throw new Error(`fixture: ${path} is not a deflated entry`);
  fill(zipRaw(out, e));
  return out;
}

describe("the same bytes through zlib (CLI) and DecompressionStream (pane) give identical grids", () => {
  test.each([
    ["roster", () => xlsxBuffer([F.rosterSheet()])],
    [
      "summary + hidden roster",
      () => xlsxBuffer([F.summarySheet(), { ...F.rosterSheet(), name: "DS ẩn", hidden: true }]),
    ],
    [
      "Form 2, Form 4, targets",
      () =>
        xlsxBuffer([
          F.transitionSheet("poor", F.CLEAN_FORM2),
          F.deprivationSheet(F.CLEAN_FORM4),
          F.targetSheet(F.CLEAN_TARGETS),
        ]),
    ],
    ["numbers, formats, errors, booleans, dates, formulas, rich text, merges, hidden", mixed],
    ["3,000-household roster (multi-chunk inflate)", bigRoster],
  ])("%s", async (_n, make) => {
    const buf = await make();
    const { node, stream } = await both(buf, "C:\\phuong\\ds.xlsx");
    expect(node.error).toBeUndefined();
    expect(node.grids!.length).toBeGreaterThan(0);
    expect(node.grids![0].values.length).toBeGreaterThan(0);
    expect(stream).toEqual(node);
    expect(stream.grids!.every((g) => g.file === "ds.xlsx")).toBe(true);
  });

  test("the pane's entry point (readWorkbookBytes) reads an ArrayBuffer and a Uint8Array view alike", async () => {
    const buf = await mixed();
    const expected = readWorkbookBuffer(buf, "m.xlsx");
    const copy = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length) as ArrayBuffer;
    await expect(readWorkbookBytes(copy, "m.xlsx", DS)).resolves.toEqual(expected);
    const padded = new Uint8Array(buf.length + 10);
    padded.set(buf, 5);
    await expect(readWorkbookBytes(padded.subarray(5, 5 + buf.length), "m.xlsx", DS)).resolves.toEqual(expected);
  });

  test("the product's own stored (uncompressed) entries read alike", async () => {
    const zip = new JSZip();
    const src = await JSZip.loadAsync(await xlsxBuffer([F.rosterSheet()]));
    for (const [p, f] of Object.entries(src.files)) if (!f.dir) zip.file(p, await f.async("uint8array"));
    const stored = await zip.generateAsync({ type: "nodebuffer", compression: "STORE" });
    const { node, stream } = await both(stored, "s.xlsx");
    expect(node.grids?.[0].values.length).toBeGreaterThan(3);
    expect(stream).toEqual(node);
  });
});

describe("FILE_UNREADABLE is identical through both inflaters", () => {
  const cfb = (extra: Buffer) =>
    Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), extra]);
  const cases: [string, string, () => Promise<Buffer>, RegExp][] = [
    ["legacy .xls", "a.xls", async () => cfb(Buffer.alloc(512)), /\.xls\)/],
    ["password-protected .xlsx", "a.xlsx", async () => cfb(Buffer.from("EncryptedPackage", "utf16le")), /password/],
    ["CSV", "a.csv", async () => Buffer.from("Mã hộ;Phân loại\nH1;Hộ nghèo\n"), /CSV/],
    ["CSV named .xlsx", "a.xlsx", async () => Buffer.from("Mã hộ,Phân loại\nH1,Hộ nghèo\n"), /CSV/],
    ["HTML named .xlsx", "a.xlsx", async () => Buffer.from("<!DOCTYPE html><html></html>"), /HTML/],
    ["empty file", "a.xlsx", async () => Buffer.alloc(0), /empty/],
    ["random bytes", "a.xlsx", async () => Buffer.from([1, 2, 3, 4, 5, 250, 251]), /corrupt/],
    [
      "truncated .xlsx",
      "a.xlsx",
      async () => {
        const b = await xlsxBuffer([F.summarySheet()]);
        return b.subarray(0, Math.floor(b.length / 2));
      },
      /damaged/,
    ],
    [
      "a Word document renamed .xlsx",
      "a.xlsx",
      async () => {
        const zip = new JSZip();
        zip.file("word/document.xml", "<w:document/>");
        zip.file("_rels/.rels", "<Relationships/>");
        return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
      },
      /Word/,
    ],
    [
      "a damaged deflate stream inside an intact ZIP",
      "a.xlsx",
      async () =>
        corruptEntry(await xlsxBuffer([F.rosterSheet()]), "xl/worksheets/sheet1.xml", (d) =>
          d.fill(0xff, 2, d.length - 2),
        ),
      /damaged \(cannot unpack part "xl\/worksheets\/sheet1\.xml" of the package\)/,
    ],
    [
      "a deflate stream cut short inside an intact ZIP",
      "a.xlsx",
      async () =>
        corruptEntry(await xlsxBuffer([F.rosterSheet()]), "xl/worksheets/sheet1.xml", (d) =>
          d.fill(0, Math.floor(d.length / 2)),
        ),
      /damaged \(cannot unpack part "xl\/worksheets\/sheet1\.xml" of the package\)/,
    ],
  ];
  test.each(cases)("%s", async (_n, name, make, reason) => {
    const { node, stream } = await both(await make(), name);
    expect(node.grids).toBeUndefined();
    expect(node.error?.code).toBe("FILE_UNREADABLE");
    expect(node.error?.en).toMatch(reason);
    expect(stream).toEqual(node);
  });

  test("an inflater that rejects, returns too little or too much → the same 'damaged' error", async () => {
    const buf = await xlsxBuffer([F.rosterSheet()]);
    const { node } = await both(buf, "a.xlsx");
    expect(node.error).toBeUndefined();
    const sync = (inflate: (d: Uint8Array) => Uint8Array) => {
      try {
        parseXlsxSync(buf, "a.xlsx", (d, sink) => sink(inflate(d)));
      } catch (e) {
        return isPovertyError(e) ? e.messageEn : String(e);
      }
      return "read";
    };
    const asyncRead = (inflate: (d: Uint8Array) => Promise<Uint8Array>) =>
      parseXlsx(buf, "a.xlsx", async (d, sink) => sink(await inflate(d))).then(
        () => "read",
        (e) => (isPovertyError(e) ? e.messageEn : String(e)),
      );
    const zlib = (d: Uint8Array) => new Uint8Array(inflateRawSync(d));
    const expected =
      'Cannot read file "a.xlsx": the .xlsx file is damaged (cannot unpack part "_rels/.rels" of the package)';
    expect(
      sync(() => {
        throw new Error("zlib: invalid block type");
      }),
    ).toBe(expected);
    expect(sync((d) => zlib(d).subarray(1))).toBe(expected);
    await expect(
      asyncRead(async () => Promise.reject(new TypeError("Junk found after end of compressed data"))),
    ).resolves.toBe(expected);
    await expect(asyncRead(async (d) => Uint8Array.from([...zlib(d), 32]))).resolves.toBe(expected);
  });

  test("without DecompressionStream the pane says why instead of failing obscurely", async () => {
    const buf = await xlsxBuffer([F.rosterSheet()]);
    await expect(readWorkbookBytes(buf, "a.xlsx", null)).rejects.toMatchObject({
      code: "FILE_UNREADABLE",
      messageEn: expect.stringContaining("DecompressionStream"),
    });
    // Non-ZIP input is still diagnosed the same way (no inflating needed).
    const csv = Buffer.from("a;b\n1;2\n");
    const expected = await both(csv, "x.csv");
    await expect(readWorkbookBytes(csv, "x.csv", null)).rejects.toMatchObject({ messageEn: expected.node.error!.en });
  });
});

describe("the browser reader imports nothing from Node", () => {
  const SRC = join(__dirname, "../../src/xlsx");
  test.each(["browser.ts", "parse.ts", "zip-read.ts"])("%s", (f) => {
    const text = readFileSync(join(SRC, f), "utf8");
    const specifiers = [...text.matchAll(/\bfrom\s+"([^"]+)"|\bimport\s*\(\s*"([^"]+)"/g)].map((m) => m[1] ?? m[2]);
    for (const i of specifiers) expect(i).toMatch(/^\.\.?\//);
    expect(text).not.toMatch(/\bBuffer\b|\brequire\(|\bprocess\./);
  });
});

browserSuite("xlsx reader in chromium")("the parser with chromium's DecompressionStream", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  test("same grids and same FILE_UNREADABLE as the CLI, inflating in the browser", async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    try {
      // Each deflated entry goes to chromium, is inflated there with DecompressionStream("deflate-raw") and comes back.
      const chromiumInflate: InflateRaw = async (data, sink) => {
        const b64 = await page.evaluate(async (input: string) => {
          const bytes = Uint8Array.from(atob(input), (c) => c.charCodeAt(0));
          const out = await new Response(
            new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw")),
          ).arrayBuffer();
          const u8 = new Uint8Array(out);
          let s = "";
          for (let i = 0; i < u8.length; i += 0x8000) s += String.fromCharCode(...u8.subarray(i, i + 0x8000));
          return btoa(s);
        }, Buffer.from(data).toString("base64"));
        sink(new Uint8Array(Buffer.from(b64, "base64")));
      };
      for (const buf of [await mixed(), await bigRoster()]) {
        const { node, stream } = await both(buf, "c.xlsx", chromiumInflate);
        expect(node.grids?.length).toBeGreaterThan(0);
        expect(stream).toEqual(node);
      }
      const bad = corruptEntry(await xlsxBuffer([F.rosterSheet()]), "xl/worksheets/sheet1.xml", (d) =>
        d.fill(0xff, 2, d.length - 2),
      );
      const { node, stream } = await both(bad, "bad.xlsx", chromiumInflate);
      expect(node.error?.code).toBe("FILE_UNREADABLE");
      expect(stream).toEqual(node);
      expect(requests).toEqual([]);
    } finally {
      await page.close();
    }
  }, 120_000);
});

import { FakeWorkbook } from "../support/fake-excel";
import { fakeHost } from "../support/fake-host";
import { rosterRows } from "./fixtures";
import {
  readSheetGrid,
  rowsPerBlock,
  listSheets,
  activeSheetName,
  DEFAULT_CHUNK,
  toCellValue,
} from "../../src/excel/read";
import { ExcelGatewayError } from "../../src/excel/errors";

describe("rowsPerBlock", () => {
  it("sizes blocks from the byte budget, the cell cap and the row cap", () => {
    const p = { budgetBytes: 1000, bytesPerCell: 10, maxRows: 50, maxCells: 10_000 };
    expect(rowsPerBlock(10, 10, p)).toBe(10); // 1000 / (10×10)
    expect(rowsPerBlock(1, 1, p)).toBe(50); // row cap
    expect(rowsPerBlock(10_000, 10, { ...p, budgetBytes: 1e9 })).toBe(1); // cell cap
    expect(rowsPerBlock(100, 1000, p)).toBe(1); // never 0
  });
  it("keeps the default policy well under Excel's 5 MB and 5M-cell limits", () => {
    for (const cols of [1, 12, 40, 200]) {
      const n = rowsPerBlock(cols, DEFAULT_CHUNK.bytesPerCell, DEFAULT_CHUNK);
      expect(n * cols * DEFAULT_CHUNK.bytesPerCell).toBeLessThanOrEqual((5 * 1024 * 1024) / 2);
      expect(n * cols).toBeLessThanOrEqual(5_000_000);
    }
  });
});

describe("toCellValue", () => {
  it("tells blanks, errors and text apart using valueTypes", () => {
    expect(toCellValue("", "Empty")).toBeNull();
    expect(toCellValue("#N/A", "Error")).toEqual({ error: "#N/A" });
    expect(toCellValue("#N/A", "String")).toBe("#N/A");
    expect(toCellValue(0, "Double")).toBe(0);
    expect(toCellValue(true, "Boolean")).toBe(true);
  });
});

describe("readSheetGrid", () => {
  it("reads the used range with its origin, blanks as null, errors as error values and number formats", async () => {
    const wb = new FakeWorkbook({
      sheets: [
        {
          name: "Xã A",
          origin: "B3",
          rows: [
            ["Mã", "Tỷ lệ"],
            ["H1", 0.0797],
            [null, { error: "#DIV/0!" }],
            ["#N/A", ""],
          ],
          numberFormats: [
            [null, null],
            [null, "0.00%"],
          ],
        },
      ],
    });
    const g = await readSheetGrid("Xã A", { host: fakeHost(wb) });
    expect(g.origin).toBe("B3");
    expect(g.sheetName).toBe("Xã A");
    expect(g.values).toEqual([
      ["Mã", "Tỷ lệ"],
      ["H1", 0.0797],
      [null, { error: "#DIV/0!" }],
      ["#N/A", null],
    ]);
    expect(g.numberFormats![1][1]).toBe("0.00%");
    expect(g.numberFormats![0][0]).toBeNull();
  });

  it("returns an empty grid for a blank sheet", async () => {
    const wb = new FakeWorkbook({ sheets: [{ name: "Trống", rows: [] }] });
    const g = await readSheetGrid("Trống", { host: fakeHost(wb) });
    expect(g.values).toEqual([]);
  });

  it("reports a missing sheet as SHEET_NOT_FOUND in both languages", async () => {
    const wb = new FakeWorkbook({ sheets: [{ name: "A", rows: [[1]] }] });
    const err = await readSheetGrid("Không có", { host: fakeHost(wb) }).catch((e) => e);
    expect(err).toBeInstanceOf(ExcelGatewayError);
    expect(err.code).toBe("SHEET_NOT_FOUND");
    expect(err.messageVi).toContain("Không có");
    expect(err.messageEn).toContain("not found");
  });

  it("reads big sheets in blocks: one sync per block, each response under the budget", async () => {
    const rows = rosterRows(12_000, 12);
    const wb = new FakeWorkbook({ sheets: [{ name: "DS", rows }] });
    const budget = 150_000;
    const progress: number[] = [];
    const g = await readSheetGrid("DS", {
      host: fakeHost(wb),
      chunk: { budgetBytes: budget },
      onProgress: (p) => progress.push(p.rowsRead),
    });
    expect(g.values.length).toBe(12_001);
    expect(g.values[12_000][0]).toBe("H12000");
    const reads = wb.stats.slice(1); // first sync: the extent only
    expect(wb.stats[0].cellsRead).toBe(0);
    expect(reads.length).toBeGreaterThan(5);
    for (const s of reads) {
      expect(s.responseBytes).toBeLessThan(budget * 1.5);
      expect(s.responseBytes).toBeLessThan(5 * 1024 * 1024);
      expect(s.cellsRead).toBeLessThanOrEqual(DEFAULT_CHUNK.maxCells * 3);
    }
    expect(reads.reduce((n, s) => n + s.cellsRead, 0)).toBe(12_001 * 12 * 3); // values + types + formats, no re-reads
    expect(progress[progress.length - 1]).toBe(12_001);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });

  it("halves the block and retries when Excel rejects the payload size", async () => {
    const wb = new FakeWorkbook({ sheets: [{ name: "DS", rows: rosterRows(4_000, 8) }] });
    wb.limits.payloadBytes = 150_000; // a stricter host than the policy assumes
    const g = await readSheetGrid("DS", { host: fakeHost(wb), chunk: { budgetBytes: 2_000_000 } });
    expect(g.values.length).toBe(4_001);
    expect(g.values[4_000][1]).toBe("Nguyễn Văn 4000");
    const rejected = wb.stats.filter((s) => s.responseBytes > wb.limits.payloadBytes);
    expect(rejected.length).toBeGreaterThan(0); // it did hit the limit …
    expect(wb.stats[wb.stats.length - 1].responseBytes).toBeLessThanOrEqual(150_000); // … and recovered
  });

  it("fails with PAYLOAD_TOO_LARGE when a single row cannot fit", async () => {
    const wide = [Array.from({ length: 50 }, (_, i) => "x".repeat(200) + i)];
    const wb = new FakeWorkbook({ sheets: [{ name: "W", rows: wide }] });
    wb.limits.payloadBytes = 5_000;
    const err = await readSheetGrid("W", { host: fakeHost(wb) }).catch((e) => e);
    expect(err.code).toBe("PAYLOAD_TOO_LARGE");
    expect(err.officeCode).toBe("ResponsePayloadSizeLimitExceeded");
  });

  it("treats values:null (Excel past its cell limit) as an error, never as an empty sheet", async () => {
    const wb = new FakeWorkbook({ sheets: [{ name: "DS", rows: rosterRows(100, 4) }] });
    wb.limits.readCells = 10;
    const err = await readSheetGrid("DS", { host: fakeHost(wb) }).catch((e) => e);
    expect(err.code).toBe("TOO_LARGE");
  });

  it("can be cancelled between blocks", async () => {
    const wb = new FakeWorkbook({ sheets: [{ name: "DS", rows: rosterRows(5_000, 8) }] });
    const ac = new AbortController();
    const err = await readSheetGrid("DS", {
      host: fakeHost(wb),
      chunk: { budgetBytes: 50_000 },
      signal: ac.signal,
      onProgress: (p) => {
        if (p.rowsRead > 0) ac.abort();
      },
    }).catch((e) => e);
    expect(err.code).toBe("CANCELLED");
    expect(wb.stats.length).toBe(2); // extent + one block, then stopped
  });

  it("reads only the first rows when maxRows is given (header detection previews)", async () => {
    const wb = new FakeWorkbook({ sheets: [{ name: "DS", rows: rosterRows(1_000, 8) }] });
    const g = await readSheetGrid("DS", { host: fakeHost(wb), maxRows: 30 });
    expect(g.values.length).toBe(30);
    expect(wb.stats[1].cellsRead).toBe(30 * 8 * 3);
  });

  it("never writes anything while reading", async () => {
    const wb = new FakeWorkbook({ sheets: [{ name: "DS", rows: rosterRows(200, 8) }] });
    const before = JSON.stringify(wb.sheet("DS").snapshot());
    await readSheetGrid("DS", { host: fakeHost(wb) });
    expect(JSON.stringify(wb.sheet("DS").snapshot())).toBe(before);
    expect(wb.log.filter((o) => o.kind !== "load")).toEqual([]);
  });
});

describe("listSheets / activeSheetName", () => {
  it("lists sheets with visibility and the generated marker", async () => {
    const wb = new FakeWorkbook({
      sheets: [
        { name: "A", rows: [[1]] },
        { name: "KQ - B", rows: [[1]] },
        { name: "Ẩn", rows: [[1]], visibility: "Hidden" },
      ],
    });
    wb.sheet("KQ - B").names["PovertyPlanner_Generated"] = { reference: "=A1" };
    const list = await listSheets(fakeHost(wb));
    expect(list).toEqual([
      { name: "A", visible: true, generated: false, position: 0 },
      { name: "KQ - B", visible: true, generated: true, position: 1 },
      { name: "Ẩn", visible: false, generated: false, position: 2 },
    ]);
    expect(await activeSheetName(fakeHost(wb))).toBe("A");
  });
});

describe("the fake is strict", () => {
  it("throws when a property is read before load + sync", async () => {
    const wb = new FakeWorkbook({ sheets: [{ name: "A", rows: [[1]] }] });
    await expect(
      wb.run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem("A").getRange("A1");
        r.load("values");
        return r.values; // no sync
      }),
    ).rejects.toThrow(/PropertyNotLoaded/);
  });
  it("rejects unknown format members (API casing typos)", async () => {
    const wb = new FakeWorkbook({ sheets: [{ name: "A", rows: [[1]] }] });
    await expect(
      wb.run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem("A").getRange("A1") as unknown as {
          format: Record<string, () => void>;
        };
        r.format.autoFitColumns();
      }),
    ).rejects.toThrow(/no member "autoFitColumns"/);
  });
});

/**
 * Defects the fuzz suite found, each kept as a regression test naming the input that found it (the fuzz case as
 * fast-check printed it, replayed on the same seed file) and a minimal hand-made file showing the same thing.
 */
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { main } from "../../src/cli/main";
import { targetUnits } from "../../src/core";
import { readWorkbookBuffer } from "../../src/xlsx/read";
import * as F from "../core/sheet/fixtures";
import { craftXlsx } from "../support/xlsx-craft";
import { xlsxBuffer } from "../xlsx/read-fixtures";
import { applyCase, type FuzzCase } from "./mutate";
import { seeds } from "./seeds";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "pp-fuzz-found-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...args: string[]) {
  const lines: string[] = [];
  const code = await main(args, { out: (l) => lines.push(l), err: (l) => lines.push(l), cwd: dir });
  return { code, text: lines.join("\n") };
}

describe("targets over a unit with 0 households: a located finding, not a bare ZERO_TOTAL", () => {
  // Found by `npm run fuzz` (seed 204033962): the template's summary sheet with its shared strings shifted
  // (`dupRow` on the first <si>) and its first tag deleted, read as one unit "Số hộ cận nghèo" with 0 households.
  // Before: "Lỗi [ZERO_TOTAL]: Tổng số bằng 0: không tính được tỷ lệ (số đếm 0)." — no file, sheet, cell or unit.
  const found: FuzzCase = {
    seed: 5,
    mutations: [
      { op: "xml", role: "sst", pick: 0, edit: { op: "dupRow", nth: 0, times: 4 } },
      { op: "xml", role: "sheet", pick: 0, edit: { op: "deleteTag", nth: 0 } },
    ],
  };
  test("the fuzz case", async () => {
    const s = await seeds();
    writeFileSync(join(dir, "found.xlsx"), applyCase(s[found.seed].bytes, found.mutations));
    const r = await run("targets", "found.xlsx", "--reduction", "1,5", "--base-year", "2025", "--out", "t.xlsx");
    expect(r.code).toBe(1);
    expect(r.text).toMatch(/\[TARGET_UNIT_NO_HOUSEHOLDS\] found\.xlsx › Biểu 1 - Nhập!\w+\d+/);
    expect(r.text).toContain('đơn vị "Số hộ cận nghèo" có tổng số hộ bằng 0');
    expect(r.text).not.toMatch(/ZERO_TOTAL/);
  });
  test("a planner's table with a newly formed unit written as 0 households", async () => {
    const units = [
      ...F.CLEAN_UNITS,
      { unit: "Xã Mới lập", households: 0, poor: 0, poorRate: 0, nearPoor: 0, nearPoorRate: 0 },
    ];
    writeFileSync(join(dir, "units.xlsx"), await xlsxBuffer([F.summarySheet({ units })]));
    const r = await run("targets", "units.xlsx", "--reduction", "1,5", "--base-year", "2024", "--out", "t.xlsx");
    expect(r.code).toBe(1);
    expect(r.text).toContain("[TARGET_UNIT_NO_HOUSEHOLDS] units.xlsx › Biểu 1!C9");
    expect(r.text).toContain('Ô C9: đơn vị "Xã Mới lập" có tổng số hộ bằng 0');
    expect(r.text).toContain('Cell C9: unit "Xã Mới lập" has 0 households');
    expect(r.text).not.toMatch(/ZERO_TOTAL|Đơn vị 04/);
  });
  test("decided in the core (the pane's Targets workflow refuses it the same way)", () => {
    const units = [{ unit: "Xã Mới lập", households: 0, poor: 0, poorRate: 0, nearPoor: 0, nearPoorRate: 0 }];
    const t = targetUnits(F.toGrid(F.summarySheet({ units, total: { poorRate: 0, nearPoorRate: 0 } })), {
      file: "u.xlsx",
    });
    expect(t.blocking).toEqual([
      expect.objectContaining({ code: "TARGET_UNIT_NO_HOUSEHOLDS", severity: "error", cell: "C6", file: "u.xlsx" }),
    ]);
  });
});

describe("a shared-string index that is not one says so (not 'shared string NaN … 0 to 0')", () => {
  // Found by `npm run fuzz` (seed 1003774775): the product's roster with its first <v> set to "NaN".
  // Before: "refers to shared string NaN but the file has only 96 (0 to 95)".
  const found: FuzzCase = {
    seed: 0,
    mutations: [{ op: "xml", role: "sheet", pick: 0, edit: { op: "value", nth: 0, value: "NaN" } }],
  };
  test("the fuzz case", async () => {
    const s = await seeds();
    const g = readWorkbookBuffer(applyCase(s[found.seed].bytes, found.mutations), "found.xlsx")[0];
    expect(g.readIssues![0].reason).toEqual({
      vi: 'ghi chỉ mục chuỗi dùng chung "NaN", không phải số thứ tự (số nguyên từ 0); coi là ô trống',
      en: 'gives the shared-string index "NaN", which is not a whole number from 0; treated as blank',
    });
  });
  test("negative, fractional, and a file without shared strings", () => {
    const g = readWorkbookBuffer(
      craftXlsx({
        sheets: [
          {
            name: "S",
            rows: `<row r="1"><c r="A1" t="s"><v>-1</v></c><c r="B1" t="s"><v>1.5</v></c><c r="C1" t="s"><v>0</v></c></row>`,
          },
        ],
      }),
      "s.xlsx",
    )[0];
    expect(g.readIssues!.map((i) => i.reason.en)).toEqual([
      'gives the shared-string index "-1", which is not a whole number from 0; treated as blank',
      'gives the shared-string index "1.5", which is not a whole number from 0; treated as blank',
      "refers to shared string 0 but the file has no shared strings; treated as blank",
    ]);
  });
});

/**
 * The corpus of real published layouts (test/corpus/layouts.ts): each is written to an .xlsx file with ExcelJS,
 * read back by the product's reader and checked by `validateWorkbooks`. For every sheet:
 *   - it is recognised as the kind the document is (never SHEET_UNRECOGNISED);
 *   - every row the independent audit (test/corpus/audit.ts, plain arithmetic on the typed numbers) finds
 *     inconsistent is flagged (error or warning) on that row;
 *   - no row the audit finds consistent gets an error or a warning;
 *   - the audit's verdict itself is pinned below, so the list of published mistakes is reviewable here.
 */
import { readWorkbookBuffer } from "../../src/xlsx/read";
import { bodyTop, xlsx } from "./build";
import { readSheet } from "../../src/core/sheet/read";
import { validateWorkbooks, type Finding } from "../../src/core/validate";
import { LAYOUTS } from "./layouts";

/**
 * The audit's verdict on the published numbers, by layout and sheet: the labels of the rows that cannot all be
 * true. Reviewable: each entry is a mistake in a public document (see layouts.ts for the sources).
 */
const PUBLISHED_MISTAKES: Record<string, Record<string, string[]>> = {
  "dak-nong-2023-plan": {
    // Krông Nô: 4,32 − 3,41 = 0,91 ≠ 1 and 180 households ≠ 1 % of ≈ 19.700; Đắk Glong, Tuy Đức, Gia Nghĩa and
    // the province: the end rate is over a different total than the start rate (and Tuy Đức 1.650 ≠ 11,3 % of
    // ≈ 15.023; Đắk Glong 2.110 ≠ 12,0 % of ≈ 17.700).
    "KH 147": ["Huyện Krông Nô", "Huyện Đắk Glong", "Huyện Tuy Đức", "Thành phố Gia Nghĩa", "Toàn tỉnh"],
  },
  "binh-dinh-2022-baseline": { "Đầu kỳ 2022": [] },
  "national-2022-regions": {
    "Vùng 2022": ["Cả nước", "Đồng bằng sông Hồng", "Tây Nguyên"],
  },
  "national-2023-regions": { "Vùng 2023": ["Cả nước"] },
  "national-2023-2024-regions": { "So sánh 2023-2024": ["Cả nước"] },
  "ninh-thuan-2011-districts": { "QĐ 948": ["Huyện Ninh Phước", "Toàn tỉnh"] },
  "ninh-thuan-2019": { "QĐ 1884": [] },
  "ninh-thuan-2022-movement": { "Hộ nghèo": [], "Hộ cận nghèo": [] },
  "dong-ha-2016-2021": { "Đông Hà 2016-2021": [] },
  "quang-ngai-yearbook-2016": { "262": [] },
  // The 2010 and 2012 rates do not match their counts; 10,98 households escaped in 2013.
  "bac-giang-2010-2018-year-wide": { "Giảm nghèo": ["Số hộ thoát nghèo", "Tỷ lệ hộ nghèo"] },
};

test("the corpus has at least 8 real layouts, each with its source", () => {
  expect(LAYOUTS.length).toBeGreaterThanOrEqual(8);
  for (const l of LAYOUTS) expect(l.source.length).toBeGreaterThan(20);
  expect(Object.keys(PUBLISHED_MISTAKES).sort()).toEqual(LAYOUTS.map((l) => l.id).sort());
});

describe.each(LAYOUTS.map((l) => [l.id, l] as const))("%s", (_, layout) => {
  let findings: Finding[];
  let grids: ReturnType<typeof readWorkbookBuffer>;
  beforeAll(async () => {
    grids = readWorkbookBuffer(await xlsx(layout), `${layout.id}.xlsx`);
    findings = validateWorkbooks([{ file: `${layout.id}.xlsx`, grids }], {}).files[0].findings;
  });
  const audits = layout.audit(layout.sheets);

  for (const sheet of layout.sheets) {
    const audit = audits[sheet.name];
    const labelCol = sheet.keys.indexOf("label");

    test(`${sheet.name}: the audit's inconsistent rows are the published mistakes listed here`, () => {
      const labels = [...audit.rows.keys()].sort((a, b) => a - b).map((i) => String(sheet.rows[i][labelCol]));
      expect(labels).toEqual(PUBLISHED_MISTAKES[layout.id][sheet.name]);
    });

    test(`${sheet.name}: recognised as ${sheet.kind}${sheet.planned ? " (a plan)" : ""}`, () => {
      const grid = grids.find((g) => g.sheetName === sheet.name)!;
      const read = readSheet(grid);
      expect(read.kind).toBe(sheet.kind);
      if (sheet.planned !== undefined) expect(read.detection.planned === true).toBe(sheet.planned);
      const own = findings.filter((f) => f.sheet === sheet.name);
      expect(own.map((f) => f.code)).not.toContain("SHEET_UNRECOGNISED");
      expect(own.filter((f) => f.severity === "error" && f.row < bodyTop(sheet))).toEqual([]);
      if (sheet.yearWide) {
        expect(read.transposition).toBeDefined();
        expect(read.table!.length).toBe(sheet.header[0].filter((h) => typeof h === "number").length);
      } else expect(read.table!.length).toBe(sheet.rows.length);
    });

    test(`${sheet.name}: every inconsistent row is flagged on its row; consistent rows get no error or warning`, () => {
      const top = bodyTop(sheet);
      const flagged = new Map<number, string[]>();
      for (const f of findings) {
        if (f.sheet !== sheet.name || f.severity === "info" || f.row < top) continue;
        const i = f.row - top;
        (flagged.get(i) ?? flagged.set(i, []).get(i)!).push(`${f.code}@${f.cell}`);
      }
      const missed = [...audit.rows.keys()].filter((i) => !flagged.has(i)).map((i) => audit.rows.get(i));
      expect(missed).toEqual([]);
      const extra = [...flagged.entries()]
        .filter(([i]) => !audit.rows.has(i))
        .map(([i, codes]) => `${String(sheet.rows[i]?.[labelCol])} (row ${top + i}): ${codes.join(", ")}`);
      expect(extra).toEqual([]);
    });
  }
});

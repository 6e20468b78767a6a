/**
 * The fuzz suite's base inputs: real .xlsx packages made at test time (nothing binary is committed) by the
 * product's own writers (a roster, a target table, a sponsorship register, the blank templates), by ExcelJS (a
 * roster and a summary form written the way other tools write them, with shared strings) and by the crafted-file
 * writer (inline strings, every cell type). Small on purpose: every fuzz case reads one of them several times.
 *
 * Deterministic: the workbooks' dates are fixed and the zip headers' modification times zeroed (ExcelJS and its zip
 * writer stamp the time into the package), so a byte offset means the same byte on every run and a fixed fast-check
 * seed replays exactly.
 */
import type ExcelJS from "exceljs";
import { generateSampleRosters, standardForYear } from "../../src/core";
import { buildQuotaTable, buildRegisterTable, generateSampleRegister } from "../../src/core/sponsors";
import {
  buildRosterTable,
  buildRosterTemplate,
  buildSummaryTemplate,
  buildTargetTables,
  classifyRoster,
} from "../../src/core/tables";
import type { ResultTable } from "../../src/core/tables";
import { tablesToWorkbook } from "../../src/xlsx/write";
import { zipEntries } from "../../src/xlsx/zip-read";
import * as F from "../core/sheet/fixtures";
import { craftXlsx } from "../support/xlsx-craft";
import { workbookOf } from "../xlsx/read-fixtures";

/** What a seed is, so a case runs the commands that read that kind of file. */
export type SeedKind = "roster" | "units" | "register" | "template" | "crafted";

export interface Seed {
  name: string;
  kind: SeedKind;
  bytes: Buffer;
}

export const FUZZ_YEAR = 2025;

/** Households of the start roster (and of the register built on it): a slice of the demo's sample. */
function sample() {
  const all = generateSampleRosters({ seed: 13 });
  const households = all.current.slice(0, 24);
  const standard = standardForYear(FUZZ_YEAR);
  return { households, standard, categories: classifyRoster(households, standard) };
}

const FIXED = new Date(Date.UTC(2026, 0, 15, 8));

/** The package with the modification time and date of every zip header set to 0 (DOS "no date"). */
function timeless(buf: Buffer): Buffer {
  const out = Buffer.from(buf);
  for (const e of zipEntries(out).values()) out.writeUInt32LE(0, e.localOffset + 10);
  // The central directory, record by record (from the end-of-directory record: count at +10, offset at +16).
  const end = out.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  for (let i = 0, p = out.readUInt32LE(end + 16); i < out.readUInt16LE(end + 10); i++) {
    out.writeUInt32LE(0, p + 12);
    p += 46 + out.readUInt16LE(p + 28) + out.readUInt16LE(p + 30) + out.readUInt16LE(p + 32);
  }
  return out;
}

async function written(wb: ExcelJS.Workbook): Promise<Buffer> {
  wb.created = FIXED;
  wb.modified = FIXED;
  return timeless(Buffer.from(await wb.xlsx.writeBuffer()));
}

const writeTablesToBuffer = async (tables: ResultTable[]) => written(await tablesToWorkbook(tables));
const xlsxBuffer = (specs: F.SheetSpec[]) => written(workbookOf(specs));

/** Write the seeds (each call writes them anew; `seeds()` keeps one set per test file). */
export async function buildSeeds(): Promise<Seed[]> {
  const { households, standard, categories } = sample();
  const register = generateSampleRegister({ households, categories, year: FUZZ_YEAR, seed: 13, plant: true });
  const units = [
    { code: "01", name: "Xã An", poor: 120, households: 2400 },
    { code: "02", name: "Phường Bình", poor: 35, households: 3100 },
    { code: "03", name: "Xã Cao", poor: 410, households: 1900 },
  ];
  return [
    {
      name: "roster-product.xlsx",
      kind: "roster",
      bytes: await writeTablesToBuffer([
        buildRosterTable(households, standard, { categories, reviewYear: FUZZ_YEAR, lang: "vi" }),
      ]),
    },
    { name: "roster-exceljs.xlsx", kind: "roster", bytes: await xlsxBuffer([F.rosterSheet({ unit: "Xã Mới" })]) },
    { name: "units-exceljs.xlsx", kind: "units", bytes: await xlsxBuffer([F.summarySheet()]) },
    {
      name: "targets-product.xlsx",
      kind: "units",
      bytes: await writeTablesToBuffer(
        buildTargetTables({ units, reduction: 0.015, method: "proportional", baseYear: FUZZ_YEAR, years: 2 }),
      ),
    },
    {
      name: "register-product.xlsx",
      kind: "register",
      bytes: await writeTablesToBuffer([buildRegisterTable(register.records), buildQuotaTable(register.quotas)]),
    },
    {
      name: "template-product.xlsx",
      kind: "template",
      bytes: await writeTablesToBuffer([
        buildRosterTemplate(standard, { rows: 4 }),
        buildSummaryTemplate(standard, { rows: 4 }),
      ]),
    },
    {
      name: "crafted-cells.xlsx",
      kind: "crafted",
      bytes: craftXlsx({
        sheets: [
          {
            name: "Danh sách",
            rows:
              `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>` +
              `<row r="2"><c r="A2" t="inlineStr"><is><t>HN-01</t></is></c><c r="B2"><v>1450000</v></c><c r="C2"><v>4</v></c></row>` +
              `<row r="3"><c r="A3" t="str"><v>HN-02</v></c><c r="B3" t="e"><v>#N/A</v></c><c r="C3" t="b"><v>1</v></c></row>` +
              `<row r="5"><c r="A5" t="d"><v>2025-06-30T00:00:00</v></c><c r="B5"><f>B2*2</f><v>2900000</v></c></row>`,
          },
          { name: "Ẩn", state: "hidden", rows: `<row r="1"><c r="A1" t="s"><v>3</v></c></row>` },
        ],
        strings: ["Mã hộ", "Thu nhập bình quân", "Số nhân khẩu", "Ghi chú &amp; &lt;ẩn&gt;"],
      }),
    },
  ];
}

let cached: Promise<Seed[]> | undefined;

/** The seeds, written once per test file. */
export function seeds(): Promise<Seed[]> {
  cached ??= buildSeeds();
  return cached;
}

/**
 * The clean inputs the pipeline needs beside the fuzzed file: a start roster and a register for `sponsors`, and
 * another roster (the same households under other ids, so the same columns) for `consolidate`, so a fuzzed roster
 * can still be merged.
 */
export async function companions(): Promise<{ roster: Buffer; register: Buffer; otherRoster: Buffer }> {
  const all = await seeds();
  const { households, standard, categories } = sample();
  const others = households.map((h) => ({ ...h, id: `K-${h.id}` }));
  return {
    roster: all.find((s) => s.name === "roster-product.xlsx")!.bytes,
    register: all.find((s) => s.name === "register-product.xlsx")!.bytes,
    otherRoster: await writeTablesToBuffer([
      buildRosterTable(others, standard, { categories, reviewYear: FUZZ_YEAR, lang: "vi" }),
    ]),
  };
}

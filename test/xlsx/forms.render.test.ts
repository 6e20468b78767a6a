/**
 * Printed forms, rendered the way a planner prints them: every generated form is written to .xlsx, LibreOffice
 * prints it to PDF (A4 landscape, the print setup the writer stored), `pdftotext` reads each page back and
 * `pdftoppm` renders page 1 to PNG (kept in artifacts/forms/ for people to look at).
 *
 * A form on one page shows the issuing body, the national motto, the form number, the title, the unit of measure,
 * the table (header, first and last rows), every note and both signature blocks on that page. A form longer than
 * a page repeats its header rows on every page and ends with the signatures.
 */
import { execFileSync } from "child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";
import { pick, type FrameOptions } from "../../src/core";
import { tableLayout, type ResultTable } from "../../src/core/tables/model";
import { placeAndDate, planSheet } from "../../src/core/tables/plan";
import { writeTablesToFile } from "../../src/xlsx/write";
import { libreOfficeAvailable, SOFFICE } from "../support/recalc";
import { allProductTables } from "../support/product-tables";

jest.setTimeout(300_000);

const POPPLER = ["/usr/bin/pdftotext", "/usr/bin/pdftoppm", "/usr/bin/pdfinfo"].every((p) => existsSync(p));
const lo = libreOfficeAvailable("test/xlsx/forms.render.test.ts") && POPPLER;
if (!POPPLER && process.env.CI) throw new Error("forms.render.test.ts: poppler-utils (pdftotext) is required on CI");

const FRAME: FrameOptions = { parent: "UBND tỉnh Quảng Trị", issuer: "UBND xã Bình Điền", place: "Bình Điền" };
const ARTIFACTS = resolve(__dirname, "../../artifacts/forms");

/** Text for comparison: no whitespace (pdftotext splits words around Vietnamese marks), NFC. */
const squash = (s: string) => s.normalize("NFC").replace(/\s+/g, "");

function pagesOf(pdf: string): string[] {
  const n = Number(/Pages:\s+(\d+)/.exec(execFileSync("/usr/bin/pdfinfo", [pdf]).toString())![1]);
  return Array.from({ length: n }, (_, i) =>
    execFileSync("/usr/bin/pdftotext", ["-f", String(i + 1), "-l", String(i + 1), pdf, "-"]).toString(),
  );
}

(lo ? describe : describe.skip)("printed forms (LibreOffice → PDF → text and PNG)", () => {
  const tables = allProductTables("vi", FRAME).filter((t) => t.frame);
  const dir = mkdtempSync(join(tmpdir(), "forms-render-"));
  const pages: Record<string, string[]> = {};

  beforeAll(async () => {
    const files: string[] = [];
    for (const t of tables) files.push(await writeTablesToFile([t], join(dir, `${t.id}.xlsx`), { lang: "vi" }));
    const profile = join(dir, "profile");
    execFileSync(
      SOFFICE!,
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        dir,
        ...files,
      ],
      { stdio: "pipe", timeout: 60_000 + 20_000 * files.length },
    );
    mkdirSync(ARTIFACTS, { recursive: true });
    for (const t of tables) {
      const pdf = join(dir, `${t.id}.pdf`);
      pages[t.id] = pagesOf(pdf);
      execFileSync("/usr/bin/pdftoppm", [
        "-png",
        "-r",
        "80",
        "-f",
        "1",
        "-l",
        "1",
        "-singlefile",
        pdf,
        join(ARTIFACTS, t.id),
      ]);
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** What must be printed: frame head, title, unit, table, notes, signatures. */
  function expected(t: ResultTable): { head: string[]; table: string[]; tail: string[] } {
    const plan = planSheet(t, "vi");
    const body = (r: number) =>
      plan.cells[plan.firstBodyRow + r].filter(
        (v): v is string => typeof v === "string" && v !== "" && !v.startsWith("="),
      );
    const firstBody = t.rows.length > 0 ? body(0) : [];
    const lastBody = t.rows.length > 0 ? body(t.rows.length - 1) : [];
    return {
      head: [
        "UBND TỈNH QUẢNG TRỊ",
        "UBND XÃ BÌNH ĐIỀN",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        pick(t.frame!.form.number, "vi"),
        pick(t.title[0], "vi"),
        `Đơn vị tính: ${pick(t.frame!.unitOfMeasure, "vi")}`,
        pick(t.headerRows[0][0].text, "vi"),
      ],
      table: [...firstBody, ...lastBody],
      tail: [
        ...t.notes.map((n) => pick(n, "vi")),
        placeAndDate(FRAME, "vi"),
        "NGƯỜI LẬP BIỂU",
        "(Ký, ghi rõ họ tên)",
        "THỦ TRƯỞNG ĐƠN VỊ",
        "(Ký, ghi rõ họ tên, đóng dấu)",
      ],
    };
  }

  test.each(allProductTables("vi", FRAME).flatMap((t) => (t.frame ? [[t.id, t] as const] : [])))(
    "%s: frame, title, unit, table, notes and signatures on one A4 landscape page (or the header repeated)",
    (id, table) => {
      const printed = pages[id];
      const want = expected(table);
      const missing = (page: string, texts: string[]) => texts.filter((x) => !squash(page).includes(squash(x)));
      const pdf = readFileSync(join(dir, `${id}.pdf`)).toString("latin1");
      expect(pdf).toMatch(/\/MediaBox\s*\[\s*0\s+0\s+841\.\d+\s+595\.\d+\s*\]/); // A4 landscape (points)
      if (printed.length === 1 || tableLayout(table).lastBodyRow - tableLayout(table).firstBodyRow < 25) {
        expect(printed).toHaveLength(1);
        expect(missing(printed[0], [...want.head, ...want.table, ...want.tail])).toEqual([]);
      } else {
        // Long forms: the frame on page 1, the header on every page, the signatures at the end.
        expect(missing(printed[0], want.head)).toEqual([]);
        for (const p of printed) expect(missing(p, [pick(table.headerRows[0][0].text, "vi")])).toEqual([]);
        expect(missing(printed.join("\n"), [...want.table, ...want.tail])).toEqual([]);
      }
      const png = join(ARTIFACTS, `${id}.png`);
      expect(statSync(png).size).toBeGreaterThan(10_000);
    },
  );
});

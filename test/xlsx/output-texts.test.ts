/**
 * What the product says to its users: no internal document references (the domain notes, section signs, to-do
 * markers) in any message
 * or generated workbook, and numbers in the texts we compose written the Vietnamese way (decimal comma) in
 * Vietnamese output.
 *
 * - Messages: every string literal and template text in src/ (findings catalogue, errors, pane strings, function
 *   help, CLI output), read with the TypeScript parser so comments are not counted.
 * - Workbooks: everything `poverty demo` writes (rosters, ward submissions, the findings workbook, the report set,
 *   targets, blank templates), in Vietnamese and in English, every text cell.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join, relative, resolve } from "path";
import ts from "typescript";
import type { Lang } from "../../src/core";
import { runDemo } from "../../src/cli/demo/run";
import type { CliIO } from "../../src/cli/command";

jest.setTimeout(180_000);

// Spelt out of parts so that this file does not itself cite the document (test/contract/citations.test.ts).
const DOC = ["domain", "md"].join(".");
const SECTION = "\u00a7";
const INTERNAL = new RegExp([DOC.replace(".", "\\."), SECTION, ["TO", "DO"].join("")].join("|"));
const ROOT = resolve(__dirname, "../..");

function files(dir: string, re: RegExp, out: string[] = []): string[] {
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) files(p, re, out);
    else if (re.test(f)) out.push(p);
  }
  return out;
}

/** Every string the source code can show: string literals, template parts, JSX text (not comments). */
function sourceStrings(path: string): string[] {
  const source = ts.createSourceFile(
    path,
    readFileSync(path, "utf8"),
    ts.ScriptTarget.Latest,
    true,
    path.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const out: string[] = [];
  const visit = (n: ts.Node): void => {
    if (
      ts.isStringLiteral(n) ||
      ts.isNoSubstitutionTemplateLiteral(n) ||
      ts.isTemplateHead(n) ||
      ts.isTemplateMiddle(n) ||
      ts.isTemplateTail(n) ||
      ts.isJsxText(n)
    )
      out.push(n.text);
    ts.forEachChild(n, visit);
  };
  visit(source);
  return out;
}

interface CellText {
  where: string;
  text: string;
  /** Text of the cell's column header (row 1, or the header row of a table such as the findings table). */
  header: string;
}

/** Every text cell of a workbook, as "sheet!A1: text". */
async function workbookTexts(path: string): Promise<CellText[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const out: CellText[] = [];
  wb.eachSheet((ws) => {
    // The findings table has title rows above its header row ("Mức độ" / "Severity" in column A).
    let headerRow = 1;
    ws.eachRow((row, n) => {
      if (headerRow === 1 && ["Mức độ", "Severity"].includes(String(row.getCell(1).value))) headerRow = n;
    });
    ws.eachRow((row) =>
      row.eachCell((cell, col) => {
        const v = cell.value;
        const header = String(ws.getCell(headerRow, col).value ?? "");
        if (typeof v === "string") out.push({ where: `${ws.name}!${cell.address}`, text: v, header });
        else if (v && typeof v === "object" && "richText" in v)
          out.push({ where: `${ws.name}!${cell.address}`, text: v.richText.map((t) => t.text).join(""), header });
      }),
    );
  });
  return out;
}

describe("no internal document references in messages", () => {
  test("no string in src/ (messages, catalogues, pane strings, help) names an internal document, section or to-do", () => {
    const hits: string[] = [];
    for (const f of files(join(ROOT, "src"), /\.tsx?$/))
      for (const s of sourceStrings(f)) if (INTERNAL.test(s)) hits.push(`${relative(ROOT, f)}: ${s.slice(0, 120)}`);
    expect(hits).toEqual([]);
  });

  test("the scan sees strings and would catch one (the test can fail)", () => {
    const probe = join(mkdtempSync(join(tmpdir(), "probe-")), "probe.ts");
    const code = ["const a = ", `"see ${DOC}"`, `; // ${SECTION} in a comment is not a message\n`];
    code.push("const b = `x ${a} " + SECTION + "8.3`;");
    writeFileSync(probe, code.join(""));
    const found = sourceStrings(probe).filter((s) => INTERNAL.test(s));
    expect(found).toEqual([`see ${DOC}`, ` ${SECTION}8.3`]);
  });
});

describe.each(["vi", "en"] as const)("every workbook the demo writes (%s)", (lang: Lang) => {
  let dir: string;
  const texts: ({ file: string } & CellText)[] = [];
  const said: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), `demo-texts-${lang}-`));
    const io: CliIO = { cwd: dir, out: (l) => said.push(l), err: (l) => said.push(l) };
    const result = await runDemo(
      { outDir: "out", seed: 2026, reviewYear: 2026, reduction: 0.015, images: false, lang },
      io,
    );
    expect(result.files.length).toBeGreaterThanOrEqual(8);
    for (const f of files(join(dir, "out"), /\.xlsx$/))
      for (const t of await workbookTexts(f)) texts.push({ file: relative(dir, f), ...t });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("covers rosters, submissions, findings, reports, targets and templates", () => {
    const workbooks = new Set(texts.map((t) => t.file.replace(/\\/g, "/")));
    expect([...workbooks].some((f) => f.includes("ho-so-nop/"))).toBe(true);
    for (const name of ["ket-qua-kiem-tra.xlsx", "bao-cao-2026.xlsx", "chi-tieu-2027.xlsx", "mau-bieu-trong.xlsx"])
      expect([...workbooks].some((f) => f.endsWith(name))).toBe(true);
    expect(texts.length).toBeGreaterThan(1000);
  });

  test("no cell names an internal document, section or to-do", () => {
    expect(texts.filter((t) => INTERNAL.test(t.text)).map((t) => `${t.file} ${t.where}: ${t.text}`)).toEqual([]);
  });

  test("no cell sends the reader to a file of the repository (docs/…, *.md), which a commune does not have", () => {
    const repoFile = /(^|[\s("'])(docs|src|test)\/|\b[\w-]+\.md\b/;
    expect(texts.filter((t) => repoFile.test(t.text)).map((t) => `${t.file} ${t.where}: ${t.text}`)).toEqual([]);
  });

  test("numbers in the texts we compose use the language's decimal mark", () => {
    // vi: 0,148 and 7,97 % (a point before 1–2 digits, or after a leading 0, is an English decimal);
    // en: 0.148 (a comma before 1–2 digits is a Vietnamese decimal). Thousands separators (1.058 / 1,058) pass.
    const wrong =
      lang === "vi" ? /(^|[^\d.,])(\d+\.\d{1,2}|0\.\d+)(?![\d.,])/ : /(^|[^\d.,])(\d+,\d{1,2}|0,\d+)(?![\d.,])/;
    // The findings workbook is bilingual on purpose (a column for the other language's message) and echoes the
    // value found in the checked cell as it was stored; those columns are not text we compose in this language.
    const echo = new Set(["Message (English)", "Nội dung (tiếng Việt)", "Giá trị", "Mong đợi", "Value", "Expected"]);
    const bad = texts
      .filter((t) => !(t.file.endsWith("ket-qua-kiem-tra.xlsx") && echo.has(t.header)))
      .filter((t) => wrong.test(t.text))
      .map((t) => `${t.file} ${t.where}: ${t.text}`);
    expect(bad).toEqual([]);
    const printed = said.filter((l) => wrong.test(l));
    expect(printed).toEqual([]);
  });
});

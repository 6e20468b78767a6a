/**
 * A streaming .xlsx writer for outputs too large for an in-memory workbook: a province's merged roster (a million
 * households is ~25 million cells; ExcelJS's cell objects would need several GB). Rows are turned into worksheet XML
 * and deflated in 1 MB pieces straight into the output file, so memory stays flat whatever the size.
 *
 * What it writes: sheets of plain rows (a bold header row, frozen; text as inline strings — never formulas — and
 * numbers as numbers), and small tables rendered from the core's sheet plan (`planSheet`: formulas with their
 * cached values, number formats, bold, merges, widths, frozen panes; fills and borders are not rendered). Text over
 * Excel's 32,767 characters is cut by the core's `excelText`. ZIP without ZIP64: a part over 4 GB is refused.
 */
import { constants, crc32, deflateRawSync } from "zlib";
import { columnLetters } from "../core/address";
import { fail } from "../core/errors";
import type { CellValue } from "../core/grid";
import { excelText, isPlanFormula, type SheetPlan } from "../core/tables";

/** Where the bytes go (PreparedOutput.open() in the CLI). */
export interface ByteSink {
  write(data: Uint8Array): void;
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const SML = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const PIECE = 1 << 20;
const MAX_ZIP = 0xffffffff;

/** XML text: the five special characters escaped; characters XML does not allow written as Excel's _xHHHH_. */
function xmlText(s: string): string {
  // A literal "_xHHHH_" in the text is escaped first, so Excel does not read it as an escape.
  let out = s.indexOf("_x") >= 0 ? s.replace(/_x([0-9A-Fa-f]{4})_/g, "_x005F_x$1_") : s;
  out = out.replace(/[&<>"]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;"));
  // eslint-disable-next-line no-control-regex
  const bad = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
  if (bad.test(out)) out = out.replace(bad, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
  return out;
}

/** One part of the ZIP being written (local header, deflated data, data descriptor). */
interface Entry {
  name: Buffer;
  offset: number;
  crc: number;
  size: number;
  compressed: number;
}

/** Cell styles: number format × bold, registered as they are used. */
class Styles {
  private readonly formats = new Map<string, number>();
  private readonly xfs: { numFmtId: number; bold: boolean }[] = [{ numFmtId: 0, bold: false }];
  private readonly index = new Map<string, number>([["General|false", 0]]);

  id(format: string, bold: boolean): number {
    const key = `${format}|${bold}`;
    const known = this.index.get(key);
    if (known !== undefined) return known;
    const builtin: Record<string, number> = {
      General: 0,
      "0": 1,
      "0.00": 2,
      "#,##0": 3,
      "#,##0.00": 4,
      "0%": 9,
      "0.00%": 10,
      "@": 49,
    };
    let numFmtId = builtin[format];
    if (numFmtId === undefined) {
      numFmtId = this.formats.get(format) ?? 164 + this.formats.size;
      this.formats.set(format, numFmtId);
    }
    this.xfs.push({ numFmtId, bold });
    this.index.set(key, this.xfs.length - 1);
    return this.xfs.length - 1;
  }

  xml(): string {
    const fmts = [...this.formats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${xmlText(code)}"/>`);
    return (
      XML_HEAD +
      `<styleSheet xmlns="${SML}">` +
      (fmts.length ? `<numFmts count="${fmts.length}">${fmts.join("")}</numFmts>` : "") +
      `<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>` +
      `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
      `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
      `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
      `<cellXfs count="${this.xfs.length}">${this.xfs
        .map(
          (x) =>
            `<xf numFmtId="${x.numFmtId}" fontId="${x.bold ? 1 : 0}" fillId="0" borderId="0" xfId="0"${x.numFmtId ? ' applyNumberFormat="1"' : ""}${x.bold ? ' applyFont="1"' : ""}/>`,
        )
        .join("")}</cellXfs>` +
      `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`
    );
  }
}

export interface StreamColumn {
  header: string;
  /** Width in Excel character units. */
  width: number;
  /** Text column: cells get the "@" format (a number typed later stays as typed). */
  text?: boolean;
}

/** Streams an .xlsx into a ByteSink: `beginSheet` / `row` / `endSheet`, `planSheet`, then `finish`. */
export class XlsxStreamWriter {
  private offset = 0;
  private readonly entries: Entry[] = [];
  private readonly sheets: string[] = [];
  private readonly styles = new Styles();
  private current?: { entry: Entry; buf: string; row: number; styleIds: number[]; headerStyle: number };

  constructor(
    private readonly sink: ByteSink,
    private readonly level = 3,
  ) {}

  private raw(data: Uint8Array): void {
    this.sink.write(data);
    this.offset += data.length;
  }

  private startEntry(name: string): Entry {
    const n = Buffer.from(name, "utf8");
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(0x0808, 6); // data descriptor follows; names in UTF-8
    h.writeUInt16LE(8, 8);
    h.writeUInt16LE(n.length, 26);
    const e: Entry = { name: n, offset: this.offset, crc: 0, size: 0, compressed: 0 };
    this.raw(h);
    this.raw(n);
    return e;
  }

  private deflate(e: Entry, text: string, last: boolean): void {
    const data = Buffer.from(text, "utf8");
    e.crc = crc32(data, e.crc);
    e.size += data.length;
    const z = deflateRawSync(data, {
      level: this.level,
      finishFlush: last ? constants.Z_FINISH : constants.Z_FULL_FLUSH,
    });
    e.compressed += z.length;
    if (e.size > MAX_ZIP || e.compressed > MAX_ZIP || this.offset + z.length > MAX_ZIP)
      fail(
        "INVALID_ARGUMENT",
        "Kết quả quá lớn cho một tệp .xlsx (hơn 4 GB).",
        "The output is too large for one .xlsx file (over 4 GB).",
      );
    this.raw(z);
  }

  private endEntry(e: Entry): void {
    const d = Buffer.alloc(16);
    d.writeUInt32LE(0x08074b50, 0);
    d.writeUInt32LE(e.crc >>> 0, 4);
    d.writeUInt32LE(e.compressed, 8);
    d.writeUInt32LE(e.size, 12);
    this.raw(d);
    this.entries.push(e);
  }

  private whole(name: string, text: string): void {
    const e = this.startEntry(name);
    this.deflate(e, text, true);
    this.endEntry(e);
  }

  private sheetPath(): string {
    return `xl/worksheets/sheet${this.sheets.length}.xml`;
  }

  /** Start a sheet of plain rows: the header row (bold, frozen) is written now. */
  beginSheet(name: string, columns: StreamColumn[]): void {
    if (this.current) fail("INVALID_ARGUMENT", "Trang trước chưa kết thúc.", "The previous sheet is not ended.");
    this.sheets.push(name);
    const entry = this.startEntry(this.sheetPath());
    const cols = columns
      .map(
        (c, i) => `<col min="${i + 1}" max="${i + 1}" width="${Math.max(4, Math.min(80, c.width))}" customWidth="1"/>`,
      )
      .join("");
    const headerStyle = this.styles.id("@", true);
    const styleIds = columns.map((c) => this.styles.id(c.text ? "@" : "General", false));
    this.current = {
      entry,
      buf:
        XML_HEAD +
        `<worksheet xmlns="${SML}" xmlns:r="${REL}"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>` +
        `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>`,
      row: 0,
      styleIds,
      headerStyle,
    };
    this.row(
      columns.map((c) => c.header),
      true,
    );
  }

  /** One row of values (text as inline strings, numbers and booleans as they are, blanks skipped). */
  row(values: readonly CellValue[], header = false): void {
    const cur = this.current;
    if (!cur) fail("INVALID_ARGUMENT", "Chưa mở trang nào.", "No sheet is open.");
    const r = ++cur.row;
    let x = `<row r="${r}">`;
    for (let c = 0; c < values.length; c++) {
      const v = values[c];
      if (v === null || v === undefined || v === "") continue;
      const ref = columnLetters(c) + r;
      const s = header ? cur.headerStyle : (cur.styleIds[c] ?? 0);
      if (typeof v === "number") {
        if (Number.isFinite(v)) x += `<c r="${ref}"${s ? ` s="${s}"` : ""}><v>${v}</v></c>`;
      } else if (typeof v === "boolean") x += `<c r="${ref}"${s ? ` s="${s}"` : ""} t="b"><v>${v ? 1 : 0}</v></c>`;
      else {
        const t = typeof v === "string" ? v : v instanceof Date ? v.toISOString().slice(0, 10) : String(v.error);
        const text = excelText(t);
        const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : "";
        x += `<c r="${ref}"${s ? ` s="${s}"` : ""} t="inlineStr"><is><t${space}>${xmlText(text)}</t></is></c>`;
      }
    }
    cur.buf += x + "</row>";
    if (cur.buf.length >= PIECE) {
      this.deflate(cur.entry, cur.buf, false);
      cur.buf = "";
    }
  }

  /** End the sheet of plain rows. */
  endSheet(): void {
    const cur = this.current;
    if (!cur) return;
    this.deflate(
      cur.entry,
      cur.buf +
        `</sheetData><pageMargins left="0.4" right="0.4" top="0.5" bottom="0.5" header="0.3" footer="0.3"/></worksheet>`,
      true,
    );
    this.endEntry(cur.entry);
    this.current = undefined;
  }

  /** A small table from the core's sheet plan: values, formulas with cached values, formats, bold, merges. */
  planSheet(name: string, plan: SheetPlan): void {
    if (this.current) fail("INVALID_ARGUMENT", "Trang trước chưa kết thúc.", "The previous sheet is not ended.");
    this.sheets.push(name);
    const bold = new Set<number>();
    for (const st of plan.styles)
      if (st.bold)
        for (let r = st.area.row; r < st.area.row + st.area.rows; r++)
          for (let c = st.area.col; c < st.area.col + st.area.cols; c++) bold.add(r * plan.cols + c);
    let x =
      XML_HEAD +
      `<worksheet xmlns="${SML}" xmlns:r="${REL}">` +
      (plan.freeze.rows || plan.freeze.columns
        ? `<sheetViews><sheetView workbookViewId="0"><pane${plan.freeze.columns ? ` xSplit="${plan.freeze.columns}"` : ""}${plan.freeze.rows ? ` ySplit="${plan.freeze.rows}"` : ""} topLeftCell="${columnLetters(plan.freeze.columns)}${plan.freeze.rows + 1}" state="frozen"/></sheetView></sheetViews>`
        : "") +
      `<cols>${plan.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("")}</cols><sheetData>`;
    for (let r = 0; r < plan.rows; r++) {
      x += `<row r="${r + 1}">`;
      for (let c = 0; c < plan.cols; c++) {
        const v = plan.cells[r][c];
        if (v === "") continue;
        const ref = columnLetters(c) + (r + 1);
        const s = this.styles.id(plan.formats[r][c], bold.has(r * plan.cols + c));
        const sa = s ? ` s="${s}"` : "";
        if (isPlanFormula(plan, r, c)) {
          const cached = plan.results.get(r * plan.cols + c);
          const f = `<f>${xmlText((v as string).slice(1))}</f>`;
          if (typeof cached === "number") x += `<c r="${ref}"${sa}>${f}<v>${cached}</v></c>`;
          else if (typeof cached === "string") x += `<c r="${ref}"${sa} t="str">${f}<v>${xmlText(cached)}</v></c>`;
          else x += `<c r="${ref}"${sa}>${f}</c>`;
        } else if (typeof v === "number") x += `<c r="${ref}"${sa}><v>${v}</v></c>`;
        else if (typeof v === "boolean") x += `<c r="${ref}"${sa} t="b"><v>${v ? 1 : 0}</v></c>`;
        else x += `<c r="${ref}"${sa} t="inlineStr"><is><t xml:space="preserve">${xmlText(excelText(v))}</t></is></c>`;
      }
      x += "</row>";
    }
    x += "</sheetData>";
    if (plan.merges.length)
      x += `<mergeCells count="${plan.merges.length}">${plan.merges
        .map(
          (m) =>
            `<mergeCell ref="${columnLetters(m.col)}${m.row + 1}:${columnLetters(m.col + m.cols - 1)}${m.row + m.rows}"/>`,
        )
        .join("")}</mergeCells>`;
    x += `<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.5" header="0.3" footer="0.3"/></worksheet>`;
    this.whole(this.sheetPath(), x);
  }

  /** Write the workbook parts and the ZIP directory. The sink then holds a complete .xlsx. */
  finish(): void {
    if (this.current) this.endSheet();
    const n = this.sheets.length;
    const safe = (s: string) => xmlText(s.replace(/[:\\/?*[\]]/g, "-").slice(0, 31) || "Sheet");
    this.whole(
      "[Content_Types].xml",
      XML_HEAD +
        `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
        `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
        this.sheets
          .map(
            (_s, i) =>
              `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
          )
          .join("") +
        `</Types>`,
    );
    this.whole(
      "_rels/.rels",
      XML_HEAD +
        `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    );
    this.whole(
      "xl/workbook.xml",
      XML_HEAD +
        `<workbook xmlns="${SML}" xmlns:r="${REL}"><bookViews><workbookView/></bookViews><sheets>${this.sheets
          .map((s, i) => `<sheet name="${safe(s)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
          .join("")}</sheets><calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>`,
    );
    this.whole(
      "xl/_rels/workbook.xml.rels",
      XML_HEAD +
        `<Relationships xmlns="${PKG_REL}">${this.sheets
          .map(
            (_s, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
          )
          .join("")}<Relationship Id="rId${n + 1}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    );
    this.whole("xl/styles.xml", this.styles.xml());
    // Central directory.
    const start = this.offset;
    for (const e of this.entries) {
      const c = Buffer.alloc(46);
      c.writeUInt32LE(0x02014b50, 0);
      c.writeUInt16LE(20, 4);
      c.writeUInt16LE(20, 6);
      c.writeUInt16LE(0x0808, 8);
      c.writeUInt16LE(8, 10);
      c.writeUInt32LE(e.crc >>> 0, 16);
      c.writeUInt32LE(e.compressed, 20);
      c.writeUInt32LE(e.size, 24);
      c.writeUInt16LE(e.name.length, 28);
      c.writeUInt32LE(e.offset, 42);
      this.raw(c);
      this.raw(e.name);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    this.raw(end);
  }
}

/**
 * The .xlsx reader itself, host-independent: bytes (Uint8Array) → Grid[] (one per sheet): values (numbers,
 * text, booleans, Excel errors, dates, formulas' cached values), number formats, merged areas, hidden flag.
 * Read-only. Uses only Uint8Array, DataView and TextDecoder; raw-deflate decompression is passed in by the
 * host adapter — src/xlsx/read.ts (Node CLI: zlib.inflateRawSync) and src/xlsx/browser.ts (task pane:
 * DecompressionStream("deflate-raw")) — so the CLI and the pane read a file with the SAME code.
 *
 * Why not ExcelJS's reader: loading a 100,000-household roster (≈ 2.2 M cells) with
 * `Workbook.xlsx.readFile` takes ≈ 22 s and ≈ 700 MB here; the issue asks for a few seconds end to end.
 * This reader scans the package XML once (zip central directory → inflate → string scanning), ≈ 10× faster.
 * ExcelJS remains the writer, and the tests build every fixture with ExcelJS, so both agree on the format.
 *
 * Unreadable inputs (corrupt, truncated, password-protected, .xls, .csv, not a spreadsheet) throw PovertyError
 * FILE_UNREADABLE with a Vietnamese and English reason — the same code, messages and details whichever
 * inflate function is used (the inflater's own error text is deliberately not part of the message).
 */
import type { CellValue, Grid } from "../core/grid";
import { fail } from "../core/errors";
import { NO_CACHED_VALUE } from "../core/sheet";
import { u32, utf8, zipEntries, zipRaw, ZipError, type ZipEntry } from "./zip-read";

/** Raw DEFLATE (RFC 1951, no zlib/gzip wrapper) decompression supplied by the host. */
export type InflateRaw = (data: Uint8Array) => Uint8Array | Promise<Uint8Array>;
/** A synchronous InflateRaw (node:zlib inflateRawSync). */
export type InflateRawSync = (data: Uint8Array) => Uint8Array;
type Reason = { vi: string; en: string };

/** The last segment of a path ("C:\\x\\a.xlsx" and "/x/a.xlsx" → "a.xlsx"). */
export function fileBaseName(file: string): string {
  return file.slice(Math.max(file.lastIndexOf("/"), file.lastIndexOf("\\")) + 1);
}

/** Lower-case extension with its dot (".csv"), "" when there is none (like path.extname). */
function extOf(file: string): string {
  const base = fileBaseName(file);
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot).toLowerCase() : "";
}

function unreadable(file: string, reason: Reason, details: Record<string, unknown> = {}): never {
  return fail(
    "FILE_UNREADABLE",
    `Không đọc được tệp "${file}": ${reason.vi}`,
    `Cannot read file "${file}": ${reason.en}`,
    { file, reasonVi: reason.vi, reasonEn: reason.en, ...details },
  );
}

/** FILE_UNREADABLE for `file` (its base name is shown) with the given reason. Host adapters use it too. */
export function fileUnreadable(file: string, reason: Reason): never {
  return unreadable(fileBaseName(file), reason);
}

const damaged = (why: string): Reason => ({
  vi: `tệp .xlsx bị hỏng (${why})`,
  en: `the .xlsx file is damaged (${why})`,
});

/** Printable text (tabs and line breaks allowed, no other control characters). */
function isText(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13) return false;
  }
  return true;
}

/** "EncryptedPackage" in UTF-16LE: the stream an encrypted (password-protected) .xlsx stores in its OLE file. */
const ENCRYPTED_PACKAGE = Uint8Array.from([..."EncryptedPackage"].flatMap((ch) => [ch.charCodeAt(0), 0]));

function indexOfBytes(hay: Uint8Array, needle: Uint8Array): number {
  const first = needle[0];
  const last = hay.length - needle.length;
  outer: for (let i = hay.indexOf(first); i >= 0 && i <= last; i = hay.indexOf(first, i + 1)) {
    for (let k = 1; k < needle.length; k++) if (hay[i + k] !== needle[k]) continue outer;
    return i;
  }
  return -1;
}

/** Why bytes that are not a ZIP cannot be read, from their first bytes (and the file's extension). */
export function diagnoseNonXlsx(buf: Uint8Array, file: string): Reason {
  const ext = extOf(file);
  if (buf.length === 0) return { vi: "tệp rỗng (0 byte)", en: "the file is empty (0 bytes)" };
  if (u32(buf, 0) === 0xe011cfd0 && u32(buf, 4) === 0xe11ab1a1) {
    // OLE compound file: an encrypted .xlsx (EncryptedPackage stream) or a legacy .xls.
    if (indexOfBytes(buf, ENCRYPTED_PACKAGE) >= 0)
      return {
        vi: "tệp được bảo vệ bằng mật khẩu; hãy mở bằng Excel, bỏ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc) rồi lưu lại",
        en: "the file is password-protected; open it in Excel, remove the password (File › Info › Protect Workbook) and save it",
      };
    return {
      vi: "đây là tệp Excel cũ (.xls); hãy mở bằng Excel và lưu thành .xlsx (Sổ làm việc Excel)",
      en: "this is an old Excel file (.xls); open it in Excel and save it as .xlsx (Excel Workbook)",
    };
  }
  const head = utf8(buf.subarray(0, Math.min(buf.length, 4096)));
  if (ext === ".csv" || ext === ".txt" || (isText(head) && /[,;\t]/.test(head) && !head.includes("\ufffd")))
    return {
      vi: "đây là tệp văn bản/CSV, không phải .xlsx; hãy mở bằng Excel và lưu thành .xlsx",
      en: "this is a text/CSV file, not .xlsx; open it in Excel and save it as .xlsx",
    };
  if (/^\s*<(html|!doctype|\?xml)/i.test(head))
    return { vi: "đây là tệp HTML/XML, không phải .xlsx", en: "this is an HTML/XML file, not .xlsx" };
  return { vi: "tệp hỏng hoặc không phải sổ làm việc .xlsx", en: "the file is corrupt or not an .xlsx workbook" };
}

const XML_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Decode XML entities and Excel's _xHHHH_ escapes. */
export function xmlDecode(s: string): string {
  if (s.indexOf("&") >= 0)
    s = s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
      e[0] === "#"
        ? String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10))
        : XML_ENTITIES[e],
    );
  if (s.indexOf("_x") >= 0)
    s = s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return s;
}

function attr(tag: string, name: string): string | undefined {
  const re = new RegExp(`(?:^|\\s)${name}="([^"]*)"`);
  const m = re.exec(tag);
  return m ? xmlDecode(m[1]) : undefined;
}

/** Text of every <t> in a string item, skipping phonetic runs (<rPh>). */
function itemText(si: string): string {
  if (si.indexOf("<rPh") >= 0) si = si.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "");
  let out = "";
  const re = /<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(si))) out += m[1] ?? "";
  return xmlDecode(out);
}

function sharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  const out: string[] = [];
  const re = /<si>([\s\S]*?)<\/si>|<si\/>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) {
    const inner = m[1] ?? "";
    // Fast path: a single plain <t>.
    const simple = /^<t(?: xml:space="preserve")?>([^<]*)<\/t>$/.exec(inner);
    out.push(simple ? xmlDecode(simple[1]) : itemText(inner));
  }
  return out;
}

const BUILTIN_FORMATS: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yy h:mm",
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

function isDateFormat(fmt: string): boolean {
  const f = fmt
    .replace(/"[^"]*"/g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/\\./g, "");
  return /[dmyhs]/i.test(f) && !/^[#0.,%\s]*$/.test(f) && !/^general$/i.test(f);
}

/** Cell-style index → number format (null for General), and whether it is a date format. */
function styles(xml: string | undefined): { fmt: (string | null)[]; date: boolean[] } {
  const custom = new Map<number, string>();
  const fmt: (string | null)[] = [];
  const date: boolean[] = [];
  if (!xml) return { fmt, date };
  const nf = /<numFmt\b([^>]*)\/?>/g;
  let m: RegExpExecArray | null;
  while ((m = nf.exec(xml))) {
    const id = Number(attr(m[1], "numFmtId"));
    const code = attr(m[1], "formatCode");
    if (Number.isFinite(id) && code !== undefined) custom.set(id, code);
  }
  const xfsStart = xml.indexOf("<cellXfs");
  if (xfsStart < 0) return { fmt, date };
  const xfsEnd = xml.indexOf("</cellXfs>", xfsStart);
  const xfs = xml.slice(xfsStart, xfsEnd < 0 ? undefined : xfsEnd);
  const xf = /<xf\b([^>]*?)\/?>/g;
  while ((m = xf.exec(xfs))) {
    const id = Number(attr(m[1], "numFmtId") ?? "0");
    const code = custom.get(id) ?? BUILTIN_FORMATS[id] ?? "General";
    const builtinDate =
      (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
    fmt.push(code === "General" ? null : code);
    date.push(builtinDate || (custom.has(id) && isDateFormat(code)));
  }
  return { fmt, date };
}

/** Value of a simple attribute (` r="`) in a tag's attribute text, without regex. */
function quickAttr(a: string, key: string): string | undefined {
  let i = a.indexOf(key);
  if (i < 0) {
    if (!a.startsWith(key.slice(1))) return undefined;
    i = -1;
  }
  const from = i + key.length;
  const to = a.indexOf('"', from);
  return to < 0 ? undefined : a.slice(from, to);
}

/** "AB12" → [row0, col0]. */
function decodeRef(ref: string): [number, number] {
  let c = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const ch = ref.charCodeAt(i);
    if (ch >= 65 && ch <= 90) c = c * 26 + (ch - 64);
    else if (ch >= 97 && ch <= 122) c = c * 26 + (ch - 96);
    else break;
  }
  return [Number(ref.slice(i)) - 1, c - 1];
}

interface SheetMeta {
  name: string;
  path: string;
  hidden: boolean;
}

function resolveTarget(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = base.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== ".") parts.push(seg);
  }
  return parts.join("/");
}

/** Parse one worksheet's XML into a grid. */
function parseSheet(
  xml: string,
  meta: SheetMeta,
  strings: string[],
  st: { fmt: (string | null)[]; date: boolean[] },
  date1904: boolean,
  file?: string,
): Grid {
  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  let anyFormat = false;
  const start = xml.indexOf("<sheetData");
  const end = xml.lastIndexOf("</sheetData>");
  const data = start >= 0 && end > start ? xml.slice(start, end) : "";
  const rowRe = /<row\b([^>]*?)(\/>|>([\s\S]*?)<\/row>)/g;
  const cellRe = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
  let rm: RegExpExecArray | null;
  let nextRow = 0;
  const dayMs = 86400000;
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  while ((rm = rowRe.exec(data))) {
    const rAttr = /\br="(\d+)"/.exec(rm[1]);
    const r0 = rAttr ? Number(rAttr[1]) - 1 : nextRow;
    nextRow = r0 + 1;
    const body = rm[3];
    if (!body) continue;
    const row: CellValue[] = [];
    let fmtRow: (string | null)[] | undefined;
    let nextCol = 0;
    cellRe.lastIndex = 0;
    let cm: RegExpExecArray | null;
    while ((cm = cellRe.exec(body))) {
      const a = cm[1];
      const ref = quickAttr(a, ' r="');
      const c0 = ref !== undefined ? decodeRef(ref)[1] : nextCol;
      nextCol = c0 + 1;
      const inner = cm[2];
      if (!inner) continue;
      const t = quickAttr(a, ' t="') ?? "n";
      const sText = quickAttr(a, ' s="');
      const s = sText !== undefined ? Number(sText) : 0;
      const vStart = inner.indexOf("<v");
      let v: string | undefined;
      if (vStart >= 0) {
        const gt = inner.indexOf(">", vStart);
        if (inner[gt - 1] !== "/") v = inner.slice(gt + 1, inner.indexOf("</v>", gt));
      }
      const hasFormula = inner.indexOf("<f") >= 0;
      let value: CellValue = null;
      if (t === "inlineStr") value = itemText(inner.slice(inner.indexOf("<is")));
      else if (v === undefined) value = hasFormula ? { error: NO_CACHED_VALUE } : null;
      else if (t === "s") value = strings[Number(v)] ?? "";
      else if (t === "str") value = xmlDecode(v);
      else if (t === "b") value = v === "1" || v === "true";
      else if (t === "e") value = { error: xmlDecode(v) };
      else if (t === "d") {
        const d = new Date(v);
        value = Number.isNaN(d.getTime()) ? xmlDecode(v) : d;
      } else {
        const n = Number(v);
        value = st.date[s] && Number.isFinite(n) ? new Date(epoch + Math.round(n * dayMs)) : n;
      }
      while (row.length < c0) row.push(null);
      row[c0] = value;
      const f = st.fmt[s];
      if (f && typeof value === "number") {
        fmtRow ??= [];
        while (fmtRow.length < c0) fmtRow.push(null);
        fmtRow[c0] = f;
        anyFormat = true;
      }
    }
    // Trailing blanks are not kept; rows of only blank cells stay empty.
    while (row.length && row[row.length - 1] === null) row.pop();
    if (!row.length) continue;
    while (values.length < r0) values.push([]);
    values[r0] = row;
    if (fmtRow) {
      while (formats.length < r0) formats.push([]);
      formats[r0] = fmtRow;
    }
  }
  const merges: string[] = [];
  const mStart = xml.indexOf("<mergeCells", end >= 0 ? end : 0);
  if (mStart >= 0) {
    const mr = /<mergeCell\b[^>]*\bref="([^"]+)"/g;
    mr.lastIndex = mStart;
    let mm: RegExpExecArray | null;
    while ((mm = mr.exec(xml))) merges.push(mm[1]);
  }
  const grid: Grid = { sheetName: meta.name, origin: "A1", values, merges };
  if (anyFormat) grid.numberFormats = formats;
  if (meta.hidden) grid.hidden = true;
  if (file !== undefined) grid.file = file;
  return grid;
}

const EMPTY = new Uint8Array(0);

/**
 * What the reader asks its host for: inflate this entry's raw DEFLATE bytes into `result`; the reader takes the
 * result (and clears it) when it resumes.
 */
interface InflateRequest {
  entry: ZipEntry;
  data: Uint8Array;
  result?: Uint8Array;
}

/**
 * The reading steps as a generator: it yields each deflated entry it needs and receives the inflated bytes,
 * so one body serves a synchronous (zlib) and an asynchronous (DecompressionStream) host.
 */
function* workbookSteps(buf: Uint8Array, file: string): Generator<InflateRequest, Grid[], void> {
  const name = fileBaseName(file);
  if (buf.length < 4 || u32(buf, 0) !== 0x04034b50) unreadable(name, diagnoseNonXlsx(buf, file));
  let entries: Map<string, ZipEntry>;
  try {
    entries = zipEntries(buf);
  } catch (e) {
    if (e instanceof ZipError || e instanceof RangeError) return unreadable(name, damaged(e.message));
    throw e;
  }
  function* text(path: string): Generator<InflateRequest, string | undefined, void> {
    const e = entries.get(path);
    if (!e) return undefined;
    let raw: Uint8Array;
    try {
      raw = zipRaw(buf, e);
    } catch (err) {
      if (err instanceof ZipError || err instanceof RangeError) return unreadable(name, damaged(err.message));
      throw err;
    }
    let bytes = raw;
    if (e.method !== 0) {
      const req: InflateRequest = { entry: e, data: raw };
      yield req;
      bytes = req.result ?? EMPTY;
      req.result = undefined;
    }
    // A short or long result is damage too (some inflaters stop quietly at a truncated stream or ignore junk).
    if (bytes.length !== e.size) unreadable(name, damaged(`cannot unpack ${e.name}`));
    return utf8(bytes);
  }
  const rootRels = (yield* text("_rels/.rels")) ?? "";
  const wbPath = (/Target="([^"]*workbook[^"]*\.xml)"/.exec(rootRels)?.[1] ?? "xl/workbook.xml").replace(/^\//, "");
  const wbXml = yield* text(wbPath);
  if (!wbXml) {
    if (entries.has("word/document.xml"))
      unreadable(name, {
        vi: "đây là tệp Word (.docx), không phải sổ làm việc Excel",
        en: "this is a Word file (.docx), not an Excel workbook",
      });
    unreadable(name, {
      vi: "gói .xlsx không có sổ làm việc (workbook.xml)",
      en: "the .xlsx package has no workbook (workbook.xml)",
    });
  }
  const relsPath = wbPath.replace(/[^/]+$/, (f) => `_rels/${f}.rels`);
  const rels = new Map<string, string>();
  for (const m of ((yield* text(relsPath)) ?? "").matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const id = attr(m[1], "Id");
    const target = attr(m[1], "Target");
    if (id && target) rels.set(id, resolveTarget(wbPath, target));
  }
  const date1904 = /<workbookPr\b[^>]*\bdate1904="(1|true)"/.test(wbXml);
  const metas: SheetMeta[] = [];
  for (const m of wbXml.matchAll(/<sheet\b([^>]*)\/?>/g)) {
    const sheetName = attr(m[1], "name") ?? "";
    const rid = attr(m[1], "r:id") ?? /\b\w+:id="([^"]*)"/.exec(m[1])?.[1];
    const state = attr(m[1], "state");
    const path = rid ? rels.get(rid) : undefined;
    if (!path) continue;
    metas.push({ name: sheetName, path, hidden: state === "hidden" || state === "veryHidden" });
  }
  const sstPath = [...rels.values()].find((p) => /sharedStrings\.xml$/i.test(p)) ?? "xl/sharedStrings.xml";
  const stylesPath = [...rels.values()].find((p) => /styles\.xml$/i.test(p)) ?? "xl/styles.xml";
  const strings = sharedStrings(yield* text(sstPath));
  const st = styles(yield* text(stylesPath));
  const grids: Grid[] = [];
  for (const meta of metas) {
    const xml = yield* text(meta.path);
    if (xml === undefined) continue; // chart sheets, dialog sheets
    if (!/<worksheet\b/.test(xml.slice(0, 2000))) continue;
    grids.push(parseSheet(xml, meta, strings, st, date1904, name));
  }
  return grids;
}

/** An inflater failure is a damaged file, whatever the inflater's own message says. */
function inflateFailed(file: string, req: InflateRequest): never {
  return unreadable(fileBaseName(file), damaged(`cannot unpack ${req.entry.name}`));
}

/**
 * Read an .xlsx held in memory with a synchronous inflater (the CLI's zlib). `file` names it in messages
 * and in `Grid.file` (its base name).
 * @throws PovertyError FILE_UNREADABLE (corrupt, truncated, password-protected, .xls, .csv, not a workbook).
 */
export function parseXlsxSync(bytes: Uint8Array, file: string, inflateRaw: InflateRawSync): Grid[] {
  const steps = workbookSteps(bytes, file);
  let next = steps.next();
  while (!next.done) {
    try {
      next.value.result = inflateRaw(next.value.data);
    } catch {
      return inflateFailed(file, next.value);
    }
    next = steps.next();
  }
  return next.value;
}

/**
 * Read an .xlsx held in memory with any inflater, synchronous or not (the task pane's DecompressionStream).
 * Same steps, same results and same FILE_UNREADABLE errors as parseXlsxSync.
 */
export async function parseXlsx(bytes: Uint8Array, file: string, inflateRaw: InflateRaw): Promise<Grid[]> {
  const steps = workbookSteps(bytes, file);
  let next = steps.next();
  while (!next.done) {
    try {
      next.value.result = await inflateRaw(next.value.data);
    } catch {
      return inflateFailed(file, next.value);
    }
    next = steps.next();
  }
  return next.value;
}

/**
 * The .xlsx reader itself, host-independent: bytes (Uint8Array) → Grid[] (one per sheet): values (numbers,
 * text, booleans, Excel errors, dates, formulas' cached values), number formats, merged areas, hidden flag, and
 * the cells it could not interpret (Grid.readIssues → CELL_UNREADABLE / CELL_READ_AS_BLANK findings).
 * Read-only. Uses only Uint8Array, DataView and TextDecoder; raw-deflate decompression is passed in by the host
 * adapter — src/xlsx/read.ts (Node CLI: node:zlib) and src/xlsx/browser.ts (task pane:
 * DecompressionStream("deflate-raw")) — so the CLI and the pane read a file with the SAME code.
 *
 * Hostile and odd files (issue 13):
 * - Resource limits (./limits.ts) are checked before inflating (declared sizes, compression ratio) and while
 *   inflating: the inflater streams chunks into the reader, which stops it as soon as a part produces more than
 *   it declared or than a limit allows. Worksheets and shared strings are scanned chunk by chunk, one row or
 *   string at a time, so the XML text of a sheet is never held whole. Sheet size (1,048,576 × 16,384), cell
 *   slots, text length (32,767) are checked while the grid is built.
 * - Namespaces: elements are matched by namespace URI (./xml.ts), so prefixed (`<x:c>`), default-namespace and
 *   Strict OOXML packages read identically. A workbook where no sheet can be read is FILE_UNREADABLE.
 * - Truthful reading: a shared-string index that does not exist, an empty or non-numeric `<v>`, bytes that are
 *   not UTF-8 and characters XML does not allow are reported per cell, never read as "" or 0.
 *
 * Unreadable inputs (corrupt, truncated, password-protected, .xls, .csv, .ods, over a limit, not a spreadsheet)
 * throw PovertyError FILE_UNREADABLE with a Vietnamese and English reason — the same code, messages and details
 * whichever inflate function is used (the inflater's own error text is never part of the message).
 */
import type { CellValue, Grid, ReadIssue } from "../core/grid";
import { columnLetters } from "../core/address";
import { fail, isPovertyError } from "../core/errors";
import { NO_CACHED_VALUE } from "../core/sheet";
import { cellBudget, DEFAULT_LIMITS, groupDigits, sizeText, type ReadLimits } from "./limits";
import {
  attrOf,
  baseScope,
  childrenOf,
  contentText,
  declare,
  decodeText,
  excelUnescape,
  OFFICE_REL,
  PACKAGE_REL,
  parseXml,
  rawAttributes,
  SML,
  splitName,
  XmlError,
  type XmlElement,
} from "./xml";
import { u32, utf8, zipEntries, zipRaw, ZipError, type Reason, type ZipEntry } from "./zip-read";

export { DEFAULT_LIMITS, type ReadLimits } from "./limits";

/**
 * Raw DEFLATE (RFC 1951) decompression supplied by the host, streaming: call `sink` with each inflated chunk,
 * in order. `sink` throws to stop (a limit was reached): rethrow that error as it is. Throw `InflateOverflow` when
 * the host's own output cap (`maxBytes`) stops it; any other error means the data is damaged.
 */
export type InflateRaw = (
  data: Uint8Array,
  sink: (chunk: Uint8Array) => void,
  maxBytes: number,
) => void | Promise<void>;
/** A synchronous InflateRaw (node:zlib inflateRawSync). */
export type InflateRawSync = (data: Uint8Array, sink: (chunk: Uint8Array) => void, maxBytes: number) => void;

/** Thrown by an inflater whose own output cap stopped it (more than `maxBytes` would have come out). */
export class InflateOverflow extends Error {
  constructor() {
    super("inflate output over the cap");
    Object.setPrototypeOf(this, InflateOverflow.prototype);
  }
}

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
export function fileUnreadable(file: string, reason: Reason, details: Record<string, unknown> = {}): never {
  return unreadable(fileBaseName(file), reason, details);
}

const damaged = (why: Reason): Reason => ({
  vi: `tệp .xlsx bị hỏng (${why.vi})`,
  en: `the .xlsx file is damaged (${why.en})`,
});

/** A part whose DEFLATE data cannot be unpacked, or unpacks to another size than the package says. */
const cannotUnpack = (e: ZipEntry): Reason =>
  damaged({ vi: `không giải nén được phần "${e.name}" của gói`, en: `cannot unpack part "${e.name}" of the package` });

/** A limit reached: the reason names the limit, and where it was reached. */
function overLimit(what: Reason, limit: Reason): Reason {
  return {
    vi: `${what.vi} vượt giới hạn đọc (${limit.vi}); tệp có thể bị hỏng hoặc được tạo để làm treo máy. Các tệp khác vẫn được kiểm tra`,
    en: `${what.en} exceeds a reading limit (${limit.en}); the file may be damaged or crafted to exhaust the computer. Other files are still checked`,
  };
}

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

const ODS: Reason = {
  vi: "đây là bảng tính OpenDocument (.ods) của LibreOffice/OpenOffice, không phải .xlsx; hãy mở bằng LibreOffice Calc hoặc Excel và lưu thành .xlsx (Sổ làm việc Excel)",
  en: "this is an OpenDocument spreadsheet (.ods) from LibreOffice/OpenOffice, not .xlsx; open it in LibreOffice Calc or Excel and save it as .xlsx (Excel Workbook)",
};

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

interface Styles {
  fmt: (string | null)[];
  date: boolean[];
}

/** Cell-style index → number format (null for General), and whether it is a date format. */
function styles(root: XmlElement | undefined): Styles {
  const custom = new Map<number, string>();
  const fmt: (string | null)[] = [];
  const date: boolean[] = [];
  if (!root) return { fmt, date };
  for (const nfs of childrenOf(root, SML, "numFmts"))
    for (const nf of childrenOf(nfs, SML, "numFmt")) {
      const id = Number(attrOf(nf, "numFmtId"));
      const code = attrOf(nf, "formatCode");
      if (Number.isFinite(id) && code !== undefined) custom.set(id, code);
    }
  for (const xfs of childrenOf(root, SML, "cellXfs"))
    for (const xf of childrenOf(xfs, SML, "xf")) {
      const id = Number(attrOf(xf, "numFmtId") ?? "0");
      const code = custom.get(id) ?? BUILTIN_FORMATS[id] ?? "General";
      const builtinDate =
        (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
      fmt.push(code === "General" ? null : code);
      date.push(builtinDate || (custom.has(id) && isDateFormat(code)));
    }
  return { fmt, date };
}

function resolveTarget(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = base.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

interface Relationship {
  type: string;
  target: string;
}

/** Relationships of a .rels part (external targets left out), by id. */
function relationships(root: XmlElement | undefined, from: string): Map<string, Relationship> {
  const out = new Map<string, Relationship>();
  if (!root) return out;
  for (const r of childrenOf(root, PACKAGE_REL, "Relationship")) {
    const id = attrOf(r, "Id");
    const target = attrOf(r, "Target");
    if (!id || !target || attrOf(r, "TargetMode") === "External") continue;
    out.set(id, { type: attrOf(r, "Type") ?? "", target: resolveTarget(from, target) });
  }
  return out;
}

/** A relationship type by its last segment (the transitional and strict URIs differ before it). */
const isType = (r: Relationship, last: string) => r.type.endsWith(`/${last}`);

// ------------------------------------------------------------------------------------------------ text

/** The start of an incomplete UTF-8 sequence at the end of `b` (0–3 bytes), for re-decoding after an error. */
function incompleteTail(b: Uint8Array): number {
  for (let k = 1; k <= Math.min(3, b.length); k++) {
    const c = b[b.length - k];
    if ((c & 0xc0) === 0x80) continue; // continuation byte
    const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    return need > k ? k : 0;
  }
  return 0;
}

/**
 * Streaming UTF-8 → text that notices invalid bytes: strict until the first invalid sequence, then replacing
 * (U+FFFD) and `invalid` is set, so the reader flags every text with U+FFFD from there on.
 */
class Utf8Stream {
  private strict = new TextDecoder("utf-8", { fatal: true });
  private lenient?: { decode(bytes?: Uint8Array, opts?: { stream?: boolean }): string };
  private last = new Uint8Array(0);
  invalid = false;

  decode(bytes: Uint8Array): string {
    if (this.lenient) return this.lenient.decode(bytes, { stream: true });
    try {
      const s = this.strict.decode(bytes, { stream: true });
      const tail = incompleteTail(bytes);
      this.last = tail ? bytes.slice(bytes.length - tail) : new Uint8Array(0);
      return s;
    } catch {
      this.invalid = true;
      this.lenient = new TextDecoder("utf-8");
      const joined = new Uint8Array(this.last.length + bytes.length);
      joined.set(this.last);
      joined.set(bytes, this.last.length);
      return this.lenient.decode(joined, { stream: true });
    }
  }

  end(): string {
    if (this.lenient) return this.lenient.decode();
    try {
      return this.strict.decode();
    } catch {
      this.invalid = true;
      return "\ufffd";
    }
  }
}

// --------------------------------------------------------------------------------------- XML streaming

/**
 * Scans streamed XML text for complete elements with the given local names in the SpreadsheetML namespace
 * (any prefix bound to it on the root element), handing each whole element's text to `onElement`. Other elements
 * are stepped over tag by tag (their children are scanned too). The root start tag is read first: its namespace
 * declarations say which prefixes mean SpreadsheetML; a root in another namespace is reported by `rootOk`.
 */
class ElementScanner {
  private buf = "";
  private startRe?: RegExp;
  private fullRe?: RegExp;
  /** Prefixes bound to SpreadsheetML on the root element ("" for the default namespace); set once it is read. */
  prefixes: Set<string> | undefined;
  /** The namespace scope of the root element (for rows that redeclare prefixes). */
  scope: Map<string, string> = baseScope();
  rootLocal: string | undefined;
  rootInSml = false;

  constructor(
    private readonly wanted: ReadonlySet<string>,
    private readonly onElement: (local: string, text: string) => void,
    private readonly maxChars: number,
    private readonly tooLarge: () => never,
  ) {}

  push(text: string): void {
    let s = this.buf.length ? this.buf + text : text;
    let pos = 0;
    if (!this.prefixes) {
      const r = this.readRoot(s);
      if (r < 0) {
        this.keep(s, 0);
        return;
      }
      pos = r;
    }
    // Whole wanted elements (prefix bound to SpreadsheetML + wanted local name), one regex per element.
    const names = [...this.wanted].join("|");
    // Any prefix: one bound to SpreadsheetML on the root, or one the element declares itself (checked below).
    const P = "(?:[A-Za-z_][\\w.-]*:)?";
    const full = (this.fullRe ??= new RegExp(`<(${P})(${names})(?=[\\s/>])[^>]*?(?:\\/>|>[\\s\\S]*?<\\/\\1\\2>)`, "g"));
    full.lastIndex = pos;
    let m: RegExpExecArray | null;
    while ((m = full.exec(s))) {
      const prefix = m[1] ? m[1].slice(0, -1) : "";
      if (this.prefixes!.has(prefix) || this.declaresSml(m[0], prefix)) this.onElement(m[2], m[0]);
      pos = full.lastIndex;
    }
    // Keep what may be the start of an element completed by the next chunk: from the last wanted start tag after
    // the last complete element, else from the last "<" (a tag cut in two).
    const start = (this.startRe ??= new RegExp(`<(${P})(${names})(?=[\\s/>])`, "g"));
    start.lastIndex = pos;
    let last = -1;
    while ((m = start.exec(s))) last = m.index;
    if (last >= 0) pos = last;
    else {
      const lt = s.lastIndexOf("<");
      pos = lt >= pos && s.indexOf(">", lt) < 0 ? lt : s.length;
    }
    this.keep(s, pos);
    s = "";
  }

  /** Whether an element's own start tag binds `prefix` to SpreadsheetML (a redeclaration below the root). */
  private declaresSml(text: string, prefix: string): boolean {
    const open = text.slice(0, text.indexOf(">"));
    if (open.indexOf("xmlns") < 0) return false;
    try {
      const tagName = /^<[^\s/>]+/.exec(open)?.[0] ?? "";
      const scope = declare(rawAttributes(open.slice(tagName.length).replace(/\/$/, "")), this.scope);
      return SML.has(scope.get(prefix) ?? "");
    } catch {
      return false;
    }
  }

  private keep(s: string, pos: number): void {
    this.buf = pos >= s.length ? "" : s.slice(pos);
    if (this.buf.length > this.maxChars) this.tooLarge();
  }

  /** Read the root start tag; the position after it, or -1 when more text is needed. */
  private readRoot(s: string): number {
    let i = 0;
    for (;;) {
      const lt = s.indexOf("<", i);
      if (lt < 0) return -1;
      if (s.startsWith("<?", lt) || s.startsWith("<!", lt)) {
        const end = s.startsWith("<!--", lt) ? s.indexOf("-->", lt) : s.indexOf(">", lt);
        if (end < 0) return -1;
        i = end + 1;
        continue;
      }
      const gt = s.indexOf(">", lt);
      if (gt < 0) return -1;
      let body = s.slice(lt + 1, gt);
      if (body.endsWith("/")) body = body.slice(0, -1);
      const qname = /^[^\s/>]+/.exec(body)?.[0] ?? "";
      let attrs: [string, string][] = [];
      try {
        attrs = rawAttributes(body.slice(qname.length));
      } catch {
        attrs = [];
      }
      this.scope = declare(attrs, baseScope());
      const [prefix, local] = splitName(qname);
      this.rootLocal = local;
      this.rootInSml = SML.has(this.scope.get(prefix) ?? "");
      this.prefixes = new Set([...this.scope].filter(([, uri]) => SML.has(uri)).map(([p]) => p));
      return gt + 1;
    }
  }
}

// ------------------------------------------------------------------------------------------- cells

const NUMBER = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;
const INDEX = /^\s*\d+\s*$/;

/** A non-negative whole number written in digits (with optional spaces), or -1. */
function indexOf(v: string): number {
  const n = v.length;
  if (n > 0 && n < 10) {
    let x = 0;
    for (let i = 0; i < n; i++) {
      const ch = v.charCodeAt(i);
      if (ch < 48 || ch > 57) return INDEX.test(v) ? Number(v) : -1;
      x = x * 10 + (ch - 48);
    }
    return x;
  }
  return INDEX.test(v) ? Number(v) : -1;
}

/** Value of a simple attribute (` r="`) in a tag's attribute text (double quotes, the form Excel writes). */
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

/** Whether attribute texts in `s` are written the plain way Excel writes them (double quotes, no spaces at "="). */
function plainAttrs(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 39 /* ' */ || c === 38 /* & */) return false;
    if (c === 61 /* = */ && (s.charCodeAt(i + 1) !== 34 /* " */ || s.charCodeAt(i - 1) <= 32)) return false;
  }
  return true;
}

/** r, s, t of a cell (or row) start tag's attribute text, whatever quoting and spacing the writer used. */
function cellAttrs(a: string, plain: boolean): { r?: string; s?: string; t?: string } {
  if (plain) return { r: quickAttr(a, ' r="'), s: quickAttr(a, ' s="'), t: quickAttr(a, ' t="') };
  const out: { r?: string; s?: string; t?: string } = {};
  for (const [name, value] of rawAttributes(a)) {
    const v = decodeText(value).text;
    if (name === "r") out.r = v;
    else if (name === "s") out.s = v;
    else if (name === "t") out.t = v;
  }
  return out;
}

/** "AB12" → [row0, col0]; undefined when it is not a cell reference. */
function decodeRef(ref: string): [number, number] | undefined {
  const m = /^\s*([A-Za-z]{1,7})(\d{1,15})\s*$/.exec(ref);
  if (!m) return undefined;
  let c = 0;
  for (const ch of m[1].toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  return [Number(m[2]) - 1, c - 1];
}

interface SheetMeta {
  name: string;
  path: string;
  hidden: boolean;
}

/** Shared state of reading one file. */
interface FileCtx {
  name: string;
  limits: ReadLimits;
  /** Cell slots left (values, blank slots, empty rows, merges, shared strings). */
  budget: number;
  budgetTotal: number;
}

function spend(ctx: FileCtx, n: number, where: () => Reason): void {
  ctx.budget -= n;
  if (ctx.budget < 0)
    unreadable(
      ctx.name,
      overLimit(where(), {
        vi: `${groupDigits(ctx.budgetTotal, "vi")} ô cho tệp này`,
        en: `${groupDigits(ctx.budgetTotal, "en")} cells for this file`,
      }),
      { limit: "cells", max: ctx.budgetTotal },
    );
}

function tooLongText(ctx: FileCtx, where: Reason, length: number): never {
  return unreadable(
    ctx.name,
    overLimit(
      {
        vi: `${where.vi} có ${groupDigits(length, "vi")} ký tự,`,
        en: `${where.en} has ${groupDigits(length, "en")} characters, which`,
      },
      {
        vi: `${groupDigits(ctx.limits.stringChars, "vi")} ký tự mỗi ô, giới hạn của Excel`,
        en: `${groupDigits(ctx.limits.stringChars, "en")} characters per cell, Excel's limit`,
      },
    ),
    { limit: "stringChars", max: ctx.limits.stringChars },
  );
}

/** Text runs of a string item (<si> or <is>): every <t>, phonetic runs (<rPh>) left out. */
function itemText(inner: string, p: string): { text: string; invalid: boolean } {
  if (inner.indexOf("<") < 0) return { text: "", invalid: false };
  let res = ITEM_RE.get(p);
  if (!res) {
    res = {
      rph: new RegExp(`<(${p})rPh\\b[\\s\\S]*?<\\/\\1rPh>`, "g"),
      t: new RegExp(`<(${p})t(?:\\s[^>]*)?(?:\\/>|>([\\s\\S]*?)<\\/\\1t>)`, "g"),
    };
    ITEM_RE.set(p, res);
  }
  let s = inner;
  if (s.indexOf("rPh") >= 0) s = s.replace(res.rph, "");
  const re = res.t;
  re.lastIndex = 0;
  // Fast path: one plain <t> (what writers produce for a cell's text).
  const only = s.indexOf("<", 1) === s.lastIndexOf("</") && s.indexOf("&") < 0 && s.indexOf("_x") < 0;
  if (only) {
    const m = re.exec(s);
    re.lastIndex = 0;
    if (m && m[2] !== undefined && m.index === 0) return { text: own(m[2]), invalid: false };
  }
  let out = "";
  let invalid = false;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    if (!m[2]) continue;
    const d = contentText(m[2]);
    out += d.text;
    invalid ||= d.invalid;
  }
  return { text: own(excelUnescape(out)), invalid };
}

/** Compiled run regexes per prefix pattern. */
const ITEM_RE = new Map<string, { rph: RegExp; t: RegExp }>();

/**
 * A text value that does not keep the 1 MB piece of XML it was cut from alive: V8 keeps a long substring as a view
 * of its parent, so without this copy every piece holding one cell's text would stay in memory (the whole XML).
 */
function own(s: string): string {
  return s.length < 13 ? s : (s + " ").slice(0, -1);
}

/** Regex alternation matching any of the SpreadsheetML prefixes ("x:" or nothing). */
function prefixPattern(prefixes: Iterable<string>): string {
  const alts = [...prefixes].map((p) => (p ? `${p.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&")}:` : ""));
  return alts.length ? alts.map((a) => `(?:${a})`).join("|") : "(?:\\u0000)";
}

// ---------------------------------------------------------------------------------------- sheet reader

/** Builds one Grid from streamed worksheet XML. */
class SheetBuilder {
  readonly values: CellValue[][] = [];
  private formats: (string | null)[][] = [];
  private anyFormat = false;
  readonly merges: string[] = [];
  readonly issues: ReadIssue[] = [];
  private nextRow = 0;
  private cellRe?: RegExp;
  /** "v" with each SpreadsheetML prefix ("v", "x:v"). */
  private vNames?: Set<string>;
  /** "<is>" / "</is>" with the one SpreadsheetML prefix (fast path for inline strings). */
  private isOpen?: string;
  private isClose?: string;
  private vRe?: RegExp;
  private fRe?: RegExp;
  private isRe?: RegExp;
  private p = "";
  private readonly epoch: number;
  readonly scanner: ElementScanner;

  constructor(
    private readonly ctx: FileCtx,
    private readonly meta: SheetMeta,
    private readonly strings: SharedStrings,
    private readonly st: Styles,
    date1904: boolean,
    private readonly utf: Utf8Stream,
  ) {
    this.epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
    this.scanner = new ElementScanner(
      new Set(["row", "mergeCell"]),
      (local, text) => (local === "row" ? this.row(text) : this.mergeCell(text)),
      ctx.limits.elementChars,
      () =>
        unreadable(
          ctx.name,
          overLimit(
            { vi: `một hàng của trang "${meta.name}"`, en: `a row of sheet "${meta.name}"` },
            {
              vi: `${sizeText(ctx.limits.elementChars, "vi")} mỗi hàng`,
              en: `${sizeText(ctx.limits.elementChars, "en")} per row`,
            },
          ),
          { limit: "elementChars" },
        ),
    );
  }

  private where(cell: string): Reason {
    return { vi: `trang "${this.meta.name}", ô ${cell}`, en: `sheet "${this.meta.name}", cell ${cell}` };
  }

  private prepare(): void {
    if (this.cellRe) return;
    const prefixes = this.scanner.prefixes ?? new Set([""]);
    this.vNames = new Set([...prefixes].map((x) => (x ? `${x}:v` : "v")));
    if (prefixes.size === 1) {
      const x = [...prefixes][0];
      const q = x ? `${x}:` : "";
      this.isOpen = `<${q}is>`;
      this.isClose = `</${q}is>`;
    }
    const p = prefixPattern(prefixes);
    this.p = p;
    this.cellRe = new RegExp(`<(${p})c(?=[\\s/>])([^>]*?)(?:\\/>|>([\\s\\S]*?)<\\/\\1c>)`, "g");
    this.vRe = new RegExp(`<(${p})v(?:\\s[^>]*?)?(?:\\/>|>([\\s\\S]*?)<\\/\\1v>)`);
    this.fRe = new RegExp(`<(${p})f[\\s/>]`);
    this.isRe = new RegExp(`<(${p})is(?:\\s[^>]*)?>([\\s\\S]*?)<\\/\\1is>`);
  }

  private mergeCell(text: string): void {
    const m = /^<[^\s>]+([^>]*?)\/?>/.exec(text);
    let ref: string | undefined;
    try {
      ref = m ? rawAttributes(m[1]).find(([n]) => n === "ref")?.[1] : undefined;
    } catch {
      ref = undefined;
    }
    if (!ref || !/^[A-Za-z]{1,3}\d{1,7}:[A-Za-z]{1,3}\d{1,7}$/.test(ref)) return;
    spend(this.ctx, 1, () => ({
      vi: `các ô gộp của trang "${this.meta.name}"`,
      en: `the merged cells of sheet "${this.meta.name}"`,
    }));
    this.merges.push(ref);
  }

  private rowIndex(rAttr: string | undefined): number {
    if (rAttr === undefined) return this.nextRow;
    if (!INDEX.test(rAttr) || Number(rAttr) < 1)
      unreadable(
        this.ctx.name,
        damaged({
          vi: `trang "${this.meta.name}" có số hàng không hợp lệ "${rAttr}"`,
          en: `sheet "${this.meta.name}" has an invalid row number "${rAttr}"`,
        }),
      );
    const r = Number(rAttr);
    if (r > this.ctx.limits.rows)
      unreadable(
        this.ctx.name,
        overLimit(
          {
            vi: `trang "${this.meta.name}" có hàng số ${groupDigits(r, "vi")}, số này`,
            en: `sheet "${this.meta.name}" has row ${groupDigits(r, "en")}, which`,
          },
          {
            vi: `${groupDigits(this.ctx.limits.rows, "vi")} hàng, kích thước trang của Excel`,
            en: `${groupDigits(this.ctx.limits.rows, "en")} rows, Excel's sheet size`,
          },
        ),
        { limit: "rows", max: this.ctx.limits.rows },
      );
    return r - 1;
  }

  // State of the row being read (kept on the instance so that a cell costs no allocation).
  private cur: CellValue[] = [];
  private curFmt: (string | null)[] | undefined;
  private curR0 = 0;
  private nextCol = 0;

  private row(text: string): void {
    this.prepare();
    const startEnd = text.indexOf(">");
    const selfClosing = text.charCodeAt(startEnd - 1) === 47;
    const open = text.slice(0, selfClosing ? startEnd - 1 : startEnd);
    const sp = open.search(/\s/);
    const r0 = this.rowIndex(sp < 0 ? undefined : cellAttrs(open.slice(sp), plainAttrs(open)).r);
    this.nextRow = r0 + 1;
    if (selfClosing) return;
    const body = text.slice(startEnd + 1, text.lastIndexOf("</"));
    if (!body || body.indexOf("<") < 0) return;
    this.cur = [];
    this.curFmt = undefined;
    this.curR0 = r0;
    this.nextCol = 0;
    if (body.indexOf("xmlns") >= 0 || open.indexOf("xmlns") >= 0) this.cellsSlow(text);
    else this.cellsFast(body);
    const row = this.cur;
    // Trailing blanks are not kept; rows of only blank cells stay empty.
    while (row.length && row[row.length - 1] === null) row.pop();
    if (!row.length) return;
    if (r0 < this.values.length && this.values[r0].length)
      this.issue(r0, 0, "warning", {
        vi: `hàng ${r0 + 1} xuất hiện hai lần trong tệp; dùng hàng sau`,
        en: `row ${r0 + 1} appears twice in the file; the later one is used`,
      });
    if (r0 >= this.values.length) {
      spend(this.ctx, r0 - this.values.length, () => this.where(`A${r0 + 1}`));
      while (this.values.length < r0) this.values.push([]);
    }
    this.values[r0] = row;
    if (this.curFmt) {
      while (this.formats.length < r0) this.formats.push([]);
      this.formats[r0] = this.curFmt;
    }
  }

  /** The column of a cell from its reference (or the next column when it has none), checked against the limits. */
  private column(ref: string | undefined): number {
    if (ref === undefined) return this.nextCol;
    // "AB12": letters then digits (the fast path of decodeRef).
    let c = 0;
    let i = 0;
    const n = ref.length;
    for (; i < n && i < 8; i++) {
      const ch = ref.charCodeAt(i);
      if (ch >= 65 && ch <= 90) c = c * 26 + (ch - 64);
      else if (ch >= 97 && ch <= 122) c = c * 26 + (ch - 96);
      else break;
    }
    let rowNo = 0;
    let digits = 0;
    for (; i < n; i++) {
      const ch = ref.charCodeAt(i);
      if (ch < 48 || ch > 57) break;
      rowNo = rowNo * 10 + (ch - 48);
      digits++;
    }
    if (c === 0 || digits === 0 || i !== n || rowNo < 1) {
      const rc = decodeRef(ref);
      if (!rc || rc[0] < 0)
        unreadable(
          this.ctx.name,
          damaged({
            vi: `trang "${this.meta.name}" có địa chỉ ô không hợp lệ "${ref}"`,
            en: `sheet "${this.meta.name}" has an invalid cell address "${ref}"`,
          }),
        );
      rowNo = rc[0] + 1;
      c = rc[1] + 1;
    }
    if (rowNo > this.ctx.limits.rows) this.rowIndex(String(rowNo));
    const c0 = c - 1;
    if (c > this.ctx.limits.columns)
      unreadable(
        this.ctx.name,
        overLimit(
          {
            vi: `trang "${this.meta.name}" có ô ${ref} ở cột thứ ${groupDigits(c, "vi")}, số này`,
            en: `sheet "${this.meta.name}" has cell ${ref} in column ${groupDigits(c, "en")}, which`,
          },
          {
            vi: `${groupDigits(this.ctx.limits.columns, "vi")} cột (đến XFD), kích thước trang của Excel`,
            en: `${groupDigits(this.ctx.limits.columns, "en")} columns (up to XFD), Excel's sheet size`,
          },
        ),
        { limit: "columns", max: this.ctx.limits.columns },
      );
    return c0;
  }

  /** Put one cell's value into the current row. */
  private place(
    ref: string | undefined,
    sText: string | undefined,
    t: string | undefined,
    v: string | undefined,
    vInvalidChar: boolean,
    hasFormula: boolean,
    inline: string | undefined,
    inlineInvalidChar: boolean,
  ): void {
    const c0 = this.column(ref);
    this.nextCol = c0 + 1;
    const r0 = this.curR0;
    const s = sText !== undefined ? Number(sText) : 0;
    const value = this.value(t ?? "n", s, v, vInvalidChar, hasFormula, inline, inlineInvalidChar, r0, c0);
    if (value === null) return;
    const row = this.cur;
    if (c0 < row.length) {
      if (row[c0] !== null)
        this.issue(r0, c0, "warning", {
          vi: "ô xuất hiện hai lần trong tệp; dùng giá trị sau",
          en: "the cell appears twice in the file; the later value is used",
        });
    } else {
      spend(this.ctx, c0 + 1 - row.length, () => this.where(`${columnLetters(c0)}${r0 + 1}`));
      while (row.length < c0) row.push(null);
    }
    row[c0] = value;
    const f = this.st.fmt[s];
    if (f && typeof value === "number") {
      const fmtRow = (this.curFmt ??= []);
      while (fmtRow.length < c0) fmtRow.push(null);
      fmtRow[c0] = f;
      this.anyFormat = true;
    }
  }

  /** Cells of a row body written the usual way (prefixes declared on the root only). */
  private cellsFast(body: string): void {
    const re = this.cellRe!;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(body))) {
      const a = m[2];
      let ref: string | undefined, sText: string | undefined, t: string | undefined;
      if (plainAttrs(a)) {
        ref = quickAttr(a, ' r="');
        sText = quickAttr(a, ' s="');
        t = quickAttr(a, ' t="');
      } else {
        const at = cellAttrs(a, false);
        ref = at.r;
        sText = at.s;
        t = at.t;
      }
      const inner = m[3];
      let v: string | undefined;
      let vInvalid = false;
      let hasFormula = false;
      let inline: string | undefined;
      let inlineInvalid = false;
      if (inner) {
        if (
          t === "inlineStr" &&
          this.isOpen !== undefined &&
          inner.startsWith(this.isOpen) &&
          inner.endsWith(this.isClose!)
        ) {
          // Fast path: an inline string and nothing else (no formula, no cached value).
          const it = itemText(inner.slice(this.isOpen.length, inner.length - this.isClose!.length), this.p);
          inline = it.text;
          inlineInvalid = it.invalid;
        } else if (inner.charCodeAt(0) === 60 && inner.indexOf("<", 1) === inner.lastIndexOf("</")) {
          // Fast path: exactly one child element, e.g. <v>12</v>.
          const gt = inner.indexOf(">");
          const name = inner.slice(1, gt);
          if (this.vNames!.has(name)) {
            v = inner.slice(gt + 1, inner.lastIndexOf("</"));
            if (v.indexOf("&") >= 0) {
              const d = decodeText(v);
              v = d.text;
              vInvalid = d.invalid;
            }
          } else
            this.innerSlow(
              inner,
              t,
              (x) => (
                (v = x.v),
                (vInvalid = x.vInvalid),
                (hasFormula = x.hasFormula),
                (inline = x.inline),
                (inlineInvalid = x.inlineInvalid)
              ),
            );
        } else
          this.innerSlow(inner, t, (x) => {
            v = x.v;
            vInvalid = x.vInvalid;
            hasFormula = x.hasFormula;
            inline = x.inline;
            inlineInvalid = x.inlineInvalid;
          });
      }
      this.place(ref, sText, t, v, vInvalid, hasFormula, inline, inlineInvalid);
    }
  }

  private innerSlow(
    inner: string,
    t: string | undefined,
    out: (x: { v?: string; vInvalid: boolean; hasFormula: boolean; inline?: string; inlineInvalid: boolean }) => void,
  ): void {
    const x: { v?: string; vInvalid: boolean; hasFormula: boolean; inline?: string; inlineInvalid: boolean } = {
      vInvalid: false,
      hasFormula: this.fRe!.test(inner),
      inlineInvalid: false,
    };
    const v = this.vRe!.exec(inner);
    if (v) {
      const d = v[2] === undefined ? { text: "", invalid: false } : contentText(v[2]);
      x.v = d.text;
      x.vInvalid = d.invalid;
    }
    if (t === "inlineStr") {
      const is = this.isRe!.exec(inner);
      if (is) {
        const it = itemText(is[2], this.p);
        x.inline = it.text;
        x.inlineInvalid = it.invalid;
      }
    }
    out(x);
  }

  /** Cells of a row that (re)declares namespaces: resolved element by element. */
  private cellsSlow(rowText: string): void {
    let tree: XmlElement;
    try {
      tree = parseXml(rowText, this.scanner.scope);
    } catch {
      return unreadable(
        this.ctx.name,
        damaged({
          vi: `trang "${this.meta.name}" có hàng viết sai cú pháp XML`,
          en: `sheet "${this.meta.name}" has a malformed row`,
        }),
      );
    }
    for (const c of childrenOf(tree, SML, "c")) {
      const v = childrenOf(c, SML, "v")[0];
      const is = childrenOf(c, SML, "is")[0];
      let inline: string | undefined;
      if (is) {
        const runs = [...childrenOf(is, SML, "t"), ...childrenOf(is, SML, "r").flatMap((r) => childrenOf(r, SML, "t"))];
        inline = excelUnescape(runs.map((t) => t.text).join(""));
      }
      this.place(
        attrOf(c, "r"),
        attrOf(c, "s"),
        attrOf(c, "t"),
        v?.text,
        v ? v.text.indexOf("\ufffd") >= 0 : false,
        childrenOf(c, SML, "f").length > 0,
        inline,
        inline !== undefined && inline.indexOf("\ufffd") >= 0,
      );
    }
  }

  private issue(r0: number, c0: number, severity: ReadIssue["severity"], reason: Reason, value?: string): void {
    spend(this.ctx, 1, () => this.where(`${columnLetters(c0)}${r0 + 1}`));
    const i: ReadIssue = { row0: r0, col0: c0, severity, reason };
    if (value !== undefined) i.value = value.length > 200 ? value.slice(0, 200) + "…" : value;
    this.issues.push(i);
  }

  /** A text value: length limit; invalid UTF-8 or characters → an error issue, the text kept with U+FFFD. */
  private text(s: string, invalidChar: boolean, r0: number, c0: number): string {
    if (s.length > this.ctx.limits.stringChars)
      tooLongText(this.ctx, this.where(`${columnLetters(c0)}${r0 + 1}`), s.length);
    if (invalidChar || (this.utf.invalid && s.indexOf("\ufffd") >= 0)) this.badText(r0, c0, s);
    return s;
  }

  private badText(r0: number, c0: number, s: string): void {
    this.issue(
      r0,
      c0,
      "error",
      {
        vi: "văn bản có byte không phải UTF-8 hoặc ký tự XML không cho phép; các ký tự đó hiện là �",
        en: "the text holds bytes that are not UTF-8 or characters XML does not allow; they show as �",
      },
      s,
    );
  }

  private value(
    t: string,
    s: number,
    v: string | undefined,
    vInvalidChar: boolean,
    hasFormula: boolean,
    inline: string | undefined,
    inlineInvalidChar: boolean,
    r0: number,
    c0: number,
  ): CellValue {
    if (t === "inlineStr") {
      if (inline === undefined) return v !== undefined ? this.text(v, vInvalidChar, r0, c0) : null;
      return this.text(inline, inlineInvalidChar, r0, c0);
    }
    if (v === undefined) return hasFormula ? { error: NO_CACHED_VALUE } : null;
    if (v === "") {
      if (t === "str") return ""; // a formula whose result is empty text (as Office.js hands it too)
      if (t === "s") {
        this.issue(r0, c0, "error", {
          vi: "tham chiếu chuỗi dùng chung nhưng không ghi số chỉ mục; coi là ô trống",
          en: "refers to a shared string without an index; treated as blank",
        });
        return null;
      }
      this.issue(r0, c0, "warning", { vi: "giá trị rỗng", en: "empty value" }, "");
      return null;
    }
    switch (t) {
      case "s": {
        const count = this.strings.items.length;
        const i = indexOf(v);
        if (i < 0 || i >= count) {
          const raw = v.trim();
          // Not an index at all ("NaN", "-1", "1.5"), no shared strings, or past the last one (found by the fuzz suite).
          const reason =
            i < 0
              ? {
                  vi: `ghi chỉ mục chuỗi dùng chung "${raw}", không phải số thứ tự (số nguyên từ 0); coi là ô trống`,
                  en: `gives the shared-string index "${raw}", which is not a whole number from 0; treated as blank`,
                }
              : count === 0
                ? {
                    vi: `tham chiếu chuỗi dùng chung số ${raw} nhưng tệp không có chuỗi dùng chung nào; coi là ô trống`,
                    en: `refers to shared string ${raw} but the file has no shared strings; treated as blank`,
                  }
                : {
                    vi: `tham chiếu chuỗi dùng chung số ${raw} nhưng tệp chỉ có ${groupDigits(count, "vi")} chuỗi (số 0 đến ${groupDigits(count - 1, "vi")}); coi là ô trống`,
                    en: `refers to shared string ${raw} but the file has only ${groupDigits(count, "en")} (0 to ${groupDigits(count - 1, "en")}); treated as blank`,
                  };
          this.issue(r0, c0, "error", reason, raw);
          return null;
        }
        const str = this.strings.items[i];
        if (this.strings.bad.has(i)) this.badText(r0, c0, str);
        return str;
      }
      case "str":
        return this.text(own(excelUnescape(v)), vInvalidChar, r0, c0);
      case "b":
        if (v === "1" || v === "true") return true;
        if (v === "0" || v === "false") return false;
        this.issue(
          r0,
          c0,
          "error",
          {
            vi: `giá trị đúng/sai không hợp lệ "${v}"; coi là ô trống`,
            en: `invalid true/false value "${v}"; treated as blank`,
          },
          v,
        );
        return null;
      case "e":
        return { error: v };
      case "d": {
        const d = new Date(v);
        if (!Number.isNaN(d.getTime())) return d;
        this.issue(
          r0,
          c0,
          "error",
          { vi: `ngày tháng không hợp lệ "${v}"; coi là ô trống`, en: `invalid date "${v}"; treated as blank` },
          v,
        );
        return null;
      }
      case "n": {
        const n = NUMBER.test(v) ? Number(v) : NaN;
        if (!Number.isFinite(n)) {
          this.issue(
            r0,
            c0,
            "error",
            { vi: `giá trị số không hợp lệ "${v}"; coi là ô trống`, en: `invalid number "${v}"; treated as blank` },
            v,
          );
          return null;
        }
        if (this.st.date[s] && n > -693594 && n < 2958466) return new Date(this.epoch + Math.round(n * 86400000));
        return n;
      }
      default:
        this.issue(
          r0,
          c0,
          "error",
          { vi: `kiểu ô không rõ "${t}"; coi là ô trống`, en: `unknown cell type "${t}"; treated as blank` },
          v,
        );
        return null;
    }
  }

  grid(): Grid {
    const grid: Grid = { sheetName: this.meta.name, origin: "A1", values: this.values, merges: this.merges };
    if (this.anyFormat) grid.numberFormats = this.formats;
    if (this.meta.hidden) grid.hidden = true;
    grid.file = this.ctx.name;
    if (this.issues.length) grid.readIssues = this.issues;
    return grid;
  }
}

/** The shared-string table, read item by item; `bad` holds the indexes of items with invalid text. */
interface SharedStrings {
  items: string[];
  bad: Set<number>;
}

// -------------------------------------------------------------------------------------------- package

/**
 * What the reader asks its host for: inflate `data` (raw DEFLATE), streaming the output into `sink`, producing at
 * most `maxBytes` (a host that cannot stream may inflate with that cap and call `sink` once).
 */
interface InflateRequest {
  entry: ZipEntry;
  data: Uint8Array;
  maxBytes: number;
  sink: (chunk: Uint8Array) => void;
}

/** Slice size for handing a stored (or wholly inflated) part to the scanners. */
const SLICE = 1 << 20;

export interface ParseOptions {
  limits?: Partial<ReadLimits>;
}

/**
 * The reading steps as a generator: it yields each deflated part it needs (with the sink that consumes the
 * inflated bytes), so one body serves a synchronous (zlib) and an asynchronous (DecompressionStream) host.
 */
function* workbookSteps(buf: Uint8Array, file: string, opts: ParseOptions): Generator<InflateRequest, Grid[], void> {
  const name = fileBaseName(file);
  const limits: ReadLimits = { ...DEFAULT_LIMITS, ...opts.limits };
  if (buf.length < 4 || u32(buf, 0) !== 0x04034b50) unreadable(name, diagnoseNonXlsx(buf, file));
  if (buf.length > limits.fileBytes)
    unreadable(
      name,
      overLimit(
        { vi: `tệp có ${sizeText(buf.length, "vi")},`, en: `the file has ${sizeText(buf.length, "en")}, which` },
        { vi: `${sizeText(limits.fileBytes, "vi")} mỗi tệp`, en: `${sizeText(limits.fileBytes, "en")} per file` },
      ),
      { limit: "fileBytes", max: limits.fileBytes },
    );
  let entries: Map<string, ZipEntry>;
  try {
    entries = zipEntries(buf);
  } catch (e) {
    if (e instanceof ZipError) return unreadable(name, damaged(e.reason));
    if (e instanceof RangeError)
      return unreadable(name, damaged({ vi: "mục lục của gói nén bị hỏng", en: "the archive's directory is damaged" }));
    throw e;
  }
  const ctx: FileCtx = {
    name,
    limits,
    budget: cellBudget(limits, buf.length),
    budgetTotal: cellBudget(limits, buf.length),
  };
  let totalOut = 0;

  /** Stream one part's inflated bytes into `consume`, enforcing every byte limit. */
  function* inflate(path: string, consume: (chunk: Uint8Array) => void): Generator<InflateRequest, boolean, void> {
    const e = entries.get(path);
    if (!e) return false;
    let raw: Uint8Array;
    try {
      raw = zipRaw(buf, e);
    } catch (err) {
      if (err instanceof ZipError) return unreadable(name, damaged(err.reason));
      throw err;
    }
    const part = { vi: `phần "${e.name}" của gói`, en: `part "${e.name}" of the package` };
    const entryLimit = Math.min(limits.entryBytes, limits.totalBytes - totalOut);
    const ratioCap = Math.max(limits.ratioFloorBytes, e.compressedSize * limits.ratio);
    const refuse = (bytes: number): never => {
      if (bytes > limits.entryBytes)
        return unreadable(
          name,
          overLimit(
            {
              vi: `${part.vi} giải nén ra hơn ${sizeText(limits.entryBytes, "vi")},`,
              en: `${part.en} unpacks to more than ${sizeText(limits.entryBytes, "en")}, which`,
            },
            {
              vi: `${sizeText(limits.entryBytes, "vi")} mỗi phần`,
              en: `${sizeText(limits.entryBytes, "en")} per part`,
            },
          ),
          { limit: "entryBytes", max: limits.entryBytes, part: e.name },
        );
      if (bytes > ratioCap)
        return unreadable(
          name,
          overLimit(
            {
              vi: `${part.vi} nén ${groupDigits(e.compressedSize, "vi")} byte thành hơn ${groupDigits(Math.min(bytes, e.size || bytes), "vi")} byte, tỷ lệ này`,
              en: `${part.en} packs more than ${groupDigits(Math.min(bytes, e.size || bytes), "en")} bytes into ${groupDigits(e.compressedSize, "en")}, a ratio that`,
            },
            {
              vi: `nén tối đa ${limits.ratio} lần với phần trên ${sizeText(limits.ratioFloorBytes, "vi")}; tệp Excel thật nén khoảng 10 lần`,
              en: `at most ${limits.ratio}:1 for a part over ${sizeText(limits.ratioFloorBytes, "en")}; real Excel files compress about 10:1`,
            },
          ),
          { limit: "ratio", max: limits.ratio, part: e.name },
        );
      return unreadable(
        name,
        overLimit(
          {
            vi: `gói giải nén ra hơn ${sizeText(limits.totalBytes, "vi")},`,
            en: `the package unpacks to more than ${sizeText(limits.totalBytes, "en")}, which`,
          },
          { vi: `${sizeText(limits.totalBytes, "vi")} mỗi tệp`, en: `${sizeText(limits.totalBytes, "en")} per file` },
        ),
        { limit: "totalBytes", max: limits.totalBytes },
      );
    };
    // Before inflating: the declared size against every limit.
    if (e.size > Math.min(entryLimit, ratioCap)) refuse(e.size);
    const max = e.size; // never accept more than declared (which is within the limits)
    let got = 0;
    const sink = (chunk: Uint8Array) => {
      got += chunk.length;
      // While inflating: a part that produces more than it declared is damaged (a lie about its size). Same
      // reason as an inflater error, so every host reports a damaged stream identically.
      if (got > max) unreadable(name, cannotUnpack(e));
      consume(chunk);
    };
    if (e.method === 0) {
      for (let i = 0; i < raw.length; i += SLICE) sink(raw.subarray(i, Math.min(raw.length, i + SLICE)));
    } else {
      const req: InflateRequest = { entry: e, data: raw, maxBytes: max, sink };
      yield req;
    }
    if (got !== e.size)
      unreadable(name, damaged({ vi: `không giải nén được ${part.vi}`, en: `cannot unpack ${part.en}` }));
    totalOut += got;
    return true;
  }

  /** A small part read whole as text (capped by `limits.partBytes`). */
  function* smallText(path: string): Generator<InflateRequest, string | undefined, void> {
    const e = entries.get(path);
    if (!e) return undefined;
    if (e.size > limits.partBytes)
      unreadable(
        name,
        overLimit(
          {
            vi: `phần "${path}" có ${sizeText(e.size, "vi")},`,
            en: `part "${path}" has ${sizeText(e.size, "en")}, which`,
          },
          {
            vi: `${sizeText(limits.partBytes, "vi")} cho phần này`,
            en: `${sizeText(limits.partBytes, "en")} for this part`,
          },
        ),
        { limit: "partBytes", max: limits.partBytes, part: path },
      );
    const chunks: Uint8Array[] = [];
    yield* inflate(path, (c) => chunks.push(c.slice()));
    let total = 0;
    for (const c of chunks) total += c.length;
    const all = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) {
      all.set(c, at);
      at += c.length;
    }
    return utf8(all);
  }

  function* smallXml(path: string): Generator<InflateRequest, XmlElement | undefined, void> {
    const text = yield* smallText(path);
    if (text === undefined) return undefined;
    try {
      return parseXml(text);
    } catch (err) {
      if (err instanceof XmlError)
        return unreadable(
          name,
          damaged({ vi: `phần "${path}" viết sai cú pháp XML`, en: `part "${path}" is not well-formed XML` }),
        );
      throw err;
    }
  }

  // Not a workbook at all?
  const mimetype = entries.get("mimetype");
  if (mimetype && mimetype.size < 200 && mimetype.method === 0) {
    let mt = "";
    try {
      mt = utf8(zipRaw(buf, mimetype));
    } catch {
      mt = "";
    }
    if (/opendocument\.spreadsheet/.test(mt)) unreadable(name, ODS);
  }
  if (extOf(file) === ".ods" && entries.has("content.xml") && !entries.has("xl/workbook.xml")) unreadable(name, ODS);

  const rootRels = relationships(yield* smallXml("_rels/.rels"), "");
  const office = [...rootRels.values()].find((r) => isType(r, "officeDocument"));
  const wbPath = office?.target ?? "xl/workbook.xml";
  const wb = yield* smallXml(wbPath);
  if (!wb) {
    if (entries.has("word/document.xml"))
      unreadable(name, {
        vi: "đây là tệp Word (.docx), không phải sổ làm việc Excel",
        en: "this is a Word file (.docx), not an Excel workbook",
      });
    if (entries.has("ppt/presentation.xml"))
      unreadable(name, {
        vi: "đây là tệp PowerPoint (.pptx), không phải sổ làm việc Excel",
        en: "this is a PowerPoint file (.pptx), not an Excel workbook",
      });
    if (entries.has("content.xml")) unreadable(name, ODS);
    unreadable(name, {
      vi: "gói .xlsx không có sổ làm việc (workbook.xml)",
      en: "the .xlsx package has no workbook (workbook.xml)",
    });
  }
  if (!SML.has(wb.ns) || wb.local !== "workbook")
    unreadable(
      name,
      damaged({
        vi: `phần "${wbPath}" không phải sổ làm việc SpreadsheetML`,
        en: `part "${wbPath}" is not a SpreadsheetML workbook`,
      }),
    );
  const rels = relationships(yield* smallXml(wbPath.replace(/[^/]+$/, (f) => `_rels/${f}.rels`)), wbPath);
  const pr = childrenOf(wb, SML, "workbookPr")[0];
  const date1904 = pr ? /^(1|true)$/.test(attrOf(pr, "date1904") ?? "") : false;
  const metas: SheetMeta[] = [];
  const listed: string[] = [];
  const skipped: Reason[] = [];
  const seenPaths = new Set<string>();
  for (const sheets of childrenOf(wb, SML, "sheets"))
    for (const s of childrenOf(sheets, SML, "sheet")) {
      const sheetName = attrOf(s, "name") ?? "";
      listed.push(sheetName);
      if (listed.length > limits.sheets)
        unreadable(
          name,
          overLimit(
            { vi: "số trang tính", en: "the number of sheets" },
            {
              vi: `${groupDigits(limits.sheets, "vi")} trang mỗi tệp`,
              en: `${groupDigits(limits.sheets, "en")} sheets per file`,
            },
          ),
          { limit: "sheets", max: limits.sheets },
        );
      const rid = attrOf(s, "id", OFFICE_REL);
      const rel = rid ? rels.get(rid) : undefined;
      const state = attrOf(s, "state");
      if (!rel || !entries.has(rel.target)) {
        skipped.push({
          vi: `"${sheetName}": không tìm thấy phần của trang`,
          en: `"${sheetName}": its part is missing`,
        });
        continue;
      }
      if (seenPaths.has(rel.target)) {
        skipped.push({
          vi: `"${sheetName}": trùng phần với trang khác`,
          en: `"${sheetName}": shares its part with another sheet`,
        });
        continue;
      }
      seenPaths.add(rel.target);
      metas.push({ name: sheetName, path: rel.target, hidden: state === "hidden" || state === "veryHidden" });
    }
  const relList = [...rels.values()];
  const sstPath = relList.find((r) => isType(r, "sharedStrings"))?.target ?? "xl/sharedStrings.xml";
  const stylesPath = relList.find((r) => isType(r, "styles"))?.target ?? "xl/styles.xml";

  // Shared strings: streamed item by item.
  const strings: SharedStrings = { items: [], bad: new Set() };
  {
    const utf = new Utf8Stream();
    let sstP = "";
    let simpleRe: RegExp | undefined;
    const scanner = new ElementScanner(
      new Set(["si"]),
      (_local, text) => {
        const i = strings.items.length;
        if ((i & 1023) === 0) spend(ctx, 1024, () => ({ vi: "bảng chuỗi dùng chung", en: "the shared-string table" }));
        const gt = text.indexOf(">");
        const inner = text.charCodeAt(gt - 1) === 47 ? "" : text.slice(gt + 1, text.lastIndexOf("</"));
        sstP ||= prefixPattern(scanner.prefixes ?? [""]);
        simpleRe ??= new RegExp(`^<(${sstP})t(?: xml:space="preserve")?>([^<]*)<\\/\\1t>$`);
        // Fast path: a single plain <t> (what Excel writes for most strings).
        const simple = simpleRe.exec(inner);
        let t: { text: string; invalid: boolean };
        if (simple) {
          const d = decodeText(simple[2]);
          t = { text: excelUnescape(d.text), invalid: d.invalid };
        } else t = itemText(inner, sstP);
        if (t.text.length > limits.stringChars)
          tooLongText(ctx, { vi: `chuỗi dùng chung số ${i}`, en: `shared string ${i}` }, t.text.length);
        if (t.invalid || (utf.invalid && t.text.indexOf("\ufffd") >= 0)) strings.bad.add(i);
        strings.items.push(own(t.text));
      },
      limits.elementChars,
      () =>
        unreadable(
          name,
          overLimit(
            { vi: "một chuỗi dùng chung", en: "a shared string" },
            {
              vi: `${sizeText(limits.elementChars, "vi")} mỗi chuỗi`,
              en: `${sizeText(limits.elementChars, "en")} per string`,
            },
          ),
          { limit: "elementChars" },
        ),
    );
    const found = yield* inflate(sstPath, (c) => scanner.push(utf.decode(c)));
    if (found) scanner.push(utf.end());
  }

  const st = styles(yield* smallXml(stylesPath));
  const grids: Grid[] = [];
  for (const meta of metas) {
    const utf = new Utf8Stream();
    const builder = new SheetBuilder(ctx, meta, strings, st, date1904, utf);
    yield* inflate(meta.path, (c) => builder.scanner.push(utf.decode(c)));
    builder.scanner.push(utf.end());
    if (!builder.scanner.rootInSml || builder.scanner.rootLocal !== "worksheet") {
      // chart sheets, dialog sheets, macro sheets, or a part in another namespace
      skipped.push({
        vi: `"${meta.name}": không phải trang bảng tính (${builder.scanner.rootLocal ?? "?"})`,
        en: `"${meta.name}": not a worksheet (${builder.scanner.rootLocal ?? "?"})`,
      });
      continue;
    }
    grids.push(builder.grid());
  }
  if (!grids.length)
    unreadable(name, {
      vi: `không đọc được trang tính nào: sổ làm việc liệt kê ${listed.length} trang${listed.length ? ` (${skipped.map((s) => s.vi).join("; ")})` : ""}`,
      en: `no sheet could be read: the workbook lists ${listed.length} sheet${listed.length === 1 ? "" : "s"}${listed.length ? ` (${skipped.map((s) => s.en).join("; ")})` : ""}`,
    });
  return grids;
}

/** An inflater failure is a damaged file, whatever the inflater's own message says; our own stops pass through. */
function inflateFailed(file: string, req: InflateRequest, e: unknown): never {
  if (isPovertyError(e)) throw e; // a limit or a size lie, found by the reader's sink
  return unreadable(fileBaseName(file), cannotUnpack(req.entry)); // includes InflateOverflow (more than declared)
}

/**
 * Read an .xlsx held in memory with a synchronous inflater. `file` names it in messages and in `Grid.file`
 * (its base name).
 * @throws PovertyError FILE_UNREADABLE (corrupt, truncated, password-protected, .xls, .csv, .ods, over a limit,
 * not a workbook).
 */
export function parseXlsxSync(
  bytes: Uint8Array,
  file: string,
  inflateRaw: InflateRawSync,
  opts: ParseOptions = {},
): Grid[] {
  const steps = workbookSteps(bytes, file, opts);
  let next = steps.next();
  while (!next.done) {
    const req = next.value;
    try {
      inflateRaw(req.data, req.sink, req.maxBytes);
    } catch (e) {
      return inflateFailed(file, req, e);
    }
    next = steps.next();
  }
  return next.value;
}

/**
 * Read an .xlsx held in memory with any inflater, synchronous or not (the task pane's DecompressionStream, the
 * CLI's streaming zlib). Same steps, same results and same FILE_UNREADABLE errors as parseXlsxSync.
 */
export async function parseXlsx(
  bytes: Uint8Array,
  file: string,
  inflateRaw: InflateRaw,
  opts: ParseOptions = {},
): Promise<Grid[]> {
  const steps = workbookSteps(bytes, file, opts);
  let next = steps.next();
  while (!next.done) {
    const req = next.value;
    try {
      await inflateRaw(req.data, req.sink, req.maxBytes);
    } catch (e) {
      return inflateFailed(file, req, e);
    }
    next = steps.next();
  }
  return next.value;
}

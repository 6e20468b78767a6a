/**
 * Mutations of real .xlsx bytes for the fuzz suite, as fast-check arbitraries (so a failing case shrinks to a
 * small, printable list of edits on a named seed):
 * - the package: entries dropped, duplicated (same or changed bytes), swapped, renamed, stored instead of deflated,
 *   lying about their size, flagged as encrypted;
 * - a part's XML (worksheet, shared strings, workbook, relationships, styles, content types): odd values in
 *   attributes (huge or negative row numbers, cell references past XFD1048576, unknown cell types, shared-string
 *   indexes out of range), odd cell values (empty, NaN, 1e999, characters XML forbids, 40,000 characters), random
 *   XML fragments injected at a tag boundary, tags deleted, rows duplicated, the part cut short, replaced by random
 *   text, namespace prefixes and Strict OOXML URIs, byte-order marks, UTF-16, an entity-expansion DOCTYPE, a byte
 *   flipped in the inflated text (invalid UTF-8);
 * - the bytes of the file: flipped, truncated, spliced, a range duplicated.
 * Every mutation is bounded (sizes, counts), so each case costs bounded time and memory by construction.
 */
import fc from "fast-check";
import { inflateRawSync } from "zlib";
import { zipEntries, zipRaw } from "../../src/xlsx/zip-read";
import { prefixXml, REL_S, REL_T, SML_S, SML_T } from "../support/xlsx-craft";
import { zip, type ZipEntrySpec } from "../support/zip";

export type PartRole = "sheet" | "sst" | "workbook" | "wbrels" | "rootrels" | "styles" | "ctypes" | "any";

export type XmlEdit =
  | { op: "prefix"; prefix: string }
  | { op: "strict" }
  | { op: "attr"; attr: string; nth: number; value: string }
  | { op: "value"; nth: number; value: string }
  | { op: "inject"; nth: number; fragment: string }
  | { op: "deleteTag"; nth: number }
  | { op: "cut"; at: number }
  | { op: "dupRow"; nth: number; times: number }
  | { op: "replace"; text: string }
  | { op: "flip"; at: number; xor: number }
  | { op: "encoding"; how: "bom" | "utf16le" | "decl-utf16" | "nul" | "doctype-entities" | "doctype-external" };

export type Mutation =
  | { op: "xml"; role: PartRole; pick: number; edit: XmlEdit }
  | { op: "dropEntry"; pick: number }
  | { op: "dupEntry"; pick: number; changed: boolean }
  | { op: "swapEntries"; a: number; b: number }
  | { op: "renameEntry"; pick: number; name: string }
  | { op: "store"; pick: number }
  | { op: "lie"; pick: number; size: number }
  | { op: "encrypt"; pick: number }
  | { op: "flip"; at: number; xor: number }
  | { op: "truncate"; at: number }
  | { op: "splice"; at: number; del: number; bytes: number[] }
  | { op: "dupRange"; from: number; len: number; to: number };

/** A case: which seed, and the edits made to it (structural ones first, then the byte-level ones). */
export interface FuzzCase {
  seed: number;
  mutations: Mutation[];
}

// ------------------------------------------------------------------------------------------ odd values
const ROW_NUMBERS = [
  "0",
  "-1",
  "1048576",
  "1048577",
  "2147483647",
  "2147483648",
  "4294967296",
  "9007199254740993",
  "1e3",
  "0x10",
  "abc",
  "",
  "01",
  "3.5",
  " 7",
];
const CELL_REFS = [
  "A1",
  "B2",
  "XFD1048576",
  "XFE1",
  "A0",
  "A1048577",
  "a1",
  "$A$1",
  "AAAA1",
  "1A",
  "",
  "ZZZZZZZZZZ99999999999",
  "A-1",
  "Ω1",
];
const CELL_TYPES = ["s", "n", "b", "e", "str", "inlineStr", "d", "zz", ""];
const NUMBERS = ["-1", "0", "1", "3", "99999", "4294967296", "1.5", "", "x", "1e2", "NaN", "-0"];
const VALUES = [
  "",
  " ",
  "NaN",
  "Infinity",
  "-Infinity",
  "1e999",
  "-0",
  "0x1F",
  "1,5",
  "1.5e-320",
  "&#x110000;",
  "&#0;",
  "&#xD800;",
  "&#65535;",
  "&#x1F600;",
  "&bogus;",
  "&amp;amp;",
  "<![CDATA[12]]>",
  "]]>",
  '=HYPERLINK("http://127.0.0.1")',
  "#REF!",
  "Nguyễn Văn An",
  "9".repeat(400),
  "x".repeat(40_000),
];
const SHEET_NAMES = ["", "Sheet'1", "a/b", "x".repeat(40), "Danh sách hộ", "History", "&lt;&gt;", "Biểu 1"];
const TARGETS = [
  "worksheets/sheet1.xml",
  "/xl/worksheets/sheet1.xml",
  "../../../etc/passwd",
  "worksheets/../worksheets/sheet1.xml",
  "http://127.0.0.1/x.xml",
  "",
  "sharedStrings.xml",
  "styles.xml",
  "worksheets/sheet99.xml",
  "workbook.xml",
  "C:\\x.xml",
  "worksheets/sheet1.xml#frag",
];
const ATTRS: Record<string, readonly string[]> = {
  r: [...ROW_NUMBERS, ...CELL_REFS],
  t: CELL_TYPES,
  s: ["-1", "0", "99999", "abc", ""],
  ref: ["A1:XFD1048576", "B2:A1", "A1", "", "A1:A1048577", "ZZ1:ZZ9"],
  "r:id": ["rId1", "rId2", "rId999", "", "rId1 "],
  name: SHEET_NAMES,
  Target: TARGETS,
  count: ["-1", "0", "4294967296", "abc"],
  uniqueCount: ["-1", "0", "4294967296", "abc"],
  sheetId: ["0", "-1", "1", "abc"],
  state: ["hidden", "veryHidden", "visible", "odd"],
  spans: ["1:16384", "0:0", "abc", "5:1"],
  numFmtId: ["0", "14", "49", "999", "-1", "abc"],
  formatCode: ["0", "dd/mm/yyyy", "@", "[Red]0.0", '"', "0%", ""],
};

// ------------------------------------------------------------------------------------------ random XML
const NAMES = [
  "row",
  "c",
  "v",
  "f",
  "is",
  "t",
  "r",
  "si",
  "rPh",
  "sheetData",
  "mergeCell",
  "mergeCells",
  "sheet",
  "sheets",
  "worksheet",
  "x:c",
  "x:row",
  "x:v",
  "a:b",
  "numFmt",
  "xf",
  "Relationship",
];
const attrArb = fc.oneof(
  fc
    .constantFrom(...Object.keys(ATTRS))
    .chain((k) => fc.constantFrom(...ATTRS[k]).map((v) => ` ${k}="${v.slice(0, 200)}"`)),
  fc.constantFrom(
    ` xmlns="${SML_T}"`,
    ` xmlns:x="${SML_T}"`,
    ` xmlns="${SML_S}"`,
    ` xmlns="urn:other"`,
    ` xmlns:x=""`,
    ` xml:space="preserve"`,
    ` r="A1" r="B1"`,
    ` r=A1`,
    ` r='C3'`,
    ` t="s`,
  ),
);
const textArb = fc.oneof(
  fc.constantFrom(...VALUES.map((v) => v.slice(0, 500))),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: "grapheme", maxLength: 12 }),
  fc.constantFrom("<!-- c -->", "<?pi x?>", "&lt;", "&#x41;", "<", ">", "&", "\u0000", "\uFFFE", "\r\n\t"),
);
const { fragment: fragmentArb } = fc.letrec<{ fragment: string; element: string }>((tie) => ({
  fragment: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    textArb,
    tie("element"),
    fc.array(tie("fragment"), { maxLength: 3 }).map((a) => a.join("")),
    fc.constantFrom(...NAMES).map((n) => `<${n}>`), // never closed
    fc.constantFrom(...NAMES).map((n) => `</${n}>`), // never opened
  ),
  element: fc
    .tuple(fc.constantFrom(...NAMES), fc.array(attrArb, { maxLength: 3 }), fc.option(tie("fragment")))
    .map(([n, a, inner]) => (inner === null ? `<${n}${a.join("")}/>` : `<${n}${a.join("")}>${inner}</${n}>`)),
}));

const roleArb = fc.constantFrom<PartRole>(
  "sheet",
  "sheet",
  "sheet",
  "sst",
  "sst",
  "workbook",
  "wbrels",
  "rootrels",
  "styles",
  "ctypes",
  "any",
);
const at = fc.nat({ max: 1_000_000 });
const nth = fc.nat({ max: 200 });

export const xmlEditArb: fc.Arbitrary<XmlEdit> = fc.oneof(
  fc.record({ op: fc.constant("prefix" as const), prefix: fc.constantFrom("x", "ss", "a1", "_", "main") }),
  fc.record({ op: fc.constant("strict" as const) }),
  fc.constantFrom(...Object.keys(ATTRS)).chain((attr) =>
    fc.record({
      op: fc.constant("attr" as const),
      attr: fc.constant(attr),
      nth,
      value: fc.constantFrom(...ATTRS[attr]),
    }),
  ),
  fc.record({
    op: fc.constant("value" as const),
    nth,
    value: fc.oneof(fc.constantFrom(...VALUES), fc.constantFrom(...NUMBERS), textArb),
  }),
  fc.record({ op: fc.constant("inject" as const), nth, fragment: fragmentArb.map((f) => f.slice(0, 4000)) }),
  fc.record({ op: fc.constant("deleteTag" as const), nth }),
  fc.record({ op: fc.constant("cut" as const), at }),
  fc.record({ op: fc.constant("dupRow" as const), nth, times: fc.integer({ min: 1, max: 60 }) }),
  fc.record({ op: fc.constant("replace" as const), text: fc.oneof(fragmentArb, fc.string({ maxLength: 64 })) }),
  fc.record({ op: fc.constant("flip" as const), at, xor: fc.integer({ min: 1, max: 255 }) }),
  fc.record({
    op: fc.constant("encoding" as const),
    how: fc.constantFrom("bom", "utf16le", "decl-utf16", "nul", "doctype-entities", "doctype-external"),
  }),
);

const pick = fc.nat({ max: 64 });
export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 20, arbitrary: fc.record({ op: fc.constant("xml" as const), role: roleArb, pick, edit: xmlEditArb }) },
  fc.record({ op: fc.constant("dropEntry" as const), pick }),
  fc.record({ op: fc.constant("dupEntry" as const), pick, changed: fc.boolean() }),
  fc.record({ op: fc.constant("swapEntries" as const), a: pick, b: pick }),
  fc.record({
    op: fc.constant("renameEntry" as const),
    pick,
    name: fc.constantFrom(
      "XL/Workbook.xml",
      "xl/worksheets/sheet2.xml",
      "/xl/workbook.xml",
      "xl\\workbook.xml",
      "../evil.xml",
      "",
      "mimetype",
    ),
  }),
  fc.record({ op: fc.constant("store" as const), pick }),
  fc.record({
    op: fc.constant("lie" as const),
    pick,
    size: fc.constantFrom(0, 1, 100, 0x7fffffff, 0xffffffff, 16 << 20),
  }),
  fc.record({ op: fc.constant("encrypt" as const), pick }),
  { weight: 2, arbitrary: fc.record({ op: fc.constant("flip" as const), at, xor: fc.integer({ min: 1, max: 255 }) }) },
  fc.record({ op: fc.constant("truncate" as const), at }),
  fc.record({
    op: fc.constant("splice" as const),
    at,
    del: fc.nat({ max: 64 }),
    bytes: fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 64 }),
  }),
  fc.record({
    op: fc.constant("dupRange" as const),
    from: at,
    len: fc.integer({ min: 1, max: 4096 }),
    to: at,
  }),
);

export function caseArb(seedCount: number): fc.Arbitrary<FuzzCase> {
  return fc.record({
    seed: fc.nat({ max: seedCount - 1 }),
    mutations: fc.array(mutationArb, { minLength: 1, maxLength: 3 }),
  });
}

// ------------------------------------------------------------------------------------------ applying
interface Part extends Omit<ZipEntrySpec, "data"> {
  data: Buffer;
}

function partsOf(buf: Uint8Array): Part[] {
  return [...zipEntries(buf).values()].map((e) => {
    const raw = zipRaw(buf, e);
    return { name: e.name, data: e.method === 0 ? Buffer.from(raw) : inflateRawSync(raw) };
  });
}

const isXml = (p: Part) => /\.(xml|rels)$/i.test(p.name);

function partFor(parts: Part[], role: PartRole, pickN: number): Part | undefined {
  const test: Record<PartRole, (n: string) => boolean> = {
    sheet: (n) => /worksheets\/[^/]+\.xml$/.test(n),
    sst: (n) => /sharedStrings\.xml$/.test(n),
    workbook: (n) => /xl\/workbook\.xml$/.test(n),
    wbrels: (n) => /workbook\.xml\.rels$/.test(n),
    rootrels: (n) => n === "_rels/.rels",
    styles: (n) => /styles\.xml$/.test(n),
    ctypes: (n) => n === "[Content_Types].xml",
    any: () => true,
  };
  const found = parts.filter((p) => isXml(p) && test[role](p.name));
  return found.length ? found[pickN % found.length] : undefined;
}

/** The nth match of a global regex (mod the number of matches), or undefined. */
function nthMatch(text: string, re: RegExp, n: number): RegExpExecArray | undefined {
  const all = [...text.matchAll(re)];
  return all.length ? (all[n % all.length] as RegExpExecArray) : undefined;
}

const splice = (s: string, from: number, to: number, put: string) => s.slice(0, from) + put + s.slice(to);
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function editXml(xml: string, edit: XmlEdit): string | Buffer {
  switch (edit.op) {
    case "prefix":
      return prefixXml(xml, edit.prefix);
    case "strict":
      return xml.split(SML_T).join(SML_S).split(REL_T).join(REL_S);
    case "attr": {
      const m = nthMatch(xml, new RegExp(`\\s${escapeRe(edit.attr)}="[^"]*"`, "g"), edit.nth);
      return m ? splice(xml, m.index, m.index + m[0].length, ` ${edit.attr}="${edit.value}"`) : xml;
    }
    case "value": {
      const m = nthMatch(xml, /(<(?:[\w.-]+:)?[vt](?:\s[^>]*)?>)([^<]*)(<\/(?:[\w.-]+:)?[vt]>)/g, edit.nth);
      if (!m) return xml;
      const start = m.index + m[1].length;
      return splice(xml, start, start + m[2].length, edit.value);
    }
    case "inject": {
      const m = nthMatch(xml, /</g, edit.nth + 1); // never before the XML declaration
      return m ? splice(xml, m.index, m.index, edit.fragment) : xml + edit.fragment;
    }
    case "deleteTag": {
      const m = nthMatch(xml, /<[^>?!][^>]*>/g, edit.nth);
      return m ? splice(xml, m.index, m.index + m[0].length, "") : xml;
    }
    case "cut":
      return xml.slice(0, edit.at % (xml.length + 1));
    case "dupRow": {
      const m = nthMatch(xml, /<((?:[\w.-]+:)?)(row|si)\b[^>]*?(?:\/>|>[\s\S]*?<\/\1\2>)/g, edit.nth);
      return m ? splice(xml, m.index, m.index, m[0].repeat(edit.times)) : xml;
    }
    case "replace":
      return edit.text;
    case "flip": {
      const b = Buffer.from(xml, "utf8");
      if (b.length) b[edit.at % b.length] ^= edit.xor;
      return b;
    }
    case "encoding":
      switch (edit.how) {
        case "bom":
          return "\ufeff" + xml;
        case "utf16le":
          return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, "utf16le")]);
        case "decl-utf16":
          return xml.replace(/encoding="[^"]*"/, 'encoding="UTF-16"');
        case "nul":
          return xml.replace(">", ">\u0000");
        case "doctype-entities": {
          // An entity-expansion ("billion laughs") DOCTYPE before the root; the root's first text uses it.
          let decl = '<!ENTITY e0 "ha">';
          for (let i = 1; i < 10; i++) decl += `<!ENTITY e${i} "${`&e${i - 1};`.repeat(10)}">`;
          const withDecl = xml.replace(/(<\?xml[^>]*\?>)?\s*/, (d) => `${d ?? ""}<!DOCTYPE r [${decl}]>`);
          return withDecl.replace(/<((?:[\w.-]+:)?[vt])>/, "<$1>&e9;");
        }
        case "doctype-external":
          return xml.replace(
            /(<\?xml[^>]*\?>)?\s*/,
            (d) => `${d ?? ""}<!DOCTYPE r SYSTEM "http://127.0.0.1:9/x.dtd"><!-- external -->`,
          );
      }
  }
}

/** The bytes of a case: its structural edits repackaged (our zip writer), then its byte-level edits. */
export function applyCase(seed: Buffer, mutations: readonly Mutation[]): Buffer {
  const structural = mutations.filter((m) => !["flip", "truncate", "splice", "dupRange"].includes(m.op));
  let bytes: Buffer = seed;
  if (structural.length) {
    const parts = partsOf(seed);
    for (const m of structural) {
      const i = "pick" in m ? m.pick % Math.max(1, parts.length) : 0;
      switch (m.op) {
        case "xml": {
          const p = partFor(parts, m.role, m.pick);
          if (p) {
            const out = editXml(p.data.toString("utf8"), m.edit);
            p.data = typeof out === "string" ? Buffer.from(out, "utf8") : out;
          }
          break;
        }
        case "dropEntry":
          parts.splice(i, 1);
          break;
        case "dupEntry":
          if (parts[i])
            parts.splice(i + 1, 0, {
              ...parts[i],
              data: m.changed ? Buffer.from(`<worksheet xmlns="${SML_T}"><sheetData/></worksheet>`) : parts[i].data,
            });
          break;
        case "swapEntries": {
          const a = m.a % Math.max(1, parts.length);
          const b = m.b % Math.max(1, parts.length);
          if (parts[a] && parts[b]) [parts[a], parts[b]] = [parts[b], parts[a]];
          break;
        }
        case "renameEntry":
          if (parts[i]) parts[i] = { ...parts[i], name: m.name };
          break;
        case "store":
          if (parts[i]) parts[i] = { ...parts[i], method: 0 };
          break;
        case "lie":
          if (parts[i]) parts[i] = { ...parts[i], declaredSize: m.size };
          break;
        case "encrypt":
          if (parts[i]) parts[i] = { ...parts[i], flags: 1 };
          break;
      }
    }
    bytes = zip(parts);
  }
  for (const m of mutations) {
    const n = bytes.length;
    switch (m.op) {
      case "flip":
        if (n) {
          bytes = Buffer.from(bytes);
          bytes[m.at % n] ^= m.xor;
        }
        break;
      case "truncate":
        bytes = bytes.subarray(0, m.at % (n + 1));
        break;
      case "splice": {
        const a = m.at % (n + 1);
        bytes = Buffer.concat([bytes.subarray(0, a), Buffer.from(m.bytes), bytes.subarray(Math.min(n, a + m.del))]);
        break;
      }
      case "dupRange": {
        const from = m.from % (n + 1);
        const to = m.to % (n + 1);
        const piece = bytes.subarray(from, Math.min(n, from + m.len));
        bytes = Buffer.concat([bytes.subarray(0, to), piece, bytes.subarray(to)]);
        break;
      }
      default:
        break;
    }
  }
  return bytes;
}

// ------------------------------------------------------------------------------------------ same content
/**
 * Rewrites that keep the workbook's content: the reader must read exactly the same cells (prefixed elements with
 * any prefix, Strict OOXML URIs, entries stored or reordered, a byte-order mark, comments, processing instructions
 * and whitespace between elements).
 */
export type Preserving =
  | { op: "prefix"; prefix: string; pick: number }
  | { op: "prefixAll"; prefix: string }
  | { op: "strict" }
  | { op: "store"; pick: number }
  | { op: "swap"; a: number; b: number }
  | { op: "bom"; pick: number }
  | { op: "between"; pick: number; nth: number; text: string };

export const preservingArb: fc.Arbitrary<Preserving[]> = fc.array(
  fc.oneof(
    fc.record({ op: fc.constant("prefix" as const), prefix: fc.constantFrom("x", "ss", "main", "s1"), pick }),
    fc.record({ op: fc.constant("prefixAll" as const), prefix: fc.constantFrom("x", "ss", "main", "s1") }),
    fc.record({ op: fc.constant("strict" as const) }),
    fc.record({ op: fc.constant("store" as const), pick }),
    fc.record({ op: fc.constant("swap" as const), a: pick, b: pick }),
    fc.record({ op: fc.constant("bom" as const), pick }),
    fc.record({
      op: fc.constant("between" as const),
      pick,
      nth,
      text: fc.constantFrom(" ", "\n\t", "<!-- ghi chú -->", "<?mso-application progid?>", "\r\n  <!---->"),
    }),
  ),
  { minLength: 1, maxLength: 4 },
);

export function applyPreserving(seed: Buffer, edits: readonly Preserving[]): Buffer {
  const parts = partsOf(seed);
  const xmlParts = parts.filter(isXml);
  const at = (n: number) => n % Math.max(1, parts.length);
  for (const e of edits) {
    switch (e.op) {
      case "prefix": {
        const p = xmlParts[e.pick % xmlParts.length];
        p.data = Buffer.from(prefixXml(p.data.toString("utf8"), e.prefix), "utf8");
        break;
      }
      case "prefixAll":
        for (const p of xmlParts) p.data = Buffer.from(prefixXml(p.data.toString("utf8"), e.prefix), "utf8");
        break;
      case "strict":
        for (const p of xmlParts)
          p.data = Buffer.from(editXml(p.data.toString("utf8"), { op: "strict" }) as string, "utf8");
        break;
      case "store":
        parts[at(e.pick)].method = 0;
        break;
      case "swap": {
        const [a, b] = [at(e.a), at(e.b)];
        [parts[a], parts[b]] = [parts[b], parts[a]];
        break;
      }
      case "bom": {
        const p = xmlParts[e.pick % xmlParts.length];
        if (p.data[0] !== 0xef) p.data = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), p.data]);
        break;
      }
      case "between": {
        // Between two elements ("><"), never inside a text or an inline string's run.
        const p = xmlParts[e.pick % xmlParts.length];
        const xml = p.data.toString("utf8");
        const m = nthMatch(xml, /(<\/(?:[\w.-]+:)?(?:row|c|si|sheet|Relationship|xf|numFmt)>|\/>)(?=<)/g, e.nth);
        if (m) p.data = Buffer.from(splice(xml, m.index + m[0].length, m.index + m[0].length, e.text), "utf8");
        break;
      }
    }
  }
  return zip(parts);
}

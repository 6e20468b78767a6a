/**
 * Crafted .xlsx packages for the hostile-file tests and the fuzz suite, generated at test time (nothing binary is
 * committed): minimal workbooks from raw sheet XML, re-packaging of ExcelJS output (prefixed namespaces, Strict
 * OOXML URIs), and zip bombs built from repeated DEFLATE blocks (a 2 MB file that inflates to gigabytes is made
 * in milliseconds, without ever holding the gigabytes).
 */
import { constants, deflateRawSync, inflateRawSync } from "zlib";
import { zipEntries, zipRaw } from "../../src/xlsx/zip-read";
import { crc32, zip, type RawEntrySpec, type ZipEntrySpec } from "./zip";

export const SML_T = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const SML_S = "http://purl.oclc.org/ooxml/spreadsheetml/main";
export const REL_T = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const REL_S = "http://purl.oclc.org/ooxml/officeDocument/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

/** Every part of a package, inflated, in order. */
export function unzipParts(buf: Uint8Array): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const e of zipEntries(buf).values()) {
    const raw = zipRaw(buf, e);
    out.set(e.name, e.method === 0 ? Buffer.from(raw) : inflateRawSync(raw));
  }
  return out;
}

/** A package of the parts, in order (all deflated). */
export function zipParts(parts: Map<string, Buffer | string>): Buffer {
  return zip(
    [...parts].map(([name, data]) => ({ name, data: typeof data === "string" ? data : new Uint8Array(data) })),
  );
}

/** Rewrite the XML parts of a package. */
export function transformXml(buf: Uint8Array, fn: (name: string, xml: string) => string): Buffer {
  const parts = unzipParts(buf);
  const out = new Map<string, string | Buffer>();
  for (const [name, data] of parts) out.set(name, /\.(xml|rels)$/.test(name) ? fn(name, data.toString("utf8")) : data);
  return zipParts(out);
}

/**
 * The same package with every SpreadsheetML element written with a prefix (`<x:worksheet xmlns:x="…">`,
 * `<x:c>`), as OpenXML SDK tools write it: the default namespace declaration becomes `xmlns:x` and unprefixed
 * element names get `x:`.
 */
export function prefixedPackage(buf: Uint8Array, prefix = "x", only?: (name: string) => boolean): Buffer {
  return transformXml(buf, (name, xml) => (only && !only(name) ? xml : prefixXml(xml, prefix)));
}

/** One part with its SpreadsheetML elements prefixed (unchanged when the part is not in that namespace). */
export function prefixXml(xml: string, prefix: string): string {
  if (!xml.includes(`xmlns="${SML_T}"`)) return xml;
  return xml
    .replace(`xmlns="${SML_T}"`, `xmlns:${prefix}="${SML_T}"`)
    .replace(/<(\/?)([A-Za-z_][\w.-]*)(?=[\s/>])/g, (_m, slash: string, name: string) => `<${slash}${prefix}:${name}`);
}

/** The same package with the Strict OOXML namespace URIs (SpreadsheetML and relationships, incl. types). */
export function strictPackage(buf: Uint8Array): Buffer {
  return transformXml(buf, (_name, xml) => xml.split(SML_T).join(SML_S).split(REL_T).join(REL_S));
}

export interface CraftSheet {
  name: string;
  /** The worksheet part (complete XML), or just the rows (wrapped in a default-namespace worksheet). */
  xml?: string;
  rows?: string;
  state?: "hidden";
}

/** A worksheet part around the given <sheetData> rows. */
export function worksheet(rows: string, extra = ""): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${SML_T}" xmlns:r="${REL_T}"><sheetData>${rows}</sheetData>${extra}</worksheet>`;
}

/** The shared-string part of the strings (written raw: callers may pass markup or bad references). */
export function sharedStringsXml(items: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${SML_T}" count="${items.length}" uniqueCount="${items.length}">${items
    .map((s) => `<si><t xml:space="preserve">${s}</t></si>`)
    .join("")}</sst>`;
}

/**
 * A minimal but complete .xlsx: content types, relationships, workbook, optional shared strings and styles, and
 * the sheets. `parts` can replace or add any part (Buffer for raw bytes, RawEntrySpec for a crafted stream).
 */
export function craftXlsx(opts: {
  sheets: CraftSheet[];
  strings?: string[];
  sharedStrings?: string | Buffer;
  styles?: string;
  parts?: Record<string, string | Buffer | RawEntrySpec>;
  /** Put these parts first, and leave out these names. */
  omit?: string[];
}): Buffer {
  const sheetParts = opts.sheets.map((s, i) => ({ ...s, path: `xl/worksheets/sheet${i + 1}.xml`, rid: `rId${i + 1}` }));
  const sst = opts.sharedStrings ?? (opts.strings ? sharedStringsXml(opts.strings) : undefined);
  const n = sheetParts.length;
  const files: Record<string, string | Buffer | RawEntrySpec> = {
    "[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
    "_rels/.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL_T}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${SML_T}" xmlns:r="${REL_T}"><sheets>${sheetParts
      .map(
        (s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="${s.rid}"/>`,
      )
      .join("")}</sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL}">${sheetParts
      .map(
        (s) => `<Relationship Id="${s.rid}" Type="${REL_T}/worksheet" Target="worksheets/sheet${s.rid.slice(3)}.xml"/>`,
      )
      .join(
        "",
      )}${sst !== undefined ? `<Relationship Id="rId${n + 1}" Type="${REL_T}/sharedStrings" Target="sharedStrings.xml"/>` : ""}${opts.styles ? `<Relationship Id="rId${n + 2}" Type="${REL_T}/styles" Target="styles.xml"/>` : ""}</Relationships>`,
  };
  for (const s of sheetParts) files[s.path] = s.xml ?? worksheet(s.rows ?? "");
  if (sst !== undefined) files["xl/sharedStrings.xml"] = sst;
  if (opts.styles) files["xl/styles.xml"] = opts.styles;
  Object.assign(files, opts.parts ?? {});
  for (const o of opts.omit ?? []) delete files[o];
  return zip(
    Object.entries(files).map(([name, data]): ZipEntrySpec | RawEntrySpec =>
      typeof data === "object" && !Buffer.isBuffer(data) ? { ...data, name } : { name, data: data as string | Buffer },
    ),
  );
}

/**
 * A DEFLATE stream of `head`, then `chunk` repeated `times`, then `tail`, built from independently compressed
 * full-flush blocks (so the result is made in milliseconds) — the part of a zip bomb. `size` is the real
 * inflated size; pass `declared` to lie about it in the package.
 */
export function bombEntry(
  name: string,
  head: string,
  chunk: string,
  times: number,
  tail: string,
  declared?: number,
): RawEntrySpec {
  const flush = { level: 9, finishFlush: constants.Z_FULL_FLUSH };
  const h = deflateRawSync(Buffer.from(head), flush);
  const c = deflateRawSync(Buffer.from(chunk), flush);
  const t = deflateRawSync(Buffer.from(tail), { level: 9 });
  const parts: Buffer[] = [h];
  for (let i = 0; i < times; i++) parts.push(c);
  parts.push(t);
  const size = Buffer.byteLength(head) + Buffer.byteLength(chunk) * times + Buffer.byteLength(tail);
  return { name, compressed: Buffer.concat(parts), size: declared ?? size };
}

/** CRC-32 of a text (for tests that build entries by hand). */
export const crcOf = (s: string) => crc32(Buffer.from(s));

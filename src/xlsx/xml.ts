/**
 * Namespace-correct XML for the .xlsx reader. Elements are matched by namespace URI, never by prefix, so a
 * package written with `<x:worksheet xmlns:x="…">` (OpenXML SDK tools), with a default namespace (Excel) or in
 * Strict OOXML (other URIs) reads identically.
 *
 * - `parseXml`: a small tree parser with namespace resolution for the package's small parts (relationships,
 *   workbook, styles). No DTD, no custom entities (nothing can expand), no network.
 * - `decodeText`: XML character references and the five predefined entities; a reference to a character that XML
 *   does not allow (&#x110000;, &#0;, a surrogate) becomes U+FFFD and is reported, never thrown.
 * - The namespace URIs of SpreadsheetML and relationships in both the transitional and the strict schema.
 */

/** SpreadsheetML main namespace: transitional (ECMA-376 Part 1 as Excel writes it) and strict. */
export const SML = new Set([
  "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  "http://purl.oclc.org/ooxml/spreadsheetml/main",
]);
/** Office document relationships namespace (the r:id attribute), transitional and strict. */
export const OFFICE_REL = new Set([
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  "http://purl.oclc.org/ooxml/officeDocument/relationships",
]);
/** Package relationships namespace (the .rels parts; the same in both schemas). */
export const PACKAGE_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML_NS = "http://www.w3.org/XML/1998/namespace";

export interface XmlAttr {
  /** Namespace URI of a prefixed attribute ("" for an unprefixed one: attributes do not take the default). */
  ns: string;
  local: string;
  value: string;
}

export interface XmlElement {
  ns: string;
  local: string;
  attrs: XmlAttr[];
  children: XmlElement[];
  /** Character data directly inside the element (entities decoded). */
  text: string;
}

export class XmlError extends Error {}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Whether XML 1.0 allows the code point in a document. */
export function xmlChar(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

/** Text with entities decoded, and whether a character reference was not allowed (replaced by U+FFFD). */
export interface DecodedText {
  text: string;
  invalid: boolean;
}

/** Decode the predefined entities and character references. Unknown entities are kept as written. */
export function decodeText(s: string): DecodedText {
  if (s.indexOf("&") < 0) return { text: s, invalid: false };
  let invalid = false;
  const text = s.replace(/&(#[xX][0-9a-fA-F]+|#\d+|[A-Za-z]+);/g, (whole, e: string) => {
    if (e[0] !== "#") return ENTITIES[e] ?? whole;
    const hex = e[1] === "x" || e[1] === "X";
    const digits = e.slice(hex ? 2 : 1);
    const cp = digits.length > 8 ? Infinity : parseInt(digits, hex ? 16 : 10);
    if (!xmlChar(cp)) {
      invalid = true;
      return "\ufffd";
    }
    return String.fromCodePoint(cp);
  });
  return { text, invalid };
}

/** Excel's `_xHHHH_` escapes in cell text (a literal "_x" is written `_x005F_x`). */
export function excelUnescape(s: string): string {
  if (s.indexOf("_x") < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** The text of CDATA sections and character data between tags (for `<t>` / `<v>` contents with markup). */
export function contentText(s: string): DecodedText {
  if (s.indexOf("<") < 0) return decodeText(s);
  let out = "";
  let invalid = false;
  let i = 0;
  while (i < s.length) {
    const lt = s.indexOf("<", i);
    const chunk = decodeText(s.slice(i, lt < 0 ? s.length : lt));
    out += chunk.text;
    invalid ||= chunk.invalid;
    if (lt < 0) break;
    if (s.startsWith("<![CDATA[", lt)) {
      const end = s.indexOf("]]>", lt);
      out += s.slice(lt + 9, end < 0 ? s.length : end);
      i = end < 0 ? s.length : end + 3;
    } else if (s.startsWith("<!--", lt)) {
      const end = s.indexOf("-->", lt);
      i = end < 0 ? s.length : end + 3;
    } else {
      const gt = s.indexOf(">", lt);
      i = gt < 0 ? s.length : gt + 1;
    }
  }
  return { text: out, invalid };
}

const NAME_END = /[\s/>=]/;

/** Attributes of a start tag's attribute text: `a="1" b = '2'` → [[name, value], …] (values not decoded). */
export function rawAttributes(s: string): [string, string][] {
  const out: [string, string][] = [];
  let i = 0;
  const n = s.length;
  while (i < n) {
    while (i < n && /\s/.test(s[i])) i++;
    if (i >= n || s[i] === "/" || s[i] === ">") break;
    let j = i;
    while (j < n && !NAME_END.test(s[j])) j++;
    const name = s.slice(i, j);
    while (j < n && /\s/.test(s[j])) j++;
    if (s[j] !== "=") {
      if (!name) throw new XmlError("bad attribute");
      i = j + 1; // attribute without a value: not XML; skip it
      continue;
    }
    j++;
    while (j < n && /\s/.test(s[j])) j++;
    const q = s[j];
    if (q !== '"' && q !== "'") throw new XmlError("unquoted attribute");
    const end = s.indexOf(q, j + 1);
    if (end < 0) throw new XmlError("unterminated attribute");
    out.push([name, s.slice(j + 1, end)]);
    i = end + 1;
  }
  return out;
}

/** Namespace declarations (prefix → URI; "" is the default) of a start tag's attributes, added to `scope`. */
export function declare(attrs: [string, string][], scope: Map<string, string>): Map<string, string> {
  let out = scope;
  for (const [name, value] of attrs) {
    if (name === "xmlns" || name.startsWith("xmlns:")) {
      if (out === scope) out = new Map(scope);
      out.set(name === "xmlns" ? "" : name.slice(6), decodeText(value).text);
    }
  }
  return out;
}

/** The base scope: the xml: prefix is always bound. */
export function baseScope(): Map<string, string> {
  return new Map([["xml", XML_NS]]);
}

/** Split a qualified name into [prefix, local]. */
export function splitName(q: string): [string, string] {
  const c = q.indexOf(":");
  return c < 0 ? ["", q] : [q.slice(0, c), q.slice(c + 1)];
}

/**
 * Parse a whole XML document (a small package part) into a namespace-resolved tree.
 * @throws XmlError when the markup is not well-formed enough to read (unclosed tags, bad attributes).
 */
export function parseXml(xml: string, scope: Map<string, string> = baseScope()): XmlElement {
  const stack: { el: XmlElement; scope: Map<string, string>; qname: string }[] = [];
  let root: XmlElement | undefined;
  let i = 0;
  const n = xml.length;
  while (i < n) {
    const lt = xml.indexOf("<", i);
    if (lt < 0) {
      if (stack.length) stack[stack.length - 1].el.text += decodeText(xml.slice(i)).text;
      break;
    }
    if (lt > i && stack.length) stack[stack.length - 1].el.text += decodeText(xml.slice(i, lt)).text;
    if (xml.startsWith("<?", lt)) {
      const end = xml.indexOf("?>", lt);
      if (end < 0) throw new XmlError("unterminated processing instruction");
      i = end + 2;
    } else if (xml.startsWith("<!--", lt)) {
      const end = xml.indexOf("-->", lt);
      if (end < 0) throw new XmlError("unterminated comment");
      i = end + 3;
    } else if (xml.startsWith("<![CDATA[", lt)) {
      const end = xml.indexOf("]]>", lt);
      if (end < 0) throw new XmlError("unterminated CDATA");
      if (stack.length) stack[stack.length - 1].el.text += xml.slice(lt + 9, end);
      i = end + 3;
    } else if (xml.startsWith("<!", lt)) {
      // <!DOCTYPE …>: never expanded (no entities can be declared and used here)
      const end = xml.indexOf(">", lt);
      if (end < 0) throw new XmlError("unterminated declaration");
      i = end + 1;
    } else if (xml[lt + 1] === "/") {
      const end = xml.indexOf(">", lt);
      if (end < 0) throw new XmlError("unterminated end tag");
      const qname = xml.slice(lt + 2, end).trim();
      const top = stack.pop();
      if (!top || top.qname !== qname) throw new XmlError("mismatched end tag");
      i = end + 1;
    } else {
      const end = xml.indexOf(">", lt);
      if (end < 0) throw new XmlError("unterminated start tag");
      let body = xml.slice(lt + 1, end);
      const selfClosing = body.endsWith("/");
      if (selfClosing) body = body.slice(0, -1);
      const m = /^[^\s/>]+/.exec(body);
      if (!m) throw new XmlError("bad start tag");
      const qname = m[0];
      const raw = rawAttributes(body.slice(qname.length));
      const parentScope = stack.length ? stack[stack.length - 1].scope : scope;
      const s = declare(raw, parentScope);
      const [prefix, local] = splitName(qname);
      const ns = s.get(prefix) ?? "";
      const attrs: XmlAttr[] = [];
      for (const [name, value] of raw) {
        if (name === "xmlns" || name.startsWith("xmlns:")) continue;
        const [p, l] = splitName(name);
        attrs.push({ ns: p ? (s.get(p) ?? "") : "", local: l, value: decodeText(value).text });
      }
      const el: XmlElement = { ns, local, attrs, children: [], text: "" };
      if (stack.length) stack[stack.length - 1].el.children.push(el);
      else if (!root) root = el;
      else throw new XmlError("two root elements");
      if (!selfClosing) stack.push({ el, scope: s, qname });
      i = end + 1;
    }
  }
  if (!root) throw new XmlError("no root element");
  if (stack.length) throw new XmlError("unclosed element");
  return root;
}

/** Child elements with a namespace in `ns` and the local name. */
export function childrenOf(el: XmlElement, ns: ReadonlySet<string> | string, local: string): XmlElement[] {
  const ok = typeof ns === "string" ? (u: string) => u === ns : (u: string) => ns.has(u);
  return el.children.filter((c) => c.local === local && ok(c.ns));
}

/** An attribute value: unprefixed by default, or in one of the namespaces. */
export function attrOf(el: XmlElement, local: string, ns?: ReadonlySet<string>): string | undefined {
  return el.attrs.find((a) => a.local === local && (ns ? ns.has(a.ns) : a.ns === ""))?.value;
}

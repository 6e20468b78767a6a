/**
 * Offline structural checks of manifest.xml (the official validator needs Microsoft's web service,
 * it POSTs the XML to validationgateway.omex.office.net): the source manifest and the production copy in dist/.
 */
import * as fs from "fs";
import * as path from "path";
import { XMLParser, XMLValidator } from "fast-xml-parser";

const ROOT = path.resolve(__dirname, "../..");
const DIST = path.join(ROOT, "dist");
const DEV_BASE = "https://localhost:3000/";
const PROD_BASE = (() => {
  const u = process.env.POVERTY_PROD_URL || "https://poverty-planner.example.vn/";
  return u.endsWith("/") ? u : u + "/";
})();

interface Node {
  name: string;
  attrs: Record<string, string>;
  children: Node[];
  text: string;
}

/** Parse to a small ordered tree (element order matters in Office manifests). */
function parse(xml: string): Node {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`manifest is not well-formed: ${JSON.stringify(valid.err)}`);
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: "",
    trimValues: true,
  });
  const convert = (raw: Record<string, unknown>): Node | null => {
    const name = Object.keys(raw).find((k) => k !== ":@");
    if (!name || name === "#text" || name === "?xml" || name === "#comment") return null;
    const kids = raw[name] as Array<Record<string, unknown>>;
    const children = kids.map(convert).filter((n): n is Node => n !== null);
    const text = kids
      .filter((k) => "#text" in k)
      .map((k) => String(k["#text"]))
      .join("");
    return { name, attrs: (raw[":@"] as Record<string, string>) ?? {}, children, text };
  };
  const top = (parser.parse(xml) as Array<Record<string, unknown>>).map(convert).filter((n): n is Node => !!n);
  expect(top).toHaveLength(1);
  return top[0];
}

const all = (n: Node): Node[] => [n, ...n.children.flatMap(all)];
const child = (n: Node, name: string): Node => {
  const c = n.children.find((k) => k.name === name);
  if (!c) throw new Error(`<${n.name}> has no <${name}>`);
  return c;
};
const path_ = (n: Node, ...names: string[]): Node => names.reduce(child, n);

function check(xml: string) {
  const root = parse(xml);
  const nodes = all(root);
  const resources = path_(root, "VersionOverrides", "Resources");
  const defs = new Map<string, Node>();
  for (const n of all(resources)) {
    if (["bt:Image", "bt:Url", "bt:String"].includes(n.name) && n.attrs.id) {
      expect(defs.has(n.attrs.id)).toBe(false); // unique
      defs.set(n.attrs.id, n);
    }
  }
  return { root, nodes, defs };
}

function urlsOf(nodes: Node[]): string[] {
  const out: string[] = [];
  for (const n of nodes) {
    for (const [k, v] of Object.entries(n.attrs)) {
      if ((k === "DefaultValue" || k === "Value") && /^[a-z]+:\/\//i.test(v)) out.push(v);
    }
  }
  return out;
}

const source = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

describe("manifest.xml (source)", () => {
  const { root, nodes, defs } = check(source);

  it("is an OfficeApp task pane add-in with a GUID id, n.n.n.n version and the expected top-level order", () => {
    expect(root.name).toBe("OfficeApp");
    expect(root.attrs["xsi:type"]).toBe("TaskPaneApp");
    expect(child(root, "Id").text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(child(root, "Id").text).not.toBe("05c2e1c9-3e1d-406e-9a91-e9ac64854143"); // the generator template's id
    expect(child(root, "Version").text).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    // Order from learn.microsoft.com "manifest-element-ordering" (the subset we use).
    const order = [
      "Id",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "IconUrl",
      "HighResolutionIconUrl",
      "SupportUrl",
      "AppDomains",
      "Hosts",
      "Requirements",
      "DefaultSettings",
      "Permissions",
      "VersionOverrides",
    ];
    const names = root.children.map((c) => c.name);
    expect(names.every((n) => order.includes(n))).toBe(true);
    expect(names).toEqual(order.filter((n) => names.includes(n)));
  });

  it("is English by default with vi-vn overrides for display name and description", () => {
    expect(child(root, "DefaultLocale").text).toBe("en-US");
    for (const el of ["DisplayName", "Description"]) {
      const n = child(root, el);
      expect(n.attrs.DefaultValue.length).toBeGreaterThan(0);
      const vi = n.children.filter((c) => c.name === "Override" && c.attrs.Locale === "vi-vn");
      expect(vi).toHaveLength(1);
      expect(vi[0].attrs.Value).not.toBe(n.attrs.DefaultValue);
    }
    expect(child(root, "DisplayName").children[0].attrs.Value).toBe("Giảm nghèo – Kế hoạch & Kiểm tra");
  });

  it("asks only for ReadWriteDocument and requires SharedRuntime 1.1", () => {
    expect(child(root, "Permissions").text).toBe("ReadWriteDocument");
    const sets = path_(root, "Requirements", "Sets").children;
    expect(sets.find((s) => s.attrs.Name === "SharedRuntime")?.attrs.MinVersion).toBe("1.1");
  });

  it("every resid resolves, every resource is used, and ids are ≤ 32 characters", () => {
    const used = nodes.filter((n) => n.attrs.resid).map((n) => n.attrs.resid);
    expect(used.length).toBeGreaterThan(10);
    for (const id of used) {
      expect(defs.has(id)).toBe(true);
      expect(id.length).toBeLessThanOrEqual(32);
    }
    for (const id of defs.keys()) {
      expect(id.length).toBeLessThanOrEqual(32);
      expect(used).toContain(id);
    }
  });

  it("short strings ≤ 125 and long strings ≤ 250 characters, overrides included", () => {
    const resources = path_(root, "VersionOverrides", "Resources");
    const lengths = (n: Node) => [n.attrs.DefaultValue, ...n.children.map((c) => c.attrs.Value)].map((s) => s.length);
    for (const s of child(resources, "bt:ShortStrings").children)
      for (const l of lengths(s)) expect(l).toBeLessThanOrEqual(125);
    for (const s of child(resources, "bt:LongStrings").children)
      for (const l of lengths(s)) expect(l).toBeLessThanOrEqual(250);
  });

  it("uses https URLs only, all on the development base", () => {
    const urls = urlsOf(nodes);
    expect(urls.length).toBeGreaterThan(10);
    for (const u of urls) expect(u.startsWith(DEV_BASE)).toBe(true);
  });

  it("wires the shared runtime: Runtime = Page = FunctionFile = ShowTaskpane source, lifetime long", () => {
    const host = path_(root, "VersionOverrides", "Hosts", "Host");
    expect(host.attrs["xsi:type"]).toBe("Workbook");
    const runtime = path_(host, "Runtimes", "Runtime");
    expect(runtime.attrs.lifetime).toBe("long");
    const cf = path_(host, "AllFormFactors", "ExtensionPoint");
    expect(cf.attrs["xsi:type"]).toBe("CustomFunctions");
    const page = path_(cf, "Page", "SourceLocation").attrs.resid;
    const functionFile = path_(host, "DesktopFormFactor", "FunctionFile").attrs.resid;
    const action = nodes.find((n) => n.name === "Action" && n.attrs["xsi:type"] === "ShowTaskpane");
    expect(action).toBeDefined();
    const taskpane = child(action!, "SourceLocation").attrs.resid;
    expect([page, functionFile, taskpane]).toEqual([runtime.attrs.resid, runtime.attrs.resid, runtime.attrs.resid]);
    expect(defs.get(runtime.attrs.resid)?.attrs.DefaultValue).toBe(`${DEV_BASE}taskpane.html`);
    expect(child(root, "DefaultSettings").children[0].attrs.DefaultValue).toBe(`${DEV_BASE}taskpane.html`);
    // Custom functions: script, metadata with a vi-vn override, namespace POVERTY.
    expect(defs.get(path_(cf, "Script", "SourceLocation").attrs.resid)?.attrs.DefaultValue).toBe(
      `${DEV_BASE}functions.js`,
    );
    const metadata = defs.get(path_(cf, "Metadata", "SourceLocation").attrs.resid)!;
    expect(metadata.attrs.DefaultValue).toBe(`${DEV_BASE}functions.json`);
    expect(metadata.children.map((c) => [c.name, c.attrs.Locale, c.attrs.Value])).toEqual([
      ["bt:Override", "vi-vn", `${DEV_BASE}functions-vi.json`],
    ]);
    expect(defs.get(child(cf, "Namespace").attrs.resid)?.attrs.DefaultValue).toBe("POVERTY");
  });

  it("has a ribbon button with a Vietnamese label and icons at 16, 32 and 80 px", () => {
    const button = nodes.find((n) => n.name === "Control" && n.attrs["xsi:type"] === "Button")!;
    const label = defs.get(child(button, "Label").attrs.resid)!;
    expect(label.children.find((c) => c.attrs.Locale === "vi-vn")?.attrs.Value).toBe("Giảm nghèo");
    const sizes = child(button, "Icon").children.map((i) => i.attrs.size);
    expect(sizes).toEqual(expect.arrayContaining(["16", "32", "80"]));
  });

  it("icons are real drawings: PNGs of the declared size with several colours", () => {
    const images = [...defs.values()].filter((d) => d.name === "bt:Image");
    const declared = new Map(
      nodes.filter((n) => n.name === "bt:Image" && n.attrs.resid).map((n) => [n.attrs.resid, Number(n.attrs.size)]),
    );
    for (const img of images) {
      const file = path.join(ROOT, img.attrs.DefaultValue.slice(DEV_BASE.length));
      const png = fs.readFileSync(file);
      expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
      const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)];
      expect([w, h]).toEqual([declared.get(img.attrs.id), declared.get(img.attrs.id)]);
      expect(png.length).toBeGreaterThan(150); // a flat square compresses to far less
    }
  });
});

describe("dist/manifest.xml (production build)", () => {
  const file = path.join(DIST, "manifest.xml");
  const built = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";

  it("exists (npm test builds dist/ in pretest)", () => {
    expect(built).not.toBe("");
  });

  it("has no localhost and only production https URLs", () => {
    expect(built).not.toMatch(/localhost/i);
    const urls = urlsOf(all(parse(built)));
    for (const u of urls) expect(u.startsWith(PROD_BASE)).toBe(true);
  });

  it("differs from the source only by the base URL", () => {
    expect(built).toBe(source.split(DEV_BASE).join(PROD_BASE));
  });

  it("every URL it references is a file in dist/ (incl. functions-vi.json and icons)", () => {
    const urls = urlsOf(all(parse(built)));
    const files = [...new Set(urls.map((u) => u.slice(PROD_BASE.length).replace(/[?#].*$/, "")))];
    expect(files).toEqual(
      expect.arrayContaining(["functions.js", "functions.json", "functions-vi.json", "taskpane.html"]),
    );
    expect(files.filter((f) => f.startsWith("assets/")).length).toBeGreaterThanOrEqual(3);
    const missing = files.filter((f) => !fs.existsSync(path.join(DIST, f)));
    expect(missing).toEqual([]);
  });
});

/**
 * A small in-memory fake of the Excel JavaScript API — just the members listed in src/excel/office.ts,
 * with the semantics that matter for correctness:
 *
 *  - proxies queue work until `context.sync()`; reading a property that was not `load()`ed and synced
 *    THROWS (stricter than office-addin-mock, which returns an error string);
 *  - writes apply in order when the batch syncs; a failing operation rejects the sync with an
 *    OfficeExtension-like error `{ code, message, debugInfo }` and leaves earlier operations applied
 *    (Excel is not transactional either);
 *  - payload limits: a batch whose request (values written) or response (values read) exceeds
 *    `limits.payloadBytes` (5 MB like Excel on the web) is rejected with Request/ResponsePayloadSizeLimitExceeded;
 *    reading more than `limits.readCells` (5,000,000) in one load returns `values: null`, as Excel does;
 *  - strings written through `values`/`formulas` behave like typing: "=…" becomes a formula and "0123"
 *    becomes the number 123 — unless the cell's number format is text ("@");
 *  - format / data validation members are whitelisted with Office.js casing: a typo throws.
 *
 * Statistics per sync (request/response bytes, cells read) let tests assert chunking.
 * Self-contained (no imports) so the browser tests can transpile it into a plain script that exposes
 * `window.FakeExcel` (see `fakeExcelScript` in test/e2e/workflows-support.ts).
 */

/* ------------------------------------------------------------------ types */

export type FakeValue = number | string | boolean | null | { error: string };

export interface FakeCell {
  value: FakeValue;
  formula?: string;
  numberFormat?: string;
  fmt?: Record<string, unknown>;
  hyperlink?: Record<string, unknown>;
  validation?: Record<string, unknown>;
}

export interface FakeArea {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export interface FakeConditionalFormat {
  id: string;
  type: string;
  areas: FakeArea[];
  formula?: string;
  fill?: string;
  fontColor?: string;
}

export interface FakeChart {
  name: string;
  type: string;
  source: string;
  seriesBy?: string;
  title?: string;
  series: { name?: string; values?: string; xValues?: string }[];
  position?: [string, string | undefined];
}

export interface FakeTable {
  name: string;
  address: string;
  hasHeaders: boolean;
  style?: string;
  showBandedRows?: boolean;
}

export interface SyncStat {
  requestBytes: number;
  responseBytes: number;
  cellsRead: number;
  cellsWritten: number;
  ops: number;
}

export interface OpInfo {
  kind: string;
  sheet?: string;
  address?: string;
}

export interface FakeOfficeError extends Error {
  code: string;
  debugInfo: { code: string; message: string; errorLocation?: string };
}

/* ------------------------------------------------------------------ A1 helpers (duplicated on purpose: no imports) */

function colLetters(index0: number): string {
  let n = index0 + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function quote(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** "B3" → {row 2, col 1}; "B3:D5" → area; "3:3" / "$1:$4" → whole rows. Sheet prefix stripped. */
export function parseArea(address: string): FakeArea {
  let a = address.trim();
  const bang = a.lastIndexOf("!");
  if (bang >= 0) a = a.slice(bang + 1);
  a = a.replace(/\$/g, "");
  const rowsOnly = /^(\d+):(\d+)$/.exec(a);
  if (rowsOnly) {
    const r1 = Number(rowsOnly[1]) - 1;
    const r2 = Number(rowsOnly[2]) - 1;
    return { row: r1, col: 0, rows: r2 - r1 + 1, cols: 16384 };
  }
  const parts = a.split(":");
  const p = (s: string) => {
    const m = /^([A-Za-z]{1,3})(\d+)$/.exec(s);
    if (!m) throw officeError("InvalidArgument", `Bad address "${address}"`);
    return { row: Number(m[2]) - 1, col: colIndex(m[1]) };
  };
  const s = p(parts[0]);
  const e = parts[1] ? p(parts[1]) : s;
  return {
    row: Math.min(s.row, e.row),
    col: Math.min(s.col, e.col),
    rows: Math.abs(e.row - s.row) + 1,
    cols: Math.abs(e.col - s.col) + 1,
  };
}

export function areaAddress(a: FakeArea): string {
  const tl = `${colLetters(a.col)}${a.row + 1}`;
  if (a.rows === 1 && a.cols === 1) return tl;
  return `${tl}:${colLetters(a.col + a.cols - 1)}${a.row + a.rows}`;
}

function officeError(code: string, message: string): FakeOfficeError {
  const e = new Error(message) as FakeOfficeError;
  e.name = "RichApi.Error";
  e.code = code;
  e.debugInfo = { code, message };
  return e;
}

const jsonBytes = (v: unknown) => {
  const s = JSON.stringify(v);
  return s === undefined ? 0 : s.length;
};

/* ------------------------------------------------------------------ model */

export class FakeSheet {
  name: string;
  visibility = "Visible";
  cells = new Map<string, FakeCell>();
  merges: FakeArea[] = [];
  colWidths: Record<number, number> = {};
  frozen: { rows: number; cols: number } = { rows: 0, cols: 0 };
  pageLayout: Record<string, unknown> = {};
  names: Record<string, { reference: string; comment?: string }> = {};
  tables: FakeTable[] = [];
  charts: FakeChart[] = [];
  conditionalFormats: FakeConditionalFormat[] = [];
  protected = false;

  constructor(name: string) {
    this.name = name;
  }

  key(r: number, c: number): string {
    return `${r},${c}`;
  }

  get(r: number, c: number): FakeCell | undefined {
    return this.cells.get(this.key(r, c));
  }

  cell(r: number, c: number): FakeCell {
    const k = this.key(r, c);
    let cell = this.cells.get(k);
    if (!cell) {
      cell = { value: null };
      this.cells.set(k, cell);
    }
    return cell;
  }

  /** Bounding box of cells with a value or formula (valuesOnly) or with anything set. */
  usedArea(valuesOnly: boolean): FakeArea | null {
    let r0 = Infinity,
      c0 = Infinity,
      r1 = -1,
      c1 = -1;
    for (const [k, cell] of this.cells) {
      const hasValue = (cell.value !== null && cell.value !== "") || cell.formula !== undefined;
      if (!hasValue && (valuesOnly || (!cell.numberFormat && !cell.fmt))) continue;
      const [r, c] = k.split(",").map(Number);
      r0 = Math.min(r0, r);
      c0 = Math.min(c0, c);
      r1 = Math.max(r1, r);
      c1 = Math.max(c1, c);
    }
    if (r1 < 0) return null;
    return { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }

  /** Displayed value of a cell as Office.js `values` returns it. */
  valueAt(r: number, c: number): unknown {
    const cell = this.get(r, c);
    if (!cell || cell.value === null) return cell?.formula !== undefined ? 0 : "";
    if (typeof cell.value === "object") return cell.value.error;
    return cell.value;
  }

  typeAt(r: number, c: number): string {
    const cell = this.get(r, c);
    if (!cell || (cell.value === null && cell.formula === undefined) || cell.value === "") return "Empty";
    const v = cell.value;
    if (v === null) return "Double";
    if (typeof v === "object") return "Error";
    if (typeof v === "number") return "Double";
    if (typeof v === "boolean") return "Boolean";
    return "String";
  }

  formulaAt(r: number, c: number): unknown {
    const cell = this.get(r, c);
    if (cell?.formula !== undefined) return cell.formula;
    return this.valueAt(r, c);
  }

  /** Plain snapshot for "before/after" comparisons: every cell's value, formula, format and styles. */
  snapshot(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, cell] of [...this.cells].sort(([a], [b]) => (a < b ? -1 : 1)))
      out[k] = JSON.parse(JSON.stringify(cell));
    return {
      name: this.name,
      cells: out,
      merges: this.merges,
      names: this.names,
      tables: this.tables,
      charts: this.charts,
      frozen: this.frozen,
      colWidths: this.colWidths,
      pageLayout: this.pageLayout,
      visibility: this.visibility,
      protected: this.protected,
    };
  }

  /** Rows of values from A1 (for assertions). */
  rowsOfValues(): unknown[][] {
    const used = this.usedArea(true);
    if (!used) return [];
    const out: unknown[][] = [];
    for (let r = 0; r < used.row + used.rows; r++) {
      const row: unknown[] = [];
      for (let c = 0; c < used.col + used.cols; c++) {
        const cell = this.get(r, c);
        row.push(cell?.formula !== undefined ? `=${cell.formula.replace(/^=/, "")}` : (cell?.value ?? null));
      }
      out.push(row);
    }
    return out;
  }
}

export interface FakeWorkbookInit {
  sheets?: {
    name: string;
    rows?: FakeValue[][];
    origin?: string;
    visibility?: string;
    numberFormats?: (string | null)[][];
  }[];
  settings?: Record<string, unknown>;
}

export class FakeSettings {
  store: Record<string, unknown>;
  saved: Record<string, unknown>;
  saveCount = 0;
  failSave = false;
  constructor(initial: Record<string, unknown> = {}) {
    this.store = JSON.parse(JSON.stringify(initial));
    this.saved = JSON.parse(JSON.stringify(initial));
  }
  get(name: string): unknown {
    return name in this.store ? this.store[name] : null;
  }
  set(name: string, value: unknown): void {
    this.store[name] = JSON.parse(JSON.stringify(value));
  }
  remove(name: string): void {
    delete this.store[name];
  }
  saveAsync(cb?: (r: { status: string; error?: { message: string; code?: number } }) => void): void {
    setTimeout(() => {
      if (this.failSave) {
        cb?.({ status: "failed", error: { message: "Save failed (injected)", code: 5001 } });
        return;
      }
      this.saveCount++;
      this.saved = JSON.parse(JSON.stringify(this.store));
      cb?.({ status: "succeeded" });
    }, 0);
  }
}

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  active: FakeSheet | undefined;
  selection: { sheet: string; address: string } | undefined;
  stats: SyncStat[] = [];
  limits = { payloadBytes: 5 * 1024 * 1024, readCells: 5_000_000 };
  settings: FakeSettings;
  /** ExcelApi versions reported as supported by the fake `Office.context.requirements`. */
  apiVersion = "1.20";
  /** Failure injection: return an Office error code to make that operation fail at sync. */
  failWhen: ((op: OpInfo) => string | undefined) | undefined;
  /** Every operation executed, in order (kind + sheet), for assertions. */
  log: OpInfo[] = [];
  private cfSeq = 0;
  private chartSeq = 0;
  private tableSeq = 0;

  constructor(init: FakeWorkbookInit = {}) {
    for (const s of init.sheets ?? [])
      this.addSheetWithRows(s.name, s.rows ?? [], s.origin, s.numberFormats, s.visibility);
    this.active = this.sheets[0];
    this.settings = new FakeSettings(init.settings);
  }

  addSheetWithRows(
    name: string,
    rows: FakeValue[][],
    origin = "A1",
    numberFormats?: (string | null)[][],
    visibility = "Visible",
  ): FakeSheet {
    const sheet = new FakeSheet(name);
    sheet.visibility = visibility;
    const o = parseArea(origin);
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        const nf = numberFormats?.[r]?.[c] ?? undefined;
        if (v === null && !nf) return;
        const cell = sheet.cell(o.row + r, o.col + c);
        if (typeof v === "string" && v.startsWith("=")) {
          cell.formula = v;
          cell.value = 0;
        } else if (typeof v === "string" && v.startsWith("'")) {
          cell.value = v.slice(1); // Excel's text prefix: '=abc is the text "=abc"
        } else cell.value = v;
        if (nf) cell.numberFormat = nf;
      }),
    );
    this.sheets.push(sheet);
    return sheet;
  }

  sheet(name: string): FakeSheet {
    const s = this.find(name);
    if (!s) throw new Error(`fake: no sheet "${name}"`);
    return s;
  }

  find(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  nextCfId(): string {
    return `{CF-${++this.cfSeq}}`;
  }
  nextChartName(): string {
    return `Chart ${++this.chartSeq}`;
  }
  nextTableName(): string {
    return `Table${++this.tableSeq}`;
  }

  /** Excel.run(options?, batch). */
  run<T>(fn: (ctx: FakeContext) => Promise<T>): Promise<T>;
  run<T>(options: object, fn: (ctx: FakeContext) => Promise<T>): Promise<T>;
  run<T>(a: unknown, b?: (ctx: FakeContext) => Promise<T>): Promise<T> {
    const fn = (typeof a === "function" ? a : b) as (ctx: FakeContext) => Promise<T>;
    const ctx = new FakeContext(this);
    return Promise.resolve().then(() => fn(ctx));
  }

  supports(version: string): boolean {
    const [ma, mi] = version.split(".").map(Number);
    const [va, vi] = this.apiVersion.split(".").map(Number);
    return ma < va || (ma === va && mi <= vi);
  }

  /** Total syncs so far. */
  get syncCount(): number {
    return this.stats.length;
  }
}

/* ------------------------------------------------------------------ context and proxies */

interface Op {
  info: OpInfo;
  bytes: number;
  run: () => { responseBytes?: number; cellsRead?: number; cellsWritten?: number } | void;
}

export class FakeContext {
  readonly workbook: WorkbookProxy;
  queue: Op[] = [];
  constructor(readonly wb: FakeWorkbook) {
    this.workbook = new WorkbookProxy(this);
  }

  enqueue(info: OpInfo, run: Op["run"], bytes = 40): void {
    this.queue.push({ info, run, bytes });
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    const stat: SyncStat = { requestBytes: 0, responseBytes: 0, cellsRead: 0, cellsWritten: 0, ops: ops.length };
    for (const op of ops) stat.requestBytes += op.bytes;
    this.wb.stats.push(stat);
    await Promise.resolve();
    if (stat.requestBytes > this.wb.limits.payloadBytes) {
      throw officeError("RequestPayloadSizeLimitExceeded", `Request of ${stat.requestBytes} bytes exceeds the limit`);
    }
    const commits: (() => void)[] = [];
    for (const op of ops) {
      const injected = this.wb.failWhen?.(op.info);
      if (injected) throw officeError(injected, `Injected failure at ${op.info.kind} ${op.info.sheet ?? ""}`);
      this.wb.log.push(op.info);
      const r = op.run();
      if (r) {
        stat.responseBytes += r.responseBytes ?? 0;
        stat.cellsRead += r.cellsRead ?? 0;
        stat.cellsWritten += r.cellsWritten ?? 0;
        const commit = (r as { commit?: () => void }).commit;
        if (commit) commits.push(commit);
      }
    }
    if (stat.responseBytes > this.wb.limits.payloadBytes) {
      throw officeError(
        "ResponsePayloadSizeLimitExceeded",
        `Response of ${stat.responseBytes} bytes exceeds the limit`,
      );
    }
    for (const c of commits) c();
  }
}

/** Base of loadable proxies: loaded values become readable only after sync. */
class Loadable {
  protected data: Record<string, unknown> = {};
  protected loaded = new Set<string>();
  constructor(
    protected ctx: FakeContext,
    private label: string,
  ) {}

  protected read(prop: string): unknown {
    if (!this.loaded.has(prop)) {
      throw new Error(`PropertyNotLoaded: ${this.label}.${prop} was read before load("${prop}") and context.sync()`);
    }
    return this.data[prop];
  }

  /** Like Office.js proxies: JSON of the loaded properties. */
  toJSON(): Record<string, unknown> {
    return this.data;
  }

  /** Override: compute a property's value at sync time. */
  protected compute(_prop: string): unknown {
    throw officeError("InvalidArgument", `fake: ${this.label} cannot load "${_prop}"`);
  }

  protected info(): OpInfo {
    return { kind: "load" };
  }

  load(props: string | string[] = ""): this {
    const list = (Array.isArray(props) ? props : props.split(",")).map((p) => p.trim()).filter(Boolean);
    if (list.length === 0)
      throw new Error(`fake: ${this.label}.load() without property names (load only what you read)`);
    this.ctx.enqueue(
      { ...this.info(), kind: "load" },
      () => {
        const got: Record<string, unknown> = {};
        let cellsRead = 0;
        for (const p of list) {
          got[p] = this.compute(p);
          if (
            (p === "values" || p === "valueTypes" || p === "formulas" || p === "numberFormat") &&
            Array.isArray(got[p])
          ) {
            cellsRead += (got[p] as unknown[][]).reduce((n, row) => n + row.length, 0);
          }
        }
        return {
          responseBytes: jsonBytes(got),
          cellsRead,
          commit: () => {
            for (const p of list) {
              this.data[p] = got[p];
              this.loaded.add(p);
            }
          },
        } as never;
      },
      20 + list.join(",").length,
    );
    return this;
  }
}

class WorkbookProxy {
  readonly worksheets: WorksheetCollectionProxy;
  readonly application: { suspendApiCalculationUntilNextSync(): void; suspendScreenUpdatingUntilNextSync(): void };
  constructor(ctx: FakeContext) {
    this.worksheets = new WorksheetCollectionProxy(ctx);
    this.application = {
      suspendApiCalculationUntilNextSync: () => ctx.enqueue({ kind: "suspendCalc" }, () => undefined),
      suspendScreenUpdatingUntilNextSync: () => ctx.enqueue({ kind: "suspendScreen" }, () => undefined),
    };
  }
}

const INVALID_SHEET_CHARS = /[[\]:*?/\\]/;

function checkSheetName(wb: FakeWorkbook, name: string, except?: FakeSheet): void {
  if (!name || name.length > 31 || INVALID_SHEET_CHARS.test(name) || name.startsWith("'") || name.endsWith("'")) {
    throw officeError("InvalidArgument", `Invalid sheet name "${name}"`);
  }
  const other = wb.find(name);
  if (other && other !== except) throw officeError("ItemAlreadyExists", `A sheet named "${name}" already exists`);
}

class WorksheetCollectionProxy extends Loadable {
  constructor(ctx: FakeContext) {
    super(ctx, "WorksheetCollection");
  }
  private itemProps: string[] = [];

  override load(props: string | string[] = ""): this {
    const list = (Array.isArray(props) ? props : props.split(",")).map((p) => p.trim());
    this.itemProps = list.filter((p) => p.startsWith("items/")).map((p) => p.slice(6));
    if (list.some((p) => p === "items")) this.itemProps = ["name", "visibility", "position"];
    return super.load("items");
  }

  protected override compute(prop: string): unknown {
    if (prop !== "items") return super.compute(prop);
    return this.ctx.wb.sheets.map((s, i) => {
      const proxy = new WorksheetProxy(this.ctx, () => s);
      proxy.prime({ name: s.name, visibility: s.visibility, position: i, isNullObject: false }, this.itemProps);
      return proxy;
    });
  }

  get items(): WorksheetProxy[] {
    return this.read("items") as WorksheetProxy[];
  }

  add(name?: string): WorksheetProxy {
    let created: FakeSheet | undefined;
    const wb = this.ctx.wb;
    this.ctx.enqueue({ kind: "worksheets.add", sheet: name }, () => {
      const n = name ?? `Sheet${wb.sheets.length + 1}`;
      checkSheetName(wb, n);
      created = new FakeSheet(n);
      wb.sheets.push(created);
    });
    return new WorksheetProxy(this.ctx, () => created ?? null, true);
  }

  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.wb.find(name) ?? null, true, name);
  }

  getItemOrNullObject(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.wb.find(name) ?? null, false, name);
  }

  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.wb.active ?? this.ctx.wb.sheets[0] ?? null, true);
  }
}

class WorksheetProxy extends Loadable {
  private bound: FakeSheet | undefined;
  constructor(
    ctx: FakeContext,
    private lookup: () => FakeSheet | null,
    private strict = true,
    private lookupName?: string,
  ) {
    super(ctx, "Worksheet");
  }

  /** Like Office.js, a proxy refers to the object found first, not to its name (renames keep it). */
  readonly resolve = (): FakeSheet | null => {
    if (this.bound) return this.ctx.wb.sheets.includes(this.bound) ? this.bound : null;
    const s = this.lookup();
    if (s) this.bound = s;
    return s;
  };

  prime(values: Record<string, unknown>, props: string[]): void {
    for (const p of props) {
      this.data[p] = values[p];
      this.loaded.add(p);
    }
  }

  must(): FakeSheet {
    const s = this.resolve();
    if (!s) throw officeError("ItemNotFound", `The worksheet "${this.lookupName ?? "?"}" does not exist`);
    return s;
  }

  protected override info(): OpInfo {
    const s = this.resolve();
    return { kind: "", sheet: s?.name ?? this.lookupName };
  }

  protected override compute(prop: string): unknown {
    const s = this.resolve();
    if (prop === "isNullObject") return s === null;
    if (!s && !this.strict) return undefined;
    const sheet = this.must();
    switch (prop) {
      case "name":
        return sheet.name;
      case "visibility":
        return sheet.visibility;
      case "position":
        return this.ctx.wb.sheets.indexOf(sheet);
      default:
        return super.compute(prop);
    }
  }

  get isNullObject(): boolean {
    return this.read("isNullObject") as boolean;
  }
  get name(): string {
    return this.read("name") as string;
  }
  set name(v: string) {
    this.ctx.enqueue({ kind: "worksheet.rename", sheet: v }, () => {
      const s = this.must();
      checkSheetName(this.ctx.wb, v, s);
      s.name = v;
    });
  }
  get visibility(): string {
    return this.read("visibility") as string;
  }
  set visibility(v: string) {
    this.ctx.enqueue({ kind: "worksheet.visibility", sheet: this.lookupName }, () => {
      this.must().visibility = v;
    });
  }
  get position(): number {
    return this.read("position") as number;
  }

  activate(): void {
    this.ctx.enqueue({ kind: "worksheet.activate", sheet: this.lookupName }, () => {
      this.ctx.wb.active = this.must();
    });
  }

  delete(): void {
    this.ctx.enqueue({ kind: "worksheet.delete", sheet: this.lookupName }, () => {
      const s = this.must();
      const wb = this.ctx.wb;
      if (wb.sheets.filter((x) => x.visibility === "Visible" && x !== s).length === 0) {
        throw officeError("InvalidOperation", "A workbook must contain at least one visible worksheet");
      }
      wb.sheets = wb.sheets.filter((x) => x !== s);
      if (wb.active === s) wb.active = wb.sheets[0];
    });
  }

  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const s = this.must();
      return { sheet: s, area: address ? parseArea(address) : { row: 0, col: 0, rows: 1048576, cols: 16384 } };
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      if (rowCount < 1 || columnCount < 1) throw officeError("InvalidArgument", "rowCount/columnCount must be ≥ 1");
      return { sheet: this.must(), area: { row: startRow, col: startColumn, rows: rowCount, cols: columnCount } };
    });
  }

  getRanges(address: string): RangeAreasProxy {
    return new RangeAreasProxy(this.ctx, () => ({
      sheet: this.must(),
      areas: address.split(",").map((a) => parseArea(a)),
    }));
  }

  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return new RangeProxy(
      this.ctx,
      () => {
        const s = this.must();
        const area = s.usedArea(valuesOnly);
        return area ? { sheet: s, area } : null;
      },
      false,
    );
  }

  get names(): NamedItemCollectionProxy {
    return new NamedItemCollectionProxy(this.ctx, this);
  }

  get tables() {
    return {
      add: (address: RangeProxy | string, hasHeaders: boolean) => {
        const table: FakeTable = { name: "", address: "", hasHeaders };
        const proxy = new RecordingProxy(
          this.ctx,
          "Table",
          ["name", "style", "showBandedRows"],
          (k, v) => ((table as unknown as Record<string, unknown>)[k] = v),
          () => this.must().name,
        );
        this.ctx.enqueue({ kind: "tables.add", sheet: this.lookupName }, () => {
          const s = this.must();
          const area = typeof address === "string" ? parseArea(address) : address.resolveArea().area;
          for (const m of s.merges) {
            if (overlaps(m, area)) throw officeError("InvalidOperation", "A table cannot overlap merged cells");
          }
          for (const t of s.tables) {
            if (overlaps(parseArea(t.address), area))
              throw officeError("InvalidOperation", "A table cannot overlap another table");
          }
          table.name = this.ctx.wb.nextTableName();
          table.address = areaAddress(area);
          s.tables.push(table);
        });
        return proxy.api as { name: string; style: string; showBandedRows: boolean };
      },
    };
  }

  get charts() {
    return {
      add: (type: string, source: RangeProxy, seriesBy?: string) => {
        const chart: FakeChart = { name: "", type, source: "", seriesBy, series: [] };
        this.ctx.enqueue({ kind: "charts.add", sheet: this.lookupName }, () => {
          const s = this.must();
          chart.name = this.ctx.wb.nextChartName();
          chart.source = areaAddress(source.resolveArea().area);
          chart.series.push({ values: chart.source });
          s.charts.push(chart);
        });
        const ctx = this.ctx;
        const seriesProxy = (i: () => number) => ({
          set name(v: string) {
            ctx.enqueue({ kind: "chart.series.name" }, () => void (chart.series[i()].name = v));
          },
          setXAxisValues(r: RangeProxy) {
            ctx.enqueue(
              { kind: "chart.series.setXAxisValues" },
              () => void (chart.series[i()].xValues = areaAddress(r.resolveArea().area)),
            );
          },
          setValues(r: RangeProxy) {
            ctx.enqueue(
              { kind: "chart.series.setValues" },
              () => void (chart.series[i()].values = areaAddress(r.resolveArea().area)),
            );
          },
        });
        return {
          set name(v: string) {
            ctx.enqueue({ kind: "chart.name" }, () => void (chart.name = v));
          },
          title: {
            set text(v: string) {
              ctx.enqueue({ kind: "chart.title" }, () => void (chart.title = v));
            },
            set visible(_v: boolean) {
              ctx.enqueue({ kind: "chart.title.visible" }, () => undefined);
            },
          },
          legend: {
            set visible(_v: boolean) {
              ctx.enqueue({ kind: "chart.legend" }, () => undefined);
            },
            set position(_v: string) {
              ctx.enqueue({ kind: "chart.legend" }, () => undefined);
            },
          },
          series: {
            getItemAt: (i: number) =>
              seriesProxy(() => {
                if (!chart.series[i]) throw officeError("ItemNotFound", `No series ${i}`);
                return i;
              }),
            add: (name?: string) => {
              let idx = -1;
              ctx.enqueue({ kind: "chart.series.add" }, () => {
                chart.series.push({ name });
                idx = chart.series.length - 1;
              });
              return seriesProxy(() => idx);
            },
          },
          setPosition: (start: RangeProxy | string, end?: RangeProxy | string) => {
            const addr = (x: RangeProxy | string | undefined) =>
              x === undefined ? undefined : typeof x === "string" ? x : areaAddress(x.resolveArea().area);
            ctx.enqueue({ kind: "chart.setPosition" }, () => void (chart.position = [addr(start)!, addr(end)]));
          },
        };
      },
    };
  }

  get freezePanes() {
    const set = (rows: number | undefined, cols: number | undefined) =>
      this.ctx.enqueue({ kind: "freezePanes", sheet: this.lookupName }, () => {
        const s = this.must();
        s.frozen = { rows: rows ?? s.frozen.rows, cols: cols ?? s.frozen.cols };
      });
    return {
      freezeRows: (n: number) => set(n, 0),
      freezeColumns: (n: number) => set(0, n),
      freezeAt: (r: RangeProxy | string) =>
        this.ctx.enqueue({ kind: "freezePanes", sheet: this.lookupName }, () => {
          const a = typeof r === "string" ? parseArea(r) : r.resolveArea().area;
          this.must().frozen = { rows: a.row + a.rows, cols: a.col + a.cols };
        }),
    };
  }

  get pageLayout() {
    const put = (k: string, v: unknown) =>
      this.ctx.enqueue({ kind: "pageLayout", sheet: this.lookupName }, () => void (this.must().pageLayout[k] = v));
    return {
      set orientation(v: string) {
        put("orientation", v);
      },
      set paperSize(v: string) {
        put("paperSize", v);
      },
      set zoom(v: unknown) {
        put("zoom", v);
      },
      set centerHorizontally(v: boolean) {
        put("centerHorizontally", v);
      },
      setPrintTitleRows: (rows: RangeProxy | string) =>
        put("printTitleRows", typeof rows === "string" ? rows : "(range)"),
    };
  }

  get protection() {
    return {
      protect: (options?: Record<string, boolean>) =>
        this.ctx.enqueue({ kind: "protect", sheet: this.lookupName }, () => {
          const s = this.must();
          s.protected = true;
          s.pageLayout.protectionOptions = options ?? {};
        }),
    };
  }
}

function overlaps(a: FakeArea, b: FakeArea): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

class NamedItemCollectionProxy {
  constructor(
    private ctx: FakeContext,
    private sheet: WorksheetProxy,
  ) {}
  add(name: string, reference: RangeProxy | string, comment?: string): NamedItemProxy {
    this.ctx.enqueue({ kind: "names.add", sheet: this.sheet.resolve()?.name }, () => {
      const s = this.sheet.must();
      if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name)) throw officeError("InvalidArgument", `Invalid name "${name}"`);
      if (s.names[name]) throw officeError("ItemAlreadyExists", `Name "${name}" exists`);
      // Stored without the sheet name: Excel keeps references right when a sheet is renamed.
      const ref = typeof reference === "string" ? reference : `=${areaAddress(reference.resolveArea().area)}`;
      s.names[name] = { reference: ref, comment };
    });
    return new NamedItemProxy(this.ctx, this.sheet, name);
  }
  getItemOrNullObject(name: string): NamedItemProxy {
    return new NamedItemProxy(this.ctx, this.sheet, name);
  }
}

class NamedItemProxy extends Loadable {
  constructor(
    ctx: FakeContext,
    private sheet: WorksheetProxy,
    private itemName: string,
  ) {
    super(ctx, "NamedItem");
  }
  protected override compute(prop: string): unknown {
    const s = this.sheet.resolve();
    const item = s?.names[this.itemName];
    if (prop === "isNullObject") return !item;
    if (prop === "name") return item ? this.itemName : undefined;
    if (prop === "comment") return item?.comment ?? "";
    return super.compute(prop);
  }
  get isNullObject(): boolean {
    return this.read("isNullObject") as boolean;
  }
  get name(): string {
    return this.read("name") as string;
  }
  get comment(): string {
    return this.read("comment") as string;
  }
}

/** Write-only proxy for objects with settable scalar members (whitelisted names). */
class RecordingProxy {
  api: Record<string, unknown> = {};
  constructor(
    ctx: FakeContext,
    label: string,
    members: string[],
    apply: (k: string, v: unknown) => void,
    sheet: () => string | undefined,
  ) {
    for (const m of members) {
      Object.defineProperty(this.api, m, {
        set: (v: unknown) => ctx.enqueue({ kind: `${label}.${m}`, sheet: sheet() }, () => apply(m, v)),
        get: () => {
          throw new Error(`fake: reading ${label}.${m} is not supported (write-only in the fake)`);
        },
        enumerable: true,
      });
    }
  }
}

type Resolved = { sheet: FakeSheet; area: FakeArea } | null;

const FORMAT_MEMBERS: Record<string, string[]> = {
  "": ["horizontalAlignment", "verticalAlignment", "wrapText", "columnWidth", "rowHeight", "indentLevel"],
  font: ["bold", "italic", "color", "size", "name", "underline"],
  fill: ["color"],
  protection: ["locked", "formulaHidden"],
};
const BORDER_ITEMS = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal"];
const BORDER_MEMBERS = ["style", "color", "weight"];

function looksNumeric(s: string): boolean {
  return /^\s*[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/.test(s);
}

class RangeProxy extends Loadable {
  constructor(
    ctx: FakeContext,
    private resolver: () => Resolved,
    private strict = true,
  ) {
    super(ctx, "Range");
  }

  resolveArea(): { sheet: FakeSheet; area: FakeArea } {
    const r = this.resolver();
    if (!r) throw officeError("ItemNotFound", "The range does not exist (null object)");
    return r;
  }

  protected override info(): OpInfo {
    try {
      const r = this.resolver();
      return { kind: "", sheet: r?.sheet.name, address: r ? areaAddress(r.area) : undefined };
    } catch {
      return { kind: "" };
    }
  }

  private matrix(f: (r: number, c: number) => unknown): unknown[][] | null {
    const { area } = this.resolveArea();
    if (area.rows * area.cols > this.ctx.wb.limits.readCells) return null;
    const out: unknown[][] = [];
    for (let r = 0; r < area.rows; r++) {
      const row: unknown[] = [];
      for (let c = 0; c < area.cols; c++) row.push(f(area.row + r, area.col + c));
      out.push(row);
    }
    return out;
  }

  protected override compute(prop: string): unknown {
    const res = this.resolver();
    if (prop === "isNullObject") return res === null;
    if (!res && !this.strict) return undefined;
    const { sheet, area } = this.resolveArea();
    switch (prop) {
      case "address":
        return `${quote(sheet.name)}!${areaAddress(area)}`;
      case "rowIndex":
        return area.row;
      case "columnIndex":
        return area.col;
      case "rowCount":
        return area.rows;
      case "columnCount":
        return area.cols;
      case "values":
        return this.matrix((r, c) => sheet.valueAt(r, c));
      case "valueTypes":
        return this.matrix((r, c) => sheet.typeAt(r, c));
      case "formulas":
        return this.matrix((r, c) => sheet.formulaAt(r, c));
      case "numberFormat":
        return this.matrix((r, c) => sheet.get(r, c)?.numberFormat ?? "General");
      default:
        return super.compute(prop);
    }
  }

  get isNullObject(): boolean {
    return this.read("isNullObject") as boolean;
  }
  get address(): string {
    return this.read("address") as string;
  }
  get rowIndex(): number {
    return this.read("rowIndex") as number;
  }
  get columnIndex(): number {
    return this.read("columnIndex") as number;
  }
  get rowCount(): number {
    return this.read("rowCount") as number;
  }
  get columnCount(): number {
    return this.read("columnCount") as number;
  }
  get values(): unknown[][] {
    return this.read("values") as unknown[][];
  }
  set values(v: unknown[][]) {
    this.write("values", v);
  }
  get valueTypes(): string[][] {
    return this.read("valueTypes") as string[][];
  }
  get formulas(): unknown[][] {
    return this.read("formulas") as unknown[][];
  }
  set formulas(v: unknown[][]) {
    this.write("formulas", v);
  }
  get numberFormat(): unknown[][] {
    return this.read("numberFormat") as unknown[][];
  }
  set numberFormat(v: unknown[][]) {
    this.write("numberFormat", v);
  }

  private eachTarget(v: unknown[][] | unknown, f: (cell: FakeCell, x: unknown, r: number, c: number) => void): number {
    const { sheet, area } = this.resolveArea();
    const isMatrix = Array.isArray(v);
    if (isMatrix) {
      const m = v as unknown[][];
      if (m.length !== area.rows || m.some((row) => !Array.isArray(row) || row.length !== area.cols)) {
        // Excel accepts a single value for a whole range, otherwise dimensions must match.
        if (!(m.length === 1 && m[0].length === 1)) {
          throw officeError(
            "InvalidArgument",
            `The number of rows or columns in the input array doesn't match the size of the range (${areaAddress(area)})`,
          );
        }
      }
    }
    let n = 0;
    for (let r = 0; r < area.rows; r++)
      for (let c = 0; c < area.cols; c++) {
        const m = v as unknown[][];
        const x = isMatrix ? (m.length === 1 && m[0].length === 1 ? m[0][0] : m[r][c]) : v;
        f(sheet.cell(area.row + r, area.col + c), x, area.row + r, area.col + c);
        n++;
      }
    return n;
  }

  private write(prop: "values" | "formulas" | "numberFormat", v: unknown[][]): void {
    this.ctx.enqueue(
      { ...this.info(), kind: `set.${prop}` },
      () => {
        const n = this.eachTarget(v, (cell, x) => {
          if (prop === "numberFormat") {
            if (x !== null && x !== undefined) cell.numberFormat = String(x);
            return;
          }
          if (x === null || x === undefined) return; // null leaves the cell unchanged
          delete cell.formula;
          if (typeof x === "string") {
            if (x === "") cell.value = null;
            else if (x.startsWith("=") && x.length > 1 && cell.numberFormat !== "@") {
              cell.formula = x;
              cell.value = null;
            } else if (cell.numberFormat !== "@" && looksNumeric(x)) cell.value = Number(x);
            else cell.value = x;
          } else if (typeof x === "number" || typeof x === "boolean") cell.value = x;
          else throw officeError("InvalidArgument", `Unsupported cell value ${JSON.stringify(x)}`);
        });
        return { cellsWritten: n };
      },
      jsonBytes(v),
    );
  }

  set hyperlink(h: Record<string, unknown>) {
    this.ctx.enqueue(
      { ...this.info(), kind: "set.hyperlink" },
      () => {
        this.eachTarget(null, (cell) => (cell.hyperlink = { ...h }));
      },
      jsonBytes(h),
    );
  }
  get hyperlink(): Record<string, unknown> {
    throw new Error("fake: reading Range.hyperlink is not supported");
  }

  get format(): unknown {
    return this.formatProxy("");
  }

  private formatProxy(path: string): unknown {
    const members = FORMAT_MEMBERS[path];
    const api: Record<string, unknown> = {};
    const setFmt = (key: string, v: unknown) =>
      this.ctx.enqueue({ ...this.info(), kind: `format.${key}` }, () => {
        if (key === "columnWidth") {
          const { sheet, area } = this.resolveArea();
          for (let c = area.col; c < area.col + area.cols; c++) sheet.colWidths[c] = v as number;
          return;
        }
        this.eachTarget(null, (cell) => {
          cell.fmt = { ...(cell.fmt ?? {}), [key]: v };
        });
      });
    for (const m of members) {
      Object.defineProperty(api, m, { set: (v) => setFmt(path ? `${path}.${m}` : m, v), enumerable: true });
    }
    if (path === "") {
      for (const sub of ["font", "fill", "protection"])
        Object.defineProperty(api, sub, { get: () => this.formatProxy(sub) });
      api.borders = {
        getItem: (name: string) => {
          if (!BORDER_ITEMS.includes(name)) throw new TypeError(`fake: unknown border "${name}"`);
          const b: Record<string, unknown> = {};
          for (const m of BORDER_MEMBERS) Object.defineProperty(b, m, { set: (v) => setFmt(`border.${name}.${m}`, v) });
          return Object.preventExtensions(b);
        },
      };
      api.autofitRows = () => this.ctx.enqueue({ ...this.info(), kind: "format.autofitRows" }, () => undefined);
      api.autofitColumns = () => this.ctx.enqueue({ ...this.info(), kind: "format.autofitColumns" }, () => undefined);
    }
    // Unknown members (typos such as autoFitColumns) throw instead of passing silently.
    return new Proxy(Object.preventExtensions(api), {
      get(target, p) {
        if (typeof p === "string" && !(p in target))
          throw new TypeError(`fake: Range.format${path ? "." + path : ""} has no member "${p}"`);
        return Reflect.get(target, p);
      },
      set(target, p, v) {
        if (typeof p === "string" && !(p in target))
          throw new TypeError(`fake: Range.format${path ? "." + path : ""} has no member "${p}"`);
        return Reflect.set(target, p, v);
      },
    });
  }

  get dataValidation(): unknown {
    const put = (k: string, v: unknown) =>
      this.ctx.enqueue({ ...this.info(), kind: `dataValidation.${k}` }, () => {
        this.eachTarget(
          null,
          (cell) => (cell.validation = { ...(cell.validation ?? {}), [k]: JSON.parse(JSON.stringify(v)) }),
        );
      });
    const api = {};
    for (const m of ["rule", "prompt", "errorAlert"]) Object.defineProperty(api, m, { set: (v) => put(m, v) });
    return Object.preventExtensions(api);
  }

  get conditionalFormats(): ConditionalFormatCollectionProxy {
    return new ConditionalFormatCollectionProxy(this.ctx, () => {
      const r = this.resolveArea();
      return { sheet: r.sheet, areas: [r.area] };
    });
  }

  merge(across = false): void {
    this.ctx.enqueue({ ...this.info(), kind: "merge" }, () => {
      const { sheet, area } = this.resolveArea();
      const add = (a: FakeArea) => {
        if (a.rows * a.cols < 2) return;
        sheet.merges = sheet.merges.filter((m) => !overlaps(m, a));
        sheet.merges.push(a);
      };
      if (across)
        for (let r = 0; r < area.rows; r++) add({ row: area.row + r, col: area.col, rows: 1, cols: area.cols });
      else add(area);
    });
  }

  select(): void {
    this.ctx.enqueue({ ...this.info(), kind: "select" }, () => {
      const { sheet, area } = this.resolveArea();
      if (this.ctx.wb.active !== sheet)
        throw officeError("InvalidOperation", "Cannot select a range on an inactive sheet");
      this.ctx.wb.selection = { sheet: sheet.name, address: areaAddress(area) };
    });
  }

  getCell(row: number, column: number): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const { sheet, area } = this.resolveArea();
      return { sheet, area: { row: area.row + row, col: area.col + column, rows: 1, cols: 1 } };
    });
  }
}

class RangeAreasProxy {
  constructor(
    private ctx: FakeContext,
    private resolver: () => { sheet: FakeSheet; areas: FakeArea[] },
  ) {}
  get conditionalFormats(): ConditionalFormatCollectionProxy {
    return new ConditionalFormatCollectionProxy(this.ctx, this.resolver);
  }
}

class ConditionalFormatCollectionProxy extends Loadable {
  constructor(
    ctx: FakeContext,
    private resolver: () => { sheet: FakeSheet; areas: FakeArea[] },
  ) {
    super(ctx, "ConditionalFormatCollection");
  }
  override load(props: string | string[] = ""): this {
    void props;
    return super.load("items");
  }
  protected override compute(prop: string): unknown {
    if (prop !== "items") return super.compute(prop);
    const { sheet, areas } = this.resolver();
    return sheet.conditionalFormats
      .filter((cf) => cf.areas.some((a) => areas.some((b) => overlaps(a, b))))
      .map((cf) => new ConditionalFormatProxy(this.ctx, sheet, cf, true));
  }
  get items(): ConditionalFormatProxy[] {
    return this.read("items") as ConditionalFormatProxy[];
  }
  add(type: string): ConditionalFormatProxy {
    if (type !== "Custom") throw new TypeError(`fake: only Custom conditional formats are modelled (got ${type})`);
    const cf: FakeConditionalFormat = { id: "", type, areas: [] };
    let sheet: FakeSheet | undefined;
    this.ctx.enqueue({ kind: "conditionalFormats.add" }, () => {
      const r = this.resolver();
      sheet = r.sheet;
      cf.id = this.ctx.wb.nextCfId();
      cf.areas = r.areas;
      r.sheet.conditionalFormats.push(cf);
    });
    return new ConditionalFormatProxy(this.ctx, () => sheet!, cf, false);
  }
}

class ConditionalFormatProxy extends Loadable {
  private sheetRef: () => FakeSheet;
  constructor(
    ctx: FakeContext,
    sheet: FakeSheet | (() => FakeSheet),
    private cf: FakeConditionalFormat,
    primed: boolean,
  ) {
    super(ctx, "ConditionalFormat");
    this.sheetRef = typeof sheet === "function" ? sheet : () => sheet;
    if (primed) {
      this.data = { id: cf.id, type: cf.type };
      this.loaded = new Set(["id", "type"]);
    }
  }
  protected override compute(prop: string): unknown {
    if (prop === "id") return this.cf.id;
    if (prop === "type") return this.cf.type;
    return super.compute(prop);
  }
  get id(): string {
    return this.read("id") as string;
  }
  get type(): string {
    return this.read("type") as string;
  }
  private customCache: unknown;
  /** Navigation properties return the same proxy each time (as in Office.js). */
  get custom() {
    if (!this.customCache) this.customCache = this.makeCustom();
    return this.customCache as ReturnType<ConditionalFormatProxy["makeCustom"]>;
  }
  private makeCustom() {
    const ctx = this.ctx;
    const cf = this.cf;
    class RuleProxy extends Loadable {
      constructor() {
        super(ctx, "ConditionalFormatRule");
      }
      protected override compute(prop: string): unknown {
        if (prop === "formula") return cf.formula ?? "";
        return super.compute(prop);
      }
      get formula(): string {
        return this.read("formula") as string;
      }
      set formula(v: string) {
        ctx.enqueue({ kind: "cf.rule.formula" }, () => void (cf.formula = v));
      }
    }
    return {
      rule: new RuleProxy(),
      format: {
        fill: {
          set color(v: string) {
            ctx.enqueue({ kind: "cf.fill" }, () => void (cf.fill = v));
          },
        },
        font: {
          set color(v: string) {
            ctx.enqueue({ kind: "cf.font" }, () => void (cf.fontColor = v));
          },
        },
      },
    };
  }
  delete(): void {
    this.ctx.enqueue({ kind: "cf.delete" }, () => {
      const s = this.sheetRef();
      s.conditionalFormats = s.conditionalFormats.filter((x) => x !== this.cf);
    });
  }
}

/* ------------------------------------------------------------------ installing into a page */

/**
 * Make `Excel.run` and `Office.context.document.settings` / `requirements` point at a fake workbook
 * (browser tests). An existing `Office` stub (onReady etc.) is kept and extended.
 */
export function installFakeExcel(target: Record<string, unknown>, wb: FakeWorkbook): void {
  target.Excel = { run: (a: unknown, b?: unknown) => (wb.run as (x: unknown, y?: unknown) => Promise<unknown>)(a, b) };
  const office = (target.Office ?? {}) as Record<string, unknown>;
  const context = (office.context ?? {}) as Record<string, unknown>;
  const document = (context.document ?? {}) as Record<string, unknown>;
  document.settings = wb.settings;
  context.document = document;
  context.requirements = {
    isSetSupported: (name: string, v?: string) => name === "ExcelApi" && wb.supports(v ?? "1.1"),
  };
  office.context = context;
  target.Office = office;
}
